"""Helpers shared by the extraction tests (tests/ is on sys.path under pytest's default import mode)."""

from __future__ import annotations

from pathlib import Path

from helpers.extract.document import extract_document
from helpers.extract.facts import DocFacts
from helpers.ingest import RawDocument


def release_facts(text: str, taxonomy: Path | None = None, **meta) -> DocFacts:
    """The facts extracted from one invented release `text` (meta: published, source, title ...)."""
    return extract_document(RawDocument(path="t.txt", text=text, **meta), taxonomy)


def seed_gold(expected: dict) -> list[dict]:
    """The seeds' expected.json facts in the annotation guide's JSONL shape (id = file stem)."""
    out = []
    for d in expected["documents"]:
        sig = d["signing"]
        out.append({
            "id": d["file"].rsplit(".", 1)[0], "published": d["published"],
            "signing": {"date": sig["date"], "location": sig["location"], "agreement": sig["agreement"],
                        "parties": sig["parties"]},
            "organizations": d["organizations"], "people": d["people"], "themes": d["themes"],
        })
    return out


def table_digests(folder: Path) -> dict[str, str]:
    """sha256 of each contract table file in `folder`."""
    import hashlib

    from helpers.store import TABLES

    return {t: hashlib.sha256((Path(folder) / f"{t}.parquet").read_bytes()).hexdigest() for t in TABLES}


def reference_tables(corpus: Path, out: Path, taxonomy: Path | None = None) -> dict[str, str]:
    """Write the tables of `corpus` the in-memory way (every fact held, `build_tables`); their digests."""
    from helpers.extract import build_tables
    from helpers.ingest import Skipped, read_corpus
    from helpers.store import write_tables

    facts = [extract_document(d, taxonomy) for d in read_corpus(corpus) if not isinstance(d, Skipped)]
    write_tables(build_tables(facts), out)
    return table_digests(out)
