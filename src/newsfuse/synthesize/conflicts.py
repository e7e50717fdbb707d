"""Figures that independent sources give differently for the same quantity.

Claims (`nlp.claims`) carry what they measure as a record: kind and unit, counted noun,
predicate and its arguments, scope and time frame. Two claims of different independent sources
are taken to state **the same quantity** when
* they are of the same kind and unit (a count of similar nouns, money in one currency, a
  measure of one dimension — 5 km and 5,000 metres compare equal —, a percentage, an age, a day);
* their descriptions agree: the cosine of the MiniLM vectors of the two descriptions reaches
  `SAME_QUANTITY_COSINE` ("resident evacuate Velloran" ~ "people evacuate"), and neither has a
  time frame the other lacks ("the previous record", "in 2019", "last season" vs none);
* each is the other's best match in the other article (one figure of an article stands for one
  quantity of another), and the values lie within `MAX_RIVAL_RATIO` of each other: outlets that
  disagree on a figure disagree by tens of percent, not by a factor of ten — a figure ten times
  another is another quantity (card numbers vs accounts, deaths in a town vs in a region).

Linked claims form groups; a group with two or more values is a `Conflict`, and each distinct
value is one `Claim` listing every article that gives it. Values are never merged.

`compatible` asks whether all values can be true together, each (value, qualifier) read as an
interval of true values: an exact figure covers its rounding ("3,800" = 3,750..3,850), "about N"
covers the larger of that rounding and 4% ("about 540" = 518..562), "nearly N" 90-100% of N,
"more than N" / "at least N" N..1.5 N (a writer who knew of twice as many would say so), "up to
N" N/1.5..N ("up to eight years" is no figure for 24 days). The reason says which rule made
figures compatible or not.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from newsfuse import lang
from newsfuse.model import AnnotatedDocument, Claim, Conflict, NumericFact, Quantity
from newsfuse.nlp.claims import OUTCOME_CLASSES, VOTES_AGAINST, is_none_count, outcome_of
from newsfuse.nlp.embed import DIMENSIONS
from newsfuse.nlp.entities import name_key
from newsfuse.nlp.numbers import QUALIFIERS

Embed = Callable[[list[str]], np.ndarray]

# Calibrated on crossfacts dev events a01-b08 (half A) and checked on c01-d05 (half B):
# gold same-quantity pairs have description cosines of 0.45-0.95, near misses (deaths vs
# injuries, a fee vs the previous record fee) mostly below 0.5 or vetoed by time frame/ratio.
SAME_QUANTITY_COSINE = 0.35
# Counted nouns must be alike ("residents" ~ "people", "workers" ~ "people"; not
# "firefighters" ~ "engines").
SAME_NOUN_COSINE = 0.45
# An ordinal numbers one series, so its nouns must be nearer: "the 11th emergency special
# session" ~ "the seventh emergency sitting" (0.69), not "the 42nd president" ~ "the 106th
# Congress" (0.51, a DUC 2004 story read by hand) or "fifth day" ~ "fifth week" (0.55).
SAME_ORDINAL_NOUN_COSINE = 0.6
# Years named for one happening ("founded in 1989" / "in 1990") more than this far apart are
# different happenings.
MAX_YEAR_GAP = 2
# The same for the day of a happening: days are stated in many sentences of an event.
SAME_DAY_COSINE = 0.55
# A group's mean similarity may sit this far below the linking threshold (see _components).
GROUP_FACTOR = 1.0
# Kinds whose unit is a noun ("residents", "session"): compared by the nouns' similarity.
NOUN_KINDS = {"count", "ordinal"}
# Nouns that stand for any group of people; the descriptions decide which one.
GENERIC_NOUNS = {"people", "person", "child", "children", "adult", "victim"}
# "people" is compared with nouns for people (lang.is_person_noun), not with "satellites".
# A rival figure whose range starts more than this many times above the end of the other's is
# a different quantity (see above). Dev half A: 2.5-4 equal; 5 admits flights delayed vs
# cancelled and a committee's members vs councils. 4, not 3: a government's toll and the UN's
# confirmed one differ that much (352 people killed vs 94 deaths, 3.7x).
MAX_RIVAL_RATIO = 4.0
# Two days named for one happening more than this far apart are different happenings.
MAX_DATE_GAP_DAYS = 2
# ... unless both are written as calendar dates ("Feb. 17" / "February 24"): a weekday is
# resolved against a publication date and may stand for the day a week off, a date written
# out is what its writer meant, and a writer who has the day wrong may be a week or a month
# off.
MAX_CALENDAR_GAP_DAYS = 31
_CALENDAR_DATE = re.compile(rf"\b{lang.MONTH_PATTERN}\b", re.IGNORECASE)
# When an article has two candidate figures for a quantity that describe it about equally well
# (within this cosine), the one that agrees with the other source is its match: the other is
# most likely another scope ("66% in Tessford" beside "60.7% overall").
TIE_MARGIN = 0.05
# A count from this value on, not a multiple of ten, is precise enough that another source
# giving it (of whatever noun) states the same figure (`_gives`).
PRECISE_COUNT = 11
# Characters of the sentence on each side of a figure that make its context.
CONTEXT_CHARS = 80
DESCRIPTION_WEIGHT = 0.3
# A figure of a copy is the member's own figure when their descriptions are this alike.
COPY_COSINE = 0.7
# Raise of the linking bar per log of the number of comparable candidates (see _best).
# Crossfacts dev (half A) is unchanged from 0 to 0.06; on real full-web clusters the false
# links had 5-21 candidates and the true ones 1.
MULTIPLE_MATCH_PENALTY = 0.06
# When a measure with a unit or a sum of money has one comparable figure, and only one, in
# another source, its bar is this similarity, not SAME_QUANTITY_COSINE: an article that gives
# one area burned, one grid load in megawatts or one bribe total in kroner states the quantity
# another source gives in other words ("had burned 14,200 hectares by Wednesday" / "has now
# chewed through 12,800 hectares": 0.33). Chosen on the held-out calibration sets and
# crossfacts dev (0.25 and 0.2 alike there: three more conflicts found, two false ones; dev
# unchanged); durations are left out (six false pairs to four found: spans of time run
# through every story) and so are counts (a sole count of anything is often another group).
SOLE_MATCH_COSINE = 0.25
SOLE_KINDS = {"measure", "money"}
# A figure that contradicts one voice of a figure two sources give joins the other voice too
# when it is at least this alike to it, not only at SAME_QUANTITY_COSINE: "Seven people were
# killed" links to "Nine people are dead" (0.42), and "Nine people ... lost their lives" (0.28)
# is the same nine. Held-out calibration sets: two conflicts more, one false (a weak link it
# exposed); 0.2 adds a false one in a report set; dev unchanged.
ECHO_FLOOR = 0.25
# Added when both figures hang on the same verb (not a light verb such as "be" or "have").
PREDICATE_BONUS = 0.1
# Added when an amount or a measure belongs to the same noun in both ("booked a $310 million
# charge" / "will record a restructuring charge of about $350 million"): counts are left out,
# their noun is their unit, which every count of people shares.
OWNER_BONUS = 0.1
OWNER_KINDS = {"money", "measure"}
_LIGHT_VERBS = {"be", "have", "do", "make", "take", "get", "give", "say", "tell", "go"}
APPROX_TOLERANCE = 0.04
MAX_COUNT_ROUNDING_SHARE = 0.1
# A span of time written without "about" is mostly the span: "a 20-day strike" is no rounding
# of "18 days"; such a figure covers at most this share of itself either side. Held-out
# calibration sets: one conflict more, no compatible pair flagged. Sums of money are left out:
# on a judged real cluster "worth $30 at the time" and "about 25 dollars, maybe 30 with a tip"
# are one price told loosely, and a fine of "70,000 francs" against "CHF 75,000" (a held-out
# set) is the price of that.
EXACT_KINDS = {"duration"}
EXACT_ROUNDING_SHARE = 0.05
LOWER_BOUND_REACH = 1.5
NEARLY_RANGE = 0.10
# Words of a time frame that mark another instance of the quantity (an earlier fire, the
# previous record, a career total) rather than a running count.
_OTHER_INSTANCE = {"previous", "previously", "earlier", "last season", "last year", "career",
                   "planned", "next"}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False


@dataclass
class _Item:
    fact: NumericFact
    doc: AnnotatedDocument
    group: str  # independent source: near-duplicates and one outlet's versions share it
    interval: Interval
    vector: np.ndarray
    context: np.ndarray
    noun_vector: np.ndarray | None = None
    owner_vector: np.ndarray | None = None  # the noun of an amount or an age
    kind_vector: np.ndarray | None = None  # that noun with the nouns naming its kind
    whole_vector: np.ndarray | None = None  # the whole a share is of
    # the words (nation stems) of the places the figure is given for (see _place_stems)
    place_stems: frozenset[str] = frozenset()
    links: set[int] = field(default_factory=set)
    # ids of the items of other sources this one may be compared with (_comparable, once)
    peers: set[int] = field(default_factory=set)


def granularity(value: float) -> float:
    """Place value of the last significant digit: 540 -> 10, 3.9e9 -> 1e8, 6.4 -> 0.1."""
    if value == 0:
        return 1.0
    text = f"{abs(value):.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return granularity(float(mantissa)) * 10 ** int(exponent)
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    stripped = text.rstrip("0")
    return 10.0 ** (len(text) - len(stripped))


def claim_interval(value: float, qualifier: str | None, rounding: float | None = None) -> Interval:
    """The set of true values a claim allows, from its qualifier (see numbers.QUALIFIERS)."""
    kind = QUALIFIERS.get((qualifier or "").lower(), "exact")
    half = (rounding if rounding is not None else granularity(value)) / 2
    if kind == "above":
        return Interval(value, value * LOWER_BOUND_REACH, low_open=True)
    if kind == "at_least":
        return Interval(value, value * LOWER_BOUND_REACH)
    if kind == "at_most":
        return Interval(value / LOWER_BOUND_REACH, value)
    if kind == "below":
        return Interval(0.0, value, high_open=True)
    if kind == "nearly":
        return Interval(value * (1 - NEARLY_RANGE), value)
    if kind == "about":
        spread = max(half, abs(value) * APPROX_TOLERANCE)
        return Interval(value - spread, value + spread)
    if half < abs(value) * 0.5:  # a figure covers its rounding, but not the next figure's
        return Interval(value - half, value + half, low_open=True, high_open=True)
    return Interval(value, value)


def intervals_overlap(intervals: Iterable[Interval]) -> bool:
    intervals = list(intervals)
    low = max(intervals, key=lambda i: (i.low, i.low_open))
    high = min(intervals, key=lambda i: (i.high, not i.high_open))
    if low.low < high.high:
        return True
    return low.low == high.high and not low.low_open and not high.high_open


@dataclass(frozen=True)
class Agreement:
    """One figure that independent sources give alike for the same quantity: the linked group
    of a conflict, with a single value. Corroboration reads it (`corroborate`)."""

    value: float
    # article id -> (index of the sentence in its article, the figure as written there)
    stated: dict[str, tuple[int, str]]
    # A small count of anything ("the two sides", "two girls") is given alike by chance; a
    # toll ("two deaths"), a larger count, an amount or a day is not (see `_distinctive`).
    distinctive: bool = True


def compare_figures(documents: list[AnnotatedDocument],
                    independent_sources: dict[str, str] | None = None,
                    embed: Embed | None = None) -> tuple[list[Conflict], list[Agreement]]:
    """Conflicts between independent sources (incompatible ones first), and the figures they
    agree on."""
    items, everything = _items(documents, independent_sources or {}, embed)
    _link(items, everything)
    _link_rivals_of_agreements(items)
    conflicts, agreements = [], []
    for group in _components(items):
        members = _with_copies(group, items)
        conflict = _conflict(members)
        if conflict is not None:
            conflicts.append(conflict)
        elif len({m.group for m in members}) >= 2:
            agreements.append(_agreement(members))
    conflicts.sort(key=lambda c: (c.compatible, c.kind != "count", c.measure))
    return conflicts, agreements


def find_conflicts(documents: list[AnnotatedDocument],
                   independent_sources: dict[str, str] | None = None,
                   embed: Embed | None = None) -> list[Conflict]:
    """Conflicts between independent sources, incompatible ones first."""
    return compare_figures(documents, independent_sources, embed)[0]


def _agreement(members: list[_Item]) -> Agreement:
    stated: dict[str, tuple[int, str]] = {}
    for m in members:
        stated.setdefault(m.fact.source, (m.fact.sentence, m.fact.phrase))
    return Agreement(value=members[0].fact.value, stated=stated,
                     distinctive=all(_distinctive(m.fact.quantity, m.fact.value) for m in members))


def distinctive_figures(documents: list[AnnotatedDocument]
                        ) -> dict[tuple[str, int], list[tuple[str, float, str]]]:
    """(article id, sentence index) -> its distinctive figures as (kind, value, phrase)."""
    found: dict[tuple[str, int], list[tuple[str, float, str]]] = {}
    for doc in documents:
        for fact in doc.numbers:
            if fact.quantity is not None and _distinctive(fact.quantity, fact.value):
                found.setdefault((doc.article.id, fact.sentence), []).append(
                    (fact.quantity.kind, round(fact.value, 6), fact.phrase))
    return found


def _distinctive(quantity: Quantity | None, value: float) -> bool:
    if quantity is None or quantity.kind != "count":
        return True
    return value >= PRECISE_COUNT or outcome_of(quantity) is not None


# --------------------------------------------------------------------------- items and links


def _items(documents: list[AnnotatedDocument], independent: dict[str, str],
           embed: Embed | None) -> tuple[list[_Item], list[_Item]]:
    """The figures that have a comparable figure in another source, with their vectors, and
    every figure. Only the first are embedded: most figures of an event have none, and
    embedding is the cost here."""
    outlets = _outlet_groups(documents, independent)
    located = [(doc, fact) for doc in documents for fact in doc.numbers
               if fact.quantity is not None]
    if not located:
        return [], []
    embed = embed or _default_embedder()
    nouns = sorted({f.quantity.unit for _, f in located if f.quantity.kind in NOUN_KINDS} |
                   {name for _, f in located if f.quantity.noun
                    and f.quantity.kind in ("money", "age", "measure")
                    for name in (f.quantity.noun, f.quantity.noun_phrase) if name} |
                   {f.quantity.whole for _, f in located if f.quantity.whole})
    noun_vectors = dict(zip(nouns, embed(nouns), strict=True)) if nouns else {}
    blank = np.zeros(DIMENSIONS, dtype=np.float32)
    # each document's entity labels, read once for the place scopes of all its figures
    labels = {id(doc): {m.text: m.label for m in doc.entities} for doc in documents}
    items = [_Item(fact=fact, doc=doc, group=outlets[doc.article.id],
                   interval=claim_interval(fact.value, fact.qualifier, _rounding(fact)),
                   vector=blank, context=blank,
                   noun_vector=noun_vectors.get(fact.quantity.unit),
                   owner_vector=noun_vectors.get(fact.quantity.noun or ""),
                   kind_vector=noun_vectors.get(fact.quantity.noun_phrase or ""),
                   whole_vector=noun_vectors.get(fact.quantity.whole or ""),
                   place_stems=_place_stems(fact.quantity, labels[id(doc)]))
             for doc, fact in located]
    for item in items:
        item.peers = {id(other) for other in items if _comparable(item, other)}
    wanted = [k for k, item in enumerate(items) if item.peers]
    if wanted:
        vectors = embed([_description(items[k].fact) for k in wanted])
        contexts = embed([_context(items[k].doc, items[k].fact) for k in wanted])
        for row, k in enumerate(wanted):
            items[k].vector, items[k].context = vectors[row], contexts[row]
    return [items[k] for k in wanted], items


def _default_embedder() -> Embed:
    from newsfuse.nlp.embed import get_embedder

    return get_embedder()


def _outlet_groups(documents: list[AnnotatedDocument],
                   independent: dict[str, str]) -> dict[str, str]:
    """Article id -> independent source: syndicated copies and one outlet's versions of a
    story are one source, so they neither corroborate nor contradict each other."""
    first_of_outlet: dict[str, str] = {}
    groups = {}
    for doc in documents:
        article = doc.article
        group = independent.get(article.id, article.id)
        outlet = (article.source or "").strip().lower()
        if outlet:
            group = first_of_outlet.setdefault(outlet, group)
        groups[article.id] = group
    return groups


def _description(fact: NumericFact) -> str:
    quantity = fact.quantity
    assert quantity is not None
    if quantity.kind == "ordinal":
        return quantity.unit  # what is ranked ("emergency session"); the context says which
    return quantity.what or quantity.unit


def _context(doc: AnnotatedDocument, fact: NumericFact) -> str:
    """The words around the figure, the figure itself masked: what a reader sees it measure."""
    sentence = _sentence_text(doc, fact.sentence)
    at = sentence.find(fact.phrase)
    if at < 0:
        return sentence
    end = at + len(fact.phrase)
    if fact.quantity is not None and fact.quantity.kind == "ordinal":
        end = at + len(fact.phrase.split()[0])  # "the X Emergency Session": the rank, not what
    return f"{sentence[max(0, at - CONTEXT_CHARS):at]} X {sentence[end:end + CONTEXT_CHARS]}"


def similarity(a: _Item, b: _Item) -> float:
    """How alike two figures' descriptions and surroundings are."""
    score = DESCRIPTION_WEIGHT * float(a.vector @ b.vector) + \
        (1 - DESCRIPTION_WEIGHT) * float(a.context @ b.context)
    if _same_verb(a.fact.quantity, b.fact.quantity):
        score += PREDICATE_BONUS  # "the talks began yesterday" / "talks began on Tuesday"
    if _same_owner(a.fact.quantity, b.fact.quantity):
        score += OWNER_BONUS
    return score


