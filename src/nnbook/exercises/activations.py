"""Checkers for chapter 2's exercises (activation functions)."""

import warnings

import numpy as np

from ..activations import ReLU, sigmoid, softmax
from . import ExerciseFailed, checker, expect


def _close(got, want):
    return got.shape == want.shape and np.allclose(got, want, rtol=1e-9,
                                                   atol=1e-12)


def _array(value, what, shape):
    """`value` as a float array of `shape`, or a failure saying what it is."""
    expect(value is not None,
           f"{what} returned None: it must return an array of shape {shape}")
    value = np.asarray(value, dtype=float)
    expect(value.shape == shape,
           f"{what} returned shape {value.shape}, expected {shape}")
    return value


def _first_difference(got, want):
    """'at [i, j] got a, expected b' for the first entry that differs most."""
    index = np.unravel_index(np.argmax(np.abs(got - want)), want.shape)
    where = ", ".join(map(str, index))
    return f"at [{where}] got {got[index]:.6g}, expected {want[index]:.6g}"


@checker("02-1", "a LeakyReLU layer")
def leaky_relu(LeakyReLU):
    """LeakyReLU(alpha): forward x or alpha * x, backward dvalues times 1 or
    alpha; alpha = 0 is ReLU."""
    expect(isinstance(LeakyReLU, type),
           "pass the class itself: check('02-1', LeakyReLU)")
    rng = np.random.default_rng(0)
    x = 3 * rng.standard_normal((5, 4))
    x[np.abs(x) < 1e-3] = 0.5                # away from the kink at 0
    d = rng.standard_normal((5, 4))

    alpha = 0.1
    layer = LeakyReLU(alpha=alpha)
    given = x.copy()
    out = _array(layer.forward(given), "LeakyReLU(alpha=0.1).forward(x)",
                 x.shape)
    expect(np.array_equal(given, x),
           "forward changed the array it was given: compute a new array "
           "(np.where) instead of scaling the inputs in place")
    want = np.where(x > 0, x, alpha * x)
    if not _close(out, want):
        hint = ""
        if _close(out, np.maximum(x, 0)):
            hint = " (negative inputs come out 0, as in ReLU: multiply them " \
                   "by alpha)"
        elif _close(out, np.maximum(x, 0) + alpha * x):
            hint = " (positive inputs come out as (1 + alpha) x: they " \
                   "should pass unchanged)"
        elif _close(out, np.where(x > 0, alpha * x, x)):
            hint = " (the two sides are swapped: x for x > 0, alpha * x " \
                   "otherwise)"
        raise ExerciseFailed("with alpha = 0.1 forward(x) is not x for x > 0 "
                             f"and alpha * x otherwise: "
                             f"{_first_difference(out, want)}{hint}")
    grad = back = _array(layer.backward(d.copy()),
                         "LeakyReLU(alpha=0.1).backward(d)", x.shape)
    slope = np.where(x > 0, 1.0, alpha)
    if not _close(back, d * slope):
        hint = ""
        if _close(back, slope):
            hint = " (that is the slope alone: multiply it by dvalues)"
        elif _close(back, d * (x > 0)):
            hint = " (negative inputs pass 0, as in ReLU: they should pass " \
                   "alpha * dvalues)"
        elif _close(back, np.where(x > 0, d, alpha)):
            hint = " (negative inputs pass alpha: they should pass " \
                   "alpha * dvalues)"
        raise ExerciseFailed("with alpha = 0.1 backward(dvalues) is not "
                             "dvalues where x > 0 and alpha * dvalues "
                             f"elsewhere: {_first_difference(back, d * slope)}"
                             f"{hint}")

    plain, zero = ReLU(), LeakyReLU(alpha=0.0)
    out = _array(zero.forward(x.copy()), "LeakyReLU(alpha=0).forward(x)",
                 x.shape)
    expect(_close(out, plain.forward(x)),
           "with alpha = 0 forward should be ReLU's max(0, x): "
           f"{_first_difference(out, plain.forward(x))}")
    back = _array(zero.backward(d.copy()), "LeakyReLU(alpha=0).backward(d)",
                  x.shape)
    expect(_close(back, plain.backward(d)),
           "with alpha = 0 backward should be ReLU's, dvalues where x > 0 "
           f"and 0 elsewhere: {_first_difference(back, plain.backward(d))}")

    x2, d2 = 3 * rng.standard_normal((3, 2)) + 0.5, rng.standard_normal((3, 2))
    layer.forward(x2.copy())
    back = _array(layer.backward(d2.copy()),
                  "backward after a second forward on a (3, 2) batch", (3, 2))
    expect(_close(back, d2 * np.where(x2 > 0, 1.0, alpha)),
           "after a second forward, backward should use that call's inputs: "
           "keep them in forward (self.inputs = inputs)")

    h = 1e-6
    up = np.asarray(LeakyReLU(alpha=alpha).forward(x + h))
    down = np.asarray(LeakyReLU(alpha=alpha).forward(x - h))
    numeric = d * (up - down) / (2 * h)
    gap = np.abs(grad - numeric).max()
    return f"backward agrees with central differences to {gap:.0e}"


