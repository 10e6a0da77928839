"""Bad input raises a clear error from nnbook's own checks, before anything changes.

Each case is a distinct mistake a reader can make; the message must name
what is wrong and the argument, shapes or values involved, so that the
reader is stopped at their own call, not three calls deep inside NumPy.
The rules, tested for every case below:

* the exception is exactly ValueError or TypeError (RuntimeError for calls
  out of order and a diverging fit, NotImplementedError for a missing
  method of the node contract, ModuleNotFoundError for a missing optional
  dependency, FileNotFoundError for a missing model file);
* it is raised by nnbook's own code: the innermost traceback frame is in
  src/nnbook, not in NumPy or Python;
* its message is never one of NumPy's or Python's own;
* calls that change state (fit, train_step, an optimiser's step, backward)
  leave weights, gradients, the step count and Adam's moments as they were
  (`unchanged` below).

The command line reports bad arguments through argparse: exit code 2 and a
message, no traceback (CLI_CASES). Finite input gives finite, correct
results even at the extremes (the tests at the end).
"""

import math
import pathlib
import re
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pytest

import nnbook
from nnbook import (SGD, Adam, BinaryCrossentropy, CategoricalCrossentropy,
                    Dense, Dropout, EarlyStopping, InverseTimeDecay, Layer, Loss, ReLU, Sequential,
                    Sigmoid, Softmax, SoftmaxCategoricalCrossentropy)
from nnbook.__main__ import main
from nnbook.node import checked
from nnbook.optimizers import Optimizer

SRC = pathlib.Path(nnbook.__file__).resolve().parent

Y = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
P = np.array([[0.7, 0.2, 0.1], [0.3, 0.4, 0.3]])
LOGITS = np.array([[2.0, -1.0, 0.5], [0.1, 3.0, -2.0]])
NAN_P = np.array([[0.7, np.nan, 0.1], [0.3, 0.4, 0.3]])
X4 = np.array([[0.1, 0.2], [0.3, -0.1], [-0.2, 0.4], [0.5, 0.5]])
Y4 = np.array([0, 1, 2, 1])


# --- models and their state -------------------------------------------------

def small_model(optimizer="adam", loss=None):
    """2 -> 4 -> 3 with ReLU and the fused loss; Adam unless told otherwise."""
    return Sequential(
        [Dense(2, 4, seed=0), ReLU(), Dense(4, 3, seed=1)],
        loss=loss or SoftmaxCategoricalCrossentropy(),
        optimizer=Adam(0.01) if optimizer == "adam" else optimizer)


def trained(optimizer="adam"):
    """small_model after one train_step: it has gradients, moments, a count."""
    model = small_model(optimizer)
    model.train_step(X4, Y4)
    return model


def binary_model():
    return Sequential([Dense(2, 1, seed=0), Sigmoid()],
                      loss=BinaryCrossentropy(), optimizer=SGD(0.1))


def snapshot(thing):
    """Copies of what a misuse must not change in a model, layer or optimiser.

    Weights, biases and their gradients; the optimiser's step count and, once
    it has stepped, which arrays it serves and its moments or velocity. An
    optimiser whose count is 0 starts afresh on its next step.
    """
    if isinstance(thing, Sequential):
        state = {}
        for i, layer in enumerate(thing.layers):
            state.update({f"layers[{i}].{k}": v
                          for k, v in snapshot(layer).items()})
        if isinstance(thing.optimizer, Optimizer):
            state.update({f"optimizer.{k}": v
                          for k, v in snapshot(thing.optimizer).items()})
        return state
    if isinstance(thing, Optimizer):
        state = {"iterations": thing.iterations}
        if thing.iterations:
            state["params"] = [id(p) for p in thing.params]
            for name in ("m", "v", "velocity"):
                if hasattr(thing, name):
                    state[name] = np.copy(getattr(thing, name))
        return state
    return {name: np.copy(getattr(thing, name))
            for name in ("weights", "biases", "dweights", "dbiases")
            if hasattr(thing, name)}


def unchanged(call, *things):
    """Run call(); whatever it raises, each of `things` is as it was before."""
    before = [snapshot(thing) for thing in things]
    try:
        call()
    finally:
        for thing, old in zip(things, before):
            new = snapshot(thing)
            assert new.keys() == old.keys(), (thing, old.keys(), new.keys())
            for key in old:
                assert np.array_equal(new[key], old[key], equal_nan=True), \
                    f"{thing}: {key}"


# --- calls that need a few lines ---------------------------------------------

def _fit_mismatch():
    model = Sequential([Dense(2, 3)], loss=SoftmaxCategoricalCrossentropy(),
                       optimizer=Adam())
    model.fit(np.zeros((4, 2)), [0, 1, 2], epochs=1)


def _fit(model=None, X=X4, y=Y4, **options):
    """model.fit(X, y, epochs=1, ...) on a trained small model: nothing changes."""
    model = trained() if model is None else model
    options.setdefault("epochs", 1)
    unchanged(lambda: model.fit(X, y, **options), model)


def _fit_without_optimizer():
    _fit(small_model(optimizer=None))


def _fit_with_keras_optimizer_name():
    model = trained()
    model.optimizer = "adam"
    _fit(model)


def _fit_sharing_an_optimizer():
    first, second = trained(), small_model()
    second.optimizer = first.optimizer
    unchanged(lambda: second.fit(X4, Y4, epochs=1), first, second)


def _train_step_sharing_an_optimizer():
    first, second = trained(), small_model()
    second.optimizer = first.optimizer
    unchanged(lambda: second.train_step(X4, Y4), first, second)


def _step_another_model():
    first, second = trained(), trained()
    unchanged(lambda: first.optimizer.step(second.layers), first, second)


def _new_model_with_a_used_optimizer():
    first = trained()
    unchanged(lambda: small_model(optimizer=first.optimizer), first)


def _train_step_without_optimizer():
    model = trained()
    model.optimizer = None
    unchanged(lambda: model.train_step(X4, Y4), model)


def _train_step_with_other_labels():
    model = trained()
    unchanged(lambda: model.train_step(X4, [0, 1]), model)


def _without_scikit_learn(call):
    """call() with scikit-learn made unimportable, then put back."""
    saved = {name: module for name, module in sys.modules.items()
             if name == "sklearn" or name.startswith("sklearn.")}
    sys.modules.update({"sklearn": None, "sklearn.datasets": None})
    try:
        call()
    finally:
        for name in ("sklearn", "sklearn.datasets"):
            sys.modules.pop(name, None)
        sys.modules.update(saved)


class _Double(Layer):
    def forward(self, inputs, training=False):
        return 2 * inputs

    def backward(self, dvalues):
        return 2 * dvalues


def _model_file():
    """A saved small model: 2 -> 4 -> 3."""
    path = pathlib.Path(tempfile.mkdtemp()) / "small.npz"
    nnbook.save(trained(), path)
    return path


def _load_weights_into_another_architecture():
    path = _model_file()
    other = Sequential([Dense(2, 5, seed=0), ReLU(), Dense(5, 3, seed=1)],
                       loss=SoftmaxCategoricalCrossentropy())
    unchanged(lambda: nnbook.load_weights(other, path), other)


def _load_a_file_that_is_not_a_model():
    path = pathlib.Path(tempfile.mkdtemp()) / "weights.npz"
    np.savez(path, weights=np.zeros((2, 4)))
    nnbook.load(path)


def _diverging_fit():
    X, y = nnbook.spiral(100, 3, seed=0)
    model = nnbook.spiral_model(0)
    model.optimizer = SGD(1e3)
    model.fit(X, y, epochs=50)


