"""The parties of a signing: the names a signing sentence puts where its parties stand ("between X
and Y", "X and Y signed", "X signed ... with Y"), and the organisations of the release they are."""

from __future__ import annotations

from .. import lexicon
from . import agreements as ag
from .facts import DocFacts, Item, LocalEvent, LocalOrg, OrgSpan, org_key
from .nlp import Words, is_cap, words_of
from .orgs import find_orgs, is_legal_form, kind_of
from .places import holds_place, place_dateline
from .release_orgs import holder_of, merge_into, top_org
from .theme_scope import is_country

_LIST_WORDS = {"and", ",", "&", "the", "both", "as", "well"}
_SUBJECT_GAP = {"have", "has", "had", "jointly", "officially", "formally", "will", "today", "also",
                "recently", "successfully", "finally", "would", "to", "both", "sides", "parties",
                "respectively", "yesterday", "on", "the", "and", ",", "&", "are", "is", "pleased", "proud",
                "happy", "delighted", "excited", "they", "it", "announced", "announce", "announces"}


def _place_before(w: Words, s: int, k: int, ends: dict, people: frozenset[int]) -> int | None:
    """Start of a place phrase of capitalised words and commas that ends at word k: after "in"/"at"
    ("X in Tucson, Arizona, signed"), or set off by a comma after an organisation ("X, Greenbelt,
    Md. and Y signed"). None when words s..k end in no such phrase."""
    if k + 1 in ends:
        return None
    q = k
    while q >= s and q > k - 6 and q + 1 not in ends and (is_cap(w.text[q]) or w.text[q] == ","):
        q -= 1
    if q < s or q == k or any(x in people for x in range(q + 1, k + 1)):
        return None  # a person's name, not a place
    if w.lower[q] in ("in", "at") and is_cap(w.text[q + 1]):
        return q
    if q + 1 in ends and w.text[q + 1] == ",":
        return q + 1
    return None


def after_dateline(w: Words, s: int, e: int) -> int:
    """The first word after a wire dateline's dash ("BANGKOK, Jan. 18, 2026 /PRNewswire/ --",
    "WASHINGTON --"), else s."""
    for q in range(s, min(e, s + 16)):
        if w.text[q] in ("-", "–", "—") and any(len(x) == 4 and x.isdigit() for x in w.text[s:q]):
            while q + 1 < e and w.text[q + 1] in ("-", "–", "—"):
                q += 1
            return q + 1
    return place_dateline(w, s, e)  # "WASHINGTON --"


def _apposition_start(w: Words, s: int, k: int) -> int | None:
    """The comma opening an apposition that the comma at k closes (", a leading AI provider under X,",
    ", Qatar's leading ICT provider,", ", the world's largest smelter,"), or None: the words after it
    hold no other comma and open with "a"/"an", "one of", or "the" or a possessive before a lower-case word."""
    for q in range(k - 1, max(s, k - 20) - 1, -1):
        if w.text[q] == ",":
            return q if q + 1 < k and _opens_apposition(w, q + 1, k) else None
    return None


def _opens_apposition(w: Words, a: int, k: int) -> bool:
    low = w.lower[a]
    if low in ("a", "an") or low == "one" and a + 1 < k and w.lower[a + 1] == "of":
        return True
    if low == "the":
        return a + 1 < k and (w.text[a + 1][:1].islower() or w.lower[a + 1:a + 3] in (["world", "'s"], ["world", "’s"]))
    return a + 2 < k and is_cap(w.text[a]) and w.text[a + 1] in ("'s", "’s") and w.text[a + 2][:1].islower()


