"""Readers for the summarization evaluation sets in ../shared/data (read-only, never copied).

Each reader yields `Cluster`s whose articles are `newsfuse.model.Article`s with `raw` filled,
so the benchmark feeds the data through the same clean -> segment -> summarize path as the
product. The data is read as distributed: DUC 2004 files go through the product's own reader
(`newsfuse.ingest.read`, TREC/SGML format), and nothing is cleaned or unwrapped here that the
product does not do itself. A missing folder raises `DataMissing` with the path, so callers can
skip cleanly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.ingest import read
from newsfuse.model import Article

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"

class DataMissing(FileNotFoundError):
    """The data set is not next to the project; benchmarks skip it with this message."""


@dataclass
class Cluster:
    id: str
    articles: list[Article]
    references: list[str]
    # Published systems' summaries of this cluster (DUC 2004 only): system name -> text.
    peers: dict[str, str] = field(default_factory=dict)
    # Input items the product's reader could not read ("item: message").
    errors: list[str] = field(default_factory=list)


def duc2004(root: Path | None = None, unwrapped: bool = False) -> list[Cluster]:
    """DUC 2004 task 2: 25 clusters of 10 newswire docs, 4 human references, 13 peer systems.

    The folders are read as a user would give them, with `newsfuse.ingest.read`.
    `unwrapped=True` is a comparison condition only (the text as if it had come unwrapped: each
    document's text one paragraph, whitespace collapsed), never the product path.
    """
    root = (root or DATA_DIR) / "duc2004"
    if not (root / "docs").is_dir():
        raise DataMissing(f"DUC 2004 not found at {root}")
    clusters = []
    for doc_dir in sorted((root / "docs").iterdir()):
        cluster_id = doc_dir.name.rstrip("t")
        result = read([doc_dir])
        articles = sorted(result.articles, key=lambda a: (a.published or dt.date.min, a.id))
        if unwrapped:
            articles = [a.model_copy(update={"raw": " ".join(a.raw.split())}) for a in articles]
        clusters.append(Cluster(
            id=cluster_id,
            articles=articles,
            errors=[f"{e.item}: {e.message}" for e in result.errors],
            references=_read_prefixed(root / "models", f"{cluster_id}.m.100.t."),
            peers={path.name.split(".", 1)[1]: path.read_text(encoding="latin-1")
                   for path in sorted((root / "peers").glob(f"{cluster_id}.*"))},
        ))
    return clusters


def multinews(root: Path | None = None, limit: int | None = None,
              name: str = "dev.jsonl") -> list[Cluster]:
    """Multi-News dev: 2-10 truncated source articles per cluster, one human summary
    (`name="fullweb_dev.jsonl"`: the full web pages as crawled, 80 clusters)."""
    path = (root or DATA_DIR) / "multinews" / name
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


def _read_prefixed(folder: Path, prefix: str) -> list[str]:
    return [path.read_text(encoding="latin-1") for path in sorted(folder.glob(prefix + "*"))]
