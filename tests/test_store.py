"""Tests of helpers.store: the contract schemas and atomic Parquet writing and reading."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers.errors import CorpusError
from helpers.store import SCHEMAS, TABLES, empty_table, read_tables, to_arrow, write_tables

CONTRACT = {
    "documents": ["doc_id", "path", "url", "title", "published", "source", "authors", "text",
                  "n_words"],
    "events": ["event_id", "doc_id", "kind", "date", "date_text", "date_precision", "location",
               "agreement", "sentence", "start", "end", "cluster_id"],
    "organizations": ["org_id", "name", "acronym", "kind", "aliases"],
    "people": ["person_id", "name", "aliases"],
    "participants": ["event_id", "doc_id", "person_id", "org_id", "title", "role", "sentence",
                     "start", "end"],
    "mentions": ["doc_id", "kind", "entity_id", "text", "start", "end"],
    "themes": ["doc_id", "event_id", "theme", "score", "terms"],
}


def _tables(title: str = "Lakeside and Orbitek sign agreement") -> dict[str, pd.DataFrame]:
    """Three-row-at-most tables for every contract table."""
    text = "Lakeside University and Orbitek signed an agreement on March 9th."
    return {
        "documents": pd.DataFrame([{
            "doc_id": "d-1", "path": "a.txt", "url": None, "title": title,
            "published": dt.date(2021, 3, 12), "source": "Lakeside University",
            "authors": ["Ellen Marsh", "Wen Li"], "text": text, "n_words": 10}]),
        "events": pd.DataFrame([{
            "event_id": "e-1", "doc_id": "d-1", "kind": "signing", "date": dt.date(2021, 3, 9),
            "date_text": "March 9th", "date_precision": "day", "year_source": "published",
            "location": None, "agreement": "agreement", "sentence": text, "start": 0,
            "end": len(text), "cluster_id": "c-1"}]),
        "organizations": pd.DataFrame([
            {"org_id": "o-1", "name": "Lakeside University", "acronym": "LSU", "kind": "university",
             "aliases": ["LSU"], "n_documents": 1},
            {"org_id": "o-2", "name": "Orbitek Space Corporation", "acronym": None,
             "kind": "company", "aliases": [], "n_documents": 1}]),
        "people": pd.DataFrame([{"person_id": "p-1", "name": "Mei Tanaka",
                                 "aliases": ["Professor Mei Tanaka"], "n_documents": 1}]),
        "participants": pd.DataFrame([
            {"event_id": "e-1", "doc_id": "d-1", "person_id": None, "org_id": "o-1",
             "title": None, "role": "party", "sentence": text, "start": 0, "end": len(text)}]),
        "mentions": pd.DataFrame([
            {"doc_id": "d-1", "kind": "organization", "entity_id": "o-1",
             "text": "Lakeside University", "start": 0, "end": 19}]),
        "themes": pd.DataFrame([{"doc_id": "d-1", "event_id": None, "theme": "domain:aerospace",
                                 "score": 0.5, "terms": ["space"]}]),
    }


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_schemas_hold_the_contract_columns():
    assert tuple(CONTRACT) == TABLES
    for name, columns in CONTRACT.items():
        assert set(columns) <= set(SCHEMAS[name].names), name


def test_empty_table_has_the_columns():
    frame = empty_table("events")
    assert frame.empty and list(frame.columns) == SCHEMAS["events"].names


def test_round_trip(tmp_path):
    tables = _tables()
    write_tables(tables, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.parquet" for n in TABLES)
    back = read_tables(tmp_path)
    for name in TABLES:
        assert pq.read_schema(tmp_path / f"{name}.parquet").remove_metadata().equals(
            SCHEMAS[name]), name
        assert list(back[name].columns) == SCHEMAS[name].names
        assert len(back[name]) == len(tables[name])
    doc = back["documents"].iloc[0]
    assert doc["published"] == dt.date(2021, 3, 12) and pd.isna(doc["url"])  # None, or NaN in pandas 3
    assert list(doc["authors"]) == ["Ellen Marsh", "Wen Li"]
    assert list(back["organizations"]["aliases"].iloc[1]) == []
    assert back["events"]["end"].dtype == "int64" and back["themes"]["score"].iloc[0] == 0.5


def test_missing_tables_are_written_empty_and_extra_columns_kept(tmp_path):
    frame = _tables()["people"].assign(note="x")
    write_tables({"people": frame}, tmp_path, meta={"documents": 0})
    back = read_tables(tmp_path)
    assert back["documents"].empty and list(back["documents"].columns) == SCHEMAS["documents"].names
    assert back["people"]["note"].tolist() == ["x"]
    assert json.loads((tmp_path / "extract.json").read_text()) == {"documents": 0}


def test_identical_input_gives_identical_bytes(tmp_path):
    write_tables(_tables(), tmp_path / "a", meta={"documents": 1})
    write_tables(_tables(), tmp_path / "b", meta={"documents": 1})
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def test_rewrite_replaces_tables(tmp_path):
    write_tables(_tables("first"), tmp_path)
    write_tables(_tables("second"), tmp_path)
    assert read_tables(tmp_path)["documents"]["title"].tolist() == ["second"]
    assert not list(tmp_path.glob(".*"))


def test_interrupted_write_leaves_previous_tables(tmp_path, monkeypatch):
    write_tables(_tables("first"), tmp_path, meta={"run": 1})
    before = _snapshot(tmp_path)
    real = pq.ParquetWriter.write_table
    calls = []

    def flaky(self, table, *args, **kwargs):
        calls.append(table)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", flaky)
    with pytest.raises(OSError, match="disk full"):
        write_tables(_tables("second"), tmp_path, meta={"run": 2})
    assert len(calls) == 3
    assert _snapshot(tmp_path) == before  # same files, same bytes, no temporary files


def test_interrupted_first_write_leaves_nothing(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pq.ParquetWriter, "write_table", boom)
    with pytest.raises(KeyboardInterrupt):
        write_tables(_tables(), tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_read_tables_names_the_missing_table(tmp_path):
    write_tables(_tables(), tmp_path)
    (tmp_path / "people.parquet").unlink()
    with pytest.raises(CorpusError, match="people.parquet"):
        read_tables(tmp_path)
    assert list(read_tables(tmp_path, ("documents",))) == ["documents"]


def test_read_tables_missing_folder(tmp_path):
    with pytest.raises(CorpusError, match="documents.parquet"):
        read_tables(tmp_path / "nowhere")


def test_unknown_table_name():
    with pytest.raises(KeyError):
        empty_table("document")
    with pytest.raises(KeyError):
        to_arrow("document", pd.DataFrame())


def test_wrong_column_type_is_refused(tmp_path):
    tables = _tables()
    tables["documents"]["n_words"] = ["many"]
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        write_tables(tables, tmp_path)
    assert list(tmp_path.iterdir()) == []
