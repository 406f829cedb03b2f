"""Per-document facts on disk: columnar Parquet parts, serialised generically from the dataclasses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import importlib
import json
import os
import shutil
import tempfile
import typing
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .config import PACKAGE_DIR
from .ingest import RawDocument

FACTS_DIR = ".accords-facts"
_FIELD_PREFIX = "f_"


# --- generic encoding of field values ------------------------------------------------------------


def encode(value: object) -> object:
    """A JSON-ready form of `value` that `decode` turns back into an equal value of the same type."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$t": [encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        items = [encode(v) for v in value]
        return {"$s": sorted(items, key=lambda v: json.dumps(v, sort_keys=True))}
    if isinstance(value, dict):
        return {"$m": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        return {"$c": f"{cls.__module__}:{cls.__qualname__}",
                "f": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    raise TypeError(f"cannot store a {type(value).__name__} in the facts store: {value!r}")


def decode(value: object) -> object:
    """The value `encode` was given."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$t" in value:
        return tuple(decode(v) for v in value["$t"])
    if "$s" in value:
        return {decode(v) for v in value["$s"]}
    if "$m" in value:
        return {decode(k): decode(v) for k, v in value["$m"]}
    if "$d" in value:
        return dt.date.fromisoformat(value["$d"])
    if "$dt" in value:
        return dt.datetime.fromisoformat(value["$dt"])
    if "$c" in value:
        module, _, name = value["$c"].partition(":")
        cls = functools.reduce(getattr, name.split("."), importlib.import_module(module))
        return cls(**{k: decode(v) for k, v in value["f"].items()})
    raise ValueError(f"unknown stored value {value!r}")


def dumps(value: object) -> str:
    """`value` encoded as compact JSON text."""
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> object:
    """The value `dumps` was given."""
    return None if text is None else decode(json.loads(text))


# --- the layout of a DocFacts ----------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def layout(cls: type) -> tuple[tuple[str, str, type | None], ...]:
    """(field, how, item class) for each field of a facts dataclass.

    how is `record` (a dataclass: one column per field of it), `keyed` (a dict of dataclasses: a
    child table keyed by the dict key), `listed` (a list of dataclasses: a child table in list
    order) or `value` (one JSON column).
    """
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if dataclasses.is_dataclass(hint):
            out.append((f.name, "record", hint))
        elif origin is dict and len(args) == 2 and dataclasses.is_dataclass(args[1]):
            out.append((f.name, "keyed", args[1]))
        elif origin is list and len(args) == 1 and dataclasses.is_dataclass(args[0]):
            out.append((f.name, "listed", args[0]))
        else:
            out.append((f.name, "value", None))
    return tuple(out)


def children(cls: type) -> tuple[str, ...]:
    """The child tables a facts dataclass is stored in besides `docs`."""
    return tuple(name for name, how, _ in layout(cls) if how in ("keyed", "listed"))


def _columns_of(item: object) -> dict[str, str]:
    return {_FIELD_PREFIX + f.name: dumps(getattr(item, f.name)) for f in dataclasses.fields(item)}


def to_columns(facts: list, fingerprints: list[str]) -> dict[str, pa.Table]:
    """The `docs` table and the child tables of a list of facts (any facts dataclass)."""
    if not facts:
        return {}
    cls = type(facts[0])
    docs: dict[str, list] = {"path": [], "fingerprint": []}
    kids: dict[str, dict[str, list]] = {name: {"path": [], "slot": []} for name in children(cls)}
    for f, fp in zip(facts, fingerprints):
        docs["path"].append(f.doc.path)
        docs["fingerprint"].append(fp)
        for name, how, _ in layout(cls):
            value = getattr(f, name)
            if how == "record":
                for col, text in _columns_of(value).items():
                    docs.setdefault(f"{name}.{col}", []).append(text)
            elif how == "value":
                docs.setdefault(_FIELD_PREFIX + name, []).append(dumps(value))
            else:
                items = value.items() if how == "keyed" else enumerate(value)
                table = kids[name]
                for slot, item in items:
                    table["path"].append(f.doc.path)
                    table["slot"].append(dumps(slot))
                    for col, text in _columns_of(item).items():
                        table.setdefault(col, []).append(text)
    out = {"docs": pa.table(docs)}
    for name, table in kids.items():
        n = len(table["path"])
        _, _, item_cls = next(x for x in layout(cls) if x[0] == name)
        for f in dataclasses.fields(item_cls):
            table.setdefault(_FIELD_PREFIX + f.name, [None] * n)
        out[name] = pa.table({k: pa.array(v, pa.string()) for k, v in table.items()})
    return out


def _build(cls: type, columns: dict[str, object]) -> object:
    return cls(**{k[len(_FIELD_PREFIX):]: loads(v) for k, v in columns.items() if k.startswith(_FIELD_PREFIX)})


def from_columns(cls: type, tables: dict[str, pa.Table], keep: set[tuple[str, str]] | None = None) -> list:
    """The facts stored in `tables`, in stored order; only (path, fingerprint) pairs in `keep` if given."""
    docs = tables["docs"].to_pylist()
    kid_rows: dict[str, dict[str, list[dict]]] = {}
    for name in children(cls):
        grouped: dict[str, list[dict]] = {}
        for row in tables[name].to_pylist():
            grouped.setdefault(row["path"], []).append(row)
        kid_rows[name] = grouped
    out = []
    for row in docs:
        if keep is not None and (row["path"], row["fingerprint"]) not in keep:
            continue
        values = {}
        for name, how, item_cls in layout(cls):
            if how == "record":
                prefix = f"{name}."
                values[name] = _build(item_cls, {k[len(prefix):]: v for k, v in row.items() if k.startswith(prefix)})
            elif how == "value":
                values[name] = loads(row.get(_FIELD_PREFIX + name))
            else:
                items = [(loads(r["slot"]), _build(item_cls, r)) for r in kid_rows[name].get(row["path"], [])]
                values[name] = dict(items) if how == "keyed" else [item for _, item in items]
        out.append(cls(**values))
    return out


# --- fingerprints: what makes stored facts reusable ----------------------------------------------


@functools.lru_cache(maxsize=None)
def extractor_version() -> str:
    """The accords version and a digest of the rules' code and lexicons: facts of another version are redone."""
    digest = hashlib.sha1(__version__.encode())
    roots = [PACKAGE_DIR / "extract", PACKAGE_DIR / "lexicons"]
    files = [PACKAGE_DIR / name for name in ("dates.py", "lexicon.py", "facts_store.py")]
    for root in roots:
        files += sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yml", ".yaml", ".txt"))
    for path in files:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def settings_digest(taxonomy: Path | None, ner: str | None) -> str:
    """A digest of the extractor version and the run's settings that change facts (taxonomy, NER)."""
    parts = [extractor_version(), str(ner or ""),
             hashlib.sha1(Path(taxonomy).read_bytes()).hexdigest() if taxonomy else ""]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def fingerprint(doc: RawDocument, settings: str) -> str:
    """The digest of a release's content and metadata under `settings`."""
    return hashlib.sha1((settings + "\x1f" + dumps(doc)).encode()).hexdigest()


# --- the store -------------------------------------------------------------------------------------


class FactsStore:
    """The facts parts of one output folder: `DIR/.accords-facts/<part>/<table>.parquet`."""

    def __init__(self, out: Path) -> None:
        self.root = Path(out) / FACTS_DIR

    @classmethod
    def at(cls, root: str | Path) -> FactsStore:
        """The store whose facts folder is `root` itself."""
        store = cls.__new__(cls)
        store.root = Path(root)
        return store

    def parts(self) -> list[str]:
        """The parts of the last completed run, as `commit` recorded them."""
        try:
            names = json.loads((self.root / "parts.json").read_text(encoding="utf-8"))["parts"]
        except (OSError, ValueError, KeyError, TypeError):
            return []
        return [n for n in names if isinstance(n, str) and (self.root / n / "docs.parquet").is_file()]

    def committed_index(self) -> dict[str, tuple[str, str]]:
        """path -> (fingerprint, part) for every release of the last completed run."""
        out = {}
        for part in self.parts():
            table = pq.read_table(self.root / part / "docs.parquet", columns=["path", "fingerprint"])
            for path, fp in zip(table["path"].to_pylist(), table["fingerprint"].to_pylist()):
                out[path] = (fp, part)
        return out

    def commit(self, parts: list[str]) -> None:
        """Record `parts` as the facts of the tables just written and delete every other part."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".parts.", suffix=".json.tmp", dir=self.root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"parts": sorted(parts), "extractor": extractor_version()}, fh, indent=1)
        os.replace(tmp, self.root / "parts.json")
        keep = set(parts)
        for path in self.root.iterdir():
            if path.is_dir() and path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)

    def compact(self, cls: type, part: str, drop: set[str]) -> str:
        """A new part holding the facts of `part` except those of the paths in `drop`."""
        table = pq.read_table(self.root / part / "docs.parquet", columns=["path", "fingerprint"])
        pairs = list(zip(table["path"].to_pylist(), table["fingerprint"].to_pylist()))
        keep = {(p, fp) for p, fp in pairs if p not in drop}
        return self.write_part(self.facts(cls, part, keep), [fp for p, fp in pairs if (p, fp) in keep])

    def write_part(self, facts: list, fingerprints: list[str]) -> str:
        """Store `facts` as one part (in path order) and return its name; the same facts give the same name."""
        order = sorted(range(len(facts)), key=lambda i: facts[i].doc.path)
        facts = [facts[i] for i in order]
        fingerprints = [fingerprints[i] for i in order]
        name = "part-" + hashlib.sha1("\n".join(f"{f.doc.path}\x1f{fp}" for f, fp in zip(
            facts, fingerprints)).encode()).hexdigest()[:16]
        final = self.root / name
        if final.is_dir():
            return name
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=self.root))
        try:
            for table, data in to_columns(facts, fingerprints).items():
                pq.write_table(data, tmp / f"{table}.parquet", compression="zstd", row_group_size=256)
            os.replace(tmp, final)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            if not final.is_dir():
                raise
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return name

    def read(self, part: str, tables: Iterable[str],
             columns: dict[str, list[str]] | None = None) -> dict[str, pa.Table]:
        """The named tables of one part, with only the given columns of each where `columns` says."""
        columns = columns or {}
        return {t: pq.read_table(self.root / part / f"{t}.parquet", columns=columns.get(t)) for t in tables}

    def facts(self, cls: type, part: str, keep: set[tuple[str, str]] | None = None) -> list:
        """The facts of one part (only the (path, fingerprint) pairs in `keep` if given)."""
        return from_columns(cls, self.read(part, ("docs", *children(cls))), keep)
