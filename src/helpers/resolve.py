"""Corpus-wide resolution: one id per person and organisation, event clusters, the contract tables."""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from .extract.acronyms import initials
from .extract.facts import DocFacts, LocalOrg, org_key
from .ids import same_event, stable_id


def _order(facts: list[DocFacts]) -> list[DocFacts]:
    return sorted(facts, key=lambda f: (f.doc.published is None, f.doc.published or 0, f.doc.path))


def resolve_orgs(facts: list[DocFacts]) -> tuple[dict[tuple[str, str], str], pd.DataFrame]:
    """Map (doc path, local org key) to org_id, and the organizations table."""
    groups: dict[str, list[tuple[DocFacts, LocalOrg]]] = defaultdict(list)
    for f in _order(facts):
        for key, lo in f.orgs.items():
            groups[key].append((f, lo))
    full = {k for k, members in groups.items() if any(lo.name != lo.acronym for _, lo in members)}
    by_acronym: dict[str, set[str]] = defaultdict(set)
    for k in full:
        for _, lo in groups[k]:
            if lo.acronym:
                by_acronym[lo.acronym].add(k)
                by_acronym[lo.acronym.split()[0]].add(k)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for k in full:
        by_initials[initials(groups[k][0][1].name)].add(k)
    target = {}
    for k, members in groups.items():
        if k in full:
            target[k] = k
            continue
        acr = members[0][1].name
        hits = by_acronym.get(acr) or by_initials.get(acr) or set()
        target[k] = next(iter(hits)) if len(hits) == 1 else k
    merged: dict[str, list[tuple[DocFacts, LocalOrg]]] = defaultdict(list)
    for k, members in groups.items():
        merged[target[k]].extend(members)
    rows, ids = [], {}
    for _key, members in merged.items():
        names = Counter(lo.name for _, lo in members if lo.name != lo.acronym)
        name = names.most_common(1)[0][0] if names else members[0][1].name
        acronyms = Counter(lo.acronym for _, lo in members if lo.acronym)
        kinds = Counter(lo.kind for _, lo in members if lo.kind != "other")
        aliases = sorted({a for _, lo in members for a in lo.aliases | {lo.name} | (
            {lo.acronym} if lo.acronym else set())} - {name})
        org_id = stable_id("o-", org_key(name))
        docs = {f.doc.path for f, _ in members}
        rows.append({"org_id": org_id, "name": name,
                     "acronym": acronyms.most_common(1)[0][0] if acronyms else None,
                     "kind": kinds.most_common(1)[0][0] if kinds else "other",
                     "aliases": aliases, "n_documents": len(docs)})
        for f, lo in members:
            ids[(f.doc.path, lo.key)] = org_id
    for f in facts:
        for alias, key in f.alias.items():
            if (f.doc.path, key) in ids:
                ids[(f.doc.path, alias)] = ids[(f.doc.path, key)]
    table = pd.DataFrame(rows).sort_values("org_id", kind="stable") if rows else pd.DataFrame()
    return ids, table.reset_index(drop=True)


def resolve_people(facts: list[DocFacts]) -> tuple[dict[tuple[str, str], str], pd.DataFrame]:
    """Map (doc path, local person key) to person_id: one person per full name, in either order.

    Namesakes who share only a family name never meet here: short forms are resolved within their
    release. The same full name at two organisations is one person (affiliations change).
    """
    groups: dict[str, list] = defaultdict(list)
    for f in _order(facts):
        for key, lp in f.people.items():
            groups[key].append((f, lp))
    rows, ids = [], {}
    for key, members in groups.items():
        pid = stable_id("p-", key, "")  # the empty part keeps ids of earlier tables unchanged
        names = [lp.name for _, lp in members if len(lp.name.split()) >= 2]
        name = names[0] if names else members[0][1].name
        aliases = sorted({a for _, lp in members for a in lp.aliases | {lp.name}} - {name})
        rows.append({"person_id": pid, "name": name, "aliases": aliases,
                     "n_documents": len({f.doc.path for f, _ in members})})
        for f, _ in members:
            ids[(f.doc.path, key)] = pid
    table = pd.DataFrame(rows).sort_values("person_id", kind="stable") if rows else pd.DataFrame()
    return ids, table.reset_index(drop=True)


def cluster_events(events: pd.DataFrame, participants: pd.DataFrame) -> pd.Series:
    """One cluster id per real-world event: reports with the same kind, date and shared parties or people."""
    parent = {e: e for e in events["event_id"]}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    who: dict[str, set] = defaultdict(set)
    parties: dict[str, set] = defaultdict(set)
    for ev, person, org, role in zip(participants["event_id"], participants["person_id"],
                                     participants["org_id"], participants["role"]):
        if isinstance(person, str) or isinstance(org, str):
            who[ev].add(person if isinstance(person, str) else org)
        if role == "party" and isinstance(org, str):
            parties[ev].add(org)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for ev, doc, kind, date, text in zip(events["event_id"], events["doc_id"], events["kind"],
                                         events["date"], events["date_text"]):
        day = str(date) if pd.notna(date) else (f"~{text}" if isinstance(text, str) and text else None)
        if day is not None:
            groups[(kind, day)].append((ev, doc))
    for key in sorted(groups):
        members = sorted(groups[key])
        for x, (a, doc_a) in enumerate(members):
            for b, doc_b in members[x + 1:]:
                if doc_a == doc_b:
                    continue
                if same_event(who[a], parties[a], who[b], parties[b]):
                    parent[find(a)] = find(b)
    roots: dict[str, str] = {}
    for e in sorted(parent):
        roots.setdefault(find(e), e)
    return events["event_id"].map(lambda e: stable_id("c-", roots[find(e)]))
