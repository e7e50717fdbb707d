"""Date mentions resolved to calendar days against the article's publication date.

Candidates are spaCy DATE/TIME entities plus regex matches for date shapes the small model
misses. Each candidate is classified by its text:

* absolute: "February 28", "28 February", "Feb. 26, 2022", "2022-02-28". A missing year is
  the one that puts the day closest to publication (news rarely reaches more than six months
  away), or a year written in the same sentence when the article has no date.
* weekday: "Monday", "on Sunday", "Saturday night", "last Friday". News use a bare weekday for
  the most recent such day, the publication day itself included; "next" or a clause that lies
  ahead points to the coming one: a future or modal auxiliary ("will meet on Tuesday", "said
  it would publish on Friday", "could come on Friday"), a present tense that is not a report
  ("the window closes on Friday", "is expected on Friday") or an infinitive under a verb of
  intent ("plans to launch on Thursday"). "since Tuesday" and "Tuesday's vote" look back.
  Resolved by arithmetic: dateparser sends a same-day weekday to the previous week and
  "March 1" to the past year.
* relative days: "yesterday", "today", "tomorrow", "last night", "this morning", "five days
  ago": dateparser with RELATIVE_BASE = publication date.
* coarse: "last week", "earlier this month": kept with date=None; a single day would be
  false precision.

Durations ("five days", "two decades"), bare years and event-relative phrases ("a day after")
are not points in time and are skipped. Without a publication date every relative expression
gets date=None: it is never guessed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsfuse import lang
from newsfuse.model import Article, DateMention, Sentence
from newsfuse.nlp import SPACED_DASHES, TIME_STAMP, doc_ents, doc_text, entity_of

_MONTHS = lang.MONTH_NUMBER
_MONTH, _DAY, _YEAR = lang.MONTH_PATTERN, lang.DAY_PATTERN, lang.YEAR_PATTERN
_DAY_WORD = lang.DAY_WORD_PATTERN
ABSOLUTE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    # the day in words: "the first of May", "June the twenty-first"
    re.compile(rf"\b(?i:the)\s+{_DAY_WORD}\s+of\s+{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_MONTH}\s+the\s+{_DAY_WORD}\b(?:,?\s+{_YEAR}\b)?"),
    # a text lower-cased by its export ("swam across on september 8, 2009"): a month name in
    # full, its day and its year, so that "may" the verb never reads as a month
    re.compile(r"\b(?P<month>january|february|march|april|may|june|july|august|september|"
               rf"october|november|december)\s+{_DAY},?\s+{_YEAR}\b"),
]
_WEEKDAYS = [day.lower() for day in lang.WEEKDAYS]
WEEKDAY_PATTERN = re.compile(
    r"\b(?:(?P<which>last|next|this|past|coming)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b", re.I)
# A weekday and its day of the month, the month left out: "on Saturday the nineteenth",
# "Friday the 13th", "Tuesday, the 4th". Digits need an ordinal ending or "the" ("Monday 12"
# may be anything).
WEEKDAY_DAY_PATTERN = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
    rf"(?:(?i:the)\s+(?:(?P<digits>[0-3]?\d)(?:st|nd|rd|th)?|{_DAY_WORD})"
    r"|(?P<ordinal>[0-3]?\d)(?:st|nd|rd|th))\b")
# How far from the publication day such a day is looked for: the month before to the next.
WEEKDAY_DAY_REACH = 62
# Days named by a word relative to the publication day.
_RELATIVE_DAY_WORDS = ("yesterday", "today", "tomorrow", "tonight")
RELATIVE_DAY_PATTERN = re.compile(
    r"\b(?:" + "|".join(_RELATIVE_DAY_WORDS) + r"|last\s+night|"
    r"(?:this|earlier\s+this|later\s+this)\s+(?:morning|afternoon|evening)|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:days?|weeks?)\s+ago)\b",
    re.I)
# "this morning", "earlier this afternoon": a part of the publication day.
_PART_OF_TODAY = re.compile(r"(?:(?:earlier|later) )?this (?:morning|afternoon|evening)")
COARSE_PATTERN = re.compile(
    r"\b(?:(?:earlier|later)\s+)?(?:last|this|next|past)\s+(?:week|weekend|month)\b", re.I)
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
_CANDIDATE_LABELS = {"DATE", "TIME"}
# Entities a weekday may be part of without being a date.
_TITLE_LABELS = {"WORK_OF_ART", "EVENT", "ORG", "FAC", "PRODUCT"}
_NAME_LABELS = {"PERSON", "GPE", "NORP", "LOC"}
_WEEKDAY_WORDS = lang.WEEKDAY_WORDS
_DAY_PARTS = {"morning", "afternoon", "evening", "night"}
_MONTH_WORDS = lang.MONTH_WORDS
# Auxiliaries that put a clause after its telling: future and the modals of what is not yet
# done ('said it would publish a report on Friday', 'the launch could come on Friday').
FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo", "would", "'d", "could", "may", "might",
                       "should", "must", "can", "ca"}
# With "have", a modal looks back: 'should have reached the site on Monday'.
_LOOK_BACK_MODALS = FUTURE_AUXILIARIES - {"will", "'ll", "shall", "wo"}
_NEXT_WORDS = {"next", "coming"}
_PAST_WORDS = {"last", "past"}
# A date after these prepositions lies before the clause's time ('closed since Tuesday').
_PAST_PREPOSITIONS = {"since"}
# Verbs that set a later end ('extended the alert until Saturday', 'postponed the vote till
# Friday'): a date after 'until' on them is ahead of the decision.
_EXTENDING_VERBS = {"extend", "postpone", "delay", "defer", "adjourn", "prolong", "give"}
# Verbs that move a happening to another day ('rescheduled for Wednesday', 'moved to Friday').
_MOVING_VERBS = {"reschedule", "postpone", "delay", "defer", "move", "push", "switch", "shift"}
_PRESENT_TAGS = {"VBZ", "VBP"}
_PAST_TAGS = {"VBD"}
# Verbs of intent whose infinitive lies ahead ('plans to launch on Thursday').
INTENT_VERBS = {"plan", "expect", "schedule", "intend", "aim", "prepare", "hope", "set", "due",
                "agree", "promise", "vow", "pledge", "want", "seek", "threaten", "decide"}
# Participles that put the day they are set for ahead, whatever the clause's tense: "rain
# forecast for Wednesday", "the vote scheduled for Friday", "the storm expected on Monday".
AHEAD_PARTICIPLES = {"schedule", "plan", "expect", "forecast", "predict", "slate"}
# A happening after these, in a clause that looks ahead, lies ahead too.
_BEFORE_PREPOSITIONS = {"until", "till", "before"}
# Clause hops a bare verb or participle may take to find the tense it shares.
MAX_TENSE_HOPS = 2
# Verbs whose date is the date of a statement: "officials said on Tuesday" (lang.json).
SPEECH_VERBS = lang.REPORTING_VERBS
# Steps from a date up to its verb: "on Monday" -> on -> met is two; "before the window closes
# on Friday" is up to six when the small parser reads "closes" as a noun; a date is a
# modifier, so the first verb above it is its clause's verb however far.
MAX_CLIMB = 6
# A missing year is chosen among these offsets from the publication year.
_YEAR_OFFSETS = (-1, 0, 1)
# "May 4 last year", "on 3 June this year": a day and the year it falls in, in words.
_YEAR_WORDS = re.compile(r"\b(last|this|next)\s+year\b", re.I)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    text: str


def extract_dates(doc: Doc, sentences: list[Sentence], article: Article) -> list[DateMention]:
    """Every point-in-time expression of the body, resolved when the article's date allows."""
    starts = [s.start for s in sentences]
    mentions = []
    moved: list[int] = []
    for candidate in _candidates(doc):
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is not None and _is_in_title(span):
            continue
        sentence = _sentence_of(candidate.start, starts, sentences)
        resolved = resolve(candidate.text, article.published, _points_forward(candidate, span),
                           sentence.text if sentence else "", past=_points_back(span))
        if resolved is None:
            continue
        date, relative = resolved
        if _moved_to(span) and WEEKDAY_PATTERN.search(candidate.text):
            moved.append(len(mentions))
        mentions.append(DateMention(text=candidate.text, date=date, relative=relative,
                                    source=article.id,
                                    sentence=sentence.index if sentence else 0,
                                    reporting=_is_reporting_date(span)))
    for index in moved:
        mentions[index] = _after_the_day_moved(mentions, index)
    return mentions


