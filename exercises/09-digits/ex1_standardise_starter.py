"""Exercise 9.1, the starter: write standardiser, then run it.

check("09-1", standardiser) says what is still wrong; the solution is
ex1_standardise.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def standardiser(X_train):
    """A function that standardises with X_train's mean and spread."""
    # Compute X_train's per-pixel mean and standard deviation here, and
    # return a function of X that uses them (a pixel that is always 0 has
    # standard deviation 0: divide by 1 there).
    raise NotImplementedError("standardiser")


check("09-1", standardiser)
# --8<-- [end:starter]
