"""A release's organisations as one set: acronyms, short forms and units resolved to their owners."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .acronyms import initials
from .facts import DocFacts, LocalOrg, OrgSpan, org_key
from .legal_forms import is_legal_form
from .names import NAME_WORD
from .nlp import Words, is_cap, words_of
from .org_shapes import REGION_HEADS
from .org_tails import formal_tail, full_name, is_city, names_a_part, of_a_place, own_words, personal_name
from .orgs import find_orgs, institute_of_its_own, kind_of
from .places import is_place_word
from .theme_scope import country_table, is_country

GENERIC_COMPANY = frozenset({"company", "firm"})  # "the company's X": a company, whatever its name


def collect_orgs(facts: DocFacts, sentences: list, source: str | None) -> None:
    acronyms: dict[str, str] = {}
    units = lexicon.org_heads()[1]
    for *_, orgs, _items in sentences:
        for o in orgs:
            if o.is_acronym:
                continue
            if o.parent and o.acronym and initials(o.parent) == o.acronym:
                # "Department of X of the Ministry of Y (MY)": the acronym is the ministry's.
                pkey = org_key(o.parent)
                parent = facts.orgs.setdefault(pkey, LocalOrg(pkey, o.parent, None, kind_of(o.parent)))
                parent.acronym, o.acronym = o.acronym, None
                acronyms[parent.acronym] = pkey
            key = org_key(o.name)
            first = acronyms.get(o.acronym) if o.acronym and len(o.acronym) >= 3 and " " not in o.acronym else None
            if first is not None and first != key and key not in facts.orgs and first in facts.orgs \
                    and own_words(o.name) & own_words(facts.orgs[first].name):
                facts.alias[key] = first  # "USST" spelled out two ways: one organisation, named first
                facts.orgs[first].aliases.add(o.name)
                continue
            lo = facts.orgs.setdefault(key, LocalOrg(key, o.name, o.acronym, o.kind))
            if len(o.name) > len(lo.name) and o.name.startswith(lo.name.split()[0]):
                lo.name = o.name  # "Song Han Software JSC", then "... Joint Stock Company": the full name
            lo.aliases.add(o.name)
            if o.acronym:
                lo.acronym = lo.acronym or o.acronym
                acronyms[o.acronym] = key
                acronyms[o.acronym.split()[0]] = acronyms.get(o.acronym.split()[0], key)
            if o.parent and not institute_of_its_own(o.name.split(" of ")[0], facts.orgs[acronyms[o.parent]].name
                                                     if o.parent in acronyms else o.parent):
                lo.parent = o.parent
    if source and len(source.split()) >= 2:
        key = org_key(source)
        if key not in facts.orgs:
            facts.orgs[key] = LocalOrg(key, source, None, kind_of(source))
        top = source.rsplit(", ", 1)[1] if ", " in source else ""
        if top and top in acronyms and acronyms[top] != key:
            facts.orgs[key].parent = facts.orgs[key].parent or acronyms[top]  # "Public Relations Office, IVUET"
        elif top and kind_of(top) != "other" and org_key(top) != key:
            # "Issued by: Media Unit, Ministry of X": a unit of the ministry
            facts.orgs.setdefault(org_key(top), LocalOrg(org_key(top), top, None, kind_of(top)))
            facts.orgs[key].parent = facts.orgs[key].parent or org_key(top)
        acronyms.setdefault(initials(source), key)
    by_initials = {initials(o.name): k for k, o in facts.orgs.items()}
    families = {it.value.name.split()[-1].lower() for *_, _orgs, items in sentences for it in items
                if it.kind == "person" and it.value.name.split()}
    for *_, orgs, items in sentences:
        titled = {it.j for it in items if it.kind in ("title", "used-title")} | {
            it.value[2].i for it in items if it.kind in ("title", "used-title") and isinstance(it.value[2], OrgSpan)}
        for o in orgs:
            if o.is_acronym:
                key = acronyms.get(o.name) or by_initials.get(o.name)
                if key:
                    o.name, o.is_acronym = facts.orgs[key].name, False
                    facts.orgs[key].acronym = facts.orgs[key].acronym or o.acronym
                elif o.name.lower() in families and o.i in titled:
                    continue  # "said Rector DOBRESCU": the family name of a person the release names in full
                else:
                    facts.orgs.setdefault(org_key(o.name), LocalOrg(org_key(o.name), o.name, o.name, "other"))
    words_of_org = {k: set(k.split()) for k, o in facts.orgs.items() if o.name != o.acronym}
    for key, lo in facts.orgs.items():
        if key in acronyms.values():
            continue
        if len(key.split()) > 2 or lo.acronym is not None or lo.parent or kind_of(lo.name) != "other" \
                or units & set(key.split()):
            continue
        # A short form ("Strathclyde", "Helix") names the one organisation whose name holds it.
        holders = [k for k, ws in words_of_org.items() if k != key and set(key.split()) < ws]
        if len(holders) > 1:  # "Kestrel" is in "Kestrel Semiconductor" and "NLU-Kestrel Joint Laboratory"
            holders = [k for k in holders if k.startswith(key + " ")]
        if not holders and len(key.split()) == 2:
            holders = [h] if (h := holder_of(facts, lo.name)) is not None else []  # "Weston Tech"
        if len(holders) == 1:
            acronyms.setdefault(lo.name, holders[0])
    _without_country(facts, acronyms, sentences)
    _ministries(facts, acronyms)
    for key, lo in list(facts.orgs.items()):
        target = acronyms.get(lo.name) or (acronyms.get(lo.name.upper()) if " " not in lo.name else None)
        if target and target != key and target in facts.orgs:
            facts.orgs[target].aliases |= lo.aliases
            facts.alias[key] = target
            del facts.orgs[key]
    for key, lo in list(facts.orgs.items()):
        if lo.parent is None and " of " in lo.name:
            # "Research Department of Aurelia Aerospace": a unit of an organisation named elsewhere.
            head, tail = lo.name.rsplit(" of ", 1)
            parent = acronyms.get(tail) or org_key(tail)
            if parent not in facts.orgs and units & set(head.lower().split()) and " " not in tail \
                    and not institute_of_its_own(head.split(" of ")[0], tail) \
                    and tail.lower() not in lexicon.people()[1] and not is_country(tail) \
                    and (holder := holder_of(facts, tail, key)) is not None:
                tail, parent = facts.orgs[holder].name, holder  # "... Department of Aurelia": a short form
            if parent != key and parent in facts.orgs and units & set(head.lower().split()) \
                    and not institute_of_its_own(head, facts.orgs[parent].name):
                lo.parent = tail
        if lo.parent:
            name = lo.parent
            lo.parent = acronyms.get(name) or org_key(name)
            if lo.parent not in facts.orgs and kind_of(name) != "other":
                # The owner is named only inside the unit's name: it is an organisation too.
                facts.orgs[lo.parent] = LocalOrg(lo.parent, name, None, kind_of(name))
            if lo.parent not in facts.orgs or lo.parent == key:
                lo.parent = None


def _ministries(facts: DocFacts, acronyms: dict[str, str]) -> None:
    """"Ministry of Science", made from a title ("Minister of Science and Technology Ms A", cut by the
    name), is the release's one longer ministry holding all its words: "Ministry of Science and
    Technology (MOST)"."""
    # "Ministry for Science" from "Minister for Science" is the "Ministry of Science"
    words = {k: set(k.split()) - {"of", "for", "the"} for k in facts.orgs
             if "ministry" in k.split() and "of" not in k.split()[:k.split().index("ministry")]}
    text = facts.doc.text
    for key in [k for k in words if k.startswith("ministry ")]:  # "Saxon State Ministry for X" holds one too
        name = facts.orgs[key].name
        holders = [k for k, ws in words.items() if k != key and words[key] <= ws and facts.orgs[k].name in text]
        within = sum(text.count(facts.orgs[k].name) for k in holders if name in facts.orgs[k].name)
        if text.count(name) > within:
            continue  # a ministry the text names apart from a longer one is a body of its own
        if len(holders) == 1:
            acronyms.setdefault(facts.orgs[key].name, holders[0])


