"""People, titles, roles and affiliations (helpers.extract.people, .affiliation) on invented releases."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import release_facts as _facts

from helpers.extract.document import extract_document
from helpers.extract.nlp import words_of
from helpers.extract.people import assign_roles, scan
from helpers.ingest import read_corpus

SIGNED = "Brindle University and Tarn Institute signed an agreement. "


def _roles(facts) -> set[tuple[str, str]]:
    """(person key, role) of every person in every event."""
    return {(r[0], r[3]) for ev in facts.events for r in ev.roles if r[0]}


# --- names and honorifics -------------------------------------------------------------------

@pytest.mark.parametrize("text, key, name", [
    ("Mr Tom Reed attended the ceremony.", "reed tom", "Tom Reed"),
    ("Professor Ada Lind attended the ceremony.", "ada lind", "Ada Lind"),
    ("Dr. Omar Feld attended the ceremony.", "feld omar", "Omar Feld"),
    ("Prof. Dr. Hanna Voss attended the ceremony.", "hanna voss", "Hanna Voss"),
])
def test_honorific_is_stripped_from_the_name(text, key, name):
    f = _facts(text)
    assert list(f.people) == [key]
    assert f.people[key].name == name


def test_title_before_name():
    f = _facts("Vice President Jane Roe attended the ceremony.")
    p = f.people["jane roe"]
    assert (p.name, p.title, p.title_kind) == ("Jane Roe", "Vice President", "university")


def test_organisation_before_title():
    f = _facts("ACME Chairman John Doe attended the ceremony.")
    p = f.people["doe john"]
    assert (p.name, p.title, p.org) == ("John Doe", "Chairman", "acme")


def test_title_after_name_gives_title_and_top_organisation():
    f = _facts("ACME signed an agreement with Brindle University. "
               "John Doe, Director of the Research Office of ACME, attended the ceremony.")
    p = f.people["doe john"]
    assert p.title == "Director of the Research Office"
    assert p.org == "acme"


def test_title_after_name_gives_parent_named_only_in_the_title():
    f = _facts("John Doe, Director of the Research Office of Brindle University, attended the ceremony.")
    assert f.people["doe john"].org == "brindle university"


def test_family_name_alone_resolves_to_the_full_name():
    f = _facts("Vice President John Doe of ACME attended the ceremony. Later, Mr Doe said it was a good day.")
    assert list(f.people) == ["doe john"]
    assert "Mr Doe" in f.people["doe john"].aliases
    assert _roles(f) == {("doe john", "attendee"), ("doe john", "speaker")}


def test_family_name_alone_resolves_to_a_bare_full_name():
    f = _facts("John Doe of ACME attended the ceremony. Later, Mr Doe said it was a good day.")
    assert list(f.people) == ["doe john"]


def test_namesakes_stay_two_and_family_name_goes_to_the_first():
    f = _facts("Dr John Lee and Dr Mary Lee attended the ceremony. Mr Lee said it was a good day.")
    assert set(f.people) == {"john lee", "lee mary"}
    assert "Mr Lee" in f.people["john lee"].aliases
    assert ("john lee", "speaker") in _roles(f)
    assert ("lee mary", "speaker") not in _roles(f)


def test_plural_title_gives_each_name_the_singular():
    f = _facts("Vice Presidents Ann Bell, Carl Dunn and Eva Frost attended the ceremony.")
    assert {k: p.title for k, p in f.people.items()} == {
        "ann bell": "Vice President", "carl dunn": "Vice President", "eva frost": "Vice President"}


def test_all_caps_family_name_is_title_cased():
    f = _facts("ZHAO Lingyun attended the ceremony.")
    assert [p.name for p in f.people.values()] == ["Zhao Lingyun"]
    assert "ZHAO Lingyun" in f.people["lingyun zhao"].aliases


def test_bylines_are_never_participants(tmp_path: Path):
    (tmp_path / "r.txt").write_text(
        "Brindle University and Tarn Institute sign research agreement\n\n"
        "Brindle University and Tarn Institute signed a research agreement on May 4, 2023. "
        "President Ada Lind of Brindle University attended the ceremony.\n\n"
        "Written by: Nora Pell\nEdited by: Sam Quill\n", encoding="utf-8")
    (doc,) = read_corpus(tmp_path)
    assert doc.authors == ["Nora Pell", "Sam Quill"]
    f = extract_document(doc)
    assert list(f.people) == ["ada lind"]


@pytest.mark.parametrize("text", [
    "Artificial Intelligence will change research.",
    "The ceremony was held in Harbour Hall.",
    "Harbour Hall was full. Artificial Intelligence was discussed by the two sides.",
    "Harbour Hall hosted the signing ceremony.",
    "Artificial Intelligence Research was highlighted by the two sides.",
])
def test_bare_capitalised_phrase_is_no_person(text):
    assert _facts(text).people == {}


# --- roles ----------------------------------------------------------------------------------

def test_signatory_signed_on_behalf_of():
    f = _facts("Dr Ada Lind signed the agreement on behalf of Brindle University.")
    assert _roles(f) == {("ada lind", "signatory")}
    assert f.events[0].kind == "signing"


def test_signatory_on_behalf_of_is_affiliated():
    f = _facts("Dr Ada Lind signed the agreement on behalf of Brindle University.")
    assert f.people["ada lind"].org == "brindle university"


def test_signatories_after_was_signed_by():
    f = _facts(SIGNED + "The agreement was signed by Dr Ada Lind and Mr Tom Reed.")
    assert _roles(f) == {("ada lind", "signatory"), ("reed tom", "signatory")}


@pytest.mark.parametrize("sentence", [
    "Mayor Ivo Brandt witnessed the signing.",
    "The deal was sealed in the presence of Mayor Ivo Brandt.",
])
def test_witness(sentence):
    assert _roles(_facts(SIGNED + sentence)) == {("brandt ivo", "witness")}


@pytest.mark.parametrize("sentence", [
    "Dean Rosa Kell presided over the ceremony.",
    "The ceremony was chaired by Dean Rosa Kell.",
])
def test_presider(sentence):
    assert _roles(_facts(SIGNED + sentence)) == {("kell rosa", "presider")}


def test_attendee_attended():
    f = _facts(SIGNED + "Dean Rosa Kell attended the ceremony.")
    assert _roles(f) == {("kell rosa", "attendee")}
    assert [ev.kind for ev in f.events] == ["signing"]


def test_attendees_after_also_present_were():
    f = _facts(SIGNED + "Also present were Dr Ada Lind and Mr Tom Reed.")
    assert _roles(f) == {("ada lind", "attendee"), ("reed tom", "attendee")}


def test_speaker_said():
    assert _roles(_facts(SIGNED + "Dean Rosa Kell said the deal would help students.")) == {
        ("kell rosa", "speaker")}


def test_speaker_delivered_a_speech():
    f = _facts("Dean Rosa Kell delivered a speech at the forum.")
    assert _roles(f) == {("kell rosa", "speaker")}
    assert [ev.kind for ev in f.events] == ["speech"]


def test_visitor_and_visited_host():
    f = _facts("Dean Rosa Kell visited Tarn Institute on May 5, 2023.")
    (ev,) = f.events
    assert ev.kind == "visit"
    assert {(r[0], r[1], r[3]) for r in ev.roles} == {
        ("kell rosa", None, "visitor"), (None, "tarn institute", "host")}


def test_met_with_subject_hosts_and_object_attends():
    f = _facts("President Ada Lind of Brindle University met with Mayor Ivo Brandt on May 5, 2023.")
    (ev,) = f.events
    assert ev.kind == "meeting"
    assert _roles(f) == {("ada lind", "host"), ("brandt ivo", "attendee")}


def test_the_two_parties_signed_gives_earlier_names_no_signing():
    f = _facts("President Ada Lind of Brindle University and Director Tom Reed of Tarn Institute "
               "delivered speeches, and then the two parties signed the agreement.")
    assert _roles(f) == {("ada lind", "speaker"), ("reed tom", "speaker")}


def test_names_before_signed_are_signatories():
    f = _facts("President Ada Lind of Brindle University and Director Tom Reed of Tarn Institute "
               "delivered speeches and signed the agreement.")
    assert {r for r in _roles(f) if r[1] == "signatory"} == {("ada lind", "signatory"), ("reed tom", "signatory")}


# --- affiliation ----------------------------------------------------------------------------

def test_respectively_maps_signatories_to_organisations_in_order():
    f = _facts(SIGNED + "The agreement was signed by Dr Ada Lind and Dr Tom Reed, "
                        "on behalf of Tarn Institute and Brindle University respectively.")
    assert f.people["ada lind"].org == "tarn institute"
    assert f.people["reed tom"].org == "brindle university"


def test_respectively_sentence_reports_the_same_signing():
    f = _facts(SIGNED + "Dr Ada Lind and Dr Tom Reed signed the agreement for Brindle University "
                        "and Tarn Institute respectively.")
    assert [ev.kind for ev in f.events] == ["signing"]


def test_government_title_with_one_government_party_is_inferred():
    f = _facts("Brindle University and the Haldor Municipal Government signed an agreement. "
               "Vice Mayor Ivo Brandt witnessed the signing.")
    p = f.people["brandt ivo"]
    assert (p.org, p.flag) == ("haldor municipal government", "inferred-from-title")


def test_government_title_with_no_government_party_is_unknown():
    f = _facts(SIGNED + "Vice Mayor Ivo Brandt witnessed the signing.")
    p = f.people["brandt ivo"]
    assert (p.org, p.flag) == (None, "unknown")


def test_scan_of_an_empty_span_finds_nothing():
    w = words_of("")
    items = scan(w, 0, 0, "", [])
    assign_roles(items, "attendee")
    assert items == []


def test_the_person_a_signatory_signed_with_is_a_signatory_too():
    f = _facts("Brindle University and Tarn Institute signed a cooperation agreement on May 4, 2023. "
               "Dr Ann Reed signed the agreement with Mr Bo Chen.")
    (signing,) = [ev for ev in f.events if ev.kind == "signing"]
    people = sorted((r[0], r[3]) for r in signing.roles if r[0])
    assert people == [("ann reed", "signatory"), ("bo chen", "signatory")]
