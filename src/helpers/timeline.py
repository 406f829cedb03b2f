"""Events on a time axis: lanes per organisation, counts per period, signings and undated events."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .reportkit import (
    as_datetime,
    axes,
    cluster_key,
    cluster_organizations,
    empty_axes,
    event_organizations,
    first_value,
    join_values,
    one_per_cluster,
    org_labels,
    require_columns,
    source_labels,
)

KIND_COLOURS = {
    "signing": "#1f77b4", "visit": "#ff7f0e", "meeting": "#2ca02c",
    "speech": "#9467bd", "other": "#7f7f7f",
}
OTHER_LANE = "Other organisations"
NO_ORG_LANE = "No organisation named"
DENSE_POINTS = 300  # above this many dots, draw them smaller and skip the connecting lines
_EVENT_COLUMNS = ("event_id", "doc_id", "kind", "date", "date_precision", "cluster_id")


def timeline_points(events: pd.DataFrame, participants: pd.DataFrame,
                    organizations: pd.DataFrame, lanes: int = 10) -> pd.DataFrame:
    """One row per dated real-world event and lane: event_id, date, kind, date_precision, lane.

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
        return pd.DataFrame(columns=cols).assign(date=pd.Series(dtype="datetime64[ns]"))
    reps = one_per_cluster(dated).assign(date=lambda d: as_datetime(d["date"]))
    reps = reps.assign(cluster_id=cluster_key(reps))
    co = cluster_organizations(dated, participants)
    co = co.assign(label=co["org_id"].map(org_labels(organizations)).fillna(co["org_id"]))
    busiest = co.groupby("label")["cluster_id"].nunique().sort_values(ascending=False, kind="stable")
    leading = list(busiest.index[:lanes])
    co = co.assign(lane=co["label"].where(co["label"].isin(leading), OTHER_LANE))
    out = reps.merge(co[["cluster_id", "lane"]].drop_duplicates(), on="cluster_id", how="left")
    out["lane"] = out["lane"].fillna(NO_ORG_LANE)
    out = out[cols].sort_values(["date", "lane"]).reset_index(drop=True)
    extra = [x for x in (OTHER_LANE, NO_ORG_LANE) if x in set(out["lane"])]
    out.attrs["lane_order"] = [x for x in leading if x in set(out["lane"])] + extra
    return out


def plot_timeline(points: pd.DataFrame, ax: Any = None) -> Any:
    """Dots on a date axis, one lane per organisation, coloured by kind; hollow = month/year only.

    Grey lines join the lanes of one signing's parties, unless the chart is too dense for them.
    """
    require_columns(points, ("cluster_id", "date", "kind", "date_precision", "lane"),
                    "points", "plot_timeline")
    ax = axes(ax, figsize=(10, 0.45 * max(points["lane"].nunique(), 4) + 1.5))
    if points.empty:
        return empty_axes(ax)
    order = points.attrs.get("lane_order") or list(dict.fromkeys(points["lane"]))
    y = {lane: i for i, lane in enumerate(order)}
    pts = points.assign(y=points["lane"].map(y))
    dense = len(pts) > DENSE_POINTS
    if not dense:
        for _, same in pts[pts["kind"] == "signing"].groupby("cluster_id"):
            if len(same) > 1:
                ax.plot([same["date"].iloc[0]] * 2, [same["y"].min(), same["y"].max()],
                        color="0.75", lw=1, zorder=1)
    size, alpha = (14, 0.6) if dense else (46, 1.0)
    for kind, group in pts.groupby("kind"):
        colour = KIND_COLOURS.get(kind, KIND_COLOURS["other"])
        exact = group["date_precision"] == "day"
        ax.scatter(group.loc[exact, "date"], group.loc[exact, "y"], s=size, color=colour,
                   alpha=alpha, label=kind, zorder=2)
        ax.scatter(group.loc[~exact, "date"], group.loc[~exact, "y"], s=size, facecolors="white",
                   edgecolors=colour, linewidths=1.5, alpha=alpha, zorder=2,
                   label=None if exact.all() else f"{kind} (month or year only)")
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.grid(axis="x", color="0.9")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    ax.set_title("Events by organisation")
    return ax


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
    ax = axes(ax)
    if counts.empty:
        return empty_axes(ax)
    wide = counts.pivot_table(index="period", columns="kind", values="n", aggfunc="sum",
                              fill_value=0, sort=True)
    bottom = pd.Series(0, index=wide.index)
    x = range(len(wide))
    for kind in [k for k in KIND_COLOURS if k in wide] + [k for k in wide if k not in KIND_COLOURS]:
        ax.bar(x, wide[kind], bottom=bottom, label=kind,
               color=KIND_COLOURS.get(kind, KIND_COLOURS["other"]), width=0.8)
        bottom = bottom + wide[kind]
    step = max(1, len(wide) // 24)
    ax.set_xticks(list(x)[::step], list(wide.index)[::step], rotation=45, ha="right")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel("events")
    ax.set_title(f"Events per {counts.attrs.get('freq', 'period')}")
    ax.legend(frameon=False, fontsize=8)
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
        title=("title", "first"), org_id=("org_id", "first")).reset_index()
    text = first["person_id"].map(names).fillna(first["person_id"]).astype(str)
    text += first["title"].map(lambda t: f", {t}" if isinstance(t, str) and t else "")
    org = first["org_id"].map(labels)
    text += org.map(lambda o: f" ({o})" if isinstance(o, str) and o else "")
    return text.groupby(first["cluster"], sort=False).agg("; ".join)


