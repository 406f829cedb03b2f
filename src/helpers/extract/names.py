"""The name model: which words can make a person's name, in any cased script, and where a name ends."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import lexicon
from .nlp import INITIALS, Words, is_cap
from .places import noun_in

_SEGMENT = re.compile(r"['’-]")
_NICK_OPEN = {'"': '"', "“": "”", "(": ")", "‘": "’"}
_NICK_SPACED = re.compile(r'(["“(‘]) (\S+) (["”)’])')  # 'William E. " Brit " Kirwan' as joined
_WHERE_TAILS = {"based", "listed", "headquartered", "registered", "owned"}
HARD_STOP = {"the", "a", "an", "and", "of", "in", "on", "at", "to", "for", "he", "she", "they"}


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
        if len(word) == 1 or (len(word) == 2 and word[1] == ".") or word in lexicon.abbreviated_names() \
                or is_initials(word):
            return True
        if word.endswith(("ng'", "ng’")):
            word = word[:-1]  # "Achieng'"
        head, *rest = _SEGMENT.split(word)
        if rest and rest[-1] in _WHERE_TAILS:
            return False  # "Bursa-listed", "Greenland-based": where a body is, no name
        if not _letters(head) or not all(_letters(r) for r in rest):
            return False
        body = [c for c in head[1:] if not unicodedata.combining(c)]
        if all(c.isupper() for c in body):
            if rest:  # "TAZI-FASSI", "FAURÉ-BRIAND": a hyphenated family name in capitals
                return len(body) == 0 or len(head) >= 2 and all(len(r) >= 2 and r.isupper() for r in rest)
            return 2 <= len(head) <= 16  # "CONSTANTINESCU"
        if len(body) < 1 or not body[0].islower():
            return False
        return sum(c.isupper() for c in body) <= 1  # "McDonald", not "iPhoneX"


NAME_WORD = _NameWord()


def is_initials(word: str) -> bool:
    """Initials written as one word: "V.A.", "Yu.A.", or a transliterated "Yu."/"Zh."."""
    return bool(INITIALS.fullmatch(word)) and word not in lexicon.not_initials() \
        or word[-1:] == "." and word[:-1] in lexicon.initial_digraphs()


def _particle_word(word: str, particles: frozenset[str]) -> bool:
    """A family name joined to its particle by a hyphen: "al-Ansari", "el-Sayed"."""
    head, _, rest = word.partition("-")
    return head in particles and bool(rest) and NAME_WORD.match(rest)


_SLASH_PARTICLES = {"a/l", "a/p", "s/o", "d/o", "b/o"}
_PAPERS = {"mou", "moa", "loi"}  # never a name as "MoU", "MOA"; "Mou" is a family name


def name_words(w: Words, k: int, e: int, stop: frozenset[str], loose: bool) -> int:
    """End of the run of name-like words at k (at most four, particles like "bin" not counted)."""
    particles = lexicon.name_particles()
    pairs = lexicon.not_name_pairs()
    never = lexicon.never_name()
    honours = lexicon.post_nominals()
    lower = w.lower
    n = k
    limit = k + 4
    while n < e and n < limit:
        word = w.text[n]
        low = lower[n]
        if n > k and word in _NICK_OPEN and n + 3 < e and w.text[n + 2] == _NICK_OPEN[word] \
                and NAME_WORD.match(w.text[n + 1]) and NAME_WORD.match(w.text[n + 3]):
            n += 3  # a nickname inside the name: 'William E. "Brit" Kirwan', "Zuo-Jun (Max) Shen"
            limit += 3
            continue
        if (len(word.rstrip(".")) == 1 and word[:1].isupper() or "." in word and is_initials(word)) and limit < k + 7:
            limit += 1  # initials do not count: "A S M Maksud Kamal", "R. J. Patel", "Yu.A. Mazei"
        if n > k and word in ("St.", "Ste.") and n + 1 < e and NAME_WORD.match(w.text[n + 1]) \
                and w.text[n + 1][1:2].islower():
            n += 1  # "Devon St. Hill", "Marie Ste. Croix": a saint's name inside a family name
            limit += 1
            continue
        if n > k and word in honours or n > k and word in lexicon.name_suffixes():
            break  # "Scott Bowman AO"; a suffix closes a name of two words or more below, never "Tier III"
        if n > k and n + 3 < e and w.text[n + 1] == "/" and f"{low}/{lower[n + 2]}" in _SLASH_PARTICLES \
                and NAME_WORD.match(w.text[n + 3]) and w.text[n + 3][:1].isupper():
            n += 3  # "Rajesh a/l Subramaniam", "Priya d/o Kumar": "son of", "daughter of"
            limit += 3
            continue
        if n > k and "-" in word and _particle_word(word, particles):
            n += 1  # "Omar al-Ansari"
            continue
        if n > k and word[:2] in ("d'", "d’") and NAME_WORD.match(word[2:]) and word[2:3].isupper():
            n += 1  # "Jeanne d'Arc Uwase Ingabire": an elided particle joined to its name
            continue
        if n > k and low in particles:
            q = n
            while q < e and w.lower[q] in particles and q - n < 3:
                q += 1  # "Gloria de la Fuente", "Ursula von der Leyen"
            if q < e and q > n and NAME_WORD.match(w.text[q]) and w.text[q][:1].isupper():
                limit = max(limit + q - n, q + 2)  # particles do not count: "Sultan bin Ahmad Sultan Al Jaber"
                n = q
                continue
        if not NAME_WORD.match(word) or word.upper() == word and len(word) > 1 and not loose \
                and n == k and not (n + 1 < e and NAME_WORD.match(w.text[n + 1])):
            break
        if n + 1 < e and (low, lower[n + 1]) in pairs or low in never and not (low in _PAPERS and word.istitle()):
            break  # "Hong Kong"; "Chair of Science New Zealand"; "MoU" but not the family name "Mou"
        if n > k and word == "An" and (n + 1 >= e or not is_cap(w.text[n + 1])):
            n += 1  # "Nguyễn Văn An": a given name, never the article after a name word
            continue
        # "Prof. A S M Kamal": a capital standing alone is an initial after an honorific or before another
        initial = len(word.rstrip(".")) == 1 and word[0].isupper() and n + 1 < e and NAME_WORD.match(
            w.text[n + 1]) and w.text[n + 1][:1].isupper() and (loose or len(w.text[n + 1].rstrip(".")) == 1)
        if low in stop and not initial and not (loose and n == k and (low not in HARD_STOP or _surname_he(w, n, e))) \
                and not _upper_surname(w, k, n, e) and not (n > k and low in _PAPERS and word.istitle()):
            break
        n += 1
    if n > k and lower[n - 1] in particles:
        n -= 1
    suffixes = lexicon.name_suffixes()
    if n - k >= 2 and n < e and w.text[n] in suffixes:
        n += 1  # "Mary K. Olsen Jr."
    elif n - k >= 2 and n + 1 < e and w.text[n] == "," and w.text[n + 1] in suffixes:
        n += 2  # "R. J. Olsen, Jr."
    return n


def _surname_he(w: Words, n: int, e: int) -> bool:
    """"He" as a family name before a given name ("Chairman He Lifeng"), not the pronoun."""
    return w.text[n] == "He" and n + 1 < e and NAME_WORD.match(w.text[n + 1]) is not None \
        and w.lower[n + 1] not in lexicon.bare_stop_words()


def _upper_surname(w: Words, k: int, n: int, e: int) -> bool:
    """An upper-case family name after a given name ("Gang HONG"), not a run of capitals."""
    word = w.text[n]
    return n > k and word.isupper() and len(word) > 1 and w.lower[n] not in HARD_STOP \
        and not w.text[n - 1].isupper() and not (n + 1 < e and w.text[n + 1].isupper())


def given_names_before(w: Words, k: int, not_name: frozenset[str]) -> bool:
    """Whether the two words before word k are given names written small ("Rosa Elvira" before
    "MENDOZA DE LA CRUZ"): a family name in capitals follows them, no acronym."""
    return k >= 2 and all(w.text[q][:1].isupper() and w.text[q][1:].isalpha() and w.text[q][1:].islower()
                          and w.lower[q] not in not_name and not lexicon.org_heads()[0].match(w.lower, q, q + 1)[0]
                          for q in (k - 2, k - 1))


def upper_family(w: Words, k: int, e: int, not_name: frozenset[str]) -> bool:
    """An upper-case family name before a given name ("ZHU Jiaojun"), not an acronym before a word."""
    return k + 1 < e and NAME_WORD.match(w.text[k + 1]) is not None and not w.text[k + 1].isupper() \
        and w.lower[k + 1] not in not_name and (k + 2 >= e or not is_cap(w.text[k + 2])
                                                 or w.lower[k + 2] in not_name)


def honorific_len(w: Words, k: int, e: int, honor) -> int:
    """Words of the honorific chain at k ("Prof. Dr. Eng.", "Dr. (Mrs.)", "Prof. (Dr.)"), 0 if none."""
    n = 0
    while k + n < e:
        more = _degree_len(w, k + n, e) or honor.match(w.lower, k + n, e)[0] or monsieur(w, k + n, e)
        if not more and n and w.text[k + n] == "(" and (more := honor.match(w.lower, k + n + 1, e)[0]) \
                and k + n + 1 + more < e and w.text[k + n + 1 + more] == ")":
            more += 2
        if not more and n and w.text[k + n].rstrip(".") in lexicon.doctorate_fields():
            more = 1 + (k + n + 1 < e and w.text[k + n + 1] == ".")  # "Dr. rer. nat.", "Dr. phil. habil."
        if not more:
            break
        n += more
    return n


def monsieur(w: Words, k: int, e: int) -> int:
    """French "M." before a name with an upper-case family name ("M. Karim EL ALAOUI"), not an initial
    ("M. Lakshmi Narayanan")."""
    return int(w.text[k] == "M." and (any(  # "M. FALL", "M. Olivier BESNARD-ROY"
        len(word) > 1 and word.isupper() and word.replace("-", "").isalpha() for word in w.text[k + 1:min(e, k + 5)])
        or k + 3 < e and w.lower[k + 2] in _MAGHREB and is_cap(w.text[k + 3])))  # "M. Walid Ben Amor"


_MAGHREB = {"ben", "ould", "ait", "bel", "bou"}  # particles of North African family names


_DEGREE_HEADS = {"doctor", "candidate", "academician", "corresponding"}


def _degree_len(w: Words, k: int, e: int) -> int:
    """Words of a degree or academy rank before a name, with its comma: "Doctor of Physical and
    Mathematical Sciences, Professor A", "Candidate of Technical Sciences A", "Academician of BATR, "."""
    low = w.lower[k]
    if low not in _DEGREE_HEADS or k + 2 >= e:
        return 0
    q = k + 1 + (low == "corresponding" and w.lower[k + 1] == "member")
    if w.lower[q] != "of":
        return 0
    q += 1
    start = q
    while q < e and q < start + 7 and (is_cap(w.text[q]) or w.lower[q] == "and"):
        if w.lower[q] == "sciences" or w.text[q].isupper() and low in ("academician", "corresponding"):
            q += 1
            return q - k + (q < e and w.text[q] == ",")
        q += 1
    return 0


