"""Cross-source alignment: which article states which fact of another article.

Computed once per event and shared by the summary citations, corroboration counts and
unique facts, so those three can never disagree about what "the same content" means.

A fact is often one clause of a longer sentence, so every sentence is also cut into clauses
("parts"), and a part of one article is *supported* by a sentence of another article when
  - the sentence, or one of its clauses, is close in meaning (MiniLM cosine), and
  - it carries the part's key content: the part's words weighted by how rare they are in the
    event (topic words shared by every article weigh little, names and specific words much),
  - and it contradicts none of the part's details: every figure of the part is in the
    sentence, and a weekday it gives is not another weekday.
Topic-mates share the event's vocabulary and a middling cosine; paraphrases share the rare
words or a high cosine, which is what the combined score separates.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from threadpoolctl import threadpool_limits

from newsfuse import script
from newsfuse.config import AlignConfig
from newsfuse.dedup import outlet_key, source_voices
from newsfuse.model import AnnotatedDocument, Predicate, Proposition, Sentence
from newsfuse.nlp.embed import TokenVectors

# texts -> (unit sentence vectors, token vectors of each text), one encoder pass
Encode = Callable[[list[str]], tuple[np.ndarray, list[TokenVectors]]]

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_WORD = re.compile(r"[^\W\d_]{3,}")
_SPACELESS_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
# Capitalised words not opening the text: names, the event's own vocabulary more than the
# claim's, so they are weighed apart from the other content words.
_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’-]+")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# Ordinals ("the first in a series" / "the second in a series"): a rank is a figure too.
_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(?:st|nd|rd|th))\b", re.I)
# Words between quotation marks (curly or straight), in one part.
_QUOTED = re.compile(r"[“\"]([^”“\"]+)[”\"]")
# Share of a part's quoted content words a sentence must give to state it.
QUOTED_SHARE = 0.6
# A month named as a date: capitalised, and "May" / "March" only beside a day or a year (else
# they are mostly a verb: "may rise", "March organisers").
_MONTH = re.compile(r"\b(January|February|April|June|July|August|September|October|November"
                    r"|December|(?:May|March)(?=\s+\d))\b")
# Where a sentence joins clauses: semicolons, colons, dashes, and a comma before a conjunction,
# relative pronoun or participle of attribution. Cheap and parse-free, so clause vectors can be
# computed beside spaCy; a bare "and" is not a break ("names and phone numbers").
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|:\s|\s[—–]\s|\s--?\s|,\s+(?=(?:and|but|which|who|whose|while|whereas|after|before"
    r"|when|as|although|though|where|because|since|until|saying|adding|including|with|so)\b))\s*",
    re.IGNORECASE)
# Words of attribution, not of content: sharing "said" says nothing about the claim.
_REPORTING_WORDS = {"said", "says", "told", "added", "also", "would", "could", "according"}
STEM_LETTERS = 5
# A fact found through a proposition is cited from cite_score + this margin: a clause has fewer
# words to tell a paraphrase from a topic-mate. 0.3 on crossfacts half A (10 of 23 facts; 0.6:
# 8), checked on half B (8 of 23) and on the 15 hand-judged real clusters (cited sources that
# state the fact 0.81 -> 0.82; without the margin 0.78). See docs/alignment.md.
PROPOSITION_MARGIN = 0.3
# A proposition holding more than this share of its sentence's content words is the sentence.
NEAR_WHOLE = 0.8


@dataclass(frozen=True)
class Part:
    """A sentence or one of its clauses, with what must be found to support it."""

    sentence: int
    text: str
    keys: frozenset[str]
    names: frozenset[str]
    figures: frozenset[str]
    weekdays: frozenset[str]
    whole: bool
    # Months it names as dates ("in July"): a source that names none, or others, does not
    # state it ("she announced her retirement in July" / "her retirement at year end").
    months: frozenset[str] = frozenset()
    # Ordinals it gives ("the second in a series"): one giving others is about another rank.
    ordinals: frozenset[str] = frozenset()
    # Content words it quotes: a quote is its speaker's very words, so a source states it only
    # if it gives most of them (`QUOTED_SHARE`), not a paraphrase of their gist.
    quoted: frozenset[str] = frozenset()
    # Character span in the sentence's text: where its predicates and figures are.
    start: int = 0
    end: int = 0
    # A clause read off the parse (`nlp.propositions`), compared only with the other side's
    # propositions and supported only from where it is cited: corroboration reads it; summary
    # citations and what counts as confirmed keep to the punctuation clauses, whose union is
    # the whole sentence.
    proposition: bool = False
    # A proposition's words as character ranges in the sentence's text (it may skip an aside).
    spans: tuple[tuple[int, int], ...] = ()
    # Words placing it at an earlier time than the event ("last year", "previously"): "Prodi
    # offered his resignation" is not stated by "the party forced him to offer his
    # resignation last year".
    earlier: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Support:
    """Part `part` is stated by sentence `sentence` (of another article) with `score`."""

    part: int
    sentence: int
    score: float


@dataclass
class Evidence:
    """What the parse says about each sentence (empty without documents): its predicates,
    each with its offset in the sentence's text."""

    predicates: dict[int, list[tuple[int, Predicate]]] = field(default_factory=dict)

    def predicates_in(self, part: Part) -> list[Predicate]:
        return [p for at, p in self.predicates.get(part.sentence, [])
                if part.start <= at < part.end]