def _same_owner(qa: Quantity | None, qb: Quantity | None) -> bool:
    return bool(qa and qb and qa.kind in OWNER_KINDS and qa.noun and qb.noun
                and qa.noun.lower() == qb.noun.lower())


def _rounding(fact: NumericFact) -> float | None:
    """Rounding of the figure as written, in base units ('6.4 metres' -> 0.1 m)."""
    if fact.quantity is None or fact.quantity.kind in ("date", "year", "ordinal", "age"):
        return 0.0
    digits = [w.replace(",", "") for w in fact.phrase.split() if any(c.isdigit() for c in w)]
    try:
        written = float(digits[0].strip("$€£¥%.-").split("-")[0]) if digits else None
    except ValueError:
        written = None
    rounding = granularity(written) * fact.value / written if written else granularity(
        fact.value)
    if fact.quantity.kind == "count":
        # a round count stands for its neighbours only so far: "3,800" for 3,812, but "20
        # women" is no rounding of "15 women" (its tens would reach 15..25)
        rounding = min(rounding, 2 * abs(fact.value) * MAX_COUNT_ROUNDING_SHARE)
    if fact.quantity.kind in EXACT_KINDS:
        rounding = min(rounding, 2 * abs(fact.value) * EXACT_ROUNDING_SHARE)
    return rounding


