"""Titles and organisations a sentence gives its people: appositions, "of/from X", group leads."""

from __future__ import annotations

from .. import lexicon
from .facts import Item, OrgSpan
from .nlp import Words
from .places import is_place_word
from .titles import posted

_OPENS = (",", "(", "–", "—", "-")  # what opens an apposition after a name
_GAP = _OPENS + ("the", "a", "an")  # "A, the Dean of X", "A, a glaciologist at X"


def appositions(items: list[Item], w: Words) -> None:
    """Give a person the title after it (", the Title"), and the organisation after of/from/(."""
    for x, item in enumerate(items):
        if item.kind != "person":
            continue
        p = item.value
        if p.title is None and x > 0 and items[x - 1].kind == "title" and items[x - 1].j == item.i:
            _take_title(p, items[x - 1])  # "Vice Governor of X Mr Chen"
        if p.title is None and x > 1 and items[x - 2].kind == "title" and items[x - 2].j == item.i - 3 \
                and w.lower[item.i - 3:item.i - 1] == ["of", "the"] and w.text[item.i - 1].islower() \
                and lexicon.org_heads()[0].match(w.lower, item.i - 1, item.i)[0]:
            _take_title(p, items[x - 2])  # "President of the university Liang Wenbo": the body is found later
        if p.title is None and (bracketed := _bracketed_title(w, item.j)) is not None:
            p.title = bracketed  # "Dr. A (Applied Geochemistry professor)"
        y = x + 1
        pj = _after_aside(w, item.j)  # "Andrew Spencer (seated left), President, ..."
        while y < len(items) and (items[y].i < pj or items[y].kind == "sep" and items[y].value in _GAP):
            y += 1
        nxt = items[y] if y < len(items) else None
        gap = nxt is not None and pj < len(w) and w.text[pj] in _OPENS and all(
            w.lower[q] in _GAP or (w.text[q][:1].isupper() and q > pj) or (w.text[q] in ("'s", "’s") and q > pj + 1)
            or w.lower[q] == "its" and q == nxt.i - 1 or q + 1 < nxt.i and w.text[q + 1] in ("'s", "’s")
            for q in range(pj, nxt.i))  # "A, its President", "A, the university's Vice President"
        lent = _lent_title(items, y, w) if nxt and gap and p.title is None else None
        if lent is not None:
            q, org = lent  # "Dr. A, NSTDA President, Dr. B": the title after A's comma is A's
            p.title, p.title_kind = q.title, q.title_kind
            p.org = p.org or org or q.org
            q.title = q.title_kind = q.org = None
        elif nxt and nxt.kind == "title" and gap and (p.title is None or p.cue != "title" or (
                p.title.lower() in lexicon.ranks() and nxt.value[2] is not None)):  # "Member A, Vice-President of X"
            if nxt.value[0].lower() in lexicon.ranks() and y + 2 < len(items) and items[y + 1].kind == "sep" \
                    and items[y + 1].value == "," and items[y + 2].kind == "title":
                nxt.kind, y, nxt = "used-title", y + 2, items[y + 2]  # "A, Professor, Acting Dean of X"
            p.title, p.title_kind, org = nxt.value
            p.org = p.org or org
            nxt.kind = "used-title"
            if nxt.plural:
                _share_back(items, x, nxt)  # "A and B, Deputy Directors"
            if p.cue == "bare":
                p.cue = "apposition"
            if p.org is None:
                p.org = _org_after_titles(items, y, w)  # "Name, Title, Org", "Name, Director, Unit and Title, Org"
            if p.org is None:
                p.org = _org_in_apposition(items, y, w)
        elif nxt and nxt.kind == "org" and gap and p.title is None and y + 1 < len(items) \
                and items[y + 1].kind == "title" and (items[y + 1].i == nxt.j or items[y + 1].i == nxt.j + 1 and (
                    w.text[nxt.j] in ("'s", "’s") or is_place_word(w.text[nxt.j]))):
            # "A, Israel's Ambassador", "A, NTU Singapore President"
            p.title, p.title_kind, org = items[y + 1].value  # "Prof. A, PolyU President;"
            p.org = p.org or org or nxt.value
            items[y + 1].kind = "used-title"
        elif nxt and nxt.kind == "org" and p.org is None and nxt.i == item.j + 2 and w.lower[item.j] == "from" \
                and w.lower[item.j + 1] == "the":
            p.org = nxt.value  # "Ada Vos from the Department of Physics at X"
        elif nxt and nxt.kind == "org" and item.j < len(w) and nxt.i == item.j + 1 and (
                (p.org is None and w.lower[item.j] in ("of", "from", "at", "(")) or w.lower[item.j] == "for"):
            p.org = nxt.value
            after = items[y + 1] if y + 1 < len(items) else None
            if after is not None and after.kind == "title" and after.i == nxt.j and p.title is None:
                p.title, p.title_kind, _ = after.value  # "Name (Org Title)"
                after.kind = "used-title"
        if p.org is None and x > 0 and items[x - 1].kind == "org" and items[x - 1].j == item.i - 1 \
                and w.text[item.i - 1] in ("'s", "’s") and p.cue in ("bare", "honorific"):
            p.org = items[x - 1].value  # "Tarn University's Ada Vos"
        if p.org is None and item.j + 2 < len(w) and w.lower[item.j] in ("signed", "signs") \
                and w.lower[item.j + 1] == "for":  # "B signed for Y"
            at = item.j + 2 + (w.lower[item.j + 2] == "the")  # "signed for the Technical University of X"
            p.org = next((o.value for o in items[x + 1:] if o.kind == "org" and o.i == at), None)
        if p.title is None and x > 0 and items[x - 1].kind == "title" and items[x - 1].j == item.i - 1 \
                and w.text[item.i - 1] == ",":
            _take_title(p, items[x - 1])  # "the Chief Secretary, Mr Chan" when no one before owns it
        if p.title is None and (lead := _title_before_comma(items, x, w)) is not None:
            _take_lead_title(p, *lead, w)  # "X's Vice President of Y (Asia), Ms A", "the director of X's Unit, A"
    _group_leads(items, w)
    _representing(items, w)
    _from_group(items, w)
    _shared_owner(items, w)
    _pair_owner(items, w)
    for x, item in enumerate(items):
        if item.kind == "person" and item.value.org is None:
            item.value.org = _nearby_org(items, x, w)


