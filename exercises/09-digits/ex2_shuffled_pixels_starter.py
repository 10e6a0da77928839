"""Exercise 9.2, the starter: write match_weights, then run it.

check("09-2", match_weights) says what is still wrong; the solution is
ex2_shuffled_pixels.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def match_weights(model, order):
    """Permute the first layer's weights so that the model on X[:, order]
    gives what it gave on X."""
    raise NotImplementedError("match_weights")


check("09-2", match_weights)
# --8<-- [end:starter]
