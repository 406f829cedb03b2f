"""Themes of a release, from the editable taxonomy file, with the phrases that triggered them."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .. import lexicon
from .nlp import Words, words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc


Phrase = tuple[str, ...]  # a term's lower-case words


@lru_cache(maxsize=4)
def phrase_table(taxonomy: Path | None = None) -> dict[str, tuple[tuple[str, Phrase], ...]]:
    """Each theme's terms (rule `<slug>`) and `not` phrases (rule `not:<slug>`, the phrases in which a
    theme's term is no theme: "proton exchange membrane") as lower-case words, by their first word.

    The engine's own words split terms and text alike; a rule holds each phrase once, as spaCy's
    PhraseMatcher over `LOWER` did, and matching it is a dictionary look-up per word, no spaCy Doc.
    """
    rules: dict[str, dict[tuple[str, Phrase], None]] = {}
    for slug, spec in lexicon.load("themes", taxonomy).items():
        terms = spec.get("terms", []) if isinstance(spec, dict) else spec
        negatives = spec.get("not", []) if isinstance(spec, dict) else []
        for rule, phrases in ((str(slug), terms or []), (f"not:{slug}", negatives or [])):
            for t in phrases:
                phrase = tuple(words_of(str(t)).lower)
                if phrase:
                    rules.setdefault(phrase[0], {})[(rule, phrase)] = None
    return {first: tuple(found) for first, found in rules.items()}


def phrase_matches(lower: list[str], taxonomy: Path | None = None) -> list[tuple[str, int, int]]:
    """(rule, start, end) of every term and `not` phrase of the taxonomy in a document's lower-case words."""
    table = phrase_table(taxonomy)
    out = []
    for k in [k for k, word in enumerate(lower) if word in table]:  # most words start no phrase
        for rule, phrase in table[lower[k]]:
            end = k + len(phrase)
            if end <= len(lower) and (len(phrase) == 1 or tuple(lower[k + 1:end]) == phrase[1:]):
                out.append((rule, k, end))
    return out


Pattern = tuple[frozenset[str] | None, ...]  # a word's alternatives, or None for "*"


@lru_cache(maxsize=4)
def theme_patterns(taxonomy: Path | None = None) -> dict[str, list[tuple[str, Pattern]]]:
    """Each theme's `patterns` by the words that can start them: words separated by spaces, `a|b`
    for alternatives and `*` for up to two words of any kind ("open its|their * laboratories")."""
    out: dict[str, list[tuple[str, Pattern]]] = {}
    for slug, spec in lexicon.load("themes", taxonomy).items():
        for text in (spec.get("patterns", []) if isinstance(spec, dict) else []):
            pat = tuple(None if part == "*" else frozenset(part.split("|")) for part in str(text).lower().split())
            for first in pat[0] or ():
                out.setdefault(first, []).append((str(slug), pat))
    return out


def _match_at(lower: list[str], k: int, pat: Pattern) -> int | None:
    """End of `pat` matched at word k (a `*` takes as few words as it can, at most two), or None."""
    if not pat:
        return k
    head, rest = pat[0], pat[1:]
    if head is None:
        for skip in range(3):
            end = _match_at(lower, k + skip, rest)
            if end is not None:
                return end
        return None
    if k < len(lower) and lower[k] in head:
        return _match_at(lower, k + 1, rest)
    return None


def pattern_matches(lower: list[str], taxonomy: Path | None = None) -> list[tuple[str, int, int]]:
    """(slug, start, end) of every theme pattern in a document's lower-case words."""
    by_first = theme_patterns(taxonomy)
    out = []
    for k in [k for k, word in enumerate(lower) if word in by_first]:  # most words start no pattern
        for slug, pat in by_first[lower[k]]:
            end = _match_at(lower, k, pat)
            if end is not None:
                out.append((slug, k, end))
    return out


@lru_cache(maxsize=4)
def theme_aliases(taxonomy: Path | None = None) -> dict[str, str]:
    """Other slugs that name a theme ("domain:health" for `domain:biomedicine`), to its slug."""
    out = {}
    for slug, spec in lexicon.load("themes", taxonomy).items():
        prefix = "domain:" if str(slug).startswith("domain:") else ""
        for alias in (spec.get("aliases", []) if isinstance(spec, dict) else []):
            out[f"{prefix}{alias}"] = str(slug)
    return out


@lru_cache(maxsize=4)
def main_topics(taxonomy: Path | None = None) -> dict[str, int]:
    """Themes that count only as a main topic: in the first sentence or in `sentences: N` sentences."""
    return {str(slug): int(spec["sentences"]) for slug, spec in lexicon.load("themes", taxonomy).items()
            if isinstance(spec, dict) and spec.get("sentences")}


@lru_cache(maxsize=4)
def cross_border_themes(taxonomy: Path | None = None) -> tuple[str, ...]:
    """Themes that a cooperation across borders signals (`cross_border: true` in the taxonomy)."""
    return tuple(str(slug) for slug, spec in lexicon.load("themes", taxonomy).items()
                 if isinstance(spec, dict) and spec.get("cross_border"))


def tag(doc: Words | Doc, taxonomy: Path | None = None, names: frozenset[int] = frozenset(),
        lower: list[str] | None = None, outside: frozenset[int] = frozenset(),
        countries: dict[str, str] | None = None,
        sentences: list[tuple[int, int]] | None = None) -> list[tuple[str, float, list[str]]]:
    """(theme, score, terms) for each theme a document (its `Words`, or a spaCy Doc) mentions; score
    grows with distinct terms.

    A term counts only in a theme sense: not inside a name (`names`: word indices of organisations,
    people and titles, so "Innovation" in "X Innovation Centre" is no theme) nor inside one of the
    theme's `not` phrases, nor out of the evidence scope (`outside`: word indices of sentences
    that profile an organisation or list what a delegation toured). A theme with `cross_border:
    true` in the taxonomy is also found from `countries` (country → the word naming it), the
    countries of a cooperation across borders (`theme_scope.cross_border`).
    `lower` (the document's lower-case words, if the caller has them) saves reading them back.
    """
    found: dict[str, set[str]] = {}
    hits: dict[str, int] = {}
    where: dict[str, set[int]] = {}
    starts = [a for a, _ in sentences or []]
    if lower is None:
        lower = doc.lower if isinstance(doc, Words) else [t.lower_ for t in doc]
    matches = phrase_matches(lower, taxonomy) + pattern_matches(lower, taxonomy)
    vetoed = {(slug[4:], k) for slug, a, b in matches if slug.startswith("not:") for k in range(a, b)}
    for slug, start, end in matches:
        if slug.startswith("not:") or any((slug, k) in vetoed or k in names or k in outside
                                          for k in range(start, end)):
            continue
        found.setdefault(slug, set()).add(" ".join(lower[start:end]))
        hits[slug] = hits.get(slug, 0) + 1
        where.setdefault(slug, set()).add(bisect_right(starts, start) - 1)
    for slug, need in main_topics(taxonomy).items():
        if sentences and slug in where and min(where[slug]) > 2 and len(where[slug]) < need:
            del found[slug]
    for slug in cross_border_themes(taxonomy) if countries else ():
        found.setdefault(slug, set()).update(countries.values())
        hits[slug] = hits.get(slug, 0) + len(countries)
    out = []
    for slug in sorted(found):
        terms = sorted(found[slug])
        score = round(1 - 0.5 ** (len(terms) + 0.25 * (hits[slug] - len(terms))), 3)
        out.append((slug, score, terms))
    return out
