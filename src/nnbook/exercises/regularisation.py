"""Checkers for chapter 10's exercises (regularisation)."""

import numpy as np

from . import checker, expect


@checker("10-1", "the L2 penalty and its gradient")
def l2_penalty_and_gradient(l2_penalty):
    """l2_penalty(weights, l2) == (l2 * sum(w ** 2), 2 * l2 * w)."""
    expect(callable(l2_penalty),
           "pass your function: check('10-1', l2_penalty)")
    w = np.random.default_rng(0).standard_normal((4, 3))
    l2 = 0.01
    result = l2_penalty(w.copy(), l2)
    expect(isinstance(result, tuple) and len(result) == 2,
           "l2_penalty should return two things, (penalty, gradient); got "
           f"{type(result).__name__}")
    penalty, gradient = result
    want = l2 * float(np.sum(w ** 2))
    expect(np.ndim(penalty) == 0, "the penalty should be one number, the sum "
                                  f"over all weights; got shape {np.shape(penalty)}")
    if not np.isclose(float(penalty), want, rtol=1e-12):
        hint = ""
        if np.isclose(float(penalty), want / 2, rtol=1e-12):
            hint = (": that is (l2 / 2) * sum(w**2); Keras and nnbook use "
                    "l2 * sum(w**2), without the 1/2")
        elif np.isclose(float(penalty), l2 * float(np.sum(np.abs(w))), rtol=1e-12):
            hint = ": that is the L1 penalty, the sum of |w|; square them"
        expect(False, f"the penalty is {float(penalty):.6g}, expected "
                      f"l2 * sum(w**2) = {want:.6g}{hint}")
    gradient = np.asarray(gradient, dtype=float)
    expect(gradient.shape == w.shape, f"the gradient should have the weights' "
                                      f"shape {w.shape}; got {gradient.shape}")
    if not np.allclose(gradient, 2 * l2 * w, rtol=1e-12, atol=0):
        hint = (": that is l2 * w; the derivative of l2 * w**2 is 2 * l2 * w"
                if np.allclose(gradient, l2 * w, rtol=1e-12) else "")
        expect(False, f"the gradient is not 2 * l2 * w{hint}")
    return "the same convention as Dense(..., l2=...)"


@checker("10-2", "classic (not inverted) dropout")
def classic_dropout(ClassicDropout):
    """ClassicDropout(rate, seed=...): training zeroes about `rate` of the
    inputs and keeps the rest unscaled; inference multiplies by 1 - rate;
    backward follows the same mask."""
    expect(isinstance(ClassicDropout, type),
           "pass the class itself: check('10-2', ClassicDropout)")
    rate = 0.25
    x = np.random.default_rng(0).normal(size=(40, 50)) + 3.0
    layer = ClassicDropout(rate, seed=1)
    out = layer.forward(x, training=True)
    expect(out is not None, "forward(x, training=True) returned None")
    out = np.asarray(out, dtype=float)
    expect(out.shape == x.shape, f"forward returned shape {out.shape}, "
                                 f"expected {x.shape}")
    kept = out != 0
    share = 1 - kept.mean()
    expect(abs(share - rate) < 0.03,
           f"in training {share:.1%} of the inputs were zeroed; with rate "
           f"{rate} about {rate:.0%} should be")
    if not np.allclose(out[kept], x[kept]):
        hint = (": classic dropout keeps them as they are (the inverted kind "
                "divides by 1 - rate)"
                if np.allclose(out[kept], x[kept] / (1 - rate)) else "")
        expect(False, f"the inputs kept in training were changed{hint}")
    d = np.random.default_rng(2).normal(size=x.shape)
    back = np.asarray(layer.backward(d), dtype=float)
    expect(np.allclose(back, d * kept),
           "after a training forward, backward should pass dvalues where the "
           "input was kept and 0 where it was dropped (the same mask)")
    again = np.asarray(ClassicDropout(rate, seed=1).forward(x, training=True))
    expect(np.array_equal(again != 0, kept),
           "the same seed should give the same mask: draw it from "
           "np.random.default_rng(seed), not from the global random state")
    inference = np.asarray(layer.forward(x), dtype=float)
    expect(np.allclose(inference, x * (1 - rate)),
           "at inference (training=False) nothing is dropped and every input "
           "is multiplied by 1 - rate, so it matches training on average")
    back = np.asarray(layer.backward(d), dtype=float)
    expect(np.allclose(back, d * (1 - rate)),
           "after an inference forward, backward should multiply by 1 - rate")
    return "training drops, inference scales by 1 - rate"


@checker("10-3", "exercise 8.1 again, with EarlyStopping")
def early_stopping_in_fit(fit_with_early_stopping):
    """fit_with_early_stopping(model, X, y, validation_data) -> (history,
    stopper): one fit call, stopped on val_loss with patience 50, ending on
    the best epoch's weights."""
    from ..data import spiral
    from ..recipes import spiral_model
    from ..regularisation import EarlyStopping

    expect(callable(fit_with_early_stopping),
           "pass your function: check('10-3', fit_with_early_stopping)")
    X, y = spiral(20, 3, seed=1)
    validation = spiral(100, 3, seed=7)
    model = spiral_model(0, hidden=256)
    call = "fit_with_early_stopping(model, X, y, validation_data)"
    result = fit_with_early_stopping(model, X, y, validation)
    expect(isinstance(result, tuple) and len(result) == 2,
           f"{call} should return (history, stopper); got "
           f"{type(result).__name__}")
    history, stopper = result
    expect(isinstance(stopper, EarlyStopping),
           "the second thing returned should be the EarlyStopping you passed "
           f"to fit; got {type(stopper).__name__}")
    expect(isinstance(history, dict) and "val_loss" in history,
           "the history has no 'val_loss': pass validation_data=... to fit")
    epochs = len(history["loss"])
    expect(model.optimizer.iterations == epochs,
           f"the model took {model.optimizer.iterations} steps but the history "
           f"holds {epochs} epochs: call fit once, on the model you were "
           "given, with the whole set as one batch")
    expect(stopper.monitor == "val_loss",
           f"the stopper watched {stopper.monitor!r}; exercise 8.1 stops on "
           "the validation loss: EarlyStopping('val_loss', ...)")
    expect(stopper.patience == 50,
           f"patience is {stopper.patience}; the exercise asks for 50")
    expect(stopper.stopped_epoch is not None,
           f"training ran all {epochs} epochs without stopping: give fit "
           "more epochs (600 is enough) so the stopper gets to stop it")
    best = int(np.argmin(history["val_loss"]))
    expect(stopper.best_epoch == best,
           f"the stopper's best epoch is {stopper.best_epoch}, but the "
           f"history's lowest val_loss is at epoch {best}")
    val_loss, _ = model.evaluate(*validation)
    if not np.isclose(val_loss, history["val_loss"][best], rtol=1e-9, atol=0):
        hint = (": that is the last epoch's; keep restore_best_weights=True"
                if np.isclose(val_loss, history["val_loss"][-1], rtol=1e-9,
                              atol=0) else "")
        expect(False, f"the model ends with val_loss {val_loss:.6f}, not the "
                      f"best epoch's {history['val_loss'][best]:.6f}{hint}")
    return (f"stopped after epoch {stopper.stopped_epoch + 1}, 50 after the "
            f"best, epoch {best + 1}")
