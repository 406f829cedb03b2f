"""Loading the lexicon data files (titles, organisation heads, role verbs, themes), once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .config import LEXICON_DIR
from .errors import CorpusError


@lru_cache(maxsize=None)
def load(name: str, path: Path | None = None) -> dict:
    """The parsed YAML lexicon `name` (bundled unless `path` is given)."""
    file = Path(path) if path else LEXICON_DIR / f"{name}.yml"
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{file}: cannot read lexicon: {exc}") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{file}: lexicon must be a mapping")
    return data


def phrases(items: list) -> list[tuple[str, ...]]:
    """Lexicon entries as lower-cased word tuples, longest first."""
    out = {tuple(str(item).lower().split()) for item in items if str(item).strip()}
    return sorted(out, key=lambda t: (-len(t), t))


class PhraseTable:
    """Longest-match lookup of lower-cased word tuples in a list of words."""

    def __init__(self, entries: dict[tuple[str, ...], object]):
        self.entries = entries
        self.max_len = max((len(k) for k in entries), default=0)
        self.first = {k[0] for k in entries}

    def match(self, lowers: list[str], i: int, stop: int | None = None) -> tuple[int, object]:
        """(length, value) of the longest entry starting at word i, or (0, None)."""
        if i >= len(lowers) or lowers[i] not in self.first:
            return 0, None
        stop = len(lowers) if stop is None else stop
        for n in range(min(self.max_len, stop - i), 0, -1):
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
    return PhraseTable(entries), words


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
def org_stop_words() -> frozenset[str]:
    """Capitalised words (titles, months) that end an organisation's name."""
    return frozenset(str(w).lower() for w in load("organizations").get("stop_words", []))


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
                entries.setdefault(p, (role, direction, spec.get("event", "other")))
    return PhraseTable(entries), str(data.get("host_object_role", "attendee"))


@lru_cache(maxsize=None)
def people() -> tuple[PhraseTable, frozenset[str]]:
    """Honorific phrases, and capitalised words that are never part of a name."""
    data = load("people")
    honor = PhraseTable({p: True for p in phrases(data.get("honorifics", []))})
    words = data.get("not_name", []) + data.get("venues", [])
    return honor, frozenset(str(w).lower() for w in words)


@lru_cache(maxsize=None)
def boilerplate() -> dict[str, tuple[str, ...]]:
    """Navigation, footer, byline, source and date-line lexicons, lower-cased."""
    data = load("boilerplate")
    return {k: tuple(str(v).lower() for v in vals) for k, vals in data.items()}


@lru_cache(maxsize=None)
def name_stop_words() -> frozenset[str]:
    """Words that cannot follow a capitalised family name: non-name words and organisation heads."""
    return people()[1] | {w for p in org_heads()[0].entries for w in p}
