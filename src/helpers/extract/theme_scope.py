"""Where a release speaks of its cooperation: the words whose theme terms count, and the countries it names."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .. import lexicon
from .nlp import Words, is_cap


@lru_cache(maxsize=1)
def _cues() -> tuple[lexicon.PhraseTable, frozenset[str], frozenset[str]]:
    """Phrases that put a sentence out of the themes' evidence, the boilerplate section heads, and
    the last words of venue and contest names."""
    data = lexicon.load("theme_scope")
    table = lexicon.PhraseTable({p: True for key in ("background", "itinerary")
                                 for p in lexicon.phrases(data.get(key, []))})
    return (table, frozenset(str(h).lower() for h in data.get("section_heads", [])),
            frozenset(str(h) for h in data.get("name_heads", [])))


def outside_scope(w: Words, text: str, sentences: list[tuple[int, int]]) -> frozenset[int]:
    """Word indices that are no evidence of what the cooperation covers.

    `sentences` are word ranges (start, end). Out of scope: a sentence that profiles an
    organisation ("X is known for …", "its strengths in …") or tells what a delegation visited or
    toured, a venue's or a contest's name ("the Innovation Building"), and a boilerplate section
    ("About X" on a line of its own) to the end of the release.
    """
    table, heads, name_heads = _cues()
    out: set[int] = set()
    starts = [s for s, _ in sentences]
    first = table.first
    for k in [k for k, low in enumerate(w.lower) if low in first]:
        x = bisect_right(starts, k) - 1
        if x >= 0 and k < sentences[x][1] and k not in out and table.match(w.lower, k, sentences[x][1])[0]:
            out.update(range(*sentences[x]))
    for k in [k for k, word in enumerate(w.text) if word in name_heads]:
        out.update(_capitalised_run(w, k))
    section = _section_start(text, heads)
    if section is not None:
        out.update(range(w.index_at(section), len(w)))
    return frozenset(out)


_NAME_LINKS = frozenset({"and", "of", "for", "&"})


def _capitalised_run(w: Words, k: int) -> range:
    """Word indices of the capitalised name that ends at word k ("Youth Science and Technology
    Innovation Competition"), linking words inside it included."""
    j = k
    while j > 0 and (is_cap(w.text[j - 1]) or w.lower[j - 1] in _NAME_LINKS and j > 1 and is_cap(w.text[j - 2])):
        j -= 1
    return range(j, k + 1)


def _section_start(text: str, heads: frozenset[str]) -> int | None:
    """Offset of the first line that is a boilerplate head and a short name ("About Helix")."""
    if not heads:
        return None
    for m in _heading_lines(heads).finditer(text):
        return m.start()
    return None


@lru_cache(maxsize=4)
def _heading_lines(heads: frozenset[str]) -> re.Pattern:
    """A line holding only a section head and up to eight capitalised words ("About Aurelia Aerospace")."""
    alts = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?i:{alts})[ \t]+(?:[A-Z0-9][\w.&'’-]*[ \t]*){{1,8}}:?[ \t]*$", re.M)


@lru_cache(maxsize=1 << 16)  # a pure function of its string, asked again and again
def is_country(name: str) -> bool:
    """Whether a name is a country's as written ("Cook Islands", "UAE")."""
    words = name.split()
    return bool(words) and country_table().match(words, 0)[0] == len(words)


@lru_cache(maxsize=1)
def country_table() -> lexicon.PhraseTable:
    """Country names as written (case kept) mapped to their country: the ISO 3166 names pycountry
    keeps (those without a comma: "Korea, Republic of" is never written so), and the demonyms and
    common forms of `lexicons/countries.yml`."""
    import pycountry

    data = lexicon.load("countries")
    skip = {str(n) for n in data.get("_not_countries", [])}
    table: dict[tuple[str, ...], object] = {}
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name)}:
            if "," not in name and "(" not in name and name not in skip:
                table[tuple(name.split())] = c.name
    for country, names in data.items():
        if country.startswith("_"):
            continue
        try:
            key = pycountry.countries.lookup(country).name
        except LookupError:
            key = str(country)
        for name in names or []:
            table[tuple(str(name).split())] = key
    return lexicon.PhraseTable(table)


def cross_border(w: Words, names: frozenset[int] = frozenset(),
                 anchors: frozenset[int] | None = None) -> dict[str, str]:
    """Country → the first word naming it, when the release tells of a cooperation across borders:
    it names two or more countries, or one as the place of an organisation ("X University,
    Kenya", "X of Germany", "X in Sanqiao, China"); else {}. Words inside names of organisations
    and people (`names`, their word indices) do not count, so "Korea" in "Korea Institute of X"
    names no country; `anchors` (by default `names`; titles too) are what a place may follow."""
    anchors = names if anchors is None else anchors
    table = country_table()
    found: dict[str, str] = {}
    placed = False
    end = 0  # the end of the last country found ("United States" is one)
    for k in [k for k, word in enumerate(w.text) if word in table.first or "-" in word]:
        if k in names or k < end:
            continue
        n, country = table.match(w.text, k)
        if not n and "-" in w.text[k]:
            n, country = 1, table.entries.get((w.text[k].split("-")[0],))  # "Germany-based"
        if n and country:
            found.setdefault(str(country), " ".join(w.text[k:k + n]))
            placed = placed or _placed(w, k, anchors)
            end = k + n
    return found if len(found) >= 2 or placed else {}


_PLACE_LINKS = frozenset({",", "of", "in", "from", "(", ")", "based"})


def _placed(w: Words, k: int, anchors: frozenset[int]) -> bool:
    """Whether the country at word k is an organisation's place: "X University, Kenya", "X of
    Germany", "X (ABC) in Sanqiao, China" (linking words, an acronym in brackets and one city
    after "in" lead back to a name)."""
    j = k - 1
    city = j >= 2 and w.text[j] == "," and w.text[j - 1][:1].isupper() and w.lower[j - 2] == "in" \
        and j - 1 not in anchors
    j -= 3 if city else 0
    steps = 0
    while j >= 0 and steps < 5 and j not in anchors:
        if not (w.lower[j] in _PLACE_LINKS or w.text[j].isupper() and j and w.text[j - 1] == "("):
            return False
        j, steps = j - 1, steps + 1
    return j >= 0 and j in anchors and (steps > 0 or city)
