"""Reports read only what they compute with, and a big corpus is cut where it is shown, saying so.

On the sample corpus the lean tables give the same figures as the whole tables; on a generated
corpus of a few thousand releases the tables are cut and their captions say by how much.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers import network, reading, reportkit, themes, timeline, trust
from helpers.config import RAW_DATA_DIR
from helpers.extract import extract_corpus
from helpers.synth import generate_corpus
from helpers.units import fold_units


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    extract_corpus(RAW_DATA_DIR, out)
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("generated")
    generate_corpus(root / "corpus", n=1500, seed=3)
    extract_corpus(root / "corpus", root / "tables")
    return root / "tables"


def test_report_columns_leave_long_text_on_disk_and_reduce_mentions(sample):
    lean = reading.report_columns(str(sample))
    assert "sentence" not in lean["events"] and "terms" not in lean["themes"]
    assert "text" not in lean["documents"] and "sentence" not in lean["participants"]
    men = pd.read_parquet(sample / "mentions.parquet")
    orgs = men[(men["kind"] == "organization") & men["entity_id"].notna()]
    expected = set(zip(orgs["doc_id"], orgs["entity_id"]))
    got = lean["mentions"]
    assert set(zip(got["doc_id"], got["entity_id"])) == expected and len(got) == len(expected)
    assert set(got["kind"]) == {"organization"}
    full = reportkit.load_tables(str(sample))
    for name, cols in reading.REPORT_COLUMNS.items():
        got, want = lean[name][list(cols)].copy(), full[name][list(cols)]
        for col in reading.CATEGORIES.get(name, ()):  # few distinct values: one code a row
            assert isinstance(got[col].dtype, pd.CategoricalDtype), (name, col)
            got[col] = got[col].astype(want[col].dtype)
        assert got.equals(want), name


def test_lean_tables_give_the_same_figures_as_whole_ones(sample):
    lean = reportkit.report_tables(str(sample))
    whole = reportkit.filter_tables(fold_units(reportkit.load_tables(str(sample), text=True)))
    sentences = reportkit.EventSentences(str(sample))
    args = ("organizations", "people")
    got = timeline.signings_table(lean["events"], lean["participants"], lean["documents"],
                                  *(lean[a] for a in args), sentences=sentences)
    want = timeline.signings_table(whole["events"], whole["participants"], whole["documents"],
                                   *(whole[a] for a in args))
    assert not want.empty and got.equals(want)
    got = themes.theme_evidence(themes.with_labels(lean["themes"]), lean["documents"], lean["events"],
                                texts=reportkit.DocumentTexts(str(sample)), sentences=sentences,
                                terms=reportkit.ThemeTerms(str(sample)))
    want = themes.theme_evidence(themes.with_labels(whole["themes"]), whole["documents"],
                                 whole["events"])
    assert not want.empty and got.equals(want)
    assert trust.trust_table(lean).equals(trust.trust_table(whole))


def test_signings_are_built_for_the_rows_shown_and_the_caption_says_how_many(generated):
    tables = reportkit.report_tables(str(generated))
    sentences = reportkit.EventSentences(str(generated))
    cols = (tables["events"], tables["participants"], tables["documents"], tables["organizations"],
            tables["people"])
    whole = timeline.signings_table(*cols, sentences=sentences)
    shown = timeline.signings_table(*cols, max_rows=50, sentences=sentences)
    assert len(whole) > 500 and len(shown) == 50 and shown.attrs["total"] == len(whole)
    assert shown.equals(whole.head(50))
    html = reportkit.show_table(shown, "Signings", max_rows=50)._repr_html_()
    assert f"Signings (first 50 of {len(whole):,} rows)" in html
    assert html.count("<tr>") <= 51


def test_communities_are_capped_and_the_rest_counted():
    graph = nx.Graph()
    for i in range(45):  # 45 separate stars: 45 communities
        for j in range(1, 3 + (i == 0) * 60):
            graph.add_edge(f"c{i:02d}", f"c{i:02d}-{j:02d}", weight=1)
    for node in graph:
        graph.nodes[node]["label"] = node
    table = network.communities_table(graph)
    assert len(table) == 30 and table.attrs["total"] == 45
    first = table.iloc[0]
    assert first["size"] == 63 and first["members"].endswith("… and 23 more")
    assert first["members"].count(",") == 39
    html = reportkit.show_table(table, "Communities")._repr_html_()
    assert "Communities (first 30 of 45 rows)" in html
    small = network.communities_table(graph, max_rows=None, max_members=None)
    assert len(small) == 45 and "more" not in small.iloc[0]["members"]


def test_keyed_rows_read_only_the_wanted_rows_of_a_file_or_a_folder_of_parts(tmp_path):
    table = pa.table({"doc_id": ["d3", "d1", "d4", "d2", "d5", "d0"], "text": list("cadbfz")})
    pq.write_table(table, tmp_path / "one.parquet", row_group_size=2)  # three groups, unsorted keys
    folder = tmp_path / "parts.parquet"
    folder.mkdir()
    pq.write_table(table.slice(0, 3), folder / "part-0.parquet", row_group_size=1)
    pq.write_table(table.slice(3), folder / "part-1.parquet", row_group_size=1)
    for path in (tmp_path / "one.parquet", folder):
        rows = reading.KeyedRows(path, "doc_id")
        got = rows.read(["d2", "d3", "d9"], ["doc_id", "text"])
        assert got.to_pydict() == {"doc_id": ["d3", "d2"], "text": ["c", "b"]}  # file and row order
        assert rows.read(["d9"], ["doc_id", "text"]).num_rows == 0
