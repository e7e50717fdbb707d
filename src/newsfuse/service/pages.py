"""Server-rendered pages. Forms post back here and work without JavaScript."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from importlib import resources
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from newsfuse.cluster.updates import whats_new
from newsfuse.ingest import read_bytes
from newsfuse.render.common import SourceIndex, date_range
from newsfuse.service import catalog, views, whatsnew, work
from newsfuse.service.charts import bar_percent, timeline_svg
from newsfuse.service.errors import error_response
from newsfuse.service.inputs import Collected
from newsfuse.service.limits import LimitExceeded
from newsfuse.service.passages import find_passage, paragraphs_with_passage
from newsfuse.service.pool import PoolFull
from newsfuse.service.security import COOKIE, check_token
from newsfuse.service.settings import MAX_SUMMARY_WORDS, MIN_SUMMARY_WORDS
from newsfuse.store import outlet_name
from newsfuse.store.repository import to_article

router = APIRouter(include_in_schema=False)


def _page(name: str, status: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(views.render_page(name, **context), status_code=status)


@router.get("/")
async def events(request: Request, q: str = "", outlet: str = "", since: str = "",
                 until: str = "", page: str = "1") -> HTMLResponse:
    """Events, newest first; search, outlet and date filters, paging (all in the URL)."""
    query = catalog.EventQuery(text=q[:200], outlet=outlet[:200], since=_form_date(since),
                               until=_form_date(until),
                               page=int(page) if page.isdigit() and len(page) < 7 else 1)
    listing = await run_in_threadpool(catalog.list_events, work.store_of(request), query)
    return _page("events.html.j2", q=query, listing=listing)


@router.get("/events/{event_id}")
async def event(request: Request, event_id: str) -> Response:
    try:
        report, row, stale = await work.stored_report(request, event_id)
    except work.UnknownEvent:
        return error_response(404, f"no event {event_id!r} in the store", html=True)
    except PoolFull as busy:
        return await _pending(request, event_id, busy.retry_after)
    sources = SourceIndex(report.articles)
    # A stale report misses the articles added since: they are listed at once above it.
    unreported = await _unreported(request, event_id, report) if stale else []
    since = _form_date(request.query_params.get("since", ""))
    visit = whatsnew.parse_visit(request.cookies.get(whatsnew.VISIT_COOKIE))
    update = None
    if since or visit:
        rows = await run_in_threadpool(work.store_of(request).article_rows,
                                       [a.id for a in report.articles])
        update = whats_new(event_id, report, whatsnew.new_since(rows, since, visit))

    def cite_url(article_id: str, text: str) -> str:
        return f"{_article_url(article_id)}?{urlencode({'event': event_id, 'cite': text})}#passage"

    page = _page("event.html.j2", report=report, event=row, reported_at=row.reported_at,
                 stale=stale, unreported=unreported, update=update, since=since, visit=visit,
                 sources=sources, cite_url=cite_url, article_url=_article_url,
                 outlets=sorted({outlet_name(a.source, a.url) or a.id for a in report.articles}),
                 span=date_range(report), chart=timeline_svg(report), bar=bar_percent)
    if not since:  # looking back to a chosen date is not a visit that moves the mark
        page.set_cookie(whatsnew.VISIT_COOKIE, whatsnew.now().isoformat(),
                        max_age=whatsnew.VISIT_MAX_AGE, path=f"/events/{quote(event_id)}",
                        httponly=True, samesite="lax")
    return page


async def _unreported(request: Request, event_id: str, report) -> list:
    """The event's articles that its saved report does not cover yet."""
    covered = {a.id for a in report.articles}
    articles = await run_in_threadpool(work.store_of(request).event_articles, event_id)
    return [a for a in articles if a.id not in covered]


async def _pending(request: Request, event_id: str, retry_after: int) -> Response:
    """No saved report yet and every worker busy: the articles now, the report on reload."""
    store = work.store_of(request)
    row = await run_in_threadpool(store.event, event_id)
    articles = await run_in_threadpool(store.event_articles, event_id)
    if row is None or not articles:  # merged away by a concurrent add since the lookup
        return error_response(404, f"no event {event_id!r} in the store", html=True)
    return _page("event_pending.html.j2", event_id=event_id, title=row.title or event_id,
                 articles=articles, article_url=_article_url, retry_after=retry_after)


