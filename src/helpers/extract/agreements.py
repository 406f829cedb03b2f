"""Agreement names, signing sentences, event places and dates within one sentence."""

from __future__ import annotations

import datetime as dt
import re

from .. import lexicon
from ..dates import MONTHS, dateline, find_dates, find_today, find_weekday, find_yesterday, resolve
from .acronyms import is_acronym
from .nlp import Words, is_cap

HEADS = {
    ("memorandum", "of", "understanding"), ("memoranda", "of", "understanding"),
    ("letter", "of", "intent"), ("agreement",), ("agreements",), ("mou",), ("mous",),
    ("memorandum",), ("memorandums",), ("memorandums", "of", "understanding"), ("contract",),
    ("contracts",), ("protocol",), ("accord",), ("charter",), ("document",), ("documents",),
    ("declaration",), ("deal",), ("pact",), ("treaty",), ("convention",), ("arrangement",),
    ("programme",), ("program",), ("memoranda",), ("moa",), ("moas",), ("protocols",),
}
_HEAD_WORDS = {h[0] for h in HEADS}
HEAD_WORDS = frozenset(_HEAD_WORDS | {"memorandum", "understanding", "mou", "mous", "moU"})
_COSIGNED = {"cosigned", "co-signed", "countersigned"}
SIGN_VERBS = {"sign", "signed", "signs", "inked", "inks"} | _COSIGNED
_SIGN_PAST = {"signed", "inked", "sealed", "formalised", "formalized"} | _COSIGNED
_BACK_REF = _HEAD_WORDS | {"deal", "mou", "document", "documents", "pact"}
PAST_SIGN = {"signed", "inked", "concluded", "renewed", "sealed", "formalised", "formalized", "entered"} | _COSIGNED
SIGN_WORDS = {"sign", "signed", "signs", "signing", "inked", "ink", "inks", "concluded", "renewed", "sealed",
              "formalised", "formalized"} | _COSIGNED
