"""The parties a release's signing gets: the organisations its signing sentences name where parties
stand (`parties`), the capitalised names in those places that the organisation finder did not read
("signed between X and Y"), the offices that sign unnamed, and the parties a headline, a list after a
colon or the signatories' bodies give."""

from __future__ import annotations

import re

from .. import lexicon
from . import agreements as ag
from .facts import DocFacts, Item, LocalEvent, LocalOrg, OrgSpan, org_key
from .legal_forms import is_legal_form
from .nlp import Words, based_word, is_cap, words_of
from .orgs import find_orgs, kind_of
from .parties import (
    REPORTS,
    SUBJECT_GAP,
    after_dateline,
    apposition_start,
    fronted_end,
    opens_partners,
    org_list,
    parties,
)
from .release_orgs import holder_of, merge_into, top_org
from .theme_scope import is_country

_SLOT_JOIN = {"of", "for", "de", "del", "du", "des", "der", "la", "&"}


def slot_names(w: Words, s: int, e: int, taken: set[int]) -> list[tuple[int, int]]:
    """Word spans of capitalised names standing where a signing sentence puts its parties, that
    no other rule has read: the subject of the signing verb ("Airbus and MTU Aero Engines have
    signed"), its partner after "with", and the list after "between"/"among"."""
    sign = ag.main_sign(w, s, e, ag.SIGN_VERBS)
    if sign is None:
        return []
    s = min(sign, after_dateline(w, s, e))  # "HEIDELBERG, Germany, Nov. 20, 2020 /PRNewswire/ --" names no party
    spans: list[tuple[int, int]] = []
    k = sign - 1
    while k >= s and w.lower[k] in SUBJECT_GAP - {"and", ",", "&", "the", "on"}:
        k -= 1
    if k >= s and w.text[k] == "," and (comma := apposition_start(w, s, k)) is not None:
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
    fronted = fronted_end(w, s, sign)
    for q in range(fronted, e):
        if opens_partners(w, s, q, sign, fronted):
            a = q + 1 + (1 if q + 1 < e and w.lower[q + 1] == "the" else 0)
            b = a
            while b < e and (_slot_word(w, b) or w.lower[b] in ("and", ",", "the") or (
                    w.lower[b] in _SLOT_JOIN and b + 1 < e and _slot_word(w, b + 1))):
                b += 1
            run = _split_run(w, a, b)
            if b < e and w.text[b].isalpha() and w.text[b].islower() and w.lower[b] not in SUBJECT_GAP \
                    and all(is_country(" ".join(w.text[x:y])) for x, y in run):
                continue  # "between Saudi and Kazakh entities": nationalities of what follows, no parties
            # "with Zhejiang University, Hangzhou": without an "and", what follows a comma is a place
            spans += run if "and" in w.lower[a:b] else run[:1]
    # The last test drops "Greenbelt, Md.": a town and its state's abbreviation.
    return [(a, b) for a, b in spans if not any(q in taken for q in range(a, b))
            and not (b + 1 < e and w.text[b] == "," and w.text[b + 1].endswith(".") and len(w.text[b + 1]) <= 5)
            and not _place_of(w, a, b, e, taken)]


def _place_of(w: Words, a: int, b: int, e: int, taken: set[int]) -> bool:
    """Whether a slot name is a place beside a body: after it between commas ("Narmada Institute
    (NITS), Jabalpur, entered") or before it as a modifier ("with Queensland horticulture company X")."""
    if b - a == 1 and a >= 2 and w.text[a - 1] == "," and (w.text[a - 2] == ")" or a - 2 in taken) \
            and b < e and w.text[b] == ",":
        return True
    if b - a == 1 and a >= 3 and w.text[a - 1] == ")" and w.text[a - 3] == "(" and a - 4 in taken:
        return True  # "Khyber Pass Polytechnic University (KPPU) Peshawar": the city it is in
    q = b
    while q < min(e, b + 6) and w.text[q].isalpha() and w.text[q].islower():
        q += 1
    return q > b and q in taken and w.lower[q - 1] in lexicon.word_set("organizations", "company_descriptors")


