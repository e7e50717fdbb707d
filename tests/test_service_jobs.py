"""The worker pool's add job, called in-process."""

import datetime as dt

from newsfuse import workflow
from newsfuse.config import Config
from newsfuse.model import Article
from newsfuse.service import jobs


def harbour_articles(first: int, count: int) -> list[Article]:
    return [Article(id=f"h{n}", title=f"Crane collapse at Tesk harbour ({n})", source=f"Outlet {n}",
                    published=dt.date(2024, 4, 9),
                    body=f"A crane collapsed at the Tesk harbour on Tuesday, injuring {n + 2} "
                         "dock workers, the port authority said. The quay stayed closed.")
            for n in range(first, first + count)]


def test_an_add_stores_and_places_without_reporting(tmp_path):
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    outcome = jobs.add_articles(url, harbour_articles(1, 3), Config(), 100_000)
    store = jobs._store(url)
    (event_id,) = set(outcome.events.values())
    assert outcome.created == ["h1", "h2", "h3"] and outcome.changed == [event_id]
    assert store.last_report(event_id) is None  # left to the background refresh


def test_articles_a_concurrent_add_placed_meanwhile_are_not_placed_again(tmp_path,
                                                                          monkeypatch):
    """Storing runs outside the placement lock: another add's placement may take this add's
    articles (every article without an event). This add then finds them placed: their
    events are reported as changed, and it does not fall back to replaying the store."""
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    jobs.add_articles(url, harbour_articles(1, 3), Config(), 100_000)
    stored = workflow.ingest

    def stored_then_placed_by_another_add(items, store, config, *args, **kwargs):
        outcome = stored(items, store, config, *args, **kwargs)
        workflow.assign_online(store, [s.id for s in outcome.stored], config)
        return outcome

    def full_replay(*_args, **_kwargs):
        raise AssertionError("the add replayed the whole store")

    monkeypatch.setattr(workflow, "ingest", stored_then_placed_by_another_add)
    monkeypatch.setattr(workflow, "_assign_online_full", full_replay)
    outcome = jobs.add_articles(url, harbour_articles(4, 2), Config(), 100_000)
    assert outcome.created == ["h4", "h5"] and set(outcome.events) == {"h4", "h5"}
    assert set(outcome.events.values()) <= set(outcome.changed)


def test_a_queued_refresh_of_a_reported_event_does_no_report(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    outcome = jobs.add_articles(url, harbour_articles(1, 2), Config(), 100_000)
    (event_id,) = outcome.changed
    assert jobs.refresh_event(url, event_id, Config()) is not None  # not reported yet

    def no_report(*_args):
        raise AssertionError("reported an event whose report is current")

    monkeypatch.setattr(jobs, "report_event", no_report)
    assert jobs.refresh_event(url, event_id, Config()) is None
    assert jobs.refresh_event(url, "ev-gone", Config()) is None
