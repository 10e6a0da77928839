"""Losses: defining formulas, gradients, properties, and the class forms."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnbook import (BinaryCrossentropy, CategoricalCrossentropy,
                    SoftmaxCategoricalCrossentropy, binary_crossentropy,
                    categorical_crossentropy, one_hot, softmax,
                    sparse_categorical_crossentropy)
from gradcheck import numerical_gradient, relative_error

Y = one_hot([0, 2, 1, 2], num_classes=3)
P = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.25, 0.5, 0.25],
              [0.05, 0.05, 0.9]])


def test_categorical_crossentropy_is_mean_negative_log_of_true_class():
    expected = -np.mean(np.log([0.7, 0.6, 0.5, 0.9]))
    assert categorical_crossentropy(Y, P) == pytest.approx(expected, rel=1e-15)


def test_per_sample_values_with_reduction_none():
    per_sample = categorical_crossentropy(Y, P, reduction="none")
    np.testing.assert_allclose(per_sample, -np.log([0.7, 0.6, 0.5, 0.9]))
    assert per_sample.shape == (4,)
    bce = binary_crossentropy([[0, 1], [1, 1]], [[0.2, 0.6], [0.9, 0.5]],
                              reduction="none")
    np.testing.assert_allclose(bce, [-(np.log(0.8) + np.log(0.6)) / 2,
                                     -(np.log(0.9) + np.log(0.5)) / 2])


def test_sparse_equals_one_hot_on_unclipped_probabilities():
    labels = np.array([0, 2, 1, 2])
    assert sparse_categorical_crossentropy(labels, P) == pytest.approx(
        categorical_crossentropy(Y, P), rel=1e-14)
    assert sparse_categorical_crossentropy(labels[:, None], P) == pytest.approx(
        categorical_crossentropy(Y, P), rel=1e-14)


def test_integer_labels_and_one_hot_give_the_same_class_loss():
    loss = CategoricalCrossentropy()
    assert loss.forward(P, [0, 2, 1, 2]) == loss.forward(P, Y)
    from_one_hot = loss.backward()
    loss.forward(P, [0, 2, 1, 2])
    np.testing.assert_array_equal(loss.backward(), from_one_hot)


def test_clipping_makes_a_confident_wrong_answer_cost_16_point_1():
    cost = categorical_crossentropy([[1.0, 0.0]], [[0.0, 1.0]])
    assert cost == pytest.approx(-np.log(1e-7), rel=1e-12)   # 16.118095...
    assert binary_crossentropy([0.0], [1.0]) == pytest.approx(
        -np.log(1e-7), rel=1e-6)


def test_from_logits_equals_softmax_then_loss():
    logits = np.random.default_rng(0).normal(size=(5, 4))
    labels = np.array([0, 3, 1, 1, 2])
    probs = softmax(logits)
    assert categorical_crossentropy(one_hot(labels, 4), logits,
                                    from_logits=True) == pytest.approx(
        categorical_crossentropy(one_hot(labels, 4), probs), rel=1e-13)
    assert sparse_categorical_crossentropy(labels, logits, from_logits=True) \
        == pytest.approx(categorical_crossentropy(one_hot(labels, 4), probs),
                         rel=1e-13)


def test_binary_from_logits_is_stable_at_1000():
    value = binary_crossentropy([1.0, 0.0], [-1000.0, 1000.0], from_logits=True)
    assert value == pytest.approx(1000.0, rel=1e-15)


def test_fused_loss_equals_softmax_then_categorical():
    logits = np.random.default_rng(1).normal(size=(4, 3))
    fused = SoftmaxCategoricalCrossentropy()
    assert fused.forward(logits, Y) == pytest.approx(
        CategoricalCrossentropy().forward(softmax(logits), Y), rel=1e-14)
    np.testing.assert_allclose(fused.output, softmax(logits), rtol=1e-15)


# Gradient checks. Each loss is checked against finite differences of its
# defining formula, computed here independently of nnbook, at points away
# from the clipping bounds (where the true derivative exists).

def _probabilities(rng, shape):
    return softmax(rng.normal(size=shape))


def test_categorical_backward_matches_finite_differences():
    rng = np.random.default_rng(2)
    p = _probabilities(rng, (5, 4))
    y = one_hot(rng.integers(0, 4, 5), 4)

    def formula():
        return -np.mean(np.sum(y * np.log(p), axis=1))

    loss = CategoricalCrossentropy()
    loss.forward(p, y)
    analytic = loss.backward()
    assert relative_error(analytic, numerical_gradient(formula, p)) < 1e-6


def test_binary_backward_matches_finite_differences():
    rng = np.random.default_rng(3)
    p = rng.uniform(0.05, 0.95, size=(6, 2))
    y = rng.integers(0, 2, size=(6, 2)).astype(float)

    def formula():
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    loss = BinaryCrossentropy()
    loss.forward(p, y)
    analytic = loss.backward()
    assert relative_error(analytic, numerical_gradient(formula, p)) < 1e-6


def test_fused_backward_matches_finite_differences():
    rng = np.random.default_rng(4)
    z = rng.normal(scale=2, size=(5, 3))
    y = one_hot(rng.integers(0, 3, 5), 3)

    def formula():
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -np.mean(np.sum(y * log_p, axis=1))

    fused = SoftmaxCategoricalCrossentropy()
    fused.forward(z, y)
    assert relative_error(fused.backward(), numerical_gradient(formula, z)) \
        < 1e-6


def test_clipped_probabilities_get_zero_gradient():
    loss = CategoricalCrossentropy()
    loss.forward([[0.0, 1.0]], [[1.0, 0.0]])
    grad = loss.backward()
    np.testing.assert_array_equal(grad, [[0.0, 0.0]])


# Properties.

@st.composite
def label_batches(draw):
    n = draw(st.integers(1, 8))
    classes = draw(st.integers(2, 6))
    labels = draw(arrays(np.int64, n, elements=st.integers(0, classes - 1)))
    return labels, classes


@settings(max_examples=100, deadline=None)
@given(label_batches(), st.integers(0, 2**32 - 1))
def test_every_loss_is_non_negative(batch, seed):
    labels, classes = batch
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=5, size=(len(labels), classes))
    probs = softmax(logits)
    y = one_hot(labels, classes)
    values = [
        categorical_crossentropy(y, probs),
        categorical_crossentropy(y, logits, from_logits=True),
        sparse_categorical_crossentropy(labels, probs),
        sparse_categorical_crossentropy(labels, logits, from_logits=True),
        binary_crossentropy(y, probs),
        binary_crossentropy(y, logits, from_logits=True),
        SoftmaxCategoricalCrossentropy().forward(logits, labels),
    ]
    assert min(values) >= 0.0


@settings(max_examples=100, deadline=None)
@given(label_batches())
def test_every_loss_is_tiny_for_a_perfect_prediction(batch):
    labels, classes = batch
    y = one_hot(labels, classes)
    logits = 100.0 * (2 * y - 1)          # +100 for the true class, -100 else
    values = [
        categorical_crossentropy(y, y),
        categorical_crossentropy(y, logits, from_logits=True),
        sparse_categorical_crossentropy(labels, y),
        sparse_categorical_crossentropy(labels, logits, from_logits=True),
        binary_crossentropy(y, y),
        binary_crossentropy(y, logits, from_logits=True),
        SoftmaxCategoricalCrossentropy().forward(logits, labels),
    ]
    # Clipping at 1e-7 leaves -log(1 - 1e-7) ~ 1e-7 (sparse adds the
    # renormalisation, ~ classes * 1e-7); all stay below 1e-6.
    assert max(values) < 1e-6
