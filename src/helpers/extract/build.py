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
import json
import math
import os
import shutil
import tempfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import resolve_parts as rp
from ..store import SCHEMAS, TABLES, TableWriter
from .derive import STATS, stats_from_json, stats_json

DOCS_PER_BUCKET = 8000
MERGED = "merged-stats.json"  # the statistics of the last run's parts, merged
OPEN_SPILLS = 256  # doc_id ranges spilled side by side (each an open file)
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


def _cached_stats(root: str) -> tuple[dict, dict, int, frozenset[str]]:
    """The statistics an earlier run merged, and the parts they merge (none if unreadable).

    Parts are named for their releases, so the merge of a set of part names never goes stale.
    """
    try:
        data = json.loads((Path(root) / MERGED).read_text(encoding="utf-8"))
        orgs, people = stats_from_json(data["stats"])
        return orgs, people, int(data["documents"]), frozenset(data["parts"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}, {}, 0, frozenset()


def _save_stats(root: str, parts: list[str], orgs: dict, people: dict, n_docs: int) -> None:
    """Keep the merged statistics of `parts` for the next run (written aside, then renamed)."""
    text = json.dumps({"parts": sorted(parts), "documents": n_docs, "stats": stats_json(orgs, people)})
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".merged.", suffix=".tmp", dir=root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, Path(root) / MERGED)
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)  # only a cache: the next run merges the parts again


def resolve_entities(parts: list[str], root: str) -> tuple[Resolution, int]:
    """People and organisation ids from every part's statistics; and the number of documents.

    When the parts of the last run are all still there, their merged statistics are reused and
    only the new parts' are read (merging is order-free: minima, sums and unions).
    """
    orgs, people, n_docs, done = _cached_stats(root)
    if not done <= set(parts):
        orgs, people, n_docs, done = {}, {}, 0, frozenset()
    for part in parts:
        if part in done:
            continue
        o, p, n = _read_stats(part, root)
        rp.merge_org_stats(orgs, o)
        rp.merge_people_stats(people, p)
        n_docs += n
    if done != set(parts):
        _save_stats(root, parts, orgs, people, n_docs)
    res = Resolution()
    res.org_ids, res.org_rows, res.org_row_of = rp.finish_orgs(orgs)
    res.people_rows = rp.finish_people(people)
    return res, n_docs


# --- 2: links ------------------------------------------------------------------------------


def _keys(res: Resolution) -> tuple[pa.Array, pa.Array, pa.Array]:
    """The organisation keys, their org_ids and their rows, as arrays for vectorised lookups."""
    slots = pa.array(list(res.org_ids), pa.string())
    return (slots, pa.array(list(res.org_ids.values()), pa.string()),
            pa.array([res.org_row_of[s] for s in res.org_ids], pa.int64()))


def part_links(part: str, root: str, keys: tuple[pa.Array, pa.Array, pa.Array], spill: str,
               cluster_buckets: int) -> tuple[Counter, set]:
    """Documents per organisation row and the org_ids playing a role in one part (`keys`: what
    `_keys` gives); its events that may join a cluster go to `spill`."""
    folder = Path(root) / part
    keys, ids, rows = keys
    slots = pq.read_table(folder / "rows.org_slots.parquet")
    pairs = pa.table({"doc": slots["doc_id"], "row": pc.take(rows, pc.index_in(slots["slot"], value_set=keys))})
    per_row = pairs.group_by(["doc", "row"]).aggregate([]).group_by("row").aggregate([("doc", "count")])
    n_docs = Counter(dict(zip(per_row["row"].to_pylist(), per_row["doc_count"].to_pylist())))
    parts = pq.read_table(folder / "rows.participants.parquet", columns=["event_id", "person_id", "org_id", "role"])
    org = pc.take(ids, pc.index_in(parts["org_id"], value_set=keys))
    used = set(pc.unique(org.drop_null()).to_pylist()) - {""}
    who = _distinct(parts["event_id"], pc.coalesce(parts["person_id"], org))
    is_party = pc.fill_null(pc.equal(parts["role"], "party"), False)
    parties = _distinct(parts["event_id"].filter(is_party), org.filter(is_party))
    events = _candidates(pq.read_table(folder / "rows.events.parquet",
                                       columns=["event_id", "doc_id", "kind", "date", "date_text"]),
                         who, parties, cluster_buckets)
    with pq.ParquetWriter(Path(spill) / f"{part}.clusters.parquet", _CANDIDATES) as writer:
        sizes = events.group_by("cb").aggregate([("cb", "count")]).sort_by("cb")
        start = 0
        for size in sizes["cb_count"].to_pylist():  # one row group per cluster bucket
            writer.write_table(events.slice(start, size), row_group_size=size)
            start += size
    return n_docs, used


