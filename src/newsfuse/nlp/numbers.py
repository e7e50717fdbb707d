"""Reading numbers: number runs in a parse, their values and the qualifiers before them.

Shared by `nlp.claims` (every quantity a sentence states) and anything else that needs a
figure's value: "4,500" -> 4500, "one thousand" -> 1000, "1.5 million" -> 1.5e6,
"two dozen" -> 24, "twenty-five" -> 25.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# --------------------------------------------------------------------------- qualifiers

# Qualifier as written -> how it bounds the true value; `synthesize.conflicts` turns the kind
# into an interval. Longest phrases are matched first.
QUALIFIERS: dict[str, str] = {
    "more than": "above", "over": "above", "upwards of": "above", "in excess of": "above",
    "just over": "above", "well over": "above", "over than": "above",
    # a figure a verb says was passed is a floor: "the thermometer has passed 40 degrees"
    "passed": "above", "exceeded": "above", "topped": "above", "surpassed": "above",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least",
    "up to": "at_most", "as much as": "at_most", "as high as": "at_most",
    "at most": "at_most", "no more than": "at_most",
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
# (lakh and crore: South Asian English, "12 lakh students" = 1.2 million)
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12,
           "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000,
           "crore": 10_000_000, "crores": 10_000_000}
_NUMBER_WORDS = set(_UNITS) | set(_SCALES) | {"hundred"}
# Fractions inside a number: added after "and" ("eight and a half years", "two and a half
# million"), else taken so many times ("half a million", "a quarter of a million", "three
# quarters of a billion"). Only `number_runs` hands them to `parse_number`.
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
# Plural scale words make a quantity vague ("hundreds of", "tens of thousands").
DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
# "4,5 million euro": a comma before one or two digits is a decimal comma (a thousands
# separator is always followed by three).
DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")

def parse_number(words: list[str]) -> float | None:
    """'4,500' -> 4500, 'one thousand' -> 1000, '1.5 million' -> 1.5e6, 'twenty-five' -> 25,
    'eight and a half' -> 8.5, 'a quarter of a million' -> 250,000."""
    total, current, seen, added = 0.0, 0.0, False, False
    for n, raw in enumerate(words):
        # a group of three digits right after digits continues them ("38 000")
        grouped = n > 0 and words[n - 1].isdigit() and raw.isdigit()
        for word in raw.lower().split("-"):
            if word == "and":
                added = True
                continue
            if word in ("", "a", "of"):
                continue
            if word in _FRACTIONS:
                fraction = _FRACTIONS[word]
                current = current + fraction if added else (current or 1) * fraction
            elif DIGITS.match(word) and grouped and len(word) == 3:
                current = current * 1000 + float(word)  # "38 000": a thousands group
            elif DIGITS.match(word):
                current += float(word.replace(",", ""))
            elif DECIMAL_COMMA.match(word):
                current += float(word.replace(",", "."))
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


# --------------------------------------------------------------------------- number runs


def is_number_token(token: Token) -> bool:
    text = token.lower_
    if DIGITS.match(text) or DECIMAL_COMMA.match(text):
        return True
    parts = [part for part in text.split("-") if part]
    return bool(parts) and all(part in _NUMBER_WORDS for part in parts)


def number_runs(doc: Doc) -> list[Span]:
    """Maximal runs of number tokens, joined by '-' or 'and' ("one hundred and fifty"), with
    their fractions ("eight and a half", "half a million", "a quarter of a million")."""
    lowers = [t.lower_ for t in doc]  # read once: spaCy builds a Token on every doc[i]
    runs, i = [], 0
    while i < len(doc):
        fraction = _fraction_of_scale(lowers, i)
        if fraction:
            runs.append(doc[i:i + fraction])
            i += fraction
            continue
        if not is_number_token(doc[i]) or _bare_scale(lowers, i):
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            if is_number_token(doc[end]) and _continues(doc[end - 1], doc[end]):
                end += 1
            elif (end + 1 < len(doc) and _joins(doc, end)
                  and is_number_token(doc[end + 1]) and not doc[end + 1].text[0].isdigit()):
                end += 2
            else:
                break
        end += _fraction_after(lowers, end)
        runs.append(doc[i:end])
        i = end
    return runs


# Words before a scale word that make it one ("a dozen", "the hundred guests", "per million");
# without one it is vague ("several hundred fighters", "left dozen people": "dozens").
_ONE_OF_SCALE = frozenset({"a", "an", "one", "the", "per", "each", "every"})


def _bare_scale(lowers: list[str], i: int) -> bool:
    """A scale word opening a run with no article or number before it."""
    word = lowers[i]
    return (word in _SCALES or word == "hundred") and (i == 0 or lowers[i - 1] not in
                                                        _ONE_OF_SCALE)


def _joins(doc: Doc, at: int) -> bool:
    """'and' in "one hundred and fifty" (after a scale word), or a hyphen written tight
    ("twenty-five"); a dash set off by spaces ends a dateline ("March 11 - Seven people")."""
    token = doc[at]
    # only after a scale word: "between three and nine years" names two numbers, not twelve
    return token.text == "and" and doc[at - 1].lower_ in _SCALE_WORDS or (
        token.text == "-" and not doc[at - 1].whitespace_ and not token.whitespace_)


_SCALE_WORDS = frozenset({*_SCALES, "hundred", "hundreds"})


def _fraction_of_scale(lowers: list[str], i: int) -> int:
    """Length of "half a million" or "a quarter of a million" starting at `i`, else 0."""
    for pattern in (("half", "a"), ("a", "half", "of", "a"), ("a", "quarter", "of", "a"),
                    ("one", "quarter", "of", "a")):
        end = i + len(pattern)
        if tuple(lowers[i:end]) == pattern and end < len(lowers) and lowers[end] in _SCALES:
            return len(pattern) + 1
    return 0


def _fraction_after(lowers: list[str], end: int) -> int:
    """Tokens of a fraction that goes on a number ending before `end`: "and a half",
    "and three quarters", with the scale word after it ("two and a half million"), or
    "quarters of a billion" after "three"."""
    words = lowers[end:end + 4]
    if len(words) >= 3 and words[0] == "and" and words[1] in ("a", "one", "three") \
            and words[2] in _FRACTIONS:
        if words[3:] == ["dozen"]:
            return 0  # "1,500 and a half dozen groups": a second count
        return 4 if words[3:] and words[3] in _SCALES else 3
    if len(words) == 4 and words[0] in _FRACTIONS and words[1:3] == ["of", "a"] \
            and words[3] in _SCALES:
        return 4
    return 0


def _continues(previous: Token, following: Token) -> bool:
    """'1.5 million', 'one thousand' are one number; '2016 13' and '2016 One' are two; '38 000'
    (thousands set apart by a space, as much of Europe writes them) is one."""
    if DIGITS.match(previous.lower_):
        return following.lower_ in _SCALES or following.lower_ == "hundred" \
            or _thousands_group(previous, following)
    return not DIGITS.match(following.lower_)


_GROUP_HEAD = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}$")


def _thousands_group(previous: Token, following: Token) -> bool:
    """'38 000', '1 250 000': a group of three digits after one to three digits and a single
    space ('in 2019 2020' are two years; '12 345' read as 12,345 is the only reading news
    gives such a pair)."""
    return bool(_GROUP_HEAD.match(previous.text)) and previous.whitespace_ == " " \
        and bool(_GROUP.match(following.text))


def anchor(run: Span) -> Token:
    """The token of the run attached outside it (usually the nummod of the counted noun)."""
    outside = [t for t in run if not (run.start <= t.head.i < run.end)]
    return outside[-1] if outside else run[-1]


def qualifier_before(doc: Doc, start: int) -> tuple[str | None, int]:
    for size in range(_MAX_QUALIFIER_WORDS, 0, -1):
        if start - size < 0:
            continue
        words = " ".join(t.lower_ for t in doc[start - size:start])
        if words in QUALIFIERS:
            return words, start - size
    return None, start


