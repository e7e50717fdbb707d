"""Online event clustering: articles arrive in time order and join an event or open one.

The decision uses the batch similarity and the batch criterion: an article joins the event
whose average similarity to it is highest, if that average reaches `same_event_similarity`.
Document frequencies and language means are running statistics, and member vectors are
re-weighted with the current statistics at every comparison, so early articles are not stuck
with the poor IDF of a short stream. After a join, events that now reach the threshold with
the grown event are merged into it: this undoes most splits caused by an unlucky order; and
the batch split check (`events.split_two_events`) separates an event that has grown into two
loosely linked groups.

Cost: each article is compared with a shortlist of events (closest centroids and events
sharing a strong term) among those active in the time window, so it stays near-linear.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from newsfuse.cluster.blocking import MAX_POSTINGS, TOP_TERMS
from newsfuse.cluster.events import (
    MIN_SPLIT_PART,
    cluster_representation,
    single_threaded_blas,
    split_two_events,
)
from newsfuse.cluster.features import (
    HASH_FEATURES,
    PRIOR_WEIGHT,
    ArticleSignals,
    Representation,
    TermWeights,
    prior_mean,
    similarity_block,
)
from newsfuse.config import ClusterConfig

# Events compared in full with each newcomer: the closest centroids plus term-sharing events.
SHORTLIST = 10
# Undated streams have no window: only this many most recently touched events stay open.
MAX_OPEN_EVENTS = 2000


@dataclass
class _Event:
    members: list[int] = field(default_factory=list)
    vector_sum: np.ndarray | None = None
    languages: dict[str, int] = field(default_factory=dict)
    last_day: int = 0
    touched: int = 0


@dataclass
class CorpusStatistics:
    """What the clusterer's similarities depend on besides the compared articles: term
    document frequencies and per-language embedding sums over a set of articles.

    Saved with the store, they let a round load only the events its articles could join and
    still weigh terms and centre embeddings as if every stored article had been replayed.
    Sums are float64: the sum of many float32 vectors is then order-independent to ~1e-7.
    """

    words: TermWeights = field(default_factory=lambda: TermWeights("words"))
    names: TermWeights = field(default_factory=lambda: TermWeights("names"))
    language_sums: dict[str, np.ndarray] = field(default_factory=dict)
    language_counts: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.words.documents

    def add(self, signals: Sequence[ArticleSignals]) -> None:
        texts = [s.text for s in signals]
        self.words.add(self.words.counts(texts))
        self.names.add(self.names.counts(texts))
        for signal in signals:
            vector = np.asarray(signal.embedding, dtype=np.float64)
            self.language_sums[signal.language] = (
                self.language_sums.get(signal.language, 0) + vector)
            self.language_counts[signal.language] = (
                self.language_counts.get(signal.language, 0) + 1)

    def to_bytes(self) -> bytes:
        languages = sorted(self.language_sums)
        arrays = {"documents": np.array([self.words.documents, self.names.documents])}
        for name, weights in (("words", self.words), ("names", self.names)):
            terms = np.flatnonzero(weights.frequencies)
            arrays[f"{name}_terms"] = terms.astype(np.int32)
            arrays[f"{name}_df"] = weights.frequencies[terms]
        arrays["languages"] = np.array(languages, dtype=str)
        arrays["counts"] = np.array([self.language_counts[lang] for lang in languages],
                                    dtype=np.int64)
        if languages:
            arrays["sums"] = np.vstack([self.language_sums[lang] for lang in languages])
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> CorpusStatistics:
        statistics = cls()
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            for k, (name, weights) in enumerate((("words", statistics.words),
                                                  ("names", statistics.names))):
                weights.documents = int(arrays["documents"][k])
                weights.frequencies = np.zeros(HASH_FEATURES, np.int32)
                weights.frequencies[arrays[f"{name}_terms"]] = arrays[f"{name}_df"]
            for k, language in enumerate(arrays["languages"].tolist()):
                statistics.language_sums[language] = arrays["sums"][k].copy()
                statistics.language_counts[language] = int(arrays["counts"][k])
        return statistics


class OnlineClusterer:
    """Feed articles with `add`; read events with `labels()` (article id -> event number).

    Call `add` inside `single_threaded_blas()`: its many small matrix products are several
    times slower when BLAS spreads each one over threads.
    """

    def __init__(self, encoder: str, config: ClusterConfig | None = None):
        self.config = config or ClusterConfig()
        self.encoder = encoder
        self._prior = prior_mean(encoder)
        self._words, self._names = TermWeights("words"), TermWeights("names")
        self._ids: list[str] = []
        self._signals: list[ArticleSignals] = []
        self._word_counts: list[sparse.csr_matrix] = []
        self._name_counts: list[sparse.csr_matrix] = []
        self._language_sums: dict[str, np.ndarray] = {}
        self._language_counts: dict[str, int] = {}
        self._events: dict[int, _Event] = {}
        self._event_of: list[int] = []
        self._term_events: dict[int, set[int]] = {}
        self._strong: dict[int, list[int]] = {}
        self._latest_day = 0
        self._clock = 0
        self._next_event = 0
        # Assigned articles left out of `seed` (closed events): they count for the rhythm.
        self._unseen = 0

    # ------------------------------------------------------------------ public

    def add(self, article_id: str, signals: ArticleSignals) -> int:
        """Assign one article and return its event (known assignments: `seed`)."""
        index = self._remember(article_id, signals)
        shortlist = self._shortlist(index)
        # One similarity matrix over the newcomer and every shortlisted member serves the
        # decision, the merges and the split check.
        rows = [index] + [m for n in shortlist for m in self._events[n].members]
        similarity = similarity_block(self._representation(rows), np.arange(len(rows)),
                                      np.arange(len(rows)), self.config)
        position = {article: k for k, article in enumerate(rows)}
        event = self._decide(shortlist, similarity, position)
        self._join(index, event)
        if event is not None:
            self._merge_around(event, shortlist, similarity, position)
            self._split_if_two_events(event, similarity, position)
        every = self.config.online_consolidate_every
        if every and (len(self._ids) + self._unseen) % every == 0:
            self.consolidate()
        return self._event_of[index]

    def consolidate(self) -> None:
        """Re-cluster the open events with the batch algorithm and today's statistics.

        Decisions taken early in a stream used poor statistics (few documents for the IDF,
        few articles for a language's mean) and cannot see later articles. Re-clustering the
        open window (closed events stay as they are) lets events merge and split as the batch
        would; events keep their numbers where most of their articles stay together.
        """
        open_events = self._open_events(self._latest_day)
        rows = [m for n in open_events for m in self._events[n].members]
        if len(rows) < 2:
            return
        labels = cluster_representation(self._representation(rows), self.config)
        groups: dict[int, list[int]] = {}
        for article, label in zip(rows, labels, strict=True):
            groups.setdefault(int(label), []).append(article)
        old_members = {n: set(self._events.pop(n).members) for n in open_events}
        for group, number in zip(groups.values(), self._numbers_for(list(groups.values()),
                                                                   old_members), strict=True):
            self._events[number] = _Event(touched=self._clock)
            for member in sorted(group):
                self._move(member, number)

    def _numbers_for(self, groups: list[list[int]],
                     old_members: dict[int, set[int]]) -> list[int]:
        """Old event numbers for new groups by largest overlap (greedy), new numbers else."""
        overlaps = sorted((-len(set(g) & old), k, number)
                          for k, g in enumerate(groups) for number, old in old_members.items()
                          if set(g) & old)
        chosen: dict[int, int] = {}
        for _, k, number in overlaps:
            if k not in chosen and number not in chosen.values():
                chosen[k] = number
        numbers = []
        for k in range(len(groups)):
            if k not in chosen:
                chosen[k] = self._next_event
                self._next_event += 1
            numbers.append(chosen[k])
        return numbers

    def labels(self) -> dict[str, int]:
        return dict(zip(self._ids, self._event_of, strict=True))

    def events(self) -> dict[int, list[str]]:
        return {number: [self._ids[i] for i in event.members]
                for number, event in self._events.items()}

    # ------------------------------------------------------------------ statistics

    def seed(self, article_ids: Sequence[str], signals: Sequence[ArticleSignals],
             events: Sequence[int], statistics: CorpusStatistics | None = None,
             unseen: int = 0) -> None:
        """Put articles into known events (a store's assignments) without decisions, with
        one term count over all their texts.

        `statistics`, when given, are those of a larger set of already assigned articles
        (the seeded ones among them) and replace the seeded articles' own; `unseen` of them
        were not seeded (closed events) but count for the consolidation rhythm, as if they
        had been.
        """
        texts = [s.text for s in signals]
        words, names = self._words.counts(texts), self._names.counts(texts)
        if statistics is None:
            self._words.add(words)
            self._names.add(names)
        else:
            self._use_statistics(statistics)
        self._unseen += unseen
        self._choose_strong_terms(len(self._ids), words)
        for k, (article_id, signal, event) in enumerate(
                zip(article_ids, signals, events, strict=True)):
            index = self._remember(article_id, signal, words[k], names[k],
                                   counted=statistics is not None)
            self._join(index, event)

    def _use_statistics(self, statistics: CorpusStatistics) -> None:
        for mine, given in ((self._words, statistics.words), (self._names, statistics.names)):
            mine.documents += given.documents
            mine.frequencies = mine.frequencies + given.frequencies
        for language, total in statistics.language_sums.items():
            # float32 as the clusterer's own sums (which it keeps growing with newcomers)
            self._language_sums[language] = (self._language_sums.get(language, 0)
                                             + total.astype(np.float32))
            self._language_counts[language] = (self._language_counts.get(language, 0)
                                               + statistics.language_counts[language])

    def _remember(self, article_id: str, signals: ArticleSignals,
                  words: sparse.csr_matrix | None = None,
                  names: sparse.csr_matrix | None = None, counted: bool = False) -> int:
        """Keep an article's signals and term counts; counts given are already added to the
        document frequencies (`seed` adds them in one go); `counted`: its embedding is
        already in the language sums too (given statistics)."""
        if words is None or names is None:
            words = self._words.counts([signals.text])
            names = self._names.counts([signals.text])
            self._words.add(words)
            self._names.add(names)
        language = signals.language
        if not counted:
            vector = np.asarray(signals.embedding, dtype=np.float32)
            self._language_sums[language] = self._language_sums.get(language, 0) + vector
            self._language_counts[language] = self._language_counts.get(language, 0) + 1
        self._latest_day = max(self._latest_day, signals.day)
        self._ids.append(article_id)
        self._signals.append(signals)
        self._word_counts.append(words)
        self._name_counts.append(names)
        self._event_of.append(-1)
        return len(self._ids) - 1

    def _language_mean(self, language: str) -> np.ndarray:
        total = self._language_sums[language]
        count = self._language_counts[language]
        if self._prior is None:
            return total / count
        return (total + PRIOR_WEIGHT * self._prior) / (count + PRIOR_WEIGHT)

    def _representation(self, indices: Sequence[int]) -> Representation:
        """Current view of some articles: today's IDF and language means."""
        signals = [self._signals[i] for i in indices]
        vectors = np.vstack([s.embedding - self._language_mean(s.language) for s in signals])
        vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9, None)
        return Representation(
            ids=[self._ids[i] for i in indices],
            languages=np.asarray([s.language for s in signals]),
            vectors=vectors,
            words=self._words.weigh(sparse.vstack([self._word_counts[i] for i in indices])),
            names=self._names.weigh(sparse.vstack([self._name_counts[i] for i in indices])),
            days=np.array([s.day for s in signals], dtype=np.int64),
            years=np.array([s.year for s in signals], dtype=np.int64),
        )

    # ------------------------------------------------------------------ decisions

    def _decide(self, shortlist: list[int], similarity: np.ndarray,
                position: dict[int, int]) -> int | None:
        """Best shortlisted event reaching the threshold, or None for a new event."""
        best, best_score = None, self.config.same_event_similarity
        for number in shortlist:
            columns = [position[m] for m in self._events[number].members]
            score = float(similarity[0, columns].mean())
            if score >= best_score:
                best, best_score = number, score
        return best

    def _shortlist(self, index: int) -> list[int]:
        open_events = self._open_events(self._signals[index].day)
        if not open_events:
            return []
        query = self._centred(index)
        centroids = np.vstack([self._event_centroid(n) for n in open_events])
        closest = np.argsort(-(centroids @ query), kind="stable")[:SHORTLIST]
        chosen = {open_events[k] for k in closest}
        allowed = set(open_events)
        for term in self._strong_terms(index):
            chosen.update(self._term_events.get(term, set()) & allowed)
        return sorted(chosen)

    def _open_events(self, day: int) -> list[int]:
        window = self.config.online_window_days
        numbers = [n for n, e in self._events.items()
                   if not (day and e.last_day and day - e.last_day > window)]
        numbers.sort(key=lambda n: -self._events[n].touched)
        return numbers[:MAX_OPEN_EVENTS]

    def _centred(self, index: int) -> np.ndarray:
        signals = self._signals[index]
        vector = signals.embedding - self._language_mean(signals.language)
        return vector / max(float(np.linalg.norm(vector)), 1e-9)

    def _event_centroid(self, number: int) -> np.ndarray:
        event = self._events[number]
        centre = event.vector_sum / len(event.members)
        for language, count in event.languages.items():
            centre = centre - count / len(event.members) * self._language_mean(language)
        return centre / max(float(np.linalg.norm(centre)), 1e-9)

    def _choose_strong_terms(self, first: int, counts: sparse.csr_matrix) -> None:
        """`_strong_terms` of the articles `first`, `first + 1`, ... (term counts given),
        weighed in one pass: the same terms as one by one, at a fraction of the cost."""
        if counts.shape[0] == 0:
            return
        weights = self._words.weigh(counts)
        for k in range(counts.shape[0]):
            span = slice(weights.indptr[k], weights.indptr[k + 1])
            order = np.argsort(-weights.data[span], kind="stable")[:TOP_TERMS]
            self._strong[first + k] = [int(term) for term in weights.indices[span][order]]

    def _strong_terms(self, index: int) -> list[int]:
        # Chosen once, with the statistics of the article's arrival: cheap, and a term that
        # was strong then still points to the right events.
        if index not in self._strong:
            weights = self._words.weigh(self._word_counts[index])
            order = np.argsort(-weights.data, kind="stable")[:TOP_TERMS]
            self._strong[index] = [int(weights.indices[k]) for k in order]
        return self._strong[index]

    # ------------------------------------------------------------------ bookkeeping

    def _join(self, index: int, number: int | None) -> None:
        if number is None or number not in self._events:
            number = self._next_event if number is None else number
            self._next_event = max(self._next_event, number + 1)
            self._events[number] = _Event()
        self._move(index, number)
        self._clock += 1
        self._events[number].touched = self._clock

    def _index_terms(self, index: int, number: int) -> None:
        for term in self._strong_terms(index):
            holders = self._term_events.setdefault(term, set())
            if len(holders) <= MAX_POSTINGS:
                holders.add(number)

    def _merge_around(self, number: int, shortlist: list[int], similarity: np.ndarray,
                      position: dict[int, int]) -> None:
        """Merge into the grown event every shortlisted event it now reaches."""
        for other in shortlist:
            if other == number or other not in self._events:
                continue
            mine = [position[m] for m in self._events[number].members]
            theirs = [position[m] for m in self._events[other].members]
            if similarity[np.ix_(mine, theirs)].mean() >= self.config.same_event_similarity:
                for member in self._events.pop(other).members:
                    self._move(member, number)

    def _split_if_two_events(self, number: int, similarity: np.ndarray,
                             position: dict[int, int]) -> None:
        """The batch split check: an event that holds two loosely linked groups is split; the
        group without the newest article becomes a new event."""
        members = self._events[number].members
        if len(members) < 2 * MIN_SPLIT_PART:
            return
        rows = np.array([position[m] for m in members])
        parts = split_two_events(similarity[np.ix_(rows, rows)], self.config)
        if len(parts) == 1:
            return
        newest = members[-1]
        for part in parts:
            group = [members[k] for k in part]
            if newest in group:
                continue
            moved = self._next_event
            self._next_event += 1
            self._events[moved] = _Event(touched=self._clock)
            for member in group:
                self._move(member, moved)
        kept = next(part for part in parts if newest in [members[k] for k in part])
        self._rebuild(number, [members[k] for k in kept])

    def _rebuild(self, number: int, members: list[int]) -> None:
        event = _Event(touched=self._events[number].touched)
        self._events[number] = event
        for member in members:
            self._move(member, number)

    def _move(self, index: int, number: int) -> None:
        event = self._events[number]
        signals = self._signals[index]
        event.members.append(index)
        event.vector_sum = (signals.embedding.copy() if event.vector_sum is None
                            else event.vector_sum + signals.embedding)
        event.languages[signals.language] = event.languages.get(signals.language, 0) + 1
        event.last_day = max(event.last_day, signals.day)
        self._event_of[index] = number
        self._index_terms(index, number)


def cluster_stream(ids: Sequence[str], signals: Sequence[ArticleSignals], encoder: str,
                   config: ClusterConfig | None = None,
                   consolidate_at_end: bool = True) -> dict[str, int]:
    """Run the online clusterer over articles in the given (arrival) order."""
    clusterer = OnlineClusterer(encoder, config)
    with single_threaded_blas():
        for article_id, article_signals in zip(ids, signals, strict=True):
            clusterer.add(article_id, article_signals)
        if consolidate_at_end:
            clusterer.consolidate()
    return clusterer.labels()
