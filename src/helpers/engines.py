"""Where extraction runs: in this process, in worker processes on this machine, or on a Dask cluster.

An engine maps a function over items and yields the results in the items' order, keeping only
a few items in flight so memory does not grow with the corpus.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from .errors import AccordsError, CorpusError

ENGINES = ("local", "dask")
CONNECT_TIMEOUT = "20s"


class EngineError(AccordsError):
    """The cluster could not be reached or lost the work."""


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class LocalEngine:
    """This machine: one process, or `jobs` worker processes (0: one per core)."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        if jobs < 0:
            raise CorpusError(f"jobs must be 0 (one per core) or more, not {jobs}")
        self.workers = cores() if jobs == 0 else jobs
        self.pool = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()
            self.pool = None

    def release(self) -> None:
        """Let the worker processes go; later work runs in this process."""
        self.__exit__(None, None, None)

    def map(self, fn: Callable, items: Iterable, **kwargs) -> Iterator:
        """`fn(item, **kwargs)` for each item, in order, at most two per worker in flight."""
        call = functools.partial(fn, **kwargs)
        if self.pool is None:
            yield from map(call, items)
            return
        window: deque = deque()
        for item in items:
            window.append(self.pool.apply_async(call, (item,)))
            if len(window) >= 2 * self.workers:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()


class DaskEngine:
    """A Dask cluster: the one at `scheduler`, or a local cluster of `workers` processes on loopback."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 0) -> None:
        self.scheduler = scheduler
        self.workers = workers or cores()
        self.cluster = None
        self.client = None

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - distributed is a dependency
            raise EngineError(f"--engine dask needs the distributed package: {exc}") from exc
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None,
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self.__exit__(None, None, None)
            where = self.scheduler or "a local cluster"
            raise EngineError(f"--scheduler {where}: cannot connect to the Dask scheduler ({exc})") from exc
        n = len(self.client.scheduler_info().get("workers", {})) or self.workers
        self.workers = n
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    def release(self) -> None:
        """Leave the cluster (closing it if accords started it); later work runs in this process."""
        self.__exit__(None, None, None)

    def map(self, fn: Callable, items: Iterable, **kwargs) -> Iterator:
        """`fn(item, **kwargs)` on the cluster for each item, in order, a few per worker in flight.

        Shared arguments are sent to the workers once; a task whose worker dies is run again
        elsewhere, and one that cannot be finished is an EngineError naming it.
        """
        if self.client is None:  # released: the rest runs here
            yield from map(functools.partial(fn, **kwargs), items)
            return
        shared = {k: self.client.scatter(v, broadcast=True) if _big(v) else v for k, v in kwargs.items()}
        window: deque = deque()
        try:
            for item in items:
                window.append(self.client.submit(fn, item, pure=False, retries=2, **shared))
                if len(window) >= 2 * max(1, self.workers):
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"the Dask cluster lost the work: {exc}") from exc
        except Exception as exc:
            if type(exc).__name__ in ("KilledWorker", "CommClosedError", "CancelledError", "FutureCancelledError"):
                raise EngineError(f"the Dask cluster lost the work ({type(exc).__name__}: {exc})") from exc
            raise
        finally:
            for future in window:
                future.cancel()


def _big(value: object) -> bool:
    """Whether an argument is worth sending to the workers once instead of with every task."""
    return not isinstance(value, (str, int, float, bool, type(None)))


def engine(name: str = "local", *, jobs: int = 1, scheduler: str | None = None):
    """The engine called `name` (`local` or `dask`)."""
    if name == "local":
        if scheduler:
            raise CorpusError("--scheduler needs --engine dask")
        return LocalEngine(jobs)
    if name == "dask":
        return DaskEngine(scheduler, workers=jobs)
    raise CorpusError(f"engine must be one of {', '.join(ENGINES)}, not {name!r}")
