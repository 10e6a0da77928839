"""Regularisation: the L2 penalty, Dropout and EarlyStopping, against Keras.

L2 and dropout are one forward and one backward pass, so in float64 they
agree with TensorFlow to rounding (relative 1e-12 allows a thousand times
what was measured). Dropout's masks come from different generators, so the
comparison applies one mask on both sides: Keras draws it, and nnbook's
layer is handed the same one. EarlyStopping is compared on its decisions:
the same history gives the same stopping epoch as Keras' callback.
"""

import numpy as np
import pytest

import nnbook
from nnbook import (Adam, Dense, Dropout, EarlyStopping, ReLU, Sequential,
                    SoftmaxCategoricalCrossentropy, one_hot)
from nnbook.node import unchecked

L2 = 2.0 ** -10           # exact in float32 too: Keras casts hyperparameters


def _relative(a, b):
    a, b = np.asarray(a), np.asarray(b)
    return np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-300)


def test_dense_l2_adds_its_penalty_and_its_gradient():
    layer = Dense(3, 2, seed=0, l2=0.5)
    assert layer.penalty() == pytest.approx(0.5 * np.sum(layer.weights ** 2))
    X = np.ones((4, 3))
    layer.forward(X)
    layer.backward(np.zeros((4, 2)))            # no data gradient at all
    np.testing.assert_allclose(layer.dweights, 2 * 0.5 * layer.weights)
    assert Dense(3, 2, seed=0).penalty() == 0.0
    assert repr(layer) == "Dense(3 -> 2, l2=0.5)"


def test_l2_loss_and_every_gradient_match_keras(tf, keras):
    X, y = nnbook.spiral(50, 3, seed=0)
    ours = [Dense(2, 16, seed=0, l2=L2), ReLU(), Dense(16, 3, seed=1, l2=L2)]
    model = Sequential(ours, loss=SoftmaxCategoricalCrossentropy())
    outputs = model.forward(X, training=True)
    loss = model.loss.forward(outputs, y) + model.penalty()
    model.backward(model.loss.backward())

    theirs = keras.Sequential([
        keras.Input((2,), dtype="float64"),
        keras.layers.Dense(16, activation="relu", dtype="float64",
                           kernel_regularizer=keras.regularizers.L2(L2)),
        keras.layers.Dense(3, dtype="float64",
                           kernel_regularizer=keras.regularizers.L2(L2))])
    theirs.set_weights([ours[0].weights, ours[0].biases[0],
                        ours[2].weights, ours[2].biases[0]])
    cross_entropy = keras.losses.CategoricalCrossentropy(from_logits=True,
                                                         dtype="float64")
    with tf.GradientTape() as tape:
        logits = theirs(tf.constant(X), training=True)
        keras_loss = cross_entropy(one_hot(y, 3), logits) + tf.add_n(theirs.losses)
    grads = tape.gradient(keras_loss, theirs.trainable_variables)

    assert model.penalty() > 0.01 * loss       # the penalty is not negligible
    assert loss == pytest.approx(float(keras_loss), rel=1e-12)
    pairs = [(ours[0].dweights, grads[0]), (ours[0].dbiases[0], grads[1]),
             (ours[2].dweights, grads[2]), (ours[2].dbiases[0], grads[3])]
    for mine, keras_grad in pairs:
        assert _relative(mine, keras_grad) < 1e-12


def test_fit_and_evaluate_report_the_loss_with_its_penalty():
    (X, y), validation, _ = nnbook.digits_data(0)
    model = Sequential([Dense(64, 16, seed=0, l2=1e-3), ReLU(),
                        Dense(16, 10, seed=1, l2=1e-3)],
                       loss=SoftmaxCategoricalCrossentropy(), optimizer=Adam(0.003))
    history = model.fit(X, y, epochs=2, batch_size=64, validation_data=validation)
    data_loss = model.loss.forward(model.forward(validation[0]), validation[1])
    assert history["val_loss"][-1] == pytest.approx(data_loss + model.penalty())
    assert model.evaluate(*validation)[0] == pytest.approx(history["val_loss"][-1])


