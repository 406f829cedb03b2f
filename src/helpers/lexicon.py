"""Loading the lexicon data files (titles, organisation heads, role verbs, themes), once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .config import LEXICON_DIR
from .errors import CorpusError

# PyYAML's libyaml-backed safe loader reads the lexicons ten times faster and to the same data (checked
# file by file); the pure-Python one where PyYAML was built without libyaml.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(name: str, path: Path | None = None) -> dict:
    """The parsed YAML lexicon `name` (bundled unless `path` is given)."""
    file = Path(path) if path else LEXICON_DIR / f"{name}.yml"
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{file}: cannot read lexicon: {exc}") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{file}: lexicon must be a mapping")
    return data


@lru_cache(maxsize=None)
def word_set(name: str, key: str) -> frozenset[str]:
    """The lower-cased words listed under `key` in lexicon `name`."""
    return frozenset(str(w).lower() for w in load(name).get(key, []))


@lru_cache(maxsize=None)
def exact_set(name: str, key: str) -> frozenset[str]:
    """The words listed under `key` in lexicon `name`, case kept ("Jr.", "AO")."""
    return frozenset(str(w) for w in load(name).get(key, []))


def phrases(items: list) -> list[tuple[str, ...]]:
    """Lexicon entries as lower-cased word tuples, longest first."""
    out = {tuple(str(item).lower().split()) for item in items if str(item).strip()}
    return sorted(out, key=lambda t: (-len(t), t))


class PhraseTable:
    """Longest-match lookup of lower-cased word tuples in a list of words."""

    def __init__(self, entries: dict[tuple[str, ...], object]):
        self.entries = entries
        self.max_len = max((len(k) for k in entries), default=0)
        lengths: dict[str, set[int]] = {}
        for k in entries:
            lengths.setdefault(k[0], set()).add(len(k))
        self.first = frozenset(lengths)
        self._lengths = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}  # the lengths to try
        seconds: dict[str, set[str]] = {}
        for k in entries:
            if len(k) > 1:
                seconds.setdefault(k[0], set()).add(k[1])
        self._seconds = {w: frozenset(ws) for w, ws in seconds.items()}  # no longer entry without one of them

    def match(self, lowers: list[str], i: int, stop: int | None = None) -> tuple[int, object]:
        """(length, value) of the longest entry starting at word i, or (0, None)."""
        if i >= len(lowers):
            return 0, None
        ns = self._lengths.get(lowers[i])
        if ns is None:
            return 0, None
        room = (len(lowers) if stop is None else stop) - i
        longer = room > 1 and (i + 1 >= len(lowers) or lowers[i + 1] in self._seconds.get(lowers[i], ()))
        for n in ns:
            if n <= room and (n == 1 or longer):
                value = self.entries.get(tuple(lowers[i:i + n]))
                if value is not None:
                    return n, value
        return 0, None


@lru_cache(maxsize=None)
def titles() -> tuple[PhraseTable, frozenset[str]]:
    """Title phrases mapped to the kind of organisation that holds them, and the title words."""
    data = load("titles")
    entries: dict[tuple[str, ...], object] = {}
    for kind in ("other", "company", "university", "government"):
        for p in phrases(data.get(kind, [])):
            entries[p] = kind
    words = frozenset(w for p in entries for w in p)
    base = list(entries.items())
    for p, kind in base:
        entries.setdefault(p[:-1] + (_plural(p[-1]),), kind)  # "Vice Presidents A, B and C"
    for q in phrases(data.get("qualifiers", [])):
        for p, kind in base:
            entries.setdefault(q + p, kind)  # "Acting Secretary for X", "Former President"
    return PhraseTable(entries), words


def _plural(word: str) -> str:
    """The plural of a title's last word ("President" -> "presidents", "Secretary" -> "secretaries")."""
    if word.endswith("man"):
        return word[:-3] + "men"  # "Chairman" -> "chairmen"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def singular_title(title: str) -> str | None:
    """The singular of a plural title as written ("Vice Presidents" -> "Vice President"), or None."""
    head, _, last = title.rpartition(" ")
    table, _ = titles()
    low = last.lower()
    for cut, add in (("ies", "y"), ("men", "man"), ("es", ""), ("s", "")):
        if low.endswith(cut) and len(low) > len(cut) + 1:
            single = last[:len(last) - len(cut)] + add
            if tuple((head + " " + single).lower().split()) in table.entries and single.lower() != low:
                return (head + " " + single).strip()
    return None