def _quietly(function, x):
    """function(x) and the warnings it raised, whatever numpy's settings."""
    with warnings.catch_warnings(record=True) as caught, \
            np.errstate(over="warn", invalid="warn", divide="warn"):
        warnings.simplefilter("always")
        value = function(x)
    return value, [str(w.message) for w in caught]


@checker("02-2", "tanh from sigmoid")
def tanh_from_sigmoid(tanh):
    """tanh(x) == np.tanh(x), finite and warning-free at x = +-1000."""
    expect(callable(tanh), "pass your function: check('02-2', tanh)")
    x = np.linspace(-20.0, 20.0, 401)
    got = _array(tanh(x.copy()), "tanh(x) for 401 values from -20 to 20",
                 x.shape)
    want = np.tanh(x)
    if not _close(got, want):
        hint = ""
        if _close(got, 2 * sigmoid(x) - 1):
            hint = " (that is 2 sigmoid(x) - 1, which is tanh(x / 2): the " \
                   "identity has sigmoid(2x))"
        elif _close(got, sigmoid(2 * x)):
            hint = " (that is sigmoid(2x) alone: times 2, minus 1)"
        elif _close(got, 2 * sigmoid(2 * x)):
            hint = " (that is 2 sigmoid(2x): subtract 1)"
        elif _close(got, -want):
            hint = " (the sign is flipped: sigmoid(2x), not sigmoid(-2x))"
        raise ExerciseFailed("tanh(x) is not np.tanh(x): "
                             f"{_first_difference(got, want)}{hint}")
    grid = np.arange(12.0).reshape(3, 4) - 6
    square = _array(tanh(grid.copy()), "tanh on a (3, 4) array", (3, 4))
    expect(_close(square, np.tanh(grid)),
           "on a (3, 4) array tanh should work element by element: "
           f"{_first_difference(square, np.tanh(grid))}")
    far = np.array([-1000.0, 1000.0])
    ends, said = _quietly(tanh, far.copy())
    ends = _array(ends, "tanh([-1000, 1000])", (2,))
    if said:
        raise ExerciseFailed(f"tanh([-1000, 1000]) gave the warning "
                             f"{said[0]!r}: built on nnbook's sigmoid, whose "
                             "exp never overflows, it needs no exp of its own")
    expect(np.all(np.isfinite(ends)) and np.allclose(ends, [-1, 1], rtol=0,
                                                     atol=1e-12),
           f"tanh([-1000, 1000]) is {ends.tolist()}, expected [-1.0, 1.0]")
    zero = tanh(0.0)
    expect(zero is not None and np.ndim(zero) == 0 and float(zero) == 0.0,
           f"tanh(0.0) should be the single number 0.0; got {zero!r}")
    h, points = 1e-5, np.linspace(-4.0, 4.0, 81)
    numeric = (np.asarray(tanh(points + h)) - np.asarray(tanh(points - h))) \
        / (2 * h)
    gap = np.abs(numeric - (1 - np.tanh(points) ** 2)).max()
    return f"its slope matches 1 - tanh(x)**2 to {gap:.0e}"