def _without_country(facts: DocFacts, acronyms: dict[str, str], sentences: list) -> None:
    """"Space Science and Technology Institute" after "Ethiopian Space Science and Technology
    Institute": a name of two or more words that another one of the release holds after a country or
    nationality ("France National Space Studies Center") is that organisation's short form, unless
    one sentence names both ("the Ministry of X and the Israeli Ministry of X": two ministries)."""
    table = country_table()
    together = {(org_key(a.name), org_key(b.name)) for *_, orgs, _items in sentences for a in orgs for b in orgs}
    for key, lo in facts.orgs.items():
        words = lo.name.split()
        n = 0
        while n < len(words) - 2 and (m := table.match(words, n)[0]):
            n += m
        short = org_key(" ".join(words[n:])) if n else None
        if short and short != key and short in facts.orgs and facts.orgs[short].name != facts.orgs[short].acronym \
                and (short, key) not in together:
            acronyms.setdefault(facts.orgs[short].name, key)


_ONE_WORD_UNITS = frozenset({"Council", "Senate", "Board", "Faculty", "School", "College", "Office", "Department"})


def units_under_owners(facts: DocFacts, sentences: list, w: Words) -> None:
    """Hang a unit with no owner under the organisation that owns it by structure: its name begins
    with the owner's ("Tsinghua University Library"), or the owner follows it ("the School of
    Pharmacy at King Saud University", "College of Humanities, UAE University")."""
    heads, units = lexicon.org_heads()

    def is_unit(lo: LocalOrg) -> bool:
        # "National Power Training Institute of Nigeria" is a national body, no unit of what follows it
        return lo.parent is None and not units.isdisjoint(lo.name.lower().split()) and lo.name != lo.acronym \
            and not (" of " in lo.name and of_a_place(lo.name.rsplit(" of ", 1)[1].removeprefix("the "))) \
            and not institute_of_its_own(lo.name.split(" of ")[0], lo.name)  # an academy's institute is a body

    forms = {k: {lo.name} | ({lo.acronym} if lo.acronym else set()) for k, lo in facts.orgs.items()
             if k and lo.name != lo.acronym and (len(lo.name.split()) >= 2 or lo.kind != "other")}
    for key, lo in facts.orgs.items():
        if lo.parent is not None or lo.name == lo.acronym:
            continue
        head, of, tail = lo.name.rpartition(" of ")
        owner = next((k for k, fs in forms.items() if k != key and facts.orgs[k].parent is None
                      and tail.removeprefix("the ") in fs), None) \
            if of and (len(head.split()) >= 2 or head in _ONE_WORD_UNITS and tail.isupper()) else None
        # "Council of BVUT": a one-word unit of an acronym
        if owner is not None and institute_of_its_own(lo.name.split(" of ")[0], facts.orgs[owner].name):
            continue  # "Institute of Hydrology of the Slovak Research Academy": an academy's institute is a body
        if owner is not None:
            lo.parent = owner  # "Remote Sensing Group of ARCI": a part of the body its name ends in
            continue
        # "Tsinghua University Library", "NUS Computing", "Huawei Hong Kong R&D Center"
        owners = [(len(f), k) for k, fs in forms.items() if k != key and facts.orgs[k].parent is None
                  for f in fs if lo.name.startswith(f + " ") and names_a_part(rest := lo.name[len(f) + 1:])
                  and not formal_tail(rest) and not rest.lower().startswith("university ")
                  and not is_legal_form(lo.name.split()[-1])]  # not "Kilwa Energy Solutions Limited" of "Kilwa Energy"
        # not "Sarandí Quantum Labs S.A." of "Sarandí Quantum Labs", nor "Hochschule Ostweser University of ..."
        if owners:
            lo.parent = max(owners)[1]
        elif is_unit(lo) and len(lo.name.split()) >= 3 \
                and (owner := _short_owner(facts, key, lo.name.split()[0])) is not None:  # not "Tarn Institute"
            lo.parent = owner  # "Helix Drug Discovery Centre" of "Helix Biomedical Group", which the text calls "Helix"
    for key, lo in list(facts.orgs.items()):
        # "Diplomatic Academy of Chile" in the headline, "... of Chile Andrés Bello" in the text: one body
        # "Khalifa University" for "Khalifa University of Science and Technology": the name without its "of" phrase,
        # unless one sentence names both ("Tarn University and Tarn University of Technology": two bodies)
        longer = [k for k, o in facts.orgs.items() if k != key and o.parent is None and lo.parent is None
                  and o.name.startswith(lo.name + " ") and (personal_name(o.name[len(lo.name) + 1:])
                                                             and " of " in lo.name
                                                             or o.name.startswith(lo.name + " of ")
                                                             and len(lo.name.split()) >= 2 and not is_unit(lo)
                                                             or formal_tail(o.name[len(lo.name) + 1:])
                                                             or full_name(lo.name, o.name[len(lo.name) + 1:])
                                                             or o.name.startswith(lo.name + " of ")
                                                             and of_a_place(o.name[len(lo.name) + 4:]))]
        if len(longer) == 1 and key not in facts.alias.values() \
                and not _named_together(facts, sentences, key, longer[0]):
            rest = facts.orgs[longer[0]].name[len(lo.name):]
            place = rest.startswith(" of ") and is_city(rest[4:]) and not of_a_place(rest[4:])  # not "... Province"
            merge_into(facts, *((longer[0], key) if place else (key, longer[0])))  # "Kyushu University of Fukuoka"
    for key, lo in list(facts.orgs.items()):
        # "TRX" beside "TRX Aerospace Corporation": a one-word name that opens one longer name of a body
        # in its own right (no unit, no national branch) is that body written short
        if len(lo.name.split()) != 1 or lo.parent is not None or key in facts.alias.values() or is_country(lo.name):
            continue
        longer = [k for k, o in facts.orgs.items() if k != key and o.parent is None
                  and o.name.startswith(lo.name + " ") and units.isdisjoint(o.name.lower().split())
                  and not is_country(rest := o.name[len(lo.name) + 1:])
                  and (len(rest.split()) >= 2 or heads.match(rest.lower().split(), 0)[0])]
        if len(longer) == 1:
            merge_into(facts, key, longer[0])
    for key, lo in list(facts.orgs.items()):
        # "Nova Scotia has signed" beside "the Province of Nova Scotia": a region acting is its government
        longer = [k for k, o in facts.orgs.items() if k != key and o.kind == "government" and lo.parent is None
                  and o.name.removeprefix("Government of ").removeprefix("the ").split(" of ")[0] in REGION_HEADS
                  and o.name.endswith(" of " + lo.name)] if is_city(lo.name) else []
        if len(longer) == 1:
            merge_into(facts, key, longer[0])
    for key, lo in list(facts.orgs.items()):
        # "Medeniyet University" for "Istanbul Medeniyet University": the name without its place
        longer = [k for k, o in facts.orgs.items() if k != key and o.parent is None and lo.parent is None
                  and len(lo.name.split()) >= 2 and o.name.endswith(" " + lo.name)
                  and len(o.name.split()) == len(lo.name.split()) + 1 and is_place_word(o.name.split()[0])
                  and own_words(lo.name) - lexicon.field_words()]  # not "Ministry of Science" in "Israeli ..."
        if len(longer) == 1 and key not in facts.alias.values():
            merge_into(facts, key, longer[0])
    for key, lo in facts.orgs.items():
        # "Sanqiao Municipal Science and Technology Bureau" is a bureau of the "Sanqiao Municipal Government"
        if is_unit(lo):
            govs = [k for k, g in facts.orgs.items() if k != key and g.parent is None and g.name.endswith(" Government")
                    and lo.name.startswith(g.name[: -len(" Government")] + " ")]
            if len(govs) == 1:
                lo.parent = govs[0]
    for *_, orgs, _items in sentences:
        for o1, o2 in zip(orgs, orgs[1:]):
            k1, k2 = facts.org(o1.name), facts.org(o2.name)
            lo1, lo2 = facts.orgs.get(k1), facts.orgs.get(k2)
            if lo1 is None or lo2 is None or k1 == k2:
                continue
            if o2.i == o1.j and is_unit(lo2) and not is_unit(lo1):
                lo2.parent = k1  # "the Harbour Medical Group Research Office"
                continue
            if o2.i == o1.j + 1 and w.text[o1.j] in ("'s", "’s") and lo2.parent is None and lo1.parent is None \
                    and not is_country(lo1.name):
                lo2.parent = k1  # "NASA's Goddard Space Flight Center": what an organisation owns is part of it
                continue
            if not is_unit(lo1) or is_unit(lo2) and not (lo2.acronym and lo2.acronym != lo2.name) \
                    and by_function(lo2):
                continue  # a unit of a unit, unless the second has a name or an acronym of its own ("Lab at KIKT")
            if o2.i == o1.j + 1 and w.lower[o1.j] == "," and not units & {lo1.name.split()[0].lower(),
                                                                           lo1.name.split()[-1].lower()}:
                continue  # "with Kansai Institute of Optical Engineering, Taichung University": two bodies
            if o2.i == o1.j + 1 and w.lower[o1.j] in ("at", ",", "of") or o2.i == o1.j + 2 and \
                    w.lower[o1.j] in ("at", "of") and w.lower[o1.j + 1] == "the":
                if not institute_of_its_own(lo1.name.split(" of ")[0], lo2.name):
                    lo1.parent = k2
    _generic_possessor(facts, sentences, w)
    _ownerless_units(facts, is_unit, sentences, w)  # after the units whose owner stands beside them
    _national_branches(facts, country_table())


