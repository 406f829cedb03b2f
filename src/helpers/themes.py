"""What the cooperation is about: theme frequency, trends, organisations, co-occurrence, evidence."""

from __future__ import annotations

import functools
import re
import textwrap
from typing import Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from .eventcodes import Joiner, distinct, event_org_labels
from .frames import positions
from .reportkit import (
    FIGURE_WIDTH,
    MIN_FONT,
    as_datetime,
    as_list,
    axes,
    empty_axes,
    isin,
    org_labels,
    require_columns,
    source_labels,
)

_THEME_COLUMNS = ("doc_id", "event_id", "theme", "score")  # `terms`: theme_evidence reads them
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^a-z])|(?<=[。！？；])|\n\s*\n")
MAX_SENTENCE = 320


def _checked(themes: pd.DataFrame, caller: str) -> pd.DataFrame:
    """The themes table after checking its columns."""
    require_columns(themes, _THEME_COLUMNS, "themes", caller)
    return themes


def theme_label(slug: str, labels: dict[str, str] | None = None) -> str:
    """A theme's label from the taxonomy ("domain:ai" -> "Artificial intelligence"); a slug the
    taxonomy lacks is spelled out ("domain:deep_sea" -> "Deep sea")."""
    labels = theme_labels() if labels is None else labels
    if slug in labels:
        return labels[slug]
    text = str(slug).split(":", 1)[-1].replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def theme_labels() -> dict[str, str]:
    """slug → label of every theme of the bundled taxonomy."""
    from . import lexicon

    return {slug: str(entry.get("label") or slug) for slug, entry in lexicon.load("themes").items()
            if isinstance(entry, dict)}


def with_labels(themes: pd.DataFrame) -> pd.DataFrame:
    """The themes table with each slug replaced by its label, for display (filter on slugs first)."""
    th = _checked(themes, "with_labels")
    labels = theme_labels()
    named = {t: theme_label(t, labels) for t in pd.unique(th["theme"].dropna())}  # once per theme
    return th.assign(theme=th["theme"].map(named))


def theme_frequency(themes: pd.DataFrame) -> pd.DataFrame:
    """Columns theme, documents, events, mean_score: how often each theme occurs, most first."""
    th = _checked(themes, "theme_frequency")
    cols = ["theme", "documents", "events", "mean_score"]
    if th.empty:
        return pd.DataFrame(columns=cols)
    out = th.groupby("theme").agg(documents=("doc_id", "nunique"), events=("event_id", "nunique"),
                                  mean_score=("score", "mean")).reset_index()
    out["mean_score"] = out["mean_score"].round(2)
    return out.sort_values(["documents", "mean_score", "theme"],
                           ascending=[False, False, True])[cols].reset_index(drop=True)


def leading_themes(themes: pd.DataFrame, top_n: int = 12) -> list[str]:
    """The `top_n` themes found in most documents."""
    if top_n < 1:
        raise ValueError(f"leading_themes: top_n must be at least 1, not {top_n}")
    return list(theme_frequency(themes)["theme"].head(top_n))


def plot_theme_frequency(freq: pd.DataFrame, ax: Any = None, top_n: int = 20) -> Any:
    """Horizontal bars: documents per theme, the most frequent on top."""
    require_columns(freq, ("theme", "documents"), "freq", "plot_theme_frequency")
    top = freq.head(top_n)
    ax = axes(ax, figsize=(FIGURE_WIDTH, 0.28 * max(len(top), 4) + 1))
    if top.empty:
        return empty_axes(ax, "No themes match these parameters.")
    ax.barh(range(len(top)), top["documents"], color="#4e79a7")
    ax.set_yticks(range(len(top)), top["theme"])
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("documents")
    ax.set_title("Documents per theme")
    return ax


def _theme_years(themes: pd.DataFrame, events: pd.DataFrame, documents: pd.DataFrame) -> np.ndarray:
    """Year of each theme row: its event's date, else its document's publication date, else the
    document's earliest dated event; NaN when none is known. Looked up by row positions."""
    require_columns(events, ("event_id", "doc_id", "date"), "events", "themes_by_year")
    require_columns(documents, ("doc_id", "published"), "documents", "themes_by_year")
    ev_year = as_datetime(events["date"]).dt.year.to_numpy(dtype=float, na_value=np.nan)
    pub_year = as_datetime(documents["published"]).dt.year.to_numpy(dtype=float, na_value=np.nan)
    ev_doc = pd.factorize(events["doc_id"])[0]
    first_event = pd.Series(ev_year).groupby(ev_doc).min().to_numpy()  # per code of ev_doc
    year = _at(ev_year, positions(themes["event_id"], events["event_id"]))
    year = np.where(np.isnan(year), _at(pub_year, positions(themes["doc_id"], documents["doc_id"])), year)
    on_doc = positions(themes["doc_id"], events["doc_id"])
    return np.where(np.isnan(year), _at(first_event, np.where(on_doc >= 0, ev_doc[on_doc], -1)), year)


