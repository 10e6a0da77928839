"""Exercise 8.3: batch size under a fixed budget of updates.

With 600 updates in total, train spiral_model(0) on spiral(100, 3, seed=1)
with batch sizes 300 (the whole set), 100, 30 and 10. Work out how many
epochs each needs, check that the optimiser really counted 600 updates,
and compare the validation loss and accuracy on spiral(100, 3, seed=7).
The starter is ex3_batch_budget_starter.py.
"""

# --8<-- [start:solution]
import math

from nnbook import spiral, spiral_model
from nnbook.exercises import check


def train_with_budget(batch_size, updates=600):
    """Train for `updates` steps of `batch_size`; return model and epochs."""
    X, y = spiral(100, 3, seed=1)
    per_epoch = math.ceil(len(X) / batch_size)     # updates in one epoch
    epochs = updates // per_epoch
    model = spiral_model(0)
    model.fit(X, y, epochs=epochs, batch_size=batch_size)
    return model, epochs


check("08-3", train_with_budget)
# --8<-- [end:solution]


X_val, y_val = spiral(100, 3, seed=7)
results = {}
for batch_size in (300, 100, 30, 10):
    model, epochs = train_with_budget(batch_size)
    assert model.optimizer.iterations == 600, model.optimizer.iterations
    results[batch_size] = (epochs, *model.evaluate(X_val, y_val))
    print(f"batch {batch_size:3}: {epochs:3} epochs, val_loss "
          f"{results[batch_size][1]:.3f}, val_accuracy {results[batch_size][2]:.3f}")

assert [results[b][0] for b in (300, 100, 30, 10)] == [600, 200, 60, 20]
# Every run learned something: clearly above the 1/3 of guessing.
assert all(acc > 0.4 for _, _, acc in results.values()), results
# With the number of updates fixed, a bigger batch (a better estimate of
# the gradient per update) did better here; mini-batches win per epoch.
val_losses = [results[b][1] for b in (300, 100, 30, 10)]
assert val_losses == sorted(val_losses), val_losses
