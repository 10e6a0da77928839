"""Checkers for chapter 6's exercises (implementing backpropagation)."""

import numpy as np

from ..activations import Softmax, softmax
from ..encoding import one_hot
from ..layers import Dense
from ..losses import SoftmaxCategoricalCrossentropy
from ..model import Sequential
from ..node import Layer
from . import ExerciseFailed, checker, expect


def _first_difference(got, want):
    """'at [i, j] got a, expected b' for the first entry that differs."""
    index = np.unravel_index(np.argmax(np.abs(got - want)), want.shape)
    where = ", ".join(map(str, index))
    return f"at [{where}] got {got[index]:.6g}, expected {want[index]:.6g}"


def _array(value, what, shape):
    """`value` as an array of `shape`, or a failure that says what it is."""
    expect(value is not None,
           f"{what} returned None: it must return an array of shape {shape}")
    value = np.asarray(value, dtype=float)
    expect(value.shape == shape,
           f"{what} returned shape {value.shape}, expected {shape}")
    return value


def _relative_errors(model, X, y, h=1e-6):
    """backward against central differences, per parameter tensor."""
    def loss():
        return model.loss.forward(model.forward(X), y)

    loss()
    model.backward(model.loss.backward())
    errors = []
    for layer in model.layers:
        for param, grad in layer.parameters():
            numeric = np.zeros_like(param)
            for index in np.ndindex(param.shape):
                saved = param[index]
                param[index] = saved + h
                up = loss()
                param[index] = saved - h
                down = loss()
                param[index] = saved
                numeric[index] = (up - down) / (2 * h)
            errors.append(np.linalg.norm(grad - numeric)
                          / np.linalg.norm(numeric))
    return errors


@checker("06-1", "a Tanh layer")
def tanh_layer(Tanh):
    """Tanh: a Layer class; forward is tanh, backward d * (1 - tanh^2)."""
    expect(isinstance(Tanh, type) and issubclass(Tanh, Layer),
           "pass the class itself, a subclass of nnbook.Layer: "
           "check('06-1', Tanh) after `class Tanh(Layer): ...`")
    rng = np.random.default_rng(0)
    x, d = 2 * rng.standard_normal((5, 4)), rng.standard_normal((5, 4))
    layer = Tanh()
    out = _array(layer.forward(x), "forward(x)", x.shape)
    expect(np.allclose(out, np.tanh(x), atol=1e-12),
           f"forward(x) is not tanh(x): {_first_difference(out, np.tanh(x))}")
    grad = _array(layer.backward(d), "backward(dvalues)", x.shape)
    want = d * (1 - np.tanh(x) ** 2)
    if not np.allclose(grad, want, atol=1e-12):
        hint = ""
        if np.allclose(grad, d * (1 - np.tanh(x)), atol=1e-12):
            hint = " (that is dvalues * (1 - tanh): the derivative squares it)"
        elif np.allclose(grad, 1 - np.tanh(x) ** 2, atol=1e-12):
            hint = " (that is 1 - tanh^2 alone: multiply by dvalues)"
        elif np.allclose(grad, d * (1 - x ** 2), atol=1e-12):
            hint = " (that is 1 - x^2: square tanh(x), not x)"
        raise ExerciseFailed("backward(dvalues) is not dvalues * "
                             f"(1 - tanh(x)**2): {_first_difference(grad, want)}"
                             f"{hint}")
    X = rng.standard_normal((20, 2))
    y = rng.integers(0, 3, size=20)
    model = Sequential([Dense(2, 8, seed=0), Tanh(), Dense(8, 3, seed=1)],
                       loss=SoftmaxCategoricalCrossentropy(), optimizer=None)
    worst = max(_relative_errors(model, X, y))
    expect(worst < 1e-6,
           "between Dense(2, 8) and Dense(8, 3) the gradients disagree with "
           f"central differences (largest relative error {worst:.1e}): does "
           "backward use the output of the latest forward call?")
    return f"gradients within {worst:.0e} of central differences"


