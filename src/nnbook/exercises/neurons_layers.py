"""Checkers for chapter 1's exercises (neurons and layers)."""

import numpy as np

from ..data import spiral
from ..layers import Dense
from . import ExerciseFailed, checker, expect


def _loop_cases():
    """(name, inputs, weights, biases) to try a loop forward pass on."""
    rng = np.random.default_rng(0)
    X, _ = spiral(100, 3)
    layer = Dense(2, 64, seed=0)
    return [("2 samples, 3 inputs, 3 neurons", rng.standard_normal((2, 3)),
             rng.standard_normal((3, 3)), rng.standard_normal((1, 3))),
            ("3 samples, 2 inputs, 4 neurons", rng.standard_normal((3, 2)),
             rng.standard_normal((2, 4)), rng.standard_normal((1, 4))),
            ("spiral(100, 3) through Dense(2, 64, seed=0)", X, layer.weights,
             np.linspace(-1.0, 1.0, 64).reshape(1, 64))]


def _loop_hint(got, X, W, b):
    """Name the usual mistake when `got` is not X @ W + b, or ''."""
    def near(other):
        return got.shape == other.shape and np.allclose(got, other,
                                                        rtol=1e-9, atol=1e-12)
    if near(X @ W):
        return " (that is inputs @ weights without the bias: start each sum " \
               "at biases[0][j])"
    if near(X @ W + W.shape[0] * b):
        return " (the bias is added once per input: add it once per neuron, " \
               "outside the loop over the inputs)"
    if near((X @ W + b).T):
        return " (that is the transpose: one row per sample, one column per " \
               "neuron)"
    if W.shape[0] == W.shape[1] and near(X @ W.T + b):
        return " (that uses weights[j][i]: weights has shape (n_inputs, " \
               "n_neurons), so neuron j's weight for input i is weights[i][j])"
    return ""


@checker("01-1", "a dense layer's forward pass with loops")
def loops_forward(forward_with_loops):
    """forward_with_loops(inputs, weights, biases) == inputs @ weights + b."""
    expect(callable(forward_with_loops),
           "pass your function: check('01-1', forward_with_loops)")
    for name, X, W, b in _loop_cases():
        want = X @ W + b
        got = forward_with_loops(X.tolist(), W.tolist(), b.tolist())
        expect(got is not None, "forward_with_loops returned None: return the "
                                f"outputs, shape {want.shape} for {name}")
        got = np.asarray(got, dtype=float)
        if got.shape != want.shape or not np.allclose(got, want, rtol=1e-9,
                                                      atol=1e-12):
            hint = _loop_hint(got, X, W, b)
            if got.shape != want.shape:
                raise ExerciseFailed(
                    f"for {name} (given as lists) the outputs have shape "
                    f"{got.shape}, expected {want.shape}, one row per sample"
                    f"{hint}")
            index = np.unravel_index(np.argmax(np.abs(got - want)), want.shape)
            raise ExerciseFailed(
                f"for {name} (given as lists) outputs[{index[0]}][{index[1]}] "
                f"is {got[index]:.6g}, expected {want[index]:.6g} = "
                f"sum_i inputs[{index[0]}][i] * weights[i][{index[1]}] + "
                f"biases[0][{index[1]}]{hint}")
    return "the same numbers as inputs @ weights + biases"


def _images():
    """The exercise's batch: eight 4 x 4 greyscale images."""
    return np.random.default_rng(0).random((8, 4, 4))


