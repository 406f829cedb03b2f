"""What a release yields: the scanner's items and the release's local facts, below every rule module."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..ingest import RawDocument

_THE = re.compile(r"^the\s+", re.I)
_NON_WORD = re.compile(r"[^\w&]+")
_NAME_PUNCT = re.compile(r"[^\w\s'-]")
_LEGAL_TAIL = re.compile(r"(?:[\s,]+(?:co|ltd|limited|inc|corp|corporation|company|group|plc|llc|gmbh|ag|holdings|"
                         r"sendirian|berhad|sdn|bhd|pte|pty|jsc|pjsc|ojsc|joint stock|asa|saoc|private|pvt))+$")


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """A spelling-insensitive key for an organisation name ("X Co., Ltd." = "X")."""
    name = _THE.sub("", name.strip()).lower()
    if not name.isascii():  # "TÜBİTAK" lowers to "i" and a combining dot: one word, not two
        name = "".join(c for c in unicodedata.normalize("NFC", name) if not unicodedata.combining(c))
    name = name.replace("co-operation", "cooperation").replace("centre", "center").replace(" & ", " and ")
    name = _NON_WORD.sub(" ", name).strip()
    return _LEGAL_TAIL.sub("", name) or name


_NICKNAME = re.compile(r'"[^"]+"|“[^”]+”|‘[^’]+’|\([^)]+\)')


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """An order-insensitive key for a person's name ("Wan Gang" = "Gang Wan"); middle initials
    drop out when two full words remain ("Ann J. Brook" = "Ann Brook", "R. J. Patel" kept whole), and
    so does a nickname ('William "Brit" Kirwan' = "William Kirwan")."""
    words = _NAME_PUNCT.sub("", _NICKNAME.sub(" ", name)).lower().split()
    full = [x for x in words if len(x) > 1]
    return " ".join(sorted(full if len(full) >= 2 else words))


@dataclass
class OrgSpan:
    """An organisation named in the text, as words i..j, with what its name says."""

    i: int
    j: int
    name: str
    acronym: str | None
    kind: str
    parent: str | None = None
    is_acronym: bool = False


@dataclass
class Person:
    """A person named in a sentence, with the title and organisation the text gives them."""

    i: int
    j: int
    name: str
    cue: str
    title: str | None = None
    title_kind: str | None = None
    org: OrgSpan | None = None
    roles: list[str] = field(default_factory=list)


@dataclass
class Item:
    """One thing the sentence scanner met: a person, organisation, title, trigger or separator."""

    kind: str
    i: int
    j: int
    value: object = None
    plural: bool = False


@dataclass
class LocalOrg:
    """An organisation as one release names it."""

    key: str
    name: str
    acronym: str | None
    kind: str
    aliases: set[str] = field(default_factory=set)
    parent: str | None = None


@dataclass
class LocalPerson:
    """A person as one release names them."""

    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    title: str | None = None
    title_kind: str | None = None
    org: str | None = None
    flag: str | None = None


@dataclass
class LocalEvent:
    """An event one release reports, with its participants."""

    kind: str
    sentence: tuple[int, int]
    date: object = None
    date_text: str | None = None
    precision: str = "unknown"
    year_source: str | None = None
    location: str | None = None
    agreement: str | None = None
    roles: list[tuple] = field(default_factory=list)
    # Titles that sign unnamed ("The Presidents of X and Y signed"), signed for by their holders.
    offices: list[str] = field(default_factory=list)
    announced: bool = False  # told only as announced: no date of its own is a signing date
    days: int = 1  # a date that opens a range of days ("held May 5-6"): a later sentence may name the day


@dataclass
class DocFacts:
    """Everything extracted from one release, with local (per-document) keys."""

    doc: RawDocument
    people: dict[str, LocalPerson]
    orgs: dict[str, LocalOrg]
    events: list[LocalEvent]
    mentions: list[tuple[str, str | None, int, int]]
    words: int
    alias: dict[str, str] = field(default_factory=dict)
    themes: list[tuple[str, float, list[str]]] = field(default_factory=list)

    def org(self, name: str) -> str:
        """The key of the organisation a name refers to in this release."""
        key = org_key(name)
        return self.alias.get(key, key)

    def top(self, key: str) -> str:
        """The key of the top-level body an organisation of this release belongs to: a unit of a unit
        ("Department of X" of a faculty of the university) climbs to the top."""
        for _ in range(3):
            lo = self.orgs[key]
            parent = self.org(lo.parent) if lo.parent else None  # a parent named by a short form another name took
            if parent not in self.orgs or parent == key:
                break
            key = parent
        return key
