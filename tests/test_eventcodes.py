"""Integer-coded joins of the reports (helpers.eventcodes) on small hand-made codes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import eventcodes


def test_first_seen_numbers_codes_in_order_of_appearance_and_keeps_missing():
    new, old = eventcodes.first_seen(np.array([7, -1, 3, 7, 5, -1, 3]))
    assert new.tolist() == [0, -1, 1, 0, 2, -1, 1]
    assert old.tolist() == [7, 3, 5]


def test_usual_values_most_rows_then_rank_then_first_seen():
    group = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2])
    value = np.array([1, 1, 0, 2, 0, 1, 2, 2, 1])
    rank = np.array([0, 1, 2])  # value 0 ranks first
    best = eventcodes.usual_values(group, value, n_groups=4, n_values=3, rank=rank)
    # group 0: value 1 twice; group 1: one each, value 0 ranks first; group 2: 1 and 2 twice each,
    # 1 ranks first; group 3 has no rows
    assert best.tolist() == [1, 0, 1, -1]
    best = eventcodes.usual_values(group, value, n_groups=4, n_values=3, rank=np.array([0, 0, 0]))
    assert best.tolist() == [1, 2, 1, -1]  # equal ranks: the value seen first (group 1: 2 before 0)


def test_event_org_rows_prefer_parties_then_signatories_then_everyone():
    events = pd.DataFrame({"event_id": ["e1", "e2", "e3"]})
    participants = pd.DataFrame({
        "event_id": ["e1", "e1", "e2", "e2", "e3", "e9"],
        "org_id": ["o1", "o2", "o3", "o4", "o5", "o6"],
        "role": ["party", "signatory", "signatory", "witness", "witness", "party"]})
    assert eventcodes.event_org_rows(events, participants).tolist() == [0, 2, 4]  # e9 is no event
