"""The book's model for the spiral data, in one place.

Chapters, the command line (`python -m nnbook train spiral`), the tests and
the benchmark all train exactly this network, so their numbers agree.
"""

from . import checks
from .activations import ReLU
from .data import spiral
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
