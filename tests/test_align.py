import numpy as np

from newsfuse.align import align
from newsfuse.model import Sentence


def sentence(doc, index, text):
    return Sentence(doc_id=doc, index=index, start=0, end=len(text), text=text)


def unit(*values):
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


SENTENCES = [
    sentence("a", 0, "The bridge collapsed on Monday."),
    sentence("b", 0, "On Monday the bridge fell down."),
    sentence("c", 0, "A bridge collapsed early on Monday."),
    sentence("a", 1, "Traffic was diverted."),
    sentence("b", 1, "The mayor will resign."),
]
EMBEDDINGS = np.stack([unit(1, 0.1, 0), unit(1, 0.15, 0), unit(1, 0, 0.1),
                       unit(0, 1, 0), unit(0, 0, 1)])


def test_same_content_matches_across_articles_only():
    alignment = align(SENTENCES, EMBEDDINGS)
    assert alignment.sources_of(0) == ["a", "b", "c"]
    assert alignment.sources_of(3) == ["a"]
    assert alignment.groups == [[0, 1, 2]]


def test_near_duplicates_count_once():
    alignment = align(SENTENCES, EMBEDDINGS, independent={"a": "a", "b": "a", "c": "c"})
    assert alignment.independent_count(alignment.sources_of(0)) == 2


def test_different_figures_are_not_the_same_content():
    sentences = [sentence("a", 0, "The storm killed 14 people."),
                 sentence("b", 0, "The storm killed 17 people.")]
    alignment = align(sentences, np.stack([unit(1, 0, 0), unit(1, 0.01, 0)]))
    assert alignment.sources_of(0) == ["a"]
    assert alignment.groups == []


def test_a_sentence_without_the_figure_does_not_confirm_it():
    sentences = [sentence("a", 0, "Rescuers evacuated 3,000 residents overnight."),
                 sentence("b", 0, "Rescuers evacuated the residents overnight.")]
    alignment = align(sentences, np.stack([unit(1, 0, 0), unit(1, 0.01, 0)]))
    assert alignment.sources_of(0) == ["a"]
    assert alignment.sources_of(1) == ["b", "a"]


def test_a_sentence_with_only_some_of_the_figures_does_not_confirm_the_rest():
    sentences = [sentence("a", 0, "The flood killed 17 people and displaced 2,500."),
                 sentence("b", 0, "The flood killed 17 people.")]
    alignment = align(sentences, np.stack([unit(1, 0, 0), unit(1, 0.01, 0)]))
    assert alignment.sources_of(0) == ["a"]
    assert alignment.sources_of(1) == ["b", "a"]
