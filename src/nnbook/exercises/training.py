"""Checkers for chapter 7's exercises (training: optimisers and schedules)."""

import numpy as np

from ..data import spiral
from ..optimizers import SGD, Optimizer
from ..recipes import spiral_model
from . import ExerciseFailed, checker, expect


class _Parameters:
    """A stand-in layer: two parameter arrays whose gradients we choose."""

    def __init__(self):
        self.weights = np.array([[1.0, -2.0], [0.5, 3.0]])
        self.biases = np.array([0.25, -1.0, 2.0])
        self.dweights = np.zeros_like(self.weights)
        self.dbiases = np.zeros_like(self.biases)

    def parameters(self):
        return [(self.weights, self.dweights), (self.biases, self.dbiases)]


def _rmsprop_changes(grads, lr, rho, epsilon, mistake=None):
    """The changes RMSprop makes for successive gradients, or those of a
    common mistake, so that a wrong answer can be named."""
    v, changes = np.zeros_like(grads[0]), []
    for t, g in enumerate(grads, start=1):
        if mistake == "forgotten v":
            v = np.zeros_like(g)
        if mistake == "no 1 - rho":
            v = rho * v + g * g
        elif mistake == "rho swapped":
            v = (1 - rho) * v + rho * g * g
        else:
            v = rho * v + (1 - rho) * g * g
        size = v / (1 - rho ** t) if mistake == "bias correction" else v
        if mistake == "epsilon inside":
            change = -lr * g / np.sqrt(size + epsilon)
        else:
            change = -lr * g / (np.sqrt(size) + epsilon)
        changes.append(-change if mistake == "sign" else change)
    return changes


_RMSPROP_HINTS = {
    "epsilon inside": "that is g / sqrt(v + epsilon); the exercise adds "
                      "epsilon after the root, g / (sqrt(v) + epsilon)",
    "no 1 - rho": "the new g**2 is missing its factor (1 - rho): "
                  "v <- rho * v + (1 - rho) * g**2",
    "rho swapped": "rho and 1 - rho are swapped: rho weighs the old v, "
                   "1 - rho the new g**2",
    "bias correction": "that divides v by 1 - rho**t, Adam's bias "
                       "correction; RMSprop has none",
    "forgotten v": "v starts again from 0 at every step: set it once in "
                   "start(size), keep it on self and update it in update",
    "sign": "that step goes uphill: update returns the change to add, "
            "-lr * g / (sqrt(v) + epsilon)",
}


@checker("07-1", "RMSprop")
def rmsprop(RMSprop):
    """RMSprop(learning_rate, rho, epsilon): three steps match the rule
    v <- rho v + (1 - rho) g^2, p <- p - lr g / (sqrt(v) + epsilon), and it
    trains the spiral model."""
    expect(isinstance(RMSprop, type) and issubclass(RMSprop, Optimizer),
           "pass the class itself, a subclass of nnbook.optimizers.Optimizer: "
           "check('07-1', RMSprop) after `class RMSprop(Optimizer): ...`")
    lr, rho, epsilon = 0.1, 0.8, 0.01
    settings = f"RMSprop(learning_rate={lr}, rho={rho}, epsilon={epsilon})"
    # One update called directly: the shape, and which learning rate it uses.
    g = np.array([0.5, -4.0, 0.002, 1.0])
    optimizer = RMSprop(learning_rate=lr, rho=rho, epsilon=epsilon)
    optimizer.start(g.size)
    change = optimizer.update(g.copy(), 0.05)
    expect(change is not None, "update(grad, learning_rate) returned None: "
                               "return the change to add to the parameters")
    change = np.asarray(change, dtype=float)
    expect(change.shape == g.shape, f"update returned shape {change.shape} "
                                    f"for a gradient of shape {g.shape}")
    want = _rmsprop_changes([g], 0.05, rho, epsilon)[0]
    own_rate = _rmsprop_changes([g], lr, rho, epsilon)[0]
    if not np.allclose(change, want, rtol=1e-9, atol=1e-15):
        expect(not np.allclose(change, own_rate, rtol=1e-9, atol=1e-15),
               f"{settings}.update(grad, 0.05) stepped with 0.1, not 0.05: "
               "use the learning_rate that update receives (the schedule's "
               "rate for this step), not self.learning_rate")
    # Three steps through Optimizer.step, on two parameter arrays.
    rng = np.random.default_rng(7)
    grads = [rng.standard_normal(7) for _ in range(3)]
    grads[1][2] = 1e-3                 # a small gradient, where epsilon shows
    optimizer = RMSprop(learning_rate=lr, rho=rho, epsilon=epsilon)
    layer = _Parameters()
    got = []
    for grad in grads:
        layer.dweights[...] = grad[:4].reshape(2, 2)
        layer.dbiases[...] = grad[4:]
        before = np.concatenate([layer.weights.ravel(), layer.biases])
        optimizer.step([layer])
        got.append(np.concatenate([layer.weights.ravel(), layer.biases])
                   - before)
    want = _rmsprop_changes(grads, lr, rho, epsilon)
    for t, (mine, right) in enumerate(zip(got, want), start=1):
        if np.allclose(mine, right, rtol=1e-9, atol=1e-15):
            continue
        hint = ""
        if not np.all(np.isfinite(mine)):
            hint = (": NaN or inf; is v the running mean of g**2, the squared "
                    "gradient (never negative)?")
        for mistake, text in _RMSPROP_HINTS.items():     # all three steps
            wrong = _rmsprop_changes(grads, lr, rho, epsilon, mistake)
            if np.allclose(got, wrong, rtol=1e-9, atol=1e-15):
                hint = f": {text}"
                break
        raise ExerciseFailed(
            f"step {t} of {settings} with the gradient "
            f"{np.round(grads[t - 1], 4).tolist()}: the change is "
            f"{np.round(mine, 6).tolist()}, expected "
            f"{np.round(right, 6).tolist()}{hint}")
    # It trains the book's model (a wide margin: 100 epochs, lr 0.02).
    X, y = spiral(100, 3, seed=0)
    model = spiral_model(seed=0)
    model.optimizer = RMSprop(learning_rate=0.02)
    history = model.fit(X, y, epochs=100)
    first, last = history["loss"][0], history["loss"][-1]
    expect(last < 0.9 * first,
           f"spiral_model(seed=0) with RMSprop(learning_rate=0.02) went from "
           f"loss {first:.3f} to {last:.3f} in 100 epochs; it should fall "
           "below 0.9 times the start (check the defaults rho=0.9, "
           "epsilon=1e-7)")
    return (f"the spiral's loss fell from {first:.3f} to {last:.3f} in 100 "
            "epochs")


