"""Bad input raises ValueError or TypeError naming the problem.

Each case is a distinct mistake a reader can make; the message must name
what is wrong and the shapes or values involved, so that the reader is
stopped at their own call, not three calls deep inside NumPy.
"""

import re

import numpy as np
import pytest

import nnbook
from nnbook import (BinaryCrossentropy, CategoricalCrossentropy, Dense,
                    Sequential, SoftmaxCategoricalCrossentropy, Adam)

Y = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
P = np.array([[0.7, 0.2, 0.1], [0.3, 0.4, 0.3]])
LOGITS = np.array([[2.0, -1.0, 0.5], [0.1, 3.0, -2.0]])
NAN_P = np.array([[0.7, np.nan, 0.1], [0.3, 0.4, 0.3]])


def _fit_mismatch():
    model = Sequential([Dense(2, 3)], loss=SoftmaxCategoricalCrossentropy(),
                       optimizer=Adam())
    model.fit(np.zeros((4, 2)), [0, 1, 2], epochs=1)


CASES = {
    # name: (call, exception, fragments the message must contain)
    "mismatched shapes": (
        lambda: nnbook.categorical_crossentropy(Y, P[:, :2]), ValueError,
        ["same shape", "(2, 3)", "(2, 2)"]),
    "wrong ndim": (
        lambda: nnbook.Softmax().forward(np.array([1.0, 2.0, 3.0])),
        ValueError, ["2-D", "(3,)"]),
    "NaN in inputs": (
        lambda: Dense(3, 2).forward(NAN_P), ValueError,
        ["NaN or inf", "nan", "(0, 1)"]),
    "inf in logits": (
        lambda: nnbook.categorical_crossentropy(
            Y, np.array([[np.inf, 0.0, 0.0], [1.0, 2.0, 3.0]]),
            from_logits=True), ValueError, ["NaN or inf", "inf", "(0, 0)"]),
    "empty batch": (
        lambda: Dense(2, 3).forward(np.zeros((0, 2))), ValueError,
        ["empty batch", "(0, 2)"]),
    "label out of range": (
        lambda: nnbook.sparse_categorical_crossentropy([0, 3], P),
        ValueError, ["in [0, 2]", "3 classes", "got 3", "index 1"]),
    "negative label": (
        lambda: nnbook.one_hot([1, -1]), ValueError,
        [">= 0", "got -1", "index 1"]),
    "non-integer label": (
        lambda: nnbook.sparse_categorical_crossentropy([0, 1.5], P),
        ValueError, ["whole numbers", "1.5", "index 1"]),
    "string labels": (
        lambda: nnbook.sparse_categorical_crossentropy(["cat", "dog"], P),
        TypeError, ["integer class indices", "dtype"]),
    "labels of wrong shape": (
        lambda: nnbook.sparse_categorical_crossentropy(Y, P), ValueError,
        ["(n,) or (n, 1)", "(2, 3)"]),
    "label count differs from batch": (
        lambda: nnbook.sparse_categorical_crossentropy([0, 1, 2], P),
        ValueError, ["same number of samples", "3", "2"]),
    "probabilities outside [0, 1]": (
        lambda: nnbook.categorical_crossentropy(Y, LOGITS), ValueError,
        ["[0, 1]", "from_logits=True", "2.0", "(0, 0)"]),
    "rows not summing to 1": (
        lambda: nnbook.categorical_crossentropy(
            Y, np.array([[0.5, 0.2, 0.1], [0.3, 0.4, 0.3]])), ValueError,
        ["sum to 1", "row 0", "0.8"]),
    "swapped arguments (function)": (
        lambda: nnbook.categorical_crossentropy(P, Y), ValueError,
        ["one-hot", "row 0", "swap", "(y_true, y_pred)"]),
    "swapped arguments (class)": (
        lambda: CategoricalCrossentropy().forward(Y, P), ValueError,
        ["one-hot", "swap", "(y_pred, y_true)"]),
    "swapped arguments (binary)": (
        lambda: BinaryCrossentropy().forward([1.0, 0.0], [0.9, 0.2]),
        ValueError, ["0/1 labels", "0.9", "swap"]),
    "non-numeric dtype": (
        lambda: Dense(2, 3).forward([["a", "b"]]), TypeError,
        ["must hold numbers", "<U1"]),
    "complex dtype": (
        lambda: nnbook.softmax(np.array([[1j, 2.0]])), TypeError,
        ["real-valued", "complex"]),
    "Dense fed the wrong number of features": (
        lambda: Dense(2, 64).forward(np.ones((5, 3))), ValueError,
        ["Dense(2 -> 64)", "(batch, 2)", "(5, 3)"]),
    "Dense with zero neurons": (
        lambda: Dense(2, 0), ValueError, ["n_neurons", "positive", "0"]),
    "unknown reduction": (
        lambda: nnbook.categorical_crossentropy(Y, P, reduction="sum"),
        ValueError, ["reduction", "'sum'"]),
    "fit with X and y of different lengths": (
        _fit_mismatch, ValueError, ["same number of samples", "4", "3"]),
    "accuracy with different lengths": (
        lambda: nnbook.accuracy([0, 1, 2], P), ValueError,
        ["same number of samples", "3", "2"]),
    "backward before forward": (
        lambda: Dense(2, 3).parameters(), RuntimeError,
        ["call backward()"]),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_raises_a_clear_error(name):
    call, exception, fragments = CASES[name]
    with pytest.raises(exception) as info:
        call()
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_there_are_at_least_fifteen_kinds():
    value_or_type = [c for c in CASES.values()
                     if c[1] in (ValueError, TypeError)]
    assert len(value_or_type) >= 15


def test_errors_point_at_the_callers_line():
    """The error is raised by nnbook's own checks, not inside NumPy."""
    with pytest.raises(ValueError) as info:
        Dense(2, 64).forward(np.ones((5, 3)))
    frames = [entry.path for entry in info.traceback]
    assert not any(re.search(r"numpy", str(path)) for path in frames)
