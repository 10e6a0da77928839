"""Small synthetic data sets for the book's examples.

Every generator takes a `seed` and draws from its own
`numpy.random.default_rng(seed)`, so examples are repeatable and never touch
NumPy's global random state.
"""

import numpy as np

from . import checks


# --8<-- [start:spiral]
def spiral(samples_per_class, classes, *, noise=0.2, seed=0):
    """Interleaved spiral arms, one per class: not separable by a line.

    Each arm starts one step out from the centre, not at it, so no two
    points of different classes coincide.

    Args:
        samples_per_class (int): Points on each arm.
        classes (int): Arms, one per class.
        noise (float): Standard deviation of the angle's noise, >= 0.
        seed (int | None): Seed of the noise; None for fresh noise.

    Returns:
        (tuple[ndarray, ndarray]): X, float64 of shape (n, 2), and y,
            int64 labels 0..classes-1 of shape (n,), n = samples_per_class
            * classes.
    """
    checks.spiral_args(samples_per_class, classes, noise, seed)
    rng = np.random.default_rng(seed)
    X, y = [], []
    for k in range(classes):
        step = 1.0 / samples_per_class
        radius = np.linspace(step, 1.0, samples_per_class)
        angle = np.linspace(4.0 * k, 4.0 * (k + 1), samples_per_class)
        angle = angle + noise * rng.standard_normal(samples_per_class)
        X.append(np.column_stack([radius * np.sin(2.5 * angle),
                                  radius * np.cos(2.5 * angle)]))
        y.append(np.full(samples_per_class, k, dtype=np.int64))
    return np.concatenate(X), np.concatenate(y)
# --8<-- [end:spiral]


# --8<-- [start:two_blobs]
def two_blobs(samples_per_class, *, distance=2.0, spread=0.7, seed=0):
    """Two round clouds of points, class 0 and class 1: the binary example.

    Args:
        samples_per_class (int): Points in each cloud.
        distance (float): Between the centres, (-distance/2, 0) and
            (+distance/2, 0); >= 0.
        spread (float): Standard deviation of each cloud, >= 0.
        seed (int | None): Seed of the points; None for fresh ones.

    Returns:
        (tuple[ndarray, ndarray]): X, float64 of shape (n, 2), and y,
            int64 in {0, 1} of shape (n,), n = 2 * samples_per_class.
    """
    checks.two_blobs_args(samples_per_class, distance, spread, seed)
    rng = np.random.default_rng(seed)
    centres = np.array([[-distance / 2, 0.0], [distance / 2, 0.0]])
    X = np.concatenate([
        centre + spread * rng.standard_normal((samples_per_class, 2))
        for centre in centres
    ])
    y = np.repeat(np.array([0, 1], dtype=np.int64), samples_per_class)
    return X, y
# --8<-- [end:two_blobs]
