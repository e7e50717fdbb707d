"""Inline SVG drawn on the server: the event's timeline on a time axis.

Every text placed in the SVG goes through markupsafe escaping.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape

from newsfuse.model import EventReport

WIDTH, HEIGHT = 800, 130
LEFT, RIGHT = 130, 20  # room for the row labels; the right margin keeps the last dot whole
ROWS = {"timeline": 45, "articles": 80}
AXIS_Y = 105
# About this many dated ticks fit the width without overlapping labels (~80 px each).
MAX_TICKS = 7


@dataclass
class Dot:
    row: str
    day: dt.date
    label: str


def timeline_dots(report: EventReport) -> list[Dot]:
    dots = [Dot("timeline", entry.date, f"{entry.date}: {entry.text}")
            for entry in report.timeline if entry.date]
    dots += [Dot("articles", a.published, f"{a.published}: {a.source or ''} {a.title or a.id}")
             for a in report.articles if a.published]
    return dots


def timeline_svg(report: EventReport) -> Markup:
    """What happened when (from the text) and when each article came out, on one axis."""
    dots = timeline_dots(report)
    if not dots:
        return Markup("")
    first, last = min(d.day for d in dots), max(d.day for d in dots)
    span = max(1, (last - first).days)

    def x(day: dt.date) -> float:
        if first == last:
            return LEFT + (WIDTH - LEFT - RIGHT) / 2
        return LEFT + (day - first).days / span * (WIDTH - LEFT - RIGHT)

    parts = [Markup('<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>').format(
        LEFT, AXIS_Y, WIDTH - RIGHT, AXIS_Y)]
    labels = {"timeline": "Events in the text", "articles": "Articles published"}
    for row, y in ROWS.items():
        parts.append(Markup('<text x="4" y="{}">{}</text>').format(y + 4, labels[row]))
    for day in _ticks(first, last):
        parts.append(Markup(
            '<line class="axis" x1="{0:.1f}" y1="{1}" x2="{0:.1f}" y2="{2}"/>'
            '<text x="{0:.1f}" y="{3}" text-anchor="middle">{4}</text>').format(
            x(day), AXIS_Y, AXIS_Y + 5, AXIS_Y + 18, day.strftime("%-d %b %Y")))
    for dot in dots:
        css = "event-dot" if dot.row == "timeline" else "article-dot"
        parts.append(Markup(
            '<circle class="{}" cx="{:.1f}" cy="{}" r="6"><title>{}</title></circle>').format(
            css, x(dot.day), ROWS[dot.row], dot.label))
    body = Markup("").join(parts)
    return Markup(
        '<svg class="timeline-chart" viewBox="0 0 {} {}" role="img" '
        'aria-label="{}">{}</svg>').format(
        WIDTH, HEIGHT, escape(f"Timeline from {first} to {last}"), body)


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    days = (last - first).days
    if days == 0:
        return [first]
    step = max(1, -(-days // (MAX_TICKS - 1)))
    ticks = [first + dt.timedelta(days=k) for k in range(0, days + 1, step)]
    if ticks[-1] != last and (last - ticks[-1]).days * 2 >= step:
        ticks.append(last)
    return ticks


def bar_percent(value: float, values: list[float]) -> float:
    """Width of a claim's bar: its share of the largest value of the conflict (min 2%)."""
    largest = max((abs(v) for v in values), default=0.0)
    return 100.0 if largest == 0 else max(2.0, abs(value) / largest * 100.0)
