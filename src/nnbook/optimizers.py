"""Optimisers: turn gradients into parameter updates.

The gradient says which way the loss rises fastest; an optimiser decides how
far to step the other way. The update rules here are exactly those of Keras 3
(`keras.optimizers.SGD` and `keras.optimizers.Adam`), so the same gradients
give the same new weights.

`learning_rate` is a number or a schedule: any callable that maps the step
count (0 for the first update) to a learning rate, like `InverseTimeDecay`.
"""

import math

import numpy as np

from . import checks


# --8<-- [start:InverseTimeDecay]
class InverseTimeDecay:
    """lr(step) = initial_learning_rate / (1 + decay_rate * step / decay_steps).

    Same arguments as keras.optimizers.schedules.InverseTimeDecay; with
    decay_steps=1 it is the NNFS book's lr / (1 + decay * iterations).

    Args:
        initial_learning_rate (float): The rate at step 0, > 0.
        decay_steps (float): Steps per unit of decay, > 0.
        decay_rate (float): How fast the rate falls, >= 0.
    """

    def __init__(self, initial_learning_rate, decay_steps, decay_rate):
        checks.positive_number(initial_learning_rate, "initial_learning_rate")
        checks.positive_number(decay_steps, "decay_steps")
        checks.positive_number(decay_rate, "decay_rate", allow_zero=True)
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate

    def __call__(self, step):
        """The learning rate for the step with this count.

        Args:
            step (int): Steps taken so far, 0 for the first update.

        Returns:
            (float): The learning rate.
        """
        decay = 1.0 + self.decay_rate * step / self.decay_steps
        return self.initial_learning_rate / decay

    def __repr__(self):
        return (f"InverseTimeDecay({self.initial_learning_rate}, "
                f"{self.decay_steps}, {self.decay_rate})")
# --8<-- [end:InverseTimeDecay]


class Optimizer:
    """What SGD and Adam share: the step count, the learning rate, and the
    view of all parameters as one long vector.

    A network's parameters are just numbers; laid end to end they form one
    vector, and so do their gradients. The update rules are element-wise, so
    each optimiser writes its rule once, for that vector: one NumPy call per
    term instead of one per term per weight matrix.

    Args:
        learning_rate (float | callable): A number > 0, or a schedule
            lr(step) such as InverseTimeDecay.

    Raises:
        ValueError: The rate is not a finite number > 0.
        TypeError: It is neither a number nor a schedule of one argument.
    """

    def __init__(self, learning_rate):
        checks.learning_rate(learning_rate)
        self.learning_rate = learning_rate
        self.iterations = 0          # number of steps taken so far
        self.size = None             # number of parameters, set on first step
        self.params = None           # the arrays it updates, set on first step

    def start(self, size):
        """Set up the state for `size` parameters (subclasses write it).

        Args:
            size (int): How many numbers the parameters hold in all.
        """
        raise NotImplementedError(f"{type(self).__name__} must define start")

    def update(self, grad, learning_rate):
        """The change to add to the parameters (subclasses write it).

        Args:
            grad (ndarray): All gradients, laid end to end.
            learning_rate (float): The rate for this step.

        Returns:
            (ndarray): The change, shaped like grad.
        """
        raise NotImplementedError(f"{type(self).__name__} must define update")

    # --8<-- [start:current_learning_rate]
    def current_learning_rate(self):
        """The learning rate for the next step (a schedule sees the count).

        Returns:
            (float): The rate.

        Raises:
            ValueError: A schedule returned no finite number > 0.
        """
        if callable(self.learning_rate):
            return checks.scheduled_rate(
                self.learning_rate(self.iterations), self.iterations)
        return self.learning_rate
    # --8<-- [end:current_learning_rate]

    # --8<-- [start:step]
    def step(self, layers):
        """Update every parameter of `layers` once; count one step.

        Args:
            layers (list[Layer]): The model's layers (model.layers).

        Raises:
            RuntimeError: A layer has no gradients yet (no backward).
            ValueError: Other parameters than on the first step: use one
                optimiser per model.
        """
        if self.iterations == 0:                 # the first step
            self.params = checks.first_step(self, layers)
            self.size = sum(param.size for param in self.params)
            self.start(self.size)
        pairs = [pair for layer in layers for pair in layer.parameters()]
        checks.same_parameters(self, pairs)
        grad = np.concatenate([g.ravel() for _, g in pairs])
        change = self.update(grad, self.current_learning_rate())
        offset = 0
        for param, _ in pairs:               # hand each layer its share
            param += change[offset:offset + param.size].reshape(param.shape)
            offset += param.size
        self.iterations += 1
    # --8<-- [end:step]


# --8<-- [start:SGD]
class SGD(Optimizer):
    """Stochastic gradient descent, optionally with momentum.

    Without momentum: p <- p - lr * g.
    With momentum:    v <- momentum * v - lr * g;  p <- p + v.

    Args:
        learning_rate (float | callable): A number > 0, or a schedule.
        momentum (float): In [0, 1); 0 for plain gradient descent.
    """

    def __init__(self, learning_rate=0.01, momentum=0.0):
        super().__init__(learning_rate)
        self.momentum = checks.fraction(momentum, "momentum")

    def start(self, size):
        self.velocity = np.zeros(size)

    def update(self, grad, learning_rate):
        """The change to add to the parameters.

        Args:
            grad (ndarray): All gradients, laid end to end.
            learning_rate (float): The rate for this step.

        Returns:
            (ndarray): -lr * g, or the new velocity.
        """
        if self.momentum == 0.0:
            return -learning_rate * grad
        self.velocity = self.momentum * self.velocity - learning_rate * grad
        return self.velocity
# --8<-- [end:SGD]


# --8<-- [start:Adam]
class Adam(Optimizer):
    """Adam: momentum on the gradient, scaled by a running size of it.

    Args:
        learning_rate (float | callable): A number > 0, or a schedule.
        beta_1 (float): Decay of the gradient's running mean, in [0, 1).
        beta_2 (float): Decay of its square's running mean, in [0, 1).
        epsilon (float): Added to sqrt(v) so that it never divides by 0.
    """

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
                 epsilon=1e-7):
        super().__init__(learning_rate)
        self.beta_1 = checks.fraction(beta_1, "beta_1")
        self.beta_2 = checks.fraction(beta_2, "beta_2")
        self.epsilon = checks.positive_number(epsilon, "epsilon")

    def start(self, size):
        self.m = np.zeros(size)          # running mean of the gradient
        self.v = np.zeros(size)          # running mean of its square

    def update(self, grad, learning_rate):
        """The change to add to the parameters.

        Args:
            grad (ndarray): All gradients, laid end to end.
            learning_rate (float): The rate for this step.

        Returns:
            (ndarray): -alpha_t * m / (sqrt(v) + epsilon).
        """
        t = self.iterations + 1
        # alpha_t = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t): both bias
        # corrections folded into the step size, as Keras does.
        alpha = (learning_rate * math.sqrt(1 - self.beta_2 ** t)
                 / (1 - self.beta_1 ** t))
        # m <- m + (1 - beta_1)(g - m),  v <- v + (1 - beta_2)(g^2 - v)
        self.m += (1 - self.beta_1) * (grad - self.m)
        self.v += (1 - self.beta_2) * (grad * grad - self.v)
        # p <- p - alpha_t * m / (sqrt(v) + epsilon)
        return -alpha * self.m / (np.sqrt(self.v) + self.epsilon)
# --8<-- [end:Adam]
