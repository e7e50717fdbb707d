"""A bounded worker pool: heavy jobs run off the event loop; beyond capacity, PoolFull.

Process workers (the default for `newsfuse serve`) keep the server's event loop free of the
GIL-holding spaCy work; thread workers (tests, small machines) share the loaded models.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal

from newsfuse.service import jobs

# A worker process is replaced after this many jobs: bounds slow growth of its memory
# (spaCy's string store grows with every new word) at the cost of one model load (~7 s).
JOBS_PER_PROCESS = 500
# Retry-After before any job has been timed: a 5-article analysis takes ~2 s warm.
DEFAULT_JOB_SECONDS = 2.0
# On shutdown, running jobs get this long before their worker processes are ended.
SHUTDOWN_GRACE_SECONDS = 10.0
# After SIGTERM, a worker gets this long to end before it is killed.
TERMINATE_WAIT_SECONDS = 2.0


class PoolFull(Exception):
    """Every worker is busy and the queue is full; `retry_after` is in whole seconds."""

    def __init__(self, retry_after: int):
        super().__init__("the server is busy; retry later")
        self.retry_after = retry_after


class WorkerPool:
    def __init__(self, workers: int, queue_per_worker: int,
                 kind: Literal["process", "thread"] = "process"):
        self.workers = max(1, workers)
        self.capacity = self.workers * (1 + queue_per_worker)
        self.kind = kind
        self.pending = 0
        self._job_seconds = DEFAULT_JOB_SECONDS
        self._executor: Executor | None = None

    def _make_executor(self) -> Executor:
        if self.kind == "thread":
            return ThreadPoolExecutor(self.workers, thread_name_prefix="newsfuse-worker")
        context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded server
        return ProcessPoolExecutor(self.workers, mp_context=context,
                                   initializer=jobs.init_worker, initargs=(context.Lock(),),
                                   max_tasks_per_child=JOBS_PER_PROCESS)

    def start(self, warm: bool = False) -> None:
        """Create the workers now (optionally loading the models) instead of on first use."""
        if self._executor is None:
            self._executor = self._make_executor()
        if warm:
            for _ in range(self.workers):
                self._executor.submit(jobs.warm_up)

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run `function(*args)` on a worker; raises PoolFull at once when over capacity."""
        if self.pending >= self.capacity:
            raise PoolFull(self.retry_after())
        self.start()
        assert self._executor is not None
        self.pending += 1  # the event loop is single-threaded: no lock needed
        started = time.monotonic()
        try:
            result = await asyncio.wrap_future(self._executor.submit(function, *args))
        except BrokenProcessPool as exc:
            # A worker died (killed, out of memory): start fresh ones for the next requests.
            self._executor = None
            raise PoolFull(self.retry_after()) from exc
        finally:
            self.pending -= 1
        # Exponential average of the whole wait, queue included: what a client will see.
        self._job_seconds = 0.8 * self._job_seconds + 0.2 * (time.monotonic() - started)
        return result

    def retry_after(self) -> int:
        return max(1, math.ceil(self._job_seconds * max(1, self.pending) / self.workers))

    def shutdown(self, grace_seconds: float = SHUTDOWN_GRACE_SECONDS) -> None:
        """Stop taking jobs, give running ones `grace_seconds`, then end the worker processes:
        left alone they outlive a stopped server (seen after load runs: orphaned workers still
        busy minutes later)."""
        if self._executor is None:
            return
        processes = list(getattr(self._executor, "_processes", {}).values())
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None
        deadline = time.monotonic() + grace_seconds
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.terminate()
        for process in processes:
            # a process still starting up (importing, under load) may outlast SIGTERM's
            # handling: end it for sure
            process.join(TERMINATE_WAIT_SECONDS)
            if process.is_alive():
                process.kill()
