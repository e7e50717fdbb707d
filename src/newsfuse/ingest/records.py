"""JSON and JSONL records: {id, title, text | html, url, source, published}."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from newsfuse.ingest.sniff import UnreadableInput
from newsfuse.ingest.text import parse_text
from newsfuse.model import Article


def parse_json(name: str, text: str) -> Iterator[Article]:
    data = _loads(text)
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, 1):
        yield record_to_article(item, f"{name}#{number}")


def parse_jsonl_line(line: str, fallback_id: str) -> Article:
    return record_to_article(_loads(line), fallback_id)


def _loads(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"invalid JSON ({exc.msg} at line {exc.lineno} column "
                              f"{exc.colno})") from exc
    except RecursionError as exc:  # ~1,000 nested arrays/objects exhaust the decoder's stack
        raise UnreadableInput("JSON nested too deeply to read (an article record needs 3 "
                              "levels)") from exc


def record_to_article(item: object, fallback_id: str) -> Article:
    if not isinstance(item, dict):
        raise UnreadableInput("record is not a JSON object")
    article_id = str(item.get("id") or item.get("doc_id") or fallback_id)
    fields = {
        "title": _text_or_none(item.get("title")),
        "source": _text_or_none(item.get("source") or item.get("outlet")),
        "url": _text_or_none(item.get("url")),
        "published": parse_date(item.get("published") or item.get("date")),
    }
    html = item.get("html")
    text = item.get("text") or item.get("body")
    if isinstance(html, str) and html.strip():
        return Article(id=article_id, raw=html, format="html", **fields)
    if isinstance(text, str) and text.strip():
        title = fields.pop("title")
        if title:
            return Article(id=article_id, title=title, raw=text.strip(), format="json", **fields)
        return parse_text(article_id, text, **fields).model_copy(update={"format": "json"})
    raise UnreadableInput("record has no 'text' or 'html'")


def parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def _text_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
