import datetime as dt
import gzip
import io
import json

import pytest

from newsfuse.config import IngestConfig
from newsfuse.ingest import read

STORY = "A ferry ran aground near the harbour on Friday. All 80 passengers were rescued.\n"


def write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_text_file_title_and_date_line(tmp_path):
    path = write(tmp_path / "ferry.txt", (" date 2024-05-03 Ferry aground\n\n" + STORY).encode())
    [article] = read([path]).articles
    assert article.id == "ferry"
    assert article.title == "Ferry aground"
    assert article.published == dt.date(2024, 5, 3)
    assert article.raw.startswith("A ferry ran aground")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_legacy_and_bom_encodings_are_decoded(tmp_path, encoding):
    text = "Café owner said “closed” – ferry crew praised\n\n" + STORY
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("–", "-")
    path = write(tmp_path / f"story-{encoding}.txt", text.encode(encoding))
    [article] = read([path]).articles
    assert "Café" in article.title
    assert "80 passengers" in article.raw


def test_bad_items_are_named_and_the_batch_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", ("Ferry aground\n\n" + STORY).encode())
    empty = write(tmp_path / "empty.txt", b"   \n")
    binary = write(tmp_path / "image.txt", bytes(range(256)) * 40)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * 4_200_001)
    result = read([empty, binary, huge, good, tmp_path / "missing.txt"])
    assert [a.id for a in result.articles] == ["good"]
    messages = {e.item.rsplit("/", 1)[-1]: e.message for e in result.errors}
    assert messages["empty.txt"] == "empty file"
    assert "binary" in messages["image.txt"]
    assert "too large" in messages["huge.txt"]
    assert "no such file" in messages["missing.txt"]


def test_size_limit_is_configurable(tmp_path):
    path = write(tmp_path / "a.txt", ("Title\n\n" + STORY).encode())
    result = read([path], IngestConfig(max_bytes=10))
    assert not result.articles and "too large" in result.errors[0].message


def test_jsonl_records_and_bad_lines(tmp_path):
    lines = [json.dumps({"id": "x1", "title": "Ferry", "text": STORY, "source": "Port Post",
                         "published": "2024-05-03T10:00:00Z"}),
             "{not json", json.dumps({"id": "x2", "title": "Empty"})]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines).encode())
    result = read([path])
    [article] = result.articles
    assert (article.id, article.source) == ("x1", "Port Post")
    assert article.published == dt.date(2024, 5, 3)
    assert [e.item.rsplit("/", 1)[-1] for e in result.errors] == ["batch.jsonl line 2",
                                                                 "batch.jsonl line 3"]


def test_stdin_jsonl(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "s1", "text": STORY})))
    [article] = read(["-"]).articles
    assert article.id == "s1"


def test_gzipped_html_is_detected(tmp_path):
    html = f"<html><body><article><h1>Ferry</h1><p>{STORY}</p></article></body></html>"
    path = write(tmp_path / "page.html.gz", gzip.compress(html.encode()))
    [article] = read([path]).articles
    assert article.format == "html" and article.id == "page"


def test_rss_feed_items(tmp_path):
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Port Post</title>
    <item><title>Ferry aground</title><link>https://example.org/1</link>
    <pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
    </channel></rss>"""
    [article] = read([write(tmp_path / "feed.rss", feed.encode())]).articles
    assert (article.title, article.source, article.published) == (
        "Ferry aground", "Port Post", dt.date(2024, 5, 3))
    assert "80 passengers" in article.raw


def test_folder_is_read_recursively_and_ids_stay_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write(tmp_path / "a" / "story.txt", ("One\n\n" + STORY).encode())
    write(tmp_path / "b" / "story.txt", ("Two\n\n" + STORY).encode())
    ids = [a.id for a in read([tmp_path]).articles]
    assert ids == ["story", "story~2"]


def test_default_date_fills_only_missing_dates(tmp_path):
    dated = write(tmp_path / "d.txt", (" date 2024-05-03 T\n\n" + STORY).encode())
    undated = write(tmp_path / "u.txt", ("T\n\n" + STORY).encode())
    articles = read([dated, undated], IngestConfig(default_date=dt.date(2024, 6, 1))).articles
    assert [a.published for a in articles] == [dt.date(2024, 5, 3), dt.date(2024, 6, 1)]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_stray_nul_bytes_are_dropped_and_noted(tmp_path, encoding):
    from newsfuse.clean import clean

    text = "Café reopens in Brenna\n\nThe café on the square reopened on Monday after repairs."
    data = text.encode(encoding).replace(b"Monday", b"Mon\x00day") + b"\x00\n"
    [article] = read([write(tmp_path / "cafe.txt", data)]).articles
    assert "Monday after repairs." in article.raw and "\x00" not in article.raw
    cleaned = clean(article)
    assert cleaned.body == "The café on the square reopened on Monday after repairs."
    assert [(b.text, b.reason) for b in cleaned.removed] == [
        ("2 NUL byte(s) in the file", "control-characters")]


def test_many_nul_bytes_are_still_binary(tmp_path):
    data = b"Some text\x00\x00\x00 with\x00 many\x00 NULs\x00 in\x00 it" * 20
    result = read([write(tmp_path / "odd.txt", data)])
    assert not result.articles and "binary" in result.errors[0].message


def test_atom_feed_with_content(tmp_path):
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Fjord Wire</title>
    <entry><id>urn:fjord:17</id><title>Ferry aground</title>
    <link rel="alternate" href="https://example.org/17"/><updated>2024-05-03T22:30:00-05:00</updated>
    <summary>Short teaser.</summary>
    <content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>"""
    [article] = read([write(tmp_path / "wire.atom", feed.encode())]).articles
    assert (article.id, article.source, article.url) == ("urn:fjord:17", "Fjord Wire",
                                                         "https://example.org/17")
    assert article.published == dt.date(2024, 5, 4)  # 22:30 at UTC-5 is the 4th in UTC
    assert "80 passengers" in article.raw


