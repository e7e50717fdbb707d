"""Conflicting figures across sources, on invented multi-outlet stories: same quantity found
across wordings, compatible figures kept apart, near misses not compared, reasons."""

from __future__ import annotations

import datetime as dt

import pytest
from example_event import example_documents

from newsfuse.api import annotate
from newsfuse.model import AnnotatedDocument, Article, Conflict
from newsfuse.synthesize import conflicts as conflicts_module
from newsfuse.synthesize.conflicts import (
    claim_interval,
    find_conflicts,
    granularity,
    intervals_overlap,
)

PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday


def event(*bodies: str, outlets: list[str] | None = None,
          independent: dict[str, str] | None = None) -> list[Conflict]:
    articles = [Article(id=chr(ord("a") + k), body=body, published=PUBLISHED,
                        source=(outlets or [f"Outlet {k}" for k in range(len(bodies))])[k])
                for k, body in enumerate(bodies)]
    documents: list[AnnotatedDocument] = annotate(articles)
    return find_conflicts(documents, independent or {})


def flagged(conflicts: list[Conflict]) -> list[Conflict]:
    return [c for c in conflicts if not c.compatible]


def rival_values(conflicts: list[Conflict]) -> list[list[float]]:
    """Each conflict's values, sorted."""
    return [sorted(claim.value for claim in c.claims) for c in conflicts]


@pytest.mark.parametrize(("a", "b", "compatible"), [
    ((100, "at least"), (120, None), True),
    ((500, "more than"), (480, None), False),
    ((500, "more than"), (500, None), True),  # a round 500 may stand for 520
    ((2500, "about"), (3000, "more than"), False),
    ((2500, "about"), (2400, None), True),
    ((540, "about"), (510, None), False),  # "about 540" is rounded to tens: 513..567
    ((3.9e9, "about"), (4.2e9, None), False),
    ((20, "nearly"), (19, None), True),
    ((300, "nearly"), (310, None), False),
    ((150, "up to"), (112, None), True),
    ((1000, "over"), (4500, "more than"), False),
    ((3800, None), (3812, None), True),  # a round figure covers its rounding
    ((62e6, None), (58e6, None), False),
])
def test_compatibility_from_qualifiers_and_rounding(a, b, compatible):
    intervals = [claim_interval(*a), claim_interval(*b)]
    assert intervals_overlap(intervals) is compatible
    assert intervals_overlap(reversed(intervals)) is compatible


@pytest.mark.parametrize(("value", "step"), [(540, 10), (3.9e9, 1e8), (6.4, 0.1), (7000, 1000)])
def test_granularity_is_the_last_significant_place(value, step):
    assert granularity(value) == pytest.approx(step)


def test_counts_in_different_words_conflict_and_name_both_sources():
    conflicts = event(
        "Floodwater swamped Carreg on Monday, forcing the evacuation of about 1,200 residents.",
        "More than 3,000 people were evacuated from Carreg as the river rose on Monday.")
    (conflict,) = flagged(conflicts)
    assert {c.phrase for c in conflict.claims} == {"about 1,200 residents",
                                                   "More than 3,000 people"}
    assert {s for c in conflict.claims for s in c.sources} == {"a", "b"}
    assert "do not overlap" in conflict.reason


def test_money_percent_duration_and_age_conflicts():
    conflicts = flagged(event(
        "Harlow United signed winger Tomas Idle, 22, for €48 million on a five-year contract. "
        "Fans had waited 14 months for a new signing.",
        "The 24-year-old Tomas Idle joined Harlow United for 39 million euros, agreeing a "
        "three-year deal with the club."))
    kinds = {c.kind for c in conflicts}
    assert {"money", "duration", "age"} <= kinds


def test_compatible_figures_are_marked_so_with_the_reason():
    conflicts = event(
        "At least 40 people were injured when the footbridge at Varn gave way.",
        "Doctors said 45 people were injured in the footbridge collapse at Varn.")
    (conflict,) = conflicts
    assert conflict.compatible and "qualifiers" in conflict.reason


def test_same_amount_in_other_units_is_compatible():
    conflicts = event("The new pipeline runs for 5 km beneath the Selna estuary.",
                      "Engineers laid 5,000 metres of pipeline beneath the Selna estuary.")
    assert flagged(conflicts) == []


def test_deaths_and_injuries_are_not_compared():
    conflicts = event("The bus crash near Oskar Pass killed 12 passengers.",
                      "Thirty passengers were injured in the bus crash near Oskar Pass.")
    assert flagged(conflicts) == []


def test_an_earlier_instance_is_not_a_rival_figure():
    conflicts = event(
        "The river crested at 6.1 metres at the Lodge gauge on Sunday.",
        "The previous record at the Lodge gauge was 5.2 metres, set during a storm.")
    assert flagged(conflicts) == []


