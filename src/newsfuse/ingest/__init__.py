"""Read articles from files, folders, stdin JSONL, feeds and explicitly given URLs.

Bad items never stop a batch: each becomes an `InputError` naming the item.
"""

from __future__ import annotations

import sys
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.config import IngestConfig
from newsfuse.ingest.feeds import parse_feed
from newsfuse.ingest.records import parse_json, parse_jsonl_line
from newsfuse.ingest.sniff import (
    UnreadableInput,
    decode,
    detect_format,
    is_newsfuse_report,
    looks_like_trec,
    maybe_gunzip,
    stray_nul_bytes,
)
from newsfuse.ingest.text import parse_text
from newsfuse.ingest.trec import parse_trec
from newsfuse.model import Article, InputError, RemovedBlock

__all__ = ["IngestResult", "read", "read_bytes", "UnreadableInput"]

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson",
                    ".rss", ".atom", ".xml", ".sgml", ".sgm", ".gz", ""}
# How much of a file with another suffix is read to recognise a TREC/SGML newswire file, which
# collections name after the document ("APW19981016.0240", "NYT19980601.0001").
SNIFF_BYTES = 4096


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read(items: Iterable[str | Path | Article], config: IngestConfig | None = None) -> IngestResult:
    """Read every item; ids are made unique so that citations stay unambiguous."""
    config = config or IngestConfig()
    result = IngestResult()
    for item in items:
        for outcome in _read_item(item, config):
            target = result.errors if isinstance(outcome, InputError) else result.articles
            target.append(outcome)
    _make_ids_unique(result.articles)
    for article in result.articles:
        if article.published is None and config.default_date is not None:
            article.published = config.default_date
    return result


def read_bytes(name: str, data: bytes, config: IngestConfig | None = None) -> IngestResult:
    """Read one uploaded or fetched item given as bytes (used by the HTTP service)."""
    config = config or IngestConfig()
    result = IngestResult()
    for outcome in _guarded(name, lambda: _parse_bytes(name, data, config)):
        target = result.errors if isinstance(outcome, InputError) else result.articles
        target.append(outcome)
    _make_ids_unique(result.articles)
    return result


def _read_item(item: str | Path | Article, config: IngestConfig) -> Iterator[Article | InputError]:
    if isinstance(item, Article):
        yield item
        return
    name = str(item)
    if name == "-":
        yield from _read_jsonl_lines("<stdin>", sys.stdin.read().splitlines())
    elif name.startswith(("http://", "https://")):
        yield from _guarded(name, lambda: _parse_bytes(name, _fetch(name, config), config))
    elif Path(name).is_dir():
        for path in sorted(Path(name).rglob("*")):
            if path.is_file() and not path.name.startswith(".") and _is_article_file(path):
                yield from _guarded(str(path), lambda p=path: _read_file(p, config))
    else:
        yield from _guarded(name, lambda: _read_file(Path(name), config))


def _is_article_file(path: Path) -> bool:
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return True  # let the reader report it, naming the file
    return looks_like_trec(head.decode("latin-1"))


def _guarded(name: str, produce) -> Iterator[Article | InputError]:
    try:
        yield from produce()
    except UnreadableInput as exc:
        yield InputError(item=name, message=str(exc))
    except OSError as exc:
        yield InputError(item=name, message=exc.strerror or str(exc))


def _read_file(path: Path, config: IngestConfig) -> Iterator[Article | InputError]:
    if not path.exists():
        raise UnreadableInput("no such file or directory")
    size = path.stat().st_size
    if size > config.max_bytes:
        raise UnreadableInput(f"file too large ({size:,} bytes; limit {config.max_bytes:,})")
    yield from _parse_bytes(str(path), path.read_bytes(), config)


def _fetch(url: str, config: IngestConfig) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "newsfuse/0.1"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (user-given URL)
        data = response.read(config.max_bytes + 1)
    if len(data) > config.max_bytes:
        raise UnreadableInput(f"download larger than {config.max_bytes:,} bytes")
    return data


def _parse_bytes(name: str, data: bytes, config: IngestConfig) -> Iterator[Article | InputError]:
    data = maybe_gunzip(data)
    if len(data) > config.max_bytes:
        raise UnreadableInput(
            f"content too large ({len(data):,} bytes; limit {config.max_bytes:,})")
    text, encoding = decode(data)
    if is_newsfuse_report(text):
        raise UnreadableInput("a newsfuse report (an earlier run's output), not an article")
    dropped_nuls = stray_nul_bytes(data)
    kind = detect_format(name, text)
    stem = _stem(name)
    if kind == "jsonl":
        yield from _read_jsonl_lines(name, text.splitlines())
        return
    if kind == "json":
        for outcome in parse_json(stem, text, name):
            if isinstance(outcome, Article):
                outcome.encoding, outcome.path = encoding, name
            yield outcome
        return
    if kind == "trec":
        articles = list(parse_trec(stem, text))
    elif kind == "feed":
        articles = list(parse_feed(stem, text))
    elif kind == "html":
        articles = [Article(id=stem, raw=text, format="html")]
    else:
        articles = [parse_text(stem, text)]
    for article in articles:
        article.encoding = encoding
        article.path = name
        if dropped_nuls:
            article.removed = [RemovedBlock(text=f"{dropped_nuls} NUL byte(s) in the file",
                                            reason="control-characters")]
        yield article


def _read_jsonl_lines(name: str, lines: list[str]) -> Iterator[Article | InputError]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        item = f"{name} line {number}"
        yield from _guarded(item, lambda li=line, it=item: iter(parse_jsonl_line(li, it)))


def _stem(name: str) -> str:
    if name.startswith(("http://", "https://")):
        return name
    base = Path(name).name
    for suffix in (".gz", ".html", ".htm", ".txt", ".text", ".json", ".xml", ".rss", ".atom"):
        base = base.removesuffix(suffix)
    return base


def _make_ids_unique(articles: list[Article]) -> None:
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            article.id = f"{article.id}~{count + 1}"
