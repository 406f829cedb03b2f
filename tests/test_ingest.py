"""Tests of helpers.ingest: reading text, Markdown, HTML and record exports, manifests, bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from helpers.cli import main
from helpers.errors import CorpusError
from helpers.ingest import (
    MAX_FILE_BYTES,
    RawDocument,
    Skipped,
    corpus_files,
    load_manifest,
    read_corpus,
)

RELEASES = Path(__file__).parent / "fixtures" / "releases"
BODY = ("The Lakeside University rowing team won the regional cup on Saturday after a close race "
        "on the river, its first title in ten years.")
GOOD = f"Lakeside rowers win the regional cup\n\n{BODY}\n"


def _read(corpus: Path, manifest: dict | None = None) -> dict[str, RawDocument | Skipped]:
    """read_corpus keyed by path."""
    return {item.path: item for item in read_corpus(corpus, manifest)}


def _docs(items: dict) -> dict[str, RawDocument]:
    return {k: v for k, v in items.items() if isinstance(v, RawDocument)}


def _skipped(items: dict) -> dict[str, str]:
    return {k: v.reason for k, v in items.items() if isinstance(v, Skipped)}


# --- the fixture releases, one per format -----------------------------------------------------


@pytest.fixture(scope="module")
def fixtures() -> dict[str, RawDocument | Skipped]:
    return _read(RELEASES)


def test_fixture_corpus_reads_every_release(fixtures):
    assert _skipped(fixtures) == {}
    assert sorted(_docs(fixtures)) == [
        "2021-lakeside-orbitek.txt", "2021-orbitek-lakeside.md",
        "2022-rivertown-science-association.txt", "2023-exports.jsonl#1", "2023-exports.jsonl#2",
        "2024-page.html"]


def test_reads_plain_text(fixtures):
    doc = fixtures["2021-lakeside-orbitek.txt"]
    assert doc.title == ("Lakeside University and Orbitek Space Corporation sign strategic "
                         "cooperation agreement")
    assert doc.published == dt.date(2021, 3, 12)
    assert doc.source == "Lakeside University"
    assert doc.authors == ["Ellen Marsh", "Jonah Pike", "Wen Li"]
    assert doc.text.startswith("A strategic cooperation agreement between Lakeside University")
    assert doc.text.endswith("working on electric thrusters.")
    for furniture in ("Big Stories", "Written by", "Edited by", "Address:", "Tel:", "©", "2019"):
        assert furniture not in doc.text


def test_reads_markdown(fixtures):
    doc = fixtures["2021-orbitek-lakeside.md"]
    assert doc.title == "Orbitek and Lakeside University join forces on space talent (with photos)"
    assert doc.published == dt.date(2021, 3, 12)
    assert doc.source == "Orbitek Space Corporation"
    assert doc.text.startswith("Orbitek Space Corporation (OSC) has signed")
    for furniture in ("](", "Home", "Newsroom", "**", "press@", "©", "All rights reserved"):
        assert furniture not in doc.text


def test_markdown_front_matter_gives_metadata(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Rowers win\nurl: https://lsu.example.edu/rowing\npublished: 2022-04-02\n"
        "source: Lakeside University\nauthors: Ellen Marsh; Jonah Pike\n---\n\n" + GOOD)
    doc = _read(tmp_path)["a.md"]
    assert (doc.title, doc.url, doc.published, doc.source) == (
        "Rowers win", "https://lsu.example.edu/rowing", dt.date(2022, 4, 2), "Lakeside University")
    assert doc.authors == ["Ellen Marsh", "Jonah Pike"]
    assert doc.text == BODY


def test_markdown_bad_front_matter_is_ignored(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\n\n" + GOOD)
    doc = _read(tmp_path)["a.md"]
    assert isinstance(doc, RawDocument) and doc.text == BODY


def test_reads_html_main_text(fixtures):
    doc = fixtures["2024-page.html"]
    assert doc.title == "Westbrook Institute of Technology and Orbitek sign MoU on satellite data"
    assert doc.published == dt.date(2024, 5, 21)
    assert doc.url == "https://www.westbrook.example.edu/news/2024/orbitek-mou"
    assert doc.source == "Westbrook Institute of Technology"
    assert doc.text.startswith("The Westbrook Institute of Technology (WIT) and Orbitek")
    assert "flood mapping" in doc.text
    for furniture in ("Contact us", "Related news", "open day", "Mill Lane", "Tel:", "rights"):
        assert furniture not in doc.text


def test_reads_jsonl_records(fixtures):
    visit, mou = fixtures["2023-exports.jsonl#1"], fixtures["2023-exports.jsonl#2"]
    assert visit.title == "Northern Science Association delegation visits Lakeside University"
    assert (visit.url, visit.published, visit.source) == (
        "https://news.lakeside.example.edu/2023/nsa-visit", dt.date(2023, 2, 16),
        "Lakeside University")
    assert mou.published == dt.date(2023, 9, 7)
    assert "Amina Wanjiru" in mou.text


def test_record_keeps_its_first_paragraph(fixtures):
    # The record gives its title, so no line of `text` is a title: the lead must stay.
    mou = fixtures["2023-exports.jsonl#2"]
    assert mou.text.startswith("Lakeside University (LSU) and Kiruma University of Kenya signed")


def test_one_paragraph_record_is_read(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "Rowers win", "text": BODY}) + "\n")
    assert _read(tmp_path)["a.jsonl#1"].text == BODY


def test_reads_json_list_and_csv(tmp_path):
    records = [{"title": "Rowers win", "text": GOOD, "published": "2022-04-02"},
               {"title": "Rowers win again", "text": GOOD, "url": "https://x.example/2"}]
    (tmp_path / "a.json").write_text(json.dumps(records))
    (tmp_path / "b.json").write_text(json.dumps({"records": records}))
    (tmp_path / "c.csv").write_text('title,published,text\nRowers win,2022-04-02,"' + GOOD + '"\n')
    docs = _docs(_read(tmp_path))
    assert sorted(docs) == ["a.json#1", "a.json#2", "b.json#1", "b.json#2", "c.csv#1"]
    assert docs["a.json#1"].published == dt.date(2022, 4, 2) == docs["c.csv#1"].published
    assert docs["a.json#2"].url == "https://x.example/2"
    assert docs["c.csv#1"].title == "Rowers win" and BODY in docs["c.csv#1"].text


def test_corpus_files_order_and_skips(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.html", "README.md", "notes.docx", ".hidden/d.txt",
                 "_drafts/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD)
    names = [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)]
    assert names == ["a.md", "b.txt", "sub/c.html"]


def test_corpus_files_missing_folder(tmp_path):
    with pytest.raises(CorpusError, match="nowhere"):
        corpus_files(tmp_path / "nowhere")


# --- manifests ----------------------------------------------------------------------------------


def _corpus_for_manifest(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Mar 1, 2021\n\n" + GOOD)
    (corpus / "e.jsonl").write_text(json.dumps({"title": "Rowers", "text": GOOD}) + "\n")
    return corpus


def _assert_overridden(docs: dict[str, RawDocument]) -> None:
    a, rec = docs["a.txt"], docs["e.jsonl#1"]
    assert (a.url, a.published, a.source) == (
        "https://lsu.example.edu/a", dt.date(2021, 3, 5), "Lakeside University")
    assert (rec.url, rec.published, rec.source) == (
        "https://lsu.example.edu/e", dt.date(2020, 1, 2), "Lakeside News Office")


def test_manifest_csv_overrides(tmp_path):
    corpus = _corpus_for_manifest(tmp_path)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,url,published,source\n"
        "./a.txt,https://lsu.example.edu/a,2021-03-05,Lakeside University\n"
        "e.jsonl#1,https://lsu.example.edu/e,2020-01-02,Lakeside News Office\n", encoding="utf-8-sig")
    _assert_overridden(_docs(_read(corpus, load_manifest(manifest))))


def test_manifest_jsonl_overrides(tmp_path):
    corpus = _corpus_for_manifest(tmp_path)
    manifest = tmp_path / "manifest.jsonl"
    rows = [{"path": "a.txt", "url": "https://lsu.example.edu/a", "published": "5 March 2021",
             "source": "Lakeside University"},
            {"path": "e.jsonl#1", "url": "https://lsu.example.edu/e", "published": "2020-01-02",
             "source": "Lakeside News Office"}]
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    _assert_overridden(_docs(_read(corpus, load_manifest(manifest))))


def test_manifest_empty_cells_keep_file_metadata(tmp_path):
    corpus = _corpus_for_manifest(tmp_path)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,url,published,source\na.txt,,,\n")
    doc = _docs(_read(corpus, load_manifest(manifest)))["a.txt"]
    assert (doc.url, doc.published, doc.source) == (None, dt.date(2021, 3, 1), None)


def test_no_manifest(tmp_path):
    assert load_manifest(None) == {}


@pytest.mark.parametrize("name, content", [
    ("m.csv", "url,published\nhttps://x.example,2021-01-01\n"),  # no path column
    ("m.jsonl", '{"path": "a.txt"}\n{"path": \n'),                  # malformed line
    ("m.jsonl", '["a.txt"]\n'),                                     # row is not an object
])
def test_bad_manifest(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    with pytest.raises(CorpusError, match=name):
        load_manifest(tmp_path / name)


def test_missing_or_binary_manifest(tmp_path):
    with pytest.raises(CorpusError, match="absent.csv"):
        load_manifest(tmp_path / "absent.csv")
    (tmp_path / "m.csv").write_bytes(b"path\n\xff\xfe\x00")
    with pytest.raises(CorpusError, match="m.csv"):
        load_manifest(tmp_path / "m.csv")


# --- bad input: one Skipped each, the good files still come through -----------------------------

BAD_FILES = {
    "empty.txt": "empty file",
    "binary.txt": "binary file (NUL bytes)",
    "latin1.txt": "not UTF-8 (invalid byte 0xe8 at offset 137)",
    "huge.txt": "file too large (10,485,761 bytes; the limit is 10,485,760)",
    "broken.html": "no release text after cleaning",
    "mixed.jsonl#2": "malformed JSON record (Expecting property name enclosed in double quotes)",
    "scalar.json": "JSON must hold a record or a list of records",
}


def _bad_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "latin1.txt").write_bytes(GOOD.replace("river", "rivière").encode("latin-1"))
    with open(corpus / "huge.txt", "wb") as fh:  # sparse: over the limit without writing 10 MB
        fh.write(GOOD.encode())
        fh.truncate(MAX_FILE_BYTES + 1)
    (corpus / "broken.html").write_text("<html><body><div><p>unclosed <b><<<</div")
    (corpus / "mixed.jsonl").write_text(
        json.dumps({"title": "One", "text": GOOD}) + "\n{not json\n"
        + json.dumps({"title": "Three", "text": GOOD}) + "\n")
    (corpus / "scalar.json").write_text('"just a string"')
    return corpus


def test_bad_files_are_skipped_with_reasons(tmp_path):
    items = _read(_bad_corpus(tmp_path))
    assert sorted(_docs(items)) == ["good.txt", "mixed.jsonl#1", "mixed.jsonl#3"]
    skipped = _skipped(items)
    assert sorted(skipped) == sorted(BAD_FILES)
    assert skipped == BAD_FILES


@pytest.mark.parametrize("content, reason", [
    ('42', "JSON must hold a record or a list of records"),
    ('{"records": "none"}', "JSON must hold a record or a list of records"),
    ('[{"text": ', "malformed JSON (line 1: Expecting value)"),
])
def test_json_that_is_not_records(tmp_path, content, reason):
    (tmp_path / "a.json").write_text(content)
    (tmp_path / "b.txt").write_text(GOOD)
    items = list(read_corpus(tmp_path))
    assert [type(i).__name__ for i in items] == ["Skipped", "RawDocument"]
    assert (items[0].path, items[0].reason) == ("a.json", reason)


def test_records_without_text_are_skipped(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([1, {"title": "no text"}, {"text": GOOD}]))
    items = _read(tmp_path)
    assert _skipped(items) == {"a.json#1": "record is not an object",
                               "a.json#2": "record has no `text`"}
    assert list(_docs(items)) == ["a.json#3"]


def test_extract_warns_once_per_bad_file(tmp_path, capsys):
    corpus = _bad_corpus(tmp_path)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "-q"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert len(warnings) == len(BAD_FILES)
    for path in BAD_FILES:
        assert sum(path in line for line in warnings) == 1, (path, warnings)
    assert (out / "documents.parquet").exists()


def test_extract_missing_corpus(tmp_path, capsys):
    missing = tmp_path / "no-such-corpus"
    assert main(["extract", str(missing), "--out", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("accords: error: ") and str(missing) in err[0]
    assert not (tmp_path / "out").exists()
