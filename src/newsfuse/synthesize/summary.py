"""Extractive multi-document summaries: pick whole source sentences under a word budget.

Each method is a small callable class (sumy style) with its tokenizer and stemmer injected:

    summarizer = get_summarizer("default")
    chosen = summarizer(sentences, max_words=150, embeddings=None)

`sentences` are all sentences of all articles of one event, in article order; the result is
a subset of them, never cut, in reading order (article order, then position in the article),
with at most `max_words` whitespace-separated words in total.

The default is concept coverage (Gillick & Favre 2009, the ICSISumm method) with two priors:
the concepts are stemmed word bigrams weighted by how many articles use them, more when they
use them early (news puts key facts first), and each sentence gets a bonus for centrality
(cosine to the event's tf-idf centroid, and MiniLM centroid when embeddings are given) and
article openings get a lead bonus. The mix depends on how much of the input the budget keeps:
sparse summaries (DUC: 100 of ~4,000 words) lean on concepts and ledes, dense ones (Multi-News:
260 of ~330 candidate words) on MiniLM centrality, with wider sentence length limits. An
integer linear program (scipy's HiGHS) picks the sentences with the most concept weight plus
bonus within the budget. A concept counts once however many chosen sentences contain it, so
redundancy is penalised by construction; near-identical sentence pairs are also excluded
explicitly. Measured against sumy's methods and the published DUC 2004 systems in
benchmarks/results/summary.md (python -m benchmarks.bench_summary).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np

from newsfuse import script
from newsfuse.lang import SPEECH_VERBS
from newsfuse.model import Sentence

# ----------------------------------------------------------------------------- constants
# Sentences shorter than this are mostly headlines, bylines and fragments (ICSISumm's floor).
# On DUC 2004 clusters 1-12, 8 and 12 scored within 0.2 ROUGE-1 of 10; 15 lost 0.5.
MIN_SENTENCE_WORDS = 10
# Longer sentences are run-ons or unsplit paragraphs that eat a 100-word budget alone
# (35 scored within 0.2 ROUGE-1 on DUC 1-12).
MAX_SENTENCE_WORDS = 50
# When the sentences passing the length limits above hold fewer words than
# SOFT_FILTER_MIN_SUPPLY budgets (short inputs: Multi-News articles are cut at ~150 words, so
# a 260-word summary takes most of them), the limits widen to these: the ILP then chooses
# among more sentences instead of taking nearly all of a thin pool. On Multi-News dev first
# 100: floor 5 / ceiling 80 gained +1.0 ROUGE-1 F1 (floor 7: -0.15 of that; ceiling 130:
# same as 80). DUC clusters never reach this tier.
RELAXED_MIN_SENTENCE_WORDS = 5
RELAXED_MAX_SENTENCE_WORDS = 80
# The soft filters (pronoun/connective openers, quote fragments) are dropped when the
# sentences passing them hold fewer words than this multiple of the budget: a summary of
# dangling sentences beats no summary.
SOFT_FILTER_MIN_SUPPLY = 2.0
# Two sentences whose content-word cosine reaches this say the same thing; the ILP keeps at
# most one. 0.7 pairs lightly edited copies of one wire sentence (see the tests); looser
# paraphrases share bigrams, which the coverage objective counts once anyway.
NEAR_DUPLICATE_COSINE = 0.7
# At most this many candidate sentences (best concept weight first) enter the ILP, to bound
# the solve on large events; DUC clusters (about 150-250 candidates) are never cut.
MAX_ILP_CANDIDATES = 400
# Concept weight = sum over articles of 1 + POSITION_WEIGHT * exp(-index / POSITION_DECAY),
# index = the concept's first sentence in that article: news puts the key facts first.
# Tuned on DUC 2004 clusters 1-12: weight 1 gave +2 ROUGE-1 over 0, weight 2 lost 0.8 of
# that; decay 2, 3, 5 and 10 scored within 0.2.
POSITION_WEIGHT = 1.0
POSITION_DECAY = 5.0
# Weight factor for concepts below the article-frequency floor. Without them the ILP stops
# once the shared concepts are covered (167 of 260 words on Multi-News, -5.5 ROUGE-1);
# 0.05 to 1 scored within 0.1 there and on DUC 1-12.
RARE_CONCEPT_WEIGHT = 0.05
# Sentence centrality bonus, in mean concept weights per sqrt(word). Tuned on DUC 1-12 and
# the first 100 Multi-News dev clusters: 5 gained +0.8 / +0.6 ROUGE-1 there over 0; 1 to 10
# scored within 0.5.
CENTRALITY_WEIGHT = 5.0
# Bonus for an article's first sentence, in the same units as the centrality bonus (it is
# added to the sentence's relevance before scaling). The lede is written to stand alone and
# carries the event. DUC 2004 clusters 1-12: 1.0 gained +0.15 / +0.3 ROUGE-1 / -2 over 0
# (0.5: -0.0, 2: -0.3); confirmed on held-out 13-25: +0.9 / +0.4.
LEAD_SENTENCE_BONUS = 1.0
# Budget-aware mix. Compression = budget / words of the candidate sentences. A sparse summary
# (DUC: 100 of ~4,000 words, compression 0.02-0.05) must pick the few facts many articles
# share, which bigram article frequency finds. A dense one (Multi-News: 260 of ~330 words,
# 0.56-2.6) keeps most of the input, article frequencies of 2-5 short articles carry little
# signal, and the question becomes which sentences are off-topic: MiniLM closeness to the
# event centroid answers it. Between these two compressions the settings move linearly from
# the sparse ones (tf-idf/MiniLM half and half, centrality weight 5, lead bonus 1) to the
# dense ones (MiniLM only, weight 10, no lead bonus; tuned on Multi-News dev first 100:
# +0.7 ROUGE-1 F1 with the relaxed lengths above; a lead bonus there lost 0.7).
SPARSE_COMPRESSION = 0.05
DENSE_COMPRESSION = 0.5
DENSE_CENTRALITY_FACTOR = 2.0
# HiGHS stops here and returns its best solution so far.
ILP_TIME_LIMIT_SECONDS = 5.0

# A sentence more quotation than report reads as a fragment of someone's speech. Chosen for
# readability: on DUC 1-12, 0 (no quotes at all), 0.5 and no filter scored within 0.15.
# Unless the summary is sparse (see density), such a sentence is a candidate when it says who
# speaks: a speech verb outside the quotation marks ('"We will not leave," Porter said.'), so
# it reports a statement. Full web pages (Multi-News fullweb 1-40, compression 0.1-0.5):
# +0.4 ROUGE-1 F1 / +0.2 R-2; on DUC 2004 (sparse) the same rule lost 0.2 ROUGE-1 on all 25
# clusters, so sparse summaries keep the plain limit; Multi-News dev (dense, relaxed pool)
# unchanged.
MAX_QUOTED_SHARE = 0.5
# Sentences opening with these words lean on the previous sentence ("He said...", "But...").
DANGLING_OPENERS = frozenset({
    "he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "these", "those",
    "that", "there", "here", "such", "but", "and", "or", "so", "yet", "also", "however",
    "meanwhile", "moreover", "furthermore", "besides", "instead", "still", "then", "thus",
    "therefore", "hence", "nevertheless", "nonetheless", "otherwise", "likewise", "similarly",
    "indeed", "anyway", "later", "afterward", "afterwards", "earlier", "previously",
})
_QUOTE_MARKS = re.compile(r"[\"“”]")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
_CLOSERS = "\"'”’) "
_OPENERS = "\"“'‘("
_WORD = re.compile(r"[a-z0-9]+")
_FIRST_WORD = re.compile(r"[A-Za-z']+")


class Summarizer(Protocol):
    def __call__(self, sentences: list[Sentence], max_words: int,
                 embeddings: np.ndarray | None = None) -> list[Sentence]: ...


Tokenizer = Callable[[str], list[str]]
Stemmer = Callable[[str], str]


# ----------------------------------------------------------------------------- text helpers


def word_count(text: str) -> int:
    """Words as readers count them: whitespace-separated tokens, and runs of scripts written
    without spaces (Chinese, Japanese, Thai) by their characters (`newsfuse.script`)."""
    return script.word_count(text)


def default_tokenizer(text: str) -> list[str]:
    """Lower-case alphanumeric runs, the unit ROUGE's tokenizer also uses; in scripts without
    spaces, single characters, so a Chinese sentence is not one token."""
    found = _WORD.findall(text.lower())
    if not script.has_spaceless(text):
        return found
    return found + [t for t in script.tokens(text) if script.has_spaceless(t)]


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=65536)
def porter_stem(word: str) -> str:
    return _porter().stem(word) if len(word) > 3 else word


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


@dataclass
class Prepared:
    """Per-sentence tokens shared by the methods: stems of all words and of content words."""

    stems: list[list[str]]
    content: list[list[str]]
    words: list[int]


def prepare(sentences: Sequence[Sentence], tokenizer: Tokenizer, stemmer: Stemmer,
            stop_words: frozenset[str]) -> Prepared:
    stems, content = [], []
    for sentence in sentences:
        tokens = tokenizer(sentence.text)
        stems.append([stemmer(t) for t in tokens])
        content.append([stemmer(t) for t in tokens if t not in stop_words])
    return Prepared(stems, content, [word_count(s.text) for s in sentences])


# ----------------------------------------------------------------------------- candidates


def is_well_formed(sentence: Sentence, min_words: int = MIN_SENTENCE_WORDS,
                   max_words: int = MAX_SENTENCE_WORDS) -> bool:
    """Hard filter: a complete declarative sentence of summary length."""
    text = sentence.text.strip()
    if not min_words <= word_count(text) <= max_words:
        return False
    if text.rstrip(_CLOSERS).endswith("?") or not _ENDS_SENTENCE.search(text):
        return False
    # A lower-case start is a fragment left by a bad split or a truncated source.
    return text[:1].isupper() or text[:1].isdigit() or text[:1] in _OPENERS


def stands_alone(sentence: Sentence, attributed_quotes: bool = False) -> bool:
    """Soft filter: readable without its neighbours (no dangling opener, no quote fragment).

    A sentence that is mostly quotation passes only with `attributed_quotes` and a speaker
    (a speech verb outside the quotation marks, `names_speaker`)."""
    text = sentence.text.strip()
    first = _FIRST_WORD.search(text)
    if first and first.group().lower() in DANGLING_OPENERS:
        return False
    # An odd number of quote marks means the quotation starts or ends in another sentence.
    if len(_QUOTE_MARKS.findall(text)) % 2:
        return False
    if quoted_share(text) <= MAX_QUOTED_SHARE:
        return True
    return attributed_quotes and names_speaker(text)


def names_speaker(text: str) -> bool:
    """A speech verb ('said', 'told', 'adds', lang's speech verbs) outside the quotations."""
    outside = _WORD.findall(_QUOTED.sub(" ", text).lower())
    return any(word in _speech_verb_forms() for word in outside)


@lru_cache(maxsize=1)
def _speech_verb_forms() -> frozenset[str]:
    """lang's speech verbs with their regular inflections and the irregular past forms."""
    forms = {"said", "told", "wrote", "written"}
    for verb in SPEECH_VERBS:
        forms |= {verb, verb + "s", verb + "es", verb + "d", verb + "ed", verb + verb[-1] + "ed"}
        if verb.endswith("y"):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return frozenset(forms)


def quoted_share(text: str) -> float:
    """Share of the words that sit inside quotation marks."""
    inside = sum(word_count(m.group()) for m in _QUOTED.finditer(text))
    return inside / max(1, word_count(text))


def candidate_indices(sentences: Sequence[Sentence], max_words: int) -> list[int]:
    """Indices of sentences eligible for the summary, relaxing the soft filter if needed."""
    fitting = [i for i, s in enumerate(sentences)
               if word_count(s.text) <= max_words and not s.caption]
    well_formed = [i for i in fitting if is_well_formed(sentences[i])]
    # Attributed quotations join the pool unless the summary is sparse (see MAX_QUOTED_SHARE).
    supply = sum(word_count(sentences[i].text) for i in well_formed)
    attributed = density(max_words, supply) > 0.0
    readable = [i for i in well_formed if stands_alone(sentences[i], attributed)]
    widened = [i for i in fitting if is_well_formed(sentences[i], RELAXED_MIN_SENTENCE_WORDS,
                                                    RELAXED_MAX_SENTENCE_WORDS)]
    for pool in (readable, well_formed):
        if sum(word_count(sentences[i].text) for i in pool) >= SOFT_FILTER_MIN_SUPPLY * max_words:
            return pool
    # Short inputs: a wider pool, and then whatever fits rather than nothing.
    return widened or well_formed or [i for i in fitting if word_count(sentences[i].text) > 0]


def reading_order(sentences: Sequence[Sentence], chosen: Iterable[int]) -> list[Sentence]:
    """Article order of first appearance (callers pass articles chronologically), then position."""
    article_rank: dict[str, int] = {}
    for sentence in sentences:
        article_rank.setdefault(sentence.doc_id, len(article_rank))
    ordered = sorted(set(chosen), key=lambda i: (article_rank[sentences[i].doc_id],
                                                 sentences[i].index, i))
    return [sentences[i] for i in ordered]


def near_duplicate_pairs(vectors: list[Counter], indices: Sequence[int],
                         threshold: float = NEAR_DUPLICATE_COSINE) -> list[tuple[int, int]]:
    """Pairs (a, b), a < b, of `indices` whose bag-of-stems cosine is at least `threshold`."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, i in enumerate(indices):
        norm = math.sqrt(sum(v * v for v in vectors[i].values())) or 1.0
        for term, count in vectors[i].items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(count / norm)
    matrix = csr_matrix((values, (rows, cols)), shape=(len(indices), max(1, len(vocabulary))))
    similar = (matrix @ matrix.T).tocoo()
    return sorted((indices[a], indices[b]) for a, b, cosine
                  in zip(similar.row, similar.col, similar.data, strict=True)
                  if a < b and cosine >= threshold - 1e-9)


# Words a quotation needs before two sentences giving it are one saying it twice ("We have
# been patient for three years" in two outlets' words around it); a short phrase in quotation
# marks ("a 'cowardly' attack") is no quotation of a statement.
SAME_QUOTE_WORDS = 6


def same_quote_pairs(sentences: Sequence[Sentence], indices: Sequence[int],
                     ) -> list[tuple[int, int]]:
    """Pairs (a, b), a < b, of `indices` that give the same quotation (one's quoted words
    hold the other's): the summary says a quotation once, whoever reported it."""
    quoted: dict[int, list[str]] = {}
    for i in indices:
        spans = [" ".join(re.findall(r"\w+", m.group().lower()))
                 for m in _QUOTED.finditer(sentences[i].text)]
        spans = [q for q in spans if len(q.split()) >= SAME_QUOTE_WORDS]
        if spans:
            quoted[i] = spans
    found = []
    ordered = sorted(quoted)
    for k, a in enumerate(ordered):
        for b in ordered[k + 1:]:
            if any(_holds_words(x, y) or _holds_words(y, x)
                   for x in quoted[a] for y in quoted[b]):
                found.append((a, b))
    return found


def _holds_words(outer: str, inner: str) -> bool:
    """`inner`'s words run whole inside `outer` (both words joined by single spaces): "said
    no" is not inside "said none"."""
    return f" {inner} " in f" {outer} "


# ----------------------------------------------------------------------------- concept ILP


class ConceptCoverage:
    """Budgeted maximum coverage of weighted bigram concepts plus sentence centrality, as an ILP.

    Objective: sum of the weights of the concepts covered (each once) plus, for each chosen
    sentence, a centrality bonus (cosine to the centroid of the event, MiniLM and tf-idf),
    under the word budget and with near-duplicate sentences mutually exclusive.
    """

    def __init__(self, tokenizer: Tokenizer = default_tokenizer, stemmer: Stemmer = porter_stem,
                 stop_words: frozenset[str] | None = None, min_df: int | None = None,
                 position_weight: float = POSITION_WEIGHT, position_decay: float = POSITION_DECAY,
                 rare_weight: float = RARE_CONCEPT_WEIGHT,
                 centrality_weight: float = CENTRALITY_WEIGHT,
                 use_embeddings: bool | None = None, embedding_share: float = 0.5,
                 lead_bonus: float = LEAD_SENTENCE_BONUS):
        self.tokenizer = tokenizer
        self.stemmer = stemmer
        self.stop_words = english_stop_words() if stop_words is None else stop_words
        self.min_df = min_df
        self.position_weight = position_weight
        self.position_decay = position_decay
        self.rare_weight = rare_weight
        self.centrality_weight = centrality_weight
        self.use_embeddings = use_embeddings
        self.embedding_share = embedding_share
        self.lead_bonus = lead_bonus

    def __call__(self, sentences: list[Sentence], max_words: int,
                 embeddings: np.ndarray | None = None) -> list[Sentence]:
        if max_words <= 0 or not sentences:
            return []
        _check_aligned(sentences, embeddings)
        prepared = prepare(sentences, self.tokenizer, self.stemmer, self.stop_words)
        candidates = candidate_indices(sentences, max_words)
        if not candidates:
            return []
        concepts = self.sentence_concepts(prepared)
        weights = self.concept_weights(sentences, concepts)
        candidates = _best_candidates(candidates, concepts, weights, MAX_ILP_CANDIDATES)
        duplicates = sorted({*near_duplicate_pairs([Counter(c) for c in prepared.content],
                                                   candidates),
                             *same_quote_pairs(sentences, candidates)})
        bonus = self.centrality_bonus(sentences, candidates, prepared, weights, embeddings,
                                      max_words)
        chosen = solve_coverage(candidates, concepts, weights, prepared.words, max_words,
                                duplicates, bonus)
        return reading_order(sentences, chosen)

    def centrality_bonus(self, sentences: Sequence[Sentence], candidates: list[int],
                         prepared: Prepared, weights: dict, embeddings: np.ndarray | None,
                         max_words: int) -> dict[int, float]:
        """Per-sentence bonus: (centrality + lead bonus) x words^0.5, in mean concept weights.

        Centrality is the cosine to the centroid of the candidates, tf-idf always, and MiniLM
        too when `embeddings` are given (the full report computes them anyway) or when
        `use_embeddings` is True. How much it counts, and how MiniLM and tf-idf share it,
        depends on the compression (see DENSE_COMPRESSION). Embedding on demand is not the
        default: it tripled the time per DUC cluster.

        sqrt(words) sits between "per sentence" (favours many short sentences) and "per
        word" (favours long ones); both ends lost ~0.3 ROUGE-1 on the tuning data.
        """
        if not self.centrality_weight:
            return {}
        dense = density(max_words, sum(prepared.words[i] for i in candidates))
        relevance = _minmax(tfidf_centrality([prepared.content[i] for i in candidates]))
        vectors = None
        if embeddings is not None and self.use_embeddings is not False:
            vectors = embeddings[candidates]
        elif self.use_embeddings:
            vectors = embed_sentences([sentences[i] for i in candidates])
        if vectors is not None:
            share = self.embedding_share + (1.0 - self.embedding_share) * dense
            relevance = (1 - share) * relevance + share * _minmax(_centrality(vectors))
        lead = self.lead_bonus * (1.0 - dense)
        relevance = relevance + lead * np.array([sentences[i].index == 0 for i in candidates])
        factor = 1.0 + (DENSE_CENTRALITY_FACTOR - 1.0) * dense
        scale = factor * self.centrality_weight * float(np.mean(list(weights.values()) or [1.0]))
        return {i: scale * math.sqrt(prepared.words[i]) * float(r)
                for i, r in zip(candidates, relevance, strict=True)}

    def sentence_concepts(self, prepared: Prepared) -> list[set[tuple[str, str]]]:
        """Stemmed bigrams of each sentence, without stop-word-only pairs (ICSISumm)."""
        stops = {self.stemmer(w) for w in self.stop_words}
        return [{(a, b) for a, b in zip(stems, stems[1:], strict=False)
                 if not (a in stops and b in stops)}
                for stems in prepared.stems]

    def concept_weights(self, sentences: Sequence[Sentence],
                        concepts: list[set[tuple[str, str]]]) -> dict[tuple[str, str], float]:
        """Weight = sum over the articles using the concept of (1 + bonus for early use).

        Concepts in fewer than `min_df` articles keep a small weight, so that once the shared
        content is covered the rest of the budget still goes to informative sentences. With a
        single article, sentences stand in for articles.
        """
        single = len({s.doc_id for s in sentences}) == 1
        first_use: dict[tuple[str, str], dict[object, int]] = defaultdict(dict)
        for position, (sentence, found) in enumerate(zip(sentences, concepts, strict=True)):
            unit = position if single else sentence.doc_id
            for concept in found:
                first_use[concept].setdefault(unit, sentence.index)
        n_units = len(sentences) if single else len({s.doc_id for s in sentences})
        min_df = self.min_df or default_min_df(n_units)
        weights = {}
        for concept, uses in first_use.items():
            weight = sum(1.0 + self.position_weight * math.exp(-index / self.position_decay)
                         for index in uses.values())
            weights[concept] = weight if len(uses) >= min_df else self.rare_weight * weight
        return weights


class LexicalConceptCoverage(ConceptCoverage):
    """The default method without sentence embeddings (tf-idf centrality only): no model load."""

    def __init__(self, **kwargs):
        kwargs.setdefault("use_embeddings", False)
        super().__init__(**kwargs)


def density(budget: int, candidate_words: int) -> float:
    """0 for a sparse summary, 1 for a dense one, linear between (see DENSE_COMPRESSION)."""
    compression = budget / max(1, candidate_words)
    ramp = (compression - SPARSE_COMPRESSION) / (DENSE_COMPRESSION - SPARSE_COMPRESSION)
    return min(1.0, max(0.0, ramp))


def default_min_df(n_articles: int) -> int:
    """ICSISumm kept bigrams found in 3+ of 10 articles; smaller events need fewer."""
    return 3 if n_articles >= 6 else 2


def _best_candidates(candidates: list[int], concepts: list[set], weights: dict,
                     limit: int) -> list[int]:
    if len(candidates) <= limit:
        return candidates
    score = {i: sum(weights.get(c, 0.0) for c in concepts[i]) for i in candidates}
    return sorted(sorted(candidates, key=lambda i: -score[i])[:limit])


def solve_coverage(candidates: list[int], concepts: list[set], weights: dict,
                   lengths: list[int], budget: int,
                   exclusive_pairs: list[tuple[int, int]],
                   sentence_bonus: dict[int, float] | None = None) -> list[int]:
    """max sum w_c * covered_c  s.t. sum len_s * chosen_s <= budget, covered_c <= sum chosen_s."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    used = sorted({c for i in candidates for c in concepts[i] if c in weights})
    if not used:
        return _fill_by_length(candidates, lengths, budget)
    column = {c: len(candidates) + k for k, c in enumerate(used)}
    position = {s: k for k, s in enumerate(candidates)}
    n_vars = len(candidates) + len(used)
    rows = 1 + len(used) + len(exclusive_pairs)
    entries: dict[tuple[int, int], float] = {}
    upper = np.zeros(rows)
    for s, k in position.items():
        entries[0, k] = lengths[s]
    upper[0] = budget
    for s, k in position.items():
        for c in concepts[s]:
            if c in column:
                entries[1 + column[c] - len(candidates), k] = -1.0
    for r in range(len(used)):
        entries[1 + r, len(candidates) + r] = 1.0
    for r, (a, b) in enumerate(exclusive_pairs, start=1 + len(used)):
        entries[r, position[a]] = entries[r, position[b]] = 1.0
        upper[r] = 1.0
    matrix = _constraint_matrix(entries, (rows, n_vars))
    cost = np.zeros(n_vars)
    for c, k in column.items():
        cost[k] = -weights[c]
    for s, k in position.items():
        cost[k] = -(sentence_bonus or {}).get(s, 0.0)
    integrality = np.r_[np.ones(len(candidates)), np.zeros(len(used))]
    result = milp(cost, constraints=LinearConstraint(matrix, -np.inf, upper),
                  integrality=integrality, bounds=Bounds(0, 1),
                  options={"time_limit": ILP_TIME_LIMIT_SECONDS})
    if result.x is None:
        return _fill_by_length(candidates, lengths, budget)
    return [s for s, k in position.items() if result.x[k] > 0.5]


def _constraint_matrix(entries: dict[tuple[int, int], float], shape: tuple[int, int]):
    """The CSR matrix of the (row, column) -> value entries: the same arrays (float64, sorted
    column indices, zeros left out) as the lil_matrix filled entry by entry that it replaces,
    so HiGHS gets the same problem, at a fraction of the cost of lil's item assignments."""
    from scipy.sparse import csr_matrix

    kept = sorted((at, value) for at, value in entries.items() if value != 0)
    rows = np.array([r for (r, _), _ in kept], dtype=np.int32)
    cols = np.array([c for (_, c), _ in kept], dtype=np.int32)
    values = np.array([v for _, v in kept], dtype=np.float64)
    matrix = csr_matrix((values, (rows, cols)), shape=shape)
    matrix.sort_indices()
    return matrix


def _fill_by_length(candidates: list[int], lengths: list[int], budget: int) -> list[int]:
    chosen, total = [], 0
    for s in candidates:
        if total + lengths[s] <= budget:
            chosen.append(s)
            total += lengths[s]
    return chosen


# ----------------------------------------------------------------------------- other methods


def embed_sentences(sentences: Sequence[Sentence]) -> np.ndarray:
    from newsfuse.nlp.embed import get_embedder

    return get_embedder()([s.text for s in sentences])


def _minmax(values: np.ndarray) -> np.ndarray:
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.ones_like(values)


def tfidf_centrality(content: list[list[str]]) -> np.ndarray:
    """Cosine of each sentence's tf-idf vector to the mean tf-idf vector of all sentences."""
    df = Counter(t for terms in content for t in set(terms))
    n = len(content)
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    vectors = []
    for terms in content:
        counts = Counter(terms)
        vector = {t: c * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    centroid: Counter = Counter()
    for vector in vectors:
        centroid.update(vector)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    return np.array([sum(v * centroid[t] for t, v in vector.items()) / norm for vector in vectors])


def _check_aligned(sentences: Sequence[Sentence], embeddings: np.ndarray | None) -> None:
    if embeddings is not None and len(embeddings) != len(sentences):
        raise ValueError(f"embeddings has {len(embeddings)} rows for {len(sentences)} sentences")


def _centrality(vectors: np.ndarray) -> np.ndarray:
    return vectors @ _unit(vectors.mean(axis=0))


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-9)


class CentroidMMR:
    """Sentences closest to the event's embedding centroid, greedy with an MMR redundancy cut."""

    def __init__(self, redundancy: float = 0.5):
        self.redundancy = redundancy

    def __call__(self, sentences: list[Sentence], max_words: int,
                 embeddings: np.ndarray | None = None) -> list[Sentence]:
        candidates = candidate_indices(sentences, max_words)
        if not candidates or max_words <= 0:
            return []
        _check_aligned(sentences, embeddings)
        vectors = embeddings if embeddings is not None else embed_sentences(sentences)
        prepared = prepare(sentences, default_tokenizer, porter_stem, english_stop_words())
        relevance = vectors @ _unit(vectors.mean(axis=0))
        duplicates = near_duplicate_pairs([Counter(c) for c in prepared.content], candidates)
        twins: dict[int, set[int]] = defaultdict(set)
        for a, b in duplicates:
            twins[a].add(b)
            twins[b].add(a)
        chosen: list[int] = []
        total = 0
        remaining = set(candidates)
        while remaining:
            def gain(i: int) -> float:
                overlap = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
                return float(relevance[i]) - self.redundancy * overlap
            best = max(sorted(remaining), key=gain)
            remaining.discard(best)
            words = word_count(sentences[best].text)
            duplicate = any(float(vectors[best] @ vectors[j]) >= 0.9 or j in twins[best]
                            for j in chosen)
            if total + words <= max_words and not duplicate:
                chosen.append(best)
                total += words
        return reading_order(sentences, chosen)


class Lead:
    """Round-robin lead: first sentences of each article, then second sentences, ..."""

    def __call__(self, sentences: list[Sentence], max_words: int,
                 embeddings: np.ndarray | None = None) -> list[Sentence]:
        seen: Counter = Counter()
        rank = []
        for i, sentence in enumerate(sentences):
            if not sentence.caption:
                rank.append((seen[sentence.doc_id], i))
                seen[sentence.doc_id] += 1
        rounds = [i for _, i in sorted(rank)]
        chosen, total = [], 0
        for i in rounds:
            words = word_count(sentences[i].text)
            if words and total + words <= max_words:
                chosen.append(i)
                total += words
        return reading_order(sentences, chosen)


SUMMARIZERS: dict[str, type] = {
    "default": ConceptCoverage,
    "concepts": LexicalConceptCoverage,
    "lead": Lead,
    "centroid": CentroidMMR,
}


def get_summarizer(name: str = "default", **kwargs) -> Summarizer:
    try:
        return SUMMARIZERS[name](**kwargs)
    except KeyError:
        raise ValueError(f"unknown summarizer {name!r}; known: {', '.join(SUMMARIZERS)}") from None
