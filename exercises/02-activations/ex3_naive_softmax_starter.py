"""Exercise 2.3, the starter: write naive_softmax and first_failure.

check("02-3", naive_softmax, first_failure) says what is still wrong; the
solution, with the shifts, is ex3_naive_softmax.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook.activations import softmax
from nnbook.exercises import check


def naive_softmax(x):
    """exp(x) / sum(exp(x)) along the last axis, with no shift."""
    raise NotImplementedError("naive_softmax")


def first_failure():
    """The smallest whole n for which naive_softmax([n, 0]) is not finite."""
    # Try n = 0, 1, 2, ... (np.errstate(over="ignore", invalid="ignore")
    # keeps numpy quiet while you look for the failure).
    raise NotImplementedError("first_failure")


check("02-3", naive_softmax, first_failure)
# --8<-- [end:starter]
