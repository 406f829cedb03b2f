"""One release's facts (helpers.extract.document) and its themes (helpers.extract.tagging)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support import release_facts as _facts

from helpers.errors import CorpusError
from helpers.extract.document import extract_document
from helpers.extract.facts import org_key, person_key
from helpers.extract.nlp import pipeline
from helpers.extract.tagging import tag
from helpers.ingest import RawDocument

RELEASE = ("Brindle University and Tarn Institute signed a strategic cooperation agreement on "
           "May 4, 2023 in Harbour Hall. President Ada Lind of Brindle University said the "
           "partners would open a joint laboratory for satellites and train young scientists.")


def test_release_gives_people_organisations_and_one_signing():
    f = _facts(RELEASE, published=dt.date(2023, 5, 5))
    assert set(f.orgs) == {"brindle university", "tarn institute"}
    assert list(f.people) == ["ada lind"]
    (ev,) = f.events
    assert (ev.kind, ev.date, ev.location, ev.agreement) == (
        "signing", dt.date(2023, 5, 4), "Harbour Hall", "strategic cooperation agreement")
    assert {(r[0], r[1], r[2], r[3]) for r in ev.roles} == {
        (None, "brindle university", None, "party"), (None, "tarn institute", None, "party"),
        ("ada lind", "brindle university", "President", "speaker")}


def test_event_and_mention_spans_point_into_the_text():
    f = _facts(RELEASE)
    (ev,) = f.events
    a, b = ev.sentence
    assert RELEASE[a:b].startswith("Brindle University and Tarn Institute signed")
    spans = {(kind, RELEASE[x:y]) for kind, _key, x, y in f.mentions}
    assert ("person", "Ada Lind") in spans
    assert ("organization", "Tarn Institute") in spans
    speaker = next(r for r in ev.roles if r[3] == "speaker")
    assert RELEASE[speaker[4]:speaker[5]].startswith("President Ada Lind")


def test_empty_release_gives_no_facts():
    f = _facts("")
    assert (f.people, f.orgs, f.events, f.mentions, f.themes, f.words) == ({}, {}, [], [], [], 0)


def test_keys_ignore_spelling_and_name_order():
    assert person_key("Wan Li") == person_key("Li Wan") == person_key("LI Wan.")
    assert org_key("the Tarn Co-operation Centre") == org_key("Tarn Cooperation Center")


# --- themes ---------------------------------------------------------------------------------

def test_bundled_taxonomy_finds_themes_with_their_phrases():
    themes = {slug: (score, terms) for slug, score, terms in _facts(RELEASE).themes}
    assert themes["domain:aerospace"][1] == ["satellites"]
    assert themes["research"][1] == ["joint laboratory"]
    assert themes["talent"][1] == ["train", "young scientists"]
    assert all(0 < score < 1 for score, _ in themes.values())


def test_more_distinct_terms_score_higher():
    (one,) = [s for slug, s, _ in tag(pipeline()("A satellite.")) if slug == "domain:aerospace"]
    (two,) = [s for slug, s, _ in tag(pipeline()("A satellite and a rocket.")) if slug == "domain:aerospace"]
    assert two > one


def test_maker_space_is_not_aerospace():
    themes = {slug for slug, _, _ in _facts("The partners will set up a maker space for students.").themes}
    assert "domain:aerospace" not in themes


def test_custom_taxonomy_file(tmp_path: Path):
    taxonomy = tmp_path / "themes.yml"
    taxonomy.write_text("kelp:\n  label: Kelp\n  terms: [kelp farming, seaweed]\n"
                        "makers: [maker space]\n", encoding="utf-8")
    f = _facts("Kelp farming and SEAWEED research will grow. A maker space opens.", taxonomy)
    assert [(slug, terms) for slug, _, terms in f.themes] == [
        ("kelp", ["kelp farming", "seaweed"]), ("makers", ["maker space"])]


def test_taxonomy_that_is_not_a_mapping_is_an_error(tmp_path: Path):
    taxonomy = tmp_path / "themes.yml"
    taxonomy.write_text("- kelp\n- seaweed\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="must be a mapping"):
        _facts("Seaweed.", taxonomy)


def test_missing_taxonomy_file_is_an_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="cannot read lexicon"):
        _facts("Seaweed.", tmp_path / "absent.yml")


def test_a_jumble_of_release_fragments_never_raises():
    import random

    from helpers.extract import build_tables

    rng = random.Random(7)
    pieces = ["Mr", "Ms.", "Professor", "Vice Presidents", "President of", "ZHU", "Jiaojun", "Li", "(", ")",
              ",", ".", "and", "signed", "the", "agreement", "MoU", "on", "March 5", "today", "(June 3)",
              "University", "of", "Corporation", "(ABC)", "between", "witnessed", "by", "on behalf of", "'s",
              "Office", "respectively", "\n", "\n\n", "Ministry", "-", ":", ";", "led by", "visited",
              "met with", "the two parties", "Dec.", "30", "Co., Ltd.", "Framework Agreement on", "Hall"]
    facts = []
    for i in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        facts.append(extract_document(RawDocument(path=f"f{i}.txt", text=text,
                                                  published=rng.choice([None, dt.date(2021, 1, 5)]))))
    tables = build_tables(facts)
    assert len(tables["documents"]) == 300


def test_theme_terms_count_only_in_a_theme_sense():
    """A term inside an organisation's name or a title, or inside a `not` phrase, is no theme."""
    f = _facts("Dr Ana Ruiz, Director of the Innovation Office of Lakeside University, said the "
               "Orbitek Innovation Centre will test a proton exchange membrane stack.")
    slugs = {slug for slug, _, _ in f.themes}
    assert "innovation" not in slugs and "exchange" not in slugs
    f = _facts("The two universities will promote academic exchange and innovation.")
    assert {"innovation", "exchange"} <= {slug for slug, _, _ in f.themes}


