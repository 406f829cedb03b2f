"""The contract tables from stored parts, in memory bounded by the distinct entities.

Each part keeps its entity statistics and its rows with part-local organisation keys (see
`derive.py`). Building the tables is then:

1. merge every part's statistics -> people and organisation ids (`resolve_entities`);
2. per part, what links its events and organisations (`part_links`, a map an engine may spread
   over processes or a Dask cluster) -> documents per organisation, stray acronyms, clusters;
3. stream every table out in the order `build_tables` gives it: documents merged by path, the
   other tables a doc_id range ("bucket") at a time, merged from the parts' sorted rows.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import shutil
import sys
import tempfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import resolve_parts as rp
from ..store import SCHEMAS, TABLES, TableWriter
from .derive import STATS, stats_from_json

DOCS_PER_BUCKET = 8000
DOCS_PER_CLUSTER_BUCKET = 20_000  # about 40,000 events held at once to be clustered
SORT_KEYS = {"documents": ["path"], "events": ["doc_id", "start", "kind"],
             "organizations": ["org_id"], "people": ["person_id"],
             "participants": ["doc_id", "start", "event_id", "role", "person_id", "org_id"],
             "mentions": ["doc_id", "start", "kind"], "themes": ["doc_id", "theme"]}
BUCKETED = ("events", "participants", "mentions", "themes")
_CANDIDATES = pa.schema([("cb", pa.int32()), ("kind", pa.string()), ("day", pa.string()),
                         ("event_id", pa.string()), ("doc_id", pa.string()),
                         ("who", pa.list_(pa.string())), ("parties", pa.list_(pa.string()))])

_PER_KEY_NULLS = int(pa.__version__.split(".")[0]) >= 25  # where nulls go is said per key since pyarrow 25
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


def bucket_bounds(buckets: int) -> list[str]:
    """The doc_id ("d-" + hex) each bucket after the first starts at: buckets are doc_id ranges."""
    return [f"d-{math.ceil(b * 65536 / buckets):04x}" for b in range(1, buckets)]


# --- 1: entities ---------------------------------------------------------------------------


def _read_stats(part: str, root: str) -> tuple[dict, dict, int]:
    folder = Path(root) / part
    orgs, people = stats_from_json((folder / STATS).read_text(encoding="utf-8"))
    return orgs, people, pq.read_metadata(folder / "rows.documents.parquet").num_rows


def resolve_entities(parts: list[str], root: str) -> tuple[Resolution, int]:
    """People and organisation ids from every part's statistics; and the number of documents."""
    orgs: dict = {}
    people: dict = {}
    n_docs = 0
    for part in parts:
        o, p, n = _read_stats(part, root)
        rp.merge_org_stats(orgs, o)
        rp.merge_people_stats(people, p)
        n_docs += n
    res = Resolution()
    res.org_ids, res.org_rows, res.org_row_of = rp.finish_orgs(orgs)
    res.people_rows = rp.finish_people(people)
    return res, n_docs


# --- 2: links ------------------------------------------------------------------------------


def part_links(part: str, root: str, res: Resolution, spill: str, cluster_buckets: int) -> tuple[Counter, set]:
    """Documents per organisation row and the org_ids playing a role in one part; its events that
    may join a cluster go to `spill`."""
    folder = Path(root) / part
    slots = pq.read_table(folder / "rows.org_slots.parquet").to_pydict()
    n_docs = Counter(row for _, row in {(d, res.org_row_of[s]) for d, s in zip(slots["doc_id"], slots["slot"])})
    parts = pq.read_table(folder / "rows.participants.parquet",
                          columns=["event_id", "person_id", "org_id", "role"]).to_pydict()
    used: set[str] = set()
    who: dict[str, set] = defaultdict(set)
    parties: dict[str, set] = defaultdict(set)
    for ev, person, slot, role in zip(parts["event_id"], parts["person_id"], parts["org_id"], parts["role"]):
        org = res.org_ids[slot] if slot is not None else None
        if org:
            used.add(org)
        if person or org:
            who[ev].add(person or org)
        if role == "party" and org:
            parties[ev].add(org)
    events = pq.read_table(folder / "rows.events.parquet",
                           columns=["event_id", "doc_id", "kind", "date", "date_text"]).to_pydict()
    rows: dict[str, list] = {name: [] for name in _CANDIDATES.names}
    for ev, doc, kind, date, date_text in zip(*events.values()):
        day = rp.cluster_day(kind, date, date_text)
        if day is None:
            continue
        rows["cb"].append(zlib.crc32(f"{kind}\x1f{day[1]}".encode()) % cluster_buckets)
        rows["kind"].append(kind)
        rows["day"].append(day[1])
        rows["event_id"].append(ev)
        rows["doc_id"].append(doc)
        rows["who"].append(sorted(who.get(ev, ())))
        rows["parties"].append(sorted(parties.get(ev, ())))
    table = pa.table(rows, schema=_CANDIDATES)
    table = table.take(pc.sort_indices(table["cb"]))  # one row group per cluster bucket
    with pq.ParquetWriter(Path(spill) / f"{part}.clusters.parquet", _CANDIDATES) as writer:
        cbs = table["cb"].to_pylist()
        start = 0
        while start < len(cbs):
            end = start
            while end < len(cbs) and cbs[end] == cbs[start]:
                end += 1
            writer.write_table(table.slice(start, end - start), row_group_size=end - start)
            start = end
    return n_docs, used