@dataclass
class Alignment:
    sentences: list[Sentence]
    embeddings: np.ndarray
    # For each sentence: other article id -> index (into `sentences`) of the sentence there
    # that states all of it (every clause) firmly enough to be cited for it.
    matches: list[dict[str, int]]
    parts: list[Part] = field(default_factory=list)
    part_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    # For each part: other article id -> its best supporting sentence there.
    support: list[dict[str, Support]] = field(default_factory=list)
    # Support score from which a source is cited (summary sentences, corroborated facts).
    cite_score: float = 0.0
    # Article id -> id of the representative of its near-duplicate group (syndicated copies).
    independent: dict[str, str] = field(default_factory=dict)
    # Article id -> one id per independent voice: copies and one outlet's versions of a story
    # (an updated article) share it.
    voices: dict[str, str] = field(default_factory=dict)
    # Sentence -> the propositions the parse reads in it, also those not aligned as parts
    # (nearly the whole sentence): wordings of one clause without its asides.
    statements: dict[int, list[str]] = field(default_factory=dict)
    # Punctuation clauses in which the parse finds no predicate ("The unit's snipers and
    # members of the special operations regiment"): they state nothing on their own, so
    # they are no corroborated fact, however many sentences name the same things. Empty
    # without documents.
    verbless: frozenset[int] = frozenset()

    def sources_of(self, index: int) -> list[str]:
        """Every article stating the content of sentence `index`, its own first."""
        own = self.sentences[index].doc_id
        return [own] + sorted(self.matches[index])

    def voice(self, doc_id: str) -> str:
        return self.voices.get(doc_id, self.independent.get(doc_id, doc_id))

    def independent_count(self, sources: list[str]) -> int:
        return len({self.voice(s) for s in sources})

    def confirmed_elsewhere(self, index: int) -> bool:
        """True when another voice states all of sentence `index` (each clause of it).

        A sentence with one clause no other voice states still carries a fact of its own.
        """
        own = self.voice(self.sentences[index].doc_id)
        return any(self.voice(doc) != own for doc in _whole_matches(self, index))

    def confirmed_share(self, index: int) -> float:
        """Share of sentence `index`'s clauses (the sentence, when it is one clause) that
        another voice states."""
        clauses = _clauses(self, index)
        own = self.voice(self.sentences[index].doc_id)
        confirmed = [p for p in clauses
                     if any(self.voice(doc) != own for doc in self.support[p])]
        return len(confirmed) / len(clauses) if clauses else 0.0

    def echoed(self, index: int) -> bool:
        """True when another voice states some part of sentence `index`, or the sentence
        states a part of another voice's sentence (support is found in one direction)."""
        own = self.voice(self.sentences[index].doc_id)
        return (self.confirmed_share(index) > 0
                or any(self.voice(self.sentences[self.parts[p].sentence].doc_id) != own
                       for p in self._supported_by.get(index, [])))

    def parts_of(self, index: int) -> list[int]:
        return self._parts_by_sentence.get(index, [])

    def position(self, doc_id: str, index: int) -> int | None:
        """Index into `sentences` of sentence `index` of article `doc_id` (None: not aligned,
        e.g. a photo caption)."""
        return self._position.get((doc_id, index))

    def __post_init__(self) -> None:
        self._position = {(s.doc_id, s.index): i for i, s in enumerate(self.sentences)}
        self._parts_by_sentence: dict[int, list[int]] = {}
        # Sentence -> parts of other sentences it states.
        self._supported_by: dict[int, list[int]] = {}

    def index_parts(self) -> None:
        self._parts_by_sentence = {}
        self._supported_by = {}
        for p, part in enumerate(self.parts):
            self._parts_by_sentence.setdefault(part.sentence, []).append(p)
            for found in self.support[p].values():
                self._supported_by.setdefault(found.sentence, []).append(p)


