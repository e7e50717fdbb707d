"""Date mentions: absolute and relative forms, resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from example_event import by_prefix, example_documents

from newsfuse.model import Article, DateMention
from newsfuse.nlp.dates import extract_dates, resolve
from newsfuse.nlp.pipeline import get_nlp
from newsfuse.segment import split

MONDAY = dt.date(2023, 5, 15)


def mentions(text: str, published: dt.date | None = MONDAY) -> list[DateMention]:
    article = Article(id="invented", body=text, published=published)
    return extract_dates(get_nlp()(text), split(article), article)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sunday", dt.date(2023, 5, 14)),
    ("on Sunday", dt.date(2023, 5, 14)),
    ("Monday", MONDAY),  # a bare weekday naming the publication day is that day
    ("Saturday night", dt.date(2023, 5, 13)),
    ("Tuesday", dt.date(2023, 5, 9)),
    ("last Monday", dt.date(2023, 5, 8)),
    ("next Monday", dt.date(2023, 5, 22)),
    ("yesterday", dt.date(2023, 5, 14)),
    ("today", MONDAY),
    ("last night", dt.date(2023, 5, 14)),
    ("three days ago", dt.date(2023, 5, 12)),
])
def test_relative_expressions_resolve_against_publication(text, expected):
    assert resolve(text, MONDAY) == (expected, True)


@pytest.mark.parametrize(("text", "expected"), [
    ("May 20", dt.date(2023, 5, 20)),
    ("20 May", dt.date(2023, 5, 20)),
    ("May 20th", dt.date(2023, 5, 20)),
    ("Jan. 3, 2021", dt.date(2021, 1, 3)),
    ("Wednesday, May 10", dt.date(2023, 5, 10)),
    ("2019-07-04", dt.date(2019, 7, 4)),
    ("the first of June", dt.date(2023, 6, 1)),
    ("The twenty-first of May, 2021", dt.date(2021, 5, 21)),
    ("June the third", dt.date(2023, 6, 3)),
])
def test_absolute_dates(text, expected):
    assert resolve(text, MONDAY) == (expected, False)


def test_missing_year_is_the_one_closest_to_publication():
    assert resolve("December 30", dt.date(2023, 1, 2)) == (dt.date(2022, 12, 30), False)
    assert resolve("January 3", dt.date(2022, 12, 30)) == (dt.date(2023, 1, 3), False)


def test_future_tense_points_a_weekday_forward():
    assert resolve("Thursday", MONDAY, future=True) == (dt.date(2023, 5, 18), True)
    assert resolve("Monday", MONDAY, future=True) == (MONDAY, True)


def test_without_publication_date_nothing_relative_is_guessed():
    assert resolve("Sunday", None) == (None, True)
    assert resolve("yesterday", None) == (None, True)
    assert resolve("May 20", None) == (None, False)
    assert resolve("May 20", None, sentence="Back in 2019, on May 20, the dam was inspected.") \
        == (dt.date(2019, 5, 20), False)
    assert resolve("May 20, 2018", None) == (dt.date(2018, 5, 20), False)


def test_coarse_periods_are_kept_unresolved():
    assert resolve("last week", MONDAY) == (None, True)
    assert resolve("earlier this month", MONDAY) == (None, True)


@pytest.mark.parametrize("text", ["five days", "more than two decades", "2014", "the day before",
                                  "hours", "77-year", "3 Marines", "Janet 4"])
def test_durations_years_and_event_relative_phrases_are_not_dates(text):
    assert resolve(text, MONDAY) is None


def test_impossible_day_gives_no_date():
    assert resolve("February 30", MONDAY) == (None, False)


def test_extract_uses_tense_and_marks_statement_dates():
    found = mentions("The ferry sank on Saturday night, the coast guard said on Sunday. "
                     "Divers will return to the wreck on Thursday.")
    by_text = {m.text: m for m in found}
    assert by_text["Saturday night"].date == dt.date(2023, 5, 13)
    assert not by_text["Saturday night"].reporting
    assert by_text["Sunday"].date == dt.date(2023, 5, 14) and by_text["Sunday"].reporting
    assert by_text["Thursday"].date == dt.date(2023, 5, 18)
    assert by_text["Thursday"].sentence == 1 and by_text["Thursday"].source == "invented"


# Published on Wednesday 17 May 2023: past weekdays fall on or before it, future ones after.
WEDNESDAY = dt.date(2023, 5, 17)


def dated(text: str, published: dt.date = WEDNESDAY) -> dict[str, dt.date | None]:
    return {m.text: m.date for m in mentions(text, published)}


@pytest.mark.parametrize(("text", "expression", "expected"), [
    # future and modal auxiliaries, also in reported speech
    ("The harbour bridge will reopen on Friday.", "Friday", dt.date(2023, 5, 19)),
    ("The ministry said it would publish its findings on Monday.", "Monday",
     dt.date(2023, 5, 22)),
    ("A decision on the tender could come on Tuesday.", "Tuesday", dt.date(2023, 5, 23)),
    ("She said heavy machinery should reach the site by Friday.", "Friday",
     dt.date(2023, 5, 19)),
    ("Applicants must register by Monday, the council said.", "Monday", dt.date(2023, 5, 22)),
    # a modal with "have" looks back
    ("The trucks should have reached the site on Monday.", "Monday", dt.date(2023, 5, 15)),
    # a present tense that is not a report states a schedule
    ("The flower show closes on Friday.", "Friday", dt.date(2023, 5, 19)),
    ("Heavy rain is expected on Saturday across the delta.", "Saturday", dt.date(2023, 5, 20)),
    ("Fans have little time before the registration window closes on Friday.", "Friday",
     dt.date(2023, 5, 19)),
    ("Growers expect cooler nights and possibly frost by Sunday.", "Sunday",
     dt.date(2023, 5, 21)),
    # an infinitive under a verb of intent
    ("The cooperative plans to open a second mill on Thursday.", "Thursday",
     dt.date(2023, 5, 18)),
    ("The two unions will meet again on Thursday to agree a timetable.", "Thursday",
     dt.date(2023, 5, 18)),
    # a verb under an adjective or a preposition: the tense of the clause around them
    ("All ferries will be free to ride on Friday.", "Friday", dt.date(2023, 5, 19)),
    ("Tap water is banned for drinking until Saturday at least.", "Saturday",
     dt.date(2023, 5, 20)),
    ("The crews were ready to leave on Monday.", "Monday", dt.date(2023, 5, 15)),
    # a plan told in the past, an expected day, a happening the clause looks ahead to
    ("The minister was to meet union leaders on Thursday morning.", "Thursday morning",
     dt.date(2023, 5, 18)),
    ("Congress gave itself until midnight Friday to pass the budget.", "midnight Friday",
     dt.date(2023, 5, 19)),
    ("The council meets today, ahead of Monday's budget vote.", "Monday", dt.date(2023, 5, 22)),
    ("Fans are selling tickets for this Saturday's homecoming game.", "this Saturday",
     dt.date(2023, 5, 20)),
    ("The party will wait until after Sunday's runoff to choose a leader.", "Sunday",
     dt.date(2023, 5, 21)),
    # past: a past verb, a report, a known happening, "since"
    ("The orchard cooperative sold its mill on Monday.", "Monday", dt.date(2023, 5, 15)),
    ("Traders said on Wednesday that prices had fallen.", "Wednesday", WEDNESDAY),
    ("The mill will stay shut after Monday's fire, the owners say.", "Monday",
     dt.date(2023, 5, 15)),
    ("The road has been closed since Monday.", "Monday", dt.date(2023, 5, 15)),
    ("Buyers will get 12 dollars a crate, a premium of 8% to the closing price on Friday.",
     "Friday", dt.date(2023, 5, 12)),
])
def test_weekdays_follow_the_tense_of_their_clause(text, expression, expected):
    assert dated(text)[expression] == expected


@pytest.mark.parametrize(("text", "expression"), [
    ("The mayor met the harvest crews this morning.", "this morning"),
    ("The court adjourned earlier this afternoon.", "earlier this afternoon"),
    ("The verdict came in this evening.", "this evening"),
])
def test_parts_of_the_publication_day(text, expression):
    assert dated(text)[expression] == WEDNESDAY


def test_yesterday_and_last_night_and_a_weekday_night():
    found = dated("Storm damage was reported last night in Ostrava. The levee failed on "
                  "Monday night, and crews returned yesterday.")
    assert found["last night"] == dt.date(2023, 5, 16)
    assert found["Monday night"] == dt.date(2023, 5, 15)
    assert found["yesterday"] == dt.date(2023, 5, 16)


def test_month_and_day_take_the_year_nearest_publication():
    found = dated("The audit is due by Jan. 9. Voting began on Sept. 28 and ended on "
                  "1 January 2024.", published=dt.date(2023, 11, 20))
    assert found["Jan. 9"] == dt.date(2024, 1, 9)
    assert found["Sept. 28"] == dt.date(2023, 9, 28)
    assert found["1 January 2024"] == dt.date(2024, 1, 1)


@pytest.mark.parametrize("text", [
    'The singer appeared on "Sunday Morning Live" with the mayor.',
    "He presents Monday Night Football for the network.",
    "The comedian joined Saturday Night Live in 2019.",
    'The book club, "The Tuesday Circle", meets monthly.',
])
def test_titles_of_shows_and_clubs_are_not_dates(text):
    assert not any(m.text.lower().startswith(("sunday", "monday", "saturday", "tuesday"))
                   for m in mentions(text))


@pytest.mark.parametrize("text", [
    "The resort topped a USA TODAY 10Best poll of readers.",
    "The match was shown live on Russia Today, the state channel.",
])
def test_a_relative_day_written_as_part_of_a_name_is_no_date(text):
    assert not any(m.text.lower() == "today" for m in mentions(text))


def test_relative_days_opening_a_sentence_or_a_quote_are_dates():
    found = dated('The port reopened. Yesterday, crews cleared the quay. He said: "Tonight we '
                  'sail."')
    assert found["Yesterday"] == dt.date(2023, 5, 16) and found["Tonight"] == dt.date(2023, 5, 17)


def test_a_name_after_a_weekday_does_not_make_it_a_title():
    assert dated("On Tuesday President Okafor opened the new terminal.")["Tuesday"] \
        == dt.date(2023, 5, 16)


def test_extract_without_publication_date():
    found = mentions("The ferry sank on Saturday. It had been inspected on 3 April 2020.",
                     published=None)
    assert [(m.text, m.date, m.relative) for m in found] == [
        ("Saturday", None, True), ("3 April 2020", dt.date(2020, 4, 3), False)]


def test_shared_example_weekdays_and_march_first(example_dir):
    documents = example_documents(example_dir)
    resolved = {(m.text, m.date) for doc in documents for m in doc.dates}
    assert ("Sunday", dt.date(2022, 2, 27)) in resolved
    assert ("Saturday night", dt.date(2022, 2, 26)) in resolved
    assert ("March 1", dt.date(2022, 3, 1)) in resolved
    # 000 writes the weekday and the date together: one absolute mention.
    texts_000 = {(m.text, m.date) for m in by_prefix(documents, "000").dates}
    assert ("Monday, February 28", dt.date(2022, 2, 28)) in texts_000


def test_a_relative_day_opening_a_live_blog_entry_is_a_date():
    found = dated("09:12 Crews are still at the quay.\n10:32 Yesterday the harbour master "
                  "apologised to the families.")
    assert found["Yesterday"] == dt.date(2023, 5, 16)


@pytest.mark.parametrize(("text", "expected"), [
    ("Halloran was arrested on May 4 last year at his home.", dt.date(2023, 5, 4)),
    ("The council voted on 3 June this year to sell the site.", dt.date(2024, 6, 3)),
    ("Halloran was arrested on May 4 at his home.", dt.date(2024, 5, 4)),  # past: this May
    ("The appeal will be heard on May 4.", dt.date(2025, 5, 4)),  # future: next May
])
def test_a_day_without_its_year_takes_the_year_its_words_or_tense_point_to(text, expected):
    assert [m.date for m in mentions(text, dt.date(2024, 11, 19))] == [expected]


def test_a_happening_named_by_its_day_is_a_past_one():
    text = "The insurer now puts the damage from the October 17 fire at 9 million euros."
    assert [m.date for m in mentions(text, dt.date(2023, 10, 24))] == [dt.date(2023, 10, 17)]


def test_until_a_weekday_points_ahead_even_after_a_past_verb():
    found = dated("The institute extended its red alert for the region until Saturday.")
    assert found["Saturday"] == dt.date(2023, 5, 20)
    assert dated("The bridge had stayed shut until Saturday.")["Saturday"] == dt.date(2023, 5, 13)


def test_a_speech_verb_reporting_nothing_is_a_happening_of_its_own():
    found = {m.text: m.reporting for m in mentions(
        "Crowds gathered today against the fuel price rise that the government announced last "
        "Friday. The ministry said on Tuesday that prices would stay.")}
    assert found == {"today": False, "last Friday": False, "Tuesday": True}


def test_a_day_written_onto_a_noun_is_that_happening_s_not_the_statement_s():
    # the parser takes "Revilla" for a clause that "declared" reports (h15e2, article a)
    found = {m.text: m.reporting for m in mentions(
        "Challenger Elena Sarkis-Moreau filed a formal request for a recount on Monday after "
        "the provincial electoral authority declared Mayor Tomás Revilla the winner of "
        "Sunday's election in this hill town by just 41 votes. The ministry announced on "
        "Tuesday that the count would be checked.")}
    assert found == {"Monday": False, "Sunday": False, "Tuesday": True}


def test_a_past_action_until_a_weekday_ended_then():
    assert dated("The negotiation continued all the night, until the Sunday morning.")[
        "Sunday morning"] == dt.date(2023, 5, 14)


def test_a_dateline_date_ends_at_its_dash():
    found = mentions("KEMBARA, March 11 - Seven people were killed on the ferry.")
    assert [m.text for m in found] == ["March 11"]


@pytest.mark.parametrize("text", [
    "Biden won big on Super Tuesday, aides said.",
    "Shoppers flocked to the stores on Black Friday.",
])
def test_the_name_of_a_day_is_no_weekday(text):
    assert not any(m.text.endswith(("Tuesday", "Friday")) for m in mentions(text))


def test_a_weekday_after_a_capitalised_last_or_a_name_stays_a_date():
    assert dated("Last Saturday the port reopened.")["Last Saturday"] == dt.date(2023, 5, 13)
    assert dated("On Tuesday President Okafor opened the terminal.")["Tuesday"] \
        == dt.date(2023, 5, 16)


def test_a_day_a_past_decision_moved_something_to_follows_the_day_it_was_moved_from():
    # published on Wednesday 17 May 2023: the Friday show (12 May) went to Sunday 14 May
    found = dated("The singer postponed a planned Friday night show in Orrin until Sunday.")
    assert found["Sunday"] == dt.date(2023, 5, 14)
    # with no day it was moved from, the end moves ahead of the decision
    assert dated("The institute extended its red alert until Saturday.")["Saturday"] == \
        dt.date(2023, 5, 20)


def test_a_full_date_in_lower_case_is_read_and_may_the_verb_is_not_a_month():
    found = {(m.text, m.date) for m in mentions(
        "the pilot swam across the harbour on september 8, 2009, and he may 8 times have "
        "tried before.", published=None)}
    assert ("september 8, 2009", dt.date(2009, 9, 8)) in found
    assert not any(text.startswith("may") for text, _ in found)


def test_the_weekday_named_with_a_day_picks_its_year():
    """A wire story filed late on Friday, November 20 2026, tells of the next morning's
    editorial in the past tense; only 2026's November 21 is a Saturday."""
    text = ("The Harbour Gazette said in an editorial on Saturday, Nov. 21, that the port "
            "must stay open.")
    assert [m.date for m in mentions(text, dt.date(2026, 11, 20))] == [dt.date(2026, 11, 21)]


