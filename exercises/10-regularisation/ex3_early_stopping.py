"""Exercise 10.3: exercise 8.1 again, with EarlyStopping.

Train spiral_model(0, hidden=256) on spiral(20, 3, seed=1), validating on
spiral(100, 3, seed=7), with one call to fit and
early_stopping=EarlyStopping("val_loss", patience=50). Check that the
restored weights give the lowest validation loss of the history, that
training stopped exactly 50 epochs after the best one, and compare with
the hand-built version of chapter 8, which looked at the validation loss
only every 10 epochs.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook import EarlyStopping, spiral, spiral_model
from nnbook.exercises import check


def fit_with_early_stopping(model, X, y, validation_data):
    """One fit call that stops on val_loss and keeps the best weights."""
    stopper = EarlyStopping("val_loss", patience=50)
    history = model.fit(X, y, epochs=600, validation_data=validation_data,
                        early_stopping=stopper)
    return history, stopper


check("10-3", fit_with_early_stopping)

X, y = spiral(20, 3, seed=1)
X_val, y_val = spiral(100, 3, seed=7)
model = spiral_model(0, hidden=256)
history, stopper = fit_with_early_stopping(model, X, y, (X_val, y_val))
val_loss, val_accuracy = model.evaluate(X_val, y_val)
print(f"ran {len(history['loss'])} epochs; best epoch "
      f"{stopper.best_epoch + 1}, val_loss {val_loss:.3f}, "
      f"val_accuracy {val_accuracy:.3f}")

# Chapter 8's version only saw epochs 10, 20, 30, ...: its best epoch is
# the best of those, never better than the best of every epoch.
every_tenth = history["val_loss"][9::10]
hand_best = 10 * (int(np.argmin(every_tenth)) + 1)
print(f"checking every 10 epochs would keep epoch {hand_best}, "
      f"val_loss {min(every_tenth):.3f}")
# --8<-- [end:solution]

assert stopper.stopped_epoch - stopper.best_epoch == 50
assert len(history["loss"]) == stopper.stopped_epoch + 1 < 600
assert abs(val_loss - min(history["val_loss"])) < 1e-12
assert min(history["val_loss"]) <= min(every_tenth)
print("all checks passed")
