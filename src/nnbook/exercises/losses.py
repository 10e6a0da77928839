"""Checkers for chapter 4's exercises (loss functions)."""

import numpy as np

from ..encoding import one_hot
from ..losses import EPSILON, binary_crossentropy, categorical_crossentropy
from . import ExerciseFailed, checker, expect


def _number(value, what):
    """`value` as a float, or a failure that says what it is."""
    expect(value is not None, f"{what} returned None: return one number, "
                              "the mean over the samples")
    expect(np.ndim(value) == 0, f"{what} should return one number, the mean "
                                f"over the samples; it returned shape "
                                f"{np.shape(value)}")
    return float(value)


def _smoothed(y, p, s, k):
    """Mean cross-entropy of p against the targets y (1 - s) + s / k."""
    targets = y * (1 - s) + s / k
    log_p = np.log(np.clip(p, EPSILON, 1 - EPSILON))
    return float(-(targets * log_p).sum(axis=1).mean())


@checker("04-1", "categorical cross-entropy with label smoothing")
def label_smoothing(smoothed_crossentropy):
    """smoothed_crossentropy(y, p, label_smoothing=s) is the mean
    cross-entropy against the targets y (1 - s) + s / K."""
    expect(callable(smoothed_crossentropy),
           "pass your function: check('04-1', smoothed_crossentropy)")
    # Three samples and four classes, so that K and n cannot be mixed up.
    labels = np.array([0, 2, 3])
    y = one_hot(labels, 4).astype(float)
    p = np.array([[0.7, 0.1, 0.1, 0.1],
                  [0.1, 0.2, 0.6, 0.1],
                  [0.3, 0.3, 0.3, 0.1]])
    n, k = p.shape
    call = "smoothed_crossentropy(y, p, label_smoothing={})"

    def loss(s, y_true=y, y_pred=p):
        return _number(smoothed_crossentropy(y_true.copy(), y_pred.copy(),
                                             label_smoothing=s), call.format(s))

    got, want = loss(0.0), categorical_crossentropy(y, p)
    if not np.isclose(got, want, rtol=1e-9, atol=0):
        hint = ""
        if np.isclose(got, n * want, rtol=1e-9):
            hint = " (that is the sum over the samples: return their mean)"
        elif np.isclose(got, want / k, rtol=1e-9):
            hint = (" (that is the mean over all n * K entries: sum over the "
                    "classes, then average over the samples)")
        raise ExerciseFailed(f"{call.format(0.0)} is {got:.6g}; with s = 0 it "
                             "should equal categorical_crossentropy(y, p) = "
                             f"{want:.6g}{hint}")
    for s in (0.1, 0.4):
        got, want = loss(s), _smoothed(y, p, s, k)
        if np.isclose(got, want, rtol=1e-9, atol=0):
            continue
        # The usual wrong targets (or smoothing the wrong thing).
        log_p = np.log(p)
        wrong = {
            "s had no effect: soften the targets to y (1 - s) + s / K before "
            "the loss": categorical_crossentropy(y, p),
            "that adds s, not s / K: each row of targets should still sum "
            "to 1": _smoothed(y, p, s, 1),
            "that divides s by the number of samples; K is the number of "
            "classes, y_pred.shape[1]": _smoothed(y, p, s, n),
            "that scales y by (1 - s) but does not add s / K":
                float(-(y * (1 - s) * log_p).sum(axis=1).mean()),
            "that gives the true class 1 - s and the others s / (K - 1); "
            "Keras' formula y (1 - s) + s / K gives the true class "
            "1 - s + s / K": float(-((y * (1 - s) + (1 - y) * s / (k - 1))
                                     * log_p).sum(axis=1).mean()),
            "that smooths the predictions: soften the targets y instead":
                categorical_crossentropy(y, p * (1 - s) + s / k),
        }
        hint = next((f" ({why})" for why, value in wrong.items()
                     if np.isclose(got, value, rtol=1e-9)), "")
        raise ExerciseFailed(f"{call.format(s)} is {got:.6g}; expected "
                             f"{want:.6g}, the mean of -sum(targets * log p) "
                             f"with targets = y (1 - s) + s / K{hint}")
    perfect = np.eye(k)[labels]
    cost = loss(0.1, y_pred=perfect)
    expect(np.isfinite(cost),
           f"a perfect prediction with s = 0.1 costs {cost}: log(0) appears "
           "once the targets are smoothed; clip y_pred to [EPSILON, "
           "1 - EPSILON] as categorical_crossentropy does")
    expect(cost > 0.1, f"a perfect prediction with s = 0.1 costs {cost:.4g}; "
                       "it should cost about 1.2: every class now has a "
                       "target above 0")
    try:
        from_labels = loss(0.1, y_true=labels)
    except ExerciseFailed:
        raise
    except Exception as error:
        raise ExerciseFailed(
            f"with integer labels {labels.tolist()} instead of one-hot rows "
            f"it raised {type(error).__name__}: {error} (nnbook's "
            "categorical_crossentropy one-hot encodes them first: do the "
            "same before smoothing)") from error
    want = _smoothed(y, p, 0.1, k)
    expect(np.isclose(from_labels, want, rtol=1e-9, atol=0),
           f"with integer labels {labels.tolist()} it gives "
           f"{from_labels:.6g}, with their one-hot rows {want:.6g}: one-hot "
           "encode the labels first, then smooth them")
    return (f"a perfect prediction costs {cost:.2f} with s = 0.1 "
            "instead of almost 0")


