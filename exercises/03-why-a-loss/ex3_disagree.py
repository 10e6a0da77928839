"""Exercise 3.3: when accuracy and loss disagree.

For the labels y = [1, 0, 1, 0], write two sets of predicted probabilities:
`sure` that gets more samples right than `unsure` (higher accuracy), yet has
the larger binary cross-entropy. Explain which sample causes it.
The starter is ex3_disagree_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook import accuracy, binary_crossentropy
from nnbook.exercises import check

y = np.array([1, 0, 1, 0])
# Three right with confidence, but one wrong with near certainty.
sure = np.array([0.9, 0.1, 0.9, 0.999])
# Only two right, and every answer close to 0.5.
unsure = np.array([0.6, 0.4, 0.45, 0.55])

for name, p in (("sure", sure), ("unsure", unsure)):
    print(f"{name:6}  accuracy {accuracy(y, p):.2f}"
          f"  loss {binary_crossentropy(y, p):.4f}")
print("per sample (sure):", binary_crossentropy(y, sure, reduction="none"))
check("03-3", sure, unsure)
# --8<-- [end:solution]

assert accuracy(y, sure) > accuracy(y, unsure)
assert binary_crossentropy(y, sure) > binary_crossentropy(y, unsure)
# The last sample alone (label 0, probability 0.999) makes the difference.
per_sample = binary_crossentropy(y, sure, reduction="none")
assert per_sample.argmax() == 3
assert per_sample[:3].mean() < binary_crossentropy(y, unsure)
