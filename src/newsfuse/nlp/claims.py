"""Claims with an open vocabulary: every quantity a sentence states, and what it measures.

A claim is a number read from the parse with
* its **kind** and **unit**: a count of some noun, money with its currency, a percentage, a
  measure with a physical unit (pint's registry: km, metres, hectares, tonnes, ...), a duration,
  an age, an ordinal, or the calendar day on which something happened;
* its **value** in a base unit (5 km and 5,000 metres are both 5000 m; two years and 24 months
  are both 63,115,200 s), so that compatible figures in other units compare equal;
* its **qualifier** ("about", "at least", "more than", "nearly", "up to", ...);
* **what is measured**: the counted noun and its modifiers, the predicate that governs the number
  and that predicate's other arguments, read off the dependency parse (`Quantity`). Two claims
  of different articles are about the same quantity when these descriptions agree
  (`synthesize.conflicts` compares them with sentence vectors, not with a list of outcomes);
* its **scope** (places, organisations and groups named next to it) and **time frame** (dates
  and phrases such as "so far", "last season" attached to it).

Number words come from `text2num` ("fourteen", "twenty-five", "two dozen" by our scale table);
units from `pint`. Years, clock times, phone numbers, labels ("No. 9", "Article 51") and vague
plurals ("hundreds of", "dozens of") are not claims.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsfuse import lang
from newsfuse.model import Article, DateMention, NumericFact, Quantity, Quote, Sentence
from newsfuse.nlp import (
    AGE_LOOKBACK_SENTENCES,
    antecedent,
    doc_ents,
    doc_text,
    entity_of,
    in_date_entity,
)
from newsfuse.nlp.dates import governing_verb, in_dateline
from newsfuse.nlp.entities import find_mentions
from newsfuse.nlp.numbers import (
    QUALIFIERS,
    is_number_token,
    number_runs,
    parse_number,
    qualifier_before,
)
from newsfuse.nlp.numbers import anchor as anchor_of

# --------------------------------------------------------------------------- language data

# Currency signs and words -> ISO code. Amounts in different currencies are never compared.
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
                  "₴": "UAH", "US$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "Rs": "INR",
                  "Rs.": "INR"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR",
                  "euros": "EUR", "eur": "EUR", "pound": "GBP", "pounds": "GBP",
                  "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY",
                  "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
                  "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
                  "francs": "CHF", "franc": "CHF", "krona": "SEK", "kronor": "SEK",
                  "krone": "NOK", "kroner": "NOK", "zloty": "PLN", "lira": "TRY",
                  "won": "KRW", "rand": "ZAR", "pesos": "MXN", "peso": "MXN", "real": "BRL",
                  "reais": "BRL",
                  # the English name of the Nordic and Czech currencies: which one, the event
                  # says; one event's crowns are one currency
                  "crown": "CROWN", "crowns": "CROWN"}
# "96 million US dollars", "Canadian dollars": the word before "dollars" says whose.
DOLLAR_COUNTRIES = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD",
                    "canadian": "CAD", "singapore": "SGD", "nz": "NZD", "taiwan": "TWD",
                    "hong kong": "HKD", "new zealand": "NZD"}
# ISO 4217 codes written before an amount ("CHF 75,000", "USD 2.4 million"): the currencies
# of the tables above and a few more; not codes that are also capitalised words or names
# written before numbers ("ALL", "TRY", "TOP", "SOS" in all-caps text; "PHP 8", a language).
CURRENCY_CODES = (frozenset(CURRENCY_WORDS.values()) | frozenset(DOLLAR_COUNTRIES.values())
                  | {"DKK", "CZK", "HUF", "ILS", "AED", "SAR", "NGN", "KES", "EGP", "THB",
                     "IDR", "MYR", "VND", "PKR", "BDT"}) - {"TRY", "CROWN"}
# Scale suffixes glued to money ("$4.2bn", "€6.5m").
SCALE_SUFFIXES = {"bn": 1e9, "b": 1e9, "billion": 1e9, "m": 1e6, "mn": 1e6, "mln": 1e6,
                  "million": 1e6, "k": 1e3, "thousand": 1e3, "tn": 1e12, "trillion": 1e12,
                  "lakh": 1e5, "crore": 1e7}
FRACTIONS = {"half": 50.0, "a half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
             "a quarter": 25.0, "one quarter": 25.0, "two thirds": 200 / 3,
             "two-thirds": 200 / 3, "three quarters": 75.0, "three-quarters": 75.0}
ORDINAL_WORDS = lang.ORDINAL_WORDS
_GLUED_SCALE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(bn|mn|m|k|tn|million|billion|trillion)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$")
# Short words that pint reads as units but that are ordinary English ("in", "at", "a").
NOT_UNITS = {"a", "an", "at", "in", "as", "am", "pm", "s", "t", "g", "h", "b", "c", "d", "p",
             "m", "l", "mm", "st", "nd", "rd", "th", "to", "or", "of", "by", "per", "point",
             "points", "year", "years", "old", "man", "men", "people", "percent", "cent", "ton"}
# pint knows thousands of units, many of them also English words ("league", "chain", "stone");
# figures in news use these.
NEWS_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
              "fortnight", "meter", "kilometer", "centimeter", "millimeter", "mile", "foot",
              "inch", "yard", "nautical_mile", "gram", "kilogram", "metric_ton", "ton",
              "tonne", "pound", "ounce", "hectare", "acre", "liter", "milliliter", "gallon",
              "barrel", "knot", "mile_per_hour", "kilometer_per_hour", "degree_Celsius",
              "degree_Fahrenheit", "watt", "kilowatt", "megawatt", "gigawatt",
              "kilowatt_hour", "megawatt_hour", "gigawatt_hour", "terawatt_hour"}
# Dimensions worth comparing as measures (pint dimensionality strings).
MEASURE_DIMENSIONS = {"[length]", "[mass]", "[time]", "[length] ** 2", "[length] ** 3",
                      "[length] / [time]", "[temperature]",
                      "[mass] * [length] ** 2 / [time] ** 3",
                      "[mass] * [length] ** 2 / [time] ** 2"}
# Nouns a bare count stands for when no noun follows ("Fifteen were killed").
PEOPLE = "people"
# Words that make a time frame: the counted thing is a running total or a past instance.
TIME_FRAME_WORDS = {"so far", "in total", "to date", "this year", "last year", "last season",
                    "this season", "overall", "in all", "altogether", "previous", "previously",
                    "former", "earlier", "last", "first", "next", "planned", "career"}
_LABEL_WORDS = {"no", "no.", "number", "article", "resolution", "chapter", "section", "page",
                "room", "flight", "route", "highway", "phase", "stage", "level", "session",
                "#", "platform", "gate", "line", "bus", "channel", "model", "version", "covid",
                "apollo", "paragraph", "row", "seat", "shirt", "code", "district", "ward"}
_YEAR = re.compile(r"^(1[89]|20|21)\d\d$")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_SCOPE_ENTITIES = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"}
NAME_ENTITIES = {"WORK_OF_ART", "ORG", "FAC", "PRODUCT", "EVENT", "LAW", "PERSON"}
PERSONAL_PRONOUNS = {"he", "she", "his", "her", "him"}
# The speaker's own words: inside a quotation the figure is the speaker's (`speakers_as_actors`).
FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}
# How far back (in tokens before the pronoun's sentence) the person a pronoun stands for is
# looked for: about two sentences of news prose.
PRONOUN_REACH_TOKENS = 60
INCREMENT_WORDS = {"another", "additional", "extra", "further"}
CHANGE_VERBS = {"rise", "increase", "climb", "grow", "jump", "fall", "drop", "decline",
                "decrease", "shrink", "gain", "lose", "cut", "raise", "lower"}
# Verbs of a level's movement, whose bare share or amount is how far it moved ("plunged 7%").
MOVE_VERBS = {"rise", "increase", "climb", "grow", "jump", "fall", "drop", "decline",
              "decrease", "shrink", "gain", "plunge", "soar", "tumble", "slump", "surge",
              "slide", "sink", "dip", "plummet", "slip", "ease", "rally", "advance", "retreat",
              "edge", "spike", "shed", "add"}
QUALIFIER_WORDS = {w for q in QUALIFIERS for w in q.split()}
_STOP_DESCRIPTION = {"be", "have", "do", "say", "tell", "report", "add", "accord", "the", "a",
                     "an", "this", "that", "which", "who", "its", "their", "his", "her"}


# Outcomes that news counts side by side and that are never the same count: a figure for the
# dead is no rival to a figure for the injured, whatever the wording around them. Words of the
# figure's description (its predicate and the counted noun's modifiers) are looked up here.
OUTCOME_CLASSES = {
    "kill": "death", "die": "death", "dead": "death", "death": "death", "fatality": "death",
    "drown": "death", "perish": "death", "killed": "death", "murder": "death",
    "injure": "injury", "injured": "injury", "wound": "injury", "wounded": "injury",
    "hurt": "injury", "injury": "injury", "hospitalise": "injury", "hospitalize": "injury",
    "harm": "injury",
    "miss": "missing", "missing": "missing",
    "arrest": "arrest", "detain": "arrest", "arrested": "arrest",
    "delay": "delay", "delayed": "delay", "cancel": "cancellation", "cancelled": "cancellation",
    "canceled": "cancellation",
    "toll": "death",  # "the toll reached 112 people": a toll without a noun is of the dead
}


# "The heatwave has claimed 11 lives", "nine people lost their lives": lives taken by these
# verbs are deaths ("saved 11 lives" are not).
LIFE_TAKING_VERBS = {"claim", "take", "cost", "lose"}


def outcome_of(quantity: Quantity) -> str | None:
    """The outcome class a count's description names, if any ('kill' -> death)."""
    if quantity.predicate in LIFE_TAKING_VERBS and (
            quantity.unit == "life" or "life" in quantity.what.split()):
        return "death"  # "claimed 11 lives", "nine people lost their lives"
    words = [quantity.predicate or "", *quantity.what.split()]
    return next((OUTCOME_CLASSES[w] for w in words if w in OUTCOME_CLASSES), None)


@dataclass
class _Reading:
    value: float
    kind: str
    unit: str
    start: int  # token span of the quantity as written (qualifier excluded)
    end: int
    anchor: Token  # the token through which the quantity attaches to the sentence
    noun: Token | None = None  # the counted noun of a count


def extract_claims(doc: Doc, sentences: list[Sentence], article: Article,
                   dates: list[DateMention] | None = None) -> list[NumericFact]:
    """Every quantity of the document, and the day of every dated happening."""
    starts = [s.start for s in sentences]
    facts: list[NumericFact] = []
    taken: set[int] = set()
    readings = _readings(doc)
    for k, reading in enumerate(readings):
        previous = readings[k - 1] if k else None
        overlaps = taken & set(range(reading.start, reading.end))
        of = _whole_of_part(doc, reading)
        whole = of is not None and (bool(overlaps) or _after_a_share(of))
        if overlaps and reading.unit != VOTES_AGAINST and not whole \
                or _converts(doc, previous, reading):
            continue  # (a tally's votes against share its span with its votes for)
        taken.update(range(reading.start, reading.end))
        fact = _fact(doc, reading, article, sentences, starts)
        facts.append(_as_whole(fact) if whole else fact)
    facts += _date_claims(doc, sentences, article, dates or [])
    return facts


def _whole_of_part(doc: Doc, reading: _Reading) -> Token | None:
    """The "of" before the whole a part is taken from, counted in full: "ten turbines" in
    "nine of the ten turbines" (or "of the council's eleven members") is how many there are,
    a rival to another source's "17 turbines"."""
    return _of_before(doc, reading.start) if reading.kind == "count" else None


def _of_before(doc: Doc, start: int) -> Token | None:
    """The "of" before "the / its / the council's" and the number at `start`."""
    if start < 2:
        return None
    before = doc[start - 1]
    if before.lower_ in ("the", "its", "their", "his", "her"):
        at = start - 2
    elif before.tag_ == "POS":  # "of the council's eleven members"
        at = before.head.left_edge.i - 1
    else:
        return None
    return doc[at] if at >= 0 and doc[at].lower_ == "of" else None


