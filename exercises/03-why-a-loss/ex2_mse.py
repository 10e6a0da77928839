"""Exercise 3.2: mean squared error as a loss.

Write mean_squared_error(y_true, y_pred), the mean of (y - p)^2 over all
samples, for 0/1 labels and predicted probabilities. Sweep weights[0, 0] of
the chapter's model (Dense(2, 1, seed=0) + Sigmoid on two_blobs(50)) from -3
to 4 and compare its curve with binary cross-entropy's: both are smooth and
fall in the same direction, but how hard does each punish a confidently
wrong prediction? The starter is ex2_mse_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook import Dense, Sigmoid, binary_crossentropy, two_blobs
from nnbook.exercises import check


def mean_squared_error(y_true, y_pred):
    """Mean of (y - p)^2; y_true (n,) or (n, 1), y_pred the same size."""
    y_pred = np.asarray(y_pred, dtype=float).reshape(-1)
    y_true = np.asarray(y_true, dtype=float).reshape(-1)
    return float(np.mean((y_true - y_pred) ** 2))


X, y = two_blobs(50)
layer = Dense(2, 1, seed=0)
grid = np.linspace(-3.0, 4.0, 141)
curves = []
for w in grid:
    layer.weights[0, 0] = w
    p = Sigmoid().forward(layer.forward(X))
    curves.append([mean_squared_error(y, p), binary_crossentropy(y, p)])
mse, bce = np.array(curves).T
print(f"MSE: {mse[0]:.3f} at w = -3, lowest {mse.min():.3f}"
      f" at w = {grid[mse.argmin()]:.2f}")
print(f"BCE: {bce[0]:.3f} at w = -3, lowest {bce.min():.3f}"
      f" at w = {grid[bce.argmin()]:.2f}")

# One confidently wrong answer: label 1, probability 0.001.
print("MSE:", mean_squared_error([1], [0.001]),
      "BCE:", binary_crossentropy([1], [0.001]))
check("03-2", mean_squared_error)
# --8<-- [end:solution]

assert abs(mean_squared_error([1, 0], [0.8, 0.4]) - 0.1) < 1e-12
assert abs(mean_squared_error(np.array([[1], [0]]), [[0.8], [0.4]]) - 0.1) < 1e-12
# Both curves are smooth: no two neighbouring weights give the same value,
# and both fall from w = -3 to w = 2.
assert np.all(np.diff(mse) != 0) and np.all(np.diff(bce) != 0)
upto_2 = grid <= 2.0
assert np.all(np.diff(mse[upto_2]) < 0) and np.all(np.diff(bce[upto_2]) < 0)
# MSE never exceeds 1 per sample; cross-entropy punishes confident mistakes.
assert mse.max() <= 1.0
assert mean_squared_error([1], [0.001]) < 1.0 < 6.0 < binary_crossentropy([1], [0.001])
