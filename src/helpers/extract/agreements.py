"""Agreement names, signing sentences, event places and dates within one sentence."""

from __future__ import annotations

import datetime as dt

from .. import lexicon
from ..dates import MONTHS, dateline, find_dates, find_today, find_weekday, find_yesterday, resolve
from .acronyms import is_acronym
from .facts import OrgSpan
from .nlp import Words, is_cap

HEADS = {
    ("memorandum", "of", "understanding"), ("memoranda", "of", "understanding"),
    ("letter", "of", "intent"), ("agreement",), ("agreements",), ("mou",), ("mous",),
    ("memorandum",), ("memorandums",), ("memorandums", "of", "understanding"), ("contract",),
    ("contracts",), ("protocol",), ("accord",), ("charter",), ("document",), ("documents",),
    ("declaration",), ("deal",), ("pact",), ("treaty",), ("convention",), ("arrangement",),
    ("programme",), ("program",),
}
_HEAD_WORDS = {h[0] for h in HEADS}
HEAD_WORDS = frozenset(_HEAD_WORDS | {"memorandum", "understanding", "mou", "mous", "moU"})
_BUILT_ON = {"built", "builds", "building", "existing", "previous", "prior", "earlier", "former"}
_EARLIER = {"previously", "formerly", "earlier", "already", "once"}
_SIGN_VERBS = {"sign", "signed", "signs", "inked", "inks"}
_BACK_REF = _HEAD_WORDS | {"deal", "mou", "document", "documents", "pact"}
_PAST_SIGN = {"signed", "inked", "concluded", "renewed", "sealed", "formalised", "formalized", "entered"}
SIGN_WORDS = {"sign", "signed", "signs", "signing", "inked", "ink", "inks", "concluded", "renewed", "sealed",
              "formalised", "formalized"}
