"""Markdown output: every section of the EventReport, citations as [n] into the sources table.

User text (titles, sentences, quotes) is escaped so it cannot open links, emphasis or raw HTML,
and so `|` and line breaks cannot break a table row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from newsfuse.model import Conflict, EventReport
from newsfuse.render.common import (
    SourceIndex,
    article_title,
    date_range,
    format_claim,
    format_date,
    humanize_measure,
    shorten,
)

# Characters that start Markdown constructs inside a line (emphasis, code, links, raw HTML).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# `&copy;` or `&#169;` would be shown as an entity by Markdown viewers; a lone & is harmless.
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def escape_inline(text: str) -> str:
    """Text safe inside a Markdown line or table cell: one line, specials backslash-escaped."""
    one_line = " ".join(text.split())
    return _ENTITY_LIKE.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", one_line))


def _cell(text: str | int | None) -> str:
    return escape_inline(str(text)) if text not in (None, "") else "–"


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


class _Writer:
    """Builds the document section by section; `cite` turns article ids into [1][3]."""

    def __init__(self, report: EventReport) -> None:
        self.report = report
        self.sources = SourceIndex(report.articles)

    def cite(self, article_ids: Iterable[str]) -> str:
        return "".join(f"[{escape_inline(ref.label)}]" for ref in self.sources.refs(article_ids))

    def header(self) -> list[str]:
        count = len(self.report.articles)
        facts = [f"schema {self.report.schema_version}",
                 f"{count} article{'' if count == 1 else 's'}"]
        if dates := date_range(self.report):
            facts.append(dates)
        return [f"# {escape_inline(self.report.title)}", "", "_" + " · ".join(facts) + "_"]

    def articles(self) -> list[str]:
        if not self.report.articles:
            return ["No articles."]
        rows = [
            [
                str(number),
                _cell(article.id),
                _cell(article.title),
                _cell(article.source),
                _cell(format_date(article.published)),
                str(article.words),
                _cell(article.duplicate_of),
            ]
            for number, article in enumerate(self.report.articles, start=1)
        ]
        header = ["#", "ID", "Title", "Outlet", "Date", "Words", "Duplicate of"]
        return _table(header, rows)

    def summary(self) -> list[str]:
        if not self.report.summary:
            return ["No summary could be written."]
        # One sentence per line: still one Markdown paragraph, but diffs and greps stay readable.
        return [
            f"{escape_inline(sentence.text)} {self.cite(sentence.sources)}".rstrip()
            for sentence in self.report.summary
        ]

    def corroborated(self) -> list[str]:
        if not self.report.corroborated:
            return ["No fact was reported by more than one source."]
        return [
            f"- **{fact.count} {'source' if fact.count == 1 else 'sources'}** — "
            f"{escape_inline(fact.text)} {self.cite(fact.sources)}"
            for fact in self.report.corroborated
        ]

    def conflicts(self) -> list[str]:
        if not self.report.conflicts:
            return ["No conflicts found."]
        lines: list[str] = []
        for conflict in self.report.conflicts:
            lines += self._conflict(conflict) + [""]
        return lines[:-1]

    def _conflict(self, conflict: Conflict) -> list[str]:
        verdict = "compatible" if conflict.compatible else "conflicting"
        title = f"### {escape_inline(humanize_measure(conflict.measure))} — {verdict}"
        rows = [
            [
                _cell(format_claim(claim)),
                _cell(claim.phrase),
                self.cite(claim.sources),
                _cell(claim.sentence),
            ]
            for claim in conflict.claims
        ]
        verdict_text = "Compatible" if conflict.compatible else "Not compatible"
        measure_code = conflict.measure.replace("`", "")
        return [
            title,
            "",
            f"Measure `{measure_code}`. {verdict_text}: {escape_inline(conflict.reason)}",
            "",
            *_table(["Value", "Phrase", "Sources", "Sentence"], rows),
        ]

    def unique(self) -> list[str]:
        if not self.report.unique:
            return ["No fact was reported by only one source."]
        by_source: dict[str, list[str]] = {}
        for fact in self.report.unique:
            by_source.setdefault(fact.source, []).append(fact.text)
        lines: list[str] = []
        for ref in self.sources.refs(by_source):
            lines += [f"**[{escape_inline(ref.label)}] {escape_inline(ref.title)}**", ""]
            lines += [f"- {escape_inline(text)}" for text in by_source[ref.article_id]] + [""]
        return lines[:-1]

    def quotes(self) -> list[str]:
        if not self.report.quotes:
            return ["No quotes found."]
        return [
            f"- “{escape_inline(quote.text)}” — "
            f"{escape_inline(quote.speaker) if quote.speaker else '_unattributed_'} "
            f"{self.cite([quote.source])}"
            for quote in self.report.quotes
        ]

    def entities(self) -> list[str]:
        if not self.report.entities:
            return ["No entities found."]
        rows = []
        for entity in self.report.entities:
            mentions = ", ".join(
                f"[{escape_inline(ref.label)}] ×{entity.mentions[ref.article_id]}"
                for ref in self.sources.refs(entity.mentions)
            )
            variants = ", ".join(escape_inline(variant) for variant in entity.variants)
            rows.append([_cell(entity.name), _cell(entity.type), variants or "–", mentions or "–"])
        return _table(["Name", "Type", "Variants", "Mentions per source"], rows)

    def timeline(self) -> list[str]:
        if not self.report.timeline:
            return ["No dated events found."]
        rows = [
            [
                format_date(entry.date),
                _cell(entry.expression),
                _cell(entry.text),
                self.cite(entry.sources),
            ]
            for entry in self.report.timeline
        ]
        return _table(["Date", "Expression", "Event", "Sources"], rows)

    def removed(self) -> list[str]:
        cleaned = [
            (n, article) for n, article in enumerate(self.report.articles, 1) if article.removed
        ]
        if not cleaned:
            return ["Nothing was removed from the articles."]
        lines: list[str] = []
        for number, article in cleaned:
            blocks = len(article.removed)
            lines.append(
                f"- [{number}] {escape_inline(article_title(article))} — "
                f"{blocks} {'block' if blocks == 1 else 'blocks'} removed"
            )
            lines += [
                f"  - _{escape_inline(block.reason)}_: {escape_inline(shorten(block.text))}"
                for block in article.removed
            ]
        return lines

    def errors(self) -> list[str]:
        if not self.report.errors:
            return ["All inputs were read."]
        return [
            f"- `{error.item.replace('`', '')}`: {escape_inline(error.message)}"
            for error in self.report.errors
        ]


_SECTIONS: list[tuple[str, Callable[[_Writer], list[str]]]] = [
    ("Sources", _Writer.articles),
    ("Summary", _Writer.summary),
    ("Corroborated facts", _Writer.corroborated),
    ("Conflicts", _Writer.conflicts),
    ("Unique facts", _Writer.unique),
    ("Quotes", _Writer.quotes),
    ("Entities", _Writer.entities),
    ("Timeline", _Writer.timeline),
    ("Removed boilerplate", _Writer.removed),
    ("Input errors", _Writer.errors),
]


def render_markdown(report: EventReport) -> str:
    """The whole report as GitHub-flavoured Markdown, ending with a newline."""
    writer = _Writer(report)
    lines = writer.header()
    for heading, section in _SECTIONS:
        lines += ["", f"## {heading}", "", *section(writer)]
    return "\n".join(lines) + "\n"
