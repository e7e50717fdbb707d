"""The CPU-heavy work of requests, run in the worker pool (threads or spawned processes).

Every function here is module-level and takes/returns picklable values, so a process pool can
run it. Store-writing jobs hold one lock (shared by all workers) so that two online event
assignments never interleave.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache

from newsfuse import api
from newsfuse.clean.length import cut_long_articles
from newsfuse.config import Config
from newsfuse.model import Article, EventReport, InputError

_write_lock = threading.Lock()


def init_worker(lock=None) -> None:
    """Process-pool initializer: the lock shared by every worker for store writes."""
    global _write_lock
    if lock is not None:
        _write_lock = lock


def warm_up() -> bool:
    """Load the models once, so the first real request does not pay for it."""
    api.analyze([Article(id="warm-up", title="Warm-up",
                         body="The committee met on Monday. It approved the budget of 12 "
                              "million euros. Members said the plan was ready.")], Config(),
                remember=False)
    return True


@dataclass
class Analysis:
    """A report, or (when nothing was readable) None and the reasons, item by item."""

    report: EventReport | None
    errors: list[InputError] = field(default_factory=list)


def analyze_articles(articles: list[Article | str], config: Config, max_chars: int) -> Analysis:
    """Clean, cut over-long texts (with a warning in the report), analyse."""
    loaded, errors = api.load(articles, config)
    if not loaded:
        return Analysis(None, errors)
    warnings = cut_long_articles(loaded, max_chars)
    # Nothing is stored: keep the worker's annotation cache for the stored events' reports.
    report = api.analyze(loaded, config, remember=False)
    report.errors = errors + warnings + report.errors
    return Analysis(report)


@lru_cache(maxsize=4)
def _store(db_url: str):
    from newsfuse.store import Store

    return Store(db_url)


@dataclass
class AddOutcome:
    """What `add_articles` did: stored ids, the event of each, the skipped items, and the
    events whose saved report no longer covers their articles (to be reported again)."""

    stored: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    events: dict[str, str] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def add_articles(db_url: str, articles: list[Article], config: Config,
                 max_chars: int) -> AddOutcome:
    """Clean, store and assign to events online; over-long texts are cut with a warning.

    Returns once the articles are stored and placed: the reports of the changed events (the
    touched ones, and any that an online split or merge re-formed) are left to the caller,
    which refreshes them in the background (about half of an add's time on a store of a few
    hundred articles went to those reports).
    """
    from newsfuse.workflow import assign_online, ingest

    loaded, errors = api.load(articles, config)
    warnings = cut_long_articles(loaded, max_chars)
    store = _store(db_url)
    mark = store.now()
    # Cleaning, embedding and storing need no lock (stored content is found by its hash):
    # only the placement is serialised, so a worker waits for it as briefly as possible.
    outcome = ingest(loaded, store, config)
    with _write_lock:
        # A concurrent add may have placed these articles with its own (its placement takes
        # every article without an event): those are done, not new.
        waiting = set(store.unclustered_ids())
        new = [s.id for s in outcome.stored if s.created and s.id in waiting]
        touched = assign_online(store, new, config) if new else []
        changed = sorted(set(touched) | set(store.events_changed_since(mark)))
    ids = [s.id for s in outcome.stored]
    return AddOutcome(stored=ids, created=[s.id for s in outcome.stored if s.created],
                      events={row.id: row.event_id for row in store.article_rows(ids)
                              if row.event_id is not None},
                      errors=errors + warnings + outcome.errors, changed=changed)


def report_event(db_url: str, event_id: str, config: Config) -> EventReport:
    """Analyse a stored event and save the report (the cached copy pages show)."""
    from newsfuse.workflow import event_report

    return event_report(_store(db_url), event_id, config)


def refresh_event(db_url: str, event_id: str, config: Config) -> EventReport | None:
    """`report_event` unless the saved report already covers every article (None): a queued
    refresh that an earlier one made redundant costs one row read."""
    from newsfuse.store.repository import report_is_current

    row = _store(db_url).event(event_id)
    if row is None or report_is_current(row):
        return None  # merged away, or current
    return report_event(db_url, event_id, config)
