"""Exercise 7.1, the starter: write start and update, then run it.

check("07-1", RMSprop) says what is still wrong; the solution, which also
trains the spiral model for 1,000 epochs, is ex1_rmsprop.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check
from nnbook.optimizers import Optimizer


class RMSprop(Optimizer):
    """v <- rho v + (1 - rho) g^2;  p <- p - lr g / (sqrt(v) + epsilon)."""

    def __init__(self, learning_rate=0.001, rho=0.9, epsilon=1e-7):
        super().__init__(learning_rate)
        self.rho, self.epsilon = rho, epsilon

    def start(self, size):
        # The state for `size` parameters, before the first step.
        raise NotImplementedError("RMSprop.start")

    def update(self, grad, learning_rate):
        # Update the running mean of grad**2; return the change to add.
        raise NotImplementedError("RMSprop.update")


check("07-1", RMSprop)
# --8<-- [end:starter]
