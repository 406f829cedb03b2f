"""Render report notebooks: validate parameters, execute with papermill, export HTML and PDF.

Layout of one run (see reports/README.md): `reports/<run>/<report>.html|.pdf`,
`executed/<report>.ipynb`, `failed/<report>.ipynb`, `run.json`; `reports/index.html` lists runs.
Each report is all-or-nothing: its files are staged in the run folder and moved in with
`os.replace` only when execution, HTML and PDF all succeeded. The reports of a run execute
concurrently, each in its own kernel process, on up to `os.cpu_count()` threads.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import nbformat
import papermill
import yaml
from papermill.exceptions import PapermillExecutionError

from . import __version__
from .checks import check_reports, data_folder
from .config import FORMATS, NOTEBOOKS_DIR, REPORTS_DIR
from .errors import ParameterError, RenderError
from .export import html_to_pdf, notebook_to_html
from .params import (
    Report,
    describe_reports,
    parameters_hash,
    parse_value,
    plan_parameters,
    resolve_paths,
    select_reports,
)
from .runs import read_corpus, record_run, write_index

KERNEL = "python3"
# HTML and PDF conversion run one report at a time: nbconvert's exporter is shared and WeasyPrint
# (Pango, fontconfig) is not known to be thread-safe; both are CPU-bound Python, held by the GIL.
_CONVERT = threading.Lock()


@dataclass
class Outcome:
    """What happened to one report in a run."""

    report: str
    ok: bool
    parameters: dict[str, Any]
    seconds: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    pages: int | None = None
    html_bytes: int | None = None
    corpus: dict[str, Any] | None = None


def _check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """Validate output formats (`html`, `pdf`); PDF needs the HTML, which is always built."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise ParameterError(f"unknown format {', '.join(bad) or '(none)'} (known: {', '.join(FORMATS)})")
    return chosen


def _default_run_name(parameters: dict[str, Any]) -> str:
    """`<YYYY-MM-DD>-<hash of parameters>`."""
    return f"{datetime.now(timezone.utc):%Y-%m-%d}-{parameters_hash(parameters)}"


def _check_run_name(name: str) -> str:
    """A run name is one plain folder name."""
    if not name or name in {".", ".."} or "/" in name or "\\" in name or name.startswith("."):
        raise ParameterError(f"run name {name!r} must be a plain folder name")
    return name