def test_dropout_is_the_identity_at_inference():
    layer = Dropout(0.5, seed=0)
    x = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(layer.forward(x), x)
    np.testing.assert_array_equal(layer.backward(np.ones((3, 4))), np.ones((3, 4)))


def test_dropout_in_training_drops_about_rate_and_keeps_the_mean():
    layer = Dropout(0.25, seed=0)
    x = np.ones((400, 250))                     # 100,000 inputs
    out = layer.forward(x, training=True)
    kept = out != 0
    # Binomial: 100,000 draws at 0.75, standard deviation 0.0014; 5 sigma.
    assert abs(kept.mean() - 0.75) < 0.007
    np.testing.assert_allclose(out[kept], 1 / 0.75)
    assert abs(out.mean() - 1.0) < 0.01           # the expected value stays
    np.testing.assert_array_equal(layer.backward(np.ones_like(x)), out)


def test_dropout_is_seeded_and_leaves_numpys_global_generator_alone():
    np.random.seed(7)
    expected = np.random.random()
    np.random.seed(7)
    a = Dropout(0.5, seed=3).forward(np.ones((5, 5)), training=True)
    b = Dropout(0.5, seed=3).forward(np.ones((5, 5)), training=True)
    np.testing.assert_array_equal(a, b)
    assert np.random.random() == expected


class _Fixed:
    """A stand-in generator whose random() gives a chosen keep mask."""

    def __init__(self, keep):
        self.keep = keep

    def random(self, shape):
        assert shape == self.keep.shape
        return np.where(self.keep, 0.999, 0.0)


def test_dropout_with_keras_mask_matches_keras_forward_and_gradient(tf, keras):
    rate = 0.3
    x = np.random.default_rng(0).normal(size=(6, 5))
    upstream = np.random.default_rng(1).normal(size=(6, 5))
    layer = keras.layers.Dropout(rate, seed=11, dtype="float64")
    inputs = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(inputs)
        keras_out = layer(inputs, training=True)
        total = tf.reduce_sum(keras_out * upstream)
    keras_grad = tape.gradient(total, inputs)
    keep = np.asarray(keras_out) != 0           # the mask Keras drew
    assert 0 < keep.sum() < keep.size

    ours = Dropout(rate)
    ours.rng = _Fixed(keep)                     # the same mask on our side
    np.testing.assert_allclose(ours.forward(x, training=True),
                               np.asarray(keras_out), rtol=1e-15, atol=0)
    np.testing.assert_allclose(ours.backward(upstream), np.asarray(keras_grad),
                               rtol=1e-15, atol=0)
    np.testing.assert_array_equal(
        keras.layers.Dropout(rate, dtype="float64")(inputs), x)   # inference


def test_a_network_with_dropout_passes_a_gradient_check_with_a_fixed_mask():
    X, y = nnbook.spiral(20, 3, seed=0)
    layers = [Dense(2, 8, seed=0), ReLU(), Dropout(0.4), Dense(8, 3, seed=1)]
    model = Sequential(layers, loss=SoftmaxCategoricalCrossentropy())

    def loss():
        layers[2].rng = np.random.default_rng(5)   # the same mask each time
        return model.loss.forward(model.forward(X, training=True), y)

    loss()
    model.backward(model.loss.backward())
    analytic = layers[0].dweights.copy()
    numeric = np.zeros_like(analytic)
    h = 1e-6
    for i in np.ndindex(analytic.shape):
        old = layers[0].weights[i]
        layers[0].weights[i] = old + h
        up = loss()
        layers[0].weights[i] = old - h
        down = loss()
        layers[0].weights[i] = old
        numeric[i] = (up - down) / (2 * h)
    # Central differences at h = 1e-6 are good to about 1e-9 here.
    assert _relative(analytic, numeric) < 1e-6


