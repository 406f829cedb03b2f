"""The data contract's tables: their schemas, and atomic Parquet reading and writing."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import CorpusError

_str = pa.string()
_int = pa.int64()
_list = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", _str), ("path", _str), ("url", _str), ("title", _str),
        ("published", pa.date32()), ("source", _str), ("authors", _list),
        ("text", _str), ("n_words", _int),
    ]),
    "events": pa.schema([
        ("event_id", _str), ("doc_id", _str), ("kind", _str), ("date", pa.date32()),
        ("date_text", _str), ("date_precision", _str), ("year_source", _str),
        ("location", _str), ("agreement", _str), ("sentence", _str),
        ("start", _int), ("end", _int), ("cluster_id", _str),
    ]),
    "organizations": pa.schema([
        ("org_id", _str), ("name", _str), ("acronym", _str), ("kind", _str),
        ("aliases", _list), ("n_documents", _int),
    ]),
    "people": pa.schema([
        ("person_id", _str), ("name", _str), ("aliases", _list), ("n_documents", _int),
    ]),
    "participants": pa.schema([
        ("event_id", _str), ("doc_id", _str), ("person_id", _str), ("org_id", _str),
        ("title", _str), ("role", _str), ("sentence", _str), ("start", _int), ("end", _int),
        ("affiliation_flag", _str),
    ]),
    "mentions": pa.schema([
        ("doc_id", _str), ("kind", _str), ("entity_id", _str), ("text", _str),
        ("start", _int), ("end", _int),
    ]),
    "themes": pa.schema([
        ("doc_id", _str), ("event_id", _str), ("theme", _str), ("score", pa.float64()),
        ("terms", _list),
    ]),
}
TABLES = tuple(SCHEMAS)


def empty_table(name: str) -> pd.DataFrame:
    """An empty DataFrame with the columns of table `name`."""
    return SCHEMAS[name].empty_table().to_pandas()


def to_arrow(name: str, frame: pd.DataFrame) -> pa.Table:
    """Cast a DataFrame to the contract schema of table `name` (extra columns are kept).

    The result carries no pandas metadata, so the same rows give the same bytes however they
    were split into frames.
    """
    schema = SCHEMAS[name]
    frame = frame.copy()
    for field in schema:
        if field.name not in frame.columns:
            frame[field.name] = None
    extra = [c for c in frame.columns if c not in schema.names]
    ordered = frame[list(schema.names) + extra].reset_index(drop=True)
    full = schema
    for col in extra:
        full = full.append(pa.field(col, pa.array(ordered[col]).type))
    return pa.Table.from_pandas(ordered, schema=full, preserve_index=False).replace_schema_metadata(None)


ROW_GROUP_ROWS = 65536
ROW_GROUP_ROWS_OF = {"documents": 4096}  # rows of text: about 10 MB a row group


class TableWriter:
    """One table written piece by piece to a temporary file beside its final place.

    Rows are cut into row groups of a fixed size whatever the pieces, so the bytes depend only
    on the rows. `close` returns the temporary path; `commit` renames the staged files in.
    """

    def __init__(self, name: str, out_dir: Path) -> None:
        self.name, self.out_dir = name, Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=self.out_dir)
        os.close(fd)
        self.rows = ROW_GROUP_ROWS_OF.get(name, ROW_GROUP_ROWS)
        self.pending: list[pa.Table] = []
        self.n_pending = 0
        self.n_rows = 0
        self.writer: pq.ParquetWriter | None = None

    def write(self, rows: pd.DataFrame | pa.Table) -> None:
        """Append rows (a DataFrame is cast to the table's schema first)."""
        table = to_arrow(self.name, rows) if isinstance(rows, pd.DataFrame) else rows
        if table.schema.names == SCHEMAS[self.name].names and str(table.schema) != str(SCHEMAS[self.name]):
            table = table.cast(SCHEMAS[self.name])  # e.g. list items read back from Parquet as "element"
        if self.writer is None:
            self.schema = table.schema
            self.writer = pq.ParquetWriter(self.tmp, table.schema, compression="zstd")
        elif str(table.schema) != str(self.schema):
            table = table.cast(self.schema)
        self.pending.append(table)
        self.n_pending += table.num_rows
        self.n_rows += table.num_rows
        if self.n_pending >= self.rows:
            self._flush(final=False)

    def _flush(self, final: bool) -> None:
        if not self.pending:
            return
        table = pa.concat_tables(self.pending).combine_chunks()
        full = (table.num_rows // self.rows) * self.rows if not final else table.num_rows
        for start in range(0, full, self.rows):
            self.writer.write_table(table.slice(start, min(self.rows, full - start)), row_group_size=self.rows)
        rest = table.slice(full)
        self.pending, self.n_pending = ([rest], rest.num_rows) if rest.num_rows else ([], 0)

    def close(self) -> str:
        """Finish the file and return its temporary path."""
        if self.writer is None:
            self.write(SCHEMAS[self.name].empty_table())
        self._flush(final=True)
        self.writer.close()
        return self.tmp

    def abort(self) -> None:
        """Drop the temporary file."""
        if self.writer is not None:
            self.writer.close()
        Path(self.tmp).unlink(missing_ok=True)

    @property
    def final(self) -> Path:
        """Where the table goes."""
        return self.out_dir / f"{self.name}.parquet"


def stage_json(obj: object, out_dir: Path, name: str) -> tuple[str, Path]:
    """Write `obj` as JSON to a temporary file in `out_dir`; (temporary path, final path)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{Path(name).stem}.", suffix=".json.tmp", dir=out_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=2, sort_keys=True, default=str)
    return tmp, Path(out_dir) / name


def commit(staged: list[tuple[str, Path]]) -> None:
    """Rename staged temporary files into place (a folder of parts in the way is replaced), with the
    usual file mode: mkstemp makes 0600, and tables are read by other accounts too."""
    umask = os.umask(0)
    os.umask(umask)
    for tmp, final in staged:
        os.chmod(tmp, (0o777 if Path(tmp).is_dir() else 0o666) & ~umask)
        if final.is_dir():
            shutil.rmtree(final)
        os.replace(tmp, final)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, meta: dict | None = None) -> None:
    """Write every table to `out_dir/<name>.parquet` via temporary files, then rename them in."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    writers: list[TableWriter] = []
    try:
        for name in TABLES:
            writer = TableWriter(name, out_dir)
            writers.append(writer)
            writer.write(tables.get(name, empty_table(name)))
            staged.append((writer.close(), writer.final))
        if meta is not None:
            staged.append(stage_json(meta, out_dir, "extract.json"))
    except BaseException:
        for writer in writers:
            writer.abort()
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    commit(staged)


def write_json(obj: object, path: Path) -> None:
    """Write `obj` as JSON to `path` through a temporary file renamed into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, indent=2, sort_keys=True, default=str)
            fh.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_tables(data_dir: Path, names: tuple[str, ...] = TABLES,
                columns: dict[str, list[str]] | None = None,
                dictionaries: dict[str, tuple[str, ...]] | None = None) -> dict[str, pd.DataFrame]:
    """Read the contract tables from `data_dir` (each one file or a folder of parts), only the
    `columns` named per table where given, the `dictionaries` columns as pandas categories; a
    missing table is a CorpusError naming it."""
    data_dir = Path(data_dir)
    columns, dictionaries = columns or {}, dictionaries or {}
    out = {}
    for name in names:
        path = data_dir / f"{name}.parquet"
        if not path.exists():
            raise CorpusError(f"{path}: table not found (run `accords extract` first)")
        wanted = columns.get(name)
        if wanted is not None:
            present = set(pq.read_schema(_first_file(path)).names)
            wanted = [c for c in wanted if c in present]
        coded = [c for c in dictionaries.get(name, ()) if wanted is None or c in wanted]
        out[name] = pd.read_parquet(path, columns=wanted, **({"read_dictionary": coded} if coded else {}))
    return out


def _first_file(path: Path) -> Path:
    """The table file itself, or the first Parquet part of a table folder."""
    if path.is_dir():
        return next(iter(sorted(path.rglob("*.parquet"))), path)
    return path
