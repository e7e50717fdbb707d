"""RSS 2.0 and Atom feeds: one article per item, its content treated as HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from newsfuse.ingest.records import parse_date
from newsfuse.ingest.sniff import UnreadableInput
from newsfuse.model import Article

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def parse_feed(name: str, text: str) -> Iterator[Article]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        raise UnreadableInput(f"invalid feed XML ({exc})") from exc
    channel_title = _first_text(root, ["channel/title", f"{_ATOM}title"])
    items = root.findall(".//item") + root.findall(f".//{_ATOM}entry")
    if not items:
        raise UnreadableInput("feed has no items")
    for number, item in enumerate(items, 1):
        yield _item_to_article(item, f"{name}#{number}", channel_title)


def _item_to_article(item: ET.Element, fallback_id: str, outlet: str | None) -> Article:
    link = _first_text(item, ["link"]) or _atom_link(item)
    content = _first_text(item, [_CONTENT, f"{_ATOM}content", "description", f"{_ATOM}summary"])
    title = _first_text(item, ["title", f"{_ATOM}title"])
    date_text = _first_text(item, ["pubDate", f"{_ATOM}published", f"{_ATOM}updated"])
    article_id = _first_text(item, ["guid", f"{_ATOM}id"]) or link or fallback_id
    return Article(id=article_id, title=title, source=outlet, url=link,
                   published=_feed_date(date_text), raw=content or "", format="html")


def _feed_date(value: str | None):
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return parse_date(value)


def _first_text(node: ET.Element, paths: list[str]) -> str | None:
    for path in paths:
        found = node.find(path)
        if found is not None and found.text and found.text.strip():
            return found.text.strip()
    return None


def _atom_link(item: ET.Element) -> str | None:
    for link in item.findall(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None
