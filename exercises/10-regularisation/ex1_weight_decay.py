"""Exercise 10.1: the L2 penalty and its gradient, by hand.

Write l2_penalty(weights, l2), returning the penalty l2 * sum(w ** 2) and
its gradient 2 * l2 * weights, as Keras' L2(l2) and nnbook's Dense(l2=...)
define them. Check it against Dense's penalty() and dweights, and against
central differences. Then check that with no gradient from the data, one
SGD step multiplies every weight by exactly 1 - 2 * learning_rate * l2:
the reason the penalty is also called weight decay.
The starter is ex1_weight_decay_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook import SGD, Dense
from nnbook.exercises import check


def l2_penalty(weights, l2):
    """l2 * sum(w ** 2) and its gradient 2 * l2 * w (Keras' convention)."""
    return l2 * float(np.sum(weights ** 2)), 2 * l2 * weights


check("10-1", l2_penalty)


l2, learning_rate = 0.01, 0.1
layer = Dense(4, 3, seed=0, l2=l2)
penalty, gradient = l2_penalty(layer.weights, l2)

# The layer's own numbers: penalty() and, with a zero data gradient,
# dweights holds the penalty's gradient alone.
layer.forward(np.ones((5, 4)))
layer.backward(np.zeros((5, 3)))
layer_penalty, layer_gradient = layer.penalty(), layer.dweights.copy()
print("penalty", penalty, "| the layer's", layer_penalty)

# Central differences of the penalty, one weight at a time.
h = 1e-6
numeric = np.zeros_like(layer.weights)
for i in np.ndindex(layer.weights.shape):
    up, down = layer.weights.copy(), layer.weights.copy()
    up[i] += h
    down[i] -= h
    numeric[i] = (l2_penalty(up, l2)[0] - l2_penalty(down, l2)[0]) / (2 * h)

# One SGD step with only the penalty's gradient: weight decay.
before = layer.weights.copy()
SGD(learning_rate=learning_rate).step([layer])
decay = layer.weights / before
print("every weight multiplied by", np.unique(decay.round(12)))
# --8<-- [end:solution]

assert abs(penalty - layer_penalty) < 1e-15
assert np.allclose(gradient, layer_gradient, rtol=1e-15, atol=0)
assert np.allclose(numeric, gradient, rtol=1e-6, atol=1e-10)
assert np.allclose(decay, 1 - 2 * learning_rate * l2, rtol=1e-12, atol=0)
assert np.array_equal(layer.biases, np.zeros((1, 3)))   # biases: no penalty
print("all checks passed")
