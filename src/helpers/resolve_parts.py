"""Corpus-wide resolution part by part: mergeable statistics per entity key, then ids and clusters.

Gives the same ids, names and clusters as `helpers.resolve` over facts held in memory: where
that code takes "the first" member or breaks a tie by first appearance, the statistics keep the
position (document order, place in the document) at which each value was first seen.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .extract.acronyms import initials
from .extract.facts import org_key
from .ids import same_event, stable_id

Order = tuple  # (no publication date, date ordinal, path, place in the document)


def doc_order(published: dt.date | None, path: str) -> tuple:
    """The place of a release in resolution order: dated releases first, by date, then by path."""
    return (published is None, published.toordinal() if published else 0, path)


def _count(table: dict, value: object, order: Order) -> None:
    hit = table.get(value)
    if hit is None:
        table[value] = [1, order]
    else:
        hit[0] += 1
        if order < hit[1]:
            hit[1] = order


def _merge_counts(into: dict, other: dict) -> None:
    for value, (n, order) in other.items():
        hit = into.get(value)
        if hit is None:
            into[value] = [n, order]
        else:
            hit[0] += n
            hit[1] = min(hit[1], order)


def _most_common(table: dict) -> object:
    """The most frequent value, ties going to the one seen first (as Counter.most_common(1))."""
    return min(table.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]


# --- organisations ---------------------------------------------------------------------------


def org_stats(rows) -> dict[str, list]:
    """Statistics per organisation key from (order, slot, name, acronym, kind, aliases) rows."""
    stats: dict[str, list] = {}
    for order, slot, name, acronym, kind, aliases in rows:
        s = stats.get(slot)
        if s is None:
            s = stats[slot] = [order, name, False, set(), {}, {}, {}, set()]
        elif order < s[0]:
            s[0], s[1] = order, name
        if name != acronym:
            s[2] = True
            _count(s[4], name, order)
        if acronym:
            s[3].add(acronym)
            _count(s[5], acronym, order)
        if kind != "other":
            _count(s[6], kind, order)
        s[7].update(aliases)
        s[7].add(name)
        if acronym:
            s[7].add(acronym)
    return stats


def _merge_stats(into: dict[str, list], other: dict[str, list], combine) -> dict[str, list]:
    """`into` with the statistics of `other` added: new keys taken as they are, shared keys'
    statistics folded by `combine(mine, theirs)`, the earlier first sighting kept."""
    for slot, o in other.items():
        s = into.get(slot)
        if s is None:
            into[slot] = o
            continue
        if o[0] < s[0]:
            s[0], s[1] = o[0], o[1]
        combine(s, o)
    return into


def _combine_orgs(s: list, o: list) -> None:
    s[2] = s[2] or o[2]
    s[3] |= o[3]
    for i in (4, 5, 6):
        _merge_counts(s[i], o[i])
    s[7] |= o[7]


def merge_org_stats(into: dict[str, list], other: dict[str, list]) -> dict[str, list]:
    """`into` with the statistics of `other` added."""
    return _merge_stats(into, other, _combine_orgs)


def finish_orgs(stats: dict[str, list]) -> tuple[dict[str, str], list[dict], dict[str, int]]:
    """(org_id per key, organisation rows as `resolve_orgs` builds them before sorting, with
    n_documents 0, and the row of each key) from merged statistics."""
    full = {k for k, s in stats.items() if s[2]}
    by_acronym: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k in full:
        for acr in stats[k][3]:
            by_acronym[acr].add(k)
            by_acronym[acr.split()[0]].add(k)
        by_initials[initials(stats[k][1])].add(k)
    merged: dict[str, list[str]] = defaultdict(list)
    for k in sorted(stats, key=lambda k: stats[k][0]):
        if k in full:
            target = k
        else:
            acr = stats[k][1]
            hits = by_acronym.get(acr) or by_initials.get(acr) or set()
            target = next(iter(hits)) if len(hits) == 1 else k
        merged[target].append(k)
    ids, rows, row_of = {}, [], {}
    for keys in merged.values():  # in order of first appearance, as resolve_orgs builds them
        names, acronyms, kinds, aliases = {}, {}, {}, set()
        for k in keys:
            s = stats[k]
            for table, own in ((names, s[4]), (acronyms, s[5]), (kinds, s[6])):
                for value, (n, order) in own.items():
                    _count_ranked(table, value, n, (s[0], order))
            aliases |= s[7]
        name = _most_common(names) if names else stats[keys[0]][1]
        org_id = stable_id("o-", org_key(name))
        rows.append({"org_id": org_id, "name": name,
                     "acronym": _most_common(acronyms) if acronyms else None,
                     "kind": _most_common(kinds) if kinds else "other",
                     "aliases": sorted(aliases - {name}), "n_documents": 0})
        for k in keys:
            ids[k] = org_id
            row_of[k] = len(rows) - 1
    return ids, rows, row_of


def _count_ranked(table: dict, value: object, n: int, rank: tuple) -> None:
    hit = table.get(value)
    if hit is None:
        table[value] = [n, rank]
    else:
        hit[0] += n
        hit[1] = min(hit[1], rank)


def doc_org_ids(org_slots: list[tuple[str, str]], alias: dict[str, str], ids: dict[str, str]) -> dict[str, str]:
    """A release's local org key -> org_id, from its (slot, local key) pairs and alias map."""
    local = {key: ids[slot] for slot, key in org_slots}
    for short, key in alias.items():
        if key in local:
            local[short] = local[key]
    return local


