"""People in a sentence: names after honorifics and titles, titles before and after names, roles."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from .affiliation import appositions
from .nlp import Words
from .orgs import OrgSpan, is_acronym, is_cap, kind_of

_SEGMENT = re.compile(r"['’-]")


def _letters(seg: str) -> bool:
    """Letters only, combining marks included ("Şahin", "Nguyễn" in decomposed form)."""
    return bool(seg) and all(ch.isalpha() or unicodedata.combining(ch) for ch in seg)


class _NameWord:
    """A word that can be part of a person's name, in any script with case: "Çetintaş", "O'Brien",
    "Jean-Pierre", "McDonald", an all-capitals family name ("ZHU") or an initial ("A.", "A")."""

    @staticmethod
    @lru_cache(maxsize=65536)
    def match(word: str) -> bool:
        if not word or not word[0].isupper() or not word[0].isalpha():
            return False
        if len(word) == 1 or (len(word) == 2 and word[1] == ".") or word in lexicon.abbreviated_names():
            return True
        head, *rest = _SEGMENT.split(word)
        if not _letters(head) or not all(_letters(r) for r in rest):
            return False
        body = [c for c in head[1:] if not unicodedata.combining(c)]
        if all(c.isupper() for c in body):
            return 2 <= len(head) <= 12 and not rest or len(body) == 0
        if len(body) < 1 or not body[0].islower():
            return False
        return sum(c.isupper() for c in body) <= 1  # "McDonald", not "iPhoneX"


_NAME_WORD = _NameWord()
_LIST_SEP = {",", "and", "&", ";", "as", "well", "respectively", "also", "both", "the", "other", "with"}
_QUOTE_END = {'"', "”", "’", "'"}
_PASSIVE = {"was", "were", "been", "be", "being", "is", "are"}
_TITLE_TAIL = {"of", "for", "at"}
_BEFORE_TITLE = {"the", ",", "as", "(", "two", "three", "four", "five", "several", "its", "their",
                 "said", "says", "added", "noted", "explained", "by"}
_OBJECT_OF = {"of", "from", "with", "between", "for", "to", "by", "among", "on", "behalf"}
_TITLE_JOIN = {"of", "for", "at", "and", "&", "the", "on", "in", "to"}


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
    plural: bool = False


def _name_words(w: Words, k: int, e: int, stop: frozenset[str], loose: bool) -> int:
    """End of the run of name-like words at k (at most four, particles like "bin" not counted)."""
    particles = lexicon.name_particles()
    pairs = lexicon.not_name_pairs()
    never = lexicon.never_name()
    lower = w.lower
    n = k
    limit = k + 4
    while n < e and n < limit:
        word = w.text[n]
        low = lower[n]
        if n > k and low in particles and n + 1 < e and _NAME_WORD.match(w.text[n + 1]):
            n += 1
            limit = k + 5
            continue
        if not _NAME_WORD.match(word) or word.upper() == word and len(word) > 1 and not loose \
                and n == k and not (n + 1 < e and _NAME_WORD.match(w.text[n + 1])):
            break
        if n + 1 < e and (low, lower[n + 1]) in pairs or low in never:
            break  # "Hong Kong"; "Chair of Science New Zealand"
        if low in stop and not (loose and n == k and (low not in _HARD_STOP or _surname_he(w, n, e))) \
                and not _upper_surname(w, k, n, e):
            break
        n += 1
    if n > k and lower[n - 1] in particles:
        n -= 1
    return n


def _object(w: Words, s: int, k: int) -> bool:
    """Whether the phrase at k is a preposition's object ("on behalf of the two sides")."""
    k -= 1
    while k >= s and w.lower[k] == "the":
        k -= 1
    return k >= s and w.lower[k] in _OBJECT_OF


def _surname_he(w: Words, n: int, e: int) -> bool:
    """"He" as a family name before a given name ("Chairman He Lifeng"), not the pronoun."""
    return w.text[n] == "He" and n + 1 < e and _NAME_WORD.match(w.text[n + 1]) is not None \
        and w.lower[n + 1] not in lexicon.bare_stop_words()


