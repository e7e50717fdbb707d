"""Numeric facts: a count, what it counts and a normalised measure that makes sources comparable.

"more than 4,500 Russian soldiers had lost their lives" and "lost over one thousand troops" must
land on the same measure ("military_deaths:russia") so that `synthesize.conflicts` can put them
side by side. The measure is built from the dependency parse:

    measure = [<group>_]<outcome>[:<side>]    e.g. deaths:ukraine, child_deaths:ukraine,
                                                   military_deaths:russia, displaced
    measure = <predicate lemma>:<unit lemma>   when no outcome word governs the number,
                                               e.g. expel:member; count:<unit> without a verb;
                                               size:<noun> for "a 15-member board"

* outcome comes from a small lexicon of outcome verbs, adjectives and nouns (killed / died /
  deaths / lost their lives -> deaths; wounded / injured -> injuries; casualties; fled /
  displaced / evacuated / refugees -> displaced; missing; arrests). "Lost N troops" counts as
  deaths: in war reporting "losses" of soldiers are reported and compared as deaths.
* side is the country of the counted people when the phrase states it: the noun itself
  ("Ukrainians"), its modifiers ("Russian soldiers"), a place attached to it or to the verb
  ("casualties in Ukraine", "killed on the Ukraine side"), or the possessor subject of
  "lose" ("Russian troops ... lost N troops"). The agent of "kill" is never the side.
* group keeps apart counts that must not be compared with a general toll: military, child,
  woman; a part of a total ("including 24 civilians" -> civilian); and running totals
  ("killed since the war began" -> cumulative). Otherwise civilians and "people" share the
  general group because sources use the two words for the same toll.

Vague quantities ("hundreds of", "dozens of", "thousands") are skipped, not given a value:
a value of 100 for "hundreds" would create false conflicts against every exact figure.
Years, dates, times, ordinals, durations, ages, percentages, money and measurements are skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsfuse.model import Article, NumericFact, Sentence

# --------------------------------------------------------------------------- qualifiers

# Qualifier as written -> how it bounds the true value; `synthesize.conflicts` turns the kind
# into an interval. Longest phrases are matched first.
QUALIFIERS: dict[str, str] = {
    "more than": "above", "over": "above", "upwards of": "above", "in excess of": "above",
    "just over": "above", "well over": "above", "over than": "above",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "as many as": "at_most", "a maximum of": "at_most",
    "less than": "below", "fewer than": "below", "under": "below", "just under": "below",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "approaching": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "more or less": "about",
}
_MAX_QUALIFIER_WORDS = max(len(q.split()) for q in QUALIFIERS)

# --------------------------------------------------------------------------- number words

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
_NUMBER_WORDS = set(_UNITS) | set(_SCALES) | {"hundred"}
# Plural scale words make a quantity vague ("hundreds of", "tens of thousands").
_VAGUE_WORDS = {"hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens"}
_DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_YEAR = re.compile(r"^(1[89]|20|21)\d\d$")

# --------------------------------------------------------------------------- lexicons

# Outcome of a noun that is itself the thing counted ("94 deaths", "claimed 30 lives").
OUTCOME_NOUNS = {
    "death": "deaths", "fatality": "deaths", "dead": "deaths", "life": "deaths",
    "casualty": "casualties",
    "injury": "injuries", "injured": "injuries", "wounded": "injuries",
    "refugee": "displaced", "evacuee": "displaced", "displacement": "displaced",
    "arrest": "arrests", "detainee": "arrests",
}
# Adjectives and participles modifying the counted noun ("missing people", "people killed").
OUTCOME_MODIFIERS = {
    "dead": "deaths", "killed": "deaths", "injured": "injuries", "wounded": "injuries",
    "missing": "missing", "displaced": "displaced", "evacuated": "displaced",
    "homeless": "displaced", "arrested": "arrests", "detained": "arrests",
}
# Verbs whose object (or passive subject) is the affected group: "killed 17 people".
TRANSITIVE_OUTCOMES = {
    "kill": "deaths", "murder": "deaths", "execute": "deaths", "slay": "deaths",
    "injure": "injuries", "wound": "injuries", "hurt": "injuries", "maim": "injuries",
    "hospitalize": "injuries", "hospitalise": "injuries",
    "displace": "displaced", "evacuate": "displaced", "uproot": "displaced",
    "arrest": "arrests", "detain": "arrests",
}
# Verbs whose subject is the affected group: "14 people died", "500 fled".
INTRANSITIVE_OUTCOMES = {"die": "deaths", "perish": "deaths", "drown": "deaths",
                         "flee": "displaced"}
_PEOPLE_VERBS = set(TRANSITIVE_OUTCOMES) | set(INTRANSITIVE_OUTCOMES)
# Objects that turn "leave X" / "forced from X" into displacement.
HOME_NOUNS = {"home", "house", "country", "city", "town", "village", "region"}

MILITARY_NOUNS = {"troop", "soldier", "serviceman", "servicemen", "servicemember", "fighter",
                  "combatant", "personnel", "marine", "sailor", "airman", "paratrooper",
                  "conscript", "militant", "serviceperson", "force", "jihadist", "rebel",
                  "insurgent", "guerrilla"}
CHILD_NOUNS = {"child", "children", "kid", "minor", "baby", "infant", "toddler"}
WOMEN_NOUNS = {"woman", "women"}
# Things an outcome verb may govern that are not people: "45 buses carrying evacuees" counts
# buses, not displaced people.
NON_PERSON_UNITS = {"bus", "car", "vehicle", "truck", "tank", "building", "house", "home",
                    "school", "hospital", "village", "town", "city", "shell", "rocket", "missile",
                    "bomb", "strike", "airstrike", "raid", "attack", "plane", "helicopter",
                    "drone", "convoy", "incident"}
# Outcomes a measure can name; the part before "_" in "military_deaths" is the group.
OUTCOMES = {"deaths", "casualties", "injuries", "displaced", "missing", "arrests"}

# Demonyms and country names reduced to one key, so "Russian soldiers" and "in Russia" agree.
# Other countries fall back to their lowercased name; extend when an event needs it.
SIDES = {
    "russia": "russia", "russian": "russia", "russians": "russia", "kremlin": "russia",
    "ukraine": "ukraine", "ukrainian": "ukraine", "ukrainians": "ukraine",
    "belarus": "belarus", "belarusian": "belarus", "belarusians": "belarus",
    "israel": "israel", "israeli": "israel", "israelis": "israel",
    "palestinian": "palestine", "palestinians": "palestine", "gaza": "palestine",
    "syria": "syria", "syrian": "syria", "syrians": "syria",
    "america": "united_states", "american": "united_states", "americans": "united_states",
    "u.s.": "united_states", "us": "united_states", "united states": "united_states",
    "britain": "united_kingdom", "british": "united_kingdom", "uk": "united_kingdom",
    "china": "china", "chinese": "china", "turkey": "turkey", "turkish": "turkey",
}
_SIDE_PREPOSITIONS = {"in", "on", "from", "among", "of"}
# A NORP entity names a side when it reads like a nationality ("Syrian", "Kurdish", "Iraqi",
# "French"), not a creed or movement ("Islamic", "Sunni").
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ch")

# Nouns that never count people or things worth comparing: time spans, measurements, pages.
SKIP_UNITS = {
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
    "night", "morning", "evening", "time", "percent", "per", "point", "degree", "mile",
    "kilometre", "kilometer", "km", "metre", "meter", "foot", "feet", "inch", "kg",
    "kilogram", "ton", "tonne", "comment", "share", "view", "reply", "page", "%", "age",
    "pm", "am", "p.m.", "a.m.", "gmt", "utc",
}
SKIP_ENTITY_TYPES = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
_CURRENCY = {"$", "€", "£", "¥", "₴", "₽"}
# A number right after one of these is a label, not a count ("Day 6", "No. 5", "Article 51").
_LABEL_WORDS = {"day", "no", "no.", "number", "article", "resolution", "chapter", "section",
                "page", "room", "flight", "route", "highway", "phase", "stage", "level", "round",
                "session", "week", "#"}
# Day numbers and years next to a month name are dates even when NER misses them
# ("11 Oct 2016 Russian jets ..."). Case-sensitive: "may" is usually the verb.
_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "before", "after", "of",
                      "during"}
# How far up the parse tree a counted noun may be from its governing verb. Three steps cover
# "16 children" -> including -> people -> killed; more only adds wrong attachments.
MAX_CLIMB = 4


@dataclass
class _Reading:
    outcome: str | None
    predicate: str | None
    side: str | None
    # Reached through "including": a part of a counted total ("41 people, including 9 children").
    subset: bool = False
    # "killed since the war began": a running total, not the toll of one incident.
    cumulative: bool = False


def extract_numbers(doc: Doc, sentences: list[Sentence], article: Article) -> list[NumericFact]:
    """Every countable number of the document with its qualifier, unit and measure."""
    starts = [s.start for s in sentences]
    facts = []
    for run in _number_runs(doc):
        fact = _fact_for_run(doc, run, article, sentences, starts)
        if fact is not None:
            facts.append(fact)
    return facts


def parse_number(words: list[str]) -> float | None:
    """'4,500' -> 4500, 'one thousand' -> 1000, '1.5 million' -> 1.5e6, 'twenty-five' -> 25."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for word in raw.lower().split("-"):
            if word in ("", "and", "a"):
                continue
            if _DIGITS.match(word):
                current += float(word.replace(",", ""))
            elif word in _UNITS:
                current += _UNITS[word]
            elif word == "hundred":
                current = (current or 1) * 100
            elif word in _SCALES:
                total += (current or 1) * _SCALES[word]
                current = 0
            else:
                return None
            seen = True
    return total + current if seen else None