def test_theme_patterns_match_words_between():
    f = _facts("Orbitek will open its satellite test facilities to Lakeside students.")
    assert ("resource_sharing", ["open its satellite test facilities"]) in [
        (slug, terms) for slug, _, terms in f.themes]


def test_theme_aliases_name_a_theme_by_another_slug():
    from helpers.extract.tagging import theme_aliases

    assert theme_aliases()["domain:health"] == "domain:biomedicine"
    assert theme_aliases()["domain:ict"] == "domain:digital"


def test_a_visit_with_a_meeting_in_one_sentence_is_one_event():
    f = _facts("Dr Ana Ruiz visited Brindle University and met President Li Wei on May 4, 2023.")
    assert [ev.kind for ev in f.events] == ["visit"]
    roles = {(r[0], r[3]) for ev in f.events for r in ev.roles if r[0]}
    assert ("ana ruiz", "visitor") in roles


def test_a_visit_that_names_no_one_keeps_its_visiting_and_hosting_bodies():
    from support import release_facts

    facts = release_facts("A delegation from Tarn University visited Brindle University and the Kestrel "
                          "Institute on May 5, 2024 to discuss cooperation with Helix Corporation.")
    (ev,) = facts.events
    assert ev.kind == "visit"
    assert {(r[1], r[3]) for r in ev.roles} == {("tarn university", "visitor"), ("brindle university", "host"),
                                                ("kestrel institute", "host")}


def test_a_body_whose_unnamed_representatives_attend_takes_part():
    f = _facts("Brindle University and Tarn Institute signed an agreement on May 4, 2023. Also present were "
               "representatives of the Tarnby Municipal Science and Technology Bureau.")
    (ev,) = f.events
    assert ("tarnby municipal science and technology bureau", "attendee") in {(r[1], r[3]) for r in ev.roles}
    named = _facts("Brindle University and Tarn Institute signed an agreement on May 4, 2023. Also present "
                   "were the Tarnby Municipal Science and Technology Bureau's interns.")
    assert "tarnby municipal science and technology bureau" not in {r[1] for ev in named.events for r in ev.roles}


def test_bodies_listed_after_representatives_of_each_take_part():
    f = _facts("Brindle University and Tarn Institute signed an agreement on May 4, 2023. The ceremony was "
               "attended by representatives of Kestrel Polytechnic, the Tarnby Science Bureau and Helix Corporation.")
    roles = {(r[1], r[3]) for ev in f.events for r in ev.roles}
    assert {("kestrel polytechnic", "attendee"), ("tarnby science bureau", "attendee"),
            ("helix", "attendee")} <= roles


