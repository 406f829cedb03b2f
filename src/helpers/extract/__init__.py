"""The extraction engine: a corpus folder in, the contract tables out (rules over spaCy tokens).

Facts are extracted a part (a few hundred releases) at a time and stored under the output
folder; the tables are then resolved and written part by part (`build.py`). A later run reuses
the stored facts of every release whose content and extractor are unchanged.
"""

from __future__ import annotations

import gc
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__, remote
from ..engines import engine as make_engine
from ..errors import CorpusError
from ..facts_store import META, FactsStore, fingerprint, settings_digest
from ..ingest import RawDocument, Skipped, load_manifest, read_corpus
from ..remote import is_url
from ..store import commit, stage_json
from .build import write_streamed
from .derive import derived
from .document import DocFacts, extract_document
from .ner import pipeline as ner_pipeline
from .tables import build_tables

__all__ = ["Summary", "build_tables", "extract_corpus", "extract_part"]

PART_SIZE = 1000


@dataclass
class Summary:
    """What one extraction run read, skipped and found."""

    out: Path
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    events: int = 0
    people: int = 0
    organizations: int = 0
    seconds: float = 0.0
    changes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("added", "changed", "removed", "reused"), 0))

    def line(self) -> str:
        """A one-line account of the run."""
        reasons = sorted({s.reason.split(" (")[0] for s in self.skipped})
        skipped = f", {len(self.skipped)} skipped ({'; '.join(reasons)})" if self.skipped else ""
        c = self.changes
        reused = (f" ({c['reused']} reused, {c['added']} added, {c['changed']} changed, "
                  f"{c['removed']} removed)" if c["reused"] or c["removed"] else "")
        return (f"accords: {_count(self.documents, 'document')} read{reused}{skipped}; "
                f"{_count(self.events, 'event')}, {_count(self.people, 'person', 'people')}, "
                f"{_count(self.organizations, 'organisation')} -> {self.out} ({self.seconds:.1f} s)")