def align(sentences: list[Sentence], embeddings: np.ndarray,
          independent: dict[str, str] | None = None,
          config: AlignConfig | None = None, *,
          outlets: dict[str, str | None] | None = None,
          encode: Encode | None = None,
          tokens: list[TokenVectors] | None = None,
          documents: list[AnnotatedDocument] | None = None,
          cut: list[list[Part]] | None = None) -> Alignment:
    """Align an event's sentences; `embeddings` are their unit vectors and `tokens` their
    token vectors (encoded here when omitted), `outlets` the outlet name of each article id,
    `encode` the encoder for clauses (MiniLM when omitted), `cut` each sentence's
    `punctuation_parts` (cut here when omitted)."""
    config = config or AlignConfig()
    independent = independent or {}
    propositions = sentence_propositions(sentences, documents) if documents else {}
    parts = split_parts(sentences, config, propositions, cut)
    if encode is None:
        from newsfuse.nlp.embed import get_embedder

        encode = get_embedder().encode
    if tokens is None:
        tokens = encode([s.text for s in sentences])[1] if sentences else []
    vectors, part_tokens = _part_vectors(parts, embeddings, tokens, encode)
    evidence = gather_evidence(sentences, documents) if documents else Evidence()
    alignment = Alignment(sentences=sentences, embeddings=embeddings,
                          matches=[{} for _ in sentences], parts=parts, part_vectors=vectors,
                          cite_score=config.cite_score,
                          independent=independent,
                          voices=_voices(independent, outlets, documents),
                          statements={i: [p.text for p in found]
                                      for i, found in propositions.items()})
    if documents:
        alignment.verbless = frozenset(
            p for p, part in enumerate(parts)
            if not part.whole and not part.proposition and not evidence.predicates_in(part))
    alignment.support = _supports(sentences, parts, vectors, part_tokens, config, evidence)
    alignment.index_parts()
    alignment.matches = [_whole_matches(alignment, i, config.cite_score)
                         for i in range(len(sentences))]
    return alignment


def _voices(independent: dict[str, str], outlets: dict[str, str | None] | None,
            documents: list[AnnotatedDocument] | None) -> dict[str, str]:
    """Voices from the articles' texts (one outlet's versions of a story share one, its other
    stories do not), or from outlet names alone when only sentences are given."""
    if documents:
        return source_voices([doc.article for doc in documents], independent)
    return outlet_voices(independent, outlets or {})