@checker("07-2", "a step-decay schedule")
def step_decay(StepDecay):
    """StepDecay(lr0, every)(t) == lr0 * 0.5 ** (t // every), whatever the
    order of the calls; every <= 0 is refused; SGD steps with those rates."""
    expect(isinstance(StepDecay, type),
           "pass the class itself: check('07-2', StepDecay)")
    lr0, every = 0.3, 4
    schedule = StepDecay(lr0, every=every)
    steps = [0, 1, 3, 4, 7, 8, 11, 12, 41, 3, 0, 41]
    rates = []
    for t in steps:
        rate = schedule(t)
        expect(rate is not None, f"StepDecay({lr0}, every={every})({t}) "
                                 "returned None: return the learning rate")
        expect(np.ndim(rate) == 0, f"StepDecay({lr0}, every={every})({t}) "
                                   "should return one number; got shape "
                                   f"{np.shape(rate)}")
        rates.append(float(rate))
    rates, steps = np.array(rates), np.array(steps)
    want = lr0 * 0.5 ** (steps // every)
    if not np.allclose(rates, want, rtol=1e-12, atol=0):
        wrong = {
            "it halves one step early: steps 0 to every - 1 use the initial "
            "rate, and the first halving is at step every":
                lr0 * 0.5 ** ((steps + 1) // every),
            "at step 0 the rate should be the initial one, not half of it":
                lr0 * 0.5 ** (steps // every + 1),
            "that is 0.5 ** (t / every), a smooth decay: the rate stays flat "
            "for every steps, then halves; use t // every":
                lr0 * 0.5 ** (steps / every),
            "that divides by 1 + t // every; halving each time is "
            "multiplying by 0.5 ** (t // every)":
                lr0 / (1 + steps // every),
        }
        hint = next((f" ({text})" for text, rate in wrong.items()
                     if np.allclose(rates, rate, rtol=1e-12, atol=0)), "")
        if not hint:
            once = {t: r for t, r in zip(steps, rates)}
            if any(once[t] != r for t, r in zip(steps, rates)):
                hint = (" (the same step gave different rates: the rate must "
                        "depend only on the step it is given, not on earlier "
                        "calls; the optimiser may ask more than once)")
        i = int(np.argmax(~np.isclose(rates, want, rtol=1e-12, atol=0)))
        raise ExerciseFailed(
            f"StepDecay({lr0}, every={every})({steps[i]}) is {rates[i]:.6g}; "
            f"expected {lr0} * 0.5 ** ({steps[i]} // {every}) = "
            f"{want[i]:.6g}{hint}")
    try:
        StepDecay(0.1, every=0)
    except ValueError:
        pass
    else:
        raise ExerciseFailed("StepDecay(0.1, every=0) was accepted: raise a "
                             "ValueError in __init__ when every <= 0 (every "
                             "= 0 would divide by zero at the first step)")
    # Given to SGD: the optimiser asks it for each step's rate.
    optimizer = SGD(learning_rate=StepDecay(lr0, every=every))
    layer = _Parameters()
    used = []
    for _ in range(10):
        layer.dweights[...] = 1.0
        layer.dbiases[...] = 1.0
        used.append(float(optimizer.current_learning_rate()))
        optimizer.step([layer])
    expect(np.allclose(used, [lr0] * 4 + [lr0 / 2] * 4 + [lr0 / 4] * 2,
                       rtol=1e-12, atol=0),
           f"SGD(learning_rate=StepDecay({lr0}, every={every})) used the "
           f"rates {used} in its first 10 steps; expected four of {lr0}, "
           f"four of {lr0 / 2}, then {lr0 / 4}")
    return f"SGD used {lr0}, {lr0 / 2} and {lr0 / 4}, {every} steps each"


def _spiral_run(optimizer, epochs):
    """(history, model) of spiral_model(seed=0) on spiral(100, 3, seed=0)."""
    X, y = spiral(100, 3, seed=0)
    model = spiral_model(seed=0)
    if optimizer is not None:
        model.optimizer = optimizer
    with np.errstate(all="ignore"):
        history = model.fit(X, y, epochs=epochs)
    return history, model, X, y


@checker("07-3", "plain SGD at several learning rates")
def learning_rates(final_loss):
    """final_loss(lr, epochs) == the last loss of `epochs` full-batch epochs
    of SGD(lr) from spiral_model(seed=0); a larger rate learns faster up to
    1, and 10 overshoots."""
    expect(callable(final_loss),
           "pass your function: check('07-3', final_loss)")
    epochs = 100
    first = final_loss(0.1, epochs=epochs)
    expect(first is not None and np.ndim(first) == 0,
           f"final_loss(0.1, epochs={epochs}) should return one number, the "
           f"last training loss; got {first!r}")
    again = final_loss(0.1, epochs=epochs)
    expect(np.isclose(float(again), float(first), rtol=1e-9, atol=0),
           f"final_loss(0.1, epochs={epochs}) gave {float(first):.6g}, then "
           f"{float(again):.6g} when called again: each call must start from "
           "the same weights, a new spiral_model(seed=0) every time")
    got = {}
    for lr in (0.1, 0.01, 1.0):
        value = first if lr == 0.1 else final_loss(lr, epochs=epochs)
        expect(value is not None and np.ndim(value) == 0,
               f"final_loss({lr}, epochs={epochs}) should return one number, "
               f"the last training loss; got {value!r}")
        got[lr] = value = float(value)
        history, model, X, y = _spiral_run(SGD(learning_rate=lr), epochs)
        right = (history["loss"][-1], model.evaluate(X, y)[0])
        if np.isclose(value, right, rtol=1e-6, atol=0).any():
            continue
        adam, _, _, _ = _spiral_run(None, epochs)
        wrong = {
            "that is the loss before training, history['loss'][0]; report "
            "the last one, history['loss'][-1]": history["loss"][0],
            "that is the accuracy; report the loss": history["accuracy"][-1],
            "that is what spiral_model's own optimiser (Adam) gives: set "
            "model.optimizer = SGD(learning_rate=learning_rate)":
                adam["loss"][-1],
        }
        hint = next((f" ({text})" for text, loss in wrong.items()
                     if np.isclose(value, loss, rtol=1e-6, atol=0)), "")
        raise ExerciseFailed(
            f"final_loss({lr}, epochs={epochs}) is {value:.6g}; expected "
            f"{right[0]:.6g}, the last loss of {epochs} full-batch epochs of "
            f"SGD(learning_rate={lr}) from spiral_model(seed=0) on "
            f"spiral(100, 3, seed=0){hint or ' (is epochs passed to fit?)'}")
    largest = float(final_loss(10.0, epochs=epochs))
    expect(not largest < got[1.0],
           f"final_loss(10.0, epochs={epochs}) is {largest:.6g}, below lr "
           f"1's {got[1.0]:.6g}; with plain SGD rate 10 overshoots")
    return (f"after {epochs} epochs: lr 0.01 {got[0.01]:.3f}, 0.1 "
            f"{got[0.1]:.3f}, 1 {got[1.0]:.3f}, 10 {largest:.3f}")