@checker("01-2", "shapes through a batch")
def batch_shapes(predicted, rows):
    """predicted == (8, 3); rows is each image flattened into one row of 16."""
    if predicted is None or rows is None:
        raise NotImplementedError("predicted and rows")
    shape = tuple(int(n) for n in np.ravel(predicted))
    hints = {(8, 5): ": that is the shape after Dense(16, 5); Dense(5, 3) "
                     "comes next",
             (8, 16): ": that is the flattened input; follow it through "
                      "both layers",
             (8, 4, 3): ": Dense takes a 2-D (samples, features) batch, so "
                        "each image becomes one row of 16 first",
             (3,): ": the batch keeps its 8 samples, one row each",
             (1, 3): ": the batch keeps its 8 samples, one row each",
             (3, 8): ": one row per sample, one column per neuron"}
    expect(shape == (8, 3),
           f"predicted is {shape}, but eight images through Dense(16, 5) and "
           "then Dense(5, 3) come out with shape (8, 3)"
           + hints.get(shape, ""))
    images = _images()
    rows = np.asarray(rows, dtype=float)
    expect(rows.shape == (8, 16),
           f"rows has shape {rows.shape}; flattening the (8, 4, 4) images "
           "should give (8, 16), one row of 16 pixels per image "
           "(images.reshape(len(images), -1))")
    flat = images.reshape(8, 16)
    for k in range(8):
        expect(np.array_equal(np.sort(rows[k]), np.sort(flat[k])),
               f"rows[{k}] does not hold the 16 pixels of images[{k}]: each "
               "image must stay in its own row (did a transpose before the "
               "reshape mix the images? Or are these not the starter's "
               "images, np.random.default_rng(0).random((8, 4, 4))?)")
    order = np.argsort(flat[0])[np.argsort(np.argsort(rows[0]))]
    expect(np.array_equal(rows, flat[:, order]),
           "every row holds its image's pixels, but not in the same order "
           "for every image: pixel p of one row must be pixel p of every "
           "image, or the first layer's weights mean nothing")
    outputs = Dense(5, 3, seed=1).forward(Dense(16, 5, seed=0).forward(rows))
    detail = f"{rows.shape} -> {outputs.shape}"
    if not np.array_equal(rows, flat):
        detail += " (pixels in another order than image.ravel(), the same " \
                  "for every image)"
    return detail


class _Recorder:
    """A rule for the weights' scale that remembers what it was asked."""

    def __init__(self, rule):
        self.rule, self.calls = rule, []

    def __call__(self, n_inputs):
        self.calls.append(int(n_inputs))
        return self.rule(n_inputs)


def _spreads(spread, rule, X, **sizes):
    """(the spreads spread returns, the n_inputs scale_of was called with)."""
    scale_of = _Recorder(rule)
    stds = spread(X.copy(), scale_of, **sizes)
    expect(stds is not None, "spread returned None: return the standard "
                             "deviation after each layer")
    return np.asarray(stds, dtype=float), scale_of.calls


@checker("01-3", "the spread through ten Dense + ReLU layers")
def spread_per_layer(spread):
    """spread(X, scale_of, depth, width): one std per Dense + ReLU layer,
    Xavier shrinking by about sqrt(1/2) a layer and He keeping it."""
    expect(callable(spread), "pass your function: check('01-3', spread)")
    X, _ = spiral(100, 3)
    stds, calls = _spreads(spread, lambda n: np.sqrt(1 / n), X,
                           depth=3, width=16)
    expect(stds.shape == (3,),
           f"spread(X, scale_of, depth=3, width=16) returned shape "
           f"{stds.shape}; expected (3,), one number (the std of the whole "
           "batch's outputs) after each layer")
    expect(calls != [], "spread never called scale_of: give each layer "
                        "Dense(n_inputs, width, scale=scale_of(n_inputs))")
    expect(calls == [2, 16, 16],
           f"with depth=3 and width=16 on spiral data (2 features) scale_of "
           f"was called with {calls}; expected [2, 16, 16], each layer's "
           "number of inputs, once per layer")
    expect(np.all(np.isfinite(stds)) and np.all(stds > 0),
           f"the spreads should be positive numbers; got {stds.tolist()}")
    xavier = _spreads(spread, lambda n: np.sqrt(1 / n), X)[0]
    he = _spreads(spread, lambda n: np.sqrt(2 / n), X)[0]
    expect(xavier.shape == he.shape == (10,),
           f"spread(X, scale_of) returned shape {xavier.shape}; by default "
           "it should measure ten layers, shape (10,)")
    g_xavier = (xavier[-1] / xavier[0]) ** (1 / 9)
    g_he = (he[-1] / he[0]) ** (1 / 9)
    hint = ""
    if abs(g_xavier - 1) < 0.15 and abs(g_he - np.sqrt(2)) < 0.2:
        hint = (": that is what layers without ReLU give (Xavier keeps the "
                "spread of a linear layer); apply relu after each Dense")
    expect(0.55 < g_xavier < 0.87,
           f"with Xavier's sqrt(1/n) the spread changes by {g_xavier:.3f} per "
           "layer (from layer 1 to 10); under ReLU it should shrink by about "
           f"sqrt(64 * (1/64) / 2) = {np.sqrt(0.5):.3f}{hint}")
    expect(0.85 < g_he < 1.2,
           f"with He's sqrt(2/n) the spread changes by {g_he:.3f} per layer; "
           f"under ReLU it should stay about the same, 1{hint}")
    return (f"per layer Xavier {g_xavier:.3f} (the formula says "
            f"{np.sqrt(0.5):.3f}), He {g_he:.3f} (1)")
