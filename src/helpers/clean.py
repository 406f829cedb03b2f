"""Cleaning a release's plain text: page furniture out, title, date line, bylines and publisher found."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import lexicon
from .dates import WEEKDAYS, as_text_reads, dateline, find_dates, to_date

_MD_CHARS = re.compile(r"[\[\\*_`#]")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*(?:[-*+•·]|\d+[.)])\s+")
_BREADCRUMB = re.compile(r"^[^.!?]{0,80}(?:\s[>»›/|·]\s)[^.!?]{0,80}$")
_SEGMENTS = re.compile(r"\s+[|·•]\s+|\s{3,}")
_ENDS = re.compile(r"^\s*-?\s*ends?\s*-?\s*/\s*", re.I)
_COPYRIGHT = re.compile(r"^\s*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)?\d\d)?")
_CONTACT = re.compile(r"(?:\+?\d[\d\s()-]{7,}\d|[\w.+-]+@[\w-]+\.[\w.]+|https?://|www\.)")
_LABEL = re.compile(r"^(?:(?:written|edited|photos?|text|words|reported|translated|proofread)"
                    r"(?:\s+by)?|editors?|reporters?|authors?|photographers?|by)\b\s*[:：]?\s*", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&|、)\s*")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


_LEADING_DATE = re.compile(r"^\s*(\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.? \d{4}"
                           r"|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\s*(?:…|\.\.\.|[-–—:|])")
_META_DATE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})(?:[ \t]+|\n)")


@dataclass
class Cleaned:
    """A release's clean text and the metadata found in its furniture."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)


def strip_markdown(line: str) -> str:
    """A line with Markdown links, emphasis, escapes and heading marks reduced to text."""
    if not _MD_CHARS.search(line):
        return line.strip()
    line = _MD_LINK.sub(r"\1", line)
    # Escaped characters are set aside first so that "\*" never opens emphasis.
    escaped: list[str] = []
    line = _MD_ESCAPE.sub(lambda m: escaped.append(m.group(1)) or f"\x00{len(escaped) - 1}\x00", line)
    line = _MD_EMPH.sub(r"\2", line)
    line = re.sub(r"\x00(\d+)\x00", lambda m: escaped[int(m.group(1))], line)
    return _HEADING.sub("", line).strip()


def _starts(lower: str, prefixes: tuple[str, ...]) -> str | None:
    if not lower.startswith(prefixes):
        return None
    for p in prefixes:
        if lower.startswith(p):
            return p
    return None


def _is_nav(line: str, lower: str, bp: dict) -> bool:
    bare = lower.strip(" :|>-»›·•")
    if (len(line.split()) <= 6 and bare in bp["nav"]) or not _WORD.search(line):
        return True
    if line.count(" | ") >= 2 or (line.isupper() and len(line.split()) <= 8):
        return True
    return bool(_BREADCRUMB.match(line)) and len(line.split()) <= 12 and not line.endswith(".")


def _byline(line: str, lower: str, bp: dict) -> list[str] | None:
    """Names in a byline ("Written by: A", "Edited by: B, C", "Text: A | Photos: B"), or None."""
    if len(line) > 200 or not lower.startswith(bp["bylines"]):
        return None
    parts = _SEGMENTS.split(line)
    if len(parts) > 1:
        found = [_byline_part(p, p.lower(), bp) for p in parts]
        if all(f is not None for f in found):
            return [n for f in found for n in f]
        return None
    return _byline_part(line, lower, bp)


def _byline_part(line: str, lower: str, bp: dict) -> list[str] | None:
    if len(line) > 200 or not lower.startswith(bp["bylines"]):
        return None
    for p in bp["bylines"]:
        if not lower.startswith(p):
            continue
        rest = line[len(p):]
        if p == "by" and (not rest.startswith(" ") or len(line.split()) > 7):
            return None
        if rest[:1] not in (":", " ", "：") and not rest.lstrip().startswith(":"):
            return None
        rest = rest.lstrip(" :：\t")
        if not rest or len(rest.split()) > 15 or rest[0].islower():
            return None
        names = [_LABEL.sub("", n).strip(" .") for n in _NAME_SPLIT.split(rest)]
        return [n for n in names if n and len(n.split()) <= 5]
    return None


_WEEKDAY_WORD = r"\b(?:" + "|".join(WEEKDAYS) + r")\b"


