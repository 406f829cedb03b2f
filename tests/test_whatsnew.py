"""What appeared since a run's previous good render (helpers.whatsnew)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers import whatsnew
from helpers.store import to_arrow


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    return to_arrow(name, pd.DataFrame(rows)).to_pandas()


def _signing(eid: str, day: dt.date, agreement: str) -> dict:
    return {"event_id": eid, "doc_id": f"d_{eid}", "kind": "signing", "date": day,
            "date_precision": "day", "cluster_id": f"c_{eid}", "agreement": agreement, "sentence": "."}


def _tables(extra: bool) -> dict[str, pd.DataFrame]:
    events = [_signing("e1", dt.date(2024, 1, 5), "agreement on space")]
    parts = [{"event_id": "e1", "org_id": "a", "role": "party"},
             {"event_id": "e1", "org_id": "b", "role": "party"},
             {"event_id": "e1", "person_id": "p1", "org_id": "a", "role": "signatory"}]
    if extra:
        events += [_signing("e1b", dt.date(2024, 1, 5), "agreement on space"),  # same signing again
                   _signing("e2", dt.date(2025, 2, 1), "memorandum on oceans")]
        parts += [{"event_id": "e1b", "org_id": "b", "role": "party"},
                  {"event_id": "e1b", "org_id": "a", "role": "party"},
                  {"event_id": "e2", "org_id": "a", "role": "party"},
                  {"event_id": "e2", "org_id": "c", "role": "party"},
                  {"event_id": "e2", "person_id": "p2", "org_id": "c", "role": "signatory"}]
    orgs = _table("organizations", [
        {"org_id": o, "name": f"Org {o.upper()}", "acronym": o.upper(), "kind": "other", "aliases": []}
        for o in "abc"])
    people = _table("people", [{"person_id": "p1", "name": "Ann Reed"}, {"person_id": "p2", "name": "Bo Chen"}])
    return {"events": _table("events", events), "participants": _table("participants", parts),
            "organizations": orgs, "people": people}


def test_facts_key_signings_by_day_and_parties():
    assert whatsnew.facts(_tables(False)) == {"signings": ["2024-01-05|a+b"], "organizations": ["a", "b"],
                                              "people": ["p1"], "partners": [["a", "b"]]}


def test_whats_new_lists_only_what_the_previous_facts_lacked(tmp_path):
    path = tmp_path / "seen.json"
    whatsnew.write_facts(_tables(False), path, "weekly", "2025-01-01 06:00 UTC")
    previous = whatsnew.read_facts(path)
    new = whatsnew.whats_new(_tables(True), previous)
    assert new.to_dict("records") == [
        {"what": "new signing", "name": "memorandum on oceans", "details": "2025-02-01: A, C"},
        {"what": "new organisation", "name": "Org C", "details": ""},
        {"what": "new person", "name": "Bo Chen", "details": ""},
        {"what": "new partner", "name": "Org A", "details": "now signs with Org C"},
        {"what": "new partner", "name": "Org C", "details": "now signs with Org A"}]
    assert whatsnew.describe(previous, new).text == (
        "Since the previous good render (2025-01-01 06:00 UTC): 1 new signing, 1 new organisation, "
        "1 new person, 2 new partners.")


def test_first_render_has_nothing_to_compare_with(tmp_path):
    assert whatsnew.read_facts("") is None and whatsnew.read_facts(tmp_path / "none.json") is None
    new = whatsnew.whats_new(_tables(True), None)
    assert new.empty and list(new.columns) == ["what", "name", "details"]
    assert whatsnew.describe(None, new).text.startswith("This is the first good render of this run")
    assert whatsnew.describe({"signings": []}, new.iloc[0:0]).text == \
        "Nothing new since the previous good render (time unknown)."


def test_recorded_facts_are_those_of_the_folded_tables_and_reused_while_the_tables_stay(tmp_path,
                                                                                       monkeypatch):
    from helpers import reportkit
    from helpers.config import NOTEBOOKS_DIR, RAW_DATA_DIR
    from helpers.extract import extract_corpus
    from helpers.params import select_reports

    tables = tmp_path / "tables"
    extract_corpus(RAW_DATA_DIR, tables)
    reports = select_reports(["networks"], NOTEBOOKS_DIR)
    plan = {reports[0].name: {"data_dir": str(tables)}}
    seen = tmp_path / "seen.json"
    whatsnew.record_facts(reports, plan, [reports[0].name], seen, "weekly", NOTEBOOKS_DIR)
    first = whatsnew.read_facts(seen)
    shown = reportkit.report_tables(str(tables), "2015-01-01", "2030-12-31")
    assert first["signings"] == whatsnew.facts(shown)["signings"]  # nothing new when re-rendered
    assert whatsnew.whats_new(shown, first).empty

    def unread(*args, **kwargs):
        raise AssertionError("the tables were read again")

    monkeypatch.setattr(reportkit, "report_tables", unread)
    whatsnew.record_facts(reports, plan, [reports[0].name], seen, "weekly", NOTEBOOKS_DIR)
    again = whatsnew.read_facts(seen)
    assert {k: v for k, v in again.items() if k != "recorded"} == \
        {k: v for k, v in first.items() if k != "recorded"}


def test_facts_a_report_kept_are_recorded_as_they_are_and_the_kept_file_removed(tmp_path, monkeypatch):
    from helpers import reportkit
    from helpers.config import NOTEBOOKS_DIR, RAW_DATA_DIR
    from helpers.extract import extract_corpus
    from helpers.params import select_reports

    tables = tmp_path / "tables"
    extract_corpus(RAW_DATA_DIR, tables)
    reports = select_reports(["networks"], NOTEBOOKS_DIR)
    name, seen = reports[0].name, tmp_path / "seen.json"
    plan = {name: {"data_dir": str(tables)}}
    whatsnew.pass_previous_facts(reports, plan, seen)  # no previous render yet: only where to keep
    assert plan[name] == {"data_dir": str(tables), "facts_file": str(whatsnew.kept_facts(seen, name))}
    shown = reportkit.report_tables(str(tables), "2015-01-01", "2030-12-31")
    assert whatsnew.whats_new(shown, None, keep=plan[name]["facts_file"]).empty  # what the report does
    assert whatsnew.kept_facts(seen, name).is_file()

    def unread(*args, **kwargs):
        raise AssertionError("the tables were read again")

    monkeypatch.setattr(reportkit, "report_tables", unread)
    whatsnew.record_facts(reports, plan, [name], seen, "weekly", NOTEBOOKS_DIR)
    recorded = whatsnew.read_facts(seen)
    assert {k: recorded[k] for k in ("run", "source")} == {"run": "weekly", "source": recorded["source"]}
    assert {k: v for k, v in recorded.items() if k not in ("run", "recorded", "source")} == whatsnew.facts(shown)
    assert not whatsnew.kept_facts(seen, name).exists()
    again = {name: {"data_dir": str(tables)}}
    whatsnew.pass_previous_facts(reports, again, seen, NOTEBOOKS_DIR)  # same tables: nothing to keep
    assert again[name] == {"data_dir": str(tables), "previous_facts": str(seen)}
    (tables / "extract.json").write_text((tables / "extract.json").read_text() + " ")  # tables changed
    whatsnew.pass_previous_facts(reports, again := {name: {"data_dir": str(tables)}}, seen, NOTEBOOKS_DIR)
    assert again[name]["facts_file"] == str(whatsnew.kept_facts(seen, name))
