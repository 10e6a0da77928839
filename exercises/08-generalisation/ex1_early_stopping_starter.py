"""Exercise 8.1, the starter: write fit_early_stopping, then run it.

snapshot and restore are given. check("08-1", fit_early_stopping) says
what is still wrong; the solution, which also grades both models on the
test set, is ex1_early_stopping.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook import spiral, spiral_model
from nnbook.exercises import check


def snapshot(model):
    """Copies of every weight and bias array, in layer order."""
    return [param.copy() for layer in model.layers
            if hasattr(layer, "weights")
            for param in (layer.weights, layer.biases)]


def restore(model, saved):
    params = [param for layer in model.layers if hasattr(layer, "weights")
              for param in (layer.weights, layer.biases)]
    for param, value in zip(params, saved):
        param[...] = value


def fit_early_stopping(model, X, y, validation_data, *, chunk=10,
                       patience=5, max_epochs=600):
    """Train in chunks; stop when val_loss stops improving; keep the best."""
    # Call model.fit(X, y, epochs=chunk, validation_data=validation_data)
    # until `patience` chunks in a row bring no lower validation loss (or
    # max_epochs have run); keep a snapshot of the best weights and restore
    # it at the end. Return ({"loss": [...], "val_loss": [...]}, the epoch
    # after which the best weights were saved).
    raise NotImplementedError("fit_early_stopping")


check("08-1", fit_early_stopping)
# --8<-- [end:starter]
