"""Assemble the EventReport of one event from annotated documents and their alignment."""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz import fuzz

from newsfuse.align import Alignment
from newsfuse.config import Config
from newsfuse.lang import DATELINE_PLACE_PATTERN
from newsfuse.model import (
    AnnotatedDocument,
    ArticleInfo,
    Conflict,
    CorroboratedFact,
    EventReport,
    InputError,
    Quote,
    Sentence,
    SummarySentence,
)
from newsfuse.nlp.embed import KnownVectors, get_embedder
from newsfuse.nlp.entities import alias_index, merge_entities, name_key
from newsfuse.script import word_count
from newsfuse.segment import leans_back
from newsfuse.synthesize.conflicts import Agreement, compare_figures, distinctive_figures
from newsfuse.synthesize.corroborate import corroborated_facts, echoed_figures
from newsfuse.synthesize.summary import get_summarizer
from newsfuse.synthesize.timeline import build_timeline
from newsfuse.synthesize.unique import unique_facts

# compare_figures' result: conflicts, and the figures sources agree on
Figures = tuple[list[Conflict], list[Agreement]]

MAX_TITLE_WORDS = 16
_QUOTE_MARKS = str.maketrans("", "", "\"“”‘’'")


def build_report(documents: list[AnnotatedDocument], alignment: Alignment, config: Config,
                 errors: list[InputError] | None = None,
                 figures: Figures | None = None,
                 chosen: list[Sentence] | None = None) -> EventReport:
    """`figures`: `compare_figures(documents, alignment.independent, ...)`, and `chosen`:
    `summary_choice(alignment.sentences, alignment.embeddings, config, fragments)`, when
    already made (`api.analyze` makes them beside the alignment)."""
    fragments = unattributed_quote_sentences(documents)
    if chosen is None:
        chosen = summary_choice(alignment.sentences, alignment.embeddings, config, fragments)
    summary = cited_summary(alignment, chosen)
    entities = merge_entities(documents)
    vectors = sentence_vectors(alignment)
    conflicts, corroborated = figures_and_facts(documents, alignment, fragments, vectors,
                                                figures)
    title = event_title(documents, alignment, summary)
    return EventReport(
        title=title,
        articles=[_article_info(doc, alignment.independent) for doc in documents],
        summary=[s.model_copy(update={"text": without_opening_marks(s.text)}) for s in summary],
        corroborated=corroborated,
        conflicts=conflicts,
        unique=unique_facts(alignment, documents, corroborated),
        quotes=_distinct_quotes(documents, alias_index(entities)),
        entities=entities,
        timeline=build_timeline(documents, vectors),
        errors=errors or [],
    )


def compared_figures(documents: list[AnnotatedDocument], independent: dict[str, str],
                     sentences: list[Sentence], embeddings: np.ndarray) -> Figures:
    """`compare_figures` as `build_report` makes it (`alignment.independent`, and an encoder
    that reuses the sentence vectors), from what the alignment is made of."""
    return compare_figures(documents, independent, _known_vectors(sentences, embeddings))


def sentence_vectors(alignment: Alignment) -> KnownVectors:
    """An encoder that reuses the event's sentence vectors and encodes only new texts."""
    return _known_vectors(alignment.sentences, alignment.embeddings)


def _known_vectors(sentences: list[Sentence], embeddings: np.ndarray) -> KnownVectors:
    return KnownVectors([s.text for s in sentences], embeddings, get_embedder())


def figures_and_facts(documents: list[AnnotatedDocument], alignment: Alignment,
                      fragments: set[tuple[str, int]], vectors: KnownVectors,
                      figures: Figures | None = None,
                      ) -> tuple[list[Conflict], list[CorroboratedFact]]:
    """Conflicting figures, and the corroborated facts: those read off the alignment, then
    the figures independent sources give alike (linked, or days in sentences that echo).
    `figures`: the figures' comparison, when already made."""
    conflicts, agreements = figures if figures is not None \
        else compare_figures(documents, alignment.independent, vectors)
    agreements = [*agreements, *echoed_figures(alignment, distinctive_figures(documents))]
    return conflicts, corroborated_facts(alignment, fragments, agreements)


