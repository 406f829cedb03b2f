"""What reports read: the contract tables, only the columns and rows a report needs.

`load_tables` reads every contract column but the long texts; `report_columns` reads only what
the three reports compute with (evidence sentences and theme phrases stay on disk, mentions are
reduced to the distinct organisations each document names), and `TableLookup` reads a column
left on disk for the few rows a cell shows, with the filter pushed down to Parquet.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import config, units
from .store import SCHEMAS, TABLES, _first_file, read_tables

DATE_COLUMNS = {"events": ("date",), "documents": ("published",)}
LEFT_ON_DISK = {"documents": ("text",), "participants": ("sentence",), "mentions": ("text",)}
# The columns the reports compute with; organizations and people (one row per entity) are read whole.
REPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "path", "url", "title", "published"),
    "events": ("event_id", "doc_id", "kind", "date", "date_text", "date_precision", "agreement",
               "start", "cluster_id"),
    "participants": ("event_id", "person_id", "org_id", "title", "role", "affiliation_flag"),
    "themes": ("doc_id", "event_id", "theme", "score"),
}
# Columns of few distinct values read as categories (a code a row, not a string a row).
CATEGORIES: dict[str, tuple[str, ...]] = {"participants": ("title", "role", "affiliation_flag")}
BATCH_ROWS = 1 << 20


def tables_path(data_dir: str) -> Path:
    """The tables folder of `data_dir` ("" means $ACCORDS_DATA_DIR, else the processed-data folder)."""
    path = config.tables_dir(data_dir)
    if not path.is_absolute() and not path.exists() and (config.PROJ_ROOT / path).exists():
        path = config.PROJ_ROOT / path
    return path


def _dates(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table's date columns as datetime64 (nulls NaT)."""
    for col in DATE_COLUMNS.get(name, ()):
        if col in frame:
            frame[col] = pd.to_datetime(frame[col], errors="coerce")
    return frame


def load_tables(data_dir: str = "", text: bool = False) -> dict[str, pd.DataFrame]:
    """Read the contract tables; "" means the processed-data folder, dates become datetime64.

    The text columns no cell shows whole (`documents.text`, `participants.sentence`,
    `mentions.text`) stay on disk, as None, unless `text`: `DocumentTexts` reads the texts of the
    few documents a cell quotes.
    """
    path = tables_path(data_dir)
    skip = {} if text else LEFT_ON_DISK
    tables = read_tables(path, columns={name: [c for c in SCHEMAS[name].names if c not in cols]
                                        for name, cols in skip.items()})
    if skip:
        for name, cols in skip.items():
            tables[name] = _with_extra_columns(path, name, tables[name], cols)
    for name in TABLES:
        frame = tables[name]
        for field in SCHEMAS[name]:
            if field.name not in frame.columns:
                frame[field.name] = None
        if name in skip:
            names = SCHEMAS[name].names
            frame = tables[name] = frame[names + [c for c in frame.columns if c not in names]]
        _dates(name, frame)
    return tables


def _with_extra_columns(path: Path, name: str, frame: pd.DataFrame, skipped: tuple[str, ...]) -> pd.DataFrame:
    """`frame` plus any columns beyond the contract's that were left out by the column list."""
    names = pq.read_schema(_first_file(path / f"{name}.parquet")).names
    extra = [c for c in names if c not in SCHEMAS[name].names and c not in skipped]
    if not extra:
        return frame
    more = pd.read_parquet(path / f"{name}.parquet", columns=extra)
    return pd.concat([frame, more], axis=1)