def test_the_first_day_of_a_range_takes_the_year_of_its_last():
    text = "The killings took place between July 11 and Nov. 1, 1995, the court found."
    assert [m.date for m in mentions(text, dt.date(1998, 11, 30))] == [dt.date(1995, 7, 11)]


def test_a_day_in_words_is_read_in_an_article():
    found = mentions("The new fares will apply from the first of May, the council said.",
                     dt.date(2025, 3, 12))
    assert [(m.text, m.date) for m in found] == [("the first of May", dt.date(2025, 5, 1))]


def test_an_infinitive_the_parse_hangs_on_an_expected_object_points_ahead():
    # "resume" is parsed as a relative clause of "treatment"; what is expected lies ahead
    found = mentions("We have restored the booking system, and I expect most planned "
                     "treatment to resume by Monday.", dt.date(2024, 2, 15))
    assert [(m.text, m.date) for m in found] == [("Monday", dt.date(2024, 2, 19))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Saturday the nineteenth", dt.date(2025, 7, 19)),
    ("Friday the 13th", dt.date(2025, 6, 13)),
    ("Tuesday, the 1st", dt.date(2025, 7, 1)),
    ("Sunday 27th", dt.date(2025, 7, 27)),
])
def test_a_weekday_with_its_day_of_the_month_is_the_day_near_publication_that_is_both(
        text, expected):
    assert resolve(text, dt.date(2025, 7, 10)) == (expected, False)