@checker("06-2", "softmax's backward through its Jacobian")
def softmax_jacobian(softmax_backward_jacobian):
    """softmax_backward_jacobian(s, dvalues) == Softmax.backward(dvalues)."""
    expect(callable(softmax_backward_jacobian),
           "pass your function: check('06-2', softmax_backward_jacobian)")
    rng = np.random.default_rng(1)
    logits, d = rng.standard_normal((6, 4)), rng.standard_normal((6, 4))
    layer = Softmax()
    s = layer.forward(logits)
    want = layer.backward(d)
    got = _array(softmax_backward_jacobian(s.copy(), d.copy()),
                 "softmax_backward_jacobian(s, dvalues)", s.shape)
    if not np.allclose(got, want, atol=1e-12):
        hint = ""
        if np.allclose(got, d * s * (1 - s), atol=1e-12):
            hint = (" (that is the diagonal s(1 - s) alone: the off-diagonal "
                    "entries -s_i s_j of J count too)")
        raise ExerciseFailed("the result is not Softmax's backward: "
                             f"{_first_difference(got, want)}{hint}")
    y = one_hot(rng.integers(0, 4, size=6), 4)
    n = len(s)
    fused = _array(softmax_backward_jacobian(s, -y / s / n),
                   "softmax_backward_jacobian(s, -y / s / n)", s.shape)
    expect(np.allclose(fused, (s - y) / n, atol=1e-12),
           "fed the cross-entropy gradient -y / s / n it should give "
           f"(s - y) / n: {_first_difference(fused, (s - y) / n)}")
    big = softmax(np.array([[1000.0, 0.0, -1000.0]]))
    out = _array(softmax_backward_jacobian(big, np.ones((1, 3))),
                 "softmax_backward_jacobian on a saturated row", (1, 3))
    expect(np.all(np.isfinite(out)),
           "on a saturated softmax row (s = [1, 0, 0]) the result has "
           "NaN or inf")
    return "it equals the vectorised backward"


@checker("06-3", "a finite-difference check of Dense.backward")
def dense_check(check_dense):
    """check_dense(layer, X, delta) -> {"dweights", "dbiases", "dinputs"}:
    small errors for Dense, large ones for a Dense with a wrong backward."""
    expect(callable(check_dense),
           "pass your function: check('06-3', check_dense)")
    rng = np.random.default_rng(2)
    X, delta = rng.standard_normal((4, 3)), rng.standard_normal((4, 5))
    errors = check_dense(Dense(3, 5, seed=0), X.copy(), delta.copy())
    expect(isinstance(errors, dict)
           and set(errors) == {"dweights", "dbiases", "dinputs"},
           "check_dense must return a dict with the keys 'dweights', "
           f"'dbiases' and 'dinputs'; got {errors!r}")
    expect(max(errors.values()) < 1e-6,
           f"on nnbook's own Dense it reports errors {errors}: a right "
           "backward should give below 1e-6 (is the loss sum(delta * Y), "
           "and does each difference put the parameter back?)")
    wrong = {"dweights": _HalvedWeights, "dbiases": _NoBiasGradient,
             "dinputs": _DoubledInputs}
    for key, broken in wrong.items():
        found = check_dense(broken(3, 5, seed=0), X.copy(), delta.copy())
        expect(found[key] > 1e-3,
               f"a Dense whose backward gets {key} wrong passed your check "
               f"({key} error {found[key]:.1e}): compare {key} with central "
               "differences too")
    return "it catches a wrong dweights, dbiases and dinputs"


class _HalvedWeights(Dense):
    def backward(self, dvalues):
        dinputs = super().backward(dvalues)
        self.dweights = self.dweights / 2
        return dinputs


class _NoBiasGradient(Dense):
    def backward(self, dvalues):
        dinputs = super().backward(dvalues)
        self.dbiases = np.zeros_like(self.dbiases)
        return dinputs


class _DoubledInputs(Dense):
    def backward(self, dvalues):
        return 2 * super().backward(dvalues)
