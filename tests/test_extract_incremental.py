"""Incremental extraction: a re-run reuses the facts of unchanged releases and gives the tables of a fresh run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import table_digests

import helpers.extract
from helpers.cli import main
from helpers.config import RAW_DATA_DIR
from helpers.extract import extract_corpus
from helpers.synth import generate_corpus


@pytest.fixture(scope="module")
def pool(tmp_path_factory) -> Path:
    """Generated releases to build corpora from."""
    return generate_corpus(tmp_path_factory.mktemp("pool") / "releases", n=130, seed=21)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.txt"))


@pytest.fixture
def corpus(pool, tmp_path) -> Path:
    """A corpus of 100 of the generated releases plus the sample corpus (text, HTML and exports)."""
    out = tmp_path / "corpus"
    shutil.copytree(RAW_DATA_DIR, out / "sample")
    for p in _files(pool)[:100]:
        target = out / "gen" / p.relative_to(pool)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, target)
    return out


def _fresh(corpus: Path, out: Path) -> dict[str, str]:
    extract_corpus(corpus, out, part_size=16)
    return table_digests(out)


def _meta(out: Path) -> dict:
    return json.loads((out / "extract.json").read_text())


def _counting(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = helpers.extract.extract_document

    def counted(doc, *args, **kwargs):
        seen.append(doc.path)
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(helpers.extract, "extract_document", counted)
    return seen


def test_adding_releases_extracts_only_those(corpus, pool, tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract_corpus(corpus, out, part_size=16)
    n = _meta(out)["documents"]
    for p in _files(pool)[100:103]:
        shutil.copy2(p, corpus / "gen" / p.name)
    seen = _counting(monkeypatch)
    summary = extract_corpus(corpus, out, part_size=16)
    assert sorted(seen) == sorted(f"gen/{p.name}" for p in _files(pool)[100:103])
    meta = _meta(out)
    assert (meta["added"], meta["changed"], meta["removed"], meta["reused"]) == (3, 0, 0, n)
    assert summary.documents == n + 3 and "3 added" in summary.line()
    assert table_digests(out) == _fresh(corpus, tmp_path / "fresh")


def test_editing_and_removing_releases(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract_corpus(corpus, out, part_size=16)
    gen = _files(corpus / "gen")
    gen[0].unlink()
    gen[40].write_text(gen[40].read_text().replace("signed", "inked", 1) + "\nA late line.\n")
    records = corpus / "sample" / "exports" / "newswire-2021-2022.jsonl"
    lines = records.read_text().splitlines()
    records.write_text("\n".join(lines[:-1]) + "\n")  # the last record of an export removed
    seen = _counting(monkeypatch)
    extract_corpus(corpus, out, part_size=16)
    meta = _meta(out)
    assert (meta["changed"], meta["removed"], meta["added"]) == (1, 2, 0)
    assert seen == [gen[40].relative_to(corpus).as_posix()]
    assert table_digests(out) == _fresh(corpus, tmp_path / "fresh")
    store = out / ".accords-facts"
    listed = json.loads((store / "parts.json").read_text())["parts"]
    assert sorted(p.name for p in store.iterdir() if p.is_dir()) == sorted(listed)  # no stale parts


def test_an_unchanged_corpus_is_not_read_again(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract_corpus(corpus, out, part_size=16)
    before = table_digests(out)
    import helpers.ingest

    reads: list[str] = []
    real = helpers.ingest._decode
    monkeypatch.setattr(helpers.ingest, "_decode", lambda path, data: reads.append(path.name) or real(path, data))
    seen = _counting(monkeypatch)
    extract_corpus(corpus, out, part_size=16)
    assert reads == [] and seen == []
    assert _meta(out)["reused"] == _meta(out)["documents"]
    assert table_digests(out) == before


def test_touched_file_with_the_same_text_is_reused(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract_corpus(corpus, out, part_size=16)
    path = _files(corpus / "gen")[5]
    path.write_text(path.read_text())
    seen = _counting(monkeypatch)
    extract_corpus(corpus, out, part_size=16)
    assert seen == [] and _meta(out)["changed"] == 0


def test_full_extracts_everything_again(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "-q"]) == 0
    before = table_digests(out)
    seen = _counting(monkeypatch)
    assert main(["extract", str(corpus), "--out", str(out), "-q", "--full"]) == 0
    assert len(seen) == _meta(out)["documents"] and _meta(out)["reused"] == 0
    assert table_digests(out) == before


def test_another_taxonomy_extracts_everything_again(corpus, tmp_path, monkeypatch):
    from helpers.config import LEXICON_DIR

    out = tmp_path / "out"
    extract_corpus(corpus, out)
    taxonomy = tmp_path / "themes.yml"
    taxonomy.write_text((LEXICON_DIR / "themes.yml").read_text() + "\n# edited\n")
    seen = _counting(monkeypatch)
    extract_corpus(corpus, out, taxonomy=taxonomy)
    assert len(seen) == _meta(out)["documents"]


def test_a_crash_while_re_resolving_leaves_tables_and_facts_usable(corpus, pool, tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract_corpus(corpus, out, part_size=16)
    before = table_digests(out)
    shutil.copy2(_files(pool)[120], corpus / "gen" / "late.txt")

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    with monkeypatch.context() as m:
        m.setattr(helpers.extract, "write_streamed", boom)
        with pytest.raises(RuntimeError, match="boom"):
            extract_corpus(corpus, out, part_size=16)
    assert table_digests(out) == before
    extract_corpus(corpus, out, part_size=16)
    assert _meta(out)["added"] == 1
    assert table_digests(out) == _fresh(corpus, tmp_path / "fresh")


def test_the_last_chunk_is_shared_out_between_the_workers():
    from helpers.extract import _shared_out

    docs = [f"doc{i}" for i in range(250)]
    meta = {"fingerprint": [f"fp{i}" for i in range(250)]}
    pieces = list(_shared_out(docs, meta, workers=2))
    assert [len(d) for d, _ in pieces] == [125, 125]
    assert [x for d, _ in pieces for x in d] == docs and pieces[1][1]["fingerprint"][0] == "fp125"
    assert [len(d) for d, _ in _shared_out(docs[:150], {"fingerprint": meta["fingerprint"][:150]}, 2)] == [150]
    assert list(_shared_out([], {"fingerprint": []}, 2)) == []
