"""What a name's letters spell: acronyms, the initials of a name, short forms in brackets, a name
and its head word written as one word ("VinUniversity")."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .legal_forms import is_legal_form
from .nlp import Words, is_cap

_ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z][A-Za-z&]*[A-Z0-9]$|^[A-Z]{2,}$|^[A-Z]{2,}(?:-[A-Z]{2,})+$")
NOT_ACRONYM = {
    "AI", "R&D", "I&T", "IT", "ICT", "CEO", "CTO", "COO", "CFO", "MOU", "MOUS", "PHD", "COVID",
    "UN", "US", "USA", "UK", "EU", "GDP", "STEM", "IOT", "VR", "AR", "IP", "HK", "PRC", "SAR",
    "AM", "PM", "TV", "ID", "QR", "OK", "LED", "DNA", "RNA", "GPS", "UAV", "EV", "EVS", "NEV",
    "CO", "LTD", "INC", "PLC", "LLC", "GMBH", "AG", "SA", "NO", "II", "III", "IV", "HKT", "UTC",
    "GMT", "CST", "ESG", "SDG", "SDGS", "API", "AIGC", "LLM", "5G", "6G", "MOE", "MBA", "CV",
    "SVP", "EVP", "VP", "AVP", "MD", "GM", "DG", "PRO", "HR", "MOA", "MOC", "LOI", "NDA",
    # currencies ("USD 6.5 million", "EUR 12m") and country abbreviations ("Dubai, UAE –")
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "AED", "QAR", "KES", "NGN", "ZAR", "BRL", "MXN", "CHF",
    "AUD", "CAD", "KRW", "HKD", "SGD", "MYR", "IDR", "THB", "VND", "EGP", "GHS", "TZS", "UGX", "PKR", "BDT",
    "UAE", "KSA", "ROK", "DPRK", "RSA", "DRC",
}


@lru_cache(maxsize=1 << 16)  # a pure function of its string, asked again and again
def is_acronym(word: str) -> bool:
    """An all-capitals word that can stand for an organisation (not AI, R&D, CEO ...)."""
    if not (word[:1].isupper() and 1 < len(word) <= 16 and word[-1:].isupper() or word[-1:].isdigit()):
        return False
    if word.upper() in NOT_ACRONYM:
        return False
    if word.isascii():
        return bool(_ACRONYM.match(word))
    # any cased script: "TÜBİTAK", "ÇOMÜ" (two capitals or more, letters, digits and & only)
    return sum(c.isupper() for c in word) >= 2 and all(c.isalnum() or c == "&" for c in word) \
        and not any(c.islower() for c in word[1:2])


_INITIALS_SKIP = {"of", "and", "for", "the", "&", "on", "de", "in", "at", "'s", "pour", "du", "des", "la", "le", "les",
                  "del", "della", "delle", "di", "do", "da", "dos", "das", "für", "zur", "zum", "der", "et", "und",
                  "per", "lo", "il"}
_ELIDED_ARTICLES = {"l", "d", "dell", "all", "nell", "sull", "dall"}


def initials(name: str) -> str:
    """The acronym an organisation's name would give ("Huazhong University of Science and Technology" → HUST)."""
    words = [w.split("'", 1)[1] if w.split("'", 1)[0].lower() in _ELIDED_ARTICLES and w.count("'") == 1 else w
             for w in re.split(r"[\s-]+", name.replace("’", "'")) if w and w.lower() not in _INITIALS_SKIP]
    while len(words) > 2 and (is_legal_form(words[-1].strip(",")) or words[-1][:1] == "("):
        words.pop()  # "Serendib Digital Solutions (Private) Limited" → SDS
    return "".join(w[0].upper() for w in words)


_SHORT_FORM = re.compile(r"\(\s*[\"“‘']?([A-Z][\w&-]+(?: [A-Z][\w&-]+){0,2})[\"”’']?"
                         r"(?:\s*,?\s*(?:or|and)?\s*(?:the\s+)?[\"“‘'][^\"”’'()]{1,30}[\"”’'])*\s*\)")
