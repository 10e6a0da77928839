"""nnbook: a neural network in plain Python and NumPy, proven against Keras.

Importing nnbook imports NumPy only: no TensorFlow, no matplotlib.
"""

from .activations import (ReLU, Sigmoid, Softmax, log_softmax, relu,
                          sigmoid, softmax)
from .data import digits, spiral, stratified_split, two_blobs
from .encoding import one_hot, to_indices
from .layers import Dense
from .losses import (BinaryCrossentropy, CategoricalCrossentropy,
                     SoftmaxCategoricalCrossentropy, binary_crossentropy,
                     categorical_crossentropy,
                     sparse_categorical_crossentropy)
from .metrics import accuracy
from .model import Sequential
from .node import Layer, Loss
from .optimizers import SGD, Adam, InverseTimeDecay
from .regularisation import Dropout, EarlyStopping
from .recipes import (digits_data, digits_model, spiral_model,
                      train_digits, train_spiral)
from .saving import load, load_weights, save

__version__ = "0.4.0"

__all__ = [
    "Adam", "BinaryCrossentropy", "CategoricalCrossentropy", "Dense",
    "Dropout", "EarlyStopping",
    "InverseTimeDecay", "Layer", "Loss", "ReLU", "SGD", "Sequential",
    "Sigmoid", "Softmax", "SoftmaxCategoricalCrossentropy", "accuracy", "binary_crossentropy",
    "categorical_crossentropy", "digits", "digits_data", "digits_model", "load", "load_weights", "log_softmax", "one_hot", "relu", "sigmoid",
    "save", "softmax", "sparse_categorical_crossentropy", "spiral", "spiral_model",
    "stratified_split",
    "to_indices", "train_digits", "train_spiral", "two_blobs",
]
