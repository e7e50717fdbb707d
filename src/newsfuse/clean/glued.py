"""Photo captions glued into a paragraph, as pages given as one line of text hand them over.

A news page exported without its line breaks (Multi-News and other JSONL exports) runs its
pictures' captions into the story: "<caption>... ( associated press ) <the caption again in
full> ( ap photo/name ) ( associated press ) london ( ap ) — <the story>". The line rules of
`boilerplate` see one line and can only keep or drop all of it, so the captions either reach
the summary or take the story with them. Here each caption is cut out of its line by its
credit, the mark a caption ends with; the caption is what stands between the credit and the
previous credit (or the start of the line), and never more than a caption's length of whole
sentences, so story text before a picture stays. A caption repeated after its credit (the
gallery's full caption under the truncated one) goes with it.
"""

from __future__ import annotations

import re

from newsfuse.model import RemovedBlock
from newsfuse.script import word_count

# A caption is at most this many words (boilerplate.MAX_BARE_CAPTION_WORDS: the longest
# captions ending in a credit run to about 60 words); more text before a credit is story.
MAX_GLUED_CAPTION_WORDS = 60
# A repeated caption is recognised by its first words, written again after the credit.
REPEAT_PREFIX_WORDS = 6

_AGENCY = r"(?:ap|afp|reuters|epa(?:-efe)?|getty images|xinhua|anadolu|dpa|ansa)"
# Credits that close a caption, not the "( ap )" of a dateline: "( ap photo/matt rourke )",
# "( associated press )", "(photo by ana ruiz / afp)", "(ana ruiz/getty images)".
_CREDIT = re.compile(
    r"(?:\(\s*(?:the )?associated press\s*\)|"
    rf"\(\s*{_AGENCY}\s*(?:photos?|images?)\s*(?:/[^()]{{0,60}})?\)|"
    r"\(\s*(?:photo|image|picture)s?\s*(?:by\b|:|credit\b)[^()]{0,60}\)|"
    rf"\([^()]{{1,60}}/\s*{_AGENCY}\s*\)|"
    # photographer and outlet split by a bar: "( ana ruiz | the harbour post )"
    r"\(\s*[^()|&]{1,40}\s(?:\||&#124;)\s[^()|&]{1,40}\))"
    r"(?:\s*(?:\(\s*(?:the )?associated press\s*\)))*", re.IGNORECASE)
# Where a sentence may start inside a caption run: after a stop, before a capital or a quote.
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|(?<=\.\.\.)\s+")
# How wire captions open: "FILE - In this May 2, 2019 file photo, ...", "In this image released
# by ...", "This Dec. 13, 2017, file photo provided by ...".
_CAPTION_OPENING = re.compile(
    r"(?:file\s*[-–—]\s|(?:in )?this\b[^.]{0,50}?\b(?:photo|image|picture|video|still)\b)",
    re.IGNORECASE)
# A story's first sentence opens on a dateline: "Washington ( ap ) — ...".
_WIRE_DASH = rf"\(\s*{_AGENCY}\s*\)\s*[—–-]"
_DATELINE = re.compile(rf"^\s*[^()]{{1,60}}{_WIRE_DASH}", re.IGNORECASE)
_STORY_START = re.compile(_WIRE_DASH, re.IGNORECASE)


# The advertisement slot's label left between two sentences of a page given as one line
# ("... on Tuesday. Advertisement continue reading the main story the agency says ..."): a
# capitalised "Advertisement" after a full stop (or opening the line) and before the next
# sentence, which such exports start in lower case. 198 of them in the 12,925 Multi-News
# documents of the scale set, a sample of 25 read by hand: all the slot's label.
_AD_MARK = re.compile(
    r"(?:^|(?<=[.!?\"”’']\s))Advertisement\b(?:\s*[-–—]?\s*continue reading "
    r"(?:below|the main story))?\s+(?=[a-z\"“]|Continue\b)", re.MULTILINE)


# A story's highlights (bullet points without their full stops) run into its first line up to
# the wire's dateline: "Story highlights pair are first ... in south korea from 9-25 february
# ( cnn ) in the small bavarian ...". The dateline's place cannot be told from the last
# bullet, so the cut runs to the dateline's end; without a dateline the bullets stay.
_HIGHLIGHTS = re.compile(r"^[ \t]*story highlights\b[^\n]{0,900}?\(\s*cnn\s*\)\s*(?:[-–—]+\s*)?",
                         re.IGNORECASE | re.MULTILINE)


