"""Where an organisation's name starts and ends: the words that break it, a place or an acronym in
brackets beside it, a place after its comma that its acronym spells, a title's portfolio after it."""

from __future__ import annotations

from .. import lexicon
from .acronyms import initials, is_acronym
from .names import NAME_WORD, name_run_at
from .nlp import Words, is_cap
from .places import holds_place, is_place_word

# Words that break an organisation's name: it never runs over them.
NAME_BREAKS = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "by", "for", "from",
    "with", "before", "after", "during", "both", "its", "their", "his", "her", "our", "also",
    "then", "today", "meanwhile", "between", "among", "and", "of", "to", "as", "under", "via",
    "representing", "including", "welcoming", "joining", "signing",
}
TAIL_OF = {"of", "for", "on", "de", "du", "des", "der", "für", "di", "la", "del", "do", "da", "degli", "della", "delle",
           "dei", "dello", "dos", "das", "en", "em", "para", "pour", "per", "le", "les", "lo", "gli",
           "sul", "sulla", "sui", "sugli", "nel", "nella", "alla", "allo", "agli", "aux", "au"}
# "Centro de Investigación en Manufactura"


_HEADINGS = {"about", "source", "contact", "contacts"}


def heading_word(w: Words, k: int, text: str) -> bool:
    """Whether word k is a boilerplate heading opening its line ("About Tarn Ltd.", "SOURCE Tarn Ltd.")."""
    if w.lower[k] not in _HEADINGS:
        return False
    line = text.rfind("\n", 0, w.start[k]) + 1
    return not text[line:w.start[k]].strip(" \t")


def nameish(word: str) -> bool:
    """A capitalised word of letters in any cased script, not all capitals ("Soo-jin", "Şükrü")."""
    return NAME_WORD.match(word) and any(c.islower() for c in word) and word[1:2] != "."


def named_with_acronym(w: Words, k: int, e: int, text: str) -> bool:
    """Whether the acronym at k and the common noun after it are one name the release writes more
    than once ("USB Certification, Türkiye"): the noun no title, head or place word."""
    if k + 1 >= e or not is_cap(w.text[k + 1]) or w.text[k + 1].isupper():
        return False
    low = w.lower[k + 1]
    if low not in lexicon.people()[1] or low in lexicon.titles()[1] \
            or lexicon.org_heads()[0].match(w.lower, k + 1, k + 2)[0] or is_place_word(w.text[k + 1]) \
            or low in lexicon.org_stop_words():
        return False
    if text.count(f"{w.text[k]} {w.text[k + 1]}") < 2:
        return False
    ends = [q + 2 for q in range(len(w) - 1) if w.text[q] == w.text[k] and w.text[q + 1] == w.text[k + 1]]
    return all(q >= len(w) or not (is_cap(w.text[q]) and not is_place_word(w.text[q])
                                   or w.lower[q] in ("and", "&", "of", "for")) for q in ends)  # not "UK-US Science and"


def place_in_brackets(w: Words, s: int, k: int) -> int | None:
    """Where the bracket closed at k opens, when it holds a place inside a name: capitalised words
    on both sides ("China Mobile (Hong Kong) Innovation Research Institute"), else None."""
    q = next((q for q in range(k - 1, max(s, k - 4) - 1, -1) if w.text[q] == "("), None)
    if q is None or q == k - 1 or q - 1 < s or not is_cap(w.text[q - 1]) or w.lower[q - 1] in NAME_BREAKS:
        return None
    inner = w.text[q + 1:k]
    if not all(is_cap(x) for x in inner):
        return None
    return q if (is_place_word(inner[0]) if len(inner) == 1 else holds_place(inner)) else None


def place_spelled(w: Words, a: int, b: int, e: int) -> int:
    """End of a name that goes on past a comma with its place when the acronym in brackets after it
    spells both ("Viet Nam National University, Ho Chi Minh City (VNUHCM)"), else b."""
    if b + 5 < e and w.text[b] in ("–", "—", "-") and is_cap(w.text[b + 1]) and w.text[b + 2] == "(" \
            and is_acronym(w.text[b + 3]) and w.text[b + 4] == w.text[b + 1] and w.text[b + 5] == ")":
        return b + 2  # "Gulf Institute of Technology – Dubai (GIT Dubai)": the acronym holds the place too
    if b + 1 >= e or w.text[b] != ",":
        return b
    d = b + 1
    while d < e and d - b <= 4 and is_cap(w.text[d]) and not is_acronym(w.text[d]):
        d += 1
    if d == b + 1 or d + 2 >= e or w.text[d] != "(" or w.text[d + 2] != ")" or not is_acronym(w.text[d + 1]):
        return b
    spelled = initials(" ".join(w.text[a:b]))
    place = initials(" ".join(w.text[b + 1:d]))
    acronym = w.text[d + 1].upper()
    return d if acronym[:1] == spelled[:1] and _subsequence(acronym, spelled + place) \
        and not _subsequence(acronym, spelled) else b


