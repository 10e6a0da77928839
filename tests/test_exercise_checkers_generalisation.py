"""Chapter 8's checkers name the usual mistakes.

The checkers are in nnbook.exercises.generalisation.
"""

import math
from pathlib import Path

import numpy as np
import pytest

from nnbook import spiral, spiral_model
from nnbook.exercises import ExerciseFailed, check

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "exercises" / "08-generalisation"


def _solution(name, stop):
    """The names a solution defines before `stop` (its check and its run)."""
    source = (FOLDER / name).read_text(encoding="utf-8").split(stop)[0]
    scope = {"__name__": "solution"}
    exec(compile(source, name, "exec"), scope)
    return scope


@pytest.fixture(scope="module")
def early():
    return _solution("ex1_early_stopping.py", 'check("08-1"')


@pytest.fixture(scope="module")
def split():
    return _solution("ex2_split.py", 'check("08-2"')


def _early_stopping(early, *, late=False, keep_last=False,
                    one_per_chunk=False):
    """The solution's loop with one of the usual mistakes."""
    snapshot, restore = early["snapshot"], early["restore"]

    def fit_early_stopping(model, X, y, validation_data, *, chunk=10,
                           patience=5, max_epochs=600):
        best_loss, best_weights, best_epoch = np.inf, snapshot(model), 0
        history, waited, epochs = {"loss": [], "val_loss": []}, 0, 0
        while epochs < max_epochs and waited < patience + late:
            part = model.fit(X, y, epochs=chunk,
                             validation_data=validation_data)
            epochs += chunk
            for key in history:
                history[key] += part[key][-1:] if one_per_chunk else part[key]
            if part["val_loss"][-1] < best_loss:
                best_loss, best_weights = part["val_loss"][-1], snapshot(model)
                best_epoch, waited = epochs, 0
            else:
                waited += 1
        if not keep_last:
            restore(model, best_weights)
        return history, best_epoch

    return fit_early_stopping


def test_stopping_a_chunk_late_is_named(early):
    with pytest.raises(ExerciseFailed, match=r"after epoch 70 \(5 chunks "
                                             r"after the best, not 4\)"):
        check("08-1", _early_stopping(early, late=True))


def test_keeping_the_last_weights_is_named(early):
    with pytest.raises(ExerciseFailed, match="it still has the last weights"):
        check("08-1", _early_stopping(early, keep_last=True))


def test_one_loss_a_chunk_is_named(early):
    with pytest.raises(ExerciseFailed, match="one value a chunk"):
        check("08-1", _early_stopping(early, one_per_chunk=True))


def test_a_split_that_shuffles_x_and_y_apart_is_named(split):
    def two_orders(X, y, validation_fraction=0.2, *, seed=0):
        rng = np.random.default_rng(seed)
        X, y = X[rng.permutation(len(X))], y[rng.permutation(len(y))]
        n_val = round(validation_fraction * len(X))
        return (X[n_val:], y[n_val:]), (X[:n_val], y[:n_val])

    with pytest.raises(ExerciseFailed, match="X and y were shuffled "
                                             "differently"):
        check("08-2", two_orders, split["k_fold_indices"])


def test_a_split_that_does_not_shuffle_or_swaps_the_parts(split):
    def last_part(X, y, validation_fraction=0.2, *, seed=0):
        n_val = round(validation_fraction * len(X))
        return (X[:-n_val], y[:-n_val]), (X[-n_val:], y[-n_val:])

    with pytest.raises(ExerciseFailed, match="held out the last 10 samples: "
                                             "shuffle first"):
        check("08-2", last_part, split["k_fold_indices"])

    def swapped(X, y, validation_fraction=0.2, *, seed=0):
        train, val = split["train_validation_split"](X, y, validation_fraction,
                                                     seed=seed)
        return val, train

    with pytest.raises(ExerciseFailed, match="swapped"):
        check("08-2", swapped, split["k_fold_indices"])


def test_folds_that_drop_the_remainder_are_named(split):
    def equal_folds(n, k, *, seed=0):
        order = np.random.default_rng(seed).permutation(n)
        size = n // k
        for i in range(k):
            val = order[i * size:(i + 1) * size]
            yield np.setdiff1d(order, val), val

    with pytest.raises(ExerciseFailed, match="the remainder of 23 / 5 was "
                                             "dropped"):
        check("08-2", split["train_validation_split"], equal_folds)


def _budget(epochs_for, *, batched=True):
    def train_with_budget(batch_size, updates=600):
        X, y = spiral(100, 3, seed=1)
        epochs = epochs_for(len(X), batch_size, updates)
        model = spiral_model(0)
        model.fit(X, y, epochs=epochs,
                  batch_size=batch_size if batched else None)
        return model, epochs
    return train_with_budget


def test_a_budget_that_forgets_the_last_smaller_batch_is_named():
    floor = _budget(lambda n, b, updates: updates // (n // b))
    with pytest.raises(ExerciseFailed, match=r"the last, smaller batch of 60 "
                                             r"is an update too"):
        check("08-3", floor)


def test_a_budget_trained_full_batch_is_told_to_pass_batch_size():
    full = _budget(lambda n, b, updates: updates // math.ceil(n / b),
                   batched=False)
    with pytest.raises(ExerciseFailed, match="pass batch_size to fit"):
        check("08-3", full)