def link(parts: list[str], root: str, res: Resolution, mapper: Mapper, spill: str, n_docs: int) -> None:
    """Fill in documents per organisation, stray acronyms and event clusters."""
    counts: Counter = Counter()
    used: set[str] = set()
    cluster_buckets = max(1, math.ceil(n_docs / DOCS_PER_CLUSTER_BUCKET))
    for c, u in mapper(part_links, parts, root=root, res=res, spill=spill, cluster_buckets=cluster_buckets):
        counts.update(c)
        used |= u
    for i, row in enumerate(res.org_rows):
        row["n_documents"] = counts.get(i, 0)
    res.stray = frozenset(r["org_id"] for r in res.org_rows
                          if r["name"] == r["acronym"] and r["org_id"] not in used)
    for cb in range(cluster_buckets):
        groups: dict[tuple, list] = defaultdict(list)
        for part in parts:
            reader = pq.ParquetFile(Path(spill) / f"{part}.clusters.parquet")
            meta = reader.metadata
            mine = [i for i in range(meta.num_row_groups) if meta.row_group(i).column(0).statistics.min == cb]
            if not mine:
                continue
            t = reader.read_row_groups(mine).to_pydict()
            for kind, day, ev, doc, who, party in zip(t["kind"], t["day"], t["event_id"], t["doc_id"],
                                                     t["who"], t["parties"]):
                groups[(kind, day)].append((ev, doc, frozenset(map(sys.intern, who)),
                                            frozenset(map(sys.intern, party))))
        res.roots.update(rp.cluster_roots(groups))


# --- 3: writing ----------------------------------------------------------------------------


def write_streamed(parts: list[str], root: str, out: Path, mapper: Mapper,
                   linked: Callable[[], None] | None = None) -> tuple[list[tuple[str, Path]], dict]:
    """Resolve and write every table of the parts to temporary files in `out`; (staged files, counts).

    `linked` is called once the mapped work is done (an engine can let its workers go then).
    """
    res, n_docs = resolve_entities(parts, root)
    spill = tempfile.mkdtemp(prefix=".accords-build.", dir=out)
    writers: dict[str, TableWriter] = {}
    try:
        link(parts, root, res, mapper, spill, n_docs)
        if linked is not None:
            linked()
        for name in TABLES:
            writers[name] = TableWriter(name, out)
        fingerprint = _write_documents(parts, root, writers["documents"])
        buckets = max(1, min(4096, math.ceil(n_docs / DOCS_PER_BUCKET)))
        resolver = _Resolver(res)
        for name in BUCKETED:
            for table in _buckets(name, parts, root, buckets):
                writers[name].write(_sorted(name, resolver(name, table)))
        orgs = [r for r in res.org_rows if r["org_id"] not in res.stray]
        writers["organizations"].write(_sorted("organizations", pa.Table.from_pylist(
            orgs, schema=SCHEMAS["organizations"])))
        writers["people"].write(_sorted("people", pa.Table.from_pylist(res.people_rows, schema=SCHEMAS["people"])))
        staged, counts = [], {}
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


def _sorted(name: str, table: pa.Table) -> pa.Table:
    """Rows sorted as `build_tables` sorts them: a stable sort, missing values first."""
    if table.num_rows < 2:
        return table
    keys = SORT_KEYS[name]
    if _PER_KEY_NULLS:
        order = pc.sort_indices(table, sort_keys=[(k, "ascending", "at_start") for k in keys])
    else:
        order = pc.sort_indices(table, sort_keys=[(k, "ascending") for k in keys], null_placement="at_start")
    return table.take(order)


