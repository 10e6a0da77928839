"""Time the book's spiral run: nnbook vs an NNFS-style loop vs Keras.

    .venv/bin/python benchmarks/train_spiral.py [--repeats 5] [--fit-epochs 200]

The run: spiral(100, 3) (300 samples), 2-64-3 ReLU/softmax, Adam with
lr 0.05 / (1 + 0.001 t), 10,000 full-batch epochs, identical initial weights
everywhere (taken from nnbook's spiral_model(seed)). Four implementations:

  nnbook        model.fit(X, y, epochs=10_000), float64, loss and accuracy
                recorded every epoch
  nnfs-style    the structure of the NNFS book's chapter 10 code, float64
                (benchmarks/nnfs_style.py)
  numpy-fused   the fastest float64 NumPy loop we could write: one
                function, no checks, every trick (benchmarks/numpy_fused.py);
                the floor for NumPy here, not a teaching implementation
  tf.function   Keras layers and optimiser, the whole loop of 10,000 steps
                inside one tf.function (Keras' default float32)
  model.fit     Keras model.fit(batch_size=300): one Python-driven step per
                epoch. Too slow for 10,000 epochs, so it runs --fit-epochs
                and its time is scaled to 10,000 (said in the table); its
                accuracy is after those few epochs and is not comparable.

Every run is a fresh Python process, so the process time includes imports
(TensorFlow's ~3-5 s). Implementations alternate within each repeat so that
drifts in machine load hit all of them alike; the table shows medians.
"""

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time

EPOCHS = 10_000
IMPLEMENTATIONS = ["nnbook", "nnfs-style", "numpy-fused", "tf.function",
                   "model.fit"]
HERE = os.path.dirname(os.path.abspath(__file__))


def _data_and_start(seed):
    from nnbook import spiral, spiral_model
    X, y = spiral(100, 3, seed=seed)
    model = spiral_model(seed)
    return X, y, model


def run_nnbook(seed, epochs):
    X, y, model = _data_and_start(seed)
    start = time.perf_counter()
    history = model.fit(X, y, epochs=epochs)
    seconds = time.perf_counter() - start
    return seconds, history["accuracy"][-1], history["loss"][-1]


def _run_plain_numpy(module_name, seed, epochs):
    """Time `train` of a NumPy loop beside this script, from nnbook's start."""
    sys.path.insert(0, HERE)
    module = importlib.import_module(module_name)
    X, y, model = _data_and_start(seed)
    first, _, second = model.layers
    start = time.perf_counter()
    accuracy, loss = module.train(
        X, y, epochs=epochs,
        weights=(first.weights, first.biases, second.weights, second.biases))
    return time.perf_counter() - start, accuracy, loss


def run_nnfs_style(seed, epochs):
    return _run_plain_numpy("nnfs_style", seed, epochs)


def run_numpy_fused(seed, epochs):
    return _run_plain_numpy("numpy_fused", seed, epochs)


