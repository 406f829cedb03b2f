"""Units (schools, departments, offices, key laboratories) counted under the organisation they belong to.

A unit's owner is read from its name, against the other organisations of the table:
"Office of Science and Technology of Northlake University" and "Research Office of OSC" end with
"of <owner>"; "MKU School of Computing" and "GNE Brand and Public Relations Department" start
with the owner's acronym or name followed by unit words. A unit whose name names no owner
("School of Mathematics") stays on its own; so do joint laboratories ("NLU-Kestrel Joint Lab").
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import lexicon
from .frames import as_list, isin, require_columns


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


def unit_owners(organizations: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, str]:
    """org_id of each unit → its organisation: from the unit's name, else from its documents."""
    parents = unit_parents(organizations)
    parents.update(document_parents(organizations, mentions, parents))
    return parents


def fold_participants(table: pa.Table, parents: dict[str, str]) -> pa.Table:
    """Participants (an Arrow table) with each unit's org_id credited to its organisation, and
    the rows that made the same as another row of their event dropped (the first one kept).

    Done in Arrow so that a million releases' participants are folded without a second copy
    of the table in pandas objects."""
    if not parents or table.num_rows == 0:
        return table
    org = table["org_id"]
    found = pc.index_in(org, value_set=pa.array(list(parents), org.type))
    moved = pc.is_valid(found)
    if not pc.any(moved).as_py():
        return table
    credited = pc.if_else(moved, pc.take(pa.array(list(parents.values()), org.type), found), org)
    table = table.set_column(table.schema.get_field_index("org_id"), "org_id", credited)
    # only the events of a moved row can have gained a duplicate: the rest are left as they are
    touched = pc.is_in(table["event_id"], value_set=pc.unique(pc.filter(table["event_id"], moved)))
    rows = pc.indices_nonzero(touched)
    keys = [c for c in ("event_id", "doc_id", "person_id", "org_id", "role") if c in table.column_names]
    subset = pa.table({k: _plain(table[k].take(rows)) for k in keys}).append_column("_row", rows)
    first = subset.group_by(keys, use_threads=False).aggregate([("_row", "min")])["_row_min"]
    if len(first) == len(rows):
        return table
    keep = np.ones(table.num_rows, dtype=bool)
    keep[rows.to_numpy()] = False
    keep[first.to_numpy()] = True
    return table.filter(pa.array(keep))


def _plain(values: pa.ChunkedArray) -> pa.ChunkedArray:
    """A dictionary-coded column decoded, so that it can be a group-by key."""
    return values.cast(values.type.value_type) if pa.types.is_dictionary(values.type) else values


def fold_units(tables: dict[str, pd.DataFrame], parents: dict[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """The tables with every unit's participants and mentions credited to its organisation.

    The organizations table gains a `units` column (the names of the units folded into each).
    `parents` (from `unit_owners`) may be given when known; participants may be an Arrow table
    (`reading.report_columns` folds them before they become a DataFrame), and stay one.
    """
    orgs = tables["organizations"]
    if parents is None:
        parents = unit_owners(orgs, tables["mentions"])
    out = dict(tables)
    names = dict(zip(orgs["org_id"], orgs["name"]))
    folded: dict[str, list[str]] = {}
    for unit, parent in sorted(parents.items(), key=lambda kv: names.get(kv[0], "")):
        folded.setdefault(parent, []).append(names.get(unit, unit))
    out["organizations"] = orgs.assign(units=orgs["org_id"].map(lambda o: folded.get(o, [])))
    if not parents:
        return out
    part = tables["participants"]
    if isinstance(part, pa.Table):
        out["participants"] = fold_participants(part, parents)
    else:
        arrow = pa.Table.from_pandas(part, preserve_index=False)
        folded_part = fold_participants(arrow, parents)
        if folded_part is not arrow:
            out["participants"] = folded_part.to_pandas()
    men = tables["mentions"]
    moved = (men["kind"] == "organization") & men["entity_id"].isin(list(parents))
    out["mentions"] = men.assign(entity_id=_credited(men["entity_id"], moved, parents))
    return out


def _credited(ids: pd.Series, moved: pd.Series, parents: dict[str, str]) -> pd.Series:
    """`ids` with the `moved` ones replaced by their parent organisation."""
    if not moved.any():
        return ids
    return ids.where(~moved, ids.map(parents))
