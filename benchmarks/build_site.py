"""Time a full build of the book site: both languages, every notebook executed.

    python benchmarks/build_site.py              # builds into a temporary dir
    python benchmarks/build_site.py --site-dir site --log build.log

Runs `mkdocs build --strict` twice from the repository root, with the two
caches (booksite/hooks/blockcache.py for the pages' blocks, mkdocs-jupyter's for the
notebooks) in a fresh temporary folder:

1. the clean build: nothing cached, so every page block and every notebook
   is executed, as on a fresh clone or in CI;
2. the rebuild, from the caches the clean build wrote, as after a prose
   edit: nothing in src/, booksite/pages/ or the pages' code changed.

It prints both wall-clock times and their ratio against the target of 30 s
on 2 cores. The exit status is the clean build's; `--max-seconds` also fails
a clean build that is slower than the given time.

tests/site/conftest.py runs the same two builds (the offline edition clean,
then the online site from its caches) and reports both at the end.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from booksite.sitebuild import mkdocs_build  # noqa: E402

TARGET_SECONDS = 30.0


def cache_environment(cache_root):
    """Environment variables that put both build caches under `cache_root`."""
    cache_root = Path(cache_root)
    return {"NNBOOK_BLOCK_CACHE": "true", "NNBOOK_NOTEBOOK_CACHE": "true",
            "NNBOOK_BLOCK_CACHE_DIR": str(cache_root / "blocks"),
            "NNBOOK_NOTEBOOK_CACHE_DIR": str(cache_root / "notebooks")}


def build(site_dir, cache_root, log_path=None, **env):
    """A strict build with its caches under `cache_root` (empty: a clean
    build); returns (returncode, seconds, log)."""
    returncode, seconds, log = mkdocs_build(
        site_dir, **cache_environment(cache_root), **env)
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
        caches = Path(scratch) / "caches"
        returncode, seconds, log = build(site_dir, caches, args.log)
        again, rebuild, relog = 0, None, ""
        if returncode == 0:
            again, rebuild, relog = build(Path(scratch) / "rebuilt", caches)

    cores = os.cpu_count()

    def verdict(time):
        return "within" if time < TARGET_SECONDS else "OVER"

    print(f"clean bilingual build (ko + en; every page block and all "
          f"{len(notebooks)} notebooks executed): {seconds:.1f} s on {cores} "
          f"cores; target < {TARGET_SECONDS:.0f} s on 2 cores: "
          f"{verdict(seconds)} target")
    if returncode == 0 and again == 0:
        print(f"rebuild from its caches (a prose edit: blocks and notebooks "
              f"replayed): {rebuild:.1f} s, {seconds / rebuild:.1f}x faster; "
              f"{verdict(rebuild)} target")
    if again != 0:
        print(relog[-4000:], file=sys.stderr)
        print(f"the rebuild from the caches failed with status {again}",
              file=sys.stderr)
        return again
    if returncode != 0:
        print(log[-4000:], file=sys.stderr)
        print(f"mkdocs build failed with status {returncode}", file=sys.stderr)
        return returncode
    if args.max_seconds is not None and seconds > args.max_seconds:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