def _after_a_share(of: Token) -> bool:
    """The count's "of the / of its" hangs on a share ("more than half of its 19,000
    centrifuges", "40 percent of the 2,000 staff"): it is the whole the share is of, as in
    "nine of the ten turbines", not a count of what the share did."""
    return of.head.lower_ in _SHARE_WORDS or of.head.like_num


def _as_whole(fact: NumericFact) -> NumericFact:
    """The whole counts its noun, not what the part did: in "two of its 40 staff were
    injured" the 40 were not."""
    quantity = fact.quantity
    if quantity is None:
        return fact
    return fact.model_copy(update={
        "measure": fact.phrase.split(maxsplit=1)[-1],
        "quantity": quantity.model_copy(update={
            "predicate": None, "what": quantity.noun or quantity.unit, "aspect": "total",
            "update": False, "estimate": False, "of_part": True})})


def _converts(doc: Doc, previous: _Reading | None, reading: _Reading) -> bool:
    """A figure in brackets right after one of its kind is that figure in other units: "a
    20 km (12 miles) zone", "$12m (£9.4m)". Read as a second claim it was compared with
    other sources on its own, and a conflict was reported twice."""
    if reading.kind not in ("measure", "money", "duration") or reading.start < 1 \
            or doc[reading.start - 1].text != "(" or previous is None:
        return False
    return previous.kind == reading.kind and previous.end == reading.start - 1


# --------------------------------------------------------------------------- readings


def _readings(doc: Doc) -> list[_Reading]:
    runs = number_runs(doc)
    found = _ratio_readings(doc, runs)
    in_ratios = {i for r in found for i in range(r.start, r.end)}
    for run in runs:
        if run.start in in_ratios:
            continue
        reading = _read_run(doc, run)
        if reading is not None:
            found.append(reading)
    found += _glued_money(doc)
    # "a half" of "eight and a half years" is part of that number, not a share
    in_numbers = {i for run in runs for i in range(run.start, run.end)}
    found += _fraction_readings(doc, in_numbers)
    found += _ordinal_readings(doc)
    found += _numbered_parts(doc)
    found += _year_readings(doc)
    found += _clock_durations(doc)
    found += _glued_temperatures(doc)
    found += _no_harm_readings(doc)
    found = _with_tallies(found, _vote_readings(doc))
    return sorted((_as_rate(doc, r) for r in found), key=lambda r: r.start)


# Denominators of shares written as "nine in ten" or "four out of five" (not "one in 250"
# cases, a rate compared as a share only where written alike).
RATIO_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 20, 100})


def _ratio_readings(doc: Doc, runs: list[Span]) -> list[_Reading]:
    """'Nine in ten services were cancelled', 'four out of five voters': a share, compared
    as a percentage (90%, 80%), not a count of nine services."""
    found = []
    for first, second in zip(runs, runs[1:], strict=False):
        between = [t.lower_ for t in doc[first.end:second.start]]
        if between not in (["in"], ["out", "of"]):
            continue
        part, whole = parse_number([t.text for t in first]), parse_number([t.text for t in second])
        if part is None or whole not in RATIO_DENOMINATORS or not 0 < part < whole:
            continue
        after = doc[second.end] if second.end < len(doc) else None
        if after is not None and (_pint_unit(after.text) is not None
                                  or after.lemma_.lower() in _PAY_PERIODS):
            continue  # "3 in 10 minutes", "two in five games": a rate over a span
        found.append(_Reading(100 * part / whole, "percent", "%", first.start, second.end,
                              doc[second.end - 1]))
    return found


# Periods a sum of money is paid per ("£180,000 a week", "$2m per year", "€40 an hour").
_PAY_PERIODS = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
                "season": "season", "annum": "year", "night": "night", "game": "game",
                "match": "match"}
_PER_WORDS = {"per", "a", "an", "each", "every"}
# "£5m a year ago", "a year later": the period dates something, it is no rate
_NOT_A_RATE = {"ago", "earlier", "later", "after", "before", "since", "on", "from", "old"}


def _as_rate(doc: Doc, reading: _Reading) -> _Reading:
    """A sum paid per period is a rate: unit "GBP per week", so that a weekly wage is
    compared with other weekly wages, not with a one-off payment or a transfer fee."""
    at = reading.end
    if reading.kind != "money" or at + 1 >= len(doc) or doc[at].lower_ not in _PER_WORDS:
        return reading
    period = _PAY_PERIODS.get(doc[at + 1].lemma_.lower())
    after = doc[at + 2].lower_ if at + 2 < len(doc) else ""
    if period is None or after in _NOT_A_RATE:
        return reading
    return replace(reading, unit=f"{reading.unit} per {period}", end=at + 2)


def _with_tallies(found: list[_Reading], tallies: list[_Reading]) -> list[_Reading]:
    """A tally replaces the counts read inside it ("31 votes to 18": one tally, not a count
    of 31 votes); any other reading there (money, a share, a day) is kept instead."""
    taken = {i for r in found if r.kind != "count" for i in range(r.start, r.end)}
    tallies = [t for t in tallies if not taken & set(range(t.start, t.end))]
    inside = {i for t in tallies for i in range(t.start, t.end)}
    return [r for r in found if not inside & set(range(r.start, r.end))] + tallies


# A vote's tally: "voted 9-2", "the vote was six to one", "by 10 to 2", "a 5-2 vote",
# "31 votes to 18", "24 votes against 13".
_TALLY = re.compile(r"\b(\d{1,3}|[a-z]+)(?:\s+votes?)?(?:\s*[-–]\s*|\s+(?:to|against)\s+)"
                    r"(\d{1,3}|[a-z]+)\b", re.IGNORECASE)
VOTES_AGAINST = "vote against"  # the unit of a tally's second figure
_VOTE_CONTEXT = re.compile(r"\b(?:vot(?:e|ed|es|ing)|ballot|majority|split)\W+(?:\w+\W+){0,2}$",
                           re.IGNORECASE)


def _vote_readings(doc: Doc) -> list[_Reading]:
    """The votes for and against a decision in a tally ("the trustees voted 9-2", "the vote
    was six to one", "a 5-2 vote"): the votes for are compared as a count of votes, as "8
    votes" is; the votes against only with other tallies' (31-18 vs 31 to 19)."""
    text = doc_text(doc)
    found = []
    for match in _TALLY.finditer(text):
        numbers = [parse_number([g]) for g in match.groups()]
        if None in numbers or not all(0 <= n < 1000 for n in numbers):
            continue
        after = text[match.end():match.end() + 12].lower()
        if not (_VOTE_CONTEXT.search(text[max(0, match.start() - 30):match.start()])
                or after.lstrip().startswith(("vote", "majority"))
                or "vote" in match.group().lower()):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        found.append(_Reading(float(numbers[0]), "count", "vote", span.start, span.end,
                              span.root))
        found.append(_Reading(float(numbers[1]), "count", VOTES_AGAINST, span.start, span.end,
                              span.root))
    return found


# A race or finishing time written as a clock: "won in 2:06:14", "a time of 1:02:30.5".
_CLOCK_DURATION = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)$")


# "Nobody was hurt", "No one was killed", "No injuries were reported", "still no fatalities":
# a count of the dead or the injured that is none. Sources that say so state the same fact in
# words that share little ("No deaths have been reported" / "Nobody has been killed"); as a
# figure of 0 they are compared as every other toll is (`synthesize.conflicts`).
_NOBODY = {"nobody", "noone"}
_HARM_CLASSES = {"death", "injury"}


def is_none_count(fact: NumericFact) -> bool:
    """A count of none ("Nobody was hurt", read by `_no_harm_readings`)."""
    return fact.value == 0 and fact.quantity is not None and fact.quantity.kind == "count"


# Cheap looks at the text before a pass over every token (each token read builds an object):
# most articles have no clock duration, glued temperature, or "no" / "nobody".
_MAY_CLOCK = re.compile(r"\d:[0-5]\d:[0-5]\d")
_MAY_GLUED_TEMPERATURE = re.compile(r"\d°?[CF]\b")
_MAY_NO_HARM = re.compile(r"\b(?:no|nobody|noone)\b", re.IGNORECASE)


