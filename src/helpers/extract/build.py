"""The contract tables from stored facts, part by part, in memory bounded by the distinct entities.

Three passes over the parts, each a map over parts that an engine may spread over processes or
a Dask cluster, each followed by a merge here:

1. entity statistics per part (`part_stats`) -> people and organisation ids;
2. what resolution needs from each event (`part_links`) -> clusters, stray acronyms, counts;
3. each part's rows (`part_rows`), spilled to disk by doc_id range ("bucket"), then every table
   written in the order of `build_tables`: documents merged by path, the others sorted a bucket
   at a time.
"""

from __future__ import annotations

import heapq
import math
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .. import resolve_parts as rp
from ..facts_store import FactsStore, loads
from ..resolve import stable_id
from ..store import SCHEMAS, TABLES, TableWriter, to_arrow
from .document import DocFacts
from .rows import fact_rows

DOCS_PER_BUCKET = 8000
SORT_KEYS = {"documents": ["path"], "events": ["doc_id", "start", "kind"],
             "organizations": ["org_id"], "people": ["person_id"],
             "participants": ["doc_id", "start", "event_id", "role", "person_id", "org_id"],
             "mentions": ["doc_id", "start", "kind"], "themes": ["doc_id", "theme"]}
BUCKETED = ("events", "participants", "mentions", "themes")

Mapper = Callable[..., Iterable]  # mapper(fn, items, **shared): fn(item, **shared) per item, in order


@dataclass
class Resolution:
    """What the passes learn about the whole corpus."""

    org_ids: dict[str, str] = field(default_factory=dict)
    org_rows: list[dict] = field(default_factory=list)
    org_row_of: dict[str, int] = field(default_factory=dict)
    people_rows: list[dict] = field(default_factory=list)
    stray: frozenset[str] = frozenset()
    roots: dict[str, str] = field(default_factory=dict)


def bucket_of(doc_id: str, buckets: int) -> int:
    """The doc_id range ("d-" + hex) a document's rows are sorted in: buckets in doc_id order."""
    return int(doc_id[2:6], 16) * buckets >> 16


# --- pass 1: entity statistics -------------------------------------------------------------


def part_stats(part: str, root: str) -> tuple[dict, dict, int]:
    """(organisation statistics, people statistics, documents) of one stored part."""
    store = FactsStore.at(root)
    t = store.read(part, ("docs", "orgs", "people"), {
        "docs": ["path", "doc.f_published"],
        "orgs": ["path", "slot", "f_name", "f_acronym", "f_kind", "f_aliases"],
        "people": ["path", "slot", "f_name", "f_aliases"]})
    docs = t["docs"]
    order = {p: rp.doc_order(loads(pub), p) for p, pub in zip(docs["path"].to_pylist(),
                                                             docs["doc.f_published"].to_pylist())}

    def rows(table: pa.Table, cols: list[str]):
        place: Counter = Counter()
        data = [table[c].to_pylist() for c in ["path", "slot", *cols]]
        for path, slot, *values in zip(*data):
            i = place[path]
            place[path] += 1
            yield (*order[path], i), loads(slot), *(loads(v) for v in values)

    orgs = rp.org_stats(rows(t["orgs"], ["f_name", "f_acronym", "f_kind", "f_aliases"]))
    people = rp.people_stats(rows(t["people"], ["f_name", "f_aliases"]))
    return orgs, people, docs.num_rows


def resolve_entities(parts: list[str], root: str, mapper: Mapper) -> tuple[Resolution, int]:
    """People and organisation ids from every part's statistics; and the number of documents."""
    orgs: dict = {}
    people: dict = {}
    n_docs = 0
    for o, p, n in mapper(part_stats, parts, root=root):
        rp.merge_org_stats(orgs, o)
        rp.merge_people_stats(people, p)
        n_docs += n
    res = Resolution()
    res.org_ids, res.org_rows, res.org_row_of = rp.finish_orgs(orgs)
    res.people_rows = rp.finish_people(people)
    return res, n_docs


# --- pass 2: links -------------------------------------------------------------------------


