"""Exercise 1.3: Xavier against He through ten Dense + ReLU layers.

Xavier (Glorot) initialisation uses standard deviation sqrt(1 / n_inputs).
Write a function that measures the standard deviation of the outputs after
each of ten Dense + ReLU layers of 64 neurons on the spiral data, for a
given rule for the scale, and compare Xavier with He. The chapter's formula
g = sqrt(n * sigma**2 / 2) predicts the growth per layer: check it.
The starter is ex3_xavier_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.activations import relu
from nnbook.data import spiral
from nnbook.exercises import check
from nnbook.layers import Dense


def spread(X, scale_of, depth=10, width=64):
    """Standard deviation after each Dense + ReLU layer.

    scale_of(n_inputs) gives the standard deviation of a layer's weights.
    """
    a, stds = X, []
    for d in range(depth):
        n_inputs = a.shape[1]
        layer = Dense(n_inputs, width, seed=d, scale=scale_of(n_inputs))
        a = relu(layer.forward(a))
        stds.append(a.std())
    return np.array(stds)


X, y = spiral(100, 3)
xavier = spread(X, lambda n: np.sqrt(1 / n))
he = spread(X, lambda n: np.sqrt(2 / n))
growth_xavier = (xavier[-1] / xavier[0]) ** (1 / 9)
growth_he = (he[-1] / he[0]) ** (1 / 9)
print("Xavier:", np.round(xavier, 4))
print("He:    ", np.round(he, 4))
print("growth per layer:", round(growth_xavier, 3), round(growth_he, 3))
print("formula, Xavier: ", round(np.sqrt(64 * (1 / 64) / 2), 3))
check("01-3", spread)
# --8<-- [end:solution]

# Under ReLU, Xavier loses a factor sqrt(1/2) per layer; He keeps the spread.
assert abs(growth_xavier - np.sqrt(0.5)) < 0.05
assert abs(growth_he - 1.0) < 0.1
assert xavier[-1] < he[-1] / 10