def after_title(w, k, e, not_name, honor, never_first, comma=True):
    """Span of the name that follows a title ("Chairman Yansheng Wu", "Director, Ms Luo Hui", "Deputy
    Minister – Ms. Irina Abuladze")."""
    if k < e and w.text[k] == ",":
        if not comma:
            return None
        k += 1
    dash = k + 1 < e and w.text[k] in ("–", "—") and honor.match(w.lower, k + 1, e)[0]
    k += 1 if dash else 0  # a dash before an honorific and a name
    n = honorific_len(w, k, e, honor)
    loose = bool(n) or (k + 1 < e and NAME_WORD.match(w.text[k + 1]) is not None
                        and w.lower[k + 1] not in not_name)
    m = name_words(w, k + n, e, not_name, loose=loose)
    if k + n < e and w.lower[k + n] in never_first and not (n and m - k - n >= 3 and w.lower[k + n] not in not_name):
        return None  # not "Director, Chinese ..."; but "Head of X, Mr Lao Ka Chon": a demonym opening a long name
    if not n and m < e and is_cap(w.text[m]) and w.lower[m] in lexicon.name_stop_words() \
            and not lexicon.people()[0].match(w.lower, m, e)[0]:
        return None  # "President, Caribbean Maritime University": the words begin a body's name
    if m - (k + n) >= (1 if n else 2) or (m - (k + n) == 1 and w.text[k - 1] != ","):
        if m > k + n:
            return k + n, m
    return None


