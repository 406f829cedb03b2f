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
import types
import typing
from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .config import PACKAGE_DIR
from .ingest import RawDocument

FACTS_DIR = ".accords-facts"
META = ("fingerprint", "file", "stat")  # per release: content digest, file it came from, that file's state
_FIELD_PREFIX = "f_"


# --- generic encoding of field values ------------------------------------------------------------
#
# Each field becomes a column whose type follows its annotation: str, int, float and bool fields
# (optional or not) are stored as such, sets and lists of str as lists of str, anything else as
# JSON text, with the annotation putting tuples back and tags ($d, $s, $c ...) standing for
# dates, sets and dataclasses where the annotation does not say.


def _default(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, (set, frozenset)):
        return {"$s": sorted(value, key=lambda v: json.dumps(v, default=_default, sort_keys=True))}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        return {"$c": f"{cls.__module__}:{cls.__qualname__}",
                "f": {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}}
    raise TypeError(f"cannot store a {type(value).__name__} in the facts store: {value!r}")


def _hook(obj: dict) -> object:
    if len(obj) == 1:
        if "$d" in obj:
            return dt.date.fromisoformat(obj["$d"])
        if "$dt" in obj:
            return dt.datetime.fromisoformat(obj["$dt"])
        if "$s" in obj:
            return set(obj["$s"])
    if "$c" in obj and "f" in obj:
        module, _, name = obj["$c"].partition(":")
        cls = functools.reduce(getattr, name.split("."), importlib.import_module(module))
        return cls(**obj["f"])
    return obj


def dumps(value: object) -> str:
    """`value` as compact JSON text (dates, sets and dataclasses tagged)."""
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> object:
    """The value `dumps` was given (tuples come back as lists unless an annotation says otherwise)."""
    return None if text is None else json.loads(text, object_hook=_hook)


@dataclasses.dataclass(frozen=True)
class Codec:
    """How a field of one annotation is stored: its Arrow type and the conversions either way."""

    type: pa.DataType
    enc: Callable | None = None
    dec: Callable | None = None


_SCALARS = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def _optional(hint: object) -> object | None:
    """X for `X | None` (or Optional[X]), else None."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return next(a for a in args if a is not type(None))
    return None


@functools.lru_cache(maxsize=None)
def _restore(hint: object) -> Callable | None:
    """What turns a JSON-decoded value back into one of annotation `hint` (None: nothing to do)."""
    inner = _optional(hint)
    if inner is not None:
        conv = _restore(inner)
        return None if conv is None else (lambda v: None if v is None else conv(v))
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is tuple or origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _restore(args[0])
            return (lambda v: tuple(v)) if item is None else (lambda v: tuple(item(x) for x in v))
        convs = [_restore(a) for a in args]
        if not any(convs):
            return tuple
        return lambda v: tuple(c(x) if c else x for c, x in zip(convs, v))
    if origin in (list, set, frozenset):
        item = _restore(args[0]) if args else None
        make = {list: list, set: set, frozenset: frozenset}[origin]
        if item is None:
            return None if origin is list else make
        return lambda v: make(item(x) for x in v)
    if origin is dict and len(args) == 2:
        value = _restore(args[1])
        return None if value is None else (lambda v: {k: value(x) for k, x in v.items()})
    return None


@functools.lru_cache(maxsize=None)
def codec(hint: object) -> Codec:
    """The codec of a field annotated `hint`."""
    inner = _optional(hint) or hint
    if inner in _SCALARS:
        return Codec(_SCALARS[inner])
    origin, args = typing.get_origin(inner), typing.get_args(inner)
    if origin in (set, frozenset, list) and args == (str,) and inner is hint:
        if origin is list:
            return Codec(pa.list_(pa.string()), enc=list)
        return Codec(pa.list_(pa.string()), enc=sorted, dec=set if origin is set else frozenset)
    conv = _restore(hint)
    if conv is None:
        return Codec(pa.string(), enc=dumps, dec=loads)
    return Codec(pa.string(), enc=dumps, dec=lambda text: None if text is None else conv(loads(text)))


# --- the layout of a DocFacts ----------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def layout(cls: type) -> tuple[tuple[str, str, type | None], ...]:
    """(field, how, item class) for each field of a facts dataclass.

    how is `record` (a dataclass: one column per field of it), `keyed` (a dict of dataclasses: a
    child table keyed by the dict key), `listed` (a list of dataclasses: a child table in list
    order) or `value` (one column).
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


