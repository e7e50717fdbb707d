"""Reports of stored events, made in the worker pool, never two of one event at once.

An add returns once its articles are stored and placed; the reports of the events it changed
are refreshed afterwards, in the background. Requests are coalesced: one pending refresh per
event, so ten adds to a growing event while its report runs cost one more report, not ten.
Background refreshes yield to the jobs clients wait for: one at a time, started when a worker
is idle or, under sustained load, once the oldest request has waited
`REFRESH_MAX_DELAY_SECONDS`. A reader who needs a report now (the API, or a page with none
saved yet while a worker is idle) starts it at once or joins the one running.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable

from newsfuse.model import EventReport
from newsfuse.service.pool import PoolFull, WorkerPool
from newsfuse.store import UnknownEvent

log = logging.getLogger("newsfuse.service")

# Under sustained load (no worker ever idle) a changed event is still reported again within
# about this long, plus one report's time: the longest a reader sees a report marked stale.
# Shorter takes a worker from analyses and adds more often; longer folds more adds to one
# event into one report.
REFRESH_MAX_DELAY_SECONDS = 15.0
# While refreshes wait, how often the pool is looked at for an idle worker. The check is a
# few comparisons on the event loop; a report takes seconds, so finer polling gains nothing.
IDLE_CHECK_SECONDS = 0.5


class Refresher:
    """Coalesced report refreshes of stored events over one worker pool.

    `report(event_id, background)` runs the pool job that makes and saves the event's report;
    a background one does nothing (None) when the saved report already covers every article
    (an earlier refresh did it since it was asked for).
    """

    def __init__(self, pool: WorkerPool,
                 report: Callable[[str, bool], Awaitable[EventReport | None]]):
        self._pool = pool
        self._report = report
        self.pending: dict[str, float] = {}  # event id -> first asked (monotonic), oldest first
        self.running: dict[str, asyncio.Future] = {}
        self._background: str | None = None
        self._not_before = 0.0  # after PoolFull: no background start before this
        self._timer: asyncio.TimerHandle | None = None

    def request(self, event_ids: Iterable[str]) -> None:
        """Refresh these events in the background (each at most once more, however asked)."""
        now = time.monotonic()
        for event_id in event_ids:
            self.pending.setdefault(event_id, now)
        self._pump()

    def now(self, event_id: str) -> asyncio.Future:
        """The running report job of the event, or one started at once for a waiting reader.

        Raises nothing itself; the future carries PoolFull or UnknownEvent."""
        if event_id not in self.running:
            asked = self.pending.pop(event_id, time.monotonic())
            self._start(event_id, False, asked)
        return self.running[event_id]

    def idle_worker(self) -> bool:
        """A worker is free: a report asked for now starts at once (no client job waits)."""
        return self._pool.pending < self._pool.workers

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # ------------------------------------------------------------------ scheduling

    def _pump(self) -> None:
        """Start the oldest waiting refresh if its time has come, else look again later."""
        self.close()
        if self._background is not None:
            return  # its completion pumps again
        waiting = [(e, asked) for e, asked in self.pending.items() if e not in self.running]
        if not waiting:
            return  # nothing, or only events a reader is having reported: they pump when done
        event_id, asked = min(waiting, key=lambda item: item[1])
        now = time.monotonic()
        overdue = now - asked >= REFRESH_MAX_DELAY_SECONDS
        if now >= self._not_before and (self.idle_worker() or overdue):
            del self.pending[event_id]
            self._start(event_id, True, asked)
            return
        wait = max(IDLE_CHECK_SECONDS, self._not_before - now)
        self._timer = asyncio.get_running_loop().call_later(wait, self._pump)

    def _start(self, event_id: str, background: bool, asked: float) -> None:
        # The job enters the pool on its first step, before the loop serves another request:
        # `idle_worker` already counts it then.
        job = asyncio.ensure_future(self._report(event_id, background))
        self.running[event_id] = job
        if background:
            self._background = event_id
        job.add_done_callback(lambda done: self._finished(event_id, background, asked, done))

    def _finished(self, event_id: str, background: bool, asked: float,
                  done: asyncio.Future) -> None:
        self.running.pop(event_id, None)
        if background:
            self._background = None
        error = None if done.cancelled() else done.exception()
        if isinstance(error, PoolFull):
            # No room in the pool: ask again (keeping its age), after the pool's own estimate.
            self.pending.setdefault(event_id, asked)
            self._not_before = time.monotonic() + error.retry_after
        elif error is not None and not isinstance(error, UnknownEvent):
            # UnknownEvent: merged away meanwhile, nothing to report. Anything else is logged
            # (the job's traceback) and not retried: the next change or page view asks again.
            log.error("report of %s failed", event_id, exc_info=error)
        self._pump()