def list_name(w: Words, k: int, e: int, not_name: frozenset[str]) -> tuple[int, int] | None:
    """Span of the next name in a list after a plural title (", B", "and C", ", and D"), or None."""
    x = k
    while x < e and w.lower[x] in (",", "and", "&") and x - k < 2:
        x += 1
    if x == k or x >= e:
        return None
    honor = lexicon.people()[0]
    x += honorific_len(w, x, e, honor)  # "Vice Rectors Prof. Dr. A and Prof. Dr. B"
    m = name_words(w, x, e, not_name, loose=False)
    return (x, m) if m - x >= 2 else None


_TITLE_TAIL_LINKS = {"of", "for", "and", "&", "the", "on", "at", "in", "from", "with"}


def tail_name(w: Words, k: int, end: int, stop: frozenset[str]) -> int | None:
    """Start of a two-word name, or of one with a middle initial ("Judith G Garber"), that a title's
    capitalised tail swallowed, or None."""
    a = end - 3
    if a - k >= 3 and re.fullmatch(r"[A-Z]\.?", w.text[a + 1]) and (end >= len(w) or not is_cap(w.text[end])) \
            and w.lower[a - 1] not in _TITLE_TAIL_LINKS and all(
                NAME_WORD.match(w.text[q]) and w.lower[q] not in stop and not w.text[q].isupper() for q in (a, a + 2)):
        return a
    a = end - 2
    if a - k < 3 or w.lower[a - 1] in _TITLE_TAIL_LINKS or noun_in(w.text[a:end]):
        return None  # not "... of Black Sea Coastal Municipalities"
    if all(NAME_WORD.match(w.text[q]) and w.lower[q] not in stop and (not w.text[q].isupper() or is_initials(w.text[q]))
           for q in (a, a + 1)) and (end >= len(w) or not is_cap(w.text[end])):
        return a
    return None


