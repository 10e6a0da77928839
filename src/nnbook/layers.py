"""The dense (fully connected) layer.

Every neuron of a dense layer takes a weighted sum of all its inputs and adds
its bias. Stacking the neurons' weights as columns of one matrix turns a whole
layer, for a whole batch, into one matrix product: outputs = inputs @ W + b.
"""

import numpy as np

from . import checks
from .node import Layer, checked


class Dense(Layer):
    """A fully connected layer: `n_inputs` features in, `n_neurons` out.

    weights has shape (n_inputs, n_neurons), one column per neuron;
    biases has shape (1, n_neurons) so that it broadcasts over the batch.
    `seed` makes the random initial weights repeatable; `scale` is their
    standard deviation (default sqrt(2 / n_inputs), He initialisation).
    `l2` > 0 adds the penalty l2 * sum(weights ** 2) to the loss, as Keras'
    kernel_regularizer=L2(l2) does, and its gradient 2 * l2 * weights to
    dweights (chapter 10).

    Args:
        n_inputs (int): Features per sample coming in.
        n_neurons (int): Outputs per sample: one per neuron.
        seed (int | None): Seed of the initial weights; None for fresh ones.
        scale (float | None): Their standard deviation; None for He's.
        l2 (float): Strength of the L2 penalty on the weights, >= 0.

    Raises:
        ValueError: A size is not a positive integer, scale is not > 0, or
            l2 is negative.
        TypeError: seed is not a non-negative integer or None.
    """

    # --8<-- [start:init]
    def __init__(self, n_inputs, n_neurons, *, seed=None, scale=None, l2=0.0):
        checks.layer_size(n_inputs, n_neurons, seed, scale)
        self.l2 = checks.positive_number(l2, "l2", allow_zero=True)
        rng = np.random.default_rng(seed)
        # Random weights break the symmetry between neurons: with equal
        # weights every neuron would compute, and learn, the same thing.
        # Their size matters too. By default we use He initialisation:
        # standard deviation sqrt(2 / n_inputs) keeps the spread of the
        # outputs about the same from layer to layer under ReLU, neither
        # growing nor fading. Pass scale=0.01 for the NNFS book's choice.
        if scale is None:
            scale = np.sqrt(2.0 / n_inputs)
        self.weights = scale * rng.standard_normal((n_inputs, n_neurons))
        self.biases = np.zeros((1, n_neurons))
    # --8<-- [end:init]

    # --8<-- [start:forward]
    @checked
    def forward(self, inputs, training=False):
        """Outputs for a batch: inputs (batch, n_inputs) @ weights + biases.

        Args:
            inputs (ndarray): A (batch, n_inputs) array.
            training (bool): Unused: a dense layer always does the same.

        Returns:
            (ndarray): The (batch, n_neurons) outputs.
        """
        self.inputs = inputs
        return inputs @ self.weights + self.biases
    # --8<-- [end:forward]

    # --8<-- [start:backward]
    @checked
    def backward(self, dvalues):
        """Gradients from dvalues = dLoss/dOutputs, shape (batch, n_neurons).

        Sets dweights and dbiases (same shapes as weights and biases) and
        returns dLoss/dInputs for the layer below.

        Args:
            dvalues (ndarray): dLoss/dOutputs of the last forward call.

        Returns:
            (ndarray): dLoss/dInputs, shape (batch, n_inputs).
        """
        ones = np.ones((1, len(dvalues)))
        self.dweights = self.inputs.T @ dvalues     # X^T delta
        self.dbiases = ones @ dvalues               # 1^T delta: the batch sum
        if self.l2:
            self.dweights += 2 * self.l2 * self.weights   # d(l2 sum W^2)/dW
        return dvalues @ self.weights.T             # delta W^T
    # --8<-- [end:backward]

    # --8<-- [start:penalty]
    def penalty(self):
        """The L2 penalty l2 * sum(weights ** 2) (0 when l2 is 0).

        Returns:
            (float): What this layer adds to the loss.
        """
        return self.l2 * float(np.sum(self.weights ** 2)) if self.l2 else 0.0
    # --8<-- [end:penalty]

    def parameters(self):
        """(parameter, gradient) pairs, in a fixed order, for an optimiser.

        Returns:
            (list[tuple[ndarray, ndarray]]): (weights, dweights) and
                (biases, dbiases).

        Raises:
            RuntimeError: backward has not run yet, so there are no gradients.
        """
        if not hasattr(self, "dweights"):
            raise RuntimeError(
                f"{self!r} has no gradients yet: call backward() before "
                "the optimiser's step()"
            )
        return [(self.weights, self.dweights), (self.biases, self.dbiases)]

    def __repr__(self):
        n_inputs, n_neurons = self.weights.shape
        l2 = f", l2={self.l2:g}" if getattr(self, "l2", 0.0) else ""
        return f"Dense({n_inputs} -> {n_neurons}{l2})"

    def check_forward(self, inputs, training=False):
        """Layer's checks, and inputs of width n_inputs for these weights.

        Args:
            inputs (array_like): What forward was given.
            training (bool): What forward was given.

        Returns:
            (tuple): (inputs as a float64 array, training), for forward.

        Raises:
            ValueError: inputs of another width, or weights and biases set
                by hand that do not fit together.
        """
        checks.dense_parameters(self)          # set by hand, perhaps
        inputs, training = super().check_forward(inputs, training)
        if inputs.shape[1] != self.weights.shape[0]:
            raise ValueError(
                f"{self!r} expects inputs of shape (batch, "
                f"{self.weights.shape[0]}); got shape {inputs.shape}"
            )
        return inputs, training