def _moved_to(span: Span | None) -> bool:
    """'postponed a planned Friday show until Sunday': the day a past decision moved
    something to (see _after_the_day_moved)."""
    if span is None or _preposition(span) not in ("until", "till"):
        return False
    verb = governing_verb(span)
    return verb is not None and verb.lemma_.lower() in _EXTENDING_VERBS \
        and verb.tag_ in _PAST_TAGS and not _has_future_auxiliary(verb)


def _after_the_day_moved(mentions: list[DateMention], index: int) -> DateMention:
    """The weekday something was moved to is the first such day after the day it was moved
    from, when the sentence names that day first ('postponed a planned Friday night show until
    Sunday' in a story of the Tuesday after: the Sunday after that Friday, not the next one)."""
    moved = mentions[index]
    earlier = [m for m in mentions[:index] if m.sentence == moved.sentence and m.date
               and m.relative and WEEKDAY_PATTERN.search(m.text)]
    if moved.date is None or not earlier:
        return moved
    start = earlier[-1].date
    assert start is not None
    ahead = (moved.date.weekday() - start.weekday()) % 7 or 7
    return moved.model_copy(update={"date": start + dt.timedelta(days=ahead)})


# A wire dateline before its date ("OSTERVIK, March 12 (PCP) - ..."): the place in capitals,
# optionally its region, then the date and a dash, maybe after the agency in brackets.
_DATELINE_BEFORE = re.compile(r"[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[ \t]*[A-Z][\w .'’-]{0,30})?,[ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*[-–—]")


