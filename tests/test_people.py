"""People, titles, roles and affiliations (extract.names, .titles, .scanner, .roles, .affiliation)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import release_facts as _facts

from helpers.extract.document import extract_document
from helpers.extract.facts import person_key
from helpers.extract.nlp import words_of
from helpers.extract.roles import assign_roles
from helpers.extract.scanner import scan
from helpers.ingest import read_corpus

SIGNED = "Brindle University and Tarn Institute signed an agreement. "


def _roles(facts) -> set[tuple[str, str]]:
    """(person key, role) of every person in every event."""
    return {(r[0], r[3]) for ev in facts.events for r in ev.roles if r[0]}


# --- names and honorifics -------------------------------------------------------------------

@pytest.mark.parametrize("text, key, name", [
    ("Mr Tom Reed attended the ceremony.", "reed tom", "Tom Reed"),
    ("Professor Ada Lind attended the ceremony.", "ada lind", "Ada Lind"),
    ("Dr. Omar Feld attended the ceremony.", "feld omar", "Omar Feld"),
    ("Prof. Dr. Hanna Voss attended the ceremony.", "hanna voss", "Hanna Voss"),
    ("Prof. Dr. Eng. Şükrü Öztan attended the ceremony.", "öztan şükrü", "Şükrü Öztan"),
    ("Pol. Lt. Gen. Dr. Anucha Srisawat attended the ceremony.", "anucha srisawat", "Anucha Srisawat"),
    ("The signing was witnessed by the company's Head of Legal Services, Barr. Ifeoma Chukwu.", "chukwu ifeoma",
     "Ifeoma Chukwu"),
    ("The talks were opened by Eng. Ali Hassan of Brindle University.", "ali hassan", "Ali Hassan"),
    ("The Minister of Tarn Development, Chief (Dr.) Uche Osk, attended the ceremony.", "osk uche", "Uche Osk"),
    ("The ceremony was attended by the Rector of Tarn University, Fr. Andrés Felipe Osk Uribe.",
     "andrés felipe osk uribe", "Andrés Felipe Osk Uribe"),
    ("It was moderated by the Vice-Rector, Conf. dr. ing. Adrian-Mihai TARNU.", "adrian-mihai tarnu",
     "Adrian-Mihai Tarnu"),
    ("The signing was witnessed by Rosa Elvira MENDOZA DE LA CRUZ, Ambassador of Peru to Tarnland.",
     "cruz de elvira la mendoza rosa", "Rosa Elvira Mendoza De La Cruz"),
    # post-Soviet degrees and an academy's ranks stand before a name like an honorific
    ("The talk was given by the Leading Researcher of the Tarn Institute of Hydrology, Candidate of Technical "
     "Sciences Rustam Davlatov, on glacial lakes.", "davlatov rustam", "Rustam Davlatov"),
    ("It was attended by the Scientific Secretary of IRPM, Candidate of Physical and Mathematical Sciences Lusine "
     "Hakobian.", "hakobian lusine", "Lusine Hakobian"),
    ("The delegation visited the Tarn Institute of Geophysics, where its director, Corresponding Member Vitalii "
     "HONCHARUK, presented the network.", "honcharuk vitalii", "Vitalii Honcharuk"),
    # Austrian and Romanian academic chains before a name
    ("Its Managing Director Dipl.-Ing. Dr. techn. Florian Gruber-Tarn spoke.", "florian gruber-tarn",
     "Florian Gruber-Tarn"),
    ("It was signed by the Director-General of INFL, CS I dr. ing. Radu-Mihai Tarnescu.", "radu-mihai tarnescu",
     "Radu-Mihai Tarnescu"),
    ("Its Director, Univ.-Prof. DDr. Herwig Tarnhofer, presented the projects.", "herwig tarnhofer",
     "Herwig Tarnhofer"),
    # "Mou" is a family name; "MoU" is the paper signed
    ("Present was the Principal Scientific Officer, Oceanography Division, TIOS, Dr. Sadia Afrin Mou.",
     "afrin mou sadia", "Sadia Afrin Mou"),
])
def test_honorific_is_stripped_from_the_name(text, key, name):
    f = _facts(text)
    assert list(f.people) == [key]
    assert f.people[key].name == name


def test_title_before_name():
    f = _facts("Vice President Jane Roe attended the ceremony.")
    p = f.people["jane roe"]
    assert (p.name, p.title, p.title_kind) == ("Jane Roe", "Vice President", "university")


def test_organisation_before_title():
    f = _facts("ACME Chairman John Doe attended the ceremony.")
    p = f.people["doe john"]
    assert (p.name, p.title, p.org) == ("John Doe", "Chairman", "acme")


def test_title_after_name_gives_title_and_top_organisation():
    f = _facts("ACME signed an agreement with Brindle University. "
               "John Doe, Director of the Research Office of ACME, attended the ceremony.")
    p = f.people["doe john"]
    assert p.title == "Director of the Research Office"
    assert p.org == "acme"


def test_title_after_name_gives_parent_named_only_in_the_title():
    f = _facts("John Doe, Director of the Research Office of Brindle University, attended the ceremony.")
    assert f.people["doe john"].org == "brindle university"


def test_family_name_alone_resolves_to_the_full_name():
    f = _facts("Vice President John Doe of ACME attended the ceremony. Later, Mr Doe said it was a good day.")
    assert list(f.people) == ["doe john"]
    assert "Mr Doe" in f.people["doe john"].aliases
    assert _roles(f) == {("doe john", "attendee"), ("doe john", "speaker")}


def test_family_name_alone_resolves_to_a_bare_full_name():
    f = _facts("John Doe of ACME attended the ceremony. Later, Mr Doe said it was a good day.")
    assert list(f.people) == ["doe john"]


def test_namesakes_stay_two_and_family_name_goes_to_the_first():
    f = _facts("Dr John Lee and Dr Mary Lee attended the ceremony. Mr Lee said it was a good day.")
    assert set(f.people) == {"john lee", "lee mary"}
    assert "Mr Lee" in f.people["john lee"].aliases
    assert ("john lee", "speaker") in _roles(f)
    assert ("lee mary", "speaker") not in _roles(f)


def test_plural_title_gives_each_name_the_singular():
    f = _facts("Vice Presidents Ann Bell, Carl Dunn and Eva Frost attended the ceremony.")
    assert {k: p.title for k, p in f.people.items()} == {
        "ann bell": "Vice President", "carl dunn": "Vice President", "eva frost": "Vice President"}
    men = _facts("The delegation included Ann Bell and Carl Dunn, Deputy Chairmen of the Board of Tarn Institute.")
    assert {p.title for p in men.people.values()} == {"Deputy Chairman of the Board"}


def test_all_caps_family_name_is_title_cased():
    f = _facts("ZHAO Lingyun attended the ceremony.")
    assert [p.name for p in f.people.values()] == ["Zhao Lingyun"]
    assert "ZHAO Lingyun" in f.people["lingyun zhao"].aliases


def test_bylines_are_never_participants(tmp_path: Path):
    (tmp_path / "r.txt").write_text(
        "Brindle University and Tarn Institute sign research agreement\n\n"
        "Brindle University and Tarn Institute signed a research agreement on May 4, 2023. "
        "President Ada Lind of Brindle University attended the ceremony.\n\n"
        "Written by: Nora Pell\nEdited by: Sam Quill\n", encoding="utf-8")
    (doc,) = read_corpus(tmp_path)
    assert doc.authors == ["Nora Pell", "Sam Quill"]
    f = extract_document(doc)
    assert list(f.people) == ["ada lind"]


@pytest.mark.parametrize("text", [
    "Artificial Intelligence will change research.",
    "The ceremony was held in Harbour Hall.",
    "Harbour Hall was full. Artificial Intelligence was discussed by the two sides.",
    "Harbour Hall hosted the signing ceremony.",
    "Artificial Intelligence Research was highlighted by the two sides.",
    "Steel Norway has signed an agreement with Brindle University.",
    "When I spoke of commercial research, some objected.",
    "The rector attended the “Harbour Opening-up and Shared Future” forum in Tarn.",
    "The delegation toured Washington D.C. and Boston.",
])
def test_bare_capitalised_phrase_is_no_person(text):
    assert _facts(text).people == {}


# --- roles ----------------------------------------------------------------------------------

def test_signatory_signed_on_behalf_of():
    f = _facts("Dr Ada Lind signed the agreement on behalf of Brindle University.")
    assert _roles(f) == {("ada lind", "signatory")}
    assert f.events[0].kind == "signing"


def test_signatory_on_behalf_of_is_affiliated():
    f = _facts("Dr Ada Lind signed the agreement on behalf of Brindle University.")
    assert f.people["ada lind"].org == "brindle university"


def test_each_signer_belongs_to_the_body_they_signed_on_behalf_of():
    f = _facts("Dr Ada Lind, Interim President, Brindle University, signed the MOU on behalf of Quillon, and "
               "Dr Tom Reed, Director of International Cooperation, signed on behalf of TIC.")
    assert (f.people["ada lind"].org, f.people["reed tom"].org) == ("brindle university", "tic")
    f = _facts("Dr Ada Lind and Dr Tom Reed signed the agreement on behalf of Brindle University and Tarn Institute.")
    assert f.people["ada lind"].org is None


def test_signatories_after_was_signed_by():
    f = _facts(SIGNED + "The agreement was signed by Dr Ada Lind and Mr Tom Reed.")
    assert _roles(f) == {("ada lind", "signatory"), ("reed tom", "signatory")}


@pytest.mark.parametrize("sentence", [
    "Mayor Ivo Brandt witnessed the signing.",
    "The deal was sealed in the presence of Mayor Ivo Brandt.",
])
def test_witness(sentence):
    assert _roles(_facts(SIGNED + sentence)) == {("brandt ivo", "witness")}


@pytest.mark.parametrize("sentence", [
    "Dean Rosa Kell presided over the ceremony.",
    "The ceremony was chaired by Dean Rosa Kell.",
])
def test_presider(sentence):
    assert _roles(_facts(SIGNED + sentence)) == {("kell rosa", "presider")}


def test_attendee_attended():
    f = _facts(SIGNED + "Dean Rosa Kell attended the ceremony.")
    assert _roles(f) == {("kell rosa", "attendee")}
    assert [ev.kind for ev in f.events] == ["signing"]


def test_attendees_after_also_present_were():
    f = _facts(SIGNED + "Also present were Dr Ada Lind and Mr Tom Reed.")
    assert _roles(f) == {("ada lind", "attendee"), ("reed tom", "attendee")}


def test_speaker_said():
    assert _roles(_facts(SIGNED + "Dean Rosa Kell said the deal would help students.")) == {
        ("kell rosa", "speaker")}


def test_speaker_delivered_a_speech():
    f = _facts("Dean Rosa Kell delivered a speech at the forum.")
    assert _roles(f) == {("kell rosa", "speaker")}
    assert [ev.kind for ev in f.events] == ["speech"]


def test_visitor_and_visited_host():
    f = _facts("Dean Rosa Kell visited Tarn Institute on May 5, 2023.")
    (ev,) = f.events
    assert ev.kind == "visit"
    assert {(r[0], r[1], r[3]) for r in ev.roles} == {
        ("kell rosa", None, "visitor"), (None, "tarn institute", "host")}


def test_met_with_subject_hosts_and_object_attends():
    f = _facts("President Ada Lind of Brindle University met with Mayor Ivo Brandt on May 5, 2023.")
    (ev,) = f.events
    assert ev.kind == "meeting"
    assert _roles(f) == {("ada lind", "host"), ("brandt ivo", "attendee")}


def test_the_two_parties_signed_gives_earlier_names_no_signing():
    f = _facts("President Ada Lind of Brindle University and Director Tom Reed of Tarn Institute "
               "delivered speeches, and then the two parties signed the agreement.")
    assert _roles(f) == {("ada lind", "speaker"), ("reed tom", "speaker")}


def test_names_before_signed_are_signatories():
    f = _facts("President Ada Lind of Brindle University and Director Tom Reed of Tarn Institute "
               "delivered speeches and signed the agreement.")
    assert {r for r in _roles(f) if r[1] == "signatory"} == {("ada lind", "signatory"), ("reed tom", "signatory")}


# --- affiliation ----------------------------------------------------------------------------

def test_respectively_maps_signatories_to_organisations_in_order():
    f = _facts(SIGNED + "The agreement was signed by Dr Ada Lind and Dr Tom Reed, "
                        "on behalf of Tarn Institute and Brindle University respectively.")
    assert f.people["ada lind"].org == "tarn institute"
    assert f.people["reed tom"].org == "brindle university"


def test_respectively_sentence_reports_the_same_signing():
    f = _facts(SIGNED + "Dr Ada Lind and Dr Tom Reed signed the agreement for Brindle University "
                        "and Tarn Institute respectively.")
    assert [ev.kind for ev in f.events] == ["signing"]


def test_government_title_with_one_government_party_is_inferred():
    f = _facts("Brindle University and the Haldor Municipal Government signed an agreement. "
               "Vice Mayor Ivo Brandt witnessed the signing.")
    p = f.people["brandt ivo"]
    assert (p.org, p.flag) == ("haldor municipal government", "inferred-from-title")


def test_government_title_with_no_government_party_is_unknown():
    f = _facts(SIGNED + "Vice Mayor Ivo Brandt witnessed the signing.")
    p = f.people["brandt ivo"]
    assert (p.org, p.flag) == (None, "unknown")


def test_scan_of_an_empty_span_finds_nothing():
    w = words_of("")
    items = scan(w, 0, 0, "", [])
    assign_roles(items, "attendee")
    assert items == []


# --- name structure and roles added for releases from every house style ----------------------

@pytest.mark.parametrize("text, name", [
    ("The MoU was signed by Dr. Mustafa Çetintaş, Director of the Karaman Institute.", "Mustafa Çetintaş"),
    ("Prof. İbrahim Aydın attended the ceremony.", "İbrahim Aydın"),
    ("Ms Nguye\u0302\u0303n Thi Lan attended the ceremony.", "Nguye\u0302\u0303n Thi Lan"),
    ("Chairman Md. Aftab Ali Sheikh attended the ceremony.", "Md. Aftab Ali Sheikh"),
    ("Sh. Om Prakash Gupta attended the ceremony.", "Om Prakash Gupta"),
    ("The talks were held with Princess Samira Haddad, President of the Tarn Society.", "Samira Haddad"),
    # particles do not count towards a name's length
    ("Dr. Inas bint Suleiman bin Mohammed Al Issa attended the ceremony.", "Inas bint Suleiman bin Mohammed Al Issa"),
    ("Dr. Sultan bin Ahmad Sultan Al Jaber attended the ceremony.", "Sultan bin Ahmad Sultan Al Jaber"),
    # dotted and transliterated initials, a particle joined by a hyphen, honours after the name
    ("The ceremony was attended by V.A. Korin, Rector of Tarn University.", "V.A. Korin"),
    ("The ceremony was attended by Yu.A.Lebedev, Vice-Rector of Tarn University.", "Yu.A. Lebedev"),
    ("The ceremony was attended by E.Zh. Omarov, Dean of Tarn University.", "E.Zh. Omarov"),
    ("The ceremony was attended by Petrov A. Yu., Dean of Tarn University.", "Petrov A. Yu."),
    ("President Dr Omar al-Harbi attended the ceremony.", "Omar al-Harbi"),
    ("Professor Ann Dale AO attended the ceremony.", "Ann Dale"),
    ("Maître Jean Mbala Kanku attended the ceremony.", "Jean Mbala Kanku"),
    ("H.H. Sheikh Hamad bin Saeed Al Qasimi attended the ceremony.", "Hamad bin Saeed Al Qasimi"),
])
def test_names_in_any_cased_script_and_abbreviated_given_names(text, name):
    f = _facts(text)
    assert [p.name for p in f.people.values()] == [name]


def test_a_middle_initial_does_not_change_the_person():
    f = _facts("Professor Ann J. Brook signed the agreement. Ann Brook thanked the partners.")
    assert list(f.people) == ["ann brook"]
    spelt = _facts("Professor Riad Yusuf Hamdan signed the agreement. Speaking later, Prof. Riad Y. Hamdan said "
                   "the partners would meet again.")
    assert list(spelt.people) == ["hamdan riad yusuf"]
    two = _facts("Professor Ann Jane Brook and Dr Alan John Brook signed the agreement. Prof. A. J. Brook spoke.")
    assert len(two.people) == 3


def test_quoted_speaker_after_said():
    f = _facts("“This is a milestone,” said Kestrel Director Rob Strain.")
    assert ("rob strain", "speaker") in _roles(f)


def test_a_title_after_a_comma_then_said_is_no_quote():
    f = _facts("Johann Feck, Head of Research at Tarn Institute, said the centre would open.")
    assert ("feck johann", "speaker") in _roles(f)
    assert f.people["feck johann"].org == "tarn institute"


def test_lower_case_apposition_closed_by_an_organisation():
    f = _facts(SIGNED + "Don Birx, vice president for research at the University of Houston, agrees.")
    p = f.people["birx don"]
    assert (p.title, p.org) == ("vice president", "university of houston")
    assert ("birx don", "speaker") in _roles(f)


def test_passive_signing_names_its_signatories_after_by():
    f = _facts("The MoU was signed on October 23, 2017 by the Director of Brindle University, "
               "Dr. Ana Ruiz, and the President of Tarn Institute, Prof. Dr. Sergey I. Donets.")
    assert {("ana ruiz", "signatory"), ("donets sergey", "signatory")} <= _roles(f)


def test_attendance_lists_and_delegations():
    f = _facts(SIGNED + "Also in attendance were Jose Arana Varela, chief executive officer, and "
               "Marilda Bottesi, special advisor.")
    assert {("arana jose varela", "attendee"), ("bottesi marilda", "attendee")} <= _roles(f)
    f = _facts("The Tarn delegation comprised:\n\nSofia Vago, President of Brindle University.\n\n"
               "Dario Giussi, CEO of Kestrel Labs.")
    assert {("sofia vago", "visitor"), ("dario giussi", "visitor")} <= _roles(f)


@pytest.mark.parametrize("text", [
    "Airbus and MTU Aero Engines have signed a Memorandum of Understanding.",
    "The Working Groups will meet in May. Flight Physics experts signed the agreement.",
    "After the meeting, the delegation toured the Advanced Packaging Pilot Line, where the guests spoke.",
    "Participants also discussed the preparation of the next International Polar Year and spoke on it.",
    "The MoU was signed at the Dewan Inovasi, MATI Complex, Putrajaya, and the guests spoke.",
])
def test_institutional_nouns_are_never_names(text):
    assert not [p for p in _facts(text).people.values() if len(p.name.split()) >= 2]


def test_military_ranks_are_honorifics():
    f = _facts(SIGNED + "The ceremony was witnessed by General Tharapong Malakam.")
    assert ("malakam tharapong", "witness") in _roles(f)


def test_the_organisation_named_right_after_a_person_and_title():
    f = _facts(SIGNED + "Prof. Tulika Mitra, Vice Provost and Dean, Kestrel Computing Institute, attended.")
    assert f.people["mitra tulika"].org == "kestrel computing institute"


def test_an_organisation_name_stops_where_a_person_begins():
    f = _facts("The agreement was signed by the Ministry of ICT Mr. Victor Kyalo and Brindle University.")
    assert "ministry of ict" in f.orgs and not any("kyalo" in k for k in f.orgs)


@pytest.mark.parametrize("text, name", [
    ("Professor R. J. Olsen, Jr., Dean of Brindle University, signed the agreement.", "R. J. Olsen, Jr."),
    ("Mary K. Olsen Jr. attended the ceremony.", "Mary K. Olsen Jr."),
    ("Prof. Dr. A S M Maksud Kamal attended the ceremony.", "A S M Maksud Kamal"),
])
def test_suffixes_and_runs_of_initials_stay_in_the_name(text, name):
    assert [p.name for p in _facts(text).people.values()] == [name]


def test_roles_in_captions_and_continued_lists():
    f = _facts("Mark A. Barteau, vice president of Brindle University, shakes hands with Michael M. Watkins, "
               "director of Tarn Institute, after signing a strategic partnership.")
    assert {("barteau mark", "signatory"), ("michael watkins", "signatory")} <= _roles(f)
    f = _facts(SIGNED + "It was signed in the presence of University officials, including Kayo Inaba and "
               "Shinji Asonuma.")
    assert {("inaba kayo", "witness"), ("asonuma shinji", "witness")} <= _roles(f)
    f = _facts(SIGNED + "The signing was hosted by the Embassy of Denmark, and it was attended by Prime "
               "Minister Lars Rasmussen.")
    assert ("lars rasmussen", "attendee") in _roles(f) and ("lars rasmussen", "presider") not in _roles(f)


def test_agents_after_a_witness_clause_of_a_passive_signing_sign():
    f = _facts("The memorandum was signed in the presence of Dr. PHAM Minh Tuan, Chairman of Tarn Soft, by Ms. "
               "NGUYEN Thi Ha, Vice Chairwoman of Tarn Soft, and Mr. TRAN Duc Khai, Director of Brindle Institute.")
    roles = _roles(f)
    assert {("ha nguyen thi", "signatory"), ("duc khai tran", "signatory"), ("minh pham tuan", "witness")} <= roles
    assert ("ha nguyen thi", "witness") not in roles
    assert f.people["ha nguyen thi"].title == "Vice Chairwoman"


def test_names_with_runs_of_particles():
    f = _facts("The agreement was signed by the Undersecretary of Foreign Affairs, Gloria de la Fuente, and "
               "Ursula von der Leyen.")
    assert {p.name for p in f.people.values()} == {"Gloria de la Fuente", "Ursula von der Leyen"}


@pytest.mark.parametrize("text, name", [
    ("Signing for Tarn was its Deputy Vice-Chancellor, Prof. Rajesh a/l Subramaniam.", "Rajesh a/l Subramaniam"),
    ("It was held in the presence of the Tarn Chairman, Datuk Seri Dr. Haji Mohd Faizal bin Ismail.",
     "Mohd Faizal bin Ismail"),
    ("Receiving the guests was Dr. Kanokwan Sirisawat na Ayutthaya, Vice President of Tarn University.",
     "Kanokwan Sirisawat na Ayutthaya"),
    ("Brindle's Chief Technology Officer, dr inż. Agnieszka Zurawska, signed the agreement.", "Agnieszka Zurawska"),
])
def test_malay_thai_and_polish_name_shapes_and_honorifics(text, name):
    assert [p.name for p in _facts(text).people.values()] == [name]


@pytest.mark.parametrize("text, name", [
    ("The agreement was signed by M. Karim EL ALAOUI, Secretary General of the Ministry.", "Karim El Alaoui"),
    ("It was moderated by Mme Salma IDRISSI, Director of Cooperation of the Ministry.", "Salma Idrissi"),
    ("The agreement was signed by Dr. M. Lakshmi Narayanan, Director of Tarn University.", "M. Lakshmi Narayanan"),
])
def test_french_honorifics_before_an_upper_case_family_name_are_stripped(text, name):
    assert [p.name for p in _facts(text).people.values()] == [name]


def test_a_company_ending_in_a_legal_form_after_a_title_is_the_persons_body_not_a_name():
    f = _facts("The agreement was signed by Dr. Mona Ragab, Managing Director of Wadi Tarnun BioPharma S.A.E., "
               "and Prof. Ali Hassan, President of Tarn University.")
    assert {p.name for p in f.people.values()} == {"Mona Ragab", "Ali Hassan"}
    assert f.people["mona ragab"].org == "wadi tarnun biopharma s a e"
    g = _facts("Also present was Tarn's Director of Earth Observation Programmes, Dr. Ann Dale.")
    assert [p.name for p in g.people.values()] == ["Ann Dale"]


def test_a_unit_in_a_title_after_a_possessive_belongs_to_the_possessor():
    f = _facts("Tarn's Dean of the Faculty of Computing, Prof. Ann Dale, signed the agreement with Brindle Labs.")
    assert f.people["ann dale"].org == "tarn"


def test_a_title_tail_ends_where_a_two_word_name_begins():
    f = _facts("Minister of Education and Science of Ukraine Serhiy Shkarlet and President of the Tarn "
               "Academy Anatoliy Zagorodniy signed the memorandum.")
    assert {("serhiy shkarlet", "signatory"), ("anatoliy zagorodniy", "signatory")} <= _roles(f)
    assert f.people["serhiy shkarlet"].title == "Minister of Education and Science of Ukraine"


def test_the_person_a_signatory_signed_with_is_a_signatory_too():
    f = _facts("Brindle University and Tarn Institute signed a cooperation agreement on May 4, 2023. "
               "Dr Ann Reed signed the agreement with Mr Bo Chen.")
    (signing,) = [ev for ev in f.events if ev.kind == "signing"]
    people = sorted((r[0], r[3]) for r in signing.roles if r[0])
    assert people == [("ann reed", "signatory"), ("bo chen", "signatory")]


def test_people_listed_after_from_org_belong_to_it():
    f = _facts(SIGNED + "From Tarn Institute, Sh. Om Prakash Gupta and Ms Arti Sehgal attended the meeting.")
    assert {f.people[k].org for k in ("gupta om prakash", "arti sehgal")} == {"tarn institute"}


def test_a_lone_name_before_a_title_is_its_organisation():
    f = _facts(SIGNED + "The delegation included Argencon President Sebastian Mocorrea.")
    assert f.people["mocorrea sebastian"].org == "argencon"


@pytest.mark.parametrize("text, name", [
    ("Vietnamese Minister of Science and Technology Chu Ngoc Anh lauded the cooperation.", "Chu Ngoc Anh"),
    ("The Dean of the College of Life Sciences and Bioengineering Sang Yup Lee said the MOU would help.",
     "Sang Yup Lee"),
])
def test_three_word_names_at_the_end_of_a_title_or_an_organisation(text, name):
    assert name in {p.name for p in _facts(text).people.values()}


def test_an_adjectival_signed_is_no_signing_and_a_name_can_close_a_body_name():
    f = _facts("Secretary Ana Ruiz and President Li Wei present the newly signed MOU.")
    assert ("ana ruiz", "signatory") not in _roles(f)
    f = _facts("The Diplomatic Academy of Tarn Andres Bello and Brindle University signed an agreement.")
    assert "andres bello" not in f.people and "diplomatic academy of tarn andres bello" in f.orgs


def test_a_talk_of_any_kind_makes_a_speaker():
    f = _facts(SIGNED + "After the signing, Professor ZHU Jiaojun of Brindle University gave a popular science "
               "lecture to 300 students.")
    assert ("jiaojun zhu", "speaker") in _roles(f)


def test_words_that_begin_a_body_name_after_a_title_are_no_person():
    f = _facts(SIGNED + "Professor Andrew Spencer, President, Caribbean Maritime University (CMU), spoke.")
    assert "caribbean maritime" not in f.people and "andrew spencer" in f.people


def test_an_all_capitals_family_name_before_a_hyphenated_given_name_is_a_person():
    f = _facts("KIM Soo-jin, President of Tarn Institute, signed the agreement.")
    assert list(f.people) == ["kim soo-jin"]
    assert "kim" not in f.orgs


def test_a_later_mention_by_the_last_words_of_a_full_name_is_that_person():
    f = _facts("The MoU was signed by Dr. Carlos Henrique de Brito Cruz, Scientific Director of Tarn "
               "Foundation. Brito Cruz said the deal matters.")
    assert list(f.people) == [person_key("Carlos Henrique de Brito Cruz")]


@pytest.mark.parametrize("text, name, key", [
    ('USM Chancellor William E. "Brit" Kirwan attended the ceremony.', 'William E. "Brit" Kirwan', "kirwan william"),
    ("HKU Vice-President (Research) Professor Zuo-Jun (Max) Shen attended the ceremony.", "Zuo-Jun (Max) Shen",
     "shen zuo-jun"),
])
def test_a_nickname_inside_a_name_is_kept_in_the_name_and_left_out_of_the_key(text, name, key):
    f = _facts(text)
    assert [(p.key, p.name) for p in f.people.values()] == [(key, name)]


def test_a_passive_attendance_trigger_gives_the_people_after_it():
    f = _facts(SIGNED + "The event was also attended by Tom Reed, Vice-Rector of Brindle University.")
    assert ("reed tom", "attendee") in _roles(f)


@pytest.mark.parametrize("text, role", [
    ("A memorandum of understanding was signed today between the Rector of Tarn University Mrs. Ann "
     "Pile and the Chief Scientist of Brindle Foundation Dr. Tom Mastro.", "signatory"),
    ("The signing ceremony of the memorandum took place on 6 June 2018, with the presence of Deputy "
     "Minister Dr. Ann Pile and Minister Dr. Tom Mastro.", "witness"),
])
def test_signings_told_between_people_and_with_their_presence(text, role):
    f = _facts(SIGNED + text)
    assert {("ann pile", role), ("mastro tom", role)} <= _roles(f)


def test_a_bare_capitalised_pair_after_a_plain_including_is_no_attendee():
    f = _facts(SIGNED + "They will work in fields including Computer Science and Intelligent Mobility.")
    assert not f.people
    titled = _facts(SIGNED + "Guests included Professor Ann Lee and Tom Reed, Dean of Tarn University.")
    assert {("ann lee", "attendee"), ("reed tom", "attendee")} <= _roles(titled)


def test_bare_names_after_signed_between_are_bodies_not_signatories():
    f = _facts("Under the memorandum signed between Invest Tarnia and Brindle University, the two will work together.")
    assert not f.people


@pytest.mark.parametrize("text, role", [
    ("From left to right: Dr Ann Dale, President of Brindle University, and Li Wei.", "attendee"),
    ("Seated: Ann Dale, Rector, Brindle University; Li Wei, Rector, Tarn Institute.", "attendee"),
    (SIGNED + "Witnessing the signing, standing from left, are Dr Ann Dale and Dr Li Wei.", "witness"),
    ("Pictures: Dr Ann Dale, President of Brindle University, and Dr Li Wei, Rector of Tarn Institute, "
     "signatories of the agreement.", "signatory"),
    ("TARNBY (Agency) – Signed by Rector Ann Dale and Rector Li Wei, the agreement was presented today.",
     "signatory"),
    ("Signing the agreement on behalf of Brindle was its President Ann Dale while Tarn was represented by "
     "its Rector Li Wei.", "signatory"),
    (SIGNED + "Photo caption: Brindle President Dr. Ann Dale and Tarn Director Dr. Li Wei sign the agreement.",
     "signatory"),
    (SIGNED + "Caption: Prof. Ann Dale, Rector of Brindle University (left), and Ing. Li Wei, Chairman of Tarn "
     "Institute, sign the agreement.", "signatory"),
    (SIGNED + "Photo: Dr Ann Dale and Dr Li Wei after the signing.", "attendee"),
    ("Brindle University, Tarn Institute and Kestrel Labs signed an agreement. Signing were Kestrel's Chief "
     "Executive Officer, Ann Dale; Prof. Li Wei, Rector of Tarn Institute; and Prof. Ada Vos.", "signatory"),
])
def test_captions_and_represented_by_give_a_role_only_when_nothing_before_them_does(text, role):
    f = _facts(text)
    assert ("li wei", role) in {(r[0], r[3]) for ev in f.events for r in ev.roles}


def test_a_name_with_a_middle_initial_or_an_upper_case_family_name_ends_a_long_title():
    f = _facts("On May 9, Tarnian Secretary of Energy Jennifer M. Holm and Minister of Economy, Trade and "
               "Industry of Tarnia SATO Yasuo met in Brindle.")
    assert {p.name for p in f.people.values()} == {"Jennifer M. Holm", "Sato Yasuo"}


def test_a_bare_name_read_off_an_organisation_of_the_release_is_no_person():
    from support import release_facts

    f = release_facts("Brindle University and Tarnex signed an agreement on May 4, 2023. The programme trains "
                      "students through Tarnex ICT (Information and Communications Technology) Academy, said "
                      "the company. “We agree,” said Ana Ruiz.")
    assert set(f.people) == {"ana ruiz"}
    assert {r[0] for ev in f.events for r in ev.roles if r[0]} == {"ana ruiz"}


def test_gulf_military_styles_are_honorifics_and_a_three_word_part_is_the_full_name():
    from support import release_facts

    f = release_facts("In the presence of Major General Pilot Sheikh Ahmed bin Tahnoun bin Mohammed Al Nahyan, "
                      "Chairman of Tarn Authority, the MoU was signed on May 4, 2023. Earlier, Major General "
                      "Pilot Sheikh Ahmed bin Tahnoun viewed the projects.")
    assert set(f.people) == {person_key("Ahmed bin Tahnoun bin Mohammed Al Nahyan")}


def test_a_titled_shorter_name_inside_one_longer_full_name_is_that_person():
    from support import release_facts

    f = release_facts("Prof. Reza Davari Ardakani, President of the Tarn Academy, signed the MoU on May 4, 2023. "
                      "Prof. Davari Ardakani delivered a speech.")
    assert list(f.people) == [person_key("Reza Davari Ardakani")]


def test_a_name_of_its_first_and_last_words_is_the_one_full_name_that_has_them():
    from support import release_facts

    f = release_facts("Minister Luis Manuel Rebelo Fernandes signed the agreement on May 4, 2023 with Tarn "
                      "University. The minister, Luis Fernandes, said it was a good day.")
    assert list(f.people) == [person_key("Luis Manuel Rebelo Fernandes")]


def test_the_people_representing_all_the_parties_are_its_signatories():
    f = _facts(SIGNED + "Representing the two organizations were Dr Ada Lind, Tarn President, and Mr Tom Reed, "
                        "Brindle Director.")
    assert _roles(f) >= {("ada lind", "signatory"), ("reed tom", "signatory")}


def test_a_name_with_a_particle_after_a_long_title_keeps_its_given_name():
    f = _facts("Minister of Higher Education and Scientific Research Ashraf el Sheihy received the Ambassador.")
    (p,) = f.people.values()
    assert (p.name, p.title) == ("Ashraf el Sheihy", "Minister of Higher Education and Scientific Research")
    assert p.org is None or "ashraf" not in p.org


def test_peerage_styles_are_honorifics_and_a_congress_is_no_person():
    f = _facts("The meeting was with the Minister for Trade and Investment Lord Tom Reed of Tarnland.")
    assert [(p.name, p.org) for p in f.people.values()] == [("Tom Reed", None)]  # no ministry the text never writes
    f = _facts("Brindle President Ann Lee shared news during his remarks at the third annual Quantum World "
               "Congress, where he spoke.")
    assert [p.name for p in f.people.values()] == ["Ann Lee"]


def test_a_bare_name_an_apposition_calls_a_company_is_an_organisation_everywhere():
    f = _facts("Brindle University and Quillon Hyperloop, the California-based category leader in hyperloop "
               "development, have signed an MoU. It was signed by Ann Lee and Tom Reed, Chairman of Quillon "
               "Hyperloop, in the presence of Quillon Hyperloop.")
    (ev,) = [e for e in f.events if e.kind == "signing"]
    assert "quillon hyperloop" in {r[1] for r in ev.roles if r[3] == "party"}
    assert "quillon hyperloop" not in f.people and "hyperloop quillon" not in f.people


def test_a_dash_between_a_title_and_an_honorific_keeps_the_title():
    f = _facts("Deputy Minister – Ms. Ann Lee and Chairman Tom Reed signed the agreement.")
    assert f.people["ann lee"].title == "Deputy Minister"


@pytest.mark.parametrize("text, name, title", [
    ("Ada Vos signed the agreement with Acting Assistant Secretary of State for Oceans and Scientific Affairs "
     "Judith G Garber, marking a first.", "Judith G Garber",
     "Acting Assistant Secretary of State for Oceans and Scientific Affairs"),
    ("Ada Vos signed the agreement with Secretary for Innovation and Technology Nicholas Yang today.",
     "Nicholas Yang", "Secretary for Innovation and Technology"),
])
def test_a_name_that_a_titles_capitalised_tail_swallowed_is_its_holders(text, name, title):
    person = _facts(text).people[person_key(name)]
    assert (person.name, person.title) == (name, title)


_NAMES = ["Mary K. Olsen Jr.", "R. J. Patel", "Jean-Luc van der Berg", "Ahmed bin Saeed Al Mansoori",
          "María José de la Cruz", "Şükrü Yılmaz", "KIM Soo-jin", "Nguyễn Văn An", "Olusegun Adebayo-Williams",
          "Siti Nurhaliza binti Tarudin", "Aleksandr V. Petrov", "Juan Carlos Pérez García", "Hans-Peter Müller",
          "Kwame Nkrumah Mensah", "Ana Paula Souza", "Tanaka Hiroshi"]
_CLAUSES = ["The MoU was signed by Prof. {n}, President of Tarn University, and Dr. Ada Vos, Director of Brindle "
            "Institute.",
            "Tarn University President {n} and Brindle Institute Director Ada Vos signed the agreement.",
            "{n}, Rector of Tarn University, and Ada Vos, Director of Brindle Institute, signed the MoU.",
            "Signing the agreement were Tarn University's Vice President {n} and Brindle Institute's Director Ada Vos."]


@pytest.mark.parametrize("name", _NAMES)
def test_names_of_many_cultures_sign_for_their_party_in_each_clause_shape(name):
    for clause in _CLAUSES:
        f = _facts("Campus news\n\nTarn University and Brindle Institute signed an MoU on May 4, 2023. "
                   + clause.format(n=name))
        found = {person_key(p.name): p.org for p in f.people.values()}
        assert found == {person_key(name): "tarn university", person_key("Ada Vos"): "brindle institute"}, clause


def test_a_bare_name_joined_by_and_to_a_body_is_a_company_but_a_titled_one_a_person():
    f = _facts("Campus news\n\nTarn University and Quill Brandt signed an MoU on May 4, 2023.")
    assert not f.people and sorted(o.name for o in f.orgs.values()) == ["Quill Brandt", "Tarn University"]
    f = _facts("Campus news\n\nThe MoU was signed by Tarn University and Dr. Ada Vos on May 4, 2023.")
    assert [p.name for p in f.people.values()] == ["Ada Vos"]


@pytest.mark.parametrize("clause, titles", [
    ("The ceremony was attended by Vice Presidents Ada Vos and Ian Cole of Tarn University.",
     {"Ada Vos": "Vice President", "Ian Cole": "Vice President"}),
    ("Prof. Dr. Eng. Ada Vos, Rector of Tarn University, spoke.", {"Ada Vos": "Rector"}),
    ("Doctor Ada Vos, Dean of Engineering, spoke.", {"Ada Vos": "Dean of Engineering"}),
    ("The Director, Ms Ada Vos, welcomed the guests.", {"Ada Vos": "Director"}),
    ("Deputy Minister – Ms. Ada Vos spoke.", {"Ada Vos": "Deputy Minister"}),
    ("Quill Aerospace CEO Ada Vos spoke at the event.", {"Ada Vos": "CEO"}),
    ("Ada Vos and Ian Cole, Deans of Engineering at Tarn University, attended.",
     {"Ada Vos": "Dean of Engineering", "Ian Cole": "Dean of Engineering"}),
    ("H.E. Dr. Ada Vos, Minister of Higher Education, witnessed the signing.",
     {"Ada Vos": "Minister of Higher Education"}),
    ("Tarn University President Prof. Ada Vos spoke.", {"Ada Vos": "President"}),
    ("Mr. Ada Vos, the university's Vice President for International Affairs, spoke.",
     {"Ada Vos": "Vice President for International Affairs"}),
])
def test_each_way_of_writing_a_title_and_an_honorific_gives_the_name_and_its_title(clause, titles):
    f = _facts("Campus news\n\nTarn University and Brindle Institute signed an MoU on May 4, 2023. " + clause)
    assert {p.name: p.title for p in f.people.values()} == titles


@pytest.mark.parametrize("text", [
    "SAN JOSE, Calif., April 9, 2024 /TechWire Daily/ -- Veridian signed an MOU with the Brno Institute of Physics.",
    "Nordavax A/S (Nasdaq Copenhagen: NRDX), a biotechnology company, signed an agreement with Tarn University.",
])
def test_a_wire_between_slashes_or_an_exchange_before_a_ticker_is_no_person(text):
    assert _facts(text).people == {}


def test_a_portfolio_title_goes_on_after_and_to_the_organisation_and_the_name_after_it():
    f = _facts("Tarn University of Technology (TUT) and Brindle Ltd signed an MoU. It was signed by the Vice-Rector "
               "for Research and International Affairs of TUT, Iryna BONDARCHUK, and Vasyl Melnyk of Brindle Ltd.")
    p = f.people[person_key("Iryna BONDARCHUK")]
    assert p.title == "Vice-Rector for Research and International Affairs"
    assert f.orgs[p.org].name == "Tarn University of Technology"


_TUT = "Tarn University of Technology (TUT) and Brindle Ltd signed an MoU. The ceremony was "
_MINISTRY = "Tarn University and the Tarn Ministry of Energy signed an MoU on 4 May 2024. It was "


@pytest.mark.parametrize("text, title, org", [
    # a portfolio of words no lexicon holds goes on to the holder after it
    (_TUT + "presided over by the Vice-Rector for Research and Lifelong Learning, Prof. Ana Lind.",
     "Vice-Rector for Research and Lifelong Learning", "Tarn University of Technology"),
    (_TUT + "attended by the Head of Research and Innovation Funding at TUT, Dr. Ana Lind.",
     "Head of Research and Innovation Funding", "Tarn University of Technology"),
    # a title in a body, or of its board, belongs to the body
    (_MINISTRY + "witnessed by the Permanent Secretary in the Tarn Ministry of Energy, Mr. Ana Lind.",
     "Permanent Secretary", "Tarn Ministry of Energy"),
    (_MINISTRY + "witnessed by the Chairperson of the Tarn Ministry of Energy's Governing Board, Hon. Ana Lind.",
     "Chairperson of the Governing Board", "Tarn Ministry of Energy"),
])
def test_a_title_runs_to_its_holder_and_belongs_to_its_body(text, title, org):
    f = _facts(text)
    p = f.people[person_key("Ana Lind")]
    assert p.title == title and f.orgs[p.org].name == org



def test_a_plural_title_in_a_by_clause_gives_each_listed_person_the_title_the_role_and_the_body():
    f = _facts("The MoU was inked on Wednesday, 26 March 2025, at the company's engineering centre in Trnava by "
               "Tarn Drives Ltd Chief Executive Officer Ing. Peter Hrusovsky, and by the rectors prof. Ing. Lubica "
               "Simkova, PhD. (Vah Valley University), doc. Ing. Marek Durica, PhD. (Spis Technical University) "
               "and prof. RNDr. Juraj Kollar, DrSc. (Danube Institute of Informatics).")
    people = {p.name: (p.title, f.orgs[p.org].name) for p in f.people.values()}
    assert people["Marek Durica"] == ("rector", "Spis Technical University")
    assert people["Juraj Kollar"] == ("rector", "Danube Institute of Informatics")
    assert {k for k, role in _roles(f) if role == "signatory"} == set(f.people)


def test_rectors_of_listed_universities_then_a_colon_list_respectively_take_each_body_in_turn():
    f = _facts("The MoU was signed on September 12 in Latacunga by Tarn Ltd Chief Executive Officer Ana Ruiz and "
               "the rectors of Universidad Politecnica del Andino, Universidad de las Cumbres de Imbabura and "
               "Universidad Tecnica Fray Anselmo: Dr. Ignacio Pazmino Ortega, Dra. Gabriela Tapia Yepez and Ing. "
               "Luis Chiriboga Salazar, PhD, respectively.")
    people = {p.name: (p.title, f.orgs[p.org].name if p.org else None) for p in f.people.values()}
    assert people["Gabriela Tapia Yepez"] == ("rector", "Universidad de las Cumbres de Imbabura")
    assert people["Luis Chiriboga Salazar"] == ("rector", "Universidad Tecnica Fray Anselmo")
    assert {k for k, role in _roles(f) if role == "signatory"} == set(f.people)


def test_vice_chancellors_of_three_universities_after_a_colon_in_a_by_clause_sign():
    f = _facts("The agreement was signed at the Senate Chamber by Engr. Ade Oyelaran, Managing Director of Tarn "
               "Agritech Ltd., and the Vice-Chancellors of the three universities: Professor Chi Okonkwo of Lagoon "
               "University, Professor Hauwa Abdulkadir of Savannah University and Professor Ife Nwachukwu of Oguta "
               "University.")
    assert {k for k, role in _roles(f) if role == "signatory"} == set(f.people) and len(f.people) == 4


def test_people_who_put_their_signatures_to_the_document_sign():
    f = _facts("Tarn Institute Director Prof. Nino Beridze and Dr. Klaus von Aschenbach, Managing Director of "
               "Brindle Geosensorik GmbH, put their signatures to the document.")
    assert {k for k, role in _roles(f) if role == "signatory"} == set(f.people) and len(f.people) == 2


def test_a_caption_that_opens_with_signing_the_agreement_names_its_signatories():
    f = _facts("Tarn University and Brindle Ltd signed an agreement on 3 May 2025.\n\nPhoto caption: Signing the "
               "framework agreement in Sion (from left): Prof. Dr. Ann Dale, Director of Tarn University; and Dr. "
               "Urs Bachmann, CEO of Brindle Ltd.")
    assert {k for k, role in _roles(f) if role == "signatory"} == set(f.people) and len(f.people) == 2


@pytest.mark.parametrize("honorific", ["Dott.ssa", "Acad."])
def test_italian_and_academy_honorifics_are_no_part_of_the_name(honorific):
    f = _facts(f"Tarn University and AIRSA signed an MoU. The ceremony was hosted by the Director General of AIRSA, "
               f"{honorific} Lucia Ferrante.")
    assert [(p.name, p.title) for p in f.people.values()] == [("Lucia Ferrante", "Director General")]


def test_agents_after_a_bare_title_in_a_witness_clause_of_a_passive_signing_sign():
    f = _facts("The memorandum was signed in the presence of the Minister by Prof. Dr. Rania El-Tarn, Chairperson "
               "of Brindle Institute, and Dr. Karim al-Osk, President of Tarn University.")
    roles = _roles(f)
    assert {("el-tarn rania", "signatory"), ("al-osk karim", "signatory")} <= roles
    assert ("el-tarn rania", "witness") not in roles


@pytest.mark.parametrize("text, name, title, org", [
    ("Tarn Rao University (TRU) signed. Signing were the Vice-Chancellors Prof. Aamir Lone (Osk University) and "
     "Dr. Keshav G. Patil (TRU).", "Keshav G. Patil", "Vice-Chancellor", "Tarn Rao University"),
    ("From left: Luc Wagener, CEO of Orbitalis Launch Services (centre), and Bo Kim.", "Luc Wagener", "CEO",
     "Orbitalis Launch Services"),
    ("Made Wirawan Santosa, President Director of PT Tarn Orbit Teknologi Tbk (right), spoke.",
     "Made Wirawan Santosa", "President Director", "PT Tarn Orbit Teknologi Tbk"),
    ("Henrik Mølgaard, Chief Technology Officer of the Danish drilling contractor Tarnvarme Drilling A/S, spoke.",
     "Henrik Mølgaard", "Chief Technology Officer", "Tarnvarme Drilling A/S"),
    ("Tarn Point Institute (TPI) and Osk University signed. The ceremony was chaired by TPI's Vice-President, "
     "Academic Affairs, Dr. Nadira Ali-Sookram.", "Nadira Ali-Sookram", "Vice-President, Academic Affairs",
     "Tarn Point Institute"),
    ("Tarn Metro University (UTM) and Osk signed. UTM's Vice-Rector for Research and Extension, Dr. Paola Andrea "
     "Cifuentes Mejía, spoke.", "Paola Andrea Cifuentes Mejía", "Vice-Rector for Research and Extension",
     "Tarn Metro University"),
    ("Jamuna Tarn Institute (JTI) and Osk signed. Dr. Kazi Haque and JTI Chief Scientific Officer Dr. Farzana "
     "Yeasmin Mitu spoke.", "Farzana Yeasmin Mitu", "Chief Scientific Officer", "Jamuna Tarn Institute"),
])
def test_a_title_names_the_company_or_body_after_it_through_initials_asides_and_descriptions(text, name, title, org):
    f = _facts(text)
    person = next(p for p in f.people.values() if p.name == name)
    assert person.org is not None and (person.title, person.org) == (title, f.org(org))


@pytest.mark.parametrize("text, name", [
    ("It was signed by the Director General of Tarn, Mrs. Leïla TAZI-FASSI.", "Leïla Tazi-Fassi"),
    ("The signing was witnessed by Montserrat Puigdevall i Ferrer, President of the Tarn Cluster.",
     "Montserrat Puigdevall i Ferrer"),
    ("The President of Tarn, Academician Bakyt Toktogul uulu, signed the agreement.", "Bakyt Toktogul uulu"),
    ("It was signed by the Chairman of ZCT, Jasur Anvar o'g'li Toshpulatov.", "Jasur Anvar o'g'li Toshpulatov"),
    ("It was attended by the Vice-Rector, Dra. Miguelina Cabral de los Santos.", "Miguelina Cabral de los Santos"),
    ("It was attended by the Vice-Rector, Prof. Doutora Ilda Fernanda Nhantumbo.", "Ilda Fernanda Nhantumbo"),
    ("Engr. Jose Mari Añonuevo dela Cruz, Jr., head of the City Office, presented the plan.",
     "Jose Mari Añonuevo dela Cruz, Jr."),
])
def test_names_of_more_shapes_are_whole(text, name):
    assert name in {p.name for p in _facts(text).people.values()}


def test_capitals_inside_a_persons_name_are_no_organisation():
    f = _facts("It was signed by the Minister of Research, Mr. Omar EL ALAOUI, and the Director of TARN, "
               "Mrs. Leïla TAZI-FASSI.")
    assert {lo.name for lo in f.orgs.values()} == {"TARN"}  # "EL", "ALAOUI" are no bodies; no ministry unwritten


def test_joined_initials_resolve_to_the_full_name():
    f = _facts("The talks were led by Andrei Vasilyevich KOVALCHUK, Chairman of Tarn Committee. "
               "Speaking at the ceremony, A.V. Kovalchuk noted the growth of joint projects.")
    assert len(f.people) == 1


def test_a_later_first_and_family_name_is_the_full_name_not_the_initialled_one():
    f = _facts("Chairman of Tarn Agency Asel Nurlanqyzy Bekmukhambetova welcomed the guests. "
               "The Chairman of Tarn Agency, Asel Bekmukhambetova, presented the projects. "
               "From left: Gennady P. Voronin and Asel N. Bekmukhambetova.")
    assert {p.name for p in f.people.values()} == {"Asel Nurlanqyzy Bekmukhambetova", "Gennady P. Voronin"}


def test_a_caption_after_a_bracketed_label_names_its_people():
    f = _facts("[Photo 2] From left: Yerbol T. Sadvakasov, Tarn Managing Director; Gennady P. Voronin; "
               "and Marina Olegovna Sukhanova.")
    assert len(f.people) == 3


def test_the_heads_listed_after_a_colon_sign():
    f = _facts("The agreements were signed by Volga Robotics CEO Ruslan Sharafutdinov and the heads of the two "
               "universities: Rector of KSEU Ildar R. Mingazov and Rector of VIAI Svetlana Petrovna Orekhova.")
    roles = _roles(f)
    assert {k for k, r in roles if r == "signatory"} == set(f.people)
    assert {f.people[k].org for k in f.people} >= {"kseu", "viai"}


def test_a_wire_in_brackets_after_the_dateline_is_no_person():
    f = _facts("KUALA LUMPUR, June 5 (Warta Nasional) -- Tarn Photonics Sdn Bhd today signed a memorandum "
               "with Brindle University.")
    assert not f.people


def test_a_caption_from_left_after_the_signing_names_no_signatories():
    f = _facts("Tarn University and Brindle GmbH signed an agreement on 11 March. Prof. Dr. Ada Lind, Dean of "
               "the Faculty of Physics, explained the plan.\n\nFrom left: Prof. Dr. Ada Lind and Dr. Omar Feld "
               "after the signing in the Senate Hall.")
    assert not {k for k, r in _roles(f) if r == "signatory"}


@pytest.mark.parametrize("text, name", [
    ("It was signed by the President of Tarn University, Prof. Dr.-Ing. Friederike von Ahlen.",
     "Friederike von Ahlen"),
    ("The university was represented by Prof. Dr. Sc. Ivan Petrov, Rector of Tarn University.", "Ivan Petrov"),
])
def test_german_and_slavic_doctorates_are_honorifics(text, name):
    f = _facts(text)
    assert [p.name for p in f.people.values()] == [name]
    assert next(iter(f.people.values())).org == "tarn university"


def test_the_companys_officer_belongs_to_the_releases_company():
    f = _facts("The agreement was signed by the Rector of Tarn University, Dr. Juan Ortega, and the president of "
               "Laboratorios Brindle S.A., Lic. Marta Sosa. The Dean of the Faculty of Exact, Physical and Natural "
               "Sciences of Tarn University, Dra. Inés Vidal, and the company's technical director, Dr. Hugo Ruiz, "
               "also took part.")
    assert f.people[person_key("Hugo Ruiz")].org == "laboratorios brindle s a"
    vidal = f.people[person_key("Inés Vidal")]
    assert vidal.title == "Dean of the Faculty of Exact, Physical and Natural Sciences"
    assert vidal.org == "tarn university"


@pytest.mark.parametrize("sentence, role", [
    ("Tarn and Brindle signed an MoU. The Secretary of Tarn, Dr. Ada Lind, and the Foreign Secretary of "
     "Brindle, Prof. Omar Feld, placed their signatures as witnesses.", "witness"),
    ("Tarn and Brindle signed an MoU. The ceremony was conducted by Ms. Ada Lind, Director of the Tarn "
     "Foreign Affairs Division, acting as master of ceremonies.", "presider"),
])
def test_more_shapes_of_witnesses_and_presiders(sentence, role):
    assert {r for _, r in _roles(_facts(sentence))} == {role}


def test_a_master_of_ceremonies_presides_whatever_trigger_came_before():
    f = _facts("Tarn and Brindle signed an MoU. The signing was witnessed by Ada Lind, President of the Tarn "
               "Cluster, and conducted by the master of ceremonies, Jordi Casals Prat.")
    assert _roles(f) == {(person_key("Ada Lind"), "witness"), (person_key("Jordi Casals Prat"), "presider")}


def test_a_bare_name_with_a_title_in_apposition_is_kept():
    f = _facts("Tarn and Brindle signed an MoU. Marcus D. Fielding III, Tarn's Vice President for Research, "
               "will co-chair the committee.")
    assert "Marcus D. Fielding III" in {p.name for p in f.people.values()}


@pytest.mark.parametrize("text, title", [
    ("The guests were welcomed by the Director of Tarn Institute, Academician of BATR, Doctor of Physical and "
     "Mathematical Sciences, Professor Valery Grigoryevich Sidorenko.", "Director"),
    ("The ceremony was chaired by the Scientific Secretary of Tarn Academy, Candidate of Geological Sciences "
     "Aisuluu Asanbek kyzy.", "Scientific Secretary"),
    ("It was signed by the Director of Tarn Institute, Corresponding Member of SAAS Andrei N. Tikhomirov.",
     "Director"),
])
def test_degrees_and_academy_ranks_between_a_title_and_a_name_leave_the_title_its_holder(text, title):
    (p,) = _facts(text).people.values()
    assert p.title == title


@pytest.mark.parametrize("text", [
    "A memorandum on a Tier III regional data centre was signed by the two parties.",
    "Trilateral MOU signed during the Ocean Week in Busan",
    "Engineers met to discuss Climate-Resilient Infrastructure for coastal towns.",
])
def test_a_numbered_grade_an_agreement_acronym_or_a_noun_is_no_person(text):
    assert not _facts(text).people


@pytest.mark.parametrize("text, name", [
    ("Tarn and Brindle signed an MoU. PARK Ji-hoon, Chair of the Tarn Council, also attended the ceremony.",
     "Park Ji-hoon"),
    ("Tarn and Brindle signed an MoU. Among the attendees were Mariana Ospina Gil, Brindle Datos' Chief Data "
     "Scientist, and others.", "Mariana Ospina Gil"),
])
def test_attendees_of_more_shapes(text, name):
    f = _facts(text)
    assert (person_key(name), "attendee") in _roles(f)


def test_a_minister_without_a_portfolio_belongs_to_the_releases_one_ministry():
    f = _facts("The Ministry of Science and Digital Innovation (MSDI) and the Tarn Earth Observation Agency (TEOA) "
               "signed an MoU. It was witnessed by the Minister, Hon. Kwabena Owusu-Ansah, and the Deputy Minister, "
               "Hon. Mavis Esi Arthur.")
    assert {f.people[k].org for k in f.people} == {"ministry of science and digital innovation"}


def test_a_signer_for_the_body_belongs_to_it_and_a_slash_particle_ends_a_name_before_and():
    f = _facts("Pro-Rector Mette Kjaer signed for the Technical University of Oresund. The signing was witnessed by "
               "NTIA chief executive officer Dr. Kavitha a/p Subramaniam and Teraju Mikro Berhad group managing "
               "director Tan Sri Ong Boon Keat.")
    assert f.people[person_key("Mette Kjaer")].org == "technical university of oresund"
    assert f.people[person_key("Ong Boon Keat")].org == "teraju mikro"


def test_a_second_agent_of_an_attendance_is_an_attendee_not_a_signatory():
    f = _facts("Tarn and Brindle signed an MoU. The signing was attended by Ingrid Solheim, Chair of the Tarn Council, "
               "and by Dr Tobias WENZL, Tarn Director of Operations.")
    assert {r for _, r in _roles(f)} == {"attendee"}


def test_a_relative_clause_after_a_name_keeps_its_verb_to_that_name():
    f = _facts("In the second signing, Tarn Vice President SATO Emi and Dr. Yohanes Matulessy, Rector of Brindle "
               "University, who joined the ceremony online, signed an exchange agreement.")
    assert {k for k, r in _roles(f) if r == "signatory"} == set(f.people)
    g = _facts("Tarn and Brindle signed an MoU. Konstantin I. Belousov, Dean of the Faculty of Chemistry of Tarn, "
               "who signed the document on behalf of the rector, spoke first.")
    assert (person_key("Konstantin I. Belousov"), "signatory") in _roles(g)


def test_heads_named_in_brackets_after_their_bodies_do_not_sign_for_them():
    f = _facts("Hanbit National University (President Park Jin-ho) announced on the 9th that it signed an MOU with "
               "Daesung Semicon (CEO Choi Min-seok) and the Tarn Robotics Institute (TRI, Director Yoon Hye-won).")
    assert not {k for k, r in _roles(f) if r == "signatory"}
    (ev,) = [ev for ev in f.events if ev.kind == "signing"]
    assert {r[1] for r in ev.roles if r[3] == "party"} == {"hanbit national university", "daesung semicon",
                                                           "tarn robotics institute"}


def test_a_caption_of_people_signing_the_memorandum_gives_signatories_and_a_province_is_no_person():
    f = _facts("Tarn University and Brindle S.A. signed a memorandum. It is part of Tarn's plan in Cabo Delgado "
               "province.\n\nPhoto: The Rector of Tarn, Prof. Doutor Alberto Mussa (right), and the CEO of Brindle, "
               "Eng. Filipa Mabunda, signing the memorandum.")
    assert {k for k, r in _roles(f) if r == "signatory"} == {person_key("Alberto Mussa"), person_key("Filipa Mabunda")}
    assert len(f.people) == 2


@pytest.mark.parametrize("text, name, title", [
    ("It was witnessed by Ambassador Ryu Seong-hoon of the Embassy of Korea.", "Ryu Seong-hoon", "Ambassador"),
    ("It was signed by the President of the Association of Black Sea Coastal Municipalities, Mr. Constantin "
     "PÎRVULESCU.", "Constantin Pîrvulescu", "President"),
    ("Tarn Vice-Chancellor Prof. Dato' Ir. Dr. Mohd Hafiz bin Ramli signed the MoU.", "Mohd Hafiz bin Ramli",
     "Vice-Chancellor"),
    ("Also present were the Chairperson of the NGRI Board, Dr. Hellen Jepkosgei Kirui, and senior officials.",
     "Hellen Jepkosgei Kirui", "Chairperson of the NGRI Board"),
    ("The Vice-President of the CCIM, Ms Ho Mei Kuan, and the Head of the Department of International Cooperation "
     "of the CCIM, Mr Lao Ka Chon, also attended.", "Lao Ka Chon",
     "Head of the Department of International Cooperation"),
])
def test_titles_kept_through_honorifics_and_plural_nouns_in_body_names(text, name, title):
    p = next(p for p in _facts(text).people.values() if p.name == name)
    assert p.title == title


def test_a_title_then_a_unit_of_a_body_then_a_name_gives_the_body():
    f = _facts("Tarn University and Brindle signed an MoU. It was attended by the Director, Centre for Cluster "
               "Development of Tarn University, Dr. Ada Lind.")
    assert f.people[person_key("Ada Lind")].org == "tarn university"


@pytest.mark.parametrize("text, name", [
    ("The agreement was signed by Prof. univ. dr. ing. Mihai-Andrei CONSTANTINESCU, Rector of SVTU.",
     "Mihai-Andrei Constantinescu"),
    ("Tarn Chief Technology Officer Dr. Samuel Kiprono arap Rotich said the prototypes would come.",
     "Samuel Kiprono arap Rotich"),
    ("Also in attendance was Tarn's Chief Technology Officer, Mr. Devon St. Hill.", "Devon St. Hill"),
    ("The Dean of the School of Engineering at UCCA, M.Sc. Héctor Julio Tavárez Liranzo, will coordinate it.",
     "Héctor Julio Tavárez Liranzo"),
])
def test_long_capitals_particles_saints_and_degree_prefixes_keep_the_whole_name(text, name):
    assert [p.name for p in _facts(text).people.values()] == [name]


def test_a_rank_before_a_body_s_head_word_and_a_body_signed_for_are_no_people():
    assert _facts("CPOC General Assembly agrees a roadmap towards an open data charter.").people == {}
    f = _facts("Signing for Anadolu Batarya was the Chairman of its Board, Kemal Özbilgin.")
    assert [p.name for p in f.people.values()] == ["Kemal Özbilgin"]
    assert "Anadolu Batarya" in {o.name for o in f.orgs.values()}


@pytest.mark.parametrize("text, name, role", [
    ("Tarn University and Osk Ltd signed an MoU on Monday. Master of ceremonies was Ms. Keisha Alleyne-Forde, "
     "the University's Director of Communications.", "alleyne-forde keisha", "presider"),
    ("Tarn University and Osk Ltd signed an MoU on Monday. The signing took place under the chairmanship of "
     "M. Taoufik EL MEKKI, Minister of Research.", "el mekki taoufik", "presider"),
    ("The Verde City Government and NLSUST signed a Memorandum of Agreement on Monday. City Mayor Eduardo "
     "Magbanua signed for the city government, while NLSUST was represented by its President, Dr. Maria Reyes.",
     "maria reyes", "signatory"),
])
def test_presiders_told_by_was_or_chairmanship_and_a_side_represented_beside_a_signatory(text, name, role):
    assert (name, role) in _roles(_facts(text))


def test_a_name_ending_in_an_apostrophe_is_one_name():
    f = _facts("It was signed by the Director General of KIRDI, Eng. Grace Achieng' Owino, on Monday. 'We are "
               "going,' she said.")
    assert [p.name for p in f.people.values()] == ["Grace Achieng' Owino"]


def test_a_colon_list_after_signed_with_the_heads_signs_with_each_one_s_bracketed_body():
    f = _facts("Tarn Corp. signed MoUs with Universidad Autónoma del Noreste (UANE) and Instituto Tecnológico de Osk "
               "(ITO). Tarn's Chief Executive Officer, Ing. Rodrigo Garza, signed with the rectors of the two "
               "institutions: Dr. José Luis Cantú Salinas (UANE), and Mtra. Ana Sofía Treviño de León (ITO).")
    assert ("cantú josé luis salinas", "signatory") in _roles(f)
    people = {p.name: p.org for p in f.people.values()}
    assert people["José Luis Cantú Salinas"] == "universidad autónoma del noreste"
    assert people["Ana Sofía Treviño de León"] == "instituto tecnológico de osk"


@pytest.mark.parametrize("sentence", [
    "Dr. Anna Berg served as programme director.",
    "Chairing the ceremony, Prof. Anna Berg said the partnership was historic.",
    "The programme was anchored by Ms. Anna Berg of the Public Relations Office.",
    "Ms. Anna Berg, Director of Communications, acted as moderator.",
])
def test_programme_directors_anchors_and_chairs_preside(sentence):
    f = _facts("Tarn University and Osk Technologies Ltd signed an MoU on 4 May 2024. " + sentence)
    assert ("anna berg", "presider") in _roles(f)


@pytest.mark.parametrize("sentence, name, title", [
    ("Also present was the Director, Innovation and Technology Transfer, Dr. Otieno Wekesa.", "Otieno Wekesa",
     "Director, Innovation and Technology Transfer"),
    ("Among those present was the Director, Research Management Cell, Asst. Prof. Rupa Baral.", "Rupa Baral",
     "Director, Research Management Cell"),
    ("The ceremony was attended by Manager Industrial Liaison Engr. Usman Ghani.", "Usman Ghani",
     "Manager Industrial Liaison"),
])
def test_a_unit_or_portfolio_between_a_title_and_its_holder_is_the_titles(sentence, name, title):
    f = _facts("Tarn University and Osk Technologies Ltd signed an MoU on 4 May 2024. " + sentence)
    assert {p.name: p.title for p in f.people.values()}[name] == title


def test_a_body_between_a_title_and_its_holder_stays_the_body():
    f = _facts("Tarn University and the Bangladesh Institute of Ocean Studies (BIOCS) signed an MoU on 4 May 2024. "
               "Present was the Director (Administration and Finance), BIOCS, Mr. Moinul Ahsan.")
    p = {p.name: p for p in f.people.values()}["Moinul Ahsan"]
    assert p.org == "bangladesh institute of ocean studies"


@pytest.mark.parametrize("text, name", [
    ("Also present was Dr. TRAORÉ Mariam épouse KONÉ, Deputy Director General of Tarn University.",
     "Traoré Mariam épouse Koné"),
    ("It was signed by Prof. Dr. Almudena Ruiz de Alarcón y Sanz, President of Tarn University.",
     "Almudena Ruiz de Alarcón y Sanz"),
])
def test_married_names_and_the_spanish_y_join_a_name(text, name):
    assert [p.name for p in _facts(text).people.values()] == [name]


@pytest.mark.parametrize("sentence, name, title, org", [
    ("Also present was the Vice-Rector in charge of Research and Cooperation of Tarn University, Prof. Awa Coll.",
     "Awa Coll", "Vice-Rector in charge of Research and Cooperation", "tarn university"),
    ("Secretary, Ministry of Environment and Climate Adaptation Dr. Farhana Chowdhury was present as the chief guest.",
     "Farhana Chowdhury", "Secretary", "ministry of environment and climate adaptation"),
])
def test_in_charge_of_portfolios_and_a_body_after_the_titles_comma(sentence, name, title, org):
    f = _facts("Tarn University and Osk Technologies Ltd signed an MoU on 4 May 2024. " + sentence)
    p = {p.name: p for p in f.people.values()}[name]
    assert (p.title, p.org) == (title, org)


def test_two_people_of_one_family_name_stay_two_and_a_glued_honorific_chain_ends_no_sentence():
    f = _facts("The agreement was signed by the Rector of RUT, prof.dr.ir. Pieter de Vries, and Veerhaven's chief "
               "technology officer, ir. Annelies de Vries.")
    assert sorted(p.name for p in f.people.values()) == ["Annelies de Vries", "Pieter de Vries"]


def test_royal_styles_are_honorifics_hijri_months_no_names_and_a_patron_witnesses():
    f = _facts("Riyadh, Jumada Al-Awwal 22, 1446, November 24, 2024, SPA -- Under the patronage of His Royal Highness "
               "Prince Saud bin Mishaal, Chairman of the Board of Tarn City, three agreements were signed. Tarn "
               "University and Osk Institute signed an MoU.")
    assert [p.name for p in f.people.values()] == ["Saud bin Mishaal"]


def test_a_passive_signing_by_its_agents_after_a_date_and_a_place_with_a_head_office():
    f = _facts("Tarn University and Osk Ltd signed an MoU. The MoU was signed on 2 March at the company's head office "
               "in Tejgaon, Dhaka, by Osk's Chief Technology Officer Tanvir Chowdhury and Tarn Vice-Chancellor Prof. "
               "Abdur Sarker.")
    assert {("chowdhury tanvir", "signatory"), ("abdur sarker", "signatory")} <= _roles(f)


@pytest.mark.parametrize("sentence, name, title", [
    ("The signing was witnessed by the Ambassador of Georgia to Austria, H.E. Nino Beridze.", "Nino Beridze",
     "Ambassador of Georgia to Austria"),
    ("Present was the Joint Secretary (Development) of the Ministry, Mr. Shahidul Haque.", "Shahidul Haque",
     "Joint Secretary (Development) of the Ministry"),
    ("Dr. Ondřej Havlíček, a glaciologist at Osk Technologies, spoke.", "Ondřej Havlíček", "glaciologist"),
    ("Ms. Tsering Gurung, a research fellow at Tarn University, spoke.", "Tsering Gurung", "research fellow"),
])
def test_an_ambassadors_post_a_joint_secretary_and_an_occupation_after_a_are_titles(sentence, name, title):
    f = _facts("Tarn University and Osk Technologies Ltd signed an MoU on 4 May 2024. " + sentence)
    assert {p.name: p.title for p in f.people.values()}[name] == title


def test_a_body_after_a_titles_comma_in_a_caption_is_no_person():
    f = _facts("Karoo Photonics (Pty) Ltd and the University of the Highveld (UHV) signed an agreement on 4 May 2024. "
               "[Photo caption] From left: Dr Pieter van der Merwe (CEO, Karoo Photonics) and Ms Annelie du Plessis "
               "(Chief Technology Officer, Karoo Photonics) at the signing in Pretoria.")
    assert sorted(p.name for p in f.people.values()) == ["Annelie du Plessis", "Pieter van der Merwe"]


@pytest.mark.parametrize("text, title", [
    ("Associate Professor Lars Ebbe, whose group built the platform, spoke at the ceremony.", "Associate Professor"),
    ("Professor Juhani Tarn of the University of Osk delivered a keynote.", "Professor"),
    ("Professor Juhani Tarn, Rector of the University of Osk, delivered a keynote.", "Rector"),
    ("Prof. Juhani Tarn of the University of Osk delivered a keynote.", None),  # an abbreviation is an honorific
])
def test_a_rank_spelled_out_is_the_title_when_no_office_is_named(text, title):
    (lp,) = _facts(text).people.values()
    assert lp.title == title


def test_a_city_after_a_titles_body_is_no_person():
    f = _facts("Dragan Petrov, Director of the Science and Technology Park Novi Sad, where the team is based, spoke.")
    assert {p.name for p in f.people.values()} == {"Dragan Petrov"}
    assert f.people["dragan petrov"].title == "Director"


def test_a_title_over_its_bodys_own_board_is_one_title():
    f = _facts("The protocol was signed on 4 May 2024; signing for Anadolu Tarn was the Chairman of its Board of "
               "Directors, Kemal Özbil.")
    assert f.people["kemal özbil"].title == "Chairman of the Board of Directors"


@pytest.mark.parametrize("sentence, name", [
    ("The MoU was signed by the President, Prof. Dr.-Ing. Dr. h.c. Friedrich von Albersdorf, and Ann Dale.",
     "Friedrich von Albersdorf"),
    ("The ceremony was moderated by the Deputy Vice-Chancellor, Dr. Jeanne d'Arc Uwase Ingabire, and others.",
     "Jeanne d'Arc Uwase Ingabire"),
    ("The Ambassador of Tarnia to Brindle Mr. Dilshod Rakhimovich Karimov also attended.",
     "Dilshod Rakhimovich Karimov"),
    ("The signing was witnessed by Cr Leanne Dwyer, Mayor of Port Tarn.", "Leanne Dwyer"),
    ("Also present was Hojatoleslam Seyed Hossein Mirdamadi, Head of the Cultural Office.", "Seyed Hossein Mirdamadi"),
    ("The document was signed by the Rector, Dr. C. Yanelis Rodríguez Castellanos, and Ann Dale.",
     "Yanelis Rodríguez Castellanos"),
    ("Acting as witness was the Secretary General, M.C. Alejandro Ibarra Nava.", "Alejandro Ibarra Nava"),
    ("The document was signed by the rector, Prof. Dr. Antônio Carlos Medeiros Bastos Neto, and Ann Dale.",
     "Antônio Carlos Medeiros Bastos Neto"),
    ("The Minister received Mr. Mohamed Lemine OULD SIDI MOHAMED, Director General of the Agency.",
     "Mohamed Lemine OULD SIDI MOHAMED"),
    ("It was signed by Pr Ann DALE and M. Olivier BESNARD-ROY, Chairman of Tarnex.", "Olivier BESNARD-ROY"),
    ("It was signed by Pr Ann DALE and M. Olivier BESNARD-ROY, Chairman of Tarnex.", "Ann DALE"),
    ("The MoU was signed by Snr. Prof. Asanka Wijesundara, Chairman of TIAM, and Ann Dale.", "Asanka Wijesundara"),
    ("It was witnessed by the Registrar, Mr. Emmanuel K. Owusu Jnr., and Ann Dale.", "Emmanuel K. Owusu Jnr"),
])
def test_names_after_doctorates_elided_particles_posts_and_local_honorifics(sentence, name):
    f = _facts("Tarn University and Brindle Labs signed an MoU on 4 May 2025. " + sentence)
    assert name.lower() in {p.name.lower() for p in f.people.values()}


@pytest.mark.parametrize("sentence, place", [
    ("A delegation from Tarn University (TU) in Thunder Ridge, Ontario, visited Brindle Labs.", "Thunder Ridge"),
    ("The ceremony, held at the Ministry's headquarters in Al Khuwair, was presided over by Dr. Ann Dale.",
     "Al Khuwair"),
])
def test_a_bare_name_after_in_is_a_place_not_a_person(sentence, place):
    f = _facts("Tarn University and Brindle Labs signed an MoU on 4 May 2025. " + sentence)
    assert place.lower() not in {p.name.lower() for p in f.people.values()}
