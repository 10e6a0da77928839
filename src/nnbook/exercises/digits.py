"""Checkers for chapter 9's exercises (handwritten digits)."""

import numpy as np

from ..layers import Dense
from ..activations import ReLU
from ..losses import SoftmaxCategoricalCrossentropy
from ..model import Sequential
from . import checker, expect


@checker("09-1", "standardising with the training set's statistics")
def standardise(standardiser):
    """standardiser(X_train) returns a function that scales any X with
    X_train's mean and spread, leaving constant columns at 0."""
    expect(callable(standardiser),
           "pass your function: check('09-1', standardiser)")
    rng = np.random.default_rng(0)
    X_train = rng.uniform(0, 16, size=(50, 6))
    X_train[:, 2] = 0.0                          # an always-empty pixel
    X_other = rng.uniform(0, 16, size=(20, 6)) + 3.0
    scale = standardiser(X_train.copy())
    expect(callable(scale), "standardiser(X_train) should return a function "
                            f"that scales data; it returned {scale!r}")
    Z = np.asarray(scale(X_train.copy()), dtype=float)
    expect(Z.shape == X_train.shape, f"the scaled training set has shape "
                                     f"{Z.shape}, expected {X_train.shape}")
    expect(np.all(np.isfinite(Z)),
           "the scaled training set has NaN or inf: a pixel that is always 0 "
           "has spread 0; divide by 1 there instead")
    live = [0, 1, 3, 4, 5]
    expect(np.allclose(Z[:, live].mean(axis=0), 0, atol=1e-12),
           f"scaled training columns should have mean 0; they have "
           f"{np.round(Z[:, live].mean(axis=0), 4).tolist()}")
    expect(np.allclose(Z[:, live].std(axis=0), 1),
           f"scaled training columns should have spread (std) 1; they have "
           f"{np.round(Z[:, live].std(axis=0), 4).tolist()}")
    expect(np.all(Z[:, 2] == 0), "the always-empty column should stay 0")
    other = np.asarray(scale(X_other.copy()), dtype=float)
    want = (X_other - X_train.mean(axis=0)) / np.where(
        X_train.std(axis=0) > 0, X_train.std(axis=0), 1.0)
    if not np.allclose(other, want):
        hint = ""
        if np.allclose(other[:, live].mean(axis=0), 0, atol=1e-9):
            hint = (": it seems to use the statistics of the data it is "
                    "given; new data must be scaled with X_train's")
        expect(False, "other data is not scaled with the training set's mean "
                      f"and spread{hint}")
    return "new data is scaled with the training set's numbers"


@checker("09-2", "first-layer weights that follow shuffled pixels")
def shuffled_weights(match_weights):
    """match_weights(model, order) permutes the first layer so that the model
    on X[:, order] gives what it gave on X."""
    expect(callable(match_weights),
           "pass your function: check('09-2', match_weights)")
    rng = np.random.default_rng(3)
    order = rng.permutation(8)
    X = rng.standard_normal((5, 8))

    def model():
        return Sequential([Dense(8, 6, seed=0), ReLU(), Dense(6, 3, seed=1)],
                          loss=SoftmaxCategoricalCrossentropy(), optimizer=None)

    before = model().predict(X)
    moved = model()
    match_weights(moved, order)
    after = moved.predict(X[:, order])
    if not np.allclose(after, before, rtol=1e-12, atol=1e-15):
        hint = ""
        inverse = model()
        inverse.layers[0].weights = inverse.layers[0].weights[order.argsort()]
        if np.allclose(inverse.predict(X[:, order]), after):
            hint = (": the rows went the other way; the row for a pixel "
                    "must move where the pixel moved, weights[order]")
        expect(False, "on the shuffled input the model's outputs differ from "
                      f"the original model's on the original input{hint}")
    return "the shuffled model gives the same outputs"


@checker("09-3", "a confusion matrix")
def confusion(confusion_matrix):
    """confusion_matrix(y_true, y_pred, classes)[t, p] counts class t
    predicted as p."""
    expect(callable(confusion_matrix),
           "pass your function: check('09-3', confusion_matrix)")
    y_true, y_pred = np.array([0, 0, 1, 2, 2, 2]), np.array([0, 1, 1, 2, 0, 2])
    want = np.array([[1, 1, 0, 0], [0, 1, 0, 0], [1, 0, 2, 0], [0, 0, 0, 0]])
    got = confusion_matrix(y_true, y_pred, 4)
    expect(got is not None, "confusion_matrix returned None: return the "
                            "(classes, classes) table of counts")
    got = np.asarray(got)
    expect(got.shape == (4, 4), f"with classes=4 the table should be 4 x 4 "
                                f"(a row for every class, even one never "
                                f"seen); got shape {got.shape}")
    if not np.array_equal(got, want):
        hint = (": rows are the true classes, columns the predictions"
                if np.array_equal(got, want.T) else "")
        expect(False, f"for y_true {y_true.tolist()} and y_pred "
                      f"{y_pred.tolist()} the counts are {got.tolist()}, "
                      f"expected {want.tolist()}{hint}")
    expect(np.issubdtype(got.dtype, np.integer),
           f"counts should be integers; the table's dtype is {got.dtype}")
    return "rows are true digits, columns the answers"