def in_dateline(text: str, start: int, end: int) -> bool:
    """The date at text[start:end] is a wire dateline's: when the story was filed, as 'said
    on Tuesday' is when something was said, not a day on which its events happened."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE_BEFORE.fullmatch(text, line_start, start)
                and _DATELINE_AFTER.match(text, end))


def resolve(text: str, published: dt.date | None, future: bool = False,
            sentence: str = "", past: bool = False) -> tuple[dt.date | None, bool] | None:
    """(date or None, is_relative) for a date expression; None when it is not a point in time.
    `future` / `past`: the clause's tense points after / before the publication day."""
    absolute = _match_absolute(text)
    if absolute is not None:
        year = _YEAR_WORDS.search(text)
        if year is not None and published is not None and not absolute.group("year"):
            # "May 4 last year": the year the words name
            shift = {"last": -1, "this": 0, "next": 1}[year.group(1).lower()]
            return _safe_date(published.year + shift, *_month_day(absolute)), False
        if not absolute.group("year") and (year_of_range := _range_year(absolute, text, sentence)):
            # "between July 11 and Nov. 1, 1995": the range's end gives the start its year
            return _safe_date(year_of_range, *_month_day(absolute)), False
        weekday = WEEKDAY_PATTERN.search(text)
        named = _WEEKDAYS.index(weekday.group("weekday").lower()) if weekday else None
        return _resolve_absolute(absolute, published, sentence, future, past, named), False
    weekday_day = WEEKDAY_DAY_PATTERN.search(text)
    if weekday_day is not None and published is not None:
        return _resolve_weekday_day(weekday_day, published, future, past), False
    weekday = WEEKDAY_PATTERN.search(text)
    if weekday is not None:
        return _resolve_weekday(weekday, published, future), True
    relative_day = RELATIVE_DAY_PATTERN.search(text)
    if relative_day is not None:
        return _resolve_relative_day(relative_day.group(), published), True
    if COARSE_PATTERN.search(text):
        return None, True
    return None


# --------------------------------------------------------------------------- candidates