def _distinct(events: pa.ChunkedArray, values: pa.ChunkedArray) -> pa.Table:
    """(event, value_distinct): the distinct non-empty values beside each event (in no set order)."""
    table = pa.table({"event": events, "value": values})
    table = table.filter(pc.fill_null(pc.not_equal(table["value"], ""), False))
    return table.group_by("event").aggregate([("value", "distinct")])


def _candidates(events: pa.Table, who: pa.Table, parties: pa.Table, cluster_buckets: int) -> pa.Table:
    """The events that may join a cluster (a day and someone taking part), sorted by cluster bucket."""
    text = events["date_text"]
    approx = pc.if_else(pc.fill_null(pc.not_equal(text, ""), False),
                        pc.binary_join_element_wise("", text, "~"), pa.scalar(None, pa.string()))
    day = pc.if_else(pc.is_valid(events["date"]), pc.cast(events["date"], pa.string()), approx)
    people = pc.take(who["value_distinct"], pc.index_in(events["event_id"], value_set=who["event"]))
    keep = pc.and_(pc.is_valid(day), pc.is_valid(people))
    events, day, people = events.filter(keep), day.filter(keep), people.filter(keep)
    groups = pc.dictionary_encode(pc.binary_join_element_wise(events["kind"], day, "\x1f")).combine_chunks()
    crc = pa.array([zlib.crc32(g.encode()) % cluster_buckets for g in groups.dictionary.to_pylist()], pa.int32())
    party = pc.take(parties["value_distinct"], pc.index_in(events["event_id"], value_set=parties["event"]))
    table = pa.table({"cb": pc.take(crc, groups.indices), "kind": events["kind"], "day": day,
                      "event_id": events["event_id"], "doc_id": events["doc_id"], "who": people,
                      "parties": party}, schema=_CANDIDATES)
    return table.take(pc.sort_indices(table["cb"]))


def link(parts: list[str], root: str, res: Resolution, mapper: Mapper, spill: str, n_docs: int) -> None:
    """Fill in documents per organisation, stray acronyms and event clusters."""
    counts: Counter = Counter()
    used: set[str] = set()
    cluster_buckets = max(1, math.ceil(n_docs / DOCS_PER_CLUSTER_BUCKET))
    for c, u in mapper(part_links, parts, root=root, keys=_keys(res), spill=spill, cluster_buckets=cluster_buckets):
        counts.update(c)
        used |= u
    for i, row in enumerate(res.org_rows):
        row["n_documents"] = counts.get(i, 0)
    res.stray = frozenset(r["org_id"] for r in res.org_rows
                          if r["name"] == r["acronym"] and r["org_id"] not in used)
    for cb in range(cluster_buckets):
        pieces = []
        for part in parts:
            reader = pq.ParquetFile(Path(spill) / f"{part}.clusters.parquet")
            meta = reader.metadata
            mine = [i for i in range(meta.num_row_groups) if meta.row_group(i).column(0).statistics.min == cb]
            if mine:
                pieces.append(reader.read_row_groups(mine))
        if not pieces:
            continue
        t = _sharing(pa.concat_tables(pieces)).to_pydict()
        groups: dict[tuple, list] = defaultdict(list)
        for kind, day, ev, doc, who, party in zip(t["kind"], t["day"], t["event_id"], t["doc_id"],
                                                 t["who"], t["parties"]):
            groups[(kind, day)].append((ev, doc, frozenset(who), frozenset(party or ())))
        res.roots.update(rp.cluster_roots(groups))