@lru_cache(maxsize=None)
def org_heads() -> tuple[PhraseTable, frozenset[str]]:
    """Organisation head phrases mapped to kinds, and the unit heads."""
    data = load("organizations")
    entries: dict[tuple[str, ...], object] = {}
    for kind in ("research", "association", "company", "government", "university"):
        for p in phrases(data.get(kind, [])):
            entries[p] = kind
    units = frozenset(str(u).lower() for u in data.get("units", []))
    for p in phrases(data.get("units", [])):
        entries.setdefault(p, "other")
    return PhraseTable(entries), units


@lru_cache(maxsize=None)
def ranks() -> frozenset[str]:
    """Academic ranks that yield to an office named after them ("Professor, Dean of X")."""
    return frozenset(str(r).lower() for r in load("titles").get("ranks", []))


@lru_cache(maxsize=None)
def org_stop_words() -> frozenset[str]:
    """Capitalised words (titles, months) that end an organisation's name."""
    return word_set("organizations", "stop_words")


@lru_cache(maxsize=None)
def roles() -> tuple[PhraseTable, str]:
    """Role trigger phrases mapped to (role, direction, event kind)."""
    data = load("roles")
    entries: dict[tuple[str, ...], object] = {}
    for role, spec in data.items():
        if not isinstance(spec, dict):
            continue
        for direction in ("before", "after"):
            for p in phrases(spec.get(direction, [])):
                entries.setdefault(p, (spec.get("role", role), direction, spec.get("event", "other")))
    return PhraseTable(entries), str(data.get("host_object_role", "attendee"))


@lru_cache(maxsize=None)
def people() -> tuple[PhraseTable, frozenset[str]]:
    """Honorific phrases, and capitalised words that are never part of a name."""
    data = load("people")
    degrees = [f"{d} of {f} Sciences" for d in data.get("degrees", []) for f in data.get("degree_fields", [])]
    honor = PhraseTable({p: True for p in phrases(data.get("honorifics", []) + degrees
                                                  + data.get("academy_ranks", []))})
    words = data.get("not_name", []) + data.get("venues", []) + data.get("never_name", [])
    return honor, frozenset(str(w).lower() for w in words)


@lru_cache(maxsize=None)
def doctorate_fields() -> frozenset[str]:
    """The Latin abbreviations of a German-style doctorate after "Dr." ("rer", "nat", "h.c")."""
    return word_set("people", "doctorate_fields")


@lru_cache(maxsize=None)
def never_name() -> frozenset[str]:
    """Institutional nouns that are never a word of a person's name, after an honorific too."""
    return frozenset(str(w).lower() for w in load("people").get("never_name", []))


@lru_cache(maxsize=None)
def group_cues() -> PhraseTable:
    """Phrases after an organisation that introduce its members ("led by", "including")."""
    return PhraseTable({p: True for p in phrases(load("roles").get("group_cues", []))})


@lru_cache(maxsize=None)
def signed_by_heads() -> frozenset[str]:
    """Words after which "by" introduces signatories ("the signing of the Agreement by")."""
    return word_set("roles", "signed_by_heads")


@lru_cache(maxsize=None)
def generic_unit_words() -> frozenset[str]:
    """Words that make a unit no name of its own ("the Party Committee", "the Standing Committee")."""
    return word_set("organizations", "generic_unit_words")


@lru_cache(maxsize=None)
def possessive_in_names() -> frozenset[str]:
    """Words whose "'s" stays inside an organisation's name ("People's Government")."""
    return word_set("organizations", "possessive_in_names")


