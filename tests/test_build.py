"""The streamed build (helpers.extract.build) gives the tables of the in-memory build_tables, byte for byte."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from support import reference_tables, table_digests

import helpers.extract.build as build
from helpers.config import RAW_DATA_DIR
from helpers.extract import extract_corpus
from helpers.facts_store import FactsStore
from helpers.synth import generate_corpus

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("synth") / "corpus", n=240, seed=11)


def _corpus(name: str, generated: Path) -> Path:
    if name == "seeds" and not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the clone")
    return {"sample": RAW_DATA_DIR, "seeds": SEEDS, "generated": generated}[name]


@pytest.mark.parametrize("name", ["sample", "seeds", "generated"])
@pytest.mark.parametrize("part_size", [1000, 7])
def test_streamed_tables_equal_build_tables(name, part_size, generated, tmp_path, monkeypatch):
    corpus = _corpus(name, generated)
    if part_size == 7:  # many parts, many doc_id ranges and cluster buckets
        monkeypatch.setattr(build, "DOCS_PER_BUCKET", 5)
        monkeypatch.setattr(build, "DOCS_PER_CLUSTER_BUCKET", 20)
    expected = reference_tables(corpus, tmp_path / "memory")
    extract_corpus(corpus, tmp_path / "streamed", part_size=part_size)
    assert table_digests(tmp_path / "streamed") == expected


def test_generated_tables_are_not_trivial(generated, tmp_path):
    summary = extract_corpus(generated, tmp_path / "out", part_size=50)
    assert summary.documents == 240 and summary.events > 240 and summary.organizations > 50


def test_reports_of_one_signing_in_different_parts_share_a_cluster(tmp_path):
    extract_corpus(RAW_DATA_DIR, tmp_path / "out", part_size=3)
    events = pq.read_table(tmp_path / "out" / "events.parquet", columns=["doc_id", "cluster_id"]).to_pydict()
    docs_of: dict[str, set] = {}
    for doc, cluster in zip(events["doc_id"], events["cluster_id"]):
        docs_of.setdefault(cluster, set()).add(doc)
    assert any(len(docs) >= 2 for docs in docs_of.values())


def test_large_tables_are_cut_into_row_groups(generated, tmp_path, monkeypatch):
    import helpers.store as store

    monkeypatch.setattr(store, "ROW_GROUP_ROWS", 500)
    extract_corpus(generated, tmp_path / "out", part_size=60)
    meta = pq.read_metadata(tmp_path / "out" / "mentions.parquet")
    assert meta.num_row_groups > 1
    assert all(meta.row_group(i).num_rows == 500 for i in range(meta.num_row_groups - 1))


def test_bucket_bounds_split_doc_ids_in_order():
    bounds = build.bucket_bounds(7)
    assert len(bounds) == 6 and bounds == sorted(bounds)
    assert build.bucket_bounds(1) == []
    assert all(b.startswith("d-") and len(b) == 6 for b in bounds)


def test_empty_corpus_gives_empty_tables(tmp_path):
    corpus = tmp_path / "empty"
    corpus.mkdir()
    summary = extract_corpus(corpus, tmp_path / "out")
    assert summary.documents == 0
    for name, digest in table_digests(tmp_path / "out").items():
        assert pq.read_metadata(tmp_path / "out" / f"{name}.parquet").num_rows == 0, name
        assert digest


def _stats_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    real = build._read_stats

    def counting(part, root):
        reads.append(part)
        return real(part, root)

    monkeypatch.setattr(build, "_read_stats", counting)
    return reads


def _stored(generated: Path, out: Path) -> tuple[list[str], str]:
    """The parts and facts folder of the generated corpus extracted into `out` in parts of 60."""
    extract_corpus(generated, out, part_size=60)
    return FactsStore(out).parts(), str(FactsStore(out).root)


def test_merged_statistics_are_reused_for_the_parts_already_merged(generated, tmp_path, monkeypatch):
    parts, root = _stored(generated, tmp_path / "out")
    reads = _stats_reads(monkeypatch)
    cached, n_cached = build.resolve_entities(parts, root)
    assert reads == []  # every part's statistics came from the merged file
    (Path(root) / build.MERGED).unlink()
    fresh, n_fresh = build.resolve_entities(parts, root)
    assert sorted(reads) == sorted(parts) and n_cached == n_fresh == 240
    assert (cached.org_ids, cached.org_rows, cached.people_rows) == (fresh.org_ids, fresh.org_rows, fresh.people_rows)


def test_merged_statistics_of_a_part_no_longer_there_are_not_used(generated, tmp_path, monkeypatch):
    parts, root = _stored(generated, tmp_path / "out")
    reads = _stats_reads(monkeypatch)
    res, n = build.resolve_entities(parts[1:], root)  # a part was dropped: merge the rest again
    assert sorted(reads) == sorted(parts[1:]) and n < 240
    (Path(root) / build.MERGED).write_text("{not json", encoding="utf-8")
    reads.clear()
    again, _ = build.resolve_entities(parts[1:], root)  # an unreadable cache is only ignored
    assert sorted(reads) == sorted(parts[1:]) and again.org_rows == res.org_rows


def test_cut_points_equal_a_binary_search_of_the_ids_as_text():
    bounds = build.bucket_bounds(16)
    fixed = sorted(f"d-{i * 7919 % 65536:012x}" for i in range(300))  # one width: searched as bytes
    mixed = sorted(["d-1", "d-22", "d-f", "d-7a", "d-0003"])  # several widths: searched as text
    for ids in (fixed, mixed, fixed[:1]):
        chunked = pa.chunked_array([pa.array(ids[:2], pa.string()), pa.array(ids[2:], pa.string())])
        assert build._cut_points(chunked, bounds) == np.searchsorted(np.array(ids, dtype=object), bounds).tolist()
