"""What appeared since a run's previous good render: signings, organisations, people, partners.

After a run, `accords render` records the facts of the tables it rendered from in the run
folder (`seen.json`); the next render of the same run passes that file to the notebooks as
`previous_facts`, and `whats_new` lists what the tables hold now that the record did not. A
report keeps the facts of its own tables in `facts_file` as it goes, so recording them does not
read the tables a second time.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .eventcodes import distinct, event_org_rows, ranks
from .frames import positions
from .reportkit import (
    Note,
    as_datetime,
    cluster_key,
    isin,
    org_labels,
    require_columns,
)

SEEN_FILE = "seen.json"
LEADING = 10  # organisations with most signings whose new partners are listed
SHOWN = 100  # rows of the what's-new table shown; its caption says how many there are


def _signings(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Columns key, date, agreement, parties (org_ids): one row per real-world signing.

    The key is the signing's day and its parties, so that a second report of a known signing
    (or a re-extraction that renumbers clusters) is not news."""
    ev = tables["events"]
    require_columns(ev, ("event_id", "kind", "date", "cluster_id", "agreement"), "events", "facts")
    signings = ev[ev["kind"] == "signing"]
    if signings.empty:
        return pd.DataFrame(columns=["key", "date", "agreement", "parties"])
    # on codes and row positions: a million signings have millions of party rows
    part = tables["participants"]
    cluster, cluster_ids = pd.factorize(cluster_key(signings))
    event_pos = positions(part["event_id"], signings["event_id"])
    rows = event_org_rows(signings, part, event_pos)
    org, org_ids = pd.factorize(part["org_id"].iloc[rows])
    org_ids = np.asarray(org_ids, dtype=object)
    rank = ranks(org_ids)  # org_ids are distinct: a rank is an org_id
    n_orgs = max(1, len(org_ids))
    pairs = distinct(cluster[event_pos[rows]].astype(np.int64) * n_orgs + rank[org])  # by cluster, org_id
    keys, orgs = pairs // n_orgs, org_ids[np.argsort(rank)][pairs % n_orgs]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.array([], int)
    parties = dict(zip(np.asarray(cluster_ids, dtype=object)[keys[starts]],
                       (list(g) for g in np.split(orgs, starts[1:]))))  # no groupby per cluster
    day = as_datetime(signings["date"])
    stamp = day.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    order = np.lexsort((pd.factorize(signings["event_id"], sort=True)[0], stamp, day.isna().to_numpy()))
    first = order[np.sort(np.unique(cluster[order], return_index=True)[1])]  # the first of each cluster
    reps = signings.iloc[first].assign(cluster=np.asarray(cluster_ids, dtype=object)[cluster[first]],
                                       day=day.iloc[first].to_numpy())
    clusters = reps["cluster"].to_numpy(dtype=object)  # Python loops below walk plain arrays
    days = reps["day"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(dtype=object)
    found = [parties.get(c, []) for c in clusters]
    out = pd.DataFrame({"date": days, "agreement": reps["agreement"].fillna("").to_numpy(dtype=object),
                        "parties": found, "cluster": clusters})
    out["key"] = [f"{d}|{'+'.join(p)}" if p else f"cluster|{c}" for d, p, c in zip(days, found, clusters)]
    return out.drop_duplicates("key")[["key", "date", "agreement", "parties"]]


def _partners(signings: pd.DataFrame) -> set[tuple[str, str]]:
    """Pairs of organisations (sorted) that are parties to one signing."""
    return {(a, b) for parties in signings["parties"] for a in parties for b in parties if a < b}


def facts(tables: dict[str, pd.DataFrame], signings: pd.DataFrame | None = None) -> dict[str, Any]:
    """The facts a later run compares with: signing keys, organisation and person ids, partner
    pairs (`signings`: `_signings(tables)` when already worked out)."""
    signings = _signings(tables) if signings is None else signings
    part = tables["participants"]
    return {"signings": sorted(signings["key"]),
            "organizations": sorted(set(pd.unique(part["org_id"].dropna()))),
            "people": sorted(set(pd.unique(part["person_id"].dropna()))),
            "partners": sorted([list(p) for p in _partners(signings)])}


def write_facts(tables: dict[str, pd.DataFrame], path: Path, run: str, when: str,
                source: str = "") -> None:
    """Record `facts(tables)` at `path` (through a temporary file); `source` names the tables
    and filters they come from (see `_source`)."""
    _write(Path(path), {"run": run, "recorded": when, "source": source, **facts(tables)})


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write recorded facts as one line: json writes it in C (an indented dump is pure Python)."""
    from .runs import _atomic_write

    _atomic_write(path, json.dumps(data))


def _source(folder: Path, chosen: dict[str, Any]) -> str:
    """A digest of the tables (extract.json, each table's size and modification time) and the
    filters: equal digests mean equal facts."""
    import hashlib

    from .store import TABLES

    parts: list[Any] = [chosen]
    meta = Path(folder) / "extract.json"
    parts.append(meta.read_text(encoding="utf-8") if meta.exists() else "")
    for name in TABLES:
        stat = (Path(folder) / f"{name}.parquet").stat()
        parts.append([name, stat.st_size, stat.st_mtime_ns])
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def read_facts(path: str | Path) -> dict[str, Any] | None:
    """A recorded set of facts, or None when there is none (a first run)."""
    if not path:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "signings" in data else None


def whats_new(tables: dict[str, pd.DataFrame], previous: dict[str, Any] | None,
              leading: int = LEADING, keep: str = "") -> pd.DataFrame:
    """Columns what, name, details: signings, organisations, people and partners of the
    `leading` organisations (most signings) that the previous facts did not hold.

    With `keep` (a path; `accords render` gives one), the facts of these tables are written
    there too, for the next render to compare with: the report has its tables in hand, where
    reading them again after the render would cost the memory of a second report."""
    cols = ["what", "name", "details"]
    if not previous and not keep:
        return pd.DataFrame(columns=cols)
    signings = _signings(tables)
    if keep:
        _write(Path(keep), facts(tables, signings))
    if not previous:
        return pd.DataFrame(columns=cols)
    labels = org_labels(tables["organizations"])
    names = dict(zip(tables["organizations"]["org_id"], tables["organizations"]["name"]))
    people = dict(zip(tables["people"]["person_id"], tables["people"]["name"]))
    rows = []
    for s in signings[~isin(signings["key"], previous.get("signings", []))].itertuples():
        parties = ", ".join(str(labels.get(p, p)) for p in s.parties)
        rows.append(("new signing", s.agreement or "(agreement not named)",
                     f"{s.date or 'date unknown'}: {parties}"))
    now = facts(tables, signings)
    for org in sorted(set(now["organizations"]) - set(previous.get("organizations", [])),
                      key=lambda o: str(names.get(o, o))):
        rows.append(("new organisation", str(names.get(org, org)), ""))
    for pid in sorted(set(now["people"]) - set(previous.get("people", [])),
                      key=lambda p: str(people.get(p, p))):
        rows.append(("new person", str(people.get(pid, pid)), ""))
    counts = pd.Series([p for ps in signings["parties"] for p in ps]).value_counts()
    top = set(counts.sort_index().sort_values(ascending=False, kind="stable").index[:leading])
    known = {tuple(p) for p in previous.get("partners", [])}
    for a, b in sorted(_partners(signings) - known):
        for lead, other in ((a, b), (b, a)):
            if lead in top:
                rows.append(("new partner", str(names.get(lead, lead)),
                             f"now signs with {names.get(other, other)}"))
    return pd.DataFrame(rows, columns=cols)


def kept_facts(seen: Path, report: str) -> Path:
    """Where report `report` of a run keeps the facts of its tables during a render (`facts_file`)."""
    return Path(seen).with_name(f".facts-{report}.json")


def pass_previous_facts(reports: Sequence[Any], plan: dict[str, dict[str, Any]], seen: Path,
                        notebooks_dir: Path | None = None) -> None:
    """Give `previous_facts` (the facts of the run's last good render, if recorded) to every
    report that declares the parameter and was not given a value, and `facts_file` (where to
    keep this render's facts) to the first of them: the one whose facts are recorded when its
    render is good (the tables are read again only when it is not). When the record is of the
    same tables and filters (`notebooks_dir` given), there is nothing new to keep."""
    keeping = next((r for r in reports if "facts_file" in r.specs and "previous_facts" in r.specs), None)
    recorded = _recorded_source(seen) if keeping is not None and notebooks_dir is not None else None
    same = recorded is not None and recorded == _digest(keeping, plan[keeping.name], notebooks_dir)
    if keeping is not None and "facts_file" not in plan[keeping.name] and not same:
        plan[keeping.name]["facts_file"] = str(kept_facts(seen, keeping.name))
    for report in reports:
        if Path(seen).exists() and "previous_facts" in report.specs \
                and "previous_facts" not in plan[report.name]:
            plan[report.name]["previous_facts"] = str(seen)


def record_facts(reports: Sequence[Any], plan: dict[str, dict[str, Any]], good: Sequence[str],
                 seen: Path, run: str, notebooks_dir: Path) -> None:
    """After a good render of a report that shows what's new, record the facts of its tables:
    the tables as that report read them (units folded, filtered by its parameters), so that the
    next render compares like with like. The facts the report kept (`facts_file`) are taken
    as they are; a report that kept none has its tables read again. Kept files are removed."""
    by_name = {r.name: r for r in reports}
    shown = [name for name in good if "previous_facts" in by_name[name].specs]
    try:
        if shown:
            _record(by_name[shown[0]], plan[shown[0]], seen, run, notebooks_dir)
    finally:
        for report in reports:
            with contextlib.suppress(OSError):
                kept_facts(seen, report.name).unlink(missing_ok=True)


def _chosen(report: Any, chosen_plan: dict[str, Any], notebooks_dir: Path) -> tuple[Path, dict[str, Any]]:
    """The tables folder a report reads and the filters it applies."""
    from .checks import _values, data_folder

    values = _values(report, chosen_plan)
    return data_folder(report, chosen_plan, notebooks_dir), {
        k: values[k] for k in ("start", "end", "organizations", "themes", "show_units") if k in values}


def _digest(report: Any, chosen_plan: dict[str, Any], notebooks_dir: Path) -> str | None:
    """`_source` of the tables and filters of a report, or None when they cannot be read."""
    from .errors import AccordsError

    with contextlib.suppress(AccordsError, OSError, ValueError):
        return _source(*_chosen(report, chosen_plan, notebooks_dir))
    return None


def _recorded_source(seen: Path) -> str | None:
    """The `source` digest of a recorded facts file, read from its head (the facts can be tens of
    megabytes); None when there is none."""
    with contextlib.suppress(OSError), open(seen, encoding="utf-8") as f:
        match = re.search(r'"source": "([0-9a-f]+)"', f.read(4096))
        return match.group(1) if match else None
    return None


def _record(report: Any, chosen_plan: dict[str, Any], seen: Path, run: str, notebooks_dir: Path) -> None:
    """Record the facts of one good render of `report` at `seen` (see `record_facts`)."""
    from .errors import AccordsError
    from .reportkit import report_tables
    from .runs import _atomic_write

    when = f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"
    kept = Path(chosen_plan.get("facts_file") or kept_facts(seen, report.name))
    with contextlib.suppress(AccordsError, OSError, ValueError):
        source, chosen = _chosen(report, chosen_plan, notebooks_dir)
        digest = _source(source, chosen)
        body = kept.read_text(encoding="utf-8").strip() if kept.is_file() else ""
        if body.startswith("{") and body.endswith("}"):  # one JSON object: joined, not parsed
            head = json.dumps({"run": run, "recorded": when, "source": digest})[:-1]
            _atomic_write(Path(seen), head + ("}" if body == "{}" else ", " + body[1:]))
            return
        known = read_facts(seen)
        if known and known.get("source") == digest:  # same tables, same filters: same facts
            _write(Path(seen), {**known, "run": run, "recorded": when})
            return
        write_facts(report_tables(str(source), **chosen), seen, run, when, digest)


def describe(previous: dict[str, Any] | None, new: pd.DataFrame) -> Note:
    """A sentence saying what the comparison is with, or that there is nothing to compare with."""
    if not previous:
        return Note("This is the first good render of this run: there is nothing earlier to "
                    "compare with. The next render of the same run (a scheduled job, or "
                    "`accords render --name` again) lists what appeared since this one.")
    when = f"the previous good render ({previous.get('recorded', 'time unknown')})"
    if new.empty:
        return Note(f"Nothing new since {when}.")
    counts: dict[str, int] = {}
    for what in new["what"]:  # in the table's order
        counts[what] = counts.get(what, 0) + 1
    plural = {"new person": "new people"}
    parts = [f"{n} {what if n == 1 else plural.get(what, what + 's')}" for what, n in counts.items()]
    return Note(f"Since {when}: " + ", ".join(parts) + ".")
