"""Statements reported by two or more independent sources, read off the alignment."""

from __future__ import annotations

import numpy as np

from newsfuse.align import Alignment
from newsfuse.model import CorroboratedFact

# Fragments shorter than this ("He said.", datelines) are not facts worth listing.
MIN_FACT_WORDS = 6
MAX_FACTS = 20


def corroborated_facts(alignment: Alignment) -> list[CorroboratedFact]:
    facts = []
    for members in alignment.groups:
        sources = sorted({alignment.sentences[m].doc_id for m in members})
        count = alignment.independent_count(sources)
        if count < 2:
            continue
        text = alignment.sentences[_representative(alignment, members)].text
        if len(text.split()) >= MIN_FACT_WORDS:
            facts.append((count, members[0], CorroboratedFact(text=text, sources=sources,
                                                              count=count)))
    facts.sort(key=lambda item: (-item[0], item[1]))
    return [fact for _, _, fact in facts[:MAX_FACTS]]


def _representative(alignment: Alignment, members: list[int]) -> int:
    """The member closest to all others: the plainest wording of the shared statement."""
    vectors = alignment.embeddings[members]
    centrality = (vectors @ vectors.T).sum(axis=1)
    return members[int(np.argmax(centrality))]
