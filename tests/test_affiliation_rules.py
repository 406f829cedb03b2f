"""Titles and affiliations from structure (helpers.extract.affiliation, scanner): leading titles
through a bracket or a possessive unit, an organisation's name before a title, "the then" titles."""

from __future__ import annotations

import pytest
from support import release_facts as _facts

from helpers.extract.facts import org_key, person_key
from helpers.extract.release_orgs import headed


def _top_orgs(text: str, names: list[str]) -> dict[str, str | None]:
    """name -> key of the top-level organisation the release gives that person."""
    facts = _facts(text)
    keys = {n: facts.people[person_key(n)].org for n in names}
    return {n: (facts.orgs[k].parent or k) if k in facts.orgs else k for n, k in keys.items()}


def _roles(text: str) -> dict[str, tuple[str | None, str | None]]:
    """person key -> (org key, title) of the release's people."""
    return {p.key: (p.org, p.title) for p in _facts(text).people.values()}


@pytest.mark.parametrize("text, key, org_title", [
    # a title with a bracket before a comma and a name is that person's
    ("The centre was opened by Tarn's Vice President of Partnerships (Asia Pacific), Ms Rae Ong.", "ong rae",
     ("tarn", "Vice President of Partnerships")),
    # a title that holds a unit of an organisation gives the organisation
    ("Liu Qiang, Secretary of the Party Committee of Brindle University, attended.", "liu qiang",
     ("brindle university", "Secretary of the Party Committee")),
])
def test_a_title_gives_its_person_the_organisation_it_names(text, key, org_title):
    assert _roles(text)[key] == org_title


def test_a_title_over_a_possessive_unit_gives_the_parent_organisation():
    roles = _roles("The agreement was signed by the director of the Brindle Space Centre's Institute of "
                   "Propulsion (BIP), Karl Venner, and Lena Moss of Tarn University.")
    org, title = roles["karl venner"]
    assert org == "brindle space center"
    assert title == "director of the Brindle Space Centre's Institute of Propulsion"


def test_a_title_owned_by_the_person_before_is_not_given_again():
    roles = _roles("The agreement was signed by Ann Holt, Director of Tarn Institute (TI), Karl Venner and Lena Moss.")
    assert roles["ann holt"] == ("tarn institute", "Director")
    assert roles["karl venner"] == (None, None)


def test_a_name_of_several_words_before_a_title_is_its_organisation():
    roles = _roles("The MOU was signed by Brindle University Vice-Chancellor Mark Penn and Tarn Aerospace "
                   "Country Director and CEO Chris Dole.")
    assert roles["chris dole"] == ("tarn aerospace", "Country Director and CEO")


def test_a_nationality_before_a_title_is_no_organisation():
    roles = _roles("The talks were led by Chinese Vice Premier Liu Hao and Tarn Aerospace CEO Chris Dole.")
    assert roles["hao liu"][0] is None


def test_the_then_title_is_kept_with_its_organisation():
    roles = _roles("The MoU was signed in December 2020 by Professor Roy Chan, the then President and "
                   "Vice-Chancellor of BKU, and Dr. Matt Long, the Director of Tarn Lakes R&D Center.")
    assert roles["chan roy"] == ("bku", "then President and Vice-Chancellor")


def _event_roles(text: str) -> dict[str, str]:
    (ev, *_) = _facts(text).events
    return {r[0]: r[3] for r in ev.roles if r[0]}


def test_a_list_of_people_goes_on_over_semicolons_to_its_verb():
    roles = _event_roles("Professor Dr. Wilert Purin, President of Brindle University; Professor Dr. Pongruk "
                         "Sarawit, President of Tarn University, signed the agreement.")
    assert roles == {"purin wilert": "signatory", "pongruk sarawit": "signatory"}


def test_a_list_after_signed_by_goes_on_over_semicolons_after_a_title_before_and_after_a_name():
    roles = _event_roles("Tarn University and the Osk Council signed a memorandum of agreement on 3 May 2024. It was "
                         "signed by Undersecretary Rogelio M. Tarn Jr., OSK Executive Director; Dr. Ma. Teresa S. "
                         "Vela, TU President; and Engr. Jose Ramon P. Osk, Chief Executive Officer.")
    assert set(roles.values()) == {"signatory"} and len(roles) == 3


def test_a_semicolon_after_a_clause_still_ends_the_subject():
    roles = _event_roles("Ann Holt presented the plan; Karl Venner signed the agreement.")
    assert roles == {"ann holt": "speaker", "karl venner": "signatory"}


def test_a_name_without_its_nationality_is_the_same_organisation():
    text = ("Ethiopian Space Science and Technology Institute and France National Space Studies Center "
            "signed an agreement today. Space Science and Technology Institute Director-General Solomon "
            "Belay and National Space Studies Center President Jean Marc Lebrun signed it.")
    f = _facts(text)
    assert set(f.orgs) == {"ethiopian space science and technology institute", "france national space studies center"}
    assert f.people["belay solomon"].org == "ethiopian space science and technology institute"


def test_two_ministries_named_in_one_sentence_stay_two():
    f = _facts("The Ministry of Science and Technology and the Israeli Ministry of Science and Technology "
               "signed an agreement.")
    assert set(f.orgs) == {"ministry of science and technology", "israeli ministry of science and technology"}


def test_a_title_ends_where_the_next_titled_person_begins():
    from helpers.extract.nlp import words_of
    from helpers.extract.titles import _titled_name_at

    w = words_of("witnessed by A B, Deputy Director of the Bureau of Westmere Government and Xue Yue, "
                 "Deputy Director of QANET, and the Ministry of Science and Technology Innovation, the host")
    at_and = [k for k, word in enumerate(w.text) if word == "and"]
    assert _titled_name_at(w, at_and[0] + 1, len(w))        # "Xue Yue, Deputy Director"
    assert not _titled_name_at(w, at_and[2] + 1, len(w))    # "Technology Innovation, the host"


def test_a_unit_an_organisation_owns_by_possessive_is_part_of_it():
    facts = _facts("Officials from TARN's Brindle Space Flight Center and Kestrel University signed a "
                   "memorandum of understanding. Rob Strain, director of Brindle, signed it.")
    assert facts.orgs["brindle space flight center"].parent == "tarn"


def test_an_organisation_after_a_title_and_at_is_no_person():
    roles = _roles("The agreement was signed by Yousef Alhorr, Founding Chairman of GORD, and Mohammed "
                   "Al-Madadi, Executive Director at Tarnedoo Qatar.")
    assert set(roles) == {"alhorr yousef", "al-madadi mohammed"}
    assert roles["al-madadi mohammed"] == ("tarnedoo qatar", "Executive Director")


def test_a_name_after_of_is_a_body_when_the_release_names_it_again():
    roles = _roles("Sofia Vago, President of Brindlex Argentina, signed the agreement. Brindlex is a firm.")
    assert roles["sofia vago"][1] == "President"
    alone = _roles("Ann Lee, Director of Human Resources, attended the ceremony.")
    assert alone["ann lee"] == (None, "Director of Human Resources")


def test_a_national_branch_belongs_to_the_company_the_release_names():
    facts = _facts("Tony Liu, CEO of Brindlex Kenya, said Brindlex Technologies would train 500 students "
                   "with the University of Tarn.")
    assert facts.orgs["brindlex kenya"].parent == "brindlex technologies"
    alone = _facts("The University of Tarn and Brindlex Ireland have signed a memorandum of understanding.")
    assert alone.orgs["brindlex ireland"].parent is None


def test_a_minister_holds_the_ministry_of_the_portfolio_the_title_names():
    roles = _roles("The National Minister of Science, Technology and Innovation, Roberto Salva, signed a "
                   "framework agreement with Tarn Aerospace. The Ministry of Science, Technology and Innovation "
                   "will fund it.")
    assert roles["roberto salva"][0] == "ministry of science technology and innovation"
    unnamed = _roles("The National Minister of Science, Technology and Innovation, Roberto Salva, signed a "
                     "framework agreement with Tarn Aerospace.")
    assert unnamed["roberto salva"][0] is None  # no ministry the release never writes, nor the other party
    prime = _roles("Prime Minister of Tarn Ali Reza attended the ceremony.")
    assert prime["ali reza"][0] is None
    energy = _roles("Kanat Ali, Minister for Energy of the Republic of Tarnia, signed the agreement for the "
                    "Ministry for Energy of the Republic of Tarnia.")
    assert energy["ali kanat"][0] == "ministry for energy of the republic of tarnia"


