"""Exercise 5.2, the starter: write numerical_cost's loop, then run it.

check("05-2", numerical_cost) says what is still wrong; the solution is
ex2_width_cost.py.
"""

# --8<-- [start:starter]
import time

import numpy as np
from nnbook import spiral, spiral_model
from nnbook.exercises import check

X, y = spiral(100, 3)


def numerical_cost(width, h=1e-5):
    """(parameters, forward passes, seconds) for one numerical gradient."""
    model = spiral_model(hidden=width)
    dense = [layer for layer in model.layers if hasattr(layer, "weights")]
    params = [p for layer in dense for p in (layer.weights, layer.biases)]
    passes = 0
    start = time.perf_counter()
    # For each entry of each array in params: move it by +h and by -h,
    # computing model.loss.forward(model.forward(X), y) each time (count
    # the passes), then put it back.
    raise NotImplementedError("numerical_cost's loop over the parameters")
    seconds = time.perf_counter() - start
    return sum(p.size for p in params), passes, seconds


check("05-2", numerical_cost)
# --8<-- [end:starter]
