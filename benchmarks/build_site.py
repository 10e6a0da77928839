"""Time a full build of the book site: both languages, every notebook executed.

    python benchmarks/build_site.py              # builds into a temporary dir
    python benchmarks/build_site.py --site-dir site --log build.log

Runs `mkdocs build --strict` from the repository root with the notebook
cache switched off (NNBOOK_NOTEBOOK_CACHE=false), so every notebook is
executed, as on a fresh clone. Prints the wall-clock time against the target
of 30 s on 2 cores. The exit status is the build's; `--max-seconds` also
fails a build that is slower than the given time.

tests/site/conftest.py builds the site for the site tests through this
script, so every test run also measures it.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 30.0


def build(site_dir, log_path=None):
    """Run the clean, uncached, strict build; return (returncode, seconds, log)."""
    env = dict(os.environ,
               NNBOOK_NOTEBOOK_CACHE="false",
               NO_MKDOCS_2_WARNING="1",
               TF_CPP_MIN_LOG_LEVEL="3",
               TF_ENABLE_ONEDNN_OPTS="0")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--site-dir", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if log_path is not None:
        Path(log_path).write_text(result.stdout, encoding="utf-8")
    return result.returncode, seconds, result.stdout


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path,
                        help="where to build (default: a temporary directory)")
    parser.add_argument("--log", type=Path, help="write the build's output here")
    parser.add_argument("--max-seconds", type=float,
                        help="exit with status 1 if the build takes longer")
    args = parser.parse_args(argv)

    notebooks = sorted(p.relative_to(ROOT).as_posix()
                       for p in (ROOT / "docs").rglob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="nnbook-site-") as scratch:
        site_dir = args.site_dir or Path(scratch) / "site"
        returncode, seconds, log = build(site_dir, args.log)

    cores = os.cpu_count()
    verdict = "within" if seconds < TARGET_SECONDS else "OVER"
    print(f"full bilingual build (ko + en, {len(notebooks)} notebooks executed, "
          f"no cache): {seconds:.1f} s on {cores} cores; "
          f"target < {TARGET_SECONDS:.0f} s on 2 cores: {verdict} target")
    if returncode != 0:
        print(log[-4000:], file=sys.stderr)
        print(f"mkdocs build failed with status {returncode}", file=sys.stderr)
        return returncode
    if args.max_seconds is not None and seconds > args.max_seconds:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
