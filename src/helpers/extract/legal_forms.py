"""Companies' legal forms written after their names ("Ltd.", "S.A.E.", "Sdn Bhd", "a.s.", "A/S"):
cleanco's forms of companies across countries, with a few of ours, matched over the words of a text."""

from __future__ import annotations

import re
from functools import lru_cache

from .nlp import Words, based_word, words_of

# Forms written in any case ("Tarnby Ltd", "Tarnby LTD."): ours before cleanco, kept as they were.
_ANY_CASE = {"ltd", "ltd.", "inc", "inc.", "limited", "llc", "plc", "gmbh", "ag", "co.", "co", "corp.",
             "b.s.c.", "q.s.c.", "p.j.s.c.", "s.a.", "s.p.a.", "n.v.", "b.v.", "p.l.c.", "l.l.c."}
# Forms cleanco lacks that releases use: Egypt's S.A.E., Indonesia's Tbk, Italy's SpA, Ireland's DAC,
# Russia's and the Gulf's (P)JSC, Turkey's A.Ş., Vietnam's and Central Asia's "Joint Stock Company" written out,
# Mexico's "S.A.B. de C.V."
_OURS = {"s.a.e.", "tbk", "tbk.", "spa", "dac", "pjsc", "jsc", "ojsc", "cjsc", "pao", "a.ş.", "saoc", "saog",
         "joint stock company", "joint-stock company", "public joint stock company", "limited liability company",
         "s.a.b. de c.v.", "s.a. de c.v.", "s. de r.l. de c.v.", "s.a.p.i. de c.v."}  # Mexico's
# cleanco's forms that are also words or common abbreviations of a release ("at", "as", "UK", "e.g.")
_NOT_FORMS = {"company", "corporation", "incorporated", "private", "unlimited", "and company", "& company",
              "& co", "& co.", "uk", "at", "as", "ad", "da", "et", "ok", "ee", "ei", "ep", "ps", "sd", "vat", "ba",
              "kt", "sp", "ent.", "e.g.", "p.p.", "ec", "ev", "pp", "fa", "ij", "ik", "mb", "bl", "bm", "ud", "xt",
              "xk", "nl", "gp", "lp", "pt", "cic", "cio", "teo", "sem", "sep", "fie", "ses."}


def _key(word: str) -> str:
    return word.lower().replace(".", "")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, ...], bool], frozenset[str], frozenset[tuple[str, ...]]]:
    """Each form as its words without dots, mapped to whether it may be written in any case; the
    first words of all forms; and the forms written with a closing dot ("Kft.", not "JSC")."""
    from cleanco.termdata import terms_by_country, terms_by_type

    terms = {t for v in terms_by_type.values() for t in v} | {t for v in terms_by_country.values() for t in v}
    table: dict[tuple[str, ...], bool] = {}
    dotted = set()
    for term in (terms - _NOT_FORMS) | _OURS | _ANY_CASE:
        key = tuple(k for k in (_key(x) for x in words_of(term).text) if k)
        if key:
            table[key] = table.get(key, False) or term in _ANY_CASE and "." not in term
            if term.endswith("."):
                dotted.add(key)
    return table, frozenset(k[0] for k in table), frozenset(dotted)


def _written_as_form(word: str, any_case: bool) -> bool:
    """A form of cleanco's is written with its dots or slash, or capitalised ("a.s.", "Oy", not "as")."""
    return any_case or "." in word or "/" in word or word[:1].isupper()


def legal_form_at(w: Words, k: int, e: int) -> int:
    """The number of words of the legal form starting at word k (0 when none), a split-off dot included."""
    table, firsts, dotted = _table()
    if k >= e or w.lower[k].replace(".", "") not in firsts:
        return 0
    keys: list[str] = []
    ends: list[int] = []
    q = k
    while q < e and len(keys) < 5:
        if w.text[q] != ".":
            keys.append(w.lower[q].replace(".", ""))
            ends.append(q + 1)
        q += 1
    for n in range(len(keys), 0, -1):
        any_case = table.get(tuple(keys[:n]))
        if any_case is not None and _written_as_form(w.text[k] + ("." if k + 1 < e and w.text[k + 1] == "." else ""),
                                                     any_case):
            end = ends[n - 1]
            return end + (end < e and w.text[end] == "." and tuple(keys[:n]) in dotted) - k
    return 0


@lru_cache(maxsize=1 << 16)  # a pure function of its string, asked again and again
def is_legal_form(word: str) -> bool:
    """A company's legal form, or the first word of one, written after its name ("Ltd.", "Sdn")."""
    table, firsts, _dotted = _table()
    key = _key(word)
    if key not in firsts:
        return False
    any_case = table.get((key,))
    return _written_as_form(word, bool(any_case)) if any_case is not None else word[:1].isupper()


