"""Class labels to one-hot vectors.

A network with C outputs answers with C numbers per sample; a label such as
"bird" is a single integer. One-hot encoding turns the integer k into a row of
C zeros with a 1 in column k, so label and prediction have the same shape.
Like `keras.utils.to_categorical`, labels are 0-based: class k is column k.
"""

import numpy as np

from . import checks


# --8<-- [start:one_hot]
def one_hot(labels, num_classes=None, *, classes=None):
    """Turn integer labels of shape (n,) or (n, 1) into an (n, C) matrix.

    Labels are 0-based, as in Keras: label k sets column k. When the data
    uses other codes (1=cat, 2=dog, 3=bird, 4=cow), pass them as `classes`:
    column j then stands for classes[j], so `classes=[1, 2, 3, 4]` gives
    exactly 4 columns. Without it, C = num_classes or max(labels) + 1.

    Args:
        labels (array_like): Class labels, (n,) or (n, 1).
        num_classes (int | None): C, the number of columns.
        classes (list | None): The codes the labels use, in column order.

    Returns:
        (ndarray): float64 of shape (n, C), one 1 per row.

    Raises:
        ValueError: A label outside [0, C), or num_classes and classes
            that disagree.
    """
    checks.one_hot_args(labels, num_classes, classes)
    if classes is not None:
        labels, num_classes = to_indices(labels, classes), len(classes)
    labels = checks.as_labels(labels, num_classes=num_classes)
    if num_classes is None:
        num_classes = int(labels.max()) + 1
    encoded = np.zeros((labels.shape[0], num_classes))
    encoded[np.arange(labels.shape[0]), labels] = 1.0
    return encoded
# --8<-- [end:one_hot]


# --8<-- [start:to_indices]
def to_indices(labels, classes):
    """Map each label to its position in `classes`: codes to 0-based indices.

    >>> to_indices([1, 3, 4], classes=[1, 2, 3, 4])
    array([0, 2, 3])

    Args:
        labels (array_like): Codes, (n,) or (n, 1).
        classes (list): Every code once, in the order of the indices.

    Returns:
        (ndarray): int64 indices of shape (n,).

    Raises:
        ValueError: A label that is not one of classes.
    """
    checks.to_indices_args(labels, classes)
    position = {code: index for index, code in enumerate(classes)}
    flat = np.asarray(labels).reshape(-1)
    unknown = [code for code in flat.tolist() if code not in position]
    if unknown:
        raise ValueError(
            f"label {unknown[0]!r} is not one of classes={list(classes)}"
        )
    return np.array([position[code] for code in flat.tolist()],
                    dtype=np.int64)
# --8<-- [end:to_indices]
