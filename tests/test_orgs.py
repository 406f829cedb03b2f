"""Organisation names (helpers.extract.orgs, and how a release resolves them) on invented text."""

from __future__ import annotations

import pytest
from support import release_facts as _facts

from helpers.extract.acronyms import initials, is_acronym
from helpers.extract.facts import org_key, person_key
from helpers.extract.nlp import words_of
from helpers.extract.orgs import find_orgs, kind_of


def _orgs(sentence: str):
    w = words_of(sentence)
    return find_orgs(w, 0, len(w), sentence)


def test_full_name_with_acronym_in_brackets():
    (org,) = _orgs("The Academy of Coastal Research (ACR) opened a lab.")
    assert org.name == "Academy of Coastal Research"
    assert org.acronym == "ACR"
    assert org.kind == "research"


def test_acronym_inside_the_name():
    orgs = _orgs("The Hollin Special Administrative Region (HSAR) Government and Tollan University "
                 "signed an agreement.")
    assert [o.name for o in orgs] == ["Hollin Special Administrative Region Government", "Tollan University"]
    assert orgs[0].kind == "government"


def test_list_form_name_is_one_organisation():
    (org,) = _orgs("Officials from the Hong Kong, Macao and Taiwan Office of Veloria University attended.")
    assert org.name == "Hong Kong, Macao and Taiwan Office of Veloria University"
    assert org.parent == "Veloria University"


def test_two_organisations_joined_by_and_are_two():
    orgs = _orgs("Velora Institute and Brindle University signed a deal.")
    assert [(o.name, o.kind) for o in orgs] == [("Velora Institute", "research"), ("Brindle University", "university")]


def test_a_field_after_of_is_no_parent_even_when_it_holds_a_company_word():
    (org,) = _orgs("Tarn Corp. signed an MoU with the Brno Institute of Semiconductor Physics.")[1:]
    assert (org.name, org.parent) == ("Brno Institute of Semiconductor Physics", None)
    (unit,) = _orgs("The Research Department of Kestrel Semiconductor hosted the visit.")
    assert unit.parent == "Kestrel Semiconductor"


def test_unit_of_an_acronym_has_that_parent():
    (org,) = _orgs("The Research Department of ACR hosted the visit.")
    assert org.name == "Research Department of ACR"
    assert org.parent == "ACR"


def test_unit_parent_resolves_to_the_acronyms_full_name():
    f = _facts("The Academy of Coastal Research (ACR) signed an agreement with Brindle University. "
               "The Research Department of ACR will lead the work.")
    assert f.orgs["research department of acr"].parent == "academy of coastal research"


def test_unit_parent_is_a_full_name_defined_elsewhere():
    f = _facts("Aurelia Space Corporation signed an agreement with Brindle University. "
               "The Research Department of Aurelia Space Corporation will lead the work.")
    unit = f.orgs[org_key("Research Department of Aurelia Space Corporation")]
    assert unit.parent == org_key("Aurelia Space Corporation")


def test_ministry_acronym_after_a_department_belongs_to_the_ministry():
    f = _facts("The Department of Marine Affairs of the Ministry of Coastal Protection (MCP) and "
               "Brindle University signed an agreement. MCP will fund it.")
    ministry = f.orgs["ministry of coastal protection"]
    assert ministry.acronym == "MCP"
    assert ministry.kind == "government"
    department = f.orgs["department of marine affairs of the ministry of coastal protection"]
    assert department.acronym is None
    assert department.parent == "ministry of coastal protection"
    assert "mcp" not in f.orgs


def test_acronym_matching_initials_resolves_to_the_full_name():
    assert initials("Korvel University of Marine Technology") == "KUMT"
    text = ("Korvel University of Marine Technology signed an agreement with Brindle University. "
            "KUMT students will join the programme.")
    f = _facts(text)
    assert "kumt" not in f.orgs
    assert f.orgs["korvel university of marine technology"].acronym == "KUMT"
    at = text.index("KUMT")
    assert ("organization", "korvel university of marine technology", at, at + 4) in f.mentions


def test_the_government_alone_is_no_organisation():
    assert _orgs("The Government welcomed the agreement.") == []
    assert _facts("The Government welcomed the agreement.").orgs == {}


def test_capitalised_family_name_is_not_an_acronym_organisation():
    assert _orgs("ZHANG Wei spoke at the event.") == []
    f = _facts("ZHANG Wei, President of Brindle University, spoke at the event.")
    assert list(f.orgs) == ["brindle university"]
    assert "zhang" not in f.orgs


def test_legal_suffix_stays_in_one_organisation():
    orgs = _orgs("Quillon Robotics Co., Ltd. and Tarn University signed an agreement.")
    assert [o.name for o in orgs] == ["Quillon Robotics Co., Ltd.", "Tarn University"]
    assert orgs[0].kind == "company"


def test_name_without_legal_suffix_is_the_same_organisation():
    assert org_key("Quillon Robotics Co., Ltd.") == org_key("Quillon Robotics") == "quillon robotics"
    assert org_key("The Quillon Robotics Limited") == "quillon robotics"
    assert org_key("Tarn Centre") == org_key("Tarn Center")


def test_possessive_owner_is_the_persons_organisation():
    f = _facts("Lakemoor's Principal, Prof. Ann Dale, said it was a milestone.")
    assert f.orgs["lakemoor"].name == "Lakemoor"
    assert f.people["ann dale"].org == "lakemoor"
    assert f.people["ann dale"].title == "Principal"


def test_possessive_short_form_resolves_to_the_full_name():
    f = _facts("Lakemoor University signed an agreement with Brindle University. "
               "Lakemoor's Principal, Prof. Ann Dale, said it was a milestone.")
    assert "lakemoor" not in f.orgs
    assert f.org("Lakemoor") == "lakemoor university"
    assert f.people["ann dale"].org == "lakemoor university"


@pytest.mark.parametrize("word", ["AI", "R&D", "CEO", "Brindle", "A", "MOU", "USD", "UAE"])
def test_common_capitals_are_not_acronyms(word):
    assert not is_acronym(word)


def test_empty_span_finds_nothing():
    w = words_of("")
    assert find_orgs(w, 0, 0, "") == []
    assert initials("") == ""


@pytest.mark.parametrize("text, name, parent", [
    ("Dr Li Wei, Director of the Tsinghua University Library, met Tsinghua University staff.",
     "Tsinghua University Library", "tsinghua university"),
    ("Mr Fang Jie, Director of the Sanqiao Municipal Science and Technology Bureau, signed for the "
     "Sanqiao Municipal Government.", "Sanqiao Municipal Science and Technology Bureau",
     "sanqiao municipal government"),
    ("Dr Kenji Lee, Director of the Harbour Medical Group Research Office, attended.",
     "Research Office", "harbour medical"),
])
def test_units_hang_under_the_organisation_their_name_or_place_gives(text, name, parent):
    f = _facts(text)
    units = [lo for lo in f.orgs.values() if lo.name == name]
    assert units and units[0].parent == parent


def test_a_unit_with_a_name_of_its_own_is_not_given_an_owner():
    f = _facts("President Ada Lind of Kestrel College met Brindle University staff.")
    assert f.orgs["kestrel college"].parent is None


