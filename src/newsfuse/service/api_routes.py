"""The JSON API under /api/ (documented in the OpenAPI at /api/openapi.json and on /docs)."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, BeforeValidator, Field
from starlette.concurrency import run_in_threadpool

from newsfuse.model import EventReport, InputError, RemovedBlock
from newsfuse.service import catalog, jobs, work
from newsfuse.service.errors import ERROR_RESPONSES, ErrorBody, error_response
from newsfuse.service.inputs import ArticlesRequest
from newsfuse.service.passages import find_passage
from newsfuse.service.settings import MAX_SUMMARY_WORDS, MIN_SUMMARY_WORDS
from newsfuse.store import outlet_name
from newsfuse.store.repository import to_article
from newsfuse.store.search import MARK_END, MARK_START

router = APIRouter(prefix="/api", tags=["api"])

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD, as the OpenAPI `format: date` says: pydantic's lax date parsing would
    take `0` (a Unix time) or a date-time text."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("a date must be written YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
FormatQuery = Annotated[work.ReportFormat, Query(description="Rendering of the report")]
DateQuery = Annotated[IsoDate | None, Query(
    description="Publication date for articles that carry none")]
WordsQuery = Annotated[int | None, Query(ge=MIN_SUMMARY_WORDS, le=MAX_SUMMARY_WORDS,
                                         description="Summary word budget (default 150)")]

REPORT_CONTENT = {
    "application/json": {"schema": {"$ref": "#/components/schemas/EventReport"}},
    "text/markdown": {"schema": {"type": "string"}},
    "text/html": {"schema": {"type": "string"}},
}
UPLOAD_SCHEMA = {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": "Text, HTML, JSON/JSONL, RSS/Atom, optionally gzipped"},
        "pasted": {"type": "string", "description": "Articles separated by lines of ---"},
        "source": {"type": "string", "description": "Outlet of the pasted articles"},
    },
    # At least one file or some pasted text; an empty form is answered 422.
    "anyOf": [{"required": ["files"], "properties": {"files": {"minItems": 1}}},
              {"required": ["pasted"], "properties": {"pasted": {"pattern": "\\S"}}}],
}
ARTICLES_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/ArticlesRequest"}},
    "multipart/form-data": {"schema": UPLOAD_SCHEMA},
}}}


@router.post("/analyze", response_model=EventReport, openapi_extra=ARTICLES_BODY,
             responses={200: {"content": REPORT_CONTENT}, **ERROR_RESPONSES},
             summary="Analyze articles without storing them")
async def analyze(request: Request, format: FormatQuery = "json", date: DateQuery = None,
                  max_words: WordsQuery = None) -> Response:
    """One report from the articles sent as JSON records or uploaded files."""
    collected = await work.collect(request)
    config = work.analysis_config(request.app.state.config, date, max_words)
    try:
        report = await work.analyze(request, collected, config)
    except work.NoArticles as exc:
        return work.no_articles_response(exc, html=False)
    return work.rendered(report, format)


@router.get("/demo", response_model=EventReport,
            responses={200: {"content": REPORT_CONTENT}, 503: ERROR_RESPONSES[503]},
            summary="The report of the bundled demo event")
async def demo(request: Request, format: FormatQuery = "json") -> Response:
    return work.rendered(await demo_report(request), format)


async def demo_report(request: Request) -> EventReport:
    """Analysed once per server (in the pool), then served from memory."""
    state = request.app.state
    if state.demo is None:
        demo_dir = str(resources.files("newsfuse") / "demo")
        outcome = await state.pool.run(jobs.analyze_articles, [demo_dir], state.config,
                                       state.settings.max_article_chars)
        state.demo = outcome.report
    return state.demo


class EventItem(BaseModel):
    """One event of the store as listed."""

    id: str
    title: str
    size: int = Field(description="Articles in the event")
    outlets: list[str]
    first_date: dt.date | None
    last_date: dt.date | None
    conflicts: int | None = Field(description="Conflicting figures; null until first reported")
    snippets: list[str] = Field(default_factory=list,
                                description="Matching text of a search, matches in <<...>>")


class EventList(BaseModel):
    total: int
    page: int
    pages: int
    events: list[EventItem]


class AddResult(BaseModel):
    """What adding articles did: stored ids (new or already there), their events, skipped items."""

    stored: list[str]
    created: list[str] = Field(description="Ids stored for the first time")
    events: dict[str, str] = Field(description="Article id -> event id")
    errors: list[InputError]


class PassageOut(BaseModel):
    article_id: str
    title: str | None
    outlet: str | None
    passage: str | None = Field(description="The cited sentence in the article, or null")
    exact: bool


class StoredArticle(BaseModel):
    """A stored article: cleaned text, what cleaning removed and why, its event."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    body: str
    removed: list[RemovedBlock]
    event_id: str | None


