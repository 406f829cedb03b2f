"""Events on a time axis: lanes per organisation, counts per period, signings and undated events."""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pandas as pd

from .eventcodes import Joiner, distinct, event_org_labels, ranks
from .frames import positions
from .reportkit import (
    FIGURE_WIDTH,
    MIN_FONT,
    as_datetime,
    axes,
    cluster_key,
    cluster_organizations,
    empty_axes,
    event_organizations,
    first_value,
    isin,
    join_values,
    lookup,
    one_per_cluster,
    org_labels,
    require_columns,
    source_labels,
)

# Okabe-Ito colours (told apart with every common colour-vision deficiency), and a marker and
# a hatch per kind, so that kinds stay distinct on a grey-scale print.
KIND_COLOURS = {
    "signing": "#0072B2", "visit": "#E69F00", "meeting": "#009E73",
    "speech": "#CC79A7", "other": "#555555",
}
KIND_MARKERS = {"signing": "D", "visit": "^", "meeting": "s", "speech": "v", "other": "o"}
KIND_HATCHES = {"signing": "", "visit": "////", "meeting": "....", "speech": "xxxx", "other": "----"}
STACK_ROWS = 3  # events of one day and lane are drawn side by side, in up to this many rows
STACK_STEP = 6.5  # points between the marks of one stack
STACK_LABEL = 4  # stacks of at least this many events are labelled with their count
STACK_MAX = 9  # marks drawn per stack (3 x 3); a bigger stack shows these and its count
MAX_STACK_LABELS = 30  # on a dense chart, only the biggest stacks are labelled
OTHER_LANE = "Other organisations"
NO_ORG_LANE = "No organisation named"
DENSE_POINTS = 300  # above this many dots, draw them smaller and skip the connecting lines
_EVENT_COLUMNS = ("event_id", "doc_id", "kind", "date", "date_precision", "cluster_id")


