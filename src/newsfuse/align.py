"""Cross-source alignment: which sentences of different articles say the same thing.

Computed once per event and shared by the summary citations, corroboration counts and
unique facts, so those three can never disagree about what "the same content" means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from newsfuse.config import AlignConfig
from newsfuse.model import Sentence

_NUMBER = re.compile(r"\d[\d,.]*")


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
    matches = [_best_matches(i, sentences, similarity, doc_ids, config.same_content_cosine)
               for i in range(len(sentences))]
    alignment = Alignment(sentences=sentences, embeddings=embeddings, matches=matches,
                          independent=independent or {})
    alignment.groups = _group(alignment)
    return alignment


def _best_matches(i: int, sentences: list[Sentence], similarity: np.ndarray,
                  doc_ids: np.ndarray, threshold: float) -> dict[str, int]:
    found: dict[str, int] = {}
    candidates = np.nonzero((similarity[i] >= threshold) & (doc_ids != sentences[i].doc_id))[0]
    for j in sorted(candidates, key=lambda j: -similarity[i, j]):
        doc = sentences[j].doc_id
        if doc not in found and _numbers_agree(sentences[i].text, sentences[j].text):
            found[doc] = int(j)
    return found


def _numbers_agree(claim: str, support: str) -> bool:
    """A sentence's figures are confirmed only by a sentence giving the same figures.

    Sentences giving different figures are not 'the same content', however similar; and a
    sentence without the figure cannot be cited as a source for it.
    """
    numbers_claim, numbers_support = set(_NUMBER.findall(claim)), set(_NUMBER.findall(support))
    if not numbers_claim:
        return True
    return bool(numbers_support) and (numbers_claim <= numbers_support
                                      or numbers_support <= numbers_claim)


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