def measure_name(outcome: str, side: str | None, group: str) -> str:
    """'deaths', 'military_deaths:russia', 'child_deaths:ukraine'."""
    return (f"{group}_" if group else "") + outcome + (f":{side}" if side else "")


def split_measure(measure: str) -> tuple[str, str, str | None] | None:
    """(group, outcome, side) of an outcome measure; None for 'expel:member' and the like."""
    base, _, side = measure.partition(":")
    group, _, outcome = base.rpartition("_")
    return (group, outcome, side or None) if outcome in OUTCOMES else None


# --------------------------------------------------------------------------- number runs


def _is_number_token(token: Token) -> bool:
    text = token.lower_
    if _DIGITS.match(text):
        return True
    parts = [part for part in text.split("-") if part]
    return bool(parts) and all(part in _NUMBER_WORDS for part in parts)


def _number_runs(doc: Doc) -> list[Span]:
    """Maximal runs of number tokens, joined by '-' or 'and' ("one hundred and fifty")."""
    runs, i = [], 0
    while i < len(doc):
        if not _is_number_token(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            if _is_number_token(doc[end]) and _continues(doc[end - 1], doc[end]):
                end += 1
            elif (doc[end].text in ("-", "and") and end + 1 < len(doc)
                  and _is_number_token(doc[end + 1]) and not doc[end + 1].text[0].isdigit()):
                end += 2
            else:
                break
        runs.append(doc[i:end])
        i = end
    return runs


def _continues(previous: Token, following: Token) -> bool:
    """'1.5 million', 'one thousand' are one number; '2016 13' and '2016 One' are two."""
    if _DIGITS.match(previous.lower_):
        return following.lower_ in _SCALES or following.lower_ == "hundred"
    return not _DIGITS.match(following.lower_)


def _anchor(run: Span) -> Token:
    """The token of the run attached outside it (usually the nummod of the counted noun)."""
    outside = [t for t in run if not (run.start <= t.head.i < run.end)]
    return outside[-1] if outside else run[-1]


# --------------------------------------------------------------------------- one fact


def _fact_for_run(doc: Doc, run: Span, article: Article, sentences: list[Sentence],
                  starts: list[int]) -> NumericFact | None:
    if _is_skipped_run(doc, run):
        return None
    value = parse_number([t.text for t in run])
    if value is None:
        return None
    unit, outcome_hint = _unit_of(doc, run, _anchor(run))
    if unit is None or _is_skipped_unit(unit):
        return None
    qualifier, qualifier_start = _qualifier_before(doc, run.start)
    reading = _read_context(unit, outcome_hint)
    if unit.lemma_ == "toll":  # "the death toll rose to 52": the toll is what is counted
        start = min([unit.i] + [c.i for c in unit.children
                                if c.dep_ in ("det", "compound", "amod", "poss")])
        unit_text = "deaths"
        phrase = f"{doc[start:unit.i + 1].text}: {doc[qualifier_start:run.end].text}"
    elif run.start <= unit.i < run.end:  # a bare number standing for people
        unit_text, phrase = "people", doc[qualifier_start:run.end].text
    else:
        phrase_end = unit.i + 1 if run.end <= unit.i < run.end + 6 else run.end
        unit_text, phrase = unit.lower_, doc[qualifier_start:phrase_end].text
    return NumericFact(value=value, qualifier=qualifier, unit=unit_text,
                       measure=_measure(unit, reading, outcome_hint), phrase=phrase,
                       source=article.id,
                       sentence=_sentence_index(run.start_char, starts, sentences))


def _is_skipped_run(doc: Doc, run: Span) -> bool:
    text = run.text.lower()
    if any(t.lower_ in _VAGUE_WORDS for t in run) or text in ("one", "a"):
        return True
    if any(t.ent_type_ in SKIP_ENTITY_TYPES for t in run):
        return True
    before = doc[run.start - 1] if run.start > 0 else None
    after = doc[run.end] if run.end < len(doc) else None
    if before is not None and (before.text in _CURRENCY or before.lower_ in _LABEL_WORDS):
        return True
    if (before is not None and before.text in _MONTH_NAMES) or \
            (after is not None and after.text in _MONTH_NAMES):
        return True
    if after is not None and after.lower_ in ("%", "percent", "per", "st", "nd", "rd", "th"):
        return True
    if _joined_to_digits(doc, run):
        return True  # ranges, phone numbers, ISO dates, scores: "10-15", "555-1234", "3:1"
    return (_YEAR.match(run.text) is not None and before is not None
            and before.lower_ in _YEAR_PREPOSITIONS)


def _joined_to_digits(doc: Doc, run: Span) -> bool:
    """True when a separator glues the run to more digits: '10-15', '555-1234', '3:1'."""
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


def _unit_of(doc: Doc, run: Span, anchor: Token) -> tuple[Token | None, str | None]:
    """The counted noun, and an outcome when the number stands alone before 'dead'/'injured'."""
    head = anchor.head
    if anchor.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i >= run.end:
        if head.pos_ == "PROPN" and head.ent_type_ != "NORP" and head.lower_ not in SIDES:
            return None, None  # "World War 2", "Apollo 11": a name, not a count
        return head, None
    for child in anchor.children:  # "352 of the soldiers"
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0], None
    following = doc[run.end] if run.end < len(doc) else None
    if following is not None and following.lower_ in OUTCOME_MODIFIERS:
        return following, OUTCOME_MODIFIERS[following.lower_]  # headline style "17 dead"
    toll = _toll_of(anchor)
    if toll is not None:
        return toll, "deaths"
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.lemma_ in _PEOPLE_VERBS:
        return anchor, None  # "Fifteen were killed": the number stands for people
    return None, None