def _keras_model(seed):
    import keras
    X, y, start_model = _data_and_start(seed)
    first, _, second = start_model.layers
    model = keras.Sequential([
        keras.Input((2,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(3),
    ])
    model.set_weights([first.weights, first.biases[0], second.weights,
                       second.biases[0]])
    optimizer = keras.optimizers.Adam(
        keras.optimizers.schedules.InverseTimeDecay(0.05, 1, 1e-3),
        epsilon=1e-7)
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    return keras, model, optimizer, loss_fn, X.astype("float32"), y


def _keras_accuracy(model, X, y):
    import numpy as np
    return float(np.mean(model(X).numpy().argmax(axis=1) == y))


def run_tf_function(seed, epochs):
    import tensorflow as tf
    keras, model, optimizer, loss_fn, X, y = _keras_model(seed)
    X, y_t = tf.constant(X), tf.constant(y)

    @tf.function
    def train(epochs):
        loss = tf.constant(0.0)
        for _ in tf.range(epochs):
            with tf.GradientTape() as tape:
                loss = loss_fn(y_t, model(X, training=True))
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    start = time.perf_counter()
    loss = float(train(tf.constant(epochs)))     # includes tracing, once
    seconds = time.perf_counter() - start
    return seconds, _keras_accuracy(model, X, y), loss


def run_model_fit(seed, epochs):
    keras, model, optimizer, loss_fn, X, y = _keras_model(seed)
    model.compile(optimizer=optimizer, loss=loss_fn)
    start = time.perf_counter()
    history = model.fit(X, y, batch_size=len(X), epochs=epochs, verbose=0)
    seconds = time.perf_counter() - start
    return seconds, _keras_accuracy(model, X, y), history.history["loss"][-1]


RUNNERS = {"nnbook": run_nnbook, "nnfs-style": run_nnfs_style,
           "numpy-fused": run_numpy_fused,
           "tf.function": run_tf_function, "model.fit": run_model_fit}


def worker(name, seed, epochs):
    """Run one implementation in this process; print one JSON line."""
    seconds, accuracy, loss = RUNNERS[name](seed, epochs)
    print(json.dumps({"seconds": seconds, "accuracy": float(accuracy),
                      "loss": float(loss)}))


def _run_in_fresh_process(name, seed, epochs):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0")
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, __file__, "--worker", name, "--seed", str(seed),
         "--epochs", str(epochs)],
        capture_output=True, text=True, env=env, check=True)
    process_seconds = time.perf_counter() - start
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["process"] = process_seconds
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--fit-epochs", type=int, default=200,
                        help="epochs for Keras model.fit, scaled to 10,000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--worker", choices=IMPLEMENTATIONS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.seed, args.epochs)

    runs = {name: [] for name in IMPLEMENTATIONS}
    for repeat in range(args.repeats):
        for name in IMPLEMENTATIONS:
            epochs = args.fit_epochs if name == "model.fit" else args.epochs
            report = _run_in_fresh_process(name, args.seed, epochs)
            scale = args.epochs / epochs
            report["loop"] = report["seconds"] * scale
            report["process"] += report["seconds"] * (scale - 1)
            runs[name].append(report)
            print(f"repeat {repeat + 1}/{args.repeats} {name:12s} "
                  f"loop {report['loop']:7.2f} s", file=sys.stderr)

    base = statistics.median(r["loop"] for r in runs["nnbook"])
    base_process = statistics.median(r["process"] for r in runs["nnbook"])
    print(f"\nspiral 2-64-3, Adam, {args.epochs:,} full-batch epochs, seed "
          f"{args.seed}, median of {args.repeats} alternating runs")
    print(f"{'implementation':16s}{'loop s':>9s}{'x nnbook':>10s}"
          f"{'process s':>11s}{'x nnbook':>10s}{'accuracy':>10s}{'loss':>8s}")
    for name in IMPLEMENTATIONS:
        loop = statistics.median(r["loop"] for r in runs[name])
        process = statistics.median(r["process"] for r in runs[name])
        accuracy = statistics.median(r["accuracy"] for r in runs[name])
        loss = statistics.median(r["loss"] for r in runs[name])
        label = name
        if name == "model.fit":
            label += "*"
        print(f"{label:16s}{loop:9.2f}{loop / base:10.2f}{process:11.2f}"
              f"{process / base_process:10.2f}{accuracy:10.3f}{loss:8.4f}")
    print(f"* model.fit ran {args.fit_epochs} epochs; its times are scaled "
          f"by {args.epochs / args.fit_epochs:g} and its accuracy/loss are "
          f"after {args.fit_epochs} epochs only.")

    def median(name, key):
        return statistics.median(r[key] for r in runs[name])

    floor = median("nnbook", "loop") / median("numpy-fused", "loop")
    nnfs = median("nnfs-style", "loop") / median("nnbook", "loop")
    keras = min(median("tf.function", "process"),
                median("model.fit", "process"))
    print("\ntargets (medians above):")
    for text, ok in [
            (f"nnbook loop / fused floor = {floor:.2f} (target <= 1.4)",
             floor <= 1.4),
            (f"NNFS-style loop / nnbook loop = {nnfs:.2f} (target >= 1.65)",
             nnfs >= 1.65),
            (f"nnbook process {base_process:.2f} s vs fastest Keras process "
             f"{keras:.2f} s (target: below)", base_process < keras)]:
        print(f"  {'met ' if ok else 'MISSED'}  {text}")


if __name__ == "__main__":
    main()
