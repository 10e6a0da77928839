"""Exercise 1.1, the starter: write forward_with_loops, then run it.

check("01-1", forward_with_loops) says what is still wrong: it compares
your loops with Dense.forward, on small cases and on the spiral data. The
solution is ex1_loops.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def forward_with_loops(inputs, weights, biases):
    """outputs[s][j] = sum_i inputs[s][i] * weights[i][j] + biases[0][j]."""
    # inputs, weights and biases are lists of lists; no matrix product:
    # loop over the samples, then the neurons, then the inputs.
    raise NotImplementedError("forward_with_loops")


check("01-1", forward_with_loops)
# --8<-- [end:starter]
