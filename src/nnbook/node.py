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

from . import checks


# --8<-- [start:checked]
def checked(method):
    """Run the node's check_forward / check_backward before the method.

    Args:
        method (callable): A node's forward or backward.

    Returns:
        (callable): The method, with the node's checks in front.
    """
    check_name = "check_" + method.__name__
    is_forward = method.__name__ == "forward"
    checking = checks.checking.get       # False inside fit's loop

    @functools.wraps(method)
    def with_checks(node, *args, **kwargs):
        if checking():
            args, kwargs = getattr(node, check_name)(*args, **kwargs), {}
        result = method(node, *args, **kwargs)
        if is_forward:                   # what backward's check compares to
            node.output_shape = getattr(result, "shape", ())
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
    write `parameters`. check_forward and check_backward run before
    them (see `@checked`).
    """

    def forward(self, inputs, training=False):
        """Outputs for a batch; keeps what backward will need.

        Args:
            inputs (ndarray): A (batch, features) array.
            training (bool): True while the model learns.

        Returns:
            (ndarray): The outputs, one row per sample.
        """
        raise NotImplementedError(f"{type(self).__name__} must define forward")

    def backward(self, dvalues):
        """dLoss/dInputs, from dLoss/dOutputs of the last forward call.

        Args:
            dvalues (ndarray): Shaped like the last forward's outputs.

        Returns:
            (ndarray): Shaped like the last forward's inputs.

        Raises:
            RuntimeError: No forward call came first.
        """
        raise NotImplementedError(f"{type(self).__name__} must define backward")

    def parameters(self):
        """(parameter, gradient) pairs for the optimiser; none by default.

        Returns:
            (list[tuple[ndarray, ndarray]]): Each array with its gradient.
        """
        return []

    def penalty(self):
        """What the layer adds to the loss (an L2 penalty); 0 by default.

        Returns:
            (float): The penalty, added to the loss the model reports.
        """
        return 0.0
# --8<-- [end:Layer]

    def __repr__(self):
        return f"{type(self).__name__}()"

    def check_forward(self, inputs, training=False):
        """inputs: a finite, non-empty (batch, features) array; training a bool.

        Args:
            inputs (array_like): What forward was given.
            training (bool): What forward was given.

        Returns:
            (tuple): (inputs as a float64 array, training), for forward.

        Raises:
            ValueError: inputs is not 2-D, is empty, or holds NaN or inf.
            TypeError: inputs does not hold numbers, or training is no bool.
        """
        inputs = checks.as_float_array(inputs, f"{self!r} inputs", ndim=2)
        checks.check_bool(training, "training")
        return inputs, training

    def check_backward(self, dvalues):
        """dvalues: finite, shaped like the outputs of the last forward call.

        Args:
            dvalues (array_like): What backward was given.

        Returns:
            (tuple): (dvalues as a float64 array,), for backward.

        Raises:
            RuntimeError: No forward call came first.
            ValueError: dvalues has another shape, or holds NaN or inf.
        """
        shape = getattr(self, "output_shape", None)
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
        """The batch's loss; keeps what backward will need.

        Args:
            y_pred (ndarray): The network's outputs, (batch, outputs).
            y_true (array_like): The true labels of the same samples.

        Returns:
            (float): The mean loss over the batch.
        """
        raise NotImplementedError(f"{type(self).__name__} must define forward")

    def backward(self):
        """dLoss/dy_pred for the last forward call.

        Returns:
            (ndarray): Shaped like that call's y_pred.

        Raises:
            RuntimeError: No forward call came first.
        """
        raise NotImplementedError(f"{type(self).__name__} must define backward")

    def probabilities(self, outputs):
        """The probabilities that `predict` returns for these outputs.

        Args:
            outputs (ndarray): The network's outputs.

        Returns:
            (ndarray): The same outputs: this loss takes probabilities.
        """
        return outputs
# --8<-- [end:Loss]

    def check_forward(self, y_pred, y_true):
        """y_pred: finite (batch, outputs); y_true: finite, one row per sample.

        Args:
            y_pred (array_like): What forward was given.
            y_true (array_like): What forward was given.

        Returns:
            (tuple): (y_pred, y_true) as float64 arrays, for forward.

        Raises:
            ValueError: A wrong shape, an empty batch, NaN or inf.
            TypeError: Either does not hold numbers.
        """
        y_pred = checks.as_float_array(y_pred, "y_pred", ndim=2)
        y_true = checks.as_float_array(y_true, "y_true")
        checks.check_batch(y_true, y_pred)
        return y_pred, y_true

    def check_targets(self, y_true, n_outputs):
        """y_true as this loss wants it for n_outputs outputs (fit, once).

        By default a finite (n, n_outputs) float array; (n,) for one output.

        Args:
            y_true (array_like): The labels given to fit or evaluate.
            n_outputs (int): The width of the model's outputs.

        Returns:
            (ndarray): The targets, of shape (n, n_outputs).

        Raises:
            ValueError: y_true does not suit this loss or that width.
        """
        return checks.plain_targets(y_true, n_outputs)

    def check_layers(self, layers):
        """Raise if this loss cannot follow these layers (Sequential, once).

        Args:
            layers (list[Layer]): The model's layers, in order.

        Raises:
            ValueError: The last layer does not give what this loss takes.
        """

    def check_backward(self):
        """backward() needs a forward call first.

        Returns:
            (tuple): No arguments: backward takes none.

        Raises:
            RuntimeError: No forward call came first.
        """
        if getattr(self, "output_shape", None) is None:
            raise RuntimeError(
                f"{type(self).__name__}().backward() was called before "
                "forward(y_pred, y_true): the loss's gradient belongs to the "
                "predictions of a forward call"
            )
        return ()
