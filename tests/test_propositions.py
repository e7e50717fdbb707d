"""Propositions read off the parse (nlp/propositions.py) and what the alignment does with them:
invented sentences, the real parse (spaCy) and real MiniLM vectors (bundled, offline)."""

import pytest

from newsfuse.model import Sentence
from newsfuse.nlp.pipeline import get_nlp
from newsfuse.nlp.propositions import extract_propositions
from newsfuse.synthesize.corroborate import corroborated_facts
from tests.test_align import ORLEN_FILLER, ORLEN_RESCUE
from tests.test_align_evidence import build


def propositions(text: str) -> list[str]:
    doc = get_nlp()(text)
    sentences = [Sentence(doc_id="x", index=i, start=s.start_char, end=s.end_char, text=s.text)
                 for i, s in enumerate(doc.sents)]
    return [p.text for p in extract_propositions(doc, sentences)]


@pytest.mark.parametrize("text, expected", [
    ("Harbour pilot Jonas Ekdahl, a 44-year-old veteran of the port, was rescued by a fishing "
     "crew.", "Harbour pilot Jonas Ekdahl was rescued by a fishing crew"),
    ("The ferry service will resume on Monday, the operator said.",
     "The ferry service will resume on Monday"),
    ("Three hikers were injured and rangers closed the northern trail.",
     "rangers closed the northern trail"),
    ("The old dam, which was built in 1961, failed overnight.", "The old dam failed overnight"),
    ("The old dam, which was built in 1961, failed overnight.",
     "The old dam, which was built in 1961"),
    ("The council will spend $12m (£9.4m) on new buses, the mayor said.",
     "The council will spend $12m on new buses"),
    ("The new district, with about 52,000 residents, will become the third-largest in the "
     "region.", "The new district will become the third-largest in the region"),
    ("The rash is caused by HPV (human papillomavirus), which actually comes from contact.",
     "HPV, which actually comes from contact"),
    ("My stomach churns over] really stupid stuff, he said.",
     "My stomach churns over really stupid stuff"),
], ids=["appositive left out", "attribution left out", "conjoined clause on its own",
        "relative clause left out", "relative clause keeps its noun as written",
        "bracketed aside left out", "phrase set off by commas left out",
        "an aside's brackets go with it", "a bracket without its partner is left out"])
def test_a_proposition_is_one_clause_without_its_asides(text, expected):
    assert expected in propositions(text)


def test_a_clause_that_is_only_asked_about_is_no_proposition():
    found = propositions("The ministry gave no sign whether the two ferries would sail again.")
    assert not any(p.startswith("the two ferries") for p in found)


@pytest.mark.parametrize("text, denied", [
    ("The commissioner said he had not seen the memo, nor did he believe that his officers "
     "would harm a prisoner.", "his officers would harm a prisoner"),
    ("Nor do I believe that an inspector would ignore a complaint.",
     "an inspector would ignore a complaint"),
    ("She did not say that the mill would close.", "the mill would close"),
], ids=["nor on the first joined verb", "nor on the verb", "not"])
def test_a_clause_under_a_denied_verb_is_no_proposition(text, denied):
    assert denied not in propositions(text)
    assert "the mill would close" in propositions("She said that the mill would close.")


def test_a_clause_in_the_subjunctive_is_no_proposition():
    found = propositions("The main concession wanted by the West is that Norland stop "
                         "enriching uranium.")
    assert not any(p.startswith("Norland stop") for p in found)
    assert "Norland will stop enriching uranium" in propositions(
        "Officials said that Norland will stop enriching uranium.")


def test_a_clause_describing_a_noun_is_no_proposition():
    found = propositions("Ferry tickets were sold during the entire time the strike ran.")
    assert not any(p.startswith("the strike") for p in found)
    assert not any("said" in p for p in propositions("The pier is closed, the coastguard said."))