def _named_together(facts: DocFacts, sentences: list, a: str, b: str) -> bool:
    """Whether one sentence names organisations `a` and `b` apart ("A and B signed"): two bodies."""
    return any({a, b} <= {facts.org(o.name) for o in orgs} for *_, orgs, _items in sentences if len(orgs) > 1)


def merge_into(facts: DocFacts, key: str, target: str) -> None:
    """Make organisation `key` a name of `target`: one organisation written two ways."""
    facts.orgs[target].aliases |= facts.orgs[key].aliases | {facts.orgs[key].name}
    facts.alias[key] = target
    del facts.orgs[key]


def _national_branches(facts: DocFacts, countries) -> None:
    """"Huawei Kenya" beside "Huawei Technologies": a company's national branch belongs to the company
    when the release names it too (the one organisation whose name begins with the branch's first
    words); a branch named alone ("Intel Ireland") stays the organisation."""
    for key, lo in list(facts.orgs.items()):
        words = lo.name.split()
        if lo.parent is not None or len(words) < 2 or lo.kind != "other" or lo.name == lo.acronym:
            continue
        cut = next((n for n in range(1, len(words)) if countries.match(words, n)[0] == len(words) - n), None)
        if cut is None or any(x.lower() in lexicon.people()[1] for x in words[:cut]):
            continue
        base = " ".join(words[:cut])
        owners = [k for k, o in facts.orgs.items() if k != key and o.parent is None
                  and (o.name == base or o.name.startswith(base + " ")) and not o.name.endswith(words[-1])]
        if len(owners) == 1:
            lo.parent = owners[0]


