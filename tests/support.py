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