def test_a_fact_inside_a_longer_sentence_is_corroborated_as_its_clause():
    alignment = build({
        "a": ["Rescue crews moved 600 people out of the lower district as the river Tarn burst "
              "its banks near the old mill, officials said."],
        "b": ["The river Tarn burst its banks near the old mill."]})
    facts = corroborated_facts(alignment)
    assert any(f.text.startswith("The river Tarn burst its banks") and f.sources == ["a", "b"]
               for f in facts)
    # the evacuation figure only one source gives is not shown as corroborated
    assert not any("600" in f.text for f in facts)


def test_describing_clauses_and_titles_give_no_proposition():
    found = propositions("Those who had access to intensive care survived.")
    assert found == ["Those who had access to intensive care survived"]
    assert not any("Is Born" in p
                   for p in propositions("The singer makes her debut in A Star Is Born."))


def test_a_proposition_is_read_out_of_its_sentence_pass():
    from newsfuse.nlp.embed import get_embedder

    text = "The river Tarn burst its banks, officials said."
    _, (tokens,) = get_embedder().encode([text])
    found = tokens.span([(0, 30)])
    assert found is not None and found.pieces[-1] == "banks" and "officials" not in found.pieces
    assert tokens.span([(100, 120)]) is None


def test_a_clause_in_the_cut_tail_of_a_long_sentence_is_encoded_on_its_own():
    from newsfuse.nlp.embed import get_embedder

    text = ("Crews from Harlow, Denby, Marsh End, Upper Tolling, Lower Tolling, Fenwick, "
            "Greyhope, Saltby, Orrin Cross, Pellow, Wickham Vale and Ashby Moor worked through "
            "the night along the embankment with pumps, sandbags, boats and lorries, and by "
            "morning the water in the lower streets of the old market town had begun to fall.")
    _, (tokens,) = get_embedder().encode([text])
    cut = tokens.offsets[-1][1]
    assert cut < len(text)  # the encoder cut the sentence
    # a clause running across the cut: its leading pieces alone would stand for it
    assert tokens.span([(cut - 20, len(text) - 1)]) is None
    assert tokens.span([(0, 10)]) is not None


@pytest.mark.parametrize("line", [
    "But where does the Tarn flood of this week rank among the worst in the valley?",
    "The Latest on the flooding of the river Tarn near the old mill (all times local):",
])
def test_a_question_or_a_lead_in_line_is_no_corroborated_fact(line):
    alignment = build({"a": [line], "b": [line]})
    assert not any(line[:30] in f.text for f in corroborated_facts(alignment))


def test_a_piece_of_a_quotation_is_no_fact_on_its_own():
    alignment = build({
        "a": ['The mayor of the valley town spoke to reporters. "The river rose faster than '
              'anyone had predicted. The old mill is gone."'],
        "b": ["The river rose faster than anyone in the valley town had predicted."]})
    shown = [f.text for f in corroborated_facts(alignment)]
    assert shown and not any(text.startswith('"') for text in shown)


def test_a_clause_the_parse_opens_with_when_reads_without_it():
    # the parse hangs "when" on the verb as an adverb, not as the clause's marker: shown
    # alone, "When his tractor rolled into a ditch." is no statement
    found = propositions("A farmer from Selby was hurt when his tractor rolled into a ditch.")
    assert "his tractor rolled into a ditch" in found
    assert not any(p.lower().startswith("when") for p in found)


def test_a_participle_with_its_own_subject_is_no_proposition():
    found = propositions("The merger was approved, with Ellford itself voting against it by "
                         "a wide margin.")
    assert not any(p.startswith("Ellford itself voting") for p in found)


def test_a_fact_is_worded_as_every_source_of_it_states_it():
    # the shortest member sentence gives a clock time one source lacks: shown, it would
    # leave that source out; the sentence all three state is the fact's wording
    alignment = build({
        "a": ["Engineers restored power to the children's hospital in Varnhem after the "
              "storm."],
        "b": ["At 9:40 engineers restored power to the children's hospital in Varnhem after "
              "the storm."],
        "c": ["Power was restored to the children's hospital in Varnhem at 9:40 a.m."]})
    facts = corroborated_facts(alignment)
    assert any(f.sources == ["a", "b", "c"] and "9:40" not in f.text for f in facts)


