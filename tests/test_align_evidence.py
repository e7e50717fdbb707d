"""Support is not given across a negation or a different named actor:
invented sentences, the real parse (spaCy) and real MiniLM vectors (bundled, offline)."""

import datetime as dt

from newsfuse.align import align, contradicts
from newsfuse.api import annotate
from newsfuse.model import Article, Predicate
from newsfuse.nlp.embed import get_embedder
from newsfuse.nlp.pipeline import get_nlp
from newsfuse.nlp.predicates import extract_predicates
from newsfuse.segment import split

# Other sentences of the event, so that content words weigh by how rare they are in it.
FILLER = ["The harbour at Tamsby reopened on Monday after the storm.",
          "Fishing boats stayed in port for two days.",
          "Forecasters expect calmer weather later in the week."]


def build(articles: dict[str, list[str]], evidence: bool = True):
    loaded = [Article(id=doc, source=doc, body=" ".join(texts), published=dt.date(2031, 3, 4))
              for doc, texts in {**articles, "filler": FILLER}.items()]
    sentences = [split(a) for a in loaded]
    documents = annotate(loaded, None, sentences)
    flat = [s for ss in sentences for s in ss]
    return align(flat, get_embedder()([s.text for s in flat]), {},
                 outlets={a.id: a.source for a in loaded},
                 documents=documents if evidence else None)


def supporters(alignment, doc: str) -> set[str]:
    """Articles stating some clause of article `doc`'s first sentence. Its propositions are
    left out: "the silo collapsed on Sunday" is stated on both sides of a negation."""
    index = next(i for i, s in enumerate(alignment.sentences) if s.doc_id == doc)
    return {other for p in alignment.parts_of(index) if not alignment.parts[p].proposition
            for other in alignment.support[p]}


def predicates(text: str) -> list[Predicate]:
    from newsfuse.model import Sentence

    sentence = Sentence(doc_id="x", index=0, start=0, end=len(text), text=text)
    return extract_predicates(get_nlp()(text), [sentence])


def test_predicates_carry_polarity_and_named_actors():
    assert [(p.lemma, p.negated) for p in predicates("Nobody was hurt in the collapse.")] == \
        [("hurt", True)]
    assert [(p.lemma, p.negated) for p in predicates("There were no casualties.")] == \
        [("casualty", True)]
    paid, = predicates("Harwick Rovers paid 12 million pounds for the goalkeeper.")
    assert (paid.lemma, paid.negated, paid.agent) == ("pay", False, "Harwick Rovers")
    signed, = predicates("The goalkeeper was signed by Dunmore City.")
    assert signed.agent == "Dunmore City"
    # a denied infinitive is denied, though the parse gives it no subject
    assert ("offer", True) in [(p.lemma, p.negated) for p in predicates(
        "Varga will meet the president on Monday, though not to offer her resignation.")]
    # A participle used as an adjective is a description, not a claim of its own.
    assert all(p.lemma != "see" for p in predicates("Never-before-seen footage was shown."))


def test_contradicts_opposite_polarity_and_other_actors_only():
    hurt = Predicate(sentence=0, start=0, lemma="hurt", negated=True)
    assert contradicts([hurt], [hurt.model_copy(update={"negated": False})])
    assert not contradicts([hurt], [hurt])
    paid = Predicate(sentence=0, start=0, lemma="pay", agent="Harwick Rovers")
    assert contradicts([paid], [paid.model_copy(update={"agent": "Dunmore City"})])
    assert not contradicts([paid], [paid.model_copy(update={"agent": "Harwick"})])
    assert not contradicts([paid], [paid.model_copy(update={"agent": None})])


NOBODY = "Nobody was hurt when the grain silo at Pellworth collapsed on Sunday."
THREE = "Three workers were hurt when the grain silo at Pellworth collapsed on Sunday."


def test_a_negation_is_not_support():
    # Without the parse the two read as one claim: the test can fail.
    assert "b" in supporters(build({"a": [NOBODY], "b": [THREE]}, evidence=False), "a")
    alignment = build({"a": [NOBODY], "b": [THREE]})
    assert "b" not in supporters(alignment, "a")
    assert "a" not in supporters(alignment, "b")


def test_a_negation_stated_in_other_words_is_support():
    alignment = build({"a": [NOBODY],
                       "b": ["No one was hurt when the Pellworth grain silo collapsed on Sunday."]})
    assert "b" in supporters(alignment, "a")


ROVERS = "Harwick Rovers paid 12 million pounds for goalkeeper Ilse Brandt on Friday."
CITY = "Dunmore City paid 12 million pounds for goalkeeper Ilse Brandt on Friday."


def test_a_different_actor_is_not_support():
    assert "b" in supporters(build({"a": [ROVERS], "b": [CITY]}, evidence=False), "a")
    alignment = build({"a": [ROVERS], "b": [CITY]})
    assert "b" not in supporters(alignment, "a")
    assert "a" not in supporters(alignment, "b")


def test_the_same_actor_named_shorter_is_support():
    shorter = "Rovers paid 12 million pounds for goalkeeper Ilse Brandt on Friday."
    alignment = build({"a": [ROVERS], "b": [shorter]})
    assert "b" in supporters(alignment, "a")



def test_every_cited_source_states_the_figures_of_a_corroborated_fact():
    import newsfuse
    from newsfuse.align import figures_of
    from tests.conftest import DEMO

    report = newsfuse.analyze([DEMO])
    assert report.corroborated
    loaded, _ = newsfuse.api.load([DEMO])
    body = {a.id: a.body for a in loaded}
    for fact in report.corroborated:
        for source in fact.sources:
            assert figures_of(fact.text) <= figures_of(body[source]), (fact.text, source)


def test_a_forecast_does_not_support_what_happened():
    elected = "The assembly in Tarrow elected Ines Varga as president on Thursday."
    forecast = "The assembly in Tarrow is expected to elect Ines Varga as president on Thursday."
    assert "b" in supporters(build({"a": [elected], "b": [forecast]}, evidence=False), "a")
    alignment = build({"a": [elected], "b": [forecast]})
    assert "b" not in supporters(alignment, "a")
    # the same happening told as done in other words is support
    done = "On Thursday the Tarrow assembly elected Ines Varga president."
    assert "b" in supporters(build({"a": [elected], "b": [done]}), "a")
