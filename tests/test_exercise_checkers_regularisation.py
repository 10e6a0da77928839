"""Chapter 10's checkers name the usual mistakes.

The checkers are in nnbook.exercises.regularisation.
"""

import numpy as np
import pytest

from nnbook import EarlyStopping
from nnbook.exercises import ExerciseFailed, check


def _fit(*, monitor="val_loss", patience=50, restore=True, validate=True,
         epochs=600, returns_stopper=True, twice=False):
    """Exercise 10.3's answer, with one of the usual mistakes."""
    def fit_with_early_stopping(model, X, y, validation_data):
        stopper = EarlyStopping(monitor, patience=patience,
                                restore_best_weights=restore)
        extra = {"validation_data": validation_data} if validate else {}
        if twice:
            model.fit(X, y, epochs=5, **extra)
        history = model.fit(X, y, epochs=epochs, early_stopping=stopper,
                            **extra)
        return (history, stopper) if returns_stopper else history
    return fit_with_early_stopping


def test_early_stopping_answer_passes(capsys):
    assert check("10-3", _fit()) is True
    assert "passed; stopped after epoch" in capsys.readouterr().out


@pytest.mark.parametrize("mistake, message", [
    ({"monitor": "loss"}, "watched 'loss'"),
    ({"patience": 10}, "patience is 10"),
    ({"restore": False}, "that is the last epoch's"),
    ({"validate": False}, "needs validation_data"),
    ({"epochs": 60}, "without stopping"),
    ({"returns_stopper": False}, "should return (history, stopper)"),
    ({"twice": True}, "call fit once"),
])
def test_early_stopping_mistakes_are_named(mistake, message):
    with pytest.raises(ExerciseFailed) as failure:
        check("10-3", _fit(**mistake))
    assert message in str(failure.value)


@pytest.mark.parametrize("penalty, message", [
    (lambda w, l2: (l2 / 2 * np.sum(w ** 2), l2 * w), "without the 1/2"),
    (lambda w, l2: (l2 * np.sum(np.abs(w)), 2 * l2 * w), "L1 penalty"),
    (lambda w, l2: (l2 * np.sum(w ** 2), l2 * w), "the derivative of l2 * w**2"),
    (lambda w, l2: l2 * np.sum(w ** 2), "should return two things"),
])
def test_l2_penalty_mistakes_are_named(penalty, message):
    with pytest.raises(ExerciseFailed) as failure:
        check("10-1", penalty)
    assert message in str(failure.value)