def outlet_voices(independent: dict[str, str], outlets: dict[str, str | None]) -> dict[str, str]:
    """Article id -> voice id: copies of one story, and articles of one outlet, share one."""
    voices: dict[str, str] = {}
    by_outlet: dict[str, str] = {}
    for doc in sorted(set(independent) | set(outlets)):
        voice = independent.get(doc, doc)
        name = outlet_key(outlets.get(doc))
        if name:
            voice = by_outlet.setdefault(name, voice)
        voices[doc] = voice
    # A copy whose outlet merged it elsewhere takes its group along.
    return {doc: voices.get(independent.get(doc, doc), voice) for doc, voice in voices.items()}


def gather_evidence(sentences: list[Sentence],
                    documents: list[AnnotatedDocument]) -> Evidence:
    """The predicates of every sentence, by its index in `sentences`."""
    evidence = Evidence()
    for at, predicate in _by_sentence(sentences, documents, lambda doc: doc.predicates):
        evidence.predicates.setdefault(at, []).append(
            (predicate.start - sentences[at].start, predicate))
    return evidence


def _by_sentence(sentences: list[Sentence], documents: list[AnnotatedDocument],
                 items: Callable[[AnnotatedDocument], list[Predicate] | list[Proposition]],
                 ) -> list[tuple[int, Predicate | Proposition]]:
    """Each document's `items` with the index into `sentences` of the sentence holding it.
    Photo captions are not sentences the alignment reads: their items are left out."""
    position = {(s.doc_id, s.index): i for i, s in enumerate(sentences)}
    return [(position[key], item) for doc in documents for item in items(doc)
            if (key := (doc.article.id, item.sentence)) in position]


def split_parts(sentences: list[Sentence], config: AlignConfig,
                propositions: dict[int, list[Proposition]] | None = None,
                cut: list[list[Part]] | None = None) -> list[Part]:
    """Each sentence as a whole, then its clauses when it has more than one, then the
    propositions the parse found in it (`propositions`: by index into `sentences`) that
    differ from both, in order. `cut`: each sentence's `punctuation_parts`, when already
    made (`api.annotate_partition` cuts them to encode the clauses beside the parse)."""
    parts = []
    propositions = propositions or {}
    for i, sentence in enumerate(sentences):
        mine = list(cut[i]) if cut is not None else punctuation_parts(i, sentence, config)
        within = mine[0].figures
        seen = {part.text.strip(" ,.") for part in mine}
        for found in propositions.get(i, []):
            start = found.start - sentence.start
            spans = tuple((a - sentence.start, b - sentence.start) for a, b in found.spans)
            part = replace(_part(i, found.text, whole=False, start=start, within=within),
                           end=found.end - sentence.start, proposition=True, spans=spans)
            # one that is nearly the whole sentence adds nothing the whole does not say
            if found.text not in seen and len(part.keys) >= config.min_part_words \
                    and len(part.keys) <= NEAR_WHOLE * len(mine[0].keys):
                seen.add(found.text)
                mine.append(part)
        parts += mine
    return parts


def punctuation_parts(index: int, sentence: Sentence, config: AlignConfig) -> list[Part]:
    """Sentence `index` as a whole, then its clauses when it has more than one."""
    mine = [_part(index, sentence.text, whole=True, start=0)]
    within = mine[0].figures
    clauses = [c.strip(" ,.") for c in _CLAUSE_BREAK.split(sentence.text)]
    clauses = [c for c in clauses if c]
    if len(clauses) > 1:
        at = 0
        for clause in clauses:
            at = max(sentence.text.find(clause, at), 0)
            part = _part(index, clause, whole=False, start=at, within=within)
            at += len(clause)
            if len(part.keys) >= config.min_part_words:
                mine.append(part)
    return mine


def sentence_propositions(sentences: list[Sentence],
                          documents: list[AnnotatedDocument]) -> dict[int, list[Proposition]]:
    """The parse's propositions by index into `sentences`."""
    found: dict[int, list[Proposition]] = {}
    for at, proposition in _by_sentence(sentences, documents, lambda doc: doc.propositions):
        found.setdefault(at, []).append(proposition)
    return found


_EARLIER = re.compile(r"\b(?:last (?:year|month|season)|(?:a|two|three|several) years ago|"
                      r"previously|in the past)\b", re.IGNORECASE)


