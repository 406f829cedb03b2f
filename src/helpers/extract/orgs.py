"""Organisation names in a sentence: capitalised phrases built around a head word, and acronyms."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..dates import dateline
from .acronyms import bracketed, glued_head, glued_starts, initials, is_acronym, spelled_by_acronym
from .facts import OrgSpan
from .legal_forms import ROMANCE_OF, ends_legal_form, form_after_run, is_legal_form, legal_suffix
from .names import NAME_WORD, given_names_before, name_run_at
from .nlp import Words, based_word, is_cap
from .org_bounds import (
    NAME_BREAKS,
    TAIL_OF,
    affiliation_in_brackets,
    heading_word,
    named_with_acronym,
    nameish,
    new_name_after_and,
    person_next,
    place_in_brackets,
    place_spelled,
    portfolio_at,
    portfolio_end,
)
from .org_shapes import (
    apart_from_company,
    named_after,
    national_bodies,
    regional_governments,
    spelled_to_acronym,
    with_quoted_names,
)
from .places import holds_place, is_place_word, not_a_name_word, noun_in, place_dateline

_DIGIT = re.compile(r"\d")
_NAMED_AFTER = {"prince", "princess", "crown", "sheikh", "sheikha"}  # royal honorifics a body is named after


# heads of bodies posted in a place ("Consulate General" ends in "general")
_POSTED = frozenset({"embassy", "consulate", "consulate-general", "general", "mission", "office"})


_DESCRIBED = {"group", "consortium"}  # with the lexicon's company descriptors ("maker", "firm")
_OVERSEERS = {"cabinet", "ministry", "government", "president", "office", "academy", "council", "committee"}
_ARTICLES = {"the", "las", "los", "les", "el", "le", "la", "lo", "gli", "il", "l"}
_ELIDED = re.compile(r"(?:dell|dall|all|nell|sull|d|l)['’][A-ZÀ-Ý]")  # "dell'Isonzo", "d'Aosta"


# A palace or a hall named after the body it houses is where an event is, not who takes part
# ("at the Palazzo della Regione", "in the Salão Nobre da Reitoria")
_BUILDINGS = frozenset({"palazzo", "palácio", "palacio", "palais", "schloss", "castello", "salão", "salón", "sala"})


def find_orgs(w: Words, s: int, e: int, text: str, short: frozenset[str] = frozenset()) -> list[OrgSpan]:
    """Organisation spans in words s..e, longest and leftmost first, not overlapping.

    `short` holds the release's bracket-defined short forms ("Helix"), found alone as names too.
    """
    heads, units = lexicon.org_heads()
    title_words = lexicon.org_stop_words()
    not_name = lexicon.name_stop_words()
    spans: list[OrgSpan] = sorted(national_bodies(w, s, e, title_words) + regional_governments(w, s, e),
                                  key=lambda sp: sp.i)
    national = {k for sp in spans for k in range(sp.i, sp.j)}
    last = s
    nxt = s  # the first word the next name may start at
    first = heads.first
    lowers = w.lower
    for i in [k for k in range(s, e) if lowers[k] in first]:  # the words that can start a head
        if i < nxt:
            continue
        n, kind = heads.match(lowers, i, e)
        if not n or not is_cap(w.text[i]) or i < last or i in national:
            nxt = i + 1
            continue
        a = _left(w, s, i, last, title_words)
        if national and (inside := [k for k in national if a <= k < i]):
            a = max(inside) + 1  # "Business Finland and Tarn University": two bodies
            while a < i and w.lower[a] in ("and", "&", ",", "the"):
                a += 1
        b, parent = _right(w, i + n, e, heads, title_words, w.lower[i] in lexicon.leading_heads())
        if n > 1 and b == i + n and w.text[b - 1].isalpha() and w.text[b - 1].islower():
            b -= 1  # "the Busan Metropolitan City government": the word written small is no part of the name
        if w.lower[b - 1] in ("college", "university") and b < e and is_cap(w.text[b]) \
                and (b + 1 >= e or not is_cap(w.text[b + 1])) and is_place_word(w.text[b]):
            b += 1  # "Imperial College London", "University College Dublin": the city is the name's
        if w.lower[i + n - 1] == "university" and a == i and b == i + n and b + 1 < e and w.lower[b] == "at" \
                and is_cap(w.text[b + 1]) and w.lower[b + 1] not in title_words:
            b += 2  # "the University at Buffalo": its place is its name
        if a >= 2 and w.lower[a - 1] in ("of", "the") and b - i - n >= 3:
            b = _trim_name(w, a, i + n, b)
        if w.lower[i + n - 1] == "service" and i - a == 1 and (
                w.lower[a] in _SERVICE_FUNCTIONS or w.lower[a] in lexicon.word_set("titles", "portfolios")):
            nxt = i + n  # "Press Service of X", "Vice President for Community Service": a function, no body
            continue
        if w.lower[i + n - 1] == "board" and all(w.lower[q] in _BOARD_FUNCTIONS or is_acronym(w.text[q])
                                                 for q in range(a, i)):
            nxt = i + n  # "Member of the Board of X", "the ZOSA Executive Board": a body's board, no body
            continue
        generic = _unit_generic() if w.lower[i + n - 1] in units else _GENERIC
        if all(w.lower[k] in generic or k >= i for k in range(a, b)) and b - i == n:
            nxt = i + n  # "the Government", "Municipal Government": no name
            continue
        b = legal_suffix(w, b, e)
        if b + 1 < e and w.text[b] == "," and is_cap(w.text[b + 1]) and (b + 2 >= e or not is_cap(w.text[b + 2])) \
                and _generic_name(w, a, b) and is_place_word(w.text[b + 1]):
            b += 2  # "Federal University of Technology, Akure", "University of Technology, Jamaica"
        elif b + 4 < e and w.text[b] == "," and is_cap(w.text[b + 1]) and w.text[b + 2] == "(" \
                and w.text[b + 4] == ")" and _generic_name(w, a, b) \
                and w.text[b + 3].upper().startswith(initials(text[w.start[a]:w.end[b + 1]])):
            b += 2  # "Federal University of Technology, Okeluse (FUTOK)": the acronym spells the place too
        b = place_spelled(w, a, b, e)
        head = w.lower[i + n - 1]
        if head in _POSTED and b + 1 < e and w.lower[b] == "in":
            q = b + 1 + (b + 2 < e and w.lower[b + 1] == "the")
            while q < e and (is_cap(w.text[q]) or w.lower[q] == "of" and q + 1 < e and is_cap(w.text[q + 1])):
                q += 1
            b = q if q > b + 1 and is_cap(w.text[q - 1]) else b  # "Embassy of Switzerland in Belgium"
        if b + 3 < e and is_cap(w.text[b]) and w.text[b + 1] == "(" and is_acronym(w.text[b + 2]) \
                and w.text[b + 3] == ")" and w.lower[b] not in title_words and not is_acronym(w.text[b]):
            b += 1  # "Technical University Denmark (DTU)"
        if a + 1 < i and is_acronym(w.text[a]) and head in units and parent is None and all(
                w.lower[q] in lexicon.generic_unit_words() for q in range(a + 1, i)):
            parent = w.text[a]  # "SAU Party Committee" belongs to SAU
        elif a + 2 == i and w.text[a] in ("CPC", "CCP") and is_acronym(w.text[a + 1]) and head in units \
                and parent is None:
            parent = w.text[a + 1]  # "CPC ZUA Committee": the Party committee of ZUA
        if "\n" in text[w.start[a]:w.end[b - 1]]:
            a = w.index_at(text.rfind("\n", w.start[a], w.start[i]) + 1) if "\n" in text[w.start[a]:w.start[i]] else a
            if "\n" in text[w.end[i + n - 1]:w.end[b - 1]]:
                b = min(b, w.index_at(text.find("\n", w.end[i + n - 1])))
        name, acronym = _name(w, a, b, text)
        kind = kind_of(name)
        possessive = b + 1 < e and w.text[b] in ("'s", "’s") and w.text[b + 1] == "("
        if (br := bracketed(w, b + possessive, e, name)) is not None:
            acronym = acronym or br[0]  # "NUS School of Computing's (NUS Computing)" too
            b = br[1]
        if parent is not None and acronym and acronym == initials(name) != initials(parent):
            parent = None  # "Bohemian Institute of Plasma Technologies (BIPT)": the acronym spells one body
        if parent is not None and institute_of_its_own(" ".join(w.text[a:i + n]), parent):
            parent = None  # "Institute of Hydrology of the X Research Academy", "Higher Institute of Y of Z": bodies
        if parent is not None and head in units:
            kind = "other"
        spans.append(OrgSpan(a, b, name, acronym, kind, parent if head in units else None))
        last = b
        nxt = b
    covered = {k for sp in spans for k in range(sp.i, sp.j)}
    for at in glued_starts(text) if s < e else ():
        k = w.index_at(at)
        if w.start[s] <= at < w.end[e - 1] and k not in covered and w.start[k] == at and glued_head(w.text[k]):
            spans.append(OrgSpan(k, k + 1, w.text[k], None, kind_of(w.text[k]) if "-" in w.text[k]
                                 else "university"))  # "VinUniversity", "Fraunhofer-Gesellschaft"
            covered.add(k)
    for i, j, name, acronym in spelled_by_acronym(w, s, e, text, covered):
        spans.append(OrgSpan(i, j, name, acronym, kind_of(name)))
        covered.update(range(i, j))
    for form in sorted((f for f in short if " " in f), key=lambda f: (-len(f), f)):  # longest first, fixed order
        n = len(form.split())
        for k in range(s, e - n + 1):
            if " ".join(w.text[k:k + n]) == form and not any(q in covered for q in range(k, k + n)):
                end = _defined_by(w, k, e, form, text) or legal_suffix(w, k + n, e)  # "... BioPharma S.A.E."
                a = _company_start(w, s, k, title_words, covered) if end > k + n else k  # "Grupo Industrial Cerro Alto"
                name = text[w.start[a]:w.end[end - 1]]  # 'Corrib Genomics DAC ("Corrib Genomics")': the full name
                spans.append(OrgSpan(a, end, name, form, kind_of(name) if kind_of(name) != "other" else "company")
                             if end > k + n
                             else OrgSpan(k, k + n, form, form, "other", is_acronym=True))
                covered.update(range(a, end))
    line = dateline(text[w.start[s]:w.end[e - 1]]) if s < e and is_cap(w.text[s]) \
        and _DIGIT.search(text, w.start[s], w.start[s] + 60) else None  # a dateline holds a date
    wire = w.start[s] + line.end() if line else -1  # "HEIDELBERG, Germany, Nov. 20, 2020 /PRNewswire/ --"
    if not line and s < e and w.text[s].isupper() and (q := place_dateline(w, s, e)) > s:
        wire = w.start[q]  # "WASHINGTON --"
    families: set[int] = set()  # "Rosa Elvira MENDOZA DE LA CRUZ": a family name in capitals after given names
    for k in [k for k in range(s, e) if w.text[k][-1:].isupper() or w.text[k] in short]:  # the acronyms' shape
        word = w.text[k]
        if k in covered or word not in short and (not word[-1:].isupper() or not is_acronym(word)) or w.start[k] < wire:
            continue
        if word not in short and k > s and (k - 1 in families or w.lower[k - 1] in _particles() and k - 2 in families
                                            or given_names_before(w, k, not_name)):
            families.add(k)
            continue
        if "-" in word and all(is_place_word(x) for x in word.split("-")):
            continue  # "UK-US", "EU-China": countries joined, no organisation
        if k > s and w.text[k - 1] == "(" and (k + 1 >= e or w.text[k + 1] in (")", ",")) \
                and not affiliation_in_brackets(w, s, k, text):
            continue  # "(ACR)" after the name it stands for
        if k + 1 < e and w.text[k + 1] == ":" and w.text[k - 1] == "(" or k > s + 1 and w.text[k - 1] == ":" \
                and w.text[k - 2].isupper() and w.text[k - 3] == "(":
            continue  # "IonQ (NYSE: IONQ)": a stock ticker, no organisation
        if k > s and word in lexicon.post_nominals() and word not in short and (
                is_cap(w.text[k - 1]) and not w.text[k - 1].isupper()
                or w.text[k - 1] == "," and k - 1 > s and is_cap(w.text[k - 2]) and not w.text[k - 2].isupper()):
            continue  # "Scott Bowman AO", "Hon. Justus Karanja, EGH": honours after a name
        if k + 1 < e and nameish(w.text[k + 1]) and w.lower[k + 1] not in not_name \
                and w.lower[k + 1] not in title_words and word not in short \
                and not lexicon.titles()[0].match(w.lower, k + 1, e)[0] and not _holder_after(w, k, e, not_name):
            continue
        if named_with_acronym(w, k, e, text):
            name = f"{word} {w.text[k + 1]}"  # "USB Certification" again and again: the company's name
            spans.append(OrgSpan(k, k + 2, name, None, "company"))
            covered.update((k, k + 1))
            continue
        if is_legal_form(word) and word not in short and (a := _company_before(w, s, k, title_words)) < k:
            end = legal_suffix(w, k, e)  # "Director of Tarn Soft JSC": the company the legal form closes
            spans[:] = [o for o in spans if not a <= o.i < end]
            spans.append(OrgSpan(a, end, text[w.start[a]:w.end[end - 1]], None, "company"))
            covered.update(range(a, end))
            continue
        if word in short and ((end := _defined_by(w, k, e, word, text)) or (end := legal_suffix(w, k + 1, e)) > k + 1):
            a = _company_start(w, s, k, title_words, covered)  # "Grupo Industrial Tecnosílice, S.A.B. de C.V."
            name = text[w.start[a]:w.end[end - 1]]  # 'Nordvind Marine Robotics A/S ("Nordvind")': the full name
            spans[:] = [o for o in spans if not a <= o.i < end]
            spans.append(OrgSpan(a, end, name, word, kind_of(name) if kind_of(name) != "other" else "company"))
            covered.update(range(a, end))
            continue
        spans.append(OrgSpan(k, k + 1, word, word, "other", is_acronym=True))  # resolved per release
        covered.add(k)
    for k in [k for k in range(s + 1, e - 4) if w.text[k] == "("]:
        if w.text[k] == "(" and w.text[k + 2] == ":" and w.text[k + 1].isupper() and k - 1 not in covered:
            a = k  # "IonQ (NYSE: IONQ)", "Qubex Systems (NASDAQ: QBX)": a listed company
            while a - 1 >= s and k - a < 4 and nameish(w.text[a - 1]) and w.lower[a - 1] not in not_name \
                    and a - 1 not in covered:
                a -= 1
            if a < k:
                spans.append(OrgSpan(a, k, " ".join(w.text[a:k]), None, "company"))
                covered.update(range(a, k))
    behalf = [k + 3 for k in range(s, e - 3) if w.lower[k + 1] == "behalf"] if "behalf" in w.lower[s:e] else []
    for k in behalf:
        # "signed on behalf of Gropoint": one capitalised word after "on behalf of" names a body.
        if k not in covered and w.lower[k - 3:k] == ["on", "behalf", "of"] and nameish(w.text[k]) \
                and w.lower[k] not in not_name and w.lower[k] not in lexicon.titles()[1] \
                and not lexicon.people()[0].match(w.lower, k)[0] and (k + 1 >= e or not is_cap(w.text[k + 1])):
            spans.append(OrgSpan(k, k + 1, w.text[k], None, "other"))
    spans = apart_from_company(with_quoted_names(sorted(spans, key=lambda sp: sp.i), w, e, text), w, text, short)
    spans = spelled_to_acronym(_joined_acronyms(named_after(spans, w, e, text), w, text), w, e, text)
    return [_without_heading(sp, w, text) for sp in spans if lowers[sp.i] not in _BUILDINGS]


def _holder_after(w: Words, k: int, e: int, not_name: frozenset[str]) -> bool:
    """Whether the acronym at k closes a title and a person's name follows ("Rector of KSEU Ildar R.
    Mingazov,"): the acronym is a body, not the first word of a longer name."""
    if k < 2 or w.lower[k - 1] != "of" or w.lower[k - 2] not in lexicon.titles()[1]:
        return False
    q = k + 1
    while q < e and q < k + 5 and NAME_WORD.match(w.text[q]) and w.lower[q] not in not_name:
        q += 1
    return q - k - 1 >= 2 and (q >= e or not is_cap(w.text[q]))


