"""Exercise 7.3, the starter: write final_loss, then run it.

check("07-3", final_loss) says what is still wrong; the solution, with the
comparison at 1,000 epochs, is ex3_learning_rates.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook import SGD, spiral, spiral_model
from nnbook.exercises import check

X, y = spiral(100, 3, seed=0)


def final_loss(learning_rate, epochs=1_000):
    """The last training loss of plain SGD at this rate, from seed 0."""
    # A fresh spiral_model(seed=0), plain SGD at this rate, `epochs`
    # full-batch epochs; return the last loss of the history.
    raise NotImplementedError("final_loss")


check("07-3", final_loss)
# --8<-- [end:starter]
