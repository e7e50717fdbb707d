"""Conflicting numbers across sources: grouping, claims, compatibility and reasons."""

from __future__ import annotations

import datetime as dt

import pytest
from example_event import example_documents

from newsfuse.model import AnnotatedDocument, Article, NumericFact, Sentence
from newsfuse.synthesize.conflicts import (
    claim_interval,
    describe_measure,
    find_conflicts,
    intervals_overlap,
)


def document(article_id: str, facts: list[tuple[float, str | None, str, str]],
             published: dt.date | None = None) -> AnnotatedDocument:
    """An annotated article with one invented sentence per (value, qualifier, measure, phrase)."""
    sentences, numbers, offset = [], [], 0
    for index, (value, qualifier, measure, phrase) in enumerate(facts):
        text = f"Officials said {phrase} were affected."
        sentences.append(Sentence(doc_id=article_id, index=index, start=offset,
                                  end=offset + len(text), text=text))
        numbers.append(NumericFact(value=value, qualifier=qualifier, unit="people",
                                   measure=measure, phrase=phrase, source=article_id,
                                   sentence=index))
        offset += len(text) + 1
    article = Article(id=article_id, published=published,
                      body="\n".join(s.text for s in sentences))
    return AnnotatedDocument(article=article, sentences=sentences, numbers=numbers)


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ((100, "at least"), (120, None), True),
    ((500_000, "more than"), (520_000, None), True),
    ((500, "more than"), (500, None), False),  # "more than 500" excludes 500 itself
    ((500, "at least"), (500, None), True),
    ((2500, "about"), (3000, "more than"), False),
    ((2500, "about"), (2700, None), True),
    ((300, "nearly"), (310, None), False),
    ((300, "nearly"), (280, None), True),
    ((60, "up to"), (45, None), True),
    ((10, "fewer than"), (10, None), False),
    ((352, None), (94, None), False),
    ((100_000, "at least"), (500_000, "more than"), False),
    ((1000, "over"), (4500, "more than"), False),
    ((1000, "over"), (1400, "more than"), True),
    ((20, "at most"), (30, "at least"), False),
])
def test_compatibility_from_qualifiers(a, b, compatible):
    intervals = [claim_interval(*a), claim_interval(*b)]
    assert intervals_overlap(intervals) is compatible
    assert intervals_overlap(reversed(intervals)) is compatible


def test_same_value_from_several_sources_is_one_claim_and_no_conflict():
    docs = [document("alpha", [(17, None, "deaths", "17 people")]),
            document("beta", [(17, None, "deaths", "17 villagers")])]
    assert find_conflicts(docs) == []


def test_different_values_form_a_conflict_with_every_claim():
    docs = [document("alpha", [(17, None, "deaths", "17 people")]),
            document("beta", [(14, "at least", "deaths", "at least 14 people")]),
            document("gamma", [(17, None, "deaths", "17 people"),
                               (9, None, "injuries", "9 people")])]
    (conflict,) = find_conflicts(docs)
    assert conflict.measure == "deaths"
    assert [(c.value, c.qualifier, c.sources) for c in conflict.claims] == [
        (17, None, ["alpha", "gamma"]), (14, "at least", ["beta"])]
    assert conflict.compatible
    assert conflict.claims[1].sentence == "Officials said at least 14 people were affected."
    assert "17 people (alpha, gamma) vs at least 14 people (beta)" in conflict.reason
    assert "they can all be true" in conflict.reason


def test_incompatible_conflict_reason_names_values_sources_and_measure():
    docs = [document("alpha", [(352, None, "deaths:ukraine", "352 people")]),
            document("beta", [(94, None, "deaths:ukraine", "94 deaths")])]
    (conflict,) = find_conflicts(docs)
    assert not conflict.compatible
    assert conflict.reason == ("352 people (alpha) vs 94 deaths (beta): different values for "
                               "deaths (Ukraine)")


def test_values_are_never_merged_even_when_close():
    docs = [document("alpha", [(2500, "about", "displaced", "about 2,500 residents")]),
            document("beta", [(2480, None, "displaced", "2,480 residents")])]
    (conflict,) = find_conflicts(docs)
    assert [c.value for c in conflict.claims] == [2500, 2480]
    assert conflict.compatible


def test_syndicated_copies_are_not_presented_as_independent_sources():
    docs = [document("wire", [(40, None, "injuries", "40 people")]),
            document("copy", [(45, None, "injuries", "45 people")])]
    (conflict,) = find_conflicts(docs, {"wire": "wire", "copy": "wire"})
    assert conflict.reason.endswith("all these figures come from one story and its copies")
    (conflict,) = find_conflicts(docs)
    assert "one story" not in conflict.reason