# '("Cedarline" or the "Company")': the short form, then the words the release also calls it
_QUOTES = {'"', "“", "”", "‘", "’", "'"}


def short_forms(text: str) -> frozenset[str]:
    """Short forms a release defines in brackets after a name: "Helix Biomedical Group (Helix)"."""
    found = set()
    for m in _SHORT_FORM.finditer(text):
        form = m.group(1)
        before = text[max(0, m.start() - 120):m.start()].lower().split()
        # every word of the short form begins a word of the name before it ("Weston Tech")
        if not is_acronym(form) and (all(any(b.startswith(x.lower()) for b in before) for x in form.split())
                                     or _blended(form, before)):
            found.add(form)
    return frozenset(found)


def _blended(form: str, before: list[str]) -> bool:
    """Whether a short form joins the beginnings of the name's words in order, a capital at each:
    "UniKaroo" for "University of the Karoo", "NeriTech" for "Neris Institute of Technology",
    "UPCastilla" for "Universidad Politécnica de Castilla"."""
    parts = re.findall(r"[A-Z][a-z]*", form)
    if len(parts) < 2 or "".join(parts) != form or not any(len(x) > 2 for x in parts):
        return False
    q = 0
    for part in parts:
        while q < len(before) and not before[q].startswith(part.lower()):
            q += 1
        if q == len(before):
            return False
        q += 1
    return True


def bracketed(w: Words, b: int, e: int, name: str) -> tuple[str, int] | None:
    """The acronym or short form in brackets at word b ("(DTU)", "(Helix)", "(“Kestrel”)")."""
    k = b + 1
    if b >= e or w.text[b] != "(":
        return None
    if k < e and w.text[k] in _QUOTES:
        k += 1
    if k + 1 >= e:
        return None
    end = k + 1 + (1 if k + 1 < e and w.text[k + 1] in _QUOTES else 0)
    word = w.text[k]
    words = name.lower().split()
    close = _also_called(w, end, e) if k > b + 1 else end
    if close < e and w.text[close] == ")" and (is_acronym(word) or (is_cap(word) and (word.lower() in words
                                                                                      or _blended(word, words)))):
        return word, close + 1
    if end < e and w.text[end] in (",", "–", "—", "-") and is_acronym(word) and ")" in w.text[end:min(e, end + 16)]:
        return word, b  # "(KIHES, President A)", "(AMRSH – Agence marocaine ...)": the acronym, then more
    if end + 1 < e and w.text[end + 1] == ")" and is_acronym(word) and w.lower[end] in words[1:] \
            and initials(name[:name.lower().rfind(" " + w.lower[end])]).startswith(word):
        return f"{word} {w.text[end]}", end + 2  # "China Northern Rail Transit Equipment Group (CNRT Group)"
    n = k
    while n < e and n - k < 3 and is_cap(w.text[n]):
        n += 1
    close = n + (1 if n < e and w.text[n] in _QUOTES else 0)
    if n - k >= 2 and close < e and w.text[close] == ")" and all(
            any(x.startswith(t.lower()) for x in words) for t in w.text[k:n]):
        return " ".join(w.text[k:n]), close + 1  # "(Weston Tech)"
    return None


def _also_called(w: Words, q: int, e: int) -> int:
    """Past the other quoted names after a quoted short form ('("Cedarline" or the "Company")'): the
    closing bracket's word, or q when none follows."""
    k = q
    while k < e and w.lower[k] in (",", "or", "and", "the"):
        k += 1
    if k == q or k >= e or w.text[k] not in _QUOTES:
        return q
    close = next((x for x in range(k + 1, min(e, k + 8)) if w.text[x] in _QUOTES), None)
    if close is None:
        return q
    return close + 1 if close + 1 < e and w.text[close + 1] == ")" else _also_called(w, close + 1, e)


