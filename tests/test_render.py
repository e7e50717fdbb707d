"""Render stage: JSON, Markdown and HTML of hand-built EventReports about an invented storm."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from newsfuse.model import (
    ArticleInfo,
    Claim,
    Conflict,
    CorroboratedFact,
    Entity,
    EventReport,
    InputError,
    Quote,
    RemovedBlock,
    SummarySentence,
    TimelineEntry,
    UniqueFact,
)
from newsfuse.render import (
    FORMATS,
    json_schema,
    render,
    render_html,
    render_json,
    render_markdown,
)
from newsfuse.render.common import format_value, humanize_measure, shorten
from newsfuse.render.markdown_render import escape_inline

HOSTILE = "<script>alert(1)</script> & \"quoted\" 'single' | pipe"


def storm_report() -> EventReport:
    """An invented event: a storm surge floods the fictional harbour town of Port Elswick."""
    day = dt.date(2031, 3, 14)
    return EventReport(
        title="Storm surge floods Port Elswick harbour",
        articles=[
            ArticleInfo(id="gazette", title="Harbour wall gives way in overnight surge",
                        source="Elswick Gazette", url="https://gazette.example/surge",
                        published=day, words=612,
                        removed=[RemovedBlock(text="Subscribe for 1 euro a week", reason="promo"),
                                 RemovedBlock(text="Home | Local | Weather " * 20,
                                              reason="navigation")]),
            ArticleInfo(id="coastal", title="Hundreds leave homes as sea breaches defences",
                        source="Coastal Daily", url=None, published=day, words=488),
            ArticleInfo(id="wire", title="Port Elswick evacuates lower town",
                        source="Northern Wire", url=None, published=dt.date(2031, 3, 15),
                        words=350),
            ArticleInfo(id="wire-copy", title="Port Elswick evacuates lower town",
                        source="Valley Post", url=None, published=dt.date(2031, 3, 15),
                        words=349, duplicate_of="wire"),
        ],
        summary=[
            SummarySentence(text="A storm surge broke through the harbour wall of Port Elswick "
                                 "late on Friday.", sources=["gazette", "coastal", "wire"]),
            SummarySentence(text="Residents of the lower town were moved to the sports hall.",
                            sources=["coastal", "wire"]),
            SummarySentence(text="The mayor promised a rebuilt wall within two years.",
                            sources=["gazette"]),
        ],
        corroborated=[
            CorroboratedFact(text="The harbour wall collapsed during the night.",
                             sources=["gazette", "coastal", "wire", "wire-copy"], count=3),
            CorroboratedFact(text="The sports hall served as an emergency shelter.",
                             sources=["coastal", "wire"], count=2),
        ],
        conflicts=[
            Conflict(
                measure="evacuated:residents",
                claims=[
                    Claim(value=1200, qualifier=None, phrase="1,200 residents",
                          sentence="Police said 1,200 residents were evacuated overnight.",
                          sources=["coastal"]),
                    Claim(value=900, qualifier="about", phrase="about 900 residents",
                          sentence="About 900 residents left the lower town.",
                          sources=["wire", "wire-copy"]),
                ],
                compatible=False,
                reason="1,200 and about 900 cannot both be the number evacuated.",
            ),
            Conflict(
                measure="injured:people",
                claims=[
                    Claim(value=12, qualifier="at least", phrase="at least 12 people",
                          sentence="At least 12 people were hurt.", sources=["gazette"]),
                    Claim(value=14, qualifier=None, phrase="14 people",
                          sentence="Doctors treated 14 people.", sources=["coastal"]),
                ],
                compatible=True,
                reason="14 satisfies 'at least 12'.",
            ),
        ],
        unique=[
            UniqueFact(source="gazette", text="A fishing trawler sank at its mooring."),
            UniqueFact(source="gazette", text="The lifeboat crew rescued two dogs."),
            UniqueFact(source="wire", text="Trains to the coast were suspended."),
        ],
        quotes=[
            Quote(text="We will rebuild the wall stronger than before", speaker="Mayor Ilse Varga",
                  source="gazette", sentence=4),
            Quote(text="The water came up the stairs in minutes", speaker=None,
                  source="coastal", sentence=7),
        ],
        entities=[
            Entity(name="Port Elswick", type="GPE", variants=["Port Elswick", "Elswick"],
                   mentions={"gazette": 5, "coastal": 3, "wire": 2}),
            Entity(name="Ilse Varga", type="PERSON", variants=["Mayor Varga", "Varga"],
                   mentions={"gazette": 2}),
        ],
        timeline=[
            TimelineEntry(date=day, expression="late on Friday",
                          text="The harbour wall gave way.", sources=["gazette", "coastal"]),
            TimelineEntry(date=None, expression="within two years",
                          text="A new wall is promised.", sources=["gazette"]),
        ],
        errors=[InputError(item="broken.html", message="not valid UTF-8 at byte 42")],
    )


def empty_report() -> EventReport:
    return EventReport(title="Nothing happened", articles=[], summary=[], corroborated=[],
                       conflicts=[], unique=[], quotes=[], entities=[], timeline=[])


def hostile_report() -> EventReport:
    """Every free-text field carries markup, ampersands, quotes and table pipes."""
    report = storm_report()
    data = report.model_dump()
    data["title"] = HOSTILE
    data["articles"][0]["title"] = HOSTILE
    data["articles"][0]["url"] = "javascript:alert(1)\" onmouseover=\"alert(2)"
    data["articles"][0]["removed"][0]["text"] = HOSTILE
    data["summary"][0]["text"] = HOSTILE
    data["corroborated"][0]["text"] = HOSTILE
    data["conflicts"][0]["claims"][0]["sentence"] = HOSTILE
    data["conflicts"][0]["claims"][0]["phrase"] = "<script>"
    data["conflicts"][0]["reason"] = HOSTILE
    data["unique"][0]["text"] = HOSTILE
    data["quotes"][0]["text"] = HOSTILE
    data["quotes"][0]["speaker"] = HOSTILE
    data["entities"][0]["name"] = HOSTILE
    data["entities"][0]["type"] = "\"><script>"
    data["timeline"][0]["text"] = HOSTILE
    data["errors"][0]["message"] = HOSTILE
    return EventReport.model_validate(data)


# --------------------------------------------------------------------------- dispatch


def test_render_dispatches_every_format() -> None:
    report = storm_report()
    assert render(report, "json") == render_json(report)
    assert render(report, "md") == render_markdown(report)
    assert render(report, "html") == render_html(report)
    assert FORMATS == ("json", "md", "html")


def test_render_rejects_unknown_format_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="'pdf'.*json, md, html"):
        render(storm_report(), "pdf")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("value", "text"), [(1200.0, "1,200"), (2.5, "2.5"), (0.125, "0.125"), (1 / 3, "0.333")]
)
def test_format_value(value: float, text: str) -> None:
    assert format_value(value) == text


def test_humanize_measure() -> None:
    assert humanize_measure("evacuated:residents") == "residents evacuated"
    assert humanize_measure("troops") == "troops"
    assert humanize_measure("none:boats") == "boats"


def test_shorten_cuts_at_a_word_with_ellipsis() -> None:
    assert shorten("one  two\nthree", 100) == "one two three"
    assert shorten("alpha beta gamma delta", 12) == "alpha beta…"


# --------------------------------------------------------------------------- JSON


def test_json_round_trips_and_is_versioned() -> None:
    report = storm_report()
    text = render_json(report)
    assert EventReport.model_validate_json(text) == report
    data = json.loads(text)
    assert data["schema_version"] == report.schema_version
    assert data["articles"][0]["published"] == "2031-03-14"
    assert data["timeline"][1]["date"] is None
    assert text.startswith("{\n  ")


def test_json_round_trips_hostile_text_unchanged() -> None:
    report = hostile_report()
    assert EventReport.model_validate_json(render_json(report)) == report


def test_json_schema_describes_event_report() -> None:
    schema = json.loads(json_schema())
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["title"] == "EventReport"
    assert {"summary", "conflicts", "timeline", "schema_version"} <= set(schema["properties"])
    assert "Conflict" in schema["$defs"]
    assert json_schema().startswith("{\n  ")


# --------------------------------------------------------------------------- Markdown


def _section(markdown: str, heading: str) -> str:
    """The body of one `## heading` section."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"section {heading!r} missing"
    return match.group(1)


