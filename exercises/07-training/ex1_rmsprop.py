"""Exercise 7.1: RMSprop as an nnbook optimiser.

RMSprop is Adam without the momentum: it keeps a running mean of the squared
gradient, v <- rho * v + (1 - rho) * g**2, and steps
p <- p - lr * g / (sqrt(v) + epsilon). Write it as a subclass of
nnbook.optimizers.Optimizer with `start(size)` and `update(grad, lr)`, check
one step by hand, and train the book's spiral model with it.
The starter is ex1_rmsprop_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import spiral, spiral_model
from nnbook.exercises import check
from nnbook.optimizers import Optimizer


class RMSprop(Optimizer):
    """v <- rho v + (1 - rho) g^2;  p <- p - lr g / (sqrt(v) + epsilon)."""

    def __init__(self, learning_rate=0.001, rho=0.9, epsilon=1e-7):
        super().__init__(learning_rate)
        self.rho, self.epsilon = rho, epsilon

    def start(self, size):
        self.v = np.zeros(size)          # running mean of the squared gradient

    def update(self, grad, learning_rate):
        self.v = self.rho * self.v + (1 - self.rho) * grad * grad
        return -learning_rate * grad / (np.sqrt(self.v) + self.epsilon)


check("07-1", RMSprop)

X, y = spiral(100, 3, seed=0)
model = spiral_model(seed=0)
model.optimizer = RMSprop(learning_rate=0.02)
history = model.fit(X, y, epochs=1000)
print(f"RMSprop: loss {history['loss'][0]:.3f} -> {history['loss'][-1]:.3f}, "
      f"accuracy {history['accuracy'][-1]:.3f}")
# --8<-- [end:solution]


class Weights:
    def __init__(self, values, grad):
        self.values, self.grad = np.array(values), np.array(grad)

    def parameters(self):
        return [(self.values, self.grad)]


# One step by hand: v = 0.1 g^2, so the step is lr * g / (sqrt(0.1) |g| + eps).
w = Weights([1.0, -2.0], [0.5, -4.0])
RMSprop(learning_rate=0.1, rho=0.9, epsilon=0.0).step([w])
expected = np.array([1.0, -2.0]) - 0.1 * np.sign([0.5, -4.0]) / np.sqrt(0.1)
assert np.allclose(w.values, expected, rtol=0, atol=1e-12), w.values

# It learns: the loss falls well below its start and most points are right.
assert history["loss"][-1] < 0.5 * history["loss"][0], history["loss"][-1]
assert history["accuracy"][-1] > 0.7, history["accuracy"][-1]
assert model.optimizer.iterations == 1000
print("ex1_rmsprop: all checks passed")