def _subsequence(short: str, long: str) -> bool:
    """Whether the letters of `short` appear in `long` in order ("VNUHCM" in "VNNUHCMC")."""
    rest = iter(long)
    return all(c in rest for c in short)


def _titled_name_start(w: Words, s: int, b: int) -> int | None:
    """Where the two to four name words before word b begin, when a title phrase ends right before them."""
    titles = lexicon.titles()[0]
    for a in range(b - 2, max(s, b - 4) - 1, -1):
        if all(nameish(w.text[q]) for q in range(a, b)) and any(
                titles.match(w.lower, q, a)[0] == a - q for q in range(max(s, a - 4), a)):
            return a
    return None


def affiliation_in_brackets(w: Words, s: int, k: int, text: str) -> bool:
    """Whether the acronym at k, in brackets after a personal name, is that person's body
    ("Stan Gielen (NWO) and Iain Stewart (NRC) signed"), not the short form the name defines: the
    two or three plain name words before the bracket do not spell it, and the release uses the
    acronym elsewhere too."""
    stop = lexicon.name_stop_words()
    a, words = k - 1, 0
    while a - 1 >= s and words < 4 and w.lower[a - 1] not in stop:
        word = w.text[a - 1]
        if nameish(word):
            words += 1
        elif not (words and (len(word) == 2 and word[1] == "." and word[0].isupper()
                             or w.lower[a - 1] in lexicon.name_particles())):
            break  # "Keshav G. Patil (SKRUE)", "Ana Sofía Treviño de León (ITSSO)": no word of its own
        a -= 1
    honorific = a > s and lexicon.people()[0].match(w.lower, a - 1, a)[0] == 1  # "Prof. A B (FUTI)"
    if not 2 <= words <= 4 or a > s and not honorific and (is_cap(w.text[a - 1]) or w.lower[a - 1] in TAIL_OF):
        a = _titled_name_start(w, s, k - 1)  # "Senior Researcher Ruslan Ilyich Gaifullin (VUIRE)"
        if a is None:
            return False
    acronym = w.text[k]
    return initials(" ".join(w.text[a:k - 1])) != acronym and text.count(acronym) >= 2


def portfolio_at(w: Words, k: int, e: int) -> bool:
    """Whether a title's portfolio starts at k and runs to the end of the name ("Academic Affairs",
    "Research and Innovation"): portfolio words only."""
    q = portfolio_end(w, k, e)
    return q is not None and (q >= e or not is_cap(w.text[q]))


def portfolio_end(w: Words, k: int, e: int) -> int | None:
    """End of the capitalised portfolio words at k ("Academic Affairs"), else None."""
    portfolio = lexicon.word_set("titles", "portfolios") | {"affairs"}
    q = k
    while q < e and (w.lower[q] in portfolio and is_cap(w.text[q]) or w.lower[q] in ("and", "&") and q > k):
        q += 1
    return q if q > k and w.lower[q - 1] in portfolio else None


def new_name_after_and(w: Words, k: int, e: int) -> bool:
    """Whether the capitalised run after "and" at k is a name of its own ("... of Sydney and Thales
    Australia"): two words or more, none a generic field word (unlike "of Science and Technology")."""
    fields = lexicon.field_words()
    q = k
    while q < e and is_cap(w.text[q]):
        if w.lower[q] in fields:
            return False
        if q > k and name_run_at(w, q, e):
            break  # "... and Bioengineering Sang Yup Lee": the person is no part of the run
        q += 1
    return q - k >= 2


def person_next(w: Words, k: int, e: int) -> bool:
    """Whether words k.. are a two- or three-word personal name ("... of Torrin and Xu Fang, Director",
    "... of Kazakhstan and Akramjon Sultanmuradovich Yuldashev – Rector")."""
    stop = lexicon.bare_stop_words()
    return any(k + n <= e and all(nameish(w.text[q]) and w.lower[q] not in stop for q in range(k, k + n))
               and (k + n >= e or not is_cap(w.text[k + n])) for n in (2, 3))