def _generic_possessor(facts: DocFacts, sentences: list, w: Words) -> None:
    """"the University's Geoinformatics Center": a body owned by the one the text calls "the University"
    (the last such body its sentence names before it, else the release's one)."""
    heads = lexicon.org_heads()[0]
    for *_, orgs, _items in sentences:
        for n, o in enumerate(orgs):
            lo = facts.orgs.get(facts.org(o.name))
            if lo is None or lo.parent is not None:
                continue
            if (head := _generic_owner_word(w, o, heads)) is None:
                continue
            if head in GENERIC_COMPANY:  # "the company's Water Technology Laboratory": the body named before
                near = [k for x in sorted(orgs, key=lambda x: x.i) if x.i < o.i
                        and (k := facts.org(x.name)) in facts.orgs and k != lo.key and facts.orgs[k].parent is None
                        and facts.orgs[k].kind not in ("university", "government")]
                firms = [k for k, x in facts.orgs.items() if k != lo.key and x.parent is None and x.kind == "company"]
                lo.parent = near[-1] if near else firms[0] if len(firms) == 1 else None
                continue
            named = [k for x in orgs[:n] if (k := facts.org(x.name)) in facts.orgs and k != lo.key
                     and facts.orgs[k].parent is None and headed(facts.orgs[k].name, head)]
            every = [k for k, x in facts.orgs.items() if k != lo.key and x.parent is None and headed(x.name, head)]
            owner = named[-1] if named else every[0] if len(every) == 1 else None
            if owner is not None:
                lo.parent = owner


