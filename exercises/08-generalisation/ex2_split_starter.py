"""Exercise 8.2, the starter: write both functions, then run it.

check("08-2", train_validation_split, k_fold_indices) says what is still
wrong; the solution, which also cuts 300 points into training, validation
and test sets, is ex2_split.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook.exercises import check


def train_validation_split(X, y, validation_fraction=0.2, *, seed=0):
    """Shuffle with `seed`, then hold out a fraction for validation."""
    # Return (X_train, y_train), (X_val, y_val).
    raise NotImplementedError("train_validation_split")


def k_fold_indices(n, k, *, seed=0):
    """k (train, validation) index pairs; each sample validates once."""
    # Yield k pairs (train_indices, val_indices).
    raise NotImplementedError("k_fold_indices")


check("08-2", train_validation_split, k_fold_indices)
# --8<-- [end:starter]
