"""Exercise 4.1: label smoothing for categorical cross-entropy.

Write `smoothed_crossentropy(y_true, y_pred, label_smoothing=s)`, a copy of
nnbook's categorical_crossentropy (probabilities, not logits; one-hot rows
or integer labels) with one more option: before the loss is computed, the
one-hot targets are softened to y * (1 - s) + s / K for K classes, the
formula Keras uses in keras.losses.CategoricalCrossentropy(label_smoothing=s).
With s = 0 it must give nnbook's value; with s > 0 even a perfect prediction
costs something.
The starter is ex1_label_smoothing_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.encoding import one_hot
from nnbook.exercises import check
from nnbook.losses import EPSILON


def smoothed_crossentropy(y_true, y_pred, *, label_smoothing=0.0,
                          reduction="mean"):
    """Categorical cross-entropy against targets y (1 - s) + s / K."""
    if not 0.0 <= label_smoothing <= 1.0:
        raise ValueError(f"label_smoothing must be in [0, 1]; "
                         f"got {label_smoothing}")
    y_pred = np.asarray(y_pred, dtype=np.float64)
    num_classes = y_pred.shape[1]
    y_true = np.asarray(y_true)
    if y_true.ndim == 1:                       # integer labels
        y_true = one_hot(y_true, num_classes=num_classes)
    y_true = y_true * (1 - label_smoothing) + label_smoothing / num_classes
    log_p = np.log(np.clip(y_pred, EPSILON, 1 - EPSILON))
    losses = -(y_true * log_p).sum(axis=1)
    return losses if reduction == "none" else float(losses.mean())


check("04-1", smoothed_crossentropy)

y_true = one_hot([1, 3, 4], classes=[1, 2, 3, 4])    # cat, bird, cow
y_pred = np.array([[0.7, 0.1, 0.1, 0.1],
                   [0.1, 0.2, 0.6, 0.1],
                   [0.3, 0.3, 0.3, 0.1]])
print(smoothed_crossentropy(y_true, y_pred))
print(smoothed_crossentropy(y_true, y_pred, label_smoothing=0.1))
# --8<-- [end:solution]

from nnbook.losses import categorical_crossentropy  # noqa: E402

# s = 0 is plain categorical cross-entropy.
assert np.isclose(smoothed_crossentropy(y_true, y_pred),
                  categorical_crossentropy(y_true, y_pred), rtol=0, atol=1e-15)

# s = 0.1, first sample (a cat) worked out term by term: the true class keeps
# 1 - 0.1 + 0.1 / 4 = 0.925 of the weight, every other class gets 0.025.
first = -(0.925 * np.log(0.7) + 3 * 0.025 * np.log(0.1))
got = smoothed_crossentropy(y_true, y_pred, label_smoothing=0.1,
                            reduction="none")
assert np.isclose(got[0], first, rtol=0, atol=1e-12), (got[0], first)

# Integer labels give the same value as one-hot ones.
from_integers = smoothed_crossentropy([0, 2, 3], y_pred, label_smoothing=0.1)
assert np.isclose(from_integers, got.mean(), rtol=0, atol=1e-15)

# A perfect prediction is no longer free once the targets are smoothed.
perfect = np.eye(4)[[0, 2, 3]]
assert smoothed_crossentropy(y_true, perfect) < 1e-6
assert smoothed_crossentropy(y_true, perfect, label_smoothing=0.1) > 1.0

try:
    smoothed_crossentropy(y_true, y_pred, label_smoothing=1.5)
except ValueError:
    pass
else:
    raise AssertionError("label_smoothing=1.5 should be refused")
print("ex1_label_smoothing: all checks passed")
