"""Exercise 6.3: check Dense.backward by finite differences.

With the loss L = sum(delta * Y), where Y = layer.forward(X), the gradient
dL/dY is exactly delta. Write check_dense(layer, X, delta) that compares
all three results of layer.backward(delta) (dweights, dbiases and the
returned input gradient) with central differences, and check that dbiases
equals ones @ delta.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import Dense


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


rng = np.random.default_rng(0)
layer = Dense(3, 5, seed=0)
X, delta = rng.standard_normal((4, 3)), rng.standard_normal((4, 5))
errors = check_dense(layer, X, delta)
print(errors)
print(np.allclose(layer.dbiases, np.ones((1, 4)) @ delta))
# --8<-- [end:solution]

assert max(errors.values()) < 1e-8, errors
assert np.allclose(layer.dbiases, np.ones((1, len(X))) @ delta)
assert layer.dweights.shape == layer.weights.shape
assert layer.dbiases.shape == layer.biases.shape

# The check must catch a wrong rule, e.g. dweights = X^T delta / N.
class Halved(Dense):
    def backward(self, dvalues):
        dinputs = super().backward(dvalues)
        self.dweights = self.dweights / len(dvalues)
        return dinputs


assert check_dense(Halved(3, 5, seed=0), X, delta)["dweights"] > 1e-2
print("Dense.backward: all three gradients check out")