def parties(w: Words, s: int, e: int, orgs: list[OrgSpan], people: frozenset[int] = frozenset()) -> list[OrgSpan]:
    """The organisations a signing sentence names as its parties ("between X and Y", "X and Y signed",
    "X signed ... with Y", "signed among X, Y", "on behalf of X")."""
    starts = {o.i: o for o in orgs}
    ends = {o.j: o for o in orgs}
    found: list[OrgSpan] = []
    place = None
    sign = next((k for k in range(s, e) if ag.sign_at(w, k, ag.SIGN_WORDS)), None)
    for k in range(s, e):
        low = w.lower[k]
        if low in ("between", "among", "amongst") or (low == "with" and sign is not None and k > sign) \
                or (low == "of" and k - 2 >= s and w.lower[k - 2:k] == ["on", "behalf"]):
            found += _org_list(w, k + 1, e, starts)
    if sign is not None:
        k = sign - 1
        subject_found = len(found)
        while k >= s and (w.lower[k] in _SUBJECT_GAP or _date_word(w.lower[k]) or k + 1 in ends
                          or w.lower[k] == "that" and k > s and w.lower[k - 1] in ag.ANNOUNCE or w.text[k] == ")"
                          or (place := _place_before(w, s, k, ends, people)) is not None):
            if place is not None:
                k = place - 1  # "X in Greenbelt, Md., and Y signed": the place is skipped
                place = None
                continue
            if w.text[k] == ")" and k + 1 not in ends:
                k = next((q for q in range(k - 1, max(s, k - 6) - 1, -1) if w.text[q] == "("), s) - 1
                continue  # "X (IAE, CAS) signed"
            if w.text[k] == "," and (comma := _apposition_start(w, s, k)) is not None:
                k = comma - 1  # "X and Y, a leading provider under Z, signed": the apposition is skipped
                continue
            if k + 1 in ends and is_country(ends[k + 1].name) and ends[k + 1].i > s \
                    and w.text[ends[k + 1].i - 1] == "," and w.text[k + 1] == ",":
                k = ends[k + 1].i - 2  # "USB Certification, Türkiye, have signed": the country is a place
                continue
            if k + 1 in ends:
                found.append(ends[k + 1])
                k = ends[k + 1].i - 1
                if k - 1 >= s and w.lower[k] == "of" and k in ends:
                    found[-1] = ends[k]  # "X (ACR) of Y signed": X, a part of Y, is the party
                    k = ends[k].i - 1
                continue
            k -= 1
        if len(found) == subject_found and sign - 1 >= s and (
                w.lower[sign - 1] == "and" or sign - 2 >= s and w.lower[sign - 2] == "and"
                and w.lower[sign - 1] in _SUBJECT_GAP):
            # "X, Y and Z held their first joint meeting ... and jointly signed": the clause's subject
            s0 = after_dateline(w, s, e)
            s0 += 1 if s0 < e and w.lower[s0] == "the" else 0
            if s0 in starts:
                found += _org_list(w, s0, e, starts)
    if not found and sign is not None:
        found = _after_fronted(w, s, e, sign, starts)
    unique: list[OrgSpan] = []
    for o in sorted(found, key=lambda o: o.i):
        if o not in unique:
            unique.append(o)
    return unique


def _date_word(low: str) -> bool:
    """A word of a date between a subject and its verb ("X on 2 September 2024 signed")."""
    return low in ag.TAIL_STOP or low.isdigit() and len(low) <= 4


def _after_fronted(w: Words, s: int, e: int, sign: int, starts: dict[int, OrgSpan]) -> list[OrgSpan]:
    """"In a memorandum signed in Richland today, X, Y and Z agreed to ...": the organisations right
    after a fronted phrase that holds the signing."""
    s0 = after_dateline(w, s, e)
    if w.lower[s0] not in ("in", "under") or w.lower[s0 + 1] not in ("a", "an", "the"):
        return []
    comma = next((q for q in range(s0, e) if w.text[q] == ","), None)
    if comma is None or not s0 < sign < comma:
        return []
    k = comma + 1 + (comma + 1 < e and w.lower[comma + 1] == "the")
    return _org_list(w, k, e, starts)


