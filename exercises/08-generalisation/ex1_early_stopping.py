"""Exercise 8.1: early stopping around fit.

Train spiral_model(0, hidden=256) on spiral(20, 3, seed=1) in chunks of
10 epochs, checking the validation loss on spiral(100, 3, seed=7) after
each chunk. Keep a copy of the weights with the lowest validation loss;
stop after 5 chunks without improvement and restore those weights. Check
that training in chunks records the same history as one long fit. Then
grade the stopped model and the one trained to the end once each on a
test set, spiral(100, 3, seed=13): the validation loss chose when to
stop, so only the test set can say whether stopping paid off.
The starter is ex1_early_stopping_starter.py.
"""

# --8<-- [start:solution]
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
    best_loss, best_weights, best_epoch = np.inf, snapshot(model), 0
    history, waited = {"loss": [], "val_loss": []}, 0
    while len(history["loss"]) < max_epochs and waited < patience:
        part = model.fit(X, y, epochs=chunk, validation_data=validation_data)
        history["loss"] += part["loss"]
        history["val_loss"] += part["val_loss"]
        if part["val_loss"][-1] < best_loss:
            best_loss, best_weights = part["val_loss"][-1], snapshot(model)
            best_epoch, waited = len(history["loss"]), 0
        else:
            waited += 1
    restore(model, best_weights)
    return history, best_epoch


check("08-1", fit_early_stopping)
# --8<-- [end:solution]


X, y = spiral(20, 3, seed=1)
X_val, y_val = spiral(100, 3, seed=7)
X_test, y_test = spiral(100, 3, seed=13)     # graded once, at the end

model = spiral_model(0, hidden=256)
history, best_epoch = fit_early_stopping(model, X, y, (X_val, y_val))
stopped_at = len(history["loss"])
print(f"stopped after {stopped_at} epochs; best weights from epoch {best_epoch}")

# Full-batch fit continues exactly where the last call stopped (the
# optimiser keeps its state), so the chunks match one long run.
whole = spiral_model(0, hidden=256)
full = whole.fit(X, y, epochs=600, validation_data=(X_val, y_val))
assert np.allclose(history["loss"], full["loss"][:stopped_at], rtol=0, atol=1e-12)

# It stopped early, after the validation loss turned upwards ...
assert stopped_at < 600 and stopped_at == best_epoch + 5 * 10
assert full["val_loss"][-1] > full["val_loss"][best_epoch - 1]
# ... and the restored weights are the best ones it saw.
val_loss, _ = model.evaluate(X_val, y_val)
assert abs(val_loss - full["val_loss"][best_epoch - 1]) < 1e-12
# The validation loss did the choosing, so the test set grades: once each.
test_loss, test_accuracy = model.evaluate(X_test, y_test)
end_loss, end_accuracy = whole.evaluate(X_test, y_test)
print(f"test loss {test_loss:.3f}, accuracy {test_accuracy:.3f} "
      f"(trained to the end: {end_loss:.3f}, {end_accuracy:.3f})")
assert test_loss < end_loss
# The loss says stopping paid off; the accuracy says not yet: the model
# stopped before it had learned much of the spiral.
assert test_accuracy < end_accuracy