_HEAD_STEMS = {"academy": ("academ", "akadem", "accadem", "académ"), "centre": ("center", "centro"),
               "center": ("centre", "centro")}


def headed(name: str, head: str) -> bool:
    """Whether a body's name has the head word a generic name uses, in any language ("the Academy" for
    "Academia de Ciencias del Sureste" or "Accademia Nazionale", "the University" for "Universidad de
    X"): the same word or stem, standing as the name's head, not as a modifier of another head
    ("Academy Council" is no academy)."""
    words = name.lower().replace(",", " ").split()
    stems = _HEAD_STEMS.get(head, (head[:6],) if len(head) >= 6 else ())
    heads, units = lexicon.org_heads()
    return any((x == head or x.startswith(stems)) and not (
        q + 1 < len(words) and (words[q + 1] in units or heads.match(words, q + 1, q + 2)[0]))
        for q, x in enumerate(words))


def _generic_owner_word(w: Words, o, heads) -> str | None:
    """The head word of the generic name a unit's owner goes by beside it: "the University's X", "the
    company's X", "X at the Institute", "X of the University" (a head word alone), else None."""
    if o.i >= 3 and w.text[o.i - 1] in ("'s", "’s") and w.lower[o.i - 3] == "the":
        word = w.text[o.i - 2]
        if word.lower() in GENERIC_COMPANY or is_cap(word) and heads.match(w.lower, o.i - 2, o.i - 1)[0]:
            return word.lower()
    q = o.j + 2
    unit = not lexicon.org_heads()[1].isdisjoint(o.name.lower().split())
    if unit and q < len(w) and w.lower[o.j] in ("at", "of") and w.lower[o.j + 1] == "the" and is_cap(w.text[q]) \
            and heads.match(w.lower, q, q + 1)[0] and (q + 1 >= len(w) or not is_cap(w.text[q + 1])
                                                      and w.text[q + 1] not in ("'s", "’s")):
        return w.lower[q]  # not "a delegation of X at the Ministry's headquarters": a place of the ministry's
    return None


