"""Where a signing sentence puts its parties ("between X and Y", "X and Y signed", "X signed ... with
Y", "X, Y and Z agreed" after a fronted phrase): the organisations found there, past datelines,
places, dates and appositions."""

from __future__ import annotations

from .. import lexicon
from . import agreements as ag
from .facts import OrgSpan
from .legal_forms import is_legal_form
from .nlp import Words, based_word, is_cap
from .orgs import kind_of
from .places import REGION_WORDS, holds_place, place_dateline
from .theme_scope import is_country

_LIST_WORDS = {"and", ",", "&", "the", "both", "as", "well"}
SUBJECT_GAP = {"have", "has", "had", "jointly", "officially", "formally", "will", "today", "also",
                "recently", "successfully", "finally", "would", "to", "both", "sides", "parties",
                "respectively", "yesterday", "on", "the", "and", ",", "&", "are", "is", "pleased", "proud",
                "happy", "delighted", "excited", "they", "it", "announced", "announce", "announces",
                "its", "their", "partner", "long-time", "longtime"}  # "X and its long-time partner Y signed"


def _place_before(w: Words, s: int, k: int, ends: dict, people: frozenset[int]) -> int | None:
    """Start of a place phrase of capitalised words and commas that ends at word k: after "in"/"at"
    ("X in Tucson, Arizona, signed"), or set off by a comma after an organisation ("X, Greenbelt,
    Md. and Y signed"). None when words s..k end in no such phrase."""
    if k + 1 in ends:
        return None
    q = k
    while q >= s and q > k - 6 and q + 1 not in ends and (is_cap(w.text[q]) or w.text[q] == ","):
        q -= 1
    if q < s or q == k or any(x in people for x in range(q + 1, k + 1)):
        return None  # a person's name, not a place
    if w.lower[q] in ("in", "at") and is_cap(w.text[q + 1]):
        return q
    if q + 1 in ends and w.text[q + 1] == ",":
        return q + 1
    return None


def after_dateline(w: Words, s: int, e: int) -> int:
    """The first word after a wire dateline's dash ("BANGKOK, Jan. 18, 2026 /PRNewswire/ --",
    "WASHINGTON --"), else s."""
    for q in range(s, min(e, s + 16)):
        if w.text[q] in ("-", "–", "—") and any(len(x) == 4 and x.isdigit() for x in w.text[s:q]):
            while q + 1 < e and w.text[q + 1] in ("-", "–", "—"):
                q += 1
            return q + 1
    return place_dateline(w, s, e)  # "WASHINGTON --"


def apposition_start(w: Words, s: int, k: int) -> int | None:
    """The comma opening an apposition that the comma at k closes (", a leading AI provider under X,",
    ", Qatar's leading ICT provider,", ", the world's largest smelter,"), or None: the words after it
    hold no other comma and open with "a"/"an", "one of", or "the" or a possessive before a lower-case word."""
    for q in range(k - 1, max(s, k - 20) - 1, -1):
        if w.text[q] == ",":
            return q if q + 1 < k and _opens_apposition(w, q + 1, k) else None
    return None


def _opens_apposition(w: Words, a: int, k: int) -> bool:
    low = w.lower[a]
    if low in ("a", "an", "which", "who", "under") or low in ("one", "part") and a + 1 < k and w.lower[a + 1] == "of":
        return True  # ", a leading provider,", ", which signed an MoU with Y in 2019,", ", under the Ministry of X,"
    if low == "the":  # ", the Mexican subsidiary of Y,"
        return a + 1 < k and (w.text[a + 1][:1].islower() or w.lower[a + 1:a + 3] in (["world", "'s"], ["world", "’s"])
                              or a + 2 < k and is_cap(w.text[a + 1])
                              and w.lower[a + 2] in lexicon.word_set("organizations", "company_descriptors"))
    return a + 2 < k and is_cap(w.text[a]) and w.text[a + 1] in ("'s", "’s") and w.text[a + 2][:1].islower()


