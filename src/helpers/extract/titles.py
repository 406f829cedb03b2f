"""Titles of office in a sentence: the title phrase, its tail, and the organisation it names."""

from __future__ import annotations

import re

from .. import lexicon
from .acronyms import is_acronym
from .facts import OrgSpan
from .legal_forms import form_after_run, legal_suffix, run_ends_in_legal_form
from .names import NAME_WORD, name_run_at
from .nlp import Words, is_cap
from .org_bounds import portfolio_end
from .orgs import kind_of
from .places import is_place_word
from .theme_scope import is_country

_TITLE_TAIL = {"of", "for", "at"}


def posted(title: str | None) -> bool:
    """Whether a title is a diplomat's post ("High Commissioner to India", "Ambassador"): its holder is
    of their own country, never of another person's organisation or a party's."""
    low = (title or "").lower()
    words, posts = low.split(), lexicon.word_set("titles", "diplomatic_posts")
    return "high commissioner" in low or bool(words) and (
        words[-1] in posts or any(x in posts and y in ("to", "in") for x, y in zip(words, words[1:]))
        or words[0] in posts and " to " in low)  # "Ambassador of Georgia to Austria"


_BOARDS = {"Board", "Council", "Senate", "Presidium", "Board of Trustees"}


def title_at(w: Words, k: int, e: int, orgs_at: dict[int, OrgSpan], text: str):
    """(end, title text, kind, org) of a title phrase at k, or None."""
    table, _ = lexicon.titles()
    n, kind = table.match(w.lower, k, e)
    if not n:
        return None
    end = k + n
    if end < e and w.text[end] == "(":
        close = next((q for q in range(end + 1, min(e, end + 10)) if w.text[q] == ")"), None)
        if close is not None and close > end + 1 and all(
                is_cap(w.text[q]) or w.lower[q] in (",", "and", "&", "of") for q in range(end + 1, close)):
            end = close + 1  # "Deputy Vice-Chancellor (Research, Innovation and Extension)"
            n = end - k
    if end + 2 < e and w.text[end] in ("–", "—", ":") and (q := _dashed_portfolio(w, end + 1, e)) > end + 1:
        end = q  # "Deputy Vice Chancellor – Academic, Research and Consultancy, Prof. A"
        n = end - k
    if end + 2 < e and w.text[end] == "," and (q := portfolio_end(w, end + 1, e)) and q < e and w.text[q] == ",":
        end = q  # "Vice-President, Academic Affairs, Dr. A": the portfolio after a comma is the title's
        n = end - k
    end = _portfolio_and(w, k, end, e)
    if w.lower[end:end + 3] == ["in", "charge", "of"]:
        q = end + 3  # "Vice-Rector in charge of Research and Cooperation", "Technical Adviser in charge of research"
        while q < e and q - end < 9 and w.text[q].isalpha() and w.lower[q] not in ("of", "at") \
                and (is_cap(w.text[q]) or w.text[q].islower()) and q not in orgs_at:
            q += 1
        end = q if q > end + 3 and w.lower[q - 1] not in ("and", "the") else end
    if (q := _unit_before_holder(w, end, e, orgs_at)) > end:
        end = q  # "Director, Innovation and Technology Transfer, Dr. A", "Manager Industrial Liaison Engr. A"
    n = end - k
    if end + 1 < e and w.lower[end] in ("and", "&") and table.match(w.lower, end + 1, e)[0]:
        sub = title_at(w, end + 1, e, orgs_at, text)  # "Vice President and Executive Secretary of CAST"
        if sub:
            return sub[0], text[w.start[k]:w.start[end + 1]] + sub[1], kind, sub[3], sub[4]
    if end + 1 < e and (w.lower[end - 1] in lexicon.word_set("titles", "diplomatic_posts")
                        or w.lower[end - 2:end] == ["high", "commissioner"]) \
            and w.lower[end] in ("to", "in"):
        q = end + 1 + (w.lower[end + 1] == "the")
        t = q
        while t < e and t - q < 4 and is_cap(w.text[t]) and not lexicon.people()[0].match(w.lower, t, e)[0]:
            t += 1  # not "Ambassador of X to Pakistan Mr. A": the honorific opens the holder's name
        if t > q:
            end = t  # "Ambassador to the UAE", "High Commissioner to India": where the post is
            n = end - k
    title_end = end
    org = None
    inside = next((o for o in orgs_at.values() if k < o.i < end < o.j and o.parent is not None), None)
    if inside is not None:
        org, end = inside, inside.j  # "Secretary of the Party Committee of Chengdu University"
    elif end in orgs_at and not orgs_at[end].is_acronym or end in orgs_at and orgs_at[end].j - end == 1:
        org = orgs_at[end]  # "President ECOSF", "Director General CYSC"
        end = org.j
    elif end + 1 < e and w.text[end] == "," and (body := orgs_at.get(end + 1)) is not None and body.j < e \
            and lexicon.people()[0].match(w.lower, body.j, e)[0]:
        org, end = body, body.j  # "Secretary, Ministry of Environment Dr. A": the body, then its officer
    elif (named := _named_before(w, k, end, e, orgs_at)) is not None:
        org, end = named, end + 3  # "..., Vice President of the university"
    elif (described := _described_company(w, end, e, orgs_at, text)) is not None:
        org, end = described, described.j  # "CTO of the Danish drilling contractor Nordvarme Drilling A/S"
    elif end < e and w.lower[end] in _TITLE_TAIL:
        q = end + 1 + (1 if end + 1 < e and w.lower[end + 1] == "the" else 0)
        t, tail_org, tail_end = _tail(w, q, e, orgs_at)
        if t > q:
            if tail_org is not None and tail_org.parent is None:
                org = tail_org
                title_end = tail_end if tail_end > q else end
            elif tail_org is not None:
                org = tail_org
                cut = text.rfind(" of ", w.start[tail_org.i], w.end[tail_org.j - 1])
                title_end = w.index_at(cut) if cut >= 0 else t
            elif (named := _tail_name_org(w, end, q, t, e, text, kind)) is not None:
                org = named  # "Chief Executive Officer at Tabuk Pharmaceuticals", "Vice President of Intel"
                orgs_at[named.i] = named
            else:
                title_end = t
            end = t
    if w.lower[k] in lexicon.word_set("titles", "diplomatic_posts") and end + 1 < e and w.lower[end] in ("to", "in") \
            and is_cap(w.text[end + 1 + (end + 2 < e and w.lower[end + 1] == "the")]):
        q = end + 1 + (w.lower[end + 1] == "the")
        while q < e and q - end < 6 and is_cap(w.text[q]) and not lexicon.people()[0].match(w.lower, q, e)[0]:
            q += 1
        end = title_end = q  # "the Ambassador of Georgia to Austria, H.E. A": where the post is
    units = lexicon.org_heads()[1]
    if end + 1 < e and w.lower[end] == "at" and (org is None or org.parent is None and org.kind == "other"
                                                and not units.isdisjoint(org.name.lower().split())) \
            and (owner := orgs_at.get(end + 1 + (w.lower[end + 1] == "the"))) is not None:
        if org is not None:
            title_end = org.j  # the unit stays in the title
        org, end = owner, owner.j  # "Dean of the School of Engineering at UCCA, Dr. A": the unit's owner
    if org is None and end + 1 < e and w.lower[end] == "in" \
            and (body := orgs_at.get(end + 1 + (w.lower[end + 1] == "the"))) is not None \
            and not is_country(body.name) and body.parent is None:
        org, end = body, body.j  # "the Permanent Secretary in the Ministry of Energy, Mr. A"
    if org is None and end + 2 < e and w.lower[end] in ("at", "in") and w.lower[end + 1] == "the" \
            and is_cap(w.text[end + 2]) and lexicon.org_heads()[0].match(w.lower, end + 2, end + 3)[0] \
            and (end + 3 >= e or not is_cap(w.text[end + 3])):
        end = title_end = end + 3  # "Director of Research and Innovation at the Ministry": the release's one
    if org is not None and org.is_acronym and end == org.j and end < e and w.text[end] in _BOARDS:
        end = title_end = end + 1  # "Chairperson of the NGRI Board": the body's board, the body's person
    title = text[w.start[k]:w.end[title_end - 1]]
    if org is not None and end == org.j and end + 2 < e and w.text[end] in ("'s", "’s") \
            and (board := _board_after(w, end + 1, e)) > end + 1:
        head = text[w.start[k]:w.end[org.i - 1 - (w.lower[org.i - 1] == "the")]]
        title = f"{head} the {text[w.start[end + 1]:w.end[board - 1]]}"
        end = board  # "Chairperson of TRIC's Governing Board, Hon. A": the board's chair is TRIC's
    if org is None and end + 2 < e and w.text[end] in ("'s", "’s") and w.lower[end - 2] == "the" \
            and (unit := _unit_after(w, end + 1, e, orgs_at)) > end + 1:
        # "Director of the University's Centre for Water Systems, Dr. A": the unit stays in the title
        title = f"{text[w.start[k]:w.end[end - 2]]} {text[w.start[end + 1]:w.end[unit - 1]]}"
        end = unit
    if (org is None or not org.is_acronym and org.i == k + n + 1 + (w.lower[k + n + 1] == "the")
            and (not lexicon.org_heads()[0].match(w.lower, org.i, org.j)[0]
                 or w.lower[org.i] in lexicon.field_words())) \
            and (ministry := _ministry(w, k, n, end, text)):
        if not _written(ministry, w, text):
            org = None  # the portfolio is no body: "Minister of Digital Technologies of the Republic of X"
        elif org is not None and org in orgs_at.values():
            org.name, org.kind = ministry.name, "government"
        else:
            org = ministry
    if w.lower[k + n - 1].endswith(("s", "men")):
        single = lexicon.singular_title(text[w.start[k]:w.end[k + n - 1]])
        if single:
            return end, single + text[w.end[k + n - 1]:w.end[title_end - 1]], kind, org, True
    return end, title, kind, org, False