def _slot_word(w: Words, k: int) -> bool:
    word, low = w.text[k], w.lower[k]
    return (is_cap(word) or _CAMEL.match(word) is not None) and any(c.isalpha() for c in word) \
        and low.rstrip(".") not in ag.TAIL_STOP \
        and (low == "the" or low not in lexicon.bare_stop_words() or k + 1 >= len(w) or not is_cap(w.text[k + 1])
             or low not in _PREPOSITIONS)


_CAMEL = re.compile(r"[a-z]{1,8}[A-Z]\w")  # "ventureLAB", "eBay": a name written from a small letter
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


def add_parties(facts: DocFacts, signing: LocalEvent, w: Words, s: int, e: int, items: list[Item],
                 span: tuple[int, int], fallback: tuple[int, int] | None = None) -> None:
    """Add the parties a signing sentence names; the first one falls back to all its organisations.
    A sentence in capitals ("NASA AND GERMAN AEROSPACE CENTER SIGN ...") names none: its words
    give no names' bounds."""
    if facts.doc.text[w.start[s]:w.end[e - 1]].isupper():
        return
    titles = lexicon.titles()[0]
    orgs = [it.value for it in items if it.kind == "org"
            and not (is_country(it.value.name) and titles.match(w.lower, it.j, e)[0])]  # "UAE Minister of X"
    office = _office_subject(items, w, s, e)
    if office is not None:
        orgs.append(office.value[2])
        n = titles.match(w.lower, office.i, e)[0]  # the title's own words, not its "of X and Y"
        signing.offices.append(" ".join(office.value[0].lower().split()[:n]))  # singular: "President"
    elif (group := _group_office(items, w, s, e)) is not None:
        signing.offices.append(group)
    taken = {k for it in items if it.kind in ("org", "person", "title", "used-title") for k in range(it.i, it.j)}
    person_words = {p.name.lower().split()[-1] for p in facts.people.values() if " " in p.name}  # "Bolden signed"
    for a, b in slot_names(w, s, e, taken):
        if b - a >= 2 and based_word(w.lower[a]):
            a += 1  # "Johannesburg-based Bophelo Robotics": where the body is, no part of its name
        name = facts.doc.text[w.start[a]:w.end[b - 1]]
        if not (_plausible_party(name) or _country_subject(w, a, b, s, e, name)) or name.lower() in person_words \
                or b < e and w.lower[b] in REPORTS or a > s and w.lower[a - 1] in REPORTS or _of_country(w, s, a, name):
            continue  # "..., Info-Prim reports": the source that tells it, no party
        owner = holder_of(facts, name)
        if owner is not None:
            name = facts.orgs[owner].name  # "Fraunhofer" for Fraunhofer-Gesellschaft, named before
        else:
            key = org_key(name)
            facts.orgs.setdefault(key, LocalOrg(key, name, None, kind_of(name)))
            _take_short_form(facts, name, key)
        orgs.append(OrgSpan(a, b, name, None, kind_of(name)))
    orgs.sort(key=lambda o: o.i)
    people = frozenset(k for it in items if it.kind in ("person", "title", "used-title") for k in range(it.i, it.j))
    found = parties(w, s, e, orgs, people)
    if not found and fallback is not None and len(orgs) <= 3:
        found = [o for o in orgs if not (fallback[0] <= o.i < fallback[1]) and not is_country(o.name)
                 and not _venue(w, s, o)]
    for o in found:
        _add_party(facts, signing, _key_of(facts, o), span)


def _key_of(facts: DocFacts, o: OrgSpan) -> str | None:
    """The release's organisation a name in a party slot is: its owner when it is a unit, else itself."""
    return top_org(facts, o)


def _add_party(facts: DocFacts, signing: LocalEvent, key: str | None, span: tuple[int, int]) -> None:
    """Add organisation `key` as a party of the signing once; a news agency that tells the story
    ("KAZINFORM - ...", "MENAFN") signs nothing."""
    agencies = lexicon.word_set("organizations", "news_agencies")
    if key and key in facts.orgs and facts.orgs[key].name.lower() not in agencies \
            and not any(r[1] == key and r[3] == "party" for r in signing.roles):
        signing.roles.append((None, key, None, "party", *span))