def _org_list(w: Words, k: int, e: int, starts: dict[int, OrgSpan]) -> list[OrgSpan]:
    """The organisations listed from word k ("X, Y and the Z")."""
    found = []
    while k < e:
        if k in starts:
            found.append(starts[k])
            k = starts[k].j
        elif w.lower[k] in _LIST_WORDS:
            k += 1
        elif k + 2 < e and is_cap(w.text[k]) and w.text[k + 1] in ("'s", "’s") and k + 2 in starts:
            k += 2  # "with Hungary's University of Debrecen": the owner's possessive goes before the name
        elif found and found[-1].j == k and w.text[k] in ("'s", "’s") and k + 1 in starts \
                and kind_of(found[-1].name) != "university":  # a university's centre is its unit
            found[-1] = starts[k + 1]  # "the Department of Energy's Pacific Northwest National Laboratory"
            k = starts[k + 1].j
        elif found and (is_legal_form(w.text[k]) or w.text[k] == "(" and ")" in w.text[k:k + 8]):
            k = w.text.index(")", k) + 1 if w.text[k] == "(" else k + 1  # "X Co, Ltd. (X Group), Y"
        elif found and w.text[k - 1] == "," and (q := _place_between_commas(w, k, e)) is not None:
            k = q  # "with Rizhao City, Shandong Province, Shandong Hi-Speed Group": the place is skipped
        elif found and (q := _described_group(w, k, e, starts)) is not None:
            k = q  # "X and the Cyber Valley research institutions A, B and C": the group's members follow
        else:
            break
    return found


_GROUP_NOUNS = {"institutions", "universities", "partners", "members", "companies", "organisations",
                "organizations", "institutes", "centres", "centers", "agencies", "firms"}


def _described_group(w: Words, k: int, e: int, starts: dict[int, OrgSpan]) -> int | None:
    """The first organisation after a group's description ("the Cyber Valley research institutions
    Max Planck Institute ..."), or None."""
    for q in range(k, min(e - 1, k + 6)):
        if w.lower[q] in _GROUP_NOUNS:
            return q + 1 if q + 1 in starts else None
        if w.text[q] in (",", ";", "(", ")") or q > k and w.lower[q] in ("and", "with"):
            return None
    return None


_REPORTS = {"reports", "reported", "writes", "wrote", "informs", "informed", "says", "said", "quoted"}
_REGION_WORDS = {"province", "state", "region", "county", "prefecture", "district", "oblast", "governorate"}


def _place_between_commas(w: Words, k: int, e: int) -> int | None:
    """The comma closing a place of up to three capitalised words at k ("Shandong Province", "Chile",
    "Abu Dhabi"), or None."""
    q = k
    while q < e and q < k + 3 and is_cap(w.text[q]):
        q += 1
    if q == k or q >= e or w.text[q] != ",":
        return None
    words = w.text[k:q]
    place = w.lower[q - 1] in _REGION_WORDS and q - k >= 2 or is_country(" ".join(words)) or holds_place(words)
    return q if place else None


_SLOT_JOIN = {"of", "for", "de", "del", "du", "des", "der", "la", "&"}


def slot_names(w: Words, s: int, e: int, taken: set[int]) -> list[tuple[int, int]]:
    """Word spans of capitalised names standing where a signing sentence puts its parties, that
    no other rule has read: the subject of the signing verb ("Airbus and MTU Aero Engines have
    signed"), its partner after "with", and the list after "between"/"among"."""
    sign = next((k for k in range(s, e) if ag.sign_at(w, k, ag.SIGN_VERBS)), None)
    if sign is None:
        return []
    s = min(sign, after_dateline(w, s, e))  # "HEIDELBERG, Germany, Nov. 20, 2020 /PRNewswire/ --" names no party
    spans: list[tuple[int, int]] = []
    k = sign - 1
    while k >= s and w.lower[k] in _SUBJECT_GAP - {"and", ",", "&", "the", "on"}:
        k -= 1
    if k >= s and w.text[k] == "," and (comma := _apposition_start(w, s, k)) is not None:
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
    for q in range(s, e):
        if w.lower[q] in ("between", "among", "amongst") or (w.lower[q] == "with" and q > sign):
            a = q + 1 + (1 if q + 1 < e and w.lower[q + 1] == "the" else 0)
            b = a
            while b < e and (_slot_word(w, b) or w.lower[b] in ("and", ",", "the") or (
                    w.lower[b] in _SLOT_JOIN and b + 1 < e and _slot_word(w, b + 1))):
                b += 1
            run = _split_run(w, a, b)
            # "with Zhejiang University, Hangzhou": without an "and", what follows a comma is a place
            spans += run if "and" in w.lower[a:b] else run[:1]
    # The last test drops "Greenbelt, Md.": a town and its state's abbreviation.
    return [(a, b) for a, b in spans if not any(q in taken for q in range(a, b))
            and not (b + 1 < e and w.text[b] == "," and w.text[b + 1].endswith(".") and len(w.text[b + 1]) <= 5)]


