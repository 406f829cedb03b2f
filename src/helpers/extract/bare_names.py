"""What a bare capitalised name is, from what stands around it: a wire, a stock exchange, or a
body (the one someone signs for, one an apposition describes, one beside another body)."""

from __future__ import annotations

from .. import lexicon
from .acronyms import is_acronym
from .agreements import SIGN_WORDS
from .facts import Item
from .names import NAME_WORD
from .nlp import Words, based_word, is_cap

_DASHES = {"-", "–", "—", ":"}


def wire_or_listing(w: Words, s: int, k: int, m: int, e: int) -> bool:
    """Whether a bare name is a wire between slashes ("/TechWire Daily/") or in brackets before a dash,
    or a stock exchange before a ticker ("(Nasdaq Copenhagen: NRDX)"): no person."""
    if k <= s or m >= e:
        return False
    return w.text[k - 1] == "/" and w.text[m] == "/" \
        or w.text[k - 1] == "(" and w.text[m] == ":" and m + 1 < e and is_acronym(w.text[m + 1]) \
        or w.text[k - 1] == "(" and w.text[m] == ")" and m + 1 < e and w.text[m + 1] in _DASHES  # "(Warta) --"


def signed_for(w: Words, s: int, k: int, m: int, e: int) -> bool:
    """Whether a bare name is the body someone signs for: "Signing for Volga Photonics was A", "...; for
    TUAO, B" after a sentence that opens "Signing for"."""
    return k > s and w.lower[k - 1] == "for" and m < e and w.lower[m] in ("was", "were", ",") \
        and w.lower[s] == "signing" and (k - 1 == s + 1 or w.lower[k - 2] in (";", "and"))


def described_as_body(w: Words, m: int, e: int) -> bool:
    """Whether the apposition after a bare name at m describes a company ("Virgin Hyperloop, the
    California-based category leader in ...", "Qubex Labs, a leading quantum computing company,")."""
    if m + 1 >= e or w.text[m] != "," or w.lower[m + 1] not in ("a", "an", "the"):
        return False
    for q in range(m + 2, min(e, m + 9)):
        if w.text[q] in (",", ";", ".") or is_cap(w.text[q]) and not based_word(w.lower[q]):
            return False
        if w.text[q] in ("'s", "’s", "'", "’"):
            return False  # "John Okafor, the company's chief technology officer": a person of the company
        if w.lower[q] in lexicon.word_set("organizations", "company_descriptors") or based_word(w.lower[q]):
            return q + 1 >= e or w.text[q + 1] not in ("'s", "’s", "'", "’")
    return False


def beside_a_body(w: Words, k: int, m: int, e: int, items: list[Item], orgs_at: dict) -> bool:
    """Whether a bare name of two words is joined by "and" to an organisation's name, with no title
    and no honorific, as the subject of a signing ("Northrop Grumman and Tarn University signed",
    "Tarn University and Quill Brandt have signed"): a company's name."""
    if m - k != 2:
        return False
    after = m + 1 + (m + 1 < e and w.lower[m + 1] == "the")
    if m + 1 < e and w.lower[m] in ("and", "&") and after in orgs_at and not orgs_at[after].is_acronym:
        end = orgs_at[after].j
    else:
        prev = items[-1] if items else None
        if not (prev is not None and prev.kind == "sep" and prev.value in ("and", "&") and prev.j == k
                and len(items) >= 2 and items[-2].kind == "org" and items[-2].j == k - 1
                and not items[-2].value.is_acronym):
            return False
        end = m
    return not SIGN_WORDS.isdisjoint(w.lower[end:min(e, end + 3)])


def heads_a_bracket(w: Words, m: int, e: int) -> bool:
    """Whether a bare name ending at m opens a bracket that names its head ("Daesung Semicon (CEO
    Choi Min-seok)", "Kovona (Chief Executive Officer A)"): a body, whose head the bracket gives."""
    if m + 2 >= e or w.text[m] != "(":
        return False
    n = lexicon.titles()[0].match(w.lower, m + 1, e)[0]
    q = m + 1 + n
    return n > 0 and q + 1 < e and is_cap(w.text[q]) and NAME_WORD.match(w.text[q]) is not None \
        and ")" in w.text[q + 1:min(e, q + 5)]
