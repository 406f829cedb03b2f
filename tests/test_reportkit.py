"""Reports load only what they show: documents.text stays on disk until a cell asks for some texts."""

from __future__ import annotations

import pytest

from helpers import reportkit
from helpers.config import RAW_DATA_DIR
from helpers.extract import extract_corpus
from helpers.themes import theme_evidence


@pytest.fixture(scope="module")
def tables_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    extract_corpus(RAW_DATA_DIR, out)
    return out


def test_load_tables_leaves_the_text_out(tables_dir):
    lean = reportkit.load_tables(str(tables_dir))
    full = reportkit.load_tables(str(tables_dir), text=True)
    assert lean["documents"]["text"].isna().all()
    assert full["documents"]["text"].str.len().gt(0).all()
    for name, column in (("participants", "sentence"), ("mentions", "text")):
        assert lean[name][column].isna().all() and full[name][column].notna().any(), name
        assert lean[name].drop(columns=column).equals(full[name].drop(columns=column)), name
    assert lean["documents"].drop(columns="text").equals(full["documents"].drop(columns="text"))
    assert list(lean["documents"].columns) == list(full["documents"].columns)


def test_document_texts_reads_the_asked_documents(tables_dir):
    full = reportkit.load_tables(str(tables_dir), text=True)["documents"]
    texts = reportkit.DocumentTexts(str(tables_dir))
    first, second = full["doc_id"].iloc[0], full["doc_id"].iloc[1]
    assert texts.get(first) == full["text"].iloc[0]
    assert set(texts.cache) == {first}
    texts.load([second, "d-nosuchdoc"])
    assert texts.get(second) == full["text"].iloc[1] and texts.get("d-nosuchdoc", "none") is None


def test_theme_evidence_from_lazily_read_texts(tables_dir):
    full = reportkit.load_tables(str(tables_dir), text=True)
    lean = reportkit.load_tables(str(tables_dir))
    expected = theme_evidence(full["themes"], full["documents"], full["events"])
    got = theme_evidence(lean["themes"], lean["documents"].drop(columns="text"), lean["events"],
                         texts=reportkit.DocumentTexts(str(tables_dir)))
    assert not expected.empty and got.equals(expected)