def _lent_title(items: list[Item], y: int, w: Words):
    """(the next person, an organisation before the title) when items[y..] read "[Org] Title, Name"
    right after a person's comma, as in "Dr. A, NSTDA President, Dr. B" or "Dr. A, Director, Dr. B":
    the title between two names is the first one's apposition, or None."""
    org = None
    if items[y].kind == "org" and y + 1 < len(items):
        org, y = items[y].value, y + 1
    q = items[y].value if items[y].kind == "person" else None
    if q is None or q.cue != "title" or q.title is None or "," not in w.text[items[y].i:q.i]:
        return None
    if org is not None and items[y].i != items[y - 1].j:
        return None
    return q, org


def _bracketed_title(w: Words, j: int) -> str | None:
    """A title in brackets right after a name ("(Senior Technology Collaboration Manager)"): the
    bracket's words, when the last is a title word and no comma or semicolon splits them."""
    if j >= len(w) or w.text[j] != "(":
        return None
    close = next((q for q in range(j + 1, min(len(w), j + 9)) if w.text[q] == ")"), None)
    if close is None or close - j < 2 or w.lower[close - 1] not in lexicon.titles()[1] \
            or any(w.text[q] in (",", ";", "(") for q in range(j + 1, close)):
        return None
    return " ".join(w.text[j + 1:close])


def _after_aside(w: Words, j: int) -> int:
    """Where a name's apposition starts: after a bracketed aside of lower-case words right after the
    name ("(left)", "(seated second from left)") or the name in its own script ("Hsu Tzu-Chiang
    (許子強), Director-General of X"), else at j."""
    if j >= len(w) or w.text[j] != "(":
        return j
    close = next((q for q in range(j + 1, min(len(w), j + 7)) if w.text[q] == ")"), None)
    if close is None or close == j + 1 or not all(w.text[q][:1].islower() or _native(w.text[q])
                                                  for q in range(j + 1, close)):
        return j
    return close + 1


