"""Loss functions: one number that says how wrong the predictions are.

Two forms, on purpose:

* Functions (`binary_crossentropy`, `categorical_crossentropy`,
  `sparse_categorical_crossentropy`) take ``(y_true, y_pred)`` in Keras'
  order and return the batch mean, the value of the Keras loss *classes*
  (``keras.losses.CategoricalCrossentropy()(y_true, y_pred)``). Keras'
  *functions* of the same names return one value per sample; here that is
  ``reduction="none"``.
* Classes (`BinaryCrossEntropy`, `CategoricalCrossEntropy`,
  `SoftmaxCategoricalCrossEntropy`) are nodes of the network. They take
  ``(y_pred, y_true)``: the prediction first, because it is what flows in
  from the layer below, as in the forward pass.

Swapping the two arguments is the classic mistake, so labels are checked:
one-hot rows must be 0/1 with a single 1, and a probability matrix passed as
labels raises an error that says so.
"""

import numpy as np

from . import _validate as check
from .activations import log_softmax
from .encoding import one_hot

# Keras' backend epsilon. Probabilities are clipped to [EPSILON, 1 - EPSILON]
# so that log never sees 0: a confident wrong answer costs -log(1e-7) ~ 16.1
# instead of infinity.
EPSILON = 1e-7


# --8<-- [start:binary_crossentropy]
def binary_crossentropy(y_true, y_pred, *, from_logits=False,
                        reduction="mean"):
    """Binary cross-entropy: -[y log p + (1 - y) log(1 - p)].

    y_true holds 0/1 labels of the same shape as y_pred, (n,) or (n, k).
    Returns the mean over all entries (Keras' BinaryCrossentropy()), or with
    reduction="none" one value per sample, averaged over the k outputs.
    """
    y_true, y_pred = _binary_inputs(y_true, y_pred, from_logits)
    if from_logits:
        z = y_pred
        # Same value as with p = sigmoid(z), but exp never overflows.
        losses = np.maximum(z, 0) - z * y_true + np.log1p(np.exp(-np.abs(z)))
    else:
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        losses = -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))
    if losses.ndim == 2:
        losses = losses.mean(axis=1)
    return _reduce(losses, reduction)
# --8<-- [end:binary_crossentropy]


# --8<-- [start:categorical_crossentropy]
def categorical_crossentropy(y_true, y_pred, *, from_logits=False,
                             reduction="mean"):
    """Categorical cross-entropy: -sum_k y_k log p_k, for one-hot y_true.

    y_true and y_pred have shape (n, classes); integer labels of shape (n,)
    are one-hot encoded first. With from_logits=False every row of y_pred
    must be a probability distribution. Returns the batch
    mean (Keras' CategoricalCrossentropy()) or, with reduction="none", the
    (n,) per-sample values (Keras' categorical_crossentropy function).
    """
    y_true, y_pred = _categorical_inputs(y_true, y_pred, from_logits)
    if from_logits:
        log_p = log_softmax(y_pred)
    else:
        log_p = np.log(np.clip(y_pred, EPSILON, 1 - EPSILON))
    return _reduce(-(y_true * log_p).sum(axis=1), reduction)
# --8<-- [end:categorical_crossentropy]


# --8<-- [start:sparse_categorical_crossentropy]
def sparse_categorical_crossentropy(labels, y_pred, *, from_logits=False,
                                    reduction="mean"):
    """Cross-entropy for integer labels: -log p[label], no one-hot needed.

    labels has shape (n,) or (n, 1) with values in [0, classes). Like Keras,
    probabilities are clipped and then renormalised, so where some
    probability is below 1e-7 the value differs from one-hot
    categorical_crossentropy by about 1e-7 per clipped entry.
    """
    y_pred = check.as_float_array(y_pred, "y_pred", ndim=2)
    labels = check.as_labels(labels, "labels", num_classes=y_pred.shape[1])
    _check_batch(labels, y_pred, "labels")
    if from_logits:
        log_p = log_softmax(y_pred)
    else:
        check.check_probabilities(y_pred, rows_sum_to_one=True)
        log_p = log_softmax(np.log(np.clip(y_pred, EPSILON, 1 - EPSILON)))
    return _reduce(-log_p[np.arange(len(labels)), labels], reduction)
# --8<-- [end:sparse_categorical_crossentropy]


# --8<-- [start:BinaryCrossEntropy]
class BinaryCrossEntropy:
    """Binary cross-entropy as the last node of a sigmoid network."""

    def forward(self, y_pred, y_true):
        """Mean loss over all entries of y_pred (probabilities)."""
        return binary_crossentropy(y_true, y_pred)

    def backward(self, y_pred, y_true):
        """dLoss/dy_pred for the mean loss, same shape as y_pred."""
        y_true, y_pred = _binary_inputs(y_true, y_pred, from_logits=False)
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        grad = (-y_true / p + (1 - y_true) / (1 - p)) / y_pred.size
        # Where clipping replaced p, p no longer moves the loss.
        return grad * (p == y_pred)
