"""Finding dates in text and resolving those written without a year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_M = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_SLASHED = re.compile(r"\b(?P<mnum>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")
# "10.05.2023", "15. 1. 2025": day first
_DOTTED = re.compile(r"\b(?P<day>[0-3]?\d)\. ?(?P<mnum>[01]?\d)\. ?(?P<year>(?:19|20)\d\d)\b")
# "28-04-2024": day first
_DASHED = re.compile(r"\b(?P<day>[0-3]?\d)-(?P<mnum>[01]?\d)-(?P<year>(?:19|20)\d\d)\b")
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)\s*[-/.年]\s*(?P<mnum>[01]?\d)\s*[-/.月]\s*"
               r"(?P<day>[0-3]?\d)(?:日|(?!\d))"),
    _SLASHED,
    _DOTTED,
    _DASHED,
    re.compile(rf"\b{_M}\s+{_D}\b(?:\s*,?\s*{_Y}\b)?", re.I),
    re.compile(rf"\b{_D}\s+(?:of\s+)?{_M}\b(?:\s*,?\s*{_Y}\b)?", re.I),
    re.compile(rf"\b{_M}\s*,?\s+{_Y}\b", re.I),
]
_DIGIT = re.compile(r"\d")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_WEEKDAY = re.compile(r"\b(?:(?:on|last)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)  # wires: "in Berlin Tuesday"
_DATELINE = re.compile(r"^\s*[A-Z][\w .'’-]{1,40}(?:\s*\[[\w .'-]+\])?\s*,\s*(?P<date>[^()\n]{3,25}?)\s*"
                       r"\((?:[A-Za-z]{2,12}(?:[ /][A-Za-z]{2,12}){0,2})\)\s*[:：\-–—]")
_WIRE_DATELINE = re.compile(
    r"^\s*[A-Z][\w .'’-]{1,40}(?:,\s*(?:the\s+)?[A-Z][\w .'’-]{1,30})?\s*,\s*"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}))"  # "Jakarta, 04.07.2023 –"
    r"\s*(?:/[^/\n]{2,40}/)?\s*(?:\.?\s*(?:--|[-–—])|\.(?=\s+[A-Z\"“]))")  # "Almaty, 12 May 2023. The"
# "Dhaka, 1 May 2024: X has signed", "ISLAMABAD, Jan 17: A memorandum was signed": place, date, a colon
_COLON_DATELINE = re.compile(
    r"^\s*[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*,\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?)\s*:\s")
# "HONG KONG SAR – Media OutReach – 13 June 2022 –": place, wire and date between dashes
_DASHED_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .,'’-]{1,40}\s[-–—]\s*[A-Z][\w .'’&-]{1,40}?\s[-–—]\s*"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}))\s*[-–—]")
# "Dubai, UAE – 15 October 2024:", "ATHENS, Greece – 21 February 2025 –": place, a dash, the date
_DASH_DATE_DATELINE = re.compile(
    r"^\s*[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s+[-–—]\s+"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}))\s*[:\-–—]")
# "CASABLANCA, Morocco--(BUSINESS WIRE)--November 12, 2024--": place, the wire in brackets between dashes, the date
_BRACKET_WIRE_DATELINE = re.compile(
    r"^\s*[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*(?:--|[-–—])\s*\([A-Za-z][\w .&'-]{1,30}\)\s*"
    r"(?:--|[-–—])\s*(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}))"
    r"\s*(?:--|[-–—])")
_SOURCE_DATELINE = re.compile(r"^\s*[A-Z][\w .'’-]{1,40}\s*,\s*\((?=[^()\n]*[A-Za-z]{2})[^()\n]{2,80}?\s[-–—]\s*"
                              r"(?P<date>[^()\n]{3,25}?)\s*\)")
# "Tehran, 24 Mehr 1402 (16 October 2023) - ...": another calendar's date, then the Gregorian one in brackets
_BRACKETED_DATELINE = re.compile(r"^\s*[A-Z][\w .'’-]{1,40},\s*[^()\n]{3,30}?\s*\((?P<date>[^()\n]{6,25})\)\s*[-–—]")
_TODAY = re.compile(r"\b(today|this (?:morning|afternoon|evening)|tonight)\b", re.I)
_YESTERDAY = re.compile(r"\b(yesterday)\b", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date as written: its span and the parts it gives."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None

    @property
    def precision(self) -> str:
        """How much of the date the text gives: day, month, or no-year."""
        if self.year is None:
            return "no-year"
        return "day" if self.day else "month"


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in `text`, left to right, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if not _DIGIT.search(text):
        return found
    slash = "/" in text
    for pattern in _PATTERNS:
        if pattern is _SLASHED and not slash or pattern is _DOTTED and "." not in text \
                or pattern is _DASHED and "-" not in text:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parts = m.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["mon"].lower()]
            day = int(parts["day"]) if parts.get("day") else None
            if parts.get("mnum") and month > 12 and day is not None and day <= 12:
                month, day = day, month  # "26/09/2019" written day first
            year = int(parts["year"]) if parts.get("year") else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            mon = parts.get("mon")
            if mon and (mon.islower() or (mon.lower() == "may" and day is None and year is None)):
                continue  # "may" the verb, not the month
            if day is not None and day > _DAYS[month - 1]:
                continue
            found.append(DateMention(m.start(), m.end(), m.group(0), year, month, day))
            taken.append((m.start(), m.end()))
    if slash:
        found = _slashes_day_first(found)
    return sorted(found, key=lambda d: d.start)


def as_text_reads(date: dt.date | None, text: str) -> dt.date | None:
    """A date read from "05/06/2023" month first, read again day first when `text` names the day
    as "June 5" (a Malaysian or British house style), else unchanged."""
    if date is None or date.day > 12 or date.day == date.month or "/" not in text:
        return date
    found = find_dates(text)
    for d in found:
        if d.year == date.year and (d.day, d.month) == (date.month, date.day) and _SLASHED.fullmatch(d.text):
            return dt.date(date.year, d.month, d.day)
    if _day_first_month(found, date.year, date.month, date.day):
        return dt.date(date.year, date.day, date.month)  # "07/11/2024" over "signed on 5 November"
    return date


def _named_month(d: DateMention) -> bool:
    """Whether a date writes its month as a word ("5 November", "June 5"), not as a number."""
    return any(c.isalpha() for c in d.text)


def _day_first_month(found: list[DateMention], year: int | None, first: int, second: int) -> bool:
    """Whether the text names month `second` (the day-first reading of "first/second/year") in that
    year and never month `first`: "Published on 07/11/2024" in a release that says "on 5 November"."""
    named = [d for d in found if d.day and _named_month(d) and d.year in (None, year)]
    return any(d.month == second for d in named) and not any(d.month == first for d in named)


def _slashes_day_first(found: list[DateMention]) -> list[DateMention]:
    """"05/06/2023" read day first when the text names that day as "June 5" and never as "May 6"."""
    named = {(d.month, d.day) for d in found if d.day and _named_month(d)}
    out = []
    for d in found:
        if _SLASHED.fullmatch(d.text) and d.day and d.day <= 12 and d.month != d.day \
                and ((d.day, d.month) in named and (d.month, d.day) not in named
                     or _day_first_month(found, d.year, d.month, d.day)):
            d = DateMention(d.start, d.end, d.text, d.year, d.day, d.month)
        out.append(d)
    return out


def find_weekday(text: str, published: dt.date | None) -> tuple[str, dt.date | None] | None:
    """("on Thursday", date) for a weekday named in `text`: that day of the publication's week (Monday
    to Sunday), up to publication; the date is None for a weekday the printed date does not resolve
    ("on Friday" in a release printed on a Monday)."""
    if published is None or "day" not in text:
        return None
    m = _WEEKDAY.search(text)
    if not m:
        return None
    back = published.weekday() - WEEKDAYS.index(m.group(1).lower())
    return m.group(0), (published - dt.timedelta(days=back) if back >= 0 else None)


def dateline(text: str) -> re.Match | None:
    """A wire dateline opening a text ("NEW DELHI, Nov 5 (ANI):", "DENVER, March 3, 2015 /PRNewswire/ --",
    "Mexico City, August 18, 2021.–", "HONG KONG SAR – Media OutReach – 13 June 2022 –"): its date is the
    report's, not the event's."""
    bracketed = (_DATELINE, _SOURCE_DATELINE, _BRACKET_WIRE_DATELINE) if "(" in text[:80] else ()
    # "ABU DHABI, (Agency / WAM - ...)" is the second pattern's
    for pattern in (*bracketed, _WIRE_DATELINE, _DASHED_DATELINE, _BRACKETED_DATELINE, _DASH_DATE_DATELINE,
                    _COLON_DATELINE):
        if (m := pattern.match(text)) and find_dates(m.group("date")):
            return m
    return None


# "by 2030", "Vision 2030", "2024-2029": a year the text looks ahead to, not its own
_AHEAD_BEFORE = re.compile(r"(?:\b(?:by|until|till|through|to|towards?|beyond|vision|agenda|horizon|before)\s+"
                           r"|\d\s*[-–/]\s*)$", re.I)
# "the 2024 edition", "the University's 2024 Innovation Week": the year of the event the text reports
_EDITION = re.compile(r"\b((?:19|20)\d\d)\s+(?:edition\b|(?:(?:[A-Z][\w’'&-]*|and|of|for|on)\s+){0,6}"
                      r"(?:Week|Fair|Forum|Summit|Conference|Expo|Exhibition|Festival|Congress|Show|Days|Symposium"
                      r"|Session|Olympiad)\b)")


def year_of_text(text: str, month: int | None = None) -> int | None:
    """The year a text gives its year-less dates in `month`: one year that a dated mention of that
    month ("held ... on 26-27 November 2024 ... On 27 November") or an edition of the event ("the 2024
    edition", "the 2024 Innovation Week") states; None when none or several do. A bare year ("a 2019
    protocol", "in 2022") is no event's and is never taken, nor a year looked ahead to ("Vision 2030")."""
    years = {m.year for m in find_dates(text) if m.year and (month is None or m.month == month)}
    years |= {int(m.group(1)) for m in _EDITION.finditer(text)
              if not _AHEAD_BEFORE.search(text, max(0, m.start() - 12), m.start())}
    return years.pop() if len(years) == 1 else None


def find_today(text: str) -> re.Match | None:
    """The first 'today'/'this morning' style reference to the publication day."""
    return _TODAY.search(text)


def find_yesterday(text: str) -> re.Match | None:
    """The first 'yesterday': the day before the publication day."""
    return _YESTERDAY.search(text)


def to_date(mention: DateMention, year: int | None = None) -> dt.date | None:
    """The calendar date of a mention (first of the month for month precision)."""
    y = mention.year or year
    if y is None:
        return None
    try:
        return dt.date(y, mention.month, mention.day or 1)
    except ValueError:
        return None


def resolve(mention: DateMention, published: dt.date | None) -> tuple[dt.date | None, str, str | None]:
    """(date, precision, year_source) of a mention; a year-less one borrows the publication year."""
    if mention.year is not None:
        return to_date(mention), mention.precision, "explicit"
    if published is None:
        return None, "no-year", None
    guess = to_date(mention, published.year)
    # A release reports past events: a month-day later than publication belongs to last year.
    if guess is not None and guess > published + dt.timedelta(days=31):
        guess = to_date(mention, published.year - 1)
    return guess, "day" if mention.day else "month", "published"


def parse_date(value: object) -> dt.date | None:
    """A publication date from metadata (ISO string, datetime, or a written date), else None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for mention in find_dates(text):
        if mention.year and mention.day:
            return to_date(mention)
    return None
