"""Run every page's claims under every BLAS kernel this CPU can run.

    .venv/bin/python -m booksite.claims_sweep            # all pages, both languages
    .venv/bin/python -m booksite.claims_sweep docs/08-generalisation/index.ko.md

A claim is a sentence's condition on a computed result ("every training
point is right"); the build checks it on the builder's machine only. A
reader's CPU sums in another order (another OpenBLAS kernel, other NumPy
SIMD code), and a trained result can move. This runs each page's blocks
(booksite/page_output.py) once per configuration of tests/test_machines.py
(every OpenBLAS kernel the CPU supports, and NumPy with its highest SIMD
level switched off), two pages at a time, and prints which claims failed
where. Not part of `make test` (about ten minutes on two cores): run it
after changing a recipe or a claim's threshold.
"""

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # test_machines: the configurations

from test_machines import _child_env, configurations  # noqa: E402


def run(page, kernel, disabled):
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "booksite.page_output", str(page)],
        env=_child_env(kernel, disabled), capture_output=True, text=True,
        cwd=ROOT)
    seconds = time.perf_counter() - started
    if result.returncode == 0:
        claims = result.stdout.rsplit("claims checked: ", 1)[-1].strip()
        count = claims.count("'") // 2
        return True, f"{count} claims", seconds
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return False, lines[-1] if lines else f"exit {result.returncode}", seconds


def main(pages):
    pages = [Path(p) for p in pages] or sorted(
        p.relative_to(ROOT) for p in (ROOT / "docs").rglob("*.md")
        if p.name.endswith((".ko.md", ".en.md"))
        and "claim(" in p.read_text("utf-8"))
    configs, notes, warnings = configurations()
    for line in notes + warnings:
        print(f"# {line}")
    failures = 0
    for name, kernel, disabled in configs:
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda p: run(p, kernel, disabled), pages))
        for page, (ok, message, seconds) in zip(pages, results):
            failures += not ok
            print(f"{name:22} {'ok  ' if ok else 'FAIL'} {str(page):45} "
                  f"{seconds:5.1f} s  {message}", flush=True)
    print(f"{failures} page runs failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
