"""Exercise 7.3: compare learning rates on the spiral.

Train the book's spiral model with plain SGD (no momentum) at learning rates
0.01, 0.1, 1 and 10, for 1,000 full-batch epochs each, always from the same
starting weights, and report the final loss. Which one learns fastest, and
what happens to the largest? Write the run as final_loss(learning_rate,
epochs), returning the last training loss; the checker runs it for 100
epochs. The starter is ex3_learning_rates_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import SGD, spiral, spiral_model
from nnbook.exercises import check

X, y = spiral(100, 3, seed=0)


def final_loss(learning_rate, epochs=1_000):
    """The last training loss of plain SGD at this rate, from seed 0."""
    model = spiral_model(seed=0)             # the same start every time
    model.optimizer = SGD(learning_rate=learning_rate)
    with np.errstate(all="ignore"):          # lr 10 may overflow
        history = model.fit(X, y, epochs=epochs)
    return history["loss"][-1]


check("07-3", final_loss)

final = {}
for lr in (0.01, 0.1, 1.0, 10.0):
    final[lr] = final_loss(lr)
    print(f"lr {lr:<5}  final loss {final[lr]:.4g}")
# --8<-- [end:solution]

start = spiral_model(seed=0)
start_loss = start.evaluate(X, y)[0]
# A small learning rate barely moves; 0.1 and 1 do better, in that order.
assert final[0.01] < start_loss
assert final[1.0] < final[0.1] < final[0.01], final
# The largest does worse than lr 1: its steps overshoot.
assert not final[10.0] < final[1.0], final
print("ex3_learning_rates: all checks passed")
