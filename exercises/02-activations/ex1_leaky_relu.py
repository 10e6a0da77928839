"""Exercise 2.1: leaky ReLU as a layer.

Write a LeakyReLU class with forward(inputs) and backward(dvalues), shaped
like nnbook's ReLU, that lets a small slope `alpha` through for negative
inputs: f(x) = x for x > 0 and alpha * x otherwise. Check that alpha = 0
gives back ReLU, and check backward against central differences.
The starter is ex1_leaky_relu_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.exercises import check


class LeakyReLU:
    """x where x > 0, alpha * x elsewhere: negative inputs keep a slope."""

    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, inputs):
        self.inputs = np.asarray(inputs, dtype=np.float64)
        return np.where(self.inputs > 0, self.inputs,
                        self.alpha * self.inputs)

    def backward(self, dvalues):
        # The slope is 1 where the input was positive and alpha elsewhere.
        return dvalues * np.where(self.inputs > 0, 1.0, self.alpha)

    def __repr__(self):
        return f"LeakyReLU(alpha={self.alpha})"


check("02-1", LeakyReLU)
# --8<-- [end:solution]


from nnbook.activations import ReLU  # noqa: E402

rng = np.random.default_rng(0)
x = rng.standard_normal((5, 4)) * 3
x[np.abs(x) < 1e-3] = 0.5                 # keep away from the kink at 0
dvalues = rng.standard_normal((5, 4))

# alpha = 0 is ReLU, forward and backward.
plain, leaky = ReLU(), LeakyReLU(alpha=0.0)
assert np.array_equal(leaky.forward(x), plain.forward(x))
assert np.array_equal(leaky.backward(dvalues), plain.backward(dvalues))

# With alpha > 0 negative inputs are scaled, not zeroed.
layer = LeakyReLU(alpha=0.1)
out = layer.forward(x)
assert np.allclose(out[x < 0], 0.1 * x[x < 0])
assert np.array_equal(out[x > 0], x[x > 0])

# Gradient check: backward(dvalues) is the gradient of sum(dvalues * f(x)).
analytic = layer.backward(dvalues)
h = 1e-6
numeric = dvalues * (LeakyReLU(0.1).forward(x + h)
                     - LeakyReLU(0.1).forward(x - h)) / (2 * h)
assert np.abs(analytic - numeric).max() < 1e-8, np.abs(analytic - numeric).max()
print("LeakyReLU: forward and backward check out")
