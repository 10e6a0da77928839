"""Exercise 6.3, the starter: write check_dense, then run it.

check("06-3", check_dense) says what is still wrong; the solution is
ex3_dense_check.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def numeric_gradient(f, array, h=1e-6):
    """Central differences of the scalar f() with respect to array."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + h
        up = f()
        array[index] = saved - h
        down = f()
        array[index] = saved
        grad[index] = (up - down) / (2 * h)
    return grad


def check_dense(layer, X, delta):
    """Largest absolute error of dweights, dbiases and dinputs."""
    X = X.copy()
    layer.forward(X)
    dinputs = layer.backward(delta)

    def loss():
        # L = sum(delta * Y), so that dL/dY is exactly delta.
        return (delta * layer.forward(X)).sum()

    # Compare layer.dweights, layer.dbiases and dinputs with
    # numeric_gradient(loss, ...) and return the three largest errors.
    raise NotImplementedError("check_dense's comparisons")


check("06-3", check_dense)
# --8<-- [end:starter]
