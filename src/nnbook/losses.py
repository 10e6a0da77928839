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

    Args:
        y_true (array_like): 0/1 labels, shaped like y_pred: (n,) or (n, k).
        y_pred (array_like): Probabilities p, or logits z with from_logits.
        from_logits (bool): y_pred holds raw scores, and p = sigmoid(z).
        reduction (str): "mean", or "none" for one value per sample.

    Returns:
        (float | ndarray): The mean over all entries (Keras'
            BinaryCrossentropy()), or (n,) values averaged over the k outputs.

    Raises:
        ValueError: Labels other than 0/1 (swapped arguments?), shapes
            that differ, or probabilities outside [0, 1].
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
    return reduce_batch(losses, reduction)
# --8<-- [end:binary_crossentropy]


# --8<-- [start:categorical_crossentropy]
def categorical_crossentropy(y_true, y_pred, *, from_logits=False,
                             reduction="mean"):
    """Categorical cross-entropy: -sum_k y_k log p_k, for one-hot y_true.

    Args:
        y_true (array_like): One-hot rows (n, classes), or integer labels
            (n,), which are one-hot encoded first.
        y_pred (array_like): (n, classes), each row a probability
            distribution; or logits with from_logits=True.
        from_logits (bool): y_pred holds raw scores; softmax comes first.
        reduction (str): "mean", or "none" for one value per sample.

    Returns:
        (float | ndarray): The batch mean (Keras' CategoricalCrossentropy())
            or the (n,) values of Keras' categorical_crossentropy function.

    Raises:
        ValueError: y_true is not one-hot (swapped arguments?), the shapes
            differ, or a row of y_pred does not sum to 1.
    """
    y_true, y_pred = checks.categorical_inputs(y_true, y_pred, from_logits)
    if from_logits:
        log_p = log_softmax(y_pred)
    else:
        log_p = np.log(np.clip(y_pred, EPSILON, 1 - EPSILON))
    return reduce_batch(-(y_true * log_p).sum(axis=1), reduction)
# --8<-- [end:categorical_crossentropy]


# --8<-- [start:sparse_categorical_crossentropy]
def sparse_categorical_crossentropy(labels, y_pred, *, from_logits=False,
                                    reduction="mean"):
    """Cross-entropy for integer labels: -log p[label], no one-hot needed.

    Like Keras, probabilities are clipped and then renormalised, so where
    some probability is below 1e-7 the value differs from one-hot
    categorical_crossentropy by about 1e-7 per clipped entry.

    Args:
        labels (array_like): Class indices in [0, classes), (n,) or (n, 1).
        y_pred (array_like): (n, classes) probabilities, or logits with
            from_logits=True.
        from_logits (bool): y_pred holds raw scores; softmax comes first.
        reduction (str): "mean", or "none" for one value per sample.

    Returns:
        (float | ndarray): The batch mean, or the (n,) per-sample values.

    Raises:
        ValueError: A label outside [0, classes), or a row of y_pred that
            does not sum to 1.
    """
    labels, y_pred = checks.sparse_inputs(labels, y_pred, from_logits)
    if from_logits:
        log_p = log_softmax(y_pred)
    else:
        log_p = log_softmax(np.log(np.clip(y_pred, EPSILON, 1 - EPSILON)))
    return reduce_batch(-log_p[np.arange(len(labels)), labels], reduction)
# --8<-- [end:sparse_categorical_crossentropy]


