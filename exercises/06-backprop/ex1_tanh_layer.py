"""Exercise 6.1: a Tanh layer and its gradient check.

Write a Tanh layer shaped like nnbook's ReLU: forward(inputs, training)
returns tanh(inputs) and remembers what backward needs; backward(dvalues)
returns dvalues * (1 - tanh(x)**2). The checker also puts it between two
Dense layers (2 -> 8 -> 3) and compares every parameter's gradient with
central differences. The starter is ex1_tanh_layer_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import Layer
from nnbook.exercises import check
from nnbook.node import checked


class Tanh(Layer):
    """Hyperbolic tangent as a layer: squashes each value into (-1, 1)."""

    @checked
    def forward(self, inputs, training=False):
        # The derivative needs only the output: 1 - tanh(x)^2.
        self.output = np.tanh(inputs)
        return self.output

    @checked
    def backward(self, dvalues):
        return dvalues * (1.0 - self.output**2)


check("06-1", Tanh)
# --8<-- [end:solution]