def test_parts_and_increments_are_not_rival_totals():
    conflicts = event(
        "The earthquake killed 48 people, including 9 children, in the hill villages.",
        "Officials reported four more deaths in the hill villages on Tuesday.")
    assert flagged(conflicts) == []


def test_the_whole_a_part_is_taken_from_is_a_rival_total_not_a_rival_deed():
    conflicts = event(
        "The swimmer survived because nine of the ten turbines at the Varek dam were off.",
        "Beneath the surface of the Varek dam are 17 giant turbines.")
    assert [sorted(c.phrase for c in x.claims) for x in flagged(conflicts)] == [
        ["17 giant turbines", "ten turbines"]]
    conflicts = event(
        "The rate cut was backed by five of the seven members of the Ostmark rate committee.",
        "At the Ostmark rate committee two members preferred a rise.")
    assert flagged(conflicts) == []


def test_the_day_of_a_happening_conflicts():
    conflicts = flagged(event("The cargo ship Meridan ran aground on Monday off Cape Solt.",
                              "The cargo ship Meridan ran aground on Tuesday off Cape Solt."))
    assert [c.kind for c in conflicts] == ["date"]
    assert "different days" in conflicts[0].reason


def test_one_outlet_or_a_copy_does_not_contradict_itself():
    bodies = ("Firefighters said 31 homes were destroyed in the Ashby fire.",
              "Firefighters said 38 homes were destroyed in the Ashby fire.")
    assert event(*bodies, outlets=["Ashby Post", "Ashby Post"]) == []
    assert event(*bodies, independent={"a": "a", "b": "a"}) == []


def test_shared_example_troop_losses(example_dir):
    conflicts = find_conflicts(list(example_documents(example_dir)))
    troops = [c for c in conflicts if {1000, 4500} <= {claim.value for claim in c.claims}]
    assert troops and not troops[0].compatible


def test_a_figure_of_another_year_is_not_a_rival_but_a_period_is():
    conflicts = event(
        "The Marlow fire destroyed 67 homes in the hills this week.",
        "By comparison, the 2019 Tansy fire burned longer and destroyed 112 homes in the hills.")
    assert flagged(conflicts) == []
    conflicts = event(
        "Prosecutors said Ovid Rask took $40 million from investors in the scheme.",
        "Rask took more than $55 million from investors between 2015 and 2021, prosecutors said.")
    assert len(flagged(conflicts)) == 1


def test_ranks_conflict():
    conflicts = flagged(event("Talks on the Brenna dam collapsed in the fifth round.",
                              "Talks on the Brenna dam collapsed in the sixth round."))
    assert [c.kind for c in conflicts] == ["ordinal"]


def test_ordinals_of_two_series_do_not_conflict():
    assert flagged(event(
        "The vote left the 42nd governor of Tarrow to face a recall election.",
        "The decision left the party leaderless on the eve of the 106th legislature.")) == []


def test_an_ordinal_standing_for_a_noun_it_leaves_out_conflicts():
    conflicts = flagged(event(
        "Delegates met on Monday for the 9th Emergency Summit of the Orrin Basin Council.",
        "The gathering was the first emergency meeting of the council in a decade and only the "
        "sixth in its 40-year history."))
    assert [(c.kind, sorted(claim.value for claim in c.claims)) for c in conflicts] == [
        ("ordinal", [6.0, 9.0])]
    assert conflicts[0].measure.startswith("rank: ")


def test_an_official_toll_and_a_confirmed_one_conflict_though_far_apart():
    conflicts = flagged(event(
        '"As of today, 260 people were killed in the Varn valley," the governor said.',
        "Monitors have confirmed at least 310 civilian casualties in the Varn valley, including "
        "74 deaths."))
    assert [sorted(claim.value for claim in c.claims) for c in conflicts] == [[74.0, 260.0]]


def test_shared_example_keeps_its_three_conflicts(example_dir):
    conflicts = flagged(find_conflicts(list(example_documents(example_dir))))
    values = [sorted(claim.value for claim in c.claims) for c in conflicts]
    assert sorted(values) == [[7.0, 11.0], [94.0, 352.0], [1000.0, 4500.0]]


def test_an_updated_count_is_not_a_conflict():
    conflicts = event("Eleven people died when the Corra ferry capsized.",
                      "The death toll from the Corra ferry capsizing rose to 15 people.")
    assert flagged(conflicts) == []
    assert any("update" in c.reason for c in conflicts)


def test_an_estimate_beside_a_confirmed_count_is_compatible():
    conflicts = event("Nearly 700 people have been confirmed killed in the Varn valley floods.",
                      "The Varn valley floods likely killed well more than 1,000 people.")
    assert flagged(conflicts) == []
    assert any("estimate" in c.reason for c in conflicts)
    # two counts of the same toll still conflict
    assert flagged(event("Nearly 700 people have been confirmed killed in the Varn valley floods.",
                         "The Varn valley floods killed more than 1,000 people."))