def timeline_points(events: pd.DataFrame, participants: pd.DataFrame,
                    organizations: pd.DataFrame, lanes: int = 10) -> pd.DataFrame:
    """One row per dated real-world event and lane: event_id, date, kind, date_precision, lane,
    slot, stack (the event's place among the `stack` events of its day and lane).

    A lane is one of the `lanes` organisations with most events (acronym when known); an event
    appears in the lane of each of its organisations (parties, else participants' affiliations);
    the rest share "Other organisations". Undated events are left out: they are never placed at
    a guessed date. The frame's `lane_order` attribute lists lanes from busiest to quietest.
    """
    require_columns(events, _EVENT_COLUMNS, "events", "timeline_points")
    require_columns(participants, ("event_id", "org_id", "role"), "participants", "timeline_points")
    if lanes < 1:
        raise ValueError(f"timeline_points: lanes must be at least 1, not {lanes}")
    dated = events[as_datetime(events["date"]).notna()]
    cols = ["event_id", "cluster_id", "date", "kind", "date_precision", "lane"]
    if dated.empty:
        return pd.DataFrame(columns=cols + ["slot", "stack"]).assign(
            date=pd.Series(dtype="datetime64[ns]"))
    reps = one_per_cluster(dated).assign(date=lambda d: as_datetime(d["date"]))
    reps = reps.assign(cluster_id=cluster_key(reps))
    # lanes worked out on codes: at a million releases there are millions of dated events
    cluster, clusters = pd.factorize(cluster_key(dated))
    event, label, labels = event_org_labels(dated, participants, org_labels(organizations))
    n_labels = max(1, len(labels))
    seen = distinct(cluster[event].astype(np.int64) * n_labels + label)
    per_label = np.bincount(seen % n_labels, minlength=len(labels))  # distinct events per label
    busiest = np.lexsort((ranks(labels), -per_label))  # most events first, then by name
    leading = [str(labels[i]) for i in busiest[:lanes]]
    lane_names = np.array(leading + [OTHER_LANE, NO_ORG_LANE], dtype=object)
    lane_of = np.full(len(labels), len(leading), dtype=np.int64)  # every other label: OTHER_LANE
    lane_of[busiest[:lanes]] = np.arange(len(leading))
    lanes_at = distinct(seen // n_labels * len(lane_names) + lane_of[seen % n_labels])
    rep_cluster = positions(reps["cluster_id"], pd.Series(clusters))
    left, lane = Joiner(lanes_at // len(lane_names), lanes_at % len(lane_names),
                        max(1, len(clusters))).join(rep_cluster)
    alone = np.setdiff1d(np.arange(len(reps)), left)  # events with no organisation
    left = np.concatenate([left, alone])
    lane = np.concatenate([lane, np.full(len(alone), len(leading) + 1)])
    out = reps.iloc[left][cols[:-1]].reset_index(drop=True)
    out["lane"] = pd.Series(lane_names[lane], dtype=reps["kind"].dtype if len(reps) else object)
    date = out["date"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    order = np.lexsort((ranks(out["event_id"]), ranks(out["kind"]), ranks(lane_names)[lane], date))
    out = out.iloc[order].reset_index(drop=True)
    group = np.r_[True, (date[order][1:] != date[order][:-1]) | (lane[order][1:] != lane[order][:-1])] \
        if len(out) else np.array([], dtype=bool)
    start = np.flatnonzero(group)
    size = np.diff(np.r_[start, len(out)])
    out["slot"] = (np.arange(len(out)) - np.repeat(start, size)).astype("int64")
    out["stack"] = np.repeat(size, size).astype("int64")
    present = set(lane_names[np.unique(lane)])
    extra = [x for x in (OTHER_LANE, NO_ORG_LANE) if x in present]
    out.attrs["lane_order"] = [x for x in leading if x in present] + extra
    return out


def wrap(text: str, width: int = 24) -> str:
    """A lane label wrapped onto lines of about `width` characters, never cut."""
    return textwrap.fill(text, width=width, break_long_words=False) or text


def stack_offsets(slot: int, stack: int) -> tuple[float, float]:
    """(dx, dy) in points of mark `slot` of a stack of `stack` same-day events in one lane:
    a grid of up to STACK_ROWS rows, filled column by column, centred on the day."""
    rows = min(stack, STACK_ROWS)
    cols = -(-stack // rows)
    col, row = divmod(slot, rows)
    return (col - (cols - 1) / 2) * STACK_STEP, ((rows - 1) / 2 - row) * STACK_STEP


def _stack_offsets(slot: np.ndarray, stack: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`stack_offsets` for arrays of slots and stack sizes at once."""
    slot, stack = slot.astype("int64"), stack.astype("int64")
    rows = np.minimum(stack, STACK_ROWS)
    cols = -(-stack // rows)
    col, row = np.divmod(slot, rows)
    return (col - (cols - 1) / 2) * STACK_STEP, ((rows - 1) / 2 - row) * STACK_STEP


def plot_timeline(points: pd.DataFrame, ax: Any = None) -> Any:
    """Marks on a date axis, one lane per organisation, colour and shape by kind; hollow marks
    are events dated only to the month or year. Events of one day and lane sit side by side
    (never on top of each other), a count beside stacks of STACK_LABEL or more; a stack of more
    than STACK_MAX shows that many marks and its count.

    Grey lines join the marks of one signing in its parties' lanes, unless the chart is too dense.
    """
    from matplotlib.dates import date2num
    from matplotlib.transforms import offset_copy

    require_columns(points, ("cluster_id", "date", "kind", "date_precision", "lane"),
                    "points", "plot_timeline")
    n_lanes = max(points["lane"].nunique(), 4)
    ax = axes(ax, figsize=(FIGURE_WIDTH, 0.27 * n_lanes + 1.0))
    if points.empty:
        return empty_axes(ax)
    order = points.attrs.get("lane_order") or list(dict.fromkeys(points["lane"]))
    y = {lane: i for i, lane in enumerate(order)}
    pts = points.assign(y=points["lane"].map(y))
    if "slot" not in pts or "stack" not in pts:
        group = pts.groupby(["date", "lane"], sort=False)
        pts = pts.assign(slot=group.cumcount(), stack=group["y"].transform("size"))
    pts = pts[pts["slot"] < STACK_MAX]
    dx, dy = _stack_offsets(pts["slot"].to_numpy(), np.minimum(pts["stack"].to_numpy(), STACK_MAX))
    pts = pts.assign(dx=dx, dy=dy, x=date2num(as_datetime(pts["date"])))
    fig = ax.figure
    dense = len(pts) > DENSE_POINTS
    if not dense:
        for _, same in pts[pts["kind"] == "signing"].groupby("cluster_id"):
            if len(same) > 1:
                for (_, a), (_, b) in zip(same.iloc[:-1].iterrows(), same.iloc[1:].iterrows()):
                    ax.annotate("", xy=(b["x"], b["y"]), xytext=(a["x"], a["y"]),
                                xycoords=offset_copy(ax.transData, fig, b["dx"], b["dy"], "points"),
                                textcoords=offset_copy(ax.transData, fig, a["dx"], a["dy"], "points"),
                                arrowprops={"arrowstyle": "-", "color": "0.7", "lw": 1,
                                            "shrinkA": 0, "shrinkB": 0}, zorder=1)
    size, alpha = (12, 0.7) if dense else (26, 1.0)
    for (kind, dx, dy), group in pts.groupby(["kind", "dx", "dy"], sort=True):
        colour = KIND_COLOURS.get(kind, KIND_COLOURS["other"])
        marker = KIND_MARKERS.get(kind, KIND_MARKERS["other"])
        where = offset_copy(ax.transData, fig, dx, dy, "points")
        exact = group["date_precision"] == "day"
        if exact.any():
            ax.scatter(group.loc[exact, "x"], group.loc[exact, "y"], s=size, color=colour,
                       marker=marker, alpha=alpha, zorder=2, transform=where, linewidths=0.4,
                       edgecolors="white")
        if not exact.all():
            ax.scatter(group.loc[~exact, "x"], group.loc[~exact, "y"], s=size,
                       facecolors="white", edgecolors=colour, marker=marker, linewidths=1.2,
                       alpha=alpha, zorder=2, transform=where)
    stacks = pts[(pts["stack"] >= STACK_LABEL) & (pts["slot"] == 0)]
    if dense:
        stacks = stacks[stacks["stack"] > STACK_MAX].nlargest(MAX_STACK_LABELS, "stack", keep="first")
    labels = []
    for row in stacks.itertuples():
        size_ = min(int(row.stack), STACK_MAX)
        right = stack_offsets(size_ - 1, size_)[0] if size_ > STACK_ROWS else 0
        labels.append(ax.annotate(f"{row.stack}", (row.x, row.y), xytext=(right + 5, STACK_STEP + 1),
                                  textcoords="offset points", fontsize=MIN_FONT, color="0.25",
                                  zorder=3))
    # marks drawn with offset transforms do not widen the data limits: set the date range here
    lo, hi = pts["x"].min(), pts["x"].max()
    pad = max((hi - lo) * 0.03, 15.0)
    ax.xaxis_date()
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_yticks(range(len(order)), [wrap(str(lane)) for lane in order], linespacing=1.0)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.grid(axis="x", color="0.9")
    ax.legend(handles=_kind_handles(pts), loc="lower left", bbox_to_anchor=(0, 1.0),
              ncol=4, frameon=False, fontsize=MIN_FONT, borderaxespad=0.2)
    ax.tick_params(labelsize=MIN_FONT + 0.5)
    _drop_overlapping(ax, labels)
    return ax


def _drop_overlapping(ax: Any, labels: list[Any]) -> None:
    """Remove count labels that would overlap an earlier one (biggest stacks come first)."""
    if len(labels) < 2:
        return
    ax.figure.tight_layout()  # measure in the final layout
    renderer = ax.figure.canvas.get_renderer()
    kept = []
    for label in labels:
        box = label.get_window_extent(renderer)
        if any(box.overlaps(k) for k in kept):
            label.remove()
        else:
            kept.append(box)


def _kind_handles(points: pd.DataFrame) -> list[Any]:
    """Legend entries: one per kind drawn, and one for hollow (month or year only) marks."""
    from matplotlib.lines import Line2D

    present = set(pd.unique(points["kind"]))
    kinds = [k for k in KIND_COLOURS if k in present]
    kinds += sorted(present - set(kinds))
    handles = [Line2D([], [], ls="", marker=KIND_MARKERS.get(k, "o"), markersize=5,
                      color=KIND_COLOURS.get(k, KIND_COLOURS["other"]), label=k) for k in kinds]
    if (points["date_precision"] != "day").any():
        handles.append(Line2D([], [], ls="", marker="o", markersize=5, markerfacecolor="white",
                              markeredgecolor="0.3", label="month or year only"))
    return handles


def event_counts(events: pd.DataFrame, freq: str = "auto") -> pd.DataFrame:
    """Columns period (str), kind, n: real-world events per month or year, gaps filled with 0.

    freq is "month", "year" or "auto" (years when the dates span more than three years).
    """
    require_columns(events, _EVENT_COLUMNS, "events", "event_counts")
    if freq not in ("auto", "month", "year"):
        raise ValueError(f"event_counts: freq must be 'auto', 'month' or 'year', not {freq!r}")
    reps = one_per_cluster(events[as_datetime(events["date"]).notna()])
    if reps.empty:
        return pd.DataFrame({"period": pd.Series(dtype=str), "kind": pd.Series(dtype=str),
                             "n": pd.Series(dtype="int64")})
    dates = as_datetime(reps["date"])
    if freq == "auto":
        freq = "year" if (dates.max() - dates.min()).days > 3 * 365 else "month"
    code = "Y" if freq == "year" else "M"
    periods = dates.dt.to_period(code)
    full = pd.period_range(periods.min(), periods.max(), freq=code)
    table = pd.crosstab(periods, reps["kind"]).reindex(full, fill_value=0)
    long = table.stack().rename("n").reset_index()
    long.columns = ["period", "kind", "n"]
    long["period"] = long["period"].astype(str)
    long.attrs["freq"] = freq
    return long.astype({"n": "int64"})


def plot_event_counts(counts: pd.DataFrame, ax: Any = None) -> Any:
    """Stacked bars of events per period, one colour per kind."""
    require_columns(counts, ("period", "kind", "n"), "counts", "plot_event_counts")
    ax = axes(ax, figsize=(FIGURE_WIDTH, 3.2))
    if counts.empty:
        return empty_axes(ax)
    wide = counts.pivot_table(index="period", columns="kind", values="n", aggfunc="sum",
                              fill_value=0, sort=True)
    bottom = pd.Series(0, index=wide.index)
    x = range(len(wide))
    for kind in [k for k in KIND_COLOURS if k in wide] + [k for k in wide if k not in KIND_COLOURS]:
        ax.bar(x, wide[kind], bottom=bottom, label=kind, edgecolor="white", linewidth=0.5,
               color=KIND_COLOURS.get(kind, KIND_COLOURS["other"]), width=0.8,
               hatch=KIND_HATCHES.get(kind, KIND_HATCHES["other"]))
        bottom = bottom + wide[kind]
    step = max(1, len(wide) // 24)
    ax.set_xticks(list(x)[::step], list(wide.index)[::step], rotation=45, ha="right")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel("events")
    ax.set_title(f"Events per {counts.attrs.get('freq', 'period')}")
    ax.legend(frameon=False, fontsize=MIN_FONT)
    ax.tick_params(labelsize=MIN_FONT + 0.5)
    return ax


def date_label(date: Any, precision: Any, text: Any = None) -> str:
    """A date shown no more precisely than known: 2021-11-01, 2022-04 or 2022; else as written."""
    stamp = pd.to_datetime(date, errors="coerce")
    if pd.isna(stamp):
        return str(text) if isinstance(text, str) else ""
    return stamp.strftime({"month": "%Y-%m", "year": "%Y"}.get(precision, "%Y-%m-%d"))


def _signatories(part: pd.DataFrame, names: dict[str, str], labels: pd.Series) -> pd.Series:
    """cluster → 'Name, Title (ORG); …' listing each signatory once, in order of appearance."""
    first = part.groupby(["cluster", "person_id"], sort=False).agg(
        title=("title", "first"), org_id=("org_id", "first")).reset_index().astype({"title": object})
    text = first["person_id"].map(names).fillna(first["person_id"]).astype(str)
    text += first["title"].map(lambda t: f", {t}" if isinstance(t, str) and t else "")
    org = first["org_id"].map(labels)
    text += org.map(lambda o: f" ({o})" if isinstance(o, str) and o else "")
    return text.groupby(first["cluster"], sort=False).agg("; ".join)


def _sentences(frame: pd.DataFrame, sentences: Any) -> pd.Series:
    """The evidence sentence of each event row: its `sentence` column, else read through
    `sentences` (anything with .load(ids) and .get(id), e.g. reportkit.EventSentences)."""
    if "sentence" in frame:
        return frame["sentence"].fillna("")
    if sentences is None:
        require_columns(frame, ("sentence",), "events", "timeline")
    sentences.load(frame["event_id"])
    return frame["event_id"].map(lambda e: sentences.get(e) or "")


def _shown(frame: pd.DataFrame, max_rows: int | None) -> pd.DataFrame:
    """The first `max_rows` rows (all without a cap)."""
    if max_rows is not None and max_rows < 1:
        raise ValueError(f"max_rows must be at least 1, not {max_rows}")
    return frame.head(max_rows) if max_rows else frame


def signings_table(events: pd.DataFrame, participants: pd.DataFrame, documents: pd.DataFrame,
                   organizations: pd.DataFrame, people: pd.DataFrame, max_rows: int | None = None,
                   sentences: Any = None) -> pd.DataFrame:
    """One row per real-world signing, oldest first: date, agreement, parties (full names),
    signatories, evidence (the sentence of the best-dated report), sources (title and url, or
    file when there is no url).

    Reports sharing a cluster_id are merged: parties and signatories from all of them, the date
    and evidence from the best-dated one, every reporting document listed as a source. With
    `max_rows`, only the first rows are built; `attrs["total"]` says how many signings there are.
    Without a `sentence` column the evidence is read through `sentences` (EventSentences).
    """
    require_columns(events, _EVENT_COLUMNS + ("agreement", "date_text"), "events", "signings_table")
    require_columns(participants, ("event_id", "person_id", "org_id", "title", "role"),
                    "participants", "signings_table")
    require_columns(people, ("person_id", "name"), "people", "signings_table")
    signings = events[events["kind"] == "signing"]
    cols = ["date", "agreement", "parties", "signatories", "evidence", "sources"]
    if signings.empty:
        return pd.DataFrame(columns=cols)
    signings = signings.assign(cluster=cluster_key(signings))
    reps = one_per_cluster(signings)
    reps = reps.assign(_sort=as_datetime(reps["date"])).sort_values("_sort", na_position="last",
                                                                     kind="stable")
    total = len(reps)
    reps = _shown(reps, max_rows)
    signings = signings[isin(signings["cluster"], reps["cluster"])]  # only the rows shown are built
    labels = org_labels(organizations)
    sources = source_labels(documents[isin(documents["doc_id"], signings["doc_id"])])  # cited only
    names = dict(zip(people["person_id"], people["name"]))
    cluster_of = lookup(signings["event_id"], signings["cluster"])
    part = participants[isin(participants["event_id"], signings["event_id"])
                        & participants["person_id"].notna() & (participants["role"] == "signatory")]
    signers = _signatories(part.assign(cluster=part["event_id"].map(cluster_of)), names, labels)
    co = cluster_organizations(signings, participants)
    full = dict(zip(organizations["org_id"], organizations["name"]))
    co = co.assign(label=co["org_id"].map(full).fillna(co["org_id"]).astype(str))
    co = co.sort_values("label", kind="stable")
    parties = join_values(co["cluster_id"], co["label"])
    agreement = first_value(signings["agreement"], signings["cluster"])
    cited = signings.assign(source=signings["doc_id"].map(sources).fillna(""))
    cited = cited.drop_duplicates(["cluster", "source"])
    cited = join_values(cited["cluster"], cited["source"])
    out = pd.DataFrame({
        "date": [date_label(r.date, r.date_precision, r.date_text) for r in reps.itertuples()],
        "agreement": reps["cluster"].map(agreement).values,
        "parties": reps["cluster"].map(parties).fillna("").values,
        "signatories": reps["cluster"].map(signers).fillna("").values,
        "evidence": _sentences(reps, sentences).values,
        "sources": reps["cluster"].map(cited).values,
    })[cols]
    out.attrs["total"] = total
    return out


def undated_events(events: pd.DataFrame, participants: pd.DataFrame, documents: pd.DataFrame,
                   organizations: pd.DataFrame, max_rows: int | None = None,
                   sentences: Any = None) -> pd.DataFrame:
    """Events with no usable date: date_text, date_precision, kind, organizations, sentence, source.

    With `max_rows`, only the first rows are built; `attrs["total"]` says how many there are.
    """
    require_columns(events, _EVENT_COLUMNS + ("date_text", "start"), "events", "undated_events")
    undated = events[as_datetime(events["date"]).isna()]
    cols = ["date_text", "date_precision", "kind", "organizations", "sentence", "source"]
    if undated.empty:
        return pd.DataFrame(columns=cols)
    total = len(undated)
    undated = _shown(undated.sort_values(["date_precision", "doc_id", "start"]), max_rows)
    labels = org_labels(organizations)
    eo = event_organizations(undated, participants)
    orgs = eo.assign(label=eo["org_id"].map(labels)).groupby("event_id")["label"].agg(
        lambda s: "; ".join(sorted(s.dropna().astype(str))))
    out = undated.assign(
        organizations=undated["event_id"].map(orgs).fillna(""),
        source=undated["doc_id"].map(source_labels(documents[isin(documents["doc_id"], undated["doc_id"])])).fillna(""),
        date_text=undated["date_text"].fillna(""),
        sentence=_sentences(undated, sentences),
    )
    out = out[cols].reset_index(drop=True)
    out.attrs["total"] = total
    return out
