"""An organisation the release names only inside a longer organisation's name, written out at that
very place, is a piece of that name ("Agence Nationale" of "Agence Nationale pour l'Innovation
Industrielle", "Green Technologies" of "Ministry of Industrial Innovation and Green Technologies"),
not an organisation of its own."""

from __future__ import annotations

from .facts import DocFacts
from .nlp import Words
from .release_orgs import merge_into


def fold_fragments(facts: DocFacts, sentences: list, w: Words) -> None:
    """Merge each organisation whose every mention lies inside a longer organisation's name, as the
    text writes it there, into the one organisation whose name holds all of them."""
    names = [n for lo in facts.orgs.values() for n in lo.aliases | {lo.name}]
    if not any(a != b and a in b for a in names for b in names):
        return  # no name inside another: nothing to fold
    text = facts.doc.text
    spans: dict[str, list[tuple[int, int]]] = {}
    for *_, orgs, _items in sentences:
        for o in orgs:
            spans.setdefault(facts.org(o.name), []).append((w.start[o.i], w.end[o.j - 1]))
    written = {k: _occurrences(text, lo.aliases | {lo.name}) for k, lo in facts.orgs.items()}
    for key in list(facts.orgs):
        lo = facts.orgs.get(key)
        if lo is None or key not in spans or lo.acronym and lo.acronym in text.replace(lo.name, ""):
            continue  # an acronym of its own, written apart from its name: a body the text names alone
        holders = {k for a, b in spans[key] for k, occ in written.items()
                   if k != key and k in facts.orgs and facts.orgs[k].parent != key
                   and any(x <= a and b <= y and (x, y) != (a, b) for x, y in occ)}
        covered = all(any(x <= a and b <= y and (x, y) != (a, b) for k in holders for x, y in written[k])
                      for a, b in spans[key])
        if covered and len(holders) == 1:
            target = holders.pop()
            merge_into(facts, key, target)
            for other in facts.orgs.values():
                if other.parent == key:
                    other.parent = target if other.key != target else None


def _occurrences(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Where each of an organisation's names is written in the text."""
    out = []
    for name in names:
        if len(name) < 4:
            continue
        at = text.find(name)
        while at >= 0:
            out.append((at, at + len(name)))
            at = text.find(name, at + 1)
    return out
