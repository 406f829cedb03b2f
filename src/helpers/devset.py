"""The development set of real releases: gold facts merged from annotators' parts, split once at random."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import CorpusError

SPLIT_SALT = "accords-dev-split-2026-12"
REPORTING_SHARE = 0.4


def split_of(release_id: str) -> str:
    """`reporting` or `tuning`: a fixed pseudo-random draw from the id, so each release keeps its part."""
    h = int(hashlib.sha256(f"{SPLIT_SALT}:{release_id}".encode()).hexdigest(), 16)
    return "reporting" if (h % 1000) / 1000 < REPORTING_SHARE else "tuning"


def merge_parts(parts_dir: Path, texts_dir: Path) -> list[dict]:
    """Gold records of every `*.jsonl` part, with their split; a repeated url or id is an error."""
    from .evaluate import load_gold

    records, seen_urls = [], {}
    for part in sorted(Path(parts_dir).glob("*.jsonl")):
        for rec in load_gold(part):
            rid = rec["id"]
            if any(r["id"] == rid for r in records):
                raise CorpusError(f"{part}: id {rid!r} is repeated")
            if rec.get("url") and rec["url"] in seen_urls:
                raise CorpusError(f"{part}: {rid}: url already taken by {seen_urls[rec['url']]}")
            if not (Path(texts_dir) / f"{rid}.txt").is_file():
                raise CorpusError(f"{part}: {rid}: no text file {rid}.txt in {texts_dir}")
            if rec.get("url"):
                seen_urls[rec["url"]] = rid
            records.append({**rec, "split": split_of(rid)})
    return sorted(records, key=lambda r: r["id"])
