"""Exercise 6.2, the starter: build each row's Jacobian, then run it.

check("06-2", softmax_backward_jacobian) says what is still wrong; the
solution is ex2_softmax_jacobian.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def softmax_backward_jacobian(s, dvalues):
    """dL/dz from s = softmax(z) and dvalues = dL/ds, one Jacobian a row."""
    dinputs = np.empty_like(dvalues)
    for n, (s_row, d_row) in enumerate(zip(s, dvalues)):
        # The Jacobian of this row, diag(s) - s s^T, times d_row.
        raise NotImplementedError("the Jacobian of one row")
    return dinputs


check("06-2", softmax_backward_jacobian)
# --8<-- [end:starter]