def _date_line(line: str, lower: str, bp: dict) -> dt.date | None:
    """The date of a line that is only a date (optionally after "Published:" etc.)."""
    body = line
    segments = _SEGMENTS.split(line)
    if len(segments) > 1:  # "06/18/2024 | Press release | ...", "NEWS RELEASE | March 1, 2024"
        body = next((x for x in segments if any(m.year for m in find_dates(x))), segments[0])
    prefix = _starts(lower, bp["date_prefixes"])
    if prefix:
        body = line[len(prefix):].strip()
    mentions = [m for m in find_dates(body) if m.year]
    if not mentions:
        return None
    m = mentions[0]
    rest = (body[:m.start] + body[m.end:]).strip(" ,|-–:()")
    rest = re.sub(r"\b\d{1,2}:\d\d(?::\d\d)?\b|\b(?:am|pm|hkt|utc|gmt|cst)\b|" + _WEEKDAY_WORD, "", rest, flags=re.I)
    leftover = _WORD.findall(rest)
    if prefix or len(leftover) <= 3:
        return to_date(m)
    return None


# "Bucharest, 10 October 2024" alone on its line after the bullets of a standfirst: the release's dateline
_DATELINE_ALONE = re.compile(r"^[A-Z][\w .'’-]{1,30},\s*[\w .,]{6,30}$")  # "Cairo, Wednesday 9 October 2024"


def _full_date(text: str) -> dt.date | None:
    """The first date in `text` that gives day, month and year."""
    dates = [m for m in find_dates(text) if m.year and m.day]
    return to_date(dates[0]) if dates else None


def _opens_with_date(line: str) -> bool:
    """Whether a line begins with a full date, a weekday before it allowed ("Monday, May 28, 2012
    Category: ..."): a header line even under a long subtitle."""
    dates = [m for m in find_dates(line[:40]) if m.year and m.day]
    return bool(dates) and not _WORD.findall(re.sub(_WEEKDAY_WORD, "", line[:dates[0].start], flags=re.I))


def _inline_date(line: str, lower: str, bp: dict) -> tuple[dt.date | None, int]:
    """The date after a date label inside a header line ("Author: A  Time: 2016-01-06")."""
    for p in bp["date_prefixes"]:
        at = lower.find(p, 1)
        if at > 0 and not lower[at - 1].isalnum():
            dates = [m for m in find_dates(line[at + len(p):at + len(p) + 40]) if m.year and m.day]
            if dates:
                return to_date(dates[0]), at
    return None, len(line)


_SMALL = frozenset({"of", "and", "for", "the", "in", "on", "at", "de", "du", "des", "la", "le", "del", "di", "da",
                    "do", "dos", "das", "für", "und", "&"})


def _capitals_name(line: str) -> str | None:
    """A masthead line that names a body in capitals ("MINISTRY OF HIGHER EDUCATION", "KENYA SPACE
    AGENCY"), in its own case: its head word first before "of"/"for", or last."""
    words = re.sub(r"\s*\([A-Z&-]+\)$", "", line).split()  # "MINISTRY OF X (MOX)"
    if not 2 <= len(words) <= 14 or not line.isupper() or not "".join(words).replace(",", "").isalpha():
        return None
    heads = lexicon.org_heads()[0].first
    first, last = words[0].lower(), words[-1].lower()
    if first == "government" or not (first in heads and words[1].lower() in ("of", "for")
                                     or last in heads and len(words) >= 3):
        return None  # "GOVERNMENT OF X": a whole government, whose ministry the release names
    return " ".join(x.lower() if x.lower() in _SMALL and q else x.capitalize() for q, x in enumerate(words))


def _copyright_source(line: str) -> str | None:
    rest = _COPYRIGHT.sub("", line, count=1)
    for m in reversed(find_dates(rest)):
        rest = rest[:m.start] + rest[m.end:]
    rest = _YEARS.sub("", rest)
    rest = re.sub(r"all rights reserved\.?", "", rest, flags=re.I).strip(" .,-|")
    # "X. Contact: A", "X  Address: No. 88": the owner only
    rest = re.split(r"\.\s|\s[|·•]\s|;|\s{2,}|\s[A-Z][a-z]+:", rest, maxsplit=1)[0].strip(" .,-|")
    return rest if rest and len(rest.split()) <= 12 and not _CONTACT.search(rest) else None


