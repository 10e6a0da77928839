"""Checkers for the book's exercises, to run on your own attempt.

Each exercise's starter (in the chapter, and in exercises/ in the
repository) leaves the part to write open and ends with a line such as

    from nnbook.exercises import check
    check("06-1", Tanh)            # exercise 6.1, your Tanh class

`check` tries the answer on cases chosen to catch the usual mistakes. When
one fails it raises ExerciseFailed saying what it tried, what it expected
and what it got; when all pass it prints one line and returns True. It
needs only nnbook, so it runs the same in a clone, in a notebook and on
Colab. The reference solutions pass the same checkers and the untouched
starters fail them (tests/test_exercises.py).
"""

import importlib
import importlib.util
import re

# Exercise id -> the module of nnbook.exercises that checks it.
CHAPTERS = {"01": "neurons_layers", "02": "activations", "03": "why_a_loss",
            "04": "losses", "05": "why_backprop", "06": "backprop",
            "07": "training", "08": "generalisation", "09": "digits",
            "10": "regularisation"}

_checkers = {}


class ExerciseFailed(AssertionError):
    """The answer does not do what the exercise asks; the message says how.

    Args:
        message (str): What was tried, what was expected and what came out.
    """

    def __init__(self, message):
        super().__init__(message)


def checker(exercise_id, title):
    """Register the function that checks exercise `exercise_id`.

    Args:
        exercise_id (str): "06-1": the chapter's number, a hyphen, the
            exercise's number.
        title (str): What the exercise builds, for the success line.

    Returns:
        (callable): A decorator that registers the checker unchanged.
    """
    def register(function):
        _checkers[exercise_id] = (title, function)
        return function
    return register


def check(exercise_id, *answer, **options):
    """Check your answer to exercise `exercise_id`; True if it passes.

    Args:
        exercise_id (str): The exercise, "06-1" (or "6.1").
        *answer (object): What the exercise asks you to write: a class, a
            function.
        **options (object): Extra settings some checkers take (see their
            exercise).

    Returns:
        (bool): True; a failing answer raises instead.

    Raises:
        ExerciseFailed: The answer is wrong; the message says where.
        KeyError: No exercise has that id.
    """
    key = _normalise(exercise_id)
    title, function = _find(key)
    try:
        detail = function(*answer, **options)
    except ExerciseFailed:
        raise
    except NotImplementedError as error:
        raise ExerciseFailed(f"exercise {_shown(key)} ({title}): a part is "
                             f"not written yet ({error or 'NotImplementedError'})"
                             ) from None
    except Exception as error:      # the reader's code crashed: say where
        raise ExerciseFailed(f"exercise {_shown(key)} ({title}): your code "
                             f"raised {type(error).__name__}: {error}") from error
    print(f"exercise {_shown(key)} ({title}): passed"
          + (f"; {detail}" if detail else ""))
    return True


def expect(condition, message):
    """Fail the check with `message` unless `condition` holds.

    Args:
        condition (bool): What a right answer does.
        message (str): What is wrong when it does not.
    """
    if not condition:
        raise ExerciseFailed(message)


def _normalise(exercise_id):
    if not isinstance(exercise_id, str):
        raise TypeError(f"exercise_id must be a string such as '06-1', got "
                        f"{type(exercise_id).__name__}")
    found = re.fullmatch(r"\s*(\d{1,2})[-.](\d{1,2})\s*", exercise_id)
    if not found:
        raise KeyError(f"exercise_id {exercise_id!r}: write it as '06-1' "
                       "(chapter 6, exercise 1)")
    return f"{int(found.group(1)):02d}-{int(found.group(2))}"


def _load(module):
    """Import nnbook.exercises.<module>, which registers its checkers."""
    name = f"{__name__}.{module}"
    if importlib.util.find_spec(name) is not None:
        importlib.import_module(name)


def _find(key):
    chapter = key.split("-")[0]
    if chapter in CHAPTERS:
        _load(CHAPTERS[chapter])
    if key not in _checkers:
        for module in CHAPTERS.values():
            _load(module)
        known = ", ".join(_shown(k) for k in sorted(_checkers)) or "none yet"
        raise KeyError(f"no checker for exercise {_shown(key)}; checkers "
                       f"exist for: {known}")
    return _checkers[key]


def _shown(key):
    chapter, number = key.split("-")
    return f"{int(chapter)}.{number}"