def test_figures_of_different_people_are_not_rivals():
    conflicts = event("Chief executive Hanna Brecht received $41 million in pay last year.",
                      "Finance chief Otto Lind received $19 million in pay last year.")
    assert flagged(conflicts) == []


def test_counts_of_different_sides_of_a_battle_are_not_rivals():
    conflicts = event("The clashes near Tal Sirwan killed 30 soldiers, a monitor said.",
                      "At least 25 civilians were killed in the clashes near Tal Sirwan.",
                      "Over one hundred militants were killed in the clashes near Tal Sirwan.")
    assert flagged(conflicts) == []
    # one side named two ways is one count
    assert flagged(event("The clashes near Tal Sirwan killed 31 rebels, a monitor said.",
                         "At least 19 militants were killed in the clashes near Tal Sirwan."))


def test_a_part_counted_among_the_dead_is_no_rival_to_the_toll():
    conflicts = event("A car bomb killed 98 evacuees at the Rashkan transit point on Saturday.",
                      "Nearly 70 children were among those killed when a car bomb hit the "
                      "evacuees' buses at the Rashkan transit point on Saturday.")
    assert flagged(conflicts) == []


def test_people_doing_something_else_are_no_toll():
    conflicts = event("The shelling of Tal Sirwan has killed 310 people since March.",
                      "Tal Sirwan, where 400 people live under the blockade, was shelled again.",
                      "A convoy carrying 420 people left Tal Sirwan after the shelling.")
    assert flagged(conflicts) == []
    # people lost in a battle are its toll
    assert flagged(event("The shelling of Tal Sirwan has killed 310 people since March.",
                         "The militia has lost 450 men in the shelling of Tal Sirwan."))


def test_a_death_toll_is_compared_with_the_people_killed():
    conflicts = event("The death toll from the bus bombing in Korvan has reached 126.",
                      "The bus bombing in Korvan killed 112 people, a monitor said.")
    assert any({126, 112} <= {claim.value for claim in c.claims} for c in conflicts)
    # a toll without "death" is of the dead too
    conflicts = event("The toll from the bus bombing in Korvan has reached 126.",
                      "The bus bombing in Korvan killed 112 people, a monitor said.")
    assert any({126, 112} <= {claim.value for claim in c.claims} for c in conflicts)


def test_the_whole_a_part_is_among_is_the_toll():
    conflicts = flagged(event(
        "At least 68 children were among the 150 people killed in the Korvan bus bombing.",
        "The Korvan bus bombing killed 112 people, a monitor said."))
    assert [sorted(claim.value for claim in c.claims) for c in conflicts] == [[112, 150]]


def test_people_left_killed_are_a_toll_and_citizens_are_people():
    conflicts = flagged(event(
        "Rebels fired rockets at the centre of Korvan on Thursday, killing seven people.",
        "Militants fired rocket shells at the centre of Korvan on Thursday leaving 3 citizens "
        "killed and 20 others wounded."))
    assert rival_values(conflicts) == [[3, 7]]


def test_a_kind_of_people_among_a_toll_is_the_count_of_that_kind():
    conflicts = flagged(event(
        "Six civilians, including a child, were among at least 22 people killed in air "
        "strikes on Tal Sirwan on Saturday, a monitor said.",
        "An activist network reported that eight civilians were killed by the air strikes "
        "on Tal Sirwan."))
    assert [sorted(claim.value for claim in c.claims) for c in conflicts] == [[6, 8]]
    # a share of the same noun is a part of those: no rival to another group of them
    assert flagged(event("Five of the seven board members voted for the rise in Tarrow.",
                         "Two board members preferred a smaller rise in Tarrow.")) == []


def test_one_outlets_updated_versions_join_one_conflict():
    conflicts = flagged(event(
        "A car bomb hit buses at the Rashka transit point on Saturday, killing at least 22 "
        "people, a monitor said.",
        "A car bomb attack on buses at the Rashka transit point on Saturday killed at least "
        "43 people, a monitor said in an updated toll.",
        "A suicide car bomb hit a convoy of buses at the Rashka transit point on Saturday, "
        "killing at least 100 people.",
        "At least 70 people were killed when a car bomb hit buses at the Rashka transit point "
        "on Saturday.",
        outlets=["Daily Star", "Daily Star", "Coast News", "Radio Tarn"]))
    assert [sorted(claim.value for claim in c.claims) for c in conflicts] == [[22, 43, 70, 100]]


def test_close_exact_figures_conflict():
    conflicts = event("The bill cuts farm subsidies by $8.6 billion over ten years.",
                      "The bill cuts farm subsidies by $8.7 billion over ten years.")
    assert len(flagged(conflicts)) == 1


