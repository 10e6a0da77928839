"""Exercise 4.1, the starter: write smoothed_crossentropy, then run it.

check("04-1", smoothed_crossentropy) says what is still wrong; the solution
is ex1_label_smoothing.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.encoding import one_hot
from nnbook.exercises import check
from nnbook.losses import EPSILON


def smoothed_crossentropy(y_true, y_pred, *, label_smoothing=0.0):
    """Categorical cross-entropy against targets y (1 - s) + s / K."""
    y_pred = np.asarray(y_pred, dtype=np.float64)
    y_true = np.asarray(y_true)
    if y_true.ndim == 1:                       # integer labels
        y_true = one_hot(y_true, num_classes=y_pred.shape[1])
    # Soften y_true with s = label_smoothing and K = y_pred.shape[1], then
    # return the mean over the samples of -sum(targets * log p), with p
    # clipped to [EPSILON, 1 - EPSILON].
    raise NotImplementedError("smoothed_crossentropy's smoothing and loss")


check("04-1", smoothed_crossentropy)
# --8<-- [end:starter]