@pytest.mark.parametrize("text", [
    "A memorandum of understanding was signed today by representatives of Brindle University and Tarn Institute.",
    "The agreement was signed by representatives of the two bodies, Brindle University and Tarn Institute.",
])
def test_a_signing_by_unnamed_representatives_of_bodies_has_those_bodies_as_parties(text):
    assert _parties(_facts(text)) == {"brindle university", "tarn institute"}


@pytest.mark.parametrize("text, signers", [
    ("Brindle University and Tarn Institute signed an MoU. The MoU was signed on Tuesday, 5 March 2024, at the "
     "Tarn Innovation Hall, Kestrel City, by Dr. Ana Ruiz, President of Brindle University, and Dr. Omar Haddad, "
     "Director of Tarn Institute.",
     {("ana ruiz", "brindle university"), ("haddad omar", "tarn institute")}),
    ("Volga Photonics, TUAO and TIRE signed an agreement on 4 May 2024. Signing for Volga Photonics was its "
     "General Director, Ivan Petrovich Orlov; for TUAO, Rector Prof. Bakhtiyor Tursunov; and for TIRE, "
     "Director Rustam Galiullin.",
     {("ivan orlov petrovich", "volga photonics"), ("bakhtiyor tursunov", "tuao"), ("galiullin rustam", "tire")}),
    ("Helix Corporation signed MoUs with two universities on 4 May 2024. Signing for the universities were "
     "Dr. Linda Reyes, president of Brindle University; and Dr. Samuel Hargrove, provost of Tarn University.",
     {("linda reyes", "brindle university"), ("hargrove samuel", "tarn university")}),
    ("Helix Corporation signed MoUs with Tarn University (TU) and Brindle University (BU) on 4 May 2024. They "
     "were signed by Mr. Olu Adeyemi, Chief Executive Officer of Helix Corporation, and by the Vice-Chancellors "
     "of the two institutions: Prof. Aisha Bello (TU) and Prof. Ibrahim Yakubu (BU).",
     {("adeyemi olu", "helix"), ("aisha bello", "tarn university"), ("ibrahim yakubu", "brindle university")}),
])
def test_signatories_told_after_a_date_and_place_or_listed_after_signing_for(text, signers):
    f = _facts(text)
    assert {(r[0], r[1]) for r in f.events[0].roles if r[3] == "signatory"} == signers


@pytest.mark.parametrize("text", [
    "Tarn University and Johannesburg-based Bophelo Robotics signed an agreement.",
    "Tarn University signed an agreement with Johannesburg-based Bophelo Robotics.",
])
def test_where_a_company_is_based_is_no_part_of_its_name(text):
    assert _parties(_facts(text)) == {"tarn university", "bophelo robotics"}


def test_a_unit_named_with_a_bodys_short_name_is_that_bodys():
    f = _facts("Brindle University and Helix Biomedical Group signed an agreement on May 4, 2023. Helix will "
               "bring its screening lab. Also present were researchers of the Helix Drug Discovery Centre.")
    assert f.orgs["helix drug discovery center"].parent == "helix biomedical"
    assert _parties(f) == {"brindle university", "helix biomedical"}
    alone = _facts("Brindle University and Helix Biomedical Group signed an agreement on May 4, 2023. Also "
                   "present were researchers of the Helix Drug Discovery Centre.")
    assert alone.orgs["helix drug discovery center"].parent is None  # never "Helix" alone: no short name


def test_people_named_in_full_with_a_title_and_no_role_word_are_present():
    f = _facts("Brindle University and Tarn Institute signed an agreement on May 4, 2023. Among the researchers "
               "in the project are Dr. Ana Ruiz (ocean chemistry) and Professor Li Wei (robotics).")
    roles = {(r[0], r[3]) for ev in f.events for r in ev.roles}
    assert {("ana ruiz", "attendee"), ("li wei", "attendee")} <= roles