def summary_choice(sentences: list[Sentence], embeddings: np.ndarray, config: Config,
                   excluded: set[tuple[str, int]] | None = None) -> list[Sentence]:
    """The summary's sentences, in reading order, out of all but the `excluded` ones (by
    article id and index); they need no alignment, only the sentences and their vectors."""
    excluded = excluded or set()
    keep = [i for i, s in enumerate(sentences) if (s.doc_id, s.index) not in excluded]
    summarizer = get_summarizer(config.summary.method)
    return summarizer([sentences[i] for i in keep], config.summary.max_words, embeddings[keep])


def cited_summary(alignment: Alignment, chosen: list[Sentence]) -> list[SummarySentence]:
    """The chosen sentences, each citing every article that reports its content."""
    position = {(s.doc_id, s.index): i for i, s in enumerate(alignment.sentences)}
    return [SummarySentence(text=s.text,
                            sources=alignment.sources_of(position[(s.doc_id, s.index)]))
            for s in chosen]


def unattributed_quote_sentences(documents: list[AnnotatedDocument]) -> set[tuple[str, int]]:
    """Sentences inside a multi-sentence quote that do not name who speaks.

    Out of context such a sentence reads as the summary's own claim ("Enough is enough!"),
    so it must not be summarised; the quote itself is listed with its speaker.
    """
    inside = set()
    for doc in documents:
        for quote in doc.quotes:
            quoted = _normalise(quote.text)
            for offset, sentence in enumerate(doc.sentences[quote.sentence:]):
                text = _normalise(sentence.text)
                if not text or text not in quoted:
                    if offset == 0:
                        continue  # the opening sentence usually carries the attribution
                    break
                if not _names_speaker(sentence.text, quote.speaker):
                    inside.add((doc.article.id, sentence.index))
    return inside


def _normalise(text: str) -> str:
    return " ".join(text.translate(_QUOTE_MARKS).split()).strip(" ,.")


def _names_speaker(text: str, speaker: str | None) -> bool:
    return bool(speaker) and speaker.split()[-1] in text


def event_title(documents: list[AnnotatedDocument], alignment: Alignment,
                summary: list[SummarySentence]) -> str:
    """The headline most similar to all other headlines; else the summary's first sentence."""
    titles = [doc.article.title for doc in documents if doc.article.title]
    # a page's first line may be its lead sentence or a caption: headlines come first
    titles = [t for t in titles if _reads_as_headline(t)] or titles
    # a live page's headline names the coverage, not the news ("... : live updates")
    titles = [t for t in titles if not _LIVE_COVERAGE.search(t)] or titles
    if len(titles) >= 3:
        vectors = get_embedder()(titles)
        return titles[int(np.argmax((vectors @ vectors.T).sum(axis=1)))]
    if titles:
        return titles[0]
    if not summary:
        return "Untitled event"
    # no headline given: the summary sentence nearest the articles' first sentences, which
    # tell the news (a summary may open on background: "Peace talks broke off two years
    # ago"), among those that read on their own ("He said: ...", "But the eviction had not
    # happened ..." lean on a sentence before them)
    text = _nearest_the_ledes(summary, alignment) \
        or next((s.text for s in summary if not leans_back(s.text)), summary[0].text)
    words = _PLACE_DATELINE.sub("", _WIRE_DATELINE.sub("", text, count=1), count=1).split()
    return " ".join(words[:MAX_TITLE_WORDS]) + ("…" if len(words) > MAX_TITLE_WORDS else "")


# A lede has this many words at least: a dateline split off as a sentence ("EAGAN, Minn.")
# or a kicker ("Sisters?") comes before it.
MIN_LEDE_WORDS = 8


def _ledes(alignment: Alignment) -> list[int]:
    """Each article's first sentence of a lede's length (indices into its sentences)."""
    first: dict[str, int] = {}
    for i, sentence in enumerate(alignment.sentences):
        if sentence.doc_id not in first and word_count(sentence.text) >= MIN_LEDE_WORDS:
            first[sentence.doc_id] = i
    return sorted(first.values())


def _nearest_the_ledes(summary: list[SummarySentence], alignment: Alignment | None
                       ) -> str | None:
    if alignment is None:
        return None
    ledes = _ledes(alignment)
    rows = {s.text: i for i, s in enumerate(alignment.sentences)}
    candidates = [s.text for s in summary if s.text in rows and not leans_back(s.text)]
    if not ledes or not candidates or len(alignment.embeddings) != len(alignment.sentences):
        return None
    centre = alignment.embeddings[ledes].mean(axis=0)
    return max(candidates, key=lambda text: float(alignment.embeddings[rows[text]] @ centre))


