"""Small DataFrame helpers every module shares: column checks, Arrow-hashed isin, dates and lists."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def require_columns(df: pd.DataFrame, columns: Iterable[str], table: str, caller: str) -> None:
    """Raise a ValueError naming the table, the missing columns and the function that needs them."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{caller}: {table} must be a pandas DataFrame, not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{caller}: table {table!r} lacks column(s) {', '.join(map(repr, missing))}")


def isin(values: pd.Series, wanted: Any) -> pd.Series:
    """`values.isin(wanted)` for text columns, hashed in Arrow (pandas makes a Python object of
    every wanted value); other columns, or values Arrow cannot type, go to pandas."""
    if isinstance(wanted, (set, frozenset, dict)):
        wanted = list(wanted)
    try:
        left = pa.array(values, from_pandas=True)
        right = pa.array(pd.unique(pd.Series(wanted, dtype=object if not len(wanted) else None)),
                         from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return values.isin(wanted)
    text = (pa.string(), pa.large_string())
    if left.type not in text or right.type not in (*text, pa.null()):
        return values.isin(wanted)
    found = pc.is_in(left, value_set=right.cast(left.type))
    return pd.Series(np.asarray(found.fill_null(False), dtype=bool), index=values.index)


def positions(values: pd.Series, keys: pd.Series) -> np.ndarray:
    """Position in `keys` of each value (its first row; -1 when absent or null), hashed in Arrow:
    a join key as an integer, without a Python object per row."""
    left, right = pa.array(values, from_pandas=True), pa.array(keys, from_pandas=True)
    if left.type != right.type:  # an empty or all-null side is typed null
        common = left.type if pa.types.is_null(right.type) else right.type
        left, right = left.cast(common), right.cast(common)
    found = pc.index_in(left, value_set=right, skip_nulls=True)
    return np.asarray(found.fill_null(-1), dtype=np.int64)


def as_datetime(values: pd.Series) -> pd.Series:
    """Dates (datetime.date, strings or timestamps) as datetime64, nulls as NaT."""
    return pd.to_datetime(values, errors="coerce")


def as_list(value: Any) -> list:
    """A list-valued cell (list, numpy array, None, NaN) as a plain Python list."""
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        return list(value)
    return [] if value is None or (isinstance(value, float) and math.isnan(value)) else [value]


def first_rows(frame: pd.DataFrame, keys: Iterable[str], where: Any = None) -> np.ndarray:
    """Positions of the first row of each distinct combination of `keys` (nulls equal), among the
    rows where `where` holds, in row order: `drop_duplicates` on integer codes, so that a
    ten-million-row table's text columns are neither copied nor hashed twice."""
    codes, bound = np.zeros(len(frame), dtype=np.int64), 1
    for key in keys:
        c, uniques = pd.factorize(frame[key])
        width = len(uniques) + 1  # nulls are code 0
        if bound * width >= 2 ** 62:  # renumber the combinations seen, so the product cannot overflow
            codes = pd.factorize(codes)[0].astype(np.int64)
            bound = int(codes.max(initial=0)) + 1
        codes = codes * width + (c + 1)
        bound *= width
    pos = np.arange(len(frame)) if where is None else np.flatnonzero(np.asarray(where, dtype=bool))
    _, first = np.unique(codes[pos], return_index=True)
    return pos[np.sort(first)]