def _part(index: int, text: str, whole: bool, start: int,
          within: frozenset[str] | None = None) -> Part:
    """`within`: the figures of the sentence a clause is cut from (none there, none here:
    reading number words is the costly part)."""
    figures = figures_of(text) if within is None or within else frozenset()
    names = frozenset(w[:STEM_LETTERS].lower() for w in _NAME.findall(text))
    return Part(sentence=index, text=text, keys=frozenset(content_words(text) | figures) - names,
                names=names,
                figures=figures, weekdays=frozenset(w.lower() for w in _WEEKDAY.findall(text)),
                months=frozenset(_MONTH.findall(text)),
                ordinals=frozenset(w.lower() for w in _ORDINAL.findall(text)),
                quoted=frozenset(w for q in _QUOTED.findall(text) for w in content_words(q)),
                earlier=frozenset(w.lower() for w in _EARLIER.findall(text)),
                whole=whole, start=start, end=start + len(text))


def content_words(text: str) -> set[str]:
    """Lower-cased content words cut to a 5-letter stem ("protected" ~ "protection"); in
    scripts written without spaces, pairs of adjacent characters (most Chinese words are two
    characters long), since a whole clause there is one "word" between spaces."""
    spaceless = script.has_spaceless(text)  # once per text: most text has none
    words = {w[:STEM_LETTERS] for w in (m.lower() for m in _WORD.findall(text))
             if w not in ENGLISH_STOP_WORDS and w not in _REPORTING_WORDS
             and not (spaceless and script.has_spaceless(w))}
    if spaceless:
        for run in _SPACELESS_RUN.findall(text):
            words |= {run[i:i + 2] for i in range(len(run) - 1)}
    return words


_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                 "fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion")
# "four-year", "two-day", "six-tonne": not "twenty-one", whose second part is a number too,
# nor a fraction ("two-thirds")
_FRACTION_WORDS = "half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
_NUMBER_WORD_JOINED = re.compile(
    rf"\b({_NUMBER_WORDS})-(?!(?:{_NUMBER_WORDS}|{_FRACTION_WORDS})\b)(?=[a-z])", re.IGNORECASE)


def figures_of(text: str) -> frozenset[str]:
    """The numbers a text states, number words included ("two deaths" -> 2)."""
    from text_to_num import alpha2digit

    # threshold 1.5 leaves "one" alone: it is mostly a pronoun ("no one was hurt"); a number
    # word joined to its unit ("a four-year deal") is read as the number it is
    digits = alpha2digit(_NUMBER_WORD_JOINED.sub(r"\1 ", text), "en", threshold=1.5)
    digits = _SPACED_THOUSANDS.sub(r"\1", digits)  # "38 000" is 38000, as "38,000"
    return frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(digits))


_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}) (?=\d{3}(?!\d))")


def _part_vectors(parts: list[Part], embeddings: np.ndarray, tokens: list[TokenVectors],
                  encode: Encode) -> tuple[np.ndarray, list[TokenVectors]]:
    """Whole sentences reuse their vectors and token vectors; clauses are encoded here."""
    if not parts:
        width = embeddings.shape[1] if embeddings.ndim == 2 else 0
        return np.zeros((0, width), dtype=np.float32), []
    vectors = np.zeros((len(parts), embeddings.shape[1]), dtype=np.float32)
    part_tokens: list[TokenVectors | None] = [None] * len(parts)
    for p, part in enumerate(parts):
        if part.whole:
            vectors[p] = embeddings[part.sentence]
            part_tokens[p] = tokens[part.sentence]
        elif part.spans:
            # a proposition is read out of its sentence's pass, in the sentence's context:
            # its pieces' vectors, and their mean as its vector (no encoder pass of its own)
            found = tokens[part.sentence].span(list(part.spans))
            if found is not None:
                mean = found.vectors.mean(axis=0)
                vectors[p] = mean / max(float(np.linalg.norm(mean)), 1e-9)
                part_tokens[p] = found
    clauses = [p for p, found in enumerate(part_tokens) if found is None]
    if clauses:
        clause_vectors, clause_tokens = encode([parts[p].text for p in clauses])
        vectors[clauses] = clause_vectors
        for p, found in zip(clauses, clause_tokens, strict=True):
            part_tokens[p] = found
    return vectors, [t for t in part_tokens if t is not None]


