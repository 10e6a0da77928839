"""Where each page comes from: its edit link, and the day it last changed.

The edit link
-------------
Material shows a pencil ("이 페이지를 편집" / "Edit this page") at the top of
a page when `theme.features` has `content.action.edit` and the page has an
`edit_url`, which MkDocs makes from `edit_uri` + the page's source path in
docs/. `edit_uri` is derived here from `extra.book_repo` (slug, branch), the
one place mkdocs.yml names the repository, so mkdocs.yml sets neither
`edit_uri` nor `repo_url` (with `repo_url`, Material would ask the GitHub
API for stars and forks on every page load). static-i18n's suffix structure
keeps each page's own source path: the Korean page links
`docs/<page>.ko.md`, its twin `docs/<page>.en.md`, a notebook page its
`.ipynb`.

The last update
---------------
Below each page Material shows `page.meta.revision_date` with a clock icon
titled "마지막 업데이트" / "Last update" (partials/source-file.html). Here it
is the day of the last commit that changed the page's own source file, in
the author's time zone, written in the page's language by Babel
("2026년 12월 1일", "December 1, 2026") inside
<time datetime="2026-12-01">. One `git log` over docs/ per build finds
every file's last commit.

* No history (no git, a tarball, tests/site/test_scaffold.py's copy) or a
  file not committed yet: the page shows the build date (SOURCE_DATE_EPOCH
  honoured), said at INFO level, so a --strict build still passes.
* A shallow clone holds only the newest commits, so every page would show
  one of their dates. In a publishing build (site_url set) that is a
  warning, which --strict turns into a failure: the deploy must check out
  the whole history (actions/checkout with `fetch-depth: 0`).

Why not mkdocs-git-revision-date-localized-plugin: from 1.5 on it asks
`git log -n 1 --diff-filter=r <file>`, which prints nothing on git 2.39
(Debian 12), so every page silently got the build date instead.

tests/site/test_404_and_dates.py checks both on every built page.
"""

import logging
import subprocess
from datetime import date
from pathlib import Path

from babel.dates import format_date
from mkdocs.utils import get_build_datetime

log = logging.getLogger("mkdocs.hooks.pagesource")

EDIT_URI = "https://github.com/{slug}/edit/{branch}/{docs}/"

_changed = {}       # path under docs/ -> date of its last commit


def on_config(config):
    # Each language's build (static-i18n) runs on_config again: set it every
    # time. Set after validation, where MkDocs would want a repo_url for a
    # relative edit_uri; this one is a full URL.
    repo = config.extra["book_repo"]
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve().relative_to(root)
    config.edit_uri = EDIT_URI.format(slug=repo["slug"], branch=repo["branch"],
                                      docs=docs.as_posix())
    return config


def _git(folder, *args):
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=folder,
                          capture_output=True, text=True, check=True).stdout


def last_changes(docs):
    """({path under docs/: date of its last commit}, shallow); ({}, False) without git."""
    try:
        shallow = _git(docs, "rev-parse", "--is-shallow-repository").strip() == "true"
        # Newest first: a NUL, the author's date, then the files it changed.
        out = _git(docs, "log", "--format=%x00%ad", "--date=short",
                   "--name-only", "--relative", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return {}, False
    changed = {}
    for commit in out.split("\0")[1:]:
        day, *paths = commit.split("\n")
        for path in filter(None, paths):
            changed.setdefault(path, date.fromisoformat(day))
    return changed, shallow


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return          # static-i18n's inner build of another language
    found, shallow = last_changes(config.docs_dir)
    _changed.clear()
    _changed.update(found)
    if not found:
        log.info("no git history: every page shows the build date")
    elif shallow and config.site_url:
        log.warning("a shallow git clone: the pages' last-update dates would "
                    "be wrong; check out the whole history (fetch-depth: 0)")


def on_page_context(context, page, config, nav):
    day = _changed.get(page.file.src_uri)
    if day is None:
        day = get_build_datetime().date()
        if _changed:
            log.info(f"{page.file.src_uri}: not committed yet, shows the build date")
    locale = getattr(page.file, "locale", None) or config.theme.language
    page.meta["revision_date"] = (f'<time datetime="{day.isoformat()}">'
                                  f'{format_date(day, "long", locale=locale)}</time>')
    return context