def legal_suffix(w: Words, b: int, e: int) -> int:
    """Extend a company's name ending at b past the legal forms after it (", Ltd.", "Sdn Bhd")."""
    while True:
        if b + 1 < e and w.text[b] == "," and (n := legal_form_at(w, b + 1, e)):
            b += 1 + n
        elif n := legal_form_at(w, b, e):
            b += n
        elif (n := _bracketed_private(w, b, e)) and legal_form_at(w, b + n, e):
            b += n  # "Serendib BioCrop Laboratories (Pvt) Ltd", "Indus Grid Solutions (Pvt.) Ltd."
        elif b + 1 < e and w.lower[b].rstrip(".") in _PRIVATE and w.text[b][:1].isupper() \
                and legal_form_at(w, b + 1, e):
            b += 1  # "Ganga Biologics Private Limited"
        else:
            return b


_PRIVATE = {"pvt", "private", "pty", "proprietary"}  # "(Pvt) Ltd" in South Asia, "(Pty) Ltd" in southern Africa


def _bracketed_private(w: Words, b: int, e: int) -> int:
    """The words of a bracketed "(Pvt)", "(Pvt.)", "(Private)" or "(Pty)" at word b, else 0."""
    if b + 2 >= e or w.text[b] != "(" or w.lower[b + 1].rstrip(".") not in _PRIVATE:
        return 0
    q = b + 2 + (w.text[b + 2] == ".")
    return q + 1 - b if q < e and w.text[q] == ")" else 0


def ends_legal_form(w: Words, k: int) -> bool:
    """Whether word k is the last of a legal form ("... A/S and X University": the company's name ends there)."""
    return any(legal_form_at(w, q, k + 1) == k + 1 - q for q in range(max(0, k - 4), k + 1))


def run_ends_in_legal_form(w: Words, t: int, e: int) -> bool:
    """Whether the capitalised run at word t goes on into a legal form ("Natrun BioPharma S.A.E."): a
    company's name, no person's."""
    return form_after_run(w, t, e) > 0


def form_after_run(w: Words, t: int, e: int) -> int:
    """The word where a legal form closes the capitalised run at word t ("Solmar Energía Dominicana,
    S.R.L.": at the comma), else 0; "Austin-based" opens no run."""
    if based_word(w.lower[t]):
        return 0
    q = t
    while q < e and q - t < 6:
        if q > t and (legal_form_at(w, q, e) or w.text[q] in (",", "(") and legal_suffix(w, q, e) > q):
            return q
        if not w.text[q][:1].isupper() and not (q > t and w.lower[q] in ROMANCE_OF and q + 1 < e
                                                and w.text[q + 1][:1].isupper()):
            return 0  # "Atlântica Sistemas de Energia, S.A." goes on over "de"
        q += 1
    return 0


ROMANCE_OF = frozenset({"de", "da", "do", "dos", "das", "del", "di", "du", "des", "della"})


def names_before_forms(w: Words, text: str, stop: frozenset[str]) -> frozenset[str]:
    """The names of companies a release writes with their legal form and also without it ("Wadi
    Natrun BioPharma S.A.E." in the lead, "Director of R&D at Wadi Natrun BioPharma" later): found
    alone, they are the company too. `stop` holds words no name runs back over (titles)."""
    found = set()
    n = len(w)
    firsts = _table()[1]
    for k in range(1, n):
        if w.lower[k].replace(".", "") not in firsts or not legal_form_at(w, k, n):
            continue
        b = k - 1 if w.text[k - 1] == "," else k  # "Rovuma Subsea Engenharia, S.A."
        # "Bophelo Robotics (Pty) Ltd", "Indus Grid Solutions (Pvt.) Ltd.", "Ganga Biologics Private Limited"
        if (size := next((z for z in (3, 4) if b >= z and w.text[b - 1] == ")"
                          and _bracketed_private(w, b - z, n) == z), 0)):
            b -= size
        elif b >= 2 and w.lower[b - 1].rstrip(".") in _PRIVATE and w.text[b - 1][:1].isupper():
            b -= 1
        a = b
        while a > 0 and b - a < 5 and w.text[a - 1][:1].isupper() and w.text[a - 1][-1:].isalnum() \
                and w.lower[a - 1] not in stop:
            a -= 1
        a += w.lower[a] == "the" if a < b else 0
        if a == b:
            continue
        name = text[w.start[a]:w.end[b - 1]]
        form = w.text[b] if w.text[b] != "," else w.text[k]  # "Private Limited": the words after the name
        alone = sum(1 for m in re.finditer(re.escape(name) + r"\b", text)  # not "... Software Joint Stock Company"
                    if not text[m.end():m.end() + len(form) + 3].lstrip(", ").startswith(form)
                    and not text[m.end():m.end() + 2].lstrip()[:1].isupper())
        if alone and len(name) > 3:
            found.add(name)
    return frozenset(found)
