"""One release's rows of the contract tables, given how its local keys resolve to corpus ids."""

from __future__ import annotations

from collections.abc import Callable

from ..ids import stable_id
from ..ingest import RawDocument
from .document import DocFacts

ROW_TABLES = ("documents", "events", "participants", "mentions", "themes")


def doc_row(f: DocFacts, doc_id: str) -> dict:
    """The documents row of a release."""
    d: RawDocument = f.doc
    title = d.title or d.text.split("\n", 1)[0][:120]
    return {"doc_id": doc_id, "path": d.path, "url": d.url, "title": title, "published": d.published,
            "source": d.source, "authors": list(d.authors), "text": d.text, "n_words": len(d.text.split())}


def fact_rows(f: DocFacts, person_of: Callable[[str], str | None],
              org_of: Callable[[str], str | None]) -> dict[str, list[dict]]:
    """The rows of `ROW_TABLES` for one release (events without cluster_id), in the order extracted.

    `person_of` and `org_of` map the release's local person and organisation keys to corpus ids.
    """
    path, text = f.doc.path, f.doc.text
    doc_id = stable_id("d-", path)
    events, parts, mentions, themes = [], [], [], []
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
                          "person_id": person_of(key) if key else None,
                          "org_id": org_of(org) if org else None,
                          "title": title, "role": role, "sentence": text[ra:rb], "start": ra,
                          "end": rb, "affiliation_flag": flags.get(key) if key else None})
        if ev.location:
            at = text.find(ev.location, a, b)
            if at >= 0:
                mentions.append({"doc_id": doc_id, "kind": "location", "entity_id": None,
                                 "text": ev.location, "start": at, "end": at + len(ev.location)})
    for kind, key, ma, mb in f.mentions:
        of = person_of if kind == "person" else org_of
        mentions.append({"doc_id": doc_id, "kind": kind, "entity_id": of(key),
                         "text": text[ma:mb], "start": ma, "end": mb})
    for slug, score, terms in f.themes:
        themes.append({"doc_id": doc_id, "event_id": None, "theme": slug, "score": score,
                       "terms": terms})
    return {"documents": [doc_row(f, doc_id)], "events": events, "participants": parts,
            "mentions": mentions, "themes": themes}
