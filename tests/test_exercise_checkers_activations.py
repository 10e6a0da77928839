"""Chapter 2's checkers (nnbook.exercises.activations) name the usual
mistakes."""

import numpy as np
import pytest

from nnbook.activations import sigmoid
from nnbook.exercises import ExerciseFailed, check


class Leaky:
    """A right LeakyReLU, for the wrong ones below to change one thing of."""

    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, inputs):
        self.inputs = inputs
        return np.where(inputs > 0, inputs, self.alpha * inputs)

    def backward(self, dvalues):
        return dvalues * np.where(self.inputs > 0, 1.0, self.alpha)


def test_the_right_leaky_relu_passes():
    assert check("02-1", Leaky)


def test_a_leaky_relu_with_relus_backward_is_named():
    class ReluBackward(Leaky):
        def backward(self, dvalues):
            return dvalues * (self.inputs > 0)

    with pytest.raises(ExerciseFailed, match="as in ReLU: they should pass "
                                             r"alpha \* dvalues"):
        check("02-1", ReluBackward)


def test_a_backward_without_dvalues_is_named():
    class SlopeOnly(Leaky):
        def backward(self, dvalues):
            return np.where(self.inputs > 0, 1.0, self.alpha)

    with pytest.raises(ExerciseFailed, match="the slope alone: multiply it by "
                                             "dvalues"):
        check("02-1", SlopeOnly)


def test_positives_plus_alpha_x_are_named():
    class Added(Leaky):
        def forward(self, inputs):
            self.inputs = inputs
            return np.maximum(inputs, 0) + self.alpha * inputs

    with pytest.raises(ExerciseFailed, match=r"\(1 \+ alpha\) x"):
        check("02-1", Added)


def test_a_forward_that_scales_its_input_in_place_is_caught():
    class InPlace(Leaky):
        def forward(self, inputs):
            inputs[inputs < 0] *= self.alpha
            self.inputs = inputs
            return inputs

    with pytest.raises(ExerciseFailed, match="changed the array it was given"):
        check("02-1", InPlace)


def test_the_right_tanh_passes():
    assert check("02-2", lambda x: 2 * sigmoid(2 * np.asarray(x)) - 1)


def test_sigmoid_of_x_instead_of_2x_is_named():
    with pytest.raises(ExerciseFailed, match=r"tanh\(x / 2\)"):
        check("02-2", lambda x: 2 * sigmoid(x) - 1)


def test_a_tanh_that_overflows_is_named():
    def with_exp(x):
        x = np.asarray(x, dtype=float)
        return 2 / (1 + np.exp(-2 * x)) - 1

    with pytest.raises(ExerciseFailed, match="overflow encountered in exp"):
        check("02-2", with_exp)


def naive(x):
    exp = np.exp(np.asarray(x, dtype=float))
    return exp / exp.sum(axis=-1, keepdims=True)


def test_the_right_naive_softmax_passes():
    assert check("02-3", naive, lambda: 710)


def test_a_softmax_over_the_columns_is_named():
    def columns(x):
        exp = np.exp(np.asarray(x, dtype=float))
        return exp / exp.sum(axis=0)

    with pytest.raises(ExerciseFailed, match="the columns sum to 1"):
        check("02-3", columns, lambda: 710)


def test_a_missing_keepdims_is_named():
    def flat_sums(x):
        exp = np.exp(np.asarray(x, dtype=float))
        return exp / exp.sum(axis=-1)

    with pytest.raises(ExerciseFailed, match="keepdims=True"):
        check("02-3", flat_sums, lambda: 710)


def test_a_stable_softmax_is_told_it_should_be_naive():
    def shifted(x):
        x = np.asarray(x, dtype=float)
        return naive(x - x.max(axis=-1, keepdims=True))

    with pytest.raises(ExerciseFailed, match="subtracting the maximum"):
        check("02-3", shifted, lambda: 710)


def test_a_float32_softmax_is_named():
    def single(x):
        exp = np.exp(np.asarray(x, dtype=np.float32))
        return exp / exp.sum(axis=-1, keepdims=True)

    with pytest.raises(ExerciseFailed, match="float32 numbers: compute in "
                                             "float64"):
        check("02-3", single, lambda: 89)


def test_the_last_n_that_works_is_not_taken_for_the_first_failure():
    with pytest.raises(ExerciseFailed, match="709 is the last n that works"):
        check("02-3", naive, lambda: 709)
