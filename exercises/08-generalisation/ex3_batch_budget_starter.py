"""Exercise 8.3, the starter: write train_with_budget, then run it.

check("08-3", train_with_budget) says what is still wrong; the solution,
which also compares the four batch sizes, is ex3_batch_budget.py.
"""

# --8<-- [start:starter]
import math

from nnbook import spiral, spiral_model
from nnbook.exercises import check


def train_with_budget(batch_size, updates=600):
    """Train for `updates` steps of `batch_size`; return model and epochs."""
    X, y = spiral(100, 3, seed=1)
    # How many updates does one epoch make? Then how many epochs give
    # `updates` of them? Train spiral_model(0) for that many.
    raise NotImplementedError("train_with_budget")


check("08-3", train_with_budget)
# --8<-- [end:starter]
