"""Exercise 4.2, the starter: write weighted_binary_crossentropy, then run it.

check("04-2", weighted_binary_crossentropy) says what is still wrong; the
solution is ex2_weighted_bce.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check
from nnbook.losses import binary_crossentropy


def weighted_binary_crossentropy(y_true, y_pred, weight_0=1.0, weight_1=1.0):
    """Mean of per-sample BCE, each scaled by the weight of its class."""
    # binary_crossentropy(y_true, y_pred, reduction="none") gives one loss
    # per sample: multiply each by weight_1 or weight_0 according to its
    # label, and divide the sum by the number of samples.
    raise NotImplementedError("weighted_binary_crossentropy")


check("04-2", weighted_binary_crossentropy)
# --8<-- [end:starter]
