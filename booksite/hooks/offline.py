"""The offline edition: a build that works from file://, and its download link.

    make offline          # -> build/offline/nnbook-offline.zip (booksite/offline.py)

The offline build (NNBOOK_OFFLINE=1)
------------------------------------
Material's `offline` plugin (mkdocs.yml, enabled by NNBOOK_OFFLINE) switches
`use_directory_urls` off, so every link names an .html file, and writes the
search index as a script, `search/search_index.js`, because a page opened
from file:// can fetch nothing. Two things are added here:

* The plugin loads the iframe-worker shim (it runs the search worker in an
  iframe, as file:// pages cannot start a Web Worker) from unpkg.com; the
  self-hosted copy in docs/assets/iframe-worker is loaded instead.
* The plugin turns only `search/search_index.json` into a script, before
  booksite/hooks/languages.py has split that index per language. Here, after the
  split (priority -300, after its -200), every language's index gets its own
  `search_index.js`; Material loads it relative to the page's `base`, which
  booksite/hooks/languages.py sets to `<lang>/` on English pages.
* Chromium ignores the `download` attribute of a link to a file:// URL (it
  opens the notebook's JSON instead of saving it), so on notebook pages the
  download button carries the notebook itself as a `data:` URL with its file
  name. The .ipynb file still sits beside the page.
* No 404.html: without a server nothing serves it, and its links are
  absolute, so they would point at the root of the reader's disk.
* No `site_url` (the deploy may set NNBOOK_SITE_URL): no canonical links to
  the online site and no sitemap in the zip.

The download on the online site
--------------------------------
The preface links `downloads/nnbook-offline.zip`. Every build registers that
file, so the link is checked like any other:

* the online build copies the offline edition, build/offline/nnbook-offline.zip
  (or the file named by NNBOOK_OFFLINE_ZIP), when it exists;
* otherwise (a plain `make serve`, a fresh clone) it writes a small zip that
  holds only a README saying that this build has no offline edition and how
  to make one, and logs that at INFO level. With NNBOOK_REQUIRE_OFFLINE_ZIP=1
  (set by `make site` and the deploy) a missing zip fails the build instead;
* the offline edition cannot contain itself: there the link gets a small zip
  whose README says the reader already has the offline edition.
"""

import base64
import io
import logging
import os
import posixpath
import re
import zipfile
from pathlib import Path

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ZIP = ROOT / "build" / "offline" / "nnbook-offline.zip"
DOWNLOAD = "downloads/nnbook-offline.zip"
SHIM = "assets/iframe-worker/shim.js"

log = logging.getLogger("mkdocs.hooks.offline")

_NOT_BUILT = """\
nnbook: no offline edition in this build

This copy of the site was built without the offline edition, so this zip
holds only this note. Build it from a clone of the repository with

    make offline     # writes build/offline/nnbook-offline.zip

and build the site again (`make site`): the site then carries the real zip.
The published site always does.
"""

_SELF = """\
nnbook: you are reading the offline edition

This zip stands in for the offline edition inside the offline edition itself
(a zip cannot contain itself). The folder you unpacked is the whole book:
open nnbook/index.html (Korean) or nnbook/en/index.html (English).
"""


def offline_enabled(config):
    """True when Material's offline plugin is on (NNBOOK_OFFLINE=1)."""
    return any(isinstance(plugin, OfflinePlugin) and plugin.config.enabled
               for plugin in config.plugins.values())


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("booksite/hooks/offline.py expects the i18n plugin")
    return plugin


# ------------------------------------------------- the self-hosted shim

@event_priority(-50)            # after the offline plugin's on_config (0)
def on_config(config):
    if not offline_enabled(config):
        return config
    # The edition is read from files: no canonical links to the online
    # site, no sitemap (NNBOOK_SITE_URL may be set for the deploy).
    config.site_url = None
    polyfills = config.extra.get("polyfills") or []
    # The plugin skips its unpkg URL when a polyfill already names
    # iframe-worker, as ours does: later (per-language) on_config calls
    # keep the local copy.
    config.extra["polyfills"] = [SHIM if "unpkg.com/iframe-worker" in url else url
                                 for url in polyfills]
    if SHIM not in config.extra["polyfills"]:
        config.extra["polyfills"].append(SHIM)
    return config


