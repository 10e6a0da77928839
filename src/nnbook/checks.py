"""Input checks at the public boundary, shared by every module.

A wrong shape or a NaN should stop the reader at the call they wrote, with a
message that names the problem, instead of surfacing as a NumPy traceback three
calls deep or, worse, as a plausible but wrong number.

Inside `Sequential.fit`, whose data is checked once before the first step,
the checks are switched off (`nnbook.node.unchecked`): `as_array` and the
loss checks then hand their arguments back unchanged.
"""

import contextvars
import inspect
import math

import numpy as np

# True outside fit's training loop; see nnbook.node.unchecked.
checking = contextvars.ContextVar("nnbook_checking", default=True)


def as_array(x, name="x", *, ndim=None):
    """`x` as a finite float64 array, unless inside a checked-once loop."""
    if not checking.get():
        return x
    return as_float_array(x, name, ndim=ndim)


def as_float_array(x, name, *, ndim=None):
    """Return `x` as a finite, non-empty float64 array, or raise a clear error."""
    if type(x) is np.ndarray and x.dtype == np.float64:
        array = x                    # the common case: no conversion needed
    else:
        array = _to_float64(x, name)
    if ndim is not None and array.ndim not in _as_tuple(ndim):
        raise ValueError(
            f"{name} must be a {_ndim_words(ndim)} array; "
            f"got shape {array.shape}{_ndim_hint(array, ndim)}"
        )
    check_not_empty(array, name)
    check_finite(array, name)
    return array


def _ndim_hint(array, ndim):
    if ndim != 2:
        return ""
    if array.ndim == 1:
        return (". For one sample write [x] (shape (1, features)); for one "
                "feature, x.reshape(-1, 1)")
    if array.ndim > 2:
        return ". Flatten each sample first: x.reshape(len(x), -1)"
    return ""


def array_of(x, name):
    """np.asarray(x), with an error that names `x` if its rows differ in length."""
    try:
        return np.asarray(x)
    except ValueError:
        raise ValueError(
            f"{name} must be a rectangular array: its rows (or their rows) "
            "have different lengths"
        ) from None


def _to_float64(x, name):
    if x is None:
        raise TypeError(f"{name} must be an array of numbers; got None")
    array = array_of(x, name)
    if array.dtype == bool:
        raise TypeError(
            f"{name} must hold numbers, not True/False; got dtype bool "
            "(write x.astype(float) if you mean 0 and 1)"
        )
    if array.dtype == object or not np.issubdtype(array.dtype, np.number):
        raise TypeError(f"{name} must hold numbers; got dtype {array.dtype}"
                        + (" (a None or a text inside?)"
                           if array.dtype == object else ""))
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must be real-valued; got dtype {array.dtype}")
    return array.astype(np.float64, copy=False)


def check_positive_int(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) \
            or value < 1:
        raise ValueError(f"{name} must be a positive integer; got {value!r}")


def array_and_axis(x, axis_value):
    """(x as a finite float64 array, axis as a valid axis of it)."""
    x = as_array(x)
    return x, axis(axis_value, x)


def axis(value, x, name="axis"):
    """An axis of the array x, as an int (negative counts from the end)."""
    if not checking.get():
        return value
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer; got {value!r}")
    if x.ndim == 0:
        raise ValueError(
            f"x must be an array of scores with at least one axis; got the "
            f"single number {float(x)} (shape ())"
        )
    if not -x.ndim <= value < x.ndim:
        raise ValueError(
            f"{name}={value} is out of range for an array of shape "
            f"{x.shape} ({x.ndim} axes: use 0..{x.ndim - 1} or -1)"
        )
    return int(value)


