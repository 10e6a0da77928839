"""Exercise 5.3, the starter: write dL_dw from the chain rule, then run it.

check("05-3", dL_dw) says what is still wrong; the solution is
ex3_chain_rule.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook import sigmoid
from nnbook.exercises import check


def loss(w, x):
    return -np.log(sigmoid(w * x))


def dL_dw(w, x):
    a = sigmoid(w * x)
    # dL/dw = dL/da * da/dw: write the two local derivatives and return
    # their product.
    raise NotImplementedError("dL_dw")


check("05-3", dL_dw)
# --8<-- [end:starter]
