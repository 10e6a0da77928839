"""The book's spiral run, on other machines.

Training the spiral model is chaotic: a change in the last bit of one sum
can send 10,000 epochs of Adam somewhere else. The matrix products are done
by the BLAS library, and different CPUs get different BLAS kernels, which
add up the same numbers in a different order. So a reader's machine can
land somewhere this one never does. These tests stand in for those
machines.

NumPy's bundled OpenBLAS carries one kernel per CPU family and picks one at
start-up; OPENBLAS_CORETYPE forces another. Each configuration is one
machine:

- Nehalem: an old SSE4.2 CPU, without AVX.
- Sandybridge: the first AVX CPUs.
- Haswell: AVX2 and FMA, most laptops and desktops of the last ten years,
  and AMD Zen 1-3 (OpenBLAS gives them Haswell's kernel).
- SkylakeX: AVX-512 servers and workstations.
- default: this machine as it is, when its own kernel is none of those.
- numpy-no-<target>: this machine's own kernel, with NumPy's fastest SIMD
  code for exp, log and friends switched off (NPY_DISABLE_CPU_FEATURES),
  as on a CPU that lacks those instructions.

Only kernels this CPU can execute are tried. Each child process prints
the kernel OpenBLAS actually loaded (OPENBLAS_VERBOSE=2); a kernel that
did not take effect fails the test. Where OpenBLAS is not NumPy's BLAS
(macOS Accelerate, some ARM builds) or the CPU is not x86-64 Linux, the
seeds run under the default configuration only, with a warning saying so.

Every seed must reach 95% training accuracy and the median 97%, on every
machine; and the same machine and seed must give the same bits twice. The
digits model of chapter 9 (`train_digits`) runs for the same seeds, and
every seed must reach DIGITS_TEST_ACCURACY on the test images, the number
chapter 9 promises. The
exercises whose checks depend on where training lands (EXERCISES) run
under every configuration too, so their thresholds hold the same way.

`python tests/test_machines.py` prints the table.
"""

import json
import os
import platform
import re
import statistics
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

SEEDS = range(8)
# Exercise solutions with accuracy or loss thresholds on a training run.
EXERCISES = ["exercises/07-training/ex1_rmsprop.py",
             "exercises/07-training/ex3_learning_rates.py",
             "exercises/08-generalisation/ex1_early_stopping.py",
             "exercises/08-generalisation/ex2_split.py",
             "exercises/08-generalisation/ex3_batch_budget.py"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_ACCURACY = 0.95
MEDIAN_ACCURACY = 0.97
DIGITS_TEST_ACCURACY = 0.96       # chapter 9: 359 test images, 0.28 points each
TIMEOUT = 300                     # seconds, per child process

# OpenBLAS kernel -> the /proc/cpuinfo flags a CPU needs to execute it.
# (SkylakeX also needs AVX-512BW: OpenBLAS checks both before choosing it.)
KERNELS = {
    "Nehalem": {"sse4_2"},
    "Sandybridge": {"avx"},
    "Haswell": {"avx2", "fma"},
    "SkylakeX": {"avx512f", "avx512bw"},
}

# Runs in each child: train some seeds, print one JSON line per seed.
CHILD = r"""
import contextlib, hashlib, io, json, runpy, sys
import numpy as np
try:
    from numpy._core import _multiarray_umath as umath
except ImportError:                                   # NumPy 1.x
    from numpy.core import _multiarray_umath as umath
import nnbook

def sha(*arrays):
    digest = hashlib.sha256()
    for array in arrays:
        digest.update(np.asarray(array).tobytes())
    return digest.hexdigest()

job = json.loads(sys.argv[1])
features = {name: bool(umath.__cpu_features__.get(name))
            for name in job["disabled"]}
print(json.dumps({"features": features}), flush=True)
for seed in job["seeds"]:
    model, history = nnbook.train_spiral(seed)
    weights = [getattr(layer, name) for layer in model.layers
               for name in ("weights", "biases") if hasattr(layer, name)]
    if not weights:
        sys.exit("no layer has .weights or .biases: nothing to hash")
    print(json.dumps({
        "seed": seed,
        "accuracy": float(history["accuracy"][-1]),
        "loss": float(history["loss"][-1]),
        "epochs": len(history["loss"]),
        "loss_sha": sha(np.array(history["loss"])),
        "weights_sha": sha(*weights),
    }), flush=True)
*_, (X_test, y_test) = nnbook.digits_data(0)
for seed in job["seeds"]:
    model, _ = nnbook.train_digits(seed)
    print(json.dumps({"digits_seed": seed, "test_accuracy":
                      float(model.evaluate(X_test, y_test)[1])}), flush=True)
for path in job.get("exercises", []):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            runpy.run_path(path, run_name="__main__")
        failure = None
    except BaseException as error:            # an assert of the exercise
        failure = f"{type(error).__name__}: {error}"[:500]
    print(json.dumps({"exercise": path, "failure": failure}), flush=True)
"""


def _child_env(kernel=None, disabled=()):
    env = {key: value for key, value in os.environ.items()
           if key not in ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES",
                          "NPY_ENABLE_CPU_FEATURES")}
    # One thread each: two children use two cores without fighting.
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", VECLIB_MAXIMUM_THREADS="1",
               OPENBLAS_VERBOSE="2")
    if kernel:
        env["OPENBLAS_CORETYPE"] = kernel
    if disabled:
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(disabled)
    return env