def _table_rows(section: str) -> list[list[str]]:
    """Body rows of every table in the section (header and rule skipped), split on unescaped |."""
    lines = section.splitlines()
    rows = [
        line
        for number, line in enumerate(lines)
        if line.startswith("|") and number >= 2 and lines[number - 2].startswith("|")
        and lines[number - 1].startswith("|")
    ]
    rows = [row for row in rows if not row.startswith("|---")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_markdown_summary_sentences_carry_their_citations() -> None:
    summary = _section(render_markdown(storm_report()), "Summary")
    assert "late on Friday. [1][2][3]\n" in summary
    assert "moved to the sports hall. [2][3]\n" in summary
    assert "within two years. [1]\n" in summary


def test_markdown_sources_table_numbers_articles_in_order() -> None:
    rows = _table_rows(_section(render_markdown(storm_report()), "Sources"))
    assert [row[0] for row in rows] == ["1", "2", "3", "4"]
    assert rows[0][1:6] == ["gazette", "Harbour wall gives way in overnight surge",
                           "Elswick Gazette", "2031-03-14", "612"]
    assert rows[3][6] == "wire" and rows[0][6] == "–"


def test_markdown_conflicts_show_both_values_and_verdicts() -> None:
    conflicts = _section(render_markdown(storm_report()), "Conflicts")
    assert "### residents evacuated — conflicting" in conflicts
    assert "### people injured — compatible" in conflicts
    assert "Not compatible: 1,200 and about 900" in conflicts
    rows = _table_rows(conflicts)
    assert rows[0][:3] == ["1,200", "1,200 residents", "[2]"]
    assert rows[1][:3] == ["about 900", "about 900 residents", "[3][4]"]
    assert rows[2][0] == "at least 12"


def test_markdown_other_sections() -> None:
    markdown = render_markdown(storm_report())
    assert markdown.startswith("# Storm surge floods Port Elswick harbour\n")
    assert "- **3 sources** — The harbour wall collapsed during the night. [1][2][3][4]" in markdown
    unique = _section(markdown, "Unique facts")
    assert unique.index("A fishing trawler") < unique.index("**[3] Port Elswick evacuates")
    assert "- “We will rebuild the wall stronger than before” — Mayor Ilse Varga [1]" in markdown
    assert "— _unattributed_ [2]" in markdown
    entities = _table_rows(_section(markdown, "Entities"))
    assert entities[0] == ["Port Elswick", "GPE", "Port Elswick, Elswick",
                           "[1] ×5, [2] ×3, [3] ×2"]
    timeline = _table_rows(_section(markdown, "Timeline"))
    assert timeline[0] == ["2031-03-14", "late on Friday", "The harbour wall gave way.", "[1][2]"]
    assert timeline[1][0] == "undated"
    removed = _section(markdown, "Removed boilerplate")
    assert "- [1] Harbour wall gives way in overnight surge — 2 blocks removed" in removed
    assert "…" in removed and len(max(removed.splitlines(), key=len)) < 220
    assert "- `broken.html`: not valid UTF-8 at byte 42" in _section(markdown, "Input errors")


def test_markdown_escapes_text_that_would_break_tables_or_inject_html() -> None:
    markdown = render_markdown(hostile_report())
    assert "<script>" not in markdown
    assert r"\<script\>alert(1)\</script\>" in markdown
    for row in _table_rows(_section(markdown, "Sources")):
        assert len(row) == 7, row
    for row in _table_rows(_section(markdown, "Conflicts")):
        assert len(row) == 4, row
    assert escape_inline("a\nb | c") == r"a b \| c"
    assert escape_inline("AT&T &amp; co") == r"AT&T \&amp; co"


def test_markdown_empty_sections_say_so() -> None:
    markdown = render_markdown(empty_report())
    for message in ["No conflicts found.", "No summary could be written.", "No quotes found.",
                    "No entities found.", "No dated events found.", "All inputs were read.",
                    "No articles."]:
        assert message in markdown


# --------------------------------------------------------------------------- HTML


class _PageParser(HTMLParser):
    """Collects tags, attributes and the matrix cells of a rendered page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.matrix_rows: list[list[str]] = []
        self._in_matrix = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "table":
            self._in_matrix = attributes.get("class") == "matrix"
        elif self._in_matrix and tag == "tr":
            self.matrix_rows.append([])
        elif self._in_matrix and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_matrix = False
        elif self._in_matrix and tag in ("td", "th") and self._cell is not None:
            self.matrix_rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parse(page: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(page)
    return parser


def test_html_is_self_contained() -> None:
    page = render_html(storm_report())
    tags = _parse(page).tags
    assert page.startswith("<!DOCTYPE html>")
    assert not [t for t, a in tags if t == "link" or (t in ("script", "img") and a.get("src"))]
    assert "@import" not in page and "url(" not in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page.replace(
        'href="https://gazette.example/surge"', ""))


def test_html_summary_cites_link_to_source_anchors_with_titles() -> None:
    page = render_html(storm_report())
    assert re.search(
        r"late on Friday\.<span class=\"cites\">"
        r"<a class=\"cite\" href=\"#src-1\" title=\"Harbour wall gives way in overnight surge\">"
        r"\[1\]</a><a class=\"cite\" href=\"#src-2\"[^>]*>\[2\]</a>"
        r"<a class=\"cite\" href=\"#src-3\"[^>]*>\[3\]</a></span>", page)
    ids = {a.get("id") for _, a in _parse(page).tags}
    assert {"src-1", "src-2", "src-3", "src-4"} <= ids


def test_html_conflicts_show_every_claim_side_by_side() -> None:
    page = render_html(storm_report())
    assert page.count('<div class="claim">') == 4
    assert '<div class="value">1,200</div>' in page
    assert '<div class="qualifier">about</div>\n        <div class="value">900</div>' in page
    assert "<mark>About 900 residents</mark> left the lower town." in page
    assert ">Conflicting</span>" in page and ">Compatible</span>" in page


def test_html_coverage_matrix_ticks_exactly_the_reporting_articles() -> None:
    rows = _parse(render_html(storm_report())).matrix_rows
    assert rows[0] == ["Fact", "1", "2", "3", "4", "Σ"]
    body = {row[0]: row[1:] for row in rows[1:] if len(row) > 1}
    assert body["The harbour wall collapsed during the night."] == ["✓", "✓", "✓", "✓", "4"]
    assert body["The sports hall served as an emergency shelter."] == ["", "✓", "✓", "", "2"]
    assert body["residents evacuated: 1,200"] == ["", "✓", "", "", "1"]
    assert body["residents evacuated: about 900"] == ["", "", "✓", "✓", "2"]
    assert body["people injured: at least 12"] == ["✓", "", "", "", "1"]
    assert body["Trains to the coast were suspended."] == ["", "", "✓", "", "1"]
    groups = [row[0] for row in rows if len(row) == 1]
    assert groups == ["Corroborated facts", "Conflicting and compatible claims", "Unique facts"]


def test_html_other_sections() -> None:
    page = render_html(storm_report())
    assert '<span class="badge strong" title="independent sources">3&thinsp;×</span>' in page
    assert "<blockquote>We will rebuild the wall stronger than before</blockquote>" in page
    assert '<span class="speaker">Unattributed</span>' in page
    assert '<time datetime="2031-03-14">2031-03-14</time>' in page
    assert "<time>undated</time>" in page
    assert "<summary>2 removed blocks of boilerplate</summary>" in page
    assert 'duplicate of <span class="cites"><a class="cite" href="#src-3"' in page
    assert "<code>broken.html</code> not valid UTF-8 at byte 42" in page
    assert '<td class="variants">Elswick</td>' in page  # the canonical name is not repeated


def test_html_escapes_all_user_text() -> None:
    page = render_html(hostile_report())
    assert "<script>alert" not in page
    assert '"><script>' not in page
    assert page.count("<script>") == 1  # only the page's own print helper
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quoted&#34; &#39;single&#39;" in page
    assert 'onmouseover="alert' not in page
    assert "<mark>&lt;script&gt;</mark>alert(1)" in page  # highlight escapes both sides


def test_html_empty_report_renders_every_section_gracefully() -> None:
    page = render_html(empty_report())
    for message in ["No conflicts found.", "No summary could be written.", "No quotes found.",
                    "No entities found.", "No dated events found.", "No articles.",
                    "No facts to compare across sources."]:
        assert message in page
    assert 'id="errors"' not in page


def test_html_citation_of_unknown_article_is_kept_but_not_linked() -> None:
    data = storm_report().model_dump()
    data["summary"][0]["sources"] = ["ghost"]
    page = render_html(EventReport.model_validate(data))
    assert '<span class="cite missing" title="unknown article ghost">[ghost]</span>' in page


def test_html_links_only_http_urls() -> None:
    page = render_html(hostile_report())
    hrefs = [a["href"] for tag, a in _parse(page).tags if tag == "a" and a.get("href")]
    assert all(href.startswith(("#", "http://", "https://")) for href in hrefs), hrefs
    assert 'href="https://gazette.example/surge"' in render_html(storm_report())


def test_html_policy_allows_only_the_pages_own_script() -> None:
    page = render_html(storm_report())
    policy = next(a["content"] for tag, a in _parse(page).tags
                  if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert policy and "default-src 'none'" in policy
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