def _no_harm_readings(doc: Doc) -> list[_Reading]:
    found: list[_Reading] = []
    if not _MAY_NO_HARM.search(doc_text(doc)):
        return found
    for token in doc:
        if token.lower_ not in _NOBODY and token.lower_ != "one" and token.pos_ != "NOUN":
            continue
        no = next((c for c in token.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if token.lower_ in _NOBODY or token.lower_ == "one" and no is not None:
            verb = token.head
            if token.dep_ in ("nsubj", "nsubjpass") and _harm_class(verb) in _HARM_CLASSES:
                start = no.i if no is not None else token.i
                found.append(_Reading(0.0, "count", "person", start, token.i + 1, token))
        elif no is not None and token.pos_ == "NOUN" and _harm_class(token) in _HARM_CLASSES:
            found.append(_Reading(0.0, "count", _lemma(token), no.i, token.i + 1, token, token))
    return found


def _harm_class(token: Token) -> str | None:
    return OUTCOME_CLASSES.get(token.lemma_.lower()) or OUTCOME_CLASSES.get(token.lower_)


def _clock_durations(doc: Doc) -> list[_Reading]:
    """Hours, minutes and seconds written as a clock, as a duration in seconds; not a time of
    day ("at 10:30:15 a.m.": spaCy's TIME, or after "at")."""
    found: list[_Reading] = []
    if not _MAY_CLOCK.search(doc_text(doc)):
        return found
    for token in doc:
        match = _CLOCK_DURATION.match(token.text)
        if match is None or token.ent_type_ == "TIME" or (
                token.i > 0 and doc[token.i - 1].lower_ in ("at", "by", "until", "till")):
            continue
        hours, minutes, seconds = match.groups()
        value = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
        found.append(_Reading(value, "duration", "second", token.i, token.i + 1, token))
    return found


def _year_readings(doc: Doc) -> list[_Reading]:
    """'founded in 1990', 'since 2016': the year something happened, when the year is the
    object of 'in' on a verb (not part of a full date, not a modifier: 'the 2019 fire')."""
    found = []
    for token in doc:
        if not _YEAR.match(token.text) or token.dep_ != "pobj" or token.head.lower_ != "in":
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        if token.head.head.pos_ != "VERB" or (before is not None and (
                before.lower_.rstrip(".") in _MONTHS or before.like_num or before.text == ",")):
            continue
        found.append(_Reading(float(token.text), "year", "calendar_year", token.i, token.i + 1,
                              token))
    return found


def _read_run(doc: Doc, run: Span) -> _Reading | None:
    value = parse_number([t.text for t in run])
    if value is None:
        return None
    age = _age(doc, run, value)
    if age is not None:
        return age
    if _is_not_a_quantity(doc, run):
        return None
    start, end = run.start, run.end
    # money: "$4.2 billion", "€62 million", "58 million euros", "$4.2bn", "CHF 75,000"
    sign = _currency_sign_before(doc, start)
    if sign is not None:
        value, end = _scaled(doc, value, end)
        code = CURRENCY_SIGNS.get(sign, sign)
        return _Reading(value, "money", code, start - 1, end, anchor_of(doc[start - 1:end]))
    nxt = _next_word(doc, end)
    if nxt is not None and nxt.lower_ in SCALE_SUFFIXES and nxt.i + 1 < len(doc) \
            and doc[nxt.i + 1].lower_ in CURRENCY_WORDS:
        value, end = _scaled(doc, value, end)
        nxt = _next_word(doc, end)
    if nxt is not None and nxt.lower_ in CURRENCY_WORDS and not _pounds_weighed(nxt, value):
        return _Reading(value, "money", CURRENCY_WORDS[nxt.lower_], start, nxt.i + 1,
                        anchor_of(doc[start:nxt.i + 1]))
    whose = _currency_of_country(doc, nxt)
    if whose is not None:
        code, last = whose
        return _Reading(value, "money", code, start, last + 1, anchor_of(doc[start:last + 1]))
    if nxt is not None and (nxt.lower_ in ("%", "percent", "pct") or (
            nxt.lower_ == "per" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ == "cent")):
        end = nxt.i + (2 if nxt.lower_ == "per" else 1)
        return _Reading(value, "percent", "%", start, end, anchor_of(doc[start:end]))
    if nxt is not None and nxt.lower_ in ("degree", "degrees", "°"):
        return _temperature(doc, value, start, nxt)
    if nxt is not None and nxt.lower_ in _POWERS and nxt.i + 1 < len(doc):
        # "4,000 cubic metres", "12 square kilometres": a length unit raised to a power
        unit = _pint_unit(doc[nxt.i + 1].lower_)
        if unit is not None and unit[2] == "[length]":
            power = _POWERS[nxt.lower_]
            return _Reading(value * unit[1] ** power, "measure", f"{unit[0]} ** {power}",
                            start, nxt.i + 2, anchor_of(doc[start:nxt.i + 2]))
    if nxt is not None and _metres_abbreviated(doc, nxt):
        value, end = _compound_measure(doc, value, nxt.i + 1, "[length]", 1.0)
        return _Reading(value, "measure", "meter", start, end, anchor_of(doc[start:nxt.i + 1]))
    if nxt is not None:
        unit = _pint_unit(nxt.lower_)
        if unit is not None:
            name, factor, dimension = unit
            rate = _per_time(doc, nxt.i + 1)
            if rate is not None and dimension == "[length]":
                # "43,000 km/h", "12 kilometres per second": a speed, not a distance
                per, end = rate
                return _Reading(value * factor / per, "measure", f"{name} / second", start, end,
                                anchor_of(doc[start:nxt.i + 1]))
            kind = "duration" if dimension == "[time]" else "measure"
            value, end = _compound_measure(doc, value * factor, nxt.i + 1, dimension, factor)
            return _Reading(value, kind, name, start, end, anchor_of(doc[start:nxt.i + 1]))
    if len(run) == 1 and _DOTTED_THOUSANDS.match(run[0].text):
        value = float(run[0].text.replace(".", ""))  # "2.850 passengers": no count is 2.85
    return _count(doc, run, value)


# Thousands set apart by a dot, as much of Europe writes them ("2.850 passengers").
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


# Words that make "pounds" a weight, not sterling: "weighs about 120 pounds", a suspect
# "5-foot-4, 130 pounds" (a real full-web pair was compared as money).
_WEIGHT_WORDS = {"weigh", "weight", "foot", "feet", "inch", "inches", "tall", "ounce", "ounces",
                 "heavy", "heavier", "lighter", "overweight", "pound"}
# "lost 40 pounds" weighs a body; "the club lost 20 million pounds" is money: a change of
# weight counts only for values a body can lose or gain.
_WEIGHT_CHANGE_WORDS = {"lose", "lost", "gain"}
MAX_WEIGHT_CHANGE_POUNDS = 1000
# a height as the tokenizer leaves it: "5-foot-4" -> "5", "-", "foot-4"; "6-foot"
_HEIGHT = re.compile(r"\b(?:foot|feet)\b")


def _pounds_weighed(word: Token, value: float) -> bool:
    """ "pounds" in a sentence that weighs something (see _WEIGHT_WORDS)."""
    if word.lower_ not in ("pound", "pounds"):
        return False
    words = _WEIGHT_WORDS | (_WEIGHT_CHANGE_WORDS if value < MAX_WEIGHT_CHANGE_POUNDS else set())
    return any(t.lemma_.lower() in words and t.i != word.i or _HEIGHT.search(t.lower_)
               for t in word.sent)


_POWERS = {"square": 2, "sq": 2, "cubic": 3}
_FRACTION_NOUNS = {"third", "thirds", "quarter", "quarters", "fifth", "fifths", "half"}
# Words for a share of a whole that "of the <number> ..." may follow (`_after_a_share`): "half
# of its 19,000 centrifuges", "a third of the 300 staff", "most of its 40 branches".
_SHARE_WORDS = _FRACTION_NOUNS | {"most", "majority", "percent", "cent", "%"}
# "46.2C", "46.2°C", "104F": a temperature with its scale glued on.
_GLUED_TEMPERATURE = re.compile(r"^(-?\d+(?:\.\d+)?)°?([CF])$")
_FAHRENHEIT_IN_TEXT = re.compile(r"Fahrenheit|\d\s?°?F\b")


def _temperature(doc: Doc, value: float, start: int, degrees: Token) -> _Reading:
    """'45.8 degrees', '22 degrees Celsius', '104 °F': in degrees Celsius. A bare 'degrees'
    is on the scale the article writes elsewhere (Fahrenheit if it names it, else Celsius)."""
    end = degrees.i + 1
    scale = doc[end].lower_.strip(".") if end < len(doc) else ""
    if scale in ("celsius", "c", "centigrade", "fahrenheit", "f"):
        end += 1
        fahrenheit = scale in ("fahrenheit", "f")
    else:
        fahrenheit = bool(_FAHRENHEIT_IN_TEXT.search(doc_text(doc)))
    return _Reading(_celsius(value, fahrenheit), "measure", "degree_Celsius", start, end,
                    anchor_of(doc[start:degrees.i + 1]))


def _celsius(value: float, fahrenheit: bool) -> float:
    return (value - 32) * 5 / 9 if fahrenheit else value


def _glued_temperatures(doc: Doc) -> list[_Reading]:
    found: list[_Reading] = []
    if not _MAY_GLUED_TEMPERATURE.search(doc_text(doc)):
        return found
    for token in doc:
        match = _GLUED_TEMPERATURE.match(token.text)
        if match:
            value = _celsius(float(match.group(1)), match.group(2) == "F")
            found.append(_Reading(value, "measure", "degree_Celsius", token.i, token.i + 1,
                                  token))
    return found


def _per_time(doc: Doc, at: int) -> tuple[float, int] | None:
    """Seconds of the unit of time after "/" or "per" at `at` ("km/h", "metres per second"),
    with the end of the rate; None when there is none."""
    if at + 1 >= len(doc) or doc[at].lower_ not in ("/", "per"):
        return None
    word = doc[at + 1].lower_.strip(".")
    if word in _TIME_SYMBOLS:  # too short to be read as units on their own (NOT_UNITS)
        return _TIME_SYMBOLS[word], at + 2
    unit = _pint_unit(word)
    if unit is None or unit[2] != "[time]":
        return None
    return unit[1], at + 2


_TIME_SYMBOLS = {"h": 3600.0, "s": 1.0, "min": 60.0}


def _compound_measure(doc: Doc, value: float, end: int, dimension: str,
                      factor: float = math.inf) -> tuple[float, int]:
    """'6 hours and 48 minutes', '5 feet 11 inches', 'two hours six minutes and 14 seconds':
    one measure written in units that get smaller (`factor`: the size of the unit before;
    "20 km and 15 km" are two measures)."""
    while True:
        at = end + 1 if end < len(doc) and doc[end].lower_ in ("and", ",") else end
        stop = at
        while stop < len(doc) and is_number_token(doc[stop]):
            stop += 1
        if stop == at or stop >= len(doc):
            return value, end
        unit = _pint_unit(doc[stop].lower_)
        extra = parse_number([t.text for t in doc[at:stop]])
        if unit is None or unit[2] != dimension or unit[1] >= factor or extra is None:
            return value, end
        value, end, factor = value + extra * unit[1], stop + 1, unit[1]


def _count(doc: Doc, run: Span, value: float) -> _Reading | None:
    if _model_number(doc, run):
        return None
    anchor = anchor_of(run)
    noun = _counted_noun(doc, run, anchor)
    if noun is not None and noun.lower_ in lang.COUNTING_WORDS:
        noun = _of_object(noun) or noun  # "3,100 head of cattle" counts cattle
    if noun is None or noun.lower_ in _FRACTION_NOUNS and (
            noun.i == run.end or noun.i == run.end + 1 and doc[run.end].text == "-"):
        return None  # "two-thirds", "three-quarters": a share (`_fraction_readings`)
    if _pint_unit(noun.lower_) is not None or noun.lower_ in _MONTHS:
        return None  # a measure whose unit is not right after the number
    unit = PEOPLE if run.start <= noun.i < run.end else noun.lemma_.lower()
    multiplied = _multiplied_noun(doc, run)
    if multiplied is not None:  # "five times the acceptable daily limit": a multiple of it
        noun, unit = multiplied, f"times {multiplied.lemma_.lower()}"
    end = noun.i + 1 if run.end <= noun.i <= run.end + 4 else run.end
    return _Reading(value, "count", unit, run.start, end, anchor, noun)


def _multiplied_noun(doc: Doc, run: Span) -> Token | None:
    """The noun after "N times the ...": what the figure is a multiple of ("three times the
    permitted limit", "five times the acceptable daily limit"); None for how often something
    happened ("visited three times") or a comparison ("five times more likely")."""
    # "times" is in the number's run when the parse made it the number's modifier
    at = next((i for i in (run.end - 1, run.end) if i < len(doc) and doc[i].lower_ == "times"),
              None)
    if at is None:
        return None
    for token in doc[at + 1:at + 5]:
        if token.pos_ == "NOUN":
            return token
        if token.pos_ not in ("DET", "ADJ", "ADV") and token.tag_ not in ("VBN", "VBG") \
                or token.lower_ in ("more", "less", "as"):
            return None  # ("the permitted limit": a participle before the noun)
    return None


def _model_number(doc: Doc, run: Span) -> bool:
    """Digits after "a" that count nothing: a model, a calibre or a name ("with a 338 Lapua
    Magnum rifle", "a 747 jet"). "a hundred", "a dozen" are words; "a 15-member council" is
    a size (hyphenated). Digits between a name and its noun are the name's ("its 12 Arven 60
    planes", "eight Boeing 737 jets"): they were read as 60 planes."""
    after = doc[run.end].text if run.end < len(doc) else ""
    if not all(t.text.replace(",", "").isdigit() for t in run):
        return False
    return run.start > 0 and doc[run.start - 1].lower_ in ("a", "an") \
        and after not in ("-", "–") or _names_number(doc, run)


def _names_number(doc: Doc, run: Span) -> bool:
    """A name's number before its noun: the tagger calls it a product ("Boeing 737 jets"),
    or a count stands before the name ("12 Arven 60 planes", "eight Boeing 737 jets"); not
    "In Aldham 40 people" nor "Ortiz 12 times"."""
    if run.start < 2 or run.end >= len(doc):
        return False
    name, noun = doc[run.start - 1], doc[run.end]
    if name.pos_ != "PROPN" or not name.text[:1].isupper() \
            or noun.pos_ not in ("NOUN", "PROPN") or noun.text[:1].isdigit():
        return False
    return doc[run.start].ent_type_ == "PRODUCT" or doc[run.start - 2].like_num


def _of_object(noun: Token) -> Token | None:
    """The noun after 'of' on `noun` ('head of cattle' -> cattle)."""
    return next((obj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "NOUN"), None)


def _counted_noun(doc: Doc, run: Span, anchor: Token) -> Token | None:
    head = anchor.head
    if head.like_num and head.i > run.end and head.head.pos_ == "NOUN" \
            and _names_number(doc, doc[head.i:head.i + 1]):
        head = head.head  # "its 12 Arven 60 planes": the parse hangs 12 on the name's 60
    if anchor.dep_ in ("nummod", "quantmod", "amod", "compound") \
            and head.pos_ in ("NOUN", "PROPN") and head.i >= run.end:
        if head.pos_ == "PROPN" and head.ent_type_ not in ("NORP", ""):
            return None  # "Apollo 11", "World War 2": a name, not a count
        return head
    counted = _of_object(anchor)  # "352 of the soldiers"
    if counted is not None:
        return counted
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") and anchor.pos_ == "NUM":
        toll = _toll_noun(anchor)
        if toll is not None:
            return toll
        if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.pos_ == "VERB":
            # "ballots were cast, of which 18,400 were declared invalid": those ballots;
            # "Fifteen were killed": the number stands for people
            return _antecedent_of_which(anchor) or anchor
        valued = _valued_noun(anchor)
        if valued is not None:
            return valued
        return _noun_of_figure(anchor)
    return None


def _noun_of_figure(anchor: Token) -> Token | None:
    """'a crowd of 40,000', 'a death toll of 12', 'a capacity of 35,000': a bare number after
    'of' gives the size of the noun it hangs on."""
    of = anchor.head
    noun = of.head
    if anchor.dep_ != "pobj" or of.lower_ != "of" or noun.pos_ != "NOUN" or noun.i > anchor.i:
        return None
    return noun


def _antecedent_of_which(anchor: Token) -> Token | None:
    """The noun "of which" / "of whom" refers to when a number is the subject of its clause:
    the nearest noun before it ("1,243,880 ballots were cast, of which 18,400 ...")."""
    verb = anchor.head
    of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
               and any(o.lower_ in ("which", "whom") for o in c.children)), None)
    if of is None:
        return None
    return next((t for t in reversed(list(anchor.doc[anchor.sent.start:of.i]))
                 if t.pos_ == "NOUN"), None)


