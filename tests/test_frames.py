"""Tests of helpers.frames: the small DataFrame helpers every module shares."""

import numpy as np
import pandas as pd

from helpers import frames


def test_first_rows_is_drop_duplicates_on_the_kept_rows_with_nulls_equal():
    df = pd.DataFrame({"e": ["a", "a", "b", "a", None, None, "b"],
                       "p": ["x", "x", "x", None, "y", "y", "x"],
                       "r": pd.Categorical(["s", "s", "s", "s", "w", "w", "p"])})
    where = np.array([True, True, True, True, True, True, False])
    got = frames.first_rows(df, ["e", "p", "r"], where)
    want = df[where].drop_duplicates(["e", "p", "r"]).index.to_numpy()
    assert got.tolist() == want.tolist() == [0, 2, 3, 4]
    assert frames.first_rows(df, ["e"]).tolist() == [0, 2, 4]


def test_first_rows_renumbers_before_the_codes_could_overflow():
    n = 3000
    df = pd.DataFrame({k: [f"{k}{i}" for i in range(n)] for k in "abcdef"})
    df = pd.concat([df, df.iloc[::2]], ignore_index=True)  # 3000 ** 6 combinations overflow int64
    assert frames.first_rows(df, list("abcdef")).tolist() == list(range(n))


def test_isin_hashes_text_in_arrow_and_falls_back_to_pandas_for_other_values():
    values = pd.Series(["a", None, "c", "a"])
    assert frames.isin(values, {"a", "z"}).tolist() == [True, False, False, True]
    assert frames.isin(pd.Series([1, 2, 3]), [2]).tolist() == [False, True, False]


def test_positions_finds_the_first_row_of_each_value_and_minus_one_otherwise():
    keys = pd.Series(["e1", "e2", "e2", None], dtype=object)
    values = pd.Series(["e2", "e9", None, "e1"], dtype=object)
    assert frames.positions(values, keys).tolist() == [1, -1, -1, 0]  # a null matches nothing
    assert frames.positions(values.astype("category"), keys).tolist() == [1, -1, -1, 0]
    assert frames.positions(pd.Series([], dtype=object), keys).tolist() == []
    assert frames.positions(values, pd.Series([], dtype=object)).tolist() == [-1, -1, -1, -1]
