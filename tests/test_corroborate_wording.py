"""How a corroborated fact is worded: invented articles, the real parse and MiniLM vectors."""

import datetime as dt

from newsfuse.api import analyze
from newsfuse.model import Article

DAY = dt.date(2031, 2, 17)


def facts(bodies: dict[str, str]) -> list[str]:
    found = analyze([Article(id=k, source=f"Outlet {k}", body=v, published=DAY)
                     for k, v in bodies.items()]).corroborated
    return [f.text for f in found if len(f.sources) >= 2]


def test_a_wording_that_reads_on_its_own_is_shown_before_one_opening_on_a_pronoun():
    shown = facts({
        "a": "Ana Ruiz will nominate the banker Tomas Keller as ambassador to Norland.\n\n"
             "The Senate must confirm the choice before the summer recess.",
        "b": "The president-elect made her choice on Friday.\n\n"
             "She will nominate Tomas Keller as ambassador to Norland.",
    })
    assert any("Tomas Keller" in text for text in shown)
    assert not any(text.startswith("She ") for text in shown)


def test_a_sentence_set_in_capitals_is_no_wording_of_a_fact():
    shown = facts({
        "a": "POLICE SAY THE FERRY STRUCK A REEF OFF TOLVIK AND ALL 112 PASSENGERS WERE RESCUED "
             "BY THE COASTGUARD.\n\nThe owner said divers would inspect the hull.",
        "b": "The ferry struck a reef off Tolvik on Monday and the coastguard rescued all 112 "
             "passengers, police said.",
    })
    assert shown and not any(text.isupper() for text in shown)


def test_a_clause_left_opening_on_including_is_no_wording_of_a_fact():
    from newsfuse.synthesize.corroborate import _reads_alone

    assert not _reads_alone("Including volunteers from Ardbrae and Glenmoss, joined the search.")
    assert _reads_alone("Volunteers from Ardbrae and Glenmoss joined the search.")


def test_a_clause_joined_by_and_is_shown_without_the_conjunction_not_as_its_pronoun():
    # the fact is a clause of a's sentence ("and the Republic of Aldara said ..."): shown as
    # that clause without "and", not as the parse's "It was flying in ..." that leans back
    shown = facts({
        "a": "Floods cut the coastal road at Merrow on Monday.\n\nTwo villages were evacuated "
             "overnight, and the Republic of Aldara said it was flying in a rescue team with "
             "divers.\n\nThe mayor thanked volunteers.",
        "b": "Aldara's government sent a rescue team with divers to Merrow on Tuesday morning, "
             "its foreign ministry said, after heavy rain flooded the coast.\n\nSchools stayed "
             "closed.",
    })
    assert "The Republic of Aldara said it was flying in a rescue team with divers." in shown
    assert not any(text.startswith("It ") for text in shown)


def test_a_subordinate_clause_is_worded_by_the_proposition_the_parse_reads_in_it():
    from types import SimpleNamespace

    from newsfuse.synthesize.corroborate import _clause_wordings

    sentence = ("Korvel Motors will close its gearbox plant in Dunmere, as the carmaker "
                "struggles with weak demand for diesel vans.")
    clause = "as the carmaker struggles with weak demand for diesel vans"
    alignment = SimpleNamespace(
        sentences={4: SimpleNamespace(text=sentence)},
        statements={4: ["Korvel Motors will close its gearbox plant in Dunmere",
                        "the carmaker struggles with weak demand for diesel vans",
                        "it struggles with weak demand for diesel vans"]})
    assert _clause_wordings(alignment, 4, clause, sentence.index(clause)) == [
        "the carmaker struggles with weak demand for diesel vans"]


def test_and_is_left_out_of_a_wording_only_after_a_clause_not_after_a_name():
    from types import SimpleNamespace

    from newsfuse.synthesize.corroborate import _clause_wordings

    joined = "Two villages were evacuated, and the carmaker blamed weak demand for vans"
    named = "Ana Ruiz, of the Dunmere institute, and colleagues surveyed the village of Sukra"
    alignment = SimpleNamespace(
        sentences={1: SimpleNamespace(text=joined), 2: SimpleNamespace(text=named)},
        statements={1: ["Two villages were evacuated",
                        "the carmaker blamed weak demand for vans"],
                    2: [named]})
    clause = "and the carmaker blamed weak demand for vans"
    assert "the carmaker blamed weak demand for vans" in _clause_wordings(
        alignment, 1, clause, joined.index(clause))
    clause = "and colleagues surveyed the village of Sukra"
    assert _clause_wordings(alignment, 2, clause, named.index(clause)) == []
