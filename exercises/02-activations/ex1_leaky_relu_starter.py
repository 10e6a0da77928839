"""Exercise 2.1, the starter: write forward and backward, then run it.

check("02-1", LeakyReLU) says what is still wrong; the solution, with its
own gradient check, is ex1_leaky_relu.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


class LeakyReLU:
    """x where x > 0, alpha * x elsewhere: negative inputs keep a slope."""

    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, inputs):
        # Return x where x > 0 and alpha * x elsewhere; keep what backward
        # will need.
        raise NotImplementedError("LeakyReLU.forward")

    def backward(self, dvalues):
        # Return dvalues times the slope at the last inputs: 1 or alpha.
        raise NotImplementedError("LeakyReLU.backward")


check("02-1", LeakyReLU)
# --8<-- [end:starter]