_MEMBERS = {"representatives", "officials", "heads", "leaders", "delegations", "presidents", "rectors"}
_FRONTING = {"following", "after", "under", "like", "unlike", "since", "besides"}


def fronted_end(w: Words, s: int, sign: int | None) -> int:
    """End of a phrase fronted before a signing's subject and set off by a comma ("Building on the
    2019 agreement between X and Y, ..."), else s: a participle or a preposition opens it."""
    if sign is None or s + 1 >= sign or not w.text[s + 1][:1].islower() \
            or not (w.lower[s].endswith("ing") or w.lower[s] in _FRONTING):
        return s  # not "Beijing University, X and Y signed": a participle has a small word after it
    comma = next((q for q in range(s + 1, sign) if w.text[q] == ","), None)
    return comma if comma is not None else s


def opens_partners(w: Words, s: int, k: int, sign: int | None, fronted: int) -> bool:
    """Whether word k opens a signing's list of partners: "between", "among", or "with" after the
    signing verb; not in a relative clause (", which signed an MoU with Y in 2019,") nor in a phrase
    fronted before the subject ("Building on the agreement between Y and Z, ...")."""
    low = w.lower[k]
    return (low in ("between", "among", "amongst") or low == "with" and sign is not None and k > sign) \
        and k >= fronted and not ag.in_relative_clause(w, s, k)


def parties(w: Words, s: int, e: int, orgs: list[OrgSpan], people: frozenset[int] = frozenset()) -> list[OrgSpan]:
    """The organisations a signing sentence names as its parties ("between X and Y", "X and Y signed",
    "X signed ... with Y", "signed among X, Y", "on behalf of X")."""
    starts = {o.i: o for o in orgs}
    ends = {o.j: o for o in orgs}
    found: list[OrgSpan] = []
    place = d = None
    sign = ag.main_sign(w, s, e, ag.SIGN_WORDS)
    fronted = fronted_end(w, s, sign)
    for k in range(s, e):
        low = w.lower[k]
        if found and (low == "followed" and w.lower[k + 1:k + 2] == ["by"]
                      or low in ("second", "third") and w.lower[k - 1] in ("a", "the")):
            break  # "signed the first MOU with X on Feb. 4, followed by an agreement with Y and a third with Z"
        if opens_partners(w, s, k, sign, fronted) or low == "of" and k - 2 >= s \
                and w.lower[k - 2:k] == ["on", "behalf"] and k >= fronted and not ag.in_relative_clause(w, s, k):
            found += org_list(w, k + 1, e, starts)
        elif sign is not None and k > sign and (w.text[k] == ":" or low == "of" and w.lower[k - 1] in _MEMBERS):
            found += org_list(w, k + 1, e, starts)  # "with two partners: Y and Z", "by representatives of Y and Z"
    if sign is not None:
        k = sign - 1
        subject_found = len(found)
        while k >= max(s, fronted) and (w.lower[k] in SUBJECT_GAP or _date_word(w.lower[k]) or k + 1 in ends
                          or based_word(w.lower[k]) and k + 1 in starts
                          or w.lower[k] == "that" and any(w.lower[q] in ag.ANNOUNCE for q in range(max(s, k - 5), k))
                          or w.text[k] == ")" or (d := _descriptor_start(w, s, k, starts)) is not None
                          or (place := _place_before(w, s, k, ends, people)) is not None):
            if place is not None:
                k = place - 1  # "X in Greenbelt, Md., and Y signed": the place is skipped
                place = None
                continue
            if w.text[k] == ")" and k + 1 not in ends:
                k = next((q for q in range(k - 1, max(s, k - 12) - 1, -1) if w.text[q] == "("), s) - 1
                continue  # "X (IAE, CAS) signed"
            if d is not None:
                k, d = d - 1, None  # "X and the shipyard company Y signed": the description of Y is skipped
                continue
            if w.text[k] == "," and (comma := apposition_start(w, s, k)) is not None:
                k = comma - 1  # "X and Y, a leading provider under Z, signed": the apposition is skipped
                continue
            if k + 1 in ends and is_country(ends[k + 1].name) and ends[k + 1].i > s \
                    and w.text[ends[k + 1].i - 1] == "," and w.text[k + 1] == ",":
                k = ends[k + 1].i - 2  # "USB Certification, Türkiye, have signed": the country is a place
                continue
            if k + 1 in ends:
                found.append(ends[k + 1])
                k = ends[k + 1].i - 1
                if k - 2 >= s and w.lower[k] == "the" and w.lower[k - 1] == "of":
                    k -= 1  # "X (ACR) of the Y signed"
                if k - 1 >= s and w.lower[k] == "of" and k in ends:
                    found[-1] = ends[k]  # "X (ACR) of Y signed": X, a part of Y, is the party
                    k = ends[k].i - 1
                continue
            k -= 1
        if len(found) == subject_found and sign - 1 >= s and (
                w.lower[sign - 1] == "and" or sign - 2 >= s and w.lower[sign - 2] == "and"
                and w.lower[sign - 1] in SUBJECT_GAP):
            # "X, Y and Z held their first joint meeting ... and jointly signed": the clause's subject
            s0 = after_dateline(w, s, e)
            s0 += 1 if s0 < e and w.lower[s0] == "the" else 0
            if s0 in starts:
                found += org_list(w, s0, e, starts)
    if not found and sign is not None:
        found = _after_fronted(w, s, e, sign, starts)
    unique: list[OrgSpan] = []
    for o in sorted(found, key=lambda o: o.i):
        if o not in unique and not _made_or_venue(w, s, o):
            unique.append(o)
    return unique


