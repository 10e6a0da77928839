"""One strict `mkdocs build` of the book in a subprocess, timed; and a copy
of the repository to build in.

Shared by benchmarks/build_site.py (the clean, uncached build the site tests
and `make bench-site` use), booksite/offline.py (the offline edition),
benchmarks/serve_edit.py and the site tests that build an edited copy.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(site_dir, **env):
    """`mkdocs build --strict --clean` into `site_dir` with extra environment
    variables `env`; returns (returncode, seconds, output)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TF_CPP_MIN_LOG_LEVEL="3",
               TF_ENABLE_ONEDNN_OPTS="0", **env)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--site-dir", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.returncode, time.perf_counter() - start, result.stdout


def copy_repository(target):
    """The files git would commit (tracked, and new ones not ignored),
    copied into `target`: a checkout to edit and build without touching
    the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