@pytest.mark.parametrize("text, key", [
    ("The deal supports President Ana Ruiz's policy of open science.", "ana ruiz"),
    ("The school was founded in 1985 by the late Professor Li Wei.", "li wei"),
    ("The MoU was signed at the Prof. Ana Ruiz Classroom of Brindle University.", "ana ruiz"),
    ("Its first laboratory was opened by the late marine scientist Dr. Li Wei in 1990.", "li wei"),
    ("Tarn Motors GmbH was founded in Koblenz by the engineer Dr. Li Wei.", "li wei"),
    ("Tarn University has a similar agreement, concluded under the previous president, Prof. LI Wei.", "li wei"),
    ("Its faculty signed a protocol with Tarn Hospital in 2021, and its centre, named after the late Prof. Li Wei, "
     "hosts the lab.", "li wei"),
    ("Tarn University signed an MoU with Brindle Labs.\n\nMedia contact:\nAna Ruiz, Head of Corporate "
     "Communications, Brindle Labs Ltd.", "ana ruiz"),
    ("Tarn University signed an MoU with Brindle Labs.\n\nMedia contact: Ms. Ana Ruiz, Public Affairs Office, "
     "Brindle Labs", "ana ruiz"),
])
def test_owners_people_of_the_past_contacts_and_rooms_named_after_people_are_not_present(text, key):
    f = _facts(text)
    assert key not in {r[0] for ev in f.events for r in ev.roles}


def _parties(f) -> set[str]:
    return {r[1] for r in f.events[0].roles if r[3] == "party"} if f.events else set()


def test_an_announced_agreement_is_a_signing_dated_only_by_its_signing_sentence():
    f = _facts("May 4, 2023 — Brindle University and the Tarn Institute are pleased to announce a new "
               "memorandum of understanding on ocean robotics.")
    assert f.events[0].kind == "signing" and f.events[0].date is None
    assert _parties(f) == {"brindle university", "tarn institute"}
    later = _facts("Brindle University and the Tarn Institute today announced a cooperation agreement on "
                   "ocean robotics. The agreement was signed on May 2, 2023 in Tarnby.")
    assert later.events[0].date == dt.date(2023, 5, 2)
    plans = _facts("Brindle University announced plans to sign an agreement with the Tarn Institute.")
    assert not any(ev.kind == "signing" for ev in plans.events)


def test_a_country_after_a_bodys_of_is_whose_body_it_is_not_a_party():
    f = _facts("The Ministry of Science and Enterprise (MSE) of Tarnia and the Ministry of Advanced Research "
               "(MoAR) of the United Arab Emirates signed a memorandum of understanding.")
    assert _parties(f) == {"ministry of science and enterprise", "ministry of advanced research"}


def test_titles_that_sign_unnamed_are_signed_for_by_their_holders():
    f = _facts("The Presidents of Brindle University and the Tarn Institute signed a cooperation agreement "
               "on May 4, 2023. \"We are proud,\" said Ana Ruiz, President of Brindle University. "
               "\"It is a new start,\" said Li Wei, President of the Tarn Institute.")
    assert _parties(f) == {"brindle university", "tarn institute"}
    assert {r[0] for r in f.events[0].roles if r[3] == "signatory"} == {"ana ruiz", "li wei"}


def test_a_headline_signing_is_the_one_the_body_tells():
    f = _facts("Brindle and Tarn Universities Sign Research Agreement\n\nIn a memorandum of understanding "
               "signed on May 4, 2023, Brindle University and the Tarn Institute agreed to share laboratories.")
    assert [ev.kind for ev in f.events] == ["signing"]
    assert _parties(f) == {"brindle university", "tarn institute"}


@pytest.mark.parametrize("text", [
    "May 4, 2023\n\nBrindle University and the Tarn Institute today announced they have signed a "
    "memorandum of understanding on ocean robotics.",
    "Release Date: Monday, May 8, 2023\n\nBrindle University and the Tarn Institute signed a memorandum "
    "of understanding on ocean robotics on Friday.",
])
def test_a_signing_dated_only_by_its_announcement_or_an_earlier_weeks_day_has_no_date(text):
    (ev,) = [ev for ev in _facts(text).events if ev.kind == "signing"]
    assert ev.date is None


