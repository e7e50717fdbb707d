"""Readers for the summarization evaluation sets in ../shared/data (read-only, never copied).

Each reader yields `Cluster`s whose articles are `newsfuse.model.Article`s with `raw` filled,
so the benchmark feeds the data through the same clean -> segment -> summarize path as the
product. A missing folder raises `DataMissing` with the path, so callers can skip cleanly.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.model import Article

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
_DOCNO = re.compile(r"<DOCNO>\s*(\S+)\s*</DOCNO>")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DOCNO_DATE = re.compile(r"^([A-Z_]+)(\d{8})")
# TREC newswire marks quotes with LaTeX-style `` and ''; the product sees real quote marks.
_TREC_QUOTES = re.compile(r"``|''")


class DataMissing(FileNotFoundError):
    """The data set is not next to the project; benchmarks skip it with this message."""


@dataclass
class Cluster:
    id: str
    articles: list[Article]
    references: list[str]
    # Published systems' summaries of this cluster (DUC 2004 only): system name -> text.
    peers: dict[str, str] = field(default_factory=dict)


def duc2004(root: Path | None = None) -> list[Cluster]:
    """DUC 2004 task 2: 25 clusters of 10 newswire docs, 4 human references, 13 peer systems."""
    root = (root or DATA_DIR) / "duc2004"
    if not (root / "docs").is_dir():
        raise DataMissing(f"DUC 2004 not found at {root}")
    clusters = []
    for doc_dir in sorted((root / "docs").iterdir()):
        cluster_id = doc_dir.name.rstrip("t")
        articles = [a for path in sorted(doc_dir.iterdir()) for a in _read_trec(path)]
        articles.sort(key=lambda a: (a.published or dt.date.min, a.id))
        clusters.append(Cluster(
            id=cluster_id,
            articles=articles,
            references=_read_prefixed(root / "models", f"{cluster_id}.m.100.t."),
            peers={path.name.split(".", 1)[1]: path.read_text(encoding="latin-1")
                   for path in sorted((root / "peers").glob(f"{cluster_id}.*"))},
        ))
    return clusters


def multinews(root: Path | None = None, limit: int | None = None) -> list[Cluster]:
    """Multi-News dev: 2-10 truncated source articles per cluster, one human summary."""
    path = (root or DATA_DIR) / "multinews" / "dev.jsonl"
    if not path.is_file():
        raise DataMissing(f"Multi-News dev not found at {path}")
    clusters = []
    for row in _jsonl(path):
        articles = [Article(id=f"{row['id']}-{i}", raw=text, path=str(path))
                    for i, text in enumerate(row["documents"]) if text.strip()]
        clusters.append(Cluster(id=row["id"], articles=articles, references=[row["summary"]]))
        if limit is not None and len(clusters) >= limit:
            break
    return clusters


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _read_trec(path: Path) -> list[Article]:
    text = path.read_text(encoding="latin-1")
    articles = []
    for doc in _DOC.findall(text):
        docno = _DOCNO.search(doc)
        body = _TEXT.search(doc)
        if not docno or not body:
            continue
        articles.append(Article(id=docno.group(1), raw=_unwrap(body.group(1)), path=str(path),
                                source=_source(docno.group(1)),
                                published=_date(docno.group(1))))
    return articles


def _unwrap(text: str) -> str:
    """TREC text is hard-wrapped at ~70 columns with no paragraph marks: one paragraph."""
    return " ".join(_TREC_QUOTES.sub('"', text).split())


def _source(docno: str) -> str | None:
    match = _DOCNO_DATE.match(docno)
    return match.group(1) if match else None


def _date(docno: str) -> dt.date | None:
    match = _DOCNO_DATE.match(docno)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match.group(2), "%Y%m%d").date()
    except ValueError:
        return None


def _read_prefixed(folder: Path, prefix: str) -> list[str]:
    return [path.read_text(encoding="latin-1") for path in sorted(folder.glob(prefix + "*"))]