def check_bool(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False; got {value!r}")


def check_not_empty(array, name):
    if array.size == 0:
        what = "empty batch" if array.ndim and array.shape[0] == 0 \
            else "no values"
        raise ValueError(f"{what}: {name} has shape {array.shape}")


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
    if labels is None:
        raise TypeError(f"{name} must be integer class indices; got None")
    array = array_of(labels, name)
    if array.dtype != np.int64 and (
            array.dtype == bool or not np.issubdtype(array.dtype, np.number)):
        raise TypeError(
            f"{name} must be integer class indices; got dtype {array.dtype}"
            + (". For codes such as names, map them first: "
               "to_indices(labels, classes=[...])"
               if array.dtype.kind in "USO" else "")
        )
    if np.iscomplexobj(array):
        raise TypeError(
            f"{name} must be integer class indices; got dtype {array.dtype}")
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(
            f"{name} must have shape (n,) or (n, 1); got shape {array.shape}"
            + (". One-hot rows? Use categorical_crossentropy, or "
               "to_indices / argmax(axis=1) for class indices"
               if array.ndim == 2 else "")
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


LOGITS_HINT = "If these are raw scores (logits), pass from_logits=True."
CLASS_HINT = ("The loss classes take probabilities: end the model with "
              "Sigmoid() or Softmax(), or give raw scores (logits) to "
              "SoftmaxCategoricalCrossentropy().")


def check_probabilities(y_pred, name="y_pred", *, rows_sum_to_one,
                        hint=LOGITS_HINT, when=" when from_logits=False"):
    """Check that `y_pred` holds probabilities (what from_logits=False means)."""
    outside = (y_pred < 0) | (y_pred > 1)
    if outside.any():
        index = tuple(int(i) for i in np.argwhere(outside)[0])
        raise ValueError(
            f"{name} must hold probabilities in [0, 1]{when}; "
            f"got {y_pred[index]} at index {_show(index)}. {hint}"
        )
    if rows_sum_to_one:
        sums = y_pred.sum(axis=-1)
        off = np.abs(sums - 1.0) > 1e-6
        if off.any():
            row = int(np.argmax(off))
            raise ValueError(
                f"each row of {name} must sum to 1 when from_logits=False; "
                f"row {row} sums to {sums[row]:.9g}. {hint} If you passed "
                "labels first to a loss class, note that classes take y_pred "
                "first."
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


# Keras' backend epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON].
EPSILON = 1e-7


def seed(value, name="seed"):
    """A seed for numpy.random.default_rng: None or a non-negative integer."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            f"{name} must be a non-negative integer or None; got {value!r}"
        )
    if value < 0:
        raise ValueError(f"{name} must be >= 0; got {value}")


def positive_number(value, name, *, allow_zero=False):
    """A finite real number > 0 (or >= 0), not a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, (int, float,
                                                         np.integer,
                                                         np.floating)):
        raise TypeError(f"{name} must be a number; got {value!r}")
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be a finite number {bound}; got {value!r}")
    return float(value)


def layer_size(n_inputs, n_neurons, seed_value, scale):
    check_positive_int(n_inputs, "n_inputs")
    check_positive_int(n_neurons, "n_neurons")
    seed(seed_value)
    if scale is not None:
        positive_number(scale, "scale")


def dense_parameters(layer):
    """A Dense layer's weights and biases still fit together (set by hand?)."""
    weights, biases = layer.weights, layer.biases
    for name, array in (("weights", weights), ("biases", biases)):
        if not isinstance(array, np.ndarray) or array.ndim != 2:
            raise ValueError(
                f"Dense: {name} must be a 2-D NumPy array; got "
                f"{type(array).__name__} of shape {np.shape(array)}"
            )
    if biases.shape != (1, weights.shape[1]):
        raise ValueError(
            f"Dense: weights of shape {weights.shape} need biases of shape "
            f"(1, {weights.shape[1]}); got biases of shape {biases.shape}"
        )


def check_batch(y_true, y_pred, true_name="y_true", pred_name="y_pred"):
    if len(y_true) != len(y_pred):
        raise ValueError(
            f"{true_name} and {pred_name} must have the same number of "
            f"samples; got {len(y_true)} and {len(y_pred)} (shapes "
            f"{y_true.shape} and {y_pred.shape})"
        )


def check_from_logits(from_logits):
    if not isinstance(from_logits, (bool, np.bool_)):
        raise TypeError(f"from_logits must be True or False; got {from_logits!r}")


def binary_targets(y_true, n_outputs):
    """0/1 labels as a float array of shape (n, n_outputs) for a sigmoid output."""
    y_true = as_float_array(y_true, "y_true", ndim=(1, 2))
    if y_true.ndim == 1 and n_outputs == 1:
        y_true = y_true[:, None]                    # (n,) against (n, 1)
    if y_true.ndim != 2 or y_true.shape[1] != n_outputs:
        raise ValueError(
            f"y_true must have shape (n, {n_outputs}) to match the model's "
            f"{n_outputs} output(s); got shape {y_true.shape}"
        )
    _check_zero_one(y_true)
    return y_true


def plain_targets(y_true, n_outputs):
    """A finite float array of shape (n, n_outputs); (n,) for one output."""
    y_true = as_float_array(y_true, "y_true", ndim=(1, 2))
    if y_true.ndim == 1 and n_outputs == 1:
        y_true = y_true[:, None]
    if y_true.ndim != 2 or y_true.shape[1] != n_outputs:
        raise ValueError(
            f"y_true must have shape (n, {n_outputs}) to match the model's "
            f"{n_outputs} output(s); got shape {y_true.shape}"
        )
    return y_true


def _check_zero_one(y_true):
    not_binary = (y_true != 0) & (y_true != 1)
    if not_binary.any():
        index = tuple(int(i) for i in np.argwhere(not_binary)[0])
        raise ValueError(
            f"y_true must hold 0/1 labels; got {y_true[index]} at index "
            f"{_show(index)}. Did you swap y_true and y_pred? Loss "
            "functions take (y_true, y_pred); loss classes take "
            "(y_pred, y_true)."
        )


def binary_inputs(y_true, y_pred, from_logits, *, hint=LOGITS_HINT):
    """Checked (y_true, y_pred) for binary cross-entropy, same shape."""
    if not checking.get():
        return y_true, y_pred
    check_from_logits(from_logits)
    y_pred = as_float_array(y_pred, "y_pred", ndim=(1, 2))
    y_true = as_float_array(y_true, "y_true", ndim=(1, 2))
    if y_true.shape != y_pred.shape and y_true.size == y_pred.size == \
            len(y_pred) and len(y_true) == len(y_pred):
        y_true = y_true.reshape(y_pred.shape)      # (n,) against (n, 1)
    check_same_shape(y_true, y_pred, "y_true", "y_pred")
    _check_zero_one(y_true)
    if not from_logits:
        check_probabilities(y_pred, rows_sum_to_one=False, hint=hint)
    return y_true, y_pred


def categorical_targets(y_true, n_outputs):
    """One-hot (n, n_outputs) targets from one-hot rows or integer labels."""
    if n_outputs < 2:
        raise ValueError(
            "categorical cross-entropy needs at least 2 outputs (one per "
            f"class); the predictions have {n_outputs}. For one output "
            "use a sigmoid with BinaryCrossentropy()."
        )
    y_array = array_of(y_true, "y_true")
    if y_array.ndim == 1 or (y_array.ndim == 2 and y_array.shape[1] == 1):
        labels = as_labels(y_array, "y_true", num_classes=n_outputs)
        return np.eye(n_outputs)[labels]
    y_true = as_float_array(y_array, "y_true", ndim=2)
    if y_true.shape[1] != n_outputs:
        raise ValueError(
            f"y_true and y_pred must have the same shape; one-hot y_true "
            f"has {y_true.shape[1]} columns, y_pred {n_outputs} (shapes "
            f"{y_true.shape} and (n, {n_outputs}))"
        )
    check_one_hot(y_true)
    return y_true


def categorical_inputs(y_true, y_pred, from_logits, pred_name="y_pred", *,
                       hint=LOGITS_HINT):
    """Checked (one-hot y_true, y_pred), both of shape (n, classes)."""
    if not checking.get():
        return y_true, y_pred
    check_from_logits(from_logits)
    y_pred = as_float_array(y_pred, pred_name, ndim=2)
    if y_true is None:
        raise TypeError("y_true must be labels or one-hot rows; got None")
    y_array = array_of(y_true, "y_true")
    if y_array.ndim == 2 and y_array.shape[1] > 1 and \
            y_array.shape != y_pred.shape:
        raise ValueError(
            f"y_true and {pred_name} must have the same shape; got "
            f"{y_array.shape} and {y_pred.shape}"
        )
    y_true = categorical_targets(y_array, y_pred.shape[1])
    check_batch(y_true, y_pred, pred_name=pred_name)
    if not from_logits:
        check_probabilities(y_pred, pred_name, rows_sum_to_one=True,
                            hint=hint)
    return y_true, y_pred


def sparse_inputs(labels, y_pred, from_logits):
    """Checked (integer labels (n,), y_pred (n, classes))."""
    if not checking.get():
        return labels, y_pred
    check_from_logits(from_logits)
    y_pred = as_float_array(y_pred, "y_pred", ndim=2)
    labels = as_labels(labels, "labels", num_classes=y_pred.shape[1])
    check_batch(labels, y_pred, "labels")
    if not from_logits:
        check_probabilities(y_pred, rows_sum_to_one=True)
    return labels, y_pred


def accuracy_inputs(y_true, y_pred):
    """(integer labels (n,), y_pred) for accuracy, or a clear error."""
    if not checking.get():
        return y_true, y_pred
    y_pred = as_float_array(y_pred, "y_pred", ndim=(1, 2))
    classes = y_pred.shape[1] if y_pred.ndim == 2 and y_pred.shape[1] > 1 \
        else 2
    y_array = array_of(y_true, "y_true")
    if y_array.ndim == 2 and y_array.shape[1] > 1:       # one-hot rows
        if y_array.shape[1] != classes:
            raise ValueError(
                f"one-hot y_true has {y_array.shape[1]} columns but y_pred "
                f"scores {classes} classes (shapes {y_array.shape} and "
                f"{y_pred.shape}). accuracy takes (y_true, y_pred): labels "
                "first."
            )
        y_array = as_float_array(y_array, "y_true")
        check_one_hot(y_array)
        y_array = y_array.argmax(axis=1)
    if y_pred.ndim == 1 or y_pred.shape[1] == 1:       # thresholded at 0.5
        check_probabilities(
            y_pred, rows_sum_to_one=False, when="",
            hint="One output is read as a probability, thresholded at 0.5: "
                 "for logits pass sigmoid(z), or z > 0.")
    labels = as_labels(y_array, "y_true", num_classes=classes)
    check_batch(labels, y_pred)
    return labels, y_pred


def _label_shape(labels, name="labels"):
    shape = array_of(labels, name).shape
    if len(shape) == 0 or len(shape) > 2 or (len(shape) == 2 and shape[1] != 1):
        raise ValueError(
            f"{name} must have shape (n,) or (n, 1); got shape {shape}"
        )
    if shape[0] == 0:
        raise ValueError(f"empty batch: {name} has shape {shape}")


def to_indices_args(labels, classes):
    if isinstance(classes, (str, bytes)) or not hasattr(classes, "__len__"):
        raise TypeError(
            f"classes must be a list of the label codes, e.g. [1, 2, 3, 4]; "
            f"got {classes!r}"
        )
    if isinstance(classes, (set, frozenset, dict)):
        raise TypeError(
            f"classes must be a list or tuple: column j stands for "
            f"classes[j], and a {type(classes).__name__} has no order; got "
            f"{classes!r}. Write sorted(...) or list the codes in order."
        )
    codes = array_of(classes, "classes")
    if codes.ndim != 1 or len(codes) == 0:
        raise ValueError(
            f"classes must be a non-empty flat list of codes; got shape "
            f"{codes.shape}"
        )
    try:
        unique = len(set(codes.tolist()))
    except TypeError:
        raise TypeError(f"classes must hold numbers or strings; got {classes!r}")
    if unique != len(codes):
        raise ValueError(f"classes has repeated entries: {list(classes)}")
    _label_shape(labels)


def one_hot_args(labels, num_classes, classes):
    if num_classes is not None:
        check_positive_int(num_classes, "num_classes")
    if classes is not None:
        to_indices_args(labels, classes)
        if num_classes is not None and num_classes != len(classes):
            raise ValueError(
                f"num_classes={num_classes} disagrees with classes, which "
                f"lists {len(classes)} codes; pass one of the two"
            )


def spiral_args(samples_per_class, classes, noise, seed_value):
    check_positive_int(samples_per_class, "samples_per_class")
    check_positive_int(classes, "classes")
    positive_number(noise, "noise", allow_zero=True)
    seed(seed_value)


def two_blobs_args(samples_per_class, distance, spread, seed_value):
    check_positive_int(samples_per_class, "samples_per_class")
    positive_number(distance, "distance", allow_zero=True)
    positive_number(spread, "spread", allow_zero=True)
    seed(seed_value)


def split_args(X, y, fractions, seed_value):
    """(X, y, fractions as floats) for stratified_split, all checked."""
    X = array_of(X, "X")
    labels = array_of(y, "y")
    if X.ndim == 0:
        raise ValueError("X must hold one sample per row; got a scalar")
    if labels.ndim != 1:
        raise ValueError(f"y must be 1-D, one label per sample; got shape "
                         f"{labels.shape}")
    if len(X) != len(labels):
        raise ValueError(f"X and y must have the same number of samples; "
                         f"got {len(X)} and {len(labels)}")
    if labels.dtype.kind not in "iu":
        raise TypeError(f"y must hold integer class labels; got dtype "
                        f"{labels.dtype}")
    try:
        fractions = [positive_number(f, f"fractions[{i}]")
                     for i, f in enumerate(fractions)]
    except TypeError as error:
        if "fractions[" in str(error):
            raise
        raise TypeError(f"fractions must be a sequence of numbers; got "
                        f"{fractions!r}") from None
    if not fractions:
        raise ValueError("fractions must name at least one part")
    if abs(sum(fractions) - 1.0) > 1e-9:
        raise ValueError(f"fractions must add up to 1; got {fractions} "
                         f"(sum {sum(fractions):g})")
    seed(seed_value)
    classes, counts = np.unique(labels, return_counts=True)
    if len(counts) and counts.min() < len(fractions):
        k = classes[counts.argmin()]
        raise ValueError(f"class {k} has {counts.min()} samples, fewer than "
                         f"the {len(fractions)} parts")
    return X, labels, fractions


def fraction(value, name):
    """A number in [0, 1): momentum, beta_1, beta_2."""
    value = positive_number(value, name, allow_zero=True)
    if not value < 1.0:
        raise ValueError(f"{name} must be in [0, 1); got {value!r}")
    return value


MONITORED = ("val_loss", "val_accuracy", "loss", "accuracy")


def early_stopping_args(monitor, patience, restore_best_weights):
    if monitor not in MONITORED:
        raise ValueError(f"monitor must be one of {', '.join(MONITORED)} "
                         f"(a key of fit's history); got {monitor!r}")
    check_positive_int(patience, "patience")
    check_bool(restore_best_weights, "restore_best_weights")


def early_stopping_fits(early_stopping, validation_data):
    """fit's early_stopping: None or an EarlyStopping that can see its metric."""
    from .regularisation import EarlyStopping
    if early_stopping is None:
        return
    if not isinstance(early_stopping, EarlyStopping):
        raise TypeError(f"early_stopping must be an nnbook EarlyStopping or "
                        f"None; got {type(early_stopping).__name__}")
    if early_stopping.monitor.startswith("val_") and validation_data is None:
        raise ValueError(f"early_stopping watches {early_stopping.monitor!r}, "
                         f"which needs validation_data=(X_val, y_val)")


def learning_rate(value):
    """A finite number > 0, or a schedule: a callable lr(step)."""
    if not callable(value):
        return positive_number(value, "learning_rate")
    if isinstance(value, type):
        raise TypeError(
            f"learning_rate is the class {value.__name__}; pass a schedule "
            f"made from it, e.g. {value.__name__}(0.05, 1, 1e-3)"
        )
    try:
        inspect.signature(value).bind(0)
    except TypeError:
        raise TypeError(
            f"a learning-rate schedule is called with the step count, "
            f"lr(step); {value!r} does not take one argument"
        ) from None
    except ValueError:               # no signature to inspect (a builtin)
        pass
    return value


def scheduled_rate(rate, step):
    """A schedule's learning rate must be a finite number > 0."""
    if isinstance(rate, bool) or not isinstance(
            rate, (int, float, np.integer, np.floating)) \
            or not 0 < rate < np.inf:
        raise ValueError(
            f"the learning-rate schedule returned {rate!r} at step {step}; "
            "a learning rate must be a finite number > 0"
        )
    return rate


def first_step(optimizer, layers):
    """The parameters an optimiser will own, checked on its first step.

    The layers and their (parameter, gradient) pairs are tried here, before
    the optimiser keeps any state. Until a first step succeeds, iterations
    stays 0 and the next step starts afresh.
    """
    name = type(optimizer).__name__
    from .optimizers import Optimizer
    for method in ("start(size)", "update(grad, learning_rate)"):
        if getattr(type(optimizer), method.split("(")[0]) is \
                getattr(Optimizer, method.split("(")[0]):
            raise NotImplementedError(
                f"{name} must define {method}: the base class Optimizer "
                "has no update rule of its own"
            )
    if not isinstance(layers, (list, tuple)):
        raise TypeError(
            f"{name}.step(layers) takes a list of layers (model.layers); "
            f"got {type(layers).__name__}"
        )
    for i, layer in enumerate(layers):
        if not callable(getattr(layer, "parameters", None)):
            raise TypeError(
                f"{name}.step: layers[{i}] ({layer!r}) has no parameters() "
                "method; pass the model's layers"
            )
    pairs = []
    for i, layer in enumerate(layers):
        for pair in layer.parameters():
            _check_pair(pair, f"{name}.step: layers[{i}] ({layer!r})")
            pairs.append(pair)
    if not pairs:
        raise ValueError(
            f"{type(optimizer).__name__}.step(layers): the layers have no "
            "parameters to update"
        )
    return [param for param, _ in pairs]


def _check_pair(pair, where):
    if not isinstance(pair, (tuple, list)) or len(pair) != 2:
        raise TypeError(
            f"{where}: parameters() must return (parameter, gradient) "
            f"pairs; got {type(pair).__name__}"
            + (f" of length {len(pair)}" if hasattr(pair, "__len__") else "")
        )
    param, grad = pair
    for role, array in (("parameter", param), ("gradient", grad)):
        if not isinstance(array, np.ndarray):
            raise TypeError(
                f"{where}: each {role} must be a NumPy array, updated in "
                f"place; got {type(array).__name__}"
            )
    if not np.issubdtype(param.dtype, np.floating):
        raise TypeError(
            f"{where}: a parameter of dtype {param.dtype} cannot take "
            "fractional steps; make it a float array, e.g. "
            "np.array(..., dtype=float)"
        )
    if param.shape != grad.shape:
        raise ValueError(
            f"{where}: a gradient of shape {grad.shape} belongs to a "
            f"parameter of shape {param.shape}"
        )


def same_parameters(optimizer, pairs):
    """One optimiser, one model: its moments belong to those parameters.

    Inside fit, ready_to_train has checked this once before the first step.
    """
    if not checking.get():
        return
    if not _same(optimizer.params, pairs):
        raise ValueError(
            f"{type(optimizer).__name__}.step got other parameters than on "
            "its first step; its state (moments, step count) belongs to "
            "that model. Use one optimiser per model."
        )
    for i, (_, grad) in enumerate(pairs):
        if not np.isfinite(grad).all():
            check_finite(grad, f"the gradient of parameter {i}")


def _same(params, pairs):
    return params is not None and len(pairs) == len(params) and all(
        param is mine for (param, _), mine in zip(pairs, params))


def _serves(optimizer, layers):
    """Raise unless `optimizer` is fresh or has stepped exactly these layers."""
    if getattr(optimizer, "params", None) is None or optimizer.iterations == 0:
        return
    try:
        pairs = [pair for layer in layers for pair in layer.parameters()]
    except (RuntimeError, AttributeError):   # no gradients: not stepped
        pairs = []
    if not _same(optimizer.params, pairs):
        name = type(optimizer).__name__
        raise ValueError(
            f"this {name} has taken {optimizer.iterations} step(s) on another "
            "model's parameters, and its state (moments, step count) "
            f"belongs to them. Use one optimiser per model: give this one "
            f"its own {name}(...)."
        )


def model_parts(layers, loss, optimizer):
    """Sequential's layers, loss and optimiser, or an error that says what to pass."""
    from .node import Layer, Loss
    from .optimizers import Optimizer
    if isinstance(layers, Layer) or not isinstance(layers, (list, tuple)):
        raise TypeError(
            "layers must be a list of layers, e.g. [Dense(2, 64), ReLU(), "
            f"Dense(64, 3)]; got {layers!r}"
        )
    if not layers:
        raise ValueError("layers is empty: a model needs at least one layer")
    for i, layer in enumerate(layers):
        if isinstance(layer, type) and issubclass(layer, Layer):
            raise TypeError(
                f"layers[{i}] is the class {layer.__name__}, not a layer: "
                f"write {layer.__name__}(...) with parentheses"
            )
        if not isinstance(layer, Layer):
            raise TypeError(
                f"layers[{i}] must be a layer (a subclass of "
                f"nnbook.node.Layer, such as Dense or ReLU); got {layer!r}"
            )
    _check_widths(layers)
    _check_part(loss, Loss, "loss", "SoftmaxCategoricalCrossentropy()",
                "categorical_crossentropy")
    if optimizer is not None:
        _check_part(optimizer, Optimizer, "optimizer", "Adam()", "adam")
        _serves(optimizer, layers)
    loss.check_layers(layers)
    return list(layers), loss, optimizer


def _check_widths(layers):
    """Each Dense layer takes as many inputs as the one before gives out."""
    from .activations import ReLU, Sigmoid, Softmax
    from .layers import Dense
    from .regularisation import Dropout
    width = None                         # unknown until the first Dense
    for i, layer in enumerate(layers):
        if isinstance(layer, Dense):
            n_inputs, n_neurons = layer.weights.shape
            if width is not None and n_inputs != width:
                raise ValueError(
                    f"layers[{i}] is {layer!r}, which takes {n_inputs} "
                    f"inputs, but the layer before it gives {width} "
                    f"outputs: write Dense({width}, {n_neurons})"
                )
            width = n_neurons
        elif not isinstance(layer, (ReLU, Sigmoid, Softmax, Dropout)):
            width = None                 # a custom layer: width unknown


def _check_part(value, kind, name, example, keras_name):
    if isinstance(value, str):
        raise TypeError(
            f"{name}={value!r}: nnbook takes objects, not Keras' names; "
            f"pass an instance such as {name}={example}"
        )
    if isinstance(value, type) and issubclass(value, kind):
        raise TypeError(
            f"{name} is the class {value.__name__}; pass an instance: "
            f"{name}={value.__name__}()"
        )
    if not isinstance(value, kind) and callable(value) and \
            hasattr(value, "__name__"):
        raise TypeError(
            f"{name} is the function {value.__name__}; a model needs an "
            f"nnbook {kind.__name__} object, such as {name}={example}"
        )
    if not isinstance(value, kind):
        raise TypeError(
            f"{name} must be an nnbook {kind.__name__} such as {example}; "
            f"got {value!r}"
        )


def last_layer_gives_probabilities(loss, layers, wanted):
    """Raise if the model's last layer cannot give the probabilities `loss` takes.

    Raw scores (Dense, ReLU) are never probabilities; Sigmoid outputs do
    not sum to 1 per row (CategoricalCrossentropy), and a Softmax over one
    output is always 1 (BinaryCrossentropy).
    """
    from .activations import ReLU, Sigmoid, Softmax
    from .layers import Dense
    last, before = layers[-1], (layers[-2] if len(layers) > 1 else None)
    if isinstance(last, (Dense, ReLU)):
        why = "whose outputs are raw scores, not probabilities"
    elif wanted == "Softmax()" and isinstance(last, Sigmoid):
        why = "whose rows do not sum to 1"
    elif wanted == "Sigmoid()" and isinstance(last, Softmax) and \
            isinstance(before, Dense) and before.weights.shape[1] == 1:
        why = "and a softmax over one output is always 1"
    else:
        return
    raise ValueError(
        f"{type(loss).__name__}() takes probabilities, but the last layer "
        f"is {last!r}, {why}: end the model with {wanted}"
        + (", or give the logits to SoftmaxCategoricalCrossentropy()"
           if wanted == "Softmax()" else "")
    )


def ready_to_train(model):
    """A model that can learn: an nnbook optimiser that serves it alone.

    Inside fit, whose call checked this once, it returns at once.
    """
    if not checking.get():
        return
    from .optimizers import Optimizer
    if model.optimizer is None:
        raise ValueError(
            "this model has no optimizer, so it cannot learn; build it "
            "with Sequential(..., optimizer=Adam()) (or SGD(...)), or set "
            "model.optimizer = Adam()"
        )
    _check_part(model.optimizer, Optimizer, "optimizer", "Adam()", "adam")
    _serves(model.optimizer, model.layers)


def fit_args(model, X, y, epochs, batch_size, validation_data, seed_value,
             progress):
    """Everything fit needs, checked once before the first update.

    Returns X, the loss's targets for y, integer labels for accuracy, and
    validation data as (X_val, targets, labels) or None.
    """
    ready_to_train(model)
    check_positive_int(epochs, "epochs")
    if batch_size is not None:
        check_positive_int(batch_size, "batch_size")
    seed(seed_value)
    check_bool(progress, "progress")
    X, targets, labels = _data(model, X, y, "X", "y")
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or \
                len(validation_data) != 2:
            raise TypeError(
                "validation_data must be a pair (X_val, y_val); got "
                f"{type(validation_data).__name__}"
                + (f" of length {len(validation_data)}"
                   if hasattr(validation_data, "__len__") else "")
            )
        validation_data = _data(model, *validation_data, "X_val", "y_val")
    return X, targets, labels, validation_data


def evaluate_args(model, X, y):
    """X and y for evaluate: the same checks as fit's, named X and y."""
    if checking.get():
        _data(model, X, y, "X", "y")


def _data(model, X, y, x_name, y_name):
    """(X, loss targets, labels) for one data set, checked against the model."""
    X = as_float_array(X, x_name, ndim=2)
    if y is None:
        raise TypeError(
            f"{y_name} is None: pass the labels, one per row of {x_name}")
    try:
        model.layers[0].check_forward(X)      # X against the first layer
    except ValueError as error:
        raise ValueError(f"{x_name} does not fit the model: {error}") from None
    outputs = model.forward(X[:1])
    if np.ndim(outputs) != 2:
        raise ValueError(
            f"the model's outputs must be (batch, outputs); got shape "
            f"{np.shape(outputs)}"
        )
    y_shape = array_of(y, y_name).shape
    if len(y_shape) == 0 or y_shape[0] != len(X):
        raise ValueError(
            f"{x_name} and {y_name} must have the same number of samples; "
            f"got {len(X)} and {y_shape[0] if y_shape else 'a scalar'}"
        )
    loss = type(model.loss).__name__
    try:
        targets = model.loss.check_targets(y, outputs.shape[1])
    except (ValueError, TypeError) as error:
        raise type(error)(f"{y_name} does not suit the loss {loss}(): "
                          f"{error}") from None
    if np.ndim(targets) != 2 or len(targets) != len(X):
        raise ValueError(
            f"{loss}().check_targets must return an (n, outputs) array for "
            f"n = {len(X)} samples; got shape {np.shape(targets)}"
        )
    if targets.shape[1] > 1:
        labels = targets.argmax(axis=1)
    else:
        labels = targets[:, 0].astype(np.int64)
    return X, targets, labels


# A loss this many times the first epoch's (or 1, whichever is larger): a run
# gone wrong. The floor of 1 (a random guess among three classes costs 1.1)
# keeps a resumed run that starts near 0 from stopping at a passing jump.
DIVERGED = 100


def still_finite(history, optimizer):
    """Stop a diverging run at the epoch it diverged, not with NaN at the end.

    Diverged: the epoch's loss is not finite, or is more than 100 times that
    of the first epoch and more than 100. One comparison per epoch, on
    numbers fit has anyway.
    """
    losses = history["loss"]
    loss, first = losses[-1], losses[0]
    if math.isfinite(loss) and not DIVERGED * max(first, 1.0) < loss:
        return
    epoch, rate = len(losses), optimizer.learning_rate
    if not math.isfinite(loss):
        what = (f"the loss became {loss} in epoch {epoch}, and the weights "
                "are no longer finite")
    else:
        what = (f"the loss grew from {first:.4g} in epoch 1 to {loss:.4g} in "
                f"epoch {epoch}, more than {DIVERGED} times")
    raise RuntimeError(
        f"training diverged: {what}. Try a smaller learning rate than "
        f"{rate!r}."
    )


def spiral_model_args(seed_value, hidden, classes, name="spiral_model"):
    """A recipe seeds its layers with seed and seed + 1: an integer."""
    if seed_value is None:
        raise TypeError(
            f"{name} needs an integer seed: it seeds its two layers "
            "with seed and seed + 1; got None"
        )
    seed(seed_value)
    check_positive_int(hidden, "hidden")
    check_positive_int(classes, "classes")
    if classes < 2:
        raise ValueError(
            f"classes must be at least 2 for a softmax output; got {classes}")


def logits_floor(logits):
    """Logits, each at least its row's maximum - 1e300.

    exp gives those below 0 either way, so the probabilities do not change;
    but logits - max then stays finite even for logits of +-1e308, and so
    does the loss (at most 1e300 per sample).
    """
    top = logits.max(axis=1, keepdims=True)
    with np.errstate(over="ignore"):
        floor = top - 1e300
    if (logits >= floor).all():
        return logits
    return np.maximum(logits, floor)
