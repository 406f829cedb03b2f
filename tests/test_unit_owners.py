"""Units named by their function alone, hung under the body that owns them (helpers.extract.unit_owners)."""

from __future__ import annotations

import datetime as dt

import pytest
from support import release_facts

from helpers.extract.facts import LocalOrg
from helpers.extract.unit_owners import bare_unit, part_named


@pytest.mark.parametrize("name, bare", [
    ("Faculty of Maritime Technology and Mechanical Engineering", True),
    ("Graduate School of Materials Engineering", True),
    ("Department of Civil Engineering", True),
    ("International Relations Office", True),
    ("Department of Science and Innovation", False),  # a ministry's name as often as a department's
    ("Office for Technology Cooperation", False),
    ("Tidewater Innovation Centre", False),
    ("Faculty of Law of Tarn Province", False),
])
def test_bare_unit_is_a_function_without_a_name(name, bare):
    assert bare_unit(LocalOrg("k", name, None, "other")) is bare


def _affiliation(facts, person: str) -> str | None:
    key = next(k for k, p in facts.people.items() if p.name == person)
    org = facts.people[key].org
    return facts.orgs[org].name if org in facts.orgs and facts.orgs[org].parent is None else \
        facts.orgs[facts.orgs[org].parent].name if org in facts.orgs else None


def _faculty(text: str):
    facts = release_facts(text)
    return facts, next(lo for lo in facts.orgs.values() if lo.name == "Faculty of Maritime Technology")


def test_a_faculty_belongs_to_the_only_university_of_the_release():
    facts, unit = _faculty(
        "Zuiderveld University of Technology and Tarn Shipyards B.V. signed a research agreement on 4 May 2024. "
        "It was signed by Prof. Marieke van den Broek, Dean of the Faculty of Maritime Technology, and by "
        "Jan de Vries, Chief Executive of Tarn Shipyards B.V.")
    assert facts.orgs[unit.parent].name == "Zuiderveld University of Technology"
    assert _affiliation(facts, "Marieke van den Broek") == "Zuiderveld University of Technology"


def test_a_faculty_with_two_universities_and_no_owner_in_its_sentence_stays_unowned():
    _, unit = _faculty(
        "Brindle University and Zuiderveld University of Technology signed an agreement on 4 May 2024. "
        "Brindle University will host students. Zuiderveld University of Technology will send staff. "
        "Prof. Ada Lind, Dean of the Faculty of Maritime Technology, spoke.")
    assert unit.parent is None


_TWO_UNIVERSITIES = (
    "Brindle University and Zuiderveld University of Technology signed an agreement on 4 May 2024. "
    "Brindle University will host students. Zuiderveld University of Technology will send staff. "
    "The Director of the Office of Research, Innovation and Commercialization (ORIC), Dr. Ada Lindqvist, "
    "briefed the guests.")


def test_a_person_of_a_part_that_signs_nothing_belongs_to_the_publisher():
    facts = release_facts(_TWO_UNIVERSITIES, source="Zuiderveld University of Technology")
    assert _affiliation(facts, "Ada Lindqvist") == "Zuiderveld University of Technology"
    lp = next(p for p in facts.people.values() if p.name == "Ada Lindqvist")
    assert lp.flag == "inferred-from-publisher"


def test_a_part_is_not_given_away_without_a_publisher():
    facts = release_facts(_TWO_UNIVERSITIES)
    assert _affiliation(facts, "Ada Lindqvist") == "Office of Research, Innovation and Commercialization"


@pytest.mark.parametrize("name, part", [
    ("Office of Research, Innovation and Commercialization", True),
    ("International Research Unit", True),
    ("Centre for Coastal Informatics", True),
    ("Kalaallit Arctic Science Centre", False),  # a centre with a name of its own
    ("Department of Science and Technology of Gansu Province", False),
    ("ORIC", False),
])
def test_part_named_is_a_unit_head_without_a_name_of_its_own(name, part):
    assert part_named(LocalOrg("k", name, None, "other")) is part


def test_a_unit_of_the_publishers_office_climbs_to_the_university():
    facts = release_facts(
        "The Indus Delta University of Engineering and Technology (IDUET) hosted a delegation on 4 May 2024. "
        "Prof. Imran Soomro, Chairman of the Department of Civil Engineering, briefed the visitors.",
        source="Public Relations Office, IDUET")
    assert _affiliation(facts, "Imran Soomro") == "Indus Delta University of Engineering and Technology"


def test_a_person_in_a_unit_of_no_owner_belongs_to_the_body_their_sentence_names():
    f = release_facts("Tarn University and the Brindle Institute for Tropical Research (BITR) signed a memorandum "
                      "on 4 May 2025. The BITR delegation further comprised Dr. Ann Dale, Deputy Director; Dr. Ivo "
                      "Baric, Head of the Plant Health and Epidemiology Research Unit; and Ms. Ada Lind, Head of the "
                      "Legal and Contracts Office.", published=dt.date(2025, 5, 5))
    assert f.people["baric ivo"].org == "brindle institute for tropical research"
    assert f.people["ada lind"].org == "brindle institute for tropical research"
