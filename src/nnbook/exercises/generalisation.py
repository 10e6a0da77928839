"""Checkers for chapter 8's exercises (generalisation)."""

import math

import numpy as np

from ..data import spiral
from ..recipes import spiral_model
from . import ExerciseFailed, checker, expect


def _early_stopping_run(fit_early_stopping, chunk, patience, max_epochs):
    """The reader's run on exercise 8.1's data, and what it returned."""
    X, y = spiral(20, 3, seed=1)
    validation = spiral(100, 3, seed=7)
    model = spiral_model(0, hidden=256)
    call = (f"fit_early_stopping(model, X, y, validation_data, chunk={chunk}, "
            f"patience={patience}, max_epochs={max_epochs})")
    result = fit_early_stopping(model, X, y, validation, chunk=chunk,
                                patience=patience, max_epochs=max_epochs)
    expect(isinstance(result, tuple) and len(result) == 2,
           f"{call} should return (history, best_epoch); got "
           f"{type(result).__name__}")
    history, best_epoch = result
    expect(isinstance(history, dict) and {"loss", "val_loss"} <= set(history),
           f"{call}: history should be a dict with the lists 'loss' and "
           f"'val_loss'; got {history!r:.80}")
    return model, history, best_epoch, call, (X, y, validation)


@checker("08-1", "early stopping around fit")
def early_stopping(fit_early_stopping):
    """fit_early_stopping(model, X, y, validation_data, *, chunk, patience,
    max_epochs) -> (history, best_epoch): fit in chunks, stop after
    `patience` chunks without a lower val_loss, restore the best weights."""
    expect(callable(fit_early_stopping),
           "pass your function: check('08-1', fit_early_stopping)")
    chunk, patience = 7, 4
    model, history, best_epoch, call, data = _early_stopping_run(
        fit_early_stopping, chunk, patience, 600)
    X, y, validation = data
    epochs = model.optimizer.iterations      # full batch: one step an epoch
    expect(epochs > 0, f"{call} did not train the model it was given")
    losses, val_losses = list(history["loss"]), list(history["val_loss"])
    if len(losses) != epochs or len(val_losses) != epochs:
        hint = ""
        if len(losses) == epochs // chunk:
            hint = (": one value a chunk; keep every epoch's, "
                    "history['loss'] += part['loss']")
        elif len(losses) == chunk:
            hint = ": only the last chunk's; add each chunk's to the history"
        raise ExerciseFailed(
            f"{call} trained {epochs} epochs but its history holds "
            f"{len(losses)} losses and {len(val_losses)} validation losses"
            f"{hint}")
    expect(epochs < 600, f"{call} ran all 600 epochs: after {patience} "
                         "chunks in a row without a lower validation loss it "
                         "should stop")
    whole = spiral_model(0, hidden=256).fit(X, y, epochs=epochs,
                                            validation_data=validation)
    expect(np.allclose(losses, whole["loss"], rtol=1e-9, atol=0)
           and np.allclose(val_losses, whole["val_loss"], rtol=1e-9, atol=0),
           f"{call}: the history differs from one fit of {epochs} epochs on "
           "the same data: is each chunk fit(X, y, epochs=chunk, "
           "validation_data=validation_data) on the model it was given?")
    # What it should have done, read from its own (verified) history.
    ends = np.arange(chunk, epochs + 1, chunk)
    at_ends = [val_losses[end - 1] for end in ends]
    best = int(ends[int(np.argmin(at_ends))])
    if best_epoch != best:
        hint = ""
        if best_epoch == best - 1:
            hint = (": count epochs, not indices; best_epoch is how many "
                    "epochs had run when the best weights were saved")
        elif best_epoch == int(np.argmin(val_losses)) + 1:
            hint = (": that epoch is inside a chunk, where you cannot save "
                    "weights; compare the loss at each chunk's end, "
                    "part['val_loss'][-1]")
        elif best_epoch % chunk:
            hint = (f": {best_epoch} is not the end of a chunk of {chunk} "
                    "epochs; train with the chunk and patience arguments")
        raise ExerciseFailed(
            f"{call} returned best_epoch {best_epoch}; the lowest validation "
            f"loss at the end of a chunk ({min(at_ends):.4f}) was after epoch "
            f"{best}{hint}")
    if epochs != best + patience * chunk:
        waited = (epochs - best) / chunk
        hint = f" ({waited:g} chunks after the best, not {patience})"
        raise ExerciseFailed(
            f"{call} stopped after epoch {epochs}; with the best at epoch "
            f"{best} it should stop {patience} chunks of {chunk} later, "
            f"after epoch {best + patience * chunk}{hint}")
    loss = model.evaluate(*validation)[0]
    if not math.isclose(loss, val_losses[best - 1], rel_tol=1e-9):
        hint = ""
        if math.isclose(loss, val_losses[-1], rel_tol=1e-9):
            hint = (": it still has the last weights; put the saved ones back "
                    "(saved with param.copy(): the arrays themselves keep "
                    "changing as training goes on)")
        raise ExerciseFailed(
            f"after {call} the model's validation loss is {loss:.6g}; the "
            f"restored weights of epoch {best} give {val_losses[best - 1]:.6g}"
            f"{hint}")
    # A limit reached while the validation loss still falls.
    short, history, best_epoch, call, _ = _early_stopping_run(
        fit_early_stopping, chunk, patience, 3 * chunk)
    expect(short.optimizer.iterations == 3 * chunk,
           f"{call} trained {short.optimizer.iterations} epochs; it should "
           f"stop at max_epochs={3 * chunk} even while the validation loss "
           "still falls")
    return (f"kept epoch {best}, stopped after {epochs} "
            f"(chunk={chunk}, patience={patience})")


