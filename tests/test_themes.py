"""Theme report transforms: frequency, by year, by organisation, co-occurrence and evidence."""

from __future__ import annotations

import datetime as dt
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import themes
from helpers.store import to_arrow

MOST_TEXT = ("Beijing, 1 November 2021. The ministry and the Academy signed an agreement on "
             "quantum technology. A joint fund will support early-career researchers. "
             "Officials said AI was not discussed.")
ESA_TEXT = "ESA and CASC agreed to share lunar exploration data.\n\nTalent exchange will follow."
SJTU_TEXT = "上海交通大学与帝国理工学院签署协议。双方将合作研究电池材料。"


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A contract table with the types `read_tables` returns."""
    return to_arrow(name, pd.DataFrame(rows)).to_pandas()


def _theme(doc_id: str, event_id: str | None, theme: str, score: float, terms: list[str]) -> dict:
    return {"doc_id": doc_id, "event_id": event_id, "theme": theme, "score": score, "terms": terms}


@pytest.fixture
def t() -> dict[str, pd.DataFrame]:
    """Three releases: a 2021 quantum signing, an undated-event 2022 space release, an undated
    Chinese release."""
    docs = _table("documents", [
        {"doc_id": "d1", "path": "most/quantum.txt", "title": "China and Hungary sign pact",
         "published": dt.date(2021, 11, 2), "text": MOST_TEXT, "n_words": 30},
        {"doc_id": "d2", "path": "esa/lunar.html", "title": "Lunar data",
         "published": dt.date(2022, 4, 15), "text": ESA_TEXT, "n_words": 12},
        {"doc_id": "d3", "path": "sjtu/battery.txt", "title": "SJTU <and> Imperial",
         "published": None, "text": SJTU_TEXT, "n_words": 2},
    ])
    events = _table("events", [
        {"event_id": "e1", "doc_id": "d1", "kind": "signing", "date": dt.date(2021, 11, 1),
         "date_precision": "day", "cluster_id": "c1",
         "sentence": "The ministry and the Academy signed an agreement on quantum technology."},
        {"event_id": "e2", "doc_id": "d2", "kind": "signing", "date": None,
         "date_precision": "unknown", "cluster_id": "c2",
         "sentence": "ESA and CASC agreed to share lunar exploration data."},
    ])
    parts = _table("participants", [
        {"event_id": "e1", "doc_id": "d1", "org_id": "most", "role": "party"},
        {"event_id": "e1", "doc_id": "d1", "org_id": "has", "role": "party"},
        {"event_id": "e2", "doc_id": "d2", "org_id": "esa", "role": "party"},
        {"event_id": "e2", "doc_id": "d2", "org_id": "casc", "role": "party"},
    ])
    orgs = _table("organizations", [
        {"org_id": "most", "name": "Ministry of Science and Technology", "acronym": "MOST",
         "kind": "government"},
        {"org_id": "has", "name": "Hungarian Academy of Sciences", "kind": "research"},
        {"org_id": "esa", "name": "European Space Agency", "acronym": "ESA", "kind": "government"},
        {"org_id": "casc", "name": "China Aerospace Science and Technology Corporation",
         "acronym": "CASC", "kind": "company"},
    ])
    th = _table("themes", [
        _theme("d1", "e1", "domain:quantum", 0.9, ["quantum technology"]),
        _theme("d1", None, "talent", 0.6, ["early-career researchers"]),
        _theme("d1", None, "funding", 0.5, ["joint fund"]),
        _theme("d1", None, "domain:ai", 0.2, ["AI"]),
        _theme("d2", "e2", "domain:aerospace", 0.8, ["lunar exploration"]),
        _theme("d2", None, "talent", 0.7, ["talent exchange"]),
        _theme("d3", None, "domain:energy", 0.6, ["电池"]),
        _theme("d3", None, "talent", 0.3, ["student exchange"]),  # term not in the text
    ])
    return {"documents": docs, "events": events, "participants": parts, "organizations": orgs,
            "themes": th}


def teardown_function() -> None:
    plt.close("all")


def test_theme_frequency_counts_documents(t):
    freq = themes.theme_frequency(t["themes"])
    assert list(freq.columns) == ["theme", "documents", "events", "mean_score"]
    top = freq.iloc[0]
    assert (top["theme"], top["documents"], top["events"]) == ("talent", 3, 0)
    assert top["mean_score"] == pytest.approx(0.53, abs=0.01)
    assert themes.leading_themes(t["themes"], 2) == ["talent", "domain:quantum"]  # ties: score


def test_theme_frequency_bad_input(t):
    with pytest.raises(ValueError, match="'score'"):
        themes.theme_frequency(t["themes"].drop(columns="score"))
    lean = themes.theme_frequency(t["themes"].drop(columns="terms"))  # reports leave terms on disk
    assert lean.equals(themes.theme_frequency(t["themes"]))
    assert themes.theme_frequency(t["themes"].iloc[0:0]).empty
    with pytest.raises(ValueError, match="top_n"):
        themes.leading_themes(t["themes"], 0)


def test_themes_by_year_uses_event_then_publication_date(t):
    matrix = themes.themes_by_year(t["themes"], t["events"], t["documents"])
    assert list(matrix.index) == [2021, 2022]
    assert matrix.loc[2021, "domain:quantum"] == 1  # event date
    assert matrix.loc[2022, "domain:aerospace"] == 1  # undated event: publication year
    assert matrix["talent"].sum() == 2  # d3 has no date at all and is left out
    assert "domain:energy" not in matrix.columns


def test_themes_by_year_bad_input(t):
    with pytest.raises(ValueError, match="'published'"):
        themes.themes_by_year(t["themes"], t["events"], t["documents"].drop(columns="published"))
    assert themes.themes_by_year(t["themes"].iloc[0:0], t["events"], t["documents"]).empty


def test_themes_by_organization(t):
    matrix = themes.themes_by_organization(t["themes"], t["events"], t["participants"],
                                           t["organizations"])
    assert set(matrix.index) == {"MOST", "Hungarian Academy of Sciences", "ESA", "CASC"}
    assert matrix.loc["ESA", "domain:aerospace"] == 1 and matrix.loc["ESA", "talent"] == 1
    assert matrix.loc["MOST", "domain:aerospace"] == 0
    top = themes.themes_by_organization(t["themes"], t["events"], t["participants"],
                                        t["organizations"], top_orgs=1, top_themes=1)
    assert top.shape == (1, 1)
    with pytest.raises(ValueError, match="'role'"):
        themes.themes_by_organization(t["themes"], t["events"],
                                      t["participants"].drop(columns="role"), t["organizations"])


def test_theme_cooccurrence_is_symmetric_with_blank_diagonal(t):
    matrix = themes.theme_cooccurrence(t["themes"])
    assert matrix.loc["talent", "domain:quantum"] == matrix.loc["domain:quantum", "talent"] == 1
    assert matrix.loc["talent", "domain:energy"] == 1
    assert matrix.loc["domain:quantum", "domain:aerospace"] == 0
    assert math.isnan(matrix.loc["talent", "talent"])
    assert themes.theme_cooccurrence(t["themes"].iloc[0:0]).empty


def test_find_sentence_whole_words_and_cjk():
    assert themes.find_sentence(MOST_TEXT, "Quantum Technology").startswith("The ministry")
    assert themes.find_sentence(MOST_TEXT, "AI") == "Officials said AI was not discussed."
    assert themes.find_sentence("He said it was fine.", "AI") is None  # not inside "said"
    assert themes.find_sentence(SJTU_TEXT, "电池") == "双方将合作研究电池材料。"
    assert themes.find_sentence(ESA_TEXT, "talent exchange") == "Talent exchange will follow."
    assert themes.find_sentence(None, "x") is None and themes.find_sentence("text", "") is None
    long = "Intro " + "word " * 200 + "quantum technology " + "tail " * 200 + "end."
    clipped = themes.find_sentence(long, "quantum technology")
    assert len(clipped) <= themes.MAX_SENTENCE + 2 and "quantum technology" in clipped


def test_theme_evidence(t):
    ev = themes.theme_evidence(t["themes"], t["documents"], t["events"], top_n=3, per_theme=2)
    assert list(ev.columns) == ["theme", "term", "sentence", "source"]
    talent = ev[ev["theme"] == "talent"]
    assert list(talent["term"]) == ["talent exchange", "early-career researchers"]  # by score
    assert talent.iloc[0]["source"] == "Lunar data (esa/lunar.html)"
    aero = ev[ev["theme"] == "domain:aerospace"].iloc[0]
    assert aero["sentence"] == "ESA and CASC agreed to share lunar exploration data."
    assert ev["theme"].nunique() == 3


def test_theme_evidence_bad_input(t):
    with pytest.raises(ValueError, match="'text'"):
        themes.theme_evidence(t["themes"], t["documents"].drop(columns="text"), t["events"])
    with pytest.raises(ValueError, match="per_theme"):
        themes.theme_evidence(t["themes"], t["documents"], t["events"], per_theme=0)
    empty = themes.theme_evidence(t["themes"].iloc[0:0], t["documents"], t["events"])
    assert empty.empty and list(empty.columns) == ["theme", "term", "sentence", "source"]


def test_plots_return_axes_and_survive_empty_data(t):
    ax = themes.plot_theme_frequency(themes.theme_frequency(t["themes"]), top_n=3)
    assert ax.get_yticklabels()[0].get_text() == "talent"
    ax = themes.plot_heatmap(themes.theme_cooccurrence(t["themes"]), label="documents with both")
    assert ax.images and any(text.get_text() == "1" for text in ax.texts)
    assert themes.plot_heatmap(pd.DataFrame()).texts[0].get_text().startswith("No themes")
    empty = themes.theme_frequency(t["themes"].iloc[0:0])
    assert themes.plot_theme_frequency(empty).texts
    with pytest.raises(ValueError, match="'documents'"):
        themes.plot_theme_frequency(pd.DataFrame({"theme": ["talent"]}))


def test_themes_are_shown_by_their_taxonomy_label():
    theme_label, with_labels = themes.theme_label, themes.with_labels
    assert theme_label("domain:ai") == "Artificial intelligence"
    assert theme_label("resource_sharing") == "Resource sharing"
    assert theme_label("domain:deep_sea") == "Deep sea"  # not in the taxonomy: spelled out
    rows = pd.DataFrame({"doc_id": ["d1", "d2"], "event_id": [None, None],
                         "theme": ["domain:ai", "talent"], "score": [0.5, 0.4], "terms": [[], []]})
    assert list(with_labels(rows)["theme"]) == ["Artificial intelligence", "Talent"]
    assert list(rows["theme"]) == ["domain:ai", "talent"]  # the input is left as it was


def test_best_rows_rank_by_score_then_doc_and_put_unscored_rows_last():
    th = pd.DataFrame({"doc_id": ["d5", "d1", "d3", "d2", "d4", "d0"], "theme": "t",
                       "score": [0.5, 0.9, float("nan"), 0.5, 0.5, float("nan")]})
    at, score = np.arange(len(th)), th["score"].to_numpy()
    full = th.sort_values(["score", "doc_id"], ascending=[False, True])
    for n in range(1, len(th) + 1):  # only rows scoring at least the n-th best are sorted
        assert themes._best(th, at, score, n)["doc_id"].tolist() == full["doc_id"].tolist()[:n]
    assert themes._best(th, at[[0, 2, 3]], score, 2)["doc_id"].tolist() == ["d2", "d5"]