@pytest.mark.parametrize("text, name", [
    ("The Korean Ministry of Trade, Industry and Energy funds the programme.",
     "Korean Ministry of Trade, Industry and Energy"),
    ("Today at the Ministry of Science, Technology and the Digital Economy, an agreement was signed.",
     "Ministry of Science, Technology and the Digital Economy"),
    ("The Ministry of Research, Innovation and Digitalization funds the programme.",
     "Ministry of Research, Innovation and Digitalization"),
    ("It was held at the Ministry of Research, Innovation and Technology Transfer in the capital.",
     "Ministry of Research, Innovation and Technology Transfer"),
    ("The Consejo Nacional de Ciencia, Tecnología e Innovación Tecnológica (CONCYTEC) funds the programme.",
     "Consejo Nacional de Ciencia, Tecnología e Innovación Tecnológica"),
    ("The Tarn Institute and the Consortium Biopol L’Hospitalet de Llobregat signed a framework agreement.",
     "Consortium Biopol L’Hospitalet de Llobregat"),
    ("National Technical University of Tarnland “Igor Brindle Polytechnic Institute” and Tarn signed.",
     "National Technical University of Tarnland “Igor Brindle Polytechnic Institute”"),
    ('World Data Center "Geoinformatics and sustainable development" and Tarn signed.',
     'World Data Center "Geoinformatics and sustainable development"'),
    ("The Tarn Academy and the Tarnian National University named after Zh. Balasagyn signed an agreement.",
     "Tarnian National University named after Zh. Balasagyn"),
    ("It was signed by the President of the National Academy of Sciences of the Tarn Republic K. E. Abdrakhmatov.",
     "National Academy of Sciences of the Tarn Republic"),
])
def test_an_organisation_name_runs_through_a_closing_list_of_fields_or_after_a_leading_head(text, name):
    assert name in {lo.name for lo in _facts(text).orgs.values()}


@pytest.mark.parametrize("text, unit, parent", [
    ("The Faculty of Engineering of Universitas Bukit Raya and PT Tarn Energi Tbk signed an agreement.",
     "Faculty of Engineering of Universitas Bukit Raya", "Universitas Bukit Raya"),
    ("The Faculty of Law of Universidad Nacional Jorge Basadre Grohmann hosted the meeting.",
     "Faculty of Law of Universidad Nacional Jorge Basadre Grohmann", "Universidad Nacional Jorge Basadre Grohmann"),
])
def test_a_parent_named_by_a_leading_head_keeps_its_capitalised_name(text, unit, parent):
    w = words_of(text)
    spans = {o.name: o.parent for o in find_orgs(w, 0, len(w), text)}
    assert spans[unit] == parent


def test_a_technopark_is_an_organisation_not_a_person():
    f = _facts("The agreement was signed by Mme Rym JLASSI, Director General of the Kairouan Agri-Food Technopark.")
    assert [p.name for p in f.people.values()] == ["Rym Jlassi"]
    assert "Kairouan Agri-Food Technopark" in {o.name for o in f.orgs.values()}


def test_a_ministers_portfolio_with_the_before_its_last_field_is_the_ministrys_name():
    f = _facts("It was signed by Maria Lenarc, Minister of Science, Technology and the Digital Economy, and by "
               "the Rector of Tarn University and the Director General of the Tarn Space Agency, Bo Kim.")
    assert f.people["lenarc maria"].title == "Minister of Science, Technology and the Digital Economy"
    assert f.people["bo kim"].org == "tarn space agency"


def test_short_forms_in_brackets_are_learned():
    f = _facts("Helix Biomedical Group (Helix) and Brindle University signed an agreement. "
                      "Dr Peng Jun of Helix attended.")
    assert f.people["jun peng"].org == "helix biomedical"


def test_a_headline_short_name_joins_the_full_name_after_a_person():
    f = _facts("The Diplomatic Academy of Tarn and Brindle University sign an agreement\n\n"
               "The Diplomatic Academy of Tarn Andres Bello and the Brindle University signed an agreement.")
    assert "diplomatic academy of tarn" not in f.orgs
    assert f.org("Diplomatic Academy of Tarn") == "diplomatic academy of tarn andres bello"


def test_two_bodies_joined_by_and_stay_two():
    f = _facts("The MOU was signed by the University of Sydney vice-chancellor Dr Michael Spence and Thales "
               "Australia Country Director Chris Jenkins.")
    assert "university of sydney" in f.orgs and not any("thales" in k for k in f.orgs if "sydney" in k)


def test_an_acronym_written_right_after_an_organisation_is_one_name_with_it():
    facts = _facts("A cooperation protocol has been signed between Tarn University and Brindle University "
                          "TEKNOPARK.")
    (ev,) = facts.events
    assert {r[1] for r in ev.roles if r[3] == "party"} == {"tarn university", "brindle university teknopark"}


def test_an_acronym_written_in_title_case_is_the_organisation_it_stands_for():
    facts = _facts("The Tarn Research Foundation (TARF) and Brindle University signed an agreement. "
                          "Tarf will fund the projects.")
    assert set(facts.orgs) == {"tarn research foundation", "brindle university"}


def test_a_dotted_capital_i_keeps_an_organisation_key_one_word():
    assert org_key("TÜBİTAK UME") == "tübitak ume"


def test_a_unit_of_an_organisations_short_form_belongs_to_it():
    facts = _facts("Aurelia Aerospace Corporation and Tarn University signed an agreement. Priya Raman, "
                   "Director of the Research and Development Department of Aurelia, attended the ceremony.")
    assert facts.people["priya raman"].org == "aurelia aerospace"
    office = _facts("Tarn University and the Sanqiao Municipal Science and Technology Bureau signed an "
                    "agreement. Tang Rui, Director of the Office of Science and Technology, presided.")
    assert office.people["rui tang"].org != "sanqiao municipal science and technology bureau"


@pytest.mark.parametrize("text, name", [
    ("Brindle University and Kavri Udyam Sangh (KUS) entered into an MoU.", "Kavri Udyam Sangh"),
    ("Tarnby Abdulrahman City for Science and Technology (TACST) and Brindle University signed.",
     "Tarnby Abdulrahman City for Science and Technology"),
])
def test_a_name_its_bracketed_acronym_spells_is_an_organisation_without_a_head_word(text, name):
    assert name in [o.name for o in _orgs(text)]


@pytest.mark.parametrize("text", [
    "The partners will study Carbon Capture and Storage (CCS) with Brindle University.",
    "The partners will train Tarn Rural Doctors (TRD) with Brindle University.",
])
def test_a_run_its_acronym_spells_is_no_body_where_no_body_stands(text):
    assert [o.name for o in _orgs(text)] == ["Brindle University"]


def test_a_short_form_in_brackets_after_a_possessive_is_the_names():
    f = _facts("The event, held at Brindle University School of Computing's (Brindle Computing) gala, was "
               "opened by Professor Ana Ruiz, Dean of Brindle Computing.")
    assert f.people["ana ruiz"].org == "brindle university school of computing"


def test_a_verb_of_a_title_case_headline_ends_an_organisations_name():
    assert [o.name for o in _orgs("Brindle and Tarn Launch Joint Ocean Centre")] == ["Joint Ocean Centre"]


