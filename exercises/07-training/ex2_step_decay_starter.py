"""Exercise 7.2, the starter: write StepDecay, then run it.

check("07-2", StepDecay) says what is still wrong; the solution, which
also gives the schedule to SGD, is ex2_step_decay.py.
"""

# --8<-- [start:starter]
from nnbook.exercises import check


class StepDecay:
    """lr(step) = initial_learning_rate * 0.5 ** (step // every)."""

    def __init__(self, initial_learning_rate, every):
        # Keep both numbers; refuse every <= 0 with a ValueError.
        raise NotImplementedError("StepDecay.__init__")

    def __call__(self, step):
        # The learning rate for the step with this count (0 for the first).
        raise NotImplementedError("StepDecay.__call__")


check("07-2", StepDecay)
# --8<-- [end:starter]