_MAKING = {"establish", "establishing", "establishes", "create", "creating", "launch", "launching", "setting", "set",
           "up", "found", "founding", "build", "building"}


def _made_or_venue(w: Words, s: int, o: OrgSpan) -> bool:
    """Whether an organisation of a signing sentence is what the agreement sets up ("a framework
    agreement setting up OCEANAUT", "to establish a Joint Institute") or where it is signed ("held at
    the X Convention Centre"): no party."""
    before = w.lower[max(s, o.i - 3):o.i]
    return bool(before) and (before[-1] in _MAKING or before[-2:] in (["at", "the"], ["in", "the"]) and o.kind in (
        "other", "company", "research") and o.name.split()[-1].lower() in _VENUES
        or len(before) >= 2 and before[-2] in _MAKING and before[-1] in ("a", "an", "the", "new"))


_VENUES = {"centre", "center", "hall", "complex", "auditorium", "pavilion", "house", "palace", "hotel", "campus"}


def _date_word(low: str) -> bool:
    """A word of a date between a subject and its verb ("X on 2 September 2024 signed")."""
    return low in ag.TAIL_STOP or low.isdigit() and len(low) <= 4 \
        or low[:-2].isdigit() and low[-2:] in ("st", "nd", "rd", "th")  # "announced on the 9th that it signed"


def _after_fronted(w: Words, s: int, e: int, sign: int, starts: dict[int, OrgSpan]) -> list[OrgSpan]:
    """"In a memorandum signed in Richland today, X, Y and Z agreed to ...": the organisations right
    after a fronted phrase that holds the signing."""
    s0 = after_dateline(w, s, e)
    if w.lower[s0] not in ("in", "under") or w.lower[s0 + 1] not in ("a", "an", "the"):
        return []
    comma = next((q for q in range(s0, e) if w.text[q] == ","), None)
    if comma is None or not s0 < sign < comma:
        return []
    k = comma + 1 + (comma + 1 < e and w.lower[comma + 1] == "the")
    return org_list(w, k, e, starts)