def test_a_fact_is_shown_in_its_own_words_before_a_shorter_vaguer_echo():
    # every sentence states that the landing is investigated; the shortest leaves out who
    # investigates, which the fact's own sentence and another source give
    alignment = build({
        "a": ["The National Transport Safety Board is investigating the emergency landing at "
              "Kellby."],
        "b": ["The emergency landing at Kellby is being investigated by the National Transport "
              "Safety Board."],
        "c": ["Investigators are examining the emergency landing at Kellby."]})
    facts = corroborated_facts(alignment)
    assert any(f.sources == ["a", "b", "c"] and "Safety Board" in f.text for f in facts)


def test_a_short_sentence_stated_by_a_longer_one_is_the_fact_in_its_own_words():
    alignment = build({
        "a": ["Rescuers reached the Orlen shaft.", "The mine is run by Vessa Coal."],
        "b": [ORLEN_RESCUE], "filler": ORLEN_FILLER})
    facts = {f.text: f.sources for f in corroborated_facts(alignment)}
    assert facts.get("Rescuers reached the Orlen shaft.") == ["a", "b"]


def test_a_clause_without_a_verb_is_no_fact_of_its_own():
    # "The harbour master and the crew of the tug Velda" names people; b's sentence about
    # them says what a never says
    alignment = build({
        "a": ["The harbour master and the crew of the tug Velda, who had worked through the "
              "night in heavy seas, were praised by the mayor of Ostra on Friday."],
        "b": ["The crew of the tug Velda towed the stricken tanker off the rocks near Ostra at "
              "dawn."],
        "c": ["Oil was seen on the beach at Ostra.", "The tanker was carrying diesel."]})
    assert not [f for f in corroborated_facts(alignment) if "towed" in f.text and "a" in f.sources]


def test_a_clause_opening_on_a_relative_pronoun_and_a_comma_does_not_read_alone():
    from newsfuse.synthesize.corroborate import _reads_alone

    assert not _reads_alone("Who, according to the prosecution, were rewarded with contracts")
    assert _reads_alone("Prosecutors say the officials were rewarded with contracts")


def test_words_keep_the_order_written_on_a_crossing_parse():
    # the parse hangs "where" on the second verb ("talked"), so walking the clause's subtree
    # gave "the ledge the boy was stuck and where talked to him"
    text = "Okafor walked to the ledge where the 9-year-old boy was stuck and talked to him."
    assert propositions(text) == [text.rstrip(".")]


@pytest.mark.parametrize(("text", "unclaimed", "claimed"), [
    ("The president asked Varga to stay on as caretaker until a new cabinet is formed.",
     "a new cabinet is formed", None),
    ("The port will stay shut unless the union accepts the offer.", "the union accepts", None),
    ("The road stayed closed until the storm passed on Monday.", None,
     "the storm passed on Monday"),
])
def test_what_has_not_happened_yet_is_no_proposition(text, unclaimed, claimed):
    found = propositions(text)
    if unclaimed:
        assert not any(p.startswith(unclaimed) for p in found)
    if claimed:
        assert claimed in found


@pytest.mark.parametrize("text, unclaimed", [
    ("The minister called Drava's claim that the general has diplomatic immunity absurd.",
     "the general has diplomatic immunity"),
    ("Rumours that the Tarrow bank would close spread on Monday.", "the Tarrow bank would close"),
])
def test_what_a_claim_or_rumour_holds_is_no_proposition(text, unclaimed):
    assert not any(p.startswith(unclaimed) for p in propositions(text))


@pytest.mark.parametrize("text, unclaimed", [
    ("Stocks fell after a tweet from the account erroneously claimed that there were two "
     "explosions at the harbour.", "there were two explosions"),
    ("The tweet, which said that there had been two explosions at the harbour, came after "
     "hackers took over the account.", "there had been two explosions"),
])
def test_what_a_hoax_or_a_false_claim_says_is_no_proposition(text, unclaimed):
    found = propositions(text)
    assert not any(p.startswith(unclaimed) for p in found)
    assert propositions("Police said that two men were arrested.") == ["two men were arrested"]
