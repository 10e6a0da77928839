"""Chapter 7's checkers name the usual mistakes (nnbook.exercises.training)."""

from pathlib import Path

import numpy as np
import pytest

from nnbook import SGD, spiral, spiral_model
from nnbook.exercises import ExerciseFailed, check

FOLDER = Path(__file__).resolve().parent.parent / "exercises" / "07-training"


def _solution(name, stop):
    """The names a solution defines before `stop` (its check and its run)."""
    source = (FOLDER / name).read_text(encoding="utf-8").split(stop)[0]
    scope = {"__name__": "solution"}
    exec(compile(source, name, "exec"), scope)
    return scope


@pytest.fixture(scope="module")
def RMSprop():
    return _solution("ex1_rmsprop.py", 'check("07-1"')["RMSprop"]


@pytest.fixture(scope="module")
def StepDecay():
    return _solution("ex2_step_decay.py", 'check("07-2"')["StepDecay"]


def test_rmsprop_with_epsilon_under_the_root_is_named(RMSprop):
    class Inside(RMSprop):
        def update(self, grad, learning_rate):
            self.v = self.rho * self.v + (1 - self.rho) * grad * grad
            return -learning_rate * grad / np.sqrt(self.v + self.epsilon)

    with pytest.raises(ExerciseFailed, match=r"sqrt\(v \+ epsilon\); the "
                                             "exercise adds epsilon after"):
        check("07-1", Inside)


def test_rmsprop_with_adams_bias_correction_is_named(RMSprop):
    class Corrected(RMSprop):
        def update(self, grad, learning_rate):
            self.v = self.rho * self.v + (1 - self.rho) * grad * grad
            v_hat = self.v / (1 - self.rho ** (self.iterations + 1))
            return -learning_rate * grad / (np.sqrt(v_hat) + self.epsilon)

    with pytest.raises(ExerciseFailed, match="Adam's bias correction"):
        check("07-1", Corrected)


def test_rmsprop_that_forgets_v_or_ignores_the_rate_it_is_given(RMSprop):
    class Forgets(RMSprop):
        def update(self, grad, learning_rate):
            v = (1 - self.rho) * grad * grad
            return -learning_rate * grad / (np.sqrt(v) + self.epsilon)

    with pytest.raises(ExerciseFailed, match="step 2 .* v starts again"):
        check("07-1", Forgets)

    class OwnRate(RMSprop):
        def update(self, grad, learning_rate):
            return super().update(grad, self.learning_rate)

    with pytest.raises(ExerciseFailed, match="not self.learning_rate"):
        check("07-1", OwnRate)


def test_a_schedule_that_halves_a_step_early_is_named(StepDecay):
    class Early(StepDecay):
        def __call__(self, step):
            halvings = (step + 1) // self.every
            return self.initial_learning_rate * 0.5 ** halvings

    with pytest.raises(ExerciseFailed, match="halves one step early"):
        check("07-2", Early)


def test_a_smooth_or_stateful_schedule_is_named(StepDecay):
    class Smooth(StepDecay):
        def __call__(self, step):
            return self.initial_learning_rate * 0.5 ** (step / self.every)

    with pytest.raises(ExerciseFailed, match=r"smooth decay.*use t // every"):
        check("07-2", Smooth)

    class Counting(StepDecay):
        calls = 0

        def __call__(self, step):        # halves once more after 10 calls
            self.calls += 1
            halvings = step // self.every + self.calls // 10
            return self.initial_learning_rate * 0.5 ** halvings

    with pytest.raises(ExerciseFailed, match="the same step gave different "
                                             "rates"):
        check("07-2", Counting)


def test_a_schedule_that_accepts_every_0_is_told_to_refuse_it():
    class Lax:
        def __init__(self, initial_learning_rate, every):
            self.initial_learning_rate = initial_learning_rate
            self.every = every

        def __call__(self, step):
            return self.initial_learning_rate * 0.5 ** (step // self.every)

    with pytest.raises(ExerciseFailed, match="every=0\\) was accepted"):
        check("07-2", Lax)


X, y = spiral(100, 3, seed=0)


def test_the_first_loss_or_adams_loss_is_not_the_final_sgd_loss():
    def first_loss(learning_rate, epochs=1_000):
        model = spiral_model(seed=0)
        model.optimizer = SGD(learning_rate=learning_rate)
        return model.fit(X, y, epochs=epochs)["loss"][0]

    with pytest.raises(ExerciseFailed, match="the loss before training"):
        check("07-3", first_loss)

    def with_adam(learning_rate, epochs=1_000):
        return spiral_model(seed=0).fit(X, y, epochs=epochs)["loss"][-1]

    with pytest.raises(ExerciseFailed, match=r"spiral_model's own optimiser "
                                             r"\(Adam\)"):
        check("07-3", with_adam)


def test_runs_that_share_one_model_are_told_to_start_afresh():
    shared = spiral_model(seed=0)

    def continued(learning_rate, epochs=1_000):
        shared.optimizer = SGD(learning_rate=learning_rate)
        return shared.fit(X, y, epochs=epochs)["loss"][-1]

    with pytest.raises(ExerciseFailed, match="a new spiral_model\\(seed=0\\) "
                                             "every time"):
        check("07-3", continued)
