"""Exercise 6.1: a Tanh layer and its gradient check.

Write a Tanh layer shaped like nnbook's ReLU: forward(inputs, training)
returns tanh(inputs) and remembers what backward needs; backward(dvalues)
returns dvalues * (1 - tanh(x)**2). Put it between two Dense layers (2 -> 8 -> 3)
and check every parameter's gradient against central differences.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import (Dense, Layer, Sequential, SoftmaxCategoricalCrossentropy,
                    spiral)
from nnbook.node import checked


class Tanh(Layer):
    """Hyperbolic tangent as a layer: squashes each value into (-1, 1)."""

    @checked
    def forward(self, inputs, training=False):
        # The derivative needs only the output: 1 - tanh(x)^2.
        self.output = np.tanh(inputs)
        return self.output

    @checked
    def backward(self, dvalues):
        return dvalues * (1.0 - self.output**2)


def gradient_errors(model, X, y, h=1e-6):
    """Relative error of backward against central differences, per tensor."""
    def loss():
        return model.loss.forward(model.forward(X), y)

    loss()
    model.backward(model.loss.backward())
    errors = []
    for layer in model.layers:
        if not hasattr(layer, "dweights"):
            continue
        for param, grad in layer.parameters():
            numeric = np.zeros_like(param)
            for index in np.ndindex(param.shape):
                saved = param[index]
                param[index] = saved + h
                up = loss()
                param[index] = saved - h
                down = loss()
                param[index] = saved
                numeric[index] = (up - down) / (2 * h)
            errors.append(np.linalg.norm(grad - numeric)
                          / np.linalg.norm(numeric))
    return errors


X, y = spiral(20, 3, seed=0)
model = Sequential([Dense(2, 8, seed=0), Tanh(), Dense(8, 3, seed=1)],
                   loss=SoftmaxCategoricalCrossentropy(), optimizer=None)
errors = gradient_errors(model, X, y)
print(["%.1e" % e for e in errors])
# --8<-- [end:solution]

assert len(errors) == 4
assert max(errors) < 1e-7, errors

# The layer alone: backward against central differences of sum(d * tanh(x)).
rng = np.random.default_rng(0)
x, d = 2 * rng.standard_normal((5, 4)), rng.standard_normal((5, 4))
layer = Tanh()
layer.forward(x)
h = 1e-6
numeric = d * (np.tanh(x + h) - np.tanh(x - h)) / (2 * h)
assert np.abs(layer.backward(d) - numeric).max() < 1e-8

# A wrong derivative (1 - tanh, not 1 - tanh^2) must fail the check.
class WrongTanh(Tanh):
    def backward(self, dvalues):
        return dvalues * (1.0 - self.output)


wrong = Sequential([Dense(2, 8, seed=0), WrongTanh(), Dense(8, 3, seed=1)],
                   loss=SoftmaxCategoricalCrossentropy(), optimizer=None)
assert max(gradient_errors(wrong, X, y)) > 1e-3
print("Tanh: backward checks out")
