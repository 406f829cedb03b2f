"""How far to trust the figures: what they stand on, counted from the tables, and measured accuracy."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import lexicon
from .config import tables_dir
from .evaluation import EVALUATION_KEYS, EVALUATION_SCORES, read_evaluation
from .frames import first_rows
from .reportkit import as_list, one_per_cluster, require_columns
from .runs import read_corpus

PRECISIONS = {"day": "to the day", "month": "to the month", "year": "to the year only",
              "no-year": "with no year (day and month only)", "unknown": "with no date at all"}
_MEASURES = {"people": "People found", "organizations": "Organisations found",
             "parties": "Parties to signings", "role:signatory": "Signatories",
             "role:witness": "Witnesses", "role:presider": "Presiders", "themes": "Themes"}
_SCORES = {"title_acc": "Titles read correctly", "affiliation_acc": "Affiliations correct",
           "signing_date_acc": "Signing dates correct", "dates_guessed": "Dates guessed"}


def corpus_facts(data_dir: str | Path = "") -> dict[str, Any]:
    """The extractor's record of the corpus (`extract.json` beside the tables), or {}."""
    return read_corpus(tables_dir(data_dir)) or {}


@functools.lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Honorifics, lower case (they are not a different spelling of a name)."""
    return frozenset(str(h).casefold() for h in lexicon.load("people").get("honorifics", []))


def _spelling(name: str) -> str:
    """A name without leading honorifics, case and spacing: "Prof. ZHU Jiaojun" -> "zhu jiaojun"."""
    words = str(name).casefold().split()
    while len(words) > 1 and words[0] in _honorifics():
        words = words[1:]
    return " ".join(words)


def _merged(frame: pd.DataFrame, id_col: str, ids: set) -> int:
    """How many of the entities `ids` were written in more than one way ("Mr Wang" joined to
    "Wang Dezhi", "CASC" to its full name); honorifics and case do not count."""
    rows = frame[frame[id_col].isin(ids)]
    return int(sum(1 for name, aliases in zip(rows["name"], rows["aliases"])
                   if len({_spelling(a) for a in [name, *as_list(aliases)] if a}) > 1))


def _ids(values: pd.Series) -> set[str]:
    """The distinct ids of a column, nulls left out."""
    return {v for v in pd.unique(values) if isinstance(v, str)}


def _affiliation_counts(part: pd.DataFrame, rows: np.ndarray) -> tuple[int, int, int]:
    """How many of the participant `rows` have an affiliation stated (a null flag counts as
    stated), inferred, or unknown (no organisation): counted on codes, one class per flag value."""
    codes, values = pd.factorize(part["affiliation_flag"])
    classes = np.array([0 if v == "stated" else 1 if str(v).startswith("inferred") else
                        2 if v == "unknown" else 3 for v in values] + [0], dtype=np.int8)
    of_row = classes[codes[rows]]  # code -1 (null) takes the last class: stated
    of_row[~part["org_id"].notna().to_numpy()[rows]] = 2
    counts = np.bincount(of_row, minlength=4)
    return int(counts[0]), int(counts[1]), int(counts[2])


def trust_table(tables: dict[str, pd.DataFrame], corpus: dict[str, Any] | None = None) -> pd.DataFrame:
    """Columns topic, measure, count, of: the counts behind the figures of these (filtered) tables.

    Documents read (and files skipped by the extractor, from `corpus`), real-world events by how
    precisely they are dated, people's affiliations stated / inferred / unknown, and the
    organisations and people merged from several spellings.
    """
    docs, ev, part = tables["documents"], tables["events"], tables["participants"]
    require_columns(part, ("person_id", "org_id", "affiliation_flag"), "participants", "trust_table")
    corpus = corpus or {}
    rows: list[tuple[str, str, int, int | None]] = [("Documents", "documents in these figures",
                                                     len(docs), None)]
    if corpus.get("documents") is not None:
        rows.append(("Documents", "documents read from the corpus", int(corpus["documents"]), None))
    if corpus.get("skipped") is not None:
        rows.append(("Documents", "files or records skipped (unreadable)", int(corpus["skipped"]), None))
    events = one_per_cluster(ev) if len(ev) else ev
    precision = events["date_precision"].fillna("unknown") if len(events) else pd.Series(dtype=str)
    for key, text in PRECISIONS.items():
        rows.append(("Events", f"real-world events dated {text}", int((precision == key).sum()),
                     len(events)))
    people = first_rows(part, ["event_id", "person_id", "role"], part["person_id"].notna())
    stated, inferred, unknown = _affiliation_counts(part, people)
    n = len(people)
    rows += [("Affiliations", "stated in the text", stated, n),
             ("Affiliations", "inferred (from title, signing or publisher)", inferred, n),
             ("Affiliations", "unknown", unknown, n)]
    men = tables["mentions"]
    org_ids = _ids(part["org_id"]) | _ids(men.loc[(men["kind"] == "organization").to_numpy(), "entity_id"])
    person_ids = _ids(part["person_id"])
    rows += [("Names", "organisations merged from several spellings",
              _merged(tables["organizations"], "org_id", org_ids), len(org_ids)),
             ("Names", "people merged from several spellings",
              _merged(tables["people"], "person_id", person_ids), len(person_ids))]
    out = pd.DataFrame([r[:3] for r in rows], columns=["topic", "measure", "count"])
    out["of"] = ["" if r[3] is None else str(r[3]) for r in rows]  # text: blank when no total
    return out.astype({"count": "int64"})


def evaluation_table(evaluation_file: str | Path | None) -> pd.DataFrame:
    """Columns measure, precision, recall, f1, found (tp), wrong (fp), missed (fn), accuracy from
    an `accords evaluate --out` result (accuracies on rows of their own); empty without a file."""
    cols = ["measure", "precision", "recall", "f1", "found", "wrong", "missed", "accuracy"]
    if not evaluation_file:
        return pd.DataFrame(columns=cols)
    data = read_evaluation(evaluation_file)
    rows = [{"measure": _MEASURES[k], "precision": data[k].get("p"), "recall": data[k].get("r"),
             "f1": data[k].get("f1"), "found": data[k].get("tp"), "wrong": data[k].get("fp"),
             "missed": data[k].get("fn")} for k in EVALUATION_KEYS if k in data]
    rows += [{"measure": _SCORES[k], "accuracy": data[k]} for k in EVALUATION_SCORES if k in data]
    return pd.DataFrame(rows, columns=cols)
