"""A sequential model and its training loop.

Training repeats four steps: forward pass, loss, backward pass, optimiser
step. `Sequential` writes them down once so that the chapters can call
`model.fit(X, y, epochs=...)` the way Keras readers expect.
"""

import numpy as np

from . import _validate as check
from .activations import softmax
from .losses import SoftmaxCategoricalCrossEntropy
from .metrics import accuracy


class Sequential:
    """Layers applied in order, trained with one loss and one optimiser.

    With `SoftmaxCategoricalCrossEntropy` the last layer outputs logits and
    the loss applies softmax; `predict` then applies softmax too, so it
    always returns probabilities.
    """

    def __init__(self, layers, *, loss, optimizer):
        self.layers = list(layers)
        self.loss = loss
        self.optimizer = optimizer

    # --8<-- [start:forward_backward]
    def forward(self, inputs):
        for layer in self.layers:
            inputs = layer.forward(inputs)
        return inputs

    def backward(self, dvalues):
        for layer in reversed(self.layers):
            dvalues = layer.backward(dvalues)
        return dvalues
    # --8<-- [end:forward_backward]

    # --8<-- [start:train_step]
    def train_step(self, X, y):
        """One update from one batch; returns the batch loss and outputs."""
        outputs = self.forward(X)
        loss = self.loss.forward(outputs, y)
        if isinstance(self.loss, SoftmaxCategoricalCrossEntropy):
            dvalues = self.loss.backward()      # (softmax - y) / n
        else:
            dvalues = self.loss.backward(outputs, y)
        self.backward(dvalues)
        self.optimizer.step(self.layers)
        return loss, outputs
    # --8<-- [end:train_step]

    # --8<-- [start:fit]
    def fit(self, X, y, *, epochs, batch_size=None, validation_data=None,
            seed=0, progress=False):
        """Train for `epochs` passes over (X, y); return the history.

        batch_size=None uses the whole set as one batch. Otherwise samples
        are shuffled every epoch (with `seed`) and cut into mini-batches.
        history["loss"] and history["accuracy"] hold one value per epoch
        (sample-weighted means over the batches); with validation_data also
        "val_loss" and "val_accuracy", measured after each epoch.
        """
        X, y = check.as_float_array(X, "X", ndim=2), np.asarray(y)
        n = len(X)
        batch_size = n if batch_size is None else batch_size
        _check_fit_args(y, n, epochs, batch_size)
        rng = np.random.default_rng(seed)
        history = {"loss": [], "accuracy": []}
        if validation_data is not None:
            history.update(val_loss=[], val_accuracy=[])
        for _ in _epochs(epochs, progress, history):
            total_loss = total_correct = 0.0
            for X_batch, y_batch in _batches(X, y, batch_size, rng):
                loss, outputs = self.train_step(X_batch, y_batch)
                total_loss += loss * len(X_batch)
                total_correct += accuracy(y_batch, outputs) * len(X_batch)
            history["loss"].append(total_loss / n)
            history["accuracy"].append(total_correct / n)
            if validation_data is not None:
                val_loss, val_accuracy = self.evaluate(*validation_data)
                history["val_loss"].append(val_loss)
                history["val_accuracy"].append(val_accuracy)
        return history
    # --8<-- [end:fit]

    # --8<-- [start:predict]
    def predict(self, X):
        """Outputs for X; probabilities when the loss applies softmax."""
        outputs = self.forward(X)
        if isinstance(self.loss, SoftmaxCategoricalCrossEntropy):
            outputs = softmax(outputs)
        return outputs

    def evaluate(self, X, y):
        """(loss, accuracy) on data the model does not train on."""
        outputs = self.forward(X)
        return self.loss.forward(outputs, y), accuracy(y, outputs)
    # --8<-- [end:predict]

    def __repr__(self):
        inner = ",\n".join(f"    {layer!r}" for layer in self.layers)
        optimizer = ("None" if self.optimizer is None
                     else f"{type(self.optimizer).__name__}()")
        return (f"Sequential([\n{inner},\n], loss="
                f"{type(self.loss).__name__}(), optimizer={optimizer})")


def _batches(X, y, batch_size, rng):
    """Yield (X, y) mini-batches in a fresh random order; whole set if it fits."""
    n = len(X)
    if batch_size >= n:
        yield X, y                      # full batch: no shuffle, no copies
        return
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        batch = order[start:start + batch_size]
        yield X[batch], y[batch]


def _check_fit_args(y, n, epochs, batch_size):
    if len(y) != n:
        raise ValueError(
            f"X and y must have the same number of samples; got {n} and "
            f"{len(y)}"
        )
    check.check_positive_int(epochs, "epochs")
    check.check_positive_int(batch_size, "batch_size")


def _epochs(epochs, progress, history):
    """range(epochs), with a tqdm progress bar showing loss when asked."""
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