@pytest.mark.parametrize("text, names", [
    ("The MoU was signed with Princess Nourah bint Tarnah University today.",
     ["Princess Nourah bint Tarnah University"]),
    ("Prince Tarik bin Omar University and Sheikh Tarnah Hospital signed.",
     ["Prince Tarik bin Omar University", "Sheikh Tarnah Hospital"]),
    ("The MoU between VinUniversity and Auburn University was exchanged.", ["VinUniversity", "Auburn University"]),
    ("The Brindle-University Partnership met.", []),
])
def test_particles_inside_a_name_and_a_head_word_written_into_one(text, names):
    assert [o.name for o in _orgs(text)] == names


def test_a_wire_datelines_city_in_capitals_is_no_organisation():
    text = "TARNBY, Norway, Nov. 20, 2020 /PRNewswire/ -- Brindle University and KIT have concluded an MoU."
    assert [o.name for o in _orgs(text)] == ["Brindle University", "KIT"]


def test_a_wire_in_brackets_in_a_dateline_is_no_organisation_and_a_small_letter_name_is_a_party():
    f = _facts("Tarnby, March 20, 2025 (TARN NEWSWIRE) -- Brindle University and quillonLAB signed a renewed "
               "Memorandum of Understanding (MoU).")
    assert sorted(o.name for o in f.orgs.values()) == ["Brindle University", "quillonLAB"]
    ev = next(e for e in f.events if e.kind == "signing")
    assert ev.date is None


@pytest.mark.parametrize("text, name", [
    ("The Embassy of Norway in Tarnia hosted the signing.", "Embassy of Norway in Tarnia"),
    ("Brindle University and the US Embassy in the Kingdom of Tarnia signed.", "US Embassy in the Kingdom of Tarnia"),
    ("The Brindle Office in charge of research signed.", "Brindle Office"),
])
def test_a_mission_posted_in_a_place_keeps_the_place_in_its_name(text, name):
    assert name in [o.name for o in _orgs(text)]


def test_one_acronym_spelled_out_two_ways_is_one_organisation_but_not_two_namesakes():
    f = _facts("A delegation of Tarnby University of Science and Technology (TUST) visited Brindle University. "
               "An MoU was signed between the University of Tarnby for Science and Technology (TUST) and "
               "Brindle University.")
    assert sum("tarnby" in k for k in f.orgs) == 1
    two = _facts("The Chinese Academy of Sciences (CAS) and the Czech Academy of Sciences (CAS) signed an MoU.")
    assert {"chinese academy of sciences", "czech academy of sciences"} <= set(two.orgs)


@pytest.mark.parametrize("sentence, names", [
    ("The University at Buffalo and Dublin City University signed an MoU.",
     ["University at Buffalo", "Dublin City University"]),
    ("The MoU was signed at Tarn University at noon.", ["Tarn University"]),
])
def test_a_university_at_a_place_is_named_by_it(sentence, names):
    assert [o.name for o in _orgs(sentence)] == names


def test_a_name_without_its_leading_place_is_the_same_organisation():
    f = _facts("The signing took place at Istanbul Tarnex University. Tarnex University Rector Dr. Ana Ruiz "
               "spoke.")
    assert "istanbul tarnex university" in f.orgs and "tarnex university" not in f.orgs
    assert f.people["ana ruiz"].org == "istanbul tarnex university"
    two = _facts("The signing took place at North Tarnex University. Tarnex University Rector Dr. Ana Ruiz spoke.")
    assert {"north tarnex university", "tarnex university"} <= set(two.orgs)


def test_a_name_without_its_of_phrase_is_the_same_organisation_and_a_city_after_of_is_dropped():
    f = _facts("Tarnex University of Science and Technology and Brindle Institute signed an MoU. "
               "Tarnex University Rector Dr. Ana Ruiz spoke.")
    assert f.people["ana ruiz"].org == "tarnex university of science and technology"
    assert "tarnex university" not in f.orgs
    f = _facts("Tarnex University of Fukuoka and Brindle Institute signed an MoU. Tarnex University Rector "
               "Dr. Ana Ruiz spoke.")
    assert f.people["ana ruiz"].org == "tarnex university" and "tarnex university of fukuoka" not in f.orgs
    f = _facts("The Ministry of Energy of Kazakhstan and Brindle Institute signed an MoU. The Ministry of Energy "
               "Director Dr. Ana Ruiz spoke.")
    assert f.people["ana ruiz"].org == "ministry of energy of kazakhstan"  # an official name keeps its country
    f = _facts("The Ministry of Science and Technology signed an MoU with the Ministry of Science,... "
               "Minister of Science and Technology Ana Ruiz spoke.")
    assert f.orgs["ministry of science and technology"].parent is None  # "and Technology" names no part
    f = _facts("The Department of Energy of Tarn and Brindle Institute signed an MoU. The Department of Energy "
               "Director Dr. Ana Ruiz spoke.")
    assert "department of energy of tarn" in f.orgs  # a unit is not merged


@pytest.mark.parametrize("sentence, names", [
    ("Dr Hugh Brady, President of University College Dublin, spoke.", ["University College Dublin"]),
    ("The MRC, Imperial College London and King’s College London signed.",
     ["MRC", "Imperial College London", "King’s College London"]),
    ("Queen's University Belfast and Tarn University signed an MoU.",
     ["Queen's University Belfast", "Tarn University"]),
])
def test_a_college_or_university_keeps_its_city_and_a_kings_possessive(sentence, names):
    assert sorted(o.name for o in _orgs(sentence)) == sorted(names)


@pytest.mark.parametrize("sentence, names", [
    ("Dr. Kevin Brown, President, University of Technology, Jamaica, spoke.", ["University of Technology, Jamaica"]),
    ("The University of Tarnex, Chile, signed.", ["University of Tarnex"]),
])
def test_a_generic_name_keeps_the_place_after_its_comma(sentence, names):
    assert [o.name for o in _orgs(sentence)] == names


@pytest.mark.parametrize("sentence, names", [
    ("On Tuesday Fraunhofer-Gesellschaft signed an agreement.", ["Fraunhofer-Gesellschaft"]),
    ("Helmholtz-Zentrum and Tarn University signed an MoU.", ["Helmholtz-Zentrum", "Tarn University"]),
    ("Tarn University and PT Rajawali Nusantara Indonesia signed an MoU.",
     ["Tarn University", "PT Rajawali Nusantara Indonesia"]),
    ("David Garza, rector of Tecnologico de Monterrey, spoke.", ["Tecnologico de Monterrey"]),
])
def test_german_compound_heads_indonesian_pt_companies_and_spanish_tecnologico(sentence, names):
    assert sorted(o.name for o in _orgs(sentence)) == sorted(names)


def test_a_one_word_name_opening_one_longer_body_name_is_that_body():
    f = _facts("Brindle University and TRX Aerospace Corporation signed an MoU on May 4, 2023. TRX will "
               "build the test engines.")
    assert "trx" not in f.orgs and "trx aerospace" in f.orgs
    kept = _facts("Tarnex and Tarnex Kenya signed an MoU. The UAE and the UAE Space Agency spoke.")
    assert "tarnex" in kept.orgs


