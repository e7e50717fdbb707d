import numpy as np

from newsfuse.align import align
from newsfuse.model import (
    AnnotatedDocument,
    Article,
    CorroboratedFact,
    EntityMention,
    Sentence,
)
from newsfuse.synthesize.unique import unique_facts

TEXTS = {"a": ["The river rose four metres in one hour near the Bilyi Kamin dam.",
               "Nobody had time to take anything with them,\" said the chief of rescue.",
               "Rescue teams evacuated the villages overnight while the water kept rising."],
         "b": ["Rescue crews evacuated the villages overnight as the water kept rising."]}


VECTORS = [[0.5, 0.85, 0], [1, 0.3, 0.1], [1, 0, 0], [1, 0.01, 0]]


def _event(texts: dict[str, list[str]], vectors: list[list[float]] = VECTORS,
           outlet: str | None = None):
    """The event's alignment and documents; `outlet`: every article's outlet."""
    sentences, documents = [], []
    for doc_id, lines in texts.items():
        doc_sentences = [Sentence(doc_id=doc_id, index=i, start=0, end=len(t), text=t)
                         for i, t in enumerate(lines)]
        sentences += doc_sentences
        documents.append(AnnotatedDocument(
            article=Article(id=doc_id, body=" ".join(lines), source=outlet),
            sentences=doc_sentences,
            entities=[EntityMention(text="X", label="GPE", sentence=i, start=0, end=1)
                      for i in range(len(lines))]))
    unit = np.array(vectors, dtype=np.float32)
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    return align(sentences, unit, outlets=dict.fromkeys(texts, outlet)), documents


def test_only_unmatched_salient_statements_are_unique():
    facts = unique_facts(*_event(TEXTS))
    assert [(f.source, f.text[:9]) for f in facts] == [("a", "The river")]


def test_a_sentence_holding_a_fact_listed_as_corroborated_is_not_unique():
    listed = [CorroboratedFact(text="The river rose four metres in one hour.", sources=["a", "c"],
                               count=2)]
    assert unique_facts(*_event(TEXTS), listed) == []


def test_a_sentence_through_which_a_source_states_a_listed_fact_is_not_unique():
    """Its wording differs from the fact's (another source's sentence was shown), but the
    corroboration found the fact in it."""
    listed = [CorroboratedFact(text="The water rose quickly at the dam.", sources=["a", "b"],
                               count=2, stated_in={"a": 0, "b": 3})]
    assert unique_facts(*_event(TEXTS), listed) == []


def test_a_sentence_told_alike_by_another_voice_is_not_unique():
    """Two ledes the alignment keeps apart for a figure only one gives are one story."""
    texts = {"a": ["A teenager hit by a train near Taree four days before Christmas has died."],
             "b": ["A teenager hit by a train near Taree during his 18th birthday has died."]}
    assert unique_facts(*_event(texts, [[1, 0, 0], [1, 0.05, 0]])) == []


def test_a_sentence_a_page_repeats_is_one_unique_fact():
    texts = {"a": [TEXTS["a"][0], TEXTS["a"][0], TEXTS["a"][2]], "b": TEXTS["b"]}
    facts = unique_facts(*_event(texts, [[0.5, 0.85, 0], [0.5, 0.85, 0], [1, 0, 0],
                                         [1, 0.01, 0]]))
    assert [(f.source, f.text[:9]) for f in facts] == [("a", "The river")]


def test_the_last_sentence_of_a_text_cut_off_mid_sentence_is_no_unique_fact():
    texts = {"a": [TEXTS["a"][2], "The river rose four metres in one hour near the Bilyi"],
             "b": TEXTS["b"]}
    assert unique_facts(*_event(texts, [[1, 0, 0], [0.5, 0.85, 0], [1, 0.01, 0]])) == []


def test_a_sentence_two_versions_of_one_story_share_is_listed_once():
    texts = {"a": ["The river rose four metres in one hour near the Bilyi Kamin dam.",
                   "Rescue teams evacuated the villages overnight while the water kept rising."],
             "b": ["The river rose four metres in one hour near the Bilyi Kamin dam.",
                   "The regional governor will visit the valley on Friday."]}
    vectors = [[1, 0.2, 0], [1, 0, 0.1], [1, 0.2, 0], [1, 0.1, 0.1]]
    facts = unique_facts(*_event(texts, vectors, outlet="Valley Wire"))
    assert [f.text for f in facts].count(texts["a"][0]) == 1
