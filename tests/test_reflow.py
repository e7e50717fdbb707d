"""Hard-wrapped text (wire copy, e-mail, TREC exports) becomes one paragraph a line."""

import textwrap

import pytest

from newsfuse.clean import clean
from newsfuse.clean.reflow import reflow, wrap_width
from newsfuse.ingest.text import parse_text
from newsfuse.model import Article
from newsfuse.segment import split

PARAGRAPHS = [
    "Flood barriers along the Tavira estuary held overnight as the river rose to its highest "
    "level in forty years, the regional water authority said on Saturday, while engineers "
    "kept watch on two older levees north of the town.",
    "About 1,200 residents of low-lying districts spent the night in school halls. “We have "
    "never seen the water this close to the houses,” said Marta Quelhas, who runs a bakery "
    "near the old bridge.",
    "Forecasters expect the rain to ease by Monday, but warned that the reservoir upstream "
    "remains close to capacity and that further releases could follow.",
]


def wrapped(width: int, separator: str = "\n\n", indent: str = "") -> str:
    return separator.join(textwrap.fill(p, width, initial_indent=indent) for p in PARAGRAPHS)


@pytest.mark.parametrize("width", [60, 70, 72, 78])
def test_blank_line_paragraphs_are_reflowed(width):
    assert reflow(wrapped(width)).split("\n") == PARAGRAPHS


def test_indented_paragraph_starts_without_blank_lines():
    assert reflow(wrapped(70, separator="\n", indent="   ")).split("\n") == PARAGRAPHS


def test_wire_style_trailing_spaces_and_one_paragraph():
    text = "\n".join(line + " " for line in textwrap.wrap(" ".join(PARAGRAPHS), 68))
    assert reflow(text) == " ".join(PARAGRAPHS)


def test_short_lines_keep_their_breaks_in_wrapped_text():
    text = "TAVIRA, Portugal (Wire)\n\n" + wrapped(70) + "\n\nContact: desk@example.org"
    lines = reflow(text).split("\n")
    assert lines[0] == "TAVIRA, Portugal (Wire)"
    assert lines[1:4] == PARAGRAPHS
    assert lines[-1] == "Contact: desk@example.org"


def test_hyphenated_compound_broken_at_its_hyphen():
    text = ("The committee approved the long-awaited plan after a vote that went two-\n"
            "thirds in favour of the proposal, officials of the northern district said\n"
            "after the meeting on Tuesday evening in the council chamber of the town.")
    assert "two-thirds in favour" in reflow(text)


def test_cjk_wrapped_text_joins_without_spaces():
    sentence = "台风在周五清晨登陆沿海地区，当地政府已经疏散了三千多名居民。" * 4
    lines = [sentence[i:i + 35] for i in range(0, len(sentence), 35)]
    assert reflow("\n".join(lines)) == sentence


@pytest.mark.parametrize("text", [
    "\n".join(PARAGRAPHS),  # one paragraph a line already
    "Home\nWorld\nSport\nBusiness\nWeather",  # a menu
    "Rain eases in the south\n\nA short note that ends here.",
    # a long URL over a capitalised line is not wrapping
    "https://example.org/news/2024/05/flood-barriers-hold-along-the-estuary\n"
    "Flood barriers hold\nMay 4, 2024",
])
def test_text_that_is_not_wrapped_is_unchanged(text):
    assert wrap_width(text.split("\n")) is None
    assert reflow(text) == text


def test_wrapped_text_file_title_and_unshredded_sentences():
    raw = "Estuary barriers hold as river peaks\n\n" + wrapped(70)
    article = clean(parse_text("tavira", raw))
    assert article.title == "Estuary barriers hold as river peaks"
    assert article.body.split("\n") == PARAGRAPHS
    assert not article.removed
    texts = [s.text for s in split(article)]
    assert "Forecasters expect the rain to ease by Monday, but warned that the reservoir " \
           "upstream remains close to capacity and that further releases could follow." in texts


def test_wrapped_text_still_loses_boilerplate():
    raw = wrapped(70) + "\n\nShare this article\n\nSign up for our newsletter to get alerts\n"
    article = clean(Article(id="w", raw=raw))
    assert article.body.split("\n") == PARAGRAPHS
    assert {b.reason for b in article.removed} == {"share-button", "promo"}