def _upper_surname(w: Words, k: int, n: int, e: int) -> bool:
    """An upper-case family name after a given name ("Gang HONG"), not a run of capitals."""
    word = w.text[n]
    return n > k and word.isupper() and len(word) > 1 and w.lower[n] not in _HARD_STOP \
        and not w.text[n - 1].isupper() and not (n + 1 < e and w.text[n + 1].isupper())


def _upper_family(w: Words, k: int, e: int, not_name: frozenset[str]) -> bool:
    """An upper-case family name before a given name ("ZHU Jiaojun"), not an acronym before a word."""
    return k + 1 < e and _NAME_WORD.match(w.text[k + 1]) is not None and not w.text[k + 1].isupper() \
        and w.lower[k + 1] not in not_name and (k + 2 >= e or not is_cap(w.text[k + 2])
                                                 or w.lower[k + 2] in not_name)


_HARD_STOP = {"the", "a", "an", "and", "of", "in", "on", "at", "to", "for", "he", "she", "they"}


def _title(w: Words, k: int, e: int, orgs_at: dict[int, OrgSpan], text: str):
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
    if end + 1 < e and w.lower[end] in ("and", "&") and table.match(w.lower, end + 1, e)[0]:
        sub = _title(w, end + 1, e, orgs_at, text)  # "Vice President and Executive Secretary of CAST"
        if sub:
            return sub[0], text[w.start[k]:w.start[end + 1]] + sub[1], kind, sub[3], sub[4]
    title_end = end
    org = None
    if end in orgs_at and not orgs_at[end].is_acronym or end in orgs_at and orgs_at[end].j - end == 1:
        org = orgs_at[end]  # "President ECOSF", "Director General CYSC"
        end = org.j
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
            elif (named := _tail_name_org(w, end, q, t, text, kind)) is not None:
                org = named  # "Chief Executive Officer at Tabuk Pharmaceuticals", "Vice President of Intel"
                orgs_at[named.i] = named
            else:
                title_end = t
            end = t
    title = text[w.start[k]:w.end[title_end - 1]]
    if w.lower[k + n - 1].endswith("s"):
        single = lexicon.singular_title(text[w.start[k]:w.end[k + n - 1]])
        if single:
            return end, single + text[w.end[k + n - 1]:w.end[title_end - 1]], kind, org, True
    return end, title, kind, org, False


def _tail_name_org(w: Words, at: int, q: int, t: int, text: str, kind: str | None) -> OrgSpan | None:
    """The organisation a title's capitalised tail names without a head word: always after "at",
    after "of" for a company title and a proper name ("CTO of Airbus"; not "Mayor of Sanqiao", a
    place, nor "Director of Research and Development")."""
    while t > q and w.text[t - 1] in (",", "(", ")", "and", "&"):
        t -= 1
    if t <= q or not all(is_cap(w.text[x]) or w.lower[x] in ("&", "of", "and", "de") for x in range(q, t)):
        return None
    not_name = lexicon.people()[1]
    if w.lower[at] == "of" and (kind != "company" or t - q > 3 or any(
            w.lower[x] in not_name or "-" in w.text[x] for x in range(q, t))):
        return None  # "of Research and Development", "of Pre-Competitive Research": part of the title
    if w.lower[at] not in ("at", "of") or w.lower[q] in lexicon.titles()[0].first:
        return None
    if t < len(w) and w.text[t] not in (",", ".", ";", ")", ":", "and"):
        return None  # the run goes on into a name ("SUPARCO Amer Nadeem")
    if lexicon.people()[0].match(w.lower, q, t)[0]:
        return None
    name = text[w.start[q]:w.end[t - 1]]
    return OrgSpan(q, t, name, None, kind_of(name))


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
        if is_cap(word) and low not in lexicon.people()[0].first:
            t += 1
            continue
        if low in ("and", "&") and t + 1 < e and lexicon.people()[0].match(w.lower, t + 1, e)[0]:
            break  # "Head of Future Programmes and Dr. Stefan Weber": the next person
        if low in ("and", "&", "of", "for") and t + 1 < e and (is_cap(w.text[t + 1]) or t + 1 in orgs_at):
            t += 1
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