def _toll_of(anchor: Token) -> Token | None:
    """'toll' when the number is what a death toll rose to / stood at / is."""
    if anchor.dep_ not in ("pobj", "attr", "dobj"):
        return None
    verb = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_ == "toll"), None)


def _is_skipped_unit(unit: Token) -> bool:
    return unit.lemma_.lower() in SKIP_UNITS or unit.lower_ in SKIP_UNITS


def _qualifier_before(doc: Doc, start: int) -> tuple[str | None, int]:
    for size in range(_MAX_QUALIFIER_WORDS, 0, -1):
        if start - size < 0:
            continue
        words = " ".join(t.lower_ for t in doc[start - size:start])
        if words in QUALIFIERS:
            return words, start - size
    return None, start


def _sentence_index(char: int, starts: list[int], sentences: list[Sentence]) -> int:
    position = bisect.bisect_right(starts, char) - 1
    return sentences[max(position, 0)].index if sentences else 0


# --------------------------------------------------------------------------- measure


def _measure(unit: Token, reading: _Reading, outcome_hint: str | None) -> str:
    outcome = outcome_hint or reading.outcome
    if outcome is not None and unit.lemma_.lower() not in NON_PERSON_UNITS:
        group = _group_of(unit, reading.subset)
        if reading.cumulative:
            group = "_".join(part for part in ("cumulative", group) if part)
        return measure_name(outcome, reading.side, group)
    if unit.dep_ in ("compound", "amod") and unit.head.pos_ in ("NOUN", "PROPN"):
        return f"size:{unit.head.lemma_.lower()}"  # "a 193-member body" -> size of the body
    return f"{reading.predicate or 'count'}:{unit.lemma_.lower()}"


