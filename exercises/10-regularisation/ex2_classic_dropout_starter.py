"""Exercise 10.2, the starter: write ClassicDropout, then run it.

check("10-2", ClassicDropout) says what is still wrong; the solution is
ex2_classic_dropout.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


class ClassicDropout:
    """Zero a share `rate` in training; scale by 1 - rate at inference."""

    def __init__(self, rate, *, seed=None):
        self.rate = rate
        self.rng = np.random.default_rng(seed)

    def forward(self, inputs, training=False):
        # Training: draw a mask from self.rng and keep it for backward.
        # Inference: drop nothing, scale by 1 - rate.
        raise NotImplementedError("ClassicDropout.forward")

    def backward(self, dvalues):
        raise NotImplementedError("ClassicDropout.backward")


check("10-2", ClassicDropout)
# --8<-- [end:starter]