def _comma_list(w: Words, k: int, e: int) -> bool:
    """Whether a comma at k-1 continues a list of capitalised words that ends with 'and X'."""
    start = k
    while k < e and is_cap(w.text[k]) and w.lower[k] not in lexicon.people()[0].first:
        k += 1
    # "for Culture, Sports and Tourism" lists fields; "of X, Shao Jinwen, vice president" names a person.
    fields = lexicon.never_first_name()
    return start < k < e and w.lower[k] in ("and", "&", ",") and any(
        w.lower[q] in fields for q in range(start, k))


def _possessive_owner(w: Words, s: int, k: int, text: str) -> OrgSpan | None:
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


@lru_cache(maxsize=1)
def _plain_skip() -> frozenset[str]:
    """Lower-case words the scanner must look at (triggers, titles, separators, "two", "by")."""
    return frozenset(lexicon.roles()[0].first | lexicon.titles()[0].first | lexicon.people()[0].first
                     | _LIST_SEP | {"two", "both", "by"})


def scan(w: Words, s: int, e: int, text: str, orgs: list[OrgSpan], ents=None) -> list[Item]:
    """The persons, organisations, titles, role triggers and separators of words s..e, in order.

    `ents` (a model's `ner.Entities`, optional) vetoes bare names it reads as organisations or
    places and proposes the people it finds.
    """
    honor, not_name = lexicon.people()
    titles, _ = lexicon.titles()
    triggers, _ = lexicon.roles()
    bare_stop = lexicon.bare_stop_words()
    never_first = lexicon.never_first_name()
    group_nouns = lexicon.group_nouns()
    orgs_at = {o.i: o for o in orgs}
    items: list[Item] = []
    plain = _plain_skip()
    k = s
    while k < e:
        if k in orgs_at:
            o = orgs_at[k]
            items.append(Item("org", o.i, o.j, o))
            k = o.j
            continue
        word, low = w.text[k], w.lower[k]
        if k != s and low not in plain and word[:1].islower():
            k += 1  # most words: lower case and in no lexicon
            continue
        n = honor.match(w.lower, k, e)[0] if low in honor.first else 0
        if n and is_cap(word):
            while (more := honor.match(w.lower, k + n, e)[0]) and is_cap(w.text[k + n]):
                n += more
            m = _name_words(w, k + n, e, not_name, loose=True)
            if m > k + n and w.lower[k + n] not in never_first:
                items.append(Item("person", k, m, Person(k + n, m, _join(w, k + n, m), "honorific")))
                k = m
                continue
        if is_cap(word) or (low in titles.first and k > s and (w.lower[k - 1] in _BEFORE_TITLE
                                                              or (items and items[-1].j == k
                                                                  and items[-1].kind == "org"))):
            parsed = _title(w, k, e, orgs_at, text) if low in titles.first else None
            if parsed:
                end, title, kind, org, plural = parsed
                if org is not None and org not in orgs:
                    orgs.append(org)  # named by the title's tail only
                # "A, president of X, B, vice president": a title after "A," is A's, not B's.
                owned = _owned(items, w, k)
                person = _after_title(w, end, e, not_name, honor, never_first, comma=not owned)
                if person is not None and person[1] - person[0] == 1 and end - k >= 3 \
                        and _NAME_WORD.match(w.text[end - 1]) and w.lower[end - 1] not in bare_stop \
                        and w.lower[end - 2] not in _TITLE_JOIN and w.text[end] != ",":
                    person = (end - 1, person[1])  # "Secretary for X & Technology Nicholas Yang"
                    end = end - 1
                    title = text[w.start[k]:w.end[end - 1]]
                prev = items[-1] if items else None
                if org is None and prev is not None and prev.kind == "org" and prev.j in (k, k - 1):
                    org = prev.value
                elif org is None and (owner := _possessive_owner(w, s, k, text)) is not None:
                    org = owner  # "Strathclyde's Principal, Prof. Sir Jim McDonald"
                    orgs.append(owner)
                    items.append(Item("org", owner.i, owner.j, owner))
                if person is not None:
                    a, b = person
                    items.append(Item("person", k, b, Person(a, b, _join(w, a, b), "title", title, kind, org)))
                    k = b
                    while plural and (nxt := _list_name(w, k, e, not_name)):
                        a, b = nxt
                        items.append(Item("sep", k, k + 1, ","))
                        items.append(Item("person", a, b, Person(a, b, _join(w, a, b), "title", title, kind, org)))
                        k = b
                elif (split := _tail_name(w, k, end, bare_stop)) is not None:
                    title = text[w.start[k]:w.end[split - 1]]  # "Secretary for X & Technology Nicholas Yang"
                    items.append(Item("person", k, end, Person(split, end, _join(w, split, end), "title",
                                                               title, kind, org)))
                    k = end
                else:
                    items.append(Item("title", k, end, (title, kind, org), plural))
                    k = end
                continue
        if low in ("two", "both") and k + 1 < e and w.lower[k + 1] in group_nouns \
                and not _object(w, s, k):
            items.append(Item("sep", k, k + 2, "group"))  # "the two parties signed": not the people before
            k += 2
            continue
        if word[:1].islower() or k == s:
            n, trig = triggers.match(w.lower, k, e) if low in triggers.first else (0, None)
            if n:
                if trig[0] == "speaker" and trig[1] == "before" and k > s and (w.text[k - 1] in _QUOTE_END or (
                        w.text[k - 1] == "," and k - 1 > s and w.text[k - 2] in _QUOTE_END)):
                    trig = ("speaker", "after", trig[2])  # “…,” said the Director, Rob Strain
                items.append(Item("trigger", k, k + n, trig))
                k += n
                continue
            if low == "by" and _signed_by(w, s, k, items):
                items.append(Item("trigger", k, k + 1, ("signatory", "after", "signing")))
                k += 1
                continue
        if ents is not None and k in ents.people and low not in bare_stop and ents.people[k] <= e:
            m = ents.people[k]
            items.append(Item("person", k, m, Person(k, m, _join(w, k, m), "model")))
            k = m
            continue
        if is_cap(word) and low not in bare_stop and (not is_acronym(word) or _upper_family(w, k, e, not_name)):
            m = _name_words(w, k, e, bare_stop, loose=False)
            if m - k >= 2 and (ents is not None and ents.vetoes(k, m) or (
                    m < e and is_cap(w.text[m]) and w.lower[m] in not_name and w.lower[m] not in honor.first)):
                k = m  # the model reads it otherwise, or it runs on into a longer name ("MTU Aero Engines")
                continue
            if m - k >= 2:
                items.append(Item("person", k, m, Person(k, m, _join(w, k, m), "bare")))
                k = m
                continue
        if low in _LIST_SEP or word in ("(", ")", ";", ":"):
            items.append(Item("sep", k, k + 1, low))
        k += 1
    appositions(items, w)
    return items