def _native(word: str) -> bool:
    """A word in a script other than the Latin one ("許子強", "Иванов")."""
    return word.isalpha() and not any("a" <= c <= "z" for c in word.lower())


def _from_group(items: list[Item], w: Words) -> None:
    """"From LUB, Sh. A, Sh. B and Ms C attended", "Also in attendance from FAPESP were A, B": the
    people listed after "from Org," or "from Org were" belong to Org; after "were", a list whose
    items semicolons part ("A, Chair; B, Head of Research") too; "On behalf of X, the Director, A"; and
    "A, together with other representatives of X"."""
    group, listed, since, last = None, False, 0, None
    for it in items:
        if it.kind == "org":
            a = it.i - (1 if it.i > 0 and w.lower[it.i - 1] == "the" else 0)
            if last is not None and last.value.org is None and a > 2 and w.lower[a - 1] == "of" \
                    and w.lower[a - 3] == "other" and w.lower[a - 2] in lexicon.member_nouns():
                last.value.org = it.value  # "A, together with other representatives of X": A is of X too
            nxt = w.lower[it.j] if it.j < len(w) else ""
            group = it.value if a > 0 and (w.lower[a - 1] == "from" and nxt in (",", "were", "was", "are") or (
                a > 1 and w.lower[a - 2:a] == ["behalf", "of"] and (
                    nxt in ("was", "were", "by") or w.lower[it.j:it.j + 2] == [",", "by"]
                    or nxt == "," and a > 2 and (w.text[a - 3] == "On" or a > 3 and w.lower[a - 4] in ("and", ";"))
                    )) or (
                w.lower[a - 1] == "for" and (nxt in ("were", "was") or nxt == "," and a > 1 and w.lower[a - 2] in (
                    "speaking", "signing", ";", "and")))) else None  # "Signing for X was A; for Y, B"
            listed = group is not None and nxt != ","
            since = it.j
        elif it.kind == "person" and group is not None and (not _CONTRAST.isdisjoint(w.lower[since:it.i]) or any(
                w.lower[q - 1:q + 1] in (["signing", "for"], ["signed", "for"], ["behalf", "of"])
                for q in range(since + 1, it.i))):
            group = None  # "Signing for X was A, while B signed for Y"; "...; signing for the University was B"
        elif it.kind == "person" and group is not None and (it.value.org is None or _bare_unit(it.value.org)):
            it.value.org = group  # "Present from the PRI were ..., Head of X Department": the PRI's unit
        elif it.kind == "sep" and it.value == ";" and not listed:
            group = None
        last = it if it.kind == "person" else last


_CONTRAST = {"while", "whereas", "but"}


def _bare_unit(org: OrgSpan) -> bool:
    """Whether an organisation is a unit named with no owner ("Information Management Department")."""
    units = lexicon.org_heads()[1]
    words = org.name.lower().split()
    return org.parent is None and not org.is_acronym and org.acronym is None and bool(words) \
        and (words[0] in units or words[-1] in units)  # not "Himalayan Technology Promotion Board (HTPB)"


def _nearby_org(items: list[Item], x: int, w: Words):
    """The organisation named right after a person and their title, before any other person or verb
    ("Prof. A, Vice Provost (Academic Affairs) and Dean, NUS Computing"): within ten words."""
    end = items[x].j
    for it in items[x + 1:]:
        if it.kind in ("person", "trigger") or it.kind == "sep" and it.value == ";":
            return None  # a semicolon opens the next entry of a list ("A, Bursar; Dean, Faculty of X, B")
        if it.i - end > 10:
            return None
        if it.kind == "org":
            between = w.lower[end:it.i]
            if any(t in ("with", "to", "visited", "met", "and", "from") for t in between) or not between:
                return None
            return it.value
    return None