def _group_of(unit: Token, subset: bool = False) -> str:
    """'military', 'child', 'woman', '' for everyone else. A part of a total ("including 24
    civilians") is grouped by its own noun, so that it is never compared with totals."""
    lemma = unit.lemma_.lower()
    modifiers = {c.lemma_.lower() for c in unit.children if c.dep_ in ("amod", "compound")}
    if lemma in MILITARY_NOUNS or "military" in modifiers:
        return "military"
    if lemma in CHILD_NOUNS or unit.lower_ in CHILD_NOUNS or modifiers & CHILD_NOUNS:
        return "child"
    if lemma in WOMEN_NOUNS or unit.lower_ in WOMEN_NOUNS:
        return "woman"
    if subset and lemma not in OUTCOME_NOUNS:
        return re.sub(r"[^a-z]", "", lemma) or "part"
    return ""


def _read_context(unit: Token, outcome_hint: str | None) -> _Reading:
    """Walk from the counted noun up to its verb, collecting outcome and side on the way."""
    outcome = outcome_hint or _noun_outcome(unit)
    side = _side_of_noun(unit)
    node, predicate, subset, cumulative = unit, None, False, False
    for _ in range(MAX_CLIMB):
        if node.head is node:
            break
        parent = node.head
        subset = subset or node.lemma_ == "include"
        if parent.pos_ in ("VERB", "AUX") and parent.lemma_ != "include":
            predicate = parent.lemma_.lower()
            argument = _object_of(parent) if node.lemma_ == "include" else node
            verb_outcome, side_from_verb = _verb_reading(parent, argument or node, unit)
            outcome = outcome or verb_outcome
            side = side or side_from_verb
            cumulative = _counts_since(parent)
            break
        if parent.pos_ in ("NOUN", "PROPN"):
            outcome = outcome or _noun_outcome(parent)
            side = side or _side_of_noun(parent)
        node = parent
    return _Reading(outcome=outcome, predicate=predicate, side=side, subset=subset,
                    cumulative=cumulative)


