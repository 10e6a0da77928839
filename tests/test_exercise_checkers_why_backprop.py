"""Chapter 5's checkers name the usual mistakes in numerical gradients."""

import time

import numpy as np
import pytest

from nnbook import sigmoid, spiral, spiral_model
from nnbook.exercises import ExerciseFailed, check


def _differences(kind):
    """numerical_gradient with one classic mistake (or none)."""
    def numerical_gradient(f, x, h=1e-5):
        grad = np.zeros_like(x, dtype=float)
        for i in np.ndindex(x.shape):
            old = x[i]
            x[i] = old + h
            up = f(x)
            x[i] = old if kind == "one-sided" else old - h
            down = f(x)
            if kind != "not restored":
                x[i] = old
            grad[i] = (up - down) / (h if kind in ("one-sided", "by h")
                                     else 2 * h)
        return grad
    return numerical_gradient


def test_central_differences_pass():
    assert check("05-1", _differences("central"))


@pytest.mark.parametrize("kind, named", [
    ("one-sided", "that is the one-sided"),
    ("by h", "divide by 2h, not h"),
    ("not restored", "x was changed"),
])
def test_wrong_differences_are_named(kind, named):
    with pytest.raises(ExerciseFailed, match=named):
        check("05-1", _differences(kind))


def test_moving_all_of_x_at_once_is_named():
    def all_at_once(f, x, h=1e-5):
        return np.full(x.shape, (f(x + h) - f(x - h)) / (2 * h))

    with pytest.raises(ExerciseFailed, match="moving all of x at once"):
        check("05-1", all_at_once)


def test_ignoring_h_is_named():
    with pytest.raises(ExerciseFailed, match="its own small h"):
        check("05-1", lambda f, x, h=1e-5: _differences("central")(f, x, 1e-6))


X, y = spiral(100, 3)


def _cost(biases=True, moves=2, run=True):
    """numerical_cost, counting `moves` passes per parameter."""
    def numerical_cost(width, h=1e-5):
        model = spiral_model(hidden=width)
        dense = [layer for layer in model.layers if hasattr(layer, "weights")]
        params = [p for layer in dense
                  for p in ((layer.weights, layer.biases) if biases
                            else (layer.weights,))]
        passes, start = 0, time.perf_counter()
        for p in params:
            for i in np.ndindex(p.shape):
                old = p[i]
                for value in (old + h, old - h)[:moves]:
                    p[i] = value
                    if run:
                        model.loss.forward(model.forward(X), y)
                    passes += 1
                p[i] = old
        return sum(p.size for p in params), passes, time.perf_counter() - start
    return numerical_cost


def test_counting_every_pass_passes():
    assert check("05-2", _cost())


@pytest.mark.parametrize("options, named", [
    ({"biases": False}, "counts the weights only"),
    ({"moves": 1}, "one pass per parameter"),
    ({"run": False}, "ran forward only 0 times"),
])
def test_wrong_counts_are_named(options, named):
    with pytest.raises(ExerciseFailed, match=named):
        check("05-2", _cost(**options))


@pytest.mark.parametrize("dL_dw, named", [
    (lambda w, x: (1 - sigmoid(w * x)) * x, "the sign is wrong"),
    (lambda w, x: -(1 - sigmoid(w * x)), "leaves out x"),
    (lambda w, x: -(1 - sigmoid(w * x)) * w, "multiplies by w"),
    (lambda w, x: -sigmoid(w * x) * (1 - sigmoid(w * x)) * x,
     "takes dL/da as -1"),
])
def test_wrong_chain_rules_are_named(dL_dw, named):
    with pytest.raises(ExerciseFailed, match=named):
        check("05-3", dL_dw)


def test_the_chain_rule_passes():
    assert check("05-3", lambda w, x: -(1 - sigmoid(w * x)) * x)
