"""Near-duplicates: syndicated and lightly edited copies of one story.

Copies are found with MinHash LSH over word shingles, so the cost grows with the number of
articles, not with the number of pairs. Each group is represented by one article (the earliest
published, then the longest); the report counts a group once as a source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from newsfuse.config import ClusterConfig
from newsfuse.model import Article

# Words per shingle: 5-word shingles keep chance overlaps between different stories on one
# topic near zero while a copy with a changed headline or an added paragraph keeps most of them.
SHINGLE_WORDS = 5
# MinHash permutations: the Jaccard estimate's standard error is about 1/sqrt(128) ~ 0.09.
PERMUTATIONS = 128
# Fixed seed: the same articles always give the same groups.
SEED = 7

_WORD = re.compile(r"\w+", re.UNICODE)


def article_text(article: Article) -> str:
    """The text copies share: cleaned body when present, raw text otherwise, with the title."""
    body = article.body or article.raw
    return f"{article.title or ''}\n{body}"


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping word n-grams of the lower-cased text; short texts give one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    signature = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    for shingle in shingles(text):
        signature.update(shingle.encode("utf-8"))
    return signature


def near_duplicate_groups(articles: Sequence[Article],
                          config: ClusterConfig | None = None) -> dict[str, str]:
    """Article id -> id of the representative of its copy group (itself when it has no copy)."""
    config = config or ClusterConfig()
    signatures = [minhash(article_text(a)) for a in articles]
    pairs = duplicate_pairs([a.id for a in articles], signatures, config.duplicate_jaccard)
    parent = {a.id: a.id for a in articles}
    for first, second in pairs:
        _union(parent, first, second)
    members: dict[str, list[Article]] = {}
    for article in articles:
        members.setdefault(_find(parent, article.id), []).append(article)
    representative: dict[str, str] = {}
    for group in members.values():
        chosen = min(group, key=_representative_order).id
        for article in group:
            representative[article.id] = chosen
    return representative


def duplicate_pairs(ids: Sequence[str], signatures: Sequence[MinHash],
                    threshold: float) -> list[tuple[str, str]]:
    """Pairs whose estimated Jaccard reaches `threshold`; LSH proposes, the estimate decides."""
    index = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    by_id: dict[str, MinHash] = {}
    pairs = []
    for article_id, signature in zip(ids, signatures, strict=True):
        if article_id in by_id or signature.is_empty():
            continue
        for other in index.query(signature):
            if signature.jaccard(by_id[other]) >= threshold:
                pairs.append((other, article_id))
        index.insert(article_id, signature)
        by_id[article_id] = signature
    return pairs


def groups_of(representatives: dict[str, str]) -> dict[str, list[str]]:
    """Representative id -> all member ids (representative first), for 'one story, N outlets'."""
    groups: dict[str, list[str]] = {}
    for article_id, rep in representatives.items():
        groups.setdefault(rep, [rep])
        if article_id != rep:
            groups[rep].append(article_id)
    return groups


def _representative_order(article: Article) -> tuple:
    # The earliest publication is most likely the original; ties go to the fuller text.
    published = article.published.toordinal() if article.published else 10**9
    return (published, -len(article_text(article)), article.id)


def _find(parent: dict[str, str], item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict[str, str], first: str, second: str) -> None:
    root_first, root_second = _find(parent, first), _find(parent, second)
    if root_first != root_second:
        parent[max(root_first, root_second)] = min(root_first, root_second)