_LEFT_STOP = {
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "two",
    "three", "four", "five", "several", "both", "each", "signed", "inked", "sign", "signing",
    "reached", "concluded", "renewed", "entered", "of", "on", "for", "with", "between", "to",
    "in", "at", "by", "into", "and", "or", "as", "under", "new", "latest", "first", "whose",
    "which", "after", "before", "is", "was", "were", "be", "been", "has", "have",
}
_TAIL_JOIN = {"in", "for", "and", "of", "the", "to", "on", "a", "an", "&"}
# A capitalised word that ends an agreement's name: dates are not part of it.
_TAIL_STOP = set(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday", "today", "yesterday"}


def agreement(w: Words, s: int, e: int, text: str) -> tuple[str | None, int, int]:
    """(lower-case agreement name, first word, end word) in words s..e, or (None, 0, 0)."""
    lower = w.lower
    for k in range(s, e):
        if lower[k] not in _HEAD_WORDS:
            continue
        for n in (3, 1):
            if k + n <= e and tuple(lower[k:k + n]) in HEADS:
                a = k
                while a - 1 >= s and a - k > -6 and _modifier(w, a - 1):
                    a -= 1
                b = k + n
                if b + 1 < e and w.lower[b] in ("on", "for", "of", "regarding", "concerning") \
                        and _tail_word(w, b + 1):
                    t = b + 1
                    while t < e and (_tail_word(w, t) or (
                            w.lower[t] in _TAIL_JOIN and t + 1 < e and _tail_word(w, t + 1))):
                        t += 1
                    # "signed the agreement for X University and Y Institute": parties, not a name.
                    if not (w.lower[b] in ("for", "of") and _names_org(w, b + 1, t)):
                        b = t
                name = text[w.start[a]:w.end[b - 1]].lower()
                return " ".join(name.split()), a, b
    return None, 0, 0


def _names_org(w: Words, a: int, b: int) -> bool:
    """Whether words a..b name an organisation (a head word such as University, or an acronym)."""
    heads = lexicon.org_heads()[0]
    return any(heads.match(w.lower, k, b)[0] for k in range(a, b)) or (b - a == 1 and is_acronym(w.text[a]))


def _tail_word(w: Words, k: int) -> bool:
    return is_cap(w.text[k]) and w.lower[k].rstrip(".") not in _TAIL_STOP


def _modifier(w: Words, k: int) -> bool:
    word, low = w.text[k], w.lower[k]
    if low in _LEFT_STOP or not any(c.isalpha() for c in word) or word.isupper() and len(word) > 1:
        return False
    return low.replace("-", "").isalpha()


def _entered_into(w: Words, s: int, e: int) -> bool:
    """Whether words s..e say "entered into" an agreement (not "entered into force"), or "entered a
    strategic partnership"."""
    n = len(w)
    return any(w.lower[k] == "entered" and (
        w.lower[k + 1] == "into" and (k + 2 >= n or w.lower[k + 2] != "force")
        and any(x in _ENTERED for x in w.lower[k + 2:min(n, k + 7)])
        or w.lower[k + 1] in ("a", "an") and any(x in _ENTERED for x in w.lower[k + 2:min(n, k + 6)]))
        for k in range(s, min(e, n - 1)))


def _sign_at(w: Words, k: int, words) -> bool:
    """Whether word k signs: one of `words`, "entered" into an agreement, or announces one."""
    return w.lower[k] in words or w.lower[k] == "entered" and _entered_into(w, k, k + 1) \
        or w.lower[k] in _ANNOUNCE and _announces(w, k)


_ANNOUNCE = {"announce", "announced", "announces"}
_NOT_YET = {"plan", "plans", "intention", "intent", "to", "that", "talks", "negotiations"}


def _announces(w: Words, k: int) -> bool:
    """Whether word k announces a made agreement ("are pleased to announce a new memorandum of
    understanding"), not plans for one ("announced plans to sign an agreement")."""
    for q in range(k + 1, min(len(w), k + 6)):
        low = w.lower[q]
        if low in _HEAD_WORDS:
            return q > k + 1 and w.lower[k + 1] in ("a", "an", "the", "their", "its")
        if low in _NOT_YET or not w.text[q][:1].islower() and w.text[q][:1].isalpha():
            return False
    return False


_ENTERED = _HEAD_WORDS | {"partnership", "alliance", "collaboration", "moa"}


def is_signing(w: Words, s: int, e: int) -> bool:
    """Whether words s..e report a signing (a signing word and an agreement, or a signing ceremony)."""
    lowers = w.lower[s:e]
    present = set(lowers)
    if "entered" in present and _entered_into(w, s, e):
        return True  # "entered into an MoU", "have entered a strategic partnership"
    if not present.isdisjoint(_ANNOUNCE) and any(w.lower[k] in _ANNOUNCE and _announces(w, k) for k in range(s, e)):
        return True
    if not (present & _HEAD_WORDS) and "signing" not in present:
        return False
    if "ceremony" in present and any(lowers[k] == "signing" and lowers[k + 1] == "ceremony"
                                     for k in range(len(lowers) - 1)):
        return True
    if SIGN_WORDS.isdisjoint(present) and not _entered_into(w, s, e):
        return False
    return any(tuple(lowers[k:k + n]) in HEADS for k in range(len(lowers)) if lowers[k] in _HEAD_WORDS
               for n in (3, 1))


def announced(w: Words, s: int, e: int, dated) -> bool:
    """Whether words s..e announce a signing and date only the announcement: they name an agreement
    and no word of its signing, or announce that it was signed ("today announced they have signed")
    with no date of its own but a relative one."""
    first = next((k for k in range(s, e) if w.lower[k] in _ANNOUNCE), None)
    if first is None:
        return False
    signed = [k for k in range(s, e) if _sign_at(w, k, SIGN_WORDS) and w.lower[k] not in _ANNOUNCE]
    if not signed:
        return any(w.lower[k] in _ANNOUNCE and _announces(w, k) for k in range(first, e))
    return first < signed[0] <= first + 5 and not (dated and any(c.isdigit() for c in dated[1]))


def as_state(w: Words, s: int, e: int) -> bool:
    """Whether words s..e open with a signing told as a state ("With the agreement now signed, ..."):
    it tells of a signing the release reported, or an earlier one, never a new one."""
    return s + 2 < e and w.lower[s] == "with" and w.lower[s + 1] in ("the", "this", "that") and any(
        w.lower[k] in SIGN_WORDS for k in range(s + 2, min(e, s + 8)))


def another(w: Words, s: int, e: int) -> bool:
    """Whether words s..e tell of another signing than the one reported ("also signed an MoU with
    X", "a second agreement", "separately signed"), so that its parties are not the report's."""
    for k in range(s, e):
        low = w.lower[k]
        if low in SIGN_WORDS and k > s and w.lower[k - 1] in ("also", "separately", "additionally"):
            return True
        if low in _HEAD_WORDS and k > s and w.lower[k - 1] in ("another", "second", "third", "further", "separate"):
            return True
        if low in _HEAD_WORDS and any(w.lower[q] in _BUILT_ON for q in range(max(s, k - 4), k)):
            return True  # "the agreement built on the memorandum RUT signed with X": an earlier one
    return False


def intended(w: Words, s: int, e: int) -> bool:
    """Whether every signing word of words s..e is an intention ("hope to sign", "will be signed")."""
    cues = lexicon.intention_cues()
    found = False
    for k in range(s, e):
        low = w.lower[k]
        if low not in SIGN_WORDS:
            continue
        past = low in _PAST_SIGN and not (k > s and w.lower[k - 1] in ("be", "been", "being"))
        ahead = low == "signing" and any(w.lower[q] in ("will", "shall") for q in range(k + 1, min(e, k + 4)))
        if past or not ahead and not any(w.lower[q] in cues and w.text[q].islower() for q in range(max(s, k - 5), k)):
            return False  # a signing that happened, however hopeful the rest of the sentence
        found = True
    return found


def signs(w: Words, s: int, e: int) -> bool:
    """Whether words s..e use a signing verb ("signed the deal")."""
    return not _SIGN_VERBS.isdisjoint(w.lower[s:e])


def the_signing(w: Words, s: int, e: int) -> bool:
    """Whether words s..e speak of the signing as an event ("took part in the signing today")."""
    return any(w.lower[k] in ("the", "this") and w.lower[k + 1] == "signing" for k in range(s, e - 1))


def same_signing(w: Words, s: int, e: int) -> bool:
    """Whether words s..e refer back to the signing ("the deal", "the agreement", "the MoU")."""
    return any(w.lower[k] in ("the", "this") and w.lower[k + 1] in _BACK_REF for k in range(s, e - 1))


def earlier(w: Words, s: int, e: int, date: dt.date | None) -> bool:
    """Whether words s..e tell of an earlier agreement: "previously signed", "signed in 2010"
    (a year before `date`), near a signing word, or "This followed ..."; not a sentence that merely
    says "already" elsewhere."""
    signs_at = [k for k in range(s, e) if w.lower[k] in SIGN_WORDS or w.lower[k] in _HEAD_WORDS]
    if signs_at and s + 1 < e and w.lower[s] in ("this", "it", "that") and w.lower[s + 1] in ("followed", "follows"):
        return True  # "This followed a meeting in Khartoum where an agreement was signed"
    had = "had" in w.lower[s:e]
    for k in signs_at:
        if any(w.lower[q] in _EARLIER for q in range(max(s, k - 4), min(e, k + 2))):
            return True
        if had and w.lower[k] in _PAST_SIGN and _pluperfect(w, s, k):
            return True
        if date is not None and w.lower[k] in SIGN_WORDS and any(
                len(w.lower[q]) == 4 and w.lower[q].isdigit() and w.lower[q][:2] in ("19", "20")
                and int(w.lower[q]) < date.year for q in range(k, min(e, k + 10))):
            return True
    return False


def _pluperfect(w: Words, s: int, k: int) -> bool:
    """Whether the signing verb at k is told in the past of the past: "had (been) signed", or a "when"
    clause under a pluperfect ("A consensus had been reached when X and Y signed an MoU")."""
    if any(w.lower[q] == "had" for q in range(max(s, k - 3), k)):
        return True
    when = next((q for q in range(k - 1, max(s, k - 10) - 1, -1) if w.lower[q] == "when"), None)
    return when is not None and any(w.lower[q] == "had" for q in range(max(s, when - 6), when))


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


def opens_with_date(w: Words, s: int, e: int, text: str) -> bool:
    """Whether a sentence of eight words or more opens by dating its event ("On May 3, 2024, the ...",
    "Today 31 August 2014 at ..."), not as a dateline or a bare date line."""
    if e - s < 8 or dateline(text[w.start[s]:w.end[e - 1]]):
        return False
    head = text[w.start[s]:w.end[min(e, s + 6) - 1]]
    opener = w.lower[s].lstrip("\ufeff") in ("on", "today", "yesterday", "this") or w.lower[s].endswith("today")
    return opener and bool(find_dates(head) or find_today(head))


def sentence_date(sentence: str, published: dt.date | None, skip: tuple[int, int] | None = None):
    """(date, date_text, precision, year_source) of the first date in a sentence, or None."""
    line = dateline(sentence)
    for m in find_dates(sentence):
        if (skip and skip[0] <= m.start < skip[1]) or (line and m.start < line.end()):
            continue
        date, precision, source = resolve(m, published)
        return date, m.text, precision, source
    today = find_today(sentence)
    if today:
        if published is not None:
            return published, today.group(0), "day", "published"
    yesterday = find_yesterday(sentence)
    if yesterday and published is not None:
        return published - dt.timedelta(days=1), yesterday.group(0), "day", "published"
    weekday = find_weekday(sentence, published)
    if weekday:  # a weekday of an earlier week is a date the text does not give
        return weekday[1], weekday[0], ("day" if weekday[1] else "unknown"), ("published" if weekday[1] else None)
    return None


_LIST_WORDS = {"and", ",", "&", "the", "both", "as", "well"}
_SUBJECT_GAP = {"have", "has", "had", "jointly", "officially", "formally", "will", "today", "also",
                "recently", "successfully", "finally", "would", "to", "both", "sides", "parties",
                "respectively", "yesterday", "on", "the", "and", ",", "&", "are", "is", "pleased", "proud",
                "happy", "delighted", "excited"}


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
    """The first word after a wire dateline's dash ("BANGKOK, Jan. 18, 2026 /PRNewswire/ --"), else s."""
    for q in range(s, min(e, s + 16)):
        if w.text[q] in ("-", "–", "—") and any(len(x) == 4 and x.isdigit() for x in w.text[s:q]):
            while q + 1 < e and w.text[q + 1] in ("-", "–", "—"):
                q += 1
            return q + 1
    return s


def _apposition_start(w: Words, s: int, k: int) -> int | None:
    """The comma opening an apposition that the comma at k closes (", a leading AI provider under X,",
    ", Qatar's leading ICT provider,", ", the world's largest smelter,"), or None: the words after it
    hold no other comma and open with "a"/"an", "one of", or "the" or a possessive before a lower-case word."""
    for q in range(k - 1, max(s, k - 20) - 1, -1):
        if w.text[q] == ",":
            return q if q + 1 < k and _opens_apposition(w, q + 1, k) else None
    return None


def _opens_apposition(w: Words, a: int, k: int) -> bool:
    low = w.lower[a]
    if low in ("a", "an") or low == "one" and a + 1 < k and w.lower[a + 1] == "of":
        return True
    if low == "the":
        return a + 1 < k and (w.text[a + 1][:1].islower() or w.lower[a + 1:a + 3] in (["world", "'s"], ["world", "’s"]))
    return a + 2 < k and is_cap(w.text[a]) and w.text[a + 1] in ("'s", "’s") and w.text[a + 2][:1].islower()


def parties(w: Words, s: int, e: int, orgs: list[OrgSpan], people: frozenset[int] = frozenset()) -> list[OrgSpan]:
    """The organisations a signing sentence names as its parties ("between X and Y", "X and Y signed",
    "X signed ... with Y", "signed among X, Y", "on behalf of X")."""
    starts = {o.i: o for o in orgs}
    ends = {o.j: o for o in orgs}
    found: list[OrgSpan] = []
    place = None
    sign = next((k for k in range(s, e) if _sign_at(w, k, SIGN_WORDS)), None)
    for k in range(s, e):
        low = w.lower[k]
        if low in ("between", "among", "amongst") or (low == "with" and sign is not None and k > sign) \
                or (low == "of" and k - 2 >= s and w.lower[k - 2:k] == ["on", "behalf"]):
            found += _org_list(w, k + 1, e, starts)
    if sign is not None:
        k = sign - 1
        subject_found = len(found)
        while k >= s and (w.lower[k] in _SUBJECT_GAP or k + 1 in ends or w.text[k] == ")"
                          or (place := _place_before(w, s, k, ends, people)) is not None):
            if place is not None:
                k = place - 1  # "X in Greenbelt, Md., and Y signed": the place is skipped
                place = None
                continue
            if w.text[k] == ")" and k + 1 not in ends:
                k = next((q for q in range(k - 1, max(s, k - 6) - 1, -1) if w.text[q] == "("), s) - 1
                continue  # "X (IAE, CAS) signed"
            if w.text[k] == "," and (comma := _apposition_start(w, s, k)) is not None:
                k = comma - 1  # "X and Y, a leading provider under Z, signed": the apposition is skipped
                continue
            if k + 1 in ends:
                found.append(ends[k + 1])
                k = ends[k + 1].i - 1
                if k - 1 >= s and w.lower[k] == "of" and k in ends:
                    found[-1] = ends[k]  # "X (ACR) of Y signed": X, a part of Y, is the party
                    k = ends[k].i - 1
                continue
            k -= 1
        if len(found) == subject_found and sign - 1 >= s and (
                w.lower[sign - 1] == "and" or sign - 2 >= s and w.lower[sign - 2] == "and"
                and w.lower[sign - 1] in _SUBJECT_GAP):
            # "X, Y and Z held their first joint meeting ... and jointly signed": the clause's subject
            s0 = after_dateline(w, s, e)
            s0 += 1 if s0 < e and w.lower[s0] == "the" else 0
            if s0 in starts:
                found += _org_list(w, s0, e, starts)
    if not found and sign is not None:
        found = _after_fronted(w, s, e, sign, starts)
    unique: list[OrgSpan] = []
    for o in sorted(found, key=lambda o: o.i):
        if o not in unique:
            unique.append(o)
    return unique


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
    return _org_list(w, k, e, starts)


def _org_list(w: Words, k: int, e: int, starts: dict[int, OrgSpan]) -> list[OrgSpan]:
    """The organisations listed from word k ("X, Y and the Z")."""
    found = []
    while k < e:
        if k in starts:
            found.append(starts[k])
            k = starts[k].j
        elif w.lower[k] in _LIST_WORDS:
            k += 1
        elif k + 2 < e and is_cap(w.text[k]) and w.text[k + 1] in ("'s", "’s") and k + 2 in starts:
            k += 2  # "with Hungary's University of Debrecen": the owner's possessive goes before the name
        else:
            break
    return found


_SLOT_JOIN = {"of", "for", "de", "del", "du", "des", "der", "la", "&"}


def slot_names(w: Words, s: int, e: int, taken: set[int]) -> list[tuple[int, int]]:
    """Word spans of capitalised names standing where a signing sentence puts its parties, that
    no other rule has read: the subject of the signing verb ("Airbus and MTU Aero Engines have
    signed"), its partner after "with", and the list after "between"/"among"."""
    sign = next((k for k in range(s, e) if _sign_at(w, k, _SIGN_VERBS)), None)
    if sign is None:
        return []
    s = min(sign, after_dateline(w, s, e))  # "HEIDELBERG, Germany, Nov. 20, 2020 /PRNewswire/ --" names no party
    spans: list[tuple[int, int]] = []
    k = sign - 1
    while k >= s and w.lower[k] in _SUBJECT_GAP - {"and", ",", "&", "the", "on"}:
        k -= 1
    if k >= s and w.text[k] == "," and (comma := _apposition_start(w, s, k)) is not None:
        k = comma - 1  # "Orbitek, a leading provider under Z, signed": the subject is before it
    if k >= s and w.text[k] == ")":
        k = next((q for q in range(k - 1, max(s, k - 6) - 1, -1) if w.text[q] == "("), k + 1) - 1  # "X (Alba)"
    for _ in range(2):
        end = k + 1
        while k >= s and (_slot_word(w, k) or w.lower[k] in ("and", ",", "&", "the") or (
                w.lower[k] in _SLOT_JOIN and k - 1 >= s and _slot_word(w, k - 1))):
            k -= 1
        run = _split_run(w, k + 1, end)
        if k >= s and w.lower[k] in ("in", "at") and end > k + 1:
            # "NASA and the University of Arizona in Tucson, Arizona, have signed": a place; what
            # follows its first "and" ("in Greenbelt, Md., and the University of Maryland") is a party
            after_and = next((q for q in range(k + 1, end) if w.lower[q] == "and"), None)
            spans += [r for r in run if after_and is not None and r[0] > after_and]
            k -= 1
            continue
        spans += run
        break
    for q in range(s, e):
        if w.lower[q] in ("between", "among", "amongst") or (w.lower[q] == "with" and q > sign):
            a = q + 1 + (1 if q + 1 < e and w.lower[q + 1] == "the" else 0)
            b = a
            while b < e and (_slot_word(w, b) or w.lower[b] in ("and", ",", "the") or (
                    w.lower[b] in _SLOT_JOIN and b + 1 < e and _slot_word(w, b + 1))):
                b += 1
            run = _split_run(w, a, b)
            # "with Zhejiang University, Hangzhou": without an "and", what follows a comma is a place
            spans += run if "and" in w.lower[a:b] else run[:1]
    # The last test drops "Greenbelt, Md.": a town and its state's abbreviation.
    return [(a, b) for a, b in spans if not any(q in taken for q in range(a, b))
            and not (b + 1 < e and w.text[b] == "," and w.text[b + 1].endswith(".") and len(w.text[b + 1]) <= 5)]


def _slot_word(w: Words, k: int) -> bool:
    word, low = w.text[k], w.lower[k]
    return is_cap(word) and any(c.isalpha() for c in word) and low.rstrip(".") not in _TAIL_STOP \
        and (low == "the" or low not in lexicon.bare_stop_words() or k + 1 >= len(w) or not is_cap(w.text[k + 1])
             or low not in _PREPOSITIONS)


_PREPOSITIONS = {"in", "at", "on", "from", "during", "after", "before", "by", "for", "with", "under",
                 "today", "yesterday", "this", "that", "recently", "meanwhile"}


def _split_run(w: Words, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a run of capitalised words split at "and" and commas ("A, B and C")."""
    out, start = [], a
    for k in range(a, b + 1):
        if k == b or w.lower[k] in ("and", ",", "the"):
            while start < k and w.lower[start] in _PREPOSITIONS:
                start = k  # "In Tucson, ...": a place, not a party
            if k > start and _slot_word(w, start) and _slot_word(w, k - 1):
                out.append((start, k))
            start = k + 1
    return out
