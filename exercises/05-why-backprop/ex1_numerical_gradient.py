"""Exercise 5.1: a numerical gradient for any function of an array.

Write numerical_gradient(f, x, h) that returns an array shaped like x whose
entry i is the central difference (f(x + h e_i) - f(x - h e_i)) / (2h), where
e_i moves only entry i. Check it on functions whose derivative is known:
f(x) = sum(x**3), derivative 3 x**2, and f(x) = sum(sin x), derivative cos x.
Leave x unchanged when you are done.
The starter is ex1_numerical_gradient_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.exercises import check


def numerical_gradient(f, x, h=1e-5):
    """Central differences of the scalar f(x), one entry of x at a time."""
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old                        # leave x as we found it
        grad[i] = (up - down) / (2 * h)
    return grad


check("05-1", numerical_gradient)

x = np.array([[-1.5, 0.0, 2.0], [0.5, 3.0, -0.25]])
for f, exact in ((lambda v: np.sum(v ** 3), 3 * x ** 2),
                 (lambda v: np.sum(np.sin(v)), np.cos(x))):
    estimate = numerical_gradient(f, x)
    print("largest error:", np.abs(estimate - exact).max())
# --8<-- [end:solution]

before = x.copy()
cube = numerical_gradient(lambda v: np.sum(v ** 3), x)
assert np.array_equal(x, before), "numerical_gradient must restore x"
assert cube.shape == x.shape
assert np.allclose(cube, 3 * x ** 2, rtol=0, atol=1e-8), cube
assert np.allclose(numerical_gradient(lambda v: np.sum(np.sin(v)), x),
                   np.cos(x), rtol=0, atol=1e-9)
# Central differences beat one-sided ones: the error shrinks like h**2.
coarse = numerical_gradient(lambda v: np.sum(v ** 3), x, h=1e-2)
assert np.allclose(coarse - 3 * x ** 2, 1e-4, atol=1e-9)   # exactly h**2