def _counts_since(verb: Token) -> bool:
    """'have been killed since the conflict began' / 'since 2011': a running total. The
    'since' may hang on a coordinated verb ("killed and displaced since ...")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    for candidate in verbs:
        for child in candidate.children:
            if child.dep_ == "prep" and child.lower_ == "since":
                return True
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since"
                                             for g in child.children):
                return True
    return False


def _object_of(verb: Token) -> Token | None:
    """The verb's object, which an "including ..." hanging off the verb subdivides."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _noun_outcome(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in OUTCOME_NOUNS:
        return OUTCOME_NOUNS[lemma]
    for child in noun.children:
        word = child.lower_
        if child.dep_ in ("amod", "acl", "relcl", "compound") and word in OUTCOME_MODIFIERS:
            return OUTCOME_MODIFIERS[word]
        if child.dep_ in ("acl", "relcl") and child.lemma_ in TRANSITIVE_OUTCOMES:
            return TRANSITIVE_OUTCOMES[child.lemma_]
    return None


def _verb_reading(verb: Token, argument: Token, unit: Token) -> tuple[str | None, str | None]:
    """Outcome the verb gives its argument (the noun chain ending in `argument`), and a side."""
    lemma = verb.lemma_.lower()
    role = argument.dep_
    is_object = role in ("dobj", "nsubjpass", "attr", "oprd")
    is_subject = role == "nsubj"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    side = _side_of_places(verb)
    if is_subject and _is_bare_participle(verb, objects):
        is_object, is_subject = True, False  # "... and 70 others wounded": a gapped passive
    if lemma in TRANSITIVE_OUTCOMES and is_object:
        return TRANSITIVE_OUTCOMES[lemma], side
    if lemma in INTRANSITIVE_OUTCOMES and is_subject:
        return INTRANSITIVE_OUTCOMES[lemma], side
    if lemma == "lose":
        return _lose_reading(verb, argument, unit, objects, side)
    if lemma == "leave" and is_subject and any(o.lemma_ in HOME_NOUNS for o in objects):
        return "displaced", side
    if is_subject and verb.lower_ in OUTCOME_MODIFIERS and lemma not in TRANSITIVE_OUTCOMES:
        # "12 people are missing": the adjective is tagged as the verb
        return OUTCOME_MODIFIERS[verb.lower_], side
    if is_subject or is_object:
        for child in verb.children:
            found = _complement_outcome(child, is_object)
            if found:
                return found, side
    if is_subject and verb.lemma_ in ("be", "go", "remain"):
        for child in verb.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in OUTCOME_MODIFIERS:
                return OUTCOME_MODIFIERS[child.lower_], side
    return None, side


