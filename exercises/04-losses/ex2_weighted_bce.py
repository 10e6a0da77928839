"""Exercise 4.2: binary cross-entropy with class weights.

When positives are rare, a classifier can score a low loss by always
answering "no". Write `weighted_binary_crossentropy(y_true, y_pred,
weight_0, weight_1)`: each sample's binary cross-entropy multiplied by
weight_1 if its label is 1 and by weight_0 if it is 0, then averaged over
the samples (Keras' sample_weight with its default reduction: the weighted
sum divided by the number of samples). With both weights 1 it must equal
nnbook's binary_crossentropy.
The starter is ex2_weighted_bce_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.exercises import check
from nnbook.losses import binary_crossentropy


def weighted_binary_crossentropy(y_true, y_pred, weight_0=1.0, weight_1=1.0):
    """Mean of per-sample BCE, each scaled by the weight of its class."""
    y_true = np.asarray(y_true, dtype=np.float64)
    losses = binary_crossentropy(y_true, y_pred, reduction="none")
    weights = np.where(y_true == 1, weight_1, weight_0)
    return float((weights * losses).mean())


check("04-2", weighted_binary_crossentropy)

y_true = np.array([0, 0, 0, 0, 1])                # one positive in five
y_pred = np.array([0.1, 0.2, 0.1, 0.3, 0.4])
print(weighted_binary_crossentropy(y_true, y_pred))
print(weighted_binary_crossentropy(y_true, y_pred, weight_0=1.0, weight_1=4.0))
# --8<-- [end:solution]

# Weights (1, 1): plain binary cross-entropy.
assert np.isclose(weighted_binary_crossentropy(y_true, y_pred),
                  binary_crossentropy(y_true, y_pred), rtol=0, atol=1e-15)

# Worked by hand: the positive's term is multiplied by 4.
negatives = -np.log(1 - np.array([0.1, 0.2, 0.1, 0.3]))
positive = -np.log(0.4)
by_hand = (negatives.sum() + 4.0 * positive) / 5
got = weighted_binary_crossentropy(y_true, y_pred, weight_0=1.0, weight_1=4.0)
assert np.isclose(got, by_hand, rtol=0, atol=1e-14), (got, by_hand)

# The weights act per class: swapping the labels' roles changes the value.
assert not np.isclose(
    weighted_binary_crossentropy(y_true, y_pred, weight_0=4.0, weight_1=1.0),
    got)

# Weighting the rare class makes "always no" expensive. Unweighted, the lazy
# answer (0.2 for everyone) beats a hesitant one that leans towards the
# positive; with weight 4 on the positives the order flips.
lazy = np.full(5, 0.2)
honest = np.array([0.4, 0.5, 0.4, 0.5, 0.6])
assert weighted_binary_crossentropy(y_true, lazy) < \
    weighted_binary_crossentropy(y_true, honest)
assert weighted_binary_crossentropy(y_true, lazy, weight_1=4.0) > \
    weighted_binary_crossentropy(y_true, honest, weight_1=4.0)
print("ex2_weighted_bce: all checks passed")