def _without_heading(sp: OrgSpan, w: Words, text: str) -> OrgSpan:
    """The name without a boilerplate heading that opens its line ("About Tarn Ltd.", "SOURCE Tarn Ltd.")."""
    if sp.j - sp.i < 2 or not heading_word(w, sp.i, text):
        return sp
    name = text[w.start[sp.i + 1]:w.end[sp.j - 1]]
    return OrgSpan(sp.i + 1, sp.j, name, sp.acronym, kind_of(name), sp.parent, sp.is_acronym)


def _joined_acronyms(spans: list[OrgSpan], w: Words, text: str) -> list[OrgSpan]:
    """"TÜBİTAK UME", "SNU CALS", "Medeniyet University TEKNOPARK": an acronym written right after
    an organisation's name, with no bracket, is one name with it (the owner's unit)."""
    if not any(sp.is_acronym for sp in spans[1:]):
        return spans
    out: list[OrgSpan] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and sp.is_acronym and sp.j - sp.i == 1 and prev.j == sp.i \
                and w.text[sp.i - 1] != ")" and (sp.j >= len(w) or w.text[sp.j] != "(") \
                and (not prev.is_acronym or prev.j - prev.i == 1):
            name = text[w.start[prev.i]:w.end[sp.i]]
            out[-1] = OrgSpan(prev.i, sp.j, name, None, kind_of(name))
            continue
        out.append(sp)
    return out


