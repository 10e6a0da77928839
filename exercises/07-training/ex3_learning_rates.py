"""Exercise 7.3: compare learning rates on the spiral.

Train the book's spiral model with plain SGD (no momentum) at learning rates
0.01, 0.1, 1 and 10, for 1,000 full-batch epochs each, always from the same
starting weights, and report the final loss. Which one learns fastest, and
what happens to the largest?
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import SGD, spiral, spiral_model

X, y = spiral(100, 3, seed=0)
final = {}
for lr in (0.01, 0.1, 1.0, 10.0):
    model = spiral_model(seed=0)             # the same start every time
    model.optimizer = SGD(learning_rate=lr)
    with np.errstate(all="ignore"):          # lr 10 may overflow
        history = model.fit(X, y, epochs=1_000)
    final[lr] = history["loss"][-1]
    print(f"lr {lr:<5}  loss {history['loss'][0]:.3f} -> {final[lr]:.4g}  "
          f"accuracy {history['accuracy'][-1]:.3f}")
# --8<-- [end:solution]

start = spiral_model(seed=0)
start_loss = start.evaluate(X, y)[0]
# A small learning rate barely moves; 0.1 and 1 do better, in that order.
assert final[0.01] < start_loss
assert final[1.0] < final[0.1] < final[0.01], final
# The largest does worse than lr 1: its steps overshoot.
assert not final[10.0] < final[1.0], final
print("ex3_learning_rates: all checks passed")