# A newsletter sign-up box run into a one-line page, from its pitch to its error message:
# "Get daily updates directly to your inbox + subscribe thank you for subscribing! could not
# subscribe, try again later invalid email", "newsletter sign up continue reading the main
# story please verify you're not a robot ... Invalid email address. Please re-enter. You must
# select a newsletter to subscribe to. Sign up" (29 in the scale set).
_NEWSLETTER_BOX = re.compile(
    r"(?:\bget [\w ]{1,20}? updates directly to your inbox|\bnewsletter sign up)\b[^\n]{0,300}?"
    r"\binvalid email(?: address)?\b\.?(?:\s*please re-enter\.)?"
    r"(?:\s*you must select a newsletter to subscribe to\.)?(?:\s*sign up\b)?\s*",
    re.IGNORECASE)


# Page furniture run into a one-line page's text, each with its reason: the video player's
# notice (115 in the scale set), a newsletter promo in brackets, a CMS's article metadata.
_GLUED_FURNITURE = (
    (re.compile(r"\bmedia playback is unsupported on your device\b\s*", re.IGNORECASE),
     "video-player"),
    # where the page breaks the story for a box: "Story continued below" (91 in the scale set),
    # "continue reading the main story" (66), "continue reading below" (20)
    (re.compile(r"\b(?:(?:the )?story continue[sd] below|continue reading (?:the main story|"
                r"below))\b\s*", re.IGNORECASE), "continue-label"),

    (re.compile(r"\[\s*[^\]\n]{0,120}\bin your inbox\b[^\]\n]{0,40}\]\s*", re.IGNORECASE),
     "newsletter"),
    # markup left in an export's text: a tag, or an attribute holding an address ('Poster=
    # " http://.../x.jpg " true', 11 in the scale set, became a report's title)
    (re.compile(r"<[a-z][a-z0-9]*\b[^<>\n]{0,500}>\s*|\b[a-z-]{2,20}=\s*\"\s*https?://[^\"\s]*"
                r"\s*\"\s*(?:true\b|false\b)?\s*", re.IGNORECASE), "markup"),
    # a wire write-through's pick-up mark where its text stops: the first words of the
    # paragraph the rest follows from and where it stands in the version before ("...
    # peace accord. Clinton had hoped, 3rd graf pvs"; 9 of the 250 DUC 2004 stories)
    (re.compile(r"(?:^|(?<=[.!?\"”’] ))[A-Z][\w'’., -]{0,40}, \d{1,2}(?:st|nd|rd|th) grafs?"
                r"(?: p[rv]{1,2}s?)?[ \t]*$", re.MULTILINE), "wire-pickup"),
    (re.compile(r"^[ \t]*details\s+(?:published|created)(?: on)?\s[^\n]{0,40}?"
                r"(?:written by\s[^\n]{0,60}?)?hits:\s*\d+\s*", re.IGNORECASE | re.MULTILINE),
     "byline"),
)


# The labels of a picture's or a video's caption run into a page given as one line, not the
# caption: where it ends is not marked ("media caption lorenzo nunez described a ..." ran its
# speaker into the label). A line of its own ("Image caption The bridge ...") is a caption,
# which the line rules remove whole: only lines as long as a page's text are cut here.
_CAPTION_LABEL = re.compile(r"\bimage copyright\b.{0,60}?\bimage caption\b\s*|"
                            r"\b(?:media|image) caption\b\s*", re.IGNORECASE)
MIN_RUN_IN_LINE_WORDS = 100


def cut_glued_labels(text: str) -> tuple[str, list[RemovedBlock]]:
    """`text` without the advertisement labels glued between its sentences, nor highlights
    glued before a dateline, nor a newsletter box or other page furniture, and what was
    cut."""
    removed: list[RemovedBlock] = []
    for pattern, reason in ((_HIGHLIGHTS, "highlights"), (_NEWSLETTER_BOX, "newsletter"),
                            *_GLUED_FURNITURE):
        text = _cut(pattern, reason, text, removed)
    if _CAPTION_LABEL.search(text):  # most texts have none: no line is counted for them
        text = "\n".join(_cut(_CAPTION_LABEL, "caption-label", line, removed)
                          if word_count(line) >= MIN_RUN_IN_LINE_WORDS else line
                          for line in text.split("\n"))
    return _cut(_AD_MARK, "advertisement", text, removed), removed