_GENERIC = {"municipal", "provincial", "national", "central", "local", "state", "people's", "city",
            "county", "district", "federal", "regional", "new"}


@lru_cache(maxsize=1)
def _unit_generic() -> frozenset[str]:
    """Words that make a unit no name of its own, with the generic modifiers."""
    return frozenset(_GENERIC) | lexicon.generic_unit_words()




def _generic_name(w: Words, a: int, b: int) -> bool:
    """Whether words a..b name no body of their own: heads, fields and joining words only."""
    heads, fields = lexicon.org_heads()[0], lexicon.field_words()
    return all(heads.match(w.lower, k, k + 1)[0] or w.lower[k] in fields or w.lower[k] in _GENERIC
               or w.lower[k] in TAIL_OF or w.lower[k] in ("and", "&", "the") for k in range(a, b))


@lru_cache(maxsize=1 << 16)  # a pure function of its string, asked again and again
def kind_of(name: str) -> str:
    """The kind of organisation a name says it is, from its last head word."""
    heads, _ = lexicon.org_heads()
    lowers = name.lower().replace(",", " ").split()
    of = lowers.index("of") if "of" in lowers else len(lowers)
    found = "other"
    for k in range(len(lowers) - 1, -1, -1):
        for n in range(min(3, len(lowers) - k), 0, -1):
            kind = heads.entries.get(tuple(lowers[k:k + n]))
            if kind is not None and kind != "other":
                if kind != "company" or k < of:
                    return str(kind)
                found = "company" if found == "other" else found
                break  # "Ministry of Energy", "Institute of Semiconductor Physics": a field after "of"
    return found


