"""Dense: shapes, initialisation, forward parity with Keras, gradients."""

import numpy as np
import pytest

from nnbook import Dense
from gradcheck import numerical_gradient, relative_error


def test_shapes_and_repr():
    layer = Dense(2, 64, seed=0)
    assert layer.weights.shape == (2, 64)
    assert layer.biases.shape == (1, 64)
    assert repr(layer) == "Dense(2 -> 64)"
    assert layer.forward(np.ones((5, 2))).shape == (5, 64)


def test_initial_weights_are_random_scaled_and_seeded():
    a, b = Dense(3, 4, seed=1), Dense(3, 4, seed=1)
    np.testing.assert_array_equal(a.weights, b.weights)
    assert not np.array_equal(a.weights, Dense(3, 4, seed=2).weights)
    # He initialisation: standard deviation sqrt(2 / n_inputs).
    big = Dense(200, 300, seed=0).weights
    assert big.std() == pytest.approx(np.sqrt(2 / 200), rel=0.01)
    assert np.abs(Dense(3, 4, seed=1, scale=0.01).weights).max() < 0.05
    assert np.all(a.biases == 0)


def test_forward_is_inputs_times_weights_plus_biases():
    layer = Dense(2, 3, seed=0)
    layer.biases = np.array([[1.0, 2.0, 3.0]])
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_allclose(layer.forward(x),
                               x @ layer.weights + layer.biases, rtol=0)


def test_forward_matches_keras_dense(keras):
    rng = np.random.default_rng(5)
    ours = Dense(4, 3, seed=0)
    ours.biases = rng.normal(size=(1, 3))
    theirs = keras.layers.Dense(3, dtype="float64")
    theirs.build((None, 4))
    theirs.set_weights([ours.weights, ours.biases[0]])
    x = rng.normal(size=(7, 4))
    # Same matrix product in float64; BLAS may sum in another order: 1e-14.
    np.testing.assert_allclose(ours.forward(x), np.asarray(theirs(x)),
                               rtol=1e-14, atol=1e-15)


def test_backward_matches_finite_differences():
    rng = np.random.default_rng(6)
    layer = Dense(3, 4, seed=0)
    layer.biases = rng.normal(size=(1, 4))
    x = rng.normal(size=(5, 3))
    upstream = rng.normal(size=(5, 4))          # L = sum(upstream * out)

    def loss():
        return float((upstream * layer.forward(x)).sum())

    loss()
    dinputs = layer.backward(upstream)
    for analytic, wrt in ((dinputs, x), (layer.dweights, layer.weights),
                          (layer.dbiases, layer.biases)):
        assert analytic.shape == wrt.shape
        assert relative_error(analytic, numerical_gradient(loss, wrt)) < 1e-6


def test_parameters_before_backward_is_a_clear_error():
    with pytest.raises(RuntimeError, match="call backward"):
        Dense(2, 3).parameters()
