"""Exercise 1.1: a dense layer's forward pass with plain Python loops.

Write the forward pass of a dense layer without a matrix product: one loop
over the samples, one over the neurons and one over the inputs. Check that
it gives the same numbers as Dense.forward on the spiral data.
The starter is ex1_loops_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.data import spiral
from nnbook.exercises import check
from nnbook.layers import Dense


def forward_with_loops(inputs, weights, biases):
    """outputs[s][j] = sum_i inputs[s][i] * weights[i][j] + biases[0][j]."""
    n_samples, n_inputs = len(inputs), len(weights)
    n_neurons = len(weights[0])
    outputs = []
    for s in range(n_samples):               # every sample ...
        row = []
        for j in range(n_neurons):           # ... through every neuron
            z = biases[0][j]
            for i in range(n_inputs):        # weighted sum of the inputs
                z += inputs[s][i] * weights[i][j]
            row.append(z)
        outputs.append(row)
    return np.array(outputs)


X, y = spiral(100, 3)
layer = Dense(2, 64, seed=0)
layer.biases = np.linspace(-1.0, 1.0, 64).reshape(1, 64)   # not all zero
by_hand = forward_with_loops(X.tolist(), layer.weights.tolist(),
                             layer.biases.tolist())
by_numpy = layer.forward(X)
print(by_hand.shape, np.abs(by_hand - by_numpy).max())
check("01-1", forward_with_loops)
# --8<-- [end:solution]

assert by_hand.shape == (300, 64)
assert np.allclose(by_hand, by_numpy, rtol=0, atol=1e-12)
# The check can fail: a loop that forgets the bias is caught.
no_bias = forward_with_loops(X.tolist(), layer.weights.tolist(),
                             np.zeros((1, 64)).tolist())
assert not np.allclose(no_bias, by_numpy)
