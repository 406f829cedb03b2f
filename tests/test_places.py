"""Places a bare name may be (helpers.extract.places)."""

from __future__ import annotations

import pytest
from support import release_facts

from helpers.extract.facts import person_key
from helpers.extract.nlp import words_of
from helpers.extract.places import fold, holds_place, is_place_word, place_dateline


@pytest.mark.parametrize("words, place", [
    (["São", "Paulo"], True),
    (["Sao", "Paulo"], True),
    (["Abu", "Dhabi-UAE"], True),
    (["Costa", "Rica"], True),
    (["Palo", "Alto"], True),
    (["Ana", "Ruiz"], False),
    (["Li", "Wei"], False),
    (["Lincoln"], False),  # one word: many cities are given or family names
])
def test_holds_place(words, place):
    assert holds_place(words) is place


def test_fold_drops_diacritics_and_case():
    assert fold("São Tomé") == "sao tome"


def test_a_bare_place_is_no_person():
    f = release_facts("Costa Rica and Brindle University will sign an agreement. Also present were "
                      "delegates from São Paulo and Dr. Ana Ruiz.")
    assert set(f.people) == {"ana ruiz"}


@pytest.mark.parametrize("word, place", [("Istanbul", True), ("Chilean", True), ("Tarnex", False), ("North", False)])
def test_is_place_word(word, place):
    assert is_place_word(word) is place


def test_english_nouns_are_no_name_words():
    f = release_facts("The guests were welcomed by Vice-Rector for Scientific and Innovative Activities Zhamila "
                      "Aitzhanova. The ceremony was attended by Molecular Biology and Genetics Assist. Prof. Cihan "
                      "Tastan. Dr. Gloria de la Fuente spoke. Signing on behalf of Absa, Chief Executive for "
                      "Retail and Business Banking Bobby Malabie said so. For his part, Minister Ana Ruiz thanked the "
                      "delegation for the visit to the Scientific and Technological Pole and mentioned that during "
                      "the mission the two sides met.")
    assert set(f.people) == {person_key("Zhamila Aitzhanova"), person_key("Cihan Tastan"),
                             person_key("Gloria de la Fuente"), person_key("Bobby Malabie"), person_key("Ana Ruiz")}


def test_a_bare_name_after_the_is_no_person():
    f = release_facts("The delegation toured the Oshman Design Kitchen. The Al Nokhba-NSRs were presented with "
                      "certificates. Dr. Ana Ruiz said it was a good day.")
    assert set(f.people) == {"ana ruiz"}


@pytest.mark.parametrize("text, after", [
    ("WASHINGTON -- NASA and Brindle University signed", "NASA"),
    ("RICHLAND, WA -- Brindle University signed", "Brindle"),
    ("NEW DELHI — Brindle University signed", "Brindle"),
    ("NASA -- Brindle University signed", "NASA"),  # an acronym, not a place
    ("Washington -- a new agreement", "Washington"),  # no dateline in capitals
])
def test_place_dateline(text, after):
    w = words_of(text)
    assert w.text[place_dateline(w, 0, len(w))] == after


def test_a_place_dateline_is_no_organisation_and_no_party():
    facts = release_facts("AMMAN — NASA Administrator Ann Lee and Brindle University signed a "
                          "memorandum of understanding.")
    (ev,) = [e for e in facts.events if e.kind == "signing"]
    assert "amman" not in facts.orgs and sorted(r[1] for r in ev.roles if r[3] == "party") == \
        ["brindle university", "nasa"]
    assert facts.people[person_key("Ann Lee")].title == "Administrator"
