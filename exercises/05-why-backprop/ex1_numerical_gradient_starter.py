"""Exercise 5.1, the starter: write numerical_gradient, then run it.

check("05-1", numerical_gradient) says what is still wrong; the solution is
ex1_numerical_gradient.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def numerical_gradient(f, x, h=1e-5):
    """Central differences of the scalar f(x), one entry of x at a time."""
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        # Move entry i by +h and by -h, evaluate f each time, put x[i]
        # back, and store (f(x + h e_i) - f(x - h e_i)) / (2h) in grad[i].
        raise NotImplementedError("numerical_gradient's central difference")
    return grad


check("05-1", numerical_gradient)
# --8<-- [end:starter]
