"""An extraction evaluation result (`accords evaluate ... --out FILE`), read for the reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import ParameterError

EVALUATION_KEYS = ("people", "organizations", "parties", "role:signatory", "role:witness",
                   "role:presider", "themes")
EVALUATION_SCORES = ("title_acc", "affiliation_acc", "signing_date_acc", "dates_guessed")


def read_evaluation(path: str | Path) -> dict[str, Any]:
    """An `accords evaluate --out` result: per-measure {p, r, f1, tp, fp, fn} and accuracies."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParameterError(f"parameter 'evaluation_file': cannot read {path}: "
                             f"{exc.strerror or exc}") from None
    except ValueError as exc:
        raise ParameterError(f"parameter 'evaluation_file': {path} is not JSON ({exc})") from None
    known = [k for k in (*EVALUATION_KEYS, *EVALUATION_SCORES) if k in data] \
        if isinstance(data, dict) else []
    if not known:
        raise ParameterError(f"parameter 'evaluation_file': {path} holds none of "
                             f"{', '.join(EVALUATION_KEYS)} (expected `accords evaluate --out` JSON)")
    for key in EVALUATION_KEYS:
        if key in data and not (isinstance(data[key], dict) and "f1" in data[key]):
            raise ParameterError(f"parameter 'evaluation_file': {path}: {key!r} lacks p, r, f1")
    return data
