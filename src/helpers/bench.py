"""Benchmark: generated corpora of several sizes; extraction per engine, an incremental re-run, reports.

For each size it prints releases/s and peak memory per engine, the time of a re-run after adding
1 % new releases (and whether its tables equal a from-scratch run's, by sha256), and each
report's render time and peak memory on the result. Peak memory is the largest proportional
set size (PSS) of the whole process tree, sampled every 0.1 s, so worker processes count once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .config import PACKAGE_DIR, PROJ_ROOT
from .synth import generate_corpus

DEFAULT_WORKDIR = PROJ_ROOT / "bench"
DEFAULT_SIZES = (10_000, 100_000)
REPORTS = ("timeline", "networks", "themes")
TABLES = ("documents", "events", "organizations", "people", "participants", "mentions", "themes")


@dataclass
class Corpus:
    """A generated corpus on disk and its size."""

    path: Path
    n: int
    words: int
    seconds: float
    cached: bool


@dataclass
class Run:
    """How one child process went."""

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


def _pss_kib(pid: int) -> int:
    """The proportional set size of one process (its RSS where smaps_rollup is missing), in KiB."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def run_child(cmd: list[str]) -> Run:
    """Run a command, sampling the memory of its process tree; time it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_DIR.parent), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], sum(_pss_kib(p) for p in _tree(proc.pid)))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    done.set()
    sampler.join()
    return Run(time.perf_counter() - start, proc.returncode, peak[0] / 1024, stderr)


def extract(corpus: Path, out: Path, engine: str, full: bool = False) -> Run:
    """`accords extract` in a child process; engine is `1` (one process), `all` (one per core) or `dask`."""
    cmd = [sys.executable, "-m", "helpers.cli", "extract", str(corpus), "--out", str(out), "-q"]
    cmd += {"1": ["--jobs", "1"], "all": ["--jobs", "0"], "dask": ["--engine", "dask", "--jobs", "0"]}[engine]
    return run_child(cmd + (["--full"] if full else []))


def digests(folder: Path) -> dict[str, str]:
    """sha256 of each table file in `folder`."""
    return {t: hashlib.sha256((folder / f"{t}.parquet").read_bytes()).hexdigest() for t in TABLES}


def _failure(what: str, result: Run) -> str:
    last = next((line for line in reversed(result.stderr.strip().splitlines()) if line.strip()),
                "no error output")
    return f"{what}  failed (exit {result.returncode}) after {result.seconds:.1f} s: {last.strip()}"


def _label(engine: str) -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"1": "local, 1 process", "all": f"local, {cores} processes", "dask": f"dask, {cores} workers"}[engine]


def bench_size(corpus: Corpus, workdir: Path, engines: list[str], incremental: bool, verify: bool,
               render: bool) -> bool:
    """Every measurement on one corpus; True if everything worked."""
    n, ok, tables = corpus.n, True, None
    for engine in engines:
        out = workdir / f"tables-n{n}-{engine}"
        shutil.rmtree(out, ignore_errors=True)
        result = extract(corpus.path, out, engine)
        if result.returncode != 0:
            print(_failure(f"extract   {n:>8}", result))
            ok = False
            continue
        secs = max(result.seconds, 1e-9)
        print(f"extract   {n:>8} releases  {result.seconds:8.1f} s  {n / secs:>6,.0f} releases/s  "
              f"{corpus.words / secs:>9,.0f} words/s  peak {result.peak_mb:>6,.0f} MB  ({_label(engine)})",
              flush=True)
        if tables is None or engine == "all":
            tables, base = out, result
    if tables is None:
        return False
    if incremental:
        ok &= _bench_incremental(corpus, workdir, tables, base, verify)
    if render:
        for report in REPORTS:
            _bench_render(report, tables, workdir, n)
    return ok


def _bench_incremental(corpus: Corpus, workdir: Path, tables: Path, base: Run, verify: bool) -> bool:
    """Add 1 % new releases, re-run into `tables`, and compare with a from-scratch run."""
    added = corpus.path / "zz-added"
    shutil.rmtree(added, ignore_errors=True)
    k = max(1, corpus.n // 100)
    generate_corpus(added, n=k, seed=corpus.n + 1)
    engine = "all" if "processes" in _label("all") else "1"
    try:
        result = extract(corpus.path, tables, engine)
        if result.returncode != 0:
            print(_failure(f"re-run    {corpus.n:>8}", result))
            return False
        meta = json.loads((tables / "extract.json").read_text())
        line = (f"re-run    {corpus.n:>8} releases  {result.seconds:8.1f} s  after adding {k:,} "
                f"({meta['added']} extracted, {meta['reused']:,} reused)  "
                f"{100 * result.seconds / max(base.seconds, 1e-9):.1f} % of the full run  "
                f"peak {result.peak_mb:,.0f} MB")
        if verify:
            fresh = workdir / f"tables-n{corpus.n}-fresh"
            shutil.rmtree(fresh, ignore_errors=True)
            check = extract(corpus.path, fresh, engine)
            same = check.returncode == 0 and digests(fresh) == digests(tables)
            line += f"  sha256 {'equal to' if same else 'DIFFERENT from'} a from-scratch run"
            shutil.rmtree(fresh, ignore_errors=True)
        print(line, flush=True)
        return True
    finally:
        shutil.rmtree(added, ignore_errors=True)


def _bench_render(report: str, tables: Path, workdir: Path, n: int) -> None:
    """Render one report to HTML and PDF from `tables` in a child process."""
    cmd = [sys.executable, "-m", "helpers.cli", "render", report, "-q", "--name", f"bench-n{n}",
           "--reports-dir", str(workdir / "reports"), "-p", "data_dir", str(tables)]
    result = run_child(cmd)
    if result.returncode != 0:
        print(_failure(f"render    {n:>8} {report}", result))
        return
    print(f"render    {n:>8} releases  {result.seconds:8.1f} s  {report:<9} html+pdf  "
          f"peak {result.peak_mb:>6,.0f} MB", flush=True)


def run(sizes: list[int], workdir: Path, seed: int = 0, engines: list[str] | None = None,
        incremental: bool = True, verify: bool = True, render: bool = True) -> int:
    """The whole benchmark; returns the process exit status."""
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"accords bench: sizes {', '.join(f'{n:,}' for n in sizes)}; {_label('all')} available")
    ok = True
    for i, n in enumerate(sizes):
        corpus = ensure_corpus(workdir, n, seed)
        note = "cached" if corpus.cached else "written"
        print(f"generate  {n:>8} releases  {corpus.seconds:8.1f} s  {corpus.words:,} words ({note}: {corpus.path})",
              flush=True)
        mine = engines or (["1", "all", "dask"] if i == 0 else ["all"])
        ok &= bench_size(corpus, workdir, mine, incremental, verify, render)
    return 0 if ok else 1


def render_only(sizes: list[int], workdir: Path) -> int:
    """Render every report from the tables of each size already in `workdir` (one per core, else one process)."""
    for n in sizes:
        tables = next((workdir / f"tables-n{n}-{e}" for e in ("all", "1", "dask")
                       if (workdir / f"tables-n{n}-{e}" / "documents.parquet").is_file()), None)
        if tables is None:
            print(f"accords bench: {workdir}: no tables of {n:,} releases to render (run the benchmark first)",
                  file=sys.stderr)
            return 2
        for report in REPORTS:
            _bench_render(report, tables, workdir, n)
    return 0


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(x.replace("_", "")) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be numbers separated by commas, not {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"sizes must be at least 1: {text!r}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Command line: python -m helpers.bench [--sizes 10000,100000] [--engines 1,all,dask] ..."""
    parser = argparse.ArgumentParser(prog="python -m helpers.bench", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help="generated releases per corpus, comma-separated (default 10000,100000)")
    parser.add_argument("--n", type=int, help="one size (the same as --sizes N)")
    parser.add_argument("--engines", default="",
                        help="comma-separated: 1 (one process), all (one per core), dask (default: all "
                             "three on the first size, `all` on the others)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR,
                        help=f"folder for the corpora, tables and reports (default {DEFAULT_WORKDIR})")
    parser.add_argument("--skip-render", action="store_true", help="no report rendering")
    parser.add_argument("--render-only", action="store_true",
                        help="only render the reports from the tables an earlier run left in --workdir")
    parser.add_argument("--skip-incremental", action="store_true", help="no re-run after adding releases")
    parser.add_argument("--no-verify", action="store_true",
                        help="do not compare the re-run's tables with a from-scratch run")
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    if any(e not in ("1", "all", "dask") for e in engines):
        parser.error(f"--engines takes 1, all and dask, not {args.engines!r}")
    sizes = [args.n] if args.n else args.sizes
    if min(sizes) < 1:
        parser.error("sizes must be at least 1")
    if args.render_only:
        return render_only(sizes, args.workdir)
    return run(sizes, args.workdir, seed=args.seed, engines=engines or None,
               incremental=not args.skip_incremental, verify=not args.no_verify, render=not args.skip_render)


if __name__ == "__main__":
    sys.exit(main())
