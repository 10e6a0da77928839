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

Besides search, Material uses `base` only in its language-switch helper
(see below); there is no instant navigation and no versioning here.
tests/site/test_browser.py checks search and switching in a real browser.

The language switcher
---------------------
static-i18n points the switcher at the twin page, except on the home pages,
where it keeps the absolute links "/" and "/en/" (wrong when the site is
served below a path). Every page gets page-relative links to its twins.

No sitemap requests
-------------------
On every page load Material's bundle (integrations/alternate/index.ts)
fetches `sitemap.xml` relative to each `<link rel="alternate" hreflang>` of
the page's <head>, so that a click on the language switcher can land on the
same page of the other site. (Its other one, `<base>/sitemap.xml`, serves
instant navigation and previews, both off here.) Those links name the twin
pages, so it asked for `<twin page>/sitemap.xml`: two 404s per page load,
with or without site_url (only the published Korean home page has a
sitemap beside it). And the answer would go unused: the switcher's links
already name the twins, and docs/assets/javascripts/language-switch.js
handles the click before Material. So the <head> links are removed (the
switcher keeps its own) and no page requests a sitemap. Search engines get
the same language pairs, with the absolute URLs hreflang requires, from
static-i18n's sitemap.xml, written when `site_url` is set (the deploy);
without it the sitemap would hold "None/..." entries, so it is removed.
tests/site/test_404_and_dates.py checks that no request fails, locally and
below a published path.

The 404 page
------------
Each language's build writes `404.html` to the root of the shared site
folder, the English one last, and GitHub Pages serves only that file. So
overrides/404.html holds both languages, the Korean build's page is kept
(the English build's is rendered empty, which MkDocs does not write), and
its switcher links the two home pages rather than the twins of whichever
page was built last.
"""

import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_CONFIG = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# Material's <head> links to each language's page (base.html, site_meta).
_HEAD_ALTERNATE = re.compile(
    r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
NOT_FOUND = "404.html"


def _languages(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("booksite/hooks/languages.py expects the i18n plugin")
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
    output = _HEAD_ALTERNATE.sub("", output)
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


def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND:
        i18n, _ = _languages(config)
        # base_url is site_url's path here: "/" or "/<repo>/".
        for alternate in getattr(config.extra, "alternate", None) or []:
            lang = alternate["lang"]
            home = "" if lang == i18n.default_language else f"{lang}/"
            alternate["link"] = context["base_url"] + home
    return context


def on_post_template(output, template_name, config):
    if template_name != NOT_FOUND:
        return output
    i18n, _ = _languages(config)
    if i18n.current_language != i18n.default_language:
        return ""       # MkDocs skips an empty template: the Korean page stays
    return _HEAD_ALTERNATE.sub("", output)


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
        # booksite/hooks/search.py appends the query rewriting.
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