def part_links(part: str, root: str, res: Resolution) -> tuple[Counter, set, list]:
    """(documents per organisation row, org_ids playing a role, cluster candidates) of one part."""
    store = FactsStore.at(root)
    t = store.read(part, ("docs", "orgs", "people", "events"), {
        "docs": ["path", "f_alias"], "orgs": ["path", "slot", "f_key"], "people": ["path", "slot"],
        "events": ["path", "f_kind", "f_sentence", "f_date", "f_date_text", "f_roles"]})
    org_slots: dict[str, list] = defaultdict(list)
    for path, slot, key in zip(*(t["orgs"][c].to_pylist() for c in ("path", "slot", "f_key"))):
        org_slots[path].append((loads(slot), loads(key)))
    people: dict[str, set] = defaultdict(set)
    for path, slot in zip(t["people"]["path"].to_pylist(), t["people"]["slot"].to_pylist()):
        people[path].add(loads(slot))
    events: dict[str, list] = defaultdict(list)
    for path, *values in zip(*(t["events"][c].to_pylist() for c in (
            "path", "f_kind", "f_sentence", "f_date", "f_date_text", "f_roles"))):
        events[path].append([loads(v) for v in values])
    n_docs: Counter = Counter()
    used: set[str] = set()
    candidates = []
    for path, alias in zip(t["docs"]["path"].to_pylist(), t["docs"]["f_alias"].to_pylist()):
        slots = org_slots.get(path, [])
        n_docs.update({res.org_row_of[slot] for slot, _ in slots})
        local = rp.doc_org_ids(slots, loads(alias), res.org_ids)
        mine = people.get(path, set())
        doc_id = stable_id("d-", path)
        who: dict[str, set] = defaultdict(set)
        parties: dict[str, set] = defaultdict(set)
        order = []
        for kind, (a, _b), date, date_text, roles in events.get(path, []):
            event_id = stable_id("e-", doc_id, kind, a)
            order.append((event_id, rp.cluster_day(kind, date, date_text)))
            for key, org, _title, role, *_ in roles:
                person = rp.person_id(key) if key and key in mine else None
                org_id = local.get(org) if org else None
                if org_id:
                    used.add(org_id)
                if person or org_id:
                    who[event_id].add(person or org_id)
                if role == "party" and org_id:
                    parties[event_id].add(org_id)
        for event_id, day in order:
            if day is not None:
                candidates.append((day, event_id, doc_id, frozenset(who[event_id]),
                                   frozenset(parties[event_id])))
    return n_docs, used, candidates


def link(parts: list[str], root: str, res: Resolution, mapper: Mapper) -> None:
    """Fill in documents per organisation, stray acronyms and event clusters."""
    n_docs: Counter = Counter()
    used: set[str] = set()
    groups: dict[tuple, list] = defaultdict(list)
    for counts, u, candidates in mapper(part_links, parts, root=root, res=res):
        n_docs.update(counts)
        used |= u
        for day, *member in candidates:
            groups[day].append(tuple(member))
    for i, row in enumerate(res.org_rows):
        row["n_documents"] = n_docs.get(i, 0)
    res.stray = frozenset(r["org_id"] for r in res.org_rows
                          if r["name"] == r["acronym"] and r["org_id"] not in used)
    res.roots = rp.cluster_roots(groups)


# --- pass 3: rows --------------------------------------------------------------------------


def part_rows(part: str, root: str, res: Resolution, buckets: int, spill: str) -> dict[str, dict[int, list[int]]]:
    """Write one part's rows to `spill` (documents in path order, the rest in row groups per
    bucket); return, per table, bucket -> its row groups."""
    store = FactsStore.at(root)
    facts = store.facts(DocFacts, part)
    rows: dict[str, list[dict]] = defaultdict(list)
    for f in facts:
        mine = set(f.people)
        local = rp.doc_org_ids([(slot, lo.key) for slot, lo in f.orgs.items()], f.alias, res.org_ids)
        got = fact_rows(f, lambda key, mine=mine: rp.person_id(key) if key in mine else None, local.get)
        for name, items in got.items():
            rows[name] += items
    for ev in rows["events"]:
        ev["cluster_id"] = rp.cluster_id(ev["event_id"], res.roots)
    if res.stray:
        rows["mentions"] = [m for m in rows["mentions"]
                            if not (m["kind"] == "organization" and m["entity_id"] in res.stray)]
    out: dict[str, dict[int, list[int]]] = {}
    folder = Path(spill)
    docs = to_arrow("documents", pd.DataFrame(rows["documents"], columns=SCHEMAS["documents"].names))
    pq.write_table(docs, folder / f"{part}.documents.parquet", row_group_size=64, compression="zstd")
    for name in BUCKETED:
        frame = pd.DataFrame(rows[name], columns=SCHEMAS[name].names)
        table = to_arrow(name, frame)
        ids = frame["doc_id"].tolist()
        groups: dict[int, list[int]] = {}
        with pq.ParquetWriter(folder / f"{part}.{name}.parquet", table.schema, compression="zstd") as writer:
            start, n = 0, 0
            while start < len(ids):
                b = bucket_of(ids[start], buckets)
                end = start
                while end < len(ids) and bucket_of(ids[end], buckets) == b:
                    end += 1
                writer.write_table(table.slice(start, end - start), row_group_size=end - start)
                groups.setdefault(b, []).append(n)
                n += 1
                start = end
            if n == 0:
                writer.write_table(table)
        out[name] = groups
    return out


