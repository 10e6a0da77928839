"""accuracy for integer labels, one-hot labels and binary outputs."""

import numpy as np
import pytest

from nnbook import accuracy, one_hot

PROBS = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3],
                  [0.4, 0.4, 0.2]])


def test_integer_and_one_hot_labels_agree():
    labels = np.array([0, 2, 0, 0])            # third prediction is wrong
    assert accuracy(labels, PROBS) == 0.75
    assert accuracy(one_hot(labels, 3), PROBS) == 0.75
    assert accuracy(labels[:, None], PROBS) == 0.75


def test_ties_go_to_the_first_class_like_argmax():
    assert accuracy([0], [[0.4, 0.4, 0.2]]) == 1.0


def test_binary_outputs_are_thresholded_at_one_half():
    assert accuracy([1, 0, 1], [0.9, 0.2, 0.4]) == pytest.approx(2 / 3)
    assert accuracy([[1], [0]], [[0.51], [0.49]]) == 1.0


def test_matches_keras_categorical_accuracy(keras):
    rng = np.random.default_rng(0)
    probs = rng.dirichlet(np.ones(4), size=50)
    labels = rng.integers(0, 4, 50)
    metric = keras.metrics.SparseCategoricalAccuracy()
    metric.update_state(labels, probs)
    assert accuracy(labels, probs) == pytest.approx(float(metric.result()),
                                                    rel=1e-6)
