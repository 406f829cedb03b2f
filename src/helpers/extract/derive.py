"""What building the tables needs from one part of releases, worked out once when the part is stored.

Beside its facts a part keeps: the entity statistics of its releases (`stats.json`), and its rows
of the contract tables (`rows.<table>.parquet`) with every id that does not depend on the rest
of the corpus already set. Organisation columns hold the organisation's key ("slot") until the
corpus is resolved; an event's cluster_id is that of a cluster of its own until then.
"""

from __future__ import annotations

import json

import pyarrow as pa

from .. import resolve_parts as rp
from ..store import SCHEMAS
from .document import DocFacts
from .rows import ROW_TABLES, fact_rows

STATS = "stats.json"
ORG_SLOTS = pa.schema([("doc_id", pa.string()), ("slot", pa.string())])


def part_stats(facts: list[DocFacts]) -> tuple[dict, dict]:
    """The organisation and people statistics of some releases."""
    def orgs():
        for f in facts:
            order = rp.doc_order(f.doc.published, f.doc.path)
            for i, (slot, lo) in enumerate(f.orgs.items()):
                yield (*order, i), slot, lo.name, lo.acronym, lo.kind, lo.aliases

    def people():
        for f in facts:
            order = rp.doc_order(f.doc.published, f.doc.path)
            for i, (slot, lp) in enumerate(f.people.items()):
                yield (*order, i), slot, lp.name, lp.aliases

    return rp.org_stats(orgs()), rp.people_stats(people())


def slot_of(f: DocFacts) -> dict[str, str]:
    """A release's local organisation key -> the key of the organisation it stands for."""
    return rp.doc_org_ids([(slot, lo.key) for slot, lo in f.orgs.items()], f.alias, {s: s for s in f.orgs})


def part_rows(facts: list[DocFacts]) -> dict[str, pa.Table]:
    """The rows of some releases: documents in path order, the rest in doc_id order (each
    release's rows in the order extracted); events carry the cluster_id of a cluster of one."""
    per_doc = []
    org_slots = []
    for f in sorted(facts, key=lambda f: f.doc.path):
        mine = set(f.people)
        got = fact_rows(f, lambda key, mine=mine: rp.person_id(key) if key in mine else None, slot_of(f).get)
        doc_id = got["documents"][0]["doc_id"]
        for ev in got["events"]:
            ev["cluster_id"] = rp.cluster_id(ev["event_id"], {})
        per_doc.append((doc_id, got))
        org_slots += [(doc_id, slot) for slot in f.orgs]
    out = {"documents": pa.Table.from_pylist([got["documents"][0] for _, got in per_doc],
                                             schema=SCHEMAS["documents"])}
    by_id = sorted(per_doc, key=lambda item: item[0])
    for name in ROW_TABLES[1:]:
        out[name] = pa.Table.from_pylist([row for _, got in by_id for row in got[name]], schema=SCHEMAS[name])
    out["org_slots"] = pa.table({"doc_id": [d for d, _ in org_slots], "slot": [s for _, s in org_slots]},
                                schema=ORG_SLOTS)
    return out


# --- statistics as JSON ----------------------------------------------------------------------


def stats_json(orgs: dict, people: dict) -> str:
    """Entity statistics as JSON text (sets as sorted lists)."""
    o = {k: [s[0], s[1], s[2], sorted(s[3]), s[4], s[5], s[6], sorted(s[7])] for k, s in orgs.items()}
    p = {k: [s[0], s[1], s[2], s[3], sorted(s[4]), s[5]] for k, s in people.items()}
    return json.dumps({"orgs": o, "people": p}, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _counts(table: dict) -> dict:
    return {value: [n, tuple(order)] for value, (n, order) in table.items()}


def stats_from_json(text: str) -> tuple[dict, dict]:
    """The statistics `stats_json` wrote."""
    data = json.loads(text)
    orgs = {k: [tuple(s[0]), s[1], s[2], set(s[3]), _counts(s[4]), _counts(s[5]), _counts(s[6]), set(s[7])]
            for k, s in data["orgs"].items()}
    people = {k: [tuple(s[0]), s[1], tuple(s[2]) if s[2] is not None else None, s[3], set(s[4]), s[5]]
              for k, s in data["people"].items()}
    return orgs, people


def derived(facts: list[DocFacts]) -> dict[str, pa.Table | str]:
    """Every file a part keeps beside its facts."""
    out: dict[str, pa.Table | str] = {f"rows.{name}": table for name, table in part_rows(facts).items()}
    out[STATS] = stats_json(*part_stats(facts))
    return out
