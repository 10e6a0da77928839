"""Exercise 10.3, the starter: write fit_with_early_stopping, then run it.

check("10-3", fit_with_early_stopping) says what is still wrong; the
solution, which also compares with chapter 8's every-10-epochs version, is
ex3_early_stopping.py.
"""

# --8<-- [start:starter]
from nnbook import EarlyStopping
from nnbook.exercises import check


def fit_with_early_stopping(model, X, y, validation_data):
    """One fit call that stops on val_loss and keeps the best weights."""
    # Make an EarlyStopping that watches the validation loss with
    # patience 50, pass it to model.fit (600 epochs at most, with
    # validation_data), and return (history, the stopper).
    raise NotImplementedError("fit_with_early_stopping")


check("10-3", fit_with_early_stopping)
# --8<-- [end:starter]
