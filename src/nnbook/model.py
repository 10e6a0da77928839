"""A sequential model and its training loop.

Training repeats four steps: forward pass, loss, backward pass, optimiser
step. `Sequential` writes them down once so that the chapters can call
`model.fit(X, y, epochs=...)` the way Keras readers expect.
"""

import numpy as np

from . import checks
from .metrics import accuracy
from .node import unchecked


class Sequential:
    """Layers applied in order, trained with one loss and one optimiser.

    Every layer keeps the node contract of `nnbook.node.Layer` and the loss
    that of `nnbook.node.Loss`, so the model never asks what kind of layer
    or loss it holds: `predict` lets the loss say how outputs become
    probabilities (softmax for `SoftmaxCategoricalCrossentropy`).

    Args:
        layers (list[Layer]): The layers, first to last.
        loss (Loss): The last node, e.g. SoftmaxCategoricalCrossentropy().
        optimizer (Optimizer | None): E.g. Adam(); None for a model that
            only predicts.

    Raises:
        TypeError: Keras' names ("adam"), classes instead of instances, or
            anything that is not an nnbook layer, loss or optimiser.
        ValueError: Dense sizes that do not chain, a loss that cannot
            follow the last layer, or an optimiser of another model.
    """

    def __init__(self, layers, *, loss, optimizer=None):
        self.layers, self.loss, self.optimizer = checks.model_parts(
            layers, loss, optimizer)

    # --8<-- [start:forward_backward]
    def forward(self, inputs, training=False):
        """Each layer's forward, in order.

        Args:
            inputs (array_like): A (batch, features) array.
            training (bool): True while the model learns.

        Returns:
            (ndarray): The last layer's outputs.
        """
        for layer in self.layers:
            inputs = layer.forward(inputs, training)
        return inputs

    def backward(self, dvalues):
        """Each layer's backward, last to first; sets their gradients.

        Args:
            dvalues (ndarray): dLoss/dOutputs of the last forward call.

        Returns:
            (ndarray): dLoss/dInputs.
        """
        for layer in reversed(self.layers):
            dvalues = layer.backward(dvalues)
        return dvalues
    # --8<-- [end:forward_backward]

    # --8<-- [start:train_step]
    def train_step(self, X, y):
        """One update from one batch; returns the batch loss and outputs.

        Args:
            X (array_like): The batch, (batch, features).
            y (array_like): Its labels, as the loss takes them.

        Returns:
            (tuple[float, ndarray]): The loss and the model's outputs.

        Raises:
            ValueError: No optimiser, or one that serves another model.
        """
        checks.ready_to_train(self)      # an optimiser, serving this model
        outputs = self.forward(X, training=True)
        loss = self.loss.forward(outputs, y) + self.penalty()
        self.backward(self.loss.backward())
        self.optimizer.step(self.layers)
        return loss, outputs
    # --8<-- [end:train_step]

    # --8<-- [start:penalty]
    def penalty(self):
        """What the layers add to the loss: their L2 penalties (chapter 10).

        Returns:
            (float): The sum of every layer's penalty(); 0 without any.
        """
        return sum(layer.penalty() for layer in self.layers)
    # --8<-- [end:penalty]

    # --8<-- [start:fit]
    def fit(self, X, y, *, epochs, batch_size=None, validation_data=None,
            seed=0, progress=False, early_stopping=None):
        """Train for `epochs` passes over (X, y); return the history.

        batch_size=None uses the whole set as one batch. Otherwise samples
        are shuffled every epoch (with `seed`) and cut into mini-batches.
        history["loss"] and history["accuracy"] hold one value per epoch
        (sample-weighted means over the batches); with validation_data also
        "val_loss" and "val_accuracy", measured after each epoch. The loss
        includes the layers' L2 penalties, as Keras reports it. With
        early_stopping, training may end before `epochs` (chapter 10).

        Args:
            X (array_like): Training inputs, (n, features).
            y (array_like): Their labels, as the loss takes them.
            epochs (int): Passes over the data.
            batch_size (int | None): Samples per update; None for all.
            validation_data (tuple | None): (X_val, y_val), or None.
            seed (int | None): Seed of the shuffling.
            progress (bool): Show a tqdm progress bar.
            early_stopping (EarlyStopping | None): Stop when its metric
                stops improving, and restore the best weights if it says so.

        Returns:
            (dict[str, list[float]]): The history, one value per epoch.

        Raises:
            ValueError: Data that does not suit the model or its loss.
            TypeError: Arguments of the wrong kind (checked before training).
            RuntimeError: The loss became NaN, or 100 times the first
                epoch's and over 100: the run diverged.
        """
        data = checks.fit_args(self, X, y, epochs, batch_size,
                               validation_data, seed, progress)
        checks.early_stopping_fits(early_stopping, validation_data)
        X, targets, labels, validation_data = data   # checked once, here
        n = len(X)
        batch_size = n if batch_size is None else batch_size
        rng = np.random.default_rng(seed)
        history = {"loss": [], "accuracy": []}
        if validation_data is not None:
            history.update(val_loss=[], val_accuracy=[])
        with unchecked():                # no checks per step from here on
            for epoch in epoch_range(epochs, progress, history):
                total_loss = total_correct = 0.0
                for batch in batch_indices(n, batch_size, rng):
                    loss, outputs = self.train_step(X[batch], targets[batch])
                    total_loss += loss * len(outputs)
                    total_correct += accuracy(labels[batch], outputs) \
                        * len(outputs)
                history["loss"].append(total_loss / n)
                history["accuracy"].append(total_correct / n)
                checks.still_finite(history, self.optimizer)
                if validation_data is not None:
                    X_val, val_targets, val_labels = validation_data
                    outputs = self.forward(X_val)
                    history["val_loss"].append(
                        self.loss.forward(outputs, val_targets)
                        + self.penalty())
                    history["val_accuracy"].append(
                        accuracy(val_labels, outputs))
                if early_stopping is not None:
                    if epoch == 0:
                        early_stopping.start(self.layers)
                    if early_stopping.should_stop(history):
                        break
            if early_stopping is not None:
                early_stopping.finish()
        return history
    # --8<-- [end:fit]

    # --8<-- [start:predict]
    def predict(self, X):
        """Probabilities for X, as the loss turns outputs into them.

        Args:
            X (array_like): Inputs, (n, features).

        Returns:
            (ndarray): One row of probabilities per sample.
        """
        return self.loss.probabilities(self.forward(X))

    def evaluate(self, X, y):
        """(loss, accuracy) on data the model does not train on.

        The loss includes the layers' L2 penalties, as Keras' does.

        Args:
            X (array_like): Inputs, (n, features).
            y (array_like): Their labels.

        Returns:
            (tuple[float, float]): The mean loss and the accuracy.
        """
        checks.evaluate_args(self, X, y)
        outputs = self.forward(X)
        return (self.loss.forward(outputs, y) + self.penalty(),
                accuracy(y, outputs))
    # --8<-- [end:predict]

    def __repr__(self):
        inner = ",\n".join(f"    {layer!r}" for layer in self.layers)
        optimizer = ("None" if self.optimizer is None
                     else f"{type(self.optimizer).__name__}()")
        return (f"Sequential([\n{inner},\n], loss="
                f"{type(self.loss).__name__}(), optimizer={optimizer})")