def _custom_1d_output_fit():
    class Total(Layer):
        @checked
        def forward(self, inputs, training=False):
            return inputs.sum(axis=1)

        @checked
        def backward(self, dvalues):
            return np.ones((len(dvalues), 3)) * dvalues[:, None]

    model = Sequential([Dense(2, 3, seed=0), Total()],
                       loss=SoftmaxCategoricalCrossentropy(), optimizer=SGD())
    _fit(model)


def _custom_loss_wrong_targets():
    class MeanSquare(Loss):
        def forward(self, y_pred, y_true):
            self.diff = y_pred - y_true
            return float((self.diff ** 2).mean())

        def backward(self):
            return 2 * self.diff / self.diff.size

    model = Sequential([Dense(2, 1, seed=0)], loss=MeanSquare(),
                       optimizer=SGD())
    _fit(model, y=np.zeros((4, 2)))


def _layer_without_backward():
    class Double(Layer):
        def forward(self, inputs, training=False):
            return 2 * inputs

    Double().backward(np.ones((1, 2)))


def _loss_without_backward():
    class Half(Loss):
        def forward(self, y_pred, y_true):
            return 0.5

    Half().backward()


def _optimizer_without_update():
    class RMSprop(Optimizer):
        def start(self, size):
            self.v = np.zeros(size)

    _step(RMSprop(0.01), _with_gradients(Dense(2, 3), np.ones((1, 2))))


def _custom_checked_loss_nan():
    class Absolute(Loss):
        @checked
        def forward(self, y_pred, y_true):
            self.sign = np.sign(y_pred - y_true)
            return float(np.abs(y_pred - y_true).mean())

    Absolute().forward([[np.nan]], [[1.0]])


def _step_nan_gradient():
    layer = _with_gradients(Dense(2, 3, seed=0), np.ones((1, 2)))
    optimizer = Adam()
    optimizer.step([layer])
    layer.dweights[0, 0] = np.nan          # say, from a custom backward
    _step(optimizer, layer)


def _step(optimizer, *layers):
    """optimizer.step(layers), which must leave the layers and it as they were."""
    unchanged(lambda: optimizer.step(list(layers)), optimizer, *layers)


def _with_gradients(layer, x):
    layer.backward(np.ones_like(layer.forward(x)))
    return layer


def _dense_backward(dvalues):
    layer = _with_gradients(Dense(2, 3, seed=0), np.ones((4, 2)))
    unchanged(lambda: layer.backward(dvalues), layer)


def _relu_backward_other_shape():
    relu = ReLU()
    relu.forward(np.ones((4, 3)))
    relu.backward(np.ones((1, 3)))


def _int_weights_step():
    layer = Dense(2, 3)
    layer.weights = np.array([[1, 2, 3], [4, 5, 6]])
    _step(SGD(), _with_gradients(layer, np.ones((1, 2))))


def _weights_by_hand(weights):
    layer = Dense(2, 3)
    layer.weights = weights
    layer.forward(np.ones((1, 2)))


class _Pairs:
    """A stand-in layer whose parameters() returns what it was given."""

    def __init__(self, *pairs):
        self.pairs = list(pairs)

    def parameters(self):
        return self.pairs


def _schedule_failing_at(schedule, bad_step):
    """Steps with `schedule` until bad_step, which must change nothing."""
    layer = _with_gradients(Dense(2, 3, seed=0), np.ones((1, 2)))
    optimizer = SGD(learning_rate=schedule)
    for _ in range(bad_step):
        optimizer.step([layer])
    _step(optimizer, layer)


