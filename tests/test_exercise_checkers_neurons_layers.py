"""Chapter 1's checkers (nnbook.exercises.neurons_layers) name the usual
mistakes."""

import numpy as np
import pytest

from nnbook.activations import relu
from nnbook.exercises import ExerciseFailed, check
from nnbook.layers import Dense


def _loops(inputs, weights, biases, *, bias=True, bias_per_input=False,
           transposed_weights=False):
    """A loop forward pass with one of the usual mistakes switched on."""
    outputs = []
    for sample in inputs:
        row = []
        for j in range(len(weights[0])):
            z = biases[0][j] if bias and not bias_per_input else 0.0
            for i in range(len(weights)):
                w = weights[j][i] if transposed_weights else weights[i][j]
                z += sample[i] * w + (biases[0][j] if bias_per_input else 0.0)
            row.append(z)
        outputs.append(row)
    return np.array(outputs)


def test_the_right_loops_pass():
    assert check("01-1", _loops)


def test_a_forgotten_bias_is_named():
    with pytest.raises(ExerciseFailed, match="without the bias"):
        check("01-1", lambda X, W, b: _loops(X, W, b, bias=False))


def test_a_bias_added_once_per_input_is_named():
    with pytest.raises(ExerciseFailed, match="once per input"):
        check("01-1", lambda X, W, b: _loops(X, W, b, bias_per_input=True))


def test_weights_read_the_wrong_way_round_are_named():
    # The square case comes first, so weights[j][i] is named before a
    # 2 x 4 case would make it raise IndexError.
    with pytest.raises(ExerciseFailed, match=r"uses weights\[j\]\[i\]"):
        check("01-1", lambda X, W, b: _loops(X, W, b, transposed_weights=True))


def test_transposed_outputs_are_named():
    with pytest.raises(ExerciseFailed, match="that is the transpose"):
        check("01-1", lambda X, W, b: _loops(X, W, b).T)


IMAGES = np.random.default_rng(0).random((8, 4, 4))


def test_the_shape_after_the_first_layer_only_is_named():
    with pytest.raises(ExerciseFailed, match=r"after Dense\(16, 5\)"):
        check("01-2", (8, 5), IMAGES.reshape(8, -1))


def test_rows_that_mix_the_images_are_caught():
    mixed = IMAGES.T.reshape(8, 16)              # a transpose before reshape
    with pytest.raises(ExerciseFailed, match=r"does not hold the 16 pixels"):
        check("01-2", (8, 3), mixed)
    with pytest.raises(ExerciseFailed, match=r"should give \(8, 16\)"):
        check("01-2", (8, 3), IMAGES.reshape(16, 8))


def test_a_fixed_other_pixel_order_passes_a_varying_one_does_not(capsys):
    assert check("01-2", (8, 3), IMAGES.transpose(0, 2, 1).reshape(8, 16))
    assert "another order" in capsys.readouterr().out
    shuffled = IMAGES.reshape(8, 16).copy()
    shuffled[1] = shuffled[1, ::-1]
    with pytest.raises(ExerciseFailed, match="same order for every image"):
        check("01-2", (8, 3), shuffled)


def _spread(X, scale_of, depth=10, width=64, *, activation=relu,
            inputs_of=None):
    a, stds = X, []
    for d in range(depth):
        n = a.shape[1] if inputs_of is None else inputs_of(a, width)
        a = activation(Dense(a.shape[1], width, seed=d,
                             scale=scale_of(n)).forward(a))
        stds.append(a.std())
    return np.array(stds)


def test_the_right_spread_passes():
    assert check("01-3", _spread)


def test_layers_without_relu_are_named():
    with pytest.raises(ExerciseFailed, match="without ReLU"):
        check("01-3", lambda X, s, **k: _spread(X, s, activation=np.asarray,
                                                **k))


def test_a_scale_from_the_number_of_neurons_is_named():
    with pytest.raises(ExerciseFailed, match=r"expected \[2, 16, 16\], each "
                                             "layer's number of inputs"):
        check("01-3", lambda X, s, **k: _spread(X, s, inputs_of=lambda a, w: w,
                                                **k))


def test_a_spread_per_neuron_is_told_to_be_one_number():
    def per_neuron(X, scale_of, depth=10, width=64):
        a, stds = X, []
        for d in range(depth):
            a = relu(Dense(a.shape[1], width, seed=d,
                           scale=scale_of(a.shape[1])).forward(a))
            stds.append(a.std(axis=0))
        return np.array(stds)

    with pytest.raises(ExerciseFailed, match=r"expected \(3,\), one number"):
        check("01-3", per_neuron)
