"""Units credited to the organisation their name says they belong to (helpers.units)."""

from __future__ import annotations

import pandas as pd

from helpers import units
from helpers.store import to_arrow


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    return to_arrow(name, pd.DataFrame(rows)).to_pandas()


ORGS = _table("organizations", [
    {"org_id": "nlu", "name": "Northlake University", "acronym": "NLU", "kind": "university", "aliases": []},
    {"org_id": "gov", "name": "Sanqiao Municipal Government", "acronym": None, "kind": "government",
     "aliases": []},
    {"org_id": "es", "name": "Energy Systems", "acronym": None, "kind": "company", "aliases": []},
    {"org_id": "rut", "name": "Rheinfeld University of Technology", "acronym": "RUT",
     "kind": "university", "aliases": []},
    {"org_id": "u1", "name": "Office of Science and Technology of Northlake University",
     "acronym": None, "kind": "other", "aliases": []},
    {"org_id": "u2", "name": "NLU Key Laboratory of Space Propulsion", "acronym": None,
     "kind": "research", "aliases": []},
    {"org_id": "u3", "name": "Information Office of the Sanqiao Municipal Government",
     "acronym": None, "kind": "other", "aliases": []},
    {"org_id": "u4", "name": "RUT Institute of Energy Systems", "acronym": None, "kind": "research",
     "aliases": []},
    {"org_id": "joint", "name": "NLU-RUT Joint Laboratory for Power Devices", "acronym": None,
     "kind": "research", "aliases": []},
    {"org_id": "bare", "name": "School of Agriculture", "acronym": None, "kind": "other", "aliases": []},
    {"org_id": "lone", "name": "School of Mathematics", "acronym": None, "kind": "other", "aliases": []},
])


def test_unit_parents_from_names():
    assert units.unit_parents(ORGS) == {"u1": "nlu", "u2": "nlu", "u3": "gov", "u4": "rut"}


def test_a_bare_unit_belongs_to_the_one_organisation_named_in_all_its_documents():
    mentions = _table("mentions", [
        {"doc_id": "d1", "kind": "organization", "entity_id": "bare", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d1", "kind": "organization", "entity_id": "nlu", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d2", "kind": "organization", "entity_id": "bare", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d2", "kind": "organization", "entity_id": "nlu", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d2", "kind": "organization", "entity_id": "gov", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d3", "kind": "organization", "entity_id": "lone", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d3", "kind": "organization", "entity_id": "nlu", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d3", "kind": "organization", "entity_id": "rut", "text": "x", "start": 0, "end": 1},
    ])
    assert units.document_parents(ORGS, mentions, units.unit_parents(ORGS)) == {"bare": "nlu"}


def test_fold_units_moves_participants_and_mentions_and_lists_the_units():
    part = _table("participants", [
        {"event_id": "e1", "doc_id": "d1", "person_id": "p1", "org_id": "u2", "role": "signatory"},
        {"event_id": "e1", "doc_id": "d1", "person_id": None, "org_id": "u2", "role": "party"},
        {"event_id": "e1", "doc_id": "d1", "person_id": None, "org_id": "nlu", "role": "party"},
    ])
    mentions = _table("mentions", [
        {"doc_id": "d1", "kind": "organization", "entity_id": "u2", "text": "x", "start": 0, "end": 1},
        {"doc_id": "d1", "kind": "person", "entity_id": "u2", "text": "x", "start": 0, "end": 1},
    ])
    out = units.fold_units({"organizations": ORGS, "participants": part, "mentions": mentions})
    assert list(zip(out["participants"]["org_id"], out["participants"]["role"])) == [
        ("nlu", "signatory"), ("nlu", "party")]  # the two party rows became one
    assert list(out["mentions"]["entity_id"]) == ["nlu", "u2"]  # person ids are left alone
    listed = dict(zip(out["organizations"]["org_id"], out["organizations"]["units"]))
    assert listed["nlu"] == ["NLU Key Laboratory of Space Propulsion",
                             "Office of Science and Technology of Northlake University"]
    assert listed["joint"] == []
