"""Saving and loading a model: one .npz file, the same model back."""

import json

import numpy as np
import pytest

import nnbook
from nnbook import (Adam, Dense, Layer, ReLU, Sequential, Sigmoid,
                    SoftmaxCategoricalCrossentropy, load, load_weights, save)
from nnbook.saving import VERSION


@pytest.fixture(scope="module")
def trained():
    X, y = nnbook.spiral(50, 3, seed=0)
    model = nnbook.spiral_model(0, hidden=16)
    model.fit(X, y, epochs=30)
    return model, X, y


def test_a_loaded_model_predicts_exactly_as_the_saved_one(trained, tmp_path):
    model, X, y = trained
    save(model, tmp_path / "spiral")               # ".npz" is added
    loaded = load(tmp_path / "spiral.npz")
    np.testing.assert_array_equal(load(tmp_path / "spiral").predict(X),
                                  loaded.predict(X))  # by the name saved
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    assert [type(l) for l in loaded.layers] == [type(l) for l in model.layers]
    assert type(loaded.loss) is type(model.loss)
    assert loaded.optimizer is None
    for ours, theirs in zip(model.layers[::2], loaded.layers[::2]):
        assert theirs.weights.dtype == np.float64
        np.testing.assert_array_equal(theirs.weights, ours.weights)
        np.testing.assert_array_equal(theirs.biases, ours.biases)


def test_a_loaded_model_trains_on_with_a_fresh_optimiser(trained, tmp_path):
    model, X, y = trained
    save(model, tmp_path / "m.npz")
    loaded = load(tmp_path / "m.npz", optimizer=Adam(0.01))
    before = loaded.evaluate(X, y)[0]
    history = loaded.fit(X, y, epochs=20)
    assert history["loss"][-1] < before


def test_the_file_holds_a_format_version_and_a_readable_architecture(
        trained, tmp_path):
    model, _, _ = trained
    save(model, tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz", allow_pickle=False) as archive:
        assert str(archive["format"]) == "nnbook-model"
        assert int(archive["version"]) == VERSION
        description = json.loads(str(archive["architecture"]))
    assert description == {
        "layers": [{"kind": "Dense", "n_inputs": 2, "n_neurons": 16, "l2": 0.0},
                   {"kind": "ReLU"},
                   {"kind": "Dense", "n_inputs": 16, "n_neurons": 3, "l2": 0.0}],
        "loss": "SoftmaxCategoricalCrossentropy"}


def test_load_weights_into_the_same_architecture(trained, tmp_path):
    model, X, _ = trained
    save(model, tmp_path / "m.npz")
    fresh = nnbook.spiral_model(5, hidden=16)
    load_weights(fresh, tmp_path / "m.npz")
    np.testing.assert_array_equal(fresh.predict(X), model.predict(X))


@pytest.mark.parametrize("other, shown", [
    (lambda: nnbook.spiral_model(1, hidden=32),
     "the model is Dense(2, 32) -> ReLU -> Dense(32, 3)"),
    (lambda: Sequential([Dense(2, 16, seed=0), Sigmoid(), Dense(16, 3, seed=1)],
                        loss=SoftmaxCategoricalCrossentropy()),
     "the model is Dense(2, 16) -> Sigmoid -> Dense(16, 3)"),
])
def test_load_weights_into_another_architecture_fails_and_changes_nothing(
        trained, tmp_path, other, shown):
    model, _, _ = trained
    save(model, tmp_path / "m.npz")
    target = other()
    before = [l.weights.copy() for l in target.layers if hasattr(l, "weights")]
    with pytest.raises(ValueError) as error:
        load_weights(target, tmp_path / "m.npz")
    message = str(error.value)
    assert "saved from another architecture" in message
    assert "it holds Dense(2, 16) -> ReLU -> Dense(16, 3)" in message
    assert shown in message
    after = [l.weights for l in target.layers if hasattr(l, "weights")]
    assert all(np.array_equal(a, b) for a, b in zip(before, after))


def test_a_file_from_a_newer_nnbook_is_refused(trained, tmp_path):
    model, _, _ = trained
    save(model, tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz") as archive:
        arrays = dict(archive)
    arrays["version"] = np.array(VERSION + 1)
    np.savez(tmp_path / "new.npz", **arrays)
    with pytest.raises(ValueError, match=f"format version {VERSION + 1}.*"
                                         "upgrade nnbook"):
        load(tmp_path / "new.npz")


def test_files_that_are_not_models_are_refused(tmp_path):
    np.savez(tmp_path / "plain.npz", weights=np.zeros(3))
    with pytest.raises(ValueError, match="not an nnbook model file"):
        load(tmp_path / "plain.npz")
    (tmp_path / "text.npz").write_text("hello")
    with pytest.raises(ValueError, match="not an nnbook model file"):
        load(tmp_path / "text.npz")
    with pytest.raises(FileNotFoundError, match="no model file at"):
        load(tmp_path / "missing.npz")


def test_a_model_with_a_layer_of_its_own_cannot_be_saved(tmp_path):
    class Double(Layer):
        def forward(self, inputs, training=False):
            return 2 * inputs

        def backward(self, dvalues):
            return 2 * dvalues

    model = Sequential([Dense(2, 3, seed=0), Double()],
                       loss=SoftmaxCategoricalCrossentropy())
    with pytest.raises(TypeError, match="layer 1 is a Double, which save"):
        save(model, tmp_path / "m.npz")
    assert not (tmp_path / "m.npz").exists()
    with pytest.raises(TypeError, match="nnbook Sequential"):
        save("model", tmp_path / "m.npz")
