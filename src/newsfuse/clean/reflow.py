"""Paragraph reconstruction for hard-wrapped text (wire copy, TREC/DUC files, e-mail, exports).

Such text breaks lines at a fixed width (~70 columns) in the middle of sentences; the line rules
of `boilerplate` would take each short unpunctuated line for a heading. Wrapping is recognised
from the text's own line-length profile, the way a reader sees it: a wrapper only breaks a line
when the next word would not fit, so in wrapped text most lines are "full" (their length plus
the next line's first word reaches the wrap width) and end mid-sentence. Each full line is joined
to the next; a blank line, an indented paragraph start or a line that ends well short of the
width (a paragraph end, a heading, a dateline) keeps its break.

Text that is already one paragraph a line (scraped pages, JSON records) has lines far longer than
any wrap width or ending at sentence ends, and comes back unchanged.
"""

from __future__ import annotations

import math
import re

from newsfuse.script import is_wide

# Wrap widths seen in practice: 60-80 columns (DUC 2004 files: 66-77 at the 95th percentile of
# line length; e-mail 72-78; Python's textwrap 70). Outside 30-110 the text is not hard-wrapped
# prose (lists of short lines below, one paragraph a line above).
MIN_WRAP_WIDTH = 30
MAX_WRAP_WIDTH = 110
# The wrap width is the 95th percentile of line widths: a few longer lines (a URL, a table row)
# do not raise it.
WIDTH_PERCENTILE = 0.95
# A line is full when it plus the next word comes within this share of the width. Wrappers are
# not exact: in the 250 DUC 2004 files a wrapped line stops up to 9 columns (13%) short of the
# 95th-percentile width; 15% keeps them all joined while lines ending a third of the width short
# (paragraph ends, headings, datelines) keep their break.
FULL_LINE_TOLERANCE = 0.15
# Text counts as wrapped when at least this share of its line breaks fall inside a sentence: in
# wrapped prose ~95% do (DUC 2004: 93%); in one-paragraph-a-line text almost none do, and a
# list of headings or links is short of the width anyway.
MIN_MID_SENTENCE_SHARE = 0.5
# and at least this many full lines that break mid-sentence; a single one counts only when the
# next line goes on in lower case (a URL or a long title over a capitalised line is not wrapping:
# ECB+ documents open so).
MIN_WRAPPED_BREAKS = 2

_SENTENCE_END = re.compile(r"[.!?…:;\"'`”’)\]。！？」』]$")
_INDENT = re.compile(r"^[ \t\u3000]*")


def width(text: str) -> int:
    """Display width in columns: CJK and other wide characters take two."""
    if text.isascii():  # most lines: one column a character, without a lookup each
        return len(text)
    return sum(2 if is_wide(ch) else 1 for ch in text)


def _first_word(line: str) -> str:
    word = line.split(maxsplit=1)[0] if line.strip() else ""
    # CJK text wraps between any two characters: the "next word" is one character
    return word[:1] if word and is_wide(word[0]) else word


def _indent(line: str) -> int:
    return len(_INDENT.match(line).group().expandtabs(4))


def wrap_width(lines: list[str]) -> int | None:
    """The wrap width of `lines` when they are hard-wrapped prose, else None."""
    widths = sorted(width(line.strip()) for line in lines if line.strip())
    if len(widths) < 2:
        return None
    limit = widths[min(len(widths) - 1, math.ceil(WIDTH_PERCENTILE * len(widths)) - 1)]
    if not MIN_WRAP_WIDTH <= limit <= MAX_WRAP_WIDTH:
        return None
    breaks = [(a.strip(), b.strip()) for a, b in zip(lines, lines[1:], strict=False)
              if a.strip() and b.strip()]
    mid_sentence = [pair for pair in breaks if not _SENTENCE_END.search(pair[0])]
    wrapped = [pair for pair in mid_sentence if _is_full(pair[0], pair[1], limit)]
    continued = any(pair[1][:1].islower() for pair in wrapped)
    if len(wrapped) < MIN_WRAPPED_BREAKS and not continued:
        return None
    if len(mid_sentence) < MIN_MID_SENTENCE_SHARE * len(breaks):
        return None
    return limit


def _is_full(line: str, following: str, limit: int) -> bool:
    needed = width(line) + 1 + width(_first_word(following))
    return needed >= (1 - FULL_LINE_TOLERANCE) * limit


def _joins(line: str, following: str, limit: int, base_indent: int) -> bool:
    """Whether the break between two non-blank lines of wrapped text is a soft wrap."""
    if _indent(following) > base_indent:
        return False  # an indented paragraph start
    text, nxt = line.strip(), following.strip()
    if _is_full(text, nxt, limit):
        return True
    # a short line that stops mid-sentence before a lower-case word is a sloppy wrap too
    return not _SENTENCE_END.search(text) and nxt[:1].islower()


def _glue(left: str, right: str) -> str:
    if left and right and is_wide(left[-1]) and is_wide(right[0]):
        return left + right  # CJK has no spaces between words
    if re.search(r"[^\W\d_]-$", left) and right[:1].islower():
        return left + right  # a compound broken at its hyphen: "two-" + "thirds"
    return f"{left} {right}"


def reflow(text: str) -> str:
    """Hard-wrapped text as one paragraph a line; other text unchanged.

    Blank lines between paragraphs are dropped in the result (a line is a paragraph there).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    limit = wrap_width(lines)
    if limit is None:
        return text
    indents = [_indent(line) for line in lines if line.strip()]
    base_indent = max(set(indents), key=indents.count)  # the most common indent
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _glue(current, stripped) if current else stripped
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not following.strip() or not _joins(line, following, limit, base_indent):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)
