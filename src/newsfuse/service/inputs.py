"""Turn a request (JSON records, uploaded files, pasted text, URLs) into articles and item errors.

Limits are applied while reading: decompressed size, JSON nesting, article count. A record that
cannot be read is an item error; the other records go on.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import FormData, UploadFile

from newsfuse.ingest import read_bytes
from newsfuse.ingest.records import record_to_article
from newsfuse.ingest.text import parse_text
from newsfuse.model import Article, InputError
from newsfuse.service import fetching
from newsfuse.service.limits import (
    LimitExceeded,
    check_article_count,
    check_json_depth,
    gunzip_capped,
    looks_like_json,
    parse_json_body,
)
from newsfuse.service.settings import ServiceSettings

PASTE_SEPARATOR = re.compile(r"^\s*---\s*$", re.MULTILINE)


class ArticleRecord(BaseModel):
    """One article as JSON: `text` or `html` is required; other keys are ignored."""

    model_config = ConfigDict(extra="allow")
    id: str | None = None
    title: str | None = None
    text: str | None = Field(None, description="Plain text (first line may be the headline)")
    html: str | None = Field(None, description="A whole page; boilerplate is removed")
    url: str | None = None
    source: str | None = Field(None, description="Outlet name")
    published: str | None = Field(None, description="Publication date, ISO 8601 preferred")


class ArticlesRequest(BaseModel):
    """JSON body of /api/analyze and /api/articles: at least one article or URL."""

    # A request with nothing in it is answered 422 ("nothing was sent"); the schema says so.
    model_config = ConfigDict(json_schema_extra={"anyOf": [
        {"required": ["articles"], "properties": {"articles": {"minItems": 1}}},
        {"required": ["urls"], "properties": {"urls": {"minItems": 1}}},
    ]})

    articles: list[ArticleRecord] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list, description=(
        "Pages to fetch on the server; refused unless the server runs with --fetch-urls, "
        "and never to private, loopback or link-local addresses"))


@dataclass
class Collected:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def from_json(body: bytes, settings: ServiceSettings) -> tuple[Collected, list[str]]:
    """Articles of a JSON body; the URLs to fetch are returned for the caller to fetch."""
    payload = parse_json_body(body, settings.max_json_depth)
    records = payload.get("articles", []) if isinstance(payload, dict) else None
    urls = payload.get("urls", []) if isinstance(payload, dict) else None
    if not isinstance(records, list) or not isinstance(urls, list):
        raise LimitExceeded("the JSON body needs an 'articles' list (and optionally 'urls')",
                            status=400)
    check_article_count(len(records) + len(urls), settings.max_articles)
    collected = Collected()
    for number, record in enumerate(records):
        try:
            collected.articles.append(record_to_article(record, f"article-{number + 1}"))
        except Exception as exc:  # any malformed record is that record's error, never a 500
            collected.errors.append(InputError(item=f"articles[{number}]",
                                               message=_message(exc)))
    return collected, [str(u) for u in urls]


async def fetch_urls(urls: list[str], settings: ServiceSettings, into: Collected) -> None:
    """Fetch and read each URL (when enabled); every refusal is an item error."""
    if urls and len(urls) > fetching.MAX_URLS:
        raise LimitExceeded(f"{len(urls)} URLs in one request; the limit is {fetching.MAX_URLS}")
    for number, url in enumerate(urls):
        item = f"urls[{number}]"
        if not settings.fetch_urls:
            into.errors.append(InputError(item=item, message=(
                "this server does not fetch URLs (start it with --fetch-urls); "
                "send the article text instead")))
            continue
        try:
            data = await asyncio.to_thread(fetching.fetch, url, settings.max_body_bytes)
        except (fetching.FetchRefused, LimitExceeded) as exc:
            into.errors.append(InputError(item=item, message=str(exc)))
            continue
        _read_upload(url, data, settings, settings.max_decompressed_bytes, into)


async def from_form(form: FormData, settings: ServiceSettings) -> Collected:
    """Uploaded files and pasted text of a multipart or urlencoded form."""
    collected = Collected()
    budget = settings.max_decompressed_bytes
    for upload in form.getlist("files"):
        if not isinstance(upload, UploadFile):
            continue
        data = await upload.read()
        if not data and not upload.filename:
            continue  # the empty file input of a form sent without files
        budget -= _read_upload(upload.filename or "upload", data, settings, budget, collected)
    pasted = form.get("pasted")
    if isinstance(pasted, str) and pasted.strip():
        source = form.get("source")
        collected.articles += pasted_articles(pasted, source if isinstance(source, str) else None)
    check_article_count(len(collected.articles), settings.max_articles)
    return collected


def _read_upload(name: str, data: bytes, settings: ServiceSettings, budget: int,
                 into: Collected) -> int:
    """Read one file into `into`; returns its decompressed size (counted against the budget)."""
    data = gunzip_capped(data, max(0, budget))
    if looks_like_json(name, data):
        try:
            check_json_depth(data, settings.max_json_depth, what=name)
        except LimitExceeded as exc:
            into.errors.append(InputError(item=name, message=str(exc)))
            return len(data)
    try:
        result = read_bytes(name, data)
    except Exception as exc:  # a parser failing on odd input sinks this file only
        into.errors.append(InputError(item=name, message=f"unreadable ({type(exc).__name__})"))
        return len(data)
    into.articles += result.articles
    into.errors += result.errors
    return len(data)


def pasted_articles(text: str, source: str | None = None) -> list[Article]:
    """Articles pasted one after another, separated by a line holding only `---`."""
    chunks = [c.strip() for c in PASTE_SEPARATOR.split(text) if c.strip()]
    articles = []
    for number, chunk in enumerate(chunks, 1):
        article = parse_text(f"pasted-{number}", chunk)
        if source and source.strip():
            article.source = source.strip()[:200]
        articles.append(article)
    return articles


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    return str(exc)