_LEFT_STOP = {
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "two",
    "three", "four", "five", "several", "both", "each", "signed", "inked", "sign", "signing",
    "reached", "concluded", "renewed", "entered", "of", "on", "for", "with", "between", "to",
    "in", "at", "by", "into", "and", "or", "as", "under", "new", "latest", "first", "whose",
    "which", "after", "before", "is", "was", "were", "be", "been", "has", "have",
}
_TAIL_JOIN = {"in", "for", "and", "of", "the", "to", "on", "a", "an", "&"}
# A capitalised word that ends an agreement's name: dates are not part of it.
TAIL_STOP = set(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday", "today", "yesterday"}


def agreement(w: Words, s: int, e: int, text: str) -> tuple[str | None, int, int]:
    """(lower-case agreement name, first word, end word) in words s..e, or (None, 0, 0)."""
    lower = w.lower
    if _HEAD_WORDS.isdisjoint(lower[s:e]):
        return None, 0, 0  # most sentences name no agreement
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
    return is_cap(w.text[k]) and w.lower[k].rstrip(".") not in TAIL_STOP


def _modifier(w: Words, k: int) -> bool:
    word, low = w.text[k], w.lower[k]
    if low in _LEFT_STOP or not any(c.isalpha() for c in word) or word.isupper() and len(word) > 1:
        return False
    return low.replace("-", "").isalpha()


def entered_into(w: Words, s: int, e: int) -> bool:
    """Whether words s..e say "entered into" an agreement (not "entered into force"), or "entered a
    strategic partnership"."""
    n = len(w)
    return any(w.lower[k] == "entered" and (
        w.lower[k + 1] == "into" and (k + 2 >= n or w.lower[k + 2] != "force")
        and any(x in _ENTERED for x in w.lower[k + 2:min(n, k + 7)])
        or w.lower[k + 1] in ("a", "an") and any(x in _ENTERED for x in w.lower[k + 2:min(n, k + 6)]))
        for k in range(s, min(e, n - 1)))


_RELATIVE = {"which", "who", "whom", "whose"}
_PLURAL_HEADS = {"agreements", "memoranda", "mous", "memorandums", "partnerships", "accords"}


def in_relative_clause(w: Words, s: int, k: int) -> bool:
    """Whether word k stands in a relative clause set off by commas (", which signed an MoU with
    X in 2019,"): what it tells is background, not the sentence's own event."""
    for q in range(k - 1, max(s, k - 16) - 1, -1):
        if w.text[q] == ",":
            return q + 1 < k and w.lower[q + 1] in _RELATIVE
    return False


def in_background(w: Words, s: int, e: int) -> bool:
    """Whether every signing word of words s..e stands in a relative clause ("X received a delegation
    from Y, which signed an agreement with Z last month"): the sentence tells of no signing."""
    if SIGN_WORDS.isdisjoint(w.lower[s:e]):
        return False
    signs = [k for k in range(s, e) if w.lower[k] in SIGN_WORDS]
    return bool(signs) and "," in w.text[s:signs[0]] and all(in_relative_clause(w, s, k) for k in signs)


def tallies(w: Words, s: int, e: int) -> bool:
    """Whether words s..e count the agreements a body has signed ("the agreements X has signed with
    more than 50 institutions"): a record, no signing."""
    return any(w.lower[k] == "more" and w.lower[k + 1] == "than" and (w.lower[k + 2].isdigit() or w.lower[k + 2]
                                                                      in _COUNTS)
               for k in range(s, e - 2)) and not _PLURAL_HEADS.isdisjoint(w.lower[s:e])


def main_sign(w: Words, s: int, e: int, words) -> int | None:
    """The first signing word of words s..e outside a relative clause, else the first one."""
    first = None
    for k in range(s, e):
        if sign_at(w, k, words):
            if "," not in w.text[s:k] or not in_relative_clause(w, s, k):
                return k
            first = k if first is None else first
    return first


def sign_at(w: Words, k: int, words) -> bool:
    """Whether word k signs: one of `words`, "entered" into an agreement, or announces one."""
    return w.lower[k] in words or w.lower[k] == "entered" and entered_into(w, k, k + 1) \
        or w.lower[k] in ANNOUNCE and _announces(w, k)


ANNOUNCE = {"announce", "announced", "announces"}
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
    if "entered" in present and entered_into(w, s, e):
        return True  # "entered into an MoU", "have entered a strategic partnership"
    if not present.isdisjoint(ANNOUNCE) and any(w.lower[k] in ANNOUNCE and _announces(w, k) for k in range(s, e)):
        return True
    if "partnership" in present and any(lowers[k] in _SIGN_PAST and "partnership" in lowers[k + 1:k + 4]
                                        for k in range(len(lowers))):
        return True  # "DuPont signed a partnership with the state government"
    if not (present & _HEAD_WORDS) and "signing" not in present:
        return False
    if "ceremony" in present and any(lowers[k] == "signing" and lowers[k + 1] == "ceremony"
                                     for k in range(len(lowers) - 1)):
        return True
    if not any(w.lower[k] in SIGN_WORDS and not _event_ended(w, s, k) for k in range(s, e)) \
            and not entered_into(w, s, e):
        return False
    return any(tuple(lowers[k:k + n]) in HEADS for k in range(len(lowers)) if lowers[k] in _HEAD_WORDS
               for n in (3, 1))


_EVENTS = {"visit", "meeting", "talks", "forum", "conference", "session", "event", "workshop", "seminar",
           "programme", "program", "summit", "dialogue", "tour", "mission", "consultations"}


def _event_ended(w: Words, s: int, k: int) -> bool:
    """Whether "concluded" at k says an event ended ("The forum concluded on 4 March with ..."), no signing."""
    return w.lower[k] == "concluded" and any(w.lower[q] in _EVENTS for q in range(max(s, k - 3), k))


def announced(w: Words, s: int, e: int, dated) -> bool:
    """Whether words s..e announce a signing and date only the announcement: they name an agreement
    and no word of its signing, or announce that it was signed ("today announced they have signed")
    with no date of its own but a relative one."""
    first = next((k for k in range(s, e) if w.lower[k] in ANNOUNCE), None)
    if first is None:
        return False
    signed = [k for k in range(s, e) if sign_at(w, k, SIGN_WORDS) and w.lower[k] not in ANNOUNCE]
    if not signed:
        return any(w.lower[k] in ANNOUNCE and _announces(w, k) for k in range(first, e))
    relative = not (dated and any(c.isdigit() for c in dated[1]))
    if signed[0] < first and "," in w.text[signed[0]:first] and relative:
        return True  # "X and Y have signed an agreement ..., the two organisations announced today"
    return first < signed[0] <= first + 5 and relative


_PARTNERS = {"organisations", "organizations", "institutions", "universities", "companies", "partners",
             "entities", "agencies", "firms", "bodies", "institutes", "colleges", "enterprises", "parties"}
_COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "several"}