# BLAS threads for the soft covers: each is a small product (a part's ~15 word pieces against
# a few hundred), made one part at a time, where a second thread costs more to hand the work
# to than it saves; waiting on it when the other core was busy made them ~13x slower (1.75 s
# against 0.13 s on a 10-article DUC cluster). Same products, same results.
SMALL_PRODUCT_THREADS = 1
# A sentence with one content word or name has only that word to be found by: its cover
# counts at most this share of a whole ("It's been a while since you had some pizza", a
# forum line, was stated by a news story's "Bitcoin Pizza Day" through "pizza" alone). Its
# vector can still carry it ("They're all out, and they're all alive" / "who all came out
# alive"). Clauses need `min_part_words` already.
MIN_STATED_WORDS = 2


@threadpool_limits.wrap(limits=SMALL_PRODUCT_THREADS, user_api="blas")
def _supports(sentences: list[Sentence], parts: list[Part], vectors: np.ndarray,
              part_tokens: list[TokenVectors], config: AlignConfig,
              evidence: Evidence | None = None) -> list[dict[str, Support]]:
    """For each part, the best sentence of every other article that states it."""
    found: list[dict[str, Support]] = [{} for _ in parts]
    if not parts:
        return found
    evidence = evidence or Evidence()
    weight = _key_weights(parts, len(sentences))
    piece_weights = _piece_weights(parts, part_tokens)
    starts = np.array([p for p, part in enumerate(parts) if part.whole])
    ends = [*starts[1:], len(parts)]
    cosines = _comparable(vectors @ vectors.T, parts)
    # Cosine of each part to the closest part (or whole) of each sentence.
    closeness = np.maximum.reduceat(cosines, starts, axis=1)
    docs = np.array([s.doc_id for s in sentences])
    # Read once per part, not once per pair: each part's words (keys and names), the
    # predicates in it, and the total weight of its keys and of its names. The same sets,
    # built in the same order (a set's order of iteration, and so a sum's rounding, can
    # depend on it), and the same sums as computed per pair before.
    words = [part.keys | part.names for part in parts]
    words_names_first = [part.names | part.keys for part in parts]
    predicates = [evidence.predicates_in(part) for part in parts]
    key_totals = [_total(part.keys, weight) for part in parts]
    name_totals = [_total(part.names, weight) for part in parts]
    evidence_share = [min(1.0, len(w) / MIN_STATED_WORDS) for w in words]
    for p, part in enumerate(parts):
        own = sentences[part.sentence].doc_id
        # a proposition's support is read only where it is cited (corroboration): weaker
        # pairs are not scored, which spares most of the soft covers
        bar = config.cite_score + PROPOSITION_MARGIN if part.proposition else config.support_score
        scored = []
        for j in np.nonzero((closeness[p] >= config.min_cosine) & (docs != own))[0]:
            if not _consistent(part, parts[starts[j]]):
                continue
            # The key content must be in the closest clause, not anywhere in a long sentence
            # that holds every word of the event.
            q = starts[j] + int(np.argmax(cosines[p, starts[j]:ends[j]]))
            if contradicts(predicates[p], predicates[q]) or _another_time(part, parts[q]):
                continue
            score = (float(closeness[p, j])
                     + config.cover_weight * evidence_share[p]
                     * _cover(part.keys, words[q], weight, key_totals[p])
                     + config.name_weight * _cover(part.names, words_names_first[q], weight,
                                                   name_totals[p]))
            # the soft cover is at most 1: pairs that cannot reach the bar are not matched
            if score + config.token_weight >= bar:
                scored.append((int(j), int(q), score))
        softs = soft_covers(part_tokens[p], [part_tokens[q] for _, q, _ in scored],
                            piece_weights[p]) if config.token_weight else [0.0] * len(scored)
        for (j, _, score), soft in zip(scored, softs, strict=True):
            score += config.token_weight * soft
            best = found[p].get(docs[j])
            if score >= bar and (best is None or score > best.score):
                found[p][str(docs[j])] = Support(part=p, sentence=int(j), score=score)
    return found