def write_streamed(parts: list[str], root: str, out: Path, mapper: Mapper, n_docs_hint: int) -> tuple[
        list[tuple[str, Path]], dict]:
    """Resolve and write every table of the parts to temporary files in `out`; (staged files, counts)."""
    res, n_docs = resolve_entities(parts, root, mapper)
    link(parts, root, res, mapper)
    buckets = max(1, min(4096, math.ceil(max(n_docs, n_docs_hint) / DOCS_PER_BUCKET)))
    spill = tempfile.mkdtemp(prefix=".accords-build.", dir=out)
    writers: dict[str, TableWriter] = {}
    try:
        layouts = list(mapper(part_rows, parts, root=root, res=res, buckets=buckets, spill=spill))
        counts, fingerprint = {}, None
        for name in TABLES:
            writers[name] = TableWriter(name, out)
        fingerprint = _write_documents(parts, spill, writers["documents"])
        for name in BUCKETED:
            _write_bucketed(name, parts, layouts, spill, buckets, writers[name])
        orgs = [r for r in res.org_rows if r["org_id"] not in res.stray]
        writers["organizations"].write(_sorted("organizations", pd.DataFrame(
            orgs, columns=SCHEMAS["organizations"].names)))
        writers["people"].write(_sorted("people", pd.DataFrame(res.people_rows, columns=SCHEMAS["people"].names)))
        staged = []
        for name in TABLES:
            counts[name] = writers[name].n_rows
            staged.append((writers[name].close(), writers[name].final))
        counts["fingerprint"] = fingerprint
        return staged, counts
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    finally:
        shutil.rmtree(spill, ignore_errors=True)


def _sorted(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return frame
    return frame.sort_values(SORT_KEYS[name], kind="stable", na_position="first").reset_index(drop=True)


def _write_documents(parts: list[str], spill: str, writer: TableWriter) -> str:
    """Merge the parts' documents rows in path order into `writer`; the corpus fingerprint."""
    import hashlib

    def rows(part: str):
        reader = pq.ParquetFile(Path(spill) / f"{part}.documents.parquet")
        for batch in reader.iter_batches(batch_size=64):
            yield from batch.to_pylist()

    digest = hashlib.sha256()
    batch: list[dict] = []
    for row in heapq.merge(*(rows(p) for p in parts), key=lambda r: r["path"]):
        digest.update((row["path"] + hashlib.sha1(row["text"].encode()).hexdigest()).encode())
        batch.append(row)
        if len(batch) >= 1024:
            writer.write(pa.Table.from_pylist(batch, schema=SCHEMAS["documents"]))
            batch = []
    if batch:
        writer.write(pa.Table.from_pylist(batch, schema=SCHEMAS["documents"]))
    return digest.hexdigest()


def _write_bucketed(name: str, parts: list[str], layouts: list[dict], spill: str, buckets: int,
                    writer: TableWriter) -> None:
    """Write table `name` a bucket at a time, each bucket's rows sorted as `build_tables` sorts them."""
    files = [pq.ParquetFile(Path(spill) / f"{p}.{name}.parquet") for p in parts]
    for b in range(buckets):
        pieces = [f.read_row_groups(layout[name][b]) for f, layout in zip(files, layouts) if b in layout[name]]
        if not pieces:
            continue
        frame = pa.concat_tables(pieces).to_pandas(date_as_object=True)
        writer.write(_sorted(name, frame))
