"""Accuracy: the share of samples whose predicted class is the true one.

Accuracy is what we report, not what we train on: it only changes when a
prediction crosses a decision boundary, so it gives no direction to move in.
"""

import numpy as np

from . import checks


# --8<-- [start:accuracy]
def accuracy(y_true, y_pred):
    """Fraction of correct predictions, in [0, 1].

    Args:
        y_true (array_like): Integer labels (n,) or (n, 1), or one-hot rows.
        y_pred (array_like): Scores (n, classes), whose argmax is the class;
            or one probability per sample, (n,) or (n, 1), thresholded at 0.5.

    Returns:
        (float): The share of samples predicted right.

    Raises:
        ValueError: Lengths, widths or labels that do not match y_pred.
    """
    labels, y_pred = checks.accuracy_inputs(y_true, y_pred)
    if y_pred.ndim == 2 and y_pred.shape[1] > 1:
        predicted = y_pred.argmax(axis=1)
    else:
        predicted = y_pred.reshape(-1) > 0.5
    return float(np.count_nonzero(predicted == labels)) / len(labels)
# --8<-- [end:accuracy]
