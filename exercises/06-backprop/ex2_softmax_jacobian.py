"""Exercise 6.2: Softmax.backward through the full Jacobian.

For each sample build the Jacobian J = diag(s) - s s^T of softmax and
return dvalues @ J, row by row. The checker compares it with nnbook's
vectorised Softmax.backward, and checks that feeding it the categorical
cross-entropy gradient -y / s / N gives the fused (s - y) / N. The starter
is ex2_softmax_jacobian_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.exercises import check


def softmax_backward_jacobian(s, dvalues):
    """dL/dz from s = softmax(z) and dvalues = dL/ds, one Jacobian a row."""
    dinputs = np.empty_like(dvalues)
    for n, (s_row, d_row) in enumerate(zip(s, dvalues)):
        jacobian = np.diag(s_row) - np.outer(s_row, s_row)
        dinputs[n] = d_row @ jacobian      # J is symmetric
    return dinputs


check("06-2", softmax_backward_jacobian)
# --8<-- [end:solution]
