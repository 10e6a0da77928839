"""The contract every node of the network keeps.

A network is a chain of nodes, and every node does the same two things:

* `forward(inputs, training=False)` computes the node's outputs and keeps
  what `backward` will need. `training` is True while the model learns; a
  node that behaves differently then (dropout, in Part II) reads it, the
  others ignore it.
* `backward(dvalues)` takes dLoss/dOutputs, shaped like the outputs of the
  last forward call, and returns dLoss/dInputs for the node below.

The loss is the last node: `forward(y_pred, y_true)` returns one number,
`backward()` returns dLoss/dy_pred of that same call, and `probabilities`
says how the network's outputs become the probabilities `predict` returns.

`@checked` puts each node's checks in front of its method: a wrong shape,
a NaN or a backward before any forward stops the reader at their own call,
before anything changes. `Sequential.fit` checks its data once and then
trains inside `unchecked()`, so the checks cost nothing per epoch.
"""

import contextlib
import functools

import numpy as np

from . import checks


# --8<-- [start:checked]
def checked(method):
    """Run the node's check_forward / check_backward before the method."""
    check_name = "check_" + method.__name__
    is_forward = method.__name__ == "forward"

    @functools.wraps(method)
    def with_checks(node, *args, **kwargs):
        if checks.checking.get():
            args, kwargs = getattr(node, check_name)(*args, **kwargs), {}
        result = method(node, *args, **kwargs)
        if is_forward:                   # what backward's check compares to
            node._forward_shape = np.shape(result)
        return result

    return with_checks
# --8<-- [end:checked]


@contextlib.contextmanager
def unchecked():
    """Skip the per-call checks of @checked methods inside this block.

    For loops whose data was checked once before the first step (`fit`).
    """
    token = checks.checking.set(False)
    try:
        yield
    finally:
        checks.checking.reset(token)


# --8<-- [start:Layer]
class Layer:
    """A node inside the network: forward(inputs, training), backward(dvalues).

    Subclasses write `forward` and `backward`; layers with weights also
    write `parameters`. The checks below run before them (see `@checked`).
    """

    def forward(self, inputs, training=False):
        raise NotImplementedError(f"{type(self).__name__} must define forward")

    def backward(self, dvalues):
        raise NotImplementedError(f"{type(self).__name__} must define backward")

    def parameters(self):
        """(parameter, gradient) pairs for the optimiser; none by default."""
        return []
# --8<-- [end:Layer]

    def __repr__(self):
        return f"{type(self).__name__}()"

    def check_forward(self, inputs, training=False):
        """inputs: a finite, non-empty (batch, features) array; training a bool."""
        inputs = checks.as_float_array(inputs, f"{self!r} inputs", ndim=2)
        checks.check_bool(training, "training")
        return inputs, training

    def check_backward(self, dvalues):
        """dvalues: finite, shaped like the outputs of the last forward call."""
        shape = getattr(self, "_forward_shape", None)
        if shape is None:
            raise RuntimeError(
                f"{self!r}.backward(dvalues) was called before forward(): "
                "run forward(inputs) first, so the layer knows its inputs"
            )
        dvalues = checks.as_float_array(dvalues, "dvalues")
        if dvalues.shape != shape:
            raise ValueError(
                f"{self!r}.backward: dvalues must have the shape of the last "
                f"forward's outputs, {shape}; got shape {dvalues.shape}"
            )
        return (dvalues,)


# --8<-- [start:Loss]
class Loss:
    """The last node: forward(y_pred, y_true) -> loss; backward() -> dy_pred.

    `probabilities(outputs)` turns the network's outputs into the
    probabilities `predict` returns: unchanged here, softmax for a loss
    that takes logits.
    """

    def forward(self, y_pred, y_true):
        raise NotImplementedError(f"{type(self).__name__} must define forward")

    def backward(self):
        raise NotImplementedError(f"{type(self).__name__} must define backward")

    def probabilities(self, outputs):
        return outputs
# --8<-- [end:Loss]

    def check_forward(self, y_pred, y_true):
        """y_pred: finite (batch, outputs); y_true: finite, one row per sample."""
        y_pred = checks.as_float_array(y_pred, "y_pred", ndim=2)
        y_true = checks.as_float_array(y_true, "y_true")
        checks.check_batch(y_true, y_pred)
        return y_pred, y_true

    def check_targets(self, y_true, n_outputs):
        """y_true as this loss wants it for n_outputs outputs (fit, once).

        By default a finite (n, n_outputs) float array; (n,) for one output.
        """
        return checks.plain_targets(y_true, n_outputs)

    def check_layers(self, layers):
        """Raise if this loss cannot follow these layers (Sequential, once)."""

    def check_backward(self):
        if getattr(self, "_forward_shape", None) is None:
            raise RuntimeError(
                f"{type(self).__name__}().backward() was called before "
                "forward(y_pred, y_true): the loss's gradient belongs to the "
                "predictions of a forward call"
            )
        return ()