def _board_after(w: Words, q: int, e: int) -> int:
    """End of a board's or council's name written after a body's possessive ("Governing Board",
    "Board of Trustees"), else q."""
    r = q
    while r < e and r - q < 4 and is_cap(w.text[r]) and not lexicon.people()[0].match(w.lower, r, e)[0]:
        r += 1
    return r if r > q and w.text[r - 1] in _BOARD_HEADS else q


_BOARD_HEADS = _BOARDS | {"Committee", "Trustees", "Assembly"}


def _dashed_portfolio(w: Words, q: int, e: int) -> int:
    """End of a portfolio after a dash or a colon that runs up to the comma before an honorific
    ("– Academic, Research and Consultancy, Prof. A", ": Research, Innovation and Internationalisation,
    Prof. A"), else q."""
    honor = lexicon.people()[0]
    r = q
    while r < e and r - q < 10 and (is_cap(w.text[r]) or w.lower[r] in (",", "and", "&")):
        if w.text[r] == "," and r > q and honor.match(w.lower, r + 1, e)[0]:
            return r
        r += 1
    return q


def _unit_after(w: Words, q: int, e: int, orgs_at: dict[int, OrgSpan]) -> int:
    """End of a unit's name written after a generic owner's possessive ("the University's Centre for
    Water Systems", "the Academy's Glacier Monitoring Unit"), else q."""
    if q in orgs_at:
        unit = orgs_at[q]
        return unit.j if not lexicon.org_heads()[1].isdisjoint(unit.name.lower().split()) else q
    r = q
    while r < e and r - q < 6 and is_cap(w.text[r]) and not lexicon.people()[0].match(w.lower, r, e)[0]:
        r += 1
    return r if r > q + 1 and w.lower[r - 1] in lexicon.org_heads()[1] else q


