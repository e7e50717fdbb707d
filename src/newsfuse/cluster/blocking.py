"""Candidate pairs without comparing every article to every other one.

Two cheap sources of candidates, each near-linear in the number of articles:

* a random-projection forest over the centred embeddings (as in Annoy): articles that share a
  leaf in any tree are candidates; this finds paraphrases and cross-language reports;
* an inverted index over each article's strongest words and names: articles that share a rare,
  heavily weighted term are candidates; terms carried by too many articles are skipped.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from newsfuse.cluster.features import Representation

# Trees and leaf size: with 10 trees of leaves <= 40, an article meets up to ~400 others,
# enough to find its event-mates (gold same-event pairs found: ECB+ 0.998, MMDS2025 0.977,
# mostly cross-language pairs missed; benchmarks/results/clustering.md) while 10,000
# articles give only a few million pairs.
FOREST_TREES = 10
LEAF_SIZE = 40
# Strongest terms per article indexed, and the largest posting list still used: a term in
# more than 50 articles no longer singles out one event.
TOP_TERMS = 12
MAX_POSTINGS = 50
SEED = 13


def candidate_pairs(rep: Representation) -> tuple[np.ndarray, np.ndarray]:
    """Unique pairs (i < j) worth scoring, as two index arrays."""
    n = len(rep)
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    keys = [forest_pairs(rep.vectors), term_pairs(rep.words), term_pairs(rep.names)]
    merged = np.unique(np.concatenate(keys))
    return merged // n, merged % n


def forest_pairs(vectors: np.ndarray, trees: int = FOREST_TREES, leaf: int = LEAF_SIZE,
                 seed: int = SEED) -> np.ndarray:
    """Pair keys i * n + j (i < j) of articles sharing a leaf in any random-projection tree."""
    n = len(vectors)
    rng = np.random.default_rng(seed)
    keys = []
    for _ in range(trees):
        for members in _leaves(vectors, np.arange(n), leaf, rng):
            keys.append(_pair_keys(members, n))
    return np.concatenate(keys) if keys else np.zeros(0, np.int64)


def _leaves(vectors: np.ndarray, members: np.ndarray, leaf: int, rng: np.random.Generator):
    stack = [members]
    while stack:
        current = stack.pop()
        if len(current) <= leaf:
            yield current
            continue
        # Split at the median of a random direction: balanced trees, depth log2(n / leaf).
        direction = rng.standard_normal(vectors.shape[1]).astype(np.float32)
        projection = vectors[current] @ direction
        order = np.argsort(projection, kind="stable")
        half = len(current) // 2
        stack.extend([current[order[:half]], current[order[half:]]])


def term_pairs(weights: sparse.csr_matrix, top: int = TOP_TERMS,
               max_postings: int = MAX_POSTINGS) -> np.ndarray:
    """Pair keys of articles sharing one of their `top` strongest, not too common, terms."""
    n = weights.shape[0]
    postings: dict[int, list[int]] = {}
    for row in range(n):
        start, end = weights.indptr[row], weights.indptr[row + 1]
        terms, values = weights.indices[start:end], weights.data[start:end]
        strongest = terms[np.argsort(-values, kind="stable")[:top]]
        for term in strongest:
            postings.setdefault(int(term), []).append(row)
    keys = [_pair_keys(np.asarray(rows), n) for rows in postings.values()
            if 1 < len(rows) <= max_postings]
    return np.concatenate(keys) if keys else np.zeros(0, np.int64)


def _pair_keys(members: np.ndarray, n: int) -> np.ndarray:
    members = np.sort(members)
    first, second = np.triu_indices(len(members), k=1)
    return members[first].astype(np.int64) * n + members[second]
