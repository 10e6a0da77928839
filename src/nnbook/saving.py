"""Keeping a trained model: its architecture and weights in one file.

Training the digits model takes a while; using it should not. `save` writes
the model as a NumPy `.npz` archive: a small JSON description of the layers
and the loss, and one array per weight matrix and bias vector. `load`
builds the same model again from that file alone, and `load_weights` puts
the weights into a model you built yourself, after checking that it has the
architecture the file was written for. The optimiser's state (Adam's
moments, its step count) is not kept: a loaded model predicts, and trains
again from a fresh optimiser.
"""

import json
import os

import numpy as np

from .activations import ReLU, Sigmoid, Softmax
from .layers import Dense
from .regularisation import Dropout
from .losses import (BinaryCrossentropy, CategoricalCrossentropy,
                     SoftmaxCategoricalCrossentropy)
from .model import Sequential

FORMAT = "nnbook-model"
VERSION = 1                 # raise it when the file's layout changes

NODES = {cls.__name__: cls for cls in (
    Dense, Dropout, ReLU, Sigmoid, Softmax,
    BinaryCrossentropy, CategoricalCrossentropy,
    SoftmaxCategoricalCrossentropy)}


def architecture(model):
    """The model as JSON-ready data: each layer's kind and sizes, the loss.

    Args:
        model (Sequential): The model to describe.

    Returns:
        (dict): {"layers": [{"kind": "Dense", "n_inputs": 64, ...}, ...],
            "loss": "SoftmaxCategoricalCrossentropy"}.

    Raises:
        TypeError: A layer or loss that is not one of nnbook's own (a file
            could not rebuild it).
    """
    if not isinstance(model, Sequential):
        raise TypeError(f"model must be an nnbook Sequential; got "
                        f"{type(model).__name__}")
    layers = []
    for i, layer in enumerate(model.layers):
        kind = type(layer).__name__
        if NODES.get(kind) is not type(layer):
            raise TypeError(
                f"layer {i} is a {kind}, which save() cannot rebuild: it "
                f"keeps nnbook's own layers only ({', '.join(_layer_kinds())})")
        entry = {"kind": kind}
        if isinstance(layer, Dense):
            entry["n_inputs"], entry["n_neurons"] = layer.weights.shape
            entry["l2"] = layer.l2
        elif isinstance(layer, Dropout):
            entry["rate"] = layer.rate
        layers.append(entry)
    loss = type(model.loss).__name__
    if NODES.get(loss) is not type(model.loss):
        raise TypeError(f"the loss is a {loss}, which save() cannot rebuild")
    return {"layers": layers, "loss": loss}


# --8<-- [start:save]
def save(model, path):
    """Write `model`'s architecture and weights to one .npz file.

    Args:
        model (Sequential): A model of nnbook's own layers and loss.
        path (str | os.PathLike): The file; ".npz" is added if missing.
    """
    description = architecture(model)
    arrays = {}
    for i, layer in enumerate(model.layers):
        if isinstance(layer, Dense):
            arrays[f"layer{i}.weights"] = layer.weights
            arrays[f"layer{i}.biases"] = layer.biases
    np.savez(path, format=np.array(FORMAT), version=np.array(VERSION),
             architecture=np.array(json.dumps(description)), **arrays)
# --8<-- [end:save]


# --8<-- [start:load]
def load(path, *, optimizer=None):
    """The model saved in `path`, rebuilt with its weights.

    Args:
        path (str | os.PathLike): A file written by `save`; ".npz" is
            added if missing, as `save` adds it.
        optimizer (Optimizer | None): For training the loaded model further;
            None for a model that only predicts.

    Returns:
        (Sequential): The same layers, weights and loss as when saved.

    Raises:
        ValueError: The file is not an nnbook model, or it was written by a
            newer nnbook (a format version this one does not know).
    """
    description, weights = _read(path)
    layers = []
    for entry in description["layers"]:
        if entry["kind"] == "Dense":
            layers.append(Dense(entry["n_inputs"], entry["n_neurons"],
                                seed=0, l2=entry.get("l2", 0.0)))
        elif entry["kind"] == "Dropout":
            layers.append(Dropout(entry["rate"]))
        else:
            layers.append(NODES[entry["kind"]]())
    model = Sequential(layers, loss=NODES[description["loss"]](),
                       optimizer=optimizer)
    _copy_weights(model, weights)
    return model
# --8<-- [end:load]


def load_weights(model, path):
    """Put the weights saved in `path` into `model`, whose layers must match.

    Args:
        model (Sequential): A model built with the same layers, in the same
            order and of the same sizes, as the saved one.
        path (str | os.PathLike): A file written by `save`.

    Raises:
        ValueError: The file is not an nnbook model, or its architecture
            differs from `model`'s (the message shows both); the model is
            left unchanged.
    """
    description, weights = _read(path)
    ours = architecture(model)
    if ours["layers"] != description["layers"]:
        raise ValueError(
            f"the file was saved from another architecture: it holds "
            f"{_summary(description['layers'])}, the model is "
            f"{_summary(ours['layers'])}")
    _copy_weights(model, weights)


def _layer_kinds():
    return [name for name, cls in NODES.items()
            if not name.endswith("Crossentropy")]


def _summary(layers):
    def one(e):
        if e["kind"] == "Dense":
            l2 = f", l2={e['l2']:g}" if e.get("l2") else ""
            return f"Dense({e['n_inputs']}, {e['n_neurons']}{l2})"
        if e["kind"] == "Dropout":
            return f"Dropout({e['rate']:g})"
        return e["kind"]
    return " -> ".join(one(e) for e in layers)


def _read(path):
    """(description, {name: array}) of a saved model, checked."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file name; got {type(path).__name__}")
    path = os.fspath(path)
    if not path.endswith(".npz"):      # as save (np.savez) names the file
        path += ".npz"
    try:
        archive = np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise FileNotFoundError(f"no model file at {os.fspath(path)!r}") from None
    except (ValueError, OSError) as error:
        raise ValueError(f"{os.fspath(path)!r} is not an nnbook model file "
                         f"(NumPy could not read it: {error})") from None
    with archive:
        files = set(archive.files)
        if not {"format", "version", "architecture"} <= files \
                or str(archive["format"]) != FORMAT:
            raise ValueError(f"{os.fspath(path)!r} is not an nnbook model "
                             f"file (written by nnbook.save)")
        version = int(archive["version"])
        if version > VERSION:
            raise ValueError(
                f"{os.fspath(path)!r} has format version {version}; this "
                f"nnbook reads version {VERSION} and older: upgrade nnbook")
        description = json.loads(str(archive["architecture"]))
        weights = {name: archive[name] for name in files
                   if name.startswith("layer")}
    for entry in description["layers"] + [{"kind": description["loss"]}]:
        if entry["kind"] not in NODES:
            raise ValueError(f"{os.fspath(path)!r} names an unknown node "
                             f"{entry['kind']!r}")
    return description, weights


def _copy_weights(model, weights):
    # In place: an optimiser that already stepped keeps updating the same
    # arrays (the architecture check guarantees equal shapes).
    for i, layer in enumerate(model.layers):
        if isinstance(layer, Dense):
            layer.weights[...] = weights[f"layer{i}.weights"]
            layer.biases[...] = weights[f"layer{i}.biases"]
