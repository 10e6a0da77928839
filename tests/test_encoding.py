"""one_hot and to_indices, including the book's 1-based animal labels."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnbook import one_hot, to_indices

ANIMALS = np.array([1, 2, 3, 4, 2, 1])      # 1=cat, 2=dog, 3=bird, 4=cow


def test_animal_labels_with_classes_give_exactly_four_columns():
    encoded = one_hot(ANIMALS, classes=[1, 2, 3, 4])
    assert encoded.shape == (6, 4)
    np.testing.assert_array_equal(encoded.argmax(axis=1), ANIMALS - 1)
    np.testing.assert_array_equal(encoded.sum(axis=1), 1.0)


def test_animal_labels_without_classes_waste_column_zero():
    # The trap the chapter shows: 0-based encoding of 1-based codes.
    encoded = one_hot(ANIMALS)
    assert encoded.shape == (6, 5)
    assert not encoded[:, 0].any()


def test_explicit_shift_is_the_same_as_classes():
    np.testing.assert_array_equal(one_hot(ANIMALS - 1, 4),
                                  one_hot(ANIMALS, classes=[1, 2, 3, 4]))


def test_classes_can_be_names():
    encoded = one_hot(["dog", "cat"], classes=["cat", "dog", "bird", "cow"])
    np.testing.assert_array_equal(encoded, [[0, 1, 0, 0], [1, 0, 0, 0]])
    np.testing.assert_array_equal(to_indices(["cow"], ["cat", "cow"]), [1])


def test_unknown_code_is_named():
    with pytest.raises(ValueError, match="label 5 is not one of classes"):
        one_hot([1, 5], classes=[1, 2, 3, 4])


def test_column_labels_are_accepted():
    np.testing.assert_array_equal(one_hot([[0], [2]], 3),
                                  [[1, 0, 0], [0, 0, 1]])


@pytest.mark.parametrize("labels, num_classes", [
    ([0, 2, 1, 2], None), ([[1], [0]], None), ([3, 0], 6), ([0], None)])
def test_matches_keras_to_categorical(keras, labels, num_classes):
    theirs = keras.utils.to_categorical(labels, num_classes)
    ours = one_hot(labels, num_classes)
    assert ours.shape == theirs.shape
    np.testing.assert_array_equal(ours, theirs)


@settings(max_examples=200, deadline=None)
@given(arrays(np.int64, st.integers(1, 50), elements=st.integers(0, 9)))
def test_one_hot_then_argmax_gives_the_labels_back(labels):
    encoded = one_hot(labels)
    np.testing.assert_array_equal(encoded.argmax(axis=1), labels)
    np.testing.assert_array_equal(encoded.sum(axis=1), 1.0)
