"""Checks of parameter values that need more than their type, done before any kernel starts.

Dates and their order, choices such as `freq`, counts that must be positive, the tables folder
(and the tables a report reads), the organisations and themes named (unknown ones are reported
with the closest known names) and an evaluation result file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq

from . import lexicon
from .config import tables_dir
from .errors import ParameterError
from .evaluation import read_evaluation

if TYPE_CHECKING:
    from .params import Report

DATA_PARAMS = ("data_dir", "tables_dir", "processed_dir", "data")
CHOICES: dict[str, tuple[str, ...]] = {"freq": ("auto", "month", "year")}
AT_LEAST_ONE = frozenset({"lanes", "top_n", "top_orgs", "max_nodes", "max_rows",
                          "evidence_themes", "evidence_per_theme"})


def reads_tables(report: Report) -> tuple[str, ...]:
    """The contract tables a report notebook declares it reads (notebook metadata accords.reads)."""
    return tuple(report.reads)


def data_folder(report: Report, applied: Mapping[str, Any], notebooks_dir: Path) -> Path:
    """The tables folder a report reads: its data parameter (given or default), else
    $ACCORDS_DATA_DIR, else data/processed; relative defaults are read from the notebooks folder."""
    for name in DATA_PARAMS:
        spec = report.specs.get(name)
        value = applied.get(name, spec.default if spec else None)
        if isinstance(value, str) and value:
            path = Path(value).expanduser()
            return path if path.is_absolute() else (Path(notebooks_dir) / path).resolve()
    return tables_dir("")


def _values(report: Report, applied: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter of the report: the given value, else its default."""
    return {name: applied.get(name, spec.default) for name, spec in report.specs.items()}


def _closest(name: str, known: Iterable[str]) -> str:
    """' (closest: a, b)' naming up to three known names like `name`, or ''."""
    table = {" ".join(k.casefold().split()): k for k in known if isinstance(k, str) and k.strip()}
    hits = difflib.get_close_matches(" ".join(name.casefold().split()), list(table), n=3, cutoff=0.5)
    return f" (closest: {', '.join(table[h] for h in hits)})" if hits else ""


def _names(value: Any) -> list[str]:
    """A list parameter's names as stripped strings."""
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value or [] if str(v).strip()]


def _check_dates(report: str, values: Mapping[str, Any]) -> None:
    """start and end are ISO dates, start not after end."""
    start, end = values.get("start"), values.get("end")
    if start and end:
        try:
            lo, hi = date.fromisoformat(str(start)), date.fromisoformat(str(end))
        except ValueError:
            return  # the type check names a malformed date
        if lo > hi:
            raise ParameterError(f"{report}: parameter 'start' ({start}) comes after 'end' ({end})")


def _check_choices(report: str, values: Mapping[str, Any]) -> None:
    """Choice parameters hold one of their choices; counts are at least 1."""
    for name, choices in CHOICES.items():
        if name in values and values[name] not in choices:
            raise ParameterError(f"{report}: parameter {name!r} must be one of "
                                 f"{', '.join(choices)}, not {values[name]!r}")
    for name in AT_LEAST_ONE & set(values):
        value = values[name]
        if isinstance(value, int) and not isinstance(value, bool) and value < 1:
            raise ParameterError(f"{report}: parameter {name!r} must be at least 1, not {value}")


def _check_tables(report: Report, folder: Path, param: str) -> None:
    """The folder exists and holds every table the report reads."""
    if not folder.is_dir():
        raise ParameterError(f"{report.name}: parameter {param!r}: tables folder {folder} not found "
                             "(run `accords extract CORPUS --out DIR` first)")
    missing = [t for t in reads_tables(report) if not (folder / f"{t}.parquet").exists()]
    if missing:
        raise ParameterError(f"{report.name}: parameter {param!r}: {folder} has no "
                             f"{', '.join(missing)} table (run `accords extract` first)")


def _column(folder: Path, table: str, columns: Sequence[str]) -> dict[str, list]:
    """Some columns of one table, as Python lists."""
    data = pq.read_table(folder / f"{table}.parquet", columns=list(columns))
    return {c: data.column(c).to_pylist() for c in columns}


def _check_organizations(report: str, names: list[str], folder: Path) -> None:
    """Every organisation named matches a name, acronym or alias in the tables."""
    orgs = _column(folder, "organizations", ("name", "acronym", "aliases"))
    known = [k for n, a, al in zip(orgs["name"], orgs["acronym"], orgs["aliases"])
             for k in (n, a, *(al or [])) if isinstance(k, str) and k.strip()]
    keys = {" ".join(k.casefold().split()) for k in known}
    for name in names:
        if " ".join(name.casefold().split()) not in keys:
            raise ParameterError(f"{report}: parameter 'organizations': no organisation named "
                                 f"{name!r} in {folder}{_closest(name, known)}")


def _check_themes(report: str, names: list[str], folder: Path) -> None:
    """Every theme named is a slug (or the part after ':') of the taxonomy or of the tables."""
    slugs = set(lexicon.load("themes")) | set(_column(folder, "themes", ("theme",))["theme"])
    slugs = {s for s in slugs if isinstance(s, str)}
    keys = {k for s in slugs for k in (s.casefold(), s.casefold().split(":", 1)[-1])}
    for name in names:
        if name.casefold() not in keys:
            raise ParameterError(f"{report}: parameter 'themes': unknown theme {name!r}"
                                 f"{_closest(name, sorted(slugs))}")


def check_report(report: Report, applied: Mapping[str, Any], notebooks_dir: Path) -> None:
    """Raise a one-line ParameterError for the first value of `applied` the report cannot use."""
    values = _values(report, applied)
    _check_dates(report.name, values)
    _check_choices(report.name, values)
    if values.get("evaluation_file"):
        try:
            read_evaluation(values["evaluation_file"])
        except ParameterError as exc:
            raise ParameterError(f"{report.name}: {exc}") from None
    if not reads_tables(report):
        return
    param = next((n for n in DATA_PARAMS if n in report.specs), "data_dir")
    folder = data_folder(report, applied, notebooks_dir)
    _check_tables(report, folder, param)
    if "organizations" in report.specs and _names(values.get("organizations")):
        _check_organizations(report.name, _names(values.get("organizations")), folder)
    if "themes" in report.specs and _names(values.get("themes")):
        _check_themes(report.name, _names(values.get("themes")), folder)


def check_reports(reports: Sequence[Report], plan: Mapping[str, Mapping[str, Any]],
                  notebooks_dir: Path) -> None:
    """check_report for every report of a render request."""
    for report in reports:
        check_report(report, plan.get(report.name, {}), notebooks_dir)