def join_name(w: Words, a: int, b: int) -> str:
    """A name as written, all-capitals family names in title case ("ZHU Jiaojun" -> "Zhu Jiaojun")."""
    words = [t.title() if t.isupper() and len(t) > 1 and t not in lexicon.name_suffixes() else t
             for t in w.text[a:b]]
    out = " ".join(words).replace(" , ", ", ").replace(" / ", "/")
    return _NICK_SPACED.sub(r"\1\2\3", out) if any(t in _NICK_OPEN for t in w.text[a:b]) else out


def _run_word(text: list[str], t: int, x: int, n: int) -> bool:
    """A word of a name that ends a capitalised run at t: a cased word, initials ("V.A."), a middle
    initial ("Jennifer M. Granholm") or an upper-case family name first ("NISHIMURA Yasutoshi")."""
    word = text[x]
    if not word.isupper() and len(word) > 1 or is_initials(word):
        return True
    if x > t and x < t + n - 1 and len(word) == 2 and word[1] == ".":
        return True
    return x == t and len(word) > 1 and word.isalpha() and not text[x + 1].isupper()


PATRONYMICS = ("ovich", "evich", "ovna", "evna", "ichna", "uly", "kyzy", "qizi")  # "Sergeyevna", "Bolatuly"


def name_run_at(w: Words, t: int, e: int) -> int:
    """Length (2 or 3) of a personal name that ends a capitalised run at word t ("... of Ukraine
    Serhiy Shkarlet and", "... and Technology Chu Ngoc Anh lauded"), else 0: name words, none a word
    of names of bodies or places, and no capitalised word after them."""
    if t == 0 or not is_cap(w.text[t - 1]):
        return 0  # a name right after "of"/"the" is part of the name before it ("University of Arizona")
    after_acronym = w.text[t - 1].isupper()
    stop = lexicon.bare_stop_words()
    for n in (3, 2):
        if t + n > e or (w.lower[t], w.lower[t + 1]) in lexicon.not_name_pairs():
            continue
        if after_acronym and not w.lower[t + n - 2].endswith(PATRONYMICS):
            continue  # after an acronym only a name with its patronymic ("the SCST Sergei Vladimirovich A")
        if all(NAME_WORD.match(w.text[x]) and _run_word(w.text, t, x, n) and w.lower[x] not in stop
               for x in range(t, t + n)) and (t + n >= e or not is_cap(w.text[t + n])) \
                and not noun_in(w.text[t:t + n]):
            return n
    return 0