def test_the_year_of_a_happening_conflicts():
    conflicts = flagged(event("Skyfold, the catalogue retailer, was founded in 1990 in Dallas.",
                              "Skyfold was founded in 1989 by two airline executives."))
    assert [c.kind for c in conflicts] == ["year"]


def test_two_steps_of_one_process_are_not_a_conflict_when_both_sources_give_both():
    """'identified 241, tested 217' in one source and 'tested 217' in another: the 241 and the
    217 are two quantities, since the second source states the first's 217 itself."""
    a = ("Health workers tested 217 residents of Lorvik for the parasite in March. "
         "The survey team said the results would be published in the autumn.")
    b = ("The team identified 241 residents of Lorvik who had shared a well with an infected "
         "family. Blood was drawn from 217 exposed villagers over four weeks in March.")
    assert not flagged(event(a, b))


def test_a_source_giving_the_same_count_elsewhere_does_not_disagree_with_it():
    a = "Of these, 17 residents were found to carry the parasite, a sign of past infection."
    b = ("The survey found 17 (7.5%) who tested positive. Two of them reported fever while "
         "the remaining 15 had no symptoms, and 15 were classed as mild cases.")
    assert not flagged(event(a, b))


def test_a_differing_count_is_still_a_conflict_when_neither_source_gives_the_other():
    a = "Health workers tested 217 residents of Lorvik for the parasite in March."
    b = "Health workers tested 241 residents of Lorvik for the parasite in March."
    assert [sorted(c.value for c in conflict.claims) for conflict in flagged(event(a, b))] == [
        [217, 241]]


def test_one_happening_on_two_days_is_a_conflict_when_its_words_match():
    """'the inquest began yesterday' / 'the inquest that began on Monday': one verb and one
    noun of what happened, two days; the sentences around them differ (similarity below the
    bar for dates of unnamed happenings), so only those words say it is one happening."""
    a = ("Miners' families gathered outside the court in Dunmore, where the inquest began "
         "yesterday amid anger over the delay.")
    b = ("Relatives wept in the public gallery as the pathologist, the first witness of the "
         "inquest that began on Monday, described the injuries.")
    phrases = [sorted(c.phrase.removeprefix("on ") for c in conflict.claims)
               for conflict in flagged(event(a, b))]
    assert phrases == [["Monday", "yesterday"]]


def test_one_persons_ages_conflict_in_unlike_sentences():
    found = flagged(event(
        "A court jailed Viktor Halloran on Tuesday for taking bribes. The 58-year-old was "
        "taken into custody immediately after the verdict was read.",
        "Viktor Halloran, 61, who had protested his innocence from the day of his arrest, was "
        "also fined a quarter of a million dollars and barred from office."))
    assert [(c.kind, sorted(claim.value for claim in c.claims)) for c in found] == [
        ("age", [58, 61])]


def test_ages_of_two_people_sharing_a_surname_do_not_conflict():
    # the mother and the father of one family
    found = event(
        "Wendy Harlow, 42, told police the family had a pleasant Sunday in Palm Cove.",
        "Derek Harlow, 45, was arrested in Palm Cove on Sunday night after the shooting.")
    assert [c for c in found if c.kind == "age"] == []
    # one person named with a title and by surname, or in full, still has one age
    found = flagged(event(
        "A court jailed Viktor Halloran on Tuesday. Judge Halloran, 58, was taken into custody.",
        "Viktor Halloran, 61, who had protested his innocence, was also fined."))
    assert [(c.kind, sorted(claim.value for claim in c.claims)) for c in found] == [
        ("age", [58, 61])]


def test_one_persons_age_under_two_descriptions_conflicts():
    # the same player as "captain" and "striker": the name named before each decides
    found = flagged(event(
        "Tomas Verhoeven-Lund has joined Brackley Town from Ashgate Rovers. The 24-year-old "
        "captain signed a four-year contract after a medical on Tuesday.",
        "Ashgate Rovers have sold Tomas Verhoeven-Lund to their rivals. The 25-year-old "
        "striker was the club's top scorer and its captain."))
    assert [(c.kind, sorted(claim.value for claim in c.claims)) for c in found
            if c.kind == "age"] == [("age", [24, 25])]


def test_a_child_described_after_a_named_parent_is_not_the_parent():
    found = event(
        "Police arrested Derek Harlow at the house on Sunday. The 13-year-old boy was taken "
        "to hospital with burns to his hands.",
        "Derek Harlow, 45, was arrested in Palm Cove on Sunday night after the fire.")
    assert [c for c in found if c.kind == "age"] == []


def test_ages_listed_for_two_people_are_each_ones():
    found = event(
        "The boy's father, 37-year-old Wendel Osgood, and stepmother, 42-year-old Priya "
        "Lanning, were arrested and charged on Friday.",
        "On Sunday, a judge denied bond for Osgood, 37, and Lanning, 42. Police say the "
        "13-year-old found had been locked in a room for days.")
    assert [c for c in found if c.kind == "age"] == []