# "Atlanta ( cnn ) sixteen postal workers ...": a dateline glued to a one-line page's lead; and
# "INDIANAPOLIS — Mark Herzlich knows ...": a place in capitals and a dash open a wire story's
# lead, and a title has no room for them.
_WIRE_DATELINE = re.compile(r"^[^()]{1,40}\(\s*(?:cnn|ap|reuters|afp|upi)\s*\)\s*[-–—]*\s*",
                            re.IGNORECASE)
_PLACE_DATELINE = re.compile(rf"^{DATELINE_PLACE_PATTERN}\s+[—–-]+\s+")


# What opens a sentence of a wire story or a live page without being part of what it says:
# "CORVINA, Aug 14 (SportsWire) - ", "PORT MARREN — ", "14:05 - ".
_OPENING_MARKS = [
    re.compile(rf"^{DATELINE_PLACE_PATTERN}(?:,? [^()\n]{{1,30}})?\s*\([^()\n]{{2,40}}\)\s*"
               r"[-–—]+\s+(?=\S)"),
    re.compile(rf"^{DATELINE_PLACE_PATTERN}\s+(?:—|–|--)\s+(?=\S)"),  # not "NATO - the"
    re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?"
               r"(?:[-–—|]\s+(?=\S)|\s(?=[A-Z]))"),  # "09:40 Police say ...", "6:05 p.m. Good"
]


def without_opening_marks(text: str) -> str:
    """A summary sentence without the dateline or the live page's time stamp it opens with
    (the sentence is shown apart from its article, where they told where and when)."""
    for mark in _OPENING_MARKS:
        cut = mark.sub("", text, count=1)
        if cut != text and len(cut.split()) >= 4:
            return cut[:1].upper() + cut[1:]
    return text


_LIVE_COVERAGE = re.compile(
    r"^live\s*[:|–—-]|[:|–—-]\s*live\b|\blive(?::| updates?\b| blog\b| coverage\b| reaction\b)|"
    r"\bas it happened\b|\blatest updates\b", re.IGNORECASE)


def _reads_as_headline(title: str) -> bool:
    """A headline is short and does not end in a full stop; a lead sentence or a photo caption
    taken for a title ("The FBI investigates after ... on Saturday.") does."""
    return word_count(title) <= MAX_TITLE_WORDS and not title.rstrip().endswith((".", "…"))


def _article_info(doc: AnnotatedDocument, independent: dict[str, str]) -> ArticleInfo:
    article = doc.article
    representative = independent.get(article.id, article.id)
    return ArticleInfo(id=article.id, title=article.title, source=article.source,
                       url=article.url, published=article.published,
                       words=word_count(article.body),
                       duplicate_of=None if representative == article.id else representative,
                       removed=article.removed)


def _distinct_quotes(documents: list[AnnotatedDocument], aliases: dict[str, str]) -> list[Quote]:
    """All quotes under the speaker's merged name, minus a source repeating the same quote."""
    seen: set[tuple[str, str]] = set()
    quotes = []
    for doc in documents:
        for quote in doc.quotes:
            key = (quote.source, " ".join(quote.text.lower().split()))
            if key in seen:
                continue
            seen.add(key)
            if quote.speaker:
                speaker = _speaker_shown(quote.speaker,
                                         aliases.get(name_key(quote.speaker), quote.speaker))
                quote = quote.model_copy(update={"speaker": speaker})
            quotes.append(quote)
    return quotes


# Two spellings of one surname ("ekdal" / "ekdahl" 91, "soberg" / "søberg" folded 100), not
# two names ("who" / "organization").
RESPELLING_RATIO = 80


def _speaker_shown(written: str, merged: str) -> str:
    """The merged name where it only completes the one the article gives ("Mr Stumpf" ->
    "John Stumpf"), else the speaker as the quoting article spells them: a reader checking
    the quote there finds "Malin Ekdal" or "Ingrid Soberg", not another outlet's "Ekdahl" or
    "Søberg" (the entities list shows the spellings are one person)."""
    words, whole = written.split(), merged.split()
    if whole[-1] == words[-1] or len(words) == 1 and words[0] in whole:
        return merged  # "Marek" (a first name alone) is "Marek Dunleavy" too
    respelt = fuzz.ratio(name_key(words[-1]), name_key(whole[-1])) >= RESPELLING_RATIO
    if len(words) == 1:  # "Ekdal" of "Malin Ekdahl"; an acronym ("WHO") takes the full name
        return " ".join([*whole[:-1], words[0]]) if respelt else merged
    return written