def test_a_ministry_made_from_a_cut_title_is_the_ministry_the_release_names():
    facts = _facts("The Ministry of Science and Technology (MOST) hosted the ceremony. Minister of Science "
                   "and Technology Ngo Van Tam signed the memorandum with Tarn University.")
    assert facts.people["ngo tam van"].org == "ministry of science and technology"


def test_a_minister_of_state_and_a_minister_for_a_portfolio_belong_to_its_ministry():
    facts = _facts("The Ministry of Science and Enterprise (MSE) of Tarnia signed an MOU with Brindle University. "
                   "It was signed by Senior Minister of State for Science and Enterprise Dr Tan Wei Ming and "
                   "witnessed by Minister for Science and Enterprise Mr Ong Boon Hwee.")
    assert facts.people["ming tan wei"].org == "ministry of science and enterprise"
    assert facts.people["boon hwee ong"].org == "ministry of science and enterprise"
    assert "ministry for science and enterprise" not in facts.orgs


def test_a_dash_after_a_name_opens_its_apposition():
    roles = _roles("The agreement was signed by Mr. Lino Baran – Minister of Science and Production, and "
                   "Ms. Agueda Menvi – Director of International Relations of Tarn University.")
    assert roles["baran lino"][1] == "Minister of Science and Production"
    assert roles["agueda menvi"] == ("tarn university", "Director of International Relations")


def test_a_plural_title_reaches_the_names_listed_after_honorifics():
    roles = _roles("The ceremony was attended by Vice Rectors Prof. Dr. Babur Ozcel and Prof. Dr. Ali Ata.")
    assert roles["ali ata"][1] == "Vice Rector" and roles["babur ozcel"][1] == "Vice Rector"


def test_a_bracketed_aside_after_a_name_does_not_cut_its_apposition():
    roles = _roles("Professor Andrew Spen (seated left), President, Tarn Maritime University, and Dr. Kev "
                   "Brown, President, Brindle University, signed the agreement.")
    assert roles["andrew spen"] == ("tarn maritime university", "President")


def test_a_possessive_owner_in_an_apposition_is_crossed_to_its_title():
    roles = _roles("They were received by Dr. Badran Omar, the University's Rector, at Tarn University.")
    assert roles["badran omar"][1] == "Rector"


def test_a_country_before_a_title_is_a_nationality_not_an_organisation_or_a_party():
    facts = _facts("The MoU was signed by Sultan Al Mansoo, UAE Minister of Economy, and Michael Crow, "
                   "President of Tarn University, on behalf of the Ministry of Economy and the University.")
    (ev,) = facts.events
    assert {r[1] for r in ev.roles if r[3] == "party"} == {"ministry of economy", "tarn university"}
    visit = _roles("Tarn University received a courtesy visit from the Cook Islands Prime Minister, Mark Brow.")
    assert visit["brow mark"] == (None, "Prime Minister")


def test_titled_people_listed_after_a_persons_apposition_share_its_organisation():
    roles = _roles("The delegation was received by Guo Hai, Party Secretary of TARNU's College of Education, "
                   "Dean Li Sheng, and Vice Dean Yan Ming.")
    assert roles["li sheng"][0] == roles["ming yan"][0] == "tarnu"


@pytest.mark.parametrize("text, person, org", [
    ("Brindle University and Tarn Institute signed an agreement. Later the Tarn delegation visited the library "
     "of Kestrel University, where they met Professor Ana Ruiz, Vice President of the university.",
     "ana ruiz", "kestrel university"),
    # a unit named by its function, in a release with two universities
    ("Brindle University and Tarn University signed an agreement on May 4, 2023. Present were the Rector of "
     "Brindle University, Dr. Ana Ruiz, and the Dean of the Faculty of Engineering, Dr. Li Wei.",
     "li wei", "brindle university"),
])
def test_a_title_points_back_to_the_university_its_sentence_just_named(text, person, org):
    assert _facts(text).people[person].org == org


def test_a_title_of_a_short_form_gives_the_party_it_begins():
    f = _facts("Brindle University and Helix Biomedical Group signed an agreement. Dr Ana Ruiz, "
                      "Vice President for Research of Helix, witnessed the signing.")
    assert f.people["ana ruiz"].org == "helix biomedical"
    other = _facts("Brindle University and Helixon Group signed an agreement. Dr Ana Ruiz, "
                          "Vice President for Research of Helix, witnessed the signing.")
    assert other.people["ana ruiz"].org != "helixon group"


def test_visitors_with_no_stated_organisation_belong_to_the_delegations():
    f = _facts("A delegation from Brindle University visited Tarn Institute on May 4, 2023. The delegation "
               "was led by Professor Ana Ruiz and Dr Li Wei.")
    assert {f.people["ana ruiz"].org, f.people["li wei"].org} == {"brindle university"}
    two = _facts("Delegations from Brindle University and Kestrel College visited Tarn Institute on May 4, "
                 "2023. The delegation was led by Professor Ana Ruiz.")
    assert two.people["ana ruiz"].org is None


def test_of_the_college_in_a_title_points_to_the_one_college_the_release_names():
    f = _facts("A delegation from Brindle University's College of Marine Sciences visited Tarn Institute. "
               "Head of the College, Professor Ana Ruiz signed an agreement with Tarn Institute on May 4, 2023.")
    assert f.people["ana ruiz"].org == "brindle university"


def test_the_universitys_title_among_several_universities_is_the_last_one_named_before():
    f = _facts("A delegation of Tarn Agency visited Brindle University on May 4, 2023. They were received at the "
               "University's headquarters by Dr. Ana Ruiz, the University's Rector, and Dr. Li Wei, Director of "
               "Quillon University.")
    assert f.people["ana ruiz"].org == "brindle university"


def test_a_title_between_two_names_is_the_first_ones_apposition():
    f = _facts("Present were Dr. Ana Ruiz, BRU President, Dr. Li Wei, TIN Executive Director, and others.")
    assert (f.people["ana ruiz"].title, f.people["li wei"].title) == ("President", "Executive Director")
    lead = _facts("The Chief Secretary, Mr Chan Kwok-ki, attended.")
    assert "Secretary" in lead.people["chan kwok-ki"].title


def test_a_spaced_hyphen_opens_an_apposition():
    f = _facts("The agreement was signed by Ana Ruiz - Rector of Brindle University with Li Wei - Rector "
               "of Tarn Institute.")
    assert (f.people["ana ruiz"].org, f.people["li wei"].org) == ("brindle university", "tarn institute")


def test_members_a_delegation_sentence_lists_belong_to_it_but_not_the_people_it_met():
    f = _facts("A delegation from Brindle University visited Tarn Institute on May 4, 2023. The delegation "
               "includes Vice-Chancellor, Professor Ana Ruiz; and Dean, Dr Li Wei. Later the delegation "
               "visited the Tarn Science Park and met with Ms Sun Mei.")
    assert {f.people["ana ruiz"].org, f.people["li wei"].org} == {"brindle university"}
    assert f.people["mei sun"].org != "brindle university"


def test_an_academic_rank_yields_to_the_office_named_after_it():
    f = _facts("The delegation was received by Ana Ruiz, Professor, Acting Dean of the Faculty of Marine Science "
               "of Brindle University.")
    assert f.people["ana ruiz"].title.startswith("Acting Dean")
    alone = _facts("The delegation was received by Ana Ruiz, Professor of Brindle University.")
    assert alone.people["ana ruiz"].title.startswith("Professor")


def test_a_title_then_an_organisation_then_the_name_after_commas():
    f = _facts("The MoU was signed at the office of the Executive Secretary, Tarnian Universities Commission, "
               "Professor Ana Ruiz.")
    p = f.people["ana ruiz"]
    assert (p.title, p.org) == ("Executive Secretary", "tarnian universities commission")


def test_a_title_in_brackets_after_a_name():
    f = _facts("Among the researchers in the project are Dr. Ana Ruiz (Marine Geochemistry professor) and "
               "Dr. Li Wei (seated left).")
    assert (f.people["ana ruiz"].title, f.people["li wei"].title) == ("Marine Geochemistry professor", None)


