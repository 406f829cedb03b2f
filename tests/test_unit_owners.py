"""Units named by their function alone, hung under the body that owns them (helpers.extract.unit_owners)."""

from __future__ import annotations

import pytest
from support import release_facts

from helpers.extract.facts import LocalOrg
from helpers.extract.unit_owners import bare_unit


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
