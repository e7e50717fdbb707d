"""Script-aware text lengths: words for languages written without spaces between words.

Rules that count words by spaces see a whole Chinese, Japanese or Thai paragraph as one "word"
and take it for a heading. Here a run of such a script counts as its characters divided by the
average word length of the script, so thresholds in words mean about the same in every script.
"""

from __future__ import annotations

import math
import re
import unicodedata

# Average characters per word in segmented corpora: Chinese ~1.6 (Penn Chinese Treebank and the
# SIGHAN segmentation sets), Japanese about the same in kanji/kana; Thai, Lao, Khmer and Burmese
# words run ~4 letters (their combining vowel and tone marks are not counted).
CJK_CHARS_PER_WORD = 1.6
SOUTHEAST_ASIAN_CHARS_PER_WORD = 4.0

_CJK = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f]")
_SOUTHEAST_ASIAN = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff]")
# a unit for token lists: a CJK character, a run of a Southeast Asian script, or a word
_TOKEN = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f]|[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff]+|"
    "[^\\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f\u0e00-\u0eff\u1000-\u109f"
    "\u1780-\u17ff\u0f00-\u0fff]+")


def is_wide(char: str) -> bool:
    """A character that takes two columns in a fixed-width rendering (CJK, full-width forms)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _letters(run: str) -> int:
    # combining marks (Thai vowels and tones) are part of the letter before them
    return sum(1 for ch in run if not unicodedata.combining(ch) and ch.isalpha())


def word_count(text: str) -> int:
    """Words in `text`, counting runs of scripts without spaces by their characters."""
    if text.isascii():  # most text: no wide characters, so exactly what str.split() counts
        return len(text.split())
    cjk = len(_CJK.findall(text))
    southeast = sum(_letters(run) for run in _SOUTHEAST_ASIAN.findall(text))
    rest = _SOUTHEAST_ASIAN.sub(" ", _CJK.sub(" ", text))
    # as str.split() counts, less the full-width punctuation left between CJK characters
    words = rest.split()
    # most non-ASCII text (curly quotes, accents) has no wide character at all: each distinct
    # character is looked up once instead of the first of every word
    if any(is_wide(ch) for ch in set(rest)):
        spaced = sum(1 for token in words
                     if not all(is_wide(ch) and not ch.isalnum() for ch in token))
    else:
        spaced = len(words)
    spaceless = cjk / CJK_CHARS_PER_WORD + southeast / SOUTHEAST_ASIAN_CHARS_PER_WORD
    return spaced + math.ceil(spaceless)


def has_spaceless(text: str) -> bool:
    """True when `text` holds a script written without spaces between words."""
    return bool(_CJK.search(text) or _SOUTHEAST_ASIAN.search(text))


def tokens(text: str) -> list[str]:
    """Comparable units: words, single CJK characters, runs of Thai-like scripts."""
    return _TOKEN.findall(text)
