"""Central finite differences, for checking analytic gradients."""

import numpy as np


def numerical_gradient(f, x, h=1e-6):
    """dF/dx by central differences: (f(x + h e_i) - f(x - h e_i)) / 2h.

    f is a function of no arguments that reads x; x is changed in place and
    restored. The truncation error is O(h^2) ~ 1e-12 and the rounding error
    ~ eps * |f| / h ~ 1e-10 for |f| ~ 1, well below the 1e-6 we assert.
    """
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        f_plus = f()
        x[index] = saved - h
        f_minus = f()
        x[index] = saved
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(analytic, numeric):
    """max |a - n| / max(|a| + |n|) over all entries: scale-free."""
    scale = np.maximum(np.abs(analytic) + np.abs(numeric), 1e-8).max()
    return float(np.abs(analytic - numeric).max() / scale)