def _signed_by(w: Words, s: int, k: int, items: list[Item]) -> bool:
    """Whether "by" at k follows an agreement or a signing ("the signing of the X Agreement by")."""
    heads = lexicon.signed_by_heads()
    last = items[-1].j if items and items[-1].kind in ("trigger", "person") else s
    if any(w.lower[q] in heads for q in range(max(last, k - 14), k)):
        return True
    # "was signed today by", "was signed on October 23, 2017 by": a passive signing's agents
    trig = next((it for it in reversed(items) if it.kind in ("trigger", "person")), None)
    return trig is not None and trig.kind == "trigger" and trig.value[0] == "signatory" \
        and trig.i > s and w.lower[trig.i - 1] in _PASSIVE and k - trig.j <= 12


def _owned(items: list[Item], w: Words, k: int) -> bool:
    """Whether a title at k is the apposition of the untitled person just before ("A, the Dean of X")."""
    j = len(items) - 1
    while j >= 0 and items[j].kind == "sep" and items[j].value in (",", "the"):
        j -= 1
    if j >= 0 and items[j].kind == "title" and j + 1 < len(items) and items[j + 1].value == ",":
        return _owned(items[:j], w, items[j].i)  # "A, Member of X, Party Secretary of Y, B"
    return j >= 0 and items[j].kind == "person" and items[j].value.title is None \
        and items[j].j < k and w.text[items[j].j] == "," \
        and all(w.lower[q] in (",", "the") or is_cap(w.text[q]) for q in range(items[j].j, k))


