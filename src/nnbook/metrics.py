"""Accuracy: the share of samples whose predicted class is the true one.

Accuracy is what we report, not what we train on: it only changes when a
prediction crosses a decision boundary, so it gives no direction to move in.
"""

import numpy as np

from . import _validate as check


# --8<-- [start:accuracy]
def accuracy(y_true, y_pred):
    """Fraction of correct predictions, in [0, 1].

    y_pred holds scores or probabilities: (n, classes) takes the argmax of
    each row; (n,) or (n, 1) is a binary output, thresholded at 0.5.
    y_true holds integer labels (n,) or (n, 1), or one-hot rows (n, classes).
    """
    y_pred = check.as_float_array(y_pred, "y_pred", ndim=(1, 2))
    if y_pred.ndim == 2 and y_pred.shape[1] > 1:
        predicted = y_pred.argmax(axis=1)
        classes = y_pred.shape[1]
    else:
        predicted = (y_pred.reshape(-1) > 0.5).astype(np.int64)
        classes = 2
    y_true = np.asarray(y_true)
    if y_true.ndim == 2 and y_true.shape[1] > 1:       # one-hot rows
        y_true = check.as_float_array(y_true, "y_true")
        check.check_one_hot(y_true)
        y_true = y_true.argmax(axis=1)
    labels = check.as_labels(y_true, "y_true", num_classes=classes)
    if len(labels) != len(predicted):
        raise ValueError(
            f"y_true and y_pred must have the same number of samples; "
            f"got {len(labels)} and {len(predicted)}"
        )
    return np.count_nonzero(predicted == labels) / len(labels)
# --8<-- [end:accuracy]
