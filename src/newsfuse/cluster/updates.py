"""What is new in an event: what its newest articles add to the current report.

The current report of the whole event already says which articles state each fact and each
figure, so "new" is read from it rather than from a diff of two reports (a diff calls every
reworded sentence new and every article that moved between events a new source):
* new sources: the articles that are new (fresh in the store, or published/ingested since a
  reader's date), never an old article that clustering moved into this event;
* summary: facts that only new articles state (summary sentences, then corroborated, then
  unique facts), cited, at most `SUMMARY_WORDS` words;
* figures, from the report's conflicts (quantities matched across sources by
  synthesize/conflicts.py, with readable measures): a figure of a new article for a quantity
  earlier articles gave differently is a changed figure ("people killed: 14 → 17 [3]"); figures
  only new articles give are new figures; and a disagreement that earlier articles alone did not
  have is a new conflict.
"""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel, Field

from newsfuse.model import Claim, Conflict, EventReport
from newsfuse.render.common import SourceIndex, format_claim, humanize_measure

# Words of the "what's new" summary: a paragraph a reader takes in at a glance (issue 10).
SUMMARY_WORDS = 100


class CitedText(BaseModel):
    text: str
    sources: list[str] = Field(description="Ids of the articles that state it")
    cites: list[int] = Field(description="Their citation numbers in the event's report")


class FigureChange(BaseModel):
    measure: str = Field(description="What is measured, in words")
    before: list[str] = Field(description="Values earlier articles give, as a reader reads them")
    after: list[str] = Field(description="Values the new articles give")
    sources: list[str] = Field(description="New articles giving them")
    sentence: str = Field(description="A new article's sentence stating it (for a citation)")
    cites: list[int]
    compatible: bool
    reason: str
    text: str = Field(description="One line, e.g. 'people killed: 14 → 17 [3]'")


class UpdateSummary(BaseModel):
    event_id: str
    title: str
    first_report: bool = Field(description="Nothing of the event was seen before")
    new_sources: list[CitedText] = []
    summary: list[CitedText] = Field([], description=f"At most {SUMMARY_WORDS} words, cited")
    changed_figures: list[FigureChange] = []
    new_figures: list[FigureChange] = []
    new_conflicts: list[FigureChange] = []

    def is_empty(self) -> bool:
        return not (self.new_sources or self.summary or self.changed_figures
                    or self.new_figures or self.new_conflicts)


def whats_new(event_id: str, report: EventReport, new_ids: Collection[str],
              first_report: bool = False) -> UpdateSummary:
    """What the articles `new_ids` add to the event whose current report is `report`."""
    index = SourceIndex(report.articles)
    new = {a.id for a in report.articles if a.id in set(new_ids)}
    update = UpdateSummary(event_id=event_id, title=report.title,
                           first_report=first_report or new == {a.id for a in report.articles})
    if not new:
        return update
    update.new_sources = [_cited(f"{a.source or a.id}: {a.title or 'untitled'}", [a.id], index)
                          for a in report.articles if a.id in new]
    update.summary = _summary(report, new, index)
    for conflict in report.conflicts:
        _place_figures(conflict, new, index, update)
    return update


def _summary(report: EventReport, new: set[str], index: SourceIndex) -> list[CitedText]:
    """Facts that only new articles state, in the report's order of importance."""
    candidates = [(s.text, s.sources) for s in report.summary]
    candidates += [(f.text, f.sources) for f in report.corroborated]
    candidates += [(f.text, [f.source]) for f in report.unique]
    chosen, seen, words = [], set(), 0
    for text, sources in candidates:
        key = " ".join(text.lower().split())
        length = len(text.split())
        if not sources or not set(sources) <= new or key in seen:
            continue
        if words + length > SUMMARY_WORDS:
            continue  # a shorter fact further down may still fit
        seen.add(key)
        words += length
        chosen.append(_cited(text, sources, index))
    return chosen


def _place_figures(conflict: Conflict, new: set[str], index: SourceIndex,
                   update: UpdateSummary) -> None:
    """Sort one quantity of the report into changed figures, new figures or new conflicts."""
    earlier = [c for c in conflict.claims if set(c.sources) - new]
    later = [c for c in conflict.claims if not set(c.sources) - new]
    if not later:
        return  # every value is also given by an earlier article
    earlier_values = {_value_key(c) for c in earlier}
    fresh = [c for c in later if _value_key(c) not in earlier_values]
    if not fresh:
        return
    sources = [s for c in fresh for s in c.sources]
    before = [format_claim(c) for c in earlier]
    after = [format_claim(c) for c in fresh]
    measure = humanize_measure(conflict.measure)
    cites = _numbers(sources, index)
    if not earlier:
        text = f"{measure}: {' / '.join(after)} {_brackets(cites)}"
    else:
        text = f"{measure}: {', '.join(before)} → {', '.join(after)} {_brackets(cites)}"
    change = FigureChange(measure=measure, before=before, after=after, sources=sources,
                          sentence=fresh[0].sentence, cites=cites,
                          compatible=conflict.compatible, reason=conflict.reason, text=text)
    if not conflict.compatible and len(earlier_values) < 2:
        update.new_conflicts.append(change)  # earlier articles alone agreed (or were alone)
    elif earlier:
        update.changed_figures.append(change)
    else:
        update.new_figures.append(change)


def _value_key(claim: Claim) -> tuple:
    return (claim.value, claim.unit, claim.date)


def _cited(text: str, sources: list[str], index: SourceIndex) -> CitedText:
    return CitedText(text=text, sources=list(dict.fromkeys(sources)),
                     cites=_numbers(sources, index))


def _numbers(sources: list[str], index: SourceIndex) -> list[int]:
    return [ref.number for ref in index.refs(sources) if ref.number is not None]


def _brackets(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def render_update(update: UpdateSummary) -> str:
    """Markdown for one event's update."""
    heading = "first report" if update.first_report else "what's new"
    lines = [f"# {update.title or update.event_id} ({update.event_id}): {heading}", ""]
    if update.is_empty():
        return "\n".join(lines + ["Nothing new.", ""])
    if update.summary:
        lines += [" ".join(f"{s.text} {_brackets(s.cites)}".strip() for s in update.summary), ""]
    sections = [
        ("New sources", [f"{s.text} {_brackets(s.cites)}" for s in update.new_sources]),
        ("Changed figures", [c.text for c in update.changed_figures]),
        ("New figures", [c.text for c in update.new_figures]),
        ("New conflicts", [f"{c.text} ({c.reason})" for c in update.new_conflicts]),
    ]
    for name, items in sections:
        if items:
            lines += [f"## {name}", "", *[f"- {item}" for item in items], ""]
    return "\n".join(lines)