def _comparable(a: _Item, b: _Item) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    assert qa is not None and qb is not None
    if a.group == b.group or qa.kind != qb.kind or qa.unit != qb.unit and qa.kind not in NOUN_KINDS:
        return False
    if is_none_count(a.fact) != is_none_count(b.fact):
        return False  # "nobody was hurt" says who was not; it is no rival to a count of others
    if qa.aspect != qb.aspect and not _whole_of_a_kind(a, b) and not _size_as_held(a, b) \
            and not _part_by_its_outcome(a, b):
        return False  # a part, a size or an increment is not a rival to a total
    outcome_a, outcome_b = outcome_of(qa), outcome_of(qb)
    if outcome_a and outcome_b and outcome_a != outcome_b:
        return False  # the dead and the injured are never one count
    if _toll_beside_doing(a, b):
        return False  # "over 400,000 people live under rebel control" is no toll
    if qa.kind in NOUN_KINDS and not _same_noun(a, b):
        return False
    if _counted_apart(a, b) or _counted_apart(b, a):
        return False
    if _whole_beside_doing(a, b) or _whole_beside_doing(b, a):
        return False  # "seven members" of the committee vs "two members preferred ..."
    if _other_instance(qa, a.doc) != _other_instance(qb, b.doc):
        return False
    if qa.kind == "age" and qa.scope and qb.scope and not _same_person(qa.scope[0], qb.scope[0]):
        return False
    if qa.kind != "age" and a.place_stems and b.place_stems \
            and not a.place_stems & b.place_stems:
        return False  # "Tessford's turnout reaching 66%" vs "In Aldham, only 47 percent"
    if qa.actor and qb.actor and not _same_person(qa.actor, qb.actor):
        return False  # Stumpf's pay is no rival to Tolstedt's
    # one person's age under two descriptions ("the 24-year-old forward" / "the 25-year-old
    # striker") is one quantity: the names decide where both are known, unless a noun says
    # who by age, sex or family tie ("the 13-year-old boy" after his father was named)
    named = qa.kind == "age" and bool(qa.scope) and bool(qb.scope) \
        and not {(qa.noun or "").lower(), (qb.noun or "").lower()} & lang.PERSON_KINDS
    if qa.kind in ("money", "age") and qa.noun and qb.noun and not named \
            and not _alike(qa.noun, qb.noun, a, b):
        return False  # "$60 million in bonuses" vs "$43.3 million in stock"; father vs boy
    if qa.whole and qb.whole \
            and not _nouns_alike(qa.whole, qb.whole, a.whole_vector, b.whole_vector):
        return False  # "half of its centrifuges" vs "60% of all mammals"
    if qa.kind == "measure" and _common_noun(qa.noun) and _common_noun(qb.noun) \
            and not _alike(qa.noun, qb.noun, a, b):
        return False  # the size of a thing: "a 60-metre section" is no rival to "a 229-metre
        # ship" ("the 229-metre vessel" is; a name, "the 244-metre Anantara Kestrel", may be)
    if qa.dimension and qb.dimension and qa.dimension != qb.dimension:
        return False  # "34 metres down" is no rival to "about 72 feet long"
    if qa.kind == "date":
        calendar = all(_CALENDAR_DATE.search(x.fact.phrase) for x in (a, b))
        gap = MAX_CALENDAR_GAP_DAYS if calendar else MAX_DATE_GAP_DAYS
        return abs(a.fact.value - b.fact.value) <= gap
    if qa.kind == "year":
        return abs(a.fact.value - b.fact.value) <= MAX_YEAR_GAP
    return _gap_ratio(a.interval, b.interval) <= MAX_RIVAL_RATIO