def test_an_announcement_that_dates_its_signing_keeps_the_date():
    f = _facts("Brindle University and the Tarn Institute announced that they signed a memorandum of "
               "understanding on May 2, 2023.")
    assert f.events[0].date == dt.date(2023, 5, 2)


@pytest.mark.parametrize("text, parties", [
    ("Germany and Chile signed an agreement on research cooperation.", {"germany", "chile"}),
    ("Today, Norway and the U.S. signed a Technology Safeguards Agreement.", {"norway", "u s"}),
    ("Brindle University signed an agreement with Germany's Tarn Institute.", {"brindle university", "tarn institute"}),
    ("Brindle University and Tarn Institute, Germany, signed an agreement.", {"brindle university", "tarn institute"}),
])
def test_countries_sign_as_subjects_not_as_owners_or_places(text, parties):
    assert _parties(_facts(text)) == parties


@pytest.mark.parametrize("group", ["The two presidents", "The three presidents"])
def test_a_group_of_titles_that_signs_is_signed_for_by_the_parties_holders(group):
    f = _facts(f"Brindle University and Tarn University signed a memorandum on May 4, 2023. {group} then "
               "jointly signed the Memorandum of Understanding. Dr. Ana Ruiz, President of Brindle University, "
               "spoke. Dr. Li Wei, President of Tarn University, said it was a good day.")
    assert {r[0] for r in f.events[0].roles if r[3] == "signatory"} == {"ana ruiz", "li wei"}


def test_a_sentence_opening_signed_at_a_place_by_names_its_signatories():
    f = _facts("Brindle University and Tarn University signed a memorandum on May 4, 2023. Signed at Brindle’s "
               "Council Chambers by the two institutions’ Vice Chancellors, Prof Ana Ruiz, and his counterpart "
               "from Tarn, Prof Li Wei, the MoU aims to confirm the collaboration.")
    assert {r[0] for r in f.events[0].roles if r[3] == "signatory"} == {"ana ruiz", "li wei"}


def test_a_signing_mentioned_with_no_party_or_date_is_the_one_the_next_signing_sentence_tells():
    f = _facts("Professor Ana Ruiz exchanges the signed agreement with Ms. Li Wei.\n\nBrindle University has "
               "signed a memorandum of understanding with the Tarn Institute on May 4, 2023.")
    (ev,) = [ev for ev in f.events if ev.kind == "signing"]
    assert _parties(f) == {"brindle university", "tarn institute"} and ev.date == dt.date(2023, 5, 4)


@pytest.mark.parametrize("listed", [
    "Tarn City, Brindle Province, Helix Group Co., Ltd. (Helix) and the Kestrel Institute",
    "Tarn City, Chile, Helix Group Co, Ltd. and the Kestrel Institute",
])
def test_a_partner_list_skips_places_legal_forms_and_short_forms(listed):
    f = _facts(f"Brindle University signed agreements on May 4, 2023 with {listed}.")
    assert {"tarn city", "helix", "kestrel institute"} <= _parties(f)


def test_people_of_a_signing_still_to_come_have_no_role_in_it():
    f = _facts("Brindle University will sign an MoU with the Tarn Institute tomorrow. The MoU will be signed by "
               "Dr. Ana Ruiz, Rector of Brindle University, and Prof. Li Wei, Director of the Tarn Institute.")
    assert not any(r[3] in ("signatory", "witness") for ev in f.events for r in ev.roles)


@pytest.mark.parametrize("text", [
    "The MoU signing ceremony took place at the Tarn Library, between President of Brindle University "
    "Prof. Ana Ruiz and Tarn University Rector Prof. Li Wei.",
    "Brindle University and Tarn University signed an MoU on May 4, 2023. The Vice-Chancellor of Brindle "
    "University and Vice-Chancellor of Tarn University signed the MoU on behalf of their universities. "
    "Prof. Ana Ruiz, Vice-Chancellor of Brindle University, spoke. Prof. Li Wei, Vice Chancellor of Tarn "
    "University, said it was a good day.",
])
def test_signatories_between_whom_a_signing_took_place_or_whose_office_signed(text):
    signatories = {r[0] for ev in _facts(text).events for r in ev.roles if r[3] == "signatory"}
    assert signatories == {"ana ruiz", "li wei"}


