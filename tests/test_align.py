"""Support that means support: invented sentences, real MiniLM vectors (bundled, offline)."""

import pytest

from newsfuse.align import align, figures_of, outlet_voices, split_parts
from newsfuse.config import AlignConfig
from newsfuse.model import Sentence
from newsfuse.nlp.embed import get_embedder
from newsfuse.synthesize.corroborate import corroborated_facts


def build(articles: dict[str, list[str]], outlets: dict[str, str] | None = None,
          independent: dict[str, str] | None = None):
    sentences = [Sentence(doc_id=doc, index=i, start=0, end=len(text), text=text)
                 for doc, texts in articles.items() for i, text in enumerate(texts)]
    embeddings = get_embedder()([s.text for s in sentences])
    return align(sentences, embeddings, independent, outlets=outlets)


def position(alignment, doc, index):
    return next(i for i, s in enumerate(alignment.sentences)
                if s.doc_id == doc and s.index == index)


def supporters(alignment, doc, index):
    """Articles stating some clause of sentence (doc, index), other than the event filler."""
    return {other for p in alignment.parts_of(position(alignment, doc, index))
            for other in alignment.support[p]} - {"filler"}


FERRY = ("The ferry ran aground on a sandbank off Kettle Point on Monday, and lifeboats took "
         "all 112 passengers ashore.")
# Other sentences of the event: content words weigh by how rare they are in it.
FILLER = {"filler": ["The ferry company said passengers would get refunds.",
                     "The ferry to Kettle Point was carrying passengers and cars.",
                     "Passengers said the crossing had been calm.",
                     "Tidewell Lines runs the Kettle Point ferry three times a day."]}


def test_a_clause_stated_in_other_words_is_supported():
    alignment = build({"a": [FERRY],
                       "b": ["All 112 passengers were brought to shore in lifeboats."], **FILLER})
    assert "b" in supporters(alignment, "a", 0)
    # b states one clause of a's sentence, not all of it: it is not cited for the whole.
    assert alignment.sources_of(position(alignment, "a", 0)) == ["a"]
    assert alignment.sources_of(position(alignment, "b", 0)) == ["b", "a"]


def test_an_earlier_instance_is_not_support():
    resigned = "Premier Ines Varga offered her resignation to the president."
    alignment = build({"a": [resigned],
                       "b": ["The party forced Varga to offer her resignation last year over "
                             "budget cuts."],
                       "c": ["Varga offered her resignation to the president, her office said."],
                       **FILLER})
    assert supporters(alignment, "a", 0) == {"c"}


def test_a_topic_mate_is_not_support():
    alignment = build({"a": [FERRY],
                       "b": ["Passengers on the Kettle Point ferry often complain about delays "
                             "caused by the tides."], **FILLER})
    assert not supporters(alignment, "a", 0)
    assert not supporters(alignment, "b", 0)


def test_a_different_figure_is_not_support():
    alignment = build({"a": [FERRY],
                       "b": ["Lifeboats took all 140 passengers ashore."], **FILLER})
    assert "b" not in supporters(alignment, "a", 0)
    assert "a" not in supporters(alignment, "b", 0)


def test_a_different_figure_in_words_joined_to_its_unit_is_not_support():
    alignment = build({"a": ["Kettle Point signed the ferry operator to a five-year contract."],
                       "b": ["Kettle Point signed the ferry operator to a four-year contract."],
                       **FILLER})
    assert not supporters(alignment, "a", 0)
    assert not supporters(alignment, "b", 0)


def test_another_weekday_is_not_support():
    alignment = build({"a": ["The ferry service to Kettle Point resumes on Thursday."],
                       "b": ["The ferry service to Kettle Point resumes on Saturday."], **FILLER})
    assert not supporters(alignment, "a", 0)


def test_another_ordinal_is_not_support():
    alignment = build({"a": ["This is the first in a series on the Kettle Point ferry."],
                       "b": ["This is the second in a series on the Kettle Point ferry."],
                       **FILLER})
    assert not supporters(alignment, "a", 0)
    assert not supporters(alignment, "b", 0)