@functools.lru_cache(maxsize=None)
def field_codecs(cls: type) -> dict[str, tuple[str, Codec]]:
    """Column name -> (field, codec) for the fields of dataclass `cls` stored as values."""
    hints = typing.get_type_hints(cls)
    return {_FIELD_PREFIX + f.name: (f.name, codec(hints[f.name])) for f in dataclasses.fields(cls)}


@functools.lru_cache(maxsize=None)
def table_codecs(cls: type) -> dict[str, dict[str, tuple[str, Codec]]]:
    """Per stored table (`docs` and the children of `cls`), column -> (field, codec)."""
    hints = typing.get_type_hints(cls)
    docs = {"path": ("path", Codec(pa.string())), "fingerprint": ("fingerprint", Codec(pa.string()))}
    out = {"docs": docs}
    for name, how, item in layout(cls):
        if how == "record":
            docs.update({f"{name}.{col}": (f"{name}.{fname}", c) for col, (fname, c) in field_codecs(item).items()})
        elif how == "value":
            docs[_FIELD_PREFIX + name] = (name, codec(hints[name]))
        else:
            key = typing.get_args(hints[name])[0] if how == "keyed" else int
            out[name] = {"path": ("path", Codec(pa.string())), "slot": ("slot", codec(key)),
                         **field_codecs(item)}
    return out


def children(cls: type) -> tuple[str, ...]:
    """The child tables a facts dataclass is stored in besides `docs`."""
    return tuple(name for name, how, _ in layout(cls) if how in ("keyed", "listed"))


def to_columns(facts: list, meta: dict[str, list[str]]) -> dict[str, pa.Table]:
    """The `docs` table and the child tables of a list of facts (any facts dataclass).

    `meta` holds text columns about each release besides its facts: at least `fingerprint`.
    """
    if not facts:
        return {}
    cls = type(facts[0])
    codecs = table_codecs(cls)
    data: dict[str, dict[str, list]] = {t: {c: [] for c in cols} for t, cols in codecs.items()}
    docs = data["docs"]
    extra = [c for c in meta if c != "fingerprint"]
    for i, f in enumerate(facts):
        docs["path"].append(f.doc.path)
        docs["fingerprint"].append(meta["fingerprint"][i])
        for name, how, item_cls in layout(cls):
            value = getattr(f, name)
            if how == "record":
                for col in field_codecs(item_cls):
                    docs[f"{name}.{col}"].append(getattr(value, col[len(_FIELD_PREFIX):]))
            elif how == "value":
                docs[_FIELD_PREFIX + name].append(value)
            else:
                table = data[name]
                for slot, item in (value.items() if how == "keyed" else enumerate(value)):
                    table["path"].append(f.doc.path)
                    table["slot"].append(slot)
                    for col in field_codecs(item_cls):
                        table[col].append(getattr(item, col[len(_FIELD_PREFIX):]))
    out = {}
    for table, cols in codecs.items():
        arrays = {}
        for col, (_, c) in cols.items():
            values = data[table][col]
            if c.enc is not None:
                values = [None if v is None else c.enc(v) for v in values]
            arrays[col] = pa.array(values, c.type)
            if table == "docs" and col == "fingerprint":
                arrays.update({name: pa.array(meta[name], pa.string()) for name in extra})
        out[table] = pa.table(arrays)
    return out


def decoded(cls: type, table_name: str, table: pa.Table) -> dict[str, list]:
    """The columns of one stored table as Python values of their fields' types."""
    codecs = table_codecs(cls)[table_name]
    out = {}
    for col in table.column_names:
        values = table[col].to_pylist()
        c = codecs[col][1] if col in codecs else None
        if c is not None and c.dec is not None:
            values = [None if v is None else c.dec(v) for v in values]
        out[col] = values
    return out


def _objects(item_cls: type, cols: dict[str, list], rows: range | list[int]) -> list:
    fields = [(col[len(_FIELD_PREFIX):], cols[col]) for col in field_codecs(item_cls) if col in cols]
    return [item_cls(**{name: values[i] for name, values in fields}) for i in rows]


