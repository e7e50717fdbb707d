"""The compiled attribute ruler writes exactly what spaCy's AttributeRuler writes."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsfuse.config import NlpConfig
from newsfuse.nlp.fast_ruler import FastAttributeRuler, can_replace
from newsfuse.nlp.pipeline import get_nlp, load_pipeline

# the last three start two-token rules that do not match (the second word differs, or is missing)
WORDS = ["The", "ferry", "to", "Oskaby", "is", "n't", "gon", "na", "sail", " ", "ai", "n't",
         "it", "?", "\n\n", "Y'", "all", "wait", "nothin'", ".", "gon", "home", "ai"]
TAGS = ["DT", "NN", "IN", "NNP", "VBZ", "RB", "VBG", "TO", "VB", "_SP", "VBP", "RB",
        "PRP", ".", "_SP", "PRP", "DT", "VB", "NN", ".", "VBG", "NN", "VBP"]
DEPS = ["det", "nsubj", "prep", "pobj", "aux", "neg", "ROOT", "aux", "xcomp", "dep", "aux", "neg",
        "nsubj", "punct", "", "nsubj", "appos", "ROOT", "dobj", "punct", "dep", "npadvmod", "dep"]
HEADS = [1, 6, 1, 2, 6, 6, 6, 8, 6, 8, 6, 6, 6, 6, 13, 17, 15, 17, 17, 17, 17, 17, 17]

RULES = [
    {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNP"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}]],
     "attrs": {"POS": "AUX", "LEMMA": "be", "MORPH": "Number=Sing|Person=3"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": "n't"}]],
     "attrs": {"LEMMA": "be"}},
    # a later rule wins over an earlier one on the same token and attribute
    {"patterns": [[{"TAG": "NN", "LOWER": "ferry"}]], "attrs": {"POS": "PROPN", "MORPH": "_"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
    # shapes left to a Matcher: an operator, and a predicate the compiler does not read
    {"patterns": [[{"LOWER": "the"}, {"TAG": "JJ", "OP": "?"}, {"TAG": "NN"}]],
     "attrs": {"LEMMA": "ferryboat"}, "index": -1},
    {"patterns": [[{"LENGTH": {">=": 6}, "TAG": "NNP"}]], "attrs": {"MORPH": "Number=Sing"}},
    {"patterns": [[{}]], "attrs": {"TAG": "XX"}, "index": 0},
]


def _doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, spaces=[True] * len(WORDS), tags=TAGS, deps=DEPS,
               heads=HEADS)


def _annotation(doc: Doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def _rulers(rules: list[dict]) -> tuple[AttributeRuler, FastAttributeRuler]:
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(rules)
    fast = FastAttributeRuler(nlp.vocab)
    fast.compile(ruler)
    return ruler, fast


def test_compiled_rules_write_what_spacy_writes() -> None:
    ruler, fast = _rulers(RULES)
    expected, got = ruler(_doc(ruler.vocab)), fast(_doc(fast.vocab))
    assert _annotation(got) == _annotation(expected)
    assert got[1].pos_ == "PROPN" and got[7].lemma_ == "to" and got[15].lemma_ == "you"
    assert fast.rest_index  # the operator and LENGTH patterns went to the Matcher


def test_each_rule_alone_and_repeated_docs_agree() -> None:
    for rule in RULES:
        ruler, fast = _rulers([rule])
        for _ in range(2):  # the second pass reads the remembered matches
            assert _annotation(fast(_doc(fast.vocab))) == _annotation(ruler(_doc(ruler.vocab)))


@pytest.mark.filterwarnings("ignore:.*W036")  # spaCy warns that its empty ruler has no patterns
def test_empty_doc_and_no_rules() -> None:
    ruler, fast = _rulers([])
    assert len(fast(Doc(fast.vocab, words=[]))) == 0
    assert _annotation(fast(_doc(fast.vocab))) == _annotation(ruler(_doc(ruler.vocab)))


def test_rules_setting_other_fields_are_left_to_spacy() -> None:
    ruler, _ = _rulers([{"patterns": [[{"LOWER": "oskaby"}]], "attrs": {"NORM": "oskaby"}}])
    assert not can_replace(ruler)
    assert can_replace(_rulers(RULES)[0])


SENTENCES = [
    "Mayor Ilse Varga said the Dravo bridge isn't gonna reopen before May, but it will.",
    "There are two ferries, and y'all know nothin' about them; let's go.  Really?\n\nYes.",
    "\"I ain't paying,\" said Tomas Orlev, 54, whose shop at 12 Kettle Lane has had no power.",
    "Whether the council does it or not, you got ta ask: did she have the keys? C'mon.",
    "Officials said that 3,400 households in Brennmoor were gonna lose water on 4 March 2031.",
]


@pytest.fixture(scope="module")
def spacy_nlp():
    return load_pipeline(NlpConfig().spacy_model, fast_ruler=False)


def test_project_pipeline_matches_spacy_on_invented_text(spacy_nlp) -> None:
    fast = get_nlp()
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert fast.pipe_names == spacy_nlp.pipe_names
    for text in SENTENCES:
        expected, got = spacy_nlp(text), fast(text)
        assert [t.text for t in got] == [t.text for t in expected]
        assert _annotation(got) == _annotation(expected), text
        assert [(e.start, e.end, e.label_) for e in got.ents] == [
            (e.start, e.end, e.label_) for e in expected.ents]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "?!"])
def test_degenerate_text(text: str, spacy_nlp) -> None:
    assert _annotation(get_nlp()(text)) == _annotation(spacy_nlp(text))


def test_lemmas_are_worked_out_once_per_word_form(monkeypatch, spacy_nlp) -> None:
    nlp = load_pipeline(NlpConfig().spacy_model)
    lemmatizer = nlp.get_pipe("lemmatizer")
    calls = []
    work_out = type(lemmatizer).is_base_form
    monkeypatch.setattr(type(lemmatizer), "is_base_form",
                        lambda self, token: calls.append(token.text) or work_out(self, token))
    text = SENTENCES[0] + " " + SENTENCES[2]
    expected = _annotation(spacy_nlp(text))
    calls.clear()
    first = _annotation(nlp(text))
    assert calls  # the first pass works the lemmas out (base forms included)
    calls.clear()
    assert _annotation(nlp(text)) == first == expected
    assert calls == []  # spaCy's own cache asks again for every word already in base form
