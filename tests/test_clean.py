"""The clean stage end to end: scraped text, HTML with metadata, bad input, the real example."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from newsfuse.clean import NoArticleText, clean, clean_text
from newsfuse.config import CleanConfig
from newsfuse.ingest import read
from newsfuse.model import Article

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "ukraine-2022-02-28"


def _read_one(name: str) -> Article:
    result = read([FIXTURES / name])
    assert not result.errors
    return result.articles[0]


# ----------------------------------------------------------------------------- scraped text


def test_scraped_text_keeps_body_and_names_every_removal() -> None:
    cleaned = clean(_read_one("clean_scraped_article.txt"))
    body = cleaned.body.splitlines()
    assert len(body) == 4
    assert body[0].startswith("Floodwaters cut the coastal highway")
    assert "harbour master Ilse Varga" in body[2]
    assert body[3].endswith("small businesses.")
    reasons = {block.reason for block in cleaned.removed}
    assert reasons >= {"comment-widget", "cookie-banner", "markup", "related-link", "promo",
                       "tag-list", "share-button", "site-name", "debris", "heading",
                       "caption", "photo-credit", "video-caption", "author-note"}
    assert all(block.text.strip() for block in cleaned.removed)


def test_scraped_text_body_holds_no_caption_or_widget() -> None:
    body = clean(_read_one("clean_scraped_article.txt")).body
    for leftover in ("Photo by", "AFP", "shows", "Comment", "cookies", "click here", "Tags"):
        assert leftover not in body


def test_clean_returns_a_copy() -> None:
    article = _read_one("clean_scraped_article.txt")
    cleaned = clean(article)
    assert article.body == "" and article.removed == []
    assert cleaned.raw == article.raw and cleaned.id == article.id


def test_heading_removal_can_be_switched_off() -> None:
    raw = "Floods Reach The Old Town\nThe river rose two metres overnight, officials said."
    article = Article(id="a", raw=raw, format="text")
    assert clean(article).body == "The river rose two metres overnight, officials said."
    kept = clean(article, CleanConfig(max_heading_words=0)).body
    assert kept.splitlines()[0] == "Floods Reach The Old Town"


def test_clean_text_convenience() -> None:
    text = "Share\nThe river rose two metres overnight, officials said.\n\n0 Comments\n"
    assert clean_text(text) == "The river rose two metres overnight, officials said."


def test_json_article_uses_text_rules() -> None:
    article = Article(id="rec", format="json",
                      raw="The ferry sailed at dawn.\nTo Top\nPost a Comment")
    assert clean(article).body == "The ferry sailed at dawn."


# ----------------------------------------------------------------------------- HTML


def test_html_body_and_metadata() -> None:
    cleaned = clean(_read_one("clean_page.html"))
    assert cleaned.title == "Ferry service resumes after spring storm"
    assert cleaned.source == "Coastline Courier"
    assert cleaned.published == dt.date(2024, 5, 6)
    assert cleaned.url == "https://coastline-courier.example/news/ferry-service-resumes"
    body = cleaned.body
    assert body.startswith("Ferries between Lund Harbour")
    assert "Harbour director Tove Brandt said the storm" in body  # hover card gone, name kept
    assert "Port tolls to rise" not in body
    for leftover in ("newsletter", "READ MORE", "contributed to this report", "cookies",
                     "More stories", "All rights reserved", "Home"):
        assert leftover not in body
    assert len(body.splitlines()) == 5
    reasons = {block.reason for block in cleaned.removed}
    assert {"promo", "related-link", "author-note"} <= reasons


def test_html_metadata_does_not_override_ingest_fields() -> None:
    article = _read_one("clean_page.html").model_copy(
        update={"title": "Given title", "source": "Given source", "published": dt.date(2020, 1, 2)})
    cleaned = clean(article)
    assert (cleaned.title, cleaned.source, cleaned.published) == (
        "Given title", "Given source", dt.date(2020, 1, 2))


def test_truncated_html_still_yields_its_text() -> None:
    raw = "<html><body><div><p>The harbour reopened on Monday after the storm, officials said."
    assert "harbour reopened" in clean(Article(id="cut", raw=raw, format="html")).body


@pytest.mark.parametrize("raw", [
    "",
    "   \n",
    "<html><body><div></div></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "\x00\x01\x02<<<>>>",
])
def test_html_without_article_text_raises_clear_error(raw: str) -> None:
    article = Article(id="page-7", raw=raw, format="html", path="in/page-7.html")
    with pytest.raises(NoArticleText, match=r"^no article text found in in/page-7\.html$"):
        clean(article)


def test_broken_html_fixture_raises_value_error_naming_the_item() -> None:
    article = _read_one("clean_broken.html")
    with pytest.raises(ValueError, match="no article text found in .*clean_broken.html"):
        clean(article)


def test_empty_text_article_raises() -> None:
    with pytest.raises(NoArticleText, match="no article text found in blank"):
        clean(Article(id="blank", raw="\n\nShare\n", format="text"))


# ----------------------------------------------------------------------------- real example

# Boilerplate seen in the scraped example, as short patterns (no sentence of it is copied here).
EXAMPLE_BOILERPLATE = [
    r"Post a Comment", r"Leave a Reply", r"will not be published", r"\b0 Comments",
    r"Don't Spam", r"uses cookies", r"^Accept", r"^See also", r"Live Briefing", r"click here",
    r"^Tags$", r"^To Top$", r"^S7 News$", r"^\d+$", r"\(Photo by", r"/AFP", r"Getty",
    r"^Topshot", r"picture taken on", r"video grab", r"\(February 24, 2022\)$", r"^CBS News$",
    r"Enters Day Six$", r"With reporting by", r"Koshytsa Street", r"#buttons",
]
# Short pieces of body sentences that must survive, one or more per article.
EXAMPLE_BODY = [
    r"352 people including 16 children", r"Enough is enough!", r"immediate ceasefire",
    r"minute of silence", r"expelled 12 members", r"reconvene on the morning of March 1",
    r"KIEV, Ukraine \(AFP\)", r"more than 4,500 Russian soldiers", r"let them try",
    r"nuclear forces put on high alert", r"at least 376 civilian casualties",
    r"193-nation General Assembly", r"first direct negotiations", r"Kharkiv",
    r"extraordinary emergency meeting",
]


@pytest.fixture(scope="module")
def example_bodies() -> dict[str, str]:
    if not EXAMPLE.is_dir():
        pytest.skip(f"shared example not found at {EXAMPLE}")
    result = read([EXAMPLE])
    assert not result.errors and len(result.articles) == 5
    return {article.id: clean(article).body for article in result.articles}


def test_example_bodies_hold_no_boilerplate(example_bodies: dict[str, str]) -> None:
    for article_id, body in example_bodies.items():
        for line in body.splitlines():
            for pattern in EXAMPLE_BOILERPLATE:
                assert not re.search(pattern, line), (article_id, pattern, line[:80])


def test_example_bodies_keep_the_story(example_bodies: dict[str, str]) -> None:
    everything = "\n".join(example_bodies.values())
    for pattern in EXAMPLE_BODY:
        assert re.search(pattern, everything), pattern
    for article_id, body in example_bodies.items():
        assert len(body.split()) >= 150, article_id  # every article keeps most of its text


def test_closing_quote_marks_lost_to_a_wrong_encoding_are_mended() -> None:
    raw = ("The audit of the Tessaly water board, published on Monday, warns of an “expectations "
           "gap\ufffd? among farmers, and says the new pumps were “poorly specified.\ufffd? The "
           "board's chair, Ines Varga, called the findings “unfair\ufffd? and promised a reply.")
    body = clean(Article(id="audit", raw=raw, format="text")).body
    assert "\ufffd" not in body
    assert "an “expectations gap” among farmers" in body and "“unfair” and" in body
    # a text that closes its quotes keeps a replacement character it has for another reason
    kept = raw.replace("“unfair\ufffd?", "“unfair”")
    assert "\ufffd?" in clean(Article(id="audit", raw=kept, format="text")).body


def test_a_wire_dateline_gives_the_outlet_when_none_is_given() -> None:
    story = ("KESSELBY, Norland (Reuters) - The harbour reopened on Monday after the storm, the "
             "port authority said.\nShips queued outside the breakwater for most of the day.")
    assert clean(Article(id="w", raw=story, format="text")).source == "Reuters"
    # an outlet the user gave stays; a bracketed agency inside a sentence is no dateline
    given = Article(id="w", raw=story, format="text", source="Harbour Post")
    assert clean(given).source == "Harbour Post"
    inside = ("The harbour reopened on Monday (AP) - the port said, after the storm passed.\n"
              "Ships queued outside the breakwater for most of the day.")
    assert clean(Article(id="w", raw=inside, format="text")).source is None


def test_a_publication_stamp_the_rules_remove_dates_an_undated_article():
    raw = ("Graduate cannot find work because of his name\n\n"
           "Karim Haddad applied to 40 firms in Pune and none replied, he says. The court set "
           "a hearing on May 5 to hear his request to change his name.\n\n"
           "First Published: Mar 21, 2017 07:52 IST")
    article = clean(Article(id="stamp", raw=raw))
    assert article.published == dt.date(2017, 3, 21)
    assert any(block.reason == "byline" for block in article.removed)
    # a date the reader found stays; an update stamp is no publication date
    dated = clean(Article(id="dated", raw=raw, published=dt.date(2017, 3, 20)))
    assert dated.published == dt.date(2017, 3, 20)
    updated = clean(Article(id="updated", raw=raw.replace("First Published", "Updated")))
    assert updated.published is None


def test_a_stamp_glued_onto_the_first_sentence_dates_an_undated_article():
    # text exported as one line: the page's stamp runs straight into the lead
    raw = ("Published March 9 2019 A passenger ferry with 212 people aboard ran aground off "
           "Kelso Point on Saturday, the coastguard said. Nobody was hurt.")
    article = clean(Article(id="glued", raw=raw))
    assert article.published == dt.date(2019, 3, 9)
    assert article.body.startswith("A passenger ferry")
    updated = clean(Article(id="later", raw=raw.replace("Published", "Last updated at")))
    assert updated.published is None


def test_a_wire_signing_the_byline_is_the_outlet_of_an_article_given_none():
    raw = ("Ferry sinks off Tolvik\n\nBy Agence France-Presse\n\nAll 112 passengers of the ferry "
           "were rescued on Monday after it struck a reef off Tolvik, the coastguard said.")
    assert clean(Article(id="wire", raw=raw)).source == "Agence France-Presse"
    assert clean(Article(id="given", raw=raw, source="Coast Daily")).source == "Coast Daily"
    assert clean(Article(id="person", raw=raw.replace("Agence France-Presse", "Ana Ruiz"))
                 ).source is None


def test_zero_width_spaces_inside_words_are_dropped_from_title_and_body():
    raw = ("The \u200bHarbour Singers won the regional final\n\n"
           "The \u200bHarbour Singers, a choir from Port Ellis, won the regional final on "
           "Saturday with a programme of sea shanties.\n\n"
           "Their director, Mara Quint, said the choir had rehearsed for \u2060eight months "
           "and would now sing at the national final in the spring.")
    article = clean(Article(id="zw", raw=raw, title="The \u200bHarbour Singers won"))
    assert article.title == "The Harbour Singers won"
    assert "The Harbour Singers, a choir" in article.body
    assert not any(ch in article.body for ch in "\u200b\u2060\ufeff")


def test_a_desk_byline_is_neither_title_nor_body():
    from newsfuse.ingest.text import parse_text

    raw = ("Port Ellis Daily Staff\n\nAll 112 passengers of the ferry were rescued on Monday "
           "after it struck a reef off Tolvik, the coastguard said.\n\nDivers will inspect the "
           "hull on Tuesday, the ferry's owner said.")
    article = parse_text("desk", raw)
    assert article.title != "Port Ellis Daily Staff"
    body = clean(article).body
    assert "Daily Staff" not in body and body.startswith("All 112 passengers")
    # staff as the subject of a story's sentence is no byline
    assert "Hospital staff" in clean(Article(id="staff", raw=raw.replace(
        "Port Ellis Daily Staff", "Hospital staff were praised for the rescue."))).body


def test_a_quoted_section_heading_is_no_quote():
    raw = ("Port Ellis harbour inquiry reports\n\n"
           "The inquiry into the collapse of the Port Ellis harbour wall reported on Monday, "
           "finding that inspections had been skipped for six years.\n\n"
           "‘A failure of oversight’\n\n"
           "The report's authors said the port authority had ignored three warnings from "
           "engineers.\n\n"
           "“We will rebuild.”\n\n"
           "The mayor, Ana Ruiz, said repairs would start in May.")
    article = clean(Article(id="inquiry", raw=raw))
    assert "A failure of oversight" not in article.body
    assert any(b.reason == "heading" and "oversight" in b.text for b in article.removed)
    assert "“We will rebuild.”" in article.body  # a quoted paragraph ends its sentence


def test_a_share_bar_set_one_button_a_line_gives_no_title():
    from newsfuse.ingest.text import parse_text

    raw = ("Play Facebook\n\nTwitter\n\nGoogle Plus\n\nThe harbour wall at Port Ellis collapsed "
           "on Monday night, flooding the lower town, the coastguard said.\n\nNobody was hurt.")
    assert parse_text("bar", raw).title != "Play Facebook"


def test_two_sentences_run_together_get_their_space_back():
    raw = ("Ferry aground off Tolvik\n\nThe ferry struck a reef on Monday, the coastguard "
           "said.All 112 passengers were rescued by fishing boats.")
    body = clean(Article(id="glued", raw=raw)).body
    assert "said. All 112 passengers" in body
    assert "U.S.A" in clean(Article(id="initials", raw=raw.replace("Monday", "U.S.A. Day"))).body


# ----------------------------------------------------------------------------- teaser articles

_STORY_PARAGRAPHS = (
    "The Harlow Ferry Company said on Tuesday that its two oldest boats would be retired by the "
    "end of the summer, after inspectors found corrosion in both hulls.",
    "The company's director, Imogen Falk, said replacement vessels had been ordered from a yard "
    "in Rostock and would enter service in the spring.",
    "Passengers on the island route have complained for years about cancelled crossings, and the "
    "council has asked the company to publish a timetable for the changeover.",
)
_TEASERS = (
    "A bakery on Mill Lane has won a regional prize for its rye loaf, the third award in as many "
    "years for the family that runs it.",
    "Volunteers planted four hundred oak saplings along the old railway path at the weekend, "
    "despite rain that kept many families at home.",
    "The town library will stay open until nine on Thursdays from next month, its trustees "
    "announced after a survey of readers.",
)


def _page_with_teasers(story_holds_headline: bool) -> str:
    headline = "<h1>Ferry company to retire its two oldest boats</h1>"
    story = "".join(f"<p>{text}</p>" for text in _STORY_PARAGRAPHS)
    teasers = "".join(
        f'<article class="post"><img src="/i{i}.jpg"><p>{text} {text}</p>'
        f'<a href="/t{i}">Read more</a></article>' for i, text in enumerate(_TEASERS))
    inner = f"{headline}{story}" if story_holds_headline else story
    above = "" if story_holds_headline else headline
    return (f"<html><head><title>Ferry company</title></head><body>{above}<article>{inner}"
            f"</article><section><h2>You may also like</h2>{teasers}</section></body></html>")


def test_teaser_articles_beside_the_story_are_not_read_as_its_text() -> None:
    cleaned = clean(Article(id="ferry", raw=_page_with_teasers(True), format="html"))
    assert "corrosion in both hulls" in cleaned.body
    assert "rye loaf" not in cleaned.body
    assert "oak saplings" not in cleaned.body


def test_no_article_element_holds_the_headline_so_nothing_is_pruned() -> None:
    # The teasers here are the only <article> elements with text besides the story, so without a
    # headline inside an <article> there is no telling the story's element apart: keep it all.
    page = _page_with_teasers(False)
    cleaned = clean(Article(id="ferry", raw=page, format="html"))
    assert "corrosion in both hulls" in cleaned.body