_LINK = ("at", "of", "for", "in", "with", "from")


_CHAIN = {",", "and", "&", "of", "for", "the"}


def _representing(items: list[Item], w: Words) -> None:
    """The organisation a person represents is theirs ("Dr. A, Member of the ISU Board representing
    The Aerospace Corporation"), when only the person's title stands between them."""
    if not items or "representing" not in w.text[items[0].i:items[-1].j]:
        return
    for x, it in enumerate(items):
        if it.kind != "org" or it.i < 2 or w.text[it.i - 1 - (w.lower[it.i - 1] == "the")] != "representing":
            continue
        y = next((y for y in range(x - 1, -1, -1) if items[y].kind == "person"), None)
        if y is None:
            continue
        q = it.i - 1 - (w.lower[it.i - 1] == "the")
        if all(t in _CHAIN or t[:1].isupper() for t in w.text[items[y].j:q]):
            items[y].value.org = it.value


def _org_after_titles(items: list[Item], y: int, w: Words):
    """The organisation after a comma that closes a title's chain of capitalised units and titles
    ("Director, Student Affairs and Deputy Registrar, CMU"); no other person or organisation between."""
    title = items[y]
    for it in items[y + 1:]:
        if it.kind in ("person", "trigger"):
            return None
        if it.kind == "org":
            gap = w.text[title.j:it.i]
            ok = gap and gap[-1] == "," and len(gap) <= 10 and all(x in _CHAIN or x[:1].isupper() for x in gap)
            return it.value if ok else None
    return None


def _org_in_apposition(items: list[Item], y: int, w: Words):
    """The organisation that closes a title's apposition: "Name, vice president for research at the
    University of Houston," (lower-case words between the title and "at/of/for Org", no comma)."""
    title = items[y]
    for it in items[y + 1:]:
        if it.kind in ("person", "trigger", "title", "used-title"):
            return None
        if it.kind == "org":
            gap = w.lower[title.j:it.i]
            while gap and gap[-1] == "the":
                gap = gap[:-1]
            if gap and gap[-1] in _LINK and len(gap) <= 6 and all(
                    x[:1].islower() or x in ("&", "-") for x in gap):
                return it.value
            return None
        if it.kind == "sep" and it.value in (",", ";", ")", ":"):
            return None
    return None


def _pair_owner(items: list[Item], w: Words) -> None:
    """"X's A and B attended", "A and B of X attended": two untitled names joined by "and" share the
    organisation the pair is written with; "A, Dean, and B, Director, both of X": the list is X's."""
    for x in range(len(items) - 2):
        a, sep, b = items[x], items[x + 1], items[x + 2]
        if a.kind != "person" or b.kind != "person" or sep.kind != "sep" or sep.value != "and" \
                or a.value.title is not None or b.value.title is not None:
            continue
        if a.value.org is not None and b.value.org is None and a.i > 0 and w.text[a.i - 1] in ("'s", "’s"):
            b.value.org = a.value.org
        elif b.value.org is not None and a.value.org is None and b.j < len(w) and w.lower[b.j] == "of":
            a.value.org = b.value.org
    for x, it in enumerate(items):
        if it.kind == "org" and it.i >= 2 and w.lower[it.i - 1] == "of" and w.lower[it.i - 2] in ("both", "all"):
            start = max((y for y in range(x) if items[y].kind == "trigger"), default=-1) + 1
            for p in items[start:x]:
                if p.kind == "person" and p.value.org is None:
                    p.value.org = it.value  # "A, Dean, and B, Director, both of X"


