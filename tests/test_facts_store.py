"""Tests of helpers.facts_store: facts stored as typed columns, generically, and read back equal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

import pyarrow as pa
import pytest

from helpers.config import RAW_DATA_DIR
from helpers.extract.document import DocFacts, extract_document
from helpers.facts_store import FactsStore, codec, dumps, from_columns, layout, loads, to_columns
from helpers.ingest import RawDocument, read_corpus


@pytest.fixture(scope="module")
def sample_facts() -> list[DocFacts]:
    return [extract_document(d) for d in read_corpus(RAW_DATA_DIR) if isinstance(d, RawDocument)]


def _meta(facts) -> dict[str, list[str]]:
    return {"fingerprint": [f"fp{i}" for i in range(len(facts))], "file": [f.doc.path for f in facts],
            "stat": ["1:2:x"] * len(facts)}


def test_sample_facts_come_back_equal(sample_facts):
    assert len(sample_facts) > 30
    back = from_columns(DocFacts, to_columns(sample_facts, _meta(sample_facts)))
    assert back == sample_facts
    assert any(ev.roles for f in back for ev in f.events)
    assert all(isinstance(ev.sentence, tuple) for f in back for ev in f.events)
    assert all(isinstance(lp.aliases, set) for f in back for lp in f.people.values())


def test_columns_follow_the_annotations(sample_facts):
    tables = to_columns(sample_facts[:3], _meta(sample_facts[:3]))
    assert set(tables) == {"docs", "people", "orgs", "events"}
    assert tables["orgs"].schema.field("f_name").type == pa.string()
    assert tables["orgs"].schema.field("f_aliases").type == pa.list_(pa.string())
    assert tables["docs"].schema.field("f_words").type == pa.int64()
    assert tables["docs"].schema.field("doc.f_published").type == pa.string()  # a date: tagged JSON


@dataclass
class _Place:
    key: str
    label: str
    visited: set[str] = field(default_factory=set)
    span: tuple[int, int] = (0, 0)
    weight: float | None = None


@dataclass
class _Facts:
    doc: RawDocument
    places: dict[str, _Place]
    trail: list[_Place] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    when: object = None


def test_a_new_field_flows_through_without_naming_it():
    """Any facts dataclass is stored field by field: a field added to one needs no code here."""
    doc = RawDocument(path="a.txt", text="x", published=dt.date(2024, 5, 1), authors=["A B"])
    facts = [_Facts(doc, {"p": _Place("p", "Port", {"x", "y"}, (3, 9), 0.5)}, [_Place("q", "Quay")],
                    {"n": 2}, dt.datetime(2024, 5, 1, 12, 30))]
    assert [name for name, *_ in layout(_Facts)] == [f.name for f in dataclasses.fields(_Facts)]
    back = from_columns(_Facts, to_columns(facts, {"fingerprint": ["f"]}))
    assert back == facts and isinstance(back[0].places["p"].span, tuple)


def test_keep_selects_releases(sample_facts):
    tables = to_columns(sample_facts, _meta(sample_facts))
    keep = {(sample_facts[1].doc.path, "fp1")}
    assert from_columns(DocFacts, tables, keep) == [sample_facts[1]]


def test_values_of_unknown_types_are_refused():
    with pytest.raises(TypeError, match="cannot store a object"):
        dumps(object())


def test_json_tags_round_trip():
    value = {"d": dt.date(2020, 1, 2), "s": {"b", "a"}, "t": dt.datetime(2020, 1, 2, 3, 4)}
    assert loads(dumps(value)) == value
    assert codec(tuple[int, int]).dec("[1,2]") == (1, 2)
    assert codec(list[tuple]).dec('[["a",null,1]]') == [("a", None, 1)]


def test_parts_are_named_by_content_and_committed(sample_facts, tmp_path):
    store = FactsStore(tmp_path)
    a = store.write_part(sample_facts[:5], _meta(sample_facts[:5]))
    assert store.write_part(list(reversed(sample_facts[:5])),
                            {k: list(reversed(v)) for k, v in _meta(sample_facts[:5]).items()}) == a
    b = store.write_part(sample_facts[5:9], _meta(sample_facts[5:9]))
    assert store.parts() == []  # nothing committed yet
    store.commit([b])
    assert store.parts() == [b] and not (store.root / a).exists()
    index = store.committed_index()
    assert set(index) == {f.doc.path for f in sample_facts[5:9]}
    assert {entry[1] for entry in index.values()} == {b}
    assert not [p for p in store.root.iterdir() if p.name.startswith(".")]


def test_compact_drops_releases(sample_facts, tmp_path):
    store = FactsStore(tmp_path)
    part = store.write_part(sample_facts[:6], _meta(sample_facts[:6]))
    gone = {sample_facts[0].doc.path, sample_facts[3].doc.path}
    smaller = store.compact(DocFacts, part, gone)
    assert smaller != part
    assert {f.doc.path for f in store.facts(DocFacts, smaller)} == {f.doc.path for f in sample_facts[:6]} - gone


def test_a_broken_parts_list_is_no_parts(tmp_path):
    store = FactsStore(tmp_path)
    store.root.mkdir(parents=True)
    (store.root / "parts.json").write_text("{not json")
    assert store.parts() == [] and store.committed_index() == {}
