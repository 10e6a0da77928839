"""Every exercise's reference solution runs and checks itself.

Solutions live in exercises/NN-chapter/exN_name.py; each ends in asserts
that fail if the solution is wrong. The chapter pages include them, hidden
in a collapsed block (tests/site/test_chapters.py checks that).
"""

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = sorted((ROOT / "exercises").rglob("ex*.py"))


def test_there_are_exercises():
    assert len(EXERCISES) >= 8


@pytest.mark.parametrize("path", EXERCISES,
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_solution_runs_and_its_checks_pass(path, capsys):
    runpy.run_path(str(path), run_name="__main__")
    source = path.read_text(encoding="utf-8")
    assert "assert " in source, f"{path.name} checks nothing"
    assert "# --8<-- [start:solution]" in source