def _candidates(doc: Doc) -> list[_Candidate]:
    """spaCy DATE/TIME entities and regex matches; overlapping ones are joined, so that an
    entity 'Saturday' and the match 'Saturday night' give one 'Saturday night'."""
    spans = [_up_to_a_dash(e) for e in doc_ents(doc) if e.label_ in _CANDIDATE_LABELS]
    text = doc_text(doc)
    for pattern in (*ABSOLUTE_PATTERNS, WEEKDAY_DAY_PATTERN, WEEKDAY_PATTERN,
                    RELATIVE_DAY_PATTERN, COARSE_PATTERN):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [_Candidate(start, end, text[start:end]) for start, end in merged]


def _up_to_a_dash(entity: Span) -> tuple[int, int]:
    """Character span of a date entity, cut at a dash set off by spaces ("March 11 - Seven
    people were killed": the dateline's date is "March 11")."""
    for token in entity[1:]:
        if token.text in SPACED_DASHES and token.whitespace_:
            return entity.start_char, entity.doc[token.i - 1].idx + len(entity.doc[token.i - 1])
    return entity.start_char, entity.end_char


def _is_in_title(span: Span) -> bool:
    """A weekday that is part of a name: a show or film ('Saturday Night Live', 'on "Sunday
    Morning Live"', 'Friday Night Lights'), a club ('the Tuesday Club'). Such names write the
    word after the weekday capitalised and hang the weekday on it; a date does neither
    ('Saturday night', 'on Tuesday President Ruiz said' names a person after it)."""
    if any(e.label_ in _TITLE_LABELS for t in span for e in [entity_of(t)] if e is not None):
        return True
    if any(t.lower_ in _RELATIVE_DAY_WORDS and not t.is_lower and not _opens(t) for t in span):
        return True  # 'USA TODAY', 'on Russia Today': running text writes 'today' lowercase
    return any(_names_something(t) or _named_by(t) for t in span if t.lower_ in _WEEKDAY_WORDS)


def _named_by(weekday: Token) -> bool:
    """'Super Tuesday', 'Black Friday': a capitalised word (not opening the sentence, not a
    month, weekday or 'Last'/'Next') written onto the weekday makes it the name of a day."""
    return any(c.dep_ in ("compound", "amod") and c.i < weekday.i and c.text[:1].isupper()
               and not _opens(c) and c.lower_ not in _WEEKDAY_WORDS | _MONTH_WORDS
               and c.lower_ not in _NEXT_WORDS | _PAST_WORDS | {"this"}
               for c in weekday.children)


