"""Tests of helpers.cli: help text and docs, --version, deterministic and atomic `accords extract`."""

from __future__ import annotations

import argparse
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import helpers.extract
from helpers import __version__
from helpers.cli import build_parser, main
from helpers.store import TABLES

ROOT = Path(__file__).resolve().parents[1]
RELEASES = Path(__file__).parent / "fixtures" / "releases"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _help_of(name: str) -> str | None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return next((a.help for a in sub._choices_actions if a.dest == name), None)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_has_subcommands():
    assert {"extract", "render"} <= set(_subcommands())


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_subcommand_has_help(name):
    assert (_help_of(name) or "").strip(), f"`accords {name}` has no help text"
    sub = _subcommands()[name]
    assert (sub.description or "").strip(), f"`accords {name}` has no description"
    for action in sub._actions:
        assert (action.help or "").strip(), f"`accords {name}` option {action.dest} has no help"


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_subcommand_in_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"accords {name}" in readme, f"`accords {name}` is not documented in README.md"


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"accords {__version__}"


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "extract" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["nonsense"], ["extract", "--no-such-option"]])
def test_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage: accords" in capsys.readouterr().err


def test_extract_prints_a_summary(tmp_path, capsys):
    assert main(["extract", str(RELEASES), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "6 documents read" in out[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{t}.parquet" for t in TABLES] + ["extract.json", ".accords-facts"])  # the facts a re-run reuses


def test_extract_twice_gives_identical_bytes(tmp_path):
    for run in ("a", "b"):
        assert main(["extract", str(RELEASES), "--out", str(tmp_path / run), "-q"]) == 0
    first, second = _snapshot(tmp_path / "a"), _snapshot(tmp_path / "b")
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs"


def test_extract_with_worker_processes_gives_the_same_tables(tmp_path):
    assert main(["extract", str(RELEASES), "--out", str(tmp_path / "one"), "-q"]) == 0
    assert main(["extract", str(RELEASES), "--out", str(tmp_path / "two"), "-q", "--jobs", "2"]) == 0
    one, two = _snapshot(tmp_path / "one"), _snapshot(tmp_path / "two")
    for name in TABLES:
        assert one[f"{name}.parquet"] == two[f"{name}.parquet"], f"{name} differs with --jobs 2"


def test_extract_rejects_negative_jobs(tmp_path, capsys):
    assert main(["extract", str(RELEASES), "--out", str(tmp_path), "--jobs", "-1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "jobs" in err[0]


@pytest.fixture
def previous(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding the tables of an earlier run, and their bytes."""
    out = tmp_path / "out"
    assert main(["extract", str(RELEASES), "--out", str(out), "-q"]) == 0
    return out, _snapshot(out)


def _crash_on_third(exc: BaseException):
    real = helpers.extract.extract_document
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise exc
        return real(*args, **kwargs)

    return flaky


def test_crash_mid_extract_leaves_previous_tables(previous, monkeypatch):
    out, before = previous

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(helpers.extract, "write_streamed", boom)
    with pytest.raises(RuntimeError, match="boom"):
        main(["extract", str(RELEASES), "--out", str(out), "-q"])
    assert _snapshot(out) == before


def test_interrupt_mid_extract_leaves_previous_tables(previous, monkeypatch, capsys):
    out, before = previous
    monkeypatch.setattr(helpers.extract, "extract_document", _crash_on_third(KeyboardInterrupt()))
    assert main(["extract", str(RELEASES), "--out", str(out), "-q", "--full"]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert _snapshot(out) == before


def test_crash_mid_write_leaves_previous_tables(previous, monkeypatch):
    out, before = previous
    real, calls = pq.ParquetWriter.write_table, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", flaky)
    with pytest.raises(OSError, match="disk full"):
        main(["extract", str(RELEASES), "--out", str(out), "-q"])
    assert _snapshot(out) == before


def test_bad_manifest_is_a_one_line_error(tmp_path, capsys):
    manifest = tmp_path / "m.csv"
    manifest.write_text("url\nhttps://x.example\n")
    code = main(["extract", str(RELEASES), "--out", str(tmp_path / "out"), "--metadata",
                 str(manifest), "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("accords: error: ") and "m.csv" in err[0]


def test_a_release_the_rules_trip_over_is_skipped_not_the_run(tmp_path, monkeypatch, capsys):
    real = helpers.extract.extract_document

    def flaky(doc, taxonomy=None, ner=None):
        if doc.path.endswith(".md"):
            raise IndexError("list index out of range")
        return real(doc, taxonomy, ner)

    monkeypatch.setattr(helpers.extract, "extract_document", flaky)
    assert main(["extract", str(RELEASES), "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "2021-orbitek-lakeside.md: skipped: extraction failed (IndexError" in err
    docs = pq.read_table(tmp_path / "documents.parquet").column("path").to_pylist()
    assert "2021-orbitek-lakeside.md" not in docs and len(docs) == 5


def test_one_release_is_one_document_in_the_summary(tmp_path, capsys):
    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "a.txt").write_text((RELEASES / "2022-rivertown-science-association.txt").read_text())
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "accords: 1 document read; " in out and "1 documents" not in out


def test_tables_are_readable_by_other_accounts(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        assert main(["extract", str(RELEASES), "--out", str(tmp_path / "out"), "-q"]) == 0
    finally:
        os.umask(old)
    out = tmp_path / "out"
    files = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir() if p.is_file()}
    folders = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir() if p.is_dir()}
    assert files and set(files.values()) == {0o644}, files
    assert set(folders.values()) <= {0o755}, folders  # the facts store an incremental run reuses


def test_a_folder_of_pdfs_warns_and_writes_empty_tables(tmp_path, capsys):
    corpus = tmp_path / "pdfs"
    corpus.mkdir()
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "-q"]) == 0
    err = capsys.readouterr().err.strip()
    assert err == (f"accords: warning: {corpus}: no readable release: it holds only files accords "
                   "does not read (1 .pdf); accords reads .csv .html .json .jsonl .md .txt; convert "
                   "PDFs to text first; the tables written are empty")
    assert all(pq.read_table(tmp_path / "out" / f"{t}.parquet").num_rows == 0 for t in TABLES)


@pytest.mark.parametrize("config, words", [
    (None, "cannot read reports config"),
    ("jobs: [oops", "cannot read reports config"),
    ("jobs: []", "expected a non-empty `jobs:` list"),
    ("jobs: [{name: a, colour: red}]", "job 1: unknown key 'colour'"),
    ("jobs: [{name: a, report: nope}]", "job a: unknown report 'nope'"),
    ("jobs: [{name: a, parameters: {freq: weekly}}]", "job a: 01_events_timeline: parameter 'freq' must be one of"),
    ("jobs: [{name: a/b}]", "job a/b: run name 'a/b' must be a plain folder name"),
])
def test_render_config_errors_are_one_line_with_exit_2(config, words, tmp_path, capsys):
    path = tmp_path / "reports.yml"
    if config is not None:
        path.write_text(config)
    code = main(["render", "--config", str(path), "--reports-dir", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1, err
    assert err.startswith("accords: error: ") and words in err, err
    assert not (tmp_path / "out").exists()


def test_render_config_cannot_be_combined_with_parameters(tmp_path, capsys):
    path = tmp_path / "reports.yml"
    path.write_text("jobs: [{name: a}]")
    assert main(["render", "--config", str(path), "-p", "top_n", "3"]) == 2
    assert capsys.readouterr().err.strip() == \
        "accords: error: --config cannot be combined with REPORT, -p, -f or --name"