def _valued_noun(anchor: Token) -> Token | None:
    """'Police put the crowd at about 15,000', 'the crowd was estimated at 40,000', 'a crowd
    organisers estimated at 40,000': a number after 'at' on a verb counts that verb's object
    (or passive subject, or the noun its relative clause describes)."""
    at = anchor.head
    verb = at.head
    if anchor.dep_ != "pobj" or at.lower_ != "at" or verb.pos_ != "VERB":
        return None
    valued = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                   and c.pos_ == "NOUN"), None)
    if valued is None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        valued = verb.head  # "a crowd organisers estimated at 40,000"
    return valued


def _toll_noun(anchor: Token) -> Token | None:
    """'the death toll rose to 52': the toll is what is counted."""
    verb = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.lemma_ in ("toll", "number", "total", "count", "figure", "tally")), None)


def _age(doc: Doc, run: Span, value: float) -> _Reading | None:
    """'the 23-year-old', '57 years old', 'aged 24', 'Ferraz, 24,' (apposition to a name)."""
    words = [t.lower_ for t in doc[run.end:run.end + 5]]
    text = " ".join(words)
    if re.match(r"^(- )?years? (- )?old\b", text):
        end = run.end + words.index("old") + 1
        return _Reading(value, "age", "year", run.start, end, doc[end - 1])
    before = doc[run.start - 1] if run.start > 0 else None
    if before is not None and (before.lower_ == "aged" or before.lower_ in _ONLY_WORDS
                               and run.start > 1 and doc[run.start - 2].lower_ == "aged"):
        # "aged 24", "a schoolgirl aged just 16"
        return _Reading(value, "age", "year", run.start, run.end, anchor_of(run))
    after = doc[run.end] if run.end < len(doc) else None
    is_apposition = (before is not None and before.text == "," and run.start >= 2
                     and (_names_a_person(doc, run.start - 2)
                          or _person_described(doc[run.start - 2])
                          and not (run.end + 1 < len(doc) and doc[run.end + 1].like_num))
                     and (after is None or after.text in (",", ".", ")", ";")))
    if is_apposition and len(run) == 1 and 1 <= value <= 120 and run[0].text.isdigit():
        return _Reading(value, "age", "year", run.start, run.end, doc[run.start - 2])
    return None


def _person_described(token: Token) -> bool:
    """'The driver, 58, escaped', 'Their guide, 47,': a noun for a person made definite (not
    'drivers, 58,' nor 'a nurse, 58,' a figure in a list)."""
    return token.pos_ == "NOUN" and token.tag_ == "NN" and lang.is_person_noun(token.lower_) \
        and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in token.children)


# Words that make a noun for a person one known person ("the driver", "their guide").
_DEFINITE = frozenset({"the", "his", "her", "their", "its", "our"})


# Words that stress how small a figure is without making it approximate.
_ONLY_WORDS = {"just", "only", "barely"}


def _names_a_person(doc: Doc, i: int) -> bool:
    """Token `i` is part of a person's name: as NER tagged it, or as the article names that
    person elsewhere (the small model tags "Drăgulescu, 61," ORG where the full name
    "Nikolai Drăgulescu" is a PERSON)."""
    return doc[i].ent_type_ == "PERSON" or any(
        m.label == "PERSON" and m.first_token <= i < m.end_token for m in find_mentions(doc)) \
        or proper_name(doc, i) is not None


# Labels the small model gives a person's full name it does not know ("grandad Marek
# Dunleavy, 78": ORG); a name tagged as a place, a nationality or a product is no person's.
_NAME_LABELS = frozenset({"", "PERSON", "ORG"})


def proper_name(doc: Doc, i: int) -> str | None:
    """The name of two or more capitalised proper nouns (hyphens kept: "Marić-Haller") that
    token `i` is part of, when the tagger gives it no label or a person's or an
    organisation's; None for a single word or anything else."""
    if not _is_name_word(doc[i]):
        return None
    start, end = i, i + 1
    while step := _name_step(doc, start - 1, -1):
        start -= step
    while step := _name_step(doc, end, 1):
        end += step
    words = [t for t in doc[start:end] if t.text != "-"]
    return doc[start:end].text if len(words) >= 2 else None


def _is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.text.isupper() \
        and token.ent_type_ in _NAME_LABELS


def _name_step(doc: Doc, at: int, direction: int) -> int:
    """How many tokens from `at` on (going `direction`) continue a name: 1 for a name word,
    2 for a hyphen written without spaces and the name word beyond it, 0 otherwise."""
    if not 0 <= at < len(doc):
        return 0
    if _is_name_word(doc[at]):
        return 1
    beyond = at + direction
    glued = doc[at].text == "-" and not doc[at].whitespace_ and not doc[at - 1].whitespace_
    return 2 if glued and 0 <= beyond < len(doc) and _is_name_word(doc[beyond]) else 0


def _glued_money(doc: Doc) -> list[_Reading]:
    """'$3.2bn', '€6.5m': an amount with its scale glued on, after a currency sign."""
    found = []
    for token in doc[1:]:
        match = _GLUED_SCALE.match(token.lower_)
        sign = doc[token.i - 1].text
        if match and sign in CURRENCY_SIGNS:
            value = float(match.group(1).replace(",", "")) * SCALE_SUFFIXES[match.group(2)]
            found.append(_Reading(value, "money", CURRENCY_SIGNS[sign], token.i - 1, token.i + 1,
                                  token))
    return found


_FRACTION_STARTS = {key.replace("-", " ").split()[0] for key in FRACTIONS}


def _fraction_readings(doc: Doc, in_numbers: set[int]) -> list[_Reading]:
    """'about a quarter', 'two-thirds of the fire': shares, compared as percentages (not
    the fractions of numbers, `in_numbers`)."""
    found = []
    lowers = [t.lower_ for t in doc]  # read once: spaCy builds a Token on every doc[i]
    for i, lower in enumerate(lowers):
        if lower not in _FRACTION_STARTS:
            continue  # most words start no share: skip the look-ahead
        # "two-thirds", "two thirds": the number is the fraction's
        hyphen = lowers[i + 1:i + 2] == ["-"] and not doc[i].whitespace_
        if i in in_numbers and not (hyphen or lowers[i + 1:i + 2] in (["thirds"], ["quarters"])):
            continue
        for size in (3, 2, 1):
            if size == 3 and not (hyphen and not doc[i + 1].whitespace_):
                continue  # three tokens only as one word written with a hyphen: "two-thirds"
            words = ("" if size == 3 else " ").join(lowers[i:i + size])
            if words not in FRACTIONS:
                continue
            token = doc[i]
            if i + size < len(lowers) and lowers[i + size] in ("dozen", *_LARGE_SCALES):
                continue  # "a half dozen groups": a count of six
            if size == 2 and token.lower_ == "a" and _before_its_noun(doc[i + 1]):
                continue  # "a third country", "a second term": an ordinal, not a share
            if lowers[i + size:i + size + 2][:1] in (["a"], ["an"]) or \
                    lowers[i + size:i + size + 2] in (["of", "a"], ["of", "an"]):
                # "half a mile", "half an hour": a piece of one unit ("a quarter of a point"
                # is none of a unit read here)
                piece = _piece_of_a_unit(doc, i, i + size, FRACTIONS[words] / 100)
                if piece is not None:
                    found.append(piece)
                    break
                continue
            if (size == 2 or lower != "half" or
                    token.dep_ in ("npadvmod", "attr", "dobj", "nsubj")):
                if size == 1 and words != "half":
                    continue
                found.append(_Reading(FRACTIONS[words], "percent", "%", i, i + size,
                                      doc[i + size - 1]))
                break
    return found


def _piece_of_a_unit(doc: Doc, start: int, end: int, share: float) -> _Reading | None:
    """'half a mile wide' -> 804.7 m, 'half an hour' -> 1800 s: a fraction of one unit of
    length, mass or time is that measure."""
    at = end + (2 if doc[end].lower_ == "of" else 1)
    if at >= len(doc):
        return None
    unit = _pint_unit(doc[at].lower_)
    if unit is None or unit[2] not in ("[length]", "[mass]", "[time]"):
        return None
    name, factor, dimension = unit
    kind = "duration" if dimension == "[time]" else "measure"
    return _Reading(share * factor, kind, name, start, at + 1, doc[at])


def _before_its_noun(word: Token) -> bool:
    """'third' in 'a third country' modifies the noun after it; 'a third of the homes' and
    'cut by a third' name a share."""
    return word.dep_ == "amod" and word.head.i == word.i + 1 \
        and word.head.pos_ in ("NOUN", "PROPN")


# Units of time: an ordinal of one dates a happening ("a goal in the 88th minute") and two
# such ordinals are two moments (two goals), not rival ranks.
_CLOCK_UNITS = {"second", "minute", "hour", "week", "month", "year", "decade", "century"}


def _ordinal_readings(doc: Doc) -> list[_Reading]:
    """'the fifth round', 'the 11th emergency session': an ordinal of a noun."""
    found = []
    for token in doc:
        match = _ORDINAL_DIGITS.match(token.lower_)
        value = float(match.group(1)) if match else ORDINAL_WORDS.get(token.lower_)
        if value is not None and (ranked := _ranked_superlative(token, value)) is not None:
            found.append(ranked)
            continue
        noun = _ranked_noun(token) if value is not None else None
        if noun is None:
            if value is not None and _finishing_place(token):
                found.append(_Reading(float(value), "ordinal", "place", token.i, token.i + 1,
                                      token, token.head))
            continue
        if noun.lemma_ == "place":
            if any(c.dep_ == "det" for c in noun.children):
                continue  # "in the first place": an idiom; "in sixth place" is a rank
        elif noun.lemma_ in ("time", "day", "half") or token.ent_type_ == "DATE":
            continue  # "for the first time", "second half": idioms, not ranks worth comparing
        elif token.lower_ in ("first", "second") and not match:
            continue  # "first"/"second" are mostly ordinary adjectives
        if noun.lemma_ in _CLOCK_UNITS:
            continue  # "in the 88th minute", "the 30th year": a moment, not a rank
        end = noun.i + 1 if noun.i > token.i else token.i + 1
        # The kind of thing ranked, with its compounds: "emergency sitting" ~ "emergency
        # special session" (MiniLM 0.69), where "sitting" ~ "session" alone is 0.37.
        unit = " ".join([c.lower_ for c in noun.children if c.dep_ == "compound"
                         and c.i < noun.i and not c.like_num]
                        + [noun.lower_ if noun.tag_ == "VBG" else noun.lemma_.lower()])
        found.append(_Reading(float(value), "ordinal", unit, token.i, end, token, noun))
    return found