# Names of places (spaCy's labels): the scope a figure is given for. A nationality in its
# neighbourhood is more often a person's ("the Flemish painter's work is insured for ...").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _place_stems(quantity: Quantity, labels: dict[str, str]) -> frozenset[str]:
    """The words of the places in a figure's scope (`labels`: its document's entity labels by
    name), as nation stems: two figures whose places share none are given for different
    places (one word in common is enough: "Tessaly Bay" / "the Tessaly coast")."""
    return frozenset(lang.nation_stem(word) for name in quantity.scope
                     if labels.get(name) in PLACE_LABELS
                     for word in name.split() if word[:1].isupper() and word.lower() != "the")


# Harm a toll counts; words that say a sentence is about harm ("killed", "the death toll")
_HARM = {"death", "injury"}
_HARM_WORDS = re.compile(r"\b(?:kill|dead|die[sd]?\b|dying|death|fatal|wound|injur|hurt|casualt|"
                         r"toll|lives\b|life\b|bod(?:y|ies)\b|massacre|slain|perish|\blos[st]\b|losses)",
                         re.I)  # "lost over one thousand troops": losses


def _toll_beside_doing(a: _Item, b: _Item) -> bool:
    """One side counts people killed or hurt, the other counts people in a sentence that
    names no harm at all: "over 400,000 people live under rebel control", "the convoy was
    carrying at least 5,000 people"."""
    harmed_a, harmed_b = (outcome_of(x.fact.quantity) in _HARM for x in (a, b))
    if harmed_a == harmed_b:
        return False
    plain = b if harmed_a else a
    quantity = plain.fact.quantity
    person = _names_people(quantity.unit) or quantity.unit in lang.PERSON_SIDES
    return quantity.kind == "count" and person and not _HARM_WORDS.search(
        _sentence_text(plain.doc, plain.fact.sentence))


_PARTITIVE = re.compile(r"\bof\b", re.I)


def _whole_of_a_kind(a: _Item, b: _Item) -> bool:
    """A part of a toll that counts a kind of people is the whole count of that kind: "Six
    civilians were among 22 people killed" is a rival to "eight civilians were killed". Not
    a share of its own noun ("five of the seven members"): that part is of those members."""
    qa, qb = a.fact.quantity, b.fact.quantity
    if {qa.aspect, qb.aspect} != {"part", "total"} or qa.kind != "count" or qb.kind != "count":
        return False
    part = a if qa.aspect == "part" else b
    return qa.unit == qb.unit and qa.unit not in GENERIC_NOUNS \
        and not _PARTITIVE.search(part.fact.phrase)


def _part_by_its_outcome(a: _Item, b: _Item) -> bool:
    """A part picked out by what happened to it is the count of that outcome: "injuring 19 of
    the children" is a rival to "Fourteen children have been hurt". The part's own verb must
    name the outcome: "Three of the injured children are in critical condition" is a part of
    the injured, no count of them."""
    qa, qb = a.fact.quantity, b.fact.quantity
    if {qa.aspect, qb.aspect} != {"part", "total"} or qa.kind != "count" or qb.kind != "count":
        return False
    part, total = (qa, qb) if qa.aspect == "part" else (qb, qa)
    outcome = OUTCOME_CLASSES.get(part.predicate or "")
    return outcome is not None and outcome == outcome_of(total)  # also "took two lives"


# Verbs by which a thing holds the count that sizes it ("the unit, which has 28 cots").
_HOLDING_VERBS = frozenset({"have", "hold", "contain", "house", "seat", "sleep", "boast"})


def _size_as_held(a: _Item, b: _Item) -> bool:
    """A size is the count of what the thing holds: "the 24-bed unit" is a rival to "the
    unit, which has 28 cots" (a count of alike nouns with a verb of holding), as "a 300-room
    hotel" is to "the hotel has 280 rooms"."""
    qa, qb = a.fact.quantity, b.fact.quantity
    if {qa.aspect, qb.aspect} != {"size", "total"} or qa.kind != "count" or qb.kind != "count":
        return False
    total = qa if qa.aspect == "total" else qb
    return total.predicate in _HOLDING_VERBS


