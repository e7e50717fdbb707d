"""Server-rendered pages. Forms post back here and work without JavaScript."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsfuse.service import views, work
from newsfuse.service.limits import LimitExceeded
from newsfuse.service.security import COOKIE, check_token
from newsfuse.service.settings import MAX_SUMMARY_WORDS, MIN_SUMMARY_WORDS

router = APIRouter(include_in_schema=False)


def page(name: str, status: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(views.render_page(name, **context), status_code=status)


@router.get("/")
def home() -> Response:
    return RedirectResponse("/analyze", status_code=303)


@router.get("/analyze")
def analyze_form() -> HTMLResponse:
    return page("analyze.html.j2", min_words=MIN_SUMMARY_WORDS, max_words=MAX_SUMMARY_WORDS)


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
    return page("login.html.j2", next=_local_path(next), failed=False)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form(max_fields=5)
    token, target = form.get("token"), form.get("next")
    return _log_in(request, token if isinstance(token, str) else "",
                   target if isinstance(target, str) else "/")


def _log_in(request: Request, token: str, next_path: str) -> Response:
    if not check_token(work.settings_of(request), token):
        return page("login.html.j2", status=401, next=_local_path(next_path), failed=True)
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