def test_the_universitys_title_points_back_to_the_university_just_named():
    f = _facts("Brindle University (BRU) and Tarn Institute signed an agreement on May 4, 2023. During the visit, "
               "the Tarn delegation toured BRU's School of Agriculture and met the university's Vice President, "
               "Prof. Ana Ruiz.")
    assert f.people["ana ruiz"].org == "brindle university"


def test_a_headline_acronym_names_the_publisher_and_a_mayor_holds_the_place_government():
    f = _facts("Brindle University (BRU) and Tarn University signed an agreement on May 4, 2023. The Deputy "
               "Vice-Chancellor, Dr Ana Ruiz, said the first project would start soon.",
               title="BRU signs MoU with Tarn University")
    assert f.people["ana ruiz"].org == "brindle university"
    mayor = _facts("The Mayor of Tarnby, Mr Li Wei, met the President of Brindle University, Professor Ana Ruiz. "
                   "Mr Chen Bo, Director of the Tarnby Science Bureau of the Tarnby Municipal Government, attended.")
    assert mayor.people["li wei"].org == "tarnby municipal government"


@pytest.mark.parametrize("title, org", [
    ("BRU, Tarn University Sign MoU on Cocoa Research", "brindle university"),
    ("Tarn University and BRU sign MoU", "tarn university"),
    ("Cocoa research: a new MoU", None),
])
def test_the_body_a_headline_of_two_signers_names_first_publishes_the_release(title, org):
    f = _facts("Brindle University (BRU) and Tarn University signed an agreement on May 4, 2023. The Pro "
               "Vice-Chancellor, Prof. Ana Ruiz, chaired the ceremony.", title=title)
    assert f.people["ana ruiz"].org == org


def test_the_universitys_title_with_no_university_named_before_is_the_releases_one_university():
    f = _facts("A delegation of Tarn Agency visited Brindle University on May 4, 2023. They were received at the "
               "University's headquarters by Dr. Ana Ruiz, the University's Rector.")
    assert f.people["ana ruiz"].org == "brindle university"


def test_people_who_accompany_a_person_of_an_organisation_belong_to_it_but_counterparts_do_not():
    f = _facts("Brindle University and Tarn University signed an agreement on May 4, 2023. The ceremony was "
               "headed by the Rector of Brindle University, Dr. Ana Ruiz, who was accompanied by the Academic "
               "Vice Chancellor, Dr. Li Wei; and the Secretary General, Dr. Omar Haddad.")
    assert f.people["li wei"].org == f.people[person_key("Omar Haddad")].org == "brindle university"
    pair = _facts("Brindle University and Tarn University signed an agreement on May 4, 2023. Dr. Ana Ruiz, "
                  "Rector of Brindle University, and Dr. Li Wei, Rector, spoke at the ceremony.")
    assert pair.people["li wei"].org != "brindle university"


def test_the_organisation_a_counterpart_comes_from_is_the_counterparts():
    f = _facts("Brindle University and Tarn University signed an MoU on May 4, 2023. It was signed by the Vice "
               "Chancellor, Prof Ana Ruiz, and his counterpart from Tarn University, Prof Li Wei.")
    assert f.people["ana ruiz"].org != "tarn university"


def test_a_lower_case_title_after_a_word_of_its_own_counts_when_a_name_follows():
    roles = _roles("The deal was signed by technical manager Ali Ertugrul. The company signed the deal, the "
                   "director said.")
    assert roles == {"ali ertugrul": (None, "technical manager")}


def test_an_organisation_closing_a_chain_of_titles_and_units_is_the_persons():
    roles = _roles("Witnessing the signing are Mrs. Ann Lee, Director, Student Affairs and Deputy Registrar, "
                   "Brindle University, and Mr. Tom Reed, of the Tarn Institute.")
    assert roles["ann lee"] == ("brindle university", "Director")
    roles = _roles("Ms Ann Lee, Director, said the Tarn Institute, Brindle University and others agreed.")
    assert roles["ann lee"][0] is None


def test_the_people_representing_an_organisation_belong_to_it():
    roles = _roles("Brindle University and TIC signed an agreement. Representing TIC was CEO, Dr Tom Reed, "
                   "and Regional Representative, Ann Lee. Brindle University signatories were Executive "
                   "Director of Finance, Vania Castiglioni, and Luciano Nass.")
    assert {k: v[0] for k, v in roles.items()} == {"reed tom": "tic", "ann lee": "tic",
                                                    "castiglioni vania": "brindle university",
                                                    "luciano nass": "brindle university"}
    roles = _roles("An MoU was signed in the presence of Dr. D. Bearden, Member of the Tarn Board "
                   "representing the Quillon Institute.")
    assert roles["bearden d"][0] == "quillon institute"


def test_a_diplomat_holds_a_post_in_a_country_and_is_no_one_elses():
    roles = _roles("The MoU was signed by Ann Lee, Secretary, Department of Space, and Australian High "
                   "Commissioner to India Tom Reed.")
    assert roles["reed tom"] == (None, "High Commissioner to India")
    roles = _roles("The meeting was attended by the Portuguese Ambassador to Egypt, Ana Reis, and Omar Khan, "
                   "Tarnland's Ambassador to the UAE.")
    assert roles["ana reis"][1] == "Ambassador to Egypt" and roles["khan omar"] == ("tarnland", "Ambassador to the UAE")


def test_a_portfolio_after_a_title_is_part_of_it():
    roles = _roles("TU Deputy Vice-Chancellor Regional Campuses and Global Engagements, Dr Ann Lee and Deputy "
                   "Vice-Chancellor Education, Professor Tom Reed, received the delegation.")
    assert roles["ann lee"] == ("tu", "Deputy Vice-Chancellor Regional Campuses and Global Engagements")
    assert roles["reed tom"] == ("tu", "Deputy Vice-Chancellor Education")


def test_a_party_named_deep_inside_a_title_is_its_holders_organisation():
    text = ("Tarn Authority and Brindle University signed a memorandum of understanding on 3 May 2023. "
            "In the presence of H.E. Omar Said, Vice Chairman of the Executive Committee of Brindle "
            "University Board of Trustees, the MoU was signed by Dr Lena Ortiz, Director of Tarn Authority, "
            "and Dr Ian Cole, Provost of Brindle University.")
    facts = _facts(text)
    omar = facts.people[person_key("Omar Said")]
    assert omar.org is not None and facts.orgs[omar.org].name == "Brindle University"
    assert "witness" in {r[3] for ev in facts.events for r in ev.roles if r[0] == omar.key}


def test_an_acronym_in_brackets_after_a_name_is_the_persons_organisation():
    text = ("On 4 May 2021, BRIX signed a memorandum of understanding with the Tarn Research Council (TRC). "
            "Ada Vos (BRIX) and Ian Cole (TRC) signed the MoU. BRIX will fund the work.")
    facts = _facts(text)
    ada, ian = facts.people[person_key("Ada Vos")], facts.people[person_key("Ian Cole")]
    assert facts.orgs[ada.org].name == "BRIX" and facts.orgs[ian.org].name == "Tarn Research Council"


def test_an_acronym_that_a_name_spells_in_brackets_is_its_short_form_not_an_affiliation():
    facts = _facts("Dr. Ada Vos and the Tarn Research Council (TRC) signed a memorandum of understanding. "
                   "The TRC will fund the work.")
    assert [o.name for o in facts.orgs.values()] == ["Tarn Research Council"]


def test_the_people_listed_after_from_org_were_belong_to_it_across_semicolons():
    roles = _roles("Present from the Tarn Institute (TI) were Dr. Ada Vos, Executive Chair; Dr. Ian Cole, Head "
                   "of Research; Mr. Tom Reed, Office Manager; and Dr. Li Wei, Head of Knowledge Management "
                   "Department.")
    assert {roles[person_key(n)][0] for n in ("Ada Vos", "Ian Cole", "Tom Reed", "Li Wei")} == {"tarn institute"}


def test_from_org_with_a_comma_ends_at_a_semicolon():
    roles = _roles("From the Tarn Institute, Dr. Ada Vos attended; Dr. Ian Cole of Brindle University spoke.")
    assert roles[person_key("Ada Vos")][0] == "tarn institute"
    assert roles[person_key("Ian Cole")][0] == "brindle university"


