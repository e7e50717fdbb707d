"""Typed records passed between pipeline stages, and the one report schema.

Every output format (JSON, Markdown, HTML, HTTP) is rendered from `EventReport`;
`newsfuse schema` prints its JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- ingest / clean


class RemovedBlock(Record):
    """A piece of the raw text that cleaning dropped, with the rule that dropped it."""

    text: str
    reason: str


class Article(Record):
    """One news article. `ingest` fills the raw fields; `clean` fills `body` and `removed`."""

    id: str
    title: str | None = None
    source: str | None = Field(None, description="Outlet name, when known")
    url: str | None = None
    published: dt.date | None = None
    path: str | None = Field(None, description="File the article was read from")
    format: Literal["text", "html", "json"] = "text"
    encoding: str | None = None
    raw: str = Field("", exclude=True, description="Text or HTML as read; not serialised")
    body: str = ""
    removed: list[RemovedBlock] = []


class InputError(Record):
    """An input item that could not be read; the batch carries on without it."""

    item: str
    message: str


# --------------------------------------------------------------------------- segment / nlp


class Sentence(Record):
    doc_id: str
    index: int
    start: int = Field(description="Character offset into the article body")
    end: int
    text: str
    caption: bool = Field(False, description="From a photo caption the clean stage removed; "
                          "offsets point into that caption. Used for figures, never summarised")


class EntityMention(Record):
    text: str
    label: str
    sentence: int
    start: int
    end: int


class Quote(Record):
    text: str
    speaker: str | None
    source: str = Field(description="Article id")
    sentence: int = Field(description="Index of the sentence where the quote starts")


class NumericFact(Record):
    """A number with what it counts, e.g. 'over one thousand troops' lost -> 1000 troops."""

    value: float
    qualifier: str | None = Field(None, description="'more than', 'at least', 'about', ...")
    unit: str = Field(description="Head noun of what is counted, e.g. 'people', 'troops'")
    measure: str = Field(description="Normalised measured thing, e.g. 'killed:people'")
    phrase: str
    source: str
    sentence: int


class DateMention(Record):
    text: str
    date: dt.date | None = Field(None, description="Resolved calendar date, None if unresolvable")
    relative: bool
    source: str
    sentence: int
    reporting: bool = Field(False, description="The date is when something was said "
                                               "('officials said on Tuesday')")


class AnnotatedDocument(Record):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    article: Article
    sentences: list[Sentence]
    entities: list[EntityMention] = []
    quotes: list[Quote] = []
    numbers: list[NumericFact] = []
    dates: list[DateMention] = []


# --------------------------------------------------------------------------- report


class ArticleInfo(Record):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    words: int
    duplicate_of: str | None = Field(None, description="Id of the article this one copies")
    removed: list[RemovedBlock] = []


class SummarySentence(Record):
    text: str
    sources: list[str] = Field(description="Ids of every article reporting this content")


class CorroboratedFact(Record):
    text: str
    sources: list[str]
    count: int = Field(description="Number of independent sources (near-duplicates count once)")


class Claim(Record):
    value: float
    qualifier: str | None
    phrase: str
    sentence: str
    sources: list[str]


class Conflict(Record):
    measure: str = Field(description="What is measured, e.g. 'killed:people'")
    claims: list[Claim]
    compatible: bool = Field(description="True when all values can be true together")
    reason: str


class UniqueFact(Record):
    source: str
    text: str


class Entity(Record):
    name: str
    type: str
    variants: list[str]
    mentions: dict[str, int] = Field(description="Mentions per article id")


class TimelineEntry(Record):
    date: dt.date | None
    expression: str = Field(description="The date as written, e.g. 'on Sunday'")
    text: str
    sources: list[str]


class EventReport(Record):
    schema_version: str = SCHEMA_VERSION
    title: str
    articles: list[ArticleInfo]
    summary: list[SummarySentence]
    corroborated: list[CorroboratedFact]
    conflicts: list[Conflict]
    unique: list[UniqueFact]
    quotes: list[Quote]
    entities: list[Entity]
    timeline: list[TimelineEntry]
    errors: list[InputError] = []
