"""People in a sentence: names after honorifics and titles, titles before and after names, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import lexicon
from .nlp import Words
from .orgs import OrgSpan, is_acronym, is_cap

_NAME_WORD = re.compile(r"^(?:[A-Z][a-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*|[A-Z]{2,12}|[A-Z]\.?)$")
_LIST_SEP = {",", "and", "&", ";", "as", "well", "respectively", "also", "both", "the", "other"}
_TITLE_TAIL = {"of", "for", "at"}


@dataclass
class Person:
    """A person named in a sentence, with the title and organisation the text gives them."""

    i: int
    j: int
    name: str
    cue: str
    title: str | None = None
    title_kind: str | None = None
    org: OrgSpan | None = None
    roles: list[str] = field(default_factory=list)


@dataclass
class Item:
    """One thing the sentence scanner met: a person, organisation, title, trigger or separator."""

    kind: str
    i: int
    j: int
    value: object = None


def _name_words(w: Words, k: int, e: int, stop: frozenset[str], loose: bool) -> int:
    """End of the run of name-like words at k (at most four)."""
    n = k
    while n < e and n - k < 4:
        word = w.text[n]
        if not _NAME_WORD.match(word) or word.upper() == word and len(word) > 1 and not loose \
                and n == k and not (n + 1 < e and _NAME_WORD.match(w.text[n + 1])):
            break
        if w.lower[n] in stop and not (loose and n == k and w.lower[n] not in _HARD_STOP):
            break
        n += 1
    return n


_HARD_STOP = {"the", "a", "an", "and", "of", "in", "on", "at", "to", "for", "he", "she", "they"}


def _title(w: Words, k: int, e: int, orgs_at: dict[int, OrgSpan], text: str):
    """(end, title text, kind, org) of a title phrase at k, or None."""
    table, _ = lexicon.titles()
    n, kind = table.match(w.lower, k, e)
    if not n:
        return None
    end = k + n
    title_end = end
    org = None
    if end < e and w.lower[end] in _TITLE_TAIL:
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
            else:
                title_end = t
            end = t
    title = text[w.start[k]:w.end[title_end - 1]]
    return end, title, kind, org


def _tail(w: Words, q: int, e: int, orgs_at: dict[int, OrgSpan]):
    """End of a title's tail ("for Innovation, Technology and Industry", "of the X Office of Y")."""
    t = q
    org = None
    before_org = q
    while t < e:
        if t in orgs_at:
            org, before_org = orgs_at[t], t
            t = orgs_at[t].j
            continue
        word, low = w.text[t], w.lower[t]
        if is_cap(word) and low not in lexicon.people()[0].first:
            t += 1
            continue
        if low in ("and", "&", "of", "for") and t + 1 < e and (is_cap(w.text[t + 1]) or t + 1 in orgs_at):
            t += 1
            continue
        if low == "," and t + 1 < e and _comma_list(w, t + 1, e):
            t += 1
            continue
        break
    if org is not None and org.j != t:
        org = None if org.parent else org
    return t, org, before_org - (1 if before_org > q and w.lower[before_org - 1] in ("the",) else 0) - (
        1 if before_org > q else 0)


def _comma_list(w: Words, k: int, e: int) -> bool:
    """Whether a comma at k-1 continues a list of capitalised words that ends with 'and X'."""
    start = k
    while k < e and is_cap(w.text[k]) and w.lower[k] not in lexicon.people()[0].first:
        k += 1
    return start < k < e and w.lower[k] in ("and", "&", ",")


