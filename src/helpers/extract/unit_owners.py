"""A unit named by its function alone ("the Faculty of Civil Engineering", "International Relations
Office") belongs to a body the release names before it: the guide puts its people in the top-level
organisation, so the unit must not stand as a body of its own."""

from __future__ import annotations

from .. import lexicon
from .facts import DocFacts, LocalOrg
from .org_tails import of_a_place
from .theme_scope import is_country

# Words a unit's name may open with before its head and still name only a function
_FUNCTION_WORDS = frozenset({"international", "public", "relations", "graduate", "doctoral", "postgraduate",
                             "research", "academic", "external", "press", "media", "communications", "partnerships",
                             "cooperation", "affairs", "student", "students"})
# Heads of a part of a university or an institute ("Faculty of X", "Graduate School"), and offices
_ACADEMIC = frozenset({"faculty", "school", "college", "laboratory", "department"})
_OFFICES = frozenset({"office"})
# A department of a discipline is a university's; "Department of Science and Innovation" may be a government
_DISCIPLINE_ENDS = ("engineering", "sciences", "studies", "physics", "chemistry", "mathematics", "informatics")


def bare_unit(lo: LocalOrg) -> bool:
    """Whether an organisation is a unit named by its function alone: "Faculty of Maritime
    Technology", "Graduate School of Materials Engineering", "Department of Civil Engineering",
    "International Relations Office"; not "Tidewater Innovation Centre", "Department of Science and
    Innovation" (a ministry's name as often) or "Faculty of Law of Tarn Province"."""
    words = lo.name.replace(",", " ").split()
    if lo.parent is not None or lo.name == lo.acronym or len(words) < 2:
        return False
    head = next((q for q, x in enumerate(words) if x.lower() in _ACADEMIC | _OFFICES), None)
    if head is None or not all(x.lower() in _FUNCTION_WORDS for x in words[:head]) \
            or words[head].lower() in _OFFICES and head == 0:  # "Office for Technology Cooperation": a body as often
        return False
    if words[head].lower() == "department" and not lo.name.lower().endswith(_DISCIPLINE_ENDS):
        return False
    return not _of_a_place(lo)


def _of_a_place(lo: LocalOrg) -> bool:
    """Whether a unit's name ends in "of" a place ("Faculty of Law of Tarn Province"): a body of its own."""
    tail = lo.name.rsplit(" of ", 1)[1].removeprefix("the ") if " of " in lo.name else ""
    return bool(tail) and of_a_place(tail)


def hang_bare_units(facts: DocFacts, sentences: list) -> None:
    """Give each parentless unit named by its function alone the one university that can own it:
    the only one its own sentence names, else the release's only one, else the one it names most."""
    tops = {k for k, lo in facts.orgs.items() if _top_level(lo)}
    named = [[k for it in items if it.kind == "org" and (k := facts.org(it.value.name)) in facts.orgs]
             for *_, _orgs, items in sentences]
    for key, lo in facts.orgs.items():
        if bare_unit(lo) and (owner := _owner(facts, key, tops, named)) is not None:
            lo.parent = owner


def _owner(facts: DocFacts, key: str, tops: set[str], named: list[list[str]]) -> str | None:
    academic = any(x.lower() in _ACADEMIC for x in facts.orgs[key].name.split()[:2])

    def fits(k: str, kinds: tuple[str, ...] = ("university",)) -> bool:
        return k != key and k in tops and (not academic or facts.orgs[k].kind in kinds)

    # "Prof. A, Vice President of KIS, and Prof. B, Dean of the Graduate School": the sentence's body
    owners = list(dict.fromkeys(k for keys in named if key in keys for k in keys
                                if fits(k, ("university", "research"))))
    if len(owners) != 1:
        owners = [k for k in tops if fits(k)]
    if len(owners) > 1:  # the release's own university: the one it names most, more than any other
        counts = sorted(((sum(keys.count(k) for keys in named), k) for k in owners), reverse=True)
        owners = [counts[0][1]] if counts[0][0] > counts[1][0] else []
    return owners[0] if len(owners) == 1 else None


