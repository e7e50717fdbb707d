"""Numeric facts on invented sentences: values, qualifiers, units, measures and what is skipped."""

from __future__ import annotations

import pytest

from newsfuse.model import Article, NumericFact
from newsfuse.nlp.numbers import extract_numbers, parse_number
from newsfuse.nlp.pipeline import get_nlp
from newsfuse.segment import split


def facts(text: str) -> list[NumericFact]:
    article = Article(id="invented", body=text)
    return extract_numbers(get_nlp()(text), split(article), article)


def only_fact(text: str) -> NumericFact:
    found = facts(text)
    assert len(found) == 1, [f.phrase for f in found]
    return found[0]


@pytest.mark.parametrize(("words", "value"), [
    (["4,500"], 4500), (["12"], 12), (["1.5", "million"], 1_500_000),
    (["one", "thousand"], 1000), (["Twenty", "-", "five"], 25), (["twenty-five"], 25),
    (["one", "hundred", "and", "fifty"], 150), (["two", "million"], 2_000_000),
    (["a", "dozen"], 12), (["3", "thousand"], 3000),
])
def test_parse_number_reads_digits_and_words(words, value):
    assert parse_number(words) == value


def test_parse_number_rejects_non_numbers():
    assert parse_number(["fifth"]) is None
    assert parse_number(["many"]) is None


@pytest.mark.parametrize(("text", "value", "qualifier", "unit", "measure"), [
    ("At least 40 people were injured in the blast.", 40, "at least", "people", "injuries"),
    ("The storm killed more than 1,200 people along the coast.", 1200, "more than", "people",
     "deaths"),
    ("Nearly 300 residents were evacuated from the island.", 300, "nearly", "residents",
     "displaced"),
    ("Up to 60 miners died underground.", 60, "up to", "miners", "deaths"),
    ("About 2,500 villagers fled the fighting.", 2500, "about", "villagers", "displaced"),
    ("Officials said 85 Ukrainian civilians were killed in the shelling.", 85, None, "civilians",
     "deaths:ukraine"),
    ("Police arrested 57 protesters outside the parliament.", 57, None, "protesters", "arrests"),
    ("Twelve people are still missing.", 12, None, "people", "missing"),
    ("Hospitals treated 45 people for injuries after the crash.", 45, None, "people",
     "injuries"),
    ("The flooding forced about 4,000 residents to leave their homes.", 4000, "about",
     "residents", "displaced"),
    ("The strikes have driven more than 200,000 Ukrainians to flee abroad.", 200_000,
     "more than", "ukrainians", "displaced:ukraine"),
    ("Roughly 1.2 million refugees crossed the border.", 1_200_000, "roughly", "refugees",
     "displaced"),
    ("The Ukrainian death toll rose to 52 on Tuesday.", 52, None, "deaths", "deaths:ukraine"),
    ("Seventeen dead as floods hit the valley", 17, None, "dead", "deaths"),
    ("Twenty-five sailors were rescued by the coast guard.", 25, None, "sailors",
     "rescue:sailor"),
    ("The attack left 20 others wounded, the monitor said.", 20, None, "others", "injuries"),
    ("At least 12 died in the crash.", 12, "at least", "people", "deaths"),
    ("About 45 buses carrying evacuees left the town.", 45, "about", "buses", "leave:bus"),
    ("11 Oct 2016 Russian jets pounded the city, killing 26 people.", 26, None, "people",
     "deaths"),
])
def test_value_qualifier_unit_and_measure(text, value, qualifier, unit, measure):
    fact = only_fact(text)
    assert (fact.value, fact.qualifier, fact.unit, fact.measure) == (value, qualifier, unit,
                                                                      measure)


def test_phrase_spans_qualifier_number_and_unit():
    assert only_fact("Rescuers found more than 3,000 stranded residents.").phrase == \
        "more than 3,000 stranded residents"
    assert only_fact("The Ukrainian death toll rose to 52.").phrase == \
        "The Ukrainian death toll: 52"


def test_equivalent_military_loss_claims_share_one_measure():
    lost_troops = only_fact("Belarusian forces are exhausted and have lost over two thousand "
                            "troops.")
    lost_lives = only_fact("More than 3,000 Belarusian soldiers have lost their lives, the "
                           "ministry said.")
    assert lost_troops.value == 2000 and lost_troops.qualifier == "over"
    assert lost_troops.measure == lost_lives.measure == "military_deaths:belarus"


def test_including_splits_children_from_the_total():
    total, children = facts("Shelling killed 41 people in Ukraine, including 9 children.")
    assert (total.value, total.measure) == (41, "deaths:ukraine")
    assert (children.value, children.measure) == (9, "child_deaths:ukraine")


def test_casualties_and_deaths_are_different_measures():
    casualties, deaths = facts("The agency confirmed at least 310 civilian casualties in "
                               "Ukraine, including 70 deaths.")
    assert casualties.measure == "casualties:ukraine" and casualties.qualifier == "at least"
    assert deaths.measure == "deaths:ukraine" and deaths.qualifier is None


def test_parts_of_a_total_get_their_own_group():
    total, women = facts("Airstrikes killed seven people including two women and a child.")
    assert (total.measure, women.measure) == ("deaths", "woman_deaths")
    total, civilians = facts("At least 30 people, including 24 civilians, were killed.")
    assert (total.measure, civilians.measure) == ("deaths", "civilian_deaths")


def test_running_totals_are_apart_from_incident_tolls():
    fact = only_fact("More than 280,000 people have been killed since the conflict began.")
    assert fact.measure == "cumulative_deaths"


def test_gapped_passive_counts_the_wounded():
    killed, wounded = facts("Fifteen were killed and more than 70 others wounded in the raids.")
    assert (killed.value, killed.measure) == (15, "deaths")
    assert (wounded.value, wounded.qualifier, wounded.measure) == (70, "more than", "injuries")


def test_the_agent_of_killing_is_not_a_death_toll():
    gunmen, villagers = facts("Three gunmen killed 14 villagers.")
    assert gunmen.measure == "kill:gunman"
    assert villagers.measure == "deaths"


def test_member_counts_measure_the_body_they_describe():
    assert only_fact("The league has a 15-member board.").measure == "size:board"


@pytest.mark.parametrize("text", [
    "The summit opened on 3 March 2021 at 10:30, the 11th session in its 40-year history.",
    "Turnout was 64 percent, tickets cost $25 and the hotline is 555-1234.",
    "Hundreds of people and dozens of children gathered, and thousands more watched.",
    "The monument from World War 2 was rebuilt in 2014 by workers aged 45.",
    "It was the fifth day of the siege and one official resigned.",
    "The talks lasted five days and the vote was 10-4.",
    "Day 6 of the strike began with a march.",
    "The blast happened at around 230 pm near the market.",
    "Date of publication 11 August 2016",
])
def test_dates_times_ordinals_vague_and_labels_are_skipped(text):
    assert facts(text) == []


def test_sentence_index_and_source_are_recorded():
    found = facts("The bridge reopened. The collapse had killed 8 people.")
    assert [(f.sentence, f.source, f.value) for f in found] == [(1, "invented", 8)]


def test_measures_are_deterministic():
    text = "Floods displaced at least 7,000 people and killed 12 farmers."
    assert [f.measure for f in facts(text)] == [f.measure for f in facts(text)] == \
        ["displaced", "deaths"]
