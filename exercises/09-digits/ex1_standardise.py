"""Exercise 9.1: standardise each pixel with the training set's statistics.

Instead of dividing by 16, subtract each pixel's training mean and divide
by its training standard deviation; pixels that are always 0 in training
(standard deviation 0) are left at 0. Check the standardised training
pixels, then train digits_model on both inputs and compare the validation
accuracy.
The starter is ex1_standardise_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import digits_data, digits_model
from nnbook.exercises import check


def standardiser(X_train):
    """A function that standardises with X_train's mean and spread."""
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)        # constant pixels: leave at 0
    return lambda X: (X - mean) / std


check("09-1", standardiser)


(X, y), (X_val, y_val), _ = digits_data(0)
scale = standardiser(X)                  # statistics of the training set only
Z, Z_val = scale(X), scale(X_val)

results = {}
for name, (train, val) in {"divided by 16": (X, X_val),
                           "standardised": (Z, Z_val)}.items():
    model = digits_model(0)
    history = model.fit(train, y, epochs=40, batch_size=32,
                        validation_data=(val, y_val), seed=0)
    results[name] = history
    print(f"{name:14}: first-epoch loss {history['loss'][0]:.3f}, "
          f"validation accuracy {history['val_accuracy'][-1]:.3f}")
# --8<-- [end:solution]

# Self-check. Every training pixel has mean 0 and spread 1, or is always 0.
constant = X.std(axis=0) == 0
assert constant.sum() >= 1                    # there are always-empty pixels
assert np.allclose(Z.mean(axis=0), 0, atol=1e-12)
assert np.allclose(Z.std(axis=0)[~constant], 1)
assert np.all(Z[:, constant] == 0)
# The validation set is scaled with the training set's numbers, so its
# means are near 0 but not exactly 0: it did not see its own statistics.
assert 0 < np.abs(Z_val.mean(axis=0)).max() < 1
# Both inputs train well; neither is far ahead (0.03 is about 11 images).
accuracies = [h["val_accuracy"][-1] for h in results.values()]
assert min(accuracies) >= 0.93, accuracies
assert abs(accuracies[0] - accuracies[1]) <= 0.03, accuracies
