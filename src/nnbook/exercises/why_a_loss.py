"""Checkers for chapter 3's exercises (why a loss function)."""

import numpy as np

from ..activations import Sigmoid
from ..data import two_blobs
from ..layers import Dense
from ..losses import binary_crossentropy
from ..metrics import accuracy
from . import checker, expect


def _chapter_scores(w):
    """(accuracy, loss) of the chapter's model with weights[0, 0] = w."""
    X, y = two_blobs(50)
    layer = Dense(2, 1, seed=0)
    layer.weights[0, 0] = w
    p = Sigmoid().forward(layer.forward(X))
    return np.array([accuracy(y, p), binary_crossentropy(y, p)])


def _pair(value, what):
    expect(value is not None, f"{what} returned None: return the two slopes, "
                              "(accuracy's, the loss's)")
    value = np.asarray(value, dtype=float).reshape(-1)
    expect(value.shape == (2,), f"{what} returned {value.size} numbers: "
                                "return two, (accuracy's slope, the loss's)")
    return value


@checker("03-1", "the slopes of accuracy and of the loss")
def slopes_of_scores(slopes):
    """slopes(w, h) == central differences of (accuracy, loss) at w."""
    expect(callable(slopes), "pass your function: check('03-1', slopes)")
    h = 1e-4
    for w in (-2.0, 0.5, 3.2, 3.9):
        want = (_chapter_scores(w + h) - _chapter_scores(w - h)) / (2 * h)
        got = _pair(slopes(w, h), f"slopes({w}, {h})")
        expect(np.isclose(got[0], want[0], rtol=0, atol=1e-6),
               f"slopes({w}, {h})[0], accuracy's slope, is {got[0]:.6g}; "
               f"expected {want[0]:.6g} (accuracy moves in steps of 0.01, so "
               "its central difference is 0 unless a point changes side)")
        expect(np.isclose(got[1], want[1], rtol=1e-6, atol=1e-9),
               f"slopes({w}, {h})[1], the loss's slope, is {got[1]:.6g}; "
               f"expected {want[1]:.6g}: (loss(w + h) - loss(w - h)) / (2h) on "
               "two_blobs(50) with Dense(2, 1, seed=0) and a Sigmoid")
    left = _pair(slopes(3.0, h), "slopes(3.0)")[1]
    right = _pair(slopes(4.0, h), "slopes(4.0)")[1]
    expect(left < 0 < right, "the loss's slope should change sign between "
                             f"w = 3 and w = 4; it is {left:.3g} and {right:.3g}")
    return "the loss's slope turns from negative to positive between 3 and 4"


@checker("03-2", "mean squared error")
def mean_squared_error_values(mean_squared_error):
    """The mean of (y - p)^2 for (n,) and (n, 1) inputs, as a float."""
    expect(callable(mean_squared_error),
           "pass your function: check('03-2', mean_squared_error)")
    cases = [(([1, 0], [0.8, 0.4]), 0.1),
             ((np.array([[1], [0]]), np.array([[0.8], [0.4]])), 0.1),
             (([1, 1, 0, 0], [1.0, 0.5, 0.5, 0.0]), 0.125),
             (([1], [0.001]), 0.998001)]
    for (y_true, y_pred), want in cases:
        got = mean_squared_error(y_true, y_pred)
        expect(got is not None, "mean_squared_error returned None: return "
                                "one number")
        expect(np.ndim(got) == 0, "mean_squared_error should return one "
                                  f"number, the mean; it returned shape "
                                  f"{np.shape(got)} for {y_true!r}")
        expect(np.isclose(float(got), want, rtol=1e-12, atol=1e-15),
               f"mean_squared_error({y_true!r}, {y_pred!r}) is {float(got):.6g}; "
               f"expected {want:.6g} (the mean of (y - p)**2 over the samples)")
    confident = float(mean_squared_error([1], [0.001]))
    ce = binary_crossentropy([1], [0.001])
    return (f"a confident mistake costs {confident:.3f} in MSE and {ce:.2f} "
            "in cross-entropy")


@checker("03-3", "accuracy and loss that disagree")
def disagreeing_predictions(sure, unsure):
    """For y = [1, 0, 1, 0]: `sure` is more accurate, `unsure` has less loss."""
    if sure is None or unsure is None:
        raise NotImplementedError("sure and unsure")
    y = np.array([1, 0, 1, 0])
    for name, p in (("sure", sure), ("unsure", unsure)):
        p = np.asarray(p, dtype=float)
        expect(p.shape == (4,), f"{name} should hold four probabilities, one "
                                f"for each label of {y.tolist()}; got shape "
                                f"{p.shape}")
        expect(np.all((p > 0) & (p < 1)),
               f"{name} should hold probabilities strictly between 0 and 1; "
               f"got {p.tolist()}")
    sure, unsure = np.asarray(sure, float), np.asarray(unsure, float)
    a, b = accuracy(y, sure), accuracy(y, unsure)
    expect(a > b, f"sure should get more labels right than unsure; accuracy "
                  f"is {a:.2f} for sure and {b:.2f} for unsure")
    la, lb = binary_crossentropy(y, sure), binary_crossentropy(y, unsure)
    expect(la > lb, f"sure should have the larger loss; it is {la:.4f} "
                    f"against unsure's {lb:.4f}: make one of sure's wrong "
                    "answers very confident")
    worst = int(np.argmax(binary_crossentropy(y, sure, reduction="none")))
    return f"sample {worst} of sure costs the most"