def _numbered_parts(doc: Doc) -> list[_Reading]:
    """'after stage 14 of the Tour', 'in round 3': a part of a sequence named by its number is
    its rank, as 'the 14th stage' is (`lang.SEQUENCE_NOUNS`; not 'Route 14' nor '14 stages')."""
    found = []
    for noun in doc[:-1]:
        number = doc[noun.i + 1]
        if noun.lemma_.lower() not in lang.SEQUENCE_NOUNS or noun.pos_ not in ("NOUN", "PROPN") \
                or not number.text.isdigit() or (noun.i > 0 and doc[noun.i - 1].like_num):
            continue
        after = doc[number.i + 1] if number.i + 1 < len(doc) else None
        if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.like_num
                                  or after.text in ("-", "–", "/", ":")):
            continue  # "round 3 matches", "stage 14-16", "set 6-4": not a rank
        found.append(_Reading(float(number.text), "ordinal", noun.lemma_.lower(), noun.i,
                              number.i + 1, number, noun))
    return found


def _ranked_superlative(ordinal: Token, value: float) -> _Reading | None:
    """'the second-largest in the province', 'the third busiest airport': an ordinal ranking
    a superlative is a rank of what the superlative measures (with its noun, when it has one:
    'busiest airport'; "second" here is no ordinary adjective)."""
    superlative = ordinal.head
    if ordinal.dep_ != "advmod" or superlative.tag_ != "JJS" or superlative.i < ordinal.i:
        return None
    noun = superlative.head if superlative.dep_ == "amod" and superlative.head.pos_ in (
        "NOUN", "PROPN") else None
    unit = superlative.lower_ + (f" {noun.lemma_.lower()}" if noun is not None else "")
    end = (noun.i if noun is not None else superlative.i) + 1
    return _Reading(value, "ordinal", unit, ordinal.i, end, ordinal, noun or superlative)


# Verbs after which a bare "first" or "second" is a place in a race or a ranking ("finished
# second"); elsewhere they mostly order events ("he first went").
_PLACING_VERBS = {"finish", "come", "end", "place", "rank", "cross", "be"}


def _finishing_place(ordinal: Token) -> bool:
    """'comes home fifth', 'Ekwueme was fifth', 'finished second': an ordinal standing for
    a place, right after its verb (only adverbs between: in "finished second, with Aurich
    third" the third place is Aurich's, not the subject's)."""
    verb = ordinal.head
    if ordinal.dep_ not in ("advmod", "acomp", "attr", "npadvmod", "oprd") \
            or verb.pos_ not in ("VERB", "AUX") or ordinal.i < verb.i \
            or ordinal.ent_type_ == "DATE":
        return False
    if ordinal.lower_ in ("first", "second") and verb.lemma_ not in _PLACING_VERBS:
        return False
    between = ordinal.doc[verb.i + 1:ordinal.i]
    return all(t.head.i == verb.i and t.dep_ in ("advmod", "prt") for t in between)


def _ranked_noun(ordinal: Token) -> Token | None:
    """The noun an ordinal ranks: its head ("the fifth round"), or, for an ordinal standing
    alone in a coordination, the noun it leaves out ("the first emergency sitting ... and just
    the seventh in its history": the seventh sitting). A noun the parser took for a gerund
    ("sitting", "meeting") counts when it has a determiner."""
    head = ordinal.head
    if ordinal.dep_ == "conj" and not any(c.dep_ in ("pobj", "dobj") or c.pos_ == "NOUN"
                                          for c in ordinal.children if c.i > ordinal.i
                                          and c.dep_ != "prep"):
        if not any(c.dep_ == "amod" and (c.like_num or c.ent_type_ == "ORDINAL")
                   for c in head.children):
            return None  # the noun left out is one ranked in the first conjunct
    elif ordinal.dep_ != "amod":
        return None
    if head.pos_ in ("NOUN", "PROPN") or (
            head.tag_ == "VBG" and any(c.dep_ == "det" for c in head.children)):
        return head
    return None


# --------------------------------------------------------------------------- filters


_LARGE_SCALES = {"thousand", "million", "billion", "trillion"}
_DECIMAL = re.compile(r"\d\.\d")


def _currency_sign_before(doc: Doc, start: int) -> str | None:
    """The currency sign or ISO code written just before a number ("$", "€", "CHF")."""
    sign = doc[start - 1].text if start > 0 else ""
    return sign if sign in CURRENCY_SIGNS or sign in CURRENCY_CODES else None


def _is_not_a_quantity(doc: Doc, run: Span) -> bool:
    text = run.text.lower()
    # an amount the tagger took into a name ("fined Morvane Pharma €12 million": one ORG) is
    # still money: no name holds a currency sign
    named = any(t.ent_type_ in NAME_ENTITIES for t in run) \
        and _currency_sign_before(doc, run.start) is None
    if named or (
            run.start > 0 and all(t.pos_ == "PROPN" and t.is_title for t in run)
            and not run[0].is_sent_start):
        return True  # part of a name or title: "Zero Dark Thirty", "Apollo Eleven"
    if text in ("one", "a") or any(t.lower_ in ("hundreds", "thousands", "millions",
                                                "billions", "dozens", "scores", "tens")
                                   for t in run):
        return True  # "one of the", vague plurals
    # no day or year has a decimal point: "in December 7.9 percent" (spaCy: one DATE)
    decimal = _DECIMAL.search(run.text) is not None
    if any(in_date_entity(t) for t in run) and not _looks_like_duration(doc, run) \
            and not any(t.lower_ in _LARGE_SCALES for t in run) and not decimal:
        return True  # (spaCy tags "two and a half million euros" DATE too: no date has those)
    before = doc[run.start - 1] if run.start > 0 else None
    after = doc[run.end] if run.end < len(doc) else None
    labels = [t.lower_ for t in doc[max(0, run.start - 2):run.start] if t.text != "."]
    if labels and labels[-1] in _LABEL_WORDS:
        return True
    if not decimal and ((before is not None and before.lower_.rstrip(".") in _MONTHS) or
                        (after is not None and after.lower_.rstrip(".") in _MONTHS)):
        return True
    if after is not None and after.lower_ in ("st", "nd", "rd", "th", "a.m.", "p.m.", "am", "pm",
                                              "gmt", "utc", "o'clock"):
        return True
    if before is not None and before.text in (".", "#") and not before.whitespace_:
        return True  # a calibre or a code: ".338 Lapua", "#45"
    if _joined_to_digits(doc, run):
        return True  # ranges, phone numbers, scores, clock times: "10-15", "555-1234", "3:1"
    return _YEAR.match(run.text) is not None and "," not in run.text


def _looks_like_duration(doc: Doc, run: Span) -> bool:
    """spaCy tags "six hours", "11 days", "a five-year contract" as DATE/TIME."""
    nxt = _next_word(doc, run.end)
    unit = _pint_unit(nxt.lower_) if nxt is not None else None
    after = _next_word(doc, nxt.i + 1) if nxt is not None else None
    if after is not None and after.lower_ == "ago":
        return False  # "two days ago": a day (the date reader's), not a length of time
    return (unit is not None and unit[2] == "[time]") or (
        nxt is not None and nxt.lower_ in ("year", "years") )


def _joined_to_digits(doc: Doc, run: Span) -> bool:
    separators = ("-", "–", "/", ":", ".")
    if run.start >= 2:
        separator, other = doc[run.start - 1], doc[run.start - 2]
        if separator.text in separators and not other.whitespace_ and other.text[:1].isdigit():
            return True
    if run.end + 1 < len(doc):
        separator, other = doc[run.end], doc[run.end + 1]
        if separator.text in separators and not run[-1].whitespace_ \
                and not separator.whitespace_ and other.text[:1].isdigit():
            return True
    return False


# --------------------------------------------------------------------------- units


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


def _metres_abbreviated(doc: Doc, unit: Token) -> bool:
    """"3,050 m", "12 m high", "40 m of water": "m" after a number is metres when no noun
    follows it (after money it was a million, read before this; "2m people" is a million
    people, so "m" stays out of the unit words)."""
    if unit.lower_ != "m":
        return False
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN", "NUM")


@lru_cache(maxsize=4096)
def _pint_unit(word: str) -> tuple[str, float, str] | None:
    """(unit name, factor to base unit, dimension) of a unit word, via pint's registry."""
    word = word.strip(".").lower()
    if word in ("year", "years", "yr", "yrs"):
        return "second", 31_557_600.0, "[time]"
    if word in ("night", "nights"):
        return "second", 86_400.0, "[time]"  # "a 14-night cruise", "three nights in hospital"
    if not word or word in NOT_UNITS or not re.fullmatch(r"[a-z²³/]+", word):
        return None
    try:
        quantity = _registry().Quantity(1, word)
        base = quantity.to_base_units()
    except Exception:  # pint raises several error types for unknown words
        return None
    dimension = str(quantity.dimensionality)
    if dimension not in MEASURE_DIMENSIONS or str(quantity.units) not in NEWS_UNITS:
        return None
    return str(base.units), float(base.magnitude), dimension


def _scaled(doc: Doc, value: float, end: int) -> tuple[float, int]:
    """Apply a scale word or suffix after a money amount: '$4.2 billion', '€6.5m', and '€21m.'
    ending a sentence (the tokenizer keeps the full stop on the suffix)."""
    if end >= len(doc):
        return value, end
    word = doc[end].lower_
    if word.endswith(".") and word[:-1] in SCALE_SUFFIXES and len(word) <= 4:
        word = word[:-1]
    if word in SCALE_SUFFIXES and \
            not any(t.lower_ in SCALE_SUFFIXES for t in doc[max(0, end - 1):end]
                    if t.lower_ in ("million", "billion", "thousand", "trillion")):
        return value * SCALE_SUFFIXES[word], end + 1
    return value, end


def _currency_of_country(doc: Doc, word: Token | None) -> tuple[str, int] | None:
    """'96 million US dollars', '70,000 Swiss francs', '2 million Hong Kong dollars': a
    country's word (one or two capitalised words) before a currency word -> (code, index of
    the currency word). Dollars are the country's own (Canadian ones are no US dollars);
    other currency words keep their code ('Swiss francs' -> CHF)."""
    if word is None or not (word.lower_ in DOLLAR_COUNTRIES or word.text[:1].isupper()):
        return None
    for length in (1, 2):
        last = word.i + length
        if last >= len(doc) or doc[last].lower_ not in CURRENCY_WORDS \
                or doc[last].pos_ not in ("NOUN", "PROPN"):
            continue  # "four Oscars won": a verb
        country = doc[word.i:last].text.lower()
        if not all(t.text[:1].isupper() or t.lower_ in DOLLAR_COUNTRIES
                   for t in doc[word.i:last]):
            return None
        if doc[last].lower_ in ("dollar", "dollars"):
            return DOLLAR_COUNTRIES.get(country, f"{country} dollar"), last
        return CURRENCY_WORDS[doc[last].lower_], last
    return None


def _next_word(doc: Doc, end: int) -> Token | None:
    """The token after a number, skipping a joining hyphen ('510-km', 'five-year')."""
    if end < len(doc) and doc[end].text in ("-", "–") and end + 1 < len(doc):
        return doc[end + 1]
    return doc[end] if end < len(doc) else None


# --------------------------------------------------------------------------- what is measured