# the first word of a body's own board after "of its" ("its Governing Board", "their Board of Directors")
_OWN_BOARDS = {"board", "council", "committee", "governing", "executive", "supervisory", "management"}


def own_board(w: Words, end: int, e: int, title: str, text: str) -> tuple[int, str]:
    """A title that runs on over its body's own board ("the Chairman of its Board of Directors, A"):
    the title "Chairman of the Board of Directors", the words to the name read as its."""
    if not (end + 2 < e and w.lower[end] == "of" and w.lower[end + 1] in ("its", "their")
            and w.lower[end + 2] in _OWN_BOARDS and is_cap(w.text[end + 2])):
        return end, title
    honor = lexicon.people()[0]
    q = end + 3
    while q < e and (is_cap(w.text[q]) and not honor.match(w.lower, q, e)[0] or w.lower[q] in ("of", "and", "&")
                     and q + 1 < e and is_cap(w.text[q + 1])):
        q += 1
    return q, f"{title} of the {text[w.start[end + 2]:w.end[q - 1]]}"


def _unit_before_holder(w: Words, k: int, e: int, orgs_at: dict[int, OrgSpan]) -> int:
    """End of the unit or portfolio a title names after it, up to the comma before its holder or the
    holder's honorific: "Director, Research Management Cell, Dr. A", "Head, Corporate Social
    Responsibility, Ms. A", "Manager Industrial Liaison Engr. A"; else k. A body's name is left to it."""
    comma = k < e and w.text[k] == ","
    q = a = k + comma
    honor = lexicon.people()[0]
    while q < e and q - a < 8 and (is_cap(w.text[q]) and not honor.match(w.lower, q, e)[0]
                                   or q > a and w.lower[q] in ("and", "&", "of", "the")):
        if q in orgs_at:
            return k  # "Director, Tarn Institute of Physics, A", "Director, BIOCS, Mr. A": the title's own rules
        q += 1
    if q == a or w.lower[q - 1] in ("and", "&", "of", "the") or q >= e:
        return k
    if comma and w.text[q] == ",":
        return q if q + 1 < e and honor.match(w.lower, q + 1, e)[0] else k
    stop, fields = lexicon.name_stop_words(), lexicon.field_words()  # "Industrial Liaison", not "Md. Aftab Ali"
    return q if not comma and q - a <= 3 and w.text[q].rstrip(".") in _SHORT_HONORIFICS \
        and any(w.lower[x] in stop or w.lower[x] in fields for x in range(a, q)) else k


