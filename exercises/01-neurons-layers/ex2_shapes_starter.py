"""Exercise 1.2, the starter: predict the shape, flatten, then run it.

check("01-2", predicted, rows) says what is still wrong; the solution is
ex2_shapes.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check
from nnbook.layers import Dense

images = np.random.default_rng(0).random((8, 4, 4))
first, second = Dense(16, 5, seed=0), Dense(5, 3, seed=1)

predicted = None     # the shape out of second, worked out on paper: (?, ?)

try:
    first.forward(images)                    # the images as they are
except ValueError as error:
    print("ValueError:", error)

rows = None          # the images flattened: one row of 16 pixels per image

check("01-2", predicted, rows)
# --8<-- [end:starter]