def test_the_person_who_speaks_while_signing_signs():
    f = _facts("An MoU was signed between Brindle University and Tarn University on May 4, 2023. While signing "
               "the partnership deal, Professor Ana Ruiz commended Tarn University.")
    assert ("ana ruiz", "signatory") in {(r[0], r[3]) for ev in f.events for r in ev.roles}


def test_partners_counted_in_the_signing_and_named_after_are_its_parties():
    f = _facts("The Tarn Science Agency signed MoUs with four organisations on May 4, 2023.\n\nThe organisations "
               "are, the National Power Training Institute of Kenya (NPTI), Brindle University and the Helix "
               "Institute.\n\nOthers are, Federal University of Technology, Akure, and Kestrel Corporation.")
    assert _parties(f) == {"tarn science agency", "national power training institute of kenya",
                           "brindle university", "helix institute", "federal university of technology akure",
                           "kestrel"}


def test_an_academic_degree_before_the_signing_verb_is_no_party():
    f = _facts("Dr. Ana Ruiz – Rector of Tarn State University, Doctor of Biological Sciences, Professor signed a "
               "memorandum of cooperation on May 4, 2023.")
    assert "doctor of biological sciences" not in _parties(f)


@pytest.mark.parametrize("text", [
    "A statement issued on Saturday by Ana Ruiz, Director of Information of Brindle University, said the MoU "
    "was signed on May 4, 2023.",
    "Brindle University signed an MoU on May 4, 2023, according to a statement by the university's Director, "
    "Office of Public Affairs, Ana Ruiz.",
])
def test_the_person_a_statement_comes_from_has_no_role(text):
    assert "ana ruiz" not in {r[0] for ev in _facts(text).events for r in ev.roles}


@pytest.mark.parametrize("text, parties", [
    # the organisations after a fronted signing phrase
    ("In a memorandum of understanding signed in Tarnby today, the Brindle University System, Tarn Institute "
     "of Technology and Helix Corporation agreed to form a research partnership.",
     {"brindle university system", "tarn institute of technology", "helix"}),
    # a headline in capitals names none
    ("BRINDLE AND TARN INSTITUTE SIGN SPACE AGREEMENTS\n\nBrindle University and the Tarn Institute signed two "
     "agreements on May 4, 2023.", {"brindle university", "tarn institute"}),
    # countries in the list after "between"
    ("The two ministers signed an agreement between Chile and Peru on research on May 4, 2023.", {"chile", "peru"}),
    # the news source that tells the signing
    ("Brindle University signed a memorandum on May 4, 2023 with the Tarn Institute, Tarnpress reports.",
     {"brindle university", "tarn institute"}),
])
def test_the_parties_a_signing_sentence_names(text, parties):
    assert _parties(_facts(text)) == parties


_SIGNED = "Tarn University and Brindle Institute signed a memorandum of understanding on May 4, 2023. "


