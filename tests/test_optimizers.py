"""SGD and Adam: the exact Keras 3 update rules, step counting, schedules.

Keras casts Python-float hyperparameters through float32 even for float64
variables (keras.md), so the parity tests use values that are exact in
float32 (0.015625, 0.875, 1 - 2**-10, 2**-20). Then both sides run the same
float64 arithmetic and agree to ~1e-15; we allow 1e-13.
"""

import numpy as np
import pytest

from nnbook import SGD, Adam, Dense, InverseTimeDecay, ReLU

LR, MOMENTUM, BETA_1, BETA_2, EPS = 0.015625, 0.875, 0.875, 1 - 2**-10, 2**-20
RTOL = 1e-13


class Params:
    """A stand-in layer: two parameters with given gradients."""

    def __init__(self, rng):
        self.w, self.b = rng.normal(size=(3, 2)), rng.normal(size=(1, 2))
        self.dw, self.db = rng.normal(size=(3, 2)), rng.normal(size=(1, 2))

    def parameters(self):
        return [(self.w, self.dw), (self.b, self.db)]


def _keras_run(keras, optimizer, start, grads_per_step):
    variables = [keras.Variable(p.copy(), dtype="float64") for p in start]
    for grads in grads_per_step:
        optimizer.apply_gradients(zip([keras.ops.convert_to_tensor(g)
                                       for g in grads], variables))
    return [np.asarray(v) for v in variables]


def _ours_run(optimizer, layer, grads_per_step):
    for grads in grads_per_step:
        layer.dw, layer.db = grads
        optimizer.step([layer])
    return [layer.w, layer.b]


@pytest.mark.parametrize("steps", [1, 5])
@pytest.mark.parametrize("name", ["sgd", "sgd_momentum", "adam"])
def test_updates_match_keras(keras, name, steps):
    rng = np.random.default_rng(8)
    layer = Params(rng)
    start = [layer.w.copy(), layer.b.copy()]
    grads = [(rng.normal(size=(3, 2)), rng.normal(size=(1, 2)))
             for _ in range(steps)]
    ours, theirs = {
        "sgd": (SGD(LR), keras.optimizers.SGD(LR)),
        "sgd_momentum": (SGD(LR, momentum=MOMENTUM),
                         keras.optimizers.SGD(LR, momentum=MOMENTUM)),
        "adam": (Adam(LR, BETA_1, BETA_2, EPS),
                 keras.optimizers.Adam(LR, BETA_1, BETA_2, EPS)),
    }[name]
    expected = _keras_run(keras, theirs, start, grads)
    got = _ours_run(ours, layer, grads)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=RTOL, atol=1e-300)
    assert ours.iterations == steps


def test_schedule_matches_keras_inverse_time_decay(keras):
    ours = InverseTimeDecay(0.05, 1, 5e-7)
    theirs = keras.optimizers.schedules.InverseTimeDecay(0.05, 1, 5e-7)
    for step in (0, 1, 10, 9999):
        # Keras evaluates the schedule in float32: agreement to ~1e-7.
        assert ours(step) == pytest.approx(float(theirs(step)), rel=1e-6)
    assert ours(0) == 0.05
    assert ours(10_000) == pytest.approx(0.05 / 1.005, rel=1e-15)


def test_schedule_sees_the_step_count_starting_at_zero():
    seen = []
    optimizer = SGD(learning_rate=lambda step: seen.append(step) or 0.1)
    layer = Params(np.random.default_rng(0))
    for _ in range(3):
        optimizer.step([layer])
    assert seen == [0, 1, 2]


def test_step_updates_every_layer_once_and_counts_once():
    rng = np.random.default_rng(9)
    a, b = Params(rng), Params(rng)
    before = [p.copy() for layer in (a, b) for p, _ in layer.parameters()]
    optimizer = SGD(0.5)
    optimizer.step([a, ReLU(), b])          # ReLU has no parameters
    after = [p for layer in (a, b) for p, _ in layer.parameters()]
    grads = [g for layer in (a, b) for _, g in layer.parameters()]
    for p0, p1, g in zip(before, after, grads):
        np.testing.assert_allclose(p1, p0 - 0.5 * g, rtol=1e-15)
    assert optimizer.iterations == 1


def test_one_optimiser_per_model():
    optimizer = Adam()
    small, big = Dense(2, 3), Dense(3, 4)
    for layer, x in ((small, np.ones((1, 2))), (big, np.ones((1, 3)))):
        layer.backward(np.ones_like(layer.forward(x)))
    optimizer.step([small])
    with pytest.raises(ValueError, match="one optimiser per model"):
        optimizer.step([big])


@pytest.mark.parametrize("make", [lambda: SGD(0), lambda: SGD(-1.0),
                                  lambda: SGD(0.1, momentum=1.5),
                                  lambda: Adam(learning_rate=0)])
def test_bad_hyperparameters_raise(make):
    with pytest.raises(ValueError):
        make()
