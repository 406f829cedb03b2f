"""Organisation names told by their shape: a sector noun before a country ("Business Finland",
"Universities UK"), and a name that goes on over a quoted name or the person it is named after."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import lexicon
from .acronyms import initials, is_acronym
from .facts import OrgSpan
from .legal_forms import is_legal_form
from .nlp import Words, is_cap
from .theme_scope import is_country

_QUOTES = {"“": "”", '"': '"', "«": "»", "„": "“"}


def national_bodies(w: Words, s: int, e: int, title_words: frozenset[str]) -> list[OrgSpan]:
    """"Business Finland", "Universities UK", "Science New Zealand": a sector noun before a country's
    name names a national body (not "studied Science in France", nor after "of")."""
    out: list[OrgSpan] = []
    sectors = lexicon.exact_set("organizations", "national_body_sectors")
    if sectors.isdisjoint(w.text[s:e]):
        return out
    for k in range(s, e - 1):
        if w.text[k] not in sectors or k > s and (w.lower[k - 1] in ("of", "in", "for") or is_cap(w.text[k - 1])
                                                  and w.lower[k - 1] != "the") \
                or out and out[-1].j > k:  # not "Huawei Tech Investment Saudi Arabia"
            continue
        n = next((n for n in (2, 1) if k + n < e and _national(" ".join(w.text[k + 1:k + 1 + n]))), 0)
        if n and (k + 1 + n >= e or not is_cap(w.text[k + 1 + n]) or w.lower[k + 1 + n] in title_words):
            out.append(OrgSpan(k, k + 1 + n, " ".join(w.text[k:k + 1 + n]), None, "other"))
    return out


REGION_HEADS = frozenset({"Province", "State", "Region", "Canton", "Prefecture", "Oblast", "Governorate",
                          "Commonwealth"})


def regional_governments(w: Words, s: int, e: int) -> list[OrgSpan]:
    """"the Province of Nova Scotia", "the State of Wisconsin", "the Region of Epirus": a region's
    word, "of" and a capitalised name of up to three words, none a field word, name the region's
    government (not "Shandong Province", a place)."""
    out: list[OrgSpan] = []
    if REGION_HEADS.isdisjoint(w.text[s:e]):
        return out
    fields = lexicon.field_words()
    for k in range(s, e - 2):
        if w.text[k] not in REGION_HEADS or w.lower[k + 1] != "of" \
                or k > s and is_cap(w.text[k - 1]) and w.lower[k - 1] != "the" \
                or any(w.lower[q] == "of" and q > s and is_cap(w.text[q - 1]) for q in range(max(s, k - 2), k)):
            continue  # not "Government of the State of X": a longer name's
        q = k + 2
        while q < e and q - k - 2 < 4 and is_cap(w.text[q]) and w.lower[q] not in fields:
            q += 1
        if k + 2 < q <= k + 5 and (q >= e or not is_cap(w.text[q])) and not is_country(" ".join(w.text[k + 2:q])):
            out.append(OrgSpan(k, q, " ".join(w.text[k:q]), None, "government"))
    return out


def _national(name: str) -> bool:
    return is_country(name) or name in ("NSW", "Holland", "Queensland", "Victoria", "Ontario", "Quebec", "Bavaria")


def with_quoted_names(spans: list[OrgSpan], w: Words, e: int, text: str) -> list[OrgSpan]:
    """An organisation's name goes on over a quoted name right after it ("National Technical University
    of Ukraine “Igor Sikorsky Kyiv Polytechnic Institute”", "World Data Center "Geoinformatics and
    sustainable development""); the names inside the quotes are no organisations of their own."""
    if not spans or _QUOTES.keys().isdisjoint(w.text[spans[0].j:e]):
        return spans
    out: list[OrgSpan] = []
    for sp in spans:
        if out and sp.j <= out[-1].j:
            continue  # inside the quoted name just taken
        close = _QUOTES.get(w.text[sp.j]) if sp.j < e else None
        end = next((q for q in range(sp.j + 2, min(e, sp.j + 12)) if w.text[q] == close), None) if close else None
        if end is not None and is_cap(w.text[sp.j + 1]):
            sp = OrgSpan(sp.i, end + 1, text[w.start[sp.i]:w.end[end]], sp.acronym, sp.kind, sp.parent)
        out.append(sp)
    return out


def named_after(spans: list[OrgSpan], w: Words, e: int, text: str) -> list[OrgSpan]:
    """A name goes on over the person it is named after ("Kyrgyz National University named after
    Zh. Balasagyn"): that person is part of the name, no one in the event."""
    if not spans or "named" not in w.lower[spans[0].j:e]:
        return spans
    out = []
    for sp in spans:
        if sp.j + 2 < e and w.lower[sp.j:sp.j + 2] == ["named", "after"]:
            q = sp.j + 2
            while q < e and q - sp.j < 7 and (is_cap(w.text[q]) or w.lower[q] in ("of", "the")):
                q += 1
            if q > sp.j + 2 and is_cap(w.text[q - 1]):
                sp = OrgSpan(sp.i, q, text[w.start[sp.i]:w.end[q - 1]], sp.acronym, sp.kind, sp.parent)
        out.append(sp)
    return out


def apart_from_company(spans: list[OrgSpan], w: Words, text: str, short: frozenset[str]) -> list[OrgSpan]:
    """Split "Havbris and Bergsvik University" when the words before "and" name a company the release
    writes with its legal form ("Havbris Subsea ASA") or defines as a short form: two bodies, not one."""
    out: list[OrgSpan] = []
    for sp in spans:
        q = next((q for q in range(sp.i + 1, sp.j - 1) if w.lower[q] in ("and", "&")), None)
        left = " ".join(w.text[sp.i:q]) if q is not None else ""
        if q is None or lexicon.field_words().issuperset(x.lower() for x in w.text[sp.i:q]) \
                or not (left in short or _with_legal_form(left, text)):  # not "Science and Technology Council"
            out.append(sp)
            continue
        right = text[w.start[q + 1]:w.end[sp.j - 1]]
        out.append(OrgSpan(sp.i, q, left, None, "company"))
        out.append(replace(sp, i=q + 1, name=right))
    return out


@lru_cache(maxsize=1024)  # asked of each sentence's span again, with the same text
def _with_legal_form(name: str, text: str) -> bool:
    """Whether the text writes `name` somewhere followed by a company's legal form ("Havbris Subsea ASA")."""
    for m in re.finditer(rf"\b{re.escape(name)}((?:,?\s+[^\s,;()]+){{1,3}})", text):
        for word in m.group(1).replace(",", " ").split():
            if is_legal_form(word):
                return True
            if not word[:1].isupper():
                break
    return False


def spelled_to_acronym(spans: list[OrgSpan], w: Words, e: int, text: str) -> list[OrgSpan]:
    """A name cut short of the acronym it is spelled into: "South African National Energy" + "Research
    Institute (SANERI)", "Interuniversity Institute for Nano" + "- and Microsystems (IINM)". When the
    bracketed acronym is the initials of the whole run and not of its last part, the run is one name."""
    out: list[OrgSpan] = []
    for sp in spans:
        if sp.is_acronym or sp.acronym is not None:
            if out and sp.acronym and not out[-1].is_acronym and out[-1].acronym is None and out[-1].j == sp.i \
                    and (merged := _spelled(out[-1], sp.acronym, _name_end(sp, w), w, text)) is not None:
                out[-1] = replace(merged, j=sp.j, kind=sp.kind)  # the head word is the later part's
                continue
            out.append(sp)
            continue
        q = sp.j
        while q < e and q - sp.j < 5 and (w.text[q] in ("-", "‑", "and", "or", "&") or is_cap(w.text[q])) \
                and w.text[q] != "(" and not w.text[q].isupper():
            q += 1
        acronym = w.text[q + 1] if q + 2 < e and w.text[q] == "(" and w.text[q + 2] == ")" else None
        merged = _spelled(sp, acronym, q, w, text) if acronym and q > sp.j and w.text[q - 1].isalpha() else None
        out.append(replace(merged, j=q + 3) if merged is not None else sp)
    return [sp for n, sp in enumerate(out) if not (n and sp.i < out[n - 1].j)]


def _name_end(sp: OrgSpan, w: Words) -> int:
    return sp.j - 3 if sp.j - sp.i > 3 and w.text[sp.j - 1] == ")" and w.text[sp.j - 3] == "(" else sp.j


def _spelled(sp: OrgSpan, acronym: str, end: int, w: Words, text: str) -> OrgSpan | None:
    """The span from `sp` to word `end` named in full with `acronym`, when the acronym spells it (and
    not only its last words)."""
    name = text[w.start[sp.i]:w.end[end - 1]]
    tail = text[w.end[sp.j - 1]:w.end[end - 1]]
    if not is_acronym(acronym) or initials(name) != acronym or initials(tail.strip(" -‑")) == acronym:
        return None
    return OrgSpan(sp.i, end, name, acronym, sp.kind, sp.parent, False)