CASES = {
    # name: (call, exception, fragments the message must contain)

    # Arrays: shape, dtype, values.
    "mismatched shapes": (
        lambda: nnbook.categorical_crossentropy(Y, P[:, :2]), ValueError,
        ["same shape", "(2, 3)", "(2, 2)"]),
    "wrong ndim": (
        lambda: nnbook.Softmax().forward(np.array([1.0, 2.0, 3.0])),
        ValueError, ["2-D", "(3,)"]),
    "NaN in inputs": (
        lambda: Dense(3, 2).forward(NAN_P), ValueError,
        ["NaN or inf", "nan", "(0, 1)"]),
    "inf in logits": (
        lambda: nnbook.categorical_crossentropy(
            Y, np.array([[np.inf, 0.0, 0.0], [1.0, 2.0, 3.0]]),
            from_logits=True), ValueError, ["NaN or inf", "inf", "(0, 0)"]),
    "empty batch": (
        lambda: Dense(2, 3).forward(np.zeros((0, 2))), ValueError,
        ["empty batch", "(0, 2)"]),
    "non-numeric dtype": (
        lambda: Dense(2, 3).forward([["a", "b"]]), TypeError,
        ["must hold numbers", "<U1"]),
    "complex dtype": (
        lambda: nnbook.softmax(np.array([[1j, 2.0]])), TypeError,
        ["real-valued", "complex"]),
    "None as an array": (
        lambda: nnbook.relu(None), TypeError,
        ["x must be an array of numbers", "None"]),
    "rows of different lengths": (
        lambda: nnbook.relu([[1.0, 2.0], [3.0]]), ValueError,
        ["x must be a rectangular array", "different lengths"]),
    "a None inside the inputs (object array)": (
        lambda: Dense(2, 3).forward([[1.0, None]]), TypeError,
        ["must hold numbers", "object", "None"]),
    "True/False as inputs": (
        lambda: Dense(2, 3).forward(np.array([[True, False]])), TypeError,
        ["not True/False", "bool", "astype(float)"]),
    "a single number into a layer": (
        lambda: Dense(2, 3).forward(5.0), ValueError, ["2-D", "shape ()"]),
    "images not flattened (3-D inputs)": (
        lambda: Dense(4, 3).forward(np.zeros((2, 2, 2))), ValueError,
        ["2-D", "(2, 2, 2)", "reshape(len(x), -1)"]),
    "inputs with no features": (
        lambda: Dense(2, 3).forward(np.zeros((3, 0))), ValueError,
        ["no values", "(3, 0)"]),
    "empty list into relu": (
        lambda: nnbook.relu([]), ValueError, ["empty batch", "(0,)"]),
    "text into sigmoid": (
        lambda: nnbook.sigmoid("0.5"), TypeError,
        ["must hold numbers", "<U3"]),
    "softmax of a single number": (
        lambda: nnbook.softmax(3.0), ValueError,
        ["at least one axis", "3.0", "shape ()"]),
    "softmax axis as a float": (
        lambda: nnbook.softmax(P, axis=1.5), TypeError,
        ["axis must be an integer", "1.5"]),
    "softmax axis out of range": (
        lambda: nnbook.softmax(P, axis=2), ValueError,
        ["axis=2", "(2, 3)", "0..1 or -1"]),
    "log_softmax axis=True": (
        lambda: nnbook.log_softmax(P, axis=True), TypeError,
        ["axis must be an integer", "True"]),
    "log_softmax axis=None (NumPy's all elements)": (
        lambda: nnbook.log_softmax(P, axis=None), TypeError,
        ["axis must be an integer", "None"]),

    # Labels and one-hot rows.
    "label out of range": (
        lambda: nnbook.sparse_categorical_crossentropy([0, 3], P),
        ValueError, ["in [0, 2]", "3 classes", "got 3", "index 1"]),
    "negative label": (
        lambda: nnbook.one_hot([1, -1]), ValueError,
        [">= 0", "got -1", "index 1"]),
    "non-integer label": (
        lambda: nnbook.sparse_categorical_crossentropy([0, 1.5], P),
        ValueError, ["whole numbers", "1.5", "index 1"]),
    "string labels": (
        lambda: nnbook.sparse_categorical_crossentropy(["cat", "dog"], P),
        TypeError, ["integer class indices", "dtype", "to_indices"]),
    "labels of wrong shape": (
        lambda: nnbook.sparse_categorical_crossentropy(Y, P), ValueError,
        ["(n,) or (n, 1)", "(2, 3)", "categorical_crossentropy"]),
    "label count differs from batch": (
        lambda: nnbook.sparse_categorical_crossentropy([0, 1, 2], P),
        ValueError, ["same number of samples", "3", "2"]),
    "labels None": (
        lambda: nnbook.categorical_crossentropy(None, P), TypeError,
        ["y_true", "None"]),
    "one_hot of a (2, 2) array with classes=": (
        lambda: nnbook.one_hot(np.array([[1, 2], [3, 4]]),
                               classes=[1, 2, 3, 4]), ValueError,
        ["labels must have shape (n,) or (n, 1)", "(2, 2)"]),
    "num_classes disagrees with classes": (
        lambda: nnbook.one_hot([1, 2], num_classes=3, classes=[1, 2, 3, 4]),
        ValueError, ["num_classes=3", "4 codes"]),
    "one_hot label beyond num_classes": (
        lambda: nnbook.one_hot([0, 3], num_classes=3), ValueError,
        ["in [0, 2]", "got 3", "index 1"]),
    "one_hot num_classes=2.5": (
        lambda: nnbook.one_hot([0, 1], num_classes=2.5), ValueError,
        ["num_classes", "positive integer", "2.5"]),
    "one_hot of names without classes": (
        lambda: nnbook.one_hot(["cat", "dog"]), TypeError,
        ["integer class indices", "to_indices(labels, classes=[...])"]),
    "one_hot of a probability matrix": (
        lambda: nnbook.one_hot(P), ValueError,
        ["(n,) or (n, 1)", "(2, 3)", "argmax(axis=1)"]),
    "one_hot(None)": (
        lambda: nnbook.one_hot(None), TypeError, ["labels", "None"]),
    "to_indices with a code not in classes": (
        lambda: nnbook.to_indices([1, 5], classes=[1, 2, 3]), ValueError,
        ["label 5 is not one of classes=[1, 2, 3]"]),
    "classes with repeated codes": (
        lambda: nnbook.to_indices([1], classes=[1, 2, 1]), ValueError,
        ["repeated entries", "[1, 2, 1]"]),
    "classes as a set": (
        lambda: nnbook.to_indices([1], classes={1, 2, 3}), TypeError,
        ["list or tuple", "a set has no order", "sorted"]),
    "classes as a string": (
        lambda: nnbook.to_indices(["a"], classes="abc"), TypeError,
        ["classes must be a list", "'abc'"]),
    "classes empty": (
        lambda: nnbook.to_indices([1], classes=[]), ValueError,
        ["non-empty flat list", "(0,)"]),
    "labels as rows of different lengths": (
        lambda: nnbook.to_indices([[1, 2], [3]], classes=[1, 2, 3]),
        ValueError, ["labels must be a rectangular array"]),

    # Losses.
    "probabilities outside [0, 1]": (
        lambda: nnbook.categorical_crossentropy(Y, LOGITS), ValueError,
        ["[0, 1]", "from_logits=True", "2.0", "(0, 0)"]),
    "rows not summing to 1": (
        lambda: nnbook.categorical_crossentropy(
            Y, np.array([[0.5, 0.2, 0.1], [0.3, 0.4, 0.3]])), ValueError,
        ["sum to 1", "row 0", "0.8"]),
    "swapped arguments (function)": (
        lambda: nnbook.categorical_crossentropy(P, Y), ValueError,
        ["one-hot", "row 0", "swap", "(y_true, y_pred)"]),
    "swapped arguments (class)": (
        lambda: CategoricalCrossentropy().forward(Y, P), ValueError,
        ["one-hot", "swap", "(y_pred, y_true)"]),
    "swapped arguments (binary)": (
        lambda: BinaryCrossentropy().forward([1.0, 0.0], [0.9, 0.2]),
        ValueError, ["0/1 labels", "0.9", "swap"]),
    "unknown reduction": (
        lambda: nnbook.categorical_crossentropy(Y, P, reduction="sum"),
        ValueError, ["reduction", "'sum'"]),
    "Keras' reduction name": (
        lambda: nnbook.sparse_categorical_crossentropy(
            [0, 1], P, reduction="sum_over_batch_size"), ValueError,
        ["'sum_over_batch_size'", '"mean"']),
    "from_logits as text": (
        lambda: nnbook.binary_crossentropy([1, 0], [0.9, 0.2],
                                           from_logits="yes"), TypeError,
        ["from_logits must be True or False", "'yes'"]),
    "binary cross-entropy on logits": (
        lambda: nnbook.binary_crossentropy([1, 0], [2.0, -1.0]), ValueError,
        ["[0, 1]", "2.0", "from_logits=True"]),
    "binary labels (n,) against (n, 2) predictions": (
        lambda: nnbook.binary_crossentropy([1, 0], [[0.5, 0.5], [0.2, 0.8]]),
        ValueError, ["same shape", "(2,)", "(2, 2)"]),
    "class labels 0..2 into binary cross-entropy": (
        lambda: nnbook.binary_crossentropy([0, 2], [0.3, 0.6]), ValueError,
        ["0/1 labels", "2.0", "index 1"]),
    "categorical cross-entropy on one column": (
        lambda: nnbook.categorical_crossentropy([0, 1], [[0.3], [0.7]]),
        ValueError, ["at least 2 outputs", "BinaryCrossentropy()"]),
    "sparse cross-entropy on 1-D predictions": (
        lambda: nnbook.sparse_categorical_crossentropy([0], [0.2, 0.8]),
        ValueError, ["y_pred must be a 2-D array", "(2,)"]),
    "BinaryCrossentropy class on raw scores": (
        lambda: BinaryCrossentropy().forward([[2.0], [-1.0]], [[1], [0]]),
        ValueError, ["[0, 1]", "2.0", "Sigmoid()"]),
    "CategoricalCrossentropy class on rows not summing to 1": (
        lambda: CategoricalCrossentropy().forward(
            [[0.5, 0.2, 0.1], [0.3, 0.4, 0.3]], Y), ValueError,
        ["sum to 1", "row 0", "Softmax()"]),
    "loss backward before forward": (
        lambda: CategoricalCrossentropy().backward(), RuntimeError,
        ["CategoricalCrossentropy().backward()", "before forward(y_pred, "
         "y_true)"]),
    "fused loss on 1-D logits": (
        lambda: SoftmaxCategoricalCrossentropy().forward([2.0, 1.0, 0.1],
                                                         [0]),
        ValueError, ["logits must be a 2-D array", "(3,)"]),

    # Layers.
    "Dense fed the wrong number of features": (
        lambda: Dense(2, 64).forward(np.ones((5, 3))), ValueError,
        ["Dense(2 -> 64)", "(batch, 2)", "(5, 3)"]),
    "Dense with zero neurons": (
        lambda: Dense(2, 0), ValueError, ["n_neurons", "positive", "0"]),
    "Dense(2.5, 3)": (
        lambda: Dense(2.5, 3), ValueError,
        ["n_inputs", "positive integer", "2.5"]),
    "Dense with a negative size": (
        lambda: Dense(-2, 3), ValueError, ["n_inputs", "-2"]),
    "Dense size as text": (
        lambda: Dense("2", 3), ValueError, ["n_inputs", "'2'"]),
    "Dense size True": (
        lambda: Dense(True, 3), ValueError, ["n_inputs", "True"]),
    "Dense(scale=-1)": (
        lambda: Dense(2, 3, scale=-1), ValueError, ["scale", "> 0", "-1"]),
    "Dense(scale=0): every weight equal": (
        lambda: Dense(2, 3, scale=0), ValueError, ["scale", "> 0", "0"]),
    "Dense(scale=nan)": (
        lambda: Dense(2, 3, scale=float("nan")), ValueError,
        ["scale", "nan"]),
    "Dense scale as text": (
        lambda: Dense(2, 3, scale="0.01"), TypeError,
        ["scale must be a number", "'0.01'"]),
    "Dense negative seed": (
        lambda: Dense(2, 3, seed=-1), ValueError, ["seed", ">= 0", "-1"]),
    "Dense float seed": (
        lambda: Dense(2, 3, seed=1.5), TypeError, ["seed", "1.5"]),
    "Dense text seed": (
        lambda: Dense(2, 3, seed="0"), TypeError, ["seed", "'0'"]),
    "training flag as text": (
        lambda: Dense(2, 3).forward(np.ones((1, 2)), training="yes"),
        TypeError, ["training must be True or False", "'yes'"]),
    "backward before forward": (
        lambda: Dense(2, 3).parameters(), RuntimeError,
        ["call backward()"]),
    "Dense.backward before any forward": (
        lambda: Dense(2, 3).backward(np.ones((1, 3))), RuntimeError,
        ["Dense(2 -> 3).backward(dvalues)", "before forward()"]),
    "Dense.backward with dvalues of another shape": (
        lambda: _dense_backward(np.ones((4, 2))), ValueError,
        ["Dense(2 -> 3)", "(4, 3)", "(4, 2)"]),
    "Dense.backward with NaN in dvalues": (
        lambda: _dense_backward(np.full((4, 3), np.nan)), ValueError,
        ["NaN or inf in dvalues", "(4, 3)"]),
    "ReLU.backward with (1, 3) after a (4, 3) forward": (
        _relu_backward_other_shape, ValueError,
        ["ReLU().backward", "(4, 3)", "(1, 3)"]),
    "ReLU.backward before any forward": (
        lambda: ReLU().backward(np.ones((1, 3))), RuntimeError,
        ["ReLU().backward(dvalues)", "before forward()"]),
    "weights set by hand that the biases do not fit": (
        lambda: _weights_by_hand(np.zeros((2, 4))), ValueError,
        ["weights of shape (2, 4)", "(1, 4)", "(1, 3)"]),
    "weights set by hand as a list": (
        lambda: _weights_by_hand([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
        ValueError, ["weights must be a 2-D NumPy array", "list"]),
    "integer weights set by hand, then a step": (
        _int_weights_step, TypeError, ["dtype int64", "float"]),

    # The node contract.
    "a Layer subclass without backward": (
        _layer_without_backward, NotImplementedError,
        ["Double must define backward"]),
    "the Layer base class used as a layer": (
        lambda: Layer().forward(np.ones((1, 2))), NotImplementedError,
        ["Layer must define forward"]),
    "the Loss base class used as a loss": (
        lambda: Loss().forward(P, Y), NotImplementedError,
        ["Loss must define forward"]),
    "a Loss subclass without backward": (
        _loss_without_backward, NotImplementedError,
        ["Half must define backward"]),
    "an Optimizer subclass without update": (
        _optimizer_without_update, NotImplementedError,
        ["RMSprop must define update(grad, learning_rate)"]),
    "a custom @checked loss given NaN predictions": (
        _custom_checked_loss_nan, ValueError,
        ["NaN or inf in y_pred", "(0, 0)"]),
    "a custom last layer with 1-D outputs": (
        _custom_1d_output_fit, ValueError,
        ["outputs must be (batch, outputs)", "(1,)"]),
    "a custom loss given targets of another width": (
        _custom_loss_wrong_targets, ValueError,
        ["y does not suit the loss MeanSquare()", "(n, 1)", "(4, 2)"]),
    "parameters() returning arrays, not pairs": (
        lambda: _step(SGD(), _Pairs(np.zeros(2))), TypeError,
        ["parameters() must return (parameter, gradient) pairs", "ndarray"]),
    "parameters() with a transposed gradient": (
        lambda: _step(SGD(), _Pairs((np.zeros((2, 3)), np.zeros((3, 2))))),
        ValueError, ["gradient of shape (3, 2)", "parameter of shape (2, 3)"]),
    "parameters() with a list as the parameter": (
        lambda: _step(SGD(), _Pairs(([1.0, 2.0], np.zeros(2)))), TypeError,
        ["each parameter must be a NumPy array", "list"]),

    # Building a model.
    "a single layer instead of a list": (
        lambda: Sequential(Dense(2, 3),
                           loss=SoftmaxCategoricalCrossentropy()),
        TypeError, ["layers must be a list", "Dense(2 -> 3)"]),
    "no layers": (
        lambda: Sequential([], loss=SoftmaxCategoricalCrossentropy()),
        ValueError, ["layers is empty"]),
    "a layer class in the list": (
        lambda: Sequential([Dense(2, 3), ReLU],
                           loss=SoftmaxCategoricalCrossentropy()),
        TypeError, ["layers[1] is the class ReLU", "ReLU(...)"]),
    "a NumPy function as a layer": (
        lambda: Sequential([Dense(2, 3), np.tanh],
                           loss=SoftmaxCategoricalCrossentropy()),
        TypeError, ["layers[1] must be a layer", "tanh"]),
    "Dense sizes that do not chain": (
        lambda: Sequential([Dense(2, 64), ReLU(), Dense(32, 3)],
                           loss=SoftmaxCategoricalCrossentropy()),
        ValueError, ["layers[2]", "Dense(32 -> 3)", "takes 32", "gives 64",
                     "Dense(64, 3)"]),
    "loss by its Keras name": (
        lambda: Sequential([Dense(2, 3)], loss="categorical_crossentropy",
                           optimizer="adam"),
        TypeError, ["loss='categorical_crossentropy'", "not Keras' names",
                    "SoftmaxCategoricalCrossentropy()"]),
    "optimizer by its Keras name": (
        lambda: Sequential([Dense(2, 3)],
                           loss=SoftmaxCategoricalCrossentropy(),
                           optimizer="adam"),
        TypeError, ["optimizer='adam'", "optimizer=Adam()"]),
    "the loss class, not an instance": (
        lambda: Sequential([Dense(2, 3)],
                           loss=SoftmaxCategoricalCrossentropy),
        TypeError, ["the class SoftmaxCategoricalCrossentropy",
                    "loss=SoftmaxCategoricalCrossentropy()"]),
    "the optimizer class, not an instance": (
        lambda: Sequential([Dense(2, 3)],
                           loss=SoftmaxCategoricalCrossentropy(),
                           optimizer=Adam),
        TypeError, ["the class Adam", "optimizer=Adam()"]),
    "a loss function as the loss": (
        lambda: Sequential([Dense(2, 3), Softmax()],
                           loss=nnbook.categorical_crossentropy),
        TypeError, ["the function categorical_crossentropy", "Loss"]),
    "loss=None": (
        lambda: Sequential([Dense(2, 3)], loss=None), TypeError,
        ["loss must be an nnbook Loss", "None"]),
    "Softmax before SoftmaxCategoricalCrossentropy": (
        lambda: Sequential([Dense(2, 3), Softmax()],
                           loss=SoftmaxCategoricalCrossentropy()),
        ValueError, ["Softmax()", "twice", "CategoricalCrossentropy()"]),
    "CategoricalCrossentropy on raw scores": (
        lambda: Sequential([Dense(2, 3)], loss=CategoricalCrossentropy()),
        ValueError, ["CategoricalCrossentropy() takes probabilities",
                     "Dense(2 -> 3)", "Softmax()"]),
    "BinaryCrossentropy without a Sigmoid": (
        lambda: Sequential([Dense(2, 1)], loss=BinaryCrossentropy()),
        ValueError, ["BinaryCrossentropy() takes probabilities",
                     "Dense(2 -> 1)", "Sigmoid()"]),
    "Sigmoid before CategoricalCrossentropy": (
        lambda: Sequential([Dense(2, 3), Sigmoid()],
                           loss=CategoricalCrossentropy()),
        ValueError, ["Sigmoid()", "do not sum to 1", "Softmax()"]),
    "Softmax over one output before BinaryCrossentropy": (
        lambda: Sequential([Dense(2, 1), Softmax()],
                           loss=BinaryCrossentropy()),
        ValueError, ["Softmax()", "always 1", "Sigmoid()"]),
    "a used optimiser for a new model": (
        _new_model_with_a_used_optimizer, ValueError,
        ["one optimiser per model"]),

    # fit.
    "fit with X and y of different lengths": (
        _fit_mismatch, ValueError, ["same number of samples", "4", "3"]),
    "optimizer=None, then fit": (
        _fit_without_optimizer, ValueError,
        ["no optimizer", "optimizer=Adam()", "model.optimizer = Adam()"]),
    "model.optimizer set to a Keras name, then fit": (
        _fit_with_keras_optimizer_name, TypeError, ["optimizer='adam'"]),
    "one optimiser for two models (fit)": (
        _fit_sharing_an_optimizer, ValueError, ["one optimiser per model"]),
    "epochs=0": (
        lambda: _fit(epochs=0), ValueError, ["epochs", "positive", "0"]),
    "epochs=-1": (
        lambda: _fit(epochs=-1), ValueError, ["epochs", "-1"]),
    "epochs=2.5": (
        lambda: _fit(epochs=2.5), ValueError, ["epochs", "2.5"]),
    "epochs=True": (
        lambda: _fit(epochs=True), ValueError, ["epochs", "True"]),
    "batch_size=0": (
        lambda: _fit(batch_size=0), ValueError, ["batch_size", "0"]),
    "batch_size as a float": (
        lambda: _fit(batch_size=32.0), ValueError, ["batch_size", "32.0"]),
    "progress='yes'": (
        lambda: _fit(progress="yes"), TypeError,
        ["progress must be True or False", "'yes'"]),
    "fit negative seed": (
        lambda: _fit(seed=-1), ValueError, ["seed", ">= 0", "-1"]),
    "fit float seed": (
        lambda: _fit(seed=0.5), TypeError, ["seed", "0.5"]),
    "fit text seed": (
        lambda: _fit(seed="0"), TypeError, ["seed", "'0'"]),
    "fit with 1-D X": (
        lambda: _fit(X=np.zeros(4)), ValueError,
        ["X must be a 2-D array", "(4,)", "reshape(-1, 1)"]),
    "fit with X of the wrong width": (
        lambda: _fit(X=np.zeros((4, 3))), ValueError,
        ["X does not fit the model", "Dense(2 -> 4)", "(batch, 2)",
         "(4, 3)"]),
    "fit with NaN in X": (
        lambda: _fit(X=np.where(X4 > 0.45, np.nan, X4)), ValueError,
        ["NaN or inf in X", "(3, 0)"]),
    "fit with text X": (
        lambda: _fit(X=[["a", "b"]] * 4), TypeError,
        ["X must hold numbers", "<U1"]),
    "fit with y=None": (
        lambda: _fit(y=None), TypeError, ["y is None"]),
    "fit with labels out of range": (
        lambda: _fit(y=[0, 1, 2, 3]), ValueError,
        ["y does not suit the loss SoftmaxCategoricalCrossentropy()",
         "in [0, 2]", "got 3"]),
    "fit with fractional labels": (
        lambda: _fit(y=[0, 0.5, 1, 2]), ValueError,
        ["y does not suit", "whole numbers", "0.5"]),
    "fit with one-hot labels of another width": (
        lambda: _fit(y=np.eye(4)), ValueError,
        ["y does not suit", "4 columns"]),
    "fit with names as labels": (
        lambda: _fit(y=["a", "b", "c", "a"]), TypeError,
        ["y does not suit", "integer class indices", "to_indices"]),
    "fit with probabilities as labels": (
        lambda: _fit(y=nnbook.softmax(np.arange(12.0).reshape(4, 3))),
        ValueError, ["y does not suit", "one-hot"]),
    "fit a one-output model with the fused loss": (
        lambda: _fit(Sequential([Dense(2, 1)],
                                loss=SoftmaxCategoricalCrossentropy(),
                                optimizer=SGD())), ValueError,
        ["at least 2 outputs", "BinaryCrossentropy()"]),
    "fit a binary model with three classes": (
        lambda: _fit(binary_model()), ValueError,
        ["y does not suit the loss BinaryCrossentropy()", "0/1 labels",
         "2.0"]),
    "validation_data as X_val alone": (
        lambda: _fit(validation_data=X4), TypeError,
        ["validation_data must be a pair", "ndarray"]),
    "validation_data with a third item": (
        lambda: _fit(validation_data=(X4, Y4, np.ones(4))), TypeError,
        ["validation_data must be a pair", "length 3"]),
    "validation_data of different lengths": (
        lambda: _fit(validation_data=(X4, Y4[:3])), ValueError,
        ["X_val and y_val must have the same number of samples", "4", "3"]),
    "validation_data of the wrong width": (
        lambda: _fit(validation_data=(np.zeros((4, 3)), Y4)), ValueError,
        ["X_val does not fit the model", "(4, 3)"]),
    "validation labels out of range": (
        lambda: _fit(validation_data=(X4, [0, 1, 2, 5])), ValueError,
        ["y_val does not suit", "got 5"]),
    "a diverging fit": (
        _diverging_fit, RuntimeError,
        ["training diverged", "epoch 2", "smaller learning rate", "1000.0"]),

    # train_step, predict, evaluate.
    "train_step without an optimizer": (
        _train_step_without_optimizer, ValueError,
        ["no optimizer", "optimizer=Adam()"]),
    "train_step with labels of another batch": (
        _train_step_with_other_labels, ValueError,
        ["same number of samples", "2", "4"]),
    "one optimiser for two models (train_step)": (
        _train_step_sharing_an_optimizer, ValueError,
        ["one optimiser per model"]),
    "predict one sample as a flat list": (
        lambda: small_model().predict([0.1, 0.2]), ValueError,
        ["2-D", "(2,)", "[x]"]),
    "predict with the wrong width": (
        lambda: small_model().predict(np.zeros((4, 5))), ValueError,
        ["Dense(2 -> 4)", "(batch, 2)", "(4, 5)"]),
    "evaluate with labels of another length": (
        lambda: small_model().evaluate(X4, [0, 1, 2]), ValueError,
        ["X and y must have the same number of samples", "4", "3"]),
    "evaluate with labels out of range": (
        lambda: small_model().evaluate(X4, [0, 1, 2, 7]), ValueError,
        ["y does not suit", "got 7"]),

    # Optimisers and schedules.
    "SGD(learning_rate=inf)": (
        lambda: SGD(learning_rate=float("inf")), ValueError,
        ["learning_rate", "inf"]),
    "SGD(learning_rate=0)": (
        lambda: SGD(0), ValueError, ["learning_rate", "> 0", "0"]),
    "learning rate as text": (
        lambda: SGD("0.01"), TypeError,
        ["learning_rate must be a number", "'0.01'"]),
    "learning_rate=None": (
        lambda: Adam(learning_rate=None), TypeError,
        ["learning_rate must be a number", "None"]),
    "learning_rate=True": (
        lambda: SGD(True), TypeError, ["learning_rate", "True"]),
    "the schedule class as the learning rate": (
        lambda: SGD(learning_rate=InverseTimeDecay), TypeError,
        ["the class InverseTimeDecay", "InverseTimeDecay(0.05, 1, 1e-3)"]),
    "a schedule that takes no step": (
        lambda: SGD(learning_rate=lambda: 0.1), TypeError,
        ["lr(step)", "does not take one argument"]),
    "a schedule that turns negative": (
        lambda: _schedule_failing_at(lambda step: 0.1 - 0.2 * step, 1),
        ValueError, ["returned -0.1", "step 1", "> 0"]),
    "a schedule that returns NaN": (
        lambda: _schedule_failing_at(
            lambda step: float("nan") if step else 0.1, 1), ValueError,
        ["returned nan", "step 1"]),
    "a schedule that forgets to return": (
        lambda: _schedule_failing_at(lambda step: None, 0), ValueError,
        ["returned None", "step 0"]),
    "SGD(momentum='0.9')": (
        lambda: SGD(momentum="0.9"), TypeError,
        ["momentum must be a number", "'0.9'"]),
    "SGD(momentum=1.0)": (
        lambda: SGD(momentum=1.0), ValueError,
        ["momentum must be in [0, 1)", "1.0"]),
    "negative momentum": (
        lambda: SGD(momentum=-0.5), ValueError, ["momentum", "-0.5"]),
    "Adam(beta_1=1.0)": (
        lambda: Adam(beta_1=1.0), ValueError,
        ["beta_1 must be in [0, 1)", "1.0"]),
    "Adam(beta_2=1.5)": (
        lambda: Adam(beta_2=1.5), ValueError, ["beta_2", "1.5"]),
    "Adam(epsilon=0)": (
        lambda: Adam(epsilon=0), ValueError, ["epsilon", "> 0", "0"]),
    "step(model) instead of step(model.layers)": (
        lambda: SGD().step(small_model()), TypeError,
        ["takes a list of layers (model.layers)", "Sequential"]),
    "step on layers that have no gradients yet": (
        lambda: _step(Adam(), Dense(2, 3)), RuntimeError,
        ["Dense(2 -> 3) has no gradients yet", "call backward()"]),
    "step on layers without parameters": (
        lambda: _step(SGD(), ReLU()), ValueError,
        ["no parameters to update"]),
    "step given an array, not a layer": (
        lambda: SGD().step([np.zeros(3)]), TypeError,
        ["layers[0]", "no parameters() method"]),
    "a step with NaN gradients": (
        _step_nan_gradient, ValueError,
        ["NaN or inf in the gradient of parameter 0", "(2, 3)"]),
    "one optimiser stepping two models of the same size": (
        _step_another_model, ValueError, ["one optimiser per model"]),
    "InverseTimeDecay with a negative rate": (
        lambda: InverseTimeDecay(0.05, 1, -1e-3), ValueError,
        ["decay_rate", ">= 0", "-0.001"]),
    "InverseTimeDecay with decay_steps=0": (
        lambda: InverseTimeDecay(0.05, 0, 1e-3), ValueError,
        ["decay_steps", "> 0", "0"]),
    "InverseTimeDecay rate as text": (
        lambda: InverseTimeDecay("0.05", 1, 1e-3), TypeError,
        ["initial_learning_rate must be a number", "'0.05'"]),

    # accuracy.
    "accuracy with different lengths": (
        lambda: nnbook.accuracy([0, 1, 2], P), ValueError,
        ["same number of samples", "3", "2"]),
    "accuracy with one-hot labels narrower than the predictions": (
        lambda: nnbook.accuracy(np.eye(2), P), ValueError,
        ["one-hot y_true has 2 columns", "3 classes"]),
    "accuracy with swapped arguments": (
        lambda: nnbook.accuracy(P, [0, 1]), ValueError,
        ["3 columns", "accuracy takes (y_true, y_pred)"]),
    "accuracy with labels out of range": (
        lambda: nnbook.accuracy([0, 5], P), ValueError,
        ["in [0, 2]", "got 5"]),
    "accuracy of one output against three classes": (
        lambda: nnbook.accuracy([0, 2], [[0.2], [0.9]]), ValueError,
        ["in [0, 1] for 2 classes", "got 2"]),
    "accuracy of one output given as logits": (
        lambda: nnbook.accuracy([1, 0], [2.5, -1.0]), ValueError,
        ["probabilities in [0, 1]", "2.5", "thresholded at 0.5",
         "sigmoid(z)"]),
    "accuracy of 3-D predictions": (
        lambda: nnbook.accuracy([0], np.zeros((1, 2, 3))), ValueError,
        ["y_pred must be a 1-D or 2-D array", "(1, 2, 3)"]),

    # Data sets.
    "spiral(noise=nan)": (
        lambda: nnbook.spiral(10, 3, noise=float("nan")), ValueError,
        ["noise", "nan"]),
    "spiral with negative noise": (
        lambda: nnbook.spiral(10, 3, noise=-0.1), ValueError,
        ["noise", ">= 0", "-0.1"]),
    "spiral noise as text": (
        lambda: nnbook.spiral(10, 3, noise="0.2"), TypeError,
        ["noise must be a number", "'0.2'"]),
    "spiral size as text": (
        lambda: nnbook.spiral("100", 3), ValueError,
        ["samples_per_class", "'100'"]),
    "spiral with no classes": (
        lambda: nnbook.spiral(10, 0), ValueError, ["classes", "0"]),
    "spiral negative seed": (
        lambda: nnbook.spiral(10, 3, seed=-1), ValueError, ["seed", "-1"]),
    "spiral float seed": (
        lambda: nnbook.spiral(10, 3, seed=1.5), TypeError, ["seed", "1.5"]),
    "spiral text seed": (
        lambda: nnbook.spiral(10, 3, seed="0"), TypeError, ["seed", "'0'"]),
    "digits_model without a seed": (
        lambda: nnbook.digits_model(None), TypeError,
        ["digits_model needs an integer seed", "None"]),
    "digits_data with a text seed": (
        lambda: nnbook.digits_data("0"), TypeError, ["seed", "'0'"]),
    "dropout rate of 1": (
        lambda: Dropout(1.0), ValueError, ["rate must be in [0, 1)", "1.0"]),
    "dropout rate below 0": (
        lambda: Dropout(-0.1), ValueError, ["rate", ">= 0", "-0.1"]),
    "dropout rate as a percentage": (
        lambda: Dropout(20), ValueError, ["rate must be in [0, 1)", "20"]),
    "dropout rate as text": (
        lambda: Dropout("0.5"), TypeError, ["rate must be a number", "'0.5'"]),
    "dropout with a float seed": (
        lambda: Dropout(0.5, seed=0.5), TypeError, ["seed", "0.5"]),
    "dropout backward before forward": (
        lambda: Dropout(0.5).backward(np.ones((2, 3))), RuntimeError,
        ["Dropout(0.5).backward(dvalues) was called before forward()"]),
    "dropout forward with training='yes'": (
        lambda: Dropout(0.5).forward(X4, training="yes"), TypeError,
        ["training must be True or False", "'yes'"]),
    "negative l2": (
        lambda: Dense(2, 3, l2=-0.01), ValueError, ["l2", ">= 0", "-0.01"]),
    "l2 as text": (
        lambda: Dense(2, 3, l2="1e-4"), TypeError,
        ["l2 must be a number", "'1e-4'"]),
    "l2 of nan": (
        lambda: Dense(2, 3, l2=float("nan")), ValueError, ["l2", "nan"]),
    "early stopping on an unknown metric": (
        lambda: EarlyStopping("val_acc"), ValueError,
        ["monitor must be one of val_loss, val_accuracy, loss, accuracy",
         "'val_acc'"]),
    "early stopping with patience 0": (
        lambda: EarlyStopping(patience=0), ValueError,
        ["patience must be a positive integer", "0"]),
    "early stopping with restore 'yes'": (
        lambda: EarlyStopping(restore_best_weights="yes"), TypeError,
        ["restore_best_weights must be True or False", "'yes'"]),
    "early stopping on val_loss without validation data": (
        lambda: _fit(early_stopping=EarlyStopping("val_loss")), ValueError,
        ["watches 'val_loss'", "validation_data=(X_val, y_val)"]),
    "early stopping given as a number": (
        lambda: _fit(early_stopping=5), TypeError,
        ["early_stopping must be an nnbook EarlyStopping or None", "int"]),
    "digits without scikit-learn": (
        lambda: _without_scikit_learn(lambda: nnbook.digits()),
        ModuleNotFoundError,
        ["scikit-learn, which is not installed", "pip install 'nnbook[data]'"]),
    "digits images given unflattened": (
        lambda: nnbook.digits_model(0).predict(np.zeros((5, 8, 8))),
        ValueError, ["must be a 2-D array", "(5, 8, 8)",
                     "x.reshape(len(x), -1)"]),
    "digits images of the wrong width": (
        lambda: nnbook.digits_model(0).predict(np.zeros((5, 63))),
        ValueError, ["Dense(64 -> 64) expects inputs of shape (batch, 64)",
                     "(5, 63)"]),
    "train_digits(epochs=0)": (
        lambda: nnbook.train_digits(epochs=0), ValueError, ["epochs", "0"]),
    "save a model with a layer of its own": (
        lambda: nnbook.save(Sequential([Dense(2, 3, seed=0), _Double()],
                                       loss=SoftmaxCategoricalCrossentropy()),
                            pathlib.Path(tempfile.mkdtemp()) / "m.npz"),
        TypeError, ["layer 1 is a _Double", "cannot rebuild"]),
    "save something that is not a model": (
        lambda: nnbook.save([Dense(2, 3)], "m.npz"), TypeError,
        ["model must be an nnbook Sequential", "list"]),
    "load a file that is not a model": (
        _load_a_file_that_is_not_a_model, ValueError,
        ["weights.npz", "is not an nnbook model file"]),
    "load a missing file": (
        lambda: nnbook.load(pathlib.Path(tempfile.mkdtemp()) / "none.npz"),
        FileNotFoundError, ["no model file at", "none.npz"]),
    "load with a path that is not a name": (
        lambda: nnbook.load(42), TypeError, ["path must be a file name", "int"]),
    "load_weights into another architecture": (
        _load_weights_into_another_architecture, ValueError,
        ["saved from another architecture",
         "Dense(2, 4) -> ReLU -> Dense(4, 3)",
         "the model is Dense(2, 5) -> ReLU -> Dense(5, 3)"]),
    "split fractions that do not add up": (
        lambda: nnbook.stratified_split(X4, Y4, (0.6, 0.3, 0.2)), ValueError,
        ["fractions must add up to 1", "sum 1.1"]),
    "split with a zero fraction": (
        lambda: nnbook.stratified_split(X4, Y4, (1.0, 0.0)), ValueError,
        ["fractions[1]", "> 0", "0.0"]),
    "split fractions as one number": (
        lambda: nnbook.stratified_split(X4, Y4, 0.5), TypeError,
        ["fractions must be a sequence of numbers", "0.5"]),
    "split with more parts than a class has samples": (
        lambda: nnbook.stratified_split(X4, Y4, (0.5, 0.5)), ValueError,
        ["class 0 has 1 samples", "2 parts"]),
    "split of X and y of different lengths": (
        lambda: nnbook.stratified_split(X4, Y4[:3]), ValueError,
        ["same number of samples", "4 and 3"]),
    "split with float labels": (
        lambda: nnbook.stratified_split(X4, Y4 + 0.5, (0.5, 0.5)), TypeError,
        ["y must hold integer class labels", "float64"]),
    "split with one-hot labels": (
        lambda: nnbook.stratified_split(X4, np.eye(3)[Y4]), ValueError,
        ["y must be 1-D", "(4, 3)"]),
    "split with a text seed": (
        lambda: nnbook.stratified_split(X4, Y4, (1.0,), seed="1"), TypeError,
        ["seed", "'1'"]),
    "two_blobs with negative spread": (
        lambda: nnbook.two_blobs(10, spread=-1), ValueError,
        ["spread", ">= 0", "-1"]),
    "two_blobs with negative distance": (
        lambda: nnbook.two_blobs(10, distance=-2.0), ValueError,
        ["distance", "-2.0"]),
    "two_blobs with no samples": (
        lambda: nnbook.two_blobs(0), ValueError, ["samples_per_class", "0"]),
    "two_blobs negative seed": (
        lambda: nnbook.two_blobs(10, seed=-5), ValueError, ["seed", "-5"]),
    "two_blobs float seed": (
        lambda: nnbook.two_blobs(10, seed=2.0), TypeError, ["seed", "2.0"]),
    "two_blobs text seed": (
        lambda: nnbook.two_blobs(10, seed="42"), TypeError,
        ["seed", "'42'"]),

    # The book's recipe.
    "spiral_model negative seed": (
        lambda: nnbook.spiral_model(-1), ValueError, ["seed", "-1"]),
    "spiral_model float seed": (
        lambda: nnbook.spiral_model(0.5), TypeError, ["seed", "0.5"]),
    "spiral_model text seed": (
        lambda: nnbook.spiral_model("0"), TypeError, ["seed", "'0'"]),
    "spiral_model(seed=None)": (
        lambda: nnbook.spiral_model(None), TypeError,
        ["integer seed", "seed + 1"]),
    "spiral_model(hidden=0)": (
        lambda: nnbook.spiral_model(hidden=0), ValueError, ["hidden", "0"]),
    "spiral_model(classes=1)": (
        lambda: nnbook.spiral_model(classes=1), ValueError,
        ["classes must be at least 2", "1"]),
    "train_spiral negative seed": (
        lambda: nnbook.train_spiral(-3, epochs=1), ValueError,
        ["seed", "-3"]),
    "train_spiral float seed": (
        lambda: nnbook.train_spiral(1.5, epochs=1), TypeError,
        ["seed", "1.5"]),
    "train_spiral text seed": (
        lambda: nnbook.train_spiral("1", epochs=1), TypeError,
        ["seed", "'1'"]),
    "train_spiral(epochs=0)": (
        lambda: nnbook.train_spiral(epochs=0), ValueError, ["epochs", "0"]),
    "train_spiral(progress='no')": (
        lambda: nnbook.train_spiral(epochs=1, progress="no"), TypeError,
        ["progress must be True or False", "'no'"]),
}

# Messages of NumPy's and Python's own that must never reach the reader.
INTERNAL = [
    "need at least one array to concatenate", "not supported between",
    "AxisError", "is out of bounds for axis", "SeedSequence",
    "len() of unsized object", "unhashable type",
    "setting an array element with a sequence", "inhomogeneous",
    "could not be broadcast", "has no attribute", "positional argument",
    "can only concatenate", "unsupported operand", "object is not",
    "cannot unpack", "Cannot cast ufunc", "matmul: Input operand",
    "division by zero", "invalid literal",
]


def _raise(name):
    call, exception, _ = CASES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")           # no warning on the way
        with np.errstate(over="raise", divide="raise", invalid="raise"):
            with pytest.raises(exception) as info:
                call()
    return info


@pytest.mark.parametrize("name", CASES)
def test_bad_input_raises_a_clear_error(name):
    call, exception, fragments = CASES[name]
    info = _raise(name)
    assert type(info.value) is exception, (type(info.value), info.value)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    for internal in INTERNAL:
        assert internal not in message, f"{internal!r} in {message!r}"


@pytest.mark.parametrize("name", CASES)
def test_the_error_is_raised_by_nnbook(name):
    """The innermost frame is nnbook's own code, not NumPy or Python."""
    info = _raise(name)
    innermost = pathlib.Path(str(info.traceback[-1].path)).resolve()
    assert SRC in innermost.parents, innermost


def test_there_are_at_least_a_hundred_and_ten_kinds():
    assert len(CASES) >= 110
    # Every public name is exercised by some case.
    source = pathlib.Path(__file__).read_text(encoding="utf-8")
    unused = [name for name in nnbook.__all__
              if not re.search(rf"\b{name}\b\(", source)]
    assert unused == []


def test_errors_point_at_the_callers_line():
    """The error is raised by nnbook's own checks, not inside NumPy."""
    with pytest.raises(ValueError) as info:
        Dense(2, 64).forward(np.ones((5, 3)))
    frames = [entry.path for entry in info.traceback]
    assert not any(re.search(r"numpy", str(path)) for path in frames)


def test_snapshot_sees_a_change():
    """unchanged() itself fails when a call does change the model."""
    model = trained()
    with pytest.raises(AssertionError):
        unchanged(lambda: model.train_step(X4, Y4), model)


# --- the command line ---------------------------------------------------------

CLI_CASES = {
    # name: (arguments, fragments of the error argparse prints)
    "--epochs 0": (["train", "spiral", "--epochs", "0"],
                   ["--epochs", "must be an integer >= 1", "got 0"]),
    "--epochs -5": (["train", "spiral", "--epochs", "-5"],
                    ["--epochs", "got -5"]),
    "--epochs 2.5": (["train", "spiral", "--epochs", "2.5"],
                     ["--epochs", "must be an integer", "'2.5'"]),
    "--seed -1": (["train", "spiral", "--seed", "-1"],
                  ["--seed", "must be an integer >= 0", "got -1"]),
    "--seed abc": (["train", "spiral", "--seed", "abc"],
                   ["--seed", "'abc'"]),
    "unknown data set": (["train", "blobs"], ["invalid choice", "'blobs'"]),
    "no command": ([], ["required", "command"]),
}


@pytest.mark.parametrize("name", CLI_CASES)
def test_command_line_reports_bad_arguments(name, capsys):
    arguments, fragments = CLI_CASES[name]
    with pytest.raises(SystemExit) as info:
        main(arguments)
    assert info.value.code == 2
    message = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_command_line_error_has_no_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "nnbook", "train", "spiral", "--epochs", "0"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--epochs: must be an integer >= 1; got 0" in result.stderr


# --- finite input, finite and correct results ----------------------------------

HUGE = np.array([[1e308, -1e308, 0.0], [-1e308, 1e308, 1e308]])


@pytest.fixture
def strict():
    """Any warning or NumPy floating-point error fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_log_softmax_of_huge_logits_is_finite(strict):
    log_p = nnbook.log_softmax(HUGE)
    assert np.isfinite(log_p).all()
    assert log_p[0, 0] == 0.0 and log_p[0, 1] == -1e300
    assert log_p[0, 2] == -1e300                 # 0 - 1e308, floored
    np.testing.assert_allclose(log_p[1], [-1e300, -math.log(2),
                                          -math.log(2)])


def test_losses_on_huge_logits_are_finite_and_correct(strict):
    y = [0, 1]                           # right class, then a tie of two
    expected = (0.0 + math.log(2)) / 2
    fused = SoftmaxCategoricalCrossentropy()
    for loss in (nnbook.categorical_crossentropy(y, HUGE, from_logits=True),
                 nnbook.sparse_categorical_crossentropy(y, HUGE,
                                                        from_logits=True),
                 fused.forward(HUGE, y)):
        assert loss == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(fused.backward(),
                               [[0, 0, 0], [0, -0.25, 0.25]], atol=1e-15)
    # The wrong class, far below: the largest finite loss, 1e300 a sample.
    wrong = [1, 0]
    for loss in (nnbook.categorical_crossentropy(wrong, HUGE,
                                                 from_logits=True),
                 SoftmaxCategoricalCrossentropy().forward(HUGE, wrong)):
        assert loss == pytest.approx(1e300, rel=1e-9)
    # A batch of such samples still sums to a finite loss.
    many = np.repeat(HUGE[:1], 1000, axis=0)
    assert SoftmaxCategoricalCrossentropy().forward(
        many, np.ones(1000, dtype=int)) == pytest.approx(1e300, rel=1e-9)


def test_binary_crossentropy_on_huge_logits_is_finite(strict):
    z = np.array([1e308, -1e308, 1e308])
    loss = nnbook.binary_crossentropy([0, 1, 1], z, from_logits=True)
    assert loss == pytest.approx(2e300 / 3)
    assert nnbook.binary_crossentropy([1, 0], [1e308, -1e308],
                                      from_logits=True) == 0.0


def test_softmax_of_huge_logits_is_finite_and_correct():
    with np.errstate(over="ignore"):   # exp of -inf is 0: the right value
        p = nnbook.softmax(HUGE)
    np.testing.assert_array_equal(p, [[1, 0, 0], [0, 0.5, 0.5]])
    assert nnbook.softmax([[1e308, 1e308]]).tolist() == [[0.5, 0.5]]


def test_sigmoid_of_plus_minus_a_thousand(strict):
    s = nnbook.sigmoid([-1000.0, -700.0, 0.0, 700.0, 1000.0])
    assert s[0] == 0.0 and 0.0 < s[1] < 1e-300 and s[2] == 0.5
    assert s[3] == 1.0 and s[4] == 1.0
    layer = Sigmoid()
    layer.forward([[1000.0, -1000.0]])
    assert layer.backward(np.ones((1, 2))).tolist() == [[0.0, 0.0]]


def test_probability_zero_into_the_losses(strict):
    """log(0) never happens: probabilities are clipped at 1e-7, as in Keras."""
    most = -math.log(1e-7)
    p = np.array([[0.0, 0.5, 0.5], [1.0, 0.0, 0.0]])
    assert nnbook.categorical_crossentropy([0, 0], p) == pytest.approx(
        most / 2, rel=1e-6)
    assert nnbook.sparse_categorical_crossentropy(
        [0, 0], p) == pytest.approx(most / 2, rel=1e-5)
    assert nnbook.binary_crossentropy([1, 0], [0.0, 1.0]) == pytest.approx(
        most, rel=1e-6)
    cce = CategoricalCrossentropy()
    assert cce.forward(p, [0, 0]) == pytest.approx(most / 2, rel=1e-6)
    assert np.isfinite(cce.backward()).all()
    bce = BinaryCrossentropy()
    assert bce.forward([[0.0], [1.0]], [[1], [0]]) == pytest.approx(most)
    assert np.isfinite(bce.backward()).all()


# --- near misses that are fine ---------------------------------------------------

def test_near_misses_still_work():
    """The checks reject mistakes, not the reasonable inputs next to them."""
    model = small_model()
    history = model.fit(X4.tolist(), Y4[:, None].astype(float), epochs=2,
                        batch_size=100, seed=None)     # batch_size > n is fine
    assert len(history["loss"]) == 2 and model.optimizer.iterations == 2
    model.fit(X4, np.eye(3)[Y4], epochs=np.int64(1),
              validation_data=[X4, Y4.tolist()])
    assert model.evaluate(X4, Y4)[1] >= 0.0
    assert model.predict([[0.1, 0.2]]).shape == (1, 3)
    Dense(np.int64(2), 3, seed=np.int64(4), scale=0.01).forward([[1, 2]])
    nnbook.spiral(5, 2, seed=None, noise=0)
    nnbook.two_blobs(5, distance=0, spread=0)
    assert nnbook.one_hot([1.0, 0.0]).tolist() == [[0, 1], [1, 0]]
    assert nnbook.to_indices(np.array(["b", "a"]), ("a", "b")).tolist() \
        == [1, 0]
    assert nnbook.accuracy(np.eye(3)[[0, 1]], P) == 1.0
    assert nnbook.softmax([1.0, 2.0]).shape == (2,)
    schedule = InverseTimeDecay(np.float64(0.05), 1, 0)
    SGD(schedule, momentum=np.float32(0.5))
    Adam(learning_rate=lambda step: 0.01)
    Adam(learning_rate=np.float64(0.01))
    # One model's optimiser may go on training it, also as a new Sequential.
    first = trained()
    again = Sequential(first.layers, loss=first.loss, optimizer=first.optimizer)
    again.train_step(X4, Y4)
    assert first.optimizer.iterations == 2
