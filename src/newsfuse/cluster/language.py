"""A cheap language guess, only good enough to group articles for embedding centring.

Scripts decide first (Han, Kana, Hangul, Cyrillic, Arabic, ...); Latin-script text is told
apart by its most frequent function words. Unknown Latin-script languages become "latin".
"""

from __future__ import annotations

import re

# Characters looked at: the title and lead say the language as well as the whole text.
SAMPLE_CHARS = 2000
# Share of letters in a script above which the text is taken to be in that script's language.
SCRIPT_SHARE = 0.2
# Function-word hits per 100 words below which no Latin-script language is claimed.
MIN_FUNCTION_WORD_RATE = 3.0

_SCRIPTS = [
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
]
# Space-separated frequent function words per language.
_FUNCTION_WORDS = {
    "en": "the of and to in is was that for on with said by are from has have it",
    "ms": "yang dan di untuk dengan ini itu dalam tidak akan kepada oleh pada telah",
    "fr": "le la les des et est une dans que pour pas sur qui avec du au",
    "de": "der die und das ist nicht mit den von zu sich auf ein eine dem",
    "es": "el la los las del que en por con una para es se al lo",
    "it": "il di che è la per una sono con non del della gli le",
    "pt": "os as que de em um uma para com não do da no na ao",
    "nl": "de het een en van is dat op te zijn met voor niet aan",
}
# Two letters or more: single letters are mostly initials and URL debris.
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_LANGUAGES_OF_WORD: dict[str, list[str]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGUAGES_OF_WORD.setdefault(_word, []).append(_code)


def detect_language(text: str) -> str:
    """ISO-639-1-like code, "latin" for unrecognised Latin script, "und" for no letters."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return "und"
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) / letters >= SCRIPT_SHARE:
            return code
    return _latin_language(sample)


def _latin_language(sample: str) -> str:
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "und"
    counts = {code: 0 for code in _FUNCTION_WORDS}
    for word in words:
        for code in _LANGUAGES_OF_WORD.get(word, ()):
            counts[code] += 1
    best = max(counts, key=counts.__getitem__)
    if 100 * counts[best] / len(words) < MIN_FUNCTION_WORD_RATE:
        return "latin"
    return best