def _count(n: int, one: str, many: str | None = None) -> str:
    """"1 document", "2 documents"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def extract_corpus(corpus: Path, out: Path, *, metadata: Path | None = None,
                   taxonomy: Path | None = None, progress: bool = False, jobs: int = 1,
                   ner: str | None = None, engine: str = "local", scheduler: str | None = None,
                   full: bool = False, part_size: int = PART_SIZE) -> Summary:
    """Read every release under `corpus`, extract its facts and write the tables to `out`.

    `jobs` worker processes extract documents side by side (0: one per core; with the dask
    engine, the local cluster's workers); the tables are the same whatever the number and the
    engine. `ner` names an installed spaCy pipeline whose entities the rules use as candidates
    (default: the rules alone). The facts of releases already extracted into `out` with the same
    content and extractor are reused unless `full`. `engine="dask"` runs on the Dask cluster at
    `scheduler`, or on a local cluster started for the run.
    """
    t0 = time.perf_counter()
    if is_url(out):
        raise CorpusError(f"{out}: the tables go to a local folder (an fsspec URL is taken for the corpus)")
    out = Path(out)
    if is_url(corpus):
        remote.filesystem(str(corpus))  # an unreachable corpus is one clear error before any work
    else:
        corpus = Path(corpus)
        if not corpus.exists():
            raise CorpusError(f"{corpus}: corpus folder not found")
    if part_size < 1:
        raise CorpusError(f"part_size must be at least 1, not {part_size}")
    manifest = load_manifest(metadata)
    if ner:
        ner_pipeline(ner)  # a missing pipeline is one clear error before any work
    if taxonomy is not None and not Path(taxonomy).is_file():
        raise CorpusError(f"{taxonomy}: taxonomy file not found")
    summary = Summary(out)
    out.mkdir(parents=True, exist_ok=True)
    store = FactsStore(out)
    settings = settings_digest(taxonomy, ner)
    state = hashlib.sha1((settings + json.dumps(manifest, sort_keys=True, default=str)).encode()).hexdigest()[:12]
    old = {} if full else store.committed_index()
    by_file: dict[str, list[str]] = defaultdict(list)
    for path, (_fp, _part, file, _stat) in old.items():
        by_file[file].append(path)
    sizes = Counter(entry[1] for entry in old.values())
    reused: Counter = Counter()
    dead: dict[str, set[str]] = defaultdict(set)
    current = {"file": "", "stat": ""}

    def unchanged(rel: str, stat) -> bool:
        """Whether a file is as the last run read it (size, time, settings, manifest): then it is not read."""
        current["file"], current["stat"] = rel, f"{stat.st_size}:{stat.st_mtime_ns}:{state}"
        paths = by_file.get(rel)
        if not paths or any(old[p][3] != current["stat"] for p in paths):
            return False
        for p in by_file.pop(rel):
            reused[old.pop(p)[1]] += 1
        summary.changes["reused"] += len(paths)
        return True

    def chunks(workers: int) -> Iterator[tuple[list[RawDocument], dict[str, list[str]]]]:
        docs: list[RawDocument] = []
        meta: dict[str, list[str]] = {name: [] for name in META}
        full: tuple | None = None  # a full chunk is held until another release comes: the last is shared out
        for doc in _progress(_readable(read_corpus(corpus, manifest, unchanged), summary, corpus), progress):
            fp = fingerprint(doc, settings)
            prev = old.pop(doc.path, None)
            if prev is not None and prev[0] == fp:  # a file touched or partly changed: this release is not
                reused[prev[1]] += 1
                summary.changes["reused"] += 1
                continue
            if prev is not None:
                dead[prev[1]].add(doc.path)
            summary.changes["changed" if prev is not None else "added"] += 1
            if full is not None:
                yield full
                full = None
            _add(docs, meta, doc, fp, current)
            if len(docs) >= part_size:
                full = (docs, meta)
                docs, meta = [], {name: [] for name in META}
        last = full or (docs, meta)
        yield from _shared_out(*last, workers)

    with make_engine(engine, jobs=jobs, scheduler=scheduler) as eng:
        parts = []
        chunked = chunks(getattr(eng, "workers", 1))
        for part, skipped in eng.map(extract_part, chunked, root=str(store.root), taxonomy=taxonomy, ner=ner):
            for item in skipped:
                _skip(summary, corpus, item)
            if part:
                parts.append(part)
        for path, (_fp, part, _file, _stat) in old.items():
            dead[part].add(path)
            summary.changes["removed"] += 1
        for part in sizes:
            if not dead.get(part):
                parts.append(part)
            elif reused[part]:
                parts.append(store.compact(DocFacts, part, dead[part], derived))
        parts = sorted(set(parts))
        staged, counts = write_streamed(parts, str(store.root), out, eng.map, linked=eng.release)
    summary.documents = counts["documents"]
    summary.events = counts["events"]
    summary.people = counts["people"]
    summary.organizations = counts["organizations"]
    meta = {"corpus": str(corpus), "documents": summary.documents, "skipped": len(summary.skipped),
            "events": summary.events, "people": summary.people,
            "organizations": summary.organizations, "fingerprint": counts["fingerprint"][:16],
            "accords_version": __version__, "extractor": settings[:16], "engine": engine,
            "parts": len(parts), **summary.changes}
    try:
        staged.append(stage_json(meta, out, "extract.json"))
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    commit(staged)
    store.commit(parts)
    summary.seconds = time.perf_counter() - t0
    return summary


MIN_SHARE = 100  # releases: a last chunk smaller than two of these stays whole


def _shared_out(docs: list[RawDocument], meta: dict[str, list[str]], workers: int) -> Iterator[tuple]:
    """The last chunk of a run, cut into one piece per worker so that none waits alone on it
    (a re-run that adds a few hundred releases has only this chunk)."""
    if not docs:
        return
    pieces = max(1, min(workers, len(docs) // MIN_SHARE))
    size = -(-len(docs) // pieces)
    for start in range(0, len(docs), size):
        yield docs[start:start + size], {k: v[start:start + size] for k, v in meta.items()}


def _add(docs: list, meta: dict[str, list[str]], doc: RawDocument, fp: str, current: dict) -> None:
    """Queue a release for extraction with what the store keeps about it."""
    docs.append(doc)
    meta["fingerprint"].append(fp)
    meta["file"].append(current["file"])
    meta["stat"].append(current["stat"])


def extract_part(chunk: tuple[list[RawDocument], dict[str, list[str]]], root: str, taxonomy: Path | None = None,
                 ner: str | None = None) -> tuple[str | None, list[Skipped]]:
    """Extract a chunk of releases and store their facts as one part; (part name, releases skipped)."""
    docs, meta = chunk
    facts, kept, skipped = [], [], []
    # The facts are many small acyclic objects: cyclic GC passes over them cost ~20 %.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for i, doc in enumerate(docs):
            result = _extract_safely(doc, taxonomy, ner)
            if isinstance(result, Skipped):
                skipped.append(result)
            else:
                facts.append(result)
                kept.append(i)
        part = FactsStore.at(root).write_part(
            facts, {k: [v[i] for i in kept] for k, v in meta.items()}, derived) if facts else None
    finally:
        if gc_was_enabled:
            gc.enable()
    return part, skipped


def _extract_safely(doc: RawDocument, taxonomy: Path | None, ner: str | None = None) -> DocFacts | Skipped:
    """The facts of one release; a release the rules trip over is skipped, never the whole run."""
    try:
        return extract_document(doc, taxonomy, ner)
    except Exception as exc:  # noqa: BLE001  (one odd release must not lose the corpus)
        return Skipped(doc.path, f"extraction failed ({type(exc).__name__}: {exc})")


def _skip(summary: Summary, corpus: Path, item: Skipped) -> None:
    """Record a skipped file or record and warn about it on one line naming it."""
    summary.skipped.append(item)
    where, _, record = item.path.partition("#")
    print(f"accords: warning: {str(corpus).rstrip('/')}/{where}{'#' + record if record else ''}: "
          f"skipped: {item.reason}", file=sys.stderr)


def _readable(items, summary: Summary, corpus: Path):
    """The documents of `items`, warning about (and recording) each one skipped."""
    for item in items:
        if isinstance(item, Skipped):
            _skip(summary, corpus, item)
        else:
            yield item


def _progress(items, enabled: bool):
    if not (enabled and sys.stderr.isatty()):
        return items
    from tqdm import tqdm

    return tqdm(items, unit=" doc", desc="extract", file=sys.stderr)
