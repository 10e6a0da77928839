"""Shared fixtures. TensorFlow is imported lazily, only by tests that use it."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import numpy as np
import pytest


@pytest.fixture(scope="session")
def tf():
    import tensorflow
    return tensorflow


@pytest.fixture(scope="session")
def keras(tf):
    import keras as keras_module
    return keras_module


@pytest.fixture
def rng():
    return np.random.default_rng(1234)