def counts_partners(w: Words, s: int, e: int) -> bool:
    """Whether words s..e sign with partners they count and do not name ("signed MoUs with eight
    organisations"), to be named in a sentence after."""
    for k in range(s, e - 2):
        if w.lower[k] == "with" and (w.lower[k + 1] in _COUNTS or w.lower[k + 1].isdigit()):
            q = k + 2 + (k + 3 < e and w.lower[k + 2] not in _PARTNERS and w.text[k + 2].islower())
            if q < e and w.lower[q] in _PARTNERS:
                return True
    return False


def names_partners(w: Words, s: int, e: int) -> bool:
    """Whether words s..e open by naming counted partners: "The organisations are, A, B", "Others are
    A and B", "They include A"."""
    k = s + (w.lower[s] in ("the", "these"))
    if k + 1 >= e:
        return False
    return (w.lower[k] in _PARTNERS or w.lower[k] in ("others", "they")) and w.lower[k + 1] in (
        "are", "include", "were", "included", "being")


def signs(w: Words, s: int, e: int) -> bool:
    """Whether words s..e use a signing verb ("signed the deal")."""
    return not SIGN_VERBS.isdisjoint(w.lower[s:e])


_CAPTION = re.compile(r"\((?:(?:far|second|third|front|back|top|bottom|standing|seated)[ ,-]+)?"
                      r"(?:left|right|centre|center|middle)\)|\((?:from )?(?:left|L) to (?:right|R)\)|\(Courtesy of",
                      re.IGNORECASE)


def caption(sentence: str) -> bool:
    """Whether a sentence is a photo's caption ("A (center) and B (second left) ...", "(Courtesy of X)")."""
    return _CAPTION.search(sentence) is not None


def the_signing(w: Words, s: int, e: int) -> bool:
    """Whether words s..e speak of the signing as an event ("took part in the signing today",
    "witnessed the MOU exchange ceremony on March 13, 2025")."""
    return any(w.lower[k] in ("the", "this") and (
        w.lower[k + 1] in ("signing", "ceremony") or w.lower[k + 1] in _BACK_REF and "ceremony" in w.lower[k + 2:k + 4])
        for k in range(s, e - 1))


def same_signing(w: Words, s: int, e: int) -> bool:
    """Whether words s..e refer back to the signing ("the deal", "the agreement", "the MoU")."""
    return any(w.lower[k] in ("the", "this") and w.lower[k + 1] in _BACK_REF for k in range(s, e - 1))


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


_DIGIT = re.compile(r"\d")
_RANGE = re.compile(r"\s*[-–]\s*\d")
_RANGE_END = re.compile(r"\s*(?:[-–]|to|until|till|through)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b"
                        r"(?!\s*[-–.:/]?\s*\d)", re.I)
# "from 3rd to 5th October", "from the 23rd to the 25th"
_RANGE_START = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|to|until|till|through)\s*(?:the\s+)?$", re.I)
_LONGEST_RANGE = 14
_DAY_OF_RANGE = re.compile(r"\b(?:on|during)\s+the\s+(first|opening|second|third|fourth|fifth|last|final|closing)"
                           r"\s+day\b", re.I)