def _tail_name(w: Words, k: int, end: int, stop: frozenset[str]) -> int | None:
    """Start of a two-word name that a title's capitalised tail swallowed, or None."""
    a = end - 2
    if a - k < 3 or w.lower[a - 1] in ("of", "for", "and", "&", "the", "on"):
        return None
    if all(_NAME_WORD.match(w.text[q]) and w.lower[q] not in stop and not w.text[q].isupper()
           for q in (a, a + 1)) and (end >= len(w) or not is_cap(w.text[end])):
        return a
    return None


def _list_name(w: Words, k: int, e: int, not_name: frozenset[str]) -> tuple[int, int] | None:
    """Span of the next name in a list after a plural title (", B", "and C", ", and D"), or None."""
    x = k
    while x < e and w.lower[x] in (",", "and", "&") and x - k < 2:
        x += 1
    if x == k or x >= e:
        return None
    m = _name_words(w, x, e, not_name, loose=False)
    return (x, m) if m - x >= 2 else None


def _after_title(w, k, e, not_name, honor, never_first, comma=True):
    """Span of the name that follows a title ("Chairman Yansheng Wu", "Director, Ms Luo Hui")."""
    if k < e and w.text[k] == ",":
        if not comma:
            return None
        k += 1
    n, _ = honor.match(w.lower, k, e) if k < e else (0, None)
    while n and (more := honor.match(w.lower, k + n, e)[0]):
        n += more
    loose = bool(n) or (k + 1 < e and _NAME_WORD.match(w.text[k + 1]) is not None
                        and w.lower[k + 1] not in not_name)
    m = _name_words(w, k + n, e, not_name, loose=loose)
    if k + n < e and w.lower[k + n] in never_first:
        return None
    if m - (k + n) >= (1 if n else 2) or (m - (k + n) == 1 and w.text[k - 1] != ","):
        if m > k + n:
            return k + n, m
    return None


def _join(w: Words, a: int, b: int) -> str:
    return " ".join(t.title() if t.isupper() and len(t) > 1 else t for t in w.text[a:b])


def assign_roles(items: list[Item], object_role: str) -> None:
    """Give each person the role of the trigger that governs it in the sentence."""
    for x, item in enumerate(items):
        if item.kind != "person":
            continue
        role = _role_back(items, x, object_role)
        item.value.roles.extend([role] if role else _role_forward(items, x))


def _role_back(items: list[Item], x: int, object_role: str) -> str | None:
    for y in range(x - 1, -1, -1):
        it = items[y]
        if it.kind == "trigger":
            role, direction, _ = it.value
            if direction == "after":
                return role
            if role == "signatory" and any(i.kind == "sep" and i.value == "with" for i in items[y + 1:x]):
                return role  # "A signed the deal with B"
            if role == "host":
                return object_role
            return None
        if it.kind == "sep" and it.value in (";", ":") and not _in_list(items, y):
            return None
    return None


def _in_list(items: list[Item], y: int) -> bool:
    """Whether the semicolon at y separates two people of a list ("the Secretary, Mr A; the B")."""
    before = next((it for it in reversed(items[:y]) if it.kind not in ("sep", "org", "used-title")), None)
    return items[y].value == ";" and before is not None and before.kind == "person"


def _role_forward(items: list[Item], x: int) -> list[str]:
    """Roles of the verbs after a person: "A and B delivered speeches ... and signed the agreement"."""
    roles: list[str] = []
    for y in range(x + 1, len(items)):
        it = items[y]
        if it.kind == "trigger" and it.value[1] == "before":
            if roles and not (items[y - 1].kind == "sep" and items[y - 1].value == "and"):
                break  # "A witnessed X sign": only verbs joined by "and" share a subject
            if it.value[0] not in roles:
                roles.append(it.value[0])
        elif (it.kind == "sep" and it.value in (";", "group")) or (roles and it.kind == "person"):
            break
    return roles
