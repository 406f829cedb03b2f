"""The words after an organisation's name, told apart: a part of it ("Library"), its legal form or
country ("DAC", "of the Republic of Kazakhstan"), the rest of its full name ("for Renewable Energy
Research"), a person it is named after ("Andrés Bello") or a place whose body it is."""

from __future__ import annotations

from .. import lexicon
from .facts import org_key
from .legal_forms import legal_suffix
from .names import NAME_WORD
from .nlp import words_of
from .places import holds_place, is_place_word
from .theme_scope import is_country

ADMINISTRATIVE = {"province", "prefecture", "state", "city", "county", "region", "municipality", "oblast",
                  "governorate", "district", "emirate", "republic"}


def own_words(name: str) -> set[str]:
    """The words of a name that are its own: not heads, fields or joining words ("Shanghai")."""
    generic = lexicon.never_name()
    heads = lexicon.org_heads()[0]
    return {x for x in org_key(name).split() if x not in generic and not heads.match([x], 0)[0] and len(x) > 2}


def of_a_place(tail: str) -> bool:
    """Whether the words after a unit's last "of" name a country or a province, city or region
    ("Department of Science and Technology of Thua Thien Hue Province"): the place's own body."""
    return is_country(tail) or tail.split()[-1].lower() in ADMINISTRATIVE if tail else False


def is_city(name: str) -> bool:
    """Whether a name is a city, not a country ("Fukuoka"; not "Kazakhstan", which official names keep)."""
    words = name.removeprefix("the ").split()
    return not is_country(name) and (len(words) == 1 and is_place_word(words[0]) or holds_place(words))


def names_a_part(rest: str) -> bool:
    """Whether the words after an organisation's name name a part of it ("Library", "Computing",
    "Hong Kong R&D Center"), not a person or place it is named after ("... of Chile Andrés Bello")."""
    heads = lexicon.org_heads()[0]
    words = rest.lower().split()
    fields = lexicon.field_words()
    return bool(words) and words[0] not in ("of", "for", "and", "&") and (  # "... of Science and Technology" goes on
        any(heads.match(words, k, len(words))[0] for k in range(len(words)))
                            or all(x in fields for x in words))


def formal_tail(rest: str) -> bool:
    """Whether the words after a body's name only say its legal form or its country ("Corrib Genomics
    DAC", "State Committee for Science of the Republic of Kazakhstan"): the same body written in full."""
    w = words_of(rest)
    if legal_suffix(w, 0, len(w)) == len(w):
        return True
    q = 0
    while q < len(w) - 1 and w.lower[q] in lexicon.field_words():
        q += 1  # "Kilwa Energy" beside "Kilwa Energy Solutions Limited": a field word, then the legal form
    if 0 < q < len(w) and legal_suffix(w, q, len(w)) == len(w):
        return True
    country = rest.removeprefix("of ").removeprefix("the ")
    return rest.startswith("of ") and (is_country(country) or country.startswith("Republic of ")
                                       and len(country.split()) == 3)


def full_name(short: str, rest: str) -> bool:
    """Whether a body written short ("the Muscat Institute", "Hochschule Ostweser") and the words
    that follow it in a longer name ("for Renewable Energy Research", "University of Applied
    Sciences") are one body: a name of its own ending in its head, then what it is for."""
    heads = lexicon.org_heads()[0]
    words = short.lower().split()
    own = own_words(short) - lexicon.field_words()
    headed = bool(heads.match(words, len(words) - 1)[0])
    if len(words) < 2 or not own or not headed and not rest.startswith("University "):
        return False
    return rest.startswith(("for ", "University ")) or rest.startswith("of ") and headed


def personal_name(rest: str) -> bool:
    """Whether the words after a body's name are a personal name it is named after ("Andrés Bello")."""
    words = rest.split()
    return 2 <= len(words) <= 3 and not names_a_part(rest) and all(
        NAME_WORD.match(x) and x.lower() not in lexicon.bare_stop_words() for x in words)