class _Resolver:
    """Sets a bucket's corpus-wide organisation ids and clusters, and drops stray acronyms."""

    def __init__(self, res: Resolution) -> None:
        self.slots = pa.array(list(res.org_ids), pa.string())
        self.ids = pa.array(list(res.org_ids.values()), pa.string())
        self.stray = pa.array(sorted(res.stray), pa.string())
        self.roots = res.roots
        self.rooted = pa.array(sorted(res.roots), pa.string())

    def org_ids(self, slots: pa.ChunkedArray) -> pa.ChunkedArray:
        """The org_id of each organisation key (null stays null)."""
        return pc.take(self.ids, pc.index_in(slots, value_set=self.slots))

    def __call__(self, name: str, table: pa.Table) -> pa.Table:
        if name == "events" and len(self.rooted):
            joined = pc.is_in(table["event_id"], value_set=self.rooted)
            if pc.any(joined).as_py():
                clusters = [rp.cluster_id(e, self.roots) if j else c for e, j, c in zip(
                    table["event_id"].to_pylist(), joined.to_pylist(), table["cluster_id"].to_pylist())]
                table = _set(table, "cluster_id", pa.array(clusters, pa.string()))
        elif name == "participants":
            table = _set(table, "org_id", self.org_ids(table["org_id"]))
        elif name == "mentions":
            is_org = pc.equal(table["kind"], "organization")
            entity = pc.if_else(is_org, self.org_ids(table["entity_id"]), table["entity_id"])
            table = _set(table, "entity_id", entity)
            if len(self.stray):
                drop = pc.and_(is_org, pc.is_in(entity, value_set=self.stray))
                table = table.filter(pc.invert(pc.fill_null(drop, False)))
        return table


def _set(table: pa.Table, column: str, values) -> pa.Table:
    return table.set_column(table.schema.get_field_index(column), column, values)


def _write_documents(parts: list[str], root: str, writer: TableWriter) -> str:
    """The parts' documents rows in path order into `writer`; the corpus fingerprint.

    Parts whose paths do not interleave with another's are copied as they are; the others are
    merged row by row.
    """
    digest = hashlib.sha256()
    ranges = []
    for part in parts:
        paths = pq.read_table(Path(root) / part / "rows.documents.parquet", columns=["path"])["path"]
        if len(paths):
            ranges.append((paths[0].as_py(), paths[-1].as_py(), part))
    ranges.sort()
    groups: list[list[tuple]] = []
    for r in ranges:
        if groups and r[0] <= max(g[1] for g in groups[-1]):
            groups[-1].append(r)
        else:
            groups.append([r])
    for group in groups:
        if len(group) == 1:
            reader = pq.ParquetFile(Path(root) / group[0][2] / "rows.documents.parquet")
            for batch in reader.iter_batches(batch_size=1024):
                _digest(digest, batch.column("path").to_pylist(), batch.column("text").to_pylist())
                writer.write(pa.Table.from_batches([batch]))
            continue
        batch_rows: list[dict] = []
        for row in heapq.merge(*(_doc_rows(Path(root) / g[2]) for g in group), key=lambda r: r["path"]):
            batch_rows.append(row)
            if len(batch_rows) >= 1024:
                _write_rows(writer, digest, batch_rows)
                batch_rows = []
        if batch_rows:
            _write_rows(writer, digest, batch_rows)
    return digest.hexdigest()


def _doc_rows(folder: Path) -> Iterator[dict]:
    for batch in pq.ParquetFile(folder / "rows.documents.parquet").iter_batches(batch_size=64):
        yield from batch.to_pylist()


def _write_rows(writer: TableWriter, digest, rows: list[dict]) -> None:
    _digest(digest, [r["path"] for r in rows], [r["text"] for r in rows])
    writer.write(pa.Table.from_pylist(rows, schema=SCHEMAS["documents"]))


def _digest(digest, paths: list[str], texts: list[str]) -> None:
    for path, text in zip(paths, texts):
        digest.update((path + hashlib.sha1(text.encode()).hexdigest()).encode())


class _Stream:
    """One part's rows of a table, in doc_id order, handed out a doc_id range at a time."""

    def __init__(self, path: Path) -> None:
        self.batches = pq.ParquetFile(path).iter_batches(batch_size=256)
        self.head: pa.RecordBatch | None = next(self.batches, None)

    def until(self, bound: str | None) -> list[pa.RecordBatch]:
        """The rows whose doc_id sorts before `bound` (None: all that are left)."""
        out = []
        while self.head is not None:
            if bound is None:
                n = self.head.num_rows
            else:
                n = pc.sum(pc.less(self.head.column("doc_id"), bound)).as_py() or 0
            if n < self.head.num_rows:
                if n:
                    out.append(self.head.slice(0, n))
                    self.head = self.head.slice(n)
                return out
            out.append(self.head)
            self.head = next(self.batches, None)
        return out


def _buckets(name: str, parts: list[str], root: str, buckets: int) -> Iterator[pa.Table]:
    """The rows of table `name` a doc_id range at a time."""
    streams = [_Stream(Path(root) / p / f"rows.{name}.parquet") for p in parts]
    for bound in [*bucket_bounds(buckets), None]:
        pieces = [batch for s in streams for batch in s.until(bound)]
        if pieces:
            yield pa.Table.from_batches(pieces)