_RUN_JOIN = {"of", "for", "and", "&", "de", "pour", "du", "des", "la", "del", "della", "di", "do", "da", "dos", "das",
             "für", "zur", "et"}
_AGREEMENT_WORDS = frozenset({"memorandum", "understanding", "agreement", "protocol", "letter", "intent", "contract"})


def spelled_by_acronym(w: Words, s: int, e: int, text: str, covered: set[int]) -> list[tuple[int, int, str, str]]:
    """"Laghu Udyog Bharati (LUB)", "King Abdulaziz City for Science and Technology (KACST)": a
    capitalised run whose initials the acronym in brackets after it spells is an organisation,
    with or without a head word; a run of generic words ("Carbon Capture and Storage") is none.
    Gives (start, end, name, acronym) of each, the end past the bracket."""
    found: list[tuple[int, int, str, str]] = []
    inner = w.text[s + 2:e - 2]
    if "(" not in inner:
        return found
    for k in [s + 2 + i for i, t in enumerate(inner) if t == "("]:
        if w.text[k + 2] != ")" or k - 1 in covered or not is_acronym(w.text[k + 1]):
            continue
        a = k
        while a - 1 >= s and a - 1 not in covered and k - a < 10 and (
                is_cap(w.text[a - 1]) or w.lower[a - 1] in _RUN_JOIN):
            a -= 1
        acronym = w.text[k + 1]
        if k - a < 2 or len(acronym) > 2 * (k - a):
            continue
        letters = [initials(x) for x in w.text[a:k]]  # per word, "" for "of", "and" ...
        for start in range(a, k - 1):
            if is_cap(w.text[start]) and w.lower[start] != "the" and "".join(letters[start - a:]) == acronym \
                    and _names_a_body_at(w, s, start) \
                    and not all(_generic_word(x.lower()) for x in w.text[start:k]):
                name = text[w.start[start]:w.end[k - 1]]
                found.append((start, k + 3, name, acronym))
                break
    return found


_BODY_BEFORE = {"between", "among", "with", "and", "&", ",", "the", "from", "at", "by", "–", "—", "-", ":", ";", "("}


def _generic_word(low: str) -> bool:
    return low in _RUN_JOIN or low in _AGREEMENT_WORDS or low in lexicon.field_words() \
        or low in lexicon.org_stop_words()


def _names_a_body_at(w: Words, s: int, k: int) -> bool:
    """Whether word k stands where a body is named: a sentence's start, a list, after "between",
    "with", "by", "at", or "of" after a capitalised title ("Director of"), not "to study X"."""
    if k == s:
        return True
    prev = w.lower[k - 1]
    return prev in _BODY_BEFORE or prev == "of" and k - 2 >= s and is_cap(w.text[k - 2])


_GLUED = re.compile(r"[Uu]niversit[yi]\b|-(?:Gesellschaft|Institut|Zentrum|Stiftung|Akademie)\b")
_HYPHEN_HEADS = ("-gesellschaft", "-institut", "-zentrum", "-stiftung", "-akademie")


@lru_cache(maxsize=8)
def glued_starts(text: str) -> tuple[int, ...]:
    """Where a text writes a name and its head word as one word ("VinUniversity"), found once per text."""
    starts = []
    for m in _GLUED.finditer(text):  # a literal search; the word's start is found going back
        b = m.start()
        while b > 0 and text[b - 1].isalnum():
            b -= 1
        if b < m.start() and text[b].isupper():
            starts.append(b)
    return tuple(starts)


def glued_head(word: str) -> bool:
    """A one-word name ending in a head word it is written with ("VinUniversity", German
    "Fraunhofer-Gesellschaft", "Helmholtz-Zentrum"): a name of its own."""
    low = word.lower()
    return word[:1].isupper() and ("-" not in word and any(
        low.endswith(h) and len(low) > len(h) + 1 for h in ("university", "universiti"))
        or low.endswith(_HYPHEN_HEADS) and len(low.split("-")[0]) > 1)
