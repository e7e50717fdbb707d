"""Jinja filters and globals of the web app's templates (all output escaped by Jinja)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from newsfuse.render.common import format_claim, format_date, format_value, humanize_measure
from newsfuse.render.html_render import safe_url
from newsfuse.service.catalog import marked
from newsfuse.store import outlet_name


def query(base: str, **params: object) -> str:
    """`base?k=v` with empty values dropped (links of paging and filters)."""
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return f"{base}?{urlencode(kept, doseq=True)}" if kept else base


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def day(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "undated"
    return value.strftime("%-d %b %Y")


def outlet(article) -> str | None:
    return outlet_name(article.source, article.url)


FILTERS = {
    "outlet": outlet,
    "value": format_value, "claim": format_claim, "date": format_date,
    "measure": humanize_measure, "safe_url": safe_url, "day": day,
}
GLOBALS = {"query": query, "plural": plural, "marked": marked}
