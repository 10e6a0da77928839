"""Claims checked at build: a sentence about a computed result, guarded.

The prose beside an executed block says things about its output: "all 60
training points are right", "the loss keeps falling", "more than ten times
faster". Each such sentence has a `claim` in the block that produced the
numbers, with an id the Korean and English twins share:

    from bookclaims import claim
    claim("all-train-right", train_accuracy == 1.0,
          f"training accuracy is {train_accuracy:.3f}")

When the condition is false (another CPU, a changed recipe, a new NumPy),
`claim` raises ClaimFailed, naming the page and the id, and the build fails.
booksite/hooks/claims.py tells this module which page is being built and fails the
build when the two languages of a page check different sets of ids.
"""

import re

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

page = None          # the page being built, set by booksite/hooks/claims.py
checked = {}         # {page: [claim ids in the order they ran]}
failed = []          # ["page: id (detail)"]


class ClaimFailed(AssertionError):
    """A sentence of the book no longer matches the result it describes."""


def claim(id, holds, detail=""):
    """Fail the build unless `holds`, the condition a sentence states.

    Args:
        id: Lower-case words joined by hyphens ("val-loss-climbs"), the same
            on the Korean and the English page.
        holds: The condition the sentence states, a single truth value (a
            bool or a NumPy bool; an array is refused: say `.all()`).
        detail: What was measured, for the error message.
    """
    if not isinstance(id, str) or not ID.fullmatch(id):
        raise ValueError(f"claim id must be lower-case words joined by "
                         f"hyphens, got {id!r}")
    if not isinstance(holds, bool) and type(holds).__name__ != "bool":
        raise TypeError(f"claim {id!r}: the condition must be one truth "
                        f"value, got {type(holds).__name__}")
    where = page or "<no page>"
    checked.setdefault(where, []).append(id)
    if not holds:
        message = f"{where}: claim {id!r} does not hold"
        if detail:
            message += f" ({detail})"
        failed.append(message)
        raise ClaimFailed(message)