@checker("04-2", "binary cross-entropy with class weights")
def class_weights(weighted_binary_crossentropy):
    """weighted_binary_crossentropy(y, p, weight_0=a, weight_1=b) is the
    mean over the samples of each one's BCE times its class's weight."""
    expect(callable(weighted_binary_crossentropy),
           "pass your function: check('04-2', weighted_binary_crossentropy)")
    y = np.array([0, 1, 0, 0, 1, 0])
    p = np.array([0.2, 0.7, 0.1, 0.4, 0.3, 0.05])
    per_sample = binary_crossentropy(y, p, reduction="none")

    def loss(w0, w1, y_true=y, y_pred=p):
        call = (f"weighted_binary_crossentropy(y, p, weight_0={w0}, "
                f"weight_1={w1})")
        value = weighted_binary_crossentropy(y_true.copy(), y_pred.copy(),
                                             weight_0=w0, weight_1=w1)
        return _number(value, call), call

    got, call = loss(1.0, 1.0)
    want = binary_crossentropy(y, p)
    if not np.isclose(got, want, rtol=1e-9, atol=0):
        hint = (" (that is the sum over the samples: divide by their number)"
                if np.isclose(got, len(y) * want, rtol=1e-9) else "")
        raise ExerciseFailed(f"{call} is {got:.6g}; with both weights 1 it "
                             f"should equal binary_crossentropy(y, p) = "
                             f"{want:.6g}{hint}")
    for w0, w1 in ((0.5, 3.0), (2.0, 1.0)):
        got, call = loss(w0, w1)
        weights = np.where(y == 1, w1, w0)
        want = float((weights * per_sample).mean())
        if np.isclose(got, want, rtol=1e-9, atol=0):
            continue
        swapped = np.where(y == 1, w0, w1)
        wrong = {
            "the weights had no effect": binary_crossentropy(y, p),
            "weight_1 went to the samples labelled 0 and weight_0 to those "
            "labelled 1": float((swapped * per_sample).mean()),
            "that divides by the sum of the weights; divide by the number "
            "of samples, as Keras' sample_weight does":
                float((weights * per_sample).sum() / weights.sum()),
            "that is the weighted sum: divide it by the number of samples":
                float((weights * per_sample).sum()),
        }
        hint = next((f" ({why})" for why, value in wrong.items()
                     if np.isclose(got, value, rtol=1e-9)), "")
        raise ExerciseFailed(f"{call} is {got:.6g}; expected {want:.6g}, the "
                             "mean over the samples of weight * BCE, with "
                             f"weight_1 for label 1 and weight_0 for label 0"
                             f"{hint}")
    sure_y, sure_p = np.array([1, 0, 1]), np.array([1.0, 0.0, 0.5])
    got, call = loss(2.0, 3.0, y_true=sure_y, y_pred=sure_p)
    want = float((np.array([3.0, 2.0, 3.0])
                  * binary_crossentropy(sure_y, sure_p, reduction="none")).mean())
    expect(np.isfinite(got) and np.isclose(got, want, rtol=0, atol=1e-6),
           f"on y = [1, 0, 1] and p = [1.0, 0.0, 0.5] it gives {got}, expected "
           f"{want:.6g}: probabilities of exactly 0 or 1 put log(0) in the "
           "formula; clip p to [EPSILON, 1 - EPSILON] as binary_crossentropy "
           "does")
    rare = np.array([0, 0, 0, 0, 1])
    lazy, hesitant = np.full(5, 0.2), np.array([0.4, 0.5, 0.4, 0.5, 0.6])
    costs = [loss(1.0, 4.0, y_true=rare, y_pred=q)[0] for q in (lazy, hesitant)]
    return (f"with weight_1 = 4, always 0.2 costs {costs[0]:.3f} against "
            f"{costs[1]:.3f} for a model that leans towards the positive")
