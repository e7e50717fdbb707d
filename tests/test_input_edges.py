"""Input as users hand it over, found by trying the CLI as a new user: over-long texts, feed
items of one paragraph, a copyright footer's year, a date line of its own, JSON records of the
wrong shape, and output and store paths that do not work. Invented articles throughout."""

from __future__ import annotations

import datetime as dt
import json
import re

from typer.testing import CliRunner

from newsfuse import api
from newsfuse.clean import clean
from newsfuse.clean.length import cut_text
from newsfuse.cli import app
from newsfuse.config import Config
from newsfuse.ingest import read
from newsfuse.model import Article, InputError

runner = CliRunner()

STORY = ("Ferry crews in Port Marren walked off the job on Monday, stranding about 4,000 "
         "passengers, the Marren Ferry Company said. The union wants a 12% pay rise. ")


def test_a_long_text_is_cut_at_a_sentence_end_with_a_warning_naming_it():
    config = Config()
    config.clean.max_chars = 600
    long = Article(id="long", raw="Ferry strike enters second week\n\n" + STORY * 20)
    short = Article(id="short", raw="Gull Island runs short of bread\n\n" + STORY)
    loaded, errors = api.load([long, short], config)
    assert [a.id for a in loaded] == ["long", "short"]
    body = loaded[0].body
    assert len(body) <= 600 and body.endswith(".") and (STORY * 20).startswith(body)
    [warning] = errors
    assert warning.item == "long" and warning.message.startswith("warning: text of ")


def test_cut_text_prefers_a_sentence_end_near_the_limit():
    text = "One short sentence. " * 10
    assert cut_text(text, 105) == ("One short sentence. " * 5).rstrip()
    assert cut_text("x" * 50, 20) == "x" * 20


