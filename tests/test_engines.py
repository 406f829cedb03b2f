"""The engines: worker processes on this machine, and a real Dask cluster on loopback."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from support import table_digests

import helpers.engines as engines
from helpers.cli import main
from helpers.config import RAW_DATA_DIR
from helpers.errors import CorpusError
from helpers.extract import extract_corpus
from helpers.synth import generate_corpus

distributed = pytest.importorskip("distributed")


def _square(x: int, offset: int = 0) -> int:
    return x * x + offset


def test_local_engine_keeps_the_order():
    with engines.LocalEngine(jobs=2) as eng:
        assert list(eng.map(_square, range(20), offset=1)) == [x * x + 1 for x in range(20)]
    with engines.LocalEngine(jobs=1) as eng:
        assert list(eng.map(_square, [3])) == [9]


def test_bad_engine_arguments():
    with pytest.raises(CorpusError, match="engine must be one of"):
        engines.engine("spark")
    with pytest.raises(CorpusError, match="--scheduler needs --engine dask"):
        engines.engine("local", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(CorpusError, match="jobs must be 0"):
        engines.engine("local", jobs=-1)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("dask") / "corpus", n=2000, seed=8)


@pytest.fixture(scope="module")
def local_tables(generated, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("local") / "out"
    assert main(["extract", str(generated), "--out", str(out), "-q", "--jobs", "2"]) == 0
    return table_digests(out)


@pytest.fixture(scope="module")
def cluster():
    """A Dask cluster of two worker processes on loopback, started by the test."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def test_dask_local_cluster_gives_the_default_engines_tables(tmp_path):
    """`--engine dask --jobs 2`: accords starts (and closes) a local cluster of two workers."""
    assert main(["extract", str(RAW_DATA_DIR), "--out", str(tmp_path / "local"), "-q"]) == 0
    assert main(["extract", str(RAW_DATA_DIR), "--out", str(tmp_path / "dask"), "-q",
                 "--engine", "dask", "--jobs", "2"]) == 0
    assert table_digests(tmp_path / "dask") == table_digests(tmp_path / "local")


def test_dask_on_2000_generated_releases(generated, local_tables, cluster, tmp_path):
    out = tmp_path / "dask"
    assert main(["extract", str(generated), "--out", str(out), "-q", "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    assert table_digests(out) == local_tables


def test_a_worker_killed_mid_run_still_gives_the_tables(generated, local_tables, cluster, tmp_path):
    out = tmp_path / "dask"
    client = distributed.Client(cluster.scheduler_address)
    victim = next(iter(client.run(os.getpid).values()))
    killed = []

    def kill_when_work_starts():
        store = out / ".accords-facts"
        deadline = time.time() + 120
        while time.time() < deadline and not (store.is_dir() and any(
                p.name.startswith("part-") for p in store.iterdir())):
            time.sleep(0.05)
        os.kill(victim, signal.SIGKILL)
        killed.append(victim)

    thread = threading.Thread(target=kill_when_work_starts, daemon=True)
    thread.start()
    summary = extract_corpus(generated, out, engine="dask", scheduler=cluster.scheduler_address, part_size=40)
    thread.join(5)
    client.close()
    assert killed and summary.documents == 2000
    assert table_digests(out) == local_tables


def test_unreachable_scheduler_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "2s")
    code = main(["extract", str(RAW_DATA_DIR), "--out", str(tmp_path / "out"), "-q", "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "tcp://127.0.0.1:9" in err[0] and err[0].startswith("accords: error:")
    assert not (tmp_path / "out" / "documents.parquet").exists()
