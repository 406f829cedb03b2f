"""Themes of a release, from the editable taxonomy file, with the phrases that triggered them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from .. import lexicon
from .nlp import Words, pipeline, words_of


@lru_cache(maxsize=4)
def matcher(taxonomy: Path | None = None) -> PhraseMatcher:
    """A PhraseMatcher over lower-cased tokens: one rule per theme slug, and one `not:<slug>` rule
    for the phrases in which a theme's term is no theme ("proton exchange membrane")."""
    nlp = pipeline()
    data = lexicon.load("themes", taxonomy)
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for slug, spec in data.items():
        terms = spec.get("terms", []) if isinstance(spec, dict) else spec
        m.add(str(slug), [as_doc(words_of(str(t))) for t in terms or []])
        negatives = spec.get("not", []) if isinstance(spec, dict) else []
        if negatives:
            m.add(f"not:{slug}", [as_doc(words_of(str(t))) for t in negatives])
    return m


@lru_cache(maxsize=4)
def pattern_matcher(taxonomy: Path | None = None) -> Matcher:
    """spaCy token patterns from each theme's `patterns`: words separated by spaces, `a|b` for
    alternatives and `*` for up to two words of any kind ("open its|their * laboratories|facilities")."""
    m = Matcher(pipeline().vocab)
    for slug, spec in lexicon.load("themes", taxonomy).items():
        pats = spec.get("patterns", []) if isinstance(spec, dict) else []
        if pats:
            m.add(str(slug), [_token_pattern(str(p)) for p in pats])
    return m


def _token_pattern(text: str) -> list[dict]:
    out: list[dict] = []
    for part in text.lower().split():
        if part == "*":
            out += [{"OP": "?"}, {"OP": "?"}]
        else:
            out.append({"LOWER": {"IN": part.split("|")}})
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


def as_doc(words: Words) -> Doc:
    """A spaCy Doc over the engine's own words, so terms and text split the same way.

    Building the Doc from words skips spaCy's tokenizer: measured on 1,466 generated releases,
    0.11 s against 0.72 s, for the same matches.
    """
    return Doc(pipeline().vocab, words=words.text)


def tag(doc: Doc, taxonomy: Path | None = None,
        names: frozenset[int] = frozenset()) -> list[tuple[str, float, list[str]]]:
    """(theme, score, terms) for each theme a spaCy Doc mentions; score grows with distinct terms.

    A term counts only in a theme sense: not inside a name (`names`: word indices of organisations,
    people and titles, so "Innovation" in "X Innovation Centre" is no theme) nor inside one of the
    theme's `not` phrases.
    """
    m = matcher(taxonomy)
    vocab = doc.vocab.strings
    found: dict[str, set[str]] = {}
    hits: dict[str, int] = {}
    matches = [(vocab[mid], a, b) for mid, a, b in m(doc)]
    patterns = pattern_matcher(taxonomy)
    if len(patterns):
        matches += [(vocab[mid], a, b) for mid, a, b in patterns(doc)]
    vetoed = {(slug[4:], k) for slug, a, b in matches if slug.startswith("not:") for k in range(a, b)}
    for slug, start, end in matches:
        if slug.startswith("not:") or any((slug, k) in vetoed or k in names for k in range(start, end)):
            continue
        found.setdefault(slug, set()).add(" ".join(t.lower_ for t in doc[start:end]))
        hits[slug] = hits.get(slug, 0) + 1
    out = []
    for slug in sorted(found):
        terms = sorted(found[slug])
        score = round(1 - 0.5 ** (len(terms) + 0.25 * (hits[slug] - len(terms))), 3)
        out.append((slug, score, terms))
    return out
