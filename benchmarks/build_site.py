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
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from sitebuild import mkdocs_build  # noqa: E402

TARGET_SECONDS = 30.0


def build(site_dir, log_path=None):
    """Run the clean, uncached, strict build; return (returncode, seconds, log)."""
    returncode, seconds, log = mkdocs_build(site_dir, NNBOOK_NOTEBOOK_CACHE="false")
    if log_path is not None:
        Path(log_path).write_text(log, encoding="utf-8")
    return returncode, seconds, log


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
