"""Exercise 5.2: how the cost of a numerical gradient grows with the width.

For spiral_model(hidden=width) with width 4, 8, 16 and 32 on spiral(100, 3),
compute one full numerical gradient with central differences. Count the
forward passes and time them with time.perf_counter. Check that the number of
forward passes is exactly twice the number of parameters, and see how the
time grows with the width (printed, not checked: it depends on the machine).
numerical_cost(width) returns (parameters, forward passes, seconds); the
checker runs it for widths 4 and 16 and checks the two counts.
The starter is ex2_width_cost_starter.py.
"""

# --8<-- [start:solution]
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
    for p in params:
        for i in np.ndindex(p.shape):
            old = p[i]
            for value in (old + h, old - h):
                p[i] = value
                model.loss.forward(model.forward(X), y)
                passes += 1
            p[i] = old
    seconds = time.perf_counter() - start
    return sum(p.size for p in params), passes, seconds


check("05-2", numerical_cost)

results = {width: numerical_cost(width) for width in (4, 8, 16, 32)}
for width, (count, passes, seconds) in results.items():
    print(f"width {width:2}: {count:3} parameters, {passes:3} forward passes,"
          f" {seconds * 1e3:6.1f} ms")
# --8<-- [end:solution]

for width, (count, passes, seconds) in results.items():
    # Two dense layers: 2*w + w weights and biases in, w*3 + 3 out.
    assert count == 6 * width + 3, (width, count)
    assert passes == 2 * count, (width, passes)
# Eight times the width: 390 forward passes against 54, about seven times as
# many. The count is the cost the chapter is about, and it is exact; the
# printed times show it too, but they depend on the machine and on whatever
# else it is doing, so they are not checked.
assert results[32][1] == 390 and results[4][1] == 54, results