def test_a_month_the_other_source_does_not_name_is_not_support():
    for mine, theirs in [
        ("The harbour master announced her retirement in July.",
         "The harbour master announced her retirement, which takes effect at the end of the "
         "year."),
        ("In October, four fishermen from Varna were arrested.",
         "Four fishermen from Varna were jailed by a court on Tuesday.")]:
        assert supporters(build({"a": [mine], "b": [theirs]}), "a", 0) == set()
    assert supporters(build({"a": ["The harbour master announced her retirement in July."],
                             "b": ["In July the harbour master said she would retire."]}),
                      "a", 0) == {"b"}


def test_a_quote_is_stated_only_by_a_source_that_gives_its_words():
    quote = '"The dredging will continue until the channel is safe," the port director said.'
    assert supporters(build({"a": [quote], "b": [
        "The port director said the dredging work was still going on."]}), "a", 0) == set()
    assert supporters(build({"a": [quote], "b": [
        "The dredging will continue until the channel is safe, the director of the port "
        "told reporters."]}), "a", 0) == {"b"}


def test_number_words_and_digits_agree():
    assert figures_of("Two deckhands were hurt") == figures_of("2 deckhands were hurt")
    # "one" is mostly a pronoun: "no one was hurt" states no figure.
    assert figures_of("No one was hurt.") == frozenset()


def test_clauses_are_split_at_commas_before_conjunctions():
    sentence = Sentence(doc_id="a", index=0, start=0, end=len(FERRY), text=FERRY)
    parts = split_parts([sentence], AlignConfig())
    assert [p.whole for p in parts] == [True, False, False]
    assert parts[2].text == "and lifeboats took all 112 passengers ashore"


GROUNDING = {
    "a": ["The ferry Morrow ran aground on a sandbank off Kettle Point early on Monday, the "
          "harbour office said.",
          "A harbour pilot will inspect the channel markers next week."],
    "b": ["Early on Monday the Morrow struck a sandbank near Kettle Point and ran aground.",
          "The owner of the ferry, Tidewell Lines, was fined in 2019 for a missed safety drill."],
}


def test_one_outlets_two_versions_count_once():
    articles = {**GROUNDING,
                "b2": ["Early on Monday the Morrow struck a sandbank near Kettle Point and went "
                       "aground, the harbour office said."]}
    alone = build(articles, outlets={"a": "Coast Post", "b": "Isle Times", "b2": "Isle Times"})
    facts = corroborated_facts(alone)
    assert facts and facts[0].count == 2
    assert set(facts[0].sources) == {"a", "b", "b2"}
    # Without outlet names the two versions would be two voices.
    assert corroborated_facts(build(articles))[0].count == 3


def test_syndicated_copies_count_once():
    alignment = build({"a": GROUNDING["a"], "b": GROUNDING["b"], "c": GROUNDING["b"]},
                      independent={"a": "a", "b": "b", "c": "b"})
    assert corroborated_facts(alignment)[0].count == 2


def test_a_unique_fact_is_not_corroborated():
    facts = corroborated_facts(build(GROUNDING, **{"outlets": {"a": "Coast Post", "b": "Isle"}}))
    assert len(facts) == 1
    assert "fined" not in facts[0].text and "pilot" not in facts[0].text


def test_outlet_voices_merge_versions_and_copies():
    voices = outlet_voices({"a": "a", "b": "b", "c": "a", "d": "d"},
                           {"a": "Coast Post", "b": "The Coast-Post", "d": None})
    assert voices["a"] == voices["b"] == voices["c"]
    assert voices["d"] == "d"


@pytest.mark.parametrize("articles", [{}, {"a": ["Only one article says this much."]}])
def test_small_inputs(articles):
    alignment = build(articles)
    assert corroborated_facts(alignment) == []