def organization_mentions(path: Path) -> pd.DataFrame:
    """Columns doc_id, kind ("organization"), entity_id: each organisation a document names, once.

    Read batch by batch (places, people and repeated names are dropped as they come), so memory
    follows the distinct pairs, not the mentions."""
    source = pq.ParquetFile(_first_file(path / "mentions.parquet")) if not (
        path / "mentions.parquet").is_dir() else None
    batches = (source.iter_batches(batch_size=BATCH_ROWS, columns=["doc_id", "kind", "entity_id"])
               if source is not None else pq.read_table(path / "mentions.parquet",
                                                        columns=["doc_id", "kind", "entity_id"]).to_batches())
    parts = []
    for batch in batches:
        table = pa.Table.from_batches([batch])
        keep = pc.and_(pc.equal(table["kind"], "organization"), pc.is_valid(table["entity_id"]))
        table = table.filter(keep).select(["doc_id", "entity_id"])
        parts.append(table.group_by(["doc_id", "entity_id"], use_threads=False).aggregate([]))
    schema = pa.schema([("doc_id", pa.string()), ("entity_id", pa.string())])
    pairs = pa.concat_tables([p.cast(schema) for p in parts]) if parts else schema.empty_table()
    pairs = pairs.group_by(["doc_id", "entity_id"], use_threads=False).aggregate([])
    frame = pairs.to_pandas()
    frame.insert(1, "kind", "organization")
    return frame[["doc_id", "kind", "entity_id"]]


def report_columns(data_dir: str = "", fold: bool = False) -> dict[str, pd.DataFrame]:
    """The tables as the reports use them: REPORT_COLUMNS of each, organizations and people whole,
    mentions as `organization_mentions`; dates as datetime64. With `fold`, units are credited to
    their organisation (`units.fold_units`), the participants while still in Arrow."""
    path = tables_path(data_dir)
    tables = read_tables(path, names=("organizations", "people"))
    if not (path / "mentions.parquet").exists():
        read_tables(path, names=("mentions",), columns={"mentions": ["doc_id"]})  # the CorpusError
    tables["mentions"] = organization_mentions(path)
    tables["participants"] = _arrow_table(path, "participants")
    if fold:
        tables = units.fold_units(tables)
    tables["participants"] = _frame(tables["participants"])
    tables.update(read_tables(path, names=("documents", "events", "themes"),
                              columns={k: list(REPORT_COLUMNS[k]) for k in ("documents", "events", "themes")},
                              dictionaries=CATEGORIES))
    for name, frame in tables.items():
        for col in REPORT_COLUMNS.get(name, ()):
            if col not in frame.columns:
                frame[col] = None
        _dates(name, frame)
    pa.default_memory_pool().release_unused()  # the pool keeps what conversion freed otherwise
    return {name: tables[name] for name in TABLES}


def _arrow_table(path: Path, name: str) -> pa.Table:
    """REPORT_COLUMNS of one table as Arrow, CATEGORIES columns dictionary-coded."""
    present = set(pq.read_schema(_first_file(path / f"{name}.parquet")).names)
    wanted = [c for c in REPORT_COLUMNS[name] if c in present]
    coded = [c for c in CATEGORIES.get(name, ()) if c in wanted]
    return pq.read_table(path / f"{name}.parquet", columns=wanted, read_dictionary=coded or None)


