"""Process environment for a build: quiet TensorFlow, headless matplotlib.

MkDocs imports hook modules while it validates mkdocs.yml, before any plugin
runs, so the variables set here are in place before markdown-exec runs the
pages' Python blocks and before mkdocs-jupyter starts the notebook kernels
(which inherit this environment). `setdefault`: a caller's own value wins.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# TensorFlow 2.21 prints oneDNN and CPU-feature lines unless both are set;
# in a notebook they would be rendered on the page as stderr output.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
# Figures are rendered to SVG at build time: no display needed.
os.environ.setdefault("MPLBACKEND", "Agg")


def on_config(config):
    # tools/ holds build-time helpers (booksite/pages/bookfig.py) imported by the
    # pages' hidden figure blocks, which markdown-exec runs in this process.
    # (Not at import time: MkDocs restores sys.path after importing a hook.)
    pages = str(ROOT / "booksite" / "pages")
    if pages not in sys.path:
        sys.path.insert(0, pages)
    return config