@router.get("/articles/{article_id:path}")
async def article(request: Request, article_id: str, event: str = "", cite: str = "") -> Response:
    """Cleaned text with the cited passage marked, and what cleaning removed and why."""
    row = await run_in_threadpool(work.store_of(request).article_row, article_id)
    if row is None:
        return error_response(404, f"no article {article_id!r} in the store", html=True)
    stored = to_article(row)
    passage = find_passage(stored, cite[:2000]) if cite else None
    return _page("article.html.j2", article=stored, event_id=row.event_id or event or None,
                 outlet=outlet_name(stored.source, stored.url), cited=bool(cite),
                 passage=passage, paragraphs=paragraphs_with_passage(stored.body, passage))


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    """The API described from the app's own OpenAPI document: no external assets."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {})
            operations.append({
                "id": op.get("operationId", f"{method}-{path}"), "method": method.upper(),
                "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": op.get("parameters", []),
                "body": [(kind, c.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1])
                         for kind, c in body.items()],
                "responses": [(code, r.get("description", ""))
                              for code, r in op.get("responses", {}).items()]})
    models = sorted(spec.get("components", {}).get("schemas", {}).items())
    return _page("docs.html.j2", operations=operations, models=models)


@router.get("/add")
def add_form() -> HTMLResponse:
    return _page("add.html.j2")


@router.post("/add")
async def add(request: Request) -> Response:
    """Store the posted articles; land on the event they joined (or a summary of several)."""
    collected = await work.collect(request, json_allowed=False)
    form = await request.form()
    config = work.analysis_config(request.app.state.config, _form_date(form.get("date")), None)
    return await _added(request, collected, config)


@router.post("/add/demo")
async def add_demo(request: Request) -> Response:
    demo = resources.files("newsfuse") / "demo"
    collected = Collected()
    for path in sorted(demo.iterdir()):
        if path.is_file() and not path.name.startswith((".", "_")):
            result = read_bytes(path.name, path.read_bytes())
            collected.articles += result.articles
            collected.errors += result.errors
    return await _added(request, collected, request.app.state.config)


async def _added(request: Request, collected: Collected, config) -> Response:
    try:
        outcome = await work.add_articles(request, collected, config)
    except work.NoArticles as exc:
        return work.no_articles_response(exc, html=True)
    joined = Counter(outcome.events[i] for i in outcome.stored if i in outcome.events)
    if len(joined) == 1 and not outcome.errors:
        (event_id,) = joined
        return RedirectResponse(f"/events/{event_id}", status_code=303)
    summaries = await run_in_threadpool(work.store_of(request).event_summaries)
    titles = {s.id: s.title for s in summaries}
    return _page("added.html.j2", outcome=outcome, events=joined.most_common(), titles=titles)


def _article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


@router.get("/analyze")
def analyze_form() -> HTMLResponse:
    return _page("analyze.html.j2", min_words=MIN_SUMMARY_WORDS, max_words=MAX_SUMMARY_WORDS)


@router.post("/analyze")
async def analyze_page(request: Request) -> Response:
    """The report of the posted articles as a page of its own (nothing is stored)."""
    collected = await work.collect(request, json_allowed=False)
    form = await request.form()
    config = work.analysis_config(request.app.state.config, _form_date(form.get("date")),
                                  _form_words(form.get("max_words")))
    try:
        report = await work.analyze(request, collected, config)
    except work.NoArticles as exc:
        return work.no_articles_response(exc, html=True)
    return work.rendered(report, "html")


@router.get("/login")
def login_form(request: Request, token: str | None = None, next: str = "/") -> Response:
    """With ?token=... (the URL the server prints) the browser is logged in at once."""
    if token is not None:
        return _log_in(request, token, next)
    return _page("login.html.j2", next=_local_path(next), failed=False)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form(max_fields=5)
    token, target = form.get("token"), form.get("next")
    return _log_in(request, token if isinstance(token, str) else "",
                   target if isinstance(target, str) else "/")


def _log_in(request: Request, token: str, next_path: str) -> Response:
    if not check_token(work.settings_of(request), token):
        return _page("login.html.j2", status=401, next=_local_path(next_path), failed=True)
    response = RedirectResponse(_local_path(next_path), status_code=303)
    # HttpOnly: no script reads it; SameSite=Strict: no other site's page can send it.
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


def _local_path(target: str) -> str:
    """Only paths of this server: no //host or scheme, so login cannot redirect elsewhere."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _form_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise LimitExceeded(f"date {value!r} is not YYYY-MM-DD", status=422) from exc


def _form_words(value: object) -> int | None:
    if not isinstance(value, str) or not value.strip():
        return None
    if not value.strip().isdigit() or not (
            MIN_SUMMARY_WORDS <= int(value) <= MAX_SUMMARY_WORDS):
        raise LimitExceeded(f"summary words must be a number from {MIN_SUMMARY_WORDS} to "
                            f"{MAX_SUMMARY_WORDS}", status=422)
    return int(value)

