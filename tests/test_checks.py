"""Parameter checks that run before any kernel starts (helpers.checks), through the CLI too."""

from __future__ import annotations

import json
import time
from pathlib import Path

import papermill
import pytest

from helpers import checks
from helpers.cli import main
from helpers.config import NOTEBOOKS_DIR
from helpers.errors import ParameterError
from helpers.evaluation import EVALUATION_KEYS, read_evaluation
from helpers.params import select_reports
from helpers.store import write_tables

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = ("01_events_timeline", "02_participant_networks", "03_themes")


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> Path:
    """The fixture releases extracted once."""
    out = tmp_path_factory.mktemp("tables")
    assert main(["extract", str(FIXTURES / "releases"), "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture
def no_kernel(monkeypatch):
    """Fail the test if any notebook would be executed."""
    def forbidden(*args, **kwargs):
        raise AssertionError("a kernel was started")
    monkeypatch.setattr(papermill, "execute_notebook", forbidden)


def _render(tmp_path, *args: str) -> list[str]:
    return ["render", "--reports-dir", str(tmp_path / "out"), "--name", "x", *args]


@pytest.mark.parametrize("extra, words", [
    (["-p", "start", "2024-01-01", "-p", "end", "2020-01-01"],
     ["parameter 'start' (2024-01-01) comes after 'end' (2020-01-01)"]),
    (["-p", "freq", "weekly"], ["parameter 'freq' must be one of auto, month, year, not 'weekly'"]),
    (["-p", "top_n", "0"], ["parameter 'top_n' must be at least 1, not 0"]),
    (["-p", "themes", '["aerospce"]'], ["parameter 'themes': unknown theme 'aerospce'",
                                         "closest: domain:aerospace"]),
    (["-p", "organizations", '["Lakeside Universty"]'],
     ["parameter 'organizations': no organisation named 'Lakeside Universty'",
      "closest: Lakeside University"]),
    (["-p", "evaluation_file", "missing.json"], ["parameter 'evaluation_file': cannot read"]),
])
def test_bad_parameter_fails_fast_in_one_line_without_a_kernel(
        extra, words, tables, tmp_path, capsys, no_kernel):
    t0 = time.perf_counter()
    code = main(_render(tmp_path, "-p", "data_dir", str(tables), *extra))
    seconds = time.perf_counter() - t0
    err = capsys.readouterr().err.strip()
    assert code == 2 and seconds < 3, (code, seconds)
    assert len(err.splitlines()) == 1 and err.startswith("accords: error: ")
    assert all(w in err for w in words), err
    assert not (tmp_path / "out").exists()  # no run folder, so nothing in the index


def test_missing_data_folder_and_missing_table(tables, tmp_path, capsys, no_kernel):
    assert main(_render(tmp_path, "-p", "data_dir", str(tmp_path / "nowhere"))) == 2
    err = capsys.readouterr().err.strip()
    assert f"parameter 'data_dir': tables folder {tmp_path / 'nowhere'} not found" in err
    partial = tmp_path / "partial"
    write_tables({}, partial)
    (partial / "people.parquet").unlink()
    assert main(_render(tmp_path, "-p", "data_dir", str(partial))) == 2
    assert f"{partial} has no people table" in capsys.readouterr().err


def test_empty_data_dir_reads_the_environment_variable(tables, monkeypatch):
    report = select_reports(["timeline"], NOTEBOOKS_DIR)[0]
    monkeypatch.setenv("ACCORDS_DATA_DIR", str(tables))
    assert checks.data_folder(report, {}, NOTEBOOKS_DIR) == tables
    monkeypatch.delenv("ACCORDS_DATA_DIR")
    assert checks.data_folder(report, {}, NOTEBOOKS_DIR) == NOTEBOOKS_DIR.parent / "data" / "processed"
    assert checks.data_folder(report, {"data_dir": str(tables)}, NOTEBOOKS_DIR) == tables


def test_known_names_pass(tables):
    for report in select_reports(list(REPORTS), NOTEBOOKS_DIR):
        applied = {"data_dir": str(tables), "organizations": ["lsu", "Orbitek Space Corporation"],
                   "themes": ["aerospace", "talent"]}
        checks.check_report(report, applied, NOTEBOOKS_DIR)  # raises nothing


def test_real_reports_declare_the_tables_they_read():
    for report in select_reports(list(REPORTS), NOTEBOOKS_DIR):
        assert set(checks.reads_tables(report)) == {
            "documents", "events", "organizations", "people", "participants", "mentions", "themes"}


def _evaluation(**extra) -> dict:
    scores = {"p": 0.9, "r": 0.8, "f1": 0.847, "tp": 9, "fp": 1, "fn": 2}
    return {**{k: dict(scores) for k in EVALUATION_KEYS}, "title_acc": 0.75, **extra}


def test_read_evaluation(tmp_path):
    good = tmp_path / "eval.json"
    good.write_text(json.dumps(_evaluation()))
    assert read_evaluation(good)["people"]["f1"] == 0.847
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ParameterError, match="bad.json is not JSON"):
        read_evaluation(bad)
    bad.write_text(json.dumps({"accuracy": 1}))
    with pytest.raises(ParameterError, match="holds none of people"):
        read_evaluation(bad)
    bad.write_text(json.dumps(_evaluation(people=0.5)))
    with pytest.raises(ParameterError, match="'people' lacks p, r, f1"):
        read_evaluation(bad)
