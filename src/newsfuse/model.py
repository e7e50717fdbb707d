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

    @property
    def item_name(self) -> str:
        """How errors name the article: its file, and which item of the file when the file
        holds several (a feed's item link, a JSONL record's id)."""
        if not self.path:
            return self.id
        base = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        while "." in base and self.id != base:  # "a1.txt.gz" is article a1 of its own file
            base = base.rsplit(".", 1)[0]
        return self.path if self.id in (base, self.path) else f"{self.path} [{self.id}]"


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


class Quantity(Record):
    """What a figure measures, read off the parse: kind and unit, the counted noun, the
    predicate and its arguments, the scope and the time frame it applies to."""

    kind: Literal["count", "money", "percent", "measure", "duration", "age", "ordinal",
                  "date", "year"]
    unit: str = Field(description="Counted noun lemma for counts ('resident'), ISO currency "
                      "for money ('EUR'), '%', a pint unit name for measures and durations "
                      "('meter', 'hour'), 'year' for ages, 'day' for dates")
    noun: str | None = Field(None, description="The noun the figure counts or belongs to")
    noun_phrase: str | None = Field(None, description="That noun with the nouns that name its "
                                    "kind before it ('spending plan', 'transfer fee'), when "
                                    "there are any")
    predicate: str | None = Field(None, description="Lemma of the verb governing the figure")
    what: str = Field("", description="Content words of the figure's neighbourhood in the "
                      "parse, e.g. 'resident evacuate Velloran'")
    scope: list[str] = Field([], description="Places and groups named next to the figure")
    time_frame: str | None = Field(None, description="Dates and phrases such as 'so far', "
                                   "'last season' attached to the figure")
    actor: str | None = Field(None, description="The person the figure belongs to: the "
                              "possessor of its noun or the subject of its verb")
    whole: str | None = Field(None, description="The whole a share is of: 'centrifuge' in "
                              "'half of its 19,000 centrifuges'")
    year: int | None = Field(None, description="The year the figure belongs to when the "
                             "sentence pins one ('the 2019 fire', 'in 2019')")
    update: bool = Field(False, description="The figure is stated as a new value of a running "
                         "count ('the toll rose to 52', 'climbed to 40')")
    estimate: bool = Field(False, description="The figure is stated as an estimate or a "
                           "likelihood ('likely killed more than 10,000', 'an estimated 2,000')")
    of_part: bool = Field(False, description="The figure is the whole a part is taken from "
                          "('ten' in 'nine of the ten turbines'): a count of the noun, with "
                          "no predicate of its own")
    dimension: str | None = Field(None, description="For a length: which one the sentence "
                                  "names ('length' in '72 feet long', 'depth' in '34 metres "
                                  "down' or 'a depth of 34 metres', 'height', 'width')")
    aspect: Literal["total", "part", "size", "change", "position", "threshold"] = Field(
        "total", description="part: a share of a total stated beside it ('including 16 "
        "children'); size: an attribute of a noun ('a 15-member council'); change: an "
        "increment ('three more', 'rose by 5'); position: how far one place lies from "
        "another ('140 miles south of the plant', '30 km north-east of Kesh'); threshold: "
        "what is needed or required ('the 316 votes needed for a majority')")


class NumericFact(Record):
    """A figure a sentence states, e.g. 'more than 3,000 people were evacuated'."""

    value: float = Field(description="In the base unit of its kind: metres, seconds, the "
                         "amount of money, percent, a day's ordinal for dates")
    qualifier: str | None = Field(None, description="'more than', 'at least', 'about', ...")
    unit: str = Field(description="Head noun of what is counted, or the unit")
    measure: str = Field(description="Readable label of what is measured (display only)")
    phrase: str
    source: str
    sentence: int
    quantity: Quantity | None = None
    date: dt.date | None = Field(None, description="For date claims: the day stated")


class DateMention(Record):
    text: str
    date: dt.date | None = Field(None, description="Resolved calendar date, None if unresolvable")
    relative: bool
    source: str
    sentence: int
    reporting: bool = Field(False, description="The date is when something was said "
                                               "('officials said on Tuesday')")


class Predicate(Record):
    """A verb (or a negated noun: 'no fatalities') of a sentence with its polarity and named
    arguments, read off the parse; the alignment uses it to tell a claim from its negation
    and one actor's deed from another's."""

    sentence: int
    start: int = Field(description="Character offset of the word into the article body")
    lemma: str
    negated: bool = False
    agent: str | None = Field(None, description="Proper name doing it ('Velmora' paid)")
    patient: str | None = Field(None, description="Proper name it is done to (signed 'Ferraz')")
    time: Literal["done", "ahead", ""] = Field(
        "", description="done: told as having happened ('elected', 'has lodged'); ahead: "
        "planned, expected or conditional ('will elect', 'would offer', 'threatened to "
        "lodge'); '' for a present tense or an unread one")


class Proposition(Record):
    """One clause of a sentence as a statement of its own: a verb with its subject and
    arguments, without the embedded clauses, appositives and attribution around it
    ("Treloar, the 61-year-old director, was acquitted, police said" -> "Treloar was
    acquitted"). The alignment compares these, so a fact told inside a longer sentence
    can be found stated elsewhere."""

    sentence: int
    start: int = Field(description="Character offset of its first word into the article body")
    end: int
    text: str
    spans: list[tuple[int, int]] = Field(
        default_factory=list, description="Character ranges of its words in the article body "
        "(more than one where an aside is left out)")


class AnnotatedDocument(Record):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    article: Article
    sentences: list[Sentence]
    entities: list[EntityMention] = []
    quotes: list[Quote] = []
    numbers: list[NumericFact] = []
    dates: list[DateMention] = []
    predicates: list[Predicate] = []
    propositions: list[Proposition] = []


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
    # Source id -> index (into the alignment's sentences) of its sentence stating the fact: not
    # serialised; unique facts leave these sentences out.
    stated_in: dict[str, int] = Field(default_factory=dict, exclude=True)


class Claim(Record):
    value: float
    qualifier: str | None
    phrase: str
    sentence: str
    sources: list[str]
    unit: str | None = Field(None, description="Unit of `value` (base unit of its kind)")
    date: dt.date | None = Field(None, description="For date claims: the day stated")


class Conflict(Record):
    measure: str = Field(description="What is measured, in words, e.g. 'people evacuated'")
    claims: list[Claim]
    compatible: bool = Field(description="True when all values can be true together")
    reason: str
    kind: str | None = Field(None, description="count, money, percent, measure, duration, "
                             "age, ordinal or date")
    quantity: Quantity | None = Field(None, description="What is measured, as a record")


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
