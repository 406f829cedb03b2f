"""Which name mentions of one release are one person: a family name alone, a name written with
initials, a shorter run of a longer full name."""

from __future__ import annotations

import re

from .. import lexicon
from .facts import Person, person_key
from .names import PATRONYMICS

_INITIALS = re.compile(r"(?:[^\W\d_][a-z]?\.){2,}")  # "A.V.", "Ye.S.": two initials written as one word
_LETTER = re.compile(r"[^\W\d_][a-z]?\.")


def resolve_single(name: str, full: list[Person]) -> str | None:
    """Key of the first full name one of whose words a one-word mention is ("Mr Doe" for "John Doe")."""
    low = name.lower()
    for p in full:
        if low in (x.strip(",") for x in p.name.lower().split()):  # "Prescott" of "Winston A. Prescott, Jr."
            return person_key(p.name)
    return None


def resolve_initials(name: str, full: list[Person]) -> str | None:
    """Key of the one other full name that `name`, written with an initial, spells out: its words in
    order, each initial the first letter of a word there, the family names equal."""
    words = [x for word in name.split() for x in (_LETTER.findall(word) if _INITIALS.fullmatch(word) else [word])]
    if not any(len(x.rstrip(".")) == 1 or x.endswith(".") and len(x) == 3 for x in words):
        return None  # no initial ("A.", "Ye.")
    own = person_key(name)
    hits = {person_key(p.name) for p in full if person_key(p.name) != own and _spells_out(words, _given_first(p.name))}
    return hits.pop() if len(hits) == 1 else None


def _given_first(name: str) -> list[str]:
    """The words of a name with an all-caps family name written first moved to the end ("ZHAKUPOV
    Nurlan Serikovich" -> Nurlan Serikovich ZHAKUPOV), so initials can spell it out."""
    words = name.split()
    if len(words) >= 2 and words[0].isupper() and len(words[0]) > 1 and not words[1].isupper() \
            or len(words) == 3 and words[-1].lower().endswith(PATRONYMICS):  # "Zhakupov Nurlan Serikovich"
        return words[1:] + words[:1]
    return words


def _spells_out(short: list[str], long: list[str]) -> bool:
    if short[-1].lower() != long[-1].lower() or len(long) < len(short):
        return False
    j = 0
    for x in short:
        low = x.rstrip(".").lower()
        initial = x.endswith(".") and len(low) <= 2  # "S.", "Ye.": an initial or a transliterated digraph
        while j < len(long) and long[j].lower() != low and not (initial and long[j].lower().startswith(low)):
            j += 1
        if j == len(long):
            return False
        j += 1
    return True


def part_index(full: list[Person]) -> dict[tuple[str, ...], set[str]]:
    """The keys of the full names each run of two or more of their words (short of all) stands in,
    and each name's first and last word together ("Luis Fernandes" of "Luis Manuel Rebelo Fernandes")."""
    index: dict[tuple[str, ...], set[str]] = {}
    particles = lexicon.name_particles()
    for name in {p.name for p in full}:
        words, key = tuple(name.lower().split()), person_key(name)
        for n in range(2, len(words)):
            for i in range(len(words) - n + 1):
                index.setdefault(words[i:i + n], set()).add(key)
        if len(words) >= 3 and not all(len(x.rstrip(".")) == 1 for x in words[1:-1]):
            index.setdefault((words[0], words[-1]), set()).add(key)  # not "Asel N. Bekmukhambetova": it is her key
        if len(words) >= 4 and words[-2] in particles:
            index.setdefault((words[0], *words[-2:]), set()).add(key)  # "Rashid Al Mazrouei" of "Rashid Saeed Al ..."
    return index


def resolve_part(name: str, parts: dict[tuple[str, ...], set[str]]) -> str | None:
    """Key of the one longer full name in which `name`'s words stand together ("Brito Cruz" in
    "Carlos Henrique de Brito Cruz"): a later, shorter mention of that person."""
    hits = parts.get(tuple(name.lower().split()), ())
    if len(hits) > 1:  # "Al Mazrouei" in "Rashid Al Mazrouei" and "Rashid Saeed Al Mazrouei": one person
        longest = max(hits, key=lambda k: len(k.split()))
        hits = {longest} if all(set(k.split()) <= set(longest.split()) for k in hits) else hits
    return next(iter(hits)) if len(hits) == 1 else None
