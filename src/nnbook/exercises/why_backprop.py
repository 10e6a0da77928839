"""Checkers for chapter 5's exercises (why backpropagation)."""

import time

import numpy as np

from ..activations import sigmoid
from ..layers import Dense
from ..recipes import spiral_model
from . import ExerciseFailed, checker, expect


def _gradient(numerical_gradient, f, x, h, what):
    """numerical_gradient(f, x, h) as an array, with x left as it was."""
    given = x.copy()
    grad = numerical_gradient(f, given, h)
    expect(grad is not None, f"numerical_gradient returned None on {what}: "
                             f"return an array shaped like x, {x.shape}")
    grad = np.asarray(grad, dtype=float)
    expect(grad.shape == x.shape, f"on {what}, it returned shape {grad.shape}; "
                                  f"expected x's shape {x.shape}")
    expect(np.array_equal(given, x),
           f"on {what}, x was changed: put each entry back after moving it "
           "(the caller's array must come back as it was)")
    return grad


def _one_sided(f, x, h):
    """Forward differences (f(x + h e_i) - f(x)) / h, to name that mistake."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        moved = x.copy()
        moved[i] += h
        grad[i] = (f(moved) - f(x)) / h
    return grad


@checker("05-1", "a numerical gradient by central differences")
def numerical_gradient_values(numerical_gradient):
    """numerical_gradient(f, x, h) is the central difference for each entry
    of x, and leaves x unchanged."""
    expect(callable(numerical_gradient),
           "pass your function: check('05-1', numerical_gradient)")
    x = np.array([[-1.5, 0.0, 2.0], [0.5, 3.0, -0.25]])
    cube = lambda v: np.sum(v ** 3)             # noqa: E731
    h = 1e-5
    what = f"f(x) = sum(x**3), x of shape {x.shape}, h = {h}"
    got, want = _gradient(numerical_gradient, cube, x, h, what), 3 * x ** 2
    if not np.allclose(got, want, rtol=0, atol=1e-6):
        index = np.unravel_index(np.argmax(np.abs(got - want)), x.shape)
        hint = ""
        if np.allclose(got, want.sum(), rtol=1e-6):
            hint = (": every entry holds the same number, the slope of "
                    "moving all of x at once; e_i moves entry i only")
        elif np.allclose(got, 2 * want, rtol=1e-6):
            hint = ": twice the derivative; divide by 2h, not h"
        elif np.allclose(got, _one_sided(cube, x, h), rtol=0, atol=1e-7):
            hint = (": that is the one-sided (f(x + h e_i) - f(x)) / h; "
                    "central differences move both ways, "
                    "(f(x + h e_i) - f(x - h e_i)) / (2h)")
        raise ExerciseFailed(f"on {what}, entry {list(map(int, index))} is "
                             f"{got[index]:.8g}; expected 3 x**2 = "
                             f"{want[index]:.8g}{hint}")
    what = f"f(x) = sum(sin x), h = {h}"
    got = _gradient(numerical_gradient, lambda v: np.sum(np.sin(v)), x, h, what)
    expect(np.allclose(got, np.cos(x), rtol=0, atol=1e-8),
           f"on {what}, the largest error against cos x is "
           f"{np.abs(got - np.cos(x)).max():.2g}; central differences should "
           "be within 1e-8")
    line = np.linspace(-2.0, 2.0, 5)
    what = f"f(x) = sum(exp x), x of shape {line.shape}, h = {h}"
    got = _gradient(numerical_gradient, lambda v: np.sum(np.exp(v)),
                    line, h, what)
    expect(np.allclose(got, np.exp(line), rtol=1e-8, atol=0),
           f"on {what}, the largest error against exp x is "
           f"{np.abs(got - np.exp(line)).max():.2g}")
    coarse = 1e-2
    what = f"f(x) = sum(x**3), h = {coarse}"
    error = _gradient(numerical_gradient, cube, x, coarse, what) - 3 * x ** 2
    if not np.allclose(error, coarse ** 2, rtol=0, atol=1e-9):
        hint = (": it is almost exact, so it seems to use its own small h "
                "rather than the h passed in" if np.abs(error).max() < 1e-6
                else "")
        raise ExerciseFailed(f"on {what}, central differences are exactly "
                             f"3 x**2 + h**2, an error of {coarse ** 2:g} in "
                             f"every entry; the errors are "
                             f"{np.round(error, 8).tolist()}{hint}")
    return f"with h = {coarse} its error on sum(x**3) is exactly h**2"


def _parameter_count(width):
    dense = [layer for layer in spiral_model(hidden=width).layers
             if isinstance(layer, Dense)]
    return sum(layer.weights.size + layer.biases.size for layer in dense)


@checker("05-2", "the cost of a numerical gradient")
def numerical_cost_counts(numerical_cost):
    """numerical_cost(width) -> (parameters, forward passes, seconds) for
    spiral_model(hidden=width): the count, twice as many passes, run."""
    expect(callable(numerical_cost),
           "pass your function: check('05-2', numerical_cost)")
    passes_of = {}
    original = Dense.forward
    for width in (4, 16):
        calls = [0]

        def counted(layer, *args, **kwargs):
            calls[0] += 1
            return original(layer, *args, **kwargs)

        Dense.forward = counted                 # count what really runs
        try:
            start = time.perf_counter()
            result = numerical_cost(width)
            elapsed = time.perf_counter() - start
        finally:
            Dense.forward = original
        call = f"numerical_cost({width})"
        expect(isinstance(result, tuple) and len(result) == 3,
               f"{call} should return three things, (parameters, forward "
               f"passes, seconds); it returned {result!r}")
        count, passes, seconds = result
        want = _parameter_count(width)
        if count != want:
            hint = ""
            if count == 5 * width:
                hint = (": that counts the weights only (2 x w in, w x 3 "
                        "out); add the biases, w and 3")
            raise ExerciseFailed(f"{call} counts {count} parameters; "
                                 f"spiral_model(hidden={width}) has {want}"
                                 f"{hint}")
        if passes != 2 * want:
            hint = ""
            if passes == want:
                hint = (": one pass per parameter; a central difference "
                        "needs two, at p + h and at p - h")
            elif passes == 2 * want + 1:
                hint = (": central differences need no pass at the unmoved "
                        "parameters")
            raise ExerciseFailed(f"{call} counts {passes} forward passes; one "
                                 f"central difference per parameter takes "
                                 f"2 x {want} = {2 * want}{hint}")
        expect(calls[0] >= passes,
               f"{call} reports {passes} forward passes, but the model's "
               f"Dense layers ran forward only {calls[0]} times: run the "
               "model (and its loss) after each move of a parameter")
        expect(np.ndim(seconds) == 0 and 0 <= float(seconds) <= elapsed,
               f"{call} reports {seconds!r} seconds, but the call took "
               f"{elapsed:.3g} s: time the passes with time.perf_counter()")
        passes_of[width] = passes
    return (f"width 16 takes {passes_of[16]} forward passes, width 4 takes "
            f"{passes_of[4]}")


@checker("05-3", "dL/dw by the chain rule")
def chain_rule(dL_dw):
    """dL_dw(w, x) == -(1 - sigmoid(w x)) x, the derivative of
    L = -log(sigmoid(w x)) with respect to w."""
    expect(callable(dL_dw), "pass your function: check('05-3', dL_dw)")
    for x in (2.0, -1.5, 0.5):
        for w in (-3.0, -0.3, 0.0, 0.7, 3.0):
            got = dL_dw(w, x)
            call = f"dL_dw({w}, {x})"
            expect(got is not None, f"{call} returned None: return the "
                                    "derivative, one number")
            expect(np.ndim(got) == 0, f"{call} should return one number; it "
                                      f"returned shape {np.shape(got)}")
            got = float(got)
            a = float(sigmoid(w * x))
            want = -(1 - a) * x
            if np.isclose(got, want, rtol=1e-9, atol=1e-12):
                continue
            wrong = {
                "the sign is wrong: the derivative of -log a is -1 / a":
                    (1 - a) * x,
                "that leaves out x, the derivative of w x with respect to w":
                    -(1 - a),
                "that multiplies by w: da/dw is sigmoid'(w x) times x":
                    -(1 - a) * w,
                "that evaluates sigmoid at w; a is sigmoid(w * x)":
                    -(1 - float(sigmoid(w))) * x,
                "that takes dL/da as -1; the derivative of -log a is -1 / a":
                    -a * (1 - a) * x,
            }
            hint = next((f" ({why})" for why, value in wrong.items()
                         if np.isclose(got, value, rtol=1e-9, atol=1e-12)), "")
            raise ExerciseFailed(f"{call} is {got:.10g}; expected "
                                 f"dL/da * da/dw = {want:.10g}{hint}")
    return "dL/da * da/dw = (-1 / a) * a (1 - a) x = -(1 - a) x"
