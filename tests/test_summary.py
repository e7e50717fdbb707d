"""Summarizer tests on invented articles about an invented event (a bridge collapse)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from newsfuse.model import Sentence
from newsfuse.synthesize.summary import (
    SUMMARIZERS,
    Lead,
    candidate_indices,
    default_tokenizer,
    density,
    english_stop_words,
    get_summarizer,
    names_speaker,
    near_duplicate_pairs,
    porter_stem,
    prepare,
    same_quote_pairs,
    word_count,
)

ARTICLES = {
    "a": [
        "The old Marlow river bridge collapsed on Tuesday morning during heavy rush hour traffic.",
        "Rescue teams pulled fourteen people from the cold water of the Marlow river by noon.",
        "City engineers warned last spring that the steel supports of the bridge were corroded.",
        "He added nothing else.",
        "Was the collapse preventable after all the warnings from engineers?",
        "Mayor Ilse Brandt ordered an independent inspection of every bridge in the city.",
    ],
    "b": [
        "The Marlow river bridge collapsed on Tuesday morning as rush hour traffic crossed it.",
        "Fourteen people were rescued from the Marlow river by rescue teams before noon.",
        "The bridge was due for repairs next year because its steel supports were corroded.",
        "But officials said the traffic would be diverted to the northern ferry for weeks.",
        "Mayor Ilse Brandt said every bridge in the city will get an independent inspection.",
    ],
    "c": [
        "Two people are still missing after the Marlow river bridge collapsed on Tuesday morning.",
        "Divers searched the river until dark while families waited on the eastern bank.",
        "Engineers had warned the city that the corroded steel supports of the bridge were unsafe.",
        "Mayor Ilse Brandt promised an independent inspection of every bridge in the city.",
    ],
}


def make_sentences(articles: dict[str, list[str]] = ARTICLES) -> list[Sentence]:
    sentences = []
    for doc_id, texts in articles.items():
        offset = 0
        for index, text in enumerate(texts):
            sentences.append(Sentence(doc_id=doc_id, index=index, start=offset,
                                      end=offset + len(text), text=text))
            offset += len(text) + 1
    return sentences


def fake_embeddings(sentences: list[Sentence]) -> np.ndarray:
    """Deterministic unit vectors, so tests need not load MiniLM."""
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(len(sentences), 16))
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def sentences() -> list[Sentence]:
    return make_sentences()


@pytest.mark.parametrize("name", sorted(SUMMARIZERS))
@pytest.mark.parametrize("budget", [12, 30, 45, 80])
def test_budget_is_respected_and_sentences_are_whole(name, budget, sentences):
    chosen = get_summarizer(name)(sentences, budget, fake_embeddings(sentences))
    assert sum(word_count(s.text) for s in chosen) <= budget
    assert all(s in sentences for s in chosen)


def test_default_fills_a_generous_budget(sentences):
    chosen = get_summarizer()(sentences, 60, fake_embeddings(sentences))
    assert 40 <= sum(word_count(s.text) for s in chosen) <= 60


def test_near_identical_sentences_are_never_both_selected():
    twin = "The Marlow river bridge collapsed on Tuesday morning during rush hour traffic."
    articles = {doc: texts + [twin] for doc, texts in ARTICLES.items()}
    sentences = make_sentences(articles)
    for name in ("default", "centroid"):
        chosen = get_summarizer(name)(sentences, 200, fake_embeddings(sentences))
        assert sum(s.text == twin for s in chosen) <= 1, name


def test_a_quotation_two_outlets_report_is_said_once():
    quote = "\u201cWe have waited three winters for this bridge to be fixed,\u201d"
    articles = {"a": ARTICLES["a"] + [f"{quote} said resident Ilse Marrow, who lives by the "
                                      "river."],
                "b": ARTICLES["b"] + [f"{quote} Marrow told reporters at the scene on "
                                      "Tuesday evening."]}
    sentences = make_sentences(articles)
    chosen = get_summarizer("default")(sentences, 400, fake_embeddings(sentences))
    assert sum("three winters" in s.text for s in chosen) == 1
    assert len(chosen) > 4  # the budget is slack: the second one was left out for saying it


def test_same_quote_pairs_match_whole_words_only():
    texts = ['"The council has no money left for the harbour wall this year," Ortiz said.',
             '"The council has no money left for the harbour walls," a spokesman said.',
             'Ortiz said: "the council has no money left for the harbour wall".']
    sentences = make_sentences({"a": [texts[0]], "b": [texts[1]], "c": [texts[2]]})
    pairs = same_quote_pairs(sentences, range(len(sentences)))
    # "wall" is a word of the first quotation, "walls" is not
    assert pairs == [(0, 2)]


def test_near_duplicate_pairs_finds_rewordings_only(sentences):
    prepared = prepare(sentences, default_tokenizer, porter_stem, english_stop_words())
    vectors = [Counter(c) for c in prepared.content]
    pairs = near_duplicate_pairs(vectors, list(range(len(sentences))))
    texts = {(sentences[a].text, sentences[b].text) for a, b in pairs}
    assert (ARTICLES["a"][0], ARTICLES["b"][0]) in texts
    assert all("Divers" not in a and "Divers" not in b for a, b in texts)


def test_deterministic(sentences):
    embeddings = fake_embeddings(sentences)
    first = get_summarizer()(sentences, 50, embeddings)
    second = get_summarizer()(list(sentences), 50, embeddings.copy())
    assert first == second


def test_reading_order_follows_articles_then_positions(sentences):
    chosen = get_summarizer()(sentences, 80, fake_embeddings(sentences))
    article_rank = {"a": 0, "b": 1, "c": 2}
    keys = [(article_rank[s.doc_id], s.index) for s in chosen]
    assert keys == sorted(keys)


def test_questions_fragments_and_dangling_openers_are_avoided(sentences):
    chosen = get_summarizer()(sentences, 45, fake_embeddings(sentences))
    texts = [s.text for s in chosen]
    assert not any(t.endswith("?") for t in texts)
    assert "He added nothing else." not in texts
    assert not any(t.startswith("But ") for t in texts)


def test_dangling_openers_are_used_when_nothing_else_fits():
    only = {"a": ["But the river rose again overnight and flooded the lower streets of the town."]}
    sentences = make_sentences(only)
    assert candidate_indices(sentences, 50) == [0]


def test_repeated_content_is_preferred_over_single_source_detail(sentences):
    chosen = get_summarizer()(sentences, 30, fake_embeddings(sentences))
    text = " ".join(s.text for s in chosen)
    # The collapse itself is reported by all three articles; the ferry detail by one.
    assert "collapsed" in text
    assert "ferry" not in text


def test_empty_input_and_zero_budget(sentences):
    summarizer = get_summarizer()
    assert summarizer([], 100) == []
    assert summarizer(sentences, 0) == []


def test_lead_takes_first_sentences_round_robin(sentences):
    chosen = Lead()(sentences, 42)
    assert [(s.doc_id, s.index) for s in chosen] == [("a", 0), ("b", 0), ("c", 0)]


def test_unknown_method_names_the_known_ones():
    with pytest.raises(ValueError, match="default"):
        get_summarizer("nope")


def test_embeddings_must_align_with_sentences(sentences):
    with pytest.raises(ValueError, match="rows"):
        get_summarizer()(sentences, 50, fake_embeddings(sentences)[:3])


def test_lexical_method_ignores_embeddings(sentences):
    summarizer = get_summarizer("concepts")
    first = summarizer(sentences, 50, fake_embeddings(sentences))
    assert summarizer(sentences, 50, -fake_embeddings(sentences)) == first
    assert summarizer(sentences, 50) == first


def test_caption_sentences_are_never_summarised(sentences):
    caption = sentences[0].model_copy(update={"caption": True, "index": 99})
    for name in ("default", "lead"):
        chosen = get_summarizer(name)([caption, *sentences[1:]], 200,
                                      fake_embeddings(sentences))
        assert caption not in chosen, name


def test_density_ramps_from_sparse_to_dense_summaries():
    assert density(100, 4000) == 0.0  # DUC-like: 100 of 4,000 words
    assert density(260, 330) == 1.0  # Multi-News-like: most of the input
    assert 0.0 < density(100, 500) < 1.0


def test_short_sentences_become_candidates_only_when_the_input_is_thin():
    articles = {"z": ["Divers found the second missing driver late on Friday.",  # 9 words
                      "The bridge had been closed to trucks since a failed inspection in May."]}
    thin = make_sentences(articles)
    assert candidate_indices(thin, 100) == [0, 1]
    padded = make_sentences({**articles, **ARTICLES})
    assert padded[0].doc_id == "z" and 0 not in candidate_indices(padded, 20)


def test_lead_bonus_prefers_the_article_opening():
    # The openings are off the shared story; a large lead bonus still picks one of them.
    openings = {"a": "Residents of the harbour district gathered at the town hall at dawn.",
                "b": "A long queue formed outside the bakery on Linden Street before seven.",
                "c": "Schools in the western suburbs announced a late start for pupils."}
    sentences = make_sentences({doc: [openings[doc], *texts] for doc, texts in ARTICLES.items()})
    without = get_summarizer("default", lead_bonus=0.0)(sentences, 16)
    assert [s.index for s in without] != [0]
    with_lead = get_summarizer("default", lead_bonus=50.0)(sentences, 16)
    assert [s.index for s in with_lead] == [0]


def test_attributed_quotations_are_candidates_unless_the_summary_is_sparse():
    said = '"We will not reopen the bridge until every support is replaced," Mayor Brandt said.'
    unsaid = '"We will not reopen the bridge until every support is replaced and tested twice."'
    quotes = {"q": ["Divers searched the Marlow river again on Wednesday for the two missing.",
                    said, unsaid]}
    mid = make_sentences({**ARTICLES, **quotes})
    at = {s.text: i for i, s in enumerate(mid)}
    chosen = candidate_indices(mid, 40)  # compression about 0.2: not sparse
    assert at[said] in chosen and at[unsaid] not in chosen
    # A sparse summary (100 words of about 3,000) keeps the plain limit on quotations.
    many = {f"{doc}{k}": texts for k in range(15) for doc, texts in ARTICLES.items()}
    sparse = make_sentences({**many, **quotes})
    at = {s.text: i for i, s in enumerate(sparse)}
    chosen = candidate_indices(sparse, 100)
    assert at[said] not in chosen and at[unsaid] not in chosen


def test_names_speaker_looks_outside_the_quotation_marks():
    assert names_speaker('"The water rose too fast," a rescuer told reporters on the bank.')
    assert names_speaker('The engineer adds: "Nobody listened to the warnings last spring."')
    assert not names_speaker('"Nobody said a word about the warnings" was the headline on Friday.')
    assert not names_speaker('The museum shows "The Long River" and "Bridges of the North" now.')
