"""Tests of helpers.synth, the synthetic corpus generator."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.synth import generate_corpus, main

DATE_LINE = re.compile(
    r"^(?:[A-Z][a-z]{2} \d{1,2}, \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4}"
    r"|Release time: \d{4}-\d{2}-\d{2}|Published: \d{1,2} [A-Z][a-z]+ \d{4}"
    r"|Ends/[A-Z][a-z]+, [A-Z][a-z]+ \d{1,2}, \d{4})$", re.MULTILINE)
SIGNING = re.compile(r"\bsign(?:ed|ing)?\b[^.]*\b(?:agreement|memorandum)"
                     r"|\b(?:agreement|memorandum)\b[^.]*\bsigned\b", re.IGNORECASE)
BYLINE = re.compile(r"^(?:Written by|Edited by|Editor):\s*\S", re.MULTILINE)


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root`, keyed by its relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_writes_n_files(tmp_path: Path) -> None:
    out = generate_corpus(tmp_path / "corpus", n=25, seed=1)
    files = _snapshot(out)
    assert len(files) == 25
    assert all(name.endswith(".txt") for name in files)


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = _snapshot(generate_corpus(tmp_path / "a", n=15, seed=7))
    second = _snapshot(generate_corpus(tmp_path / "b", n=15, seed=7))
    assert first == second


def test_different_seed_different_corpus(tmp_path: Path) -> None:
    first = _snapshot(generate_corpus(tmp_path / "a", n=15, seed=7))
    second = _snapshot(generate_corpus(tmp_path / "b", n=15, seed=8))
    assert sorted(first.values()) != sorted(second.values())


def test_each_release_has_date_line_signing_and_byline(tmp_path: Path) -> None:
    for name, data in _snapshot(generate_corpus(tmp_path, n=40, seed=3)).items():
        text = data.decode("utf-8")
        assert DATE_LINE.search(text), name
        assert SIGNING.search(text), name
        assert BYLINE.search(text), name
        assert "{" not in text and "}" not in text, name
        assert 200 <= len(text.split()) <= 450, name


def test_zero_releases(tmp_path: Path) -> None:
    out = generate_corpus(tmp_path / "empty", n=0)
    assert not any(out.rglob("*.txt"))


def test_negative_n_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate_corpus(tmp_path, n=-1)


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "cli"), "-n", "3", "--seed", "2"]) == 0
    assert len(list((tmp_path / "cli").rglob("*.txt"))) == 3
    assert "wrote 3 releases" in capsys.readouterr().out
