"""Which name mentions of one release are one person (helpers.extract.same_person) on invented text."""

from __future__ import annotations

import pytest
from support import release_facts as _facts

from helpers.extract.facts import Person
from helpers.extract.same_person import resolve_initials


def _full(*names: str) -> list[Person]:
    return [Person(0, 0, n, "title") for n in names]


@pytest.mark.parametrize("short, full", [
    ("Ye.S. Bortnikova", "Yelena Sergeyevna Bortnikova"),  # a transliterated digraph as an initial
    ("N. S. Zhakupov", "ZHAKUPOV Nurlan Serikovich"),  # the family name written first, in capitals
    ("Sh.A. Yusupov", "Yusupov Shavkat Alimovich"),  # family name first, patronymic last
    ("R. J. Olsen", "Ruth Jane Olsen"),
])
def test_initials_spell_out_the_full_name_in_either_order(short, full):
    assert resolve_initials(short, _full(full, "Anna Berg")) is not None


def test_initials_that_spell_out_two_names_resolve_to_neither():
    assert resolve_initials("A. Berg", _full("Anna Berg", "Arne Berg")) is None


@pytest.mark.parametrize("text, name", [
    ("The document was signed by the Chairman of the SCST Sergei Vladimirovich Hurynovich on 4 May 2024.",
     "Sergei Vladimirovich Hurynovich"),  # after an acronym, a name with its patronymic
    ("The Minister for Research, Pádraig Ó Brien TD, visited the Centre.", "Pádraig Ó Brien"),
    ("It was witnessed by the Minister, YB Dato' Sri Haji Rosli bin Ahmad Tajuddin.", "Rosli bin Ahmad Tajuddin"),
    ("The delegation included Dr. Öğr. Üyesi Zeynep Çelik Aksoy of Tarn University.", "Zeynep Çelik Aksoy"),
    ("The ceremony was attended by M. Walid Ben Amor, Director of ISTAK.", "Walid Ben Amor"),  # "M." is Monsieur
])
def test_names_after_an_acronym_and_among_honorifics(text, name):
    assert [p.name for p in _facts(text).people.values()] == [name]


def test_a_given_name_with_a_particle_led_family_name_is_the_person_with_a_middle_name_too():
    facts = _facts("The MoU was signed on 4 May 2024 by Eng. Rashid Saeed Al Mazrouei, Chief Executive Officer of "
                   "AWQT. The third MoU was signed by Eng. Al Mazrouei. \"We lead,\" said Eng. Rashid Al Mazrouei.")
    assert [p.name for p in facts.people.values()] == ["Rashid Saeed Al Mazrouei"]


def test_a_family_name_two_people_share_stays_unresolved():
    facts = _facts("The MoU was signed on 4 May 2024 by Prof. Pieter de Vries, Dean of Tarn University, and Dr. "
                   "Annelies de Vries, CTO of Osk. De Vries said it was a start.")
    assert {p.name for p in facts.people.values()} >= {"Pieter de Vries", "Annelies de Vries"}
    assert all(p.name != "De Vries" or p.org is None for p in facts.people.values())


def test_bare_names_with_a_particle_are_people_whatever_their_ending():
    """"Vries" and "Annelies" end like English nouns ("Studies"), but beside "de" they are a name."""
    facts = _facts("The MoU was signed on 4 May 2024 by Pieter de Vries, Dean of Tarn University, and Annelies de "
                   "Vries, CTO of Osk.")
    assert {p.name for p in facts.people.values()} == {"Pieter de Vries", "Annelies de Vries"}


@pytest.mark.parametrize("text, name", [
    ("The agreement was signed by Prof. Winston A. Prescott, Jr., President of APU. \"We are ready,\" said "
     "Prof. Prescott.", "Winston A. Prescott, Jr."),
    ("The agreement was signed on 20 June by Marieke van der Linde, Director of TSAC. \"We are ready,\" said "
     "Dr van der Linde.", "Marieke van der Linde"),
    ("The ceremony was hosted by Professor Rhys ap Gwilym, Pro Vice-Chancellor (Global Engagement). \"We are "
     "ready,\" said Professor ap Gwilym.", "Rhys ap Gwilym"),
    ("The protocol was signed by Professora Doutora Inês Carvalho Magalhães, Dean of the School of Engineering "
     "of UADB.", "Inês Carvalho Magalhães"),
])
def test_a_later_mention_by_family_name_is_the_same_person(text, name):
    assert [p.name for p in _facts(text).people.values()] == [name]
