"""The `accords` command line: it translates arguments and calls the library, nothing more."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .config import FORMATS, NOTEBOOKS_DIR, PROCESSED_DATA_DIR, RAW_DATA_DIR, REPORTS_DIR
from .errors import AccordsError
from .remote import is_url


def _extract_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="Read a folder of press releases and write the contract tables as Parquet.",
        description="Read a folder of releases (.txt .md .html .json .jsonl .csv, recursively) "
        "and write documents, events, organizations, people, participants, mentions and themes "
        "tables to OUT as Parquet.",
    )
    p.add_argument("corpus", nargs="?", type=_location, default=RAW_DATA_DIR,
                   help=f"folder of releases, or an fsspec URL such as s3://bucket/releases (default: {RAW_DATA_DIR})")
    p.add_argument("--out", type=_location, default=PROCESSED_DATA_DIR,
                   help=f"folder for the tables (default: {PROCESSED_DATA_DIR})")
    p.add_argument("--metadata", type=Path, default=None,
                   help="CSV or JSONL manifest keyed by `path` giving url, published, source")
    p.add_argument("--taxonomy", type=Path, default=None,
                   help="theme taxonomy YAML file (default: the bundled one)")
    p.add_argument("-j", "--jobs", type=int, default=1,
                   help="worker processes (default 1; 0 = one per core; with --engine dask, the "
                        "local cluster's workers, default one per core); the tables are the same")
    p.add_argument("--ner", metavar="PIPELINE", default=None,
                   help="also use the entities of this installed spaCy pipeline as candidates "
                        "(e.g. en_core_web_sm); default: the rules alone")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where extraction runs: this machine (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: the scheduler of an existing cluster (e.g. "
                        "tcp://10.0.0.5:8786); default: a local cluster on this machine's cores")
    p.add_argument("--full", action="store_true",
                   help="extract every release again instead of reusing the facts of unchanged ones")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    p.set_defaults(func=_cmd_extract)


def _location(text: str) -> Path | str:
    """A local path, or an fsspec URL kept as written (a Path would fold its '//')."""
    return text if is_url(text) else Path(text)


def _cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract_corpus
    from .ingest import no_release_warning

    summary = extract_corpus(args.corpus, args.out, metadata=args.metadata,
                             taxonomy=args.taxonomy, progress=not args.quiet, jobs=args.jobs,
                             ner=args.ner, engine=args.engine, scheduler=args.scheduler, full=args.full)
    if not summary.documents:
        print(no_release_warning(args.corpus) if not is_url(args.corpus) else
              f"accords: warning: {args.corpus}: no readable release; the tables written are empty", file=sys.stderr)
    if not args.quiet:
        print(summary.line())
    return 0


# --- evaluate -------------------------------------------------------------------------------


def _evaluate_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate",
        help="Score extracted tables against hand-written gold facts (JSONL).",
        description="Score the tables in TABLES_DIR against GOLD.jsonl with the matching rules of "
        "the annotation guide: P/R/F1 for people, organizations, parties, roles and themes; title, "
        "affiliation and signing-date accuracy; year-less dates guessed.",
    )
    p.add_argument("gold", type=Path, metavar="GOLD.jsonl", help="gold facts, one JSON object per release")
    p.add_argument("tables", type=Path, metavar="TABLES_DIR", help="folder written by `accords extract`")
    p.add_argument("--split", help="score only gold records whose `split` is this (e.g. reporting)")
    p.add_argument("--present-only", action="store_true",
                   help="score only gold records whose release the tables hold (a corpus pulled in part)")
    p.add_argument("--diff", action="store_true", help="list per release what was missed, added or wrong")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--out", type=Path, metavar="FILE", help="also write the JSON scores to FILE")
    p.set_defaults(func=_cmd_evaluate)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluate import evaluate_paths, format_report
    from .store import write_json

    ev = evaluate_paths(args.gold, args.tables, split=args.split, present_only=args.present_only)
    scores = ev.as_dict()
    if args.out:
        write_json(scores, args.out)
    if args.json:
        print(json.dumps(scores, indent=2, sort_keys=True))
        if args.diff:
            print(format_report(ev, diff=True).split("\n\n", 1)[-1], file=sys.stderr)
    else:
        print(format_report(ev, diff=args.diff))
    return 0


# --- render ---------------------------------------------------------------------------------


def _render_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "render",
        help="Run the report notebooks with papermill and export them to HTML and PDF.",
        description="Execute report notebooks with parameters and convert them to "
        "self-contained HTML and PDF under reports/<run-name>/.",
    )
    _add_render_arguments(p)
    p.set_defaults(func=_cmd_render)


def _add_render_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of `accords render` to `parser`."""
    parser.add_argument("reports", nargs="*", metavar="REPORT",
                        help="notebook stem or short name (01_events_timeline, timeline, "
                             "networks, themes); default: every notebook")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                        metavar=("KEY", "VALUE"),
                        help="set a parameter; VALUE is parsed like papermill's -p "
                             "(int, float, True/False, None, JSON list, else text)")
    parser.add_argument("-f", "--parameters-file", type=Path, metavar="YAML",
                        help="YAML mapping of parameters (-p values override it)")
    parser.add_argument("--config", type=Path, metavar="YAML",
                        help="render every job of a reports config (see reports.example.yml)")
    parser.add_argument("--name", metavar="RUN", help="run folder name (default: DATE-HASH)")
    parser.add_argument("--format", action="append", dest="format_list", default=[],
                        choices=FORMATS, help="output format, repeatable (default: html and pdf)")
    parser.add_argument("--formats", metavar="LIST", help="comma-separated formats, e.g. html,pdf")
    parser.add_argument("--reports-dir", type=Path, default=REPORTS_DIR, metavar="DIR",
                        help=f"where run folders go (default: {REPORTS_DIR})")
    parser.add_argument("--notebooks-dir", type=Path, default=NOTEBOOKS_DIR, metavar="DIR",
                        help=f"where the report notebooks are (default: {NOTEBOOKS_DIR})")
    parser.add_argument("--list", action="store_true", help="list reports and their parameters")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or summary lines")


def _cmd_render(args: argparse.Namespace) -> int:
    from .render import render_from_args

    return render_from_args(args)


# --------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `accords` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="accords",
        description="Analytical reports on science-and-technology cooperation agreements.",
    )
    parser.add_argument("--version", action="version", version=f"accords {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _extract_parser(sub)
    _evaluate_parser(sub)
    _render_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `accords` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except AccordsError as exc:
        print(f"accords: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("accords: interrupted; earlier outputs are left as they were", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