def test_its_before_a_title_is_the_body_just_named():
    text = ("Signing the MoU on behalf of TU was its President Prof Dr Ada Vos while BU was represented by its "
            "Vice Chancellor Prof Dr Ian Cole. The signing was witnessed by BU Pro Vice Chancellor for Research "
            "Prof Dr Tom Reed.")
    roles = _roles(text)
    assert roles[person_key("Ada Vos")] == ("tu", "President")
    assert roles[person_key("Ian Cole")] == ("bu", "Vice Chancellor")
    assert roles[person_key("Tom Reed")] == ("bu", "Pro Vice Chancellor for Research")


def test_a_visitor_with_no_body_is_of_the_one_body_that_hosts_no_visit():
    f = _facts("To achieve the strategy of Tarn University (TU), Prof. Ada Vos paid a visit to Brindle University "
               "on May 4, 2023.")
    ada = f.people[person_key("Ada Vos")]
    assert (ada.org, ada.flag) == ("tarn university", "inferred-from-visit")
    f = _facts("Prof. Ada Vos paid a visit to Brindle University on May 4, 2023, with Tarn University and Quill "
               "Institute.")
    assert f.people[person_key("Ada Vos")].org is None


def test_small_letter_titles_after_a_comma_or_a_possessive_are_titles():
    roles = _roles("The MoU was signed by Prof. Ada Vos, vice chancellor of Tarn University, and Ian Cole, "
                   "Brindle’s technical director. The forum was presided over by Li Wei, deputy president of TU.")
    assert roles[person_key("Ian Cole")] == ("brindle", "technical director")
    assert roles[person_key("Li Wei")][1] == "deputy president"


def test_an_organisation_and_its_place_before_a_title_in_an_apposition():
    roles = _roles("Professor Ada Vos, TU Singapore President, said the work goes on.")
    assert roles[person_key("Ada Vos")] == ("tu", "President")


_SIGNED = "Tarn University and Brindle Institute signed a memorandum of understanding on May 4, 2023. "


@pytest.mark.parametrize("clause", [
    "The agreement was signed by Ada Vos, President of Tarn University, and Ian Cole, Director of Brindle Institute.",
    "Tarn University's dean, Ada Vos, and Brindle Institute's chief technology officer, Ian Cole, signed the MoU.",
    "Signing for Tarn University was Ada Vos, its President, while Ian Cole signed for Brindle Institute.",
    "Ada Vos (Tarn University) and Ian Cole (Brindle Institute) signed the MoU.",
    "The MoU was signed by Tarn University President Ada Vos and Brindle Institute Director Ian Cole.",
    "It was signed by Ada Vos and Ian Cole, the heads of the two institutions, respectively.",
    "Ada Vos, who heads Tarn University, and Ian Cole, the chief executive of Brindle Institute, signed the MoU.",
    "Representing Tarn University, Ada Vos signed the agreement with Ian Cole of Brindle Institute.",
    "The agreement was inked by Prof. Ada Vos, Vice-Chancellor, Tarn University, and Dr Ian Cole, CEO, Brindle "
    "Institute.",
    "The MoU was signed by Ada Vos and Ian Cole, respectively President of Tarn University and Director of Brindle "
    "Institute.",
    "The agreement was signed by Dr. Ada Vos from Tarn University and Mr. Ian Cole from Brindle Institute.",
    "Ada Vos, Tarn University's President, signed the MoU with Ian Cole, Brindle Institute's Director.",
    "The MoU was signed by the President of Tarn University, Ada Vos, and the Director of Brindle Institute, Ian Cole.",
])
def test_each_shape_of_a_signing_clause_gives_each_signatory_their_party(clause):
    facts = _facts(_SIGNED + clause)
    signing = next(e for e in facts.events if e.kind == "signing")
    signers = {r[0] for r in signing.roles if r[3] == "signatory"}
    ada, ian = person_key("Ada Vos"), person_key("Ian Cole")
    assert {ada, ian} <= signers
    assert (facts.people[ada].org, facts.people[ian].org) == ("tarn university", "brindle institute")


@pytest.mark.parametrize("clause, org", [
    ("Ada Vos, director of Tarn University's materials centre, spoke at the ceremony.", "tarn university"),
    ("Ada Vos, Dean of the School of Mining of Tarn University, spoke at the ceremony.", "tarn university"),
    ("Ada Vos from the Department of Physics at Tarn University spoke at the ceremony.", "tarn university"),
    ("Prof. Ada Vos, head of the Laboratory of Optics, Tarn University, spoke at the ceremony.", "tarn university"),
    ("Ada Vos, a professor at Tarn University, spoke at the ceremony.", "tarn university"),
    ("Ada Vos, who leads the optics group at Tarn University, spoke at the ceremony.", "tarn university"),
    ("Tarn University's Ada Vos spoke at the ceremony.", "tarn university"),
    ("Speaking for Tarn University, Ada Vos said the work would begin soon.", "tarn university"),
    ("Ada Vos, Vice President for Research at Tarn University, spoke at the ceremony.", "tarn university"),
    ("Ada Vos, Tarn University Vice President, spoke at the ceremony.", "tarn university"),
    ("Ada Vos of the Tarn University College of Engineering spoke at the ceremony.", "tarn university"),
    ("Ada Vos, Director of the Brindle Institute Centre for Optics, spoke at the ceremony.", "brindle institute"),
])
def test_each_way_of_stating_an_affiliation_gives_the_top_level_body(clause, org):
    assert _top_orgs(_SIGNED + clause, ["Ada Vos"]) == {"Ada Vos": org}


@pytest.mark.parametrize("clause, orgs", [
    ("Tarn University was represented by Vice Rectors Ada Vos and Ian Cole, and General Secretary Tom Reed.",
     {"Ada Vos": "tarn university", "Ian Cole": "tarn university", "Tom Reed": "tarn university"}),
    ("The Tarn University delegation included Ada Vos, Dean of Engineering; Ian Cole, Director of Research; and "
     "Tom Reed.", {"Ada Vos": "tarn university", "Ian Cole": "tarn university", "Tom Reed": "tarn university"}),
    ("Attending from Brindle Institute were Ada Vos and Ian Cole.",
     {"Ada Vos": "brindle institute", "Ian Cole": "brindle institute"}),
    ("Brindle Institute's Ada Vos and Ian Cole also attended.",
     {"Ada Vos": "brindle institute", "Ian Cole": "brindle institute"}),
    ("Also present were Tarn University Vice Presidents Ada Vos and Ian Cole.",
     {"Ada Vos": "tarn university", "Ian Cole": "tarn university"}),
    ("Ada Vos and Ian Cole of Brindle Institute attended the ceremony.",
     {"Ada Vos": "brindle institute", "Ian Cole": "brindle institute"}),
    ("The ceremony was attended by Ada Vos, Dean, and Ian Cole, Director, both of Brindle Institute.",
     {"Ada Vos": "brindle institute", "Ian Cole": "brindle institute"}),
    ("A delegation from Brindle Institute, led by Ada Vos and including Ian Cole, attended.",
     {"Ada Vos": "brindle institute", "Ian Cole": "brindle institute"}),
])
def test_each_way_of_listing_a_bodys_people_gives_each_the_body(clause, orgs):
    assert _top_orgs(_SIGNED + clause, list(orgs)) == orgs


@pytest.mark.parametrize("text, key, org", [
    ("Hanbit National University (President Park Jin-ho) signed an MOU with Tarn Institute.", "jin-ho park",
     "hanbit national university"),
    ("The Korea Institute of Marine Research (KIMR, President Jang Eun-sook) signed an MOU with Tarn University.",
     "eun-sook jang", "korea institute of marine research"),
    ("Hanbit National University signed an MOU with Daesung Semicon (CEO Choi Min-seok) and the Korea Marine "
     "Institute (President Yoon Hye-won).", "choi min-seok", "daesung semicon"),
    ("Hanbit National University signed an MOU with Daesung Semicon (CEO Choi Min-seok) and the Korea Marine "
     "Institute (President Yoon Hye-won).", "hye-won yoon", "korea marine institute"),
])
def test_a_head_named_in_the_bodys_bracket_belongs_to_it(text, key, org):
    assert _facts(text).people[key].org == org