def _left(w: Words, s: int, i: int, floor: int, title_words: frozenset[str]) -> int:
    a = i
    k = i - 1
    crossed_and = False
    before_and = i
    honor = lexicon.people()[0]
    while k >= max(s, floor):
        word, low = w.text[k], w.lower[k]
        if low in honor.first and honor.match(w.lower, k, i)[0]:
            if low in _NAMED_AFTER and a == k + 1 and not crossed_and:
                return k  # "Princess Nourah bint Abdulrahman University": a body named after a royal
            return before_and if crossed_and else a  # "Mr. Victor Kyalo and Brindle University"
        if word == ")" and k - 2 >= s and w.text[k - 2] == "(" and is_acronym(w.text[k - 1]):
            k -= 3
            continue
        if word == ")" and a == k + 1 and (q := place_in_brackets(w, s, k)) is not None:
            k = q - 1  # "China Mobile (Hong Kong) Innovation Research Institute"
            continue
        if low in ("and", "&", ",") and k - 1 >= s:
            left = w.text[k - 1]
            if low == "," and not crossed_and:
                break
            run = k - 1
            while run - 1 >= max(s, floor) and is_cap(w.text[run - 1]):
                run -= 1
            if run == floor and floor > s:
                break  # "the Academy of Tarn Andres Bello and Brindle University": the name ends the body before
            if run == k - 1 and run - 1 >= s and w.lower[run - 1] == "the" and (h := lexicon.org_heads()[0].match(
                    w.lower, run, k))[0] and h[1] != "company":
                break  # "between the University and Shenzhou Greenpower Energy Technology Co., Ltd.": two bodies
            if run - 1 >= s and (w.lower[run - 1] in lexicon.name_particles() or "/" in w.text[max(s, run - 2):run]) \
                    or any(is_acronym(x) for x in w.text[run:k]):  # "Kavitha a/p Subramaniam and X Berhad"
                break  # "Jean-Luc van der Berg and Brindle Institute", "MTU Aero Engines and X University"
            if run - 1 >= s and (w.lower[run - 1] in _DESCRIBED or w.lower[run - 1] in lexicon.word_set(
                    "organizations", "company_descriptors")) and w.text[run - 1].islower():
                break  # "Czech engineering group Kovona and Moravian Polytechnic University": two bodies
            if is_cap(left) and not is_acronym(left) and w.lower[k - 1] not in NAME_BREAKS and a != i \
                    and not left.endswith(".") and not glued_head(left) and not ends_legal_form(w, k - 1):
                before_and = a if not crossed_and else before_and
                crossed_and = crossed_and or low != ","
                k -= 1
                continue
            break
        if is_cap(word) and low not in NAME_BREAKS and low not in title_words and word != "'s" \
                and not based_word(low):  # "Johannesburg-based Tarn Institute"
            a = k
            k -= 1
            continue
        if word in ("'", "’") and a == k + 1 and k - 1 >= s and w.end[k - 1] == w.start[k] \
                and w.text[k - 1].endswith("s") and is_cap(w.text[k - 1]):
            k -= 1  # "Icelandic Geothermal Technicians' Association"
            continue
        if low in ("'s", "’s") and k - 1 >= s and w.lower[k - 1] in lexicon.possessive_in_names():
            k -= 1  # "People's Government"
            continue
        if a == k + 1 and (low in _particles() or low == "es" and holds_place(w.text[k - 1:a + 1])) \
                and k - 1 >= max(s, floor) and is_cap(w.text[k - 1]) and w.lower[k - 1] not in NAME_BREAKS:
            k -= 1  # "Princess Nourah bint Abdulrahman University", "Dar es Salaam Institute"
            continue
        if crossed_and and low in title_words:
            return before_and  # "President A B and X University": the title names a person
        break
    return a


