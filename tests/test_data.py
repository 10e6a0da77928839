"""The synthetic data sets: shapes, dtypes, seeds, no global RNG use."""

import numpy as np
import pytest

from nnbook import spiral, two_blobs


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
