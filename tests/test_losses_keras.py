"""Every loss function against the Keras loss classes, in float64.

Keras computes in float64 here (dtype="float64"), so both sides run the same
formula on the same doubles. What can differ is the order of a few
additions and the exp/log implementation: a few ulp, ~1e-15 relative. We
allow 1e-12.
"""

import numpy as np
import pytest

from nnbook import (binary_crossentropy, categorical_crossentropy, one_hot,
                    softmax, sparse_categorical_crossentropy)

RTOL = 1e-12


def _cases():
    rng = np.random.default_rng(11)
    logits = rng.normal(scale=3, size=(8, 4))
    labels = rng.integers(0, 4, 8)
    exact = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0],
                      [0.0, 0.0, 0.5, 0.5]])       # probabilities 0 and 1
    return {
        "random": (labels, softmax(logits), logits),
        "exact_0_and_1": (np.array([0, 2, 3]), exact, None),
        "logits_1e3": (np.array([0, 1, 2]), None,
                       np.array([[1e3, -1e3, 0.0], [1e3, -1e3, 0.0],
                                 [-1e3, 0.0, 1e3]])),
        "batch_of_one": (np.array([2]), softmax(logits[:1, :3]),
                         logits[:1, :3]),
    }


CASES = _cases()
# (case, from_logits) pairs that exist: exact 0/1 probabilities have no
# logits, and logits of +-1e3 are only tested as logits.
PAIRS = [(case, from_logits) for case, (_, probs, logits) in CASES.items()
         for from_logits, y_pred in ((False, probs), (True, logits))
         if y_pred is not None]


@pytest.mark.parametrize("case, from_logits", PAIRS)
@pytest.mark.parametrize("label_shape", ["(n,)", "(n, 1)"])
def test_sparse_categorical_crossentropy(keras, case, from_logits,
                                         label_shape):
    labels, probs, logits = CASES[case]
    y_pred = logits if from_logits else probs
    if label_shape == "(n, 1)":
        labels = labels[:, None]
    ours = sparse_categorical_crossentropy(labels, y_pred,
                                           from_logits=from_logits)
    theirs = keras.losses.SparseCategoricalCrossentropy(
        from_logits=from_logits, dtype="float64")(labels, y_pred)
    assert ours == pytest.approx(float(theirs), rel=RTOL)


@pytest.mark.parametrize("case, from_logits", PAIRS)
def test_categorical_crossentropy(keras, case, from_logits):
    labels, probs, logits = CASES[case]
    y_pred = logits if from_logits else probs
    y_true = one_hot(labels, y_pred.shape[1])
    ours = categorical_crossentropy(y_true, y_pred, from_logits=from_logits)
    theirs = keras.losses.CategoricalCrossentropy(
        from_logits=from_logits, dtype="float64")(y_true, y_pred)
    assert ours == pytest.approx(float(theirs), rel=RTOL)
    per_sample = keras.losses.categorical_crossentropy(
        y_true, y_pred, from_logits=from_logits)
    np.testing.assert_allclose(
        categorical_crossentropy(y_true, y_pred, from_logits=from_logits,
                                 reduction="none"),
        np.asarray(per_sample), rtol=RTOL)


BINARY = {
    "random": (np.array([[0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]),
               np.array([[0.2, 0.7], [0.9, 0.55], [0.35, 0.1]])),
    "exact_0_and_1": (np.array([[0.0, 1.0], [1.0, 0.0]]),
                      np.array([[1.0, 0.0], [1.0, 0.0]])),
    "logits_1e3": (np.array([[0.0, 1.0], [1.0, 0.0]]),
                   np.array([[1e3, -1e3], [1e3, -1e3]])),
    "batch_of_one": (np.array([[1.0]]), np.array([[0.8]])),
    "shape_(n,)": (np.array([0.0, 1.0, 1.0]), np.array([0.3, 0.6, 0.99])),
}


BINARY_PAIRS = [(case, from_logits) for case in BINARY
                for from_logits in (False, True)
                if from_logits or case != "logits_1e3"]


@pytest.mark.parametrize("case, from_logits", BINARY_PAIRS)
def test_binary_crossentropy(keras, case, from_logits):
    y_true, y_pred = BINARY[case]
    ours = binary_crossentropy(y_true, y_pred, from_logits=from_logits)
    theirs = keras.losses.BinaryCrossentropy(
        from_logits=from_logits, dtype="float64")(y_true, y_pred)
    assert ours == pytest.approx(float(theirs), rel=RTOL)


def test_binary_labels_n_against_predictions_n_by_1(keras):
    y_true = np.array([0.0, 1.0, 1.0])
    y_pred = np.array([[0.3], [0.6], [0.99]])
    theirs = keras.losses.BinaryCrossentropy(dtype="float64")(
        y_true[:, None], y_pred)
    assert binary_crossentropy(y_true, y_pred) == pytest.approx(
        float(theirs), rel=RTOL)


def test_sparse_differs_from_one_hot_like_keras_when_clipping(keras):
    """Keras renormalises after clipping in the sparse loss only (keras.md)."""
    labels, probs = np.array([0, 2, 3]), CASES["exact_0_and_1"][1]
    sparse = sparse_categorical_crossentropy(labels, probs)
    dense = categorical_crossentropy(one_hot(labels, 4), probs)
    assert sparse != dense
    assert abs(sparse - dense) < 4 * 1e-7
