"""The digits recipe against Keras: the same run, step by step (chapter 9).

Both sides start from digits_model(0)'s float64 weights and see the same
mini-batches in the same order: nnbook's `fit(seed=0)` order, handed to
Keras' `fit(X[order], y[order], batch_size=32, shuffle=False)` one epoch at
a time. Keras builds float64 layers and loss; Adam's beta_1, beta_2 and
epsilon are passed as NumPy float64, because Keras rounds Python floats to
float32 inside the update. Only the learning rate stays float32 (Keras keeps
it in a float32 variable): 0.003 becomes 0.003000000026077032.

Tolerances, measured on this machine: the first 100 losses agree to a
relative 1.4e-8, so 1e-6; the 1,360-step run ended with the same test
accuracy (weights 1e-7 apart), but a longer or another run may drift, so
the test accuracies need only agree to 0.01. The two smaller tests show
that the tolerance is tight: with nnbook given the float32 learning rate
the weights agree to 1e-12 after 100 steps, and Python-float betas alone
push the losses past 1e-6 within 100 steps.
"""

import numpy as np
import pytest

from nnbook import Adam, digits_data, digits_model
from nnbook.model import batch_indices

STEPS = 100
F64 = np.float64


@pytest.fixture(scope="module")
def data():
    return digits_data(0)


def _twin(keras, model, **adam):
    """A float64 Keras copy of an nnbook digits model, compiled with Adam."""
    first, _, last = model.layers
    twin = keras.Sequential([
        keras.Input(shape=(64,), dtype="float64"),
        keras.layers.Dense(64, activation="relu", dtype="float64"),
        keras.layers.Dense(10, dtype="float64"),
    ])
    twin.set_weights([first.weights, first.biases[0],
                      last.weights, last.biases[0]])
    settings = dict(beta_1=F64(0.9), beta_2=F64(0.999), epsilon=F64(1e-7))
    settings.update(adam)
    twin.compile(optimizer=keras.optimizers.Adam(0.003, **settings),
                 loss=keras.losses.SparseCategoricalCrossentropy(
                     from_logits=True, dtype="float64"))
    return twin


def _batches(n, epochs):
    """nnbook's mini-batches for fit(..., batch_size=32, seed=0)."""
    rng = np.random.default_rng(0)
    return [b for _ in range(epochs) for b in batch_indices(n, 32, rng)]


def _nnbook_steps(model, X, y, steps):
    return np.array([model.train_step(X[b], y[b])[0]
                     for b in _batches(len(X), 3)[:steps]])


def _weights(model):
    first, _, last = model.layers
    return [first.weights, first.biases[0], last.weights, last.biases[0]]


def test_the_recipe_follows_keras_fit_with_the_same_batch_order(keras, data):
    (X, y), _, (X_test, y_test) = data
    model = digits_model(0)
    twin = _twin(keras, model)
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True,
                                                         dtype="float64")

    class BatchLosses(keras.callbacks.Callback):
        """Each batch's float64 loss just before Keras' update on it."""

        def __init__(self, X_epoch, y_epoch, losses):
            super().__init__()
            self.X_epoch, self.y_epoch, self.losses = X_epoch, y_epoch, losses

        def on_train_batch_begin(self, batch, logs=None):
            if len(self.losses) < STEPS:
                rows = slice(32 * batch, 32 * batch + 32)
                logits = self.model(self.X_epoch[rows])
                self.losses.append(float(loss_fn(self.y_epoch[rows], logits)))

    rng = np.random.default_rng(0)             # what nnbook's fit(seed=0) uses
    keras_losses = []
    for _ in range(40):
        order = rng.permutation(len(X))        # = batch_indices' order
        twin.fit(X[order], y[order], batch_size=32, shuffle=False, epochs=1,
                 verbose=0,
                 callbacks=[BatchLosses(X[order], y[order], keras_losses)])

    ours = digits_model(0)
    history = ours.fit(X, y, epochs=40, batch_size=32, seed=0)
    first_steps = _nnbook_steps(digits_model(0), X, y, STEPS)

    assert len(keras_losses) == STEPS
    np.testing.assert_allclose(keras_losses, first_steps, rtol=1e-6)
    assert history["loss"][-1] < 0.1 * history["loss"][0]    # it learned
    ours_accuracy = ours.evaluate(X_test, y_test)[1]
    keras_accuracy = np.mean(np.argmax(twin(X_test), axis=1) == y_test)
    assert ours_accuracy >= 0.96
    assert abs(ours_accuracy - keras_accuracy) <= 0.01, (ours_accuracy,
                                                         keras_accuracy)


def test_with_the_float32_learning_rate_the_weights_agree_to_1e_12(keras,
                                                                  data):
    (X, y), _, _ = data
    model = digits_model(0)
    model.optimizer = Adam(float(np.float32(0.003)))   # Keras' value
    twin = _twin(keras, model)
    for batch in _batches(len(X), 3)[:STEPS]:
        model.train_step(X[batch], y[batch])
        twin.train_on_batch(X[batch], y[batch])
    for ours, theirs in zip(_weights(model), twin.get_weights()):
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


def test_python_float_betas_alone_break_the_tolerance(keras, data):
    (X, y), _, _ = data
    model = digits_model(0)
    twin = _twin(keras, model, beta_1=0.9, beta_2=0.999, epsilon=1e-7)
    ours, theirs = [], []
    for batch in _batches(len(X), 3)[:STEPS]:
        ours.append(model.train_step(X[batch], y[batch])[0])
        theirs.append(twin.train_on_batch(X[batch], y[batch]))
    gap = np.max(np.abs(np.subtract(ours, theirs)) / np.array(ours))
    assert gap > 1e-6, gap