def test_one_article_disagreeing_with_itself_is_not_a_cross_source_conflict():
    docs = [document("alpha", [(40, None, "injuries", "40 people"),
                               (45, None, "injuries", "45 people")]),
            document("beta", [(3, None, "deaths", "3 people")])]
    assert find_conflicts(docs) == []


def test_unattributed_toll_joins_the_only_named_side():
    docs = [document("alpha", [(500_000, "more than", "displaced:ukraine", "more than 500,000")]),
            document("beta", [(400_000, "at least", "displaced", "at least 400,000 people")])]
    (conflict,) = find_conflicts(docs)
    assert conflict.measure == "displaced:ukraine"
    assert conflict.compatible and "all are lower bounds" in conflict.reason


def test_unattributed_toll_stays_apart_when_two_sides_are_named():
    docs = [document("alpha", [(50, None, "deaths:ukraine", "50 people"),
                               (30, None, "deaths:russia", "30 people")]),
            document("beta", [(70, None, "deaths", "70 people")])]
    assert find_conflicts(docs) == []


def test_casualty_figures_are_mentioned_next_to_a_death_conflict():
    docs = [document("alpha", [(352, None, "deaths:ukraine", "352 people")]),
            document("beta", [(376, "at least", "casualties:ukraine", "at least 376 casualties"),
                              (94, None, "deaths:ukraine", "94 deaths")])]
    (conflict,) = find_conflicts(docs)
    assert conflict.measure == "deaths:ukraine"
    assert conflict.reason.endswith("; related casualty figures (deaths and injuries): "
                                    "at least 376 casualties (beta)")


def test_bare_counts_without_a_verb_are_not_compared():
    docs = [document("alpha", [(3, None, "count:vote", "3 votes")]),
            document("beta", [(5, None, "count:vote", "5 votes")])]
    assert find_conflicts(docs) == []


def test_incompatible_conflicts_come_first_and_dates_are_noted():
    docs = [document("alpha", [(10, "at least", "injuries", "at least 10 people"),
                               (17, None, "deaths", "17 people")], dt.date(2024, 3, 1)),
            document("beta", [(12, None, "injuries", "12 people"),
                              (14, None, "deaths", "14 people")], dt.date(2024, 3, 2))]
    first, second = find_conflicts(docs)
    assert (first.measure, first.compatible) == ("deaths", False)
    assert (second.measure, second.compatible) == ("injuries", True)
    assert "published on different days" in first.reason


@pytest.mark.parametrize(("measure", "label"), [
    ("military_deaths:russia", "military deaths (Russia)"),
    ("child_deaths:ukraine", "children's deaths (Ukraine)"),
    ("civilian_deaths", "civilian deaths"),
    ("cumulative_military_deaths:syria", "cumulative military deaths (Syria)"),
    ("displaced", "people displaced"),
    ("deaths:united_states", "deaths (United States)"),
    ("expel:member", "expel member"),
])
def test_measure_labels(measure, label):
    assert describe_measure(measure) == label


def _conflict(conflicts, measure):
    found = [c for c in conflicts if c.measure == measure]
    assert found, f"no conflict on {measure}; found {[c.measure for c in conflicts]}"
    return found[0]


def _claims(conflict):
    return {(c.value, c.qualifier, c.sources[0][:3]) for c in conflict.claims}


def test_shared_example_troop_losses_and_ukrainian_deaths(example_dir):
    conflicts = find_conflicts(list(example_documents(example_dir)))
    russian = _conflict(conflicts, "military_deaths:russia")
    assert _claims(russian) == {(1000, "over", "000"), (4500, "more than", "002")}
    # Both are lower bounds, but "over one thousand" does not mean "4,500 or more".
    assert not russian.compatible
    ukrainian = _conflict(conflicts, "deaths:ukraine")
    assert _claims(ukrainian) == {(352, None, "000"), (94, None, "003")}
    assert not ukrainian.compatible
    # The 94 deaths come with "at least 376 civilian casualties" in the same sentence.
    assert any("376" in claim.sentence for claim in ukrainian.claims)
    assert "at least 376 civilian casualties (003" in ukrainian.reason


def test_shared_example_displacement(example_dir):
    # The second displacement figure is in a photo caption of 002: cleaning removes the caption
    # from the body, the API still annotates its figures. Both are lower bounds, five-fold
    # apart: a disagreement. The raw text, captions and all, gives the same reading.
    for documents in (example_documents(example_dir),
                      example_documents(example_dir, raw_bodies=True)):
        displaced = _conflict(find_conflicts(list(documents)), "displaced:ukraine")
        assert _claims(displaced) == {(500_000, "more than", "001"),
                                      (100_000, "at least", "002")}
        assert not displaced.compatible