_SHORT_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Engr", "Eng", "Er"}


def _portfolio_and(w: Words, k: int, end: int, e: int) -> int:
    """End of a title whose portfolio goes on after "and" ("Vice-Rector for Research and International
    Affairs"): more portfolio words, capitalised; else `end`."""
    portfolio = lexicon.word_set("titles", "portfolios") | {"affairs", "development", "cooperation"}
    if end + 1 >= e or w.lower[end] not in ("and", "&") or w.lower[end - 1] not in portfolio \
            or "for" not in w.lower[k:end] and "of" not in w.lower[k:end]:
        return end
    q = end + 1
    small = not is_cap(w.text[k])  # "vice-rector for research and innovation": a title written small
    while q < e and w.lower[q] in portfolio and (is_cap(w.text[q]) or small and w.text[q].islower()):
        q += 1
    if q > end + 1 and (q >= e or not is_cap(w.text[q]) or small):
        return q
    return (_portfolio_run(w, end + 1, e) if not small else None) or end


def _portfolio_run(w: Words, q: int, e: int) -> int | None:
    """End of one to three capitalised words after a portfolio's "and" that the title's holder follows
    ("Vice-Rector for Research and Lifelong Learning, Prof. A", "Head of Research and Innovation
    Funding at X, Dr. A"): no body's head word, honorific or title among them; else None."""
    heads, honor, titles = lexicon.org_heads()[0], lexicon.people()[0], lexicon.titles()[0]
    r = q
    while r < e and r - q < 3 and is_cap(w.text[r]) and w.text[r].isalpha() and not heads.match(w.lower, r, r + 1)[0] \
            and not honor.match(w.lower, r, e)[0] and not titles.match(w.lower, r, e)[0]:
        r += 1
    if r == q or r + 1 >= e:
        return None
    held = w.text[r] == "," and honor.match(w.lower, r + 1, e)[0] or w.lower[r] == "at" and is_cap(w.text[r + 1])
    return r if held else None


