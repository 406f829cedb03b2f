"""Units (schools, departments, offices, key laboratories) counted under the organisation they belong to.

A unit's owner is read from its name, against the other organisations of the table:
"Office of Science and Technology of Northlake University" and "Research Office of OSC" end with
"of <owner>"; "MKU School of Computing" and "GNE Brand and Public Relations Department" start
with the owner's acronym or name followed by unit words. A unit whose name names no owner
("School of Mathematics") stays on its own; so do joint laboratories ("NLU-Kestrel Joint Lab").
"""

from __future__ import annotations

import re

import pandas as pd

from . import lexicon
from .reportkit import as_list, isin, require_columns


def _key(text: str) -> str:
    """Case- and space-insensitive key, without a leading "the"."""
    return re.sub(r"^the ", "", " ".join(str(text).casefold().split()))


def _unit_words() -> frozenset[str]:
    """Head words of units, from the organisations lexicon (School, Department, Office ...)."""
    return frozenset(w.casefold() for w in lexicon.word_set("organizations", "units"))


def unit_parents(organizations: pd.DataFrame) -> dict[str, str]:
    """org_id of each unit → org_id of the organisation its name says it belongs to."""
    require_columns(organizations, ("org_id", "name", "acronym"), "organizations", "unit_parents")
    owners: dict[str, str] = {}
    for row in organizations.itertuples(index=False):
        for key in (row.name, row.acronym, *as_list(getattr(row, "aliases", None))):
            if isinstance(key, str) and key.strip():
                owners.setdefault(_key(key), row.org_id)
    units, out = _unit_words(), {}
    for row in organizations.itertuples(index=False):
        name = " ".join(str(row.name).split())
        words = name.split()
        if not any(w.casefold() in units for w in words):
            continue
        parent = None
        for n in range(len(words) - 1, 0, -1):  # "<owner> <unit words>", the longest owner first
            head, rest = " ".join(words[:n]), words[n:]
            if _key(head) in owners and any(w.casefold() in units for w in rest):
                parent = owners[_key(head)]
                break
        parts = re.split(r"\s+of\s+", name)
        for i in range(1, len(parts)):  # "... of <owner>", the longest owner first
            head, tail = " of ".join(parts[:i]), " of ".join(parts[i:])
            if parent is None and any(w.casefold() in units for w in head.split()) \
                    and _key(tail) in owners:
                parent = owners[_key(tail)]
        if parent and parent != row.org_id:
            out[row.org_id] = parent
    for unit, parent in list(out.items()):  # a unit of a unit belongs to the top organisation
        seen = {unit}
        while parent in out and parent not in seen:
            seen.add(parent)
            parent = out[parent]
        out[unit] = parent
    return out


def document_parents(organizations: pd.DataFrame, mentions: pd.DataFrame,
                     known: dict[str, str]) -> dict[str, str]:
    """org_id of each bare unit ("School of Agriculture": a unit word first, no owner named) →
    the one organisation, not itself a unit, named in every document that names the unit."""
    units = _unit_words()
    first = organizations["name"].astype(str).str.split().str[0].str.casefold()
    starts_with_unit = set(organizations.loc[first.isin(units).fillna(False).astype(bool), "org_id"])
    bare = sorted(starts_with_unit - set(known))
    if not bare:
        return {}
    named = mentions[(mentions["kind"] == "organization") & mentions["entity_id"].notna()]
    named = named[["doc_id", "entity_id"]].drop_duplicates()
    seen = named[named["entity_id"].isin(bare)].rename(columns={"entity_id": "unit"})
    if seen.empty:
        return {}
    n_docs = seen.groupby("unit")["doc_id"].nunique()
    # only the documents that name a bare unit are looked at, and only their other organisations
    others = named[isin(named["doc_id"], seen["doc_id"]) & ~isin(named["entity_id"], starts_with_unit)
                   & ~named["entity_id"].isin(list(known))]
    both = seen.merge(others, on="doc_id")
    both = both[both["entity_id"] != both["unit"]]
    together = both.groupby(["unit", "entity_id"])["doc_id"].nunique().reset_index()
    common = together[together["doc_id"].values == together["unit"].map(n_docs).values]
    single = common.groupby("unit")["entity_id"].agg(["size", "first"])
    single = single[single["size"] == 1]
    return {str(u): str(o) for u, o in zip(single.index, single["first"])}


def fold_units(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables with every unit's participants and mentions credited to its organisation.

    The organizations table gains a `units` column (the names of the units folded into each).
    """
    orgs = tables["organizations"]
    parents = unit_parents(orgs)
    parents.update(document_parents(orgs, tables["mentions"], parents))
    out = dict(tables)
    names = dict(zip(orgs["org_id"], orgs["name"]))
    folded: dict[str, list[str]] = {}
    for unit, parent in sorted(parents.items(), key=lambda kv: names.get(kv[0], "")):
        folded.setdefault(parent, []).append(names.get(unit, unit))
    out["organizations"] = orgs.assign(units=orgs["org_id"].map(lambda o: folded.get(o, [])))
    if not parents:
        return out
    part = tables["participants"]
    moved = part["org_id"].isin(list(parents))
    part = part.assign(org_id=_credited(part["org_id"], moved, parents))
    subset = [c for c in ("event_id", "doc_id", "person_id", "org_id", "role") if c in part]
    # only the events of a moved row can have gained a duplicate: the rest are left as they are
    touched = isin(part["event_id"], part.loc[moved, "event_id"])
    keep = pd.Series(True, index=part.index)
    keep[touched] = ~part.loc[touched].duplicated(subset)
    out["participants"] = part if keep.all() else part[keep.values].reset_index(drop=True)
    men = tables["mentions"]
    moved = (men["kind"] == "organization") & men["entity_id"].isin(list(parents))
    out["mentions"] = men.assign(entity_id=_credited(men["entity_id"], moved, parents))
    return out


def _credited(ids: pd.Series, moved: pd.Series, parents: dict[str, str]) -> pd.Series:
    """`ids` with the `moved` ones replaced by their parent organisation."""
    if not moved.any():
        return ids
    return ids.where(~moved, ids.map(parents))
