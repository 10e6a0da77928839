"""Exercise 9.3: a confusion matrix, and recall and precision per digit.

Write confusion_matrix(y_true, y_pred, classes): rows are the true class,
columns the predicted one. Check that each row adds up to the number of
images of that digit and that the diagonal over the total is evaluate's
accuracy; then compute each digit's recall (right / row) and precision
(right / column) on the validation set and find the digit with the lowest
recall.
The starter is ex3_confusion_starter.py.
"""

# --8<-- [start:solution]
import numpy as np

from nnbook import digits_data, train_digits
from nnbook.exercises import check


def confusion_matrix(y_true, y_pred, classes):
    """counts[t, p]: how many images of class t were predicted as p."""
    counts = np.zeros((classes, classes), dtype=int)
    np.add.at(counts, (y_true, y_pred), 1)
    return counts


check("09-3", confusion_matrix)


_, (X_val, y_val), _ = digits_data(0)
model, _ = train_digits(0)
predicted = model.predict(X_val).argmax(axis=1)
confusion = confusion_matrix(y_val, predicted, 10)
right = np.diag(confusion)
recall = right / confusion.sum(axis=1)         # of each true digit
with np.errstate(invalid="ignore"):            # a digit never predicted
    precision = right / confusion.sum(axis=0)  # of each answer
for digit in range(10):
    print(f"{digit}: recall {recall[digit]:.3f}, "
          f"precision {precision[digit]:.3f}")
worst = int(np.argmin(recall))
print("lowest recall:", worst)
# --8<-- [end:solution]

# Self-check.
assert confusion.shape == (10, 10)
assert np.array_equal(confusion.sum(axis=1), np.bincount(y_val, minlength=10))
assert confusion.sum(axis=0).sum() == len(y_val)
loss, accuracy = model.evaluate(X_val, y_val)
assert np.isclose(np.trace(confusion) / len(y_val), accuracy)
assert np.all((0 <= recall) & (recall <= 1))
assert recall[worst] == recall.min() < 1      # the model is not perfect
# The same function on a tiny hand-made case.
small = confusion_matrix(np.array([0, 0, 1, 2]), np.array([0, 1, 1, 2]), 3)
assert np.array_equal(small, [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
