"""What is new in an event since its last report: facts, numbers, conflicts, sources."""

from __future__ import annotations

import re

from pydantic import BaseModel

from newsfuse.model import EventReport


class NumberChange(BaseModel):
    measure: str
    before: list[float]
    after: list[float]


class UpdateSummary(BaseModel):
    event_id: str
    title: str
    first_report: bool
    new_sources: list[str] = []
    new_facts: list[str] = []
    new_numbers: list[NumberChange] = []
    changed_numbers: list[NumberChange] = []
    new_conflicts: list[str] = []

    def is_empty(self) -> bool:
        return not (self.new_sources or self.new_facts or self.new_numbers
                    or self.changed_numbers or self.new_conflicts)


Numbers = dict[str, list[float]]


def diff_reports(event_id: str, old: EventReport | None, new: EventReport,
                 numbers_before: Numbers | None = None,
                 numbers_after: Numbers | None = None) -> UpdateSummary:
    """Compare two reports of one event; with no old report everything is new.

    `numbers_before/after` (measure -> values stated by the articles of each report) give the
    new and changed numbers; without them, the numbers in the reports' conflicts are used.
    """
    before = old or EventReport(title="", articles=[], summary=[], corroborated=[],
                                conflicts=[], unique=[], quotes=[], entities=[], timeline=[])
    old_numbers = numbers_before if numbers_before is not None else _numbers(before)
    new_numbers = numbers_after if numbers_after is not None else _numbers(new)
    return UpdateSummary(
        event_id=event_id,
        title=new.title,
        first_report=old is None,
        new_sources=_new_sources(before, new),
        new_facts=[text for text in _facts(new) if _key(text) not in
                   {_key(t) for t in _facts(before)}],
        new_numbers=[NumberChange(measure=m, before=[], after=v)
                     for m, v in new_numbers.items() if m not in old_numbers],
        changed_numbers=[NumberChange(measure=m, before=old_numbers[m], after=v)
                         for m, v in new_numbers.items()
                         if m in old_numbers and old_numbers[m] != v],
        new_conflicts=[_conflict_line(c) for c in new.conflicts if not c.compatible
                       and c.measure not in {o.measure for o in before.conflicts
                                             if not o.compatible}],
    )


def render_update(update: UpdateSummary) -> str:
    """Markdown for one event's update."""
    heading = "first report" if update.first_report else "new since the last report"
    lines = [f"# {update.title or update.event_id} ({update.event_id}): {heading}", ""]
    if update.is_empty():
        return "\n".join(lines + ["Nothing new.", ""])
    sections = [
        ("New sources", update.new_sources),
        ("New facts", update.new_facts),
        ("New numbers", [_number_line(c) for c in update.new_numbers]),
        ("Changed numbers", [_number_line(c) for c in update.changed_numbers]),
        ("New conflicts", update.new_conflicts),
    ]
    for name, items in sections:
        if items:
            lines += [f"## {name}", "", *[f"- {item}" for item in items], ""]
    return "\n".join(lines)


def _new_sources(old: EventReport, new: EventReport) -> list[str]:
    known = {a.id for a in old.articles}
    return [f"{a.source or a.id} ({a.id})" for a in new.articles if a.id not in known]


def _facts(report: EventReport) -> list[str]:
    texts = [s.text for s in report.summary]
    texts += [f.text for f in report.corroborated]
    texts += [f.text for f in report.unique]
    seen, unique = set(), []
    for text in texts:
        if _key(text) not in seen:
            seen.add(_key(text))
            unique.append(text)
    return unique


def _numbers(report: EventReport) -> dict[str, list[float]]:
    values: dict[str, set[float]] = {}
    for conflict in report.conflicts:
        values.setdefault(conflict.measure, set()).update(c.value for c in conflict.claims)
    return {measure: sorted(v) for measure, v in values.items()}


def _conflict_line(conflict) -> str:
    claims = "; ".join(f"{_value(c.value)} ({', '.join(c.sources)})" for c in conflict.claims)
    return f"{conflict.measure}: {claims} ({conflict.reason})"


def _number_line(change: NumberChange) -> str:
    after = ", ".join(_value(v) for v in change.after)
    if not change.before:
        return f"{change.measure}: {after}"
    return f"{change.measure}: {', '.join(_value(v) for v in change.before)} -> {after}"


def _value(value: float) -> str:
    return f"{value:g}"


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
