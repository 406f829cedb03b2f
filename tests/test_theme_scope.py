"""Where a release speaks of its cooperation (helpers.extract.theme_scope) and the theme rules
that use it: evidence scope, cooperation across borders, fields as main topics."""

from __future__ import annotations

from support import release_facts as _facts

from helpers.extract.nlp import words_of
from helpers.extract.theme_scope import cross_border, outside_scope


def _themes(text: str) -> dict[str, list[str]]:
    return {slug: terms for slug, _, terms in _facts(text).themes}


LEAD = "Brindle University and Tarn Institute signed a cooperation agreement on May 4, 2023. "


def test_profile_and_itinerary_sentences_are_no_evidence():
    text = (LEAD + "Tarn Institute is known for its work on satellites and marine robots. "
            "Before the signing, the delegation visited the hydrogen test hall. "
            "The partners will set up a joint laboratory.")
    themes = _themes(text)
    assert "research" in themes
    assert not {"domain:aerospace", "domain:energy", "domain:marine"} & set(themes)


def test_about_section_runs_to_the_end_of_the_release():
    text = LEAD + "They will run a joint laboratory.\n\nAbout Tarn Institute\nTarn builds rockets and satellites."
    w = words_of(text)
    out = outside_scope(w, text, [])
    assert w.text.index("About") in out and len(w) - 1 in out
    assert "domain:aerospace" not in _themes(text)


def test_empty_text_has_nothing_out_of_scope():
    assert outside_scope(words_of(""), "", []) == frozenset()


def test_two_countries_make_a_cooperation_across_borders():
    w = words_of("A university in Kenya and a German institute agreed to cooperate.")
    assert cross_border(w) == {"Kenya": "Kenya", "Germany": "German"}


def test_one_country_as_a_partners_place_is_across_borders():
    w = words_of("Brindle University and Tarn Institute, Germany, signed an agreement.")
    names = frozenset(range(0, 5))  # "Brindle University and Tarn Institute" as names
    assert cross_border(w, names) == {"Germany": "Germany"}
    assert "international" in _themes("Brindle University and Tarn Institute (TI), Germany, signed an agreement.")


def test_one_country_named_at_home_is_not_across_borders():
    assert cross_border(words_of("The two universities of Germany will share data.")) == {}
    assert "international" not in _themes("Brindle University and Tarn Institute signed an agreement in Germany.")


def test_a_country_inside_a_name_is_no_country():
    text = "Korea Institute of Brindle and Tarn University signed an agreement with a Japanese firm."
    assert "Korea" not in cross_border(words_of(text), frozenset(range(0, 4))).values()


def test_a_field_counts_in_the_lead_or_in_two_sentences():
    once_late = LEAD + "They will train students. They will open a joint laboratory. Tarn also cited satellites."
    assert "domain:aerospace" not in _themes(once_late)
    twice = once_late + " Satellites will carry the sensors."
    assert "domain:aerospace" in _themes(twice)
    assert "domain:aerospace" in _themes("Brindle and Tarn signed an agreement on satellites.")


def test_sharing_counts_with_a_resource_as_its_object():
    assert "resource_sharing" in _themes(LEAD + "The partners will share ground stations and data.")
    assert "resource_sharing" not in _themes(LEAD + "The partners have a shared interest in data.")


def test_a_venue_or_contest_name_is_no_theme():
    text = (LEAD + "The agreement was signed at the Innovation Building. "
            "Students will join the Tarn Youth Science and Technology Innovation Competition.")
    w = words_of(text)
    out = outside_scope(w, text, [])
    assert {w.text.index("Innovation"), w.text.index("Youth"), w.text.index("Competition")} <= out
    assert "innovation" not in _themes(text)
    assert "innovation" in _themes(LEAD + "The partners will support innovation in the region.")