def scan(w: Words, s: int, e: int, text: str, orgs: list[OrgSpan]) -> list[Item]:
    """The persons, organisations, titles, role triggers and separators of words s..e, in order."""
    honor, not_name = lexicon.people()
    titles, _ = lexicon.titles()
    triggers, _ = lexicon.roles()
    orgs_at = {o.i: o for o in orgs}
    items: list[Item] = []
    k = s
    while k < e:
        if k in orgs_at:
            o = orgs_at[k]
            items.append(Item("org", o.i, o.j, o))
            k = o.j
            continue
        word, low = w.text[k], w.lower[k]
        n, _ = honor.match(w.lower, k, e)
        if n and is_cap(word):
            m = _name_words(w, k + n, e, not_name, loose=True)
            if m > k + n:
                items.append(Item("person", k, m, Person(k + n, m, _join(w, k + n, m), "honorific")))
                k = m
                continue
        if is_cap(word) or (low in titles.first and k > s and w.lower[k - 1] in ("the", ",", "as")):
            parsed = _title(w, k, e, orgs_at, text)
            if parsed:
                end, title, kind, org = parsed
                person = _after_title(w, end, e, not_name, honor)
                prev = items[-1] if items else None
                if org is None and prev is not None and prev.kind == "org" and prev.j in (k, k - 1):
                    org = prev.value
                if person is not None:
                    a, b = person
                    items.append(Item("person", k, b, Person(a, b, _join(w, a, b), "title", title, kind, org)))
                    k = b
                else:
                    items.append(Item("title", k, end, (title, kind, org)))
                    k = end
                continue
        if word[:1].islower():
            n, trig = triggers.match(w.lower, k, e)
            if n:
                items.append(Item("trigger", k, k + n, trig))
                k += n
                continue
        if is_cap(word) and low not in not_name and not is_acronym(word):
            m = _name_words(w, k, e, not_name, loose=False)
            if m - k >= 2:
                items.append(Item("person", k, m, Person(k, m, _join(w, k, m), "bare")))
                k = m
                continue
        if low in _LIST_SEP or word in ("(", ")", ";", ":"):
            items.append(Item("sep", k, k + 1, low))
        k += 1
    _appositions(items, w)
    return items


def _after_title(w, k, e, not_name, honor):
    """Span of the name that follows a title ("Chairman Yansheng Wu", "Director, Ms Luo Hui")."""
    if k < e and w.text[k] == ",":
        k += 1
    n, _ = honor.match(w.lower, k, e) if k < e else (0, None)
    m = _name_words(w, k + n, e, not_name, loose=bool(n))
    if m - (k + n) >= (1 if n else 2) or (m - (k + n) == 1 and w.text[k - 1] != ","):
        if m > k + n:
            return k + n, m
    return None


def _join(w: Words, a: int, b: int) -> str:
    return " ".join(t.title() if t.isupper() and len(t) > 1 else t for t in w.text[a:b])


def _appositions(items: list[Item], w: Words) -> None:
    """Give a person the title that follows it after a comma, or the organisation after of/from."""
    for x, item in enumerate(items):
        if item.kind != "person":
            continue
        p: Person = item.value
        nxt = items[x + 1] if x + 1 < len(items) else None
        if nxt and nxt.kind == "sep" and nxt.value == "," and x + 2 < len(items):
            nxt = items[x + 2]
        if nxt and nxt.kind == "title" and nxt.i == item.j + 1 and w.text[item.j] == ",":
            p.title, p.title_kind, org = nxt.value
            p.org = p.org or org
            nxt.kind = "used-title"
            if p.cue == "bare":
                p.cue = "apposition"
        elif nxt and nxt.kind == "org" and p.org is None and item.j < len(w) and \
                w.lower[item.j] in ("of", "from", "at", "(") and nxt.i == item.j + 1:
            p.org = nxt.value


def assign_roles(items: list[Item], object_role: str) -> None:
    """Give each person the role of the trigger that governs it in the sentence."""
    for x, item in enumerate(items):
        if item.kind != "person":
            continue
        role = _role_back(items, x, object_role) or _role_forward(items, x)
        if role:
            item.value.roles.append(role)


def _role_back(items: list[Item], x: int, object_role: str) -> str | None:
    for y in range(x - 1, -1, -1):
        it = items[y]
        if it.kind == "trigger":
            role, direction, _ = it.value
            if direction == "after":
                return role
            if role == "host":
                return object_role
            return None
        if it.kind == "sep" and it.value in (";", ":") and it.i != it.j:
            return None
    return None


def _role_forward(items: list[Item], x: int) -> str | None:
    for y in range(x + 1, len(items)):
        it = items[y]
        if it.kind == "trigger" and it.value[1] == "before":
            return it.value[0]
        if it.kind == "sep" and it.value == ";":
            return None
    return None
