"""Corpora at an fsspec URL: walked, read, and re-read incrementally as local folders are."""

from __future__ import annotations

import shutil
import uuid

import fsspec
import pytest
from support import table_digests

from helpers.cli import main
from helpers.config import RAW_DATA_DIR
from helpers.errors import CorpusError
from helpers.extract import extract_corpus
from helpers.ingest import corpus_files, read_corpus
from helpers.remote import is_url, stat_of


@pytest.fixture
def memory_corpus():
    """The sample corpus copied into fsspec's in-memory filesystem, with a hidden file beside it."""
    fs = fsspec.filesystem("memory")
    root = f"/corpus-{uuid.uuid4().hex[:8]}"
    for path in sorted(RAW_DATA_DIR.rglob("*")):
        if path.is_file():
            fs.pipe_file(f"{root}/{path.relative_to(RAW_DATA_DIR).as_posix()}", path.read_bytes())
    fs.pipe_file(f"{root}/.hidden/skip.txt", b"not a release")
    yield fs, root
    fs.rm(root, recursive=True)


def test_urls_are_told_from_paths():
    assert is_url("s3://bucket/releases") and is_url("memory://corpus")
    assert not is_url("data/raw") and not is_url("file:///data/raw") and not is_url(RAW_DATA_DIR)


def test_a_url_corpus_reads_as_the_same_folder_does(memory_corpus):
    fs, root = memory_corpus
    local = [(d.path, d.text) for d in read_corpus(RAW_DATA_DIR)]
    remote = [(d.path, d.text) for d in read_corpus(f"memory://{root}")]
    assert remote == local and len(local) > 30


def test_a_url_corpus_gives_the_tables_of_the_local_folder(memory_corpus, tmp_path, monkeypatch):
    fs, root = memory_corpus
    extract_corpus(RAW_DATA_DIR, tmp_path / "local")
    assert main(["extract", f"memory://{root}", "--out", str(tmp_path / "remote"), "-q"]) == 0
    assert table_digests(tmp_path / "remote") == table_digests(tmp_path / "local")
    first = sorted(p.relative_to(RAW_DATA_DIR).as_posix() for p in RAW_DATA_DIR.rglob("*.txt"))[0]
    fs.rm(f"{root}/{first}")  # a re-run reuses the rest and drops the removed release
    again = extract_corpus(f"memory://{root}", tmp_path / "remote")
    assert again.changes["removed"] == 1 and again.changes["reused"] > 30 and again.changes["added"] == 0
    shutil.rmtree(tmp_path / "fresh", ignore_errors=True)
    extract_corpus(f"memory://{root}", tmp_path / "fresh")
    assert table_digests(tmp_path / "remote") == table_digests(tmp_path / "fresh")


def test_unreachable_urls_are_one_clear_error(tmp_path, capsys):
    with pytest.raises(CorpusError, match="memory:///nowhere-at-all: corpus folder not found"):
        extract_corpus("memory:///nowhere-at-all", tmp_path / "out")
    with pytest.raises(CorpusError, match="cannot open this URL"):
        extract_corpus("nosuchprotocol://x/y", tmp_path / "out")
    assert main(["extract", str(RAW_DATA_DIR), "--out", "memory://tables"]) == 2
    assert "the tables go to a local folder" in capsys.readouterr().err
    with pytest.raises(CorpusError, match="nowhere"):
        corpus_files(tmp_path / "nowhere")


def test_a_file_without_a_change_marker_always_counts_as_changed():
    assert stat_of({"size": 5, "mtime": 17}).st_mtime_ns == "17"
    assert stat_of({"size": 5}).st_mtime_ns != stat_of({"size": 5}).st_mtime_ns
