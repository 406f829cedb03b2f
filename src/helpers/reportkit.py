"""Small things every report shares: loading, filtering, labels and event logic (display: see helpers.display)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from . import config  # noqa: F401  (tests point reportkit.config elsewhere)
from .display import (  # noqa: F401  (notebooks and helpers use them as reportkit.*)
    FIGURE_DPI,
    FIGURE_WIDTH,
    FONT_PREFERENCE,
    MAX_ITEMS,
    MIN_FONT,
    NO_EVENTS,
    Note,
    axes,
    empty_axes,
    heading,
    show_plot,
    show_table,
    smallest_text,
    use_report_style,
)
from .errors import ParameterError
from .eventcodes import cluster_key, event_org_rows  # noqa: F401  (used as reportkit.*)
from .frames import as_datetime, as_list, first_rows, isin, require_columns  # noqa: F401  (used as reportkit.*)
from .reading import (  # noqa: F401  (notebooks and tests use them as reportkit.*)
    DATE_COLUMNS,
    LEFT_ON_DISK,
    DocumentTexts,
    EventSentences,
    TableLookup,
    ThemeTerms,
    load_tables,
    report_columns,
)
from .reading import tables_path as _tables_dir  # noqa: F401

# --- loading and filtering -------------------------------------------------------------------


def report_tables(data_dir: str = "", start: str = "", end: str = "",
                  organizations: Iterable[str] | str | None = None,
                  themes: Iterable[str] | str | None = None,
                  show_units: bool = False) -> dict[str, pd.DataFrame]:
    """The tables a report shows: the columns the reports compute with (`reading.report_columns`:
    evidence sentences, theme phrases and texts stay on disk), units credited to their
    organisation (unless `show_units`), then filtered to the dates, organisations and themes."""
    tables = report_columns(data_dir, fold=not show_units)
    return filter_tables(tables, start, end, organizations, themes)


def _parse_day(value: str, name: str) -> pd.Timestamp:
    """One ISO date parameter as a Timestamp, or a ParameterError saying which one is wrong."""
    try:
        return pd.Timestamp(str(value)).normalize()
    except (ValueError, TypeError) as exc:
        raise ParameterError(f"{name}={value!r} is not an ISO date such as 2020-01-31") from exc


def _names(value: str | Iterable[str] | None) -> list[str]:
    """A list parameter given as a list, a JSON list, a single string or nothing, as strings."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            try:
                return _names(json.loads(text))
            except (json.JSONDecodeError, ParameterError):
                pass
        return [text] if text else []
    if not isinstance(value, Iterable) or isinstance(value, (bytes, dict)):
        raise ParameterError(f"expected a list of names, got {value!r}")
    return [str(v).strip() for v in value if str(v).strip()]


def _key(text: Any) -> str:
    """Case- and space-insensitive comparison key."""
    return " ".join(str(text).casefold().split())


def match_organizations(organizations: pd.DataFrame, names: Iterable[str]) -> dict[str, list[str]]:
    """For each requested name or acronym, the org_ids whose name, acronym or alias equals it."""
    require_columns(organizations, ("org_id", "name", "acronym"), "organizations", "match_organizations")
    index: dict[str, set[str]] = {}
    for row in organizations.itertuples(index=False):
        keys = [row.name, row.acronym, *as_list(getattr(row, "aliases", None))]
        for k in keys:
            if isinstance(k, str) and k.strip():
                index.setdefault(_key(k), set()).add(row.org_id)
    return {n: sorted(index.get(_key(n), ())) for n in _names(names)}


def theme_matches(theme: str, wanted: Iterable[str]) -> bool:
    """True when a theme slug equals a wanted slug, or its part after ':' does ('aerospace')."""
    t = _key(theme)
    return any(t == w or t.split(":", 1)[-1] == w for w in map(_key, wanted))