@lru_cache(maxsize=None)
def name_particles() -> frozenset[str]:
    """Lower-case words inside a name ("bin", "binti", "van", "de")."""
    return word_set("people", "particles")


@lru_cache(maxsize=None)
def boilerplate() -> dict[str, tuple[str, ...]]:
    """Navigation, footer, byline, source and date-line lexicons, lower-cased."""
    data = load("boilerplate")
    return {k: tuple(str(v).lower() for v in vals) for k, vals in data.items()}


@lru_cache(maxsize=None)
def name_stop_words() -> frozenset[str]:
    """Words that cannot follow a capitalised family name: non-name words and organisation heads."""
    return people()[1] | {w for p in org_heads()[0].entries for w in p}


@lru_cache(maxsize=None)
def bare_stop_words() -> frozenset[str]:
    """Words that cannot be part of a name met with no title or honorific before it: non-name
    words, organisation heads, title words, places and nationalities."""
    extra = frozenset(str(w).lower() for w in load("people").get("not_bare_name", []))
    return name_stop_words() | titles()[1] | extra


@lru_cache(maxsize=None)
def never_first_name() -> frozenset[str]:
    """Words that never start a name, even after an honorific ("Ambassador Extraordinary")."""
    extra = frozenset(str(w).lower() for w in load("people").get("not_bare_name", []))
    return titles()[1] | extra


@lru_cache(maxsize=None)
def group_nouns() -> frozenset[str]:
    """Nouns after "two"/"both" that make a sentence's own subject ("the two parties signed")."""
    return word_set("roles", "group_nouns")


@lru_cache(maxsize=None)
def not_name_pairs() -> frozenset[tuple[str, str]]:
    """Word pairs that are places, never part of a name ("Hong Kong")."""
    return frozenset(tuple(p[:2]) for p in phrases(load("people").get("not_name_pairs", [])) if len(p) >= 2)


@lru_cache(maxsize=None)
def member_nouns() -> frozenset[str]:
    """Nouns for a body's unnamed members ("representatives of X") that take a role for it."""
    return word_set("roles", "member_nouns")


def intention_cues() -> frozenset[str]:
    """Words that turn a following signing word into an intention ("hope to sign")."""
    return word_set("roles", "intention_cues")


@lru_cache(maxsize=None)
def abbreviated_names() -> frozenset[str]:
    """Abbreviated given names written as part of a name ("Md.", "Mohd.")."""
    return exact_set("people", "abbreviated_names")


@lru_cache(maxsize=None)
def post_nominals() -> frozenset[str]:
    """Honours and degrees after a name that end it ("Scott Bowman AO", case-sensitive)."""
    return exact_set("people", "post_nominals")


@lru_cache(maxsize=None)
def country_given_names() -> frozenset[str]:
    """Countries that are also personal names ("Jordan"), so a name with no title may hold them."""
    return exact_set("people", "country_given_names")


@lru_cache(maxsize=None)
def not_initials() -> frozenset[str]:
    """Dotted capitals that are places or company forms, never initials ("D.C.", "B.S.C.")."""
    return exact_set("people", "not_initials")


@lru_cache(maxsize=None)
def initial_digraphs() -> frozenset[str]:
    """Two-letter initials of transliterated given names ("Yu.", "Zh.")."""
    return exact_set("people", "initial_digraphs")


@lru_cache(maxsize=None)
def name_suffixes() -> frozenset[str]:
    """Generational suffixes that are part of a name as written ("Jr.", "III")."""
    return exact_set("people", "name_suffixes")


@lru_cache(maxsize=None)
def leading_heads() -> frozenset[str]:
    """Organisation heads after which the name goes on ("Universidad Nacional de ...")."""
    return frozenset(str(w).lower() for w in load("organizations").get("leading_heads", []))


@lru_cache(maxsize=None)
def field_words() -> frozenset[str]:
    """Generic words of fields and bodies ("Science", "Technology", "Affairs"): never a name's own word."""
    return never_name() | people()[1]