def describe(doc: Doc, reading: _Reading) -> Quantity:
    """What the number measures, from its neighbourhood in the parse."""
    inside = set(range(reading.start, reading.end))
    noun, verb = _noun_and_verb(reading, inside)
    words: list[str] = []
    if reading.kind in ("duration", "measure"):
        # what lasts that long: "12 days of strike action", "FIFTEEN days of chaos"; what
        # measures that much: "3,200 megawatts of load", "9,500 hectares of forest"
        words += _of_objects(doc[reading.end - 1])
    if noun is not None:
        # the noun's own modifiers count even inside the phrase ("six missing people")
        words += [_lemma(c) for c in noun.children
                  if c.dep_ in ("amod", "compound", "poss", "nmod") and c.pos_ != "NUM"
                  and c.like_num is False and c.lower_ not in QUALIFIER_WORDS]
        words.append(_lemma(noun))
        words += _prep_objects(noun, inside)
        # a participle describing the counted noun: "leaving 3 citizens killed"
        words += [_lemma(c) for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if verb is not None:
        words.append(_lemma(verb))
        words += [_lemma(c) for c in _arguments(verb)
                  if c.i not in inside and c is not noun and c.pos_ != "NUM"]
        if verb.lemma_ == "leave":  # "left 30 people injured": the state they were left in
            words += [_lemma(c) for c in verb.children
                      if c.dep_ in ("advcl", "xcomp", "ccomp") and c.tag_ in ("VBN", "JJ")]
        words += _prep_objects(verb, inside)
        clause = verb.head if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" else verb
        if clause.dep_ in ("acl", "relcl") and clause.head.pos_ in ("NOUN", "PROPN"):
            # "a trial lasting nine weeks", "a walkout that the union says will last 12 days"
            words.append(_lemma(clause.head))
    words = [w for w in dict.fromkeys(words) if w and w not in _STOP_DESCRIPTION]
    around = _neighbourhood(noun, verb, inside)
    return Quantity(
        kind=reading.kind, unit=reading.unit,
        noun=_lemma(noun) if noun is not None else None,
        noun_phrase=_noun_phrase(noun, inside),
        predicate=_lemma(verb) if verb is not None else None,
        what=" ".join(words),
        scope=_person(doc, reading) if reading.kind == "age" else _scope(doc, around),
        time_frame=_time_frame(doc, verb, _framing(around, reading.anchor, noun, verb), inside),
        aspect=_aspect(doc, reading, noun, verb),
        dimension=_dimension(doc, reading, noun),
        whole=_share_whole(reading),
        year=None if reading.kind == "year" else _pinned_year(noun, verb),
        actor=_actor(doc, reading, noun, verb),
        update=_is_update(reading, verb),
        estimate=_is_estimate(reading, noun, verb),
    )


# Words naming which length a measure is: after it ("72 feet long", "34 metres down") or as
# the noun it is of ("a depth of 34 metres", "an altitude of 61 km").
_DIMENSIONS = {"long": "length", "length": "length", "wide": "width", "width": "width",
               "across": "width", "broad": "width", "deep": "depth", "depth": "depth",
               "down": "depth", "below": "depth", "underwater": "depth", "high": "height",
               "tall": "height", "height": "height", "altitude": "height",
               "elevation": "height", "up": "height", "thick": "thickness",
               "thickness": "thickness"}


def _dimension(doc: Doc, reading: _Reading, noun: Token | None) -> str | None:
    """Which length a measure of length gives, when the sentence says: a depth is no rival to
    a length ("34 metres down" / "about 72 feet long")."""
    if reading.kind != "measure" or reading.unit != "meter":
        return None
    after = _next_word(doc, reading.end)
    if after is not None and after.lower_ in _DIMENSIONS:
        return _DIMENSIONS[after.lower_]
    anchor = reading.anchor
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        anchor = anchor.head.head  # "a depth of 34 metres"
    for word in (anchor, noun):
        if word is not None and word.lower_ in _DIMENSIONS and word.pos_ == "NOUN":
            return _DIMENSIONS[word.lower_]
    return None


def _noun_phrase(noun: Token | None, inside: set[int]) -> str | None:
    """The noun with the nouns that name its kind right before it: "$824 million spending
    plan" is a budget, where "plan" alone is not. Not the figure's own unit ("a 60-metre
    section")."""
    if noun is None:
        return None
    kinds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"
             and c.i not in inside and not _unit_word(c)]
    return " ".join([*(_lemma(c) for c in kinds), _lemma(noun)]) if kinds else None


def _unit_word(token: Token) -> bool:
    """A unit ("metre" in "a 60-metre section") or a number's word, not a kind of thing."""
    return token.like_num or any(c.like_num for c in token.children) \
        or _pint_unit(token.lower_) is not None


def _is_estimate(reading: _Reading, noun: Token | None, verb: Token | None) -> bool:
    """'likely killed more than 10,000', 'could reach 50', 'an estimated 2,000 homes',
    'feared dead', 'expected to top 40': the figure is a guess, not a count (lang.json)."""
    marked = [reading.anchor, *([noun] if noun is not None else [])]
    if any(c.lower_ in lang.HEDGE_ADJECTIVES and c.dep_ in ("amod", "advmod")
           for token in marked for c in token.children):
        return True
    reported = False  # reached through a clause set before its verb
    while verb is not None:
        if not reported and any(
                (c.dep_ == "aux" and c.lower_ in lang.HEDGE_MODALS)
                or (c.dep_ == "advmod" and c.lower_ in lang.HEDGE_ADVERBS)
                or (c.dep_ in ("acomp", "oprd") and c.lower_ in lang.HEDGE_ADJECTIVES)
                for c in verb.children) or verb.lemma_.lower() in lang.HEDGE_VERBS:
            return True
        # "50 died, officials feared" hedges through the verb; "beneath are 17 turbines, each
        # of which could have sucked him under" (the parse hangs the first clause on the
        # second) does not through the other clause's modal
        reported = verb.dep_ == "ccomp" and verb.i < verb.head.i
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
    return False


def _is_update(reading: _Reading, verb: Token | None) -> bool:
    """'rose to 52', 'has climbed to 40': the new value of a count that changes."""
    return verb is not None and verb.lemma_ in CHANGE_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "to" and reading.anchor in c.subtree
        for c in verb.children)


def _pinned_year(noun: Token | None, verb: Token | None) -> int | None:
    """A year that names which instance the figure is about: a modifier of the counted noun or
    of the verb's subject or object ('the 2019 fire destroyed 112 homes'), or 'in 2019' on the
    verb or noun. Spans and limits ('between 2016 and 2022', 'until 2023') are not instances."""
    heads = [h for h in (noun, verb) if h is not None]
    if verb is not None:
        heads += [c for c in _arguments(verb) if c.pos_ in ("NOUN", "PROPN")]
    if noun is not None:  # "the 31-metre ship raised from the harbour in 1987"
        heads += [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nummod", "compound", "amod", "npadvmod") and _YEAR.match(child.text):
                return int(child.text)
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "of"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and _YEAR.match(obj.text):
                        return int(obj.text)
    return None


def _actor(doc: Doc, reading: _Reading, noun: Token | None, verb: Token | None) -> str | None:
    """The person a figure belongs to: the possessor of its noun or amount ('Stumpf's $41m
    pay', 'her $19 million') or the subject of its verb ('Tolstedt owns $43.3 million'); he,
    she, his and her stand for the last person named before them."""
    owners = [noun, reading.anchor] if noun is not None else [reading.anchor]
    candidates = [c for owner in owners for c in owner.children if c.dep_ == "poss"]
    if verb is not None:
        candidates += [c for c in _arguments(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    for token in candidates:
        token = antecedent(token)  # "Aaron Perry, who shot an insurgent from 2,286 metres"
        if token.ent_type_ == "PERSON":
            entity = entity_of(token)
            return entity.text if entity is not None else token.text
        if token.lower_ in PERSONAL_PRONOUNS:
            return _last_person_before(doc, token.i)
        if token.lower_ in FIRST_PERSON:
            return token.lower_  # the quotation's speaker, once quotes are read
    return None


def speakers_as_actors(facts: list[NumericFact], quotes: list[Quote]) -> list[NumericFact]:
    """A figure a speaker gives of themselves ("We have fished here for thirty years," said
    Malín) is the speaker's: another person's forty years are no rival to it. First person
    outside a quotation, or in one nobody is named for, belongs to nobody known."""
    found = []
    for fact in facts:
        quantity = fact.quantity
        if quantity is not None and quantity.actor in FIRST_PERSON:
            speaker = next((q.speaker for q in quotes if q.speaker and q.sentence <= fact.sentence
                            and fact.phrase in q.text), None)
            fact = fact.model_copy(update={
                "quantity": quantity.model_copy(update={"actor": speaker})})
        found.append(fact)
    return found


def _last_person_before(doc: Doc, index: int) -> str | None:
    people = [e for e in doc_ents(doc) if e.label_ == "PERSON" and e.end <= index
              and doc[e.start].sent.start >= doc[index].sent.start - PRONOUN_REACH_TOKENS]
    return people[-1].text if people else None


# Nouns that name an amount as such, not what it is paid in or for: what the amount measures is
# the noun after it ("a total of $5 million in damages", "the equivalent of $1.2 billion in
# sales"; the sources of a real full-web cluster gave "$1.2 billion in sales" and "over $1.6
# billion in sales", and the first was taken as a rival to nothing).
_AMOUNT_NOUNS = {"equivalent", "total", "sum", "amount", "value", "worth", "tune", "figure",
                 "estimate"}


def _amount_noun(anchor: Token, inside: set[int]) -> Token | None:
    """What an amount is paid in or for: '$41 million in stock awards', '£780,000 in bribes'."""
    for token in (anchor, *anchor.children):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "for", "of") and prep.i not in inside:
                objects = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
                if objects:
                    return objects[0]
    return None


def _is_partitive(of: Token) -> bool:
    """'of them', 'of the ten turbines', 'of those': a part of a known whole (not '14,000
    hectares of forest')."""
    for obj in of.children:
        if obj.dep_ != "pobj":
            continue
        if obj.pos_ == "PRON":
            return True
        return any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("a", "an")
                   for c in obj.children)
    return False


def _person(doc: Doc, reading: _Reading) -> list[str]:
    """Whose age: the name it is set beside ('Ilse Marrow, 52') or the name in the noun phrase
    it modifies ('the 61-year-old director Piet Aalst'), else, for 'the 58-year-old' alone,
    the person named last before it. Names as `entities.find_mentions` reads them (the small
    model tags some surnames ORG that the article gives in full as a person's)."""
    beside = _name_set_beside(doc, reading)
    if beside is not None:
        return [beside]
    near = [reading.anchor, *reading.anchor.head.subtree] if reading.anchor.head.i != \
        reading.anchor.i else [reading.anchor]
    at = {t.i for t in near}
    people = [m for m in find_mentions(doc) if m.label == "PERSON"]
    # the name the age is set beside first: in "bond for Jean, 37, and Davis, 42" the head of
    # "Davis" is "Jean", whose subtree holds both names
    own = [m for m in people if m.first_token <= reading.anchor.i < m.end_token]
    for mention in own + people:
        if any(i in at for i in range(mention.first_token, mention.end_token)):
            return [mention.text]
    # a full name the tagger does not know as a person's: "seventy-six-year-old Marek
    # Dunleavy", "grandad Marek Dunleavy, 78"
    named = reading.anchor.head if reading.anchor.lower_ == "old" else reading.anchor
    if (name := proper_name(doc, named.i)) is not None:
        return [name]
    if not _definite_description(reading.anchor):
        return []
    sentence = reading.anchor.sent
    for _ in range(AGE_LOOKBACK_SENTENCES):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    earlier = [m for m in people if sentence.start <= m.first_token < reading.start]
    return [earlier[-1].text] if earlier else []


def _name_set_beside(doc: Doc, reading: _Reading) -> str | None:
    """The name an age is set beside between commas ("Dunne-Harlow, 24, scored ..."; `_age`
    anchors such an age on the name), whatever the tagger calls the name: tagged ORG, it lost
    the age to "Rovers", a PERSON later in the sentence."""
    at = reading.start
    if at < 2 or doc[at - 1].text != "," or reading.anchor.i != at - 2:
        return None
    mention = next((m for m in find_mentions(doc) if m.end_token == at - 1
                    and m.label in ("PERSON", "ORG")), None)
    return mention.text if mention is not None else proper_name(doc, at - 2)


def _definite_description(old: Token) -> bool:
    """'the 58-year-old' alone, or 'The 24-year-old forward': someone named before. Not 'the
    13-year-old boy' (a noun of age, sex or family tie): a child after a named parent is
    someone else as often as not."""
    if old.lower_ != "old":
        return False
    if any(c.lower_ == "the" for c in old.children):
        return True
    noun = old.head
    return old.dep_ == "amod" and noun.pos_ == "NOUN" and lang.is_person_noun(noun.lower_) \
        and noun.lemma_.lower() not in lang.PERSON_KINDS \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _per_period(doc: Doc, at: int) -> bool:
    """'12 hours each day', 'twice each week': 'each' starts a rate, not the size of one."""
    if at >= len(doc):
        return False
    word = doc[at].lower_
    unit = _pint_unit(word)
    return word in ("night", "morning", "evening", "afternoon") or (
        unit is not None and unit[2] == "[time]")


_FINITE_TAGS = lang.FINITE_VERB_TAGS | {"MD"}  # "after six tonnes could escape" too


def _object_of(preposition: Token, reading: _Reading) -> bool:
    """The figure is the object of the preposition, not the subject of a clause it opens: a
    finite verb right after the figure's phrase ("after six tonnes of chlorine escaped", which
    the parse reads as "after [six tonnes]" all the same)."""
    objects = [c for c in preposition.children
               if c.dep_ == "pobj" and reading.start <= c.i < reading.end + 2]
    if not objects:
        return False
    after = objects[0].right_edge.i + 1
    doc = preposition.doc
    return not (after < len(doc) and doc[after].tag_ in _FINITE_TAGS)


def _aspect(doc: Doc, reading: _Reading, noun: Token | None, verb: Token | None) -> str:
    """Whether the figure is a total, a part of one, a noun's size or an increment."""
    before = doc[reading.start - 1].lower_ if reading.start > 0 else ""
    after = doc[reading.end].lower_ if reading.end < len(doc) else ""
    inner = {t.lower_ for t in doc[reading.start:reading.end]}
    if before in ("other", "remaining", "rest"):
        return "part"  # "the other 12", "the remaining 12": the rest of a stated whole
    if reading.kind == "percent" and after in ("-", "–"):
        # "20 percent-enriched uranium": a grade of a thing. Not "20 percent enrichment": a
        # "27% premium" is the premium's size, a rival to "a premium of roughly 31 percent"
        return "size"
    if reading.kind == "measure" and _places_apart(doc, reading.end):
        return "position"  # "140 miles south of the plant" is no radius or length of a thing
    if reading.kind == "measure" and before == "after" and _object_of(doc[reading.start - 1],
                                                                       reading):
        # "After thirty kilometres I knew I could win": a point on the way; not "after six
        # tonnes of chlorine escaped", where "after" opens a clause the figure is subject of
        return "position"
    if reading.kind in ("measure", "duration") and _still_to_come(doc, reading.end):
        return "part"  # "with seven kilometres to go": what is left of a whole
    if reading.kind == "duration" and after in _OFF_SCHEDULE:
        return "change"  # "born nine weeks early": how far off a due time, no length
    if _names_a_limit(doc, reading):
        return "size"  # "well above the 15 km/h limit": the limit's value, not the speed
    if _is_required(noun, verb):
        return "threshold"  # "the 316 votes needed for a majority", "63 members is required"
    each = after in ("each", "apiece") and not _per_period(doc, reading.end + 1)
    if each or after in ("and", "to", "-", "–") and \
            _range_of_each(doc[reading.end + 1:reading.end + 6]):
        return "size"  # "paid between $90,000 and $250,000 each": the amount of one
    if before in INCREMENT_WORDS or after in ("more", "additional", "extra") or \
            inner & {"more", "additional", "extra"}:
        return "change"  # "another 40", "three more shots", "an additional 200"
    if verb is not None and verb.lemma_ in CHANGE_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "by" and reading.anchor in c.subtree
            for c in verb.children):
        return "change"  # "rose by 5 percent"
    if _moved_by(reading, verb):
        return "change"  # "the deficit rose 15.3 percent to $16.77 billion", "plunged 7%"
    node = reading.anchor
    for _ in range(3):
        if node.lower_ == "among" and node.head.lemma_ == "be":
            break  # "68 children were among the 126 people killed": 126 is the whole
        if node.lower_ in ("including", "include", "includes", "among"):
            # "376 casualties, including 94 deaths": 94 is a part of the casualties and the
            # whole count of deaths, so it is a rival to another source's deaths; "3,000
            # evacuated, including 1,200 from the lower town" counts no other noun, and "61
            # people, including 12 children" a kind of the people: parts.
            whole = _whole_of(node)
            if noun is None or whole is None or whole.lemma_.lower() in ("people", "person") \
                    or noun.lemma_.lower() == whole.lemma_.lower():
                return "part"
            break
        if node.head.i == node.i:
            break
        node = node.head
    if reading.kind == "count" and any(c.dep_ == "prep" and c.lower_ == "of"
                                       and _is_partitive(c) for c in reading.anchor.children):
        return "part"  # "three of them", "nine of the ten turbines"
    if reading.kind == "count" and _among_the_counted(reading.anchor):
        return "part"  # "Nearly 70 children were among those killed"
    if reading.kind == "count" and noun is not None and noun.dep_ in ("compound", "amod", "nmod") \
            and noun.head.pos_ in ("NOUN", "PROPN") and noun.i < noun.head.i:
        return "size"  # "the 15-member council", "a 180-satellite constellation"
    return "total"