_BOARD_FUNCTIONS = {"management", "executive", "supervisory", "governing", "advisory", "regional", "editorial",
                    "university", "company", "corporate", "academic", "scientific", "main", "national", "the"}
_SERVICE_FUNCTIONS = {"press", "media", "customer", "public", "civil", "information", "news", "secret", "legal"}


def _particles() -> frozenset[str]:
    return lexicon.name_particles()


def _trim_name(w: Words, a: int, h: int, b: int) -> int:
    """End of "the Academy of Athens" without the name that follows it after a title
    ("General Secretary of the Academy of Athens Christos Zerefos")."""
    k = a - 1
    while k > 0 and w.lower[k] in ("of", "the"):
        k -= 1
    if w.lower[k] not in lexicon.titles()[1] or w.lower[k] in ("and", "&", "for", "of"):
        return b
    stop = lexicon.bare_stop_words()
    tail = w.text[b - 2:b]
    if w.lower[b - 3] not in TAIL_OF | _ARTICLES | {"and", "&"} and not not_a_name_word(tail[0]) \
            and not noun_in(tail) and all(t[:1].isupper() and t[1:].islower() and t.lower() not in stop for t in tail):
        return b - 2
    return b


def _right(w: Words, b: int, e: int, heads, title_words, leading: bool = False) -> tuple[int, str | None]:
    saw_of = False
    parent_at: list[int] = []
    titles = lexicon.titles()[0]
    honor = lexicon.people()[0]
    k = b
    while k < e:
        low = w.lower[k]
        if low in honor.first and honor.match(w.lower, k, e)[0]:
            break  # "Ministry of ICT Mr. Victor Kyalo": a person begins
        if low in titles.first and (n := titles.match(w.lower, k, e)[0]) and k + n < e \
                and (is_cap(w.text[k + n]) or w.lower[k + n] in (",", "of")) \
                and not (low == "ministers" and w.lower[k - 2:k] in (["cabinet", "of"], ["council", "of"])):
            break  # "Department of Trade & Industry Permanent Secretary A" (not "Office of the President")
        if low == "for" and k == b and w.lower[k - 1] in ("university", "college") and portfolio_at(w, k + 1, e) \
                and w.text[min(portfolio_end(w, k + 1, e) or e, e - 1)] != "(":
            break  # "Vice President of X University for Academic Affairs": the title's portfolio, not "(NDUST)"
        if leading and k == b and w.text[k].isalpha() and w.text[k].islower() and k + 2 < e \
                and w.lower[k + 1] in TAIL_OF - {"of", "for", "on"} and is_cap(w.text[k + 2]):
            k += 1  # "Université libre de Bruxelles": an adjective written small after a leading head
            continue
        if saw_of and w.text[k] in ("'s", "’s") and w.lower[k - 1] in lexicon.possessive_in_names() \
                and k + 1 < e and is_cap(w.text[k + 1]):
            k = b = k + 1  # "Embassy of the People's Republic of China"
            continue
        if (saw_of or leading) and _ELIDED.match(w.text[k]):
            k = b = k + 1  # "Università degli Studi dell'Isonzo": an article run into the next word
            continue
        if low == "under" and k + 2 < e and w.lower[k + 1] == "the" and w.lower[k + 2] in _OVERSEERS \
                and is_cap(w.text[k + 2]):
            saw_of, k = True, k + 2  # "Agency for Technology Transfer under the Cabinet of Ministers of X": one name
            continue
        nxt = k + 1 + (1 if k + 1 < e and w.lower[k + 1] in _ARTICLES else 0)  # "Universidad de las Cumbres"
        if low in TAIL_OF and nxt < e and is_cap(w.text[nxt]) and (w.lower[nxt] not in title_words or w.lower[
                nxt] == "ministers" and w.lower[k - 1] in ("cabinet", "council")):  # "the Cabinet of Ministers of X"
            saw_of = True
            if low == "of":
                parent_at.append(nxt)
            k = nxt
            continue
        if low in _AND and saw_of and k + 1 < e and is_cap(w.text[k + 1]) \
                and not is_acronym(w.text[k + 1]) and not _starts_org(w, k + 1, e, heads) \
                and not person_next(w, k + 1, e) and not new_name_after_and(w, k + 1, e):
            k += 1
            continue
        leading = leading or low in lexicon.leading_heads()  # "Faculty of Engineering of Universitas Bukit Raya"
        if saw_of and not leading and (name_run_at(w, k, e) and not not_a_name_word(w.text[k])
                       or len(w.text[k]) == 2 and w.text[k][1] == "." and w.text[k][0].isupper()):
            break  # "College of Life Sciences and Bioengineering Sang Yup Lee", "... Republic K. E. A": a person
        if is_cap(w.text[k]) and low not in title_words and low not in NAME_BREAKS and k == b \
                and b > 0 and heads.match(w.lower, b - 1, b)[1] == "company" \
                and (q := form_after_run(w, k, e)) > k:
            k = b = q  # "Shenzhou Greenpower Energy Technology Co., Ltd.": the legal form closes the name
            continue
        if is_cap(w.text[k]) and low not in title_words and low not in NAME_BREAKS \
                and (saw_of or leading or heads.match(w.lower, k, e)[0]
                     or k == b and low in lexicon.word_set("organizations", "region_suffixes")):
            k += 1  # "NEC Laboratories Europe": a region closes a company's name
            b = k
            continue
        if low in _AND and saw_of and k + 2 < e and w.lower[k + 1] == "the" and not _starts_org(w, k + 2, e, heads) \
                and (end := _field_list(w, k, e)):
            k = b = end  # "State Department for ICT and the Digital Economy"
            continue
        if low == "," and saw_of and (end := _field_list(w, k + 1, e)):
            k = b = end  # "Ministry of Trade, Industry and Energy"
            continue
        break
    if parent_at and parent_at[-1] == b - 1 and w.lower[b - 2] == "the" and w.lower[b - 3] == "of" \
            and heads.match(w.lower, b - 1, b)[0]:
        return b - 3, None  # "Faculty of Agricultural Sciences of the University": the owner is named apart
    for at in reversed(parent_at):  # the nearest "of" that is followed by a name of its own
        if at < b and ((b - at == 1 and is_acronym(w.text[at])) or any(
                _closes_name(w, k, *heads.match(w.lower, k, b), b) for k in range(at, b))):
            return b, " ".join(w.text[at:b])
    return b, None


