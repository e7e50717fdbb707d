"""What API routes and pages share: reading a request's articles, configs, running jobs."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Literal

from fastapi import Request
from fastapi.responses import Response

from newsfuse import workflow
from newsfuse.config import Config
from newsfuse.model import EventReport
from newsfuse.service import jobs
from newsfuse.service.errors import error_response
from newsfuse.service.inputs import Collected, fetch_urls, from_form, from_json
from newsfuse.service.limits import LimitExceeded
from newsfuse.service.pool import PoolFull
from newsfuse.service.refresh import Refresher
from newsfuse.service.settings import ServiceSettings
from newsfuse.store.repository import report_is_current

ReportFormat = Literal["json", "md", "html"]
MEDIA_TYPES = {"json": "application/json", "md": "text/markdown; charset=utf-8",
               "html": "text/html; charset=utf-8"}
FORM_TYPES = {"multipart/form-data", "application/x-www-form-urlencoded"}
# Uploads per request: one file may hold many articles; the article limit applies after reading.
MAX_FILES = 200
MAX_FORM_FIELDS = 20


def settings_of(request: Request) -> ServiceSettings:
    return request.app.state.settings


async def collect(request: Request, json_allowed: bool = True) -> Collected:
    """The request's articles: JSON only as application/json, files as multipart."""
    settings = settings_of(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" and json_allowed:
        collected, urls = from_json(await request.body(), settings)
        await fetch_urls(urls, settings, collected)
        return collected
    if kind in FORM_TYPES:
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FORM_FIELDS)
        try:
            return await from_form(form, settings)
        finally:
            await form.close()
    accepted = "application/json or multipart/form-data" if json_allowed else "a form"
    raise LimitExceeded(f"send {accepted}, not {kind or 'no content type'}", status=415)


def analysis_config(base: Config, date: dt.date | None, max_words: int | None) -> Config:
    config = base.model_copy(deep=True)
    if date is not None:
        config.ingest.default_date = date
    if max_words is not None:
        config.summary.max_words = max_words
    return config


async def analyze(request: Request, collected: Collected, config: Config) -> EventReport:
    """Analyse the collected articles in the pool; 422 naming every item when none is usable."""
    settings = settings_of(request)
    if not collected.articles:
        raise NoArticles(collected)
    for article in collected.articles:
        article.published = article.published or config.ingest.default_date
    outcome = await request.app.state.pool.run(
        jobs.analyze_articles, collected.articles, config, settings.max_article_chars)
    if outcome.report is None:
        raise NoArticles(Collected(errors=collected.errors + outcome.errors))
    outcome.report.errors = collected.errors + outcome.report.errors
    return outcome.report


class NoArticles(Exception):
    """No readable article in the request: a 422 listing why each item was skipped."""

    def __init__(self, collected: Collected):
        super().__init__("no readable articles")
        self.errors = collected.errors


def no_articles_response(exc: NoArticles, html: bool) -> Response:
    message = "no readable articles" + ("" if exc.errors else ": nothing was sent")
    return error_response(422, message, exc.errors, html=html)


def rendered(report: EventReport, format: ReportFormat) -> Response:
    """The report as JSON, Markdown, or the standalone HTML page (with its own CSP)."""
    from newsfuse.render import render
    from newsfuse.render.html_render import content_security_policy

    headers = {"content-security-policy": content_security_policy()} if format == "html" else None
    return Response(render(report, format), media_type=MEDIA_TYPES[format], headers=headers)


# --------------------------------------------------------------------------- the store


def store_of(request: Request):
    """The app's store, opened on first use (the URL of `newsfuse serve --db`)."""
    return _store(request.app.state)


def _store(state):
    if getattr(state, "store", None) is None:
        from newsfuse.store import Store, default_url

        state.settings.db_url = state.settings.db_url or default_url()
        state.store = Store(state.settings.db_url)
    return state.store


# One exception for an event that is not (or no longer) in the store, whether the page finds
# it missing or the report job does (an add merged it away meanwhile): both answer 404.
UnknownEvent = workflow.UnknownEvent
# A reader who wants the current report (the API) waits for at most this many reports in a
# row: one already running may have read the event before the latest add, the next one not;
# more only happens while adds keep arriving, and then the last report is served.
CURRENT_REPORT_ATTEMPTS = 3


def make_refresher(state) -> Refresher:
    """Report refreshes of the app's stored events, on its worker pool."""

    def report(event_id: str, background: bool):
        _store(state)
        if background:
            return state.pool.run(jobs.refresh_event, state.settings.db_url, event_id,
                                  state.config)
        return state.pool.run(jobs.report_event, state.settings.db_url, event_id, state.config)

    return Refresher(state.pool, report)


async def stored_report(request: Request, event_id: str,
                        current: bool = False) -> tuple[EventReport, object, bool]:
    """(report, event row, stale) of a stored event.

    A saved report is served at once; when it predates newer articles it is marked stale and
    one refresh of the event is queued (readers never wait for, nor pile up, analyses). With
    `current` (the API), a stale one is made again first, the reader waiting for it. Without
    any saved report a page waits for the one analysis of that event that all concurrent
    requests share only when a worker is idle; otherwise (a client's job on every worker, or
    this very report) the refresh is queued and PoolFull tells the page to list the articles
    and reload: a reader never waits seconds for a report under load.
    """
    from starlette.concurrency import run_in_threadpool

    store = store_of(request)
    refresher: Refresher = request.app.state.refresher
    row = await run_in_threadpool(store.event, event_id)
    if row is None:
        raise UnknownEvent(event_id)
    for _attempt in range(CURRENT_REPORT_ATTEMPTS):
        if row.last_report is not None and (report_is_current(row) or not current):
            break
        if not current and not refresher.idle_worker():
            refresher.request([event_id])
            raise PoolFull(request.app.state.pool.retry_after())
        try:
            await asyncio.shield(refresher.now(event_id))
        except PoolFull:
            if row.last_report is None:
                raise
            break  # every worker busy: the saved report, marked stale, rather than a 503
        row = await run_in_threadpool(store.event, event_id)
        if row is None or row.last_report is None:
            raise UnknownEvent(event_id)
    if not report_is_current(row):
        refresher.request([event_id])
    return EventReport.model_validate(row.last_report), row, not report_is_current(row)


async def add_articles(request: Request, collected: Collected, config: Config) -> jobs.AddOutcome:
    """Store, cluster online (in the pool); 422 naming every item when none is usable."""
    store_of(request)
    if not collected.articles:
        raise NoArticles(collected)
    state = request.app.state
    outcome = await state.pool.run(jobs.add_articles, state.settings.db_url, collected.articles,
                                   config, state.settings.max_article_chars)
    # The articles are stored and placed: the reports of the events that changed follow in
    # the background (pages meanwhile serve the saved report, marked stale).
    state.refresher.request(outcome.changed)
    outcome.errors = collected.errors + outcome.errors
    if not outcome.stored:
        raise NoArticles(Collected(errors=outcome.errors))
    return outcome
