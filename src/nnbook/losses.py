"""Loss functions: one number that says how wrong the predictions are.

Two forms, on purpose:

* Functions (`binary_crossentropy`, `categorical_crossentropy`,
  `sparse_categorical_crossentropy`) take ``(y_true, y_pred)`` in Keras'
  order and return the batch mean, the value of the Keras loss *classes*
  (``keras.losses.CategoricalCrossentropy()(y_true, y_pred)``). Keras'
  *functions* of the same names return one value per sample; here that is
  ``reduction="none"``.
* Classes (`BinaryCrossentropy`, `CategoricalCrossentropy`,
  `SoftmaxCategoricalCrossentropy`) are nodes of the network
  (`nnbook.node.Loss`). They take ``(y_pred, y_true)``: the prediction
  first, because it is what flows in from the layer below, as in the
  forward pass; `backward()` then needs no arguments.

Swapping the two arguments is the classic mistake, so labels are checked:
one-hot rows must be 0/1 with a single 1, and a probability matrix passed as
labels raises an error that says so.
"""

import numpy as np

from . import checks
from .activations import Softmax, log_softmax, softmax
from .node import Loss, checked

# Keras' backend epsilon. Probabilities are clipped to [EPSILON, 1 - EPSILON]
# so that log never sees 0: a confident wrong answer costs -log(1e-7) ~ 16.1
# instead of infinity.
EPSILON = checks.EPSILON


# --8<-- [start:binary_crossentropy]
def binary_crossentropy(y_true, y_pred, *, from_logits=False,
                        reduction="mean"):
    """Binary cross-entropy: -[y log p + (1 - y) log(1 - p)].

    y_true holds 0/1 labels of the same shape as y_pred, (n,) or (n, k).
    Returns the mean over all entries (Keras' BinaryCrossentropy()), or with
    reduction="none" one value per sample, averaged over the k outputs.
    """
    y_true, y_pred = checks.binary_inputs(y_true, y_pred, from_logits)
    if from_logits:
        z = np.clip(y_pred, -1e300, 1e300)     # so that sums stay finite
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
    y_true, y_pred = checks.categorical_inputs(y_true, y_pred, from_logits)
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
    labels, y_pred = checks.sparse_inputs(labels, y_pred, from_logits)
    if from_logits:
        log_p = log_softmax(y_pred)
    else:
        log_p = log_softmax(np.log(np.clip(y_pred, EPSILON, 1 - EPSILON)))
    return _reduce(-log_p[np.arange(len(labels)), labels], reduction)
# --8<-- [end:sparse_categorical_crossentropy]


# --8<-- [start:BinaryCrossentropy]
class BinaryCrossentropy(Loss):
    """Binary cross-entropy as the last node of a sigmoid network."""

    @checked
    def forward(self, y_pred, y_true):
        """Mean loss over all entries of y_pred (probabilities)."""
        self.y_pred, self.y_true = y_pred, y_true
        return binary_crossentropy(y_true, y_pred)

    @checked
    def backward(self):
        """dLoss/dy_pred for the mean loss, same shape as y_pred."""
        y_pred, y_true = self.y_pred, self.y_true
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        grad = (-y_true / p + (1 - y_true) / (1 - p)) / y_pred.size
        # Where clipping replaced p, p no longer moves the loss.
        return grad * (p == y_pred)
# --8<-- [end:BinaryCrossentropy]

    def check_forward(self, y_pred, y_true):
        y_true, y_pred = checks.binary_inputs(y_true, y_pred, False,
                                              hint=checks.CLASS_HINT)
        return y_pred, y_true

    def check_targets(self, y_true, n_outputs):
        return checks.binary_targets(y_true, n_outputs)

    def check_layers(self, layers):
        """The model must end in probabilities: a Sigmoid, say."""
        checks.last_layer_gives_probabilities(self, layers, "Sigmoid()")


# --8<-- [start:CategoricalCrossentropy]
class CategoricalCrossentropy(Loss):
    """Categorical cross-entropy after a Softmax layer.

    y_true may be one-hot, shape (n, classes), or integer labels, shape (n,)
    or (n, 1); integer labels are one-hot encoded first, so both give the
    same value.
    """

    @checked
    def forward(self, y_pred, y_true):
        """Mean loss over the batch."""
        self.y_pred, self.y_true = y_pred, y_true
        return categorical_crossentropy(y_true, y_pred)

    @checked
    def backward(self):
        """dLoss/dy_pred = -y / p / n, shape (n, classes)."""
        y_pred, y_true = self.y_pred, self.y_true
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        return -y_true / p / len(y_pred) * (p == y_pred)
# --8<-- [end:CategoricalCrossentropy]

    def check_forward(self, y_pred, y_true):
        y_true, y_pred = checks.categorical_inputs(y_true, y_pred, False,
                                                   hint=checks.CLASS_HINT)
        return y_pred, y_true

    def check_layers(self, layers):
        """The model must end in rows that sum to 1: a Softmax."""
        checks.last_layer_gives_probabilities(self, layers, "Softmax()")

    def check_targets(self, y_true, n_outputs):
        return checks.categorical_targets(y_true, n_outputs)


# --8<-- [start:SoftmaxCategoricalCrossentropy]
class SoftmaxCategoricalCrossentropy(Loss):
    """Softmax and categorical cross-entropy fused into one node.

    Chained, the two gradients simplify to (softmax(z) - y) / n: shorter,
    cheaper and free of the 1/p that blows up for tiny probabilities.
    forward takes logits (the last Dense layer's raw outputs).
    """

    @checked
    def forward(self, logits, y_true):
        """Mean loss; keeps the probabilities in self.output for backward."""
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        exp /= total
        self.output, self.y_true = exp, y_true    # softmax(logits), labels
        # -sum(y * log p) with log p = shifted - log(total), and one 1 per
        # row of y: the sum of log(total) less y's share of shifted.
        return float((np.log(total).sum() - np.vdot(y_true, shifted))
                     / len(logits))

    @checked
    def backward(self):
        """dLoss/dlogits of the last forward call."""
        return (self.output - self.y_true) / len(self.output)

    def probabilities(self, logits):
        return softmax(logits)
# --8<-- [end:SoftmaxCategoricalCrossentropy]

    def check_forward(self, logits, y_true):
        """Checked logits and one-hot y_true; see checks.logits_floor."""
        y_true, logits = checks.categorical_inputs(
            y_true, logits, True, pred_name="logits")
        return checks.logits_floor(logits), y_true

    def check_targets(self, y_true, n_outputs):
        return checks.categorical_targets(y_true, n_outputs)

    def check_layers(self, layers):
        """Softmax twice is a silent bug: the loss applies softmax itself."""
        if layers and isinstance(layers[-1], Softmax):
            raise ValueError(
                "the last layer is Softmax(), but SoftmaxCategorical"
                "Crossentropy applies softmax itself, so the model would "
                "apply it twice. Drop the Softmax layer (the loss takes "
                "logits), or keep it and use CategoricalCrossentropy()."
            )


def _reduce(losses, reduction):
    if reduction == "mean":
        return float(losses.mean())
    if reduction == "none":
        return losses
    raise ValueError(
        f'reduction must be "mean" or "none"; got {reduction!r}'
        + ('. Keras\' "sum_over_batch_size" is "mean" here'
           if reduction == "sum_over_batch_size" else ""))