def _cores(stderr):
    """The kernels OpenBLAS reports loading ("Core: Haswell")."""
    return sorted(set(re.findall(r"^Core: (\S+)", stderr, re.MULTILINE)))


def _blas_is_openblas():
    try:
        config = np.show_config(mode="dicts")
        name = config["Build Dependencies"]["blas"]["name"]
    except Exception:                 # old NumPy, or no such entry
        return False
    return "openblas" in str(name).lower()


def _cpu_flags():
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("flags"):
                return set(line.split(":", 1)[1].split())
    return set()


def _simd_to_disable():
    """NumPy's highest dispatch level that is on, and the targets above it.

    NumPy 2 names levels X86_V3 (AVX2) and X86_V4 (AVX-512), with AVX512_ICL
    and AVX512_SPR built on X86_V4; turning off a level alone leaves those
    on, so they go too. Older NumPy lists single features: drop the highest.
    """
    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:
        from numpy.core import _multiarray_umath as umath
    dispatch, features = umath.__cpu_dispatch__, umath.__cpu_features__
    on = [name for name in dispatch if features.get(name)]
    levels = [name for name in on if name.startswith("X86_V")]
    if not on:
        return []
    start = dispatch.index(levels[-1] if levels else on[-1])
    return list(dispatch[start:])


def _default_core():
    result = subprocess.run([sys.executable, "-c", "import numpy"],
                            env=_child_env(), capture_output=True, text=True,
                            timeout=TIMEOUT)
    cores = _cores(result.stderr)
    return cores[0] if len(cores) == 1 else None


def configurations():
    """[(name, kernel or None, NumPy features to disable)], notes, warnings.

    A warning says the sweep could not stand in for other machines here.
    """
    if platform.system() != "Linux" or platform.machine() != "x86_64":
        return [("default", None, [])], [], [
            f"{platform.system()} {platform.machine()} is not x86-64 Linux: "
            "the seeds ran under the default configuration only"]
    if not _blas_is_openblas():
        return [("default", None, [])], [], [
            "NumPy's BLAS is not OpenBLAS: no kernels to force; the seeds "
            "ran under the default configuration only"]
    flags = _cpu_flags()
    configs = [(kernel, kernel, []) for kernel, needs in KERNELS.items()
               if needs <= flags]
    notes = []
    default = _default_core()
    if default not in [kernel for _, kernel, _ in configs]:
        configs.insert(0, ("default", None, []))
    else:
        notes.append(f"this machine's default kernel is {default}")
    disabled = _simd_to_disable()
    if disabled:
        configs.append((f"numpy-no-{disabled[0]}", None, disabled))
    else:
        notes.append("NumPy has no SIMD dispatch target on: nothing to "
                     "switch off")
    return configs, notes, []


