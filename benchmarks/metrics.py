"""ROUGE-N as ROUGE-1.5.5 computes it, on top of rouge-score's tokenizer and Porter stemmer.

rouge-score has no multi-reference mode (its `score_multi` takes the best reference), so the
aggregation is done here the way ROUGE-1.5.5 does with `-f A` ("model average"): for each
reference the clipped n-gram hits are counted, then hits and reference n-gram counts are
*pooled* over the references before dividing (recall = sum hits / sum reference n-grams;
precision = sum hits / (references x peer n-grams)). ROUGE-1.5.5 has done no jackknifing since
v1.4. Scores are then averaged over clusters (macro), as ROUGE-1.5.5 reports them.
`-l N` truncation keeps the first N whitespace words of the raw text, before tokenizing.
ROUGE-1.5.5 applies it to the references too; the benchmark follows issue 4's harness, which
cuts only the system summaries (that reproduces the issue's figures for the published
systems exactly; cutting the references as well raises every system by about 0.5 ROUGE-1
and keeps their order).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rouge_score.tokenizers import DefaultTokenizer


@dataclass(frozen=True)
class RougeScore:
    recall: float
    precision: float
    f1: float


@lru_cache(maxsize=1)
def _tokenizer() -> DefaultTokenizer:
    return DefaultTokenizer(use_stemmer=True)


def truncate_words(text: str, max_words: int | None) -> str:
    words = text.split()
    return " ".join(words if max_words is None else words[:max_words])


def ngrams(text: str, n: int) -> Counter:
    tokens = _tokenizer().tokenize(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(peer: str, references: list[str], n: int, max_words: int | None = None,
            cut_references: bool = False) -> RougeScore:
    """ROUGE-N of `peer` cut to `max_words`; references are cut too only if asked."""
    peer_grams = ngrams(truncate_words(peer, max_words), n)
    peer_total = sum(peer_grams.values())
    hits = reference_total = 0
    for reference in references:
        reference_grams = ngrams(truncate_words(reference, max_words if cut_references else None),
                                 n)
        hits += sum((peer_grams & reference_grams).values())
        reference_total += sum(reference_grams.values())
    recall = hits / reference_total if reference_total else 0.0
    precision = hits / (peer_total * len(references)) if peer_total and references else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return RougeScore(recall, precision, f1)


def rouge_12(peer: str, references: list[str], max_words: int | None = None,
             cut_references: bool = False) -> tuple[RougeScore, RougeScore]:
    return (rouge_n(peer, references, 1, max_words, cut_references),
            rouge_n(peer, references, 2, max_words, cut_references))
