"""sumy 0.13 summarizers behind the newsfuse `Summarizer` interface, for same-budget baselines.

sumy's own tokenizer needs NLTK's punkt data, which is not installed here, so the sumy
document is built from newsfuse's sentences (same segmentation as the product) and a small
tokenizer object supplies `to_sentences` / `to_words`. Stemming is sumy's "english" stemmer
(NLTK's Snowball/Porter2, which needs no data files) and stop words come from sumy's own list.

sumy picks a number of sentences; the word budget is applied instead by a callable count that
walks sumy's ranking best-first and keeps every sentence that still fits the budget, the same
rule the newsfuse summarizers follow (never cut a sentence).
"""

from __future__ import annotations

import re

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from newsfuse.model import Article, Sentence
from newsfuse.segment import split
from newsfuse.synthesize.summary import reading_order, word_count

SUMY_METHODS = {
    "LexRank": LexRankSummarizer,
    "TextRank": TextRankSummarizer,
    "LSA": LsaSummarizer,
    "KL-Sum": KLSummarizer,
    "Luhn": LuhnSummarizer,
}
LANGUAGE = "english"
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


class SumyTokenizer:
    """The two methods sumy calls on a tokenizer, without NLTK data."""

    language = LANGUAGE

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split(Article(id="paragraph", body=paragraph)))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


class WordBudget:
    """sumy `count` callable: best-rated first, keep each sentence that still fits.

    With `overflow`, sentences are taken best-first until the budget is reached and the last
    one is left for ROUGE's word cut-off: the classic setting of published baselines, which
    a product that never cuts a sentence cannot use; reported for comparison only.
    """

    def __init__(self, max_words: int, overflow: bool = False):
        self.max_words = max_words
        self.overflow = overflow

    def __call__(self, infos: list) -> list:
        kept, total = [], 0
        for info in infos:
            if self.overflow and total >= self.max_words:
                break
            words = word_count(str(info.sentence))
            if self.overflow or total + words <= self.max_words:
                kept.append(info)
                total += words
        return kept


class SumyBaseline:
    def __init__(self, method: str, overflow: bool = False):
        self.overflow = overflow
        self.tokenizer = SumyTokenizer()
        self.summarizer = SUMY_METHODS[method](Stemmer(LANGUAGE))
        self.summarizer.stop_words = get_stop_words(LANGUAGE)

    def __call__(self, sentences: list[Sentence], max_words: int,
                 embeddings: np.ndarray | None = None) -> list[Sentence]:
        wrapped: dict[int, int] = {}
        paragraphs, current, previous_doc = [], [], None
        for i, sentence in enumerate(sentences):
            if sentence.doc_id != previous_doc and current:
                paragraphs.append(Paragraph(current))
                current = []
            previous_doc = sentence.doc_id
            item = SumySentence(sentence.text, self.tokenizer)
            wrapped[id(item)] = i
            current.append(item)
        if current:
            paragraphs.append(Paragraph(current))
        budget = WordBudget(max_words, self.overflow)
        chosen = self.summarizer(ObjectDocumentModel(paragraphs), budget)
        return reading_order(sentences, [wrapped[id(s)] for s in chosen])