def _run(name, kernel, disabled, seeds, exercises=()):
    """Train `seeds` (and run `exercises`) in one child; return its output."""
    job = json.dumps({"seeds": list(seeds), "disabled": disabled,
                      "exercises": list(exercises)})
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, job], env=_child_env(kernel, disabled),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        error = f"{name} seeds {list(seeds)}: no answer after {TIMEOUT} s"
    else:
        error = None if process.returncode == 0 else (
            f"{name} seeds {list(seeds)}: exit {process.returncode}\n"
            + stderr[-2000:])
    lines = [json.loads(line) for line in stdout.splitlines()
             if line.startswith("{")]
    return {"cores": _cores(stderr), "error": error,
            "features": next((l["features"] for l in lines
                              if "features" in l), {}),
            "runs": [l for l in lines if "seed" in l],
            "digits": [l for l in lines if "digits_seed" in l],
            "exercises": [l for l in lines if "exercise" in l]}


def sweep(seeds=SEEDS, workers=None):
    """Train every seed under every configuration; return the results.

    Each configuration's seeds are split over two children; the second also
    repeats the first seed, to check a fresh process gives the same bits.
    """
    seeds = list(seeds)
    configs, notes, warned = configurations()
    half = (len(seeds) + 1) // 2
    jobs = []
    for name, kernel, disabled in configs:
        jobs.append((name, kernel, disabled, seeds[half:] + seeds[:1]))
        jobs.append((name, kernel, disabled, seeds[:half], EXERCISES))
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(lambda job: _run(*job), jobs))
    results = []
    for name, kernel, disabled in configs:
        mine = [a for job, a in zip(jobs, answers) if job[0] == name]
        runs, digits = {}, {}
        for answer in mine:
            for run in answer["runs"]:
                runs.setdefault(run["seed"], []).append(run)
            for run in answer["digits"]:
                digits[run["digits_seed"]] = run["test_accuracy"]
        results.append({
            "name": name, "kernel": kernel, "disabled": disabled,
            "cores": sorted({c for a in mine for c in a["cores"]}),
            "features": {f: any(a["features"].get(f) for a in mine)
                         for f in disabled},
            "runs": runs,
            "digits": digits,
            "exercises": [e for a in mine for e in a["exercises"]],
            "errors": [a["error"] for a in mine if a["error"]],
        })
    return {"seeds": seeds, "configs": results, "notes": notes,
            "warnings": warned}


def format_table(result):
    """The sweep as text: one row per configuration, one column per seed."""
    seeds = result["seeds"]
    lines = [f"final training accuracy, spiral run, seeds {seeds[0]}-"
             f"{seeds[-1]} (need each >= {MIN_ACCURACY}, median >= "
             f"{MEDIAN_ACCURACY})",
             f"{'configuration':<20}{'core':<13}"
             + "".join(f"{s:>7}" for s in seeds)
             + f"{'min':>8}{'median':>8}  repeat"]
    for config in result["configs"]:
        accuracies = [config["runs"][s][0]["accuracy"] if s in config["runs"]
                      else None for s in seeds]
        got = [a for a in accuracies if a is not None]
        repeats = [r for r in config["runs"].values() if len(r) > 1]
        same = all(_bits(r[0]) == _bits(other)
                   for r in repeats for other in r[1:])
        lines.append(
            f"{config['name']:<20}{','.join(config['cores']) or '-':<13}"
            + "".join("      -" if a is None else f"{a:7.3f}"
                      for a in accuracies)
            + (f"{min(got):8.3f}{statistics.median(got):8.3f}" if got
               else f"{'-':>8}{'-':>8}")
            + ("  -" if not repeats else "  same" if same else "  DIFFERS"))
    lines.append(f"test accuracy, digits run, same seeds (need each >= "
                 f"{DIGITS_TEST_ACCURACY})")
    for config in result["configs"]:
        got = [config["digits"].get(s) for s in seeds]
        lines.append(f"{config['name']:<33}"
                     + "".join("      -" if a is None else f"{a:7.3f}"
                               for a in got)
                     + (f"{min(a for a in got if a is not None):8.3f}"
                        if any(a is not None for a in got) else ""))
    lines += [f"note: {note}" for note in result["warnings"] + result["notes"]]
    for config in result["configs"]:
        lines += [f"error: {error}" for error in config["errors"]]
    return "\n".join(lines)