def _comparable(cosines: np.ndarray, parts: list[Part]) -> np.ndarray:
    """Only a proposition is compared with the other side's propositions: one clause of a
    sentence ("the silo collapsed on Sunday") cannot state a whole sentence or a
    punctuation clause that says more ("Nobody was hurt when the silo collapsed")."""
    propositions = np.array([part.proposition for part in parts])
    if propositions.any():
        cosines[np.ix_(~propositions, propositions)] = -1.0
    return cosines


def soft_cover(mine: TokenVectors, theirs: TokenVectors, weights: np.ndarray) -> float:
    """How much of a part the other text says, token by token: each word piece of the part
    matched to its closest piece there (contextual vectors, so "died" finds "deaths" and
    "overtopped" finds "spilled over"), weighted by rarity in the event (BERTScore recall,
    Zhang et al. 2020, with the encoder already loaded)."""
    return soft_covers(mine, [theirs], weights)[0]


def soft_covers(mine: TokenVectors, others: list[TokenVectors],
                weights: np.ndarray) -> list[float]:
    """`soft_cover` of one part against several texts, in one matrix product."""
    keep = weights > 0
    kept = weights[keep]  # selected once, not once per text
    total = float(kept.sum())
    sizes = [len(other.pieces) for other in others]
    if not others or not total or not sum(sizes):
        return [0.0] * len(others)
    similarity = mine.vectors[keep] @ np.concatenate([o.vectors for o in others]).T
    # each text's best piece per piece of the part, all texts at once (texts without pieces
    # are left out of the columns and score 0)
    starts = np.cumsum([0, *sizes[:-1]])
    present = [k for k, size in enumerate(sizes) if size]
    best = np.maximum.reduceat(similarity, starts[present], axis=1)
    scores = [0.0] * len(others)
    for k, value in zip(present, (kept @ best).tolist(), strict=True):
        scores[k] = value / total
    return scores


def _piece_weights(parts: list[Part], part_tokens: list[TokenVectors]) -> list[np.ndarray]:
    """Per part, each word piece's weight: inverse sentence frequency in the event; stop
    words, words of attribution and punctuation weigh nothing."""
    frequency = Counter(piece for part, found in zip(parts, part_tokens, strict=True)
                        if part.whole for piece in set(found.pieces))
    count = sum(1 for part in parts if part.whole)
    idf = {piece: math.log((count + 1) / (n + 1)) + 1 for piece, n in frequency.items()}
    return [np.array([0.0 if piece in ENGLISH_STOP_WORDS or piece in _REPORTING_WORDS
                      or not any(ch.isalnum() for ch in piece) else idf.get(piece, 1.0)
                      for piece in found.pieces], dtype=np.float32)
            for found in part_tokens]


def _cover(keys: frozenset[str], found: frozenset[str], weight: dict[str, float],
           total: float | None = None) -> float:
    """Weighted share of `keys` in `found`; `total`: `_total(keys, weight)`, when known."""
    total = _total(keys, weight) if total is None else total
    return sum(weight[k] for k in keys & found) / total if total else 0.0


def _total(keys: frozenset[str], weight: dict[str, float]) -> float:
    return sum(weight[k] for k in keys)


def _key_weights(parts: list[Part], sentence_count: int) -> dict[str, float]:
    """Inverse sentence frequency in the event: its topic words weigh little."""
    frequency = Counter(k for part in parts if part.whole for k in part.keys | part.names)
    # A clause cut from a sentence may hold a word its sentence does not count as a key
    # (a name that opens the clause): it is as rare as a word can be.
    rarest = math.log(1 + sentence_count)
    return defaultdict(lambda: rarest,
                       {k: math.log(1 + sentence_count / n) for k, n in frequency.items()})


