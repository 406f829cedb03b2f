"""Run records and the index of runs (helpers.runs)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from helpers import runs


def _outcome(report: str, ok: bool, **extra) -> dict:
    return {"report": report, "ok": ok, "parameters": {}, "seconds": {}, "error": None,
            "outputs": {"html": f"{report}.html"} if ok else {}, **extra}


def test_a_failed_record_write_leaves_the_old_record_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "run.json"
    target.write_text("old")

    def refuse(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        runs.record_run(tmp_path, {}, [_outcome("01_a", True)], datetime.now(timezone.utc), ["html"])
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.json"]


def test_a_write_that_fails_midway_removes_its_temporary_file(tmp_path):
    with pytest.raises(TypeError):
        runs._atomic_write(tmp_path / "x.json", 12)  # not text
    assert list(tmp_path.iterdir()) == []


def test_records_are_readable_by_other_accounts(tmp_path):
    old = os.umask(0o022)
    try:
        runs._atomic_write(tmp_path / "x.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "x.json").stat().st_mode & 0o777 == 0o644


def test_index_lists_good_runs_first_and_failed_renders_apart(tmp_path):
    started = datetime.now(timezone.utc)
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "01_a.html").write_text("<p>a</p>")
    runs.record_run(tmp_path / "good", {}, [_outcome("01_a", True)], started, ["html"])
    (tmp_path / "bad").mkdir()
    runs.record_run(tmp_path / "bad", {"freq": "weekly"},
                    [_outcome("01_a", False, error="01_a: cell 3 raised ValueError: boom")],
                    started, ["html"])
    html = runs.write_index(tmp_path).read_text()
    good, failed = html.split('<h2 id="failed">Failed renders</h2>')
    assert 'href="good/01_a.html"' in good and "bad/run.json" not in good
    assert "bad/run.json" in failed and "01_a: cell 3 raised ValueError: boom" in failed
    listed = runs.list_runs(tmp_path)
    assert {r["folder"]: (sorted(r["good"]), [f["report"] for f in r["failures"]]) for r in listed} == {
        "good": (["01_a"], []), "bad": ([], ["01_a"])}


def test_record_keeps_earlier_reports(tmp_path):
    started = datetime.now(timezone.utc)
    runs.record_run(tmp_path, {}, [_outcome("01_a", True)], started, ["html"])
    record = runs.record_run(tmp_path, {}, [_outcome("02_b", True)], started, ["html"])
    assert sorted(record["reports"]) == ["01_a", "02_b"]
    assert json.loads((tmp_path / "run.json").read_text())["reports"]["01_a"]["status"] == "ok"
