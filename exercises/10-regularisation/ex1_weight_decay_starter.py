"""Exercise 10.1, the starter: write l2_penalty, then run it.

check("10-1", l2_penalty) says what is still wrong; the solution is
ex1_weight_decay.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def l2_penalty(weights, l2):
    """l2 * sum(w ** 2) and its gradient (Keras' convention)."""
    raise NotImplementedError("l2_penalty")


check("10-1", l2_penalty)
# --8<-- [end:starter]
