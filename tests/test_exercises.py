"""Every exercise's reference solution passes its check; every starter fails.

Solutions live in exercises/NN-chapter/exN_name.py. Those with a checker in
nnbook.exercises end with `check("NN-k", answer)`; the others end in their
own asserts. A checker's starter, exN_name_starter.py, leaves the part to
write open and must fail the same check with a message that says what is
missing. The chapter pages show the starters and include the solutions,
hidden in a collapsed block (tests/site/test_chapters.py checks that).
"""

import re
import runpy
from pathlib import Path

import numpy as np
import pytest

from nnbook import Layer
from nnbook.exercises import ExerciseFailed, check

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "exercises").rglob("ex*.py"))
STARTERS = [p for p in FILES if p.stem.endswith("_starter")]
EXERCISES = [p for p in FILES if p not in STARTERS]
CHECK = re.compile(r'^check\("(\d\d-\d)", ', re.M)


def _id(path):
    return path.relative_to(ROOT).as_posix()


def test_there_are_exercises():
    assert len(EXERCISES) >= 8


@pytest.mark.parametrize("path", EXERCISES, ids=_id)
def test_solution_runs_and_its_checks_pass(path, capsys):
    runpy.run_path(str(path), run_name="__main__")
    source = path.read_text(encoding="utf-8")
    assert "# --8<-- [start:solution]" in source
    checked = CHECK.findall(source)
    if checked:
        assert f"exercise {int(checked[0][:2])}.{checked[0][3:]}" in capsys.readouterr().out
        starter = path.with_name(path.stem + "_starter.py")
        assert starter.is_file(), f"{_id(path)} has a checker but no starter"
    else:
        assert "assert " in source, f"{path.name} checks nothing"


@pytest.mark.parametrize("path", STARTERS, ids=_id)
def test_untouched_starter_fails_its_check(path):
    source = path.read_text(encoding="utf-8")
    assert "# --8<-- [start:starter]" in source
    solution = path.with_name(path.stem.removesuffix("_starter") + ".py")
    assert set(CHECK.findall(source)) == set(CHECK.findall(solution.read_text("utf-8")))
    with pytest.raises(ExerciseFailed, match="not written yet"):
        runpy.run_path(str(path), run_name="__main__")


# ------------------------------------------- the checkers' messages

def _solution(name):
    return runpy.run_path(str(ROOT / "exercises" / "06-backprop" / name),
                          run_name="__main__")


def test_ids_are_written_either_way_and_unknown_ones_are_named(capsys):
    Tanh = _solution("ex1_tanh_layer.py")["Tanh"]
    assert check("6.1", Tanh) and check("06-1", Tanh)
    with pytest.raises(KeyError, match="no checker for exercise 6.9; checkers "
                                       "exist for: .*6.1"):
        check("06-9", Tanh)
    with pytest.raises(KeyError, match="write it as '06-1'"):
        check("six", Tanh)


def test_a_wrong_tanh_derivative_is_named():
    Tanh = _solution("ex1_tanh_layer.py")["Tanh"]

    class OneMinusTanh(Tanh):
        def backward(self, dvalues):
            return dvalues * (1.0 - self.output)

    with pytest.raises(ExerciseFailed, match=r"dvalues \* \(1 - tanh\): the "
                                             "derivative squares it"):
        check("06-1", OneMinusTanh)


def test_a_tanh_that_is_not_a_layer_or_returns_nothing_is_told_so():
    class Plain:
        pass

    with pytest.raises(ExerciseFailed, match="subclass of nnbook.Layer"):
        check("06-1", Plain)

    class Silent(Layer):
        def forward(self, inputs, training=False):
            self.output = np.tanh(inputs)

        def backward(self, dvalues):
            return dvalues

    with pytest.raises(ExerciseFailed, match=r"forward\(x\) returned None"):
        check("06-1", Silent)


def test_a_diagonal_only_jacobian_is_named():
    def diagonal(s, dvalues):
        return dvalues * s * (1 - s)

    with pytest.raises(ExerciseFailed, match="off-diagonal"):
        check("06-2", diagonal)


def test_a_dense_check_that_skips_the_biases_is_caught():
    solution = _solution("ex3_dense_check.py")
    check_dense = solution["check_dense"]

    def no_biases(layer, X, delta):
        errors = check_dense(layer, X, delta)
        errors["dbiases"] = 0.0
        return errors

    with pytest.raises(ExerciseFailed, match="gets dbiases wrong passed your "
                                             "check"):
        check("06-3", no_biases)


def test_a_crash_in_the_readers_code_is_reported_as_theirs():
    def broken(s, dvalues):
        return s @ dvalues          # (6, 4) @ (6, 4)

    with pytest.raises(ExerciseFailed, match="your code raised ValueError"):
        check("06-2", broken)


def test_a_summed_squared_error_is_told_it_should_be_the_mean():
    def summed(y_true, y_pred):
        return float(np.sum((np.ravel(y_true) - np.ravel(y_pred)) ** 2))

    with pytest.raises(ExerciseFailed, match=r"expected 0\.1 \(the mean of"):
        check("03-2", summed)


def test_predictions_that_do_not_disagree_are_told_what_to_change():
    y_like = np.array([0.9, 0.1, 0.9, 0.6])      # three right, mild mistake
    with pytest.raises(ExerciseFailed, match="make one of sure's wrong "
                                             "answers very confident"):
        check("03-3", y_like, np.array([0.6, 0.4, 0.45, 0.55]))


def test_a_one_sided_difference_is_not_taken_for_the_slope():
    scope = runpy.run_path(str(ROOT / "exercises" / "03-why-a-loss"
                               / "ex1_slopes.py"), run_name="__main__")
    scores = scope["scores"]

    def forward_difference(w, h=1e-4):
        return (scores(w + h) - scores(w)) / h

    with pytest.raises(ExerciseFailed, match="the loss's slope"):
        check("03-1", forward_difference)