def signings_table(events: pd.DataFrame, participants: pd.DataFrame, documents: pd.DataFrame,
                   organizations: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """One row per real-world signing, oldest first: date, agreement, parties, signatories, sources.

    Reports sharing a cluster_id are merged: parties and signatories from all of them, the date
    from the best-dated one, every reporting document listed as a source.
    """
    require_columns(events, _EVENT_COLUMNS + ("agreement", "date_text"), "events", "signings_table")
    require_columns(participants, ("event_id", "person_id", "org_id", "title", "role"),
                    "participants", "signings_table")
    require_columns(people, ("person_id", "name"), "people", "signings_table")
    signings = events[events["kind"] == "signing"]
    cols = ["date", "agreement", "parties", "signatories", "sources"]
    if signings.empty:
        return pd.DataFrame(columns=cols)
    labels, sources = org_labels(organizations), source_labels(documents)
    names = dict(zip(people["person_id"], people["name"]))
    signings = signings.assign(cluster=cluster_key(signings))
    cluster_of = dict(zip(signings["event_id"], signings["cluster"]))
    part = participants[participants["event_id"].isin(cluster_of) & participants["person_id"].notna()
                        & (participants["role"] == "signatory")]
    signers = _signatories(part.assign(cluster=part["event_id"].map(cluster_of)), names, labels)
    co = cluster_organizations(signings, participants)
    co = co.assign(label=co["org_id"].map(labels).fillna(co["org_id"]).astype(str))
    co = co.sort_values("label", kind="stable")
    parties = join_values(co["cluster_id"], co["label"])
    agreement = first_value(signings["agreement"], signings["cluster"])
    cited = signings.assign(source=signings["doc_id"].map(sources).fillna(""))
    cited = cited.drop_duplicates(["cluster", "source"])
    cited = join_values(cited["cluster"], cited["source"])
    reps = one_per_cluster(signings)
    out = pd.DataFrame({
        "_sort": as_datetime(reps["date"]).values,
        "date": [date_label(r.date, r.date_precision, r.date_text) for r in reps.itertuples()],
        "agreement": reps["cluster"].map(agreement).values,
        "parties": reps["cluster"].map(parties).fillna("").values,
        "signatories": reps["cluster"].map(signers).fillna("").values,
        "sources": reps["cluster"].map(cited).values,
    })
    out = out.sort_values("_sort", na_position="last", kind="stable")
    return out[cols].reset_index(drop=True)


def undated_events(events: pd.DataFrame, participants: pd.DataFrame, documents: pd.DataFrame,
                   organizations: pd.DataFrame) -> pd.DataFrame:
    """Events with no usable date: date_text, date_precision, kind, organizations, sentence, source."""
    require_columns(events, _EVENT_COLUMNS + ("date_text", "sentence"), "events", "undated_events")
    undated = events[as_datetime(events["date"]).isna()]
    cols = ["date_text", "date_precision", "kind", "organizations", "sentence", "source"]
    if undated.empty:
        return pd.DataFrame(columns=cols)
    labels = org_labels(organizations)
    eo = event_organizations(undated, participants)
    orgs = eo.assign(label=eo["org_id"].map(labels)).groupby("event_id")["label"].agg(
        lambda s: "; ".join(sorted(s.dropna().astype(str))))
    out = undated.assign(
        organizations=undated["event_id"].map(orgs).fillna(""),
        source=undated["doc_id"].map(source_labels(documents)).fillna(""),
        date_text=undated["date_text"].fillna(""),
    )
    return out.sort_values(["date_precision", "doc_id", "start"])[cols].reset_index(drop=True)