def _opens(token: Token) -> bool:
    """First word of a sentence, a line, or a quotation."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    if TIME_STAMP.match(before.text) and _opens(before):
        return True  # a live blog's entry: "10:32 Yesterday the director apologised"
    return "\n" in before.text or before.text in ('"', "“", "‘", "'", ":", "(", "—", "–")


def _names_something(weekday: Token) -> bool:
    """The weekday hangs, directly or through 'Night'/'Morning', on a capitalised word."""
    head = weekday.head
    if weekday.dep_ not in ("compound", "nmod") or not 0 < head.i - weekday.i <= 2:
        return False
    if not head.text[:1].isupper():
        return False  # 'Saturday night'
    if head.lower_ in _DAY_PARTS:
        return True  # 'Saturday Night ...': a date writes the part of the day lowercase
    named = entity_of(head)
    return (head.lower_ not in _WEEKDAY_WORDS | _MONTH_WORDS
            and (named is None or named.label_ not in _NAME_LABELS))


def _points_forward(candidate: _Candidate, span: Span | None) -> bool:
    """True when the expression points forward: 'next Monday', 'will meet on Tuesday'."""
    words = candidate.text.lower().split()
    weekday = WEEKDAY_PATTERN.search(candidate.text)
    if weekday is not None:
        # only the word before the weekday says which: "for the coming fiscal year on
        # Monday" (one date to the tagger) is the Monday just past
        which = (weekday.group("which") or "").lower()
        words = [which] + [w for w in words if w not in _NEXT_WORDS | _PAST_WORDS]
    if any(word in _NEXT_WORDS for word in words):
        return True
    if any(word in _PAST_WORDS for word in words) or span is None:
        return False
    if "this" in words and WEEKDAY_PATTERN.search(candidate.text):
        # "this Saturday's homecoming game", "this Friday": the coming one, unless the clause
        # is in the past ("the deal this Monday was signed ...")
        return not _points_back(span)
    if span.root.dep_ in ("poss", "compound", "nmod", "amod"):
        # 'after Wednesday's outage', 'the October 17 fire': a happening named by its day is
        # a known, past one, whatever the tense of the verb the noun hangs on, unless the
        # clause looks ahead to it ('ahead of Monday's vote', 'will wait until after Sunday's
        # runoff')
        return span.root.dep_ == "poss" and _ahead_of_named_happening(span.root.head)
    preposition = _preposition(span)
    if preposition in _PAST_PREPOSITIONS:
        return False  # 'closed since Tuesday'
    verb = governing_verb(span)
    if preposition in ("until", "till") and verb is not None \
            and verb.lemma_.lower() in _EXTENDING_VERBS:
        # 'extended its red alert until Saturday': a decision that moves an end ahead,
        # whatever its own tense ('the talks continued until Sunday morning' looks back)
        return True
    if preposition in ("for", "to") and verb is not None \
            and verb.lemma_.lower() in _MOVING_VERBS:
        # 'the game had been rescheduled for Wednesday', 'the vote was moved to Friday': the
        # day a decision moves something to lies ahead of the decision, whatever its tense
        return True
    if verb is None or _attachment_crosses_comma(verb, span):
        return False
    return _is_future(verb)


def _ahead_of_named_happening(noun: Token) -> bool:
    """The happening `noun` names ('vote' in "Monday's vote") lies ahead: it follows "ahead
    of", or "until" or "before" in a clause with a future auxiliary or an infinitive of
    intent ('will wait until after Sunday's runoff'). After "after" it is a known one even
    then ('will stay shut after Monday's fire'), and a present tense is no sign here."""
    preposition = noun.head if noun.dep_ == "pobj" else None
    if preposition is None:
        return False
    if preposition.lower_ == "of" and preposition.head.lower_ == "ahead":
        return True
    words = {preposition.lower_, preposition.head.lower_}
    verb = _verb_above(preposition)
    return bool(words & _BEFORE_PREPOSITIONS) and verb is not None \
        and (_has_future_auxiliary(verb) or _intended(verb))


def _verb_above(token: Token) -> Token | None:
    """The first verb at or above `token`, within MAX_CLIMB steps."""
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _intended(verb: Token) -> bool:
    """An infinitive under a verb of intent ('plans to open', 'is expected to be announced')
    or under "be" ('was to meet': what was planned)."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    head = verb.head
    if verb.dep_ == "relcl" and head.dep_ == "dobj":
        # "I expect most surgery to resume by Monday": the parse hangs the infinitive on the
        # object as a relative clause; the intent is the object's verb's
        head = head.head
    return infinitive and head is not verb and (
        head.lemma_.lower() in INTENT_VERBS or head.lemma_.lower() == "be" and verb.dep_ == "xcomp")


def _points_back(span: Span | None) -> bool:
    """The expression's clause is in a past tense: 'was arrested on May 4', 'had met on ...'."""
    verb = governing_verb(span)
    if verb is None or _has_future_auxiliary(verb):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in _PAST_TAGS or any(a.tag_ in _PAST_TAGS for a in auxiliaries)


def _is_future(verb: Token, depth: int = 0) -> bool:
    """Tense of the clause a date belongs to, read off its verb and auxiliaries.

    Future: a future or modal auxiliary ('will meet', 'would file', 'could come'), a present
    tense that is not a report ('the window closes on Friday', 'is expected on Friday', 'are
    meeting on Monday'), or an infinitive under a verb of intent ('plans to launch on
    Thursday'). A past verb, or a report in the present ('says'), is past. Bare verbs and
    participles take the tense of the clause they belong to.
    """
    if depth > MAX_TENSE_HOPS:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxiliaries) and any(
            a.lower_ in _LOOK_BACK_MODALS for a in auxiliaries):
        return False  # 'should have arrived on Monday', 'could have met on Friday'
    if _has_future_auxiliary(verb):
        return True
    if any(a.tag_ in _PAST_TAGS or a.lemma_ == "have" for a in auxiliaries):
        return False  # 'has met', 'had been closed'
    if any(a.tag_ in _PRESENT_TAGS for a in auxiliaries):
        return verb.lemma_.lower() not in SPEECH_VERBS  # 'is expected', 'are meeting'
    if verb.tag_ in _PRESENT_TAGS:
        return verb.lemma_.lower() not in SPEECH_VERBS
    if verb.tag_ in _PAST_TAGS:
        return False
    head = verb.head
    if _intended(verb):
        return True  # 'plans to open' (also when the tagger reads 'plans' as a noun), 'was to'
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") \
            and verb.lemma_.lower() in AHEAD_PARTICIPLES:
        # a participle describing a noun by a day it is set for: "temperatures forecast for
        # Wednesday could revive flare-ups". Others keep to the past: "the bridge damaged
        # on Wednesday will stay closed".
        return True
    # a verb under an adjective or a preposition takes the tense of the clause around them:
    # "will be free to use on Wednesday", "is forbidden for drinking until Friday"
    for _ in range(MAX_CLIMB):
        if head.pos_ in ("VERB", "AUX") or head.pos_ not in ("ADJ", "ADP", "SCONJ") \
                or head.head.i == head.i:
            break
        head = head.head
    if head is verb or head.pos_ not in ("VERB", "AUX"):
        return False
    return _is_future(head, depth + 1)


def _has_future_auxiliary(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUXILIARIES
               for c in verb.children)


def _preposition(span: Span) -> str:
    """The preposition a date is the object of ('since Tuesday' -> 'since'), else ''."""
    node = span.root
    head = node.head
    return head.lower_ if node.dep_ == "pobj" and head.dep_ == "prep" else ""


def _attachment_crosses_comma(verb: Token, span: Span) -> bool:
    """A date written after its verb with a comma between belongs to a phrase of its own:
    in 'shareholders will receive $38, a premium to the closing price on Friday' the small
    parser hangs 'on Friday' on 'receive', but Friday's price is a past one."""
    if verb.i > span.start:
        return False
    depth = 0  # a bracket closed before the date is an aside: "... (JFC) in Havnstad on ..."
    for token in span.doc[verb.i + 1:span.start]:
        if token.text in {",", ";", "–", "—"} and depth == 0:
            return True
        depth = max(0, depth + (token.text == "(") - (token.text == ")"))
    return depth > 0


def _is_reporting_date(span: Span | None) -> bool:
    """The date of a statement about something else ('said on Tuesday that ...'); a verb of
    speech with no clause reported under it is a happening of its own ('the fuel price rise
    the government announced last Friday')."""
    if span is not None and span.root.dep_ in ("poss", "compound", "nmod") \
            and span.root.head.pos_ in ("NOUN", "PROPN"):
        return False  # "declared the winner of Sunday's election": the election's day
    verb = governing_verb(span)
    return verb is not None and verb.lemma_.lower() in SPEECH_VERBS and (
        verb.dep_ == "parataxis"
        or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
        or verb.head.dep_ in ("ccomp", "parataxis") and verb.dep_ == "ROOT")


def governing_verb(span: Span | None) -> Token | None:
    """The first verb above the expression ('met on Monday' -> met; 'before the window
    closes on Friday' climbs through the phrase the parser made of 'the window closes')."""
    return _verb_above(span.root) if span is not None else None


def _sentence_of(char: int, starts: list[int], sentences: list[Sentence]) -> Sentence | None:
    if not sentences:
        return None
    return sentences[max(bisect.bisect_right(starts, char) - 1, 0)]


# --------------------------------------------------------------------------- resolution


def _match_absolute(text: str) -> re.Match[str] | None:
    for pattern in ABSOLUTE_PATTERNS:
        match = pattern.search(text)
        if match is not None:
            return match
    return None


def _month_day(match: re.Match[str]) -> tuple[int, int]:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3]]
    day = match.group("day")
    return month, int(day) if day.isdigit() else lang.DAY_WORDS[day.lower()]


