"""Exercise 6.3: check Dense.backward by finite differences.

With the loss L = sum(delta * Y), where Y = layer.forward(X), the gradient
dL/dY is exactly delta. Write check_dense(layer, X, delta) that compares
all three results of layer.backward(delta) (dweights, dbiases and the
returned input gradient) with central differences and returns the largest
error of each. The checker runs it on nnbook's Dense (small errors) and on
three Dense layers with one wrong gradient each (it must catch every one).
The starter is ex3_dense_check_starter.py.
"""

# --8<-- [start:solution]
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
        return (delta * layer.forward(X)).sum()

    return {
        "dweights": np.abs(layer.dweights
                           - numeric_gradient(loss, layer.weights)).max(),
        "dbiases": np.abs(layer.dbiases
                          - numeric_gradient(loss, layer.biases)).max(),
        "dinputs": np.abs(dinputs - numeric_gradient(loss, X)).max(),
    }


check("06-3", check_dense)
# --8<-- [end:solution]