def _is_bare_participle(verb: Token, objects: list[Token]) -> bool:
    return verb.tag_ == "VBN" and not objects and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _complement_outcome(child: Token, argument_is_object: bool) -> str | None:
    """Outcome carried by a complement: 'led 500 to flee', 'forced 20 from their homes'."""
    if child.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and child.lower_ in OUTCOME_MODIFIERS:
        return OUTCOME_MODIFIERS[child.lower_]  # "left 20 others wounded", "are missing"
    if child.dep_ in ("acomp", "oprd"):
        return None
    if child.dep_ == "xcomp" and argument_is_object:
        if child.lemma_ in INTRANSITIVE_OUTCOMES:
            return INTRANSITIVE_OUTCOMES[child.lemma_]
        leaves_home = child.lemma_ == "leave" and any(
            o.dep_ == "dobj" and o.lemma_ in HOME_NOUNS for o in child.children)
        return "displaced" if leaves_home else None
    if child.dep_ != "prep":
        return None
    objects = {o.lemma_ for o in child.children if o.dep_ == "pobj"}
    if child.lower_ == "from" and argument_is_object and objects & HOME_NOUNS:
        return "displaced"
    if child.lower_ == "for" and child.head.lemma_ == "treat" and "injury" in objects:
        return "injuries"
    return None


def _lose_reading(verb: Token, argument: Token, unit: Token, objects: list[Token],
                  side: str | None) -> tuple[str | None, str | None]:
    """'N soldiers lost their lives' (subject dies); 'Russia lost N troops' (object dies)."""
    if argument.dep_ == "nsubj" and any(o.lemma_ == "life" for o in objects):
        return "deaths", side
    if argument.dep_ == "dobj" and (_group_of(unit) == "military" or unit.lemma_ == "people"):
        subject = _subject_of(verb)
        possessor_side = _side_of_noun(subject) if subject is not None else None
        return "deaths", possessor_side or side
    return None, side


def _subject_of(verb: Token) -> Token | None:
    """The subject, inherited through coordination ("troops are suffering and have lost ...")."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ != "conj" or verb.head is verb:
            return None
        verb = verb.head
    return None


def _side_key(token: Token, places_only: bool = False) -> str | None:
    """Country key of a demonym or place token; `places_only` refuses nationality words."""
    word = token.lower_
    if word in SIDES:
        return SIDES[word]
    if token.ent_type_ not in ("GPE", "NORP") or (places_only and token.ent_type_ != "GPE"):
        return None
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    name = (entity.text if entity is not None else token.text).lower().removeprefix("the ")
    if token.ent_type_ == "NORP" and not name.endswith(_DEMONYM_ENDINGS):
        return None
    return SIDES.get(name, re.sub(r"\W+", "_", name).strip("_"))


def _side_of_noun(noun: Token) -> str | None:
    """Side stated on the noun itself, its modifiers or a place attached to it."""
    if noun.ent_type_ == "NORP" or noun.lower_ in SIDES:
        return _side_key(noun)
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss") and _side_key(child):
            return _side_key(child)
    return _side_of_places(noun)


def _side_of_places(head: Token) -> str | None:
    """'in Ukraine', 'on the Ukraine side', 'of Russia's mission' attached to `head`."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _SIDE_PREPOSITIONS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            key = _side_key(obj, places_only=True)
            if key:
                return key
            for child in obj.children:
                if child.dep_ in ("compound", "amod", "poss") and _side_key(child, True):
                    return _side_key(child, True)
    return None