def test_an_age_beside_a_name_the_tagger_does_not_know_is_that_persons():
    found = flagged(event(
        "The delays left frail patients like grandad Ostap Wielgosz, 78, waiting in pain.",
        "Among those waiting was seventy-six-year-old Ostap Wielgosz, whose hip operation was "
        "called off an hour before it was due."))
    assert [(c.kind, sorted(claim.value for claim in c.claims)) for c in found
            if c.kind == "age"] == [("age", [76, 78])]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Wendy Harlow", "Derek Harlow", False),
    ("Derek Harlow Sr.", "Derek Harlow Jr.", False),
    ("Derek Harlow Sr", "Harlow", True),
    ("Dr. Ilse Varga", "Ilse Varga", True),
    ("I. Varga", "Ilse Varga", True),
    ("Sgt. Varga", "Ilse Varga", True),
    ("al-Sayegh", "Omar al-Sayegh", True),
    ("van der Berg", "Pieter van der Berg", True),
])
def test_same_person_by_name(a, b, same):
    assert conflicts_module._same_person(a, b) is same


def test_an_amount_for_a_noun_named_with_its_kind_is_compared_by_both_words():
    # "plan" alone is not a budget; "spending plan" is
    found = flagged(event(
        "The Orvala city council approved a $912 million budget for the coming year on "
        "Tuesday.",
        "Orvala councillors voted on Tuesday to approve a $921 million spending plan for "
        "the coming year."))
    assert rival_values(found) == [[912e6, 921e6]]


def test_the_whole_a_share_is_taken_from_is_no_rival_to_a_count_of_those_at_work():
    # "half of its 4,000 turbines": 4,000 is how many there are, not what the share did
    found = flagged(event(
        "Under the plan, Velmoria must shut more than half of its 4,000 turbines by the "
        "spring, the ministry said.",
        "Velmoria currently runs more than 1,500 turbines, the ministry said."))
    assert found == []


def test_sizes_of_different_things_do_not_conflict():
    found = event(
        "The container ship tore away a 60-metre section of the road deck on Tuesday.",
        "All 23 crew members on the 229-metre vessel escaped unharmed on Tuesday.")
    assert [c for c in found if c.kind == "measure"] == []
    found = flagged(event("The 229-metre ship struck the bridge on Tuesday.",
                          "The 244-metre vessel struck the bridge on Tuesday."))
    assert [sorted(claim.value for claim in c.claims) for c in found] == [[229, 244]]


def test_prison_terms_with_fractions_and_race_places_conflict():
    found = flagged(event(
        "A court in Almira sentenced Halloran to nine years in prison for corruption.",
        "Halloran has been sentenced to eight and a half years in prison for corruption."))
    assert [c.kind for c in found] == ["duration"]
    found = flagged(event(
        "Okonkwo won the Lakeshore Marathon on Sunday in 2:07:38, and home favourite Tomasz "
        "Wieczorek comes home fifth.",
        "Okonkwo took the title in 2:07:56. Tomasz Wieczorek finished in sixth place."))
    assert sorted(c.kind for c in found) == ["duration", "ordinal"]


def test_lives_claimed_are_deaths_and_a_passed_figure_is_a_floor():
    found = flagged(event(
        "The heatwave in Alto Serra has already been blamed for nine deaths, officials said.",
        "In Alto Serra the heatwave has now claimed 11 lives, the civil protection service said."))
    assert [sorted(c.value for c in conflict.claims) for conflict in found] == [[9, 11]]
    found = event("The thermometer in Vila Merosa recorded 46.2C on Monday.",
                  "Here in Vila Merosa the thermometer has passed 40 degrees on Monday.")
    assert all(c.compatible for c in found)


@pytest.mark.parametrize(("a", "b", "compatible"), [
    # rival crowd estimates conflict; a toll estimate above a confirmed count does not
    ("Police put the crowd at about 15,000 on Monday in Kisaru.",
     "Organisers said the crowd in Kisaru was estimated at 40,000 on Monday.", False),
    ("Nearly 7,000 people have been confirmed killed in the floods in Tarvia.",
     "The floods in Tarvia likely killed well more than 10,000 people.", True),
    # a round small count is no rounding of another; a near one may be
    ("The monitor said 20 women were among the dead in Khan Tarif.",
     "The coalition said 15 women were among the dead in Khan Tarif.", False),
    ("The monitor said 30 people were wounded in Khan Tarif.",
     "The channel said 32 people were wounded in Khan Tarif.", True),
])
def test_two_outlets_counts_compatible_or_not(a, b, compatible):
    assert [c.compatible for c in event(a, b) if c.kind == "count"] == [compatible]