# --- people ----------------------------------------------------------------------------------


def people_stats(rows) -> dict[str, list]:
    """Statistics per person key from (order, slot, name, aliases) rows."""
    stats: dict[str, list] = {}
    for order, slot, name, aliases in rows:
        full = len(name.split()) >= 2
        s = stats.get(slot)
        if s is None:
            s = stats[slot] = [order, name, None, None, set(), 0]
        elif order < s[0]:
            s[0], s[1] = order, name
        if full and (s[2] is None or order < s[2]):
            s[2], s[3] = order, name
        s[4].update(aliases)
        s[4].add(name)
        s[5] += 1
    return stats


def _combine_people(s: list, o: list) -> None:
    if o[2] is not None and (s[2] is None or o[2] < s[2]):
        s[2], s[3] = o[2], o[3]
    s[4] |= o[4]
    s[5] += o[5]


def merge_people_stats(into: dict[str, list], other: dict[str, list]) -> dict[str, list]:
    """`into` with the statistics of `other` added."""
    return _merge_stats(into, other, _combine_people)


def person_id(key: str) -> str:
    """The id of the person with key `key` (the empty part keeps ids of earlier tables unchanged)."""
    return stable_id("p-", key, "")


def finish_people(stats: dict[str, list]) -> list[dict]:
    """The people rows, sorted by person_id (ties in order of first appearance)."""
    rows = []
    for key in sorted(stats, key=lambda k: stats[k][0]):
        s = stats[key]
        name = s[3] if s[3] is not None else s[1]
        rows.append({"person_id": person_id(key), "name": name, "aliases": sorted(s[4] - {name}),
                     "n_documents": s[5]})
    return sorted(rows, key=lambda r: r["person_id"])


# --- event clusters --------------------------------------------------------------------------


def cluster_day(kind: str, date: object, date_text: str | None) -> tuple[str, str] | None:
    """The (kind, day) group an event is clustered in, or None when it has no date at all."""
    if date is not None:
        return (kind, str(date))
    return (kind, f"~{date_text}") if isinstance(date_text, str) and date_text else None


def cluster_roots(groups: dict[tuple, list[tuple[str, str, frozenset, frozenset]]]) -> dict[str, str]:
    """event_id -> the event_id naming its cluster, for events clustered with an earlier-sorting one.

    `groups` maps (kind, day) to (event_id, doc_id, who, parties) of its events. Two reports join
    under the rule of `resolve.cluster_events`; only pairs sharing someone can join, so pairs are
    found through who took part instead of comparing every pair of a day.
    """
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members = sorted(members, key=lambda m: (m[0], m[1]))
        parent = {m[0]: m[0] for m in members}

        by_who: dict[str, list[int]] = defaultdict(list)
        for i, (_, _, who, _) in enumerate(members):
            for w in who:
                by_who[w].append(i)
        pairs = {(i, j) for idx in by_who.values() for x, i in enumerate(idx) for j in idx[x + 1:]}
        for i, j in sorted(pairs):
            a, doc_a, who_a, parties_a = members[i]
            b, doc_b, who_b, parties_b = members[j]
            if doc_a == doc_b:
                continue
            if same_event(who_a, parties_a, who_b, parties_b):
                parent[_find(parent, a)] = _find(parent, b)
        roots: dict[str, str] = {}
        for e in sorted(parent):
            root = roots.setdefault(_find(parent, e), e)
            if root != e:
                out[e] = root
    return out


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def cluster_id(event_id: str, roots: dict[str, str]) -> str:
    """The cluster_id of an event."""
    return stable_id("c-", roots.get(event_id, event_id))
