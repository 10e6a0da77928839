"""Exercise 9.3, the starter: write confusion_matrix, then run it.

check("09-3", confusion_matrix) says what is still wrong; the solution is
ex3_confusion.py.
"""

# --8<-- [start:starter]
import numpy as np

from nnbook.exercises import check


def confusion_matrix(y_true, y_pred, classes):
    """counts[t, p]: how many images of class t were predicted as p."""
    raise NotImplementedError("confusion_matrix")


check("09-3", confusion_matrix)
# --8<-- [end:starter]