def test_broken_real_world_feed_is_still_read(tmp_path):
    # what feeds in the wild do: a latin-1 declaration, an unescaped ampersand, an HTML entity
    # XML does not know, an item left unclosed, a date in a local format, RSS 0.92 without dates
    feed = """<?xml version="1.0" encoding="iso-8859-1"?>
<rss version="0.92"><channel><title>Valley Gazette & Co</title>
<item><title>Bridge reopens after repairs&nbsp;in Lindau</title>
<link>https://example.org/bridge?id=4&ref=rss</link>
<pubDate>Thursday, 14 March 2024 09:15</pubDate>
<description><![CDATA[<p>The old stone bridge in Lindau reopened to traffic on Thursday after
eight months of repairs costing 2.3 million euros, the town council said.</p>]]></description>
</item>
<item><title>Market hall fire</title><description>&lt;p&gt;A fire damaged the market hall
in Kessel early on Friday. Nobody was hurt, the fire brigade said.&lt;/p&gt;</description>
</channel></rss>"""
    result = read([write(tmp_path / "gazette.xml", feed.encode("utf-8"))])
    assert not result.errors
    bridge, market = result.articles
    assert bridge.source == "Valley Gazette & Co"
    assert bridge.title == "Bridge reopens after repairs\u00a0in Lindau"
    assert bridge.url == "https://example.org/bridge?id=4&ref=rss"
    assert bridge.published == dt.date(2024, 3, 14)
    assert "2.3 million euros" in bridge.raw
    assert "Nobody was hurt" in market.raw and market.published is None


def test_feed_without_items_and_garbage_are_named(tmp_path):
    empty = write(tmp_path / "empty.rss",
                  b"<rss version='2.0'><channel><title>T</title></channel></rss>")
    garbage = write(tmp_path / "bad.rss", b"<rss><<<< not a feed at all >>>")
    result = read([empty, garbage])
    assert not result.articles
    messages = {e.item.rsplit("/", 1)[-1]: e.message for e in result.errors}
    assert messages["empty.rss"] == "feed has no items"
    assert "feed" in messages["bad.rss"]


def test_a_text_opening_with_its_address_and_a_dateline_gives_url_title_and_date():
    from newsfuse.ingest.text import parse_text

    article = parse_text("a", "https://www.example-herald.test/2024/03/05/harbour-flood\n"
                              "Harbour flood closes Tessford port\n"
                              "March 5, 2024 | 4:10pm\n"
                              "The port of Tessford closed on Tuesday after the river rose.")
    assert article.url == "https://www.example-herald.test/2024/03/05/harbour-flood"
    assert article.title == "Harbour flood closes Tessford port"
    assert article.published == dt.date(2024, 3, 5)
    # a tokenised corpus writes the address with spaces; the day comes from its path
    spaced = parse_text("b", "http : / / news . example . test / 2019 / jul / 14 / dam - breach\n"
                             "Dam breach floods Orrin valley\n"
                             "Water poured through the Orrin dam overnight.")
    assert spaced.url == "http://news.example.test/2019/jul/14/dam-breach"
    assert spaced.title == "Dam breach floods Orrin valley"
    assert spaced.published == dt.date(2019, 7, 14)


def test_prose_naming_a_site_or_a_year_is_no_address_or_dateline():
    from newsfuse.ingest.text import parse_text

    article = parse_text("a", "www.example.test is where the council posts its notices\n"
                              "In 2014 the port closed after a storm.\n"
                              "It reopened a month later.")
    assert article.url is None and article.published is None
    assert article.title == "www.example.test is where the council posts its notices"