def _resolve_absolute(match: re.Match[str], published: dt.date | None, sentence: str,
                      future: bool = False, past: bool = False,
                      weekday: int | None = None) -> dt.date | None:
    """`weekday` (Monday 0) the day is named with: "Saturday, Oct. 10" falls in the one
    year of the three around publication whose October 10 is a Saturday."""
    month, day = _month_day(match)
    if match.group("year"):
        return _safe_date(int(match.group("year")), month, day)
    if published is not None:
        options = [_safe_date(published.year + k, month, day) for k in _YEAR_OFFSETS]
        valid = [d for d in options if d is not None]
        if weekday is not None and (named := [d for d in valid if d.weekday() == weekday]):
            # the weekday outranks the tense: a wire story dated the evening before its
            # paper says "said in an editorial on Saturday, Oct. 10" of the next day
            return min(named, key=lambda d: abs((d - published).days))
        # a day without its year is the one on the side of the publication day the tense
        # points to ("was arrested on May 4", in November: this May, not next May), else
        # the nearest
        if past and (before := [d for d in valid if d <= published]):
            return max(before)
        if future and (after := [d for d in valid if d >= published]):
            return min(after)
        return min(valid, key=lambda d: abs((d - published).days)) if valid else None
    years = _YEAR_IN_TEXT.findall(sentence)
    return _safe_date(int(years[0]), month, day) if years else None


