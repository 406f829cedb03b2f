"""The extraction engine: a corpus folder in, the contract tables out (rules over spaCy tokens)."""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import __version__
from ..errors import CorpusError
from ..ingest import RawDocument, Skipped, load_manifest, read_corpus
from ..resolve import cluster_events, resolve_orgs, resolve_people, stable_id
from ..store import empty_table, write_tables
from .document import DocFacts, extract_document
from .ner import pipeline as ner_pipeline


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

    def line(self) -> str:
        """A one-line account of the run."""
        reasons = sorted({s.reason.split(" (")[0] for s in self.skipped})
        skipped = f", {len(self.skipped)} skipped ({'; '.join(reasons)})" if self.skipped else ""
        return (f"accords: {self.documents} documents read{skipped}; {self.events} events, "
                f"{self.people} people, {self.organizations} organisations -> {self.out} "
                f"({self.seconds:.1f} s)")


def extract_corpus(corpus: Path, out: Path, *, metadata: Path | None = None,
                   taxonomy: Path | None = None, progress: bool = False, jobs: int = 1,
                   ner: str | None = None) -> Summary:
    """Read every release under `corpus`, extract its facts and write the tables to `out`.

    `jobs` worker processes extract documents side by side (0: one per core); the tables are
    the same whatever the number. `ner` names an installed spaCy pipeline whose entities the
    rules use as candidates (default: the rules alone).
    """
    if jobs < 0:
        raise CorpusError(f"jobs must be 0 (one per core) or more, not {jobs}")
    t0 = time.perf_counter()
    corpus, out = Path(corpus), Path(out)
    manifest = load_manifest(metadata)
    summary = Summary(out)
    facts: list[DocFacts] = []
    # The facts are millions of small acyclic objects: cyclic GC passes over them cost ~20 %.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        tables = _extract_all(corpus, manifest, summary, facts, taxonomy, progress, jobs, ner)
    finally:
        if gc_was_enabled:
            gc.enable()
    summary.documents = len(facts)
    summary.events = len(tables["events"])
    summary.people = len(tables["people"])
    summary.organizations = len(tables["organizations"])
    fingerprint = hashlib.sha256("".join(sorted(
        f.doc.path + hashlib.sha1(f.doc.text.encode()).hexdigest() for f in facts)).encode()).hexdigest()
    meta = {"corpus": str(corpus), "documents": summary.documents, "skipped": len(summary.skipped),
            "events": summary.events, "people": summary.people,
            "organizations": summary.organizations, "fingerprint": fingerprint[:16],
            "accords_version": __version__}
    write_tables(tables, out, meta)
    summary.seconds = time.perf_counter() - t0
    return summary


def _extract_all(corpus: Path, manifest: dict, summary: Summary, facts: list[DocFacts],
                 taxonomy: Path | None, progress: bool, jobs: int,
                 ner: str | None = None) -> dict[str, pd.DataFrame]:
    """Read and extract every document, collecting skips in `summary`, then build the tables."""
    if ner:
        ner_pipeline(ner)  # a missing pipeline is one clear error before any work
    work = functools.partial(_extract_safely, taxonomy=taxonomy, ner=ner)
    with _pool(jobs) as pool:
        docs = _readable(read_corpus(corpus, manifest), summary, corpus)
        results = pool.imap(work, docs, chunksize=32) if pool else map(work, docs)
        for result in _progress(results, progress):
            if isinstance(result, Skipped):
                _skip(summary, corpus, result)
            else:
                facts.append(result)
    return build_tables(facts)


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
    print(f"accords: warning: {corpus / where}{'#' + record if record else ''}: "
          f"skipped: {item.reason}", file=sys.stderr)


def _readable(items, summary: Summary, corpus: Path):
    """The documents of `items`, warning about (and recording) each one skipped."""
    for item in items:
        if isinstance(item, Skipped):
            _skip(summary, corpus, item)
        else:
            yield item


@contextlib.contextmanager
def _pool(jobs: int):
    """A process pool of `jobs` workers (0: one per core), or None to work in this process."""
    n = (os.cpu_count() or 1) if jobs == 0 else jobs
    if n <= 1:
        yield None
        return
    with multiprocessing.get_context("fork").Pool(n) as pool:
        yield pool


def _progress(items, enabled: bool):
    if not (enabled and sys.stderr.isatty()):
        return items
    from tqdm import tqdm

    return tqdm(items, unit=" doc", desc="extract", file=sys.stderr)


def _doc_row(f: DocFacts, doc_id: str) -> dict:
    d: RawDocument = f.doc
    title = d.title or d.text.split("\n", 1)[0][:120]
    return {"doc_id": doc_id, "path": d.path, "url": d.url, "title": title, "published": d.published,
            "source": d.source, "authors": list(d.authors), "text": d.text, "n_words": len(d.text.split())}


def build_tables(facts: list[DocFacts]) -> dict[str, pd.DataFrame]:
    """The contract tables of a corpus's extracted facts, with corpus-wide ids."""
    org_ids, organizations = resolve_orgs(facts)
    person_ids, people = resolve_people(facts)
    docs, events, parts, mentions, themes = [], [], [], [], []
    for f in sorted(facts, key=lambda f: f.doc.path):
        path, text = f.doc.path, f.doc.text
        doc_id = stable_id("d-", path)
        docs.append(_doc_row(f, doc_id))
        flags = {k: lp.flag for k, lp in f.people.items()}
        for ev in f.events:
            a, b = ev.sentence
            event_id = stable_id("e-", doc_id, ev.kind, a)
            events.append({"event_id": event_id, "doc_id": doc_id, "kind": ev.kind, "date": ev.date,
                           "date_text": ev.date_text, "date_precision": ev.precision,
                           "year_source": ev.year_source, "location": ev.location,
                           "agreement": ev.agreement, "sentence": text[a:b], "start": a, "end": b})
            for key, org, title, role, ra, rb in ev.roles:
                parts.append({"event_id": event_id, "doc_id": doc_id,
                              "person_id": person_ids.get((path, key)) if key else None,
                              "org_id": org_ids.get((path, org)) if org else None,
                              "title": title, "role": role, "sentence": text[ra:rb], "start": ra,
                              "end": rb, "affiliation_flag": flags.get(key) if key else None})
            if ev.location:
                at = text.find(ev.location, a, b)
                if at >= 0:
                    mentions.append({"doc_id": doc_id, "kind": "location", "entity_id": None,
                                     "text": ev.location, "start": at, "end": at + len(ev.location)})
        for kind, key, ma, mb in f.mentions:
            ids = person_ids if kind == "person" else org_ids
            mentions.append({"doc_id": doc_id, "kind": kind, "entity_id": ids.get((path, key)),
                             "text": text[ma:mb], "start": ma, "end": mb})
        for slug, score, terms in f.themes:
            themes.append({"doc_id": doc_id, "event_id": None, "theme": slug, "score": score,
                           "terms": terms})
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
        tables["events"]["cluster_id"] = cluster_events(tables["events"], tables["participants"])
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
