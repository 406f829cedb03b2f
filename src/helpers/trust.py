"""How far to trust the figures: what they stand on, counted from the tables, and measured accuracy."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pandas as pd

from . import lexicon
from .config import tables_dir
from .evaluation import EVALUATION_KEYS, EVALUATION_SCORES, read_evaluation
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
    people = part[part["person_id"].notna()].drop_duplicates(["event_id", "person_id", "role"])
    flag = people["affiliation_flag"].astype(object).fillna("stated")  # may be read as categories
    flag = flag.where(people["org_id"].notna(), "unknown")
    n = len(people)
    rows += [("Affiliations", "stated in the text", int((flag == "stated").sum()), n),
             ("Affiliations", "inferred (from title, signing or publisher)",
              int(flag.str.startswith("inferred").sum()), n),
             ("Affiliations", "unknown", int((flag == "unknown").sum()), n)]
    men = tables["mentions"]
    org_ids = set(pd.unique(part["org_id"].dropna())) | set(
        pd.unique(men.loc[men["kind"] == "organization", "entity_id"].dropna()))
    person_ids = set(pd.unique(part["person_id"].dropna()))
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
