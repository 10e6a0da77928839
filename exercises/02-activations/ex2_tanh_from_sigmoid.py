"""Exercise 2.2: tanh from sigmoid.

Write tanh(x) using nnbook's sigmoid and the identity
tanh(x) = 2 sigmoid(2x) - 1. Check it against np.tanh, including at
x = +-1000, where it must stay finite without any overflow warning, and
check that its derivative is 1 - tanh(x)**2 with central differences.
The starter is ex2_tanh_from_sigmoid_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook.activations import sigmoid
from nnbook.exercises import check


def tanh(x):
    """tanh(x) = 2 sigmoid(2x) - 1: as overflow-free as sigmoid itself."""
    return 2.0 * sigmoid(2.0 * np.asarray(x, dtype=np.float64)) - 1.0


check("02-2", tanh)
# --8<-- [end:solution]


import warnings  # noqa: E402

x = np.concatenate([np.linspace(-20.0, 20.0, 401), [-1000.0, 1000.0]])
with warnings.catch_warnings():
    warnings.simplefilter("error")        # an overflow warning would raise
    values = tanh(x)
gap = np.abs(values - np.tanh(x)).max()
assert gap < 1e-15, gap
assert tanh(1000.0) == 1.0 and tanh(-1000.0) == -1.0
assert tanh(0.0) == 0.0

# Its derivative is 1 - tanh^2 (central differences).
x = np.linspace(-4.0, 4.0, 81)
h = 1e-5
numeric = (tanh(x + h) - tanh(x - h)) / (2 * h)
assert np.abs(numeric - (1.0 - tanh(x) ** 2)).max() < 1e-9
print(f"tanh from sigmoid agrees with np.tanh to {gap:.1e}")