def filter_tables(tables: dict[str, pd.DataFrame], start: str = "", end: str = "",
                  organizations: Iterable[str] | str | None = None,
                  themes: Iterable[str] | str | None = None) -> dict[str, pd.DataFrame]:
    """The tables restricted to events in [start, end] involving the organisations and themes.

    An event without a date is judged by its document's publication date; when neither is known
    it is kept, since it cannot be placed (reports list such events apart). A document is kept
    when one of its events is or, having no events, on its own date, themes and organisation
    mentions. Participants, mentions and themes follow their events and documents; the
    organizations and people lookup tables are returned whole.
    """
    missing = [n for n in ("documents", "events", "participants", "themes", "mentions",
                           "organizations") if n not in tables]
    if missing:
        raise ValueError(f"filter_tables: table(s) {', '.join(map(repr, missing))} missing")
    ev, docs = tables["events"], tables["documents"]
    part, th, men = tables["participants"], tables["themes"], tables["mentions"]
    require_columns(ev, ("event_id", "doc_id", "date"), "events", "filter_tables")
    require_columns(docs, ("doc_id", "published"), "documents", "filter_tables")
    require_columns(part, ("event_id", "org_id"), "participants", "filter_tables")
    require_columns(th, ("doc_id", "event_id", "theme"), "themes", "filter_tables")
    require_columns(men, ("doc_id", "entity_id"), "mentions", "filter_tables")
    lo = _parse_day(start, "start") if start else pd.Timestamp.min
    hi = _parse_day(end, "end") if end else pd.Timestamp.max
    if lo > hi:
        raise ParameterError(f"start={start!r} comes after end={end!r}")
    org_ids = {o for ids in match_organizations(tables["organizations"], organizations).values()
               for o in ids}
    want_orgs, want_themes = bool(_names(organizations)), _names(themes)

    def in_window(dates: pd.Series) -> pd.Series:
        d = as_datetime(dates)
        return d.isna() | ((d >= lo) & (d <= hi))

    slugs = pd.unique(th["theme"].dropna())  # judged once per distinct theme, not per row
    theme_hit = th["theme"].isin([t for t in slugs if theme_matches(t, want_themes)])
    hit = th[theme_hit]
    published = pd.Series(as_datetime(docs["published"]).values, index=docs["doc_id"].values)
    published = published[~published.index.duplicated()]
    on_doc = ev["doc_id"].map(published) if len(published) else pd.Series(pd.NaT, index=ev.index)
    keep = in_window(as_datetime(ev["date"]).fillna(as_datetime(on_doc)))
    if want_orgs:
        keep &= isin(ev["event_id"], part.loc[isin(part["org_id"], org_ids), "event_id"])
    if want_themes:
        keep &= (isin(ev["event_id"], hit["event_id"].dropna())
                 | isin(ev["doc_id"], hit.loc[hit["event_id"].isna(), "doc_id"]))
    events = _rows(ev, keep)

    eventless = ~isin(docs["doc_id"], ev["doc_id"])
    alone = eventless & in_window(docs["published"])
    if want_orgs:
        alone &= isin(docs["doc_id"], men.loc[isin(men["entity_id"], org_ids), "doc_id"])
    if want_themes:
        alone &= isin(docs["doc_id"], hit["doc_id"])
    doc_keep = isin(docs["doc_id"], events["doc_id"]) | alone
    documents = _rows(docs, doc_keep)

    on_event = th["event_id"].notna()
    th_keep = (on_event & isin(th["event_id"], events["event_id"])) | (
        ~on_event & isin(th["doc_id"], documents["doc_id"]))
    if want_themes:
        th_keep &= theme_hit
    out = dict(tables)
    out.update(
        events=events,
        documents=documents,
        participants=_rows(part, isin(part["event_id"], events["event_id"])),
        mentions=_rows(men, isin(men["doc_id"], documents["doc_id"])),
        themes=_rows(th, th_keep),
    )
    return out


def _rows(frame: pd.DataFrame, keep: pd.Series) -> pd.DataFrame:
    """The rows of `frame` where `keep` holds, renumbered; the frame itself when every row is kept
    (no copy of a big table that no filter cuts)."""
    if bool(keep.all()) and isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 \
            and frame.index.step == 1:
        return frame
    return frame[keep.values].reset_index(drop=True)


def describe_filters(tables: dict[str, pd.DataFrame], start: str = "", end: str = "",
                     organizations: Iterable[str] | str | None = None,
                     themes: Iterable[str] | str | None = None) -> Note:
    """One sentence stating the active filters, naming organisations that matched nothing."""
    parts = [f"Events from {start or 'the beginning'} to {end or 'the end'}"]
    matched = match_organizations(tables["organizations"], organizations)
    if matched:
        found = [n for n, ids in matched.items() if ids]
        lost = [n for n, ids in matched.items() if not ids]
        parts.append("organisations: " + (", ".join(found) if found else "none found"))
        if lost:
            parts.append("not found: " + ", ".join(lost))
    if _names(themes):
        parts.append("themes: " + ", ".join(_names(themes)))
    return Note("; ".join(parts) + ".")


