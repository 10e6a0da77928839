"""Accuracy: the share of samples whose predicted class is the true one.

Accuracy is what we report, not what we train on: it only changes when a
prediction crosses a decision boundary, so it gives no direction to move in.
"""

import numpy as np

from . import checks


# --8<-- [start:accuracy]
def accuracy(y_true, y_pred):
    """Fraction of correct predictions, in [0, 1].

    y_pred holds scores or probabilities: (n, classes) takes the argmax of
    each row; (n,) or (n, 1) is a binary output, thresholded at 0.5.
    y_true holds integer labels (n,) or (n, 1), or one-hot rows (n, classes).
    """
    labels, y_pred = checks.accuracy_inputs(y_true, y_pred)
    if y_pred.ndim == 2 and y_pred.shape[1] > 1:
        predicted = y_pred.argmax(axis=1)
    else:
        predicted = y_pred.reshape(-1) > 0.5
    return float(np.count_nonzero(predicted == labels)) / len(labels)
# --8<-- [end:accuracy]
