"""Activation functions: the non-linear step between layers.

Two dense layers in a row are still one linear map (W2 (W1 x) = (W2 W1) x), so
depth alone adds nothing. An activation bends the output of each layer, and
that is what lets a network draw curved decision boundaries.

Each idea appears twice: a plain function (`relu`, `sigmoid`, `softmax`) for
computing values, and a class (`ReLU`, `Sigmoid`, `Softmax`) that is a node of
the network (`nnbook.node.Layer`): `forward` remembers what `backward` will
need. Every function and every forward checks its input first: an empty
array, a NaN or an inf raises ValueError, anything but real numbers
TypeError.
"""

import numpy as np

from . import checks
from .node import Layer, checked


# --8<-- [start:relu]
def relu(x):
    """max(0, x), element by element.

    Args:
        x (array_like): Numbers of any shape.

    Returns:
        (ndarray): float64, shaped like x.
    """
    x = checks.as_array(x)
    return np.maximum(x, 0.0)
# --8<-- [end:relu]


# --8<-- [start:sigmoid]
def sigmoid(x):
    """1 / (1 + exp(-x)), written so that exp never overflows.

    For x >= 0 we use 1 / (1 + exp(-x)); for x < 0 the same value as
    exp(x) / (1 + exp(x)). Either way exp only sees non-positive numbers.

    Args:
        x (array_like): Numbers of any shape.

    Returns:
        (ndarray): float64 values in [0, 1], shaped like x.
    """
    x = checks.as_array(x)
    e = np.exp(-np.abs(x))            # in (0, 1], never overflows
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
# --8<-- [end:sigmoid]


# --8<-- [start:softmax]
def softmax(x, axis=-1):
    """exp(x) / sum(exp(x)) along `axis`, after subtracting the maximum.

    Subtracting a constant from every logit leaves the result unchanged but
    makes the largest exponent exp(0) = 1, so exp cannot overflow.

    Args:
        x (array_like): Scores (logits), at least 1-D.
        axis (int): The axis whose entries become one distribution.

    Returns:
        (ndarray): Probabilities shaped like x, summing to 1 along axis.
    """
    x, axis = checks.array_and_axis(x, axis)
    exp = np.exp(x - x.max(axis=axis, keepdims=True))
    return exp / exp.sum(axis=axis, keepdims=True)
# --8<-- [end:softmax]


# --8<-- [start:log_softmax]
@np.errstate(over="ignore")          # x - m may pass -1.8e308: floored below
def log_softmax(x, axis=-1):
    """log(softmax(x)) computed directly: finite even where softmax is 0.

    log(exp(x_i) / sum_j exp(x_j)) = (x_i - m) - log(sum_j exp(x_j - m))
    for m = max(x). The losses use it for from_logits=True. Shifted logits
    are floored at -1e300, so even logits of +-1e308 give finite values.

    Args:
        x (array_like): Scores (logits), at least 1-D.
        axis (int): The axis whose entries form one distribution.

    Returns:
        (ndarray): Log-probabilities shaped like x, all <= 0.
    """
    x, axis = checks.array_and_axis(x, axis)
    shifted = np.maximum(x - x.max(axis=axis, keepdims=True), -1e300)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
# --8<-- [end:log_softmax]


# --8<-- [start:ReLU]
class ReLU(Layer):
    """Rectified linear unit as a layer of the network."""

    @checked
    def forward(self, inputs, training=False):
        self.inputs = inputs
        return np.maximum(inputs, 0.0)

    @checked
    def backward(self, dvalues):
        # The slope is 1 where the input was positive and 0 elsewhere.
        return dvalues * (self.inputs > 0)
# --8<-- [end:ReLU]


# --8<-- [start:Sigmoid]
class Sigmoid(Layer):
    """Logistic sigmoid as a layer: squashes each value into (0, 1)."""

    @checked
    def forward(self, inputs, training=False):
        self.output = sigmoid(inputs)
        return self.output

    @checked
    def backward(self, dvalues):
        # d sigmoid / dx = sigmoid(x) * (1 - sigmoid(x))
        return dvalues * self.output * (1.0 - self.output)
# --8<-- [end:Sigmoid]


# --8<-- [start:Softmax]
class Softmax(Layer):
    """Softmax over each row: turns a row of scores into probabilities."""

    @checked
    def forward(self, inputs, training=False):
        self.output = softmax(inputs)
        return self.output

    @checked
    def backward(self, dvalues):
        # Row by row, the Jacobian is diag(s) - s s^T, so
        # dx = s * (dvalues - sum(dvalues * s)), without building the matrix.
        s = self.output
        return s * (dvalues - (dvalues * s).sum(axis=1, keepdims=True))
# --8<-- [end:Softmax]