def _at(values: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """values[pos] as floats, NaN where pos is -1 (a row not found)."""
    out = np.full(len(pos), np.nan)
    out[pos >= 0] = values[pos[pos >= 0]]
    return out


def _count_distinct(key: np.ndarray, n_docs: int) -> pd.Series:
    """Distinct documents per cell, for `key` = cell * n_docs + document code."""
    cells = distinct(key) // max(1, n_docs)
    return pd.Series(cells).value_counts(sort=False).sort_index()


def themes_by_year(themes: pd.DataFrame, events: pd.DataFrame, documents: pd.DataFrame,
                   top_n: int = 12) -> pd.DataFrame:
    """Year × theme matrix of document counts for the leading themes (rows of undated ones dropped)."""
    th = _checked(themes, "themes_by_year")
    if th.empty:
        return pd.DataFrame()
    keep = leading_themes(th, top_n)
    theme = positions(th["theme"], pd.Series(keep, dtype=object))
    rows = np.flatnonzero(theme >= 0)
    th = th.iloc[rows]
    year = _theme_years(th, events, documents)
    dated = ~np.isnan(year)
    if not dated.any():
        return pd.DataFrame()
    doc, docs = pd.factorize(th["doc_id"])  # as nunique does: every doc_id counts, null ones not
    dated &= doc >= 0
    first_year = int(year[dated].min())
    cell = (year[dated].astype(np.int64) - first_year) * len(keep) + theme[rows][dated]
    counts = _count_distinct(cell * len(docs) + doc[dated], len(docs))
    years = range(first_year, int(year[dated].max()) + 1)
    matrix = np.zeros((len(years), len(keep)), dtype=np.int64)
    matrix.flat[counts.index.to_numpy()] = counts.to_numpy()
    found = [t for t in range(len(keep)) if matrix[:, t].any()]
    out = pd.DataFrame(matrix[:, found], index=pd.Index(years, name="year"),
                       columns=pd.Index([keep[t] for t in found], name="theme"))
    return out


def themes_by_organization(themes: pd.DataFrame, events: pd.DataFrame,
                           participants: pd.DataFrame, organizations: pd.DataFrame,
                           top_orgs: int = 15, top_themes: int = 12) -> pd.DataFrame:
    """Organisation × theme matrix of document counts, for the busiest organisations.

    A theme found on an event belongs to that event's organisations; a theme found on a document
    belongs to the organisations of all events the document reports.
    """
    th = _checked(themes, "themes_by_organization")
    require_columns(events, ("event_id", "doc_id"), "events", "themes_by_organization")
    if th.empty:
        return pd.DataFrame()
    keep = leading_themes(th, top_themes)
    # joined on integer codes and row positions: a million releases give millions of rows
    theme = positions(th["theme"], pd.Series(keep, dtype=object))
    rows = np.flatnonzero(theme >= 0)
    theme = theme[rows]
    eo_event, eo_org, labels = event_org_labels(events, participants, org_labels(organizations))
    ev_doc = pd.factorize(events["doc_id"])[0]
    n_docs, n_events = int(ev_doc.max(initial=-1)) + 1, len(events)
    th_event = positions(th["event_id"].iloc[rows], events["event_id"])
    on_doc = positions(th["doc_id"].iloc[rows], events["doc_id"])
    th_doc = np.where(on_doc >= 0, ev_doc[on_doc], -1)
    on = th["event_id"].iloc[rows].notna().to_numpy()
    at_event = np.flatnonzero(on & (th_event >= 0))
    th_doc[at_event] = ev_doc[th_event[at_event]]  # a theme row's event is in its document
    left, ev_orgs = Joiner(eo_event, eo_org, max(1, n_events)).join(th_event[at_event])
    ev_rows = at_event[left]
    doc_orgs = distinct(ev_doc[eo_event].astype(np.int64) * len(labels) + eo_org)
    at_doc = np.flatnonzero(~on & (th_doc >= 0))
    left, doc_orgs = Joiner(doc_orgs // max(1, len(labels)), doc_orgs % max(1, len(labels)),
                            max(1, n_docs)).join(th_doc[at_doc])
    doc_rows = at_doc[left]
    linked_rows = np.concatenate([ev_rows, doc_rows])
    if not len(linked_rows):
        return pd.DataFrame()
    cell = np.concatenate([ev_orgs, doc_orgs]).astype(np.int64) * len(keep) + theme[linked_rows]
    counts = _count_distinct(cell * max(1, n_docs) + th_doc[linked_rows], n_docs)
    matrix = counts.set_axis(pd.MultiIndex.from_arrays([counts.index // len(keep), counts.index % len(keep)],
                                                       names=["o", "t"])).unstack("t", fill_value=0)
    matrix.index = pd.Index(np.asarray(labels, dtype=object)[matrix.index.to_numpy()])
    matrix.columns = pd.Index([keep[t] for t in matrix.columns])
    matrix = matrix.sort_index()
    busiest = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top_orgs]
    matrix = matrix.loc[busiest, [t for t in keep if t in matrix]]
    matrix.index.name, matrix.columns.name = "organisation", "theme"
    return matrix


def theme_cooccurrence(themes: pd.DataFrame, top_n: int = 12) -> pd.DataFrame:
    """Theme × theme matrix: documents mentioning both; the diagonal is NaN (left blank)."""
    th = _checked(themes, "theme_cooccurrence")
    if th.empty:
        return pd.DataFrame()
    keep = leading_themes(th, top_n)
    rows = th[th["theme"].isin(keep) & th["doc_id"].notna()]
    docs, doc_ids = pd.factorize(rows["doc_id"])
    found = np.zeros((len(doc_ids), len(keep)))  # document × theme indicator
    found[docs, pd.Index(keep).get_indexer(rows["theme"])] = 1.0
    both = found.T @ found
    np.fill_diagonal(both, np.nan)  # on the array: under copy-on-write a frame's .values is read-only
    matrix = pd.DataFrame(both, index=keep, columns=keep)
    matrix.index.name, matrix.columns.name = "theme", "theme"
    return matrix


def plot_heatmap(matrix: pd.DataFrame, ax: Any = None, cmap: str = "Blues",
                 label: str = "documents") -> Any:
    """Heatmap of a numeric matrix (rows × columns) with counts written in the cells."""
    ax = axes(ax, figsize=(FIGURE_WIDTH, max(3.0, 0.3 * matrix.shape[0] + 2.4)))
    if matrix.empty:
        return empty_axes(ax, "No themes match these parameters.")
    values = matrix.to_numpy(dtype=float)
    colours = mpl.colormaps[cmap].with_extremes(bad="#e8e8e8")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=colours, aspect="auto", vmin=0)
    wrap = functools.partial(textwrap.fill, width=20, break_long_words=False)
    ax.set_xticks(range(matrix.shape[1]), [wrap(str(c)) for c in matrix.columns], rotation=45,
                  ha="right", rotation_mode="anchor", fontsize=MIN_FONT + 0.5, linespacing=1.0)
    ax.set_yticks(range(matrix.shape[0]), [wrap(str(i)) for i in matrix.index], linespacing=1.0)
    ax.set_xlabel(str(matrix.columns.name or ""))
    ax.set_ylabel(str(matrix.index.name or ""))
    top = np.nanmax(values) if np.isfinite(values).any() else 0
    if matrix.size <= 400:
        for (i, j), v in np.ndenumerate(values):
            if np.isfinite(v) and v:
                ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=MIN_FONT,
                        color="white" if v > top * 0.6 else "black")
    ax.figure.colorbar(image, ax=ax, label=label, shrink=0.8, ticks=MaxNLocator(integer=True))
    return ax


