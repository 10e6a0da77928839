"""Exercise 6.2: Softmax.backward through the full Jacobian.

For each sample build the Jacobian J = diag(s) - s s^T of softmax and
return dvalues @ J, row by row. Check that it equals nnbook's vectorised
Softmax.backward, and that feeding it the categorical cross-entropy
gradient -y / s / N gives the fused (s - y) / N.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import Softmax, one_hot


def softmax_backward_jacobian(s, dvalues):
    """dL/dz from s = softmax(z) and dvalues = dL/ds, one Jacobian a row."""
    dinputs = np.empty_like(dvalues)
    for n, (s_row, d_row) in enumerate(zip(s, dvalues)):
        jacobian = np.diag(s_row) - np.outer(s_row, s_row)
        dinputs[n] = d_row @ jacobian      # J is symmetric
    return dinputs


rng = np.random.default_rng(0)
logits = rng.standard_normal((6, 4))
dvalues = rng.standard_normal((6, 4))
layer = Softmax()
s = layer.forward(logits)
print(np.abs(softmax_backward_jacobian(s, dvalues)
             - layer.backward(dvalues)).max())
# --8<-- [end:solution]

assert np.allclose(softmax_backward_jacobian(s, dvalues),
                   layer.backward(dvalues), atol=1e-15)

# Through the cross-entropy gradient the product collapses to (s - y) / N.
y = one_hot(rng.integers(0, 4, size=6), 4)
n = len(s)
chained = softmax_backward_jacobian(s, -y / s / n)
assert np.allclose(chained, (s - y) / n, atol=1e-15)

# Each Jacobian row sums to 0: adding a constant to all logits changes nothing.
jac = np.diag(s[0]) - np.outer(s[0], s[0])
assert np.allclose(jac.sum(axis=1), 0.0)
print("Softmax Jacobian: matches the vectorised backward")
