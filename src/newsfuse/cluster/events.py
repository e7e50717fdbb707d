"""Batch event clustering: average-link agglomeration inside blocks of candidate pairs.

1. Candidate pairs come from `blocking` (near-linear); each is scored with the one similarity
   of `features`.
2. Pairs at or above `same_event_similarity` link articles into blocks (connected
   components). Average-link clusters never cross blocks: two clusters whose average
   similarity reaches the threshold have at least one pair that reaches it.
3. Inside each block every pair is scored and average-link agglomeration is cut at the
   threshold. Blocks are small (events), so the dense work stays near-linear overall.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from threadpoolctl import threadpool_limits

from newsfuse.cluster.blocking import candidate_pairs
from newsfuse.cluster.features import (
    Representation,
    article_signals,
    choose_encoder,
    represent,
    similarity_block,
    similarity_pairs,
)
from newsfuse.cluster.language import detect_language
from newsfuse.config import ClusterConfig
from newsfuse.dedup import near_duplicate_groups
from newsfuse.model import Article

# A block larger than this is split by raising its linking threshold in steps of BLOCK_STEP
# before the dense average-link: 2,000 articles is 2M pairs, about 30 MB and a second.
MAX_BLOCK = 2000
BLOCK_STEP = 0.02
# A split of a cluster into two events needs at least this many articles on each side: two
# or fewer articles are too few to tell a second event from a loosely written report.
MIN_SPLIT_PART = 3
# Words of the generated event title.
TITLE_WORDS = 14

Progress = Callable[[str], None]


class EventInfo(BaseModel):
    """One event as listed by `newsfuse events`."""

    id: str
    title: str
    size: int
    stories: int = Field(description="Independent stories: near-duplicate copies count once")
    sources: list[str]
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    article_ids: list[str]
    conflicts: int | None = None


@dataclass
class Clustering:
    """Cluster label per article (labels are 0.. in order of first appearance)."""

    ids: list[str]
    labels: np.ndarray
    representation: Representation

    def groups(self) -> list[list[str]]:
        groups: dict[int, list[str]] = {}
        for article_id, label in zip(self.ids, self.labels, strict=True):
            groups.setdefault(int(label), []).append(article_id)
        return list(groups.values())


def cluster_articles(articles: Sequence[Article], config: ClusterConfig | None = None,
                     embeddings: Sequence[np.ndarray | None] | None = None,
                     encoder: str | None = None, progress: Progress | None = None) -> Clustering:
    """Group articles into events. `embeddings` (aligned with articles) skip re-embedding."""
    config = config or ClusterConfig()
    step = progress or (lambda _message: None)
    if encoder is None:
        encoder = choose_encoder([detect_language(a.body or a.raw) for a in articles], config)
    step(f"embedding {len(articles)} articles ({encoder})")
    signals = article_signals(articles, encoder, embeddings)
    rep = represent([a.id for a in articles], signals, encoder)
    step("clustering")
    return Clustering(ids=rep.ids, labels=cluster_representation(rep, config),
                      representation=rep)


def single_threaded_blas():
    """Context: BLAS on one thread. Clustering does thousands of small products, which BLAS
    threads slow down (2.5x on the ECB+ stream on 2 cores) instead of speeding up."""
    return threadpool_limits(limits=1, user_api="blas")


def cluster_representation(rep: Representation, config: ClusterConfig) -> np.ndarray:
    """Event label per row of `rep`."""
    with single_threaded_blas():
        return _cluster_representation(rep, config)


def _cluster_representation(rep: Representation, config: ClusterConfig) -> np.ndarray:
    n = len(rep)
    labels = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return labels
    rows, cols = candidate_pairs(rep)
    scores = similarity_pairs(rep, rows, cols, config)
    linked = scores >= config.same_event_similarity
    next_label = 0
    for block in _blocks(n, rows[linked], cols[linked], scores[linked],
                         config.same_event_similarity):
        for members in _average_link(rep, block, config):
            labels[members] = next_label
            next_label += 1
    return _relabel_by_first_appearance(labels)


def _blocks(n: int, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray,
            threshold: float) -> list[np.ndarray]:
    graph = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    count, component = connected_components(graph, directed=False)
    order = np.argsort(component, kind="stable")
    bounds = np.searchsorted(component[order], np.arange(count + 1))
    blocks = []
    for k in range(count):
        members = order[bounds[k]:bounds[k + 1]]
        if len(members) <= MAX_BLOCK:
            blocks.append(members)
            continue
        blocks.extend(_split_block(members, rows, cols, scores, threshold + BLOCK_STEP))
    return blocks


def _split_block(members: np.ndarray, rows, cols, scores, threshold: float) -> list[np.ndarray]:
    # Chaining made one huge component: keep only its stronger links and look again.
    inside = np.isin(rows, members) & np.isin(cols, members) & (scores >= threshold)
    local = {m: i for i, m in enumerate(members)}
    sub_rows = np.array([local[r] for r in rows[inside]], dtype=np.int64)
    sub_cols = np.array([local[c] for c in cols[inside]], dtype=np.int64)
    blocks = _blocks(len(members), sub_rows, sub_cols, scores[inside], threshold)
    return [members[b] for b in blocks]


def _average_link(rep: Representation, members: np.ndarray,
                  config: ClusterConfig) -> list[np.ndarray]:
    if len(members) == 1:
        return [members]
    similarity = similarity_block(rep, members, members, config)
    distance = np.clip(1.0 - similarity, 0.0, None)
    distance = (distance + distance.T) / 2
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    flat = fcluster(tree, t=1.0 - config.same_event_similarity + 1e-9, criterion="distance")
    clusters = []
    for label in np.unique(flat):
        inside = np.flatnonzero(flat == label)
        clusters.extend(members[inside[part]] for part in split_two_events(similarity[np.ix_(
            inside, inside)], config))
    return clusters


def split_two_events(similarity: np.ndarray, config: ClusterConfig) -> list[np.ndarray]:
    """Split a cluster (recursively) while it holds two tight groups that are only loosely
    linked: two similar but distinct events (two DUI arrests of players of one team).

    The cluster's top average-link split into A and B is kept when the mean similarity between
    A and B is below `split_ratio` x the lower of their internal mean similarities, and both
    hold at least MIN_SPLIT_PART articles. Returns row-index arrays into `similarity`.
    """
    pending, done = [np.arange(len(similarity))], []
    while pending:
        rows = pending.pop()
        parts = _top_split(similarity[np.ix_(rows, rows)]) if len(rows) >= 2 * MIN_SPLIT_PART \
            else None
        if parts is None or not _loosely_linked(similarity, rows[parts[0]], rows[parts[1]],
                                                config.split_ratio):
            done.append(rows)
            continue
        pending.extend([rows[parts[0]], rows[parts[1]]])
    return done


def _top_split(similarity: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    distance = np.clip(1.0 - similarity, 0.0, None)
    distance = (distance + distance.T) / 2
    np.fill_diagonal(distance, 0.0)
    halves = fcluster(linkage(squareform(distance, checks=False), method="average"), 2,
                      criterion="maxclust")
    first, second = np.flatnonzero(halves == 1), np.flatnonzero(halves == 2)
    if min(len(first), len(second)) < MIN_SPLIT_PART:
        return None
    return first, second


def _loosely_linked(similarity: np.ndarray, first: np.ndarray, second: np.ndarray,
                    ratio: float) -> bool:
    between = similarity[np.ix_(first, second)].mean()
    return between < ratio * min(_cohesion(similarity, first), _cohesion(similarity, second))


def _cohesion(similarity: np.ndarray, rows: np.ndarray) -> float:
    block = similarity[np.ix_(rows, rows)]
    return float((block.sum() - np.trace(block)) / (len(rows) * (len(rows) - 1)))


def _relabel_by_first_appearance(labels: np.ndarray) -> np.ndarray:
    mapping: dict[int, int] = {}
    out = np.empty_like(labels)
    for i, label in enumerate(labels):
        out[i] = mapping.setdefault(int(label), len(mapping))
    return out


# --------------------------------------------------------------------------- describing events


def describe_event(event_id: str, articles: Sequence[Article],
                   rep: Representation | None = None, rows: np.ndarray | None = None,
                   config: ClusterConfig | None = None) -> EventInfo:
    """Title, size, sources and date range of one event's articles."""
    config = config or ClusterConfig()
    dates = [a.published for a in articles if a.published]
    sources = sorted({a.source or a.id for a in articles})
    return EventInfo(
        id=event_id,
        title=event_title(articles, rep, rows, config),
        size=len(articles),
        stories=len(set(near_duplicate_groups(articles, config).values())),
        sources=sources,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        article_ids=[a.id for a in articles],
    )