_RANGE_END = re.compile(rf"\s*(?:and|to|through|until|till|-|–)\s*{_MONTH}\.?\s+{_DAY},?\s+"
                        rf"{_YEAR}\b")


def _range_year(start: re.Match[str], text: str, sentence: str) -> int | None:
    """The year of a range's first day, from its last ("between July 11 and Nov. 1, 1995",
    in the expression or the sentence after it): the same year, or the one before when the
    range crosses a new year ("Dec. 20 to Jan. 5, 1999")."""
    end = _RANGE_END.match(text, start.end())
    if end is None and (at := sentence.find(text)) >= 0:
        end = _RANGE_END.match(sentence, at + len(text))
    if end is None:
        return None
    year = int(end.group("year"))
    return year - 1 if _month_day(start)[0] > _month_day(end)[0] else year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # "February 30" or a misread day number


def _resolve_weekday(match: re.Match[str], published: dt.date | None,
                     future: bool) -> dt.date | None:
    if published is None:
        return None
    target = _WEEKDAYS.index(match.group("weekday").lower())
    which = (match.group("which") or "").lower()
    if future or which in _NEXT_WORDS:
        ahead = (target - published.weekday()) % 7
        if which in _NEXT_WORDS and ahead == 0:
            ahead = 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - target) % 7
    if which in ("last", "past") and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _resolve_weekday_day(match: re.Match[str], published: dt.date, future: bool,
                         past: bool) -> dt.date | None:
    """"Saturday the nineteenth": the day near publication that is both, on the side the
    tense points to when there is one there, else the nearest."""
    weekday = _WEEKDAYS.index(match.group("weekday").lower())
    number = match.group("digits") or match.group("ordinal")
    day = int(number) if number else lang.DAY_WORDS[match.group("day").lower()]
    near = [published + dt.timedelta(days=k)
            for k in range(-WEEKDAY_DAY_REACH, WEEKDAY_DAY_REACH + 1)]
    found = [d for d in near if d.day == day and d.weekday() == weekday]
    if future and (after := [d for d in found if d >= published]):
        return min(after)
    if past and (before := [d for d in found if d <= published]):
        return max(before)
    return min(found, key=lambda d: abs((d - published).days)) if found else None


def _resolve_relative_day(text: str, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    lowered = " ".join(text.lower().split())
    if lowered == "tonight" or _PART_OF_TODAY.fullmatch(lowered):
        return published
    if lowered == "last night":
        return published - dt.timedelta(days=1)
    import dateparser  # imported here: loading its language data costs half a second

    base = dt.datetime.combine(published, dt.time(12))
    parsed = dateparser.parse(lowered, languages=["en"],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed is not None else None
