"""Regularisation: making a model that fits less of its training noise.

Chapter 8 shows the problem: trained long enough, a network learns its
training set's accidents, and its validation loss climbs. Three remedies,
each small in code:

* an L2 penalty on the weights, which lives on the layer
  (`Dense(..., l2=...)`, in nnbook.layers), as Keras puts it;
* `Dropout`, a layer that silences a random share of its inputs while the
  model trains, so no unit can rely on any one other;
* `EarlyStopping`, which `fit` consults after every epoch: stop when the
  watched number has not improved for `patience` epochs, and go back to the
  weights of the best epoch.
"""

import numpy as np

from . import checks
from .node import Layer, checked


# --8<-- [start:Dropout]
class Dropout(Layer):
    """Inverted dropout: zero each input with probability `rate` in training.

    The inputs that survive are divided by 1 - rate, so each input keeps
    its expected value and the layer does nothing at inference: `predict`
    and `evaluate` see every unit, unscaled. The mask comes from the
    layer's own generator (`seed`), never from NumPy's global one.

    Args:
        rate (float): Share of inputs dropped while training, in [0, 1).
        seed (int | None): Seed of the masks; None for fresh ones.

    Raises:
        ValueError: rate is outside [0, 1).
        TypeError: rate is not a number, or seed not an integer or None.
    """

    def __init__(self, rate, *, seed=None):
        self.rate = checks.fraction(rate, "rate")
        checks.seed(seed)
        self.rng = np.random.default_rng(seed)

    @checked
    def forward(self, inputs, training=False):
        """In training, inputs * mask / (1 - rate); otherwise the inputs.

        Args:
            inputs (ndarray): A (batch, features) array.
            training (bool): Drop only when True.

        Returns:
            (ndarray): Outputs shaped like the inputs.
        """
        if not training or self.rate == 0:
            self.mask = None
            return inputs
        keep = self.rng.random(inputs.shape) >= self.rate
        self.mask = keep / (1.0 - self.rate)      # 0 or 1 / (1 - rate)
        return inputs * self.mask

    @checked
    def backward(self, dvalues):
        """The gradient flows through the kept inputs, with the same scale.

        Args:
            dvalues (ndarray): dLoss/dOutputs of the last forward call.

        Returns:
            (ndarray): dLoss/dInputs.
        """
        return dvalues if self.mask is None else dvalues * self.mask
# --8<-- [end:Dropout]

    def __repr__(self):
        return f"Dropout({self.rate:g})"


# --8<-- [start:EarlyStopping]
class EarlyStopping:
    """Stop `fit` when `monitor` has not improved for `patience` epochs.

    A loss improves when it falls, an accuracy when it rises. With
    restore_best_weights the model ends with the weights of its best epoch,
    not its last, as Keras 3's callback of the same name does. After `fit`,
    `best_epoch` and `stopped_epoch` (0-based; None if it ran to the end)
    say what happened.

    Args:
        monitor (str): "val_loss" (default), "val_accuracy", "loss" or
            "accuracy": a key of fit's history.
        patience (int): Epochs without improvement before stopping, >= 1.
        restore_best_weights (bool): End with the best epoch's weights.

    Raises:
        ValueError: monitor is not one of the four names, or patience < 1.
        TypeError: restore_best_weights is not True or False.
    """

    def __init__(self, monitor="val_loss", *, patience=10,
                 restore_best_weights=True):
        checks.early_stopping_args(monitor, patience, restore_best_weights)
        self.monitor, self.patience = monitor, patience
        self.restore_best_weights = restore_best_weights
        self.sign = -1.0 if monitor.endswith("accuracy") else 1.0

    def start(self, layers):
        """Forget any earlier run; called by fit before the first epoch.

        Args:
            layers (list[Layer]): The model's layers.
        """
        self.layers, self.best, self.wait = layers, np.inf, 0
        self.best_epoch = self.stopped_epoch = None
        self.best_weights = None

    def should_stop(self, history):
        """After an epoch: remember the best, and say whether to stop.

        Args:
            history (dict): fit's history so far.

        Returns:
            (bool): True when `patience` epochs passed without improving.
        """
        epoch = len(history[self.monitor]) - 1
        value = self.sign * history[self.monitor][-1]
        if value < self.best:
            self.best, self.best_epoch, self.wait = value, epoch, 0
            if self.restore_best_weights:
                self.best_weights = [p.copy() for p in self._parameters()]
            return False
        self.wait += 1
        if self.wait >= self.patience:
            self.stopped_epoch = epoch
            return True
        return False

    def finish(self):
        """At the end of fit: put the best epoch's weights back, if asked."""
        if self.restore_best_weights and self.best_weights is not None:
            for p, best in zip(self._parameters(), self.best_weights):
                p[...] = best
# --8<-- [end:EarlyStopping]

    def _parameters(self):
        # After an epoch every layer has gradients, so parameters() answers;
        # the arrays are the optimiser's own, restored in place.
        return [param for layer in self.layers
                for param, _ in layer.parameters()]

    def __repr__(self):
        return (f"EarlyStopping({self.monitor!r}, patience={self.patience}, "
                f"restore_best_weights={self.restore_best_weights})")
