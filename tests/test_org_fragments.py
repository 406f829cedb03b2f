"""Pieces of a longer organisation's name folded into it (helpers.extract.org_fragments)."""

from __future__ import annotations

import pytest
from support import release_facts

from helpers.extract.acronyms import initials
from helpers.extract.nlp import is_cap

_MINISTRY = (
    "The Ministry of Coastal Innovation and Green Technologies (MCIGT) and the Varden Centre for Hydrogen "
    "Technologies (VCHT) signed a framework agreement on 4 May 2024 in Rabat.\n\n"
    "The agreement was signed, on behalf of the Ministry, by Mrs. Salma EL AMRANI, Secretary General "
    "of the Ministry of Coastal Innovation and Green Technologies, and, for VCHT, by Dr. Pieter Van "
    "den Berg, its Managing Director.")


def test_a_piece_of_a_longer_name_is_no_organisation_of_its_own():
    facts = release_facts(_MINISTRY)
    names = {lo.name for lo in facts.orgs.values()}
    assert "Ministry of Coastal Innovation and Green Technologies" in names
    assert not {"Green Technologies", "Ministry of Coastal Innovation"} & names
    lp = next(p for p in facts.people.values() if p.name.startswith("Salma"))
    assert facts.orgs[lp.org].name == "Ministry of Coastal Innovation and Green Technologies"


def test_an_organisation_also_named_alone_keeps_its_own_name():
    facts = release_facts(
        "The Tarn Institute of Hydrology of the Slovene Research Academy and Kessel Water Ltd signed an "
        "MoU on 3 March 2024. The Slovene Research Academy will host the joint laboratory.")
    names = {lo.name for lo in facts.orgs.values()}
    assert "Slovene Research Academy" in names


def test_a_french_name_spelled_by_its_acronym_runs_over_its_articles():
    facts = release_facts(
        "The ceremony took place in the presence of Mr. Étienne Roussel, Director of Deep Tech at the "
        "Agence Nationale pour l'Innovation Industrielle (ANIX), which co-finances the work.")
    assert {lo.name for lo in facts.orgs.values()} == {"Agence Nationale pour l'Innovation Industrielle"}


@pytest.mark.parametrize("name, acronym", [
    ("Agence Nationale pour l'Innovation Industrielle", "ANII"),
    ("Instituto Nacional de Pesquisas da Amazônia", "INPA"),
    ("Istituto per lo Studio dell'Ambiente Marino", "ISAM"),
    ("Gesellschaft für Angewandte Forschung und Entwicklung", "GAFE"),
])
def test_initials_skip_the_articles_and_joining_words_of_other_languages(name, acronym):
    assert initials(name) == acronym


@pytest.mark.parametrize("word, cap", [("l'Innovation", True), ("dell’Ambiente", True), ("d'Optique", True),
                                       ("l'innovation", False), ("lower", False), ("Upper", True)])
def test_a_word_behind_an_elided_article_is_capitalised(word, cap):
    assert is_cap(word) is cap


def test_a_university_for_a_field_spelled_by_its_acronym_keeps_the_field():
    facts = release_facts("The Nile Reed University for Science and Technology (NRUST) hosted the forum on 4 May 2024.")
    assert {lo.name for lo in facts.orgs.values()} == {"Nile Reed University for Science and Technology"}