@pytest.mark.parametrize("text, roles", [
    ("The signing was witnessed by Li Wei, Minister of Science of Tarnland.", {"Li Wei": "witness"}),
    ("The MoU was signed in the presence of Minister Li Wei and Ambassador Omar Haddad.",
     {"Li Wei": "witness", "Omar Haddad": "witness"}),
    ("Also present at the ceremony were Li Wei, Dean of Tarn University, and Omar Haddad.",
     {"Li Wei": "attendee", "Omar Haddad": "attendee"}),
    ("The ceremony was attended by Li Wei and Omar Haddad, among others.",
     {"Li Wei": "attendee", "Omar Haddad": "attendee"}),
    ("Minister Li Wei presided over the signing ceremony.", {"Li Wei": "presider"}),
    ("The meeting was co-chaired by Li Wei, Director at Tarn University, and by Dr Omar Haddad, Director of "
     "Research at the Osk Institute.", {"Li Wei": "presider", "Omar Haddad": "presider"}),
    ("The delegation was received by the President of Tarn University, Professor Li Wei, who presided over the "
     "meeting.", {"Li Wei": "presider"}),
    ("Witnessing the signing were Li Wei, Vice Minister, and Omar Haddad, Consul General.",
     {"Li Wei": "witness", "Omar Haddad": "witness"}),
    ("“This is a milestone,” said Li Wei, President of Tarn University.", {"Li Wei": "speaker"}),
    ("The event was hosted by Li Wei, Rector of Brindle Institute.", {"Li Wei": "presider"}),
    ("The ceremony was compered by Engr. Li Wei, Director of Research at Tarn University.", {"Li Wei": "presider"}),
    ("The Registrar of Tarn University, Dr. Li Wei, served as master of ceremonies.", {"Li Wei": "presider"}),
    ("Dean Li Wei and Director Omar Haddad sign on behalf of the two institutions, with Board Chair Prof. Ada Vos "
     "(center) looking on.", {"Li Wei": "signatory", "Omar Haddad": "signatory", "Ada Vos": "attendee"}),
    ("Photo: Signing the MoU are Dean Li Wei (left) and Director Omar Haddad (right), as Chairman Ada Vos looks on.",
     {"Li Wei": "signatory", "Omar Haddad": "signatory", "Ada Vos": "attendee"}),
    ("The ceremony took place at Prince Faisal Hall in Palo Alto.", {}),
    ("Li Wei, head of the Prince Faisal University, attended.", {"Li Wei": "attendee"}),
])
def test_each_way_of_telling_a_role_gives_that_role_to_those_people_only(text, roles):
    facts = _facts(_SIGNED + text)
    found: dict[str, set[str]] = {}
    for ev in facts.events:
        for r in ev.roles:
            if r[0]:
                found.setdefault(r[0], set()).add(r[3])
    assert set(found) == {person_key(n) for n in roles}
    assert all(role in found[person_key(n)] for n, role in roles.items())


@pytest.mark.parametrize("text, roles", [
    ("A delegation from Tarn University led by President Ada Vos visited Brindle Institute on May 4, 2023 and met "
     "Director Ian Cole.", {"Ada Vos": "visitor", "Ian Cole": "host"}),
    ("Director Ian Cole of Brindle Institute received a delegation from Tarn University headed by Vice President "
     "Ada Vos on May 4, 2023.", {"Ada Vos": "visitor", "Ian Cole": "host"}),
    ("On May 4, 2023, Ada Vos, President of Tarn University, paid a visit to Brindle Institute, where she was "
     "welcomed by its Director, Ian Cole.", {"Ada Vos": "visitor", "Ian Cole": "host"}),
])
def test_a_visit_told_in_one_sentence_is_one_visit_with_its_visitor_and_host(text, roles):
    facts = _facts("Campus news\n\n" + text)
    assert "signing" not in [e.kind for e in facts.events]
    found = {r[0]: r[3] for ev in facts.events for r in ev.roles if r[0] and r[3] in ("visitor", "host")}
    assert found == {person_key(n): role for n, role in roles.items()}
    assert facts.people[person_key("Ada Vos")].org == "tarn university"


@pytest.mark.parametrize("text", [
    "Tarn University and Brindle Institute signed an MoU on 4 May 2024. Photo: (From left) Prof. Ann Lee, "
    "Ms Ada Lin and Dr Omar Haddad after the signing.",
    "The Honourable Ann Lee, Minister of Ocean Technology, today concluded a five-day mission to Norway.",
])
def test_a_photo_caption_or_a_concluded_mission_names_no_signatory(text):
    assert not [r for ev in _facts(text).events for r in ev.roles if r[3] == "signatory"]


def test_a_description_written_small_before_the_second_party_keeps_the_first():
    f = _facts("Tarnby Naval Polytechnic University (TNPU) and the shipyard company Brindle Shipbuilding S.A. signed "
               "a partnership agreement on 6 July 2020.")
    assert _parties(f) == {"tarnby naval polytechnic university", "brindle shipbuilding s a"}
    g = _facts("Brindle University and Danish sensor maker Vindhav Sensorik A/S signed a development agreement on "
               "3 May 2024.")
    assert _parties(g) == {"brindle university", "vindhav sensorik a s"}


