"""The book's models for the spiral and for the digits, in one place.

Chapters, the command line (`python -m nnbook train spiral`), the tests and
the benchmark all train exactly these networks, so their numbers agree.
"""

from . import checks
from .activations import ReLU
from .data import digits, spiral, stratified_split
from .layers import Dense
from .losses import SoftmaxCategoricalCrossentropy
from .model import Sequential
from .optimizers import Adam, InverseTimeDecay


# --8<-- [start:spiral_model]
def spiral_model(seed=0, *, hidden=64, classes=3):
    """2 -> 64 -> 3 with ReLU, softmax cross-entropy and Adam.

    Adam's learning rate starts at 0.05 and decays as 0.05 / (1 + 0.001 t),
    to about 0.0045 after 10,000 steps: large steps early, small steps late,
    so training settles instead of jumping (chapter 7 shows both).

    Args:
        seed (int): Seeds the layers (seed and seed + 1).
        hidden (int): Neurons in the hidden layer.
        classes (int): Outputs, one per class, >= 2.

    Returns:
        (Sequential): The untrained model.
    """
    checks.spiral_model_args(seed, hidden, classes)
    return Sequential(
        [Dense(2, hidden, seed=seed), ReLU(),
         Dense(hidden, classes, seed=seed + 1)],
        loss=SoftmaxCategoricalCrossentropy(),
        optimizer=Adam(learning_rate=InverseTimeDecay(0.05, 1, 1e-3)),
    )


def train_spiral(seed=0, *, epochs=10_000, progress=False):
    """Train spiral_model(seed) on spiral(100, 3); return (model, history).

    Args:
        seed (int): Seeds the data and the model.
        epochs (int): Full-batch passes over the 300 points.
        progress (bool): Show a tqdm progress bar.

    Returns:
        (tuple[Sequential, dict]): The trained model and fit's history.
    """
    X, y = spiral(100, 3, seed=seed)
    model = spiral_model(seed)
    history = model.fit(X, y, epochs=epochs, progress=progress)
    return model, history
# --8<-- [end:spiral_model]


# --8<-- [start:digits_model]
def digits_data(seed=0):
    """The digits as vectors scaled to [0, 1], split 60/20/20 by class.

    Args:
        seed (int): Seeds the split.

    Returns:
        (list[tuple[ndarray, ndarray]]): (X, y) for training, validation
            and test: 1078, 360 and 359 images, X of shape (n, 64).
    """
    checks.seed(seed)
    images, labels = digits()
    X = images.reshape(len(images), 64) / 16.0    # 8x8 ink counts -> [0, 1]
    return stratified_split(X, labels, (0.6, 0.2, 0.2), seed=seed)


def digits_model(seed=0, *, hidden=64):
    """64 -> 64 -> 10 with ReLU, softmax cross-entropy and Adam(0.003).

    Args:
        seed (int): Seeds the layers (seed and seed + 1).
        hidden (int): Neurons in the hidden layer.

    Returns:
        (Sequential): The untrained model.
    """
    checks.spiral_model_args(seed, hidden, 10, name="digits_model")
    return Sequential(
        [Dense(64, hidden, seed=seed), ReLU(),
         Dense(hidden, 10, seed=seed + 1)],
        loss=SoftmaxCategoricalCrossentropy(),
        optimizer=Adam(learning_rate=0.003),
    )


def train_digits(seed=0, *, epochs=40, batch_size=32):
    """Train digits_model(seed) on digits_data(0); return (model, history).

    The split is always seed 0, so every model is graded on the same test
    images; `seed` changes the initial weights and the batch order. The
    history has validation numbers; the test set is left for the end.

    Args:
        seed (int): Seeds the model and the shuffling.
        epochs (int): Passes over the 1078 training images.
        batch_size (int): Images per update.

    Returns:
        (tuple[Sequential, dict]): The trained model and fit's history.
    """
    (X, y), validation, _ = digits_data(0)
    model = digits_model(seed)
    history = model.fit(X, y, epochs=epochs, batch_size=batch_size,
                        validation_data=validation, seed=seed)
    return model, history
# --8<-- [end:digits_model]
