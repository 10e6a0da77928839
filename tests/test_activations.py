"""Activations: values, numerical stability, gradients, Keras parity."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnbook import ReLU, Sigmoid, Softmax, log_softmax, relu, sigmoid, softmax
from gradcheck import numerical_gradient, relative_error

# Float64 element-wise functions computed by two libraries differ only in
# the last bits of exp/log: a few ulp, ~1e-15 relative.
KERAS_RTOL = 1e-12


def test_relu_values():
    np.testing.assert_array_equal(relu([[-2.0, 0.0, 3.5]]), [[0.0, 0.0, 3.5]])


def test_sigmoid_extremes_are_finite_and_exact():
    out = sigmoid(np.array([-1e4, -1000.0, 0.0, 1000.0, 1e4]))
    assert np.all(np.isfinite(out))
    np.testing.assert_array_equal(out, [0.0, 0.0, 0.5, 1.0, 1.0])


def test_sigmoid_matches_formula_where_formula_is_safe():
    x = np.linspace(-30, 30, 101)
    np.testing.assert_allclose(sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-14)


def test_softmax_of_huge_logits_is_finite_and_correct():
    out = softmax(np.array([[1e4, 0.0, -1e4], [1e4, 1e4, 0.0]]))
    assert np.all(np.isfinite(out))
    np.testing.assert_allclose(out, [[1.0, 0.0, 0.0], [0.5, 0.5, 0.0]],
                               atol=1e-300)


def test_softmax_axis_argument():
    x = np.random.default_rng(0).normal(size=(3, 4))
    np.testing.assert_allclose(softmax(x, axis=0), softmax(x.T).T, rtol=1e-15)


def test_log_softmax_stays_finite_where_softmax_underflows():
    out = log_softmax(np.array([[1000.0, 0.0, -1000.0]]))
    np.testing.assert_allclose(out, [[0.0, -1000.0, -2000.0]])


finite_rows = arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 6)),
                     elements=st.floats(-1e3, 1e3))


@settings(max_examples=200, deadline=None)
@given(finite_rows, st.floats(-1e3, 1e3))
def test_softmax_rows_sum_to_one_and_ignore_a_shift(x, shift):
    out = softmax(x)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-12)
    assert np.all((out >= 0) & (out <= 1))
    # Adding a constant to a row does not change softmax; the tolerance
    # allows for rounding x + shift (|x| <= 1e3, so ~1e-13 in the exponent).
    np.testing.assert_allclose(softmax(x + shift), out, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("layer_class, scale", [
    (ReLU, 1.0), (Sigmoid, 3.0), (Softmax, 3.0)])
def test_activation_backward_matches_finite_differences(layer_class, scale):
    rng = np.random.default_rng(7)
    x = scale * rng.normal(size=(4, 5))
    x[np.abs(x) < 1e-3] = 0.5          # keep ReLU away from its kink at 0
    weights = rng.normal(size=(4, 5))   # L = sum(weights * f(x))
    layer = layer_class()

    def loss():
        return float((weights * layer.forward(x)).sum())

    loss()
    analytic = layer.backward(weights)
    numeric = numerical_gradient(loss, x)
    assert relative_error(analytic, numeric) < 1e-6


@pytest.mark.parametrize("name", ["relu", "sigmoid", "softmax"])
def test_activations_match_keras(keras, name):
    x = np.random.default_rng(3).normal(scale=5, size=(6, 4))
    x[0] = [1000.0, -1000.0, 0.0, 3.0]       # extreme logits too
    ours = {"relu": relu, "sigmoid": sigmoid, "softmax": softmax}[name](x)
    theirs = getattr(keras.activations, name)(keras.ops.convert_to_tensor(x))
    np.testing.assert_allclose(ours, np.asarray(theirs), rtol=KERAS_RTOL,
                               atol=1e-300)


def test_activation_classes_equal_functions():
    x = np.random.default_rng(4).normal(size=(3, 4))
    np.testing.assert_array_equal(ReLU().forward(x), relu(x))
    np.testing.assert_array_equal(Sigmoid().forward(x), sigmoid(x))
    np.testing.assert_array_equal(Softmax().forward(x), softmax(x))
    assert repr(ReLU()) == "ReLU()"
