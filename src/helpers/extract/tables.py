"""The contract tables of extracted facts held in memory: the reference the streamed build matches."""

from __future__ import annotations

import pandas as pd

from .. import resolve  # the module, not its names: helpers.resolve imports this package
from ..store import empty_table
from .document import DocFacts
from .rows import fact_rows


def build_tables(facts: list[DocFacts]) -> dict[str, pd.DataFrame]:
    """The contract tables of a corpus's extracted facts held in memory, with corpus-wide ids.

    The reference for the streamed build of `build.py`, which gives the same tables part by part.
    """
    org_ids, organizations = resolve.resolve_orgs(facts)
    person_ids, people = resolve.resolve_people(facts)
    docs, events, parts, mentions, themes = [], [], [], [], []
    for f in sorted(facts, key=lambda f: f.doc.path):
        path = f.doc.path
        rows = fact_rows(f, lambda key, path=path: person_ids.get((path, key)),
                         lambda key, path=path: org_ids.get((path, key)))
        docs += rows["documents"]
        events += rows["events"]
        parts += rows["participants"]
        mentions += rows["mentions"]
        themes += rows["themes"]
    tables = {
        "documents": pd.DataFrame(docs), "events": pd.DataFrame(events),
        "organizations": organizations, "people": people, "participants": pd.DataFrame(parts),
        "mentions": pd.DataFrame(mentions), "themes": pd.DataFrame(themes),
    }
    for name, frame in tables.items():
        if frame.empty:
            tables[name] = empty_table(name)
    _drop_stray_acronyms(tables)
    if not tables["events"].empty:
        tables["events"]["cluster_id"] = resolve.cluster_events(tables["events"], tables["participants"])
    _sort(tables)
    return tables


def _drop_stray_acronyms(tables: dict[str, pd.DataFrame]) -> None:
    """Drop capitalised words never resolved to a name nor playing a role ("PORT ALDREN -" datelines)."""
    orgs = tables["organizations"]
    if orgs.empty:
        return
    used = set(tables["participants"]["org_id"].dropna())
    stray = orgs[(orgs["name"] == orgs["acronym"]) & ~orgs["org_id"].isin(used)]["org_id"]
    if stray.empty:
        return
    tables["organizations"] = orgs[~orgs["org_id"].isin(stray)]
    mentions = tables["mentions"]
    tables["mentions"] = mentions[~((mentions["kind"] == "organization") & mentions["entity_id"].isin(stray))]


def _sort(tables: dict[str, pd.DataFrame]) -> None:
    keys = {"documents": ["path"], "events": ["doc_id", "start", "kind"],
            "organizations": ["org_id"], "people": ["person_id"],
            "participants": ["doc_id", "start", "event_id", "role", "person_id", "org_id"],
            "mentions": ["doc_id", "start", "kind"], "themes": ["doc_id", "theme"]}
    for name, cols in keys.items():
        frame = tables[name]
        if not frame.empty:
            tables[name] = frame.sort_values(cols, kind="stable", na_position="first").reset_index(drop=True)