def _take_short_form(facts: DocFacts, name: str, key: str) -> None:
    """A one-word organisation the release named before ("MTU's SVP") that opens a party's name read
    from a signing sentence ("MTU Aero Engines") is that party written short."""
    first = name.split()[0]
    short = org_key(first)
    lo = facts.orgs.get(short)
    rest = name[len(first) + 1:]
    if len(name.split()) < 2 or short == key or lo is None or lo.parent is not None or lo.name != first \
            or is_country(first) or is_country(rest) or any(o.parent == short for o in facts.orgs.values()):
        return  # not "Tarnex" of "Tarnex Kenya", a national branch
    merge_into(facts, short, key)
    for p in facts.people.values():
        if p.org == short:
            p.org = key
    for ev in facts.events:
        ev.roles = [(r[0], key if r[1] == short else r[1], *r[2:]) for r in ev.roles]


def _venue(w: Words, s: int, o: OrgSpan) -> bool:
    """Whether an organisation is named as where the event was ("at CMU's Palisadoes Park campus",
    "in the Tarn Hall"), not as a party."""
    q = o.i - 1
    while q >= s and (w.lower[q] == "the" or w.text[q] in ("'s", "’s") or is_cap(w.text[q]) and q >= o.i - 3):
        q -= 1
    if q >= s and w.lower[q] == "on" and o.j < len(w) and w.lower[o.j] in _GROUNDS:
        return True  # "signed on the UBF campus": where, not who
    if q - 1 >= s and w.lower[q] == "of" and w.lower[q - 1] in ("sidelines", "margins", "margin"):
        return True  # "on the sidelines of the Saudi-Kazakh Forum": the event around it, no party
    if q - 1 >= s and w.lower[q] == "of" and w.lower[q - 1] in _SEATS and "at" in w.lower[max(s, q - 4):q - 1]:
        return True  # "at the head office of the Ministry of X": where, not who
    return q >= s and w.lower[q] in ("at", "in")


_GROUNDS = {"campus", "premises", "grounds", "headquarters", "site", "sidelines"}
_SEATS = {"office", "offices", "headquarters", "premises", "campus", "seat", "building", "hall", "auditorium"}


def _plausible_party(name: str) -> bool:
    """A capitalised name that may be an organisation: not a lone common word, nor an agreement's name,
    nor an academic rank or degree ("Doctor of Biological Sciences, Professor signed")."""
    words = name.split()
    if words and (words[0].lower() in lexicon.ranks() or words[0].lower() in ("candidate", "master", "bachelor")):
        return False
    bare = lexicon.bare_stop_words()
    return not all(x.lower() in bare for x in words) and not (len(words) == 1 and len(name) < 3) \
        and ag.HEAD_WORDS.isdisjoint(x.lower() for x in words) and (not name.endswith(".") or is_legal_form(words[-1]))


def _subject_start(w: Words, s: int, e: int) -> int:
    """The first word of a sentence's subject: after a wire dateline and a leading "the"."""
    s0 = after_dateline(w, s, e)
    return s0 + (s0 < e and w.lower[s0] == "the")


def _office_subject(items: list[Item], w: Words, s: int, e: int) -> Item | None:
    """The title that opens a signing sentence and holds no name ("The Presidents of X and Y signed"):
    its organisation signs, by whoever holds the title."""
    s0 = _subject_start(w, s, e)
    it = next((it for it in items if it.i >= s0 and it.kind != "sep"), None)
    if it is None or it.i != s0 or it.kind != "title" or not isinstance(it.value[2], OrgSpan):
        return None
    return it if not any(x.kind == "person" and x.i < it.j + 2 for x in items) else None