@checker("02-3", "a naive softmax and where it breaks")
def naive_softmax_breaks(naive_softmax, first_failure):
    """naive_softmax is exp(x) / sum(exp(x)) along the last axis, unshifted;
    first_failure() is 710, the first n where naive_softmax([n, 0]) fails."""
    expect(callable(naive_softmax) and callable(first_failure),
           "pass your two functions: check('02-3', naive_softmax, "
           "first_failure)")
    x = np.array([2.0, 1.0, 0.1])
    got = naive_softmax(x.copy())
    expect(np.asarray(got).dtype not in (np.float32, np.float16),
           f"naive_softmax returned {np.asarray(got).dtype} numbers: compute "
           "in float64, where exp overflows past 709 (float32 past 88)")
    got = _array(got, "naive_softmax([2, 1, 0.1])", (3,))
    expect(_close(got, softmax(x)),
           f"naive_softmax([2, 1, 0.1]) is {np.round(got, 6).tolist()}, "
           "expected exp(x) / sum(exp(x)) = "
           f"{np.round(softmax(x), 6).tolist()}")
    batch = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0], [3.0, 0.0, 0.0]])
    got = _array(naive_softmax(batch.copy()),
                 "naive_softmax on a (3, 3) batch", (3, 3))
    want = softmax(batch)
    if not _close(got, want):
        exp = np.exp(batch)
        hint = ""
        if _close(got, exp / exp.sum(axis=0)):
            hint = " (the columns sum to 1: sum along the last axis, each " \
                   "row is one sample)"
        elif _close(got, exp / exp.sum()):
            hint = " (the whole batch sums to 1: each row should)"
        elif _close(got, exp / exp.sum(axis=-1)):
            hint = " (the row sums were divided across the columns: keep " \
                   "them as a column, sum(axis=-1, keepdims=True))"
        raise ExerciseFailed("on a (3, 3) batch each row should become its "
                             "own distribution: "
                             f"{_first_difference(got, want)}{hint}")
    for c in (-30.0, 5.0, 100.0):
        shifted = _array(naive_softmax(x + c), f"naive_softmax(x + {c:g})",
                         (3,))
        expect(_close(shifted, softmax(x)),
               f"adding {c:g} to every score changed naive_softmax: got "
               f"{np.round(shifted, 6).tolist()}, expected "
               f"{np.round(softmax(x), 6).tolist()}")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        hundred = np.asarray(naive_softmax([100.0, 0.0]), dtype=float)
        thousand = np.asarray(naive_softmax([1000.0, 0.0]), dtype=float)
        n = first_failure()
    expect(np.all(np.isfinite(hundred)),
           f"naive_softmax([100, 0]) is {hundred.tolist()}: exp(100) is "
           "finite in float64 (float32 overflows past 88): compute in float64")
    expect(not np.all(np.isfinite(thousand)),
           f"naive_softmax([1000, 0]) is {thousand.tolist()}, finite: it "
           "guards against overflow (subtracting the maximum?); the exercise "
           "wants the naive exp(x) / sum(exp(x)), to see where it breaks")
    expect(n is not None, "first_failure() returned None: return the "
                          "smallest whole n that breaks naive_softmax([n, 0])")
    expect(np.ndim(n) == 0 and float(n) == int(n),
           f"first_failure() should return one whole number; got {n!r}")
    n = int(n)
    hint = ""
    if n == 709:
        hint = (": naive_softmax([709, 0]) is still finite; 709 is the last "
                "n that works, the first failure is the next one")
    elif n < 709:
        hint = f": naive_softmax([{n}, 0]) is still finite"
    elif n > 710:
        hint = ": naive_softmax([710, 0]) already fails"
    expect(n == 710,
           f"first_failure() returned {n}; expected 710 (exp(709) is about "
           f"8.2e307, still finite in float64; exp(710) overflows){hint}")
    return "exp(709) is still finite, exp(710) overflows"