# --8<-- [start:BinaryCrossentropy]
class BinaryCrossentropy(Loss):
    """Binary cross-entropy as the last node of a sigmoid network."""

    @checked
    def forward(self, y_pred, y_true):
        """Mean loss over all entries of y_pred (probabilities).

        Args:
            y_pred (ndarray): Sigmoid outputs, (n, k).
            y_true (ndarray): 0/1 labels of the same shape.

        Returns:
            (float): The mean loss.
        """
        self.y_pred, self.y_true = y_pred, y_true
        return binary_crossentropy(y_true, y_pred)

    @checked
    def backward(self):
        """dLoss/dy_pred for the mean loss, same shape as y_pred.

        Returns:
            (ndarray): The gradient; 0 where clipping replaced p.
        """
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
        """The model must end in probabilities: a Sigmoid, say.

        Args:
            layers (list[Layer]): The model's layers, in order.

        Raises:
            ValueError: The last layer is Dense or ReLU (raw scores), or a
                Softmax over one output (always 1).
        """
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
        """Mean loss over the batch.

        Args:
            y_pred (ndarray): Softmax outputs, (n, classes).
            y_true (ndarray): One-hot rows, or integer labels (n,).

        Returns:
            (float): The mean loss.
        """
        self.y_pred, self.y_true = y_pred, y_true
        return categorical_crossentropy(y_true, y_pred)

    @checked
    def backward(self):
        """dLoss/dy_pred = -y / p / n, shape (n, classes).

        Returns:
            (ndarray): The gradient; 0 where clipping replaced p.
        """
        y_pred, y_true = self.y_pred, self.y_true
        p = np.clip(y_pred, EPSILON, 1 - EPSILON)
        return -y_true / p / len(y_pred) * (p == y_pred)
# --8<-- [end:CategoricalCrossentropy]

    def check_forward(self, y_pred, y_true):
        y_true, y_pred = checks.categorical_inputs(y_true, y_pred, False,
                                                   hint=checks.CLASS_HINT)
        return y_pred, y_true

    def check_layers(self, layers):
        """The model must end in rows that sum to 1: a Softmax.

        Args:
            layers (list[Layer]): The model's layers, in order.

        Raises:
            ValueError: The last layer is Dense, ReLU or Sigmoid.
        """
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
        """Mean loss; keeps the probabilities in self.output for backward.

        Args:
            logits (ndarray): The last layer's raw outputs, (n, classes).
            y_true (ndarray): One-hot rows, or integer labels (n,).

        Returns:
            (float): The mean loss.
        """
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
        """dLoss/dlogits of the last forward call.

        Returns:
            (ndarray): (softmax(logits) - y) / n, shape (n, classes).
        """
        return (self.output - self.y_true) / len(self.output)

    def probabilities(self, logits):
        """softmax(logits): what predict returns.

        Args:
            logits (ndarray): The network's outputs, (n, classes).

        Returns:
            (ndarray): Probabilities, each row summing to 1.
        """
        return softmax(logits)
# --8<-- [end:SoftmaxCategoricalCrossentropy]

    def check_forward(self, logits, y_true):
        """Checked logits and one-hot y_true; see checks.logits_floor.

        Args:
            logits (array_like): What forward was given.
            y_true (array_like): What forward was given.

        Returns:
            (tuple): (logits, one-hot y_true) as float64 arrays, for forward.

        Raises:
            ValueError: A wrong shape, NaN or inf, labels out of range.
        """
        y_true, logits = checks.categorical_inputs(
            y_true, logits, True, pred_name="logits")
        return checks.logits_floor(logits), y_true

    def check_targets(self, y_true, n_outputs):
        return checks.categorical_targets(y_true, n_outputs)

    def check_layers(self, layers):
        """Softmax twice is a silent bug: the loss applies softmax itself.

        Args:
            layers (list[Layer]): The model's layers, in order.

        Raises:
            ValueError: The last layer is a Softmax.
        """
        if layers and isinstance(layers[-1], Softmax):
            raise ValueError(
                "the last layer is Softmax(), but SoftmaxCategorical"
                "Crossentropy applies softmax itself, so the model would "
                "apply it twice. Drop the Softmax layer (the loss takes "
                "logits), or keep it and use CategoricalCrossentropy()."
            )


def reduce_batch(losses, reduction):
    """The batch mean of per-sample losses, or the losses themselves.

    Args:
        losses (ndarray): One loss per sample, shape (n,).
        reduction (str): "mean" (Keras' default) or "none".

    Returns:
        (float | ndarray): The mean, or `losses` unchanged.

    Raises:
        ValueError: Any other reduction.
    """
    if reduction == "mean":
        return float(losses.mean())
    if reduction == "none":
        return losses
    raise ValueError(
        f'reduction must be "mean" or "none"; got {reduction!r}'
        + ('. Keras\' "sum_over_batch_size" is "mean" here'
           if reduction == "sum_over_batch_size" else ""))
