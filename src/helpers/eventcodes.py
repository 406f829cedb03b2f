"""Events, clusters, people and organisations as integer codes: the joins the reports make over
millions of participant rows, worked out on integers instead of text keys.

Text ids cost a Python object or an Arrow string per row in every merge and map; a million
releases give over ten million participant rows, so the reports code each id once and join codes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .frames import positions, require_columns

CHUNK_ROWS = 1 << 20  # (person, event) rows expanded to their events' organisations at a time
DENSE_KEYS = 1 << 24  # keys counted in one array (128 MB of counts) rather than sorted


def cluster_key(events: pd.DataFrame) -> pd.Series:
    """Each event's real-world event key: its cluster_id, or its own event_id when that is null."""
    require_columns(events, ("event_id", "cluster_id"), "events", "cluster_key")
    return events["cluster_id"].fillna(events["event_id"])


def first_seen(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`codes` renumbered 0, 1, … in order of first appearance (-1 stays -1), and the old code of
    each new one: `pd.factorize` on integers, with -1 as the missing value."""
    new, old = pd.factorize(np.asarray(codes, dtype=np.int64))
    missing = np.flatnonzero(old == -1)
    if len(missing):
        k = int(missing[0])
        new = np.where(new == k, -1, new - (new > k))
        old = np.delete(old, k)
    return new.astype(np.int64), old.astype(np.int64)


def usual_values(group: np.ndarray, value: np.ndarray, n_groups: int, n_values: int,
                 rank: np.ndarray) -> np.ndarray:
    """Each group's most frequent value code (-1 for a group with no rows); ties go to the lower
    `rank` of the value, then to the value seen first. Counted in arrays, without a sort of rows."""
    key = group.astype(np.int64) * n_values + value
    n = np.bincount(key, minlength=n_groups * n_values)
    first = np.full(len(n), len(key), dtype=np.int64)
    np.minimum.at(first, key, np.arange(len(key)))
    cells = np.flatnonzero(n)  # (group, value) cells seen: few, whatever the rows
    cells = cells[np.lexsort((first[cells], rank[cells % n_values], -n[cells], cells // n_values))]
    groups = cells // n_values
    lead = np.r_[True, groups[1:] != groups[:-1]] if len(cells) else np.array([], dtype=bool)
    best = np.full(n_groups, -1, dtype=np.int64)
    best[groups[lead]] = cells[lead] % n_values
    return best


def ranks(values: Any) -> np.ndarray:
    """Each value's rank in sorted order (equal values equal ranks; nulls last)."""
    values = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    codes = pd.factorize(values, sort=True)[0]
    return np.where(codes < 0, codes.max(initial=-1) + 1, codes)


def event_org_rows(events: pd.DataFrame, participants: pd.DataFrame,
                   event_pos: np.ndarray | None = None) -> np.ndarray:
    """Positions of the participant rows that give each event's organisations: its parties;
    lacking those, its signatories' affiliations; lacking those, all its participants'
    affiliations. `event_pos` (each row's position in `events`, -1 when absent) saves a lookup."""
    require_columns(events, ("event_id",), "events", "event_org_rows")
    require_columns(participants, ("event_id", "org_id", "role"), "participants", "event_org_rows")
    if event_pos is None:
        event_pos = positions(participants["event_id"], events["event_id"])
    wanted = np.flatnonzero((event_pos >= 0) & participants["org_id"].notna().to_numpy())
    role = participants["role"]
    tier = np.where((role == "party").to_numpy(), 0, np.where((role == "signatory").to_numpy(), 1, 2))
    tier = tier[wanted].astype(np.int8)
    event = event_pos[wanted]
    best = np.full(len(events), 3, dtype=np.int8)
    np.minimum.at(best, event, tier)
    return wanted[tier == best[event]]


def event_org_labels(events: pd.DataFrame, participants: pd.DataFrame,
                     labels: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each event's organisations (`event_org_rows`) as (event position, label code, label names):
    an organisation is named by `labels` (org_id → label, e.g. reportkit.org_labels), else its id."""
    event_pos = positions(participants["event_id"], events["event_id"])
    rows = event_org_rows(events, participants, event_pos)
    org, org_ids = pd.factorize(participants["org_id"].iloc[rows])
    named = pd.Series(np.asarray(org_ids, dtype=object))
    label, names = pd.factorize(named.map(labels).fillna(named))
    return event_pos[rows], label[org], np.asarray(names, dtype=object)


def distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct integers of `keys`, sorted: `np.unique` by a sort (numpy 2.3's hashed unique is
    several times slower on tens of millions of int64)."""
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


class Joiner:
    """An inner join on integer codes: the right side sorted once, then `join(keys)` gives, for
    each left key, the right values of that key, without a hash table or a merge of frames."""

    def __init__(self, keys: np.ndarray, values: np.ndarray, n_keys: int) -> None:
        order = np.argsort(keys, kind="stable")
        keys = np.asarray(keys, dtype=np.int64)[order]
        self.values = np.asarray(values)[order]
        self.first = np.searchsorted(keys, np.arange(n_keys))
        self.count = np.bincount(keys, minlength=n_keys)

    def join(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in `keys`, right value) of every match, in the order of `keys`."""
        k = self.count[keys]
        offset = np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k)
        return np.repeat(np.arange(len(keys)), k), self.values[np.repeat(self.first[keys], k) + offset]


class _Tally:
    """Counts per integer key, added a batch at a time: in one array of `size` counts when that is
    small enough (no sort), else as sorted (key, count) batches summed at the end."""

    def __init__(self, size: int, dense: int) -> None:
        self.size = size
        self.counts = np.zeros(size, dtype=np.int64) if size <= dense else None
        self.batches: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, keys: np.ndarray) -> None:
        """Count each of `keys` once."""
        if self.counts is not None:
            self.counts += np.bincount(keys, minlength=self.size)
        else:
            self.batches.append(np.unique(keys, return_counts=True))

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        """The keys counted (sorted) and their counts."""
        if self.counts is not None:
            keys = np.flatnonzero(self.counts)
            return keys.astype(np.int64), self.counts[keys]
        if not self.batches:
            return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
        summed = pd.Series(np.concatenate([c for _, c in self.batches]), dtype=np.int64).groupby(
            np.concatenate([k for k, _ in self.batches])).sum()
        return summed.index.to_numpy(np.int64), summed.to_numpy(np.int64)


def person_org_links(person: np.ndarray, cluster: np.ndarray, own_org: np.ndarray,
                     co_cluster: np.ndarray, co_org: np.ndarray,
                     chunk: int = CHUNK_ROWS, dense: int = DENSE_KEYS) -> pd.DataFrame:
    """Columns person, org (codes), weight (distinct events), affiliated, sorted by person then org:
    each person's own organisations and those of the events (clusters) they took part in.

    Rows are a person at an event (`cluster` code) with their own organisation (`own_org`, -1 when
    none); `co_cluster`/`co_org` pair each event with its organisations. A (person, event) pair
    joined to its event's distinct organisations gives distinct (person, event, organisation)
    triples, so the organisations met are counted per pair, `chunk` pairs at a time, without
    holding every triple; up to `dense` (person, organisation) pairs are counted in one array.
    """
    n_orgs = max(1, int(max(own_org.max(initial=-1), co_org.max(initial=-1))) + 1)
    n_clusters = max(1, int(max(cluster.max(initial=-1), co_cluster.max(initial=-1))) + 1)
    valid = (co_cluster >= 0) & (co_org >= 0)
    co = distinct(co_cluster[valid].astype(np.int64) * n_orgs + co_org[valid])  # by event, then org
    orgs_of = Joiner(co // n_orgs, co % n_orgs, n_clusters)
    at = distinct(person[cluster >= 0].astype(np.int64) * n_clusters + cluster[cluster >= 0])
    at_p, at_c = at // n_clusters, at % n_clusters
    tally = _Tally((int(person.max(initial=-1)) + 1) * n_orgs, dense)
    for i in range(0, len(at), chunk):
        left, org = orgs_of.join(at_c[i:i + chunk])
        tally.add(at_p[i:i + chunk][left] * n_orgs + org)
    mine = (own_org >= 0) & (cluster >= 0)
    own_pair = person[mine].astype(np.int64) * n_orgs + own_org[mine]
    own_co = cluster[mine].astype(np.int64) * n_orgs + own_org[mine]
    spot = np.minimum(np.searchsorted(co, own_co), max(0, len(co) - 1))
    apart = co[spot] != own_co if len(co) else np.ones(len(own_co), dtype=bool)
    # an own organisation at an event it is not an organisation of: once per (pair, event)
    tally.add(distinct(own_pair[apart] * n_clusters + cluster[mine][apart]) // n_clusters)
    pairs, weight = tally.result()
    return pd.DataFrame({"person": pairs // n_orgs, "org": pairs % n_orgs, "weight": weight,
                         "affiliated": np.isin(pairs, distinct(own_pair), assume_unique=True)})
