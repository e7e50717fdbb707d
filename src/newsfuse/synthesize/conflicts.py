"""Numbers that sources report differently for the same measure.

Facts of all articles are grouped by `NumericFact.measure`. A measure whose facts carry two or
more values, from at least two articles, is a `Conflict`; each distinct value is one `Claim`
listing every article that gives it. Values are never merged. One article contradicting itself
is not a cross-source conflict; a story and its syndicated copy that differ are (an edited
copy changing a figure is worth seeing), and the reason then says that all figures come from
one story, so that copies never look like independent sources.

`compatible` asks whether all claims can be true together: each (value, qualifier) is read as an
interval ("more than 500,000" = (500000, inf), "about 2,500" = [2250, 2750]) and the claims are
compatible when the intervals overlap. A lower bound is not read as "anything above": news
writers give the best figure they have, so "more than 1,000" reaches up to 1.5 x 1,000
(`LOWER_BOUND_REACH`) and does not agree with "more than 4,500". "At least 100" and "120" do
agree. Two different exact figures never do, even if a count may have grown in between; the
reason says so when the articles were published on different days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsfuse.model import AnnotatedDocument, Claim, Conflict, NumericFact
from newsfuse.nlp.numbers import QUALIFIERS, measure_name, split_measure

# "about 500" is taken to cover 450..550: reporters round to one or two significant digits,
# and 10% is the widest gap at two digits. "nearly 500" covers 450..500.
APPROX_TOLERANCE = 0.10
# "more than N" / "at least N" is read as N..1.5 N: a reporter who knew of twice as many would
# say so. Keeps "at least 100" vs "120" compatible and "over 1,000" vs "more than 4,500" not.
LOWER_BOUND_REACH = 1.5
# "count:<unit>" facts have no verb or outcome saying what is counted; two such facts rarely
# measure the same thing, so they never form a conflict.
UNCOMPARABLE_PREFIX = "count:"

_OUTCOME_LABELS = {"deaths": "deaths", "casualties": "casualties", "injuries": "injuries",
                   "displaced": "people displaced", "missing": "people missing",
                   "arrests": "arrests"}
_GROUP_WORDS = {"child": "children's", "woman": "women's"}
# Casualties are deaths plus injuries; a conflict on one mentions the figures of the other.
_PARTS_OF_CASUALTIES = {"deaths", "injuries"}
_RELATION = {"deaths": "casualty figures (deaths and injuries)",
             "injuries": "casualty figures (deaths and injuries)",
             "casualties": "figures for deaths and injuries"}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False


def claim_interval(value: float, qualifier: str | None) -> Interval:
    """The set of true values a claim allows, from its qualifier (see numbers.QUALIFIERS)."""
    kind = QUALIFIERS.get(qualifier or "", "exact")
    if kind == "above":
        return Interval(value, value * LOWER_BOUND_REACH, low_open=True)
    if kind == "at_least":
        return Interval(value, value * LOWER_BOUND_REACH)
    if kind == "at_most":
        return Interval(0.0, value)
    if kind == "below":
        return Interval(0.0, value, high_open=True)
    if kind == "nearly":
        return Interval(value * (1 - APPROX_TOLERANCE), value)
    if kind == "about":
        return Interval(value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE))
    return Interval(value, value)


def intervals_overlap(intervals: Iterable[Interval]) -> bool:
    intervals = list(intervals)
    low = max(intervals, key=lambda i: (i.low, i.low_open))
    high = min(intervals, key=lambda i: (i.high, not i.high_open))
    if low.low < high.high:
        return True
    return low.low == high.high and not low.low_open and not high.high_open


@dataclass
class _ClaimBuilder:
    value: float
    qualifier: str | None
    phrase: str
    sentence: str
    sources: list[str] = field(default_factory=list)


def find_conflicts(documents: list[AnnotatedDocument],
                   independent_sources: dict[str, str] | None = None) -> list[Conflict]:
    """Conflicts between articles, incompatible ones first."""
    independent = independent_sources or {}
    located = [(doc, fact) for doc in documents for fact in doc.numbers]
    measure_of = _resolved_measures([fact for _, fact in located])
    by_measure: dict[str, list[tuple[AnnotatedDocument, NumericFact]]] = {}
    for doc, fact in located:
        measure = measure_of[fact.measure]
        if not measure.startswith(UNCOMPARABLE_PREFIX):
            by_measure.setdefault(measure, []).append((doc, fact))
    conflicts = []
    for measure, items in by_measure.items():
        conflict = _conflict(measure, items, independent)
        if conflict is not None:
            conflict.reason += _related_note(measure, by_measure)
            conflicts.append(conflict)
    return sorted(conflicts, key=lambda c: (c.compatible, not _is_outcome(c.measure), c.measure))


def describe_measure(measure: str) -> str:
    """'military_deaths:russia' -> 'military deaths (Russia)'; 'expel:member' -> 'expel member'."""
    parts = split_measure(measure)
    if parts is None:
        return measure.replace(":", " ").replace("_", " ")
    group, outcome, side = parts
    label = _OUTCOME_LABELS[outcome]
    if group:
        words = " ".join(_GROUP_WORDS.get(word, word) for word in group.split("_"))
        label = f"{words} {label}"
    return f"{label} ({side.replace('_', ' ').title()})" if side else label


# --------------------------------------------------------------------------- internals


def _is_outcome(measure: str) -> bool:
    return split_measure(measure) is not None


def _resolved_measures(facts: list[NumericFact]) -> dict[str, str]:
    """Map each measure to itself, except an outcome without a side ("displaced"), which joins
    the one sided measure of the same outcome ("displaced:ukraine") when there is exactly one:
    within one event an unattributed toll refers to the only population the others name."""
    measures = {fact.measure for fact in facts}
    sided: dict[tuple[str, str], set[str]] = {}
    for measure in measures:
        parts = split_measure(measure)
        if parts is not None and parts[2] is not None:
            sided.setdefault(parts[:2], set()).add(measure)
    resolved = {}
    for measure in measures:
        parts = split_measure(measure)
        options = sided.get(parts[:2], set()) if parts is not None and parts[2] is None else set()
        resolved[measure] = next(iter(options)) if len(options) == 1 else measure
    return resolved


def _conflict(measure: str, items: list[tuple[AnnotatedDocument, NumericFact]],
              independent: dict[str, str]) -> Conflict | None:
    claims: dict[tuple[float, str], _ClaimBuilder] = {}
    for doc, fact in items:
        kind = QUALIFIERS.get(fact.qualifier or "", "exact")
        builder = claims.get((fact.value, kind))
        if builder is None:
            builder = claims[(fact.value, kind)] = _ClaimBuilder(
                value=fact.value, qualifier=fact.qualifier, phrase=fact.phrase,
                sentence=_sentence_text(doc, fact.sentence))
        if fact.source not in builder.sources:
            builder.sources.append(fact.source)
    values = {builder.value for builder in claims.values()}
    articles = {s for b in claims.values() for s in b.sources}
    if len(values) < 2 or len(articles) < 2:
        return None
    ordered = list(claims.values())
    compatible = intervals_overlap(claim_interval(b.value, b.qualifier) for b in ordered)
    reason = _reason(measure, ordered, compatible, items)
    if len({independent.get(a, a) for a in articles}) < 2:
        reason += "; all these figures come from one story and its copies"
    return Conflict(
        measure=measure,
        claims=[Claim(value=b.value, qualifier=b.qualifier, phrase=b.phrase,
                      sentence=b.sentence, sources=b.sources) for b in ordered],
        compatible=compatible,
        reason=reason,
    )


def _related_note(measure: str,
                  by_measure: dict[str, list[tuple[AnnotatedDocument, NumericFact]]]) -> str:
    """Figures of the overlapping measure (casualties include deaths and injuries), shown so
    that "94 deaths" is read next to the "376 casualties" it came with."""
    parts = split_measure(measure)
    if parts is None:
        return ""
    group, outcome, side = parts
    related = ["casualties"] if outcome in _PARTS_OF_CASUALTIES else \
        sorted(_PARTS_OF_CASUALTIES) if outcome == "casualties" else []
    notes = []
    for other in related:
        other_measure = measure_name(other, side, group)
        phrases: dict[str, list[str]] = {}
        for _, fact in by_measure.get(other_measure, []):
            sources = phrases.setdefault(fact.phrase, [])
            if fact.source not in sources:
                sources.append(fact.source)
        notes += [f"{phrase} ({', '.join(sources)})" for phrase, sources in phrases.items()]
    return f"; related {_RELATION[outcome]}: {', '.join(notes)}" if notes else ""


def _sentence_text(doc: AnnotatedDocument, index: int) -> str:
    for sentence in doc.sentences:
        if sentence.index == index:
            return sentence.text
    return ""


def _reason(measure: str, claims: list[_ClaimBuilder], compatible: bool,
            items: list[tuple[AnnotatedDocument, NumericFact]]) -> str:
    sides = " vs ".join(f"{b.phrase} ({', '.join(b.sources)})" for b in claims)
    text = f"{sides}: different values for {describe_measure(measure)}"
    if compatible:
        bounds = {QUALIFIERS.get(b.qualifier or "", "exact") for b in claims}
        why = "all are lower bounds" if bounds <= {"above", "at_least"} else "given the qualifiers"
        text += f", but they can all be true ({why})"
    published = {doc.article.published for doc, _ in items if doc.article.published}
    if len(published) > 1:
        text += "; the articles were published on different days and counts may have changed"
    return text
