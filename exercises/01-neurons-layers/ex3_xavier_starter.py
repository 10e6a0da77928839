"""Exercise 1.3, the starter: write spread, then run it.

check("01-3", spread) says what is still wrong; the solution, with Xavier
and He side by side, is ex3_xavier.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.activations import relu
from nnbook.data import spiral
from nnbook.exercises import check
from nnbook.layers import Dense


def spread(X, scale_of, depth=10, width=64):
    """Standard deviation after each Dense + ReLU layer.

    scale_of(n_inputs) gives the standard deviation of a layer's weights.
    """
    # Stack `depth` layers Dense(n_inputs, width, scale=...) + relu on X and
    # return the std of the outputs after each one, an array of `depth`.
    raise NotImplementedError("spread")


X, y = spiral(100, 3)
check("01-3", spread)
# --8<-- [end:starter]