def _named_before(w: Words, k: int, end: int, e: int, orgs_at: dict[int, OrgSpan]) -> OrgSpan | None:
    """The organisation a title's "of the university" points back to: the nearest one before the
    title in the sentence whose name has that head word ("met X at Northlake University, where
    they met Y, Vice President of the university")."""
    if end + 2 >= e or w.lower[end] != "of" or w.lower[end + 1] != "the" or is_cap(w.text[end + 2]):
        return None
    head = w.lower[end + 2]
    if not lexicon.org_heads()[0].match(w.lower, end + 2, end + 3)[0]:
        return None
    before = [o for i, o in orgs_at.items() if o.j <= k and head in o.name.lower().split()]
    return max(before, key=lambda o: o.i) if before else None


def _described_company(w: Words, end: int, e: int, orgs_at: dict[int, OrgSpan], text: str) -> OrgSpan | None:
    """The company a title's "of the <words written small> <Name>" names: the body found there, or
    a capitalised run into a legal form ("of the Danish drilling contractor Nordvarme Drilling A/S")."""
    if end + 3 >= e or w.lower[end] not in ("of", "at") or w.lower[end + 1] != "the":
        return None
    r = end + 2
    while r < e and r - end - 2 < 5 and (w.text[r].isalpha() and w.text[r].islower() or r == end + 2
                                         and is_place_word(w.text[r])):
        r += 1
    if r == end + 2 or r >= e or not w.text[r - 1].islower():
        return None
    if r in orgs_at:
        return orgs_at[r]
    if not run_ends_in_legal_form(w, r, e):
        return None
    j = legal_suffix(w, form_after_run(w, r, e), e)
    return OrgSpan(r, j, text[w.start[r]:w.end[j - 1]], None, "company")


def _tail_name_org(w: Words, at: int, q: int, t: int, e: int, text: str, kind: str | None) -> OrgSpan | None:
    """The organisation a title's capitalised tail names without a head word: always after "at",
    after "of" for a company title and a proper name ("CTO of Airbus"; not "Mayor of Sanqiao", a
    place, nor "Director of Research and Development")."""
    while t > q and w.text[t - 1] in (",", "(", ")", "and", "&"):
        t -= 1
    if t <= q or not all(is_cap(w.text[x]) or w.lower[x] in ("&", "of", "and", "de") for x in range(q, t)):
        return None
    not_name = lexicon.people()[1]
    if w.lower[at] == "of" and not run_ends_in_legal_form(w, q, t) and not _named_body(w, q, t, text, kind, not_name):
        return None  # "of Research and Development", "of Pre-Competitive Research": part of the title
    if w.lower[at] not in ("at", "of") or w.lower[q] in lexicon.titles()[0].first:
        return None
    if t < e and w.text[t] not in (",", ".", ";", ")", "(", ":", "and", "–", "—"):
        return None  # the run goes on into a name ("SUPARCO Amer Nadeem")
    if lexicon.people()[0].match(w.lower, q, t)[0]:
        return None
    name = text[w.start[q]:w.end[t - 1]]
    return OrgSpan(q, t, name, None, kind_of(name))


_NOT_A_MINISTRY = {"prime", "chief", "first"}


def _ministry(w: Words, k: int, n: int, end: int, text: str) -> OrgSpan | None:
    """The ministry a minister's title names: "Minister for Energy of the Republic of Kazakhstan"
    and "Minister of Science, Technology and Innovation" hold the Ministry of that portfolio (not
    "Prime Minister of X", nor "Minister of State")."""
    at = k + n
    if at - 3 >= k and w.lower[at - 3:at] == ["minister", "of", "state"] and at < end and w.lower[at] == "for":
        at -= 2  # "Senior Minister of State for Science and Enterprise": a minister of that ministry
    if w.lower[at - 1] != "minister" or at + 1 >= end or w.lower[at] not in ("of", "for") \
            or any(w.lower[q] in _NOT_A_MINISTRY for q in range(k, at)) \
            or w.lower[at] == "for" and w.lower[k] in ("deputy", "vice") and w.lower[end - 1] == "affairs":
        return None  # "Deputy Minister for Research Affairs": a deputy's share of a ministry's work
    if w.lower[at:at + 3] == ["of", "state", "for"]:
        at += 2
    q = at + 1 + (w.lower[at + 1] == "the")
    t = end
    if w.lower[k] in ("deputy", "vice", "assistant") and w.lower[at] == "of" and w.lower[end - 1] == "affairs":
        t = next((x for x in range(q + 1, end) if w.lower[x] == "for"), end)  # "Vice Minister of X for Y Affairs"
    while t > q and w.text[t - 1] in (",", "(", ")", "and", "&"):
        t -= 1
    if t <= q or w.lower[q] == "state" or not is_cap(w.text[q]):
        return None
    name = f"Ministry {w.lower[at]} {text[w.start[at + 1]:w.end[t - 1]]}"
    return OrgSpan(q, t, name, None, "government")