@pytest.mark.parametrize("sentence, names", [
    ("Business Finland and Tarn University signed an MoU.", ["Business Finland", "Tarn University"]),
    ("The Universities UK President Ann Lee spoke.", ["Universities UK"]),
    ("Ann Lee, chairman of Huawei Tech Investment Saudi Arabia, said so.", []),
    ("He studied Science in France.", []),
])
def test_a_sector_noun_before_a_country_names_a_national_body(sentence, names):
    assert [o.name for o in _orgs(sentence) if o.name in names or o.name.endswith("Saudi Arabia")] == names


@pytest.mark.parametrize("text, name", [
    ("Tarn National University, Brindle City (TNUBC) signed an MoU.", "Tarn National University, Brindle City"),
    ("Tarn Nam National University, Brindle City (TNUBC) signed an MoU.", "Tarn Nam National University, Brindle City"),
    ("Tarn University, Brindle City (TU) signed an MoU.", "Tarn University"),
    ("Tarn University, Brindle City and Quill signed an MoU.", "Tarn University"),
    # a title's portfolio after a university is no part of its name
    ("Dr. Ada Vos, Vice President of Tarn University for Academic Affairs, received them.", "Tarn University"),
    ("Dr. Ada Vos, Vice President of Tarn University for Research and Innovation, spoke.", "Tarn University"),
    ("The Tarn University for Development Studies signed an MoU.", "Tarn University for Development Studies"),
    ("The Tarn Institute for Research signed an MoU.", "Tarn Institute for Research"),
])
def test_a_place_after_a_comma_is_the_names_when_the_acronym_spells_it_and_a_portfolio_never(text, name):
    assert _orgs(text)[0].name == name


@pytest.mark.parametrize("text, names", [
    ("Brindle University and the Tarn Mobile (Hong Kong) Innovation Research Institute signed an MoU.",
     ["Brindle University", "Tarn Mobile (Hong Kong) Innovation Research Institute"]),
    ("Brindle University and the Tarn Mobile (left) Innovation Institute signed an MoU.",
     ["Brindle University", "Innovation Institute"]),
    # an adjective written small after a leading head is part of the name
    ("Université de Tarn (UdT), Université libre de Brindle (ULB) and Université de Quill signed an agreement.",
     ["Université de Tarn", "Université libre de Brindle", "Université de Quill"]),
    ("The Ministerio signed for Tarn University.", ["Tarn University"]),
])
def test_a_place_in_brackets_or_a_small_adjective_inside_a_name_is_part_of_it(text, names):
    assert [o.name for o in _orgs(text)] == names


def test_an_acronym_and_the_noun_a_release_writes_after_it_again_and_again_are_one_name():
    f = _facts("Brindle University and TQB Certification, Norway, have signed an MoU. TQB Certification is a "
               "company in Oslo. Ada Vos, manager, TQB Certification Norway, was present.")
    assert sorted(o.name for o in f.orgs.values()) == ["Brindle University", "TQB Certification"]
    f = _facts("Brindle University and TQB signed the TQB-BU Science and Technology Agreement. TQB-BU Science "
               "and Technology Agreement is new.")
    assert "TQB-BU Science" not in [o.name for o in f.orgs.values()]


def test_countries_joined_by_a_hyphen_are_no_organisation():
    assert [o.name for o in _orgs("Ada Vos signed a UK-US Science and Technology Agreement with Tarn University.")] \
        == ["Tarn University"]


@pytest.mark.parametrize("text, names", [
    ("Tarn University (TU) and Brindle Institute signed an MoU on May 4, 2023. TU will host the first workshop, "
     "said Ada Vos, President of TU.", {"Tarn University", "Brindle Institute"}),
    ("Brindle Institute of Technology and Tarn University signed an MoU on May 4, 2023. The Institute will send ten "
     "students, said Ada Vos, Director of the Institute.", {"Brindle Institute of Technology", "Tarn University"}),
    ("Tarn University of Science and Technology (TUST) and Brindle Institute signed an MoU on May 4, 2023. Ada Vos, "
     "President of Tarn University of Science & Technology, signed it.",
     {"Tarn University of Science and Technology", "Brindle Institute"}),
    ("Tarn University and Tarn University of Technology signed an MoU on May 4, 2023. Ada Vos, President of Tarn "
     "University, and Ian Cole, Rector of Tarn University of Technology, signed it.",
     {"Tarn University", "Tarn University of Technology"}),
    ("Quill Aerospace Corporation (QAC) and Brindle University signed an MoU on May 4, 2023. Ada Vos, President of "
     "Quill Aerospace Corp., and Ian Cole of BU signed it.", {"Quill Aerospace Corporation", "Brindle University"}),
])
def test_one_organisation_per_real_body_in_a_release_and_never_one_for_two(text, names):
    f = _facts("Campus news\n\n" + text)
    assert {o.name for o in f.orgs.values() if o.parent is None} == names


@pytest.mark.parametrize("text, names", [
    ("The Korea Institute of Hydrogen and Energy Storage Research signed an agreement with Tarn University.",
     ["Korea Institute of Hydrogen and Energy Storage Research", "Tarn University"]),
    ("Lumetrix and the Institute for Photonic Microsystems Dresden have signed an agreement.",
     ["Institute for Photonic Microsystems Dresden"]),
    ("Tarn University signed an agreement with the Berlin-based Kestrel Institute.",
     ["Tarn University", "Kestrel Institute"]),
])
def test_a_name_runs_through_field_words_and_stops_at_where_it_is_based(text, names):
    assert [o.name for o in _orgs(text)] == names


@pytest.mark.parametrize("name, kind", [
    ("Ministry of Energy", "government"), ("Institute of Semiconductor Physics", "research"),
    ("Tarn Energy", "company"), ("Bank of Tarn", "company"), ("Tarn Institute of Energy Research", "research"),
])
def test_a_company_head_after_of_is_the_field_of_the_head_before_it(name, kind):
    assert kind_of(name) == kind


def test_a_name_whose_bracket_defines_a_short_form_is_the_organisation_it_opens():
    f = _facts('Nordvind Marine Robotics A/S ("Nordvind"), a maker of vehicles, and Tarn University signed an MoU. '
               "Nordvind's CEO, Ann Dale, signed it.")
    assert f.orgs["nordvind marine robotics a s"].acronym == "Nordvind"
    assert f.people["ann dale"].org == "nordvind marine robotics a s"


def test_a_name_never_runs_back_over_a_companys_legal_form():
    w = words_of("Tarnby Robotics A/S and Tarn University signed an MoU.")
    assert [o.name for o in find_orgs(w, 0, len(w), "Tarnby Robotics A/S and Tarn University signed an MoU.")] \
        == ["Tarn University"]


def test_a_multi_word_short_form_in_quotes_opens_the_full_name_it_defines():
    f = _facts('DUBLIN, 3 June 2025 - Tarnby Genomics DAC ("Tarnby Genomics") and Tarn University signed an MoU. '
               "Tarnby Genomics' Chief Executive Officer, Dr. Ann Dale, spoke.")
    assert f.orgs["tarnby genomics dac"].acronym == "Tarnby Genomics"
    assert f.people["ann dale"].org == "tarnby genomics dac"


