"""JSON and JSONL records: {id, title, text | html, url, source, published}."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from newsfuse.ingest.sniff import UnreadableInput
from newsfuse.ingest.text import parse_text
from newsfuse.model import Article, InputError


def parse_json(name: str, text: str, where: str | None = None,
               ) -> Iterator[Article | InputError]:
    """The records of a JSON file (`where`: how errors name it): one record, an array of
    them, or the HTTP API's body {"articles": [...]}; a bad record is an error of its own and
    the others are read."""
    data = _loads(text)
    if isinstance(data, dict) and isinstance(data.get("articles"), list) \
            and not any(key in data for key in _BODY_KEYS):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, 1):
        label = f"{where or name} record {number}" if len(items) > 1 else (where or name)
        try:
            yield record_to_article(item, f"{name}#{number}")
        except UnreadableInput as exc:
            yield InputError(item=label, message=str(exc))
            continue
        yield from (InputError(item=label, message=m) for m in record_warnings(item))


def parse_jsonl_line(line: str, fallback_id: str) -> list[Article | InputError]:
    """The article of one JSONL line, and warnings about its fields (named `fallback_id`)."""
    item = _loads(line)
    article = record_to_article(item, fallback_id)
    return [article, *(InputError(item=fallback_id, message=m) for m in record_warnings(item))]


def _loads(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"invalid JSON ({exc.msg}: line {exc.lineno}, column "
                              f"{exc.colno})") from exc
    except RecursionError as exc:  # ~1,000 nested arrays/objects exhaust the decoder's stack
        raise UnreadableInput("JSON nested too deeply to read (an article record needs 3 "
                              "levels)") from exc


# the fields a record's text may come in, in the order a wrong one is named
_BODY_KEYS = ("html", "text", "body")


def _kind(value: object) -> str:
    """What a JSON value is, as a reader would say it."""
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", list: "an array",
            dict: "an object", str: "a string"}.get(type(value), type(value).__name__)


def record_to_article(item: object, fallback_id: str) -> Article:
    if not isinstance(item, dict):
        raise UnreadableInput(f"record is {_kind(item)}, not a JSON object with 'text' or "
                              "'html'")
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
    raise UnreadableInput(_missing_body(item))


def _missing_body(item: dict) -> str:
    """Why a record gives no text: a field of the wrong type, an empty one, or none."""
    for key in _BODY_KEYS:
        if key in item and not isinstance(item[key], str):
            return f"record's '{key}' is {_kind(item[key])}, not a string"
    if any(key in item for key in _BODY_KEYS):
        return "record's text is empty"
    return "record has no 'text' or 'html'"


def record_warnings(item: object) -> list[str]:
    """Fields of a readable record that were left out, each as a warning."""
    if not isinstance(item, dict):
        return []
    value = item.get("published") or item.get("date")
    if value is not None and parse_date(value) is None:
        shown = value if isinstance(value, str) else _kind(value)
        return [f"warning: published date {shown!r} is no date; left unknown"]
    return []


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