def _cut(pattern: re.Pattern[str], reason: str, text: str, removed: list[RemovedBlock]) -> str:
    """`text` without what `pattern` matches, each match listed in `removed` with `reason`
    (one pass: the matches are collected as they are cut)."""
    def listed(match: re.Match[str]) -> str:
        removed.append(RemovedBlock(text=match.group().strip(), reason=reason))
        return ""
    return pattern.sub(listed, text)


def cut_glued_captions(text: str) -> tuple[str, list[RemovedBlock]]:
    """`text` with the captions glued into its lines cut out, and the captions."""
    lines, removed = [], []
    for line in text.splitlines():
        kept, captions = _cut_line(line)
        lines.append(kept)
        removed += [RemovedBlock(text=caption, reason="caption") for caption in captions]
    return "\n".join(lines), removed


def has_story_start(text: str) -> bool:
    """Whether `text` holds a wire story's opening ("caracas ( ap ) — ..."), however short
    the export cut it."""
    return bool(_STORY_START.search(text))


def _cut_line(line: str) -> tuple[str, list[str]]:
    credits = list(_CREDIT.finditer(line))
    # a line that ends with its only credit is a caption on its own line, however long (an
    # agency caption runs to 100 words): the line rules judge it whole
    if not credits or (len(credits) == 1 and not line[credits[0].end():].strip()):
        return line, []
    kept, captions, start = [], [], 0
    for credit in credits:
        story, caption = _split_caption(line[start:credit.start()])
        kept.append(story)
        captions.append((caption.strip(), credit.group(0)))
        start = credit.end()
    tail = line[start:]
    repeat = _repeated_caption(tail, [caption for caption, _ in captions])
    tail = tail[len(repeat):]
    kept.append(tail)
    cut = [f"{caption} {credit}".strip() for caption, credit in captions] + \
        ([repeat.strip()] if repeat.strip() else [])
    return " ".join(part.strip() for part in kept if part.strip()), cut


def _split_caption(segment: str) -> tuple[str, str]:
    """(story, caption) of the text before a credit. The caption starts at a sentence that
    opens the way wire captions do; failing that, it is the last whole sentences of at most
    MAX_GLUED_CAPTION_WORDS words, never the sentence under a dateline."""
    starts = [0, *(match.end() for match in _SENTENCE_START.finditer(segment))]
    if _DATELINE.match(segment):
        starts = starts[1:]
    for start in starts:
        if _CAPTION_OPENING.match(segment, start) \
                and word_count(segment[start:]) <= MAX_GLUED_CAPTION_WORDS:
            return segment[:start], segment[start:]
    # the words after a start only grow towards the segment's beginning: the earliest start
    # that leaves a caption's length is found from the end (a long page costs one pass)
    earliest = None
    for start in reversed(starts):
        if word_count(segment[start:]) > MAX_GLUED_CAPTION_WORDS:
            break
        earliest = start
    if earliest is None:
        return segment, ""
    return segment[:earliest], segment[earliest:]


def _repeated_caption(tail: str, captions: list[str]) -> str:
    """The opening of `tail` that repeats a caption already cut, up to the next sentence
    start after the repeated words (or all of a tail that is only the repeat)."""
    words = tail.split()
    if len(words) < REPEAT_PREFIX_WORDS:
        return ""
    prefix = " ".join(words[:REPEAT_PREFIX_WORDS]).lower()
    for caption in captions:
        caption_words = caption.split()
        if " ".join(caption_words[:REPEAT_PREFIX_WORDS]).lower() != prefix:
            continue
        if word_count(tail) <= MAX_GLUED_CAPTION_WORDS:
            return tail
        # the full caption runs at least as long as its truncated copy: it ends at the first
        # sentence start past that length
        after = [m.end() for m in _SENTENCE_START.finditer(tail) if m.end() >= len(caption)]
        return tail[:after[0]] if after else ""
    return ""
