"""Exercise 10.2: classic dropout against inverted dropout.

The first dropout papers did not scale in training: they zeroed a share
`rate` of the inputs and, at inference, multiplied every output by
1 - rate. Write that layer, ClassicDropout, with the same forward and
backward interface as nnbook's Dropout. Check that averaging many
training-mode outputs of either layer approaches its own inference output,
and that with the same mask the two training outputs differ by exactly the
factor 1 / (1 - rate), the scale the next layer's weights would absorb.
The starter is ex2_classic_dropout_starter.py.
"""

# --8<-- [start:solution]
import numpy as np
from nnbook import Dropout
from nnbook.exercises import check


class ClassicDropout:
    """Zero a share `rate` in training; scale by 1 - rate at inference."""

    def __init__(self, rate, *, seed=None):
        self.rate = rate
        self.rng = np.random.default_rng(seed)

    def forward(self, inputs, training=False):
        if not training:
            self.mask = None
            return inputs * (1 - self.rate)
        self.mask = (self.rng.random(inputs.shape) >= self.rate) * 1.0
        return inputs * self.mask

    def backward(self, dvalues):
        return dvalues * (1 - self.rate) if self.mask is None \
            else dvalues * self.mask


check("10-2", ClassicDropout)


rate = 0.25
x = np.random.default_rng(0).normal(size=(3, 4))
layers = {"inverted": Dropout(rate, seed=1),
          "classic": ClassicDropout(rate, seed=1)}
for name, layer in layers.items():
    runs = np.mean([layer.forward(x, training=True) for _ in range(20_000)],
                   axis=0)
    gap = np.abs(runs - layer.forward(x)).max()
    print(f"{name:8}: mean of 20,000 training outputs is "
          f"{gap:.3f} from the inference output")

# The same seed gives the same mask; the outputs differ by 1 / (1 - rate).
inverted = Dropout(rate, seed=2).forward(x, training=True)
classic = ClassicDropout(rate, seed=2).forward(x, training=True)
print("ratio where kept:", np.unique((inverted[classic != 0]
                                      / classic[classic != 0]).round(12)))
# --8<-- [end:solution]

# Each layer's training outputs average to its inference output: with
# 20,000 draws the mean of each entry is within about 0.05 of it.
for name, layer in layers.items():
    runs = np.mean([layer.forward(x, training=True) for _ in range(20_000)],
                   axis=0)
    assert np.abs(runs - layer.forward(x)).max() < 0.05, name
assert np.array_equal(layers["inverted"].forward(x), x)
assert np.allclose(layers["classic"].forward(x), 0.75 * x)
assert np.array_equal(inverted == 0, classic == 0)
assert np.allclose(inverted[classic != 0] / classic[classic != 0], 1 / 0.75)
print("all checks passed")
