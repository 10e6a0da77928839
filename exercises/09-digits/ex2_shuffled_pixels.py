"""Exercise 9.2: shuffle the 64 pixels with one fixed permutation.

A dense layer gives each input its own weights and does not know which
pixels are neighbours. Shuffle the columns of all three sets with
np.random.default_rng(1).permutation(64), train the same model, and compare
the validation accuracy. Then write match_weights(model, order), which
permutes the rows of the first layer's initial weights the same way:
training becomes exactly the same.
The starter is ex2_shuffled_pixels_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import digits_data, digits_model
from nnbook.exercises import check

(X, y), (X_val, y_val), _ = digits_data(0)
order = np.random.default_rng(1).permutation(64)
print(X[0].reshape(8, 8).round(1))             # a digit ...
print(X[0, order].reshape(8, 8).round(1))      # ... and the same, shuffled


def match_weights(model, order):
    """Move the first layer's rows with the pixels: column j of the
    shuffled input is pixel order[j], whose weights are row order[j]."""
    first = model.layers[0]
    first.weights = first.weights[order]


check("09-2", match_weights)


def train(X_train, X_check, permute_weights=False):
    model = digits_model(0)
    if permute_weights:
        match_weights(model, order)
    history = model.fit(X_train, y, epochs=40, batch_size=32,
                        validation_data=(X_check, y_val), seed=0)
    return model, history


_, plain = train(X, X_val)
_, shuffled = train(X[:, order], X_val[:, order])
model, matched = train(X[:, order], X_val[:, order], permute_weights=True)
for name, history in (("original", plain), ("shuffled", shuffled),
                      ("shuffled, weights too", matched)):
    print(f"{name:22}: validation accuracy {history['val_accuracy'][-1]:.3f}")
# --8<-- [end:solution]

# Self-check. Shuffled pixels train about as well (0.03 is ~11 images) ...
assert not np.array_equal(order, np.arange(64))
gap = abs(plain["val_accuracy"][-1] - shuffled["val_accuracy"][-1])
assert shuffled["val_accuracy"][-1] >= 0.93 and gap <= 0.03, gap
# ... and with the first layer's rows permuted alike, every number of the
# run is the same up to rounding: the network never saw an arrangement.
np.testing.assert_allclose(matched["loss"], plain["loss"], rtol=1e-9)
gaps = np.abs(np.subtract(matched["val_accuracy"], plain["val_accuracy"]))
assert gaps.max() <= 1 / len(y_val) + 1e-12, gaps.max()   # at most one image
