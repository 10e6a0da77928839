"""Chapter 4's checkers name the usual mistakes in a reader's loss."""

import numpy as np
import pytest

from nnbook.encoding import one_hot
from nnbook.exercises import ExerciseFailed, check
from nnbook.losses import EPSILON, binary_crossentropy


def _smoothed(targets, clip=True):
    """smoothed_crossentropy with `targets(y, s, K)` as its smoothing."""
    def smoothed_crossentropy(y_true, y_pred, *, label_smoothing=0.0):
        p = np.asarray(y_pred, dtype=float)
        y = np.asarray(y_true)
        if y.ndim == 1:
            y = one_hot(y, p.shape[1])
        t = targets(y, label_smoothing, p.shape[1])
        log_p = np.log(np.clip(p, EPSILON, 1 - EPSILON) if clip else p)
        return float(-(t * log_p).sum(axis=1).mean())
    return smoothed_crossentropy


def test_right_label_smoothing_passes(capsys):
    assert check("04-1", _smoothed(lambda y, s, k: y * (1 - s) + s / k))
    assert "exercise 4.1" in capsys.readouterr().out


@pytest.mark.parametrize("targets, named", [
    (lambda y, s, k: y * (1 - s) + s, "adds s, not s / K"),
    (lambda y, s, k: y * (1 - s), "does not add s / K"),
    (lambda y, s, k: y, "s had no effect"),
    (lambda y, s, k: y * (1 - s) + (1 - y) * s / (k - 1), r"s / \(K - 1\)"),
])
def test_wrong_smoothed_targets_are_named(targets, named):
    with pytest.raises(ExerciseFailed, match=named):
        check("04-1", _smoothed(targets))


def test_unclipped_smoothing_is_told_to_clip():
    with np.errstate(divide="ignore"):
        with pytest.raises(ExerciseFailed, match="clip y_pred"):
            check("04-1", _smoothed(lambda y, s, k: y * (1 - s) + s / k,
                                    clip=False))


def test_integer_labels_smoothed_before_encoding_are_caught():
    def one_hot_only(y_true, y_pred, *, label_smoothing=0.0):
        p = np.asarray(y_pred, dtype=float)
        t = np.asarray(y_true) * (1 - label_smoothing) \
            + label_smoothing / p.shape[1]
        log_p = np.log(np.clip(p, EPSILON, 1))
        return float(-(t * log_p).sum(axis=1).mean())

    with pytest.raises(ExerciseFailed, match="with integer labels"):
        check("04-1", one_hot_only)


def _weighted(how):
    def weighted_binary_crossentropy(y_true, y_pred, weight_0=1.0,
                                     weight_1=1.0):
        y = np.asarray(y_true)
        losses = binary_crossentropy(y, y_pred, reduction="none")
        weights = np.where(y == 1, weight_1, weight_0)
        return how(weights, losses, np.where(y == 1, weight_0, weight_1))
    return weighted_binary_crossentropy


def test_right_class_weights_pass():
    assert check("04-2", _weighted(lambda w, loss, _: (w * loss).mean()))


@pytest.mark.parametrize("how, named", [
    (lambda w, loss, swapped: (swapped * loss).mean(), "weight_1 went to the "
                                                       "samples labelled 0"),
    (lambda w, loss, _: (w * loss).sum() / w.sum(), "sum of the weights"),
    (lambda w, loss, _: (w * loss).sum(), "the sum over the samples"),
    (lambda w, loss, _: loss.mean(), "the weights had no effect"),
])
def test_wrong_class_weights_are_named(how, named):
    with pytest.raises(ExerciseFailed, match=named):
        check("04-2", _weighted(how))


def test_unclipped_weighted_bce_is_told_to_clip():
    def unclipped(y_true, y_pred, weight_0=1.0, weight_1=1.0):
        y, p = np.asarray(y_true, float), np.asarray(y_pred, float)
        losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        return float((np.where(y == 1, weight_1, weight_0) * losses).mean())

    with np.errstate(divide="ignore", invalid="ignore"):
        with pytest.raises(ExerciseFailed, match="clip p"):
            check("04-2", unclipped)
