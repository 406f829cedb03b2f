"""A unit named by its function alone ("the Faculty of Civil Engineering", "International Relations
Office") belongs to a body the release names before it: the guide puts its people in the top-level
organisation, so the unit must not stand as a body of its own."""

from __future__ import annotations

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
    tail = lo.name.rsplit(" of ", 1)[1].removeprefix("the ") if " of " in lo.name else ""
    return not (tail and of_a_place(tail))


def hang_bare_units(facts: DocFacts, sentences: list) -> None:
    """Give each parentless unit named by its function alone the one body that can own it: the
    release's only university or institute for a faculty, school, college, laboratory or
    department, its only body for an office; else the only such body its own sentence names."""
    tops = {k for k, lo in facts.orgs.items() if _top_level(lo)}
    for key, lo in facts.orgs.items():
        if not bare_unit(lo):
            continue
        academic = lo.name.split()[0].lower() in _ACADEMIC or any(
            x.lower() in _ACADEMIC for x in lo.name.split()[:2])

        def fits(k: str, kinds: tuple[str, ...] = ("university",)) -> bool:
            return k != key and (not academic or facts.orgs[k].kind in kinds)

        # the only such body its own sentence names ("Prof. A, Vice President of KIS, and Prof. B, Dean of
        # the Graduate School"), else the release's only one
        owners = list(dict.fromkeys(
            k for *_, _orgs, items in sentences if any(it.kind == "org" and facts.org(it.value.name) == key
                                                       for it in items)
            for it in items if it.kind == "org" and (k := facts.org(it.value.name)) in tops
            and fits(k, ("university", "research"))))
        if len(owners) != 1:
            owners = [k for k in tops if fits(k)]
        if len(owners) != 1:
            # the release's own university: the one it names most, when it is named more than any other
            counts = sorted(((sum(facts.org(it.value.name) == k for *_, _o, items in sentences for it in items
                                  if it.kind == "org"), k) for k in tops if fits(k)), reverse=True)
            owners = [counts[0][1]] if counts and (len(counts) == 1 or counts[0][0] > counts[1][0]) else []
        if len(owners) == 1:
            lo.parent = owners[0]


def _top_level(lo: LocalOrg) -> bool:
    return lo.parent is None and not bare_unit(lo) and not is_country(lo.name)
