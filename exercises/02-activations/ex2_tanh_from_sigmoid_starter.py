"""Exercise 2.2, the starter: write tanh from sigmoid, then run it.

check("02-2", tanh) says what is still wrong; the solution is
ex2_tanh_from_sigmoid.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook.activations import sigmoid
from nnbook.exercises import check


def tanh(x):
    """tanh(x) = 2 sigmoid(2x) - 1, built on nnbook's sigmoid."""
    raise NotImplementedError("tanh")


check("02-2", tanh)
# --8<-- [end:starter]