def event_title(articles: Sequence[Article], rep: Representation | None = None,
                rows: np.ndarray | None = None, config: ClusterConfig | None = None) -> str:
    """The headline of the most central article (English preferred), shortened."""
    central = _central_order(articles, rep, rows, config or ClusterConfig())
    english = [i for i in central if detect_language(_headline(articles[i])) == "en"]
    best = articles[(english or central)[0]]
    return shorten(_headline(best), TITLE_WORDS)


def _central_order(articles, rep, rows, config) -> list[int]:
    if rep is None or rows is None or len(articles) < 3:
        # Few articles: the longest body usually carries the fullest headline.
        return sorted(range(len(articles)), key=lambda i: -len(articles[i].body or ""))
    centrality = similarity_block(rep, rows, rows, config).sum(axis=1)
    return [int(i) for i in np.argsort(-centrality, kind="stable")]


def _headline(article: Article) -> str:
    if article.title:
        return article.title
    body = (article.body or article.raw).strip()
    first_line = body.split("\n", 1)[0]
    return re.split(r"(?<=[.!?])\s", first_line, maxsplit=1)[0]


def shorten(text: str, words: int) -> str:
    tokens = text.split()
    return " ".join(tokens) if len(tokens) <= words else " ".join(tokens[:words]) + " …"