def _written(ministry: OrgSpan, w: Words, text: str) -> bool:
    """Whether the release writes the ministry a minister's title holds ("Ministry of X", "Ministry for
    X"): one it never names is a guess (the "Minister for X" of a "Department of X")."""
    rest, low = text[w.start[ministry.i]:w.end[ministry.j - 1]].lower(), text.lower()
    if any(f"ministry {joint} {rest}" in low for joint in ("of", "for", "of the")):
        return True
    words = set(re.findall(r"\w+", rest)) - {"and", "the", "of"}  # "Vice Minister of Mines" of the "Ministry of
    return any(words <= set(re.findall(r"\w+", m.group(1).lower()))  # Energy and Mines"
               for m in _WRITTEN_MINISTRY.finditer(text))


_WRITTEN_MINISTRY = re.compile(r"\bMinistry (?:of|for) ((?:the )?[A-Z][\w'’-]*"
                               r"(?:(?:,? | and | & | of )[A-Z][\w'’-]*)*)")


def _named_body(w: Words, q: int, t: int, text: str, kind: str | None, not_name: frozenset[str]) -> bool:
    """Whether the capitalised words q..t after a title's "of" name a body, not a field or a place:
    a company title's proper name ("CTO of Airbus"), or any non-government title's name whose first
    word is no field word and is written again elsewhere in the release ("President of Accenture
    Argentina" where "Accenture" is named again; not "Director of Human Resources")."""
    if t - q > 3 or any("-" in w.text[x] for x in range(q, t)):
        return False
    if kind == "company":  # "CEO of Orbitalis Launch Services", not "CFO of Operations"
        return w.lower[q] not in not_name and w.lower[q] not in lexicon.field_words()
    first = w.lower[q]
    if kind == "government" or first in not_name or first in lexicon.field_words() \
            or first in lexicon.never_first_name() or not w.text[q][1:].islower():
        return False
    return len(re.findall(rf"\b{re.escape(w.text[q])}\b", text)) >= 2


def _name_then_apposition(w: Words, k: int, e: int) -> bool:
    """Whether words k.. are a personal name of two or three words with a dash or comma after it
    ("and Akramjon Sultanmuradovich Yuldashev – Rector of ...")."""
    stop = lexicon.bare_stop_words()
    return any(k + n < e and w.text[k + n] in ("–", "—", "-", ",") and all(
        NAME_WORD.match(w.text[q]) and not w.text[q].isupper() and w.lower[q] not in stop
        for q in range(k, k + n)) for n in (3, 2))


