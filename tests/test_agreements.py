"""Figures that independent sources give alike are corroborated facts (conflicts.Agreement,
corroborate._agreed_fact): invented articles, the real parse and MiniLM vectors (offline)."""

import datetime as dt

import pytest

from newsfuse.api import analyze
from newsfuse.model import Article, Quantity
from newsfuse.synthesize import report as report_module
from newsfuse.synthesize.conflicts import _distinctive

DAY = dt.date(2031, 2, 17)

TOLL = {
    "a": "Two climbers died when an avalanche swept across the Dorrach Pass on Monday "
         "morning, and rescue teams spent the afternoon searching the slope for a guide.",
    "b": "Two deaths have been confirmed by the mountain rescue service in Kellan. "
         "The pass will stay closed until the snow settles, the service said.",
}
COST = {
    "a": "Councillors in Brennick approved $48 million for the new tram line on Tuesday after "
         "a heated four-hour debate that ran past midnight.",
    "b": "Residents packed the gallery. The tram project will cost 48 million dollars, the "
         "finance chief told reporters, and work starts in June.",
}


def corroborated(bodies: dict[str, str]) -> list[str]:
    found = analyze([Article(id=k, source=f"Outlet {k}", body=v, published=DAY)
                     for k, v in bodies.items()]).corroborated
    return [f.text for f in found if f.sources == ["a", "b"]]


@pytest.fixture
def no_agreements(monkeypatch):
    compare = report_module.compare_figures
    monkeypatch.setattr(report_module, "compare_figures",
                        lambda *args: (compare(*args)[0], []))


def test_a_toll_told_in_other_words_is_corroborated():
    assert "Two deaths have been confirmed by the mountain rescue service in Kellan." in \
        corroborated(TOLL)


def test_an_amount_given_alike_is_corroborated_as_the_clause_that_holds_it():
    # the clause with the figure, without the attribution and what only one source gives
    assert "The tram project will cost 48 million dollars." in corroborated(COST)


def test_without_the_shared_figure_the_sentences_alone_corroborate_neither(no_agreements):
    assert not any("Two deaths" in t for t in corroborated(TOLL))
    assert not any("48 million" in t for t in corroborated(COST))


def test_a_small_count_of_anything_needs_more_than_the_number():
    sides = Quantity(kind="count", unit="side", noun="side", predicate="meet", what="side meet")
    deaths = Quantity(kind="count", unit="death", noun="death", what="death confirm")
    assert not _distinctive(sides, 2)
    assert _distinctive(deaths, 2) and _distinctive(sides, 187)


def test_sentences_that_echo_each_other_and_give_one_day_agree_on_it():
    from newsfuse.synthesize.corroborate import echoed_figures
    from tests.test_align import build

    alignment = build({
        "a": ["A jury convicted the shipping financier Orvik in March of fraud after a "
              "long trial."],
        "b": ["A jury found Orvik guilty on every count in March."]})
    # a's sentence is echoed by b's under the citing bar (b's is cited for a's only there)
    march = ("date", 1.0, "in March")
    found = echoed_figures(alignment, {("a", 0): [march], ("b", 0): [march]})
    assert [sorted(a.stated) for a in found] == [["a", "b"]]
    april = ("date", 2.0, "in April")
    assert echoed_figures(alignment, {("a", 0): [march], ("b", 0): [april]}) == []


def test_a_subordinate_clause_is_no_wording_of_a_fact():
    from newsfuse.synthesize.corroborate import _reads_alone

    assert not _reads_alone("When the old dam gave way on Sunday")
    assert not _reads_alone("The old dam, which broke two days ago")
    assert _reads_alone("The old dam gave way on Sunday")


NO_HARM = {
    "a": "A fire swept through the Harnby grain depot on Sunday night and burned until dawn. "
         "No deaths have been reported, the county fire service said on Monday.",
    "b": "The blaze at Harnby's depot was brought under control early on Monday, firefighters "
         "said. Nobody has been killed.",
}


def test_two_sources_saying_nobody_died_corroborate_each_other():
    texts = corroborated(NO_HARM)
    assert any("No deaths" in text or "Nobody has been killed" in text for text in texts), texts


def test_nobody_hurt_is_a_toll_of_none_and_no_rival_to_a_count():
    from newsfuse.api import annotate
    from newsfuse.synthesize.conflicts import find_conflicts

    documents = annotate([Article(id=k, source=f"Outlet {k}", body=v, published=DAY)
                          for k, v in {"a": NO_HARM["a"], "b": "Two firefighters were hurt "
                                       "when a wall of the Harnby depot fell on Sunday night."}
                          .items()])
    (none,) = [n for n in documents[0].numbers if n.value == 0]
    assert none.phrase == "No deaths"
    assert find_conflicts(documents) == []