def _rows(X):
    """The sample numbers held in column 0 of the checker's X."""
    return np.asarray(X)[:, 0].astype(int)


@checker("08-2", "a train/validation split and k-fold indices")
def split(train_validation_split, k_fold_indices):
    """train_validation_split(X, y, fraction, seed=...) shuffles X and y
    together and holds out the fraction; k_fold_indices(n, k, seed=...)
    yields k (train, val) pairs whose val parts cover 0..n-1 once."""
    expect(callable(train_validation_split) and callable(k_fold_indices),
           "pass both functions: check('08-2', train_validation_split, "
           "k_fold_indices)")
    n = 50
    X = np.column_stack([np.arange(n), np.arange(n) % 7]).astype(float)
    y = np.arange(n)                   # label i belongs to row i
    X_before, y_before = X.copy(), y.copy()
    call = "train_validation_split(X, y, 0.2, seed=1)"
    result = train_validation_split(X, y, 0.2, seed=1)
    expect(isinstance(result, tuple) and len(result) == 2
           and all(len(part) == 2 for part in result),
           f"{call} should return ((X_train, y_train), (X_val, y_val))")
    (X_train, y_train), (X_val, y_val) = result
    expect(np.array_equal(X, X_before) and np.array_equal(y, y_before),
           f"{call} changed X or y in place; leave the caller's arrays as "
           "they were and index them with a permutation instead")
    sizes = (len(X_train), len(y_train), len(X_val), len(y_val))
    if sizes != (40, 40, 10, 10):
        hint = (" (swapped: validation_fraction is the validation part's "
                "share)" if sizes == (10, 10, 40, 40) else "")
        raise ExerciseFailed(f"{call} on {n} samples gave parts of sizes "
                             f"(X_train, y_train, X_val, y_val) = {sizes}; "
                             f"expected (40, 40, 10, 10){hint}")
    train, val = _rows(X_train), _rows(X_val)
    expect(np.array_equal(np.sort(np.concatenate([train, val])), np.arange(n)),
           f"{call}: every sample should land in exactly one part, once")
    expect(np.array_equal(np.asarray(y_train), train)
           and np.array_equal(np.asarray(y_val), val),
           f"{call}: the labels no longer belong to their samples: X and y "
           "were shuffled differently; use one permutation for both")
    in_order = [np.arange(10), np.arange(40, 50)]
    expect(not any(np.array_equal(np.sort(val), part) for part in in_order),
           f"{call} held out the {'first' if val.min() == 0 else 'last'} 10 "
           "samples: shuffle first, since data such as spiral(...) come "
           "sorted by class")
    again = _rows(train_validation_split(X, y, 0.2, seed=1)[1][0])
    expect(np.array_equal(again, val),
           f"{call} twice gave two different splits: draw the order from "
           "np.random.default_rng(seed)")
    other = _rows(train_validation_split(X, y, 0.2, seed=2)[1][0])
    expect(not np.array_equal(other, val),
           "seeds 1 and 2 gave the same split: shuffle with the seed")
    share = len(train_validation_split(X, y, 0.3, seed=0)[1][0])
    expect(abs(share - 0.3 * n) < 1,
           f"train_validation_split(X, y, 0.3, seed=0) held out {share} of "
           f"{n} samples; expected 15")
    # k-fold: 23 samples in 5 folds, so the folds cannot all be equal.
    n, k = 23, 5
    call = f"k_fold_indices({n}, {k}, seed=0)"
    folds = list(k_fold_indices(n, k, seed=0))
    expect(len(folds) == k, f"{call} gave {len(folds)} pairs; expected {k}")
    vals = []
    for i, fold in enumerate(folds):
        expect(len(fold) == 2, f"{call}: fold {i} should be a pair "
                               "(train_indices, val_indices)")
        train, val = (np.asarray(part) for part in fold)
        expect(np.issubdtype(train.dtype, np.integer)
               and np.issubdtype(val.dtype, np.integer),
               f"{call}: fold {i} holds indices of dtype {train.dtype} and "
               f"{val.dtype}; they should be integers, to index X[train]")
        expect(len(np.intersect1d(train, val)) == 0,
               f"{call}: in fold {i} train and val share the indices "
               f"{np.intersect1d(train, val).tolist()}; a sample that "
               "validates must not also train")
        expect(np.array_equal(np.sort(np.concatenate([train, val])),
                              np.arange(n)),
               f"{call}: in fold {i} train and val together should hold "
               f"every index 0 to {n - 1} once")
        vals.append(val)
    every = np.concatenate(vals)
    if not np.array_equal(np.sort(every), np.arange(n)):
        hint = (f" ({len(every)} of them: the remainder of {n} / {k} was "
                "dropped; np.array_split spreads it over the folds)"
                if len(every) < n else "")
        raise ExerciseFailed(f"{call}: the validation parts together should "
                             f"hold every index 0 to {n - 1} once{hint}")
    sizes = sorted(len(val) for val in vals)
    expect(sizes[-1] - sizes[0] <= 1,
           f"{call}: the validation parts have sizes {sizes}; they should "
           "differ by at most 1")
    expect(not np.array_equal(every, np.arange(n)),
           f"{call}: the folds are runs of consecutive indices; with data "
           "sorted by class a fold would hold a single class: shuffle the "
           "indices with the seed first")
    def validation_parts(seed):
        return np.concatenate([np.asarray(val) for _, val
                               in k_fold_indices(n, k, seed=seed)])

    again = validation_parts(0)
    expect(np.array_equal(again, every),
           f"{call} twice gave different folds: draw the order from "
           "np.random.default_rng(seed)")
    other = validation_parts(1)
    expect(not np.array_equal(other, every),
           "seeds 0 and 1 gave the same folds: shuffle with the seed")
    return f"{k} folds of {n} samples, sizes {sizes}"