def test_a_legal_form_acronym_closes_the_company_before_it_not_an_organisation_of_its_own():
    f = _facts("The MoU was signed by Mr. Tran Duc Khai, Director of Tarnsoft Solutions JSC, and Tarn University.")
    assert f.people["duc khai tran"].org == "tarnsoft solutions" and "jsc" not in f.orgs


def test_a_name_and_the_same_name_with_its_legal_form_or_country_are_one_body():
    f = _facts("Tarnby Bioenergia Ltda. and Tarn University signed an MoU. Tarnby Bioenergia's CEO, Dr. Ann Dale, "
               "spoke.")
    assert f.people["ann dale"].org == "tarnby bioenergia ltda"
    g = _facts("The State Committee for Science of the Republic of Tarnia signed an MoU with Tarn University. "
               "Ann Dale, Chair of the State Committee for Science, spoke.")
    assert g.people["ann dale"].org == "state committee for science of the republic of tarnia"


def test_a_blended_short_form_in_brackets_is_the_name_it_joins():
    f = _facts("The University of the Tarnland (UniTarn) signed an MoU with Brindle Labs. The ceremony was attended "
               "by Dr Ann Dale, Deputy Vice-Chancellor of UniTarn.")
    assert f.orgs["university of the tarnland"].acronym == "UniTarn"
    assert f.people["ann dale"].org == "university of the tarnland"


def test_a_body_the_text_calls_the_university_owns_what_it_has():
    f = _facts("The delegation met the Rector of Khangai University of Science (KUS), Prof. Ann Dale, and the Head "
               "of the University's Geoinformatics Center, Dr. Li Wei.")
    assert f.people["li wei"].org == "khangai university of science"


def test_a_body_written_short_before_its_full_name_is_that_body_not_its_owner():
    f = _facts("Tarn University, Brindle Quantum Labs S.A. and the Emil Tarn Institute for Snow Research signed "
               "an agreement. Ann Dale, CEO of Brindle Quantum Labs, spoke. Dr. Ivo Ruiz, Director of the Emil "
               "Tarn Institute, attended. Ada Lind, also of the Emil Tarn Institute, attended.")
    assert _org_of(f, "ann dale") == "Brindle Quantum Labs S.A."
    assert _org_of(f, "ivo ruiz") == "Emil Tarn Institute for Snow Research"
    assert all(lo.parent is None for lo in f.orgs.values())


def test_a_unit_signing_for_its_university_makes_the_university_the_party():
    f = _facts("The dean of the Faculty of Maritime Engineering at Tarn University of Technology (TUT), Prof. "
               "Ivo Baric, and Brindle Robotics Ltd's chief technology officer, Ada Lind, signed an agreement.")
    ev = next(ev for ev in f.events if ev.kind == "signing")
    assert sorted(f.orgs[r[1]].name for r in ev.roles if r[3] == "party") == [
        "Brindle Robotics Ltd", "Tarn University of Technology"]
    assert _org_of(f, "baric ivo") == "Tarn University of Technology"


@pytest.mark.parametrize("text, body", [
    ("Tarn University, Brindle Ltd and the Department of Science and Technology of Lakemoor Province signed an "
     "agreement. Ann Dale, Director of the Department of Science and Technology, spoke.",
     "Department of Science and Technology of Lakemoor Province"),
    ("Tarn University, Brindle Ltd and the Centre for Applied Electrochemistry Research (CAER) signed an "
     "agreement. Ann Dale, Director of CAER, spoke.", "Centre for Applied Electrochemistry Research"),
    ("Brindle Ltd signed an MoU with Kansai Institute of Optical Engineering, Tarn University and Lakemoor "
     "University. Ann Dale, President of Kansai Institute of Optical Engineering, spoke.",
     "Kansai Institute of Optical Engineering"),
])
def test_a_place_s_department_a_centre_with_its_own_acronym_or_a_listed_institute_is_no_unit(text, body):
    f = _facts(text)
    assert _org_of(f, "ann dale") == body and f.orgs[f.people["ann dale"].org].parent is None


def _org_of(f, person: str) -> str:
    return f.orgs[f.people[person].org].name


@pytest.mark.parametrize("full, text, person, org", [
    ("Wadi Natrun BioPharma S.A.E.", "Tarn University and Wadi Natrun BioPharma S.A.E. signed an MoU. The signing was "
     "attended by Dr. Karim Nassar, Director of Research and Development at Wadi Natrun BioPharma.", "karim nassar",
     "Wadi Natrun BioPharma S.A.E."),
    ("Rovuma Subsea Engenharia, S.A.", "Tarn University and Rovuma Subsea Engenharia, S.A. signed an MoU. The Chief "
     "Executive Officer of Rovuma Subsea Engenharia, Filipa Mabunda, spoke.", "filipa mabunda",
     "Rovuma Subsea Engenharia, S.A."),
    ("Nordavax A/S", "Tarn University and Nordavax A/S signed an MoU. Nordavax was represented by its Chief "
     "Executive Officer, Henrik Dahl-Sorensen.", "dahl-sorensen henrik", "Nordavax A/S"),
])
def test_a_company_written_with_its_legal_form_is_found_without_it_too(full, text, person, org):
    f = _facts(text)
    assert full in {lo.name for lo in f.orgs.values()} and _org_of(f, person) == org


def test_a_name_that_opens_a_longer_company_name_elsewhere_is_not_taken_for_it():
    f = _facts("Tarn Commission and Song Han Software JSC sign agreement\n\nThe Tarn Commission and Song Han Software "
               "Joint Stock Company (Song Han Soft) signed an agreement. Tran Duc Khai, CEO of Song Han Soft, spoke.")
    assert "Song Han Software Joint Stock Company" in {lo.name for lo in f.orgs.values()}


@pytest.mark.parametrize("text, person, org", [
    ("Brindle Research Centre Tarnby (BRCT) and Osk Institute signed an MoU. The delegation included Dr. Mara Lind, "
     "Head of the Remote Sensing Group of BRCT.", "lind mara", "Brindle Research Centre Tarnby"),
    ("The Tarn Ministry and the Kras Institute for Quantum Technologies (KIQT) signed an MoU. The signing was attended "
     "by Dr. Nina Bizjak, head of the Quantum Optics Laboratory at KIQT.", "bizjak nina",
     "Kras Institute for Quantum Technologies"),
])
def test_a_unit_named_with_its_owners_acronym_belongs_to_the_owner(text, person, org):
    assert _org_of(_facts(text), person) == org


def test_a_faculty_with_no_owner_named_belongs_to_the_university_the_release_is_about():
    f = _facts("Tarn University hosts Osk University\n\nTarn University welcomed a delegation from Osk University on "
               "May 4, 2023. Tarn University signed an MoU with Brindle Polytechnic. Tarn University will host the "
               "students. The Dean of the Faculty of Fisheries, Dr. Anan Sirisuk, presented the programme.")
    assert _org_of(f, "anan sirisuk") == "Tarn University"


def test_a_deputy_ministers_affairs_make_no_ministry_of_their_own():
    f = _facts("The signing was attended by Dr. Laila Barakat, Deputy Minister for Research Affairs.")
    assert not any("ministry" in k for k in f.orgs)