# --8<-- [end:BinaryCrossEntropy]


# --8<-- [start:CategoricalCrossEntropy]
class CategoricalCrossEntropy:
    """Categorical cross-entropy after a Softmax layer.

    y_true may be one-hot, shape (n, classes), or integer labels, shape (n,)
    or (n, 1); integer labels are one-hot encoded first, so both give the
    same value.
    """

    def forward(self, y_pred, y_true):
        """Mean loss over the batch."""
        return categorical_crossentropy(y_true, y_pred)

    def backward(self, y_pred, y_true):
        """dLoss/dy_pred = -y / p / n, shape (n, classes)."""
        y_true, y_pred = _categorical_inputs(y_true, y_pred)
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        return -y_true / p / len(y_pred) * (p == y_pred)
# --8<-- [end:CategoricalCrossEntropy]


# --8<-- [start:SoftmaxCategoricalCrossEntropy]
class SoftmaxCategoricalCrossEntropy:
    """Softmax and categorical cross-entropy fused into one node.

    Chained, the two gradients simplify to (softmax(z) - y) / n: shorter,
    cheaper and free of the 1/p that blows up for tiny probabilities.
    forward takes logits (the last Dense layer's raw outputs).
    """

    def forward(self, logits, y_true):
        """Mean loss; keeps the probabilities in self.output for backward."""
        y_true, logits = _categorical_inputs(y_true, logits, from_logits=True,
                                             pred_name="logits")
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        self.output = exp / total                 # softmax(logits)
        self.y_true = y_true
        log_p = shifted - np.log(total)           # log softmax(logits)
        return float(-(y_true * log_p).sum() / len(logits))

    def backward(self):
        """dLoss/dlogits of the last forward call."""
        if not hasattr(self, "output"):
            raise RuntimeError("call forward(logits, y_true) before backward()")
        return (self.output - self.y_true) / len(self.output)
# --8<-- [end:SoftmaxCategoricalCrossEntropy]


def _reduce(losses, reduction):
    if reduction == "mean":
        return float(losses.mean())
    if reduction == "none":
        return losses
    raise ValueError(f'reduction must be "mean" or "none"; got {reduction!r}')


def _check_batch(y_true, y_pred, true_name="y_true"):
    if len(y_true) != len(y_pred):
        raise ValueError(
            f"{true_name} and y_pred must have the same number of samples; "
            f"got {len(y_true)} and {len(y_pred)} (shapes {y_true.shape} "
            f"and {y_pred.shape})"
        )


def _binary_inputs(y_true, y_pred, from_logits):
    y_pred = check.as_float_array(y_pred, "y_pred", ndim=(1, 2))
    y_true = check.as_float_array(y_true, "y_true", ndim=(1, 2))
    if y_true.shape != y_pred.shape and y_true.size == y_pred.size == \
            len(y_pred) and len(y_true) == len(y_pred):
        y_true = y_true.reshape(y_pred.shape)      # (n,) against (n, 1)
    check.check_same_shape(y_true, y_pred, "y_true", "y_pred")
    not_binary = (y_true != 0) & (y_true != 1)
    if not_binary.any():
        index = tuple(int(i) for i in np.argwhere(not_binary)[0])
        raise ValueError(
            f"y_true must hold 0/1 labels; got {y_true[index]} at index "
            f"{check._show(index)}. Did you swap y_true and y_pred? Loss "
            "functions take (y_true, y_pred); loss classes take "
            "(y_pred, y_true)."
        )
    if not from_logits:
        check.check_probabilities(y_pred, rows_sum_to_one=False)
    return y_true, y_pred


def _categorical_inputs(y_true, y_pred, from_logits=False, pred_name="y_pred"):
    """Validated (one-hot y_true, y_pred), both of shape (n, classes).

    Integer labels of shape (n,) or (n, 1) are one-hot encoded.
    """
    y_pred = check.as_float_array(y_pred, pred_name, ndim=2)
    y_true_array = np.asarray(y_true)
    if y_true_array.ndim == 1 or (y_true_array.ndim == 2 and
                                  y_true_array.shape[1] == 1 and
                                  y_pred.shape[1] > 1):
        y_true = one_hot(y_true_array, num_classes=y_pred.shape[1])
    else:
        y_true = check.as_float_array(y_true_array, "y_true", ndim=2)
        check.check_same_shape(y_true, y_pred, "y_true", "y_pred")
        check.check_one_hot(y_true)
    _check_batch(y_true, y_pred)
    if not from_logits:
        check.check_probabilities(y_pred, rows_sum_to_one=True)
    return y_true, y_pred
