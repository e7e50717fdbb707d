"""English language data shared by quotes, entities, dates, captions and the timeline.

One place, kept as data: tables that exist elsewhere are read from there (country names from
pycountry's ISO 3166 table, month and weekday names from the standard library's calendar);
the word lists of our own (personal titles, roles, speech verbs, irregular demonyms, exonyms,
photo agencies) are in lang.json beside this module, each with a note on what it is for.
Stages import this module like `model` and `config`: it imports no stage.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = json.loads((Path(__file__).with_name("lang.json")).read_text(encoding="utf-8"))

PERSON_TITLES: frozenset[str] = frozenset(_DATA["person_titles"]["words"])
HONORIFICS: frozenset[str] = frozenset(_DATA["honorifics"]["words"])
NAME_ABBREVIATIONS: frozenset[str] = frozenset(_DATA["name_abbreviations"]["words"])
PERSON_ROLES: list[frozenset[str]] = [frozenset(g) for g in _DATA["person_roles"]["groups"]]
SPEECH_VERBS: frozenset[str] = frozenset(_DATA["speech_verbs"]["words"])
PHRASAL_SPEECH_VERBS: frozenset[tuple[str, str]] = frozenset(
    (verb, particle) for verb, particle in _DATA["phrasal_speech_verbs"]["pairs"])
REPORTING_VERBS: frozenset[str] = frozenset(_DATA["reporting_verbs"]["words"])
PERSON_KINDS: frozenset[str] = frozenset(_DATA["person_kinds"]["words"])
PERSON_KIND_PRONOUNS: dict[str, str] = {
    word: pronoun for pronoun, words in _DATA["person_kinds"]["pronouns"].items() for word in words}
IRREGULAR_DEMONYMS: dict[str, str] = dict(_DATA["irregular_demonyms"]["map"])
EXONYMS: dict[str, str] = dict(_DATA["exonyms"]["map"])
NAME_WORD_ABBREVIATIONS: dict[str, str] = dict(_DATA["name_word_abbreviations"]["map"])
PHOTO_AGENCIES: tuple[str, ...] = tuple(_DATA["photo_agencies"]["names"])
WIRE_SERVICES: tuple[str, ...] = tuple(_DATA["wire_services"]["names"])
ORGANISATION_NOUNS: frozenset[str] = frozenset(_DATA["organisation_nouns"]["words"])
OUTLET_STAFF: frozenset[str] = frozenset(_DATA["outlet_staff"]["words"])
COUNTING_WORDS: frozenset[str] = frozenset(_DATA["counting_words"]["words"])
LIMIT_NOUNS: frozenset[str] = frozenset(_DATA["limit_nouns"]["words"])
SEQUENCE_NOUNS: frozenset[str] = frozenset(_DATA["sequence_nouns"]["words"])
# noun -> the side of armed violence its people are on ("militant" -> "armed groups")
PERSON_SIDES: dict[str, str] = {noun: side for side, nouns in
                                _DATA["person_sides"]["sides"].items() for noun in nouns}
HEDGE_MODALS: frozenset[str] = frozenset(_DATA["hedges"]["modals"])
HEDGE_ADVERBS: frozenset[str] = frozenset(_DATA["hedges"]["adverbs"])
HEDGE_VERBS: frozenset[str] = frozenset(_DATA["hedges"]["verbs"])
HEDGE_ADJECTIVES: frozenset[str] = frozenset(_DATA["hedges"]["adjectives"])

# Penn Treebank tags of a finite verb (past, present third person and other): a clause of its own.
FINITE_VERB_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})

# calendar's names are English unless a program calls locale.setlocale, which newsfuse never does.
MONTHS: tuple[str, ...] = tuple(calendar.month_name[1:])
WEEKDAYS: tuple[str, ...] = tuple(calendar.day_name)  # Monday first, as date.weekday()
MONTH_WORDS: frozenset[str] = frozenset(m.lower() for m in MONTHS)
WEEKDAY_WORDS: frozenset[str] = frozenset(d.lower() for d in WEEKDAYS)
# "sep", "sept" -> 9: a month is known by its first three letters.
MONTH_NUMBER: dict[str, int] = {m[:3].lower(): n for n, m in enumerate(MONTHS, 1)}
# Written dates, shared by the dateline reader (ingest) and the date reader (nlp): a month
# name or its abbreviation ("Sept."), a day ("2nd"), a year of this or the last century.
# Case is left to the user: datelines are often in capitals ("MAY 2, 2013"), prose is not
# ("may" is mostly a verb).
MONTH_PATTERN = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
                 r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
# A dateline's month, read from its first three letters: datelines are typed once and
# misspelt ("Novemer 27, 2005" in ECB+), prose is read with the exact names above.
DATELINE_MONTH_PATTERN = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# not the whole part of a decimal or a thousands group: "in December 7.9 percent" is no date
DAY_PATTERN = r"(?P<day>[0-3]?\d)(?![.,]\d)(?:st|nd|rd|th)?"
YEAR_PATTERN = r"(?P<year>(?:19|20)\d\d)"
# Ordinals in words, read by the number reader ("the fifth round") and, up to 31, as days of a
# month by the date reader ("the first of May", "June the twenty-first").
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20}
DAY_WORDS: dict[str, int] = {
    **ORDINAL_WORDS, "thirtieth": 30,
    **{f"{tens}{joint}{unit}": base + ORDINAL_WORDS[unit]
       for tens, base, units in (("twenty", 20, list(ORDINAL_WORDS)[:9]),
                                 ("thirty", 30, ["first"]))
       for unit in units for joint in ("-", " ")}}
# A day written in words, as the date reader's `day` group: longest words first.
DAY_WORD_PATTERN = ("(?P<day>(?i:" + "|".join(sorted(DAY_WORDS, key=len, reverse=True))
                    + "))")
# A wire dateline's place, in capitals, with its region after a comma: "PITTSBURGH",
# "KYIV, Ukraine", "EAGAN, Minn."
DATELINE_PLACE_PATTERN = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.'’ -]{0,30})?"
# Country and adjective share their first 4 letters in most English pairs (Norway/Norwegian,
# Britain/British, Turkey/Turkish; 5 would split Norway/Norwegian); IRREGULAR_DEMONYMS has
# the pairs that do not.
NATION_STEM_CHARS = 4


def agency_pattern() -> str:
    """A regular-expression alternative matching any photo agency's name as a whole word."""
    return _names_pattern(PHOTO_AGENCIES)