def header_body(facts: DocFacts) -> str | None:
    """Key of the organisation a release's site header names alone ("Zuiderzee University of
    Technology", "X (ACR) | News"): the body that publishes it."""
    for name in _header_names(facts.doc.title):
        if (key := facts.org(name)) in facts.orgs:
            return key
    return None


@lru_cache(maxsize=1024)  # asked twice per release: by its units' owners and by its people's publisher
def _header_names(title: str | None) -> tuple[str, ...]:
    """The names a site header may be of one body: its part before "|"/"–" as written ("Himalayan
    Technology Promotion Board"), then the one name the header holds with page furniture only after it."""
    if not title:
        return ()
    names = [re.split(r"\s+[|—–-]\s+", title, maxsplit=1)[0].strip()]
    w = words_of(title)
    orgs = find_orgs(w, 0, len(w), title)
    if len(orgs) == 1 and orgs[0].i == 0:
        rest = w.lower[orgs[0].j:]
        if len(rest) >= 3 and rest[0] == "(" and rest[2] == ")":
            rest = rest[3:]  # its acronym
        if not rest or rest[0] in ("|", "—", "–", "-", ":") and len(rest) <= 4 \
                or rest[0] == "," and len(rest) <= 3 and all(is_cap(x) for x in w.text[orgs[0].j + 1:]):
            names.append(orgs[0].name)  # "| News", "— Newsroom", ", Jabalpur"
    return tuple(names)


