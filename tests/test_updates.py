"""What's new in an event, read from its current report and the set of new articles."""

from newsfuse.cluster.updates import SUMMARY_WORDS, render_update, whats_new
from newsfuse.model import (
    ArticleInfo,
    Claim,
    Conflict,
    CorroboratedFact,
    EventReport,
    SummarySentence,
    UniqueFact,
)


def info(article_id: str, source: str) -> ArticleInfo:
    return ArticleInfo(id=article_id, title=f"Landslide report {article_id}", source=source,
                       url=None, published=None, words=100)


def claim(value: float, *sources: str, phrase: str = "") -> Claim:
    return Claim(value=value, qualifier=None, phrase=phrase or f"{value:g} people",
                 sentence=f"{value:g} people died.", sources=list(sources), unit="people")


def report() -> EventReport:
    articles = [info("a1", "Tarvik Daily"), info("a2", "Osle Radio"), info("a3", "Norvane Post")]
    return EventReport(
        title="Landslide in Tarvik", articles=articles,
        summary=[SummarySentence(text="A landslide buried part of Tarvik on Sunday.",
                                 sources=["a1", "a3"]),
                 SummarySentence(text="Rescuers reached the school on Monday.", sources=["a3"])],
        corroborated=[CorroboratedFact(text="The road to Tarvik was closed.",
                                       sources=["a1", "a2"], count=2)],
        conflicts=[
            Conflict(measure="people killed", compatible=False, reason="14 and 17 differ",
                     claims=[claim(14, "a1", "a2"), claim(17, "a3")]),
            Conflict(measure="homes destroyed", compatible=True, reason="rounding",
                     claims=[claim(30, "a1"), claim(32, "a2"), claim(31, "a3")]),
            Conflict(measure="people injured", compatible=False, reason="differ",
                     claims=[claim(5, "a1"), claim(9, "a2"), claim(5, "a3")]),
        ],
        unique=[UniqueFact(source="a3", text="A second slope is being watched by geologists."),
                UniqueFact(source="a1", text="The mayor cut short a trip abroad.")],
        quotes=[], entities=[], timeline=[])


def test_only_what_the_new_article_adds():
    update = whats_new("ev7", report(), {"a3"})
    assert [s.text for s in update.new_sources] == ["Norvane Post: Landslide report a3"]
    assert [s.text for s in update.summary] == [
        "Rescuers reached the school on Monday.",
        "A second slope is being watched by geologists."]
    assert all(s.cites == [3] for s in update.summary)
    (conflict,) = update.new_conflicts  # a1 and a2 agreed on 14; a3 says 17
    assert conflict.text == "people killed: 14 → 17 [3]"
    (changed,) = update.changed_figures
    assert changed.text == "homes destroyed: 30, 32 → 31 [3]"
    assert not update.new_figures  # a3's 5 injured repeats an earlier figure
    markdown = render_update(update)
    assert "people killed: 14 → 17 [3] (14 and 17 differ)" in markdown
    assert "The road to Tarvik" not in markdown and "mayor" not in markdown


def test_an_article_that_moved_into_the_event_is_not_new():
    update = whats_new("ev7", report(), set())  # a3 came from another event, not new
    assert update.is_empty() and "Nothing new." in render_update(update)
    assert whats_new("ev7", report(), {"elsewhere"}).is_empty()


def test_figures_only_new_articles_give_are_new_figures():
    update = whats_new("ev7", report(), {"a2", "a3"})
    texts = [c.text for c in update.new_figures + update.changed_figures]
    assert "homes destroyed: 30 → 32, 31 [2][3]" in texts
    assert not update.first_report
    assert whats_new("ev7", report(), {"a1", "a2", "a3"}).first_report


def test_summary_stays_within_its_word_budget():
    long = report()
    words = " ".join(["landslide"] * 60)
    long.unique = [UniqueFact(source="a3", text=f"{words} {n}.") for n in range(4)]
    update = whats_new("ev7", long, {"a3"})
    assert sum(len(s.text.split()) for s in update.summary) <= SUMMARY_WORDS
    assert len(update.summary) == 2  # the short sentence and one long fact
