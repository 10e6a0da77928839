"""Exercise 1.2: shapes through a batch, and a 3-D input.

A batch of eight greyscale images of 4 x 4 pixels has shape (8, 4, 4).
Predict the output shape of Dense(16, 5) followed by Dense(5, 3). Feed the
images to the first layer as they are and read the error; then flatten each
image into one row of 16 numbers and check the prediction.
The starter is ex2_shapes_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.exercises import check
from nnbook.layers import Dense

images = np.random.default_rng(0).random((8, 4, 4))
first, second = Dense(16, 5, seed=0), Dense(5, 3, seed=1)

# (8, 16) @ (16, 5) -> (8, 5); then (8, 5) @ (5, 3) -> (8, 3).
predicted = (images.shape[0], 3)

try:
    first.forward(images)                    # 3-D: refused
    message = None
except ValueError as error:
    message = str(error)
print("ValueError:", message)

rows = images.reshape(len(images), -1)       # one image per row: (8, 16)
outputs = second.forward(first.forward(rows))
print(rows.shape, "->", outputs.shape)
check("01-2", predicted, rows)
# --8<-- [end:solution]

assert message is not None and "(8, 4, 4)" in message
assert rows.shape == (8, 16)
assert outputs.shape == predicted == (8, 3)
# Flattening keeps each image's pixels in its own row.
assert np.array_equal(rows[3], images[3].ravel())