# --8<-- [start:batch_indices]
def batch_indices(n, batch_size, rng):
    """Index the mini-batches of one epoch: a fresh random order each time.

    With one batch for the whole set, yield a slice: no shuffle, no copies.

    Args:
        n (int): Number of samples.
        batch_size (int): Samples per batch; the last batch may be smaller.
        rng (numpy.random.Generator): Draws the order of the samples.

    Yields:
        (ndarray | slice): The indices of one batch, in order.
    """
    if batch_size >= n:
        yield slice(None)
        return
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        yield order[start:start + batch_size]
# --8<-- [end:batch_indices]


def epoch_range(epochs, progress, history):
    """range(epochs), with a tqdm progress bar showing the loss when asked.

    Args:
        epochs (int): Number of epochs.
        progress (bool): Show a progress bar.
        history (dict): fit's history, read for the bar's loss and accuracy.

    Returns:
        (iterable): The epoch numbers 0 .. epochs - 1.
    """
    if not progress:
        return range(epochs)
    from tqdm.auto import tqdm
    return _ProgressEpochs(tqdm(range(epochs), unit="epoch"), history)


class _ProgressEpochs:
    def __init__(self, bar, history):
        self.bar, self.history = bar, history

    def __iter__(self):
        for epoch in self.bar:
            yield epoch
            if epoch % 100 == 0 or epoch == self.bar.total - 1:
                self.bar.set_postfix(loss=f"{self.history['loss'][-1]:.4f}",
                                     acc=f"{self.history['accuracy'][-1]:.3f}")
