"""Script-aware word counts: scripts without spaces are not one word per paragraph."""

import pytest

from newsfuse.clean import NoArticleText, clean
from newsfuse.clean.boilerplate import classify
from newsfuse.model import Article
from newsfuse.script import tokens, word_count


@pytest.mark.parametrize("text", ["Rain eases in the south.", "A – B, 3 dogs", "one"])
def test_spaced_text_counts_like_split(text):
    assert word_count(text) == len(text.split())


def test_cjk_and_thai_count_by_characters():
    chinese = "山区小镇昨晚突降暴雨，河水漫过堤岸，数百户居民连夜转移到安全地带。"
    assert 15 <= word_count(chinese) <= 25
    assert word_count("ฝนตกหนักทางภาคเหนือของประเทศเมื่อคืนนี้") >= 6
    assert tokens("河水 rose") == ["河", "水", "rose"]


def test_chinese_paragraph_is_not_a_heading():
    paragraph = ("山区小镇昨晚突降暴雨，河水漫过堤岸，数百户居民连夜转移到安全地带，"
                 "当地政府表示暂无人员伤亡")
    assert classify(paragraph) is None
    assert classify("暴雨袭击山区小镇") == "heading"


def test_chinese_article_keeps_its_body():
    raw = ("山区小镇昨晚突降暴雨，河水漫过堤岸，数百户居民连夜转移到安全地带\n"
           "当地政府表示，目前暂无人员伤亡报告，救援队伍仍在现场排查险情")
    article = clean(Article(id="zh", title="山区小镇遭遇暴雨", raw=raw))
    assert article.body.split("\n") == raw.split("\n")


def test_two_sentence_brief_is_an_article():
    raw = "Harbour pilots in Kessin ended their strike on Monday.\nShips resumed sailing by noon."
    article = clean(Article(id="brief", raw=raw))
    assert article.body == raw


def test_html_page_with_a_short_cjk_body_is_an_article():
    html = ("<html><head><title>暴雨</title></head><body><article><h1>山区小镇遭遇暴雨</h1>"
            "<p>山区小镇昨晚突降暴雨，数百户居民连夜转移。</p></article></body></html>")
    assert "数百户居民" in clean(Article(id="zh", raw=html, format="html")).body


def test_menu_only_page_is_still_rejected():
    with pytest.raises(NoArticleText):
        clean(Article(id="menu", raw="<html><body><p>Home</p></body></html>", format="html"))


def test_headline_only_brief_keeps_its_line():
    raw = "Night train derails near Vellmar without injuries to its 80 passengers"
    assert clean(Article(id="headline", raw=raw)).body == raw