def from_columns(cls: type, tables: dict[str, pa.Table], keep: set[tuple[str, str]] | None = None) -> list:
    """The facts stored in `tables`, in stored order; only (path, fingerprint) pairs in `keep` if given."""
    docs = decoded(cls, "docs", tables["docs"])
    kids: dict[str, dict[str, list]] = {}
    for name, how, item_cls in layout(cls):
        if how in ("keyed", "listed"):
            cols = decoded(cls, name, tables[name])
            items = _objects(item_cls, cols, range(len(cols["path"])))
            grouped: dict[str, list] = {}
            for path, slot, item in zip(cols["path"], cols["slot"], items):
                grouped.setdefault(path, []).append((slot, item))
            kids[name] = grouped
    out = []
    for i, (path, fp) in enumerate(zip(docs["path"], docs["fingerprint"])):
        if keep is not None and (path, fp) not in keep:
            continue
        values = {}
        for name, how, item_cls in layout(cls):
            if how == "record":
                prefix = f"{name}.{_FIELD_PREFIX}"
                values[name] = item_cls(**{col[len(prefix):]: docs[col][i] for col in docs if col.startswith(prefix)})
            elif how == "value":
                values[name] = docs[_FIELD_PREFIX + name][i]
            else:
                pairs = kids[name].get(path, [])
                values[name] = dict(pairs) if how == "keyed" else [item for _, item in pairs]
        out.append(cls(**values))
    return out


# --- fingerprints: what makes stored facts reusable ----------------------------------------------


# Modules that only run the extraction and build the tables from stored parts: they change no
# stored fact, so editing them keeps the parts (the tables are rebuilt on every run anyway).
ROWS_GROUP = 65536  # rows.* files are read whole, and tiny row groups decode ~6x slower
BUILD_ONLY = frozenset({"extract/__init__.py", "extract/build.py"})


@functools.lru_cache(maxsize=None)
def extractor_version() -> str:
    """The accords version and a digest of the code and lexicons that read releases and make their
    facts and rows: stored parts of another version are redone."""
    digest = hashlib.sha1(__version__.encode())
    roots = [PACKAGE_DIR / "extract", PACKAGE_DIR / "lexicons"]
    files = [PACKAGE_DIR / name for name in ("ingest.py", "clean.py", "dates.py", "lexicon.py", "facts_store.py",
                                             "ids.py", "resolve.py", "resolve_parts.py", "store.py")]
    for root in roots:
        files += sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yml", ".yaml", ".txt")
                        and p.relative_to(PACKAGE_DIR).as_posix() not in BUILD_ONLY)
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

    def committed_index(self) -> dict[str, tuple[str, ...]]:
        """path -> (fingerprint, part, file, stat) for every release of the last completed run."""
        out = {}
        for part in self.parts():
            cols = pq.read_table(self.root / part / "docs.parquet", columns=["path", *META]).to_pydict()
            for path, fp, file, stat in zip(cols["path"], *(cols[c] for c in META)):
                out[path] = (fp, part, file, stat)
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

    def compact(self, cls: type, part: str, drop: set[str], derive: Callable | None = None) -> str:
        """A new part holding the facts of `part` except those of the paths in `drop`."""
        cols = pq.read_table(self.root / part / "docs.parquet", columns=["path", *META]).to_pydict()
        rows = [i for i, p in enumerate(cols["path"]) if p not in drop]
        keep = {(cols["path"][i], cols["fingerprint"][i]) for i in rows}
        return self.write_part(self.facts(cls, part, keep), {c: [cols[c][i] for i in rows] for c in META}, derive)

    def write_part(self, facts: list, meta: dict[str, list[str]], derive: Callable | None = None) -> str:
        """Store `facts` as one part (in path order, with `derive(facts)`'s files beside them) and
        return its name; the same releases give the same name."""
        order = sorted(range(len(facts)), key=lambda i: facts[i].doc.path)
        facts = [facts[i] for i in order]
        meta = {k: [v[i] for i in order] for k, v in meta.items()}
        name = "part-" + hashlib.sha1("\n".join(f"{f.doc.path}\x1f{fp}" for f, fp in zip(
            facts, meta["fingerprint"])).encode()).hexdigest()[:16]
        final = self.root / name
        if final.is_dir():
            return name
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=self.root))
        try:
            files = {**to_columns(facts, meta), **(derive(facts) if derive else {})}
            for table, data in files.items():
                if isinstance(data, str):
                    (tmp / table).write_text(data, encoding="utf-8")
                else:
                    rows = ROWS_GROUP if table.startswith("rows.") else 256
                    pq.write_table(data, tmp / f"{table}.parquet", compression="zstd", row_group_size=rows)
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