def _slot_word(w: Words, k: int) -> bool:
    word, low = w.text[k], w.lower[k]
    return is_cap(word) and any(c.isalpha() for c in word) and low.rstrip(".") not in ag.TAIL_STOP \
        and (low == "the" or low not in lexicon.bare_stop_words() or k + 1 >= len(w) or not is_cap(w.text[k + 1])
             or low not in _PREPOSITIONS)


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
        name = facts.doc.text[w.start[a]:w.end[b - 1]]
        if not (_plausible_party(name) or _country_subject(w, a, b, s, e, name)) or name.lower() in person_words \
                or b < e and w.lower[b] in _REPORTS or a > s and w.lower[a - 1] in _REPORTS:
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
        key = facts.org(o.name) if facts.org(o.name) in facts.orgs else top_org(facts, o)
        if key and not any(r[1] == key and r[3] == "party" for r in signing.roles):
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
    return q >= s and w.lower[q] in ("at", "in")


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
    return b < e and w.text[b] != "," and (a == after_dateline(w, s, e) or w.lower[a - 1] in ("and", "&")) \
        and any(ag.signs(w, q, q + 1) or ag.is_signing(w, q, e) for q in range(b, min(e, b + 4)))


def listed_parties(facts: DocFacts, signing: LocalEvent, w: Words, s: int, e: int, items: list[Item],
                   span: tuple[int, int]) -> None:
    """The organisations a sentence opens with, after a signing sentence that ends in a colon, are its
    parties (": NEC Laboratories Europe and the Cyber Valley institutions A, B and C.")."""
    starts = {it.i: it.value for it in items if it.kind == "org"}
    k = _subject_start(w, s, e)
    found = _org_list(w, k, e, starts)
    if not found:
        return
    signing.roles = [r for r in signing.roles if r[3] != "party"]
    for o in found:
        key = facts.org(o.name) if facts.org(o.name) in facts.orgs else top_org(facts, o)
        if key and not any(r[1] == key and r[3] == "party" for r in signing.roles):
            signing.roles.append((None, key, None, "party", *span))


def headline_parties(facts: DocFacts, signing: LocalEvent) -> None:
    """Parties from the headline ("X and Y sign ..."), when the body's signing sentences name none."""
    title = facts.doc.title or ""
    tw = words_of(title)
    if not (ag.is_signing(tw, 0, len(tw)) or ag.signs(tw, 0, len(tw))):
        return
    for o in parties(tw, 0, len(tw), find_orgs(tw, 0, len(tw), title)):
        key = facts.org(o.name)
        if key in facts.orgs and not any(r[1] == key and r[3] == "party" for r in signing.roles):
            signing.roles.append((None, key, None, "party", *signing.sentence))


def office_holders(facts: DocFacts, ev: LocalEvent, party_keys: list[str]) -> None:
    """The people holding a title that signed unnamed, at one of the parties, are its signatories."""
    offices = [o.replace("-", " ") + " " for o in ev.offices]
    for key, p in facts.people.items():
        title = p.title.lower().replace("-", " ") + " " if p.title else ""
        if p.org in party_keys and title and any(title.startswith(o) for o in offices) \
                and not any(r[0] == key and r[3] == "signatory" for r in ev.roles):
            ev.roles.append((key, p.org, p.title, "signatory", *ev.sentence))