def _bits(run):
    return run["epochs"], run["loss_sha"], run["weights_sha"]


@pytest.fixture(scope="module")
def machines():
    result = sweep()
    for warning in result["warnings"]:
        warnings.warn(warning)
    print("\n" + format_table(result))
    return result


def _fail_on_errors(result, table):
    errors = [e for c in result["configs"] for e in c["errors"]]
    assert not errors, "a child process failed (see error: lines):\n" + table


def test_each_configuration_ran_on_the_machine_it_stands_for(machines):
    table = format_table(machines)
    _fail_on_errors(machines, table)
    for config in machines["configs"]:
        if config["kernel"]:
            assert config["cores"] == [config["kernel"]], (
                f"OPENBLAS_CORETYPE={config['kernel']} did not take effect: "
                f"OpenBLAS reported Core: {config['cores'] or 'nothing'}\n"
                + table)
        still_on = [name for name in config["disabled"]
                    if config["features"].get(name)]
        assert not still_on, (
            f"{config['name']}: NPY_DISABLE_CPU_FEATURES left {still_on} "
            "on\n" + table)


def test_every_seed_reaches_the_books_accuracy_on_every_machine(machines):
    table = format_table(machines)
    _fail_on_errors(machines, table)
    failures = []
    for config in machines["configs"]:
        missing = [s for s in machines["seeds"] if s not in config["runs"]]
        if missing:
            failures.append(f"{config['name']}: no result for seeds {missing}")
            continue
        accuracies = [config["runs"][s][0]["accuracy"]
                      for s in machines["seeds"]]
        low = [s for s, a in zip(machines["seeds"], accuracies)
               if a < MIN_ACCURACY]
        if low:
            failures.append(f"{config['name']}: seeds {low} below "
                            f"{MIN_ACCURACY}")
        if statistics.median(accuracies) < MEDIAN_ACCURACY:
            failures.append(f"{config['name']}: median "
                            f"{statistics.median(accuracies):.3f} below "
                            f"{MEDIAN_ACCURACY}")
    assert not failures, "\n".join(failures) + "\n\n" + table


def test_the_digits_model_reaches_its_test_accuracy_on_every_machine(machines):
    table = format_table(machines)
    _fail_on_errors(machines, table)
    failures = []
    for config in machines["configs"]:
        for seed in machines["seeds"]:
            accuracy = config["digits"].get(seed)
            if accuracy is None:
                failures.append(f"{config['name']}: no digits run for seed {seed}")
            elif accuracy < DIGITS_TEST_ACCURACY:
                failures.append(f"{config['name']}: digits seed {seed} test "
                                f"accuracy {accuracy:.3f}")
    assert not failures, "\n".join(failures) + "\n\n" + table


def test_exercise_thresholds_hold_on_every_machine(machines):
    table = format_table(machines)
    _fail_on_errors(machines, table)
    failures = []
    for config in machines["configs"]:
        ran = {e["exercise"] for e in config["exercises"]}
        failures += [f"{config['name']}: {path} did not run"
                     for path in EXERCISES if path not in ran]
        failures += [f"{config['name']}: {e['exercise']}: {e['failure']}"
                     for e in config["exercises"] if e["failure"]]
    assert not failures, "\n".join(failures) + "\n\n" + table


def test_same_machine_and_seed_give_the_same_bits(machines):
    table = format_table(machines)
    _fail_on_errors(machines, table)
    for config in machines["configs"]:
        repeats = {s: r for s, r in config["runs"].items() if len(r) > 1}
        assert repeats, f"{config['name']}: no seed ran twice\n" + table
        for seed, runs in repeats.items():
            assert all(_bits(run) == _bits(runs[0]) for run in runs), (
                f"{config['name']} seed {seed}: two runs gave different "
                "loss histories or weights\n" + table)


if __name__ == "__main__":
    print(format_table(sweep()))
