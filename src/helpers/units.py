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
from .reportkit import as_list, require_columns


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
    bare = [r.org_id for r in organizations.itertuples(index=False)
            if r.org_id not in known and str(r.name).split()[:1]
            and str(r.name).split()[0].casefold() in units]
    if not bare:
        return {}
    named = mentions[(mentions["kind"] == "organization") & mentions["entity_id"].notna()]
    docs = named.groupby("entity_id")["doc_id"].agg(set)
    starts_with_unit = {r.org_id for r in organizations.itertuples(index=False)
                        if str(r.name).split()[:1] and str(r.name).split()[0].casefold() in units}
    by_doc = named.groupby("doc_id")["entity_id"].agg(set)
    out = {}
    for unit in bare:
        seen = docs.get(unit, set())
        if not seen:
            continue
        common = set.intersection(*(by_doc[d] for d in seen)) - {unit} - starts_with_unit - set(known)
        if len(common) == 1:
            out[unit] = common.pop()
    return out


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
    part = part.assign(org_id=part["org_id"].map(lambda o: parents.get(o, o)))
    subset = [c for c in ("event_id", "doc_id", "person_id", "org_id", "role") if c in part]
    out["participants"] = part.drop_duplicates(subset).reset_index(drop=True)
    men = tables["mentions"]
    is_org = men["kind"] == "organization"
    out["mentions"] = men.assign(entity_id=men["entity_id"].where(
        ~is_org, men["entity_id"].map(lambda e: parents.get(e, e))))
    return out