def _group_office(items: list[Item], w: Words, s: int, e: int) -> str | None:
    """The title a group that opens a signing sentence holds ("The two presidents then signed"), lower
    case and singular: whoever holds it at a party signs."""
    s0 = _subject_start(w, s, e)
    rest = [it for it in items if it.i >= s0 and not (it.kind == "sep" and it.value == "the")]
    if len(rest) < 2 or rest[1].kind != "trigger" or rest[1].value[0] != "signatory":
        return None
    first = rest[0]
    if first.kind == "title" and first.value[2] is None and first.plural and first.i <= s0 + 1:
        return first.value[0].lower()  # "The three presidents then jointly signed"
    if first.kind != "sep" or first.value != "group" or first.i != s0:
        return None
    single = lexicon.singular_title(w.text[first.j - 1])  # "The two presidents signed"
    return single.lower() if single else None


def _of_country(w: Words, s: int, a: int, name: str) -> bool:
    """Whether a country at a follows "of (the)": whose body it is ("the Ministry of X (MoX) of the United
    Arab Emirates"), no party of its own."""
    q = a - 1 - (a - 1 > s and w.lower[a - 1] == "the")
    return q >= s and w.lower[q] == "of" and is_country(name)


def _country_subject(w: Words, a: int, b: int, s: int, e: int, name: str) -> bool:
    """Whether the country named by words a..b signs: as the subject ("Germany and Russia signed"), or
    in the list after "between" ("an agreement between the US and the UK"); not as an owner
    ("Hungary's University of Debrecen") or a place (", Germany, signed")."""
    if not is_country(name) or b < e and w.text[b] in ("'s", "’s"):
        return False
    for q in range(a - 1, max(s, a - 8) - 1, -1):
        if w.lower[q] in ("between", "among"):
            return True  # "between the US and the UK"
        if not (w.lower[q] in ("the", "and", "&", ",") or is_cap(w.text[q])):
            break
    q = a - 1 - (a - 1 > s and w.lower[a - 1] == "the")  # "Norway and the U.S. signed"
    opened = a - 1 > s and w.text[a - 1] == "," and w.lower[s] in _PREPOSITIONS and "," not in w.text[s:a - 1]
    return b < e and w.text[b] != "," and (a == after_dateline(w, s, e) or opened or w.lower[q] in ("and", "&")) \
        and any(ag.signs(w, q, q + 1) or ag.is_signing(w, q, e) for q in range(b, min(e, b + 4)))


def listed_parties(facts: DocFacts, signing: LocalEvent, w: Words, s: int, e: int, items: list[Item],
                   span: tuple[int, int]) -> None:
    """The organisations a sentence opens with, after a signing sentence that ends in a colon, are its
    parties (": NEC Laboratories Europe and the Cyber Valley institutions A, B and C.")."""
    starts = {it.i: it.value for it in items if it.kind == "org"}
    k = _subject_start(w, s, e)
    found = org_list(w, k, e, starts)
    if not found:
        return
    signing.roles = [r for r in signing.roles if r[3] != "party"]
    for o in found:
        _add_party(facts, signing, _key_of(facts, o), span)


def headline_parties(facts: DocFacts, signing: LocalEvent) -> None:
    """Parties from the headline ("X and Y sign ..."), when the body's signing sentences name none."""
    title = facts.doc.title or ""
    tw = words_of(title)
    if not (ag.is_signing(tw, 0, len(tw)) or ag.signs(tw, 0, len(tw))):
        return
    for o in parties(tw, 0, len(tw), find_orgs(tw, 0, len(tw), title)):
        _add_party(facts, signing, facts.org(o.name), signing.sentence)


def office_holders(facts: DocFacts, ev: LocalEvent, party_keys: list[str]) -> None:
    """The people holding a title that signed unnamed, at one of the parties, are its signatories."""
    offices = [o.replace("-", " ") + " " for o in ev.offices]
    for key, p in facts.people.items():
        title = p.title.lower().replace("-", " ") + " " if p.title else ""
        if p.org in party_keys and title and any(title.startswith(o) for o in offices) \
                and not any(r[0] == key and r[3] == "signatory" for r in ev.roles):
            ev.roles.append((key, p.org, p.title, "signatory", *ev.sentence))