def summary_note(tables: dict[str, pd.DataFrame]) -> Note:
    """The corpus at a glance: documents, events, distinct real-world events and date range."""
    docs, ev = tables["documents"], tables["events"]
    require_columns(ev, ("event_id", "date", "cluster_id"), "events", "summary_note")
    if ev.empty:
        return Note(NO_EVENTS)
    dates = as_datetime(ev["date"]).dropna()
    text = (f"{len(docs)} documents report {len(ev)} events "
            f"({ev['cluster_id'].nunique()} distinct real-world events)")
    if len(dates):
        text += f", dated from {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
    undated = len(ev) - len(dates)
    if undated:
        text += f"; {undated} without a usable date are listed apart"
    return Note(text + ".")


# --- shared event logic ----------------------------------------------------------------------


def org_labels(organizations: pd.DataFrame) -> pd.Series:
    """org_id → short label: the acronym when there is one, else the full name."""
    require_columns(organizations, ("org_id", "name", "acronym"), "organizations", "org_labels")
    acr = organizations["acronym"].where(organizations["acronym"].fillna("").str.strip() != "")
    return pd.Series(acr.fillna(organizations["name"]).values, index=organizations["org_id"].values)


def source_labels(documents: pd.DataFrame) -> pd.Series:
    """doc_id → "title (url)", or "title (path)" when the document has no url: how reports cite it."""
    require_columns(documents, ("doc_id", "title", "path"), "documents", "source_labels")
    title = documents["title"].fillna("").astype(str).str.strip()
    path = documents["path"].fillna("").astype(str)
    if "url" in documents:
        url = documents["url"].fillna("").astype(str).str.strip()
        path = url.where(url != "", path)
    label = (title + " (" + path + ")").where(title != "", path)
    return pd.Series(label.values, index=documents["doc_id"].values)


def event_organizations(events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Columns event_id, org_id: an event's parties; lacking those, its signatories' affiliations;
    lacking those, all its participants' affiliations."""
    rows = event_org_rows(events, participants)  # positions: ten million rows at a million releases
    out = participants[["event_id", "org_id"]].iloc[rows].reset_index(drop=True)
    out = out.iloc[first_rows(out, ["event_id", "org_id"])]
    return out.sort_values(["event_id", "org_id"]).reset_index(drop=True)


def cluster_organizations(events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Columns cluster_id, org_id: the organisations of all reports of each real-world event."""
    eo = event_organizations(events, participants)
    eo["cluster_id"] = eo["event_id"].map(lookup(events["event_id"], cluster_key(events)))
    if eo.empty:
        eo = eo.astype({"cluster_id": object})
    eo = eo[["cluster_id", "org_id"]]
    return eo.iloc[first_rows(eo, ["cluster_id", "org_id"])].reset_index(drop=True)


def lookup(keys: pd.Series, values: pd.Series) -> pd.Series:
    """A Series mapping each key to its value (the last one of a repeated key, as a dict would),
    for `Series.map` without building a Python dict of a big table."""
    out = pd.Series(pd.Series(values).array, index=pd.Index(pd.Series(keys).array))
    return out[~out.index.duplicated(keep="last")]


def first_value(values: pd.Series, keys: pd.Series) -> pd.Series:
    """key → the first non-null value among its rows ("" when it has none)."""
    first = values.groupby(keys.values).first()
    return first.reindex(pd.unique(keys)).fillna("")


def join_values(keys: Iterable[Any], values: Iterable[Any], sep: str = "; ") -> dict[Any, str]:
    """key → its values as text joined with `sep`, in the order given (one pass over the rows)."""
    groups: dict[Any, list[str]] = {}
    for key, value in zip(keys, values):
        groups.setdefault(key, []).append(str(value))
    return {key: sep.join(parts) for key, parts in groups.items()}


def one_per_cluster(events: pd.DataFrame) -> pd.DataFrame:
    """One report per real-world event (cluster_id): the best-dated one, ties by event_id."""
    require_columns(events, ("event_id", "cluster_id", "date"), "events", "one_per_cluster")
    rank = {"day": 0, "month": 1, "year": 2}
    prec = events.get("date_precision", pd.Series("unknown", index=events.index))
    # sorted on a narrow frame of positions, so that a big events table is not copied twice
    order = pd.DataFrame({"_d": as_datetime(events["date"]).isna().to_numpy(),
                          "_p": prec.map(rank).fillna(9).to_numpy(),
                          "_e": pd.factorize(events["event_id"], sort=True)[0],  # codes in id order
                          "_k": pd.factorize(cluster_key(events))[0]})
    order = order.sort_values(["_d", "_p", "_e"])
    first = order.index.to_numpy()[~order["_k"].duplicated().to_numpy()]
    return events.iloc[first[np.argsort(events.index.to_numpy()[first], kind="stable")]]  # index order
