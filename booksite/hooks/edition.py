"""The edition a reader is looking at: version, date, licence, "report a problem".

* The version and date come from the newest heading of CHANGELOG.md
  ("## 0.2.0 — 2026-11-26"). The build fails when that version differs from
  `pyproject.toml` or `nnbook.__version__`: the footer must not claim a
  release the package is not.
* Every page's footer (overrides/partials/copyright.html) shows them, links to
  the "About this book" page of the page's own language (licences, credits,
  changelog), and carries a "report a problem" link: a new GitHub issue whose
  title and body name the page, in the repository of `extra.book_repo`.
  A link, not a request: nothing is fetched until the reader clicks.
"""

import re
import tomllib
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
ABOUT = "about/"
_RELEASE = re.compile(r"^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})\s*$", re.M)


def edition(root=ROOT):
    """(version, date) of the newest CHANGELOG entry, checked against the package."""
    found = _RELEASE.search((root / "CHANGELOG.md").read_text("utf-8"))
    if found is None:
        raise PluginError("CHANGELOG.md: no release heading like "
                          "'## 0.2.0 — 2026-11-26'")
    version, date = found.groups()
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    init = (root / "src" / "nnbook" / "__init__.py").read_text("utf-8")
    package = re.search(r'^__version__ = "([^"]+)"', init, re.M).group(1)
    if not version == project["project"]["version"] == package:
        raise PluginError(
            f"version mismatch: CHANGELOG.md {version}, pyproject.toml "
            f"{project['project']['version']}, nnbook.__version__ {package}")
    return version, date


_EDITION = {}


def on_config(config):
    _EDITION["version"], _EDITION["date"] = edition()
    return config


def on_env(env, config, files):
    # A global, so that templates without a page (404.html) show it too.
    env.globals["nnbook_edition"] = dict(_EDITION)
    return env


def report_url(config, page):
    """A prefilled 'new issue' link naming the page (by its source file)."""
    repo = config.extra["book_repo"]["slug"]
    where = page.file.src_uri
    query = urlencode({
        "title": f"[{where}] ",
        "body": f"Page: {page.url or '/'} ({where}, nnbook "
                f"{_EDITION['version']})\n\nWhat is wrong:\n",
    })
    return f"https://github.com/{repo}/issues/new?{query}"


def on_page_context(context, page, config, nav):
    about = next((p for p in nav.pages
                  if p.file.src_uri.startswith(ABOUT)), None)
    if about is None:
        raise PluginError(f"no page under docs/{ABOUT} in this language's nav")
    context["nnbook_about_url"] = get_relative_url(about.url, page.url) or "./"
    context["nnbook_report_url"] = report_url(config, page)
    return context