@pytest.mark.parametrize("text, key, title, org", [
    ("Signing on behalf of VUST was the Vice-Chancellor, Prof. (Mrs.) Efua Mensah-Bonsu.", "efua mensah-bonsu",
     "Vice-Chancellor", "vust"),
    ("The MoU was witnessed by the Director-General of the Tarn Energy Agency (TEA), Dr. (Mrs.) Ngozi Okafor.",
     "ngozi okafor", "Director-General", "tarn energy agency"),
    ("The Deputy Vice-Chancellor: Research and Innovation, Prof. Lerato Mokoena, welcomed the agreement.",
     "lerato mokoena", "Deputy Vice-Chancellor: Research and Innovation", None),
    ("Helix signed MoUs with Tarn University (TU) and Brindle University (BU). They were signed by the "
     "Vice-Chancellors of the two institutions: Prof. Aisha Bello (TU) and Prof. Ibrahim Yakubu (BU).",
     "ibrahim yakubu", "Vice-Chancellor", "brindle university"),
])
def test_titles_before_an_honorific_chain_a_colon_portfolio_or_a_colon_list(text, key, title, org):
    person = _facts(text).people[key]
    assert (person.title, person.org) == (title, org)


def test_a_party_committee_short_form_and_a_welcome_on_behalf_of_a_body():
    f = _facts("On March 19, Zhongyuan University of Aeronautics (ZUA) and China Northern Rail Transit Equipment "
               "Group Co., Ltd. (CNRT Group) signed a strategic cooperation agreement. Liang Wenbo, Secretary of "
               "the CPC ZUA Committee, and Xu Guoqiang, Chairman of CNRT Group, attended. On behalf of the "
               "university, Liang Wenbo extended a warm welcome to the guests.")
    assert f.people["liang wenbo"].org == "zhongyuan university of aeronautics"
    assert f.people["guoqiang xu"].org == "china northern rail transit equipment"
    assert "signatory" not in {r[3] for ev in f.events for r in ev.roles if r[0] == "liang wenbo"}


@pytest.mark.parametrize("text, name, org", [
    ("The Ministry of Higher Education and Applied Research signed an agreement with Tarn University. It was "
     "attended by Mr. Jean-Baptiste OUAKRIM, Director of Research and Innovation at the Ministry.",
     "Jean-Baptiste Ouakrim", "ministry of higher education and applied research"),
    ("The Centro de Oceanografia Aplicada do Atlântico (COAA) signed with Tarn University. It was attended by "
     "COAA's head of operations, Capt. Renato Amorim.", "Renato Amorim",
     "centro de oceanografia aplicada do atlântico"),
    ("Bophelo Robotics (Pty) Ltd signed with Tarn University. Bophelo Robotics' chief technology officer, "
     "Ms Nomvula Dlamini-Khumalo, signed the agreement.", "Nomvula Dlamini-Khumalo", "bophelo robotics"),
    ("The Osk Corporation for Mining Research (CORCIM) met Tarn University. The delegation included the director "
     "of technological development of CORCIM, Ing. Andrés Felipe GALLEGO ROJAS.", "Andrés Felipe Gallego Rojas",
     "osk corporation for mining research"),
])
def test_a_title_at_the_generic_body_or_after_a_possessive_or_with_a_small_portfolio_gives_the_body(text, name, org):
    people = {p.name: p for p in _facts(text).people.values()}
    assert people[name].org == org


@pytest.mark.parametrize("sentence, name, org", [
    ("John Okafor, the company's chief technology officer, spoke.", "John Okafor", "osk technologies"),
    ("Dr. Mary Lee, Director of the Osk Technologies Research Centre, spoke.", "Mary Lee", "osk technologies"),
])
def test_the_companys_officer_and_a_centre_named_after_its_company_belong_to_the_company(sentence, name, org):
    f = _facts("Tarn University and Osk Technologies Ltd signed an MoU on 4 May 2024. " + sentence)
    people = {p.name: p for p in f.people.values()}
    assert people[name].org == org


@pytest.mark.parametrize("sentence, name, org", [
    ("Dr. Mary Lee, Director, signed for Osk Technologies.", "Mary Lee", "osk technologies"),
    ("Attending were Dr. Ann Roe, Senior Scientist, and, from Osk Technologies, Dr. Ravi Rao, Head (Process "
     "Development), and Mr. Anil Dwivedi, Plant Manager.", "Anil Dwivedi", "osk technologies"),
    ("The visiting Osk Technologies team comprised Mr. Tahir Janjua, General Manager Operations, and Ms. Sana "
     "Iftikhar, Head of Quality Assurance.", "Sana Iftikhar", "osk technologies"),
])
def test_signed_for_and_a_list_opened_by_its_body_give_the_body(sentence, name, org):
    f = _facts("Tarn University and Osk Technologies Private Limited signed an MoU on 4 May 2024. " + sentence)
    people = {p.name: p for p in f.people.values()}
    assert people[name].org == org


def test_a_ministers_comma_listed_portfolio_names_the_whole_ministry():
    roles = _roles("The agreement was signed by Dana Mirel, Minister of Science, Technological Development and "
                   "Innovation of the Republic of Tarnia, and Jon Vell, Director of Brindle Institute, in May 2024. "
                   "The Ministry of Science, Technological Development and Innovation of the Republic of Tarnia "
                   "will fund it.")
    assert roles["dana mirel"][0] == org_key(
        "Ministry of Science, Technological Development and Innovation of the Republic of Tarnia")


def test_a_ministry_made_from_a_title_is_the_longer_ministry_the_text_names():
    facts = _facts("The memorandum was signed by Minister of Science, Technology, Knowledge and Innovation Ana "
                   "Varela for the Ministry of Science, Technology, Knowledge and Innovation of Chile on 4 June 2024.")
    assert [o.name for o in facts.orgs.values()] == [
        "Ministry of Science, Technology, Knowledge and Innovation of Chile"]


def test_agents_after_a_place_of_several_words_are_the_signatories():
    """"in Apodaca, Nuevo León, by A": a state's name is no person, so the passive's agents sign."""
    roles = _event_roles("The agreement was inked on Friday, 6 September 2024 at Brindle's Innovation Centre in "
                         "Apodaca, Nuevo León, by Luis Garza, Chief Executive Officer of Cerro Alto, and Ana "
                         "Treviño, Rector of ITNE.")
    assert roles == {"garza luis": "signatory", "ana treviño": "signatory"}


def test_the_signatories_of_an_agreement_were():
    roles = _event_roles("The signatories of the MOA were PCATI Executive Director Dr. Rommel Santos and SCSU "
                         "President Dr. Ma. Cristina L. Abellana.")
    assert roles == {"rommel santos": "signatory", "abellana cristina ma": "signatory"}


@pytest.mark.parametrize("title", ["Tarn Institute of Technology", "Tarn Institute of Technology (TIT) | News",
                                   "Tarn Institute of Technology – Newsroom", "Tarn Institute of Technology, Jabalpur"])
def test_a_site_header_that_is_one_name_publishes_the_release_and_its_staff_are_its_people(title):
    """An institute has deans too: the Associate Dean with no body of their own is the publisher's."""
    f = _facts("Tarn Institute of Technology and Brindle Aerostructures signed an agreement on May 4, 2023. "
               "Dr. Ana Ruiz, Associate Dean (Industry Relations), proposed the vote of thanks.", title=title)
    assert f.people["ana ruiz"].org == "tarn institute of technology"


def test_an_ambassador_of_one_country_to_another_is_never_the_publishers():
    f = _facts("Tarn Institute of Technology and Brindle Aerostructures signed an agreement on May 4, 2023. "
               "The Ambassador of Georgia to Austria, Ms Nino Beri, attended.", title="Tarn Institute of Technology")
    assert f.people["beri nino"].org is None