def test_soft_cover_finds_a_paraphrase_in_other_words_not_a_topic_mate():
    """Token vectors match 'died' to 'deaths' and 'overtopped' to 'spilled over': the part is
    covered by its paraphrase far more than by a sentence on the same flood."""
    import numpy as np

    from newsfuse.align import soft_cover

    part, paraphrase, topic_mate = (
        "The Marrow river overtopped the levee at Dunstan",
        "At Dunstan the Marrow spilled over its levee",
        "Dunstan's council said the levee along the Marrow had been inspected last year")
    _, (mine, near, far) = get_embedder().encode([part, paraphrase, topic_mate])
    weights = np.ones(len(mine.pieces), dtype=np.float32)
    assert soft_cover(mine, near, weights) > soft_cover(mine, far, weights) + 0.05


def test_clauses_encoded_beside_the_parse_give_the_same_alignment():
    """analyze encodes sentences and clauses while spaCy parses; align given those encodings
    supports exactly what it supports when it encodes them itself."""
    from newsfuse.nlp.embed import KnownEncodings

    articles = {"a": ["Two people died and 40 homes were flooded, officials said.",
                      "The bridge at Kelso will stay shut until Friday."],
                "b": ["Two deaths have been confirmed, the council said.",
                      "Kelso bridge remains closed until Friday, engineers said."]}
    sentences = [Sentence(doc_id=doc, index=i, start=0, end=len(text), text=text)
                 for doc, texts in articles.items() for i, text in enumerate(texts)]
    clauses = sorted({p.text for p in split_parts(sentences, AlignConfig()) if not p.whole})
    encoder = get_embedder()
    vectors, tokens = encoder.encode([s.text for s in sentences] + clauses)
    n = len(sentences)
    known = KnownEncodings(clauses, vectors[n:], tokens[n:], encoder)
    given = align(sentences, vectors[:n], tokens=tokens[:n], encode=known)
    own = align(sentences, vectors[:n])
    assert [{d: s.sentence for d, s in sup.items()} for sup in given.support] == \
        [{d: s.sentence for d, s in sup.items()} for sup in own.support]
    assert any(given.support)


# A mine rescue: one long sentence of b, and the rest of the event.
ORLEN_RESCUE = ("Rescuers reached the Orlen mine shaft at dawn on Thursday after drilling through "
                "collapsed rock, and the mine's owner, Vessa Coal, said it would pay for the "
                "families' hotel rooms.")
ORLEN_FILLER = ["Families waited at the gate of the Orlen mine.",
                "The Orlen mine employs 300 people.", "Miners said the shaft had been unsafe.",
                "Vessa Coal runs three mines in the region."]


def test_a_longer_sentence_is_not_cited_to_a_source_stating_only_part_of_it():
    # a's sentence is a piece of a quotation (no wording of its own); b's sentence states it
    # and says much more, which a never says: b's sentence is no fact of a and b
    alignment = build({
        "a": ['"Rescuers reached the Orlen mine shaft at dawn.', "The mine is run by Vessa Coal."],
        "b": [ORLEN_RESCUE], "filler": ORLEN_FILLER})
    facts = corroborated_facts(alignment)
    assert not [f for f in facts if "hotel rooms" in f.text and "a" in f.sources]


def test_a_sentence_with_one_content_word_is_stated_by_no_sentence_that_shares_it():
    # a forum line beside a news story: "pizza" is all the two have in common
    alignment = build({"a": ["It's been a while since you had some pizza."],
                       "b": ["Here are two facts about Bitcoin Pizza Day that show this:"],
                       **FILLER})
    assert alignment.sources_of(position(alignment, "a", 0)) == ["a"]
    assert not any(fact.text.startswith("It's been") for fact in corroborated_facts(alignment))
    # a short sentence whose vector is close still finds its echo
    alignment = build({"a": ["They're all out, and they're all alive."],
                       "b": ["The eleven miners, who all came out alive, are now in hospital."],
                       **FILLER})
    assert "b" in supporters(alignment, "a", 0)
