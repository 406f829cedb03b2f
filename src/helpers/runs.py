"""Run records: `run.json` in each run folder and the `reports/index.html` that lists runs."""

from __future__ import annotations

import json
import os
import platform
import tempfile
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2

from . import __version__
from .config import TEMPLATE_DIR

RUN_FILE = "run.json"
INDEX_FILE = "index.html"
_TEMPLATES = TEMPLATE_DIR / "accords"


def _atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report folder is meant to be shared
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_corpus(data_dir: Path) -> dict[str, Any] | None:
    """The extractor's `extract.json` in `data_dir`, or None when absent or unreadable."""
    try:
        data = json.loads((Path(data_dir) / "extract.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def versions() -> dict[str, str]:
    """Versions of accords, its rendering libraries and Python."""
    out = {"accords": __version__, "python": platform.python_version()}
    for dist in ("papermill", "nbconvert", "nbformat", "nbclient", "weasyprint"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "absent"
    return out


def _read_run(folder: Path) -> dict[str, Any]:
    """A run folder's run.json, or an empty record."""
    try:
        data = json.loads((folder / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _corpus_summary(corpus: dict[str, Any] | None) -> dict[str, Any] | None:
    """The few corpus facts a run records."""
    if not corpus:
        return None
    return {k: corpus[k] for k in ("corpus", "documents", "fingerprint", "extracted_at")
            if k in corpus}


def record_run(folder: Path, parameters: dict[str, Any], outcomes: Sequence[dict[str, Any]],
               started: datetime, formats: Sequence[str]) -> dict[str, Any]:
    """Merge this run's outcomes into `folder/run.json` (reports rendered earlier are kept)."""
    record = _read_run(folder)
    now = datetime.now(timezone.utc)
    reports = record.get("reports", {})
    for outcome in outcomes:
        entry = dict(outcome)
        entry["corpus"] = _corpus_summary(entry.get("corpus"))
        entry["status"] = "ok" if entry.pop("ok") else "failed"
        entry["finished"] = now.isoformat(timespec="seconds")
        previous = reports.get(entry["report"], {})
        if entry["status"] == "failed" and previous.get("outputs"):
            entry["outputs"] = {k: v for k, v in previous["outputs"].items() if (folder / v).exists()}
            entry["outputs_from"] = previous.get("published", previous.get("finished"))
        if entry["status"] == "ok":
            entry["published"] = entry["finished"]
        reports[entry["report"]] = entry
    corpora = [r["corpus"] for r in reports.values() if r.get("corpus")]
    record.update({
        "run": folder.name,
        "created": record.get("created", started.isoformat(timespec="seconds")),
        "updated": now.isoformat(timespec="seconds"),
        "parameters": parameters,
        "formats": list(formats),
        "corpus": corpora[-1] if corpora else None,
        "fingerprint": (corpora[-1] or {}).get("fingerprint") if corpora else None,
        "versions": versions(),
        "reports": dict(sorted(reports.items())),
    })
    _atomic_write(folder / RUN_FILE, json.dumps(record, indent=2, sort_keys=False, default=str))
    return record


def list_runs(reports_dir: Path) -> list[dict[str, Any]]:
    """Every run folder under `reports_dir` with a run.json, newest first."""
    runs = []
    for folder in sorted(p for p in Path(reports_dir).iterdir() if p.is_dir()):
        record = _read_run(folder)
        if record:
            record["folder"] = folder.name
            reports = record.get("reports") or {}
            # reports with something to show (rendered now, or kept from an earlier good render)
            record["good"] = {k: r for k, r in reports.items()
                              if r.get("status") == "ok" or r.get("outputs")}
            record["failures"] = [{"folder": folder.name, "report": k, **r}
                                  for k, r in reports.items() if r.get("status") != "ok"]
            runs.append(record)
    return sorted(runs, key=lambda r: str(r.get("updated", "")), reverse=True)


def write_index(reports_dir: Path) -> Path:
    """Regenerate `reports_dir/index.html`: one self-contained page linking every run."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    html = env.get_template("runs.html.j2").render(
        runs=list_runs(reports_dir), version=__version__,
        generated_at=f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        css=jinja2.utils.markupsafe.Markup((_TEMPLATES / "accords.css").read_text("utf-8")))
    target = Path(reports_dir) / INDEX_FILE
    _atomic_write(target, html)
    return target