def _header(report: Report, applied: dict[str, Any], corpus: dict[str, Any] | None) -> dict[str, Any]:
    """The facts the template prints above the report: title, parameters, corpus, time, version."""
    title = applied.get("title", report.specs["title"].default if "title" in report.specs else None)
    rows = [{"name": s.name, "given": s.name in applied,
             "value": applied.get(s.name, s.default), "help": s.help}
            for s in report.specs.values()]
    for row in rows:
        value = row["value"]
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        row["value"] = "None" if value is None else (text or "\u2014")  # an em dash for empty
    facts = None
    if corpus:
        labels = {"corpus": "Corpus", "documents": "Documents", "fingerprint": "Fingerprint",
                  "extracted_at": "Extracted"}
        facts = [(label, str(corpus[key])[:80]) for key, label in labels.items()
                 if corpus.get(key) not in (None, "")]
    return {"report": report.name, "title": str(title or report.short.replace("_", " ").title()),
            "parameters": rows, "corpus": facts, "version": __version__,
            "generated_at": f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"}


def _failure_message(report: str, exc: BaseException, kept: Path | None) -> str:
    """One line naming the report and, for a cell error, the cell (1-based, as in the notebook)."""
    where = ""
    if isinstance(exc, PapermillExecutionError):
        index = exc.cell_index
        # papermill inserts an injected-parameters cell: count cells of the source notebook
        with contextlib.suppress(OSError, ValueError):
            cells = nbformat.read(kept, as_version=4).cells if kept else []
            if any("injected-parameters" in c.get("metadata", {}).get("tags", [])
                   for c in cells[:index]):
                index -= 1
        where = f"cell {index + 1} raised {exc.ename}: {exc.evalue}"
    elif isinstance(exc, RenderError):
        where = str(exc).removeprefix(f"{report}: ")
    else:
        where = f"{type(exc).__name__}: {exc}"
    where = " ".join(str(where).split())[:300]
    tail = f"; executed notebook kept at {kept}" if kept else ""
    return f"{report}: {where}{tail}"


def _render_one(report: Report, applied: dict[str, Any], folder: Path, formats: tuple[str, ...],
                notebooks_dir: Path, step: Callable[[str], None]) -> Outcome:
    """Execute, convert and publish one report; on failure leave earlier outputs untouched."""
    outcome = Outcome(report.name, False, applied)
    stage = Path(tempfile.mkdtemp(prefix=f".{report.name}.", dir=folder))
    executed = stage / f"{report.name}.ipynb"
    t0 = time.perf_counter()
    try:
        step("execute")
        # The kernel starts in notebooks_dir through nbclient's resources: papermill's `cwd`
        # would os.chdir the whole process, which concurrent reports cannot share.
        papermill.execute_notebook(
            str(report.path), str(executed), parameters=applied, kernel_name=KERNEL,
            progress_bar=False, log_output=False, resources={"metadata": {"path": str(notebooks_dir)}},
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        outcome.seconds["execute"] = round(time.perf_counter() - t0, 3)
        corpus = outcome.corpus = read_corpus(data_folder(report, applied, notebooks_dir))
        nb = nbformat.read(executed, as_version=4)
        step("html")
        with _CONVERT:
            t1 = time.perf_counter()
            html = notebook_to_html(nb, _header(report, applied, corpus))
            (stage / "report.html").write_text(html, encoding="utf-8")
            outcome.html_bytes = len(html.encode("utf-8"))
            outcome.seconds["html"] = round(time.perf_counter() - t1, 3)
        if "pdf" in formats:
            step("pdf")
            with _CONVERT:
                t2 = time.perf_counter()
                outcome.pages = html_to_pdf(html, stage / "report.pdf", base_url=stage)
                outcome.seconds["pdf"] = round(time.perf_counter() - t2, 3)
        step("publish")
        (folder / "executed").mkdir(exist_ok=True)
        publish = {"ipynb": (executed, folder / "executed" / f"{report.name}.ipynb")}
        for fmt in formats:
            publish[fmt] = (stage / f"report.{fmt}", folder / f"{report.name}.{fmt}")
        for fmt, (src, dst) in publish.items():
            os.replace(src, dst)
            outcome.outputs[fmt] = str(dst.relative_to(folder))
        (folder / "failed" / f"{report.name}.ipynb").unlink(missing_ok=True)
        outcome.ok = True
    except Exception as exc:  # noqa: BLE001 - any failure stays inside this report
        kept = None
        if executed.exists():
            kept = folder / "failed" / f"{report.name}.ipynb"
            kept.parent.mkdir(exist_ok=True)
            os.replace(executed, kept)
        outcome.error = _failure_message(report.name, exc, kept)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        outcome.seconds["total"] = round(time.perf_counter() - t0, 3)
    return outcome


def _progress(total: int, enabled: bool) -> Any:
    """A tqdm bar on a terminal, else a no-op with the same methods."""
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="step", disable=not (enabled and sys.stderr.isatty()),
                file=sys.stderr, leave=False)


def _echo_outcome(outcome: Outcome, folder: Path) -> None:
    """The final line for one report."""
    from tqdm import tqdm  # tqdm.write keeps the line clear of a progress bar

    if outcome.ok:
        paths = ", ".join(str(folder / outcome.outputs[f]) for f in FORMATS if f in outcome.outputs)
        tqdm.write(f"ok      {outcome.report}  {paths}  ({outcome.seconds['total']:.1f} s)",
                   file=sys.stdout)
    else:
        tqdm.write(f"FAILED  {outcome.report}  {outcome.error}", file=sys.stderr)


@dataclass
class _Job:
    """A validated render request: what to run, with which parameters, into which folder."""

    reports: list[Report]
    plan: dict[str, dict[str, Any]]
    parameters: dict[str, Any]
    run_name: str
    formats: tuple[str, ...]


def _prepare(reports: Sequence[str] | None, parameters: dict | None, run_name: str | None,
             formats: Sequence[str], notebooks_dir: Path, base: Path) -> _Job:
    """Select notebooks and validate everything; nothing is executed here."""
    chosen = select_reports(reports, notebooks_dir)
    params = resolve_paths(parameters or {}, base)
    plan = plan_parameters(chosen, params)
    name = _check_run_name(run_name or _default_run_name(params))
    formats = _check_formats(formats)
    check_reports(chosen, plan, notebooks_dir)  # reads the tables: after the cheap checks
    return _Job(chosen, plan, params, name, formats)


def _workers(jobs: int | None, reports: int) -> int:
    """How many reports run at once: `jobs`, else one per CPU, never more than there are reports."""
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ParameterError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    return max(1, min(reports, jobs or os.cpu_count() or 1))


def _run(job: _Job, reports_dir: Path, notebooks_dir: Path, progress: bool,
         jobs: int | None = None) -> tuple[Path, list[Outcome]]:
    """Render every report of a job concurrently, then record run.json and the index.

    Outcomes and their lines come in the job's report order; never raises for a report. When
    interrupted, reports still running are not published and nothing is recorded.
    """
    kernel_memory()
    workers = _workers(jobs, len(job.reports))
    folder = Path(reports_dir) / job.run_name
    folder.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    from .whatsnew import SEEN_FILE, pass_previous_facts, record_facts  # not needed to fail fast

    pass_previous_facts(job.reports, job.plan, folder / SEEN_FILE, Path(notebooks_dir))
    outcomes = []
    steps = 2 + ("pdf" in job.formats)
    stop = threading.Event()
    with _progress(steps * len(job.reports), progress) as bar, ThreadPoolExecutor(
            workers, thread_name_prefix="accords-render") as pool:
        def render(report: Report) -> Outcome:
            def step(name: str) -> None:
                if stop.is_set():
                    raise RenderError(f"{report.name}: interrupted before {name}")
                bar.set_description(f"{report.name}: {name}")
                if name in ("html", "pdf"):
                    bar.update(1)
            outcome = _render_one(report, job.plan[report.name], folder, job.formats,
                                  Path(notebooks_dir), step)
            bar.update(steps - sum(1 for k in ("html", "pdf") if k in outcome.seconds))
            return outcome

        futures = [pool.submit(render, report) for report in job.reports]
        try:
            for future in futures:
                outcomes.append(future.result())
                if progress:
                    _echo_outcome(outcomes[-1], folder)
        except BaseException:  # Ctrl-C: finish nothing more, publish nothing more
            stop.set()
            for future in futures:
                future.cancel()
            raise
    record_run(folder, job.parameters, [vars(o) for o in outcomes], started, job.formats)
    good = [o.report for o in outcomes if o.ok]
    record_facts(job.reports, job.plan, good, folder / SEEN_FILE, job.run_name, notebooks_dir)
    write_index(Path(reports_dir))
    return folder, outcomes


def _raise_failures(outcomes: list[Outcome]) -> None:
    """One RenderError naming every failed report."""
    failed = [o for o in outcomes if not o.ok]
    if failed:
        head = f"{len(failed)} of {len(outcomes)} reports failed: " if len(outcomes) > 1 else ""
        raise RenderError(head + " | ".join(o.error or o.report for o in failed))


def render_reports(reports: Sequence[str] | None = None, parameters: dict | None = None, *,
                   run_name: str | None = None, formats: Sequence[str] = FORMATS,
                   reports_dir: Path = REPORTS_DIR, notebooks_dir: Path = NOTEBOOKS_DIR,
                   progress: bool = False, jobs: int | None = None) -> Path:
    """Render reports into `reports_dir/<run>/`; return that folder (RenderError if any failed).

    Up to `jobs` reports (default: one per CPU) execute at once, each in its own kernel.
    """
    job = _prepare(reports, parameters, run_name, formats, Path(notebooks_dir), Path.cwd())
    folder, outcomes = _run(job, Path(reports_dir), Path(notebooks_dir), progress, jobs)
    _raise_failures(outcomes)
    return folder


KERNEL_MEMORY = {
    # Arrow's default pool keeps what it frees: at a million releases a peak 0.5 GB higher
    "ARROW_DEFAULT_MEMORY_POOL": "system",
    # glibc serves big arrays from its heap once one is freed, and the heap keeps the holes:
    # arrays of 1 MB and more mapped apart are returned whole (0.2-0.3 GB less at a million)
    "MALLOC_MMAP_THRESHOLD_": str(1 << 20),
}


def kernel_memory() -> None:
    """Kernels started from here give freed memory back to the system (KERNEL_MEMORY); a setting
    the user chose stays."""
    for name, value in KERNEL_MEMORY.items():
        os.environ.setdefault(name, value)


def _load_yaml(path: Path, what: str) -> Any:
    """Parse a YAML file, turning read and syntax problems into ParameterError."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ParameterError(f"{path}: cannot read {what}: {' '.join(str(exc).split())}") from exc


def _config_jobs(config_path: Path, notebooks_dir: Path) -> list[_Job]:
    """Read and validate every job of a reports config before anything runs."""
    config = _load_yaml(config_path, "reports config")
    jobs = config.get("jobs") if isinstance(config, dict) else None
    if not isinstance(jobs, list) or not jobs:
        raise ParameterError(f"{config_path}: expected a non-empty `jobs:` list")
    prepared = []
    for i, job in enumerate(jobs, 1):
        if not isinstance(job, dict):
            raise ParameterError(f"{config_path}: job {i} is not a mapping")
        unknown = set(job) - {"name", "report", "reports", "parameters", "formats"}
        if unknown:
            raise ParameterError(f"{config_path}: job {i}: unknown key {min(unknown)!r}")
        names = job.get("reports", job.get("report"))
        names = [names] if isinstance(names, str) else names
        formats = job.get("formats", list(FORMATS))
        formats = [formats] if isinstance(formats, str) else formats
        params = job.get("parameters") or {}
        if not isinstance(params, dict):
            raise ParameterError(f"{config_path}: job {i}: `parameters` must be a mapping")
        try:
            prepared.append(_prepare(names, params, job.get("name"), formats, notebooks_dir,
                                     Path(config_path).resolve().parent))
        except ParameterError as exc:
            raise ParameterError(f"{config_path}: job {job.get('name') or i}: {exc}") from None
    return prepared


def render_config(config_path: Path, *, reports_dir: Path = REPORTS_DIR, progress: bool = False,
                  notebooks_dir: Path = NOTEBOOKS_DIR, jobs: int | None = None) -> list[Path]:
    """Render every job of a YAML config, one job after another, each job's reports concurrently
    (up to `jobs` at once); go on past failures, raise RenderError at the end."""
    prepared = _config_jobs(Path(config_path), Path(notebooks_dir))
    folders, outcomes = [], []
    for job in prepared:
        folder, done = _run(job, Path(reports_dir), Path(notebooks_dir), progress, jobs)
        folders.append(folder)
        outcomes += done
    _raise_failures(outcomes)
    return folders


# --- command line (argparse only: translate, then call the library) --------------------------


def render_from_args(args: argparse.Namespace) -> int:
    """Run `accords render` from parsed arguments; return the exit status."""
    if args.list:
        print(describe_reports(args.notebooks_dir))
        return 0
    if args.config:
        if args.reports or args.parameter or args.parameters_file or args.name:
            raise ParameterError("--config cannot be combined with REPORT, -p, -f or --name")
        render_config(args.config, reports_dir=args.reports_dir, progress=not args.quiet,
                      notebooks_dir=args.notebooks_dir)
        return 0
    parameters: dict[str, Any] = {}
    if args.parameters_file:
        loaded = _load_yaml(args.parameters_file, "parameters") or {}
        if not isinstance(loaded, dict):
            raise ParameterError(f"{args.parameters_file}: expected a mapping of parameters")
        parameters.update(loaded)
    parameters.update({key: parse_value(value) for key, value in args.parameter})
    formats = list(args.format_list) + (args.formats.split(",") if args.formats else [])
    render_reports(args.reports or None, parameters, run_name=args.name,
                   formats=formats or FORMATS, reports_dir=args.reports_dir,
                   notebooks_dir=args.notebooks_dir, progress=not args.quiet)
    return 0

