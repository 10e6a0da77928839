"""Exercise 8.2: train/validation split and k-fold indices.

Write train_validation_split(X, y, validation_fraction, seed), which
shuffles the samples with the seed and returns (X_train, y_train),
(X_val, y_val); and k_fold_indices(n, k, seed), which yields k pairs
(train_indices, val_indices) whose validation parts do not overlap and
together cover every sample once. Check both, and use the split twice to
cut 300 points into training, validation and test sets (60/20/20).
The starter is ex2_split_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook.exercises import check


def train_validation_split(X, y, validation_fraction=0.2, *, seed=0):
    """Shuffle with `seed`, then hold out a fraction for validation."""
    X, y = np.asarray(X), np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(X))
    n_val = int(round(validation_fraction * len(X)))
    val, train = order[:n_val], order[n_val:]
    return (X[train], y[train]), (X[val], y[val])


def k_fold_indices(n, k, *, seed=0):
    """k (train, validation) index pairs; each sample validates once."""
    order = np.random.default_rng(seed).permutation(n)
    folds = np.array_split(order, k)          # sizes differ by at most 1
    for i, val in enumerate(folds):
        train = np.concatenate([fold for j, fold in enumerate(folds) if j != i])
        yield train, val


check("08-2", train_validation_split, k_fold_indices)
# --8<-- [end:solution]


from nnbook import spiral, spiral_model  # noqa: E402

X, y = spiral(100, 3, seed=0)
(X_train, y_train), (X_val, y_val) = train_validation_split(X, y, 0.2, seed=1)
assert len(X_train) == 240 and len(X_val) == 60
# Every sample lands in exactly one part, with its own label.
rows = np.concatenate([np.column_stack([X_train, y_train]),
                       np.column_stack([X_val, y_val])])
everything = np.column_stack([X, y])
by_row = lambda a: a[np.lexsort(a.T[::-1])]     # sort whole rows, not columns
assert np.array_equal(by_row(rows), by_row(everything))
# The same seed gives the same split; another seed a different one.
again = train_validation_split(X, y, 0.2, seed=1)[1][0]
other = train_validation_split(X, y, 0.2, seed=2)[1][0]
assert np.array_equal(again, X_val) and not np.array_equal(other, X_val)

# Three parts: take the test set out first, then split the rest again.
(X_rest, y_rest), (X_test, y_test) = train_validation_split(X, y, 0.2, seed=2)
(X_train, y_train), (X_val, y_val) = train_validation_split(X_rest, y_rest,
                                                            0.25, seed=3)
assert (len(X_train), len(X_val), len(X_test)) == (180, 60, 60)
parts = np.concatenate([X_train, X_val, X_test])
assert len(np.unique(parts, axis=0)) == len(X) == len(np.unique(X, axis=0))

seen = []
for train, val in k_fold_indices(300, 5, seed=0):
    assert len(np.intersect1d(train, val)) == 0          # no overlap
    assert len(train) + len(val) == 300                   # all used
    seen.append(val)
assert np.array_equal(np.sort(np.concatenate(seen)), np.arange(300))

# A use: 5-fold validation accuracy of a short run of the book's model.
scores = []
for train, val in k_fold_indices(len(X), 5, seed=0):
    model = spiral_model(0)
    model.fit(X[train], y[train], epochs=100)
    scores.append(model.evaluate(X[val], y[val])[1])
assert all(score > 1 / 3 for score in scores), scores
print("5-fold validation accuracy:", np.round(scores, 3))
