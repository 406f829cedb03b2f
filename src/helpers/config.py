"""Project paths, owned in one place (cookiecutter-data-science's config.py)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"
TEMPLATE_DIR = PACKAGE_DIR / "templates"


def _project_root() -> Path:
    """The checkout root when running from one, else the current directory."""
    env = os.environ.get("ACCORDS_HOME")
    if env:
        return Path(env).resolve()
    for parent in PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").exists() and (parent / "notebooks").is_dir():
            return parent
    return Path.cwd()


PROJ_ROOT = _project_root()
DATA_DIR = PROJ_ROOT / "data"
RAW_DATA_DIR = DATA_DIR / "raw"
PROCESSED_DATA_DIR = DATA_DIR / "processed"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"

FORMATS = ("html", "pdf")
TABLES_ENV = "ACCORDS_DATA_DIR"  # a tables folder for notebooks whose data_dir is left empty


def tables_dir(value: str | os.PathLike | None = "") -> Path:
    """The tables folder a report reads: `value`, else $ACCORDS_DATA_DIR, else data/processed."""
    chosen = str(value or "") or os.environ.get(TABLES_ENV, "")
    return Path(chosen).expanduser() if chosen else PROCESSED_DATA_DIR