def _term_pattern(term: str) -> re.Pattern[str]:
    """Case-insensitive pattern for a term; whole words when the term is plain ASCII."""
    body = re.escape(term.strip())
    return re.compile(rf"(?<!\w){body}(?!\w)" if term.isascii() else body, re.IGNORECASE)


def _clip(sentence: str, match: re.Match[str]) -> str:
    """The sentence, or a window of it around the match when it is very long."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    mid = (match.start() + match.end()) // 2
    lo = max(0, mid - MAX_SENTENCE // 2)
    return ("…" if lo else "") + sentence[lo:lo + MAX_SENTENCE].strip() + "…"


def find_sentence(text: str, term: str) -> str | None:
    """The first sentence of `text` containing `term`, or None."""
    if not isinstance(text, str) or not isinstance(term, str) or not term.strip():
        return None
    pattern = _term_pattern(term)
    for sentence in _SENTENCE_END.split(text):
        match = pattern.search(" ".join(sentence.split()))
        if match:
            return _clip(sentence, match)
    return None


def _candidates(rows: pd.DataFrame, theme: str, terms: Any) -> list[tuple[str, Any, list[str]]]:
    """(doc_id, event_id, terms) of theme rows: the `terms` column, else read through `terms`
    (reading.ThemeTerms: per document and event, each theme slug's phrases)."""
    events = [e if isinstance(e, str) else None for e in rows["event_id"]]
    if "terms" in rows:
        return list(zip(rows["doc_id"], events, (as_list(t) for t in rows["terms"])))
    terms.load(rows["doc_id"])
    labels = theme_labels()
    out = []
    for doc, event in zip(rows["doc_id"], events):
        found = terms.get((doc, event), {})
        out.append((doc, event, next((t for slug, t in found.items()
                                      if theme in (slug, theme_label(slug, labels))), [])))
    return out


def theme_evidence(themes: pd.DataFrame, documents: pd.DataFrame, events: pd.DataFrame,
                   top_n: int = 8, per_theme: int = 3, texts: Any = None, sentences: Any = None,
                   terms: Any = None) -> pd.DataFrame:
    """Columns theme, term, sentence, source: a few sentences showing each leading theme at work.

    For each theme the highest-scoring rows come first, one sentence per document; the sentence
    is the event's evidence sentence when it holds the term, else the document sentence that does.
    What a report leaves on disk is read for the rows looked at only: `texts` (anything with
    .get(doc_id), e.g. reportkit.DocumentTexts) the documents' texts, `sentences`
    (EventSentences) the events' sentences, `terms` (ThemeTerms) the phrases when `themes` has no
    `terms` column.
    """
    th = _checked(themes, "theme_evidence")
    if terms is None:
        require_columns(th, ("terms",), "themes", "theme_evidence")
    require_columns(documents, ("doc_id", "title", "path") + (() if texts is not None else ("text",)),
                    "documents", "theme_evidence")
    require_columns(events, ("event_id",) + (() if sentences is not None else ("sentence",)),
                    "events", "theme_evidence")
    if per_theme < 1:
        raise ValueError(f"theme_evidence: per_theme must be at least 1, not {per_theme}")
    cols = ["theme", "term", "sentence", "source"]
    if th.empty:
        return pd.DataFrame(columns=cols)
    if texts is None:
        texts = documents.set_index("doc_id")["text"]
    if sentences is None:
        sentences = events.set_index("event_id")["sentence"]
    rows = []
    batch = 8 * per_theme  # rows looked at a batch at a time: most themes need the first few
    leading = leading_themes(th, top_n)
    at = {theme: np.flatnonzero((th["theme"] == theme).to_numpy()) for theme in leading}
    score = th["score"].to_numpy(dtype=float, na_value=np.nan)
    # one read of what is left on disk for every theme's first batch (a read is a pass over the file)
    first = pd.concat([_best(th, at[theme], score, batch) for theme in leading]) if leading else th
    for loader, column in ((texts, "doc_id"), (sentences, "event_id"), (terms, "doc_id")):
        if hasattr(loader, "load"):
            loader.load(first[column].dropna())
    for theme in leading:
        found: list[dict[str, str]] = []
        ranked, lo = _best(th, at[theme], score, batch), 0
        while lo < len(ranked):
            chunk = ranked.iloc[lo:lo + batch]
            lo += batch
            for loader in (texts, sentences):
                if hasattr(loader, "load"):
                    loader.load(chunk["doc_id"] if loader is texts else chunk["event_id"].dropna())
            for doc, event, row_terms in _candidates(chunk, theme, terms):
                if len(found) >= per_theme:
                    break
                if any(f["doc_id"] == doc for f in found):
                    continue
                for term in row_terms:
                    sentence = find_sentence(sentences.get(event), term) if event else None
                    sentence = sentence or find_sentence(texts.get(doc), term)
                    if sentence:
                        found.append({"doc_id": doc, "theme": theme, "term": term, "sentence": sentence})
                        break
            if len(found) >= per_theme:
                break
            if lo >= len(ranked) and len(ranked) < len(at[theme]):  # rank more rows, 4 times as many
                ranked = _best(th, at[theme], score, 4 * len(ranked))
        rows += found
    out = pd.DataFrame(rows, columns=cols[:-1] + ["doc_id"])
    sources = source_labels(documents[isin(documents["doc_id"], out["doc_id"])])
    return out.assign(source=out["doc_id"].map(sources).fillna("").astype(object))[cols]


def _best(th: pd.DataFrame, at: np.ndarray, score: np.ndarray, n: int) -> pd.DataFrame:
    """The first `n` of the theme rows at positions `at`, by score (highest first), then doc_id:
    only rows scoring at least the n-th best are sorted, not every row of a common theme."""
    scored = score[at]
    valid = ~np.isnan(scored)
    if n < valid.sum():  # unscored rows come after every scored one
        cut = np.partition(scored[valid], valid.sum() - n)[valid.sum() - n]  # the n-th highest
        at = at[valid & (scored >= cut)]
    return th.iloc[at].sort_values(["score", "doc_id"], ascending=[False, True]).iloc[:n]
