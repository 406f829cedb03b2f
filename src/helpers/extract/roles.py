"""Roles: which trigger governs each person of a sentence, and lists that carry a role on."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .. import lexicon
from .facts import Item
from .nlp import Words, is_cap


def assign_roles(items: list[Item], object_role: str, w: Words | None = None) -> None:
    """Give each person the role of the trigger that governs it in the sentence."""
    for x, item in enumerate(items):
        if item.kind != "person":
            continue
        role = _role_back(items, x, object_role)
        if role == _WEAK:
            # a caption's or "represented by" list: a verb after the names still tells their role
            item.value.roles.extend(_role_forward(items, x) or [_weak_role(items, x)])
            continue
        item.value.roles.extend([role, *(r for r in _relative_roles(items, x) if r != role)] if role
                                else _role_forward(items, x))
        if _bracketed_head(item, w):  # "Hanbit University (President A) signed ... with B (CEO C)": the bodies sign
            item.value.roles[:] = [r for r in item.value.roles if r != "signatory"]
        if (item.value.title or "").lower() in _PRESIDING and "speaker" not in item.value.roles \
                or x and items[x - 1].kind == "title" and str(items[x - 1].value[0]).lower() in _PRESIDING:
            item.value.roles[:] = ["presider"]  # "by the master of ceremonies, A", "Master of ceremonies was A"


def _relative_roles(items: list[Item], x: int) -> list[str]:
    """Roles of a relative clause right after a person a trigger before already governs ("welcomed by
    the President, A, who presided over the meeting": A hosts and presides)."""
    y = x + 1
    while y < len(items) and items[y].kind in ("sep", "used-title", "org") and items[y].value != "who":
        y += 1
    if y >= len(items) or items[y].kind != "sep" or items[y].value != "who" or any(
            it.kind == "sep" and it.value in (";", "and") for it in items[x + 1:y]):
        return []
    roles = []
    for it in items[y + 1:]:
        if it.kind == "person" or it.kind == "sep" and it.value in (",", ";"):
            break
        if it.kind == "trigger" and it.value[1] == "before" and it.value[0] not in roles:
            roles.append(it.value[0])
    return roles


def _bracketed_head(item: Item, w: Words | None) -> bool:
    """Whether a titled person is named in brackets as the head of the body before them ("X (President
    A)", "the Y Institute (KMRI, Director B)")."""
    if w is None or item.value.cue != "title" or item.j >= len(w) or w.text[item.j] not in (")", ";"):
        return False
    k = item.i - 1
    if w.text[item.j] == ";" or w.text[k] == ";":  # "X (President: A; hereinafter "X")", "X (Head office: Y; CEO: A)"
        return ":" in w.text[item.i:item.j] and k >= 1 and w.text[k] in ("(", ";") and is_cap(w.text[k - 1]) \
            or w.text[k] == ";"
    if k >= 1 and w.text[k] == ",":
        k -= 2  # "(KMRI, Director B)"
    return k >= 1 and w.text[k] == "(" and is_cap(w.text[k - 1])


_PRESIDING = {"master of ceremonies", "master of ceremony", "emcee", "moderator", "mc"}


_WEAK = "weak"


def _weak_role(items: list[Item], x: int) -> str:
    return next(it.value[0] for it in reversed(items[:x]) if it.kind == "trigger" and it.value[2] == _WEAK)


def _role_back(items: list[Item], x: int, object_role: str) -> str | None:
    for y in range(x - 1, -1, -1):
        it = items[y]
        if it.kind == "trigger":
            role, direction, event = it.value
            if event == _WEAK:
                earlier = next((t for t in reversed(items[:y]) if t.kind == "trigger" and t.value[1] == "after"
                                and t.value[2] != _WEAK), None) or next(
                    (t for t in reversed(items[:y]) if t.kind == "trigger" and t.value[0] == "signatory"), None)
                # "A signed for the city, while X was represented by its President, B": B signs too
                return earlier.value[0] if earlier is not None else _WEAK
            if direction == "after":
                if any(i.kind == "sep" and i.value in ("with", "as") for i in items[y + 1:x]) \
                        and _role_forward(items, x):
                    return None  # "signed on behalf of X, with C looking on": C's own verb tells
                if role == "attendee" and it.j - it.i == 1 and (outer := _outer_role(items, y)) is not None:
                    return outer  # "in the presence of University officials, including A and B"
                if (role == "attendee" and it.j - it.i == 1 or it.value[2] == "between") \
                        and items[x].value.cue == "bare":
                    return None  # "fields including Intelligent Mobility", "signed between Invest Victoria and X"
                return role
            if role == "signatory" and any(i.kind == "sep" and i.value == "with" for i in items[y + 1:x]):
                return role  # "A signed the deal with B"
            if role == "host":  # "A visited X and met B": B hosts the visit
                return "host" if any(t.kind == "trigger" and t.value[:2] == ("visitor", "before") for t in items[:y]) \
                    else object_role
            return None
        if it.kind == "sep" and it.value in (";", ":") and not _in_list(items, y) \
                and not (it.value == ":" and _opens_list(items, y)):
            return None  # a colon right after a trigger opens its list ("From left to right: A, B")
    return None


def _opens_list(items: list[Item], y: int) -> bool:
    """Whether the colon at y opens the list of a trigger, right after it or after a plural title it
    governs ("signed by the Vice-Chancellors of the three institutions: A, B and C")."""
    for n in range(y - 1, -1, -1):
        it = items[n]
        if it.kind == "trigger":
            return True
        if it.kind == "title" and it.plural:
            # "signed by A, CEO of X, and the Vice-Chancellors of the three universities: B of Y, C of Z"
            return any(t.kind == "trigger" and (t.value[1] == "after" or t.value[0] == "signatory" and any(
                i.kind == "sep" and i.value == "with" for i in items[q + 1:n])) for q, t in enumerate(items[:n]))
            # "A signed with the rectors of the three institutions: B (X), C (Y) and D (Z)"
        if it.kind not in ("sep", "org"):
            return False
    return False


def _outer_role(items: list[Item], y: int) -> str | None:
    """The role of an earlier "after" trigger that a one-word listing trigger at y ("including",
    "included") continues, when no person stands between them."""
    for it in reversed(items[:y]):
        if it.kind == "person":
            return None
        if it.kind == "trigger":
            return it.value[0] if it.value[1] == "after" and it.value[0] != "attendee" else None
    return None


def _in_list(items: list[Item], y: int) -> bool:
    """Whether the semicolon at y separates two people of a list ("the Secretary, Mr A; the B")."""
    before = next((it for it in reversed(items[:y]) if it.kind not in ("sep", "org", "used-title", "title")), None)
    return items[y].value == ";" and before is not None and before.kind == "person"


def _role_forward(items: list[Item], x: int) -> list[str]:
    """Roles of the verbs after a person: "A and B delivered speeches ... and signed the agreement"."""
    roles: list[str] = []
    aside = False  # "A and B sign, as C looks on": the verb after "as C" is C's
    clause = None  # "A and B, who joined online, signed": the relative clause's verb is B's alone
    for y in range(x + 1, len(items)):
        it = items[y]
        if it.kind == "sep" and it.value == "who":
            clause = not any(i.kind == "person" for i in items[x + 1:y])  # "A, Dean of X, who signed"
            continue
        if clause is not None:
            if it.kind == "sep" and it.value == ",":
                clause = None
            elif it.kind == "trigger" and it.value[1] == "before" and clause and it.value[0] not in roles:
                roles.append(it.value[0])
            continue
        if it.kind == "sep" and it.value in ("as", "with", ","):
            aside = it.value != "," and y + 1 < len(items) and items[y + 1].kind in ("person", "title", "org")
            continue
        if it.kind == "trigger" and it.value[1] == "before" and aside and not roles:
            break
        if it.kind == "trigger" and it.value[1] == "before":
            if roles and not (items[y - 1].kind == "sep" and items[y - 1].value in ("and", ",")):
                break  # "A witnessed X sign": only verbs joined by "and" (or a closed clause) share a subject
            if it.value[0] == "host" and "visitor" in roles:
                continue  # "A visited X and met B": the visitor meets the hosts
            if it.value[0] not in roles:
                roles.append(it.value[0])
        elif (it.kind == "sep" and (it.value == "group" or it.value == ";" and not _in_list(items, y))) \
                or (roles and it.kind == "person"):
            break  # "A, President of X; B, Dean of Y, signed": a list of people goes on over ";"
    return roles


def carry_list_role(items: list[Item], carry: str | None, sentence: str) -> str | None:
    """A list introduced by "The delegation comprised:" goes on in the sentences after it, one name
    each ("Ana Ruiz, CEO of X."): they take the list's role. Returns the role to carry on, if any."""
    people = [it for it in items if it.kind == "person"]
    triggers = [it for it in items if it.kind == "trigger"]
    if carry and people and not triggers and items[0].kind == "person":
        for it in people:
            if not it.value.roles:
                it.value.roles.append(carry)
        return carry
    if sentence.rstrip().endswith(":") and triggers and triggers[-1].value[1] == "after":
        return triggers[-1].value[0]
    return None


def statement_source(w: Words, k: int, s: int) -> bool:
    """Whether the person at word k is named as the one a statement comes from ("a statement issued
    by A", "according to a statement by the ABU's Director, A")."""
    at = next((q for q in range(k - 1, max(s, k - 15) - 1, -1) if w.lower[q] == "statement"), None)
    if at is None:
        return False
    by = next((q for q in range(at + 1, min(k, at + 5)) if w.lower[q] == "by"), None)
    return by is not None and all(
        is_cap(w.text[q]) or w.lower[q] in (",", "the", "of", "and", "'s", "’s") or w.text[q + 1] in ("'s", "’s")
        for q in range(by + 1, k))  # "by the university's Director, Office of Public Affairs, A"


# "Media contact:", "For further information, please contact", a "Contacts" heading line
_CONTACT = re.compile(r"\b(?:contacts?|enquiries|inquiries)\b\s*:|\bplease contact\b"
                      r"|\bfor (?:further|more) information\b"
                      r"|^[ \t]*(?:media |press |investor )?(?:contacts?|enquiries|inquiries)[ \t]*$",
                      re.IGNORECASE | re.MULTILINE)
# "the late Dr A", "founded by the engineer A", "under the previous president, Prof. A": the past
_BACKGROUND = frozenset({"late", "former", "previous", "founded", "founder", "predecessor"})


@lru_cache(maxsize=4)
def _contact_heads(text: str) -> list[tuple[int, int]]:
    """(end, start) of each contact heading of a text, in order: found once per release."""
    return [(m.end(), m.start()) for m in _CONTACT.finditer(text)]


def in_contact_block(text: str, start: int) -> bool:
    """Whether a name at character `start` is in a "Media contact:" block, which runs over short lines
    (names, phones, e-mails) from its heading: whom to call, no role."""
    ends = _contact_heads(text)
    at = bisect_right(ends, (start, start)) - 1  # the last heading that ends before the name
    if at < 0 or ends[at][0] > start or ends[at][1] < start - 600:
        return False
    between = text[ends[at][0]:start]
    if "\n" not in between:  # "For further information, please contact Deputy Director A (+82 ...)"
        return len(between) <= 80 and ". " not in between  # not a later sentence of the paragraph
    line_end = text.find("\n", start)
    own_line = text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]
    return len(own_line) <= 100 and all(len(line) <= 100 for line in between.split("\n"))


def remembered(it: Item, w: Words, s: int) -> bool:
    """Whether a person is named in memory ("the late Prof. A", "a centre named after A", "the then
    President, A"): no part in the event."""
    first = min(it.i, it.value.i)
    before = w.lower[max(s, first - 6):first + 1]
    return "late" in before[-4:] and "the" in before[-5:] \
        or any(before[q:q + 2] in (["named", "after"], ["memory", "of"], ["the", "then"])
               for q in range(len(before) - 1))
    # "by the then Vice-Chancellor, Professor A": who held the office before


def present(it: Item, w: Words, s: int = 0) -> bool:
    """A person the release names in full with a title or an honorific and no role word is one of
    those present ("Among the researchers are Dr A (...)", "From left: A, B"), unless named as an
    owner ("President A's policy") or in the past ("the late founder", "the previous president")."""
    p = it.value
    after = w.text[it.j] if it.j < len(w) else ""
    first = min(it.i, p.i)
    return p.cue != "bare" and len(p.name.split()) >= 2 and after not in ("'s", "’s") \
        and not (after[:1].isupper() and after.lower() in lexicon.people()[1]) \
        and _BACKGROUND.isdisjoint(w.lower[max(s, first - 6):first])