@router.get("/events", response_model=EventList, responses={422: ERROR_RESPONSES[422]},
            summary="List or search stored events, newest first")
async def events(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                 outlet: Annotated[str, Query(max_length=200)] = "",
                 since: IsoDate | None = None, until: IsoDate | None = None,
                 page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> EventList:
    query = catalog.EventQuery(text=q, outlet=outlet, since=since, until=until, page=page)
    listing = await run_in_threadpool(catalog.list_events, work.store_of(request), query)
    items = [EventItem(id=e.summary.id, title=e.summary.title, size=e.summary.size,
                       outlets=e.summary.outlets, first_date=e.summary.first_date,
                       last_date=e.summary.last_date, conflicts=e.summary.conflicts,
                       snippets=[_plain_snippet(s) for s in e.snippets])
             for e in listing.events]
    return EventList(total=listing.total, page=listing.page, pages=listing.pages, events=items)


@router.get("/events/{event_id}/report", response_model=EventReport,
            responses={200: {"content": REPORT_CONTENT},
                       **{k: ERROR_RESPONSES[k] for k in (404, 422, 503)}},
            summary="The report of a stored event (made again first when stale)")
async def event_report(request: Request, event_id: str, format: FormatQuery = "json") -> Response:
    try:
        report, _row, _stale = await work.stored_report(request, event_id, current=True)
    except work.UnknownEvent:
        return error_response(404, f"no event {event_id!r} in the store")
    response = work.rendered(report, format)
    extension = {"json": "json", "md": "md", "html": "html"}[format]
    response.headers["content-disposition"] = (
        f'inline; filename="newsfuse-{quote(event_id, safe="")}.{extension}"')
    return response


@router.post("/articles", response_model=AddResult, openapi_extra=ARTICLES_BODY,
             responses=ERROR_RESPONSES, summary="Store articles and place them into events")
async def add_articles(request: Request, date: DateQuery = None) -> Response:
    collected = await work.collect(request)
    config = work.analysis_config(request.app.state.config, date, None)
    try:
        outcome = await work.add_articles(request, collected, config)
    except work.NoArticles as exc:
        return work.no_articles_response(exc, html=False)
    result = AddResult(stored=outcome.stored, created=outcome.created, events=outcome.events,
                       errors=outcome.errors)
    return JSONResponse(result.model_dump(mode="json"))


@router.get("/articles/{article_id:path}/passage", response_model=PassageOut,
            responses={404: ERROR_RESPONSES[404]},
            summary="The sentence of an article that a citation points to")
async def passage(request: Request, article_id: str,
                  cite: Annotated[str, Query(max_length=2000)] = "") -> Response:
    row = await run_in_threadpool(work.store_of(request).article_row, article_id)
    if row is None:
        return error_response(404, f"no article {article_id!r} in the store")
    article = to_article(row)
    found = find_passage(article, cite)
    out = PassageOut(article_id=article.id, title=article.title,
                     outlet=outlet_name(article.source, article.url),
                     passage=article.body[found.start:found.end] if found else None,
                     exact=bool(found and found.exact))
    return JSONResponse(out.model_dump(mode="json"))


@router.get("/articles/{article_id:path}", response_model=StoredArticle,
            responses={404: ERROR_RESPONSES[404]}, summary="A stored article, cleaned")
async def stored_article(request: Request, article_id: str) -> Response:
    row = await run_in_threadpool(work.store_of(request).article_row, article_id)
    if row is None:
        return error_response(404, f"no article {article_id!r} in the store")
    article = to_article(row)
    out = StoredArticle(id=article.id, title=article.title, source=article.source,
                        url=article.url, published=article.published, body=article.body,
                        removed=article.removed, event_id=row.event_id)
    return JSONResponse(out.model_dump(mode="json"))


def _plain_snippet(snippet: str) -> str:
    return snippet.replace(MARK_START, "<<").replace(MARK_END, ">>")


@router.get("/schema", summary="JSON Schema of the report", response_model=dict)
def schema() -> JSONResponse:
    return JSONResponse(EventReport.model_json_schema())


def customise_openapi(app: FastAPI) -> None:
    """Add the request and error models the routes reference by hand to the components."""

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version, description=app.description,
                           routes=app.routes)
        components = spec.setdefault("components", {}).setdefault("schemas", {})
        for model in (ArticlesRequest, ErrorBody, EventReport):
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(schema.pop("$defs", {}))
            components[model.__name__] = schema
        # FastAPI's own 422 models are replaced by ErrorBody everywhere.
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        for path in spec["paths"].values():
            for operation in path.values():
                responses = operation.get("responses", {})
                if "422" in responses:
                    responses["422"] = {"description": ERROR_RESPONSES[422]["description"],
                                        "content": {"application/json": {"schema": {
                                            "$ref": "#/components/schemas/ErrorBody"}}}}
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