def _sharing(events: pa.Table) -> pa.Table:
    """The events that share someone with another event of their kind and day: only those can
    join a cluster (`rp.cluster_roots` pairs events through who took part)."""
    owner = pc.list_parent_indices(events["who"])
    key = pc.binary_join_element_wise(pc.take(events["kind"], owner), pc.take(events["day"], owner),
                                      pc.list_flatten(events["who"]), "\x1f")
    counts = pc.value_counts(key)
    shared = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
    return events.take(pc.unique(owner.filter(pc.is_in(key, value_set=shared))))


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
            for table in _buckets(name, parts, root, buckets, spill):
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


def _buckets(name: str, parts: list[str], root: str, buckets: int, spill: str) -> Iterator[pa.Table]:
    """The rows of table `name` a doc_id range at a time.

    Each part's rows are read once and cut into the ranges, appended to one spill file per range,
    and each range is then read back: readers held open on every part would cost about a
    megabyte each, and parts grow in number with the corpus.
    """
    files = [Path(root) / p / f"rows.{name}.parquet" for p in parts]
    bounds = bucket_bounds(buckets)
    for first in range(0, buckets, OPEN_SPILLS):
        last = min(buckets, first + OPEN_SPILLS)
        spilled = _spill_ranges(files, bounds, first, last, Path(spill) / name)
        for path in spilled:
            with pa.memory_map(str(path)) as source:
                table = pa.ipc.open_stream(source).read_all()
            path.unlink()
            yield table


def _cut_points(ids: pa.ChunkedArray, bounds: list[str]) -> list[int]:
    """Where each bound falls in the sorted `ids` (binary search). Ids of one length are searched
    as fixed-width bytes on Arrow's buffer, without a Python string per row; others as objects."""
    ids = ids.combine_chunks()
    if ids.null_count == 0 and len(ids) and pa.types.is_string(ids.type):
        width = pc.min_max(pc.binary_length(ids)).as_py()
        if width["min"] == width["max"] and width["min"] > 0 and ids.offset == 0:
            offsets, data = ids.buffers()[1:3]
            start = int(np.frombuffer(offsets, dtype=np.int32, count=1)[0])
            fixed = np.frombuffer(data, dtype=f"S{width['min']}", count=len(ids), offset=start)
            return np.searchsorted(fixed, np.array([b.encode() for b in bounds])).tolist()
    return np.searchsorted(ids.to_numpy(zero_copy_only=False), bounds).tolist()


def _spill_ranges(files: list[Path], bounds: list[str], first: int, last: int, folder: Path) -> list[Path]:
    """Cut every file's rows into the doc_id ranges `first` to `last` (Arrow IPC spill files, in range order)."""
    folder.mkdir(parents=True, exist_ok=True)
    writers: dict[int, pa.ipc.RecordBatchStreamWriter] = {}
    options = pa.ipc.IpcWriteOptions(compression=None)
    try:
        for path in files:
            table = pq.read_table(path)
            cuts = [0, *_cut_points(table["doc_id"], bounds), table.num_rows]
            for bucket in range(first, last):
                n = cuts[bucket + 1] - cuts[bucket]
                if n <= 0:
                    continue
                if bucket not in writers:
                    writers[bucket] = pa.ipc.new_stream(str(folder / f"{bucket:05d}.arrows"), table.schema,
                                                        options=options)
                writers[bucket].write_table(table.slice(cuts[bucket], n))
    finally:
        for writer in writers.values():
            writer.close()
    return [folder / f"{bucket:05d}.arrows" for bucket in sorted(writers)]
