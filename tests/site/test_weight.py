"""Pages weigh what they show (booksite/hooks/figures.py, booksite/hooks/lightpages.py).

Limits, from issue 15: every HTML page under 300 KB; a chapter's first load
under 600 KB as transferred gzip-compressed (GitHub Pages compresses HTML,
CSS, JS and SVG; fonts are already compressed), measured in Chromium at a
desktop size, with the lazy figures below the fold not yet loaded; no search
index before the reader uses search; KaTeX only where there is math.
"""

import gzip
import re

import pytest

from sitesource import DOCS, SITE_LANGUAGES, language_of, page_url, pages
from test_browser import browser, server, visit  # noqa: F401  (fixtures)

PAGE_LIMIT = 300 * 1024
FIRST_LOAD_LIMIT = 600 * 1024
# Every chapter's Korean page, and the heaviest chapter in English.
CHAPTERS = sorted(p for p in pages(".md")
                  if re.match(r"\d\d-", p.relative_to(DOCS).parts[0])
                  and p.name == "index.ko.md") + [DOCS / "07-training" / "index.en.md"]


def test_every_html_page_is_under_the_limit(site):
    sizes = {path.relative_to(site.root).as_posix(): path.stat().st_size
             for path in site.root.rglob("*.html")}
    assert len(sizes) > 50
    heavy = {path: size for path, size in sizes.items() if size >= PAGE_LIMIT}
    assert not heavy, heavy


def test_katex_only_on_pages_with_math(site):
    for language in SITE_LANGUAGES:
        home = site.page("" if language == "ko" else "en/")
        assert "katex" not in home
        chapter = site.page(page_url(DOCS / "07-training" / f"index.{language}.md",
                                     language))
        assert "assets/katex/katex.min.js" in chapter
        assert 'class="arithmatex"' in chapter
    assert "katex" not in (site.root / "404.html").read_text(encoding="utf-8")


def test_notebook_pages_link_the_jupyter_styles(site):
    page = site.page("01-neurons-layers/notebook/")
    assert len(page) < 200 * 1024
    links = re.findall(r'href="([^"]*assets/stylesheets/jupyter/[0-9a-f]{12}\.css)"', page)
    assert links
    assert not [css for css in re.findall(r"<style[^>]*>(.*?)</style>", page, re.S)
                if len(css) >= 500]
    other = site.page("en/02-activations/notebook/")
    assert re.findall(r'href="([^"]*assets/stylesheets/jupyter/[^"]+)"', other) == [
        "../" + link for link in links]


def _first_load(v, path):
    """(bytes as transferred gzip-compressed, URLs) of the page's first load."""
    loaded = []

    def on_response(response):
        try:
            body = response.body()
        except Exception:               # a redirect or an aborted request
            body = b""
        url = response.url
        compressed = url.endswith((".woff2", ".woff", ".png"))
        loaded.append((url, len(body) if compressed else len(gzip.compress(body, 6))))

    v.page.on("response", on_response)
    v.open(path)
    v.page.wait_for_load_state("networkidle")
    v.page.remove_listener("response", on_response)
    return sum(size for _, size in loaded), [url for url, _ in loaded]


@pytest.mark.parametrize("chapter", CHAPTERS,
                         ids=lambda p: p.relative_to(DOCS).as_posix())
def test_a_chapter_first_load_is_light_and_leaves_search_for_later(visit, chapter):
    v = visit()
    size, urls = _first_load(v, page_url(chapter, language_of(chapter)))
    assert size < FIRST_LOAD_LIMIT, (size, sorted(urls))
    assert not [u for u in urls if "search_index" in u], urls
    # The index comes when the reader reaches for search.
    with v.page.expect_request(re.compile(r"search/search_index\.json")):
        v.page.locator("input.md-search__input").focus()
    assert v.errors == []
