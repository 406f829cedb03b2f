"""What a bare capitalised name is from its context (helpers.extract.bare_names), on invented words."""

from __future__ import annotations

from helpers.extract.bare_names import described_as_body, heads_a_bracket, signed_for, wire_or_listing
from helpers.extract.nlp import words_of


def _at(text: str, name: str):
    w = words_of(text)
    k = w.text.index(name.split()[0])
    return w, k, k + len(name.split())


def test_a_wire_between_slashes_and_an_exchange_before_a_ticker():
    w, k, m = _at("TARNBY, May 4, 2024 /Tarn Wire/ -- Helix signed.", "Tarn Wire")
    assert wire_or_listing(w, 0, k, m, len(w))
    w, k, m = _at("Helix (Tarn Exchange: HLX) signed.", "Tarn Exchange")
    assert wire_or_listing(w, 0, k, m, len(w))
    w, k, m = _at("Helix met Ann Lee: she signed.", "Ann Lee")
    assert not wire_or_listing(w, 0, k, m, len(w))


def test_the_body_signed_for_and_the_body_an_apposition_describes():
    w, k, m = _at("Signing for Volga Photonics was its Director, Ivan Orlov.", "Volga Photonics")
    assert signed_for(w, 0, k, m, len(w))
    w, k, m = _at("Speaking for Volga Photonics was its Director, Ivan Orlov.", "Volga Photonics")
    assert not signed_for(w, 0, k, m, len(w))
    w, k, m = _at("Qubex Labs, a leading quantum computing company, signed.", "Qubex Labs")
    assert described_as_body(w, m, len(w))
    w, k, m = _at("Ann Lee, a professor of physics, signed.", "Ann Lee")
    assert not described_as_body(w, m, len(w))


def test_a_bare_name_whose_bracket_names_its_head_is_a_body():
    w, k, m = _at("Tarn University signed an MOU with Daesung Semicon (CEO Choi Min-seok).", "Daesung Semicon")
    assert heads_a_bracket(w, m, len(w))
    w, k, m = _at("The talk by Ann Lee (Director of Tarn Lab) was brief.", "Ann Lee")
    assert not heads_a_bracket(w, m, len(w))  # her own title, no head's name in it
