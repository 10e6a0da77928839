"""Exercise 3.1, the starter: write slopes(w, h), then run it.

check("03-1", slopes) says what is still wrong; the solution, with the
sweep from -3 to 4, is ex1_slopes.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook import Dense, Sigmoid, accuracy, binary_crossentropy, two_blobs
from nnbook.exercises import check

X, y = two_blobs(50)
layer = Dense(2, 1, seed=0)


def scores(w):
    """(accuracy, loss) of the model with weights[0, 0] set to w."""
    layer.weights[0, 0] = w
    p = Sigmoid().forward(layer.forward(X))
    return np.array([accuracy(y, p), binary_crossentropy(y, p)])


def slopes(w, h=1e-4):
    """Central-difference slopes of (accuracy, loss) at weights[0, 0] = w."""
    raise NotImplementedError("slopes")


check("03-1", slopes)
# --8<-- [end:starter]