def test_a_weekday_with_its_day_of_the_month_is_read_in_an_article():
    found = mentions("The friendly against Orrin Vale on Saturday the nineteenth comes too "
                     "soon for him, the coach said.", dt.date(2025, 7, 10))
    assert [(m.text, m.date) for m in found] == [("Saturday the nineteenth",
                                                  dt.date(2025, 7, 19))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Higher temperatures forecast for Wednesday could revive the fires, he warned.",
     dt.date(2024, 8, 14)),
    ("A vote scheduled for Wednesday will decide the matter, officials said.",
     dt.date(2024, 8, 14)),
    ("The bridge damaged on Wednesday will stay closed, officials said.", dt.date(2024, 8, 7)),
])
def test_a_participle_that_sets_a_day_looks_ahead_and_others_back(text, expected):
    (found,) = mentions(text, dt.date(2024, 8, 12))
    assert found.date == expected


def test_coming_before_another_noun_does_not_send_the_weekday_ahead():
    wednesday = dt.date(2025, 6, 11)
    [found] = mentions("The council approved a budget for the coming fiscal year on Monday, "
                       "officials said.", wednesday)
    assert found.date == dt.date(2025, 6, 9)
    [ahead] = mentions("The council will vote again this coming Monday.", wednesday)
    assert ahead.date == dt.date(2025, 6, 16)


def test_a_bracketed_aside_before_the_date_keeps_it_on_its_verb():
    # published on Friday 2023-05-19: the meeting is the next Wednesday, not the last
    found = dated("Delegates are due to meet at the Joint Ferry Board (JFB) in Morlaix on "
                  "Wednesday, the board said.", dt.date(2023, 5, 19))
    assert found["Wednesday"] == dt.date(2023, 5, 24)
    # a bracket still open, or a comma outside one, cuts the attachment as before
    found = dated("Holders will receive $38, a premium to the closing price on Monday.")
    assert found["Monday"] == dt.date(2023, 5, 15)


def test_the_day_a_happening_is_moved_to_lies_ahead_whatever_the_tense():
    # published on Wednesday 17 May
    found = dated("The match was called off. The league said the game had been rescheduled "
                  "for Friday at a neutral ground.")
    assert found["Friday"] == dt.date(2023, 5, 19)
    assert dated("The vote was moved to Tuesday.")["Tuesday"] == dt.date(2023, 5, 23)
    # a past happening on a weekday stays in the past
    assert dated("The roof gave way on Tuesday.")["Tuesday"] == dt.date(2023, 5, 16)
