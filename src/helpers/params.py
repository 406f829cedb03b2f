"""Report selection and parameter validation, done before any notebook cell runs."""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import papermill

from .config import NOTEBOOKS_DIR
from .errors import ParameterError

REPORT_GLOB = "[0-9][0-9]_*.ipynb"
DATE_NAMES = frozenset({"start", "end"})
PATH_SUFFIXES = ("_dir", "_path", "_file")
_BASE_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,), "int": (int,), "float": (float, int), "bool": (bool,), "list": (list, tuple),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a notebook's `parameters` cell: `name: type = default  # help`."""

    name: str
    annotation: str
    default_source: str
    help: str
    expected: str | None  # one of _BASE_TYPES, or None when unknown
    item: str | None  # element type of a list[...] annotation
    optional: bool
    is_date: bool

    @property
    def default(self) -> Any:
        """The default as a Python value when it is a literal, else its source text."""
        ok, value = _literal(self.default_source)
        return value if ok else self.default_source


@dataclass
class Report:
    """A report notebook and the typed parameters its `parameters` cell declares."""

    name: str
    path: Path
    specs: dict[str, ParamSpec] = field(default_factory=dict)
    reads: tuple[str, ...] = ()  # contract tables the notebook reads (metadata accords.reads)

    @property
    def short(self) -> str:
        """The short name: the stem's last word (`01_events_timeline` -> `timeline`)."""
        return self.name.rsplit("_", 1)[-1]


def parse_value(text: str) -> Any:
    """Parse a `-p KEY VALUE` value as papermill does (bool, None, int, float), plus JSON lists."""
    if text == "True":
        return True
    if text == "False":
        return False
    if text == "None":
        return None
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    if text.startswith("[") and text.endswith("]"):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    return text


def _literal(source: str) -> tuple[bool, Any]:
    """(True, value) when `source` is a Python literal, else (False, None)."""
    try:
        return True, ast.literal_eval(source)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False, None


def _parse_annotation(annotation: str, default: Any, has_default: bool) -> tuple[str | None, str | None, bool]:
    """(base type, list item type, optional) from an annotation, or from a literal default."""
    text = annotation.replace(" ", "")
    optional = False
    if text.startswith("Optional[") and text.endswith("]"):
        text, optional = text[len("Optional["):-1], True
    parts = [p for p in text.split("|") if p]
    if "None" in parts and len(parts) > 1:
        parts.remove("None")
        optional = True
    text = parts[0] if len(parts) == 1 else ""
    match = re.fullmatch(r"(str|int|float|bool|list|List)(?:\[(\w+)\])?", text)
    if match:
        base = match.group(1).lower()
        item = match.group(2) if base == "list" and match.group(2) in _BASE_TYPES else None
        return base, item, optional or default is None
    if has_default and default is not None and not text:
        for name in ("bool", "int", "float", "str", "list"):
            if type(default) is _BASE_TYPES[name][0]:
                return name, None, False
    return None, None, True


def _spec(raw: Mapping[str, Any]) -> ParamSpec:
    """A ParamSpec from one entry of `papermill.inspect_notebook`."""
    annotation = str(raw.get("inferred_type_name") or "None")
    default_source = str(raw.get("default") or "")
    has_default, default = _literal(default_source)
    expected, item, optional = _parse_annotation(
        "" if annotation == "None" else annotation, default, has_default)
    name = str(raw["name"])
    is_date = name in DATE_NAMES or name.endswith("_date") or (
        isinstance(default, str) and bool(_ISO_DATE.match(default)))
    return ParamSpec(name, annotation, default_source, str(raw.get("help") or ""),
                     expected, item, optional, is_date)


def inspect_report(path: Path) -> Report:
    """Read a notebook's typed parameters with `papermill.inspect_notebook`."""
    try:
        raw = papermill.inspect_notebook(str(path))
    except Exception as exc:  # a notebook that cannot even be read
        raise ParameterError(f"{path.stem}: cannot read notebook parameters: {exc}") from exc
    try:
        meta = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError, AttributeError):
        meta = {}
    reads = (meta.get("accords") or {}).get("reads") or ()
    return Report(path.stem, Path(path), {name: _spec(p) for name, p in raw.items()},
                  tuple(str(t) for t in reads))


