"""The book's figures as files of the site, loaded when the reader gets there.

booksite/pages/bookfig.py writes each figure once, named by its content, into the
figure folder beside the block cache, and prints an <img> whose src is
`nnbook-figure:<name>.svg`. Here each page's src becomes a link relative to
the page (`../assets/figures/<name>.svg`, `../../...` under /en/), and after
the build the figures the pages use are copied into `assets/figures/`. The
Korean and English twins of a figure differ only in their labels, so both
are files; a figure a page no longer uses is not copied.
"""

import os
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
SITE_FOLDER = "assets/figures"
# The same as booksite/pages/bookfig.py's (tests/site/test_figures.py checks): not
# imported from there, so that a build replaying every block from the cache
# does not load matplotlib for two constants.
SOURCE_PREFIX = "nnbook-figure:"
_SOURCE = re.compile(r'src="' + re.escape(SOURCE_PREFIX) + r'([0-9a-f]{16}\.svg)"')
_used = {}


def figure_dir():
    blocks = os.environ.get("NNBOOK_BLOCK_CACHE_DIR") or ROOT / ".cache" / "nnbook-blocks"
    return Path(blocks) / "figures"


def on_page_content(html, page, config, files):
    def link(match):
        name = match.group(1)
        if not (figure_dir() / name).is_file():
            raise PluginError(
                f"{page.file.src_uri}: figure {name} is not in "
                f"{figure_dir()}. The block cache replayed a block "
                "whose figure file is gone: delete the block cache folder "
                "(or set NNBOOK_BLOCK_CACHE=false) and build again.")
        _used[name] = page.file.src_uri
        return f'src="{get_relative_url(f"{SITE_FOLDER}/{name}", page.url)}"'

    return _SOURCE.sub(link, html)


def on_post_build(config):
    target = Path(config.site_dir) / SITE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name in _used:
        shutil.copyfile(figure_dir() / name, target / name)
