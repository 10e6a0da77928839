"""The book's data: small synthetic sets, real handwritten digits, splits.

Every generator takes a `seed` and draws from its own
`numpy.random.default_rng(seed)`, so examples are repeatable and never touch
NumPy's global random state. The digits are read from the copy that ships
inside scikit-learn: nothing is downloaded, and scikit-learn is imported only
when `digits()` is called, so `import nnbook` still imports NumPy only.
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


# --8<-- [start:digits]
def digits():
    """The UCI optical handwritten digits: 1,797 images of 8x8 pixels.

    Each pixel counts how many of a 4x4 block of the original 32x32 scan
    were ink, from 0 (white) to 16 (black). Published by Alpaydin and
    Kaynak (UCI Machine Learning Repository): scikit-learn ships the UCI
    test part, written by 13 people, and it is read from that copy, with
    no download.

    Returns:
        (tuple[ndarray, ndarray]): images, float64 of shape (1797, 8, 8)
            with values 0..16, and labels, int64 digits 0..9 of shape (1797,).

    Raises:
        ModuleNotFoundError: scikit-learn is not installed; the message says
            what to install.
    """
    try:
        from sklearn.datasets import load_digits
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "digits() reads the copy of the data that ships with "
            "scikit-learn, which is not installed: pip install "
            "'nnbook[data]' (or pip install scikit-learn)") from None
    data = load_digits()
    return (data.images.astype(np.float64),
            data.target.astype(np.int64))
# --8<-- [end:digits]


# --8<-- [start:stratified_split]
def stratified_split(X, y, fractions=(0.6, 0.2, 0.2), *, seed=0):
    """Split (X, y) into parts of the given fractions, each class alike.

    Every class is shuffled and cut in the same proportions, so each part
    holds about the same share of every class as the whole: with 10 classes
    and 20 % for testing, each digit is about a fifth of its class in the
    test set, and none is missing by bad luck.

    Args:
        X (ndarray): Samples, one per row (any number of dimensions).
        y (ndarray): Integer class labels, shape (n,).
        fractions (tuple[float, ...]): Share of each part, each > 0,
            adding up to 1: (train, validation, test) by default.
        seed (int | None): Seed of the shuffle; None for a fresh one.

    Returns:
        (list[tuple[ndarray, ndarray]]): One (X_part, y_part) per
            fraction, in order, each shuffled.

    Raises:
        ValueError: X and y differ in length, a fraction is not > 0, the
            fractions do not add up to 1, or a class has fewer samples
            than parts.
        TypeError: y does not hold integer labels, or seed is not an
            integer or None.
    """
    X, y, fractions = checks.split_args(X, y, fractions, seed)
    rng = np.random.default_rng(seed)
    parts = [[] for _ in fractions]
    bounds = np.cumsum(fractions)
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        cuts = np.round(bounds * len(members)).astype(int)
        for part, piece in zip(parts, np.split(members, cuts[:-1])):
            part.append(piece)
    result = []
    for pieces in parts:
        order = rng.permutation(np.concatenate(pieces))
        result.append((X[order], y[order]))
    return result
# --8<-- [end:stratified_split]