def test_fit_drops_and_predict_never_does():
    (X, y), validation, _ = nnbook.digits_data(0)
    model = Sequential([Dense(64, 32, seed=0), ReLU(), Dropout(0.5, seed=0),
                        Dense(32, 10, seed=1)],
                       loss=SoftmaxCategoricalCrossentropy(), optimizer=Adam(0.003))
    model.fit(X, y, epochs=3, batch_size=64)
    first, second = model.predict(X[:50]), model.predict(X[:50])
    np.testing.assert_array_equal(first, second)        # no mask at inference
    with unchecked():
        a = model.forward(X[:50], training=True)
        b = model.forward(X[:50], training=True)
    assert not np.array_equal(a, b)                      # a new mask each time


def _digits_fit(**options):
    (X, y), validation, _ = nnbook.digits_data(0)
    model = nnbook.digits_model(0, hidden=16)
    history = model.fit(X, y, epochs=200, batch_size=32,
                        validation_data=validation, **options)
    return model, history, validation


def test_early_stopping_stops_after_patience_and_restores_the_best_epoch():
    stopper = EarlyStopping("val_loss", patience=3)
    model, history, validation = _digits_fit(early_stopping=stopper)
    losses = history["val_loss"]
    assert stopper.stopped_epoch is not None and len(losses) < 200
    assert len(losses) == stopper.stopped_epoch + 1
    assert stopper.best_epoch == int(np.argmin(losses))
    assert stopper.stopped_epoch - stopper.best_epoch == 3
    assert model.evaluate(*validation)[0] == pytest.approx(
        losses[stopper.best_epoch], rel=1e-12)


def test_without_restoring_the_model_keeps_its_last_weights():
    stopper = EarlyStopping("val_loss", patience=3, restore_best_weights=False)
    model, history, validation = _digits_fit(early_stopping=stopper)
    assert model.evaluate(*validation)[0] == pytest.approx(
        history["val_loss"][-1], rel=1e-12)


@pytest.mark.parametrize("monitor", ["val_loss", "val_accuracy"])
def test_early_stopping_decides_as_keras_does(keras, monitor):
    """The same history, epoch by epoch: both stop at the same epoch."""
    history = {"val_loss": [1.0, 0.8, 0.8, 0.7, 0.75, 0.71, 0.9, 0.69, 0.7,
                            0.72, 0.73, 0.74],
               "val_accuracy": [0.5, 0.6, 0.6, 0.7, 0.65, 0.7, 0.71, 0.71,
                                0.70, 0.69, 0.71, 0.72]}

    class Model:
        stop_training = False

    # Keras infers "max" for accuracy from a compiled model's metrics; this
    # bare callback is told.
    mode = "max" if monitor.endswith("accuracy") else "min"
    theirs = keras.callbacks.EarlyStopping(monitor=monitor, patience=3,
                                           mode=mode)
    theirs.set_model(Model())
    theirs.on_train_begin()
    ours = EarlyStopping(monitor, patience=3, restore_best_weights=False)
    ours.start([])
    seen = {monitor: []}
    stopped = {"ours": None, "keras": None}
    for epoch, value in enumerate(history[monitor]):
        seen[monitor].append(value)
        if stopped["ours"] is None and ours.should_stop(seen):
            stopped["ours"] = epoch
        theirs.on_epoch_end(epoch, {monitor: value})
        if stopped["keras"] is None and theirs.model.stop_training:
            stopped["keras"] = epoch
    assert stopped["ours"] is not None
    assert stopped["ours"] == stopped["keras"]


def test_a_saved_model_keeps_dropout_and_l2(tmp_path):
    model = Sequential([Dense(2, 4, seed=0, l2=0.01), ReLU(), Dropout(0.2),
                        Dense(4, 3, seed=1)], loss=SoftmaxCategoricalCrossentropy())
    nnbook.save(model, tmp_path / "m.npz")
    loaded = nnbook.load(tmp_path / "m.npz")
    assert [repr(l) for l in loaded.layers] == [repr(l) for l in model.layers]
    X = np.ones((3, 2))
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