def _counted_apart(a: _Item, b: _Item) -> bool:
    """`a` counts people in general in a sentence that counts `b`'s kind of people on its
    own ("Six civilians were among at least 22 people killed"): its figure is not of that
    kind, so it is no rival to `b`'s ("eight civilians")."""
    qa, qb = a.fact.quantity, b.fact.quantity
    if qa.unit not in GENERIC_NOUNS or qb.unit in GENERIC_NOUNS:
        return False
    return any(fact.sentence == a.fact.sentence and fact.quantity is not None
               and fact.quantity.unit == qb.unit for fact in a.doc.numbers)


def _whole_beside_doing(a: _Item, b: _Item) -> bool:
    """`a` is the whole a part is taken from ("five of the seven members"), `b` counts those
    who did something ("two members preferred a rise"): only a count of the same noun with
    no deed of its own (or "be", "have") is a rival to the whole."""
    predicate = b.fact.quantity.predicate
    return a.fact.quantity.of_part and predicate is not None and predicate not in _LIGHT_VERBS


def _names_people(noun: str) -> bool:
    """People in general, or a noun for people (resident, refugee, pupil, thief); not a noun
    of harm ("casualties" count the dead and the injured together, "fatalities" the dead)."""
    return noun in GENERIC_NOUNS or (lang.is_person_noun(noun) and not _HARM_WORDS.search(noun))


def _common_noun(noun: str | None) -> bool:
    return bool(noun) and noun == noun.lower()


def _gap_ratio(a: Interval, b: Interval) -> float:
    """How many times the higher range starts above the end of the lower one (1 if they
    overlap): 'over 1,000' (up to 1,500) vs 'more than 4,500' is 3.0."""
    if intervals_overlap([a, b]):
        return 1.0
    low, high = (a, b) if a.high <= b.low else (b, a)
    return high.low / low.high if low.high > 0 else math.inf


def _alike(noun_a: str, noun_b: str, a: _Item, b: _Item) -> bool:
    """The nouns an amount, an age or a measure belong to are alike, or they are with the
    nouns naming their kind ("spending plan" is a "budget", "plan" is not). The longer
    phrase only adds: "stock awards" stay as alike to "bonuses" as "awards" are."""
    if _nouns_alike(noun_a, noun_b, a.owner_vector, b.owner_vector):
        return True
    if a.kind_vector is None and b.kind_vector is None:
        return False
    qa, qb = a.fact.quantity, b.fact.quantity
    assert qa is not None and qb is not None
    return _nouns_alike(qa.noun_phrase or noun_a, qb.noun_phrase or noun_b,
                        a.owner_vector if a.kind_vector is None else a.kind_vector,
                        b.owner_vector if b.kind_vector is None else b.kind_vector)


def _nouns_alike(noun_a: str, noun_b: str, vector_a: np.ndarray | None,
                 vector_b: np.ndarray | None) -> bool:
    """One noun, or two whose vectors are alike (True when a vector is missing)."""
    if noun_a == noun_b or vector_a is None or vector_b is None:
        return True
    return float(vector_a @ vector_b) >= SAME_NOUN_COSINE


def _same_person(a: str, b: str) -> bool:
    """Two names of one person share their last word (accents and case aside); where both
    give a first name, it agrees too (or one is the other's initial), and so does a
    generation mark: "Windy Blackwell, 42" is not "Eugene Blackwell Sr., 45", nor "Eugene
    Blackwell Jr." his father."""
    (given_a, surname_a, generation_a) = _name_parts(a)
    (given_b, surname_b, generation_b) = _name_parts(b)
    if surname_a != surname_b:
        return False
    if generation_a and generation_b and generation_a != generation_b:
        return False
    if given_a and given_b:
        return given_a == given_b or _initial_of(given_a, given_b)
    return True


# Generation marks after a surname ("Eugene Blackwell Sr."): father and son share the rest.
_GENERATIONS = frozenset({"sr", "jr", "ii", "iii", "iv", "senior", "junior"})
# Words that open a surname, not a first name ("al-Sayegh" is Omar al-Sayegh).
_SURNAME_PARTICLES = frozenset({"al", "el", "ul", "bin", "ben", "ibn", "abu", "bint", "de", "del",
                                "della", "di", "da", "dos", "du", "van", "von", "der", "den",
                                "le", "la", "mac", "mc", "o", "st", "saint", "ter", "ten"})


def _name_parts(name: str) -> tuple[str, str, str]:
    """(first given name, surname, generation mark) of a name, its title ("Dr", "Sgt") and
    full stops left out; '' where the name has none."""
    words = [w.strip(".,") for w in name_key(name).split()]
    words = [w for w in words if w]
    titles = lang.PERSON_TITLES | lang.NAME_ABBREVIATIONS
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    generation = ""
    while len(words) > 1 and words[-1] in _GENERATIONS:
        generation = words.pop()
    if not words:
        return "", "", generation
    given = words[0] if len(words) > 1 and words[0] not in _SURNAME_PARTICLES else ""
    return given, words[-1], generation


def _initial_of(a: str, b: str) -> bool:
    """'j' (J. Smith) stands for 'jana'."""
    short, long = sorted((a, b), key=len)
    return len(short) == 1 and long.startswith(short)


def _same_noun(a: _Item, b: _Item) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    assert qa is not None and qb is not None
    if qa.unit == qb.unit:
        return True
    if VOTES_AGAINST in (qa.unit, qb.unit):
        return False  # a tally's votes against are no count of votes for
    side_a, side_b = lang.PERSON_SIDES.get(qa.unit), lang.PERSON_SIDES.get(qb.unit)
    if side_a and side_b and side_a != side_b:
        return False  # "30 soldiers" / "25 civilians" / "over 100 militants" killed
    if OUTCOME_CLASSES.get(qa.unit) or OUTCOME_CLASSES.get(qb.unit):
        # "94 deaths" counts the people of "352 people were killed", as does "the death toll
        # reached 126"
        other = qb.unit if OUTCOME_CLASSES.get(qa.unit) else qa.unit
        return outcome_of(qa) == outcome_of(qb) and (
            _names_people(other) or OUTCOME_CLASSES.get(other) is not None
            or other == "life")  # "claimed 11 lives"
    if {qa.unit, qb.unit} & GENERIC_NOUNS:  # "people" may stand for residents, refugees, ...
        other = qb.unit if qa.unit in GENERIC_NOUNS else qa.unit
        return _names_people(other)
    if a.noun_vector is None or b.noun_vector is None:
        return False
    floor = SAME_ORDINAL_NOUN_COSINE if qa.kind == "ordinal" else SAME_NOUN_COSINE
    return float(a.noun_vector @ b.noun_vector) >= floor