@pytest.mark.parametrize("heading", ["About", "SOURCE", "Contact"])
def test_a_boilerplate_heading_opening_a_line_is_no_word_of_the_name_after_it(heading):
    f = _facts("Tarn Semiconductors Ltd. and Osk University signed an MoU on May 4, 2023.\n\n"
               f"{heading} Tarn Semiconductors Ltd.\nTarn Semiconductors Ltd. designs chips.\n\n"
               f"{heading} Osk University\nOsk University teaches.")
    assert {lo.name for lo in f.orgs.values()} == {"Tarn Semiconductors Ltd.", "Osk University"}


@pytest.mark.parametrize("text, name", [
    ("Tarn S.p.A. signed an agreement with the Università degli Studi di Castelverde.",
     "Università degli Studi di Castelverde"),
    ("Tarn and the Instituto Atlántico de Astrofísica y Telecomunicaciones (IAAT) signed a memorandum.",
     "Instituto Atlántico de Astrofísica y Telecomunicaciones"),
])
def test_romance_connectors_stay_inside_a_name(text, name):
    assert name in {lo.name for lo in _facts(text).orgs.values()}


def test_a_company_written_with_its_legal_form_is_apart_from_the_body_after_and():
    f = _facts("STAVANGER, 23 February 2024 -- Havbris Subsea ASA has signed an agreement. "
               "Havbris and Bergsvik University will share a test basin.")
    assert {lo.name for lo in f.orgs.values()} == {"Havbris Subsea ASA", "Bergsvik University"}


def test_honours_after_a_name_and_comma_are_no_organisation():
    f = _facts("It was signed in the presence of the Cabinet Secretary, Hon. Justus Mwangi Karanja, EGH, at Tarn.")
    assert "EGH" not in {lo.name for lo in f.orgs.values()}


def test_initials_leave_out_a_bracketed_legal_form():
    assert initials("Serendib Digital Solutions (Private) Limited") == "SDS"
    assert initials("Tarn Holdings") == "TH"


def test_a_city_of_a_place_is_a_body_and_a_place_named_city_is_not():
    f = _facts("The City of Fraserhaven and Tamarack Ridge University have formalized a partnership. "
               "Quezon City hosted the ceremony.")
    assert {lo.name for lo in f.orgs.values()} == {"City of Fraserhaven", "Tamarack Ridge University"}


@pytest.mark.parametrize("text, person, org", [
    ("Tarn GmbH received a delegation from Hoshino Membrane Engineering. The delegation was led by Mr. Kenji "
     "Hoshino, President of Hoshino Membrane Engineering, and included Dr. Aiko Nakamura, General Manager of the "
     "company's Water Technology Laboratory.", "Aiko Nakamura", "hoshino membrane engineering"),
    ("Tarn University hosted the Moroccan Institute for Desalination Research. Dr. Salma Bouzidi, Head of the "
     "Membrane Technologies Laboratory at the Institute, presented results.", "Salma Bouzidi",
     "moroccan institute for desalination research"),
])
def test_a_unit_owned_by_a_generic_name_belongs_to_the_body_it_names(text, person, org):
    f = _facts(text)
    assert f.people[person_key(person)].org == org


@pytest.mark.parametrize("text, name", [
    ("HANOI, Aug. 15, 2024 -- Sông Hồng Semiconductor Joint Stock Company (SHS) signed an MoU with Tarn University.",
     "Sông Hồng Semiconductor Joint Stock Company"),
    ("Dr. Ada Lind, chair of the Icelandic Geothermal Technicians' Association, spoke.",
     "Icelandic Geothermal Technicians' Association"),
    ("Intan Photonics Sdn Bhd, a subsidiary of Bursa-listed Teraju Mikro Berhad, signed an MoU with Tarn.",
     "Teraju Mikro Berhad"),
    ("Dr. Anders Lynge of the Greenland-based Kalaallit Arctic Science Centre spoke.",
     "Kalaallit Arctic Science Centre"),
])
def test_legal_forms_written_out_plural_possessives_and_where_words_bound_a_name(text, name):
    f = _facts(text)
    assert name in {lo.name for lo in f.orgs.values()}
    assert not any(name.split()[0] in p.name for p in f.people.values())


def test_a_described_company_before_and_is_apart_from_the_university_after_it():
    f = _facts("PRAGUE, 21 November 2023 -- Czech engineering group Kovona and Moravian Polytechnic University (MPU) "
               "have signed a memorandum. Kovona will fund two laboratories.")
    assert "Kovona and Moravian Polytechnic University" not in {lo.name for lo in f.orgs.values()}


def test_a_vice_ministers_portfolio_after_for_is_not_the_ministrys_name():
    f = _facts("The MoU was signed by Vice Minister of Industry and Mining for Industrial Affairs Eng. Fahad "
               "Al-Mutairi and Tarn University. The Ministry of Industry and Mining will host the first workshop.")
    assert "Ministry of Industry and Mining" in {lo.name for lo in f.orgs.values()}
    assert "Ministry of Industry and Mining for Industrial Affairs" not in {lo.name for lo in f.orgs.values()}


def test_an_ownerless_office_belongs_to_the_body_the_release_is_about_unless_a_delegation_brought_it():
    f = _facts("The People's Committee of Tarn Province signed an MoU with Brindle Agency. The People's Committee "
               "of Tarn Province will fund the lab. The Provincial People's Committee hosted the ceremony, as the "
               "People's Committee of Tarn Province had planned.")
    assert f.orgs[f.org("Provincial People's Committee")].parent == f.org("People's Committee of Tarn Province")
    g = _facts("The Tarn Institute signed an MoU with Brindle Agency. The Tarn Institute will fund it and the Tarn "
               "Institute will host students. The delegation included Dr. Ada Lind, Head of the Laboratory of Thin "
               "Films.")
    assert g.orgs[g.org("Laboratory of Thin Films")].parent is None


def test_an_issuing_unit_with_its_ministry_after_a_comma_is_a_unit_of_that_ministry():
    f = _facts("The Minister for Digital Research received a courtesy call.",
               source="Media Unit, Ministry of Digital Research")
    assert f.orgs[org_key("Media Unit, Ministry of Digital Research")].parent == org_key("Ministry of Digital Research")


@pytest.mark.parametrize("text, name, parent", [
    ("The Federal University of Technology, Okeluse (FUTOK) has signed an MoU with Tarn Ltd.",
     "Federal University of Technology, Okeluse", None),
    ("The Bohemian Institute of Plasma Technologies (BIPT) hosted a delegation.",
     "Bohemian Institute of Plasma Technologies", None),
    ("Grupo Industrial Tarnsílice, S.A.B. de C.V. signed an agreement with Osk University.",
     "Grupo Industrial Tarnsílice, S.A.B. de C.V.", None),
])
def test_an_acronym_or_a_legal_form_spells_the_whole_name(text, name, parent):
    f = _facts(text)
    assert {o.name: o.parent for o in f.orgs.values()}.get(name, "missing") == parent


def test_a_unit_of_the_university_or_of_the_academy_belongs_to_the_release_s_one():
    f = _facts("The Universidad Tecnológica de Urabá signed an agreement with Tarn S.A.S. The Faculty of "
               "Agricultural Sciences of the University will host it. It was witnessed by Dr. Ramón Alcocer, "
               "member of the Academy's Honour Council, and the Academia de Ciencias del Sureste.")
    parents = {o.name: o.parent for o in f.orgs.values()}
    assert parents["Faculty of Agricultural Sciences"] == "universidad tecnológica de urabá"
    assert parents["Honour Council"] == "academia de ciencias del sureste"
    assert "University" not in parents