def _closes_name(w: Words, k: int, n: int, kind: str | None, b: int) -> bool:
    """Whether a head word of n words at k makes the words up to b a body's name. A company's head
    ("Semiconductor", "Systems", "Energy") doubles as a field, so it must end the name, come before
    its "of" or a legal form: "Institute of Semiconductor Physics" is no unit of a company
    "Semiconductor Physics", while "Committee of X University Board" is X University's."""
    return n > 0 and (kind != "company" or k + n == b or w.lower[k + n] in TAIL_OF
                      or is_legal_form(w.text[k + n]))


_AND = {"and", "&", "y", "e", "et"}  # "Ciencia, Tecnología e Innovación"


_ADJECTIVE_ENDS = ("al", "ic", "ive", "ary", "ical")


_FIELD_ENDS = ("ion", "ment", "ity", "ics", "ogy", "ance", "ence", "ure")


def _field_list(w: Words, k: int, e: int) -> int | None:
    """End of a list of field words that closes a name ("Industry and Energy", "Sports and Tourism"),
    or None: only generic field words, so two names in a list are never joined."""
    fields = lexicon.field_words()

    def field(q: int) -> bool:  # a field word, or a noun of one ("Supervision", "Ecology")
        return w.lower[q] in fields or w.lower[q].endswith(_FIELD_ENDS) and w.text[q].isalpha()

    saw_and = False
    while k < e:
        if is_cap(w.text[k]) and (field(k) or k + 1 < e and field(k + 1)
                                  and is_cap(w.text[k + 1]) and w.lower[k].endswith(_ADJECTIVE_ENDS)):
            k += 1  # a field word, or the adjective before one ("Technological Development")
            if saw_and and (k >= e or not is_cap(w.text[k])
                            or not field(k) and not w.lower[k].endswith(_ADJECTIVE_ENDS)):
                return k  # "... Development and Innovation Dragana A": the list ends before the name
            continue
        the = w.lower[k] in _AND and k + 2 < e and w.lower[k + 1] == "the"  # "Technology and the Digital Economy"
        if (w.lower[k] == "," or w.lower[k] in _AND) and k + 1 + the < e and is_cap(w.text[k + 1 + the]):
            saw_and = saw_and or w.lower[k] in _AND
            k += 1 + the
            continue
        return None
    return k if saw_and else None


