"""The training loop: the book's spiral run, mini-batches, validation, CLI."""

import subprocess
import sys

import numpy as np
import pytest

from nnbook import (SGD, BinaryCrossentropy, Dense, Sequential, Sigmoid,
                    spiral, spiral_model, two_blobs)


# The book's run itself, eight seeds under several BLAS kernels, is
# tests/test_machines.py.


def test_history_records_every_epoch_and_loss_falls():
    X, y = spiral(50, 3, seed=1)
    model = spiral_model(seed=1)
    history = model.fit(X, y, epochs=200)
    assert len(history["loss"]) == len(history["accuracy"]) == 200
    assert history["loss"][-1] < 0.7 * history["loss"][0]
    assert 0.0 <= min(history["accuracy"]) <= max(history["accuracy"]) <= 1.0


def test_mini_batches_and_validation_data():
    X, y = spiral(100, 3, seed=2)
    X_val, y_val = spiral(50, 3, seed=3)
    model = spiral_model(seed=2)
    history = model.fit(X, y, epochs=30, batch_size=32,
                        validation_data=(X_val, y_val))
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert len(history["val_loss"]) == 30
    # 10 batches an epoch: the optimiser stepped 300 times.
    assert model.optimizer.iterations == 30 * 10
    assert history["val_loss"][-1] == pytest.approx(
        model.evaluate(X_val, y_val)[0], rel=1e-12)


def test_predict_returns_probabilities():
    X, y = spiral(20, 3)
    model = spiral_model()
    model.fit(X, y, epochs=5)
    probs = model.predict(X)
    assert probs.shape == (60, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-12)


def test_binary_model_with_sigmoid_learns_two_blobs():
    X, y = two_blobs(50, seed=0)
    model = Sequential([Dense(2, 1, seed=0), Sigmoid()],
                       loss=BinaryCrossentropy(), optimizer=SGD(0.5))
    history = model.fit(X, y[:, None].astype(float), epochs=200)
    assert history["accuracy"][-1] >= 0.9
    assert history["loss"][-1] < history["loss"][0]


def test_repr_shows_the_architecture():
    text = repr(spiral_model())
    assert "Dense(2 -> 64)" in text and "ReLU()" in text
    assert "Dense(64 -> 3)" in text and "Adam" in text


def test_cli_trains_the_spiral_model():
    result = subprocess.run(
        [sys.executable, "-m", "nnbook", "train", "spiral", "--epochs", "300"],
        capture_output=True, text=True, timeout=120, check=True)
    assert "accuracy" in result.stdout and "loss" in result.stdout
    assert "epoch" in result.stderr            # the tqdm progress bar


def test_importing_nnbook_loads_neither_tensorflow_nor_matplotlib():
    code = ("import sys, nnbook; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('tensorflow', 'keras', 'matplotlib')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_divergence_rule_stops_runaway_losses_but_not_a_passing_jump():
    """fit stops at a non-finite loss or one 100x the first (and over 100).

    A run resumed near a loss of 0 may jump 50-fold and recover; that must
    not count as diverged.
    """
    from nnbook import checks
    optimizer = SGD(0.1)
    checks.still_finite({"loss": [0.01, 0.5]}, optimizer)       # a jump
    checks.still_finite({"loss": [1.1, 99.0]}, optimizer)
    for losses in ([1.1, 111.0], [0.01, 150.0], [1.1, float("nan")]):
        with pytest.raises(RuntimeError, match="diverged.*smaller learning"):
            checks.still_finite({"loss": losses}, optimizer)