@pytest.mark.parametrize("text, name", [
    ("The deal was signed between Tarn University and Anadolu Batarya Sistemleri A.Ş. on Monday.",
     "Anadolu Batarya Sistemleri A.Ş."),
    ("The Centro de Investigación en Manufactura Aditiva del Bajío (CIMAB) and Tarn University signed.",
     "Centro de Investigación en Manufactura Aditiva del Bajío"),
])
def test_a_dotted_legal_form_or_a_romance_in_stays_inside_the_name(text, name):
    assert name in {o.name for o in _facts(text).orgs.values()}


@pytest.mark.parametrize("text, names", [
    ("It announced a protocol between the University and Shenzhou Greenpower Energy Technology Co., Ltd. on Monday.",
     {"Shenzhou Greenpower Energy Technology Co., Ltd."}),
    ("The Ministry of Research, Enterprise and Innovation and Tarn University signed an MoU.",
     {"Ministry of Research, Enterprise and Innovation", "Tarn University"}),
])
def test_a_company_name_runs_to_its_legal_form_and_a_ministry_through_its_portfolios(text, names):
    assert names <= {o.name for o in _facts(text).orgs.values()}


@pytest.mark.parametrize("text, names", [
    # a region's word, "of" and its name: the region's government
    ("The memorandum was signed on behalf of the Province of Tarn Coast and the Brindle Agency.",
     ["Province of Tarn Coast", "Brindle Agency"]),
    ("The Region of Epirus supports the plan.", ["Region of Epirus"]),
])
def test_a_region_of_a_name_is_its_government(text, names):
    orgs = _orgs(text)
    assert [o.name for o in orgs] == names
    assert orgs[0].kind == "government"


def test_a_region_inside_a_longer_name_or_a_country_is_no_body_of_its_own():
    assert [o.name for o in _orgs("The Government of the State of Tarn Coast hosted it.")] == [
        "Government of the State of Tarn Coast"]
    assert [o.name for o in _orgs("The Embassy of Japan to the State of Qatar attended.")] == ["Embassy of Japan"]


def test_a_field_after_and_stays_in_a_ministry_name():
    """"and New Technologies" is the portfolio's second field, not a company; "and Harbour Medical
    Group" is a second body."""
    assert [o.name for o in _orgs("It was signed by the Ministry of Industry and New Technologies of the "
                                  "Republic of Tarnia and XIHED.")] == [
        "Ministry of Industry and New Technologies of the Republic of Tarnia", "XIHED"]
    assert [o.name for o in _orgs("Weston Institute of Technology and Harbour Medical Group signed it.")] == [
        "Weston Institute of Technology", "Harbour Medical Group"]


def test_a_region_acting_alone_is_the_government_the_release_names():
    facts = _facts("Nova Scotia has signed a memorandum with the Brindle Energy Agency (BEA). Minister Ada "
                   "Lind signed it on behalf of the Province of Nova Scotia on 3 March 2024.")
    (ev,) = facts.events
    assert sorted(r[1] for r in ev.roles if r[3] == "party") == ["brindle energy agency", "province of nova scotia"]
    assert "nova scotia" not in facts.orgs


@pytest.mark.parametrize("text, institute", [
    ("The Tarn Institute of Water (TIW) and the Institute of Hydrology of the Osk Research Academy signed a "
     "memorandum on 13 January 2025.", "institute of hydrology of the osk research academy"),
    ("On June 12, the Northwest Institute of Arid Land Research (NWIALR) of the Osk Academy of Sciences (OAS) "
     "and the Tarn Institute of Water signed an agreement.", "northwest institute of arid land research"),
])
def test_an_academys_institute_signs_as_itself(text, institute):
    facts = _facts(text)
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert institute in {r[1] for r in ev.roles if r[3] == "party"}
    assert facts.orgs[institute].parent is None


def test_a_universitys_institute_stays_a_unit_of_the_university():
    facts = _facts("The Institute of Hydrology of Tarn University and the Osk Water Agency signed a memorandum "
                   "on 13 January 2025.")
    assert facts.orgs["institute of hydrology of tarn university"].parent == "tarn university"


def test_the_parties_of_the_first_of_several_agreements_are_the_reports():
    """"The first MoU, with X ...; the second MoU, with Y ...": Y signs, but not the first signing."""
    facts = _facts("Tarn Quantum signed three memoranda of understanding on 14 October 2024. The first MoU, with "
                   "the Osk University of Applied Sciences (OUAS), was signed by Dr. Ana Ruiz, Chief Executive "
                   "Officer of Tarn Quantum, and Professor Lee Kim, Chancellor of OUAS. The second MoU, with the "
                   "Gulf Institute of Technology – Dubai (GIT Dubai), was signed by Dr. Mia Holt, Chief Technology "
                   "Officer of Tarn Quantum, and Dr. Omar Said, President of GIT Dubai.")
    first = next(e for e in facts.events if e.kind == "signing")
    assert {r[1] for r in first.roles if r[3] == "party"} == {"tarn quantum", "osk university of applied sciences"}
    assert facts.people["omar said"].org == "gulf institute of technology dubai"
    roles = {r[0]: r[3] for e in facts.events for r in e.roles if r[0]}
    assert roles["omar said"] == "signatory"


def test_an_agreement_followed_by_others_in_one_sentence_keeps_its_own_partner():
    facts = _facts("Veridian signed the first MOU with Pacific Tarn University (PTU) on Feb. 4, 2025, followed by an "
                   "agreement with the Osk Institute of Technology on Feb. 6 and a third with Brindle State University "
                   "on Feb. 10.")
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert "osk institute of technology" not in {r[1] for r in ev.roles if r[3] == "party"}


def test_a_higher_or_national_institute_of_a_field_of_a_place_is_one_body():
    (org,) = _orgs("The Higher Institute of Agri-Food Technologies of Kairouan (ISTAK) signed the agreement.")
    assert org.name == "Higher Institute of Agri-Food Technologies of Kairouan" and org.parent is None
    facts = _facts("The Kairouan Agri-Food Technopark (KAT) signed an agreement on 4 May 2024. The ceremony was "
                   "attended by the Director of the Higher Institute of Agri-Food Technologies of Kairouan, Dr. Ali "
                   "Saidi.")
    assert facts.orgs["higher institute of agri food technologies of kairouan"].parent is None


def test_nationalities_of_entities_and_a_forum_on_whose_sidelines_it_was_signed_are_no_parties():
    facts = _facts("Three cooperation agreements between Saudi and Kazakh entities were signed in Riyadh on "
                   "24 November 2024, on the sidelines of the Saudi-Kazakh Forum for Science and Innovation.")
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert [r for r in ev.roles if r[3] == "party"] == []


def test_a_ministry_name_runs_over_a_comma_list_with_an_adjective_before_a_field():
    assert [o.name for o in _orgs("It is co-chaired by the Ministry of Science, Technological Development and "
                                  "Innovation of the Republic of Tarnia.")] == [
        "Ministry of Science, Technological Development and Innovation of the Republic of Tarnia"]


