"""Background report refreshes: coalesced per event, one at a time, yielding to busy workers."""

import asyncio
from types import SimpleNamespace

from newsfuse.service import refresh
from newsfuse.service.refresh import Refresher


class Reports:
    """A fake report job that records its calls and fails on two of one event at once."""

    def __init__(self) -> None:
        self.made: list[str] = []
        self.running: set[str] = set()
        self.most_at_once = 0
        self.release = asyncio.Event()

    async def __call__(self, event_id: str, _background: bool) -> None:
        assert event_id not in self.running, "two reports of one event at once"
        self.running.add(event_id)
        self.most_at_once = max(self.most_at_once, len(self.running))
        self.made.append(event_id)
        await self.release.wait()
        self.running.discard(event_id)


async def settled(refresher: Refresher, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.01)):
        if not refresher.running and not refresher.pending:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("refreshes still waiting")


def test_adds_to_one_event_while_its_report_runs_make_one_more_report():
    async def scenario() -> list[str]:
        reports = Reports()
        refresher = Refresher(SimpleNamespace(workers=2, pending=0), reports)
        refresher.request(["ev1"])
        await asyncio.sleep(0.01)  # the first report is running
        for _ in range(10):  # ten more adds to the same event meanwhile
            refresher.request(["ev1"])
        reports.release.set()
        await settled(refresher)
        return reports.made

    assert asyncio.run(scenario()) == ["ev1", "ev1"]


def test_busy_workers_delay_background_reports_until_overdue(monkeypatch):
    monkeypatch.setattr(refresh, "REFRESH_MAX_DELAY_SECONDS", 0.3)
    monkeypatch.setattr(refresh, "IDLE_CHECK_SECONDS", 0.02)

    async def scenario() -> tuple[list[str], list[str], int]:
        reports = Reports()
        reports.release.set()
        busy = SimpleNamespace(workers=1, pending=1)  # every worker has a client's job
        refresher = Refresher(busy, reports)
        refresher.request(["ev1", "ev2"])
        await asyncio.sleep(0.1)
        early = list(reports.made)
        await settled(refresher)
        return early, reports.made, reports.most_at_once

    early, made, most_at_once = asyncio.run(scenario())
    assert early == [] and made == ["ev1", "ev2"] and most_at_once == 1


def test_a_reader_starts_a_waiting_report_at_once():
    async def scenario() -> list[str]:
        reports = Reports()
        reports.release.set()
        refresher = Refresher(SimpleNamespace(workers=1, pending=1), reports)
        refresher.request(["ev1"])
        await refresher.now("ev1")  # a reader waiting for it does not wait for an idle worker
        return reports.made

    assert asyncio.run(scenario()) == ["ev1"]
