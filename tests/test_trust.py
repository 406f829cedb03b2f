"""What the figures stand on and the measured accuracy (helpers.trust)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from helpers import trust
from helpers.evaluation import EVALUATION_KEYS
from helpers.store import to_arrow


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    return to_arrow(name, pd.DataFrame(rows)).to_pandas()


def _event(eid: str, cluster: str, precision: str, day: dt.date | None) -> dict:
    return {"event_id": eid, "doc_id": "d1", "kind": "visit", "date": day, "date_precision": precision,
            "cluster_id": cluster, "sentence": "."}


def _tables() -> dict[str, pd.DataFrame]:
    events = [_event("e1", "c1", "month", dt.date(2024, 1, 1)), _event("e2", "c1", "day", dt.date(2024, 1, 9)),
              _event("e3", "c3", "no-year", None), _event("e4", "c4", "day", dt.date(2024, 2, 2))]
    parts = [{"event_id": "e1", "person_id": "p1", "org_id": "a", "role": "visitor", "affiliation_flag": None},
             {"event_id": "e1", "person_id": "p1", "org_id": "a", "role": "visitor", "affiliation_flag": None},
             {"event_id": "e2", "person_id": "p2", "org_id": "b", "role": "host",
              "affiliation_flag": "inferred-from-title"},
             {"event_id": "e3", "person_id": "p3", "org_id": None, "role": "attendee",
              "affiliation_flag": "unknown"},
             {"event_id": "e4", "person_id": None, "org_id": "b", "role": "host", "affiliation_flag": None}]
    people = _table("people", [
        {"person_id": "p1", "name": "Wang Dezhi", "aliases": ["Mr Wang", "Mr Wang Dezhi"]},  # merged
        {"person_id": "p2", "name": "Zhu Jiaojun", "aliases": ["Professor ZHU Jiaojun"]},  # one spelling
        {"person_id": "p3", "name": "Ann Reed", "aliases": []}])
    orgs = _table("organizations", [
        {"org_id": "a", "name": "Alpha University", "acronym": "AU", "kind": "university",
         "aliases": ["Alpha Univ."]},
        {"org_id": "b", "name": "Beta Institute", "acronym": None, "kind": "research", "aliases": []}])
    docs = _table("documents", [{"doc_id": "d1", "path": "a.txt", "title": "A", "text": "x", "n_words": 1}])
    return {"documents": docs, "events": _table("events", events), "participants": _table("participants", parts),
            "people": people, "organizations": orgs, "mentions": _table("mentions", [])}


def test_trust_table_counts():
    panel = trust.trust_table(_tables(), {"documents": 12, "skipped": 3})
    assert [tuple(r) for r in panel.itertuples(index=False)] == [
        ("Documents", "documents in these figures", 1, ""),
        ("Documents", "documents read from the corpus", 12, ""),
        ("Documents", "files or records skipped (unreadable)", 3, ""),
        ("Events", "real-world events dated to the day", 2, "3"),  # c1 counts once, by its best report
        ("Events", "real-world events dated to the month", 0, "3"),
        ("Events", "real-world events dated to the year only", 0, "3"),
        ("Events", "real-world events dated with no year (day and month only)", 1, "3"),
        ("Events", "real-world events dated with no date at all", 0, "3"),
        ("Affiliations", "stated in the text", 1, "3"),  # p1's duplicate row counts once
        ("Affiliations", "inferred (from title, signing or publisher)", 1, "3"),
        ("Affiliations", "unknown", 1, "3"),
        ("Names", "organisations merged from several spellings", 1, "2"),
        ("Names", "people merged from several spellings", 1, "3")]


def test_trust_table_on_empty_tables():
    t = {k: v.iloc[0:0] for k, v in _tables().items()}
    panel = trust.trust_table(t)
    assert panel["count"].sum() == 0 and list(panel["measure"])[0] == "documents in these figures"


def test_evaluation_table(tmp_path):
    assert trust.evaluation_table("").empty and trust.evaluation_table(None).empty
    scores = {k: {"p": 0.9, "r": 0.5, "f1": 0.643, "tp": 9, "fp": 1, "fn": 9} for k in EVALUATION_KEYS}
    path = tmp_path / "eval.json"
    path.write_text(json.dumps({**scores, "title_acc": 0.8, "dates_guessed": 0.1}))
    table = trust.evaluation_table(path)
    assert list(table["measure"]) == ["People found", "Organisations found", "Parties to signings",
                                      "Signatories", "Witnesses", "Presiders", "Themes",
                                      "Titles read correctly", "Dates guessed"]
    assert table.iloc[0][["precision", "recall", "f1", "found", "wrong", "missed"]].tolist() == [
        0.9, 0.5, 0.643, 9, 1, 9]
    assert table["accuracy"].tolist()[-2:] == [0.8, 0.1]