def _consistent(part: Part, sentence: Part) -> bool:
    """A sentence confirms a part only if it gives all its figures and months, most of the
    words it quotes, and no other weekday or ordinal.

    Sentences giving different figures are not 'the same content', however similar; and a
    sentence with only some of the figures cannot be cited as a source for the others.
    """
    if not part.figures <= sentence.figures or not part.months <= sentence.months:
        return False
    if part.quoted and len(part.quoted & (sentence.keys | sentence.names)) \
            < QUOTED_SHARE * len(part.quoted):
        return False
    if part.ordinals and sentence.ordinals and not part.ordinals & sentence.ordinals:
        return False  # "the first in a series" / "the second in a series"
    return not (part.weekdays and sentence.weekdays and not part.weekdays & sentence.weekdays)


def _another_time(part: Part, closest: Part) -> bool:
    """One of the two clauses tells of an earlier time ("offered his resignation last
    year"): another instance of the happening. Read on the closest clause, not its whole
    sentence, whose aside may look back ("who scored 20 goals last season, will wear ...")."""
    return bool(part.earlier) != bool(closest.earlier)


def contradicts(mine: list[Predicate], theirs: list[Predicate]) -> bool:
    """True when two clauses use one verb (or denied noun) with opposite polarity ("no one
    was killed" / "two were killed"), or of different named actors or targets ("Velmora
    paid" / "Santa Elvira paid"): close in words, not the same claim."""
    for lemma in {p.lemma for p in mine} & {p.lemma for p in theirs}:
        ours = [p for p in mine if p.lemma == lemma]
        others = [p for p in theirs if p.lemma == lemma]
        if not {p.negated for p in ours} & {p.negated for p in others}:
            return True
        if _done_and_ahead({p.time for p in ours}, {p.time for p in others}):
            return True  # "Parliament elected Lahoud" / "Parliament is expected to elect"
        if _other_names([p.agent for p in ours], [p.agent for p in others]) or \
                _other_names([p.patient for p in ours], [p.patient for p in others]):
            return True
    return False


def _done_and_ahead(ours: set[str], others: set[str]) -> bool:
    """One side tells only of the happening as done, the other only as ahead."""
    return {frozenset(ours), frozenset(others)} == {frozenset({"done"}), frozenset({"ahead"})}


def _other_names(ours: list[str | None], others: list[str | None]) -> bool:
    """Both sides name someone, and no name shares a word (its stem: "Ukraine" and
    "Ukrainians" are one side) with one of the other side."""
    mine = [{w[:STEM_LETTERS] for w in n.casefold().split()} for n in ours if n]
    theirs = [{w[:STEM_LETTERS] for w in n.casefold().split()} for n in others if n]
    return bool(mine and theirs) and not any(a & b for a in mine for b in theirs)


def _whole_matches(alignment: Alignment, index: int, least: float = 0.0) -> dict[str, int]:
    """Articles stating all of sentence `index` (every clause of it, when it has several),
    each clause with a support score of at least `least`.

    A sentence of two clauses is close in meaning to one stating either, so its whole
    vector is not enough to cite a source for both.
    """
    clauses = _clauses(alignment, index)
    found = [{doc for doc, s in alignment.support[p].items() if s.score >= least}
             for p in clauses]
    common = set.intersection(*found) if found else set()
    return {doc: max((alignment.support[p][doc] for p in clauses), key=lambda s: s.score).sentence
            for doc in common}


def _clauses(alignment: Alignment, index: int) -> list[int]:
    """The punctuation clauses of sentence `index`, or the sentence when it is one clause."""
    parts = [p for p in alignment.parts_of(index) if not alignment.parts[p].proposition]
    return [p for p in parts if not alignment.parts[p].whole] or parts