def _tail(w: Words, q: int, e: int, orgs_at: dict[int, OrgSpan]):
    """End of a title's tail ("for Innovation, Technology and Industry", "of the X Office of Y")."""
    t = q
    org = None
    before_org = q
    while t < e:
        if t in orgs_at:
            org, before_org = orgs_at[t], t
            t = orgs_at[t].j
            if t < e and is_cap(w.text[t]) and t not in orgs_at:
                break  # "President of the Academy of Athens Michael Stathopoulos"
            continue
        word, low = w.text[t], w.lower[t]
        if low in ("and", "&") and t + 1 < e and (n := lexicon.titles()[0].match(w.lower, t + 1, e)[0]) \
                and t + 1 + n < e and is_cap(w.text[t + 1 + n]) and t + 1 + n not in orgs_at:
            break  # "Members of the Council and Vice Presidents A, B" (not "and Secretary of CAST")
        if t > q and name_run_at(w, t, e) and not run_ends_in_legal_form(w, t, e):
            break  # "Minister of Education and Science of Ukraine Serhiy Shkarlet and ...": the name
        if is_cap(word) and low not in lexicon.people()[0].first:
            t += 1
            continue
        if low in ("and", "&") and t + 1 < e and (lexicon.people()[0].match(w.lower, t + 1, e)[0]
                                                 or _titled_name_at(w, t + 1, e)):
            break  # "Head of Future Programmes and Dr. Stefan Weber", "... of X and Xue Yue, Director": the next person
        if low in ("and", "&") and t + 1 not in orgs_at and _name_then_apposition(w, t + 1, e):
            break  # "... of the Republic of Kazakhstan and Akramjon Sultanmuradovich Yuldashev – Rector"
        if low in ("and", "&", "of", "for") and t + 1 < e and (is_cap(w.text[t + 1]) or t + 1 in orgs_at):
            t += 1
            continue
        if low in ("and", "&") and t + 2 < e and w.lower[t + 1] == "the" and is_cap(w.text[t + 2]) \
                and w.lower[t + 2] in lexicon.field_words() and not lexicon.titles()[0].match(w.lower, t + 2, e)[0]:
            t += 2  # "Minister of Science, Technology and the Digital Economy"
            continue
        if low in ("of", "for") and t + 2 < e and w.lower[t + 1] == "the" and (
                is_cap(w.text[t + 2]) or t + 2 in orgs_at):
            t += 2  # "Minister of Defense of the Republic of Indonesia"
            continue
        if low == "," and t + 1 < e and _comma_list(w, t + 1, e):
            t += 1
            continue
        break
    if org is not None and org.j != t:
        org = None if org.parent else org
    return t, org, before_org - (1 if before_org > q and w.lower[before_org - 1] in ("the",) else 0) - (
        1 if before_org > q else 0)


def _titled_name_at(w: Words, k: int, e: int) -> bool:
    """Whether a personal name of two or three words at k is followed by a comma and a title
    ("and Xue Yue, Deputy Director of QANET", "and DENG Tao, Director"): a next person, not more
    of an organisation's name."""
    stop = lexicon.bare_stop_words()
    titles = lexicon.titles()[0]
    for n in (2, 3):
        c = k + n
        if c + 1 >= e or w.text[c] != ",":
            continue
        if all(NAME_WORD.match(w.text[x]) and len(w.text[x]) > 1 and w.lower[x] not in stop
               for x in range(k, c)) and titles.match(w.lower, c + 1 + (w.lower[c + 1] == "the"), e)[0]:
            return True
    return False


def _comma_list(w: Words, k: int, e: int) -> bool:
    """Whether a comma at k-1 continues a list of capitalised words that ends with 'and X'."""
    start = k
    while k < e and is_cap(w.text[k]) and w.lower[k] not in lexicon.people()[0].first:
        k += 1
    # "for Culture, Sports and Tourism" lists fields; "of X, Shao Jinwen, vice president" names a person.
    fields = lexicon.never_first_name() | lexicon.field_words()
    return start < k < e and w.lower[k] in ("and", "&", ",") and any(
        w.lower[q] in fields for q in range(start, k))


def possessive_owner(w: Words, s: int, k: int, text: str) -> OrgSpan | None:
    """The proper name before "'s" and a title, taken for the organisation that holds the title."""
    if k - 2 < s or not is_cap(w.text[k - 2]) or not (w.text[k - 1] in ("'s", "’s") or (
            w.text[k - 1] in ("'", "’") and w.text[k - 2].endswith("s") and w.end[k - 2] == w.start[k - 1])):
        return None  # "Strathclyde's Principal", "Airbus' Head"
    a = k - 2
    while a - 1 >= s and is_cap(w.text[a - 1]) and w.lower[a - 1] not in lexicon.people()[1]:
        a -= 1
    if any(w.lower[x] in lexicon.people()[1] for x in range(a, k - 1)) and not is_acronym(w.text[a]):
        return None
    name = text[w.start[a]:w.end[k - 2]]
    return OrgSpan(a, k - 1, name, None, kind_of(name))