@pytest.mark.parametrize("text, key, org_title", [
    # a unit "at" its owner: the owner is the body, the unit stays in the title
    ("The Dean of the School of Engineering at UCCA, Dr. Hector Tavar, will coordinate it.", "hector tavar",
     ("ucca", "Dean of the School of Engineering")),
    # a title written small goes on over "and" with more portfolio words written small
    ("KUST's vice-rector for research and innovation, Assoc. Prof. Dr. Enkh Tsera, presented the research.",
     "enkh tsera", ("kust", "vice-rector for research and innovation")),
    # "Head of Research and Development at X": the portfolio after "of" goes on over "and"
    ("Dr. Ursula Brand, Head of Research and Development at Hohenfels Optics GmbH, also attended.", "brand ursula",
     ("hohenfels optics", "Head of Research and Development")),
    # titles of several words and hyphenated ones
    ("Rector Magnificus prof.dr. Sanne Kops of Tarn University also attended the signing.", "kops sanne",
     ("tarn university", "Rector Magnificus")),
    ("The MOU was signed by WDCI Secretary-designee Marcus D. Lind on 4 May 2024.", "lind marcus",
     ("wdci", "Secretary-designee")),
    # "Univ.-Prof." is an honorific, and a rectors' conference is a body
    ("It was signed by the President of the Tarnish Conference of Rectors, Univ.-Prof. Dr. Sabine Holl.",
     "holl sabine", ("tarnish conference of rectors", "President")),
])
def test_titles_before_a_comma_and_a_name(text, key, org_title):
    assert _roles(text)[key] == org_title


def test_a_unit_named_by_its_function_belongs_to_the_body_the_header_names():
    f = _facts("Tarn University and Osk University signed an agreement on May 4, 2023. The Dean of the Faculty of "
               "Engineering, Dr. Ana Ruiz, attended.", title="Tarn University | News")
    assert f.orgs["faculty of engineering"].parent == "tarn university"
    assert f.people["ana ruiz"].org == "tarn university"


@pytest.mark.parametrize("sentence, role", [
    ("The guests were hosted by Dr. Kadri Tamm, Rector of EAAE.", "host"),
    ("The ceremony was hosted by Dr. Kadri Tamm, Rector of EAAE.", "presider"),
])
def test_hosting_visitors_is_no_presiding(sentence, role):
    facts = _facts("Tarn University and EAAE signed a memorandum on 4 May 2024. " + sentence)
    roles = {r[0]: r[3] for e in facts.events for r in e.roles if r[0]}
    assert roles == {"kadri tamm": role}


def test_people_flanking_the_signers_in_a_caption_did_not_sign():
    roles = _event_roles("Vice-Chancellor Professor Tendai Moyo and Manica Lithium Chief Executive Officer Mr. Tapiwa "
                         "Gumbo display the signed MoU, flanked by Registrar Mr. Blessing Chikomo (left).")
    assert roles.get("blessing chikomo") != "signatory"


def test_a_semicolon_list_gives_each_entry_its_own_body_and_a_faculty_is_no_companys():
    f = _facts("Atlantic Grid Technologies Plc and the Lekki Institute of Engineering and Management signed an MoU "
               "on 6 February 2025. Also in attendance were the Bursar, Mrs. Nkechi Umeh; Dean, Faculty of "
               "Engineering, Prof. Yakubu Gwamna; and others.", title="Atlantic Grid Technologies Plc")
    assert f.people["nkechi umeh"].org != "faculty of engineering"
    assert f.orgs["faculty of engineering"].parent == "lekki institute of engineering and management"


def test_a_delegation_cue_ends_at_while():
    roles = _roles("AGT was represented by its CEO, Engr. Tunde Adeyemi, while the Vice-Chancellor, Prof. Chiamaka "
                   "Eze, signed on behalf of LIEM.")
    assert roles["chiamaka eze"][0] == "liem"


def test_a_vice_presidents_portfolio_after_the_university_is_no_university():
    f = _facts("Suez Gulf University and Shenzhou Greenpower signed a cooperation protocol on 4 May 2024. It was "
               "signed on behalf of the University by Prof. Dr. Mona Sherbiny, Vice President of the University for "
               "Community Service and Environmental Development.")
    assert not any(o.name.startswith("University for") for o in f.orgs.values())
    assert f.people["mona sherbiny"].org == "suez gulf university"


def test_a_body_met_at_a_ministrys_headquarters_is_no_unit_of_the_ministry():
    f = _facts("The Minister of Research, Prof. Ana Ruiz, on Tuesday 11 February 2025 received a delegation from the "
               "Korea Institute of Tropical Agro-Innovation (KITAI) at the Ministry's headquarters in Yaounde. The "
               "delegation was led by the President of KITAI, Dr. PARK Min-jun.")
    assert f.orgs["korea institute of tropical agro innovation"].parent is None
    assert f.people["min-jun park"].org == "korea institute of tropical agro innovation"


def test_an_academic_title_with_no_body_is_the_one_teaching_institute_that_signed():
    f = _facts("Atlantic Grid Technologies Plc and the Lekki Institute of Engineering and Management (LIEM) signed an "
               "MoU on 6 February 2025. Also in attendance were the Registrar, Mr. Oladipo Ajayi, and the Regional "
               "Vice-President, Mr. Tom Reed.")
    assert f.people["ajayi oladipo"].org == "lekki institute of engineering and management"
    assert f.people["reed tom"].org != "lekki institute of engineering and management"


def test_a_header_that_is_a_name_the_text_spells_out_publishes_the_release():
    f = _facts("A delegation from the Sapporo Institute of Mountain Engineering paid a courtesy call on the "
               "Chairperson of the Himalayan Technology Promotion Board (HTPB), Dr. Sarita Shrestha, on 4 May 2024. "
               "Director (Research) Dr. Anjana Magar was also present.", title="Himalayan Technology Promotion Board")
    assert f.people["anjana magar"].org == "himalayan technology promotion board"


def test_a_rank_before_a_name_gives_way_to_the_title_of_a_body_after_it():
    f = _facts("The guests were welcomed by the President of BATA, Acad. Ivan Petrov. Corr. Member Prof. Dr. Vela "
               "Ilieva-Markova, Vice-President of BATA responsible for international cooperation, also took part. "
               "The Brindle Academy for Technology and Applications (BATA) and Tarn University signed an agreement "
               "on 3 May 2024.")
    p = f.people["ilieva-markova vela"]
    assert (p.title, p.org) == ("Vice-President", "brindle academy for technology and applications")


def test_on_behalf_of_a_body_before_by_and_the_signer_is_that_signers():
    f = _facts("Tarnby Polytechnic University (TPU) and Brindle Shipbuilding S.A. signed a deal on 5 May 2020. The "
               "agreement was signed, on behalf of the University, by the Rector, Prof. Mihai DOBRA, and, on behalf of "
               "Brindle Shipbuilding, by the General Manager, Ioana STANCU.")
    assert f.people["dobra mihai"].org == "tarnby polytechnic university"
    assert f.people["ioana stancu"].org == "brindle shipbuilding s a"


def test_a_vice_minister_listed_after_a_minister_keeps_the_body_named_after_him():
    f = _facts("She hosted Minister of Education and Science Ilze Tarna, and Vice-Minister Ona Tarnaitė of the "
               "Ministry of Education, Science and Sport of the Republic of Lithuania.")
    assert f.people["ona tarnaitė"].org == "ministry of education science and sport of the republic of lithuania"


def test_a_ministry_a_title_names_is_the_state_ministry_holding_its_words():
    f = _facts("Germany and the Czech Republic signed a declaration on 3 May 2024. Parliamentary State Secretary "
               "Dr. Anja Tarn of the Federal Ministry for Research (BMF) spoke with the Saxon State Minister for "
               "Science and the Arts, Barbara Osk, whose Saxon State Ministry for Science and the Arts co-hosts the "
               "forum.")
    assert f.people["anja tarn"].title == "Parliamentary State Secretary"
    assert f.people["barbara osk"].org == "saxon state ministry for science and the arts"
    assert not any(o.name == "Parliamentary" for o in f.orgs.values())


def test_a_diplomat_is_of_the_mission_the_release_names_for_their_country():
    f = _facts("The Consul-General of Tarnland in Hong Kong, Mrs Ana Osk, together with other representatives of "
               "the Royal Tarnish Consulate-General in Hong Kong, also attended the ceremony. The Ambassador of Oskia "
               "to Italy, Ms Joan Tarn, spoke. The forum was supported by the Embassy of Oskia in Italy.")
    assert f.people["ana osk"].org == "royal tarnish consulate general in hong kong"
    assert f.people["joan tarn"].org == "embassy of oskia in italy"