# -------------------------------- the notebook download button offline

_DOWNLOAD_LINK = re.compile(r'<a\b[^>]*\bdata-nnbook="download"[^>]*>', re.S)


def _inline_download(tag, name, data):
    url = "data:application/x-ipynb+json;base64," + base64.b64encode(data).decode()
    tag, hrefs = re.subn(r'\bhref="[^"]*"', f'href="{url}"', tag)
    tag, downloads = re.subn(r'\sdownload(?:="[^"]*")?(?=[\s>])',
                             f' download="{name}"', tag)
    if hrefs != 1 or downloads != 1:
        raise PluginError(f"booksite/hooks/offline.py: unexpected download link {tag[:200]}")
    return tag


@event_priority(-100)
def on_post_page(output, page, config):
    if not offline_enabled(config) or not page.file.src_uri.endswith(".ipynb"):
        return output
    source = Path(page.file.abs_src_path)
    output, count = _DOWNLOAD_LINK.subn(
        lambda m: _inline_download(m.group(0), source.name, source.read_bytes()),
        output)
    if count != 1:
        raise PluginError(f"{page.file.src_uri}: {count} notebook download "
                          "buttons in the offline page, expected 1")
    return output


# ------------------------------------------------ the download link

def _note_zip(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("README.txt", date_time=(2026, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        archive.writestr(info, text)
    return buffer.getvalue()


def _offline_zip():
    return Path(os.environ.get("NNBOOK_OFFLINE_ZIP") or DEFAULT_ZIP)


def _download_file(config):
    if offline_enabled(config):
        return File.generated(config, DOWNLOAD, content=_note_zip(_SELF))
    path = _offline_zip()
    if path.is_file() and zipfile.is_zipfile(path):
        return File.generated(config, DOWNLOAD, abs_src_path=str(path))
    if os.environ.get("NNBOOK_REQUIRE_OFFLINE_ZIP", "") not in ("", "0"):
        raise PluginError(
            f"NNBOOK_REQUIRE_OFFLINE_ZIP is set but {path} is missing or not a "
            "zip: run `make offline` (booksite/offline.py) first")
    return File.generated(config, DOWNLOAD, content=_note_zip(_NOT_BUILT))


@event_priority(-200)           # after static-i18n rebuilt the file list (-100)
def on_files(files, config):
    if files.get_file_from_path(DOWNLOAD) is None:
        files.append(_download_file(config))
    return files


@event_priority(-300)           # after booksite/hooks/languages.py (-200)
def on_post_build(config):
    if _i18n(config).building:
        return                  # an inner, single-language build
    site = Path(config.site_dir)
    download = site / DOWNLOAD
    if not offline_enabled(config):
        with zipfile.ZipFile(download) as archive:
            real = any(name.endswith("/index.html") for name in archive.namelist())
        if real:
            log.info("Offline edition: %s (%.1f MB) is on the site as %s",
                     _offline_zip(), download.stat().st_size / 1e6, DOWNLOAD)
        else:
            log.info("Offline edition not built: %s holds only a note. Run "
                     "`make offline` before building to ship the real zip.",
                     DOWNLOAD)
        return
    # A 404 page is for a server; its links are absolute ("/assets/...") and
    # from the file system they point at the root of the disk.
    (site / "404.html").unlink(missing_ok=True)
    # One search script per language index written by booksite/hooks/languages.py.
    for index in sorted(site.glob("**/search/search_index.json")):
        data = index.read_text(encoding="utf-8")
        index.with_name("search_index.js").write_text(
            f"var __index = {data}", encoding="utf-8")
    log.info("Offline edition: search scripts for %s",
             ", ".join(posixpath.dirname(p.relative_to(site).as_posix())
                       for p in sorted(site.glob("**/search/search_index.js"))))