def _moved_by(reading: _Reading, verb: Token | None) -> bool:
    """A share or an amount set beside a verb of movement with no preposition is how far
    something moved: "shares plunged 7%", "the deficit rose 15.3 percent". Not "the blaze
    was 40 percent contained" (how much), nor "water will be cut 12 hours a day"."""
    return verb is not None and reading.kind in ("percent", "money") \
        and reading.anchor.dep_ == "npadvmod" and reading.anchor.head == verb \
        and verb.lemma_ in MOVE_VERBS


def _is_required(noun: Token | None, verb: Token | None) -> bool:
    """The figure is what something needs, not what happened: its noun is "needed",
    "required" or "necessary", or what "need" or "require" takes ("Prodi needs 316 votes",
    "63 members are required"; not "40 people needed treatment"). A vote's tally is no rival
    to the majority it needed."""
    if noun is None:
        return False
    if any(c.dep_ in ("acl", "amod") and c.lemma_.lower() in _REQUIRED for c in noun.children):
        return True
    return verb is not None and verb.lemma_.lower() in _REQUIRED and noun.head == verb \
        and noun.dep_ in ("dobj", "nsubjpass")


_REQUIRED = {"need", "require", "necessary", "required", "needed"}


def _among_the_counted(anchor: Token) -> bool:
    """The counted noun is among a whole counted elsewhere: "12 children were among the dead",
    "There were also 20 women among the dead", "20 women among the protesters were held"."""
    if anchor.dep_ == "nummod":  # the number itself: its noun is what is counted
        anchor = anchor.head
    if any(c.dep_ == "prep" and c.lower_ == "among" for c in anchor.children):
        return True
    verb = anchor.head
    return anchor.dep_ in ("nsubj", "nsubjpass", "attr") and verb.lemma_ == "be" and any(
        c.dep_ == "prep" and c.lower_ == "among" for c in verb.children)


def _names_a_limit(doc: Doc, reading: _Reading) -> bool:
    """The figure is the value of a limit, cap or target ("the 15 km/h limit", "a cap of $2
    billion"), set before that noun or after its "of"."""
    for token in doc[reading.start:reading.end]:
        head = token.head
        if reading.start <= head.i < reading.end:
            continue
        if head.lower_ == "of" and head.dep_ == "prep":
            head = head.head
        if head.lemma_.lower() in lang.LIMIT_NOUNS:
            return True
    return False


def _range_of_each(tokens: Span) -> bool:
    """The other end of a range, then "each": '(between $90,000 and) $250,000 each'."""
    for token in tokens:
        if token.lower_ in ("each", "apiece"):
            return True
        if not (token.like_num or token.is_currency or token.lower_ in SCALE_SUFFIXES):
            return False
    return False


def _whole_of(marker: Token) -> Token | None:
    """The noun a part is taken from: 'casualties, including', 'the dead include', 'among the
    dead'."""
    if marker.lower_ == "including":
        return marker.head if marker.head.pos_ in ("NOUN", "PROPN") else None
    role = "pobj" if marker.lower_ == "among" else "nsubj"
    return next((c for c in marker.children if c.dep_ == role and c.pos_ in ("NOUN", "PROPN")),
                None)


def _lemma(token: Token) -> str:
    if token.ent_type_ in _SCOPE_ENTITIES or token.pos_ == "PROPN":
        return token.text
    return token.lemma_.lower()


def _noun_and_verb(reading: _Reading, inside: set[int]) -> tuple[Token | None, Token | None]:
    """The noun a figure counts or belongs to, and the verb that governs it."""
    noun = reading.noun if reading.noun is not None and reading.kind != "age" \
        else _governing_noun(reading.anchor, inside)
    if reading.kind == "money" and (noun is None or noun.lemma_.lower() in _AMOUNT_NOUNS):
        # "the Bitcoin equivalent of $1.2 billion in sales": sales, not the equivalent
        noun = _amount_noun(reading.anchor, inside) or noun
    antecedent = _antecedent_of_which(reading.anchor) \
        if reading.anchor.dep_ in ("nsubj", "nsubjpass") else None
    if noun is not None and antecedent is not None and noun.i == antecedent.i:
        return noun, reading.anchor.head  # "... of which 18,400 were declared invalid"
    return noun, _governing_verb(noun if noun is not None else reading.anchor)


# Words after a distance that place one thing from another ("30 km north-east of Kesh").
_COMPASS = re.compile(r"^(?=.)(?:north|south)?(?:-?(?:east|west))?$")  # not the empty word


# After a span of time: how far from when it was due ("born nine weeks early", "two hours
# late"), not how long anything took.
_OFF_SCHEDULE = {"early", "late", "premature", "prematurely", "overdue", "ahead", "behind"}


def _still_to_come(doc: Doc, end: int) -> bool:
    """A distance or span still ahead: "seven kilometres to go", "two minutes left", "three
    laps remaining"."""
    words = [t.lower_ for t in doc[end:end + 2]]
    return words[:2] == ["to", "go"] or words[:1] in (["left"], ["remaining"])


def _places_apart(doc: Doc, end: int) -> bool:
    """The words after a measure, past a conversion in brackets, place it between two
    places: a compass direction and "of" ("140 miles (220 kilometers) south of the plant",
    "north-east of Kesh"). Not "away": a shot "from 2,475 metres away" is the shot's range."""
    words = [t.lower_ for t in doc[end:end + 12]]
    if words[:1] == ["("] and ")" in words:
        words = words[words.index(")") + 1:]
    if len(words) < 2 or not _COMPASS.match(words[0]):
        return False
    rest = words[1:]
    if rest[0] in ("-", "–"):  # "north - east of" split by the tokenizer
        rest = rest[2:]
    return rest[:1] == ["of"]


def _share_whole(reading: _Reading) -> str | None:
    """The whole a share is of: "half of its 19,000 centrifuges", "60% of all mammals"."""
    if reading.kind != "percent":
        return None
    for token in reading.anchor.doc[reading.start:reading.end]:
        whole = _of_object(token)
        if whole is not None and whole.pos_ in ("NOUN", "PROPN"):
            return _lemma(whole)
    return None