def test_a_universitys_senate_is_part_of_the_university_and_a_titled_family_name_no_body():
    f = _facts("Tarnby Polytechnic University (TPU) and Osk Shipbuilding S.A. signed an agreement on 6 July 2020. "
               "It was signed by the Rector, Prof. univ. dr. ing. Mihai-Cristian DOBRA. The President of the "
               "University Senate, Prof. Elena TARNU, was also present. \"We are proud,\" said Rector DOBRA.")
    assert f.people["elena tarnu"].org == "tarnby polytechnic university"
    assert not any(o.name == "DOBRA" for o in f.orgs.values())


def test_the_senate_of_a_university_is_a_unit_of_it():
    f = _facts("The Senate of Nemunas Tarn University of Technology approved the draft agreement with Osk S.A. "
               "The draft was prepared by a working group led by Vice-Rector for Research prof. dr. Darius Tarnas.")
    assert f.orgs[org_key("Senate of Nemunas Tarn University of Technology")].parent == org_key(
        "Nemunas Tarn University of Technology")


def test_a_title_of_the_university_before_a_name_is_that_persons():
    f = _facts("Tarnxi University of Technology (TXUT) and Osk Semiconductor signed an agreement on 5 November 2024. "
               "Party Secretary of the university Gao Jianping, Chairman of Osk Semiconductor Xu Zhenhua and President "
               "of the university Liang Wenbo attended the ceremony.")
    for name, title in (("Gao Jianping", "Party Secretary"), ("Liang Wenbo", "President")):
        p = f.people[person_key(name)]
        assert (p.title, p.org) == (title, org_key("Tarnxi University of Technology"))


def test_a_senior_professor_rank_gives_way_to_the_title_of_a_body_after_it():
    f = _facts("Dinesh Osk, Chief Executive Officer of SDS, and Senior Professor Nilmini Tarn-Herath, Vice-Chancellor "
               "of KVUT, signed the MoU on 28 June 2024. Serendib Osk Solutions (SDS) and the Kelani Tarn University "
               "of Technology (KVUT) are partners.")
    p = f.people[person_key("Nilmini Tarn-Herath")]
    assert (p.title, p.org) == ("Vice-Chancellor", org_key("Kelani Tarn University of Technology"))


@pytest.mark.parametrize("text, person, body", [
    # a short form defined beside another quoted name is learned
    ('TARNBY, Feb. 7, 2023 /CNW/ - Cedarvik Hydrogen Corp. ("Cedarvik" or the "Company") and Salish Osk '
     "University (SOU) signed an agreement. Signing for Cedarvik was Étienne Tarn-Wong, President and Chief "
     "Executive Officer; signing for SOU was Dr. Harjit K. Osk, President.",
     "Étienne Tarn-Wong", "Cedarvik Hydrogen Corp."),
    # on behalf of a body opening a sentence gives its speaker that body
    ("On behalf of the Ministry of University and Research (MUR), the Director-General for Research, "
     "Dr Francesco Tarni, outlined the instruments available for bilateral cooperation.",
     "francesco tarni", "ministry of university and research"),
    # a body with an acronym of its own is not taken by the visiting group
    ("A delegation from the Tarn Institute of Mountain Engineering (TIME), led by its President, Prof. Ken "
     "Osk, paid a courtesy call on the Chairperson of the Himalayan Tarn Promotion Board (HTPB), Hon. Dr. "
     "Sarita Kumari Tarn, at the Board's office today.",
     "Sarita Kumari Tarn", "Himalayan Tarn Promotion Board"),
    # a delegation led by a person after a bracketed aside is that bodys
    ("On 10 September, Tarn Technical University (TTU) received a delegation of the Osk Institute of "
     "Science and Technology (OIST, Republic of Korea) led by Vice President for International Affairs "
     "Professor PARK Seong-ho.",
     "PARK Seong-ho", "Osk Institute of Science and Technology"),
    # a host is of the one body no visitor is from
    ("A delegation of Tarnveld University of Technology (TUT), led by its Vice-Chancellor, Prof. Ana "
     "Visser, visited the Osk Valley University of Science and Technology (OVUST) on 3 May 2024. The Vice "
     "President for Research and Community Engagement, Dr. Meseret Haile Tarnu, and the Dean of the "
     "College of Water Engineering, Dr. Yonas Osk, also hosted the guests.",
     "Meseret Haile Tarnu", "Osk Valley University of Science and Technology"),
    # a college at a named institute is that institutes
    ("The guests were received by LEE Seung-hoon, Dean of the College of Engineering at Daejeon Tarn "
     "Institute of Photonics. Taichung Osk University and Daejeon Tarn Institute of Photonics signed an MoU "
     "on 3 May 2024.",
     "LEE Seung-hoon", "Daejeon Tarn Institute of Photonics"),
])
def test_a_persons_body_is_read_off_the_structure_around_them(text, person, body):
    assert _facts(text).people[person_key(person)].org == org_key(body)


@pytest.mark.parametrize("text, person, title", [
    ("Also present were Dr. Gurpreet Singh Tarn, Senior Scientist, and Ms. Ana Osk of the Tarn Institute.",
     "Gurpreet Singh Tarn", "Senior Scientist"),
    ("Also present was the University Librarian, Dr. (Mrs.) Oluchi Tarn-Ibe.", "Oluchi Tarn-Ibe",
     "University Librarian"),
    ("The Indian delegation included Dr. Priya Nair Osk, Scientist-F, of the Tarn Institute.", "Priya Nair Osk",
     "Scientist-F"),
])
def test_scientists_grades_and_librarians_are_titles(text, person, title):
    assert _facts(text).people[person_key(person)].title == title



SIDES = "Vantara Sensorik AG (Vantara) and Isartal University (IU) signed an agreement on 4 May 2024. "


@pytest.mark.parametrize("text, orgs", [
    ("It was signed on behalf of Vantara by Dr. Jörg Brinkmann, Chief Technology Officer, and on behalf of "
     "Isartal University by its President, Prof. Dr. Katrin Lechner.",
     {"Jörg Brinkmann": "Vantara Sensorik AG", "Katrin Lechner": "Isartal University"}),
    ("Signing for Vantara was Chief Executive Officer Brian Mwangi; signing for the University was its "
     "Vice-Chancellor, Prof. Judith Were.",
     {"Brian Mwangi": "Vantara Sensorik AG", "Judith Were": "Isartal University"}),
    ("The delegation met representatives of Vantara, the University's industrial partner, including its Chief "
     "Executive Officer, Ing. Veronika Šimková.", {"Veronika Šimková": "Vantara Sensorik AG"}),
])
def test_each_side_of_a_signing_clause_keeps_its_own_people(text, orgs):
    assert _top_orgs(SIDES + text, list(orgs)) == {n: org_key(o) for n, o in orgs.items()}


def test_on_behalf_of_each_side_before_its_signatory_and_a_council_of_an_acronym():
    text = ("The Tarn Institute of Ocean Studies (TIOS) and Brindle Coastal University (BCU) signed an MoU on 4 May "
            "2024. On behalf of TIOS, Director (Research) Dr. Ana Lind and on behalf of BCU, Registrar Prof. Dr. "
            "Kazi Rahman signed the MoU. The Chairman of Council of BCU, Alhaji Bello Kaura, led the delegation.")
    assert _top_orgs(text, ["Ana Lind", "Kazi Rahman", "Bello Kaura"]) == {
        "Ana Lind": org_key("Tarn Institute of Ocean Studies"), "Kazi Rahman": org_key("Brindle Coastal University"),
        "Bello Kaura": org_key("Brindle Coastal University")}


@pytest.mark.parametrize("text, name, org", [
    ("The Innovation and Talent Development Bureau (ITDB) and the Nanling Municipal People's Government signed an "
     "MoU. The Secretary for Innovation and Talent Development, Professor Ivy Chan, witnessed the signing.",
     "Ivy Chan", "Innovation and Talent Development Bureau"),
    ("The Ministry of Information, Communications and the Digital Economy and Tarn Ltd signed an MoU. It was "
     "witnessed by the Cabinet Secretary for Information, Communications and the Digital Economy, Hon. Dr. Ana Lind.",
     "Ana Lind", "Ministry of Information, Communications and the Digital Economy"),
])
def test_a_titles_portfolio_names_the_body_it_heads(text, name, org):
    assert _top_orgs(text, [name]) == {name: org_key(org)}