def test_a_subsidiary_described_after_its_name_signs_not_its_parent():
    f = _facts('Tarno Semiconductores, S.A. de C.V. ("Tarno"), the Mexican subsidiary of Austin-based Tarno '
               "Microsystems Inc., today announced that it has signed a collaboration agreement with the Universidad "
               "Autónoma de Brindle (UAB) on 4 June 2024.")
    assert _parties(f) == {"tarno semiconductores s a de c v", "universidad autónoma de brindle"}
    assert not any(o.name.startswith("Austin") for o in f.orgs.values())


def test_a_country_in_a_headline_is_no_party_beside_the_ministries_that_signed():
    f = _facts("New Zealand has signed a research arrangement with Norway, the Minister says. The arrangement was "
               "signed today by the Chief Executive of the Ministry of Tarn Science, Tāmati Osk, and the Director "
               "General of the Norwegian Directorate for Osk Technology (NDOT), Silje Tarn.",
               published=dt.date(2024, 4, 3))
    assert _parties(f) == {"ministry of tarn science", "norwegian directorate for osk technology"}
    g = _facts("Finland and Chile signed a memorandum of understanding on 4 June 2024.")
    assert _parties(g) == {"finland", "chile"}


def test_a_ministry_whose_office_hosts_the_signing_is_no_party_but_its_minister_is_its():
    f = _facts("A research agreement was signed on Tuesday, 5 March 2024, at the head office of the Ministry of Tarn "
               "Energy in Windhoek, in the presence of the Minister, Hon. Tangeni Osk. It was signed by Dr Anneke "
               "Vela, Director of the Namib Osk Research Agency, and Prof. Ben Tarn, Vice-Chancellor of Osk "
               "University.")
    assert "ministry of tarn energy" not in _parties(f)
    assert f.people[person_key("Tangeni Osk")].org == "ministry of tarn energy"


def test_an_undated_signing_keeps_the_parties_of_an_earlier_years_agreement_out():
    f = _facts("Tarn University and the Osk Institute signed a memorandum of understanding. The memorandum "
               "complements the agreement signed in 2018 between Tarn University and the Vela Academy.",
               published=dt.date(2024, 5, 6))
    (ev,) = f.events
    assert {r[1] for r in ev.roles if r[3] == "party"} == {"tarn university", "osk institute"}


def test_the_signatories_of_an_earlier_years_agreement_have_no_role_in_this_one():
    f = _facts("Tarn University and the Osk Institute signed a memorandum of understanding on 4 May 2024. "
               "In 2019 the university signed a smaller agreement with the Vela Academy, represented by Dr. Ana Lind.",
               published=dt.date(2024, 5, 6))
    (ev,) = f.events
    assert not any(r[3] == "signatory" for r in ev.roles)


def test_a_perfect_signing_under_a_visits_headline_is_no_signing_of_the_release():
    text = ("Korean metrology delegation visits Tarn Institute in Delft\n\nOn 13 February, the Director-General of "
            "the Tarn Institute welcomed a delegation from the Osk Institute of Standards.\n\nThe Tarn Institute and "
            "the Osk Institute of Standards have signed an agreement that provides for mutual recognition of "
            "certificates, and have exchanged researchers under it for years.")
    assert not any(ev.kind == "signing" for ev in _facts(text, published=dt.date(2023, 2, 15)).events)


def test_the_venue_of_a_signing_is_no_party():
    f = _facts("Within the framework of the Energy Congress, held from 8 to 10 May at the Tarnby International "
               "Convention Centre, the Tarn Academy and the Osk Institute signed a memorandum of understanding.",
               published=dt.date(2024, 5, 11))
    (ev,) = [x for x in f.events if x.kind == "signing"]
    assert {r[1] for r in ev.roles if r[3] == "party"} == {"tarn academy", "osk institute"}


def test_a_year_less_day_in_a_dated_range_names_the_signing_day_without_a_publication_date():
    from support import release_facts
    f = release_facts("Tarn University and Brindle Labs concluded the agreement during a workshop held in Arusha "
                      "from 7 to 9 August 2023.\n\nOn the final day of the workshop, 9 August, the two parties "
                      "signed the agreement.")
    ev = next(ev for ev in f.events if ev.kind == "signing")
    assert str(ev.date) == "2023-08-09"
