"""Where per-article stages and per-event reports run: this process, a local pool, or Dask.

One seam for every caller (the CLI, the web service's pool, Dask on many machines): a
workflow cuts its work into partitions and calls `executor.map(function, partitions, *args)`;
results come back in partition order, so the caller (the one writer of the store) commits them
in the same order whatever ran them, and the stages are batch-invariant (spaCy and MiniLM give
bit-identical output whatever the batch), so the results do not depend on the executor.
`function` must be a module-level function of picklable arguments; models load once per
worker process (they are cached per process on first use).

    make_executor(None)                 in this process
    make_executor("processes:N")        N spawned processes (concurrent.futures)
    make_executor("local:N")            Dask LocalCluster of N single-threaded worker processes
    make_executor("tcp://host:8786")    a running Dask scheduler (workers need newsfuse installed)
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor as FuturesExecutor
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Partitions submitted ahead of the one being collected, per worker: enough to keep every
# worker busy while the client commits, few enough that a huge input does not sit in memory
# as pending tasks twice (client and scheduler).
AHEAD_PER_WORKER = 4

# Seconds to wait for a scheduler before giving up with a clear error (Dask's default is 30):
# a scheduler on the same network answers in milliseconds.
CONNECT_SECONDS = 10
# Where a LocalCluster's HTTP dashboards listen: this machine only, any free port.
LOOPBACK = "127.0.0.1:0"

_LOCAL = re.compile(r"^local:(\d+)$")
_POOL = re.compile(r"^(processes|threads):(\d+)$")
_ADDRESS = re.compile(r"^(tcp|tls|inproc|ucx)://\S+$")


class ExecutorSpecError(ValueError):
    """An executor spec that is neither local:N, processes:N, threads:N nor a scheduler URL."""


class Executor(Protocol):
    """Runs a function over partitions; results in input order."""

    workers: int
    name: str

    def map(self, function: Callable[..., R], partitions: Iterable[Any],
            *args: Any) -> Iterator[R]: ...

    def close(self) -> None: ...


def partitions(items: Sequence[T], size: int) -> list[list[T]]:
    """Consecutive partitions of `size` items (the last may be shorter), in order."""
    return [list(items[start:start + size]) for start in range(0, len(items), size)]


class InProcess:
    """Everything in this process, one partition after the other."""

    workers = 1
    name = "in-process"

    def map(self, function: Callable[..., R], partitions: Iterable[Any],
            *args: Any) -> Iterator[R]:
        for partition in partitions:
            yield function(partition, *args)

    def close(self) -> None:
        return None

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class _Windowed:
    """Submit a bounded window of partitions ahead; yield results in order."""

    workers: int
    name: str

    def _submit(self, function: Callable[..., Any], partition: Any, *args: Any) -> Any:
        raise NotImplementedError

    def _result(self, future: Any) -> Any:
        return future.result()

    def map(self, function: Callable[..., R], partitions: Iterable[Any],
            *args: Any) -> Iterator[R]:
        window = max(1, self.workers * AHEAD_PER_WORKER)
        pending: list[Any] = []
        for partition in partitions:
            pending.append(self._submit(function, partition, *args))
            if len(pending) >= window:
                yield self._result(pending.pop(0))
        while pending:
            yield self._result(pending.pop(0))

    def __enter__(self):
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError


class PoolExecutor(_Windowed):
    """A concurrent.futures pool of threads or spawned processes on this machine."""

    def __init__(self, workers: int, kind: str = "processes"):
        self.workers = max(1, workers)
        self.name = f"{kind}:{self.workers}"
        self._pool: FuturesExecutor
        if kind == "threads":
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="newsfuse")
        else:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"))

    def _submit(self, function: Callable[..., Any], partition: Any, *args: Any) -> Future:
        return self._pool.submit(function, partition, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(_Windowed):
    """Dask distributed: a LocalCluster it starts, or a scheduler it connects to."""

    def __init__(self, client: Any, cluster: Any = None, name: str = "dask"):
        self.client = client
        self._cluster = cluster
        self.name = name
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))

    @classmethod
    def local(cls, workers: int, processes: bool = True) -> DaskExecutor:
        """A LocalCluster listening on loopback only: scheduler and workers on 127.0.0.1
        (worker processes) or on the in-process transport (worker threads), and the
        scheduler's and every worker's dashboard on 127.0.0.1, free ports (left to Dask's
        defaults they listen on 0.0.0.0). Workers are single-threaded, because spaCy holds
        the GIL (a second thread in a worker adds nothing)."""
        from distributed import Client, LocalCluster

        network = {"host": "127.0.0.1", "scheduler_port": 0} if processes else {}
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                               dashboard_address=LOOPBACK,
                               worker_dashboard_address=LOOPBACK, silence_logs=40, **network)
        return cls(Client(cluster), cluster, name=f"local:{workers}")

    @classmethod
    def connect(cls, address: str) -> DaskExecutor:
        from distributed import Client

        return cls(Client(address, timeout=CONNECT_SECONDS), name=address)

    def _submit(self, function: Callable[..., Any], partition: Any, *args: Any) -> Any:
        # pure=False: a partition submitted twice (a resumed run) is computed again, not
        # served from a result the scheduler may still hold for a dead client.
        return self.client.submit(function, partition, *args, pure=False)

    def run_on_workers(self, function: Callable[[], R]) -> dict[str, R]:
        """`function()` once on every worker (e.g. to read its peak memory)."""
        return self.client.run(function)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(spec: str | None) -> InProcess | PoolExecutor | DaskExecutor:
    """The executor a `--dask` / `--executor` value names (None: this process)."""
    if not spec:
        return InProcess()
    spec = spec.strip()
    if match := _LOCAL.match(spec):
        workers = int(match.group(1))
        if workers < 1:
            raise ExecutorSpecError(f"{spec!r}: local:N needs N >= 1")
        return DaskExecutor.local(workers)
    if match := _POOL.match(spec):
        return PoolExecutor(int(match.group(2)), match.group(1))
    if _ADDRESS.match(spec):
        return DaskExecutor.connect(spec)
    raise ExecutorSpecError(
        f"{spec!r} is not an executor: give local:N (a Dask LocalCluster of N workers), "
        "tcp://HOST:PORT (a Dask scheduler), processes:N or threads:N")
