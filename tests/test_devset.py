"""The development set's merge and its fixed random split (helpers.devset)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.devset import merge_parts, split_of
from helpers.errors import CorpusError

GOLD = Path(__file__).resolve().parents[1] / "eval" / "dev" / "gold.jsonl"


def _part(folder: Path, name: str, records: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_the_committed_gold_keeps_the_split_drawn_once():
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 120 and all(r["split"] == split_of(r["id"]) for r in records)
    assert sum(r["split"] == "reporting" for r in records) >= 40


def test_merge_parts_adds_the_split_and_refuses_repeats(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for rid in ("A01", "B01"):
        (texts / f"{rid}.txt").write_text("A release.", encoding="utf-8")
    _part(tmp_path / "parts", "A.jsonl", [{"id": "A01", "url": "https://a.example/1"}])
    _part(tmp_path / "parts", "B.jsonl", [{"id": "B01", "url": "https://b.example/1"}])
    merged = merge_parts(tmp_path / "parts", texts)
    assert [(r["id"], r["split"]) for r in merged] == [("A01", split_of("A01")), ("B01", split_of("B01"))]
    _part(tmp_path / "parts", "B.jsonl", [{"id": "B01", "url": "https://a.example/1"}])
    with pytest.raises(CorpusError, match="url already taken by A01"):
        merge_parts(tmp_path / "parts", texts)
    _part(tmp_path / "parts", "B.jsonl", [{"id": "C01"}])
    with pytest.raises(CorpusError, match="no text file C01.txt"):
        merge_parts(tmp_path / "parts", texts)


INVENTED = GOLD.parents[1] / "invented"


BATCHES = sorted((p.name for p in INVENTED.glob("i*") if p.is_dir()), key=lambda b: int(b[1:]))


def test_invented_batches_are_all_here():
    assert BATCHES[:35] == [f"i{n}" for n in range(1, 36)] and len(BATCHES) >= 37


@pytest.mark.parametrize("batch", BATCHES)
def test_each_invented_release_has_its_text_and_consistent_gold(batch):
    from helpers.evaluate import load_gold

    records = load_gold(INVENTED / batch / "gold.jsonl")
    assert len(records) == 20 and all(r["split"] == split_of(r["id"]) for r in records)
    for r in records:
        text = (INVENTED / batch / "texts" / f"{r['id']}.txt").read_text(encoding="utf-8")
        names = {o["name"] for o in r["organizations"]}
        assert set((r["signing"] or {}).get("parties") or []) <= names, r["id"]
        # as written, or word by word where the text puts an honorific inside ("Kissné Dr. Fehér Ildikó")
        assert all(p["name"] in text or all(x in text for x in p["name"].split()) for p in r["people"]), r["id"]