def _other_instance(quantity: Quantity, doc: AnnotatedDocument) -> frozenset[str]:
    """Time-frame marks of another instance: 'previous', 'last season', a past year (the
    publication year itself marks nothing: it is the event's own)."""
    frame = (quantity.time_frame or "").lower()
    marks = {w for w in _OTHER_INSTANCE if w in frame}
    published = doc.article.published.year if doc.article.published else None
    if quantity.year is not None and quantity.year != published:
        marks.add(str(quantity.year))
    return frozenset(marks)


def _link(items: list[_Item], everything: list[_Item]) -> None:
    """Mutual best matches between the claims of each pair of independent sources."""
    groups = sorted({item.group for item in items})
    by_group = {g: [i for i, item in enumerate(items) if item.group == g] for g in groups}
    stated = {g: [item for item in everything if item.group == g] for g in groups}
    for x, gx in enumerate(groups):
        for gy in groups[x + 1:]:
            best_x = {i: _best(items, i, by_group[gy]) for i in by_group[gx]}
            best_y = {j: _best(items, j, by_group[gx]) for j in by_group[gy]}
            for i, j in best_x.items():
                if j is not None and best_y.get(j) == i and not _agree_elsewhere(
                        items[i], items[j], stated[gx], stated[gy]):
                    items[i].links.add(j)
                    items[j].links.add(i)


def _link_rivals_of_agreements(items: list[_Item]) -> None:
    """A figure linked to nothing that contradicts a figure two independent sources give alike
    (a linked pair) joins them when each voice and the figure are each other's most alike in
    their sources, at ECHO_FLOOR rather than the linking bar: "kicking off FIFTEEN days of
    chaos" against "12 days of strike action" and "a walkout that ... will last 12 days"
    (0.32 and 0.29). Two voices each choosing it is the evidence one chance match would not
    give. Not for counts and ranks (NOUN_KINDS): a story counts many groups of people, and
    on the held-out sets three such pairs were other groups ("Two hundred firefighters"
    against "Some 400 people" evacuated), as with SOLE_MATCH_COSINE."""
    agreeing = [(i, j) for i, item in enumerate(items) for j in sorted(item.links)
                if i < j and item.fact.quantity.kind not in NOUN_KINDS
                and intervals_overlap([item.interval, items[j].interval])]
    loose = [x for x, item in enumerate(items) if not item.links]
    for i, j in agreeing:
        for x in loose:
            rival = items[x]
            if rival.group in (items[i].group, items[j].group) or rival.links \
                    or intervals_overlap([rival.interval, items[i].interval]):
                continue
            if all(_closest_pair(items, voice, x) for voice in (i, j)):
                rival.links |= {i, j}
                items[i].links.add(x)
                items[j].links.add(x)


def _closest_pair(items: list[_Item], voice: int, x: int) -> bool:
    """`voice` and `x` are comparable, alike at ECHO_FLOOR, and each the other's most alike
    comparable figure in the other's source."""
    a, b = items[voice], items[x]
    if id(b) not in a.peers:
        return False
    score = similarity(a, b)
    return score >= ECHO_FLOOR and all(similarity(a, other) <= score for other in items
               if other.group == b.group and other is not b and id(other) in a.peers) \
        and all(similarity(b, other) <= score for other in items
                if other.group == a.group and other is not a and id(other) in b.peers)


def _agree_elsewhere(a: _Item, b: _Item, side_a: list[_Item], side_b: list[_Item]) -> bool:
    """True when two differing figures come from sources that each give the other's figure
    for a comparable quantity elsewhere: they agree on it, so the two figures measure two
    things (193 identified and 187 tested, where both sources say 187 were tested)."""
    if intervals_overlap([a.interval, b.interval]):
        return False
    return any(_gives(a, other) for other in side_b) or any(_gives(b, other) for other in side_a)


def _gives(item: _Item, other: _Item) -> bool:
    """`other` states `item`'s figure: a comparable quantity in an overlapping range, or the
    very same precise count of anything ("187 exposed individuals" / "187 men"): a precise
    number repeated is seldom a coincidence, and outlets name one group differently."""
    if id(other) in item.peers:
        # a bound ("licensed to carry up to 300") states no figure to agree with
        return not _is_bound(other) and intervals_overlap([item.interval, other.interval])
    q, r = item.fact.quantity, other.fact.quantity
    value = item.fact.value
    return (q is not None and r is not None and q.kind == r.kind == "count"
            and value == other.fact.value and value >= PRECISE_COUNT and value % 10 != 0
            and VOTES_AGAINST not in (q.unit, r.unit))  # a tally's two figures are no names


def _is_bound(item: _Item) -> bool:
    return _qualifier_kind(item.fact) in ("above", "at_least", "at_most", "below")


def _qualifier_kind(fact: NumericFact) -> str:
    """How the fact's qualifier bounds its value (numbers.QUALIFIERS), "exact" without one."""
    return QUALIFIERS.get((fact.qualifier or "").lower(), "exact")


def _best(items: list[_Item], i: int, candidates: list[int]) -> int | None:
    scored = [(similarity(items[i], items[j]), j) for j in candidates
              if id(items[j]) in items[i].peers]
    # The best of many candidates is more often a chance match: each candidate beyond the
    # first raises the bar (long web pages give a figure dozens of look-alikes).
    extra = MULTIPLE_MATCH_PENALTY * math.log(max(len(scored), 1))
    sole = _sole_candidate(items, i, scored)
    if sole is not None:
        scored = [(s, j) for s, j in [sole] if s >= SOLE_MATCH_COSINE]
    else:
        scored = [(s, j) for s, j in scored if s >= _threshold(items[i], items[j]) + extra]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    close = [(s, j) for s, j in scored if s >= top - TIE_MARGIN]
    agreeing = [(s, j) for s, j in close if not _is_bound(items[j])
                and intervals_overlap([items[i].interval, items[j].interval])]
    return max(agreeing or close)[1]


def _sole_candidate(items: list[_Item], i: int,
                    scored: list[tuple[float, int]]) -> tuple[float, int] | None:
    """The one comparable figure another source gives for a measure or a sum (see
    SOLE_MATCH_COSINE); for a length of a named dimension, the one of that dimension ("at an
    altitude of 61 kilometres" / "was 68km up", beside debris "scattered over 25 miles")."""
    quantity = items[i].fact.quantity
    if quantity.kind not in SOLE_KINDS:
        return None
    if quantity.dimension is not None:
        same = [(s, j) for s, j in scored
                if items[j].fact.quantity.dimension == quantity.dimension]
        if len(same) == 1:
            return same[0]
    return scored[0] if len(scored) == 1 else None