def _company_before(w: Words, s: int, k: int, title_words: frozenset[str]) -> int:
    """The first word of the capitalised name before a legal form at k (k when there is none)."""
    a = k
    while a - 1 >= s:
        if is_cap(w.text[a - 1]) and w.lower[a - 1] not in NAME_BREAKS \
                and w.lower[a - 1] not in title_words and not lexicon.people()[0].match(w.lower, a - 1)[0]:
            a -= 1
        elif a < k and a - 2 >= s and w.lower[a - 1] in ROMANCE_OF and is_cap(w.text[a - 2]) \
                and w.lower[a - 2] not in NAME_BREAKS and w.lower[a - 2] not in title_words:
            a -= 1  # "Atlântica Sistemas de Energia, S.A.": the name goes on over "de"
        else:
            break
    return a


def _company_start(w: Words, s: int, k: int, title_words: frozenset[str], covered: set[int]) -> int:
    """Where the name of a company a short form at k stands in begins: the capitalised words before it
    that no other name has taken, else k."""
    a = _company_before(w, s, k, title_words)
    return k if any(q in covered for q in range(a, k)) else a


def _defined_by(w: Words, k: int, e: int, form: str, text: str) -> int | None:
    """The end of the capitalised name at k that the bracket after it defines `form` for, itself
    beginning with `form` ('Nordvind Marine Robotics A/S ("Nordvind")'), or None."""
    q = k + len(form.split())
    while q < e and q - k < 8 and (is_cap(w.text[q]) or w.text[q] in ("/", "&", ".")):
        q += 1
    q = legal_suffix(w, q, e)  # 'Halvorsen Isotopes, Inc. ("Halvorsen")'
    if q - k <= len(form.split()) or q + 1 >= e or w.text[q] != "(" \
            or not text.startswith(form, w.start[q + 1 + (w.text[q + 1] in ('"', "“", "‘", "'"))]):
        return None
    return q


