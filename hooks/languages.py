"""Two languages from one build: search indexes and the language switcher.

One search index per language
-----------------------------
mkdocs-static-i18n builds each language in turn into the same site and then
writes ONE search index with the pages of both languages at
`search/search_index.json`, so a Korean reader would be handed English pages
and the other way round. Here:

* after the whole build (priority -200, after static-i18n's -100), that
  index is split: `search/search_index.json` keeps the default language's
  pages and `<lang>/search/search_index.json` gets each other language's
  pages, their locations made relative to `<lang>/`;
* each page of a non-default language points Material's front end at its own
  index: Material loads `search/search_index.json` relative to `base` in the
  page's `__config` and resolves result locations against it, so `base`
  becomes `<base_url>/<lang>/` on those pages.

Besides search, Material uses `base` only in its language-switch helper,
which looks a page up in a sitemap and otherwise follows the switcher's link
(see below); there is no instant navigation and no versioning here.
tests/site/test_browser.py checks search and switching in a real browser.

The language switcher
---------------------
static-i18n points the switcher at the twin page, except on the home pages,
where it keeps the absolute links "/" and "/en/" (wrong when the site is
served below a path). Every page gets page-relative links to its twins.

No sitemap without site_url
---------------------------
A sitemap needs absolute URLs; without `site_url` static-i18n's holds
"None/..." entries, so it is removed. Set `site_url` when publishing. (Material
then asks for `sitemap.xml` beside each switcher link, gets a 404 from our own
server, and follows the link, which already points at the twin page.)
"""

import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_CONFIG = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _languages(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/languages.py expects the i18n plugin")
    others = [lang for lang in i18n.build_languages
              if lang != i18n.default_language]
    return i18n, others


def _page_language(page, others):
    first = page.file.dest_uri.split("/", 1)[0]
    return first if first in others else None


@event_priority(0)          # after static-i18n's on_page_context (50)
def on_page_context(context, page, config, nav):
    alternates = getattr(page.file, "alternates", None) or {}
    # getattr, as the template does: static-i18n sets an *attribute*
    # `alternate` on config.extra, which shadows the mkdocs.yml item.
    for alternate in getattr(config.extra, "alternate", None) or []:
        twin = alternates.get(alternate["lang"])
        if twin is not None:
            alternate["link"] = twin.url or "."   # "" is the home page
    return context


@event_priority(-200)
def on_post_page(output, page, config):
    _, others = _languages(config)
    language = _page_language(page, others)
    if language is None:
        return output
    match = _CONFIG.search(output)
    if match is None:
        raise PluginError(f"{page.file.src_uri}: Material's __config not found")
    app = json.loads(match.group(2))
    # The trailing slash matters: Material resolves URLs against it.
    app["base"] = posixpath.join(app["base"], language) + "/"
    text = json.dumps(app, ensure_ascii=False).replace("<", "\\u003c")
    return output[:match.start(2)] + text + output[match.end(2):]


@event_priority(-200)
def on_post_build(config):
    i18n, others = _languages(config)
    if i18n.building:
        return          # an inner, single-language build: wait for the end
    site = Path(config.site_dir)
    if not config.site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / name).unlink(missing_ok=True)
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    per_language = {lang: [] for lang in others}
    default_docs = []
    for doc in index["docs"]:
        first, _, rest = doc["location"].partition("/")
        if first in per_language:
            per_language[first].append({**doc, "location": rest})
        else:
            default_docs.append(doc)
    _write(path, {**index, "docs": default_docs})
    for lang, docs in per_language.items():
        # Two languages, so that Material's worker loads lunr.multi, to which
        # hooks/search.py appends the query rewriting.
        lang_config = {**index["config"], "lang": [lang, i18n.default_language]}
        if lang == "en":
            # Material derives the pipeline from the first (Korean) build,
            # where it is empty; English wants its default one.
            lang_config["pipeline"] = ["stemmer", "stopWordFilter", "trimmer"]
        _write(site / lang / "search" / "search_index.json",
               {**index, "config": lang_config, "docs": docs})


def _write(path, index):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
