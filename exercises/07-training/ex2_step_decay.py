"""Exercise 7.2: a step-decay learning-rate schedule.

Write `StepDecay(initial_learning_rate, every)`, a callable like
nnbook.InverseTimeDecay that halves the learning rate every `every` steps:
lr(t) = initial_learning_rate * 0.5 ** (t // every). Give it to SGD, and
check which learning rates the optimiser actually used.
The starter is ex2_step_decay_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import SGD
from nnbook.exercises import check


class StepDecay:
    """lr(step) = initial_learning_rate * 0.5 ** (step // every)."""

    def __init__(self, initial_learning_rate, every):
        if every <= 0:
            raise ValueError(f"every must be > 0; got {every}")
        self.initial_learning_rate = initial_learning_rate
        self.every = every

    def __call__(self, step):
        return self.initial_learning_rate * 0.5 ** (step // self.every)


check("07-2", StepDecay)


class Bowl:
    """f(x, y) = x**2 + 10 * y**2; the point (x, y) is the one parameter."""

    def __init__(self, x, y):
        self.point, self.grad = np.array([x, y]), np.zeros(2)

    def parameters(self):
        self.grad[:] = [2, 20] * self.point
        return [(self.point, self.grad)]


schedule = StepDecay(0.08, every=10)
optimizer = SGD(learning_rate=schedule)
bowl, used = Bowl(-4.0, 1.5), []
for _ in range(30):
    used.append(optimizer.current_learning_rate())
    optimizer.step([bowl])
print("learning rates used:", sorted(set(used), reverse=True))
print("point after 30 steps:", bowl.point)
# --8<-- [end:solution]

# Ten steps at each of 0.08, 0.04 and 0.02, in that order.
assert used == [0.08] * 10 + [0.04] * 10 + [0.02] * 10, used
assert schedule(0) == 0.08 and schedule(9) == 0.08 and schedule(10) == 0.04
# Every step was a plain gradient-descent step: x shrinks by (1 - 2 lr).
expected_x = -4.0 * (1 - 0.16) ** 10 * (1 - 0.08) ** 10 * (1 - 0.04) ** 10
assert np.isclose(bowl.point[0], expected_x, rtol=1e-12), bowl.point
assert abs(bowl.point[1]) < 1e-3, bowl.point
try:
    StepDecay(0.1, every=0)
except ValueError:
    pass
else:
    raise AssertionError("every=0 should be refused")
print("ex2_step_decay: all checks passed")
