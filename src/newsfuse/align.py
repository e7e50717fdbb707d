"""Cross-source alignment: which sentences of different articles say the same thing.

Computed once per event and shared by the summary citations, corroboration counts and
unique facts, so those three can never disagree about what "the same content" means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsfuse.config import AlignConfig
from newsfuse.model import Sentence

_NUMBER = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"[^\W\d_]{3,}")
# Words of attribution, not of content: sharing "said" says nothing about the claim.
_REPORTING_WORDS = {"said", "says", "told", "added", "also", "would", "could", "according"}
STEM_LETTERS = 5


@dataclass
class Alignment:
    sentences: list[Sentence]
    embeddings: np.ndarray
    # For each sentence: other article id -> index (into `sentences`) of its best match there.
    matches: list[dict[str, int]]
    # Sentences that say the same thing, as sets of indices into `sentences`.
    groups: list[list[int]] = field(default_factory=list)
    # Article id -> id of the representative of its near-duplicate group.
    independent: dict[str, str] = field(default_factory=dict)

    def sources_of(self, index: int) -> list[str]:
        """Every article reporting the content of sentence `index`, its own first."""
        own = self.sentences[index].doc_id
        return [own] + sorted(self.matches[index])

    def independent_count(self, sources: list[str]) -> int:
        return len({self.independent.get(s, s) for s in sources})


def align(sentences: list[Sentence], embeddings: np.ndarray,
          independent: dict[str, str] | None = None,
          config: AlignConfig | None = None) -> Alignment:
    config = config or AlignConfig()
    similarity = embeddings @ embeddings.T if len(sentences) else np.zeros((0, 0))
    doc_ids = np.array([s.doc_id for s in sentences])
    words = [content_words(s.text) for s in sentences]
    matches = [_best_matches(i, sentences, similarity, doc_ids, words, config)
               for i in range(len(sentences))]
    alignment = Alignment(sentences=sentences, embeddings=embeddings, matches=matches,
                          independent=independent or {})
    alignment.groups = _group(alignment)
    return alignment


def _best_matches(i: int, sentences: list[Sentence], similarity: np.ndarray,
                  doc_ids: np.ndarray, words: list[set[str]],
                  config: AlignConfig) -> dict[str, int]:
    found: dict[str, int] = {}
    candidates = np.nonzero((similarity[i] >= config.paraphrase_cosine)
                            & (doc_ids != sentences[i].doc_id))[0]
    for j in sorted(candidates, key=lambda j: -similarity[i, j]):
        doc = sentences[j].doc_id
        if doc in found or not _numbers_agree(sentences[i].text, sentences[j].text):
            continue
        if (similarity[i, j] >= config.same_content_cosine
                or len(words[i] & words[j]) >= config.paraphrase_shared_words):
            found[doc] = int(j)
    return found


def content_words(text: str) -> set[str]:
    """Lower-cased content words cut to a 5-letter stem ("protected" ~ "protection")."""
    return {w[:STEM_LETTERS] for w in (m.lower() for m in _WORD.findall(text))
            if w not in ENGLISH_STOP_WORDS and w not in _REPORTING_WORDS}


def _numbers_agree(claim: str, support: str) -> bool:
    """A sentence's figures are confirmed only by a sentence giving all of them.

    Sentences giving different figures are not 'the same content', however similar; and a
    sentence with only some of the figures cannot be cited as a source for the others.
    """
    return set(_NUMBER.findall(claim)) <= set(_NUMBER.findall(support))


def _group(alignment: Alignment) -> list[list[int]]:
    """Mutual-match groups: a sentence joins a group only if it matches every member's article.

    Plain connected components chain loosely related sentences together (A~B, B~C, A≁C);
    requiring a match to each member keeps every group about one statement.
    """
    order = sorted(range(len(alignment.sentences)), key=lambda i: -len(alignment.matches[i]))
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for i in order:
        if i in group_of or not alignment.matches[i]:
            continue
        members = [i]
        for doc, j in alignment.matches[i].items():
            if j in group_of or any(alignment.sentences[m].doc_id == doc for m in members):
                continue
            if all(alignment.sentences[m].doc_id in alignment.matches[j] for m in members):
                members.append(j)
        if len(members) > 1:
            for m in members:
                group_of[m] = len(groups)
            groups.append(sorted(members))
    return groups
