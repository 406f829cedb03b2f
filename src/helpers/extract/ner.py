"""Candidates from a statistical named-entity model: any installed spaCy pipeline, for `--ner NAME`.

The rules stay in charge: the model only proposes organisation names that have no head word
("Airbus", "Intel Ireland"), proposes people the name rules miss, and vetoes "people" that it
reads as an organisation or a place ("Northrop Grumman", "Palo Alto").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import ParameterError
from .acronyms import NOT_ACRONYM
from .agreements import SIGN_WORDS
from .facts import OrgSpan
from .nlp import Words, is_cap
from .orgs import kind_of

_NOT_PERSON = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


@lru_cache(maxsize=2)
def pipeline(name: str):
    """The spaCy pipeline `name` (an installed package), loaded once per process."""
    import spacy

    try:
        return spacy.load(name, exclude=["lemmatizer"])
    except OSError:
        raise ParameterError(f"--ner {name}: no spaCy pipeline of that name is installed "
                             f"(e.g. `python -m spacy download {name}`)") from None


@dataclass
class Entities:
    """A document's entities as word spans: people, organisations, and words inside non-person names."""

    people: dict[int, int] = field(default_factory=dict)
    orgs: list[tuple[int, int]] = field(default_factory=list)
    not_person: set[int] = field(default_factory=set)
    person_words: set[int] = field(default_factory=set)

    def vetoes(self, a: int, b: int) -> bool:
        """Whether the model reads words a..b as something other than a person."""
        return any(k in self.not_person for k in range(a, b)) and not any(
            k in self.person_words for k in range(a, b))


def entities(text: str, w: Words, name: str) -> Entities:
    """The entities pipeline `name` finds in `text`, mapped onto the engine's words."""
    doc = pipeline(name)(text)
    out = Entities()
    for ent in doc.ents:
        a, b = w.index_at(ent.start_char), w.index_at(ent.end_char - 1) + 1
        if a >= b or a >= len(w):
            continue
        if ent.label_ == "PERSON":
            out.person_words.update(range(a, b))
            if b - a >= 2 and all(w.text[k][:1].isupper() or w.text[k] in ("-", "'") for k in range(a, b)):
                out.people.setdefault(a, b)
        elif ent.label_ in _NOT_PERSON:
            out.not_person.update(range(a, b))
            if ent.label_ == "ORG":
                out.orgs.append((a, b))
    return out


_NOT_ORG_WORDS = {"memorandum", "agreement", "mou", "moU", "understanding", "ceremony", "the"}


def with_model_orgs(orgs: list[OrgSpan], ents: Entities, w: Words, s: int, e: int, text: str) -> list[OrgSpan]:
    """The rules' organisations of words s..e plus the model's that overlap none of them."""
    if SIGN_WORDS.isdisjoint(w.lower[s:e]):
        return orgs  # the model's organisations are taken only where parties are named
    taken = {k for o in orgs for k in range(o.i, o.j)}
    added = []
    for a, b in ents.orgs:
        if a < s or b > e or any(k in taken for k in range(a, b)):
            continue
        while a < b and w.lower[a] == "the":
            a += 1
        words = w.text[a:b]
        if not words or not is_cap(words[0]) or words[-1] in (")", "(", ",") or "(" in words \
                or any(x.lower() in _NOT_ORG_WORDS for x in words) or " ".join(words).upper() in NOT_ACRONYM:
            continue
        name = text[w.start[a]:w.end[b - 1]]
        single = b - a == 1 and words[0].isupper()
        added.append(OrgSpan(a, b, name, name if single else None, kind_of(name), is_acronym=single))
    return sorted(orgs + added, key=lambda o: o.i)
