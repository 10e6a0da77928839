"""Exercise 6.1, the starter: write forward and backward, then run it.

check("06-1", Tanh) says what is still wrong; the solution is
ex1_tanh_layer.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook import Layer
from nnbook.exercises import check


class Tanh(Layer):
    """Hyperbolic tangent as a layer: squashes each value into (-1, 1)."""

    def forward(self, inputs, training=False):
        # Return tanh(inputs), and keep what backward will need.
        raise NotImplementedError("Tanh.forward")

    def backward(self, dvalues):
        # Return dvalues times the derivative of tanh at the last inputs.
        raise NotImplementedError("Tanh.backward")


check("06-1", Tanh)
# --8<-- [end:starter]
