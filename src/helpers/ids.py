"""Ids and the event rule that both resolutions share: the in-memory one (`resolve.py`), the part by
part one (`resolve_parts.py`) and a release's rows (`extract/rows.py`).

A leaf module (it imports no other accords module), so that `helpers.resolve`, which reads
`helpers.extract`, and `helpers.extract`, whose modules use these, import in either order.
"""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """A deterministic short id from its parts."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def same_event(who_a: set | frozenset, parties_a: set | frozenset,
               who_b: set | frozenset, parties_b: set | frozenset) -> bool:
    """True when two reports of one kind and day tell one real-world event.

    Reports that both name parties must share two of them: sharing one side's people is not
    enough, or one university's two signings of a day (its president at both) would merge, and
    at scale chain every signing of the day into one. A report naming no parties joins on the
    people or organisations it shares (one suffices when the earlier-sorting report names none).
    """
    if parties_a and parties_b:
        return len(parties_a & parties_b) >= 2
    shared = len(who_a & who_b)
    return shared >= 2 or (not parties_a and shared >= 1)