def _shared_owner(items: list[Item], w: Words) -> None:
    """"X's President A and Vice President B": B is of X too (titled people of one kind in a list);
    not B in "... and Vice-Minister B of the Ministry of Y", whose own body follows."""
    if sum(it.kind == "person" for it in items) < 2:
        return
    for x in range(2, len(items)):
        b = items[x]
        if b.kind != "person" or b.value.cue != "title" or b.value.org is not None or posted(b.value.title) \
                or items[x - 1].kind != "sep" or items[x - 1].value not in ("and", ",") \
                or b.j < len(w) and w.lower[b.j] in ("of", "from", "at"):
            continue
        y, kinds = x - 1, set()
        while y > 0 and (items[y].kind in ("used-title", "org")
                         or items[y].kind == "sep" and items[y].value in (",", "and")):
            if items[y].kind == "org":
                kinds.add(items[y].value.kind)  # "A, Secretary of X's College, Dean B": back over A's apposition
            y -= 1
        a = items[y]
        if a.kind != "person" or a.value.cue not in ("title", "apposition") or a.value.org is None:
            continue
        owner = a.value.org
        if b.value.title_kind in kinds | {a.value.title_kind, owner.kind} or owner.kind == "other":
            b.value.org = owner  # "Secretary of NCWU's College X, Dean A, and Vice Dean B"


def _share_back(items: list[Item], x: int, title: Item) -> None:
    """Give a plural title after a list of names to the untitled names listed before the last."""
    y = x - 1
    while y >= 0 and (items[y].kind == "sep" and items[y].value in (",", "and", "&")
                      or items[y].kind == "person" and items[y].value.title is None):
        if items[y].kind == "person":
            _take_title(items[y].value, title)
        y -= 1


def _title_before_comma(items: list[Item], x: int, w: Words) -> tuple[Item, Item | None] | None:
    """The unowned title that leads to a person through a bracket or a possessive unit and a
    comma: "Vice President of Partnerships (Asia Pacific), Ms A" and "the director of X's
    Institute of Y (IY), A" give (title, None) and (title, the unit)."""
    if x < 2 or items[x - 1].kind != "sep" or items[x - 1].value != "," or items[x - 1].j != items[x].i:
        return None
    y = x - 2
    if items[y].kind == "sep" and items[y].value == ")":
        while y >= 0 and not (items[y].kind == "sep" and items[y].value == "("):
            if items[y].kind in ("person", "title", "trigger"):
                return None
            y -= 1
        y -= 1
        if y < 0 or items[y].kind != "title" or items[y].j != items[y + 1].i:
            return None
        return items[y], None
    unit = items[y]
    if unit.kind == "org" and y >= 1 and items[y - 1].kind == "title" and items[y - 1].j == unit.i - 1 \
            and w.text[unit.i - 1] in ("'s", "’s"):
        return items[y - 1], unit
    # "the Executive Secretary, National Universities Commission, Professor A"; "Dean, Faculty of Life
    # Sciences, KCU, Prof. A": the body named last before the name is the person's
    for _ in range(2):
        if not (items[y].kind == "org" and y >= 2 and items[y - 1].kind == "sep" and items[y - 1].value == ","
                and items[y - 1].j == items[y].i):
            return None
        if items[y - 2].kind == "title" and items[y - 2].j == items[y - 1].i:
            return items[y - 2], unit
        y -= 2
    return None


def _joined(w: Words, a: int, b: int) -> str:
    """Words a..b as written, without spaces before "'s" and punctuation."""
    out = ""
    for q in range(a, b):
        word = w.text[q]
        out += word if not out or word in ("'s", "’s", ",", ")") or out.endswith("(") else " " + word
    return out


def _take_lead_title(p, it: Item, unit: Item | None, w: Words) -> None:
    """Give a person a leading title and, when the title names a unit ("of X's Unit"), the unit as
    part of the title and the title's organisation (else the unit) as the person's."""
    title, kind, org = it.value
    if unit is not None and w.text[unit.i - 1] == ",":
        org = org or unit.value  # "Title, Org, Name": the title stays as written (the unit's owner comes later)
    elif unit is not None:
        end = next((q for q in range(unit.i, unit.j) if w.text[q] == "("), unit.j)
        title = _joined(w, it.i, end)
        org = org or unit.value
    p.title, p.title_kind = title, kind
    p.org = p.org or org
    it.kind = "used-title"


def _take_title(p, it: Item) -> None:
    """Give a person a title item (and its organisation) and mark the item used."""
    p.title, p.title_kind, org = it.value
    p.org = p.org or org
    it.kind = "used-title"