def _arguments(verb: Token) -> list[Token]:
    """Subject, objects and complements of a verb; a coordinated verb without a subject of its
    own shares its head's ('the fire burned X and destroyed 112 homes')."""
    roles = ("nsubj", "nsubjpass", "dobj", "acomp", "oprd", "prt", "neg")
    found = [c for c in verb.children if c.dep_ in roles]
    if verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in found):
        found += [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    return found


def _governing_noun(anchor: Token, inside: set[int]) -> Token | None:
    """The noun a measure or amount belongs to: 'a 510-km orbit' -> orbit, 'a fee of €62m' ->
    fee, 'a five-year contract' -> contract. None when a verb comes first."""
    node = anchor
    for _ in range(3):
        head = node.head
        if head is node or head.pos_ in ("VERB", "AUX"):
            return None
        if head.pos_ in ("NOUN", "PROPN") and head.i not in inside:
            return head
        node = head
    return None


def _governing_verb(anchor: Token) -> Token | None:
    node = anchor
    for _ in range(4):
        head = node.head
        if head is node:
            return head if head.pos_ in ("VERB", "AUX") else None
        if head.pos_ in ("VERB", "AUX"):
            return head
        node = head
    return None


def _of_objects(unit: Token) -> list[str]:
    """The object of "of" or "in" after a unit, with its modifiers: "days of strike action",
    "112 days in captivity" (what lasted that long)."""
    return [_lemma(t) for prep in unit.rights
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in")
            for obj in prep.children if obj.dep_ == "pobj"
            for t in [*(c for c in obj.children if c.dep_ in ("compound", "amod")), obj]]


def _prep_objects(head: Token, inside: set[int]) -> list[str]:
    """'evacuated from Velloran', 'killed in the shelling of Varek': objects of prepositions."""
    words = []
    for prep in head.children:
        if prep.dep_ not in ("prep", "agent"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.i not in inside and obj.pos_ != "NUM":
                words.append(_lemma(obj))
                words += [_lemma(c) for c in obj.children
                          if c.dep_ in ("compound", "amod") and c.i not in inside]
    return words


def _neighbourhood(noun: Token | None, verb: Token | None, inside: set[int]) -> list[Token]:
    tokens: list[Token] = []
    heads = [noun, verb]
    if verb is not None and verb.dep_ == "conj":  # the shared subject of coordinated verbs
        heads += [c for c in verb.head.children if c.dep_.startswith("nsubj")]
    for head in heads:
        if head is None:
            continue
        if head is not noun and head is not verb:
            tokens += [t for t in head.subtree if t.i not in inside]
            continue
        for child in head.children:
            if child.i in inside or child.dep_ in ("ccomp", "advcl", "conj", "relcl", "parataxis"):
                continue
            tokens += [t for t in _without_relatives(child) if t.i not in inside]
    return tokens


_PERSON_RELATIVES = {"who", "whom", "whose"}


def _without_relatives(token: Token) -> list[Token]:
    """`token`'s subtree less the relative clauses about people in it: "flagged by a
    pharmacist on February 24, who noticed the tablets differed from those given the previous
    month" — the clause tells the pharmacist's story, and its time and places are not the
    figure's. A clause about a thing may set the figure's frame: "Of the 4,200 jobs that the
    companies intend to cut over the next three years, about 1,100 will go"."""
    skipped = {t.i for child in token.subtree if child.dep_ == "relcl" and child is not token
               and any(c.lower_ in _PERSON_RELATIVES for c in child.children)
               for t in child.subtree}
    return [t for t in token.subtree if t.i not in skipped]


def _scope(doc: Doc, around: list[Token]) -> list[str]:
    """Places and groups named in the figure's neighbourhood (`around`)."""
    names = []
    for token in around:
        if token.ent_type_ in ("GPE", "LOC", "FAC", "NORP") and token.ent_iob_ == "B":
            entity = next((e for e in doc_ents(doc) if e.start == token.i), None)
            if entity is not None:
                names.append(entity.text)
    return list(dict.fromkeys(names))


# Frame words that describe a noun ("a previous toll", "the first week")
_FRAME_ADJECTIVES = {"previous", "former", "earlier", "last", "first", "next", "planned"}


def _framing(around: list[Token], anchor: Token, noun: Token | None,
             verb: Token | None) -> list[Token]:
    """The words that may frame the figure in time: not the verb's adverbs when the figure
    sits in another noun's phrase under it ("had previously been blamed for the loss of 90 %":
    the blame is the earlier one, not the loss)."""
    if verb is None:
        return around
    node, nested = anchor, False
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
        nested = nested or (node.pos_ == "NOUN" and node is not noun)
    if node.head.i != verb.i or not nested:
        return around
    return [t for t in around if not (t.head.i == verb.i and t.dep_ in ("advmod", "npadvmod"))]


def _time_frame(doc: Doc, verb: Token | None, around: list[Token],
                inside: set[int]) -> str | None:
    # "... said, updating a previous toll of 112": "previous" frames the other figure
    tokens = [t for t in around if not _frames_another_figure(t, inside)]
    if verb is not None and verb.dep_ in ("ccomp", "xcomp", "conj"):
        # "Previously, officials had said the rate was 50 percent": the frame of the report
        tokens += [c for c in verb.head.children if c.dep_ in ("advmod", "npadvmod")]
    text = " ".join(t.lower_ for t in tokens)
    parts = [e.text for e in doc_ents(doc) if e.label_ == "DATE" and
             any(e.start <= t.i < e.end for t in tokens)]
    parts += [w for w in sorted(TIME_FRAME_WORDS) if re.search(rf"\b{w}\b", text)]
    # "since Monday more than 300 flights have been cancelled": a running total from a day
    parts += [f"since {t.text}" for t in tokens if verb is not None and t.dep_ == "pobj"
              and t.head.lower_ == "since" and t.head.head == verb and _names_a_day(t)]
    return "; ".join(dict.fromkeys(parts)) or None


def _names_a_day(token: Token) -> bool:
    """A weekday, a month or a dated day ("since Monday", "since March 3"), not a happening
    ("since the start of the heatwave", which the tagger may call a date too)."""
    return token.ent_type_ == "DATE" and (
        token.lower_ in lang.WEEKDAY_WORDS | lang.MONTH_WORDS or token.like_num)


def _frames_another_figure(token: Token, inside: set[int]) -> bool:
    """A frame adjective on a noun that holds a number of its own ("a previous toll of 112")."""
    if token.lower_ not in _FRAME_ADJECTIVES or token.dep_ != "amod":
        return False
    return any(t.like_num and t.i not in inside for t in token.head.subtree)


# --------------------------------------------------------------------------- facts


# "carries a maximum sentence of 10 years": a term the law allows, read as "faces up to 10
# years" is (a term asked for or given below it is no rival). Only for lengths of time: a
# minimum wage or a maximum speed is the figure itself.
_LIMITS = {"maximum": "up to", "minimum": "at least"}


def _limit_of(reading: _Reading) -> str | None:
    """The qualifier a 'maximum' or 'minimum' on a duration's noun stands for."""
    if reading.kind != "duration":
        return None
    node = reading.noun or reading.anchor
    if node.dep_ == "pobj" and node.head.lower_ == "of":
        node = node.head.head  # "a maximum sentence of 10 years"
    return next((_LIMITS[c.lower_] for c in node.children
                 if c.dep_ in ("amod", "compound") and c.lower_ in _LIMITS), None)


def _fact(doc: Doc, reading: _Reading, article: Article, sentences: list[Sentence],
          starts: list[int]) -> NumericFact:
    qualifier, qualifier_start = qualifier_before(doc, reading.start)
    qualifier = qualifier or _limit_of(reading)
    quantity = describe(doc, reading)
    phrase = doc[qualifier_start:reading.end].text
    return NumericFact(value=reading.value, qualifier=qualifier, unit=reading.unit,
                       measure=label(doc, reading), phrase=phrase, source=article.id,
                       sentence=_sentence_index(doc[reading.start].idx, starts, sentences),
                       quantity=quantity)


def label(doc: Doc, reading: _Reading) -> str:
    """A short readable name of what is measured, in the article's words: 'people killed',
    'transfer fee', 'orbit' ('money: fee' style names are kept for the record)."""
    if reading.unit == VOTES_AGAINST:
        return "votes against"
    if reading.kind == "ordinal":
        return f"rank: {reading.unit}"  # what is ranked: "rank: emergency special session"
    inside = set(range(reading.start, reading.end))
    noun, verb = _noun_and_verb(reading, inside)
    words = []
    if noun is not None:
        words += [c.text for c in noun.children if c.dep_ in ("amod", "compound")
                  and c.i not in inside and not c.like_num and c.i < noun.i]
        words.append(noun.text if noun.i not in inside or reading.kind == "count"
                     else noun.lemma_)
    # "94 deaths, including" reads as "deaths": inclusion says where the figure sits, not
    # what it measures.
    if verb is not None and verb.lemma_ not in _STOP_DESCRIPTION and verb.lemma_ != "include":
        words.append(verb.text)
    text = " ".join(words) or reading.unit
    return text if reading.kind == "count" else f"{_KIND_WORDS[reading.kind]}: {text}"


_KIND_WORDS = {"year": "year", "money": "amount", "percent": "share", "measure": "measure",
               "duration": "duration", "age": "age", "ordinal": "rank", "date": "day",
               "count": "count"}


def _date_claims(doc: Doc, sentences: list[Sentence], article: Article,
                 dates: list[DateMention]) -> list[NumericFact]:
    """The day something happened ('the outage began on Tuesday'), for dated happenings.

    Statements' own dates ('officials said on Tuesday') are not claims about the event."""
    by_index = {s.index: s for s in sentences}
    facts = []
    for mention in dates:
        sentence = by_index.get(mention.sentence)
        if mention.date is None or mention.reporting or sentence is None:
            continue
        offset = sentence.text.find(mention.text)
        span = doc.char_span(sentence.start + offset, sentence.start + offset + len(mention.text),
                             alignment_mode="expand") if offset >= 0 else None
        if span is None or sentence.caption or _bounds_or_continues(span) \
                or in_dateline(doc_text(doc), span.start_char, span.end_char):
            continue
        reading = _Reading(float(mention.date.toordinal()), "date", "day", span.start, span.end,
                           span.root)
        quantity = describe(doc, reading)
        if quantity.predicate is None:
            continue
        facts.append(NumericFact(
            value=reading.value, qualifier=None, unit="day",
            measure=label(doc, reading), phrase=mention.text, source=article.id,
            sentence=mention.sentence, quantity=quantity, date=mention.date))
    return facts


# Prepositions that make a day a bound of what happened, not its day ("before Friday"); "by"
# too after a perfect ("312 flights had been cancelled by Tuesday afternoon": a running
# count), not after an expectation ("cooler weather by Friday"). "until Sunday morning" and
# "since Monday" are the day a happening ended or began, which another source may give.
_BOUNDING_PREPOSITIONS = {"before", "after"}


def _bounds_or_continues(span: Span) -> bool:
    """The day bounds a happening ("312 flights had been cancelled by Tuesday afternoon") or
    is one on which it still goes on ("is still erupting this morning"): another source's
    day of the happening itself is no rival to it."""
    root = span.root
    while root.dep_ == "compound" and root.head is not root:
        root = root.head  # "until yesterday evening": the day names the evening
    bound = root.head.lower_ if root.dep_ == "pobj" else ""  # the preposition it is under
    if bound in _BOUNDING_PREPOSITIONS:
        return True
    verb = governing_verb(span) if root.dep_ in ("npadvmod", "pobj", "prep") else None
    if verb is None:
        return False
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)
    return any(c.lower_ == "still" for c in verb.children) or (
        perfect and bound == "by") or (bound in _RUNNING_BOUNDS and _counts(verb)) or (
        _holds_a_state(verb))


def _holds_a_state(verb: Token) -> bool:
    """ "are free this morning", "was calm on Tuesday": a state that holds on the day, not
    the day it began ("released on Saturday night")."""
    return verb.lemma_ == "be" and any(c.dep_ == "acomp" for c in verb.children)


# "since Monday" / "until yesterday evening" on a count ("540 flights have been cancelled
# since Monday", "Until yesterday evening, 280 flights were cancelled") bound a running
# count; on a happening alone ("the airport stayed shut until Sunday") they are its end.
_RUNNING_BOUNDS = {"since", "until", "till"}


def _counts(verb: Token) -> bool:
    """The verb's subject or object is counted by a number ("280 flights were cancelled")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
        c.like_num or any(g.dep_ == "nummod" for g in c.children)) for c in verb.children)


def _sentence_index(char: int, starts: list[int], sentences: list[Sentence]) -> int:
    position = bisect.bisect_right(starts, char) - 1
    return sentences[max(position, 0)].index if sentences else 0


__all__ = ["QUALIFIERS", "describe", "extract_claims"]
