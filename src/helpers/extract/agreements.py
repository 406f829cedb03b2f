"""Agreement names, signing sentences, event places and dates within one sentence."""

from __future__ import annotations

import datetime as dt

from ..dates import MONTHS, find_dates, find_today, resolve
from .nlp import Words
from .orgs import is_cap

HEADS = {
    ("memorandum", "of", "understanding"), ("memoranda", "of", "understanding"),
    ("letter", "of", "intent"), ("agreement",), ("agreements",), ("mou",), ("mous",),
    ("memorandum",), ("contract",), ("contracts",), ("protocol",), ("accord",), ("charter",),
}
_HEAD_WORDS = {h[0] for h in HEADS}
SIGN_WORDS = {"sign", "signed", "signs", "signing", "inked", "ink", "inks", "concluded", "renewed"}
_LEFT_STOP = {
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "two",
    "three", "four", "five", "several", "both", "each", "signed", "inked", "sign", "signing",
    "reached", "concluded", "renewed", "entered", "of", "on", "for", "with", "between", "to",
    "in", "at", "by", "into", "and", "or", "as", "under", "new", "latest", "first", "whose",
    "which", "that", "an", "after", "before", "is", "was", "were", "be", "been", "has", "have",
}
_TAIL_JOIN = {"in", "for", "and", "of", "the", "to", "on", "a", "an", "&"}
# A capitalised word that ends an agreement's name: dates are not part of it.
_TAIL_STOP = set(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday", "today", "yesterday"}


def agreement(w: Words, s: int, e: int, text: str) -> tuple[str | None, int, int]:
    """(lower-case agreement name, first word, end word) in words s..e, or (None, 0, 0)."""
    for k in range(s, e):
        for n in (3, 1):
            if tuple(w.lower[k:k + n]) in HEADS:
                a = k
                while a - 1 >= s and a - k > -6 and _modifier(w, a - 1):
                    a -= 1
                b = k + n
                if b + 1 < e and w.lower[b] in ("on", "for", "of", "regarding", "concerning") \
                        and _tail_word(w, b + 1):
                    b += 1
                    while b < e and (_tail_word(w, b) or (
                            w.lower[b] in _TAIL_JOIN and b + 1 < e and _tail_word(w, b + 1))):
                        b += 1
                name = text[w.start[a]:w.end[b - 1]].lower()
                return " ".join(name.split()), a, b
    return None, 0, 0


def _tail_word(w: Words, k: int) -> bool:
    return is_cap(w.text[k]) and w.lower[k].rstrip(".") not in _TAIL_STOP


def _modifier(w: Words, k: int) -> bool:
    word, low = w.text[k], w.lower[k]
    if low in _LEFT_STOP or not any(c.isalpha() for c in word) or word.isupper() and len(word) > 1:
        return False
    return low.replace("-", "").isalpha()


def is_signing(w: Words, s: int, e: int) -> bool:
    """Whether words s..e report a signing (a signing word and an agreement, or a signing ceremony)."""
    lowers = w.lower[s:e]
    present = set(lowers)
    if not (present & _HEAD_WORDS) and "signing" not in present:
        return False
    has_sign = not SIGN_WORDS.isdisjoint(present)
    has_head = any(tuple(lowers[k:k + n]) in HEADS for k in range(len(lowers)) for n in (3, 1))
    ceremony = any(lowers[k] == "signing" and lowers[k + 1] == "ceremony" for k in range(len(lowers) - 1))
    return (has_sign and has_head) or ceremony


def place(w: Words, s: int, e: int, text: str, skip: tuple[int, int]) -> tuple[str | None, int, int]:
    """The place after "in"/"at" in words s..e (outside `skip`), e.g. a venue or a city."""
    for k in range(s, e - 1):
        if w.lower[k] not in ("in", "at") or skip[0] <= k < skip[1]:
            continue
        a = k + 1 + (1 if w.lower[k + 1] == "the" else 0)
        b = a
        while b < e and (is_cap(w.text[b]) or (w.lower[b] in ("of", "and", "'s") and b + 1 < e
                                               and is_cap(w.text[b + 1]) and b > a)):
            b += 1
        if b > a and not find_dates(text[w.start[a]:w.end[b - 1]]) and not (skip[0] <= a < skip[1]):
            return text[w.start[a]:w.end[b - 1]], a, b
    return None, 0, 0


def sentence_date(sentence: str, published: dt.date | None, skip: tuple[int, int] | None = None):
    """(date, date_text, precision, year_source) of the first date in a sentence, or None."""
    for m in find_dates(sentence):
        if skip and skip[0] <= m.start < skip[1]:
            continue
        date, precision, source = resolve(m, published)
        return date, m.text, precision, source
    today = find_today(sentence)
    if today:
        if published is not None:
            return published, today.group(0), "day", "published"
    return None