def org_list(w: Words, k: int, e: int, starts: dict[int, OrgSpan]) -> list[OrgSpan]:
    """The organisations listed from word k ("X, Y and the Z")."""
    found = []
    while k < e:
        if k in starts:
            found.append(starts[k])
            k = starts[k].j
        elif w.lower[k] in _LIST_WORDS or based_word(w.lower[k]) and k + 1 in starts:
            k += 1  # "with the Berlin-based Kestrel Institute": where it is, before its name
        elif k + 2 < e and is_cap(w.text[k]) and w.text[k + 1] in ("'s", "’s") and k + 2 in starts:
            k += 2  # "with Hungary's University of Debrecen": the owner's possessive goes before the name
        elif found and found[-1].j == k and w.text[k] in ("'s", "’s") and k + 1 in starts \
                and kind_of(found[-1].name) != "university":  # a university's centre is its unit
            found[-1] = starts[k + 1]  # "the Department of Energy's Pacific Northwest National Laboratory"
            k = starts[k + 1].j
        elif found and (is_legal_form(w.text[k]) or w.text[k] == "(" and ")" in w.text[k:k + 8]):
            k = w.text.index(")", k) + 1 if w.text[k] == "(" else k + 1  # "X Co, Ltd. (X Group), Y"
        elif found and w.text[k - 1] == "," and (q := _place_between_commas(w, k, e)) is not None:
            k = q  # "with Rizhao City, Shandong Province, Shandong Hi-Speed Group": the place is skipped
        elif (q := _descriptor_before(w, k, e, starts)) is not None:
            k = q  # "with Queensland horticulture technology company Sunreef Agritech Pty Ltd"
        elif found and (q := _described_group(w, k, e, starts)) is not None:
            k = q  # "X and the Cyber Valley research institutions A, B and C": the group's members follow
        else:
            break
    return found


def _descriptor_before(w: Words, k: int, e: int, starts: dict[int, OrgSpan]) -> int | None:
    """The organisation a description written small introduces ("Queensland horticulture technology
    company X", "the Danish drilling contractor X"), or None."""
    q = k
    while q < e and q < k + 2 and is_cap(w.text[q]) and q not in starts:
        q += 1  # where it is from: "Queensland", "Danish"
    a = q
    while q < e and q < a + 5 and w.text[q].isalpha() and w.text[q].islower():
        q += 1
    if q > a and q in starts and w.lower[q - 1] in lexicon.word_set("organizations", "company_descriptors"):
        return q
    return None


def _descriptor_start(w: Words, s: int, k: int, starts: dict[int, OrgSpan]) -> int | None:
    """Where a description written small before a subject's organisation begins, the name starting
    at k + 1 ("and the shipyard company Y", "and Danish sensor maker Y"): the word after "and",
    "the" or a comma, which stay in the subject; else None."""
    if k + 1 not in starts or w.lower[k] not in lexicon.word_set("organizations", "company_descriptors"):
        return None
    q = k - 1
    while q >= s and q > k - 5 and w.text[q].isalpha() and w.text[q].islower() and w.lower[q] not in ("and", "the"):
        q -= 1
    low = q
    while q >= s and q > low - 2 and is_cap(w.text[q]):
        q -= 1  # where it is from: "Danish"
    return q + 1 if q >= s and (w.lower[q] in ("and", "the") or w.text[q] == ",") else None


def _described_group(w: Words, k: int, e: int, starts: dict[int, OrgSpan]) -> int | None:
    """The first organisation after a group's description ("the Cyber Valley research institutions
    Max Planck Institute ..."), or None."""
    for q in range(k, min(e - 1, k + 6)):
        if w.lower[q] in lexicon.group_nouns():
            return q + 1 if q + 1 in starts else None
        if w.text[q] in (",", ";", "(", ")") or q > k and w.lower[q] in ("and", "with"):
            return None
    return None


REPORTS = {"reports", "reported", "writes", "wrote", "informs", "informed", "says", "said", "quoted"}


def _place_between_commas(w: Words, k: int, e: int) -> int | None:
    """The comma closing a place of up to three capitalised words at k ("Shandong Province", "Chile",
    "Abu Dhabi"), or None."""
    q = k
    while q < e and q < k + 3 and is_cap(w.text[q]):
        q += 1
    if q == k or q >= e or w.text[q] != ",":
        return None
    words = w.text[k:q]
    place = w.lower[q - 1] in REGION_WORDS and q - k >= 2 or is_country(" ".join(words)) or holds_place(words)
    return q if place else None