def test_a_bound_elsewhere_does_not_make_two_loads_agree():
    # "licensed to carry up to 300 passengers" is the ferry's size, not a third load
    found = flagged(event(
        "The ferry was carrying 212 passengers and 15 crew when it struck the reef. It is "
        "licensed to carry up to 300 passengers.",
        "The 27-year-old vessel was carrying 236 passengers and 14 crew members."))
    assert any(sorted(c.value for c in conflict.claims) == [212, 236] for conflict in found)



def test_tallies_differing_in_the_votes_against_conflict():
    conflicts = flagged(event(
        "The Harbour Point council approved the city budget on Tuesday by 31 votes to 18.",
        "Councillors in Harbour Point voted 31 to 19 on Tuesday to pass the city budget."))
    (conflict,) = conflicts
    assert conflict.measure == "votes against"
    assert sorted(c.value for c in conflict.claims) == [18, 19]


def test_votes_against_are_never_a_rival_to_votes_for():
    conflicts = event(
        "The Harbour Point council approved the city budget on Tuesday by 21 votes to 19.",
        "Councillors in Harbour Point voted 19 to 2 on Tuesday to pass the city budget.")
    assert conflicts
    assert all(len({c.unit for c in conflict.claims}) == 1 for conflict in conflicts)


def test_a_measure_each_source_gives_once_is_compared_in_other_words():
    # each article gives one area, the wildfire's, in words that share little ("had burned
    # ... by Wednesday morning" / "has now chewed through"): description similarity 0.28
    conflicts = flagged(event(
        "Farmers in the Kettle Basin said the wildfire had burned 14,200 hectares of wheat and "
        "barley country by Wednesday morning.",
        "Smoke everywhere: the Sedge Hollow blaze has now chewed through 12,800 hectares."))
    assert any({c.phrase for c in conflict.claims} == {"14,200 hectares", "12,800 hectares"}
               for conflict in conflicts)


def test_a_round_span_of_time_is_what_it_says():
    # a span of time written without "about" is no rounding of one 10% away
    conflicts = event(
        "Bus drivers ended a 20-day strike on Sunday after a deal on pay.",
        "After 18 days of strike, bus drivers returned to work on Sunday after a deal on pay.")
    assert conflicts and not conflicts[0].compatible


def test_a_noun_for_people_that_no_ending_shows_is_people():
    # "pupils" has no ending of a noun for people (resident, worker); WordNet knows it is one
    conflicts = flagged(event(
        "Health officials said 63 pupils at Kivule primary school fell ill after the lunch.",
        "71 children from Kivule primary school fell ill after the lunch, officials said."))
    assert any({c.phrase for c in conflict.claims} == {"63 pupils", "71 children"}
               for conflict in conflicts)


def test_a_rival_figure_joins_every_voice_of_the_figure_it_contradicts():
    """"Seven people were killed" is as close as a conflict needs to "Nine people are dead"
    but not to "Nine people ... lost their lives", worded far from it: the nine are one figure
    of two voices, and the seven conflict with both."""
    import numpy as np

    from newsfuse.nlp.embed import DIMENSIONS

    def unit(*weights: float) -> np.ndarray:
        vector = np.zeros(DIMENSIONS, dtype=np.float32)
        vector[:len(weights)] = weights
        return vector / np.linalg.norm(vector)

    # cosines: seven~dead 0.5 (linked), seven~lives 0.3 (under the bar), dead~lives 0.6
    # (descriptions and contexts: "people kill ferry accident", "X lost their lives ...")
    by_word = {"kill": unit(0.5, 0.866), "li": unit(0.6, 0.0, 0.8), "dead": unit(1.0)}

    def embed(texts: list[str]) -> np.ndarray:
        return np.stack([next((v for w, v in by_word.items() if w in t), unit(0, 0, 0, 1.0))
                         for t in texts])

    articles = [Article(id=key, body=body, published=PUBLISHED, source=f"Outlet {key}")
                for key, body in (("a", "Seven people were killed in the ferry accident."),
                                  ("b", "Nine people lost their lives when the ferry sank."),
                                  ("c", "Nine people are dead after the ferry sank."))]
    (conflict,) = flagged(find_conflicts(annotate(articles), {}, embed))
    assert {(c.phrase, tuple(c.sources)) for c in conflict.claims} == {
        ("Seven people", ("a",)), ("Nine people", ("b", "c"))}


def test_shares_of_different_wholes_are_not_rivals():
    conflicts = event(
        "The survey at Lake Ostra found that 40% of all fish in the lake are carp.",
        "At Lake Ostra, divers counted the reeds: 25% of the reeds in the shallows had died.")
    assert flagged(conflicts) == []


def test_a_distance_between_places_is_no_rival_to_a_radius():
    conflicts = event(
        "Police moved everyone living within 30 kilometres of the Volk dam to shelters.",
        "Ardel, which lies 45 kilometres south of the Volk dam, took in the evacuees.")
    assert flagged(conflicts) == []



