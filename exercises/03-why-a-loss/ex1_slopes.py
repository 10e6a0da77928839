"""Exercise 3.1: measure the slope of accuracy and of the loss.

Take the chapter's untrained model, Dense(2, 1, seed=0) followed by Sigmoid,
on two_blobs(50). Write slopes(w, h) that sets weights[0, 0] to w and returns
the central finite-difference slopes of accuracy and of binary cross-entropy
with respect to that weight. Sweep w from -3 to 4 and report on what share of
the weights accuracy's slope is exactly zero and how many values accuracy
takes. Then find where the loss slope changes sign: it is the bottom of the
loss curve, the one place where a zero slope means "this is the lowest
point", while accuracy's zero slope only means "every way looks the same".
The starter is ex1_slopes_starter.py.
"""

# --8<-- [start:solution]
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
    return (scores(w + h) - scores(w - h)) / (2 * h)


grid = np.linspace(-3.0, 4.0, 701)
acc_slope, loss_slope = np.array([slopes(w) for w in grid]).T
acc, loss = np.array([scores(w) for w in grid]).T
flat = np.mean(acc_slope == 0)
print(f"accuracy's slope is exactly 0 at {flat:.1%} of the weights,")
print(f"yet accuracy takes {len(set(acc))} different values,"
      f" from {acc.min():.2f} to {acc.max():.2f}")

# The loss slope is negative, then positive: where it changes sign, the loss
# stops falling and starts rising again. That is the bottom of the curve.
turn = np.flatnonzero(np.diff(np.sign(loss_slope)))
print("the loss slope changes sign between w =",
      ", ".join(f"{grid[i]:.2f} and {grid[i + 1]:.2f}" for i in turn))
print(f"the lowest loss on the grid is {loss.min():.4f}"
      f" at w = {grid[loss.argmin()]:.2f}")
check("03-1", slopes)
# --8<-- [end:solution]

# Accuracy's slope is zero (almost) everywhere, whether accuracy is poor or
# good: a zero there says nothing about where the best weight is.
assert flat > 0.9, flat
assert len(set(acc)) > 10, len(set(acc))
assert acc[acc_slope == 0].min() < 0.2 and acc[acc_slope == 0].max() > 0.85
# The loss slope changes sign exactly once, from negative to positive ...
assert len(turn) == 1, turn
assert np.all(loss_slope[:turn[0] + 1] < 0) and np.all(loss_slope[turn[0] + 1:] > 0)
# ... between 3 and 4, and that is where the loss is lowest.
assert 3.0 < grid[turn[0]] < 4.0, grid[turn[0]]
assert loss.argmin() in (turn[0], turn[0] + 1), (loss.argmin(), turn)