def _ownerless_units(facts: DocFacts, is_unit, sentences: list, w: Words) -> None:
    """A unit named by its function alone ("School of Life Sciences", "International Office") belongs
    to the release's publisher when that is one of its organisations, else to its one university,
    else to the university its sentence names last before it ("the Rector of the University of La
    Serena ... and the Dean of the Faculty of Engineering")."""
    source = facts.org(facts.doc.source) if facts.doc.source else header_body(facts)
    source = source if source in facts.orgs and not is_unit(facts.orgs[source]) else None
    universities = [k for k, lo in facts.orgs.items() if lo.parent is None and lo.kind == "university"
                    and not is_unit(lo)]
    # no university: a faculty or school is of the one institute named for itself ("Lekki Institute of X")
    schools = universities or [k for k, lo in facts.orgs.items() if lo.parent is None and lo.kind == "research"
                               and re.match(r"\w.* Institute (?:of|for) ", lo.name)]
    for key, lo in facts.orgs.items():
        # "Kestrel College" has a name of its own; "Centre for Applied Electrochemistry Research (CREA)",
        # with an acronym of its own, is a body in its own right
        governing = _university_body(lo.name)  # "the President of the University Senate"
        if not governing and (not is_unit(lo) or not by_function(lo) or lo.acronym and lo.acronym != lo.name):
            continue
        academic = governing or lo.name.split()[0].lower() in _ACADEMIC_UNITS
        own = source if source and not (academic and facts.orgs[source].kind == "company") else None
        own = _delegations_unit(facts, key, sentences, w) or own  # "The X delegation also included the Dean of Y"
        bodies = schools if academic else universities
        owner = own or (bodies[0] if len(bodies) == 1 else _university_before(facts, key, sentences)
                        or _most_named(facts, bodies, sentences))
        if owner is None and not academic \
                and not _with_delegation(facts, key, sentences):  # a visiting delegation's unit is not the host's
            # "Department of Asian Cooperation", "Media Unit": the body the release is about, when one is named
            # in twice as many sentences as any other
            owner = _most_named(facts, [k for k, o in facts.orgs.items() if o.parent is None and not is_unit(o)
                                        and k != key and not is_country(o.name)], sentences)
        if owner and owner != key:
            lo.parent = owner


def _delegations_unit(facts: DocFacts, key: str, sentences: list, w: Words) -> str | None:
    """The one body whose delegation every sentence naming unit `key` lists ("The HUCRE delegation
    also included Dr. A, Dean of the School of X"), else None."""
    owners = set()
    for *_, orgs, _items in sentences:
        if not any(facts.org(o.name) == key for o in orgs):
            continue
        led = {k for o in orgs if (k := facts.org(o.name)) != key and k in facts.orgs
               and facts.orgs[k].parent is None and o.j < len(w) and w.lower[o.j] in ("delegation", "delegation's")}
        if len(led) != 1:
            return None
        owners |= led
    return owners.pop() if len(owners) == 1 else None


_ACADEMIC_UNITS = {"faculty", "school", "college"}
_GOVERNING = {"senate", "council", "court", "assembly"}