def available_reports(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Every report notebook in `notebooks_dir` (`NN_name.ipynb`), in order."""
    return sorted(Path(notebooks_dir).glob(REPORT_GLOB))


def _matches(name: str, path: Path) -> bool:
    """Whether `name` designates the notebook at `path` (stem, short name, word or number)."""
    stem = path.stem
    prefix, _, short = stem.partition("_")
    key = name.lower().removesuffix(".ipynb")
    return key in {stem.lower(), short.lower(), prefix, prefix.lstrip("0")} or key in short.lower().split("_")


def select_reports(names: Sequence[str] | None, notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Report]:
    """Resolve report names (stem, short name or one word of it) to inspected notebooks."""
    found = available_reports(notebooks_dir)
    if isinstance(names, (str, Path)):
        names = [str(names)]
    if not names:
        if not found:
            raise ParameterError(f"no report notebooks ({REPORT_GLOB}) in {notebooks_dir}")
        return [inspect_report(p) for p in found]
    chosen: list[Path] = []
    known = ", ".join(f"{p.stem} ({p.stem.rsplit('_', 1)[-1]})" for p in found) or "none"
    for name in names:
        as_path = Path(name)
        if as_path.suffix == ".ipynb" and as_path.is_file():
            hits = [as_path.resolve()]
        else:
            hits = [p for p in found if _matches(name, p)]
        if not hits:
            raise ParameterError(f"unknown report {name!r} (known: {known})")
        if len(hits) > 1:
            raise ParameterError(
                f"report name {name!r} is ambiguous: {', '.join(p.stem for p in hits)}")
        if hits[0] not in chosen:
            chosen.append(hits[0])
    return [inspect_report(p) for p in chosen]


def _type_error(report: str, spec: ParamSpec, value: Any, expected: str) -> ParameterError:
    """The one-line error for a value of the wrong type."""
    return ParameterError(f"{report}: parameter {spec.name!r} expects {expected}, "
                          f"got {value!r} ({type(value).__name__})")


def check_value(report: str, spec: ParamSpec, value: Any) -> Any:
    """Check one value against its spec; return it normalised for papermill."""
    if isinstance(value, Path):
        value = str(value)
    if isinstance(value, (date, datetime)) and spec.is_date:
        value = value.isoformat()[:10]
    if value is None:
        if spec.optional or spec.expected is None:
            return None
        raise _type_error(report, spec, value, spec.expected)
    if spec.is_date:
        try:
            date.fromisoformat(str(value))
        except ValueError:
            raise ParameterError(f"{report}: parameter {spec.name!r} expects an ISO date "
                                 f"(YYYY-MM-DD), got {value!r}") from None
        return str(value)
    if spec.expected is None:
        return value
    if spec.expected == "str" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # `-p title 2024` means the text "2024"
    allowed = _BASE_TYPES[spec.expected]
    if isinstance(value, bool) and spec.expected != "bool" or not isinstance(value, allowed):
        hint = " (give a JSON list, e.g. '[\"a\", \"b\"]')" if spec.expected == "list" else ""
        raise ParameterError(f"{report}: parameter {spec.name!r} expects "
                             f"{spec.annotation if spec.annotation != 'None' else spec.expected}, "
                             f"got {value!r} ({type(value).__name__}){hint}")
    if spec.expected == "list":
        value = list(value)
        item_types = _BASE_TYPES.get(spec.item or "", ())
        bad = [v for v in value if item_types and (
            not isinstance(v, item_types) or isinstance(v, bool) and spec.item != "bool")]
        if bad:
            raise _type_error(report, spec, value, spec.annotation)
    return value


def resolve_paths(parameters: Mapping[str, Any], base: Path) -> dict[str, Any]:
    """Make relative `*_dir`/`*_path`/`*_file` values absolute against `base` (notebooks run elsewhere)."""
    out = dict(parameters)
    for name, value in parameters.items():
        if name.endswith(PATH_SUFFIXES) and isinstance(value, (str, Path)) and str(value):
            path = Path(value).expanduser()
            out[name] = str(path if path.is_absolute() else (Path(base) / path).resolve())
    return out


def plan_parameters(reports: Sequence[Report], parameters: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """Validate `parameters` against every report; return the ones each report receives."""
    parameters = dict(parameters or {})
    names = ", ".join(r.name for r in reports)
    for key in parameters:
        if not any(key in r.specs for r in reports):
            known = sorted({k for r in reports for k in r.specs})
            raise ParameterError(f"{names}: unknown parameter {key!r} "
                                 f"(known: {', '.join(known) or 'none'})")
    plan: dict[str, dict[str, Any]] = {}
    for report in reports:
        plan[report.name] = {k: check_value(report.name, report.specs[k], v)
                             for k, v in parameters.items() if k in report.specs}
    return plan


def parameters_hash(parameters: Mapping[str, Any] | None) -> str:
    """A short stable hash of a parameter set (used in default run names)."""
    text = json.dumps(dict(parameters or {}), sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def describe_reports(notebooks_dir: Path = NOTEBOOKS_DIR) -> str:
    """A plain-text listing of the reports and their parameters (`accords render --list`)."""
    lines = []
    for report in select_reports(None, notebooks_dir):
        lines.append(f"{report.name}  (short name: {report.short})")
        for spec in report.specs.values():
            kind = spec.annotation if spec.annotation != "None" else (spec.expected or "any")
            note = f"  # {spec.help}" if spec.help else ""
            lines.append(f"    {spec.name}: {kind} = {spec.default_source}{note}")
    return "\n".join(lines)
