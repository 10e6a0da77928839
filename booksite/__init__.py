"""What builds the nnbook site: MkDocs hooks, the pages' build-time helpers
and the contributor's tools. The book's own code is src/nnbook; this is not
shipped with it. booksite/README.md says what each part does and why.

Run a tool from the repository root: `python -m booksite.translations status`.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "pages"


def pages_on_path():
    """Make bookclaims, bookfig, bookruns and korean importable by those
    names, as the pages' blocks import them (booksite/pages/)."""
    if str(PAGES) not in sys.path:
        sys.path.insert(0, str(PAGES))
