"""The data contract's tables: their schemas, and atomic Parquet reading and writing."""

from __future__ import annotations

import json
import os
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
    """Cast a DataFrame to the contract schema of table `name` (extra columns are kept)."""
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
    return pa.Table.from_pandas(ordered, schema=full, preserve_index=False)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, meta: dict | None = None) -> None:
    """Write every table to `out_dir/<name>.parquet` via temporary files, then rename them in."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name in TABLES:
            frame = tables.get(name, empty_table(name))
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet.tmp", dir=out_dir)
            os.close(fd)
            staged.append((tmp, out_dir / f"{name}.parquet"))
            pq.write_table(to_arrow(name, frame), tmp, compression="zstd")
        if meta is not None:
            fd, tmp = tempfile.mkstemp(prefix=".extract.", suffix=".json.tmp", dir=out_dir)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(meta, fh, indent=2, sort_keys=True, default=str)
            staged.append((tmp, out_dir / "extract.json"))
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    umask = os.umask(0)
    os.umask(umask)
    for tmp, final in staged:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; tables are read by other accounts too
        os.replace(tmp, final)


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


def read_tables(data_dir: Path, names: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame]:
    """Read the contract tables from `data_dir`; a missing table is a CorpusError naming it."""
    data_dir = Path(data_dir)
    out = {}
    for name in names:
        path = data_dir / f"{name}.parquet"
        if not path.exists():
            raise CorpusError(f"{path}: table not found (run `accords extract` first)")
        out[name] = pd.read_parquet(path)
    return out
