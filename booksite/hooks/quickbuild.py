"""A saved edit rebuilds its page only, and the site reads as a full build's.

`make serve` runs `mkdocs serve --dirty`: after a save, MkDocs renders only
the pages whose source is newer than their output (about 2 s here, against
about 10 s for every page of both languages, even from the caches). MkDocs
warns that such a build leaves navigation and other links inaccurate, and
for this book it did:

* the pages it did not read have no title, so the navigation of the page it
  did render (sidebar, previous/next) named them wrongly;
* the search index held the rendered pages only;
* the block cache, the notebook cache and the claims' twin check took the
  pages not rendered for pages gone.

Here, after every dirty build (the first one of `mkdocs serve --dirty`
renders every page), each page's title and the combined search index are
kept beside the site, in `.nnbook-quickbuild.json` of its folder. The next
dirty build then gives every page it does not read its recorded title,
and merges the new index entries into the recorded index, page by page in
their places. blockcache.py, notebooks.py and claims.py ask
`dirty_build()` and leave alone what they did not see.

When a dirty build cannot match a full one, it becomes one: every page
is rendered when there is no record yet, when anything but the pages'
own sources changed (src/nnbook, whose sections the pages list and whose
results they print; booksite/, overrides/, exercises/, mkdocs.yml, the
glossary's data, CHANGELOG.md: SHARED below), when the navigation's pages
or sections changed, or when an edited page's title changed. (A page deleted
by hand leaves its old output behind until a full build: `make build`.)
tests/site/test_quickbuild.py builds a site, edits a page, rebuilds dirty,
and compares every file with a full build of the same sources.

Waits for: dirty builds that keep navigation (mkdocs/mkdocs#4047, open:
pages not rebuilt lose their titles) and the search index
(squidfunk/mkdocs-material#7638, closed; Material's own dirty merge works
within one `serve` process only, and with static-i18n it indexed the first
language twice). Delete this when both hold; tests/site/test_quickbuild.py
says whether they do.
"""

import base64
import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

RECORD = ".nnbook-quickbuild.json"
ROOT = Path(__file__).resolve().parents[2]
# What every page can depend on besides its own source.
SHARED = ("src/**/*", "booksite/**/*", "overrides/**/*", "exercises/**/*",
          "docs/**/*.yml", "mkdocs.yml", "CHANGELOG.md", "pyproject.toml")
_H1 = re.compile(r"^# (.+?)\s*(?:\{[^}]*\})?\s*$", re.M)

_state = {"dirty": False, "record": None, "titles": {}, "rendered": set(),
          "full": False, "nav": {}, "inputs": {}}
log = logging.getLogger("mkdocs.hooks.quickbuild")


def dirty_build():
    """True while a build renders only the pages that changed."""
    return _state["dirty"] and not _state["full"]


class _QuietDirty(logging.Filter):
    """MkDocs' warning about dirty builds: this hook makes them right."""

    def filter(self, record):
        return not (_state["dirty"] and record.getMessage().startswith(
            "A 'dirty' build is being performed"))


logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())


def _i18n_inner(config):
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def _record_path():
    return Path(_state["site"]) / RECORD


def on_startup(command, dirty):
    _state["dirty"] = dirty


@event_priority(-200)
def on_config(config):
    # Material's search has a dirty mode of its own, for `serve`: it carries
    # the previous build's entries into the next build, and static-i18n's
    # second language then indexed the first one's pages twice. Its index
    # here holds the rendered pages only; on_post_build merges.
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and hasattr(search, "is_dirty"):
        search.is_dirty = False
    return config


def on_pre_build(config):
    if _i18n_inner(config):
        return
    _state.update(titles={}, rendered=set(), full=False, record=None, nav={}, api=False,
                  site=config.site_dir)       # the root: static-i18n moves it per language
    if _state["dirty"]:
        _state["inputs"] = shared_inputs()
        path = _record_path()
        try:
            _state["record"] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _state["full"] = True           # nothing to rebuild from
        else:
            if _state["record"].get("inputs") != _state["inputs"]:
                log.info("quick build: code or configuration changed; "
                         "rendering every page")
                _state["full"] = True


def shared_inputs():
    """Size and modification time of every file of SHARED: a change to one
    can change any page."""
    stamp = {}
    for pattern in SHARED:
        for path in ROOT.glob(pattern):
            if path.is_file() and "__pycache__" not in path.parts:
                info = path.stat()
                stamp[path.relative_to(ROOT).as_posix()] = [info.st_size, info.st_mtime_ns]
    return stamp