def _top_level(lo: LocalOrg) -> bool:
    return lo.parent is None and not bare_unit(lo) and not is_country(lo.name)


# Heads of a part of a body that a person's organisation never is, by the guide (the unit stays in the title)
_PART_HEADS = frozenset({"office", "department", "division", "faculty", "school", "section", "unit", "branch",
                         "directorate", "centre", "center", "laboratory", "lab", "laboratories", "programme",
                         "program"})


def part_named(lo: LocalOrg) -> bool:
    """Whether an organisation is named as a part of a body: its first or last word is a unit's head
    ("Office of Research, Innovation and Commercialization", "Glacier Monitoring Unit")."""
    words = lo.name.replace(",", " ").lower().split()
    return _unit_named(lo) and (words[0] in _PART_HEADS
                                or words[-1] in _PART_HEADS and all(x in _common() for x in words[:-1]))


def _common() -> frozenset[str]:
    return lexicon.people()[1]


def people_of_parts(facts: DocFacts, publisher: str | None) -> None:
    """A person the text places in a parentless part of a body that signs nothing ("Director, Centre
    for Urban Informatics") belongs to the release's publisher, whose part it is."""
    if publisher is None or publisher not in facts.orgs or facts.orgs[publisher].parent is not None \
            or part_named(facts.orgs[publisher]):
        return
    parties = {r[1] for ev in facts.events for r in ev.roles if r[3] == "party"}
    home = facts.orgs[publisher]
    for lp in facts.people.values():
        lo = facts.orgs.get(lp.org or "")
        if lo is None or lo.key == publisher or lo.parent is not None or lo.key in parties \
                or not part_named(lo) or lo.kind == "government" != home.kind:
            continue
        lp.org, lp.flag = publisher, "inferred-from-publisher"


def people_of_units(facts: DocFacts) -> None:
    """A person the text places in a parentless unit that signs nothing ("Dr A, Head of the Plant Health
    Research Unit", in "The IRTM delegation further comprised ...") belongs to the body their sentence
    names last before them: by the guide, the unit stays in the title."""
    parties = {r[1] for ev in facts.events for r in ev.roles if r[3] == "party"}
    where = {}
    for ev in facts.events:
        for r in ev.roles:
            if r[0] is not None:
                where.setdefault(r[0], (r[4], r[5]))
    starts = {}
    for kind, key, a, _ in facts.mentions:
        if kind == "person":
            starts.setdefault(key, a)
    bodies = [(a, key) for kind, key, a, _ in facts.mentions if kind == "organization" and key in facts.orgs]
    for lp in facts.people.values():
        lo = facts.orgs.get(lp.org or "")
        if lo is None or lo.parent is not None or lo.key in parties or lo.acronym or lp.key not in where \
                or not (_unit_named(lo) or bare_unit(lo)):
            continue
        a, _ = where[lp.key]
        at = starts.get(lp.key, a)
        before = [_top(facts, key) for b, key in bodies if a <= b < at]
        before = [k for k in before if k is not None and k != lo.key]
        if before:
            lp.org, lp.flag = before[-1], "inferred-from-unit"


def _top(facts: DocFacts, key: str) -> str | None:
    """The top-level body of an organisation the release names, or None for a unit of its own or a country."""
    top = facts.top(key)
    lo = facts.orgs[top]
    if len(lo.name.split()) < 2 and not lo.acronym:
        return None  # "Ltd" left of "Hanbit Aerospace Co., Ltd": no body
    return None if _unit_named(lo) or bare_unit(lo) or is_country(lo.name) else top


_UNIT_ENDS = _PART_HEADS | {"platform", "station"}


def _unit_named(lo: LocalOrg) -> bool:
    """Whether a name opens or ends with a unit's head and names no place ("Plant Health Research Unit",
    "Office of Research"; not "Rwanda Agricultural Genomics Laboratory", a body of its own)."""
    words = lo.name.replace(",", " ").lower().split()
    if len(words) < 2 or lo.name.isupper() or _of_a_place(lo) or any(is_country(x) for x in lo.name.split()):
        return False  # "Department of Science and Technology of Gansu Province": a body of its own
    return words[0] in _PART_HEADS or words[-1] in _UNIT_ENDS

