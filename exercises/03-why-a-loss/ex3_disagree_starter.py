"""Exercise 3.3, the starter: choose the two predictions, then run it.

check("03-3", sure, unsure) says what is still wrong; the solution is
ex3_disagree.py.
"""

# --8<-- [start:starter]
import numpy as np
from nnbook.exercises import check

y = np.array([1, 0, 1, 0])
sure = None      # four probabilities: more right than unsure, larger loss
unsure = None    # four probabilities: fewer right, smaller loss

check("03-3", sure, unsure)
# --8<-- [end:starter]