def _group_leads(items: list[Item], w: Words) -> None:
    """Give the people listed after "Org officials, including" / "Org delegation led by" that Org."""
    if not items or not any(it.kind == "person" and it.value.org is None for it in items):
        return
    cues = lexicon.group_cues()
    span = slice(items[0].i, items[-1].j)
    has_cue = not cues.first.isdisjoint(w.lower[span]) or "Representing" in w.text[span]
    group, until = None, 0
    paren = None
    for x, item in enumerate(items):
        if item.kind == "org" and has_cue:
            k = item.j
            if k < len(w) and w.text[k] == "(" and ")" in w.text[k:k + 10]:
                k = w.text.index(")", k) + 1  # "a delegation of X (HBIST, Republic of Korea) led by"
            while k < len(w) and k - item.j < 4 and w.text[k][:1].islower() and not cues.match(w.lower, k)[0]:
                k += 1  # "X delegation led by", "X officials who attended ... included"
            k += 1 if k < len(w) and w.text[k] == "," else 0
            n = cues.match(w.lower, k)[0]
            if n:
                group, until = item.value, k + n
            elif item.i > 0 and w.text[item.i - 1 - (w.lower[item.i - 1] == "the")] == "Representing":
                group, until = item.value, item.j  # "Representing CABI was CEO, Dr A, ..."
        elif item.kind == "trigger" and item.value[1] == "before" and item.i >= until:
            group = None
        elif item.kind == "title" and x + 1 < len(items) and items[x + 1].value == "(":
            paren = item  # "two vice presidents of X (A and B)"
        elif item.kind == "sep" and item.value == ")":
            paren = None
        elif item.kind == "person":
            p = item.value
            if paren is not None and p.title is None:
                p.title, p.title_kind, org = paren.value
                p.org = p.org or org
                paren.kind = "used-title"
            if group is not None and not _CONTRAST.isdisjoint(w.lower[until:item.i]):
                group = None  # "X was represented by A, while B signed on behalf of Y"
            if group is not None and p.org is None:
                p.org = group
            if p.org is None:
                p.org = _from_org(items, x, w) or _on_behalf(items, x, w)


def _from_org(items: list[Item], x: int, w: Words):
    """The organisation in "A and three other delegates from X" (no other person in between); not
    in "A, and his counterpart from X, B", where X is B's."""
    for it in items[x + 1:x + 4]:
        if it.kind in ("person", "trigger", "title"):
            return None
        if it.kind == "org":
            near = it.i > 0 and w.lower[it.i - 1] == "from" and it.i - items[x].j <= 6
            return it.value if near and "counterpart" not in w.lower[items[x].j:it.i] else None
    return None


def _on_behalf(items: list[Item], x: int, w: Words):
    """The organisation in "A signed the agreement on behalf of X", when no other person stands
    between ("A, Director, signed on behalf of X, and B on behalf of Y"; not A in "A and B signed on
    behalf of X and Y")."""
    for y, it in enumerate(items[x + 1:], x + 1):
        if it.kind == "person":
            return None
        before = w.lower[max(0, it.i - 3):it.i]
        if it.kind == "org" and y + 2 < len(items) and items[y + 1].kind == "sep" and items[y + 1].value == "," \
                and items[y + 2].kind == "person":
            return None  # "A and on behalf of X, Registrar B": X is B's
        if it.kind == "org" and it.i >= 3 and (before in (["on", "behalf", "of"], ["behalf", "of", "the"],
                                                          ["signed", "for", "the"]) or before[1:] == ["signed", "for"]):
            # "A, Director, signed on behalf of X", "A, Director, signed for X"
            if w.lower[it.j:it.j + 2] == [",", "by"] or w.lower[it.j:it.j + 1] == ["by"]:
                return None  # "on behalf of X, by the Rector, B", "on behalf of X by B": X is B's
            nxt = [o for o in items if o.kind == "org" and o.i > it.j]
            return None if nxt and w.lower[it.j:nxt[0].i] == ["and"] else it.value
    return None