def _threshold(item: _Item, other: _Item) -> float:
    kind = item.fact.quantity.kind if item.fact.quantity else ""
    if kind == "age" and item.fact.quantity.scope and other.fact.quantity.scope:
        # one person has one age in one event, whatever the sentences around it say
        # ("The 58-year-old was taken into custody" / "Drăgulescu, 61, who had protested
        # ..."); `_comparable` has already kept apart the ages of two people
        return -math.inf
    if kind not in ("date", "year") or _same_happening(item, other):
        return SAME_QUANTITY_COSINE
    return SAME_DAY_COSINE


def _same_verb(qa: Quantity | None, qb: Quantity | None) -> bool:
    """Both figures hang on one content verb (not a light verb such as "be" or "have")."""
    return bool(qa and qb and qa.predicate and qa.predicate == qb.predicate
                and qa.predicate not in _LIGHT_VERBS)


def _same_happening(a: _Item, b: _Item) -> bool:
    """Two dates of one happening by its words: one content verb, and a noun of its
    description in common ("the talks began yesterday" / "talks that began on Tuesday");
    such dates need no closer surroundings than other figures do."""
    qa, qb = a.fact.quantity, b.fact.quantity
    if qa is None or qb is None or not _same_verb(qa, qb):
        return False
    nouns_a = set(qa.what.split()) - {qa.predicate}
    return bool(nouns_a & (set(qb.what.split()) - {qb.predicate}))


def _components(items: list[_Item]) -> list[list[_Item]]:
    """Groups of linked figures, strongest links first. Two groups join only when every pair
    across them is comparable and their mean similarity stays at the linking threshold: chains
    (turnout in one town ~ turnout overall ~ the yes share in another town) do not form."""
    group_of = {i: i for i in range(len(items))}
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    links = sorted({(min(i, j), max(i, j)) for i, item in enumerate(items) for j in item.links},
                   key=lambda pair: -similarity(items[pair[0]], items[pair[1]]))
    for i, j in links:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not _can_join(items, members[gi], members[gj]):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] += members.pop(gj)
    return [[items[k] for k in group] for group in members.values() if len(group) > 1]


def _can_join(items: list[_Item], left: list[int], right: list[int]) -> bool:
    pairs = [(items[i], items[j]) for i in left for j in right]
    if any(a.group != b.group and id(b) not in a.peers for a, b in pairs):
        return False
    if any(a.group == b.group and a.fact.value != b.fact.value
           and a.fact.source == b.fact.source for a, b in pairs):
        # one article's two different figures are two quantities; one outlet's two versions
        # (22 killed, then 43 in an update) give one quantity twice
        return False
    return all(_pair_joins(items, i, j, left, right)
               for i in left for j in right if items[i].group != items[j].group)


def _pair_joins(items: list[_Item], i: int, j: int, left: list[int], right: list[int]) -> bool:
    """Two figures of independent sources may stand in one group: linked (a linked pair passed
    its own bar in `_best`, a sole candidate's is lower), alike enough, or one of them another
    voice of a figure the other is linked to (`_echoes`)."""
    if j in items[i].links:
        return True
    score = similarity(items[i], items[j])
    return score >= GROUP_FACTOR * _threshold(items[i], items[j]) or score >= ECHO_FLOOR and (
        _echoes(items, j, i, right) or _echoes(items, i, j, left))


def _echoes(items: list[_Item], member: int, other: int, side: list[int]) -> bool:
    """`member` gives the very figure of a member of its side that `other` is linked to: it is
    one more voice for that figure, whatever its wording ("Nine people lost their lives" beside
    "Nine people are dead", which "Seven people were killed" links to)."""
    value = items[member].fact.value
    return any(k != member and k in items[other].links and items[k].fact.value == value
               for k in side)


# --------------------------------------------------------------------------- conflicts


def _with_copies(group: list[_Item], items: list[_Item]) -> list[_Item]:
    """Add the same figure from the members' own source group (a syndicated copy, another
    version by the outlet): a claim lists every article that gives it. Another version's
    other figure for the quantity, linked to nothing else, joins too ("22 killed", then "43
    killed" in the outlet's update)."""
    extra = [x for x in items if all(x is not m for m in group) and any(
        x.group == m.group and x.fact.source != m.fact.source
        and (x.fact.value == m.fact.value or not x.links and _same_quantity(x, m))
        and similarity(x, m) >= COPY_COSINE for m in group)]
    return group + extra


def _same_quantity(a: _Item, b: _Item) -> bool:
    qa, qb = a.fact.quantity, b.fact.quantity
    return (qa.kind, qa.unit, qa.aspect) == (qb.kind, qb.unit, qb.aspect)


def _conflict(group: list[_Item]) -> Conflict | None:
    claims: dict[tuple[float, str], list[_Item]] = {}
    for item in group:
        kind = _qualifier_kind(item.fact)
        claims.setdefault((round(item.fact.value, 6), kind), []).append(item)
    values = {value for value, _ in claims}
    if len(values) < 2:
        return None
    ordered = sorted(claims.values(), key=lambda members: members[0].fact.sentence)
    compatible = _figures_overlap(ordered) or any(
        m.fact.quantity is not None and m.fact.quantity.update for ms in ordered for m in ms) \
        or _estimate_beside_count(ordered) or _running_total_beside_others(ordered)
    head = ordered[0][0].fact
    return Conflict(
        measure=head.measure,
        claims=[_claim(members) for members in ordered],
        compatible=compatible,
        reason=_reason(ordered, compatible),
        kind=head.quantity.kind if head.quantity else None,
        quantity=head.quantity,
    )


def _figures_overlap(claims: list[list[_Item]]) -> bool:
    """The figures' ranges overlap. Among exact figures the most precise is the value its
    writer knew, not a range: a rounder figure is compatible only when that value rounds to
    it. "3%" covers 2.5..3.5, and "3.5%" as written covers 3.45..3.55, which touch; but no
    writer who knew of 3.5% writes 3%, nor "70,000 francs" for CHF 75,000, nor "5%" for 4.5%
    (a value halfway between two round figures is as near the other one)."""
    intervals = [m[0].interval for m in claims]
    if any(_qualifier_kind(m[0].fact) != "exact" for m in claims):
        return intervals_overlap(intervals)
    finest = min(i.high - i.low for i in intervals)
    return intervals_overlap(
        Interval(m[0].fact.value, m[0].fact.value) if i.high - i.low <= finest else i
        for m, i in zip(claims, intervals, strict=True))


def _estimate_beside_count(claims: list[list[_Item]]) -> bool:
    """One side gives a guess above a count ("likely killed more than 10,000" / "7,000 have
    been confirmed killed"): both can be true, and a reader needs both. Not so when the
    other side is a guess too, i.e. an approximate figure nobody confirmed ("police put the
    crowd at about 15,000" / "the crowd was estimated at 40,000": rival estimates)."""
    guesses = [m[0] for m in claims if m[0].fact.quantity and m[0].fact.quantity.estimate]
    counts = [m[0] for m in claims if not (m[0].fact.quantity and m[0].fact.quantity.estimate)]
    if not guesses or not counts:
        return False
    return min(g.fact.value for g in guesses) > max(c.fact.value for c in counts) and all(
        _counted(c) for c in counts)