def _university_body(name: str) -> bool:
    """Whether a name is a university's governing body with no name of its own ("University Senate",
    "Council of the University")."""
    words = name.lower().split()
    return len(words) == 2 and words[0] == "university" and words[1] in _GOVERNING \
        or len(words) == 4 and words[0] in _GOVERNING and words[1:] == ["of", "the", "university"]


def _with_delegation(facts: DocFacts, key: str, sentences: list) -> bool:
    """Whether a sentence naming organisation `key` speaks of a delegation or a visit."""
    text = facts.doc.text
    return any(any(facts.org(o.name) == key for o in orgs) and re.search(r"\b(?:delegation|visit)", text[a:b], re.I)
               for a, b, _s, _e, orgs, _items in sentences)


def _most_named(facts: DocFacts, keys: list[str], sentences: list) -> str | None:
    """Of several universities, the one the release names in at least twice as many sentences as any
    other: the release's own, which its units' people serve ("Dean of the Faculty of Engineering")."""
    counts = sorted(((sum(any(facts.org(o.name) == k for o in orgs) for *_, orgs, _items in sentences), k)
                     for k in keys), reverse=True)
    return counts[0][1] if len(counts) > 1 and counts[0][0] >= 2 * max(counts[1][0], 1) else None


def by_function(lo: LocalOrg) -> bool:
    """Whether a unit is named by its function alone ("School of Life Sciences", "International
    Office"), not by a name of its own ("Kestrel College"; "Korea Marine Institute", a country's own)."""
    units = lexicon.org_heads()[1]
    words = [x.lower() for x in lo.name.split()]
    return words[0] in units or (words[-1] in units and all(x in lexicon.people()[1] for x in words[:-1])
                                 and not country_table().match(lo.name.split(), 0)[0])


def _university_before(facts: DocFacts, key: str, sentences: list) -> str | None:
    """The one university that each sentence naming unit `key` names last before it."""
    owners = set()
    for *_, orgs, _items in sentences:
        keys = [facts.org(o.name) for o in orgs]
        for n, k in enumerate(keys):
            if k != key:
                continue
            before = [facts.orgs[x] for x in keys[:n] if x in facts.orgs and facts.orgs[x].parent is None]
            if not before or before[-1].kind not in ("university", "research") or before[-1].key == key:
                return None
            owners.add(before[-1].key)
    return owners.pop() if len(owners) == 1 else None


def _short_owner(facts: DocFacts, key: str, first: str) -> str | None:
    """The one other top-level body whose name opens with `first` too, when the release also writes
    that word alone for it ("Helix would bring ..."): a distinctive word, not a place or a field."""
    if not NAME_WORD.match(first) or is_place_word(first) or first.lower() in lexicon.field_words() \
            or first.lower() in lexicon.bare_stop_words():
        return None
    owners = [k for k, o in facts.orgs.items() if k != key and o.parent is None and o.name != o.acronym
              and len(o.name.split()) >= 2 and o.name.split()[0] == first]
    alone = re.search(rf"\b{re.escape(first)}\b(?!['’]?s?\s+[A-Z])(?!-)", facts.doc.text)
    return owners[0] if len(owners) == 1 and alone else None


def top_org(facts: DocFacts, o: OrgSpan | None) -> str | None:
    """Key of the top-level organisation a span names (its parent when it is a unit)."""
    if o is None:
        return None
    key = facts.org(o.name)
    return facts.top(key) if key in facts.orgs else None


def holder_of(facts: DocFacts, name: str, exclude: str | None = None) -> str | None:
    """The one organisation of the release (other than `exclude`) whose name's words begin with each
    of `name`'s words."""
    short = [x.lower() for x in re.split(r"[\s-]+", name) if x]
    hits = [k for k, lo in facts.orgs.items() if lo.name != name and lo.name != lo.acronym and k != exclude and all(
        any(x.startswith(t) for x in re.split(r"[\s-]+", lo.name.lower())) for t in short)]
    return hits[0] if len(hits) == 1 else None