@pytest.mark.parametrize("dateline, day", [
    ("PUBLISHED : TUESDAY , OCT 8 , 2019 , 2 : 15 PM", dt.date(2019, 10, 8)),
    ("Posted on : 9 : 05 am , November 21 , 2017", dt.date(2017, 11, 21)),
    ("Last updated 18 : 40 23 / 06 / 2016", dt.date(2016, 6, 23)),
    ("7 : 45 AM PDT 3 / 9 / 2015", dt.date(2015, 3, 9)),
    ("Wed . , Feb . 4 , 2015 10 : 02 AM PST", dt.date(2015, 2, 4)),
    ("Saturday , August 29 - 2009 at 21 : 30", dt.date(2009, 8, 29)),
    ("UPDATED : 06 : 10 GMT , 2 June 2012 | UPDATED : 09 : 55 GMT , 3 June 2012",
     dt.date(2012, 6, 2)),
], ids=["labelled, weekday, time", "time before the date", "day first when it must be",
        "month first by default", "abbreviations with stops", "dash before the year",
        "first of two stamps"])
def test_a_tokenised_dateline_with_label_time_and_zone_gives_the_date(dateline, day):
    from newsfuse.ingest.text import parse_text

    article = parse_text("a", "Ferry capsizes off Velloran coast\n"
                              f"{dateline}\n"
                              "A ferry carrying 40 passengers capsized off the Velloran coast .")
    assert article.title == "Ferry capsizes off Velloran coast"
    assert article.published == day


def test_a_dateline_after_a_standfirst_is_found_but_prose_dates_are_not():
    from newsfuse.ingest.text import parse_text

    after_standfirst = parse_text(
        "a", "Orrin council approves new bridge\n"
             "The council voted 7 to 2 for the crossing after a long debate over its cost .\n"
             "Updated : March 12 , 2021 , 4 : 30 PM ET\n"
             "Work on the bridge starts in the spring .")
    assert after_standfirst.published == dt.date(2021, 3, 12)
    prose = parse_text("b", "Orrin council approves new bridge\n"
                            "The vote was held on March 12, 2021.\n"
                            "Work on the bridge starts in the spring.")
    assert prose.published is None
    too_deep = parse_text("c", "Orrin council approves new bridge\n"
                               "First paragraph of the story about the bridge vote.\n"
                               "Second paragraph of the story about the bridge vote.\n"
                               "Third paragraph of the story about the bridge vote.\n"
                               "March 12, 2021\n")
    assert too_deep.published is None


def test_a_tokenised_dateline_above_the_headline_leaves_the_headline_as_title():
    from newsfuse.ingest.text import parse_text

    article = parse_text("a", "http : / / www . example - post . test / 4410 - ferry - capsizes /\n"
                              "Oct 8 , 2019 , 2 : 15 PM\n"
                              "Ferry capsizes off Velloran coast\n"
                              "Updated 4 : 40 p . m . ET\n"
                              "A ferry carrying 40 passengers capsized off the Velloran coast .")
    assert article.url == "http://www.example-post.test/4410-ferry-capsizes/"
    assert article.title == "Ferry capsizes off Velloran coast"
    assert article.published == dt.date(2019, 10, 8)


@pytest.mark.parametrize("first_line", [
    "Image copyright Coast Pictures Image caption The pier was closed for a week",
    "Ferry captain Ola Brenn waits at the quay. (Tove Lind/Coast Daily)",
    "Coast Alerts Get storm alerts and harbour news. The stories that matter, delivered daily.",
    "LISTEN TO ARTICLE 3:10 SHARE THIS ARTICLE Share Tweet Post Email",
    "Photo",
])
def test_a_caption_promo_or_label_on_the_first_line_is_no_title(first_line):
    from newsfuse.clean import clean
    from newsfuse.ingest.text import parse_text

    article = parse_text("a", f"{first_line}\nThe harbour of Tolvik reopened on Sunday after the "
                         "storm, the port authority said.")
    assert article.title is None
    cleaned = clean(article)
    assert cleaned.body == ("The harbour of Tolvik reopened on Sunday after the storm, the port "
                            "authority said.")
    assert [block.text for block in cleaned.removed] == [first_line]


def test_a_headline_on_the_first_line_is_still_the_title():
    from newsfuse.ingest.text import parse_text

    article = parse_text("a", "Tolvik harbour reopens after storm\nThe harbour reopened on Sunday.")
    assert article.title == "Tolvik harbour reopens after storm"


def test_a_lede_paragraph_on_the_first_line_stays_in_the_body():
    from newsfuse.clean import clean
    from newsfuse.ingest.text import parse_text

    lede = ("A teenager whose legs were crushed in a rail accident on the Tolvik coast during his "
            "birthday celebrations has died in hospital, police say.")
    article = parse_text("a", f"{lede}\n\nHe was struck by a freight train in the early hours.")
    assert article.title is None
    assert clean(article).body.startswith(lede)
    # a short headline with a full stop is still a headline
    article = parse_text("b", "Ferry sinks off Tolvik.\nAll 112 passengers were rescued.")
    assert article.title == "Ferry sinks off Tolvik."