def _frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as pandas would read it from Parquet (its columns freed as they convert)."""
    return table.to_pandas(self_destruct=True, split_blocks=True)


class KeyedRows:
    """The rows of one table (a Parquet file or a folder of parts) whose `key` is among a few
    wanted values, reading only the row groups that hold them, one at a time.

    The key column is read once and kept (a code a row, small next to the texts), so each lookup
    decodes only the groups it needs: a filter pushed down to Parquet cannot skip groups of a
    table not sorted by the key, and reading whole holds every group's texts at once (1.8 GB
    for 100 documents of a million, against 0.13 GB this way).
    """

    def __init__(self, path: Path, key: str) -> None:
        self.files = sorted(path.rglob("*.parquet")) if path.is_dir() else [path]
        self.key = key
        self._keys: list[tuple[pq.ParquetFile, pa.ChunkedArray, Any]] | None = None

    def _index(self) -> list[tuple[pq.ParquetFile, pa.ChunkedArray, Any]]:
        """Per file: the reader, its key column, and the first row of each row group."""
        if self._keys is None:
            self._keys = []
            for file in self.files:
                reader = pq.ParquetFile(file)
                meta = reader.metadata
                starts = np.cumsum([0] + [meta.row_group(i).num_rows for i in range(meta.num_row_groups)])
                self._keys.append((reader, reader.read(columns=[self.key])[self.key], starts))
        return self._keys

    def read(self, wanted: list[Any], columns: list[str]) -> pa.Table:
        """`columns` of the rows whose key is in `wanted`, in file and row order."""
        value_set = pa.array(wanted)
        parts = []
        for reader, keys, starts in self._index():
            hit = np.flatnonzero(np.asarray(pc.is_in(keys, value_set=value_set.cast(keys.type))
                                            .fill_null(False)))
            for group in np.unique(np.searchsorted(starts, hit, side="right") - 1):
                rows = reader.read_row_group(int(group), columns=columns)
                parts.append(rows.filter(pc.is_in(rows[self.key], value_set=value_set.cast(rows[self.key].type))))
        if not parts:
            return pq.read_schema(self.files[0]).empty_table().select(columns) if self.files else pa.table({})
        return pa.concat_tables(parts)


class TableLookup:
    """One column of one table left on disk, read for a few keys at a time (filter pushed down)."""

    def __init__(self, data_dir: str, table: str, key: str, column: str) -> None:
        self.path = tables_path(data_dir) / f"{table}.parquet"
        self.key, self.column = key, column
        self.cache: dict[Any, Any] = {}
        self.rows = KeyedRows(self.path, key)

    def get(self, key: Any, default: Any = None) -> Any:
        """The value of one key (None when the table has it as null), or `default` when absent."""
        if key not in self.cache:
            self.load([key])
        return self.cache.get(key, default)

    def load(self, keys: Iterable[Any]) -> None:
        """Read the values of `keys` into the cache (keys that are not there read as None)."""
        wanted = sorted({k for k in keys if isinstance(k, str)} - set(self.cache))
        if not wanted:
            return
        table = self.rows.read(wanted, [self.key, self.column])
        self.cache.update(zip(table[self.key].to_pylist(), table[self.column].to_pylist()))
        self.cache.update({k: None for k in wanted if k not in self.cache})


class DocumentTexts(TableLookup):
    """`documents.text` of one tables folder, read for a few doc_ids at a time."""

    def __init__(self, data_dir: str = "") -> None:
        super().__init__(data_dir, "documents", "doc_id", "text")


class EventSentences(TableLookup):
    """`events.sentence` (the evidence) of one tables folder, read for a few event_ids at a time."""

    def __init__(self, data_dir: str = "") -> None:
        super().__init__(data_dir, "events", "event_id", "sentence")


class ThemeTerms:
    """`themes.terms` (the phrases found) of one tables folder, read for a few documents at a time:
    `get((doc_id, event_id or None))` is {theme slug: terms}."""

    def __init__(self, data_dir: str = "") -> None:
        self.path = tables_path(data_dir) / "themes.parquet"
        self.cache: dict[tuple[Any, Any], dict[str, list[str]]] = {}
        self.docs: set[str] = set()
        self.rows = KeyedRows(self.path, "doc_id")

    def load(self, doc_ids: Iterable[Any]) -> None:
        """Read the terms of every theme row of `doc_ids`."""
        wanted = sorted({d for d in doc_ids if isinstance(d, str)} - self.docs)
        if not wanted:
            return
        table = self.rows.read(wanted, ["doc_id", "event_id", "theme", "terms"])
        for d, e, t, terms in zip(*(table[c].to_pylist() for c in ("doc_id", "event_id", "theme", "terms"))):
            self.cache.setdefault((d, e), {}).setdefault(t, list(terms or []))
        self.docs.update(wanted)

    def get(self, key: tuple[Any, Any], default: Any = None) -> Any:
        """{theme slug: terms} of one (doc_id, event_id or None), or `default`."""
        self.load([key[0]])
        return self.cache.get(key, default)
