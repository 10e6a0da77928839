"""Exercise 2.3: a naive softmax, and where it breaks.

Write naive_softmax, exp(x) / sum(exp(x)) without subtracting the maximum.
Find the smallest whole number n for which naive_softmax([n, 0]) is no
longer finite. Then show that shifting every score by the same constant c
does not change softmax: for the naive version with moderate shifts, and
for nnbook's softmax even with c = 1000, where the naive one gives nan.
The starter is ex3_naive_softmax_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook.activations import softmax
from nnbook.exercises import check


def naive_softmax(x):
    """exp(x) / sum(exp(x)) along the last axis, with no shift."""
    exp = np.exp(np.asarray(x, dtype=np.float64))
    return exp / exp.sum(axis=-1, keepdims=True)


def first_failure():
    """The smallest whole n for which naive_softmax([n, 0]) is not finite."""
    n = 0
    with np.errstate(over="ignore", invalid="ignore"):
        while np.isfinite(naive_softmax([float(n), 0.0])).all():
            n += 1
    return n


x = np.array([2.0, 1.0, 0.1])
for c in (-30.0, 5.0, 100.0):
    print(c, naive_softmax(x + c))        # the same row every time
print("naive softmax breaks at n =", first_failure())
check("02-3", naive_softmax, first_failure)
# --8<-- [end:solution]


# exp(709) is still finite in float64; exp(710) is not.
assert first_failure() == 710

# Shift invariance of the formula itself, with moderate shifts.
for c in (-30.0, 5.0, 100.0):
    assert np.allclose(naive_softmax(x + c), naive_softmax(x),
                       rtol=1e-12, atol=0)

# A large shift breaks the naive version but not nnbook's.
with np.errstate(over="ignore", invalid="ignore"):
    assert np.isnan(naive_softmax(x + 1000.0)).any()
assert np.allclose(softmax(x + 1000.0), naive_softmax(x), rtol=1e-12, atol=0)
assert np.isclose(softmax(x + 1000.0).sum(), 1.0)