def test_figures_given_for_different_places_are_not_rivals():
    conflicts = event(
        "The storm left 9,000 homes in Lisvane without power on Monday.",
        "About 12,000 homes in Corrabeg were without power on Monday after the storm.")
    assert flagged(conflicts) == []


def test_one_place_or_a_persons_nationality_beside_a_figure_keeps_its_conflict():
    # one place on both sides; a painter's nationality is no scope of the sum insured
    conflicts = event(
        "The storm left 9,000 homes in Velmar without power on Monday.",
        "About 12,000 homes in Velmar were without power on Monday after the storm.")
    assert len(flagged(conflicts)) == 1
    conflicts = event(
        "The portrait by the Flemish painter Anneke Wouters is insured for 4.5 million euros.",
        "The museum in Port Halden says the portrait has an insurance value of 6 million euros.")
    assert len(flagged(conflicts)) == 1


@pytest.mark.parametrize(("share", "rivals"), [
    # "5%" covers 4.5..5.5 as a range and "4.5 per cent" 4.45..4.55, which touch; but a
    # writer who knew of 4.5 per cent would not write 5%
    (4.5, [[4.5, 5.0]]),
    (4.8, []),  # inside the rounder figure's range: compatible
])
def test_a_figure_halfway_to_a_rounder_one_is_no_rounding_of_it(share, rivals):
    conflicts = event(
        f"Dockers at the Orsk container terminal rejected a pay rise of {share} per cent on "
        "Monday.",
        "The Orsk terminal operator offered dockers a 5% pay rise, which they rejected.")
    assert rival_values(flagged(conflicts)) == rivals
    assert rival_values(conflicts) == [[share, 5.0]]


@pytest.mark.parametrize(("other", "rivals"), [
    ("The Orvik barge, which sank off the Skarn lighthouse, is about 72 feet long.", []),
    ("The wreck of the Orvik barge lies at a depth of 45 metres off the Skarn lighthouse.",
     [[30.0, 45.0]]),
])
def test_a_depth_is_no_rival_to_a_length_but_to_another_depth(other, rivals):
    conflicts = event(
        "Divers found the wreck of the Orvik barge 30 metres down off the Skarn lighthouse.",
        other)
    assert rival_values(flagged(conflicts)) == rivals


@pytest.mark.parametrize(("first", "second", "kinds"), [
    # a weekday may be resolved a week off; a date written out is what its writer meant
    ("The Tamsk regional court will hold the retrial of the ferry captain on March 17.",
     "The retrial of the ferry captain will be held by the Tamsk regional court on March 24.",
     ["date"]),
    # two happenings a few weeks apart
    ("Tenants of the Orla Street block filed their lawsuit against the landlord on March 3.",
     "A first hearing in the Orla Street tenants' case against the landlord is set for "
     "March 20, the court said.", []),
])
def test_calendar_dates_weeks_apart_conflict_only_for_one_happening(first, second, kinds):
    assert [c.kind for c in flagged(event(first, second))] == kinds


def test_spans_of_time_described_by_what_lasted_conflict():
    # "in captivity" / "in the hands of" say what lasted that long; without them the two
    # sentences share little but a release
    conflicts = event(
        "Nurse Ilse Varga and two colleagues were freed late on Saturday after 96 days in "
        "captivity, the Korvane Relief Network said.",
        "Good news for the family of Dr. Ilse Varga from the town of Ostra: she was released "
        "yesterday evening in Dalmir after 103 days in the hands of the Red Ridge group.")
    assert rival_values(flagged(conflicts)) == [[96 * 86400.0, 103 * 86400.0]]


def test_a_span_two_sources_give_alike_draws_the_one_rival_each_of_them_is_closest_to():
    strike = "Dock workers at the port of Orsk began 10 days of strike action on Monday, the " \
        "union said."
    walkout = "The walkout at Orsk, which the dockers' union says will last 10 days, started " \
        "on Monday after pay talks collapsed."
    tabloid = "Shoppers are braced for TWELVE days of chaos at the Orsk harbour."
    # alike to each voice (0.33) under the linking bar (0.35), but the closest to both
    assert rival_values(flagged(event(strike, walkout, tabloid))) == [
        [10 * 86400.0, 12 * 86400.0]]
    # one voice alone is one chance match, not evidence
    assert rival_values(flagged(event(strike, tabloid))) == []


def test_a_height_has_as_its_one_candidate_the_one_height_of_another_source():
    # the debris' spread is a second length in the tabloid, but no height
    conflicts = event(
        "Contact with the Kestrel probe was lost 150 seconds into the flight, at an altitude "
        "of 52 kilometres, the agency said.",
        "The rocket was 57km up when things went wrong, according to amateur trackers. Debris "
        "was later found scattered over some 30 kilometres of desert.")
    assert rival_values(flagged(conflicts)) == [[52000.0, 57000.0]]


