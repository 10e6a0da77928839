"""Print what a page's executed blocks print, without building the site.

    .venv/bin/python -m booksite.page_output docs/08-generalisation/index.ko.md

Runs the page's Python fences in order, as tests/site/test_fences.py does
(markdown-exec sessions shared, snippet includes expanded), and prints each
block's output under the line it starts on, so the prose can be read beside
the numbers it describes. Blocks that print HTML (figures) are run but their
output is summarised. A failing claim stops with its message.
"""

import contextlib
import importlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "booksite" / "pages"), str(ROOT / "tests" / "site")]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("MPLBACKEND", "Agg")

import bookclaims  # noqa: E402
from sitesource import expand_snippets, fences  # noqa: E402
from test_fences import _listing_module  # noqa: E402


def main(paths):
    for path in map(Path, paths):
        bookclaims.page = path.as_posix()
        sessions = {}
        print(f"=== {path}")
        for fence in fences(path.read_text("utf-8")):
            if not fence.is_python or fence.opt_out_reason is not None:
                continue
            session = fence.attributes.get("session")
            namespace = sessions.setdefault(session, {}) if session else {}
            module = _listing_module(fence.code)
            if module:     # an excerpt of a module runs in its namespace
                namespace = dict(vars(importlib.import_module(module)))
            namespace.setdefault("__name__", "__main__")
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(expand_snippets(fence.code), f"{path}:{fence.line}",
                             "exec"), namespace)
            text = out.getvalue()
            if fence.attributes.get("html") in ("on", "1", "true"):
                text = f"[html, {len(text)} characters]\n"
            print(f"--- line {fence.line}\n{text}", end="")
        print(f"claims checked: {bookclaims.checked.get(path.as_posix(), [])}")


if __name__ == "__main__":
    main(sys.argv[1:])