def test_warnings_are_shown_as_warnings_and_brackets_as_written(capsys):
    from newsfuse.cli_common import report_errors

    report_errors([InputError(item="feed.rss [https://e.example/1]", message="warning: cut"),
                   InputError(item="feed.rss [https://e.example/2]", message="empty")])
    shown = capsys.readouterr().err
    assert "warning feed.rss [https://e.example/1]: cut" in shown
    assert "skipped feed.rss [https://e.example/2]: empty" in shown


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Marren Gazette</title>
<item><title>Water taxis for Gull Island</title><link>https://gazette.example/taxis</link>
<description>Mayor Olin Brask said on Tuesday that two water taxis would carry passengers to
Gull Island while the ferry strike lasts. About 3,500 people were stranded on Monday.
</description></item>
<item><title>Strike talks</title><link>https://gazette.example/talks</link>
<description>&lt;p&gt;Talks between the union and the Marren Ferry Company are set for
Wednesday, union leader Tessa Varga said on Tuesday.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://gazette.example/bare</link></item>
</channel></rss>"""


def test_feed_items_of_one_paragraph_are_read_and_an_empty_item_is_named(tmp_path):
    path = tmp_path / "gazette.rss"
    path.write_text(FEED, encoding="utf-8")
    loaded, errors = api.load([path])
    assert [a.title for a in loaded] == ["Water taxis for Gull Island", "Strike talks"]
    assert "3,500 people were stranded" in loaded[0].body
    assert "Tessa Varga" in loaded[1].body
    [error] = errors
    assert error.item == f"{path} [https://gazette.example/bare]"


def test_a_single_paragraph_page_is_an_article():
    page = f"<p>{STORY}Mayor Olin Brask promised water taxis.</p>"
    article = clean(Article(id="brief", raw=page, format="html"))
    assert article.body.startswith("Ferry crews in Port Marren")
    assert article.body.endswith("water taxis.")
    from newsfuse.clean.html import fragment_text

    assert fragment_text("<p>Crews struck.</p><script>track()</script><p>Talks set.</p>") \
        == "Crews struck.\nTalks set."


def test_a_copyright_year_is_no_publication_date_but_a_dated_page_keeps_its_date():
    body = f"<div><p>{STORY}</p><p>{STORY}</p></div>"
    footer = "<footer>© 2025 Marren Gazette. All rights reserved.</footer>"
    page = f"<html><head><title>Ferry strike</title></head><body>{body}{footer}</body></html>"
    assert clean(Article(id="p", raw=page, format="html")).published is None
    dated = page.replace("<head>", '<head><meta property="article:published_time" '
                                   'content="2025-01-01T08:00:00Z">')
    assert clean(Article(id="p", raw=dated, format="html")).published == dt.date(2025, 1, 1)


def test_a_date_line_of_its_own_is_followed_by_the_headline(tmp_path):
    path = tmp_path / "strike.txt"
    path.write_text("date 2025-03-11\nFerry strike halts crossings\n\n" + STORY, "utf-8")
    [article] = read([path]).articles
    assert article.title == "Ferry strike halts crossings"
    assert article.published == dt.date(2025, 3, 11)


def test_json_records_of_the_wrong_shape_say_what_is_wrong_and_the_rest_are_read(tmp_path):
    records = [{"id": "a", "text": STORY, "published": "not a date"},
               {"id": "b", "text": 789}, ["x"], {"id": "c", "text": "  "},
               {"id": "d", "html": f"<p>{STORY}</p>"}]
    path = tmp_path / "batch.json"
    path.write_text(json.dumps({"articles": records}), "utf-8")  # the HTTP API's body
    result = read([path])
    assert [a.id for a in result.articles] == ["a", "d"]
    messages = {e.item.rsplit("/", 1)[-1]: e.message for e in result.errors}
    assert messages == {
        "batch.json record 1": "warning: published date 'not a date' is no date; left unknown",
        "batch.json record 2": "record's 'text' is a number, not a string",
        "batch.json record 3": "record is an array, not a JSON object with 'text' or 'html'",
        "batch.json record 4": "record's text is empty",
    }


def test_output_into_a_new_folder_is_written_and_onto_a_folder_is_an_error(tmp_path):
    from tests.conftest import DEMO

    target = tmp_path / "new" / "folder" / "summary.md"
    assert runner.invoke(app, ["analyze", str(DEMO), "-f", "md", "-o", str(target)]).exit_code \
        == 0
    assert target.read_text(encoding="utf-8").startswith("#")
    result = runner.invoke(app, ["analyze", str(DEMO), "-f", "md", "-o", str(tmp_path)])
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert "Traceback" not in result.output


def test_a_summary_budget_out_of_range_is_a_usage_error():
    from tests.conftest import DEMO

    assert runner.invoke(app, ["summarize", str(DEMO), "--max-words", "-5"]).exit_code == 2


def test_a_store_url_that_opens_nothing_is_one_line_and_hides_the_password(tmp_path):
    for url in (f"sqlite:///{tmp_path}/missing/x.db", "notaurl", "nosuchdialect://host/db"):
        result = runner.invoke(app, ["events", "--db", url])
        assert result.exit_code == 1, url
        assert result.stderr.startswith("error: cannot open the store"), result.stderr
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("not a database " * 100)
    result = runner.invoke(app, ["events", "--db", f"sqlite:///{not_a_db}"])
    assert result.exit_code == 1 and "file is not a database" in result.stderr
    from newsfuse.cli_common import shown_url

    assert "secret" not in shown_url("postgresql+psycopg://u:secret@db.example/x")


def test_clean_of_a_feed_names_each_item_and_exits_partial_when_one_is_skipped(tmp_path):
    path = tmp_path / "gazette.rss"
    path.write_text(FEED, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(path)])
    assert result.exit_code == 3
    assert f"==> {path} [https://gazette.example/taxis] <==" in result.stdout
    assert f"==> {path} [https://gazette.example/talks] <==" in result.stdout


def test_a_wire_dateline_opening_the_story_dates_it_and_prose_dates_do_not(tmp_path):
    wire = tmp_path / "wire.txt"
    wire.write_text("Ferry strike ends after nine days\n\nPORT MARREN, Jan. 3, 2025 — " + STORY)
    prose = tmp_path / "prose.txt"
    prose.write_text("Council vote lost in chamber\n\nThe vote on March 3, 2019 - a close one - "
                     "was lost. " + STORY)
    dated = {a.id: a.published for a in read([wire, prose]).articles}
    assert dated == {"wire": dt.date(2025, 1, 3), "prose": None}


def test_a_site_name_after_a_bar_leaves_the_headline():
    from newsfuse.clean.html import extract

    title = "Ferry strike strands thousands | Marren Gazette - Local News, Sport &amp; Weather"
    page = (f"<html><head><title>{title}</title></head>"
            f"<body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>")
    assert extract(page).title == "Ferry strike strands thousands"


def test_a_report_of_one_article_says_article():
    from newsfuse.render import render_markdown

    report = api.analyze([Article(id="one", raw="Ferry strike halts crossings\n\n" + STORY)])
    assert re.search(r"· 1 article(?!s)", render_markdown(report))


def test_a_folder_analysed_twice_skips_the_first_runs_reports(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"Ferry strike halts crossings\n\n{STORY}")
    for fmt, name, code in (("json", "report.json", 0), ("html", "report.html", 3)):
        assert runner.invoke(app, ["analyze", str(tmp_path), "-f", fmt, "-o",
                                   str(tmp_path / name)]).exit_code == code
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "json"])
    assert result.exit_code == 3
    assert result.stderr.count("a newsfuse report (an earlier run's output)") == 2
    assert len(json.loads(result.stdout)["articles"]) == 2
