"""Build the offline edition of the book and pack it as a zip.

    python -m booksite.offline                 # -> build/offline/nnbook-offline.zip
    python -m booksite.offline --zip out.zip --no-cache

Runs `mkdocs build --strict` with NNBOOK_OFFLINE=1 (Material's offline
plugin, see booksite/hooks/offline.py) into build/offline/nnbook/, then packs that
folder as nnbook-offline.zip with one top folder, `nnbook/`: a reader
unpacks it and opens nnbook/index.html (Korean) or nnbook/en/index.html
(English) from the file system. Notebooks and the pages' executed blocks
come from the build caches when they hold them (mkdocs-jupyter's and
booksite/hooks/blockcache.py's; their keys cover the code, src/nnbook and the library
versions); --no-cache executes every notebook and block. The zip's entries are sorted
and dated 2026-01-01, so the same site gives the same bytes.

A later online build (`mkdocs build`) copies the zip into the site as
downloads/nnbook-offline.zip (booksite/hooks/offline.py).
"""

import argparse
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from booksite.sitebuild import mkdocs_build  # noqa: E402

OUT = ROOT / "build" / "offline"
TOP = "nnbook"
STAMP = (2026, 1, 1, 0, 0, 0)


def build(site_dir, cache=True):
    """The strict offline build into `site_dir`; returns (returncode, seconds, log)."""
    switch = "true" if cache else "false"
    return mkdocs_build(site_dir, NNBOOK_OFFLINE="true",
                        NNBOOK_NOTEBOOK_CACHE=switch, NNBOOK_BLOCK_CACHE=switch)


def pack(site_dir, zip_path):
    """Zip `site_dir` as `nnbook/...`; write atomically; return the entry count."""
    site_dir, zip_path = Path(site_dir), Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".partial")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(
                f"{TOP}/{path.relative_to(site_dir).as_posix()}", STAMP)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(zip_path)
    return len(files)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zip", type=Path, default=OUT / "nnbook-offline.zip",
                        help="where to write the zip (default: %(default)s)")
    parser.add_argument("--site-dir", type=Path, default=OUT / TOP,
                        help="where to build the site (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true",
                        help="execute every notebook and block (ignore the caches)")
    args = parser.parse_args(argv)

    returncode, seconds, log = build(args.site_dir, cache=not args.no_cache)
    if returncode != 0:
        print(log[-6000:], file=sys.stderr)
        print(f"offline build failed with status {returncode}", file=sys.stderr)
        return returncode
    if not (args.site_dir / "index.html").is_file():
        print(f"no index.html in {args.site_dir}", file=sys.stderr)
        return 1
    count = pack(args.site_dir, args.zip)
    size = args.zip.stat().st_size / 1e6
    print(f"offline edition: built in {seconds:.1f} s; {args.zip} "
          f"({count} files, {size:.1f} MB); unzip it and open {TOP}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