@checker("08-3", "batch size under a fixed budget of updates")
def batch_budget(train_with_budget):
    """train_with_budget(batch_size, updates) -> (model, epochs): exactly
    `updates` optimiser steps of `batch_size` on spiral(100, 3, seed=1)."""
    expect(callable(train_with_budget),
           "pass your function: check('08-3', train_with_budget)")
    n, updates = 300, 30
    # 120 leaves a last batch of 60: 3 updates an epoch, not 2 or 2.5.
    for batch_size in (300, 100, 120, 64):
        per_epoch = math.ceil(n / batch_size)
        want = updates // per_epoch
        call = f"train_with_budget({batch_size}, updates={updates})"
        result = train_with_budget(batch_size, updates=updates)
        expect(isinstance(result, tuple) and len(result) == 2,
               f"{call} should return (model, epochs); got "
               f"{type(result).__name__}")
        model, epochs = result
        steps = model.optimizer.iterations
        if epochs != want:
            hint = ""
            if epochs in (updates // (n // batch_size),
                          updates * batch_size // n):
                hint = (f": the last, smaller batch of "
                        f"{n - (per_epoch - 1) * batch_size} is an update "
                        f"too, so an epoch has ceil({n} / {batch_size}) = "
                        f"{per_epoch} of them")
            raise ExerciseFailed(
                f"{call} trained {epochs} epochs; {n} samples in batches of "
                f"{batch_size} give {per_epoch} updates an epoch, so "
                f"{updates} updates take {want} epochs{hint}")
        if steps != updates:
            hint = (": pass batch_size to fit; without it every epoch is a "
                    "single full-batch update"
                    if steps == epochs and per_epoch > 1 else "")
            raise ExerciseFailed(f"after {call} the optimiser counted {steps} "
                                 f"updates, expected {updates}{hint}")
    return f"{updates} updates each for batch sizes 300, 100, 120 and 64"