@pytest.mark.parametrize(("other", "rivals"), [
    # the count of rooms the hotel has is its size
    ("Guests fled the Grand Orla, which has 250 rooms, after the fire started in a kitchen "
     "on Sunday night.", [[250.0, 300.0]]),
    # rooms booked are some of its rooms
    ("Guests fled the Grand Orla after the fire started on Sunday night; 250 rooms were "
     "booked for the weekend.", []),
])
def test_a_size_is_a_rival_to_the_count_the_thing_holds(other, rivals):
    conflicts = event(
        "Fire broke out on Sunday night in the 300-room Grand Orla hotel on the seafront, "
        "forcing guests into the street.", other)
    assert rival_values(flagged(conflicts)) == rivals


def test_a_toll_or_crowd_given_after_of_is_a_rival_figure():
    found = flagged(event("The quake in Ardova province left a death toll of 12 by Tuesday.",
                          "The quake in Ardova province killed 15 people by Tuesday."))
    assert rival_values(found) == [[12, 15]]
    found = flagged(event("A crowd of 40,000 watched the cup final at Brenmoor Park on Sunday.",
                          "Some 52,000 fans watched the cup final at Brenmoor Park on Sunday."))
    assert [40_000, 52_000] in rival_values(found)


def test_weekly_wages_are_compared_with_each_other_not_with_a_one_off_payment():
    found = flagged(event(
        "Dunne-Harlow's salary at Corvina will be about £210,000 per week. He will also receive "
        "a £500,000 loyalty payment from Rovers.",
        "Dunne-Harlow will earn £180,000 a week at Corvina, the club said."))
    assert rival_values(found) == [[180_000, 210_000]]
    assert not flagged(event("Dunne-Harlow will receive a £500,000 payment from Corvina, the "
                             "club said.",
                             "Dunne-Harlow will earn £180,000 a week at Corvina, the club said."))


def test_a_range_is_written_in_units_a_reader_knows():
    found = flagged(event("Corvina signed the striker on a four-year deal on Tuesday.",
                          "Corvina signed the striker on a five-year contract on Tuesday."))
    [conflict] = found
    assert "years" in conflict.reason and "e+0" not in conflict.reason
    found = flagged(event("Corvina paid a fee of £42 million for the striker on Thursday.",
                          "Corvina paid £48m for the striker on Thursday."))
    assert "41.5–42.5 million GBP" in found[0].reason


def test_a_running_total_from_a_day_is_no_rival_to_that_day_s_count():
    day = ("The ferry operator cancelled 42 sailings on Monday as the storm closed the strait. "
           "Passengers were put up in hotels in the port.")
    since = ("Since Monday more than 150 sailings have been cancelled, the ferry operator said. "
             "The strait is expected to reopen on Friday.")
    found = event(day, since)
    grouped = [c for c in found if {cl.value for cl in c.claims} == {42, 150}]
    assert grouped and grouped[0].compatible and "running total since Monday" in grouped[0].reason
    # both counting from the day: rivals
    other = ("Since Monday, 90 sailings have been cancelled, a spokesman for the ferry operator "
             "said. Forecasters expect the strait to reopen on Friday.")
    rivals = rival_values(flagged(event(since, other)))
    assert [90, 150] in rivals


def test_amounts_of_one_noun_in_two_wordings_are_one_quantity():
    found = flagged(event(
        "CALDER BAY, Sept 16 (Atlas) - Orvane Systems said on Tuesday it would close its "
        "Tarnow plant and booked a $310 million charge, after revenue fell to $1.02 billion "
        "in the quarter.",
        "The company will record a restructuring charge of about $350 million in the current "
        "quarter, its finance chief told analysts on a call."))
    assert [310e6, 350e6] in rival_values(found)


def test_a_part_picked_out_by_its_outcome_is_the_count_of_that_outcome():
    conflicts = flagged(event(
        "A coach carrying 40 pupils slid off the Brennock pass on Friday, injuring 23 of the "
        "children, rescuers said.",
        "Seventeen children were hurt when their coach left the Brennock pass on Friday."))
    assert [17, 23] in rival_values(conflicts)
    # a part of those hurt ("are in a serious condition") counts no outcome of its own
    conflicts = flagged(event(
        "Seventeen children were hurt when their coach left the Brennock pass on Friday.",
        "Four of the injured children are in a serious condition after the Brennock crash."))
    assert [4, 17] not in rival_values(conflicts)


def test_a_part_by_its_outcome_joins_a_toll_of_lives_taken():
    conflicts = flagged(event(
        "An avalanche buried seven skiers at Montvel on Saturday. Two of the skiers died.",
        "Three people have died after the avalanche at Montvel on Saturday.",
        "The avalanche at Montvel on Saturday has taken the life of two persons."))
    assert any(claim.value == 2 and set(claim.sources) >= {"a", "c"}
               for c in conflicts for claim in c.claims)