def clean_text(raw: str, *, top_lines: int = 8, title: str | None = None) -> Cleaned:
    """Split raw release text into clean paragraphs and the metadata its furniture gives.

    A `title` known already (export records, front matter, HTML metadata) is kept: a top line
    or heading repeating it is dropped, and a short opening paragraph is never taken for one.
    """
    find_title = not title
    known = " ".join(title.lower().split()) if title else None
    # Stored web pages may open with their own metadata date ("date 2026-01-19 BANGKOK, ..."):
    # the page's date, used as the publication date when the text prints none.
    meta = _META_DATE.match(raw)
    meta_date = dt.date.fromisoformat(meta.group(1)) if meta and _valid_iso(meta.group(1)) else None
    if meta_date is not None:
        raw = raw[meta.end():]
    bp = lexicon.boilerplate()
    out = Cleaned(text="")
    paragraphs: list[list[str]] = [[]]
    seen_body = False
    nonblank = 0
    masthead, masthead_lines = None, 0
    for raw_line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = strip_markdown(raw_line.replace("\u00a0", " ").replace("\u3000", " "))
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        nonblank += 1
        lower = line.lower()
        top = not seen_body and nonblank <= top_lines
        if _ENDS.match(line):
            out.published = out.published or _full_date(line)
            continue
        copyright_line = lower.startswith(("©", "(c)", "copyright"))
        if out.published is None and not copyright_line and not _starts(lower, bp["source_prefixes"]) and (
                top or _starts(lower, bp["date_prefixes"]) or nonblank <= top_lines and _opens_with_date(line)
                or nonblank <= 2 * top_lines and len(line.split()) <= 6 and _DATELINE_ALONE.match(line)):
            date = _date_line(line, lower, bp)
            if date is not None:
                out.published = date
                continue
        if out.published is None and nonblank <= top_lines and (wire := dateline(line)) is not None:
            out.published = _full_date(wire.group("date"))  # a dateline under a masthead line
        if out.published is None and top:
            out.published, cut = _inline_date(line, lower, bp)
            line, lower = line[:cut].rstrip(), lower[:cut].rstrip()
            if not line:
                continue
        heading = bool(_HEADING.match(raw_line))
        if top and known and (heading or " ".join(lower.split()) == known):
            continue
        if heading and find_title and out.title is None and not seen_body and len(line.split()) >= 3:
            out.title = line
            continue
        if copyright_line:
            out.source = out.source or _copyright_source(line)
            continue
        src = _starts(lower, bp["source_prefixes"])
        if src:
            first, *rest = line[len(src):].split(" | ")  # "Source: X | Date: 2024-05-24 | Font size: L M S"
            out.source = out.source or first.strip(" |") or None
            for part in rest:
                out.published = out.published or _date_line(part, part.lower(), bp)
            continue
        names = _byline(line, lower, bp)
        if names is not None:
            out.authors.extend(n for n in names if n not in out.authors)
            continue
        if _starts(lower, bp["footer_prefixes"]) or (len(line) < 120 and _CONTACT.search(line)):
            continue
        if nonblank == masthead_lines + 1 and nonblank <= 3 and line.isupper():
            masthead_lines = nonblank  # the masthead: the lines in capitals the release opens with
            if name := _capitals_name(line):
                masthead = name  # "REPUBLIC OF X" over "MINISTRY OF Y": the body that speaks
                continue
        if _is_nav(line, lower, bp):
            continue
        if top and len(line.split()) < 4 and not line.endswith("."):
            continue
        if top and not seen_body and len(line.split()) <= 30 and not line.endswith((":", ".", "。")) \
                and (find_title and out.title is None or known):
            # A headline: the title, or with a known title a display headline repeating it.
            out.title = out.title or (line if find_title else None)
            continue
        if len(line.split()) >= 12:
            seen_body = True
        paragraphs[-1].append(_BULLET.sub("", line))
    out.text = "\n\n".join("\n".join(p) for p in paragraphs if p)
    if out.source is None and masthead and masthead.lower() not in out.text.lower():
        out.source = masthead  # a name in capitals that the text never writes in its own case
    if out.published is None and (lead := _LEADING_DATE.match(out.text)):
        out.published = _full_date(lead.group(1))  # "12th October 2017…In an effort"
    if out.published is None and (line := dateline(out.text)) is not None:
        out.published = _full_date(line.group("date"))  # a wire dateline dates the release
    out.published = as_text_reads(out.published, raw[:4000]) or meta_date
    return out


def _valid_iso(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
