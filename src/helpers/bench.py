"""Speed benchmark: generate a synthetic corpus, time `accords extract` on it, then rendering."""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .config import FORMATS, PACKAGE_DIR, PROJ_ROOT, RAW_DATA_DIR
from .errors import AccordsError
from .synth import generate_corpus

DEFAULT_WORKDIR = PROJ_ROOT / "bench"


@dataclass
class Corpus:
    """A generated corpus on disk and its size."""

    path: Path
    n: int
    words: int
    seconds: float
    cached: bool


@dataclass
class Extraction:
    """How one `accords extract` child process went."""

    seconds: float
    returncode: int
    peak_mb: float
    stderr: str


def count_words(folder: Path) -> int:
    """Whitespace-separated words in every .txt file under `folder`."""
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*.txt"))


def ensure_corpus(workdir: Path, n: int, seed: int) -> Corpus:
    """The synthetic corpus of `n` releases in `workdir`, generated unless already there."""
    path = workdir / f"corpus-n{n}-seed{seed}"
    marker = path.with_suffix(".json")
    if path.is_dir() and marker.is_file():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("n") == n and info.get("seed") == seed:
            return Corpus(path, n, int(info["words"]), float(info["seconds"]), cached=True)
    if path.exists():
        shutil.rmtree(path)
    start = time.perf_counter()
    generate_corpus(path, n=n, seed=seed)
    seconds = time.perf_counter() - start
    words = count_words(path)
    marker.write_text(json.dumps({"n": n, "seed": seed, "words": words, "seconds": seconds}),
                      encoding="utf-8")
    return Corpus(path, n, words, seconds, cached=False)


def run_extract(corpus: Path, out: Path, jobs: int = 1) -> Extraction:
    """Run `accords extract CORPUS --out OUT -q --jobs JOBS` in a child process and time it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_DIR.parent),
                                                      env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "helpers.cli", "extract", str(corpus), "--out", str(out), "-q",
           "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Extraction(seconds, proc.returncode, peak_kib / 1024, proc.stderr)


def _n_documents(tables: Path) -> int | None:
    """Rows of the documents table in `tables`, if it is there."""
    try:
        import pyarrow.parquet as pq

        return pq.read_metadata(tables / "documents.parquet").num_rows
    except (ImportError, OSError):
        return None


def _failure(what: str, result: Extraction) -> str:
    """A one-line report of a failed extraction, with the last line of its error output."""
    last = next((line for line in reversed(result.stderr.strip().splitlines()) if line.strip()),
                "no error output")
    return f"{what}  failed (exit {result.returncode}) after {result.seconds:.1f} s: {last.strip()}"


def bench_extract(corpus: Corpus, out: Path, jobs: int = 1) -> bool:
    """Time extraction of the synthetic corpus and print its throughput; True if it worked."""
    result = run_extract(corpus.path, out, jobs)
    label = "1 process" if jobs == 1 else f"{jobs or os.cpu_count()} processes"
    if result.returncode != 0:
        print(_failure("extract ", result))
        return False
    secs = max(result.seconds, 1e-9)
    print(f"extract   {corpus.n:>6} releases  {result.seconds:7.1f} s  "
          f"{corpus.n / secs:>7,.0f} releases/s  {corpus.words / secs:>9,.0f} words/s  "
          f"peak {result.peak_mb:,.0f} MB  ({label})")
    return True


def bench_render(label: str, tables: Path, run_name: str, reports_dir: Path) -> None:
    """Time rendering every report to HTML and PDF from the tables in `tables`."""
    try:
        from .render import render_reports
    except ImportError:
        print("render: not available")
        return
    n_docs = _n_documents(tables)
    size = f"{n_docs if n_docs is not None else '?':>6} releases"
    start = time.perf_counter()
    try:
        folder = render_reports(reports=None, parameters={"data_dir": str(tables)},
                                run_name=run_name, formats=FORMATS, reports_dir=reports_dir,
                                progress=False)
    except AccordsError as exc:
        print(f"render    {size}  failed after {time.perf_counter() - start:.1f} s: {exc}")
        return
    seconds = time.perf_counter() - start
    outputs = sum(1 for p in Path(folder).rglob("*") if p.suffix.lstrip(".") in FORMATS)
    print(f"render    {size}  {seconds:7.1f} s  {outputs} files ({'+'.join(FORMATS)})  "
          f"{label}  -> {folder}")


def run(n: int, workdir: Path, seed: int = 0, skip_render: bool = False) -> int:
    """The whole benchmark; returns the process exit status."""
    workdir.mkdir(parents=True, exist_ok=True)
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"accords bench: {available} cores available; extraction runs in 1 process (the one-core "
          "figure), then in one process per core")
    corpus = ensure_corpus(workdir, n, seed)
    note = "cached" if corpus.cached else "written"
    print(f"generate  {corpus.n:>6} releases  {corpus.seconds:7.1f} s  {corpus.words:,} words "
          f"({note}: {corpus.path})")
    tables = workdir / f"tables-n{n}-seed{seed}"
    ok = bench_extract(corpus, tables)
    if ok and (available or 1) > 1:
        bench_extract(corpus, workdir / f"tables-n{n}-seed{seed}-parallel", jobs=0)
    if skip_render:
        return 0 if ok else 1
    reports_dir = workdir / "reports"
    with tempfile.TemporaryDirectory(prefix="accords-bench-") as tmp:
        sample = Path(tmp) / "tables"
        result = run_extract(RAW_DATA_DIR, sample)
        if result.returncode == 0:
            bench_render("sample corpus", sample, "bench-sample", reports_dir)
        else:
            print(_failure("extract  sample", result))
    if ok:
        bench_render("synthetic corpus", tables, f"bench-n{n}", reports_dir)
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    """Command line: python -m helpers.bench [--n 10000] [--workdir bench/] [--skip-render]."""
    parser = argparse.ArgumentParser(prog="python -m helpers.bench", description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="synthetic releases (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR,
                        help=f"folder for the corpus, tables and reports (default {DEFAULT_WORKDIR})")
    parser.add_argument("--skip-render", action="store_true", help="time extraction only")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    return run(args.n, args.workdir, seed=args.seed, skip_render=args.skip_render)


if __name__ == "__main__":
    sys.exit(main())