def test_an_acronym_in_brackets_after_a_titled_name_is_that_persons_body():
    text = ("The Volga-Ural Institute of Radio Engineering (VUIRE) and Tarn University signed an agreement. "
            "Second from right: Senior Researcher Ruslan Ilyich Gaifullin (VUIRE).")
    assert _top_orgs(text, ["Ruslan Ilyich Gaifullin"]) == {
        "Ruslan Ilyich Gaifullin": org_key("Volga-Ural Institute of Radio Engineering")}


@pytest.mark.parametrize("name, head, is_headed", [
    ("Nepal Academy of Himalayan Sciences", "academy", True),
    ("Academy Council", "academy", False),  # the council of an academy, no academy
    ("Accademia Nazionale delle Scienze del Mare", "academy", True),
    ("Università degli Studi di Valsorda", "university", True),
    ("University Hospital of Tarn", "university", False),
])
def test_a_generic_names_head_word_heads_the_body(name, head, is_headed):
    assert headed(name, head) is is_headed


def test_a_title_then_a_unit_and_its_owners_acronym_then_the_name():
    """Bangladesh and Pakistan style lists: "Dean, Faculty of X, KCU, Prof. Dr. A"."""
    f = _facts("Khulna Tarn University (KTU) and the Bay Institute of Ocean Studies (BIOS) signed an MoU on "
               "4 May 2024. Present were the Registrar, BIOS, Mr. Sheikh Moinul Ahsan; Dean, Faculty of Life and "
               "Earth Sciences, KTU, Prof. Dr. Rokeya Begum; and others.")
    lp = f.people["begum rokeya"]
    assert (lp.title, lp.org) == ("Dean", "khulna tarn university")


def test_units_a_visiting_delegation_lists_are_the_delegations():
    f = _facts("Tarn Federal Polytechnic University (TFPU) and Osk University of Engineering (OUE) signed an agreement "
               "on 4 May 2024. The OUE delegation also included Dr. Qiao Jun, Dean of the School of Petroleum "
               "Engineering, and Ms. Sun Rui, Director of the International Office.",
               source="Tarn Federal Polytechnic University")
    assert f.people["jun qiao"].org == f.people["rui sun"].org == "osk university of engineering"


@pytest.mark.parametrize("text, key, org", [
    # "the Academy" of a title is the one academy, not its council
    ("A delegation from the Tarn Institute for Mountain Research visited the Nepal Academy of Himalayan Sciences "
     "(NAHS) on 4 May 2024, where the Academy Council reviewed the joint programme. The guests were received by "
     "the Secretary of the Academy, Dr. Sita Kumari Rai.", "kumari rai sita", "nepal academy of himalayan sciences"),
    # the body's possessive before a title of two words
    ("The Tarn Council for Applied Science (TCAS) and Osk Geothermal Ltd signed an MoU on 4 May 2024. The signing "
     "was witnessed by Ms. Fatuma Abdi, the Council's Board Chairperson.", "abdi fatuma",
     "tarn council for applied science"),
    # a list of bodies each represented by its head, the last "by the Managing Director"
    ("On 9 October 2024 the three institutions signed the memorandum. KCASI was represented by its Chief Executive "
     "Officer, Dr. Wanjiru Kamau; RVIGS by its Director, Prof. Kip Rotich; and Tarn Geothermal Company by the "
     "Managing Director, Eng. Otieno Odhiambo, each of whom signed on behalf of their institution.",
     "odhiambo otieno", "tarn geothermal"),
])
def test_the_body_a_generic_name_or_a_list_gives_a_person(text, key, org):
    assert _facts(text).people[key].org == org


def test_a_host_is_never_given_the_visiting_delegations_body():
    f = _facts("On May 15, a delegation from the Akimat of Tarn Region, led by Deputy Akim Nurbol Osk, visited our "
               "city. Vice Mayor Ma Lin met with the delegation.")
    assert f.people["nurbol osk"].org == "akimat of tarn region"
    assert f.people["lin ma"].org is None


def test_a_japanese_corporate_bracket_names_the_head_of_the_body():
    f = _facts('Kita-Tarn University (President: WATANABE Mariko; hereinafter "KTU") and Osk Robotics Inc. (Head '
               'office: Utsunomiya, Tochigi; Representative Director and CEO: MORI Takuya) have concluded a joint '
               'research agreement on 4 March 2024.')
    assert (f.people["mariko watanabe"].title, f.people["mariko watanabe"].org) == ("President", "kita tarn university")
    assert (f.people["mori takuya"].title, f.people["mori takuya"].org) == ("Representative Director and CEO",
                                                                           "osk robotics")
    assert not [r for ev in f.events for r in ev.roles if r[3] == "signatory"]  # the bodies concluded it


def test_a_habilitated_engineer_is_titled_by_the_office_before():
    f = _facts("They were received by the President of THR, Prof. Dr.-Ing. habil. Ulrike Tarn-Kolb, on 4 May 2024.")
    assert f.people["tarn-kolb ulrike"].title == "President"


def test_a_name_in_its_own_script_in_brackets_keeps_the_apposition_after_it():
    f = _facts("The MOU was witnessed by Hsu Tzu-Chiang (許子強), Director-General of the Tarnhua Science Park "
               "Administration, on 4 May 2024.")
    lp = f.people["hsu tzu-chiang"]
    assert (lp.title, lp.org) == ("Director-General", "tarnhua science park administration")


@pytest.mark.parametrize("text, org", [
    # the release never writes the ministry: no body is made up from the title
    ("The Minister of Ocean Technology and Innovation, Colleen Tarn, today witnessed the signing of an MoU "
     "between Osk University and Brindle Labs on 4 May 2024.", None),
    # a longer ministry the release writes holds the title's portfolio
    ("The ceremony was held on 4 May 2024 in the presence of Peru's Vice Minister of Mines, Ing. Jorge Tarn, "
     "of the Ministry of Energy and Mines (MINEM).", "ministry of energy and mines"),
    ("The Minister of Science and Innovation, Dr. Ana Tarn, said the Ministry of Science and Innovation will "
     "fund the work.", "ministry of science and innovation"),
])
def test_a_ministers_ministry_only_when_the_release_writes_it(text, org):
    (lp,) = _facts(text).people.values()
    assert lp.org == org
    assert not any("ocean technology" in k for k in _facts(text).orgs)


def test_people_who_show_a_delegation_round_are_not_its_members():
    f = _facts("A delegation from Tarn University visited Brindle Labs on 4 May 2025. The delegation also toured the "
               "Radar Test Site, where Head of the Site Ivo Baric explained its work.")
    assert f.people["baric ivo"].org != "tarn university"


@pytest.mark.parametrize("sentence, title", [
    ("Dr Ann Dale, Director of the University's Centre for Water Systems, attended.",
     "Director of the Centre for Water Systems"),
    ("Ivo Baric, Chief of the Academy's Glacier Monitoring Unit, presented the results.",
     "Chief of the Glacier Monitoring Unit"),
    ("Dr Ann Dale, Director of the University, attended.", "Director of the University"),
])
def test_a_unit_after_a_generic_owners_possessive_stays_in_the_title(sentence, title):
    f = _facts("Tarn University and the Brindle Academy of Sciences signed an MoU on 4 May 2025. " + sentence)
    assert title in {p.title for p in f.people.values()}


@pytest.mark.parametrize("sentence, title", [
    ("The talks were attended by the Vice-President for Research and Transfer, Prof. Dr. rer. nat. Ann Dale.",
     "Vice-President for Research and Transfer"),
    ("The talks were attended by the Dean, Dr. phil. habil. Ann Dale.", "Dean"),
    ("The ceremony was chaired by the Deputy Vice Chancellor – Academic, Research and Consultancy, Prof. Ann Dale.",
     "Deputy Vice Chancellor – Academic, Research and Consultancy"),
    ("Welcoming the guests, the Deputy Vice-Chancellor: Research and Innovation, Prof. Ann Dale, spoke.",
     "Deputy Vice-Chancellor: Research and Innovation"),
    ("The MoU was witnessed by the Deputy Minister – Ms. Ann Dale.", "Deputy Minister"),
])
def test_a_title_reaches_its_holder_past_a_doctorate_or_a_dashed_portfolio(sentence, title):
    f = _facts("Tarn University and Brindle Labs signed an MoU on 4 May 2025. " + sentence)
    assert f.people["ann dale"].title == title