_NTH_DAY = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


def sentence_date(sentence: str, published: dt.date | None, skip: tuple[int, int] | None = None):
    """(date, date_text, precision, year_source, days) of the first date in a sentence, or None; `days`
    is how many days a range there spans ("held May 5-6" gives May 5 and 2), else 1."""
    digits = _DIGIT.search(sentence) is not None  # no date, dateline or day of the month without one
    line = dateline(sentence) if digits else None
    mentions = find_dates(sentence) if digits else []
    for n, m in enumerate(mentions):
        if (skip and skip[0] <= m.start < skip[1]) or (line and m.start < line.end()):
            continue
        if n + 1 < len(mentions) and _RANGE.match(sentence, m.end):
            continue  # "held on May 3-4 ..., where they signed on May 4": the day the sentence gives later
        date, precision, source = resolve(m, published)
        date, days = _range_of(sentence, m, date) if precision == "day" and date else (date, 1)
        return date, m.text, precision, source, days
    day = _day_of_month(sentence, published) if digits else None
    if day:
        return day
    today = find_today(sentence)
    if today:
        if published is not None:
            return published, today.group(0), "day", "published", 1
    yesterday = find_yesterday(sentence)
    if yesterday and published is not None:
        return published - dt.timedelta(days=1), yesterday.group(0), "day", "published", 1
    weekday = find_weekday(sentence, published)
    if weekday:  # a weekday of an earlier week is a date the text does not give
        return (weekday[1], weekday[0], ("day" if weekday[1] else "unknown"),
                ("published" if weekday[1] else None), 1)
    return None


_ORDINAL_DAY = re.compile(r"\b(?:on|dated)\s+the\s+([0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of|century|anniversary|floor|"
                          r"session|edition|meeting|round|plenary|congress|time|year|grade|place)\b)", re.I)
_REPORTED_ON = re.compile(r"\b(?:announced|said|reported|revealed|stated|noted|disclosed)\s*$", re.I)


def _day_of_month(sentence: str, published: dt.date | None):
    """A day written by itself ("signed ... on the 8th", in releases translated from Korean or Japanese):
    that day of the publication's month, or of the month before when it is later than publication; never
    the day the news was announced on ("announced on the 9th that ...")."""
    if published is None:
        return None
    for m in _ORDINAL_DAY.finditer(sentence):
        if _REPORTED_ON.search(sentence, 0, m.start()):
            continue
        day, month = int(m.group(1)), published.replace(day=1)
        if day > published.day:
            month = (month - dt.timedelta(days=1)).replace(day=1)
        if day <= _days_in(month):
            return month.replace(day=day), m.group(0), "day", "published", 1
    return None


def _days_in(month: dt.date) -> int:
    return ((month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).day


def _range_of(sentence: str, m, date: dt.date) -> tuple[dt.date, int]:
    """The first day and the length of a day range a date mention opens ("September 9-11") or closes
    ("from 8 to 11 September"); the date itself and 1 when it is a single day."""
    end = _RANGE_END.match(sentence, m.end)
    if end and date.day < int(end.group(1)) <= date.day + _LONGEST_RANGE:
        return date, int(end.group(1)) - date.day + 1
    start = _RANGE_START.search(sentence, 0, m.start)
    if start and date.day - _LONGEST_RANGE <= int(start.group(1)) < date.day:
        return date.replace(day=int(start.group(1))), date.day - int(start.group(1)) + 1
    return date, 1


def day_of_range(sentence: str, first: dt.date, days: int) -> tuple[dt.date, str] | None:
    """The day a sentence names by its place in a range ("signed on the second day of the workshop"),
    with those words."""
    m = _DAY_OF_RANGE.search(sentence)
    if not m:
        return None
    k = _NTH_DAY.get(m.group(1).lower(), days - 1)
    return (first + dt.timedelta(days=k), m.group(0)) if k < days else None
