"""Exercise 3.1: measure the slope of accuracy and of the loss.

Take the chapter's untrained model, Dense(2, 1, seed=0) followed by Sigmoid,
on two_blobs(50). Write slopes(w, h) that sets weights[0, 0] to w and returns
the central finite-difference slopes of accuracy and of binary cross-entropy
with respect to that weight. Sweep w from -3 to 4 and report on what share of
the weights accuracy's slope is exactly zero, and check that the loss slope
is never zero there.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook import Dense, Sigmoid, accuracy, binary_crossentropy, two_blobs

X, y = two_blobs(50)
layer = Dense(2, 1, seed=0)


def scores(w):
    """(accuracy, loss) of the model with weights[0, 0] set to w."""
    layer.weights[0, 0] = w
    p = Sigmoid().forward(layer.forward(X))
    return np.array([accuracy(y, p), binary_crossentropy(y, p)])


def slopes(w, h=1e-4):
    """Central-difference slopes of (accuracy, loss) at weights[0, 0] = w."""
    return (scores(w + h) - scores(w - h)) / (2 * h)


grid = np.linspace(-3.0, 4.0, 701)
table = np.array([slopes(w) for w in grid])
flat = np.mean(table[:, 0] == 0)
print(f"accuracy's slope is exactly 0 at {flat:.1%} of the weights")
steps = len({scores(w)[0] for w in grid})
print(f"yet along the way accuracy takes {steps} different values")
print(f"the loss slope runs from {table[:, 1].min():.4f}"
      f" to {table[:, 1].max():.4f}")
# --8<-- [end:solution]

# Accuracy changes along the sweep, but only in jumps between the points.
assert flat > 0.9, flat
assert steps > 10, steps
# The loss always has a slope, and it points towards larger w on the left.
assert np.all(table[:, 1] != 0)
assert np.all(table[grid < 2.0, 1] < 0)
