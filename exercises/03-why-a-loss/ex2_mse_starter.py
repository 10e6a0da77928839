"""Exercise 3.2, the starter: write mean_squared_error, then run it.

check("03-2", mean_squared_error) says what is still wrong; the solution,
with the sweep beside binary cross-entropy, is ex2_mse.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook.exercises import check


def mean_squared_error(y_true, y_pred):
    """Mean of (y - p)^2; y_true (n,) or (n, 1), y_pred the same size."""
    raise NotImplementedError("mean_squared_error")


check("03-2", mean_squared_error)
# --8<-- [end:starter]
