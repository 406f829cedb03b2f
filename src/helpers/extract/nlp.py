"""Tokens and sentences: spaCy's blank English tokenizer, hyphenated words joined, spans kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon

if TYPE_CHECKING:
    from spacy.language import Language

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "co", "ltd", "inc", "jr", "sr", "vs", "etc",
    "e.g", "i.e", "u.s", "u.k", "gov", "dept", "univ", "corp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "fig", "approx", "est", "h.e",
    "messrs", "hon", "rev", "gen", "col", "lt", "sgt", "capt", "p.r", "p", "pp", "vol", "ph.d",
    "a.m", "p.m", "dipl", "ing", "mag", "md", "mohd", "muhd", "sh", "smt", "assoc", "asst", "engr",
    "adv", "wm", "chas", "jas", "thos", "pvt", "techn", "ddr", "habil", "nat", "mont", "snr",
}


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Words a full stop does not end: the list above and every abbreviated honorific of the
    people lexicon ("Eng.", "Ir.", "Ts.") and of a doctorate ("Dr. h.c.", "Dr. rer. nat."), so "Prof. Dr.
    Eng. Ali" stays one name."""
    honor = lexicon.load("people").get("honorifics", [])
    return frozenset(_ABBREV | lexicon.doctorate_fields() | {str(h)[:-1].lower() for h in honor
                                if str(h).endswith(".") and " " not in str(h) and "." not in str(h)[:-1]})
# One C-level pass finds the words; spaCy's tokenizer still feeds the theme PhraseMatcher.
# Measured on 1,466 generated releases: 0.45 s here against 2.6 s walking spaCy Token objects.
_W = r"(?:\w[\w\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]*)"  # a word with its combining marks
_WORD = re.compile(rf"(?:[A-Z][a-z]?\.|[a-z]\.){{2,}}|{_W}(?:[-‑&]{_W}|['’](?![sS]\b){_W})*|['’][sS]\b|[^\w\s]")
_LAST_WORD = re.compile(r"[\s(]")
INITIALS = re.compile(r"(?:[A-Z][a-z]?\.){2,}")  # "V.A.", "Yu.A.", "E.Zh."
_BOUNDARY = re.compile(r"[.!?。！？]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-•*]\s)")
_NEWLINE_BREAK = re.compile(r"\n(?=\s*[^\sa-z])")


_ELIDED = ("l'", "d'", "l’", "d’", "dell'", "dell’", "all'", "all’", "nell'", "nell’")
_ELIDED_FIRST = frozenset("ldan")


def is_cap(word: str) -> bool:
    """A word that starts with a capital letter (a name-like word), or a capitalised word behind an
    elided article ("l'Innovation", "dell'Ambiente")."""
    c = word[:1]
    if c.isupper():
        return True
    return c in _ELIDED_FIRST and word.startswith(_ELIDED) and \
        word[word.find("'") + 1 if "'" in word else word.find("’") + 1:][:1].isupper()


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """spaCy's blank English pipeline (tokenizer only: no model to download).

    spaCy is imported here, not with the module: a re-run that extracts nothing new never needs it.
    """
    import spacy

    return spacy.blank("en")


@dataclass
class Words:
    """A document's words: text, lower case and character spans (hyphenated words joined)."""

    text: list[str]
    lower: list[str]
    start: list[int]
    end: list[int]

    def __len__(self) -> int:
        return len(self.text)

    def index_at(self, char: int) -> int:
        """Index of the first word that ends after character offset `char`."""
        lo, hi = 0, len(self.end)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.end[mid] <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo


def words_of(text: str) -> Words:
    """Words of a text: hyphenated words, "I&T" and abbreviations ("Mr.", "Co.") kept whole."""
    spans = [m.span() for m in _WORD.finditer(text)]
    dots = [k for k, (a, b) in enumerate(spans) if b - a == 1 and text[a] == "." and k
            and spans[k - 1][1] == a]
    for k in reversed(dots):
        a, _ = spans[k - 1]
        word = text[a:spans[k][0]]
        if word.lower() in _abbreviations() or (len(word) == 1 and word.isupper()) \
                or word in lexicon.initial_digraphs():
            spans[k - 1:k + 1] = [(a, spans[k][1])]
    glued = "ng'" in text or "ng’" in text  # "Achieng'": rare, so most texts skip the pass
    for k in [k for k, (a, b) in enumerate(spans) if glued and b - a == 1 and text[a] in "'’" and k][::-1]:
        a, b = spans[k - 1]
        if b == spans[k][0] and text[b - 2:b] == "ng" and text[a].isupper() and text[b + 1:b + 2] in (" ", ",", ""):
            spans[k - 1:k + 1] = [(a, spans[k][1])]  # "Grace Achieng' Owino": a Dholuo name ends in its apostrophe
    words = [text[a:b] for a, b in spans]
    return Words(words, [t.lower() for t in words], [a for a, _ in spans], [b for _, b in spans])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (abbreviation-aware, paragraph breaks split)."""
    spans: list[tuple[int, int]] = []
    begin = 0
    cuts = sorted({m.end() for m in _BOUNDARY.finditer(text)}
                  | {m.start() for m in _NEWLINE_BREAK.finditer(text) if not _wrapped(text, m.start())})
    for cut in cuts:
        chunk = text[begin:cut]
        if _ends_with_abbrev(chunk) and "\n" not in chunk[len(chunk.rstrip()):]:
            continue  # "Co., Ltd. and" goes on; a paragraph break after "Ltd." still ends it
        if text[cut:cut + 3].lstrip().startswith("(") and _LAST_WORD.split(chunk.rstrip()[:-1])[-1].lower() in _DEGREES:
            continue  # "prof. Ing. A, PhD. (Váh Valley University), doc. Ing. B": the bracket names her body
        _add(spans, text, begin, cut)
        begin = cut
    _add(spans, text, begin, len(text))
    return spans


_JOINING = {"the", "of", "and", "a", "an", "to", "in", "for", "on", "at", "by", "with", "from", "its", "their"}


def _wrapped(text: str, k: int) -> bool:
    """Whether the line break at k only wraps a long line mid-sentence ("Charles Bolden and Chairman
    of the\nGerman Aerospace Center"): the line ends in a word no heading ends in ("the", "of", "and"),
    or it is 50 to 100 characters and ends in a comma."""
    line = text[text.rfind("\n", 0, k) + 1:k].rstrip()
    return len(line) >= 20 and line.rsplit(None, 1)[-1] in _JOINING or 50 <= len(line) <= 100 and line[-1] == ","


_DEGREES = {"phd", "drsc", "csc", "dsc", "msc", "mba", "bsc", "jr", "sr"}


def _ends_with_abbrev(chunk: str) -> bool:
    stripped = chunk.rstrip()
    if stripped.endswith(".)") and "(" in stripped[-8:]:
        stripped = stripped[:-1]  # "Dr. (Mrs.) A", "Prof. (Dr.) A": an honorific in brackets
    if not stripped.endswith("."):
        return False
    last = _LAST_WORD.split(stripped[:-1])[-1]
    last = last.rsplit("-", 1)[-1] if "." in last else last  # "Prof. Dr.-Ing. A"
    if "." in last and all(x.lower() in _abbreviations() for x in last.split(".")):
        last = last.rsplit(".", 1)[-1]  # "prof.dr.ir. A": an honorific chain written without spaces
    return last.lower() in _abbreviations() or (len(last) == 1 and last.isalpha()) \
        or bool(INITIALS.fullmatch(last + ".")) or last in lexicon.initial_digraphs()


def _add(spans: list[tuple[int, int]], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))


def based_word(low: str) -> bool:
    """Whether a lower-case word says where a body is ("johannesburg-based"): no part of its name."""
    return low.endswith(("-based", "\u2011based", "-headquartered", "-listed"))  # "Bursa-listed Teraju Berhad"
