"""The data: synthetic sets, the digits, the stratified split.

Shapes, dtypes, seeds, no global RNG use; the digits come from the copy in
scikit-learn and are imported only when asked for.
"""

import numpy as np
import pytest

import subprocess
import sys

from nnbook import digits, spiral, stratified_split, two_blobs


def test_spiral_shapes_and_dtypes():
    X, y = spiral(100, 3)
    assert X.shape == (300, 2) and X.dtype == np.float64
    assert y.shape == (300,) and y.dtype == np.int64
    np.testing.assert_array_equal(np.bincount(y), [100, 100, 100])
    # Points lie within the unit disc (radius <= 1).
    assert np.hypot(X[:, 0], X[:, 1]).max() <= 1.0 + 1e-12


def test_spiral_is_seeded_and_seeds_differ():
    a, _ = spiral(50, 2, seed=5)
    b, _ = spiral(50, 2, seed=5)
    c, _ = spiral(50, 2, seed=6)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_noise_zero_gives_clean_arms():
    X, y = spiral(20, 3, noise=0.0)
    radius = np.linspace(1 / 20, 1, 20)      # one step out from the centre
    np.testing.assert_allclose(np.hypot(X[y == 1, 0], X[y == 1, 1]), radius)


def test_generators_leave_global_rng_alone():
    np.random.seed(42)
    expected = np.random.random()
    np.random.seed(42)
    spiral(10, 3)
    two_blobs(10)
    assert np.random.random() == expected


def test_two_blobs():
    X, y = two_blobs(40, seed=1)
    assert X.shape == (80, 2) and X.dtype == np.float64
    assert set(np.unique(y)) == {0, 1} and y.dtype == np.int64
    # Class 0 sits left of class 1 on average.
    assert X[y == 0, 0].mean() < 0 < X[y == 1, 0].mean()


@pytest.mark.parametrize("args", [(0, 3), (10, 0), (2.5, 3)])
def test_bad_sizes_raise(args):
    with pytest.raises(ValueError, match="must be a positive integer"):
        spiral(*args)


def test_digits_are_the_uci_images():
    images, labels = digits()
    assert images.shape == (1797, 8, 8) and images.dtype == np.float64
    assert labels.shape == (1797,) and labels.dtype == np.int64
    assert images.min() == 0 and images.max() == 16
    np.testing.assert_array_equal(images, np.round(images))   # ink counts
    counts = np.bincount(labels)
    assert len(counts) == 10 and counts.min() >= 174 and counts.max() <= 183


def test_import_nnbook_does_not_import_scikit_learn():
    code = ("import sys, nnbook; "
            "assert 'sklearn' not in sys.modules, 'imported at import time'; "
            "nnbook.digits(); assert 'sklearn' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_digits_without_scikit_learn_names_what_to_install():
    code = ("import sys; sys.modules['sklearn'] = None; import nnbook\n"
            "try:\n    nnbook.digits()\nexcept ModuleNotFoundError as e:\n"
            "    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], check=True,
                         capture_output=True, text=True).stdout
    assert "scikit-learn, which is not installed" in out
    assert "pip install 'nnbook[data]'" in out


def test_split_is_stratified_disjoint_complete_and_seeded():
    images, labels = digits()
    X = images.reshape(len(images), -1)
    rows = {row.tobytes(): i for i, row in enumerate(X)}
    parts = stratified_split(X, labels, (0.6, 0.2, 0.2), seed=3)
    assert [len(y) for _, y in parts] == [1078, 360, 359]
    whole = np.bincount(labels) / len(labels)
    seen = []
    for X_part, y_part in parts:
        # Each part holds every class in the same share as the whole,
        # to within one sample of that class's exact share.
        share = np.bincount(y_part, minlength=10)
        np.testing.assert_allclose(share, whole * len(y_part), atol=1.5)
        # Rows keep their labels.
        index = [rows[row.tobytes()] for row in X_part]
        np.testing.assert_array_equal(labels[index], y_part)
        seen.extend(index)
    # Disjoint and complete (the digits hold a few identical images, so
    # count positions, not distinct rows).
    assert len(seen) == len(X)
    again = stratified_split(X, labels, (0.6, 0.2, 0.2), seed=3)
    other = stratified_split(X, labels, (0.6, 0.2, 0.2), seed=4)
    for (a, ya), (b, yb) in zip(parts, again):
        np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(ya, yb)
    assert not np.array_equal(parts[2][0], other[2][0])


def test_split_parts_are_shuffled_not_sorted_by_class():
    X, y = spiral(100, 3)
    (X_a, y_a), (X_b, y_b) = stratified_split(X, y, (0.5, 0.5))
    assert len(y_a) == len(y_b) == 150
    assert np.any(np.diff(y_a) < 0)          # classes are mixed