def _starts_org(w: Words, k: int, e: int, heads) -> bool:
    """Whether the capitalised run at k ends in a head word (a second organisation)."""
    start = k
    while k < e and is_cap(w.text[k]):
        n, kind = heads.match(w.lower, k, e)
        if n and kind == "company" and (k + n >= e or not is_legal_form(w.text[k + n])) and (
                k == start and (k + n >= e or not is_cap(w.text[k + n]))
                or w.lower[k + n - 1] not in _COMPANY_NOUNS and all(_field_word(w.lower[q]) for q in range(start, k))):
            return False  # "Ministry of Science and Enterprise (MSE)", "... and New Technologies": a field
        if n and (kind != "company" or k + n >= e or not is_cap(w.text[k + n]) or is_legal_form(w.text[k + n])):
            return True  # not "... Hydrogen and Energy Storage Research": a company's head closes its name
        k += 1
    return False


_ACADEMIES = {"academy", "academia", "akademie", "akademiya", "académie", "accademia"}
_INSTITUTES = {"institute", "centre", "center", "laboratory", "observatory", "station", "instituto", "institut"}


def institute_of_its_own(head: str, owner: str) -> bool:
    """Whether a research body's head ("Trans-Ural Institute", "Higher Institute") under `owner` is a body
    in its own right: an academy's institute, or a national or higher institute of a field of a place
    ("Higher Institute of Agri-Food Technologies of Kairouan"), which signs and employs as itself."""
    words = head.lower().split()
    return bool(words) and words[-1] in _INSTITUTES and (
        not _ACADEMIES.isdisjoint(owner.lower().split()) or words[0] in _NATIONAL)


_NATIONAL = {"higher", "national", "federal", "royal", "central", "state"}  # "Higher Institute of X of Kairouan"
_COMPANY_NOUNS = {"group", "holdings", "company", "corporation", "enterprises", "partners", "ventures"}
_FIELD_ADJECTIVES = {"new", "advanced", "emerging", "modern", "high", "clean", "renewable", "future", "applied"}


def _field_word(low: str) -> bool:
    """A word a portfolio's field is made of ("Information", "New"), never a company's own name."""
    return low in _FIELD_ADJECTIVES or low in lexicon.never_name() or low in lexicon.never_first_name() \
        or low in lexicon.word_set("titles", "portfolios")


def _name(w: Words, a: int, b: int, text: str) -> tuple[str, str | None]:
    """The name of words a..b without an inner "(ACR)", and that acronym with what follows it."""
    raw = text[w.start[a]:w.end[b - 1]]
    m = re.search(r"\s*\(([A-Z][A-Za-z&]*[A-Z])\)\s*", raw)
    if not m:
        return raw, None
    name = (raw[:m.start()] + " " + raw[m.end():]).strip()
    tail = raw[m.end():].strip()
    return name, (m.group(1) + (" " + tail if tail else "")).strip()