def test_a_company_short_of_its_field_word_and_legal_form_and_a_city_with_a_particle():
    facts = _facts("The Ministry, the Dar es Salaam Institute of Applied Sciences (DIAS) and Kilwa Energy Solutions "
                   "Limited have signed a tripartite agreement on 4 March 2024. Mr. Hamisi Makame said Kilwa Energy "
                   "would provide equipment.")
    assert "dar es salaam institute of applied sciences" in facts.orgs
    assert facts.org("Kilwa Energy") == facts.org("Kilwa Energy Solutions Limited")
    assert facts.orgs[facts.org("Kilwa Energy Solutions Limited")].parent is None


def test_a_national_service_is_a_body_and_a_press_service_is_not():
    (org,) = _orgs("The National Director of the National Astronomical Tarn Service (SENAT), Rodrigo Salas, "
                   "received the delegation.")
    assert (org.name, org.kind) == ("National Astronomical Tarn Service", "government")
    assert not any("Service" in o.name for o in _orgs("The Press Service of Brindlecosmos reported the visit."))


@pytest.mark.parametrize("sentence, name", [
    ("Prof. Sofia Marchetti of the Università degli Studi dell'Isonzo presented the network.",
     "Università degli Studi dell'Isonzo"),
    ("Mr. Lamine Fall, Director General of the Agence Sénégalaise pour la Promotion du Numérique (ASPN), attended.",
     "Agence Sénégalaise pour la Promotion du Numérique"),
    ("It was attended by CHOI Dong-wook, Director-General for Marine Industry at the Tarnsan Metropolitan City "
     "government.", "Tarnsan Metropolitan City"),
    ("It was attended by Dr. Esther Langat, Principal Secretary in the State Department for ICT and the Digital "
     "Economy.", "State Department for ICT and the Digital Economy"),
    ("Vice-Minister Ona Tarnaitė of the Ministry of Education, Science and Sport of the Republic of Lithuania spoke.",
     "Ministry of Education, Science and Sport of the Republic of Lithuania"),
    ("Mr. LIU Yang, Counsellor at the Embassy of the People's Republic of China in Tarnland, attended.",
     "Embassy of the People's Republic of China in Tarnland"),
])
def test_a_name_goes_on_over_elisions_french_heads_and_the_and_of_a_field_list(sentence, name):
    assert name in [o.name for o in _orgs(sentence)]


def test_and_the_before_a_body_of_its_own_ends_the_name():
    assert [o.name for o in _orgs("An agreement between the Ministry of Science and the University of Tarn was "
                                  "signed.")] == ["Ministry of Science", "University of Tarn"]


def test_a_short_form_inside_a_longer_company_name_keeps_the_whole_name():
    f = _facts('MONTERREY, Mexico, Feb. 21, 2024 /Wire/ -- Grupo Industrial Tarnosílice, S.A.B. de C.V. '
               '("Tarnosílice" or "the Company") signed an agreement with Osk University.')
    assert "Grupo Industrial Tarnosílice, S.A.B. de C.V." in {o.name for o in f.orgs.values()}
    assert not any(o.name.startswith("Tarnosílice") for o in f.orgs.values())


def test_a_named_board_is_a_body_and_a_companys_board_is_not():
    assert [o.name for o in _orgs("The National Tarn Technologies Board signed an MoU with Osk University.")] == [
        "National Tarn Technologies Board", "Osk University"]
    assert not any("Board" in o.name for o in _orgs("A, Member of the Management Board of Tarnlux S.A., and B, "
                                                     "Chair of the TARN Executive Board, spoke."))


def test_an_acronym_in_brackets_before_a_dash_and_the_name_in_another_language_is_the_bodys():
    (org,) = [o for o in _orgs("The Moroccan Agency for Tarn Research (AMTR – Agence marocaine de la recherche "
                               "tarnaise) organised a forum.") if o.name.startswith("Moroccan")]
    assert (org.name, org.acronym) == ("Moroccan Agency for Tarn Research", "AMTR")


def test_a_company_name_goes_on_over_a_romance_de_before_its_legal_form():
    f = _facts("Atlântica Sistemas de Energia, S.A. signed an agreement with Tarn University on 3 May 2024.")
    assert "Atlântica Sistemas de Energia, S.A." in {o.name for o in f.orgs.values()}


@pytest.mark.parametrize("sentence, name, acronym", [
    ("It was signed by Tarn University and the South African National Energy Research Institute (SANERI).",
     "South African National Energy Research Institute", "SANERI"),
    ("Tarn Ltd entered into an agreement with the Interuniversity Institute for Nano- and Microsystems (IINM).",
     "Interuniversity Institute for Nano- and Microsystems", "IINM"),
    ("The Karnataka Space Industries Promotion Board (KSIPB) hosted it.", "Karnataka Space Industries Promotion Board",
     "KSIPB"),
])
def test_a_name_runs_on_to_the_acronym_that_spells_it(sentence, name, acronym):
    assert (name, acronym) in [(o.name, o.acronym) for o in _orgs(sentence)]


@pytest.mark.parametrize("sentence, name", [
    ("A welcome on behalf of the Ministry of Natural Resources, Ecology and Technical Supervision of the Kyrgyz "
     "Republic was delivered.",
     "Ministry of Natural Resources, Ecology and Technical Supervision of the Kyrgyz Republic"),
    ("It was signed by the State Secretary of the Ministry of Science, Technological Development and Innovation "
     "Dragana Milovanović.", "Ministry of Science, Technological Development and Innovation"),
])
def test_a_ministrys_list_of_fields_runs_to_its_last_field(sentence, name):
    assert name in [o.name for o in _orgs(sentence)]


@pytest.mark.parametrize("sentence, name", [
    ("The President of the Agenzia Nazionale per le Tecnologie Orbitali (ANTX), Prof. Ing. Carlo Rossi, spoke.",
     "Agenzia Nazionale per le Tecnologie Orbitali"),
    ("The Istituto Nazionale di Ricerca sul Clima (INRX) of Italy signed the MoU.",
     "Istituto Nazionale di Ricerca sul Clima"),
    ("It was signed on behalf of Regione Alto Tarno by its councillor.", "Regione Alto Tarno"),
    ("The Agência Espacial Tarnense (AET) signed a framework agreement.", "Agência Espacial Tarnense"),
    ("The Agency for Technology Transfer under the Cabinet of Ministers of the Republic of Tarnistan signed.",
     "Agency for Technology Transfer under the Cabinet of Ministers of the Republic of Tarnistan"),
])
def test_heads_and_joining_words_of_other_languages(sentence, name):
    assert [o.name for o in _orgs(sentence)] == [name]


def test_a_palace_named_after_the_body_it_houses_is_no_organisation():
    assert [o.name for o in _orgs("The protocol was signed at the Palazzo della Regione in Portoferro.")] == []


def test_a_short_form_of_initials_and_a_word_is_the_name_it_joins():
    f = _facts("A delegation from the Universidad Politécnica de Tarnia (UPTarnia) visited Brindle University. "
               "It included Dr. Ann Dale, Director of UPTarnia's School of Mining.")
    assert f.orgs["universidad politécnica de tarnia"].acronym == "UPTarnia"
    assert _org_of(f, "ann dale") == "Universidad Politécnica de Tarnia"