def _counted_since(item: _Item) -> str | None:
    """The day a running total is counted from ("since Monday" in "since Monday more than 300
    flights have been cancelled"), `claims._time_frame`'s "since <day>"; None for others."""
    frame = item.fact.quantity.time_frame if item.fact.quantity else None
    return next((part for part in (frame or "").split("; ") if part.startswith("since ")), None)


def _largest(claims: list[list[_Item]]) -> list[_Item]:
    return max(claims, key=lambda members: members[0].fact.value)


def _running_total_beside_others(claims: list[list[_Item]]) -> bool:
    """The largest figure is a running total from a day and the others are not: they count
    part of that time ("86 departures" cancelled on the Monday, "more than 300 flights" since
    Monday two days later). Both can be true. Not so when both sides count from a day."""
    largest = _largest(claims)
    return _counted_since(largest[0]) is not None and not any(
        _counted_since(m[0]) is not None for m in claims if m is not largest)


def _counted(item: _Item) -> bool:
    """An exact figure, or one the sentence says was confirmed ("Nearly 7,000 people have
    been confirmed killed")."""
    approximate = _qualifier_kind(item.fact) in ("about", "nearly")
    return not approximate or "confirm" in _sentence_text(item.doc, item.fact.sentence).lower()


def _claim(members: list[_Item]) -> Claim:
    first = members[0]
    sources = list(dict.fromkeys(m.fact.source for m in members))
    return Claim(value=first.fact.value, qualifier=first.fact.qualifier,
                 phrase=first.fact.phrase, sentence=_sentence_text(first.doc, first.fact.sentence),
                 sources=sources, unit=first.fact.quantity.unit if first.fact.quantity else None,
                 date=first.fact.date)


def _sentence_text(doc: AnnotatedDocument, index: int) -> str:
    for sentence in doc.sentences:
        if sentence.index == index:
            return sentence.text
    return ""


def _reason(claims: list[list[_Item]], compatible: bool) -> str:
    sides = " vs ".join(f"{m[0].fact.phrase} ({', '.join(dict.fromkeys(x.fact.source for x in m))})"
                        for m in claims)
    head = claims[0][0].fact
    label = head.measure
    if compatible:
        text = f"{sides}: compatible figures for {label}: {_why_compatible(claims)}"
    else:
        text = f"{sides}: different values for {label}: {_why_not(claims)}"
    published = {m[0].doc.article.published for m in claims if m[0].doc.article.published}
    if len(published) > 1 and not compatible:
        text += ("; the articles were published on different days and "
                 + ("counts may have changed" if head.quantity is not None
                    and head.quantity.kind == "count" else "the figures may have been revised"))
    return text


def _why_compatible(claims: list[list[_Item]]) -> str:
    updates = [m[0].fact.phrase for m in claims
               if m[0].fact.quantity is not None and m[0].fact.quantity.update]
    if updates and not _figures_overlap(claims):
        return f"the count changed: {', '.join(updates)} is stated as an update"
    if _running_total_beside_others(claims) and not _figures_overlap(claims):
        largest = _largest(claims)[0]
        return (f"{largest.fact.phrase} is a running total {_counted_since(largest)}, the "
                "others count part of it")
    if _estimate_beside_count(claims) and not _figures_overlap(claims):
        guesses = [m[0].fact.phrase for m in claims
                   if m[0].fact.quantity is not None and m[0].fact.quantity.estimate]
        return f"{', '.join(guesses)} is stated as an estimate, the other as a count"
    kinds = {_qualifier_kind(m[0].fact) for m in claims}
    values = {m[0].fact.value for m in claims}
    if len(values) == 1:
        return "the same amount in other units or words"
    if kinds <= {"above", "at_least"}:
        return "all are lower bounds"
    if kinds != {"exact"}:
        return "the qualifiers (about, at least, nearly, more than, ...) allow all of them"
    return "the differences are within rounding"


def _why_not(claims: list[list[_Item]]) -> str:
    if claims[0][0].fact.quantity and claims[0][0].fact.quantity.kind == "date":
        days = sorted({m[0].fact.date for m in claims if m[0].fact.date})
        return "different days for the same happening: " + ", ".join(
            d.strftime("%A %Y-%m-%d") for d in days if isinstance(d, dt.date))
    ranges = [f"{m[0].fact.phrase} = {_range_text(m[0].interval, m[0].fact.quantity)}"
              for m in claims]
    return "the ranges the figures allow do not overlap (" + "; ".join(ranges) + ")"


# Units a range is written in: figures are kept in base units (seconds, metres, kilograms),
# which read badly ("four-year = 1.26225e+08-1.26235e+08"). The largest unit the range's low
# end holds at least once.
_SHOWN_UNITS = {
    "second": [(31_557_600, "years"), (604_800, "weeks"), (86_400, "days"), (3_600, "hours"),
               (60, "minutes"), (1, "seconds")],
    "meter": [(1_000, "km"), (1, "m")],
    "kilogram": [(1_000, "tonnes"), (1, "kg")],
    "meter ** 2": [(1_000_000, "km²"), (1, "m²")],
    "meter ** 3": [(1, "m³")],
}


def _range_text(interval: Interval, quantity: Quantity | None = None) -> str:
    """The range a figure allows, in words a reader knows: "3.99-4.01 years", "8.55-8.65
    billion USD", "2,473.5-2,474.5 m"; as many decimals as tell the two ends apart."""
    scale, label = 1.0, ""
    if quantity is not None:
        shown = _SHOWN_UNITS.get(quantity.unit, [])
        low = abs(interval.low) if not math.isinf(interval.low) else abs(interval.high)
        scale, label = next(((size, name) for size, name in shown if low >= size),
                            shown[-1] if shown else (1.0, ""))
        if quantity.kind == "money":
            scale, label = next(((size, f"{name} {quantity.unit}") for size, name in _LARGE
                                 if low >= size), (1.0, quantity.unit))
    ends = [value / scale if not math.isinf(value) else value
            for value in (interval.low, interval.high)]
    finite = [value for value in ends if not math.isinf(value)]
    decimals = 0 if not finite or min(abs(v) for v in finite) >= 100 else 2
    while decimals < 6 and len(finite) == 2 and finite[0] != finite[1] \
            and _fmt(finite[0], decimals) == _fmt(finite[1], decimals):
        decimals += 1
    low, high = (_fmt(value, decimals) for value in ends)
    text = low if low == high else f"{low}–{high}"
    return f"{text} {label}" if label else text


_LARGE = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]


def _fmt(value: float, decimals: int) -> str:
    if math.isinf(value):
        return "∞"
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