def _peek_title(file):
    """The H1 a page's source starts with (what MkDocs will call it)."""
    try:
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
    except OSError:
        return None
    if file.src_uri.endswith(".ipynb"):
        cells = json.loads(text).get("cells", [])
        text = "\n".join("".join(c.get("source", "")) for c in cells
                         if c.get("cell_type") == "markdown")
    match = _H1.search(text)
    return match.group(1) if match else None


def _shape(nav):
    """The navigation as a list of (kind, title, url): pages without titles,
    which a dirty build only learns by reading them."""
    shape = []

    def walk(items):
        for item in items:
            if item.is_section:
                shape.append(["section", item.title, None])
                walk(item.children)
            else:
                shape.append(["page" if item.is_page else "link",
                              None, getattr(item, "url", None)])

    walk(nav.items)
    return shape


@event_priority(-200)           # after static-i18n shaped this language's nav
def on_nav(nav, config, files):
    if not _state["dirty"]:
        return nav
    language = getattr(config.theme, "language", None) or config.theme["language"]
    record = _state["record"] or {}
    if not _state["full"] and record.get("nav", {}).get(language) != _shape(nav):
        log.info("quick build: the navigation changed; rendering every page")
        _state["full"] = True
    titles = record.get("titles", {})
    pages = [f for f in files.documentation_pages() if f.page is not None]
    if not _state["full"]:
        for file in pages:
            known = titles.get(file.src_uri)
            if file.is_modified():
                if _peek_title(file) != known:
                    log.info(f"quick build: {file.src_uri} has a new title; "
                             "rendering every page")
                    _state["full"] = True
                    break
            elif known is None:
                _state["full"] = True
                break
    if _state["full"]:
        for file in files.documentation_pages():
            file.is_modified = lambda: True          # as a full build does
        return nav
    for file in pages:
        if not file.is_modified():
            file.page.title = titles[file.src_uri]
    return nav


@event_priority(-200)
def on_page_context(context, page, config, nav):
    _state["titles"][page.file.src_uri] = page.title
    if "\n::: " in "\n" + (page.markdown or ""):
        _state["api"] = True            # mkdocstrings wrote objects.inv afresh
    _state["rendered"].add(page.url)      # "en/..." under /en/, as the index says
    language = getattr(config.theme, "language", None) or config.theme["language"]
    _state["nav"][language] = _shape(nav)
    return context


def _page_of(location):
    return location.split("#", 1)[0]


def _merged_index(old, new, rendered):
    """`old`'s docs, each rendered page's entries replaced by `new`'s, in place."""
    fresh = {}
    for doc in new["docs"]:
        fresh.setdefault(_page_of(doc["location"]), []).append(doc)
    docs, placed = [], set()
    for doc in old["docs"]:
        page = _page_of(doc["location"])
        if page in rendered:
            if page not in placed:
                docs.extend(fresh.get(page, []))
                placed.add(page)
        else:
            docs.append(doc)
    return {**new, "docs": docs}


@event_priority(-150)           # after static-i18n wrote the combined index (-100),
def on_post_build(config):      # before languages.py splits it (-200)
    if _i18n_inner(config) or not _state["dirty"]:
        return
    index_path = Path(_state["site"]) / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.is_file() else None
    record = _state["record"] if dirty_build() else None
    titles = dict(record["titles"]) if record else {}
    titles.update(_state["titles"])
    if record and index is not None and record.get("index") is not None:
        index = _merged_index(record["index"], index, _state["rendered"])
        index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")
    nav = {**(record or {}).get("nav", {}), **_state["nav"]}
    # mkdocstrings' inventory lists what the API reference rendered; a build
    # that did not render it writes an empty one: keep the last full one.
    inventory = Path(_state["site"]) / "objects.inv"
    if record and not _state["api"] and record.get("inventory") is not None:
        inventory.write_bytes(base64.b64decode(record["inventory"]))
    saved = (base64.b64encode(inventory.read_bytes()).decode()
             if inventory.is_file() else None)
    path = _record_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"titles": titles, "index": index, "nav": nav,
                                "inventory": saved, "inputs": _state["inputs"]},
                               ensure_ascii=False), encoding="utf-8")
