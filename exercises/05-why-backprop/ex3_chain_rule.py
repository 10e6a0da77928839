"""Exercise 5.3: the chain rule by hand on a two-step chain.

For one input x and one weight w, let a = sigmoid(w x) and L = -log(a)
(binary cross-entropy for the label 1). Write dL_dw(w, x) from the chain
rule, dL/dw = dL/da * da/dw, multiply the two local derivatives out, and
check the result against central differences at several values of w.
The starter is ex3_chain_rule_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook import sigmoid
from nnbook.exercises import check


def loss(w, x):
    return -np.log(sigmoid(w * x))


def dL_dw(w, x):
    a = sigmoid(w * x)
    dL_da = -1.0 / a                  # derivative of -log a
    da_dw = a * (1.0 - a) * x         # sigmoid'(w x) times x
    return dL_da * da_dw              # = -(1 - a) x: the 1/a cancels


check("05-3", dL_dw)

x, h = 2.0, 1e-6
for w in (-2.0, -0.3, 0.0, 0.7, 3.0):
    numeric = (loss(w + h, x) - loss(w - h, x)) / (2 * h)
    print(f"w = {w:5.1f}: chain rule {float(dL_dw(w, x)):.10f},"
          f" central difference {float(numeric):.10f}")
# --8<-- [end:solution]

for w in np.linspace(-3.0, 3.0, 25):
    numeric = (loss(w + h, x) - loss(w - h, x)) / (2 * h)
    assert abs(dL_dw(w, x) - numeric) < 1e-7, (w, dL_dw(w, x), numeric)
    # The product simplifies: dL/dw = -(1 - a) x.
    assert np.isclose(dL_dw(w, x), -(1 - sigmoid(w * x)) * x, rtol=1e-12)
# The label is 1, so the loss always falls as w grows (x > 0).
assert all(dL_dw(w, x) < 0 for w in np.linspace(-3.0, 3.0, 25))
