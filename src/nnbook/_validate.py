"""Input checks shared by every module.

A wrong shape or a NaN should stop the reader at the call they wrote, with a
message that names the problem, instead of surfacing as a NumPy traceback three
calls deep or, worse, as a plausible but wrong number.
"""

import numpy as np


def as_float_array(x, name, *, ndim=None):
    """Return `x` as a finite, non-empty float64 array, or raise a clear error."""
    if type(x) is np.ndarray and x.dtype == np.float64:
        array = x                    # the common case: no conversion needed
    else:
        array = _to_float64(x, name)
    if ndim is not None and array.ndim not in _as_tuple(ndim):
        raise ValueError(
            f"{name} must be a {_ndim_words(ndim)} array; "
            f"got shape {array.shape}"
        )
    check_not_empty(array, name)
    check_finite(array, name)
    return array


def _to_float64(x, name):
    array = np.asarray(x)
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or array.dtype == bool
    ):
        raise TypeError(f"{name} must hold numbers; got dtype {array.dtype}")
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must be real-valued; got dtype {array.dtype}")
    return array.astype(np.float64, copy=False)


def check_positive_int(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) \
            or value < 1:
        raise ValueError(f"{name} must be a positive integer; got {value!r}")


def check_not_empty(array, name):
    if array.size == 0:
        raise ValueError(f"empty batch: {name} has shape {array.shape}")


def check_finite(array, name):
    if not np.isfinite(array).all():
        bad = np.argwhere(~np.isfinite(array))[0]
        index = tuple(int(i) for i in bad)
        raise ValueError(
            f"NaN or inf in {name}: {array[index]} at index "
            f"{index if len(index) > 1 else index[0]} (shape {array.shape})"
        )


def as_labels(labels, name="labels", *, num_classes=None):
    """Return integer class labels as an int64 array of shape (n,).

    Accepts shape (n,) or (n, 1), like Keras' sparse losses. Floats are
    accepted only when every value is a whole number.
    """
    array = np.asarray(labels)
    if array.dtype != np.int64 and (
            array.dtype == bool or not np.issubdtype(array.dtype, np.number)):
        raise TypeError(
            f"{name} must be integer class indices; got dtype {array.dtype}"
        )
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(
            f"{name} must have shape (n,) or (n, 1); got shape {array.shape}"
        )
    check_not_empty(array, name)
    if array.dtype != np.int64 and not np.issubdtype(array.dtype, np.integer):
        check_finite(array, name)
        fractional = array != np.round(array)
        if fractional.any():
            i = int(np.argmax(fractional))
            raise ValueError(
                f"{name} must be whole numbers (class indices); got {array[i]} "
                f"at index {i}"
            )
    array = array.astype(np.int64, copy=False)
    if num_classes is None:
        outside, allowed = array < 0, ">= 0"
    else:
        outside = (array < 0) | (array >= num_classes)
        allowed = f"in [0, {num_classes - 1}] for {num_classes} classes"
    if outside.any():
        i = int(np.argmax(outside))
        raise ValueError(
            f"{name} must be {allowed}; got {array[i]} at index {i}"
        )
    return array


def check_probabilities(y_pred, name="y_pred", *, rows_sum_to_one):
    """Check that `y_pred` holds probabilities (what from_logits=False means)."""
    outside = (y_pred < 0) | (y_pred > 1)
    if outside.any():
        index = tuple(int(i) for i in np.argwhere(outside)[0])
        raise ValueError(
            f"{name} must hold probabilities in [0, 1] when from_logits=False; "
            f"got {y_pred[index]} at index {_show(index)}. If these are raw "
            "scores (logits), pass from_logits=True."
        )
    if rows_sum_to_one:
        sums = y_pred.sum(axis=-1)
        off = np.abs(sums - 1.0) > 1e-6
        if off.any():
            row = int(np.argmax(off))
            raise ValueError(
                f"each row of {name} must sum to 1 when from_logits=False; "
                f"row {row} sums to {sums[row]:.9g}. If these are raw scores "
                "(logits), pass from_logits=True; if you passed labels first "
                "to a loss class, note that classes take y_pred first."
            )


def check_one_hot(y_true, name="y_true"):
    """Check that every row of `y_true` is 0/1 with exactly one 1."""
    zero_or_one = (y_true == 0) | (y_true == 1)
    rows_ok = zero_or_one.all(axis=1) & (y_true.sum(axis=1) == 1)
    if not rows_ok.all():
        row = int(np.argmin(rows_ok))
        raise ValueError(
            f"{name} must be one-hot (0/1 with exactly one 1 per row); row "
            f"{row} is {np.array2string(y_true[row], precision=4)}. Did you "
            "swap y_true and y_pred? Loss functions take (y_true, y_pred); "
            "loss classes take (y_pred, y_true)."
        )


def check_same_shape(a, b, a_name, b_name):
    if a.shape != b.shape:
        raise ValueError(
            f"{a_name} and {b_name} must have the same shape; got "
            f"{a.shape} and {b.shape}"
        )


def _as_tuple(ndim):
    return ndim if isinstance(ndim, tuple) else (ndim,)


def _ndim_words(ndim):
    return " or ".join(f"{n}-D" for n in _as_tuple(ndim))


def _show(index):
    return index if len(index) > 1 else index[0]
