"""Statements reported by two or more independent sources, read off the alignment."""

from __future__ import annotations

import numpy as np

from newsfuse.align import Alignment
from newsfuse.model import CorroboratedFact

# Fragments shorter than this ("He said.", datelines) are not facts worth listing.
MIN_FACT_WORDS = 6
MAX_FACTS = 20


def corroborated_facts(alignment: Alignment,
                       excluded: set[tuple[str, int]] | None = None) -> list[CorroboratedFact]:
    """Groups of same-content sentences from 2+ independent sources, most sources first.

    `excluded` sentences (quote fragments without their speaker) may confirm a fact but are
    never shown as its wording.
    """
    excluded = excluded or set()
    facts = []
    for members in alignment.groups:
        sources = sorted({alignment.sentences[m].doc_id for m in members})
        count = alignment.independent_count(sources)
        shown = [m for m in members
                 if (alignment.sentences[m].doc_id, alignment.sentences[m].index) not in excluded]
        if count < 2 or not shown:
            continue
        text = alignment.sentences[_representative(alignment, shown)].text
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