def wire_pattern() -> str:
    """A regular-expression alternative matching any wire service's name as a whole word."""
    return _names_pattern(WIRE_SERVICES)


def _names_pattern(names: tuple[str, ...]) -> str:
    longest_first = sorted(names, key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(n) for n in longest_first) + r")\b"


def nation_stem(word: str) -> str:
    """The stem a country and its nationality adjective share ("Ukraine"/"Ukrainian" ->
    "ukra"; "Dutch" -> "neth" through IRREGULAR_DEMONYMS)."""
    decomposed = unicodedata.normalize("NFKD", re.sub(r"['’]s$", "", word))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace(".", "").strip()
    return IRREGULAR_DEMONYMS.get(plain, plain)[:NATION_STEM_CHARS]


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lowercased country name -> ISO 3166 alpha-3 code, from pycountry (short, common and
    official names: "bolivia", "bolivia, plurinational state of" and "united kingdom")."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.lower()] = country.alpha_3
    return names


def country_code(word: str) -> str | None:
    """ISO alpha-3 code of a country name or nationality adjective ("Norwegian" -> "NOR"):
    the one country whose name shares the longest beginning with the word, at least
    NATION_STEM_CHARS letters ("Austrian" is Austria, not Australia); None when two tie."""
    lowered = word.lower()
    names = country_names()
    if lowered in names:
        return names[lowered]
    irregular = IRREGULAR_DEMONYMS.get(lowered)
    if irregular is not None and irregular in names:
        return names[irregular]
    key = irregular or lowered
    best: dict[int, set[str]] = {}
    for name, code in names.items():
        shared = _shared_start(key, name)
        if shared >= NATION_STEM_CHARS:
            best.setdefault(shared, set()).add(code)
    if not best:
        return None
    codes = best[max(best)]
    return codes.pop() if len(codes) == 1 else None


def _shared_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


# Endings of English nouns for people (resident, refugee, worker, civilian, investor,
# protester, student, spokesman, lawyer, curator, postman, analyst, citizen).
PERSON_SUFFIXES = ("ent", "ant", "ee", "er", "or", "ist", "yst", "ian", "man", "men", "ier",
                   "ive", "zen")


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns whose first WordNet sense is a kind of person (person_nouns.txt beside this
    module, written by scripts/person_nouns_from_wordnet.py)."""
    text = Path(__file__).with_name("person_nouns.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


# Plurals that do not end in -s, and the endings that make most others.
_IRREGULAR_PLURALS = {"men": "man", "women": "woman", "children": "child", "people": "person"}


@lru_cache(maxsize=4096)  # asked for every pair of compared counts: few distinct nouns
def is_person_noun(noun: str) -> bool:
    """A noun for people, singular or plural: by WordNet (pupils, thieves, miners, gunmen),
    else by its ending (a word WordNet lacks: "jihadis", "evacuees", "cabbies")."""
    word = noun.lower()
    if word.endswith(PERSON_SUFFIXES):
        return True
    forms = {word, _IRREGULAR_PLURALS.get(word, word)}
    if word.endswith("men"):
        forms.add(word[:-3] + "man")
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("ves"):
        forms |= {word[:-3] + "f", word[:-3] + "fe"}
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return bool(forms & _person_nouns())
