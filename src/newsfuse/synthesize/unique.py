"""Salient facts that only one source reports."""

from __future__ import annotations

import re

import numpy as np

from newsfuse.align import Alignment
from newsfuse.model import AnnotatedDocument, CorroboratedFact, UniqueFact
from newsfuse.nlp.claims import is_none_count
from newsfuse.script import word_count

MIN_FACT_WORDS = 8
MAX_FACT_WORDS = 60
FACTS_PER_SOURCE = 3
# Sentences further than this from the event centroid are off-topic asides, not facts.
MIN_RELEVANCE = 0.3
# A sentence this close (MiniLM cosine) to a sentence of another voice tells the same thing,
# whatever detail it adds: two ledes ("A teenager who had his legs severed by a train ... has
# died" / "A teenager whose legs were severed in a train accident ... has died") that the
# alignment keeps apart for a figure only one gives. On crossfacts dev the closest other-voice
# sentence of a gold unique fact is at most 0.78.
TOLD_ALIKE_COSINE = 0.8
_QUOTE_MARKS = re.compile(r"[\"“”]")


def unique_facts(alignment: Alignment, documents: list[AnnotatedDocument],
                 corroborated: list[CorroboratedFact] | None = None) -> list[UniqueFact]:
    """Per source, its most salient sentences no other voice states; not a sentence that
    holds the wording of a fact listed as corroborated by this source (a fact read off one
    clause leaves the rest of its sentence unconfirmed, yet the sentence is no unique fact)."""
    if not alignment.sentences:
        return []
    listed = _listed_wordings(corroborated or [])
    centroid = alignment.embeddings.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    relevance = alignment.embeddings @ centroid
    salient = _salient_sentences(documents)
    left_out = _copied_sentences(alignment) | _cut_off_endings(alignment) \
        | _stating_a_listed_fact(corroborated or []) | _told_alike_elsewhere(alignment)
    facts: list[UniqueFact] = []
    for doc in documents:
        ranked = sorted(
            (i for i, s in enumerate(alignment.sentences)
             if s.doc_id == doc.article.id and i not in left_out
             and not alignment.confirmed_elsewhere(i)
             and (s.doc_id, s.index) in salient and relevance[i] >= MIN_RELEVANCE
             and _is_statement(s.text)
             and not _holds_any(s.text, listed.get(s.doc_id, []))),
            # Facts no other voice states in any clause come first: a sentence half of which
            # is corroborated is a weaker example of what only this source has.
            key=lambda i: (alignment.echoed(i), -relevance[i]))
        facts += [UniqueFact(source=doc.article.id, text=alignment.sentences[i].text)
                  for i in sorted(_first_of_each_wording(alignment, ranked)[:FACTS_PER_SOURCE])]
    return facts


def _told_alike_elsewhere(alignment: Alignment) -> set[int]:
    """Sentences at TOLD_ALIKE_COSINE or closer to a sentence of another voice."""
    voices = np.array([alignment.voice(s.doc_id) for s in alignment.sentences])
    cosines = alignment.embeddings @ alignment.embeddings.T
    cosines[voices[:, None] == voices[None, :]] = -1.0
    return set(np.nonzero(cosines.max(axis=1) >= TOLD_ALIKE_COSINE)[0].tolist())


def _stating_a_listed_fact(corroborated: list[CorroboratedFact]) -> set[int]:
    """The sentences through which a source states a fact listed as corroborated ("Goforth, 47,
    was a 10-year veteran of the force with a wife and two kids" beside "He had a wife and two
    children" from both sources): what they add is a detail, and the fact is not unique."""
    return {i for fact in corroborated for i in fact.stated_in.values()}


def _first_of_each_wording(alignment: Alignment, ranked: list[int]) -> list[int]:
    """Each wording once: a page that repeats its lead sentence (an export that ran the teaser
    and the story together) has one fact in it, not three."""
    seen: set[str] = set()
    kept = []
    for i in ranked:
        wording = _folded(alignment.sentences[i].text)
        if wording not in seen:
            seen.add(wording)
            kept.append(i)
    return kept


def _cut_off_endings(alignment: Alignment) -> set[int]:
    """The last sentence of a text that stops mid-sentence (an excerpt, a corpus's first 150
    words: "... is the sixth living recipient from the"): a fragment, no fact."""
    last: dict[str, int] = {}
    for i, sentence in enumerate(alignment.sentences):
        last[sentence.doc_id] = i
    return {i for i in last.values() if alignment.sentences[i].text.rstrip()[-1:].isalnum()}


def _copied_sentences(alignment: Alignment) -> set[int]:
    """Sentences an earlier article of the same voice already has, word for word: a copy (a
    syndicated or near-duplicate article) or another version of one outlet's story repeats
    them, and the first article lists them, once (a wire's four write-throughs had each
    listed "The yacht, which has a crew of 11, ... overturned." as their own)."""
    first: dict[tuple[str, str], str] = {}
    copied = set()
    for i, sentence in enumerate(alignment.sentences):
        key = (alignment.voice(sentence.doc_id), _folded(sentence.text))
        if first.setdefault(key, sentence.doc_id) != sentence.doc_id:
            copied.add(i)
    return copied


def _listed_wordings(facts: list[CorroboratedFact]) -> dict[str, list[str]]:
    """Source id -> the folded wordings of the corroborated facts citing it."""
    wordings: dict[str, list[str]] = {}
    for fact in facts:
        core = _folded(fact.text).rstrip(" .")
        for source in fact.sources:
            wordings.setdefault(source, []).append(core)
    return wordings


def _holds_any(text: str, wordings: list[str]) -> bool:
    folded = _folded(text)
    return any(wording in folded for wording in wordings)


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def _salient_sentences(documents: list[AnnotatedDocument]) -> set[tuple[str, int]]:
    """Sentences carrying a number, a date or a named entity: checkable facts."""
    salient = set()
    for doc in documents:
        # "nobody was hurt" (a toll of none) is a figure for comparing sources, not what
        # makes a sentence one a single source alone could be checked on
        for item in [*(n for n in doc.numbers if not is_none_count(n)), *doc.dates]:
            salient.add((doc.article.id, item.sentence))
        for mention in doc.entities:
            salient.add((doc.article.id, mention.sentence))
    return salient


def _is_statement(text: str) -> bool:
    words = word_count(text)
    # Quoted speech is listed under quotes with its speaker; a sentence holding part of a
    # quote reads as the outlet's own claim when shown alone.
    return (MIN_FACT_WORDS <= words <= MAX_FACT_WORDS and not text.rstrip().endswith("?")
            and not _QUOTE_MARKS.search(text))
