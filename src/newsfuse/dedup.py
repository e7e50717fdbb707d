"""Near-duplicates: syndicated and lightly edited copies of one story.

Copies are found with MinHash LSH over word shingles, so the cost grows with the number of
articles, not with the number of pairs. Each group is represented by one article (the earliest
published, then the longest); the report counts a group once as a source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from newsfuse import script
from newsfuse.config import ClusterConfig
from newsfuse.model import Article

# Words per shingle: 5-word shingles keep chance overlaps between different stories on one
# topic near zero while a copy with a changed headline or an added paragraph keeps most of them.
SHINGLE_WORDS = 5
# MinHash permutations: the Jaccard estimate's standard error is about 1/sqrt(128) ~ 0.09.
PERMUTATIONS = 128
# LSH proposal threshold when containment is checked: a copy that keeps 80% of its shingles
# inside a text twice as long has Jaccard ~0.4; 0.35 leaves room for the MinHash error.
CONTAINMENT_PROPOSAL = 0.35
# Fixed seed: the same articles always give the same groups.
SEED = 7
# One outlet's two articles are versions of one story (an update, a write-through) when this
# share of the shorter one's shingles is in the other. DUC 2004 wire clusters: versions filed
# the same day share 0.3-0.96; one wire's stories of other days (a week on, a sidebar) share
# 0.05-0.24, their reused background paragraphs; a next-day rewrite shares 0.35-0.42.
VERSION_CONTAINMENT = 0.25
# Up to this many articles (one event's, as `analyze` and each event's statistics see them)
# every pair is compared: LSH's bands for 0.35 (32 of 4 rows) miss a pair at Jaccard 0.41
# one time in four, and missed a partial page that is half of another outlet's copy word for
# word (containment 0.94), which then counted as a second source for 25 facts. 256 articles
# are 32,640 estimates of 128 hashes each, a few hundredths of a second.
ALL_PAIRS_UP_TO = 256

_WORD = re.compile(r"\w+", re.UNICODE)


def article_text(article: Article) -> str:
    """The text copies share: cleaned body when present, raw text otherwise, with the title."""
    body = article.body or article.raw
    return f"{article.title or ''}\n{body}"


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping word n-grams of the lower-cased text; short texts give one shingle. In
    scripts written without spaces each character is a unit: a Chinese clause is one \\w+
    run, and two copies differing by one character would share no shingle."""
    words = [unit for word in _WORD.findall(text.lower())
             for unit in (script.tokens(word) if script.has_spaceless(word) else (word,))]
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    return _signature(shingles(text))


def _signature(shingle_set: set[str]) -> MinHash:
    signature = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    # one batch: the same hashes and the same minimum per permutation as one `update` per
    # shingle, in a few array operations instead of several per shingle
    signature.update_batch([shingle.encode("utf-8") for shingle in shingle_set])
    return signature


def near_duplicate_groups(articles: Sequence[Article],
                          config: ClusterConfig | None = None) -> dict[str, str]:
    """Article id -> id of the representative of its copy group (itself when it has no copy)."""
    config = config or ClusterConfig()
    if len(articles) < 2:  # no pair to compare
        return {a.id: a.id for a in articles}
    shingle_sets = [shingles(article_text(a)) for a in articles]
    signatures = [_signature(s) for s in shingle_sets]
    pairs = duplicate_pairs([a.id for a in articles], signatures, config.duplicate_jaccard,
                            sizes=[len(s) for s in shingle_sets],
                            containment=config.duplicate_containment)
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


def duplicate_pairs(ids: Sequence[str], signatures: Sequence[MinHash], threshold: float,
                    sizes: Sequence[int] | None = None,
                    containment: float | None = None) -> list[tuple[str, str]]:
    """Copy pairs; LSH proposes (past `ALL_PAIRS_UP_TO` articles), the MinHash estimate
    decides.

    A pair is a copy when its Jaccard reaches `threshold`, or, given shingle-set `sizes`, when
    the shorter text's shingles lie in the longer one at `containment` or more: a copy trimmed
    by a few paragraphs keeps nearly all of its own shingles but loses Jaccard to the cut.
    """
    use_containment = sizes is not None and containment is not None
    proposal = min(threshold, CONTAINMENT_PROPOSAL) if use_containment else threshold
    index = MinHashLSH(num_perm=PERMUTATIONS, params=_bands(proposal)) \
        if len(ids) > ALL_PAIRS_UP_TO else None
    by_id: dict[str, tuple[MinHash, int]] = {}
    pairs = []
    for position, (article_id, signature) in enumerate(zip(ids, signatures, strict=True)):
        if article_id in by_id or signature.is_empty():
            continue
        size = sizes[position] if sizes is not None else 0
        for other in (index.query(signature) if index is not None else list(by_id)):
            other_signature, other_size = by_id[other]
            jaccard = signature.jaccard(other_signature)
            if jaccard >= threshold or (use_containment and _contained(
                    jaccard, size, other_size) >= containment):
                pairs.append((other, article_id))
        if index is not None:
            index.insert(article_id, signature)
        by_id[article_id] = (signature, size)
    return pairs


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows) for a threshold, computed once: datasketch finds them by numerical
    integration on every index it builds, 16 ms each, which made listing 600 events (one
    small index per event) take 9 s of CPU."""
    index = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    return index.b, index.r


def _contained(jaccard: float, size: int, other_size: int) -> float:
    """Share of the smaller shingle set inside the other, from their Jaccard and sizes."""
    shared = jaccard * (size + other_size) / (1 + jaccard)
    return shared / max(min(size, other_size), 1)


def source_voices(articles: Sequence[Article], copies: dict[str, str]) -> dict[str, str]:
    """Article id -> one id per independent voice: a copy group (`copies`, as
    `near_duplicate_groups` gives) is one voice, and so are one outlet's versions of a story.

    One outlet's different stories (a wire's reports of three days, a sidebar) are voices of
    their own: the same fact in both is two reports, and two figures are a disagreement
    worth showing, not an update of one text."""
    parent = {a.id: copies.get(a.id, a.id) for a in articles}
    parent |= {rep: rep for rep in set(parent.values())}
    by_outlet: dict[str, list[tuple[str, set[str]]]] = {}
    for article in articles:
        outlet = outlet_key(article.source)
        if outlet:
            by_outlet.setdefault(outlet, []).append((article.id, shingles(article_text(article))))
    for versions in by_outlet.values():
        for k, (first, first_shingles) in enumerate(versions):
            for second, second_shingles in versions[k + 1:]:
                if _containment(first_shingles, second_shingles) >= VERSION_CONTAINMENT:
                    _union(parent, first, second)
    return {a.id: _find(parent, a.id) for a in articles}


def outlet_key(name: str | None) -> str:
    """One key for "The Coast-Post" and "Coast Post"."""
    return re.sub(r"\W+", "", re.sub(r"^the\s+", "", name.casefold())) if name else ""


def _containment(first: set[str], second: set[str]) -> float:
    return len(first & second) / max(min(len(first), len(second)), 1)


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
