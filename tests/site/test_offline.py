"""The offline edition: built by booksite/offline.py, unzipped, opened from file://.

The `offline` fixture (conftest.py) builds it with NNBOOK_OFFLINE=1, packs it
and unpacks the zip as a reader would. The files are checked here (every
link resolves to a file, one search script per language), and the unpacked
folder is opened from file:// in Debian's chromium: reading, navigation,
math, search in each language, the language switcher, the notebook page and
its download button, with every request the browser makes on file://.
The online site built after it must carry the same zip.
"""

import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError

from sitesource import HANGUL, ROOT
from test_browser import _search, browser  # noqa: F401  (fixture)

SHOTS = ROOT / "tests" / "screenshots"
CHAPTER = "04-losses/cross-entropy.html"       # Korean path; math, tabs
NOTEBOOK = "04-losses/notebook.html"


# ------------------------------------------------------------- the files

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append((tag, value))


def test_offline_build_passed_without_warnings(offline):
    # Each problem with what follows it: a bare "ERROR" line says nothing.
    problems = [offline.log[m.start():m.start() + 800]
                for m in re.finditer(r"^(?:WARNING|ERROR)\b", offline.log, re.M)]
    assert not problems, "\n---\n".join(problems)


def test_zip_has_one_top_folder_with_both_languages(offline):
    with zipfile.ZipFile(offline.zip) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert {name.split("/", 1)[0] for name in names} == {"nnbook"}
    for required in ("nnbook/index.html", "nnbook/en/index.html",
                     f"nnbook/{CHAPTER}", f"nnbook/en/{NOTEBOOK}",
                     "nnbook/04-losses/notebook.ko.ipynb",
                     "nnbook/en/04-losses/notebook.en.ipynb",
                     "nnbook/assets/iframe-worker/shim.js",
                     "nnbook/search/search_index.js",
                     "nnbook/en/search/search_index.js"):
        assert required in names, required
    # No directory URLs: a chapter page is a file, not a folder.
    assert "nnbook/04-losses/cross-entropy/index.html" not in names
    # No 404 page: nothing serves it, and its links are absolute.
    assert not [name for name in names if name.endswith("404.html")]


def test_every_local_link_names_an_existing_file(offline):
    """From file:// a link to a folder shows a listing: each must be a file."""
    broken, pages = [], sorted(offline.root.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, url in parser.urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "//")):
                assert tag == "a" or parts.scheme == "data", (page, tag, url)
                continue            # links out (Colab) and data: URLs
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append((page.relative_to(offline.root).as_posix(), url))
    assert broken == []


def _index(path):
    text = path.read_text(encoding="utf-8")
    prefix = "var __index = "
    assert text.startswith(prefix)
    return json.loads(text[len(prefix):])


def test_one_search_script_per_language(offline):
    korean = _index(offline.root / "search" / "search_index.js")
    english = _index(offline.root / "en" / "search" / "search_index.js")
    assert korean["docs"] and english["docs"]
    assert not [d for d in korean["docs"] if d["location"].startswith("en/")]
    # English locations are relative to en/, as booksite/hooks/languages.py writes them.
    assert not [d for d in english["docs"] if d["location"].startswith("en/")]
    assert any(HANGUL.search(d["text"]) for d in korean["docs"])
    # Two languages each, so that the worker loads lunr.multi, where
    # booksite/hooks/search.py puts the query rewrite; the pages are one language's.
    assert english["config"]["lang"] == ["en", "ko"]
    assert all(d["location"].split("#")[0].endswith(".html")
               for d in korean["docs"] + english["docs"])


def test_nothing_is_loaded_from_another_host(offline):
    for page in offline.root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, page
        assert not re.search(r"<(script|link|img)\b[^>]*\b(src|href)=\"(https?:)?//",
                             text), page


def test_online_site_carries_the_offline_zip(site, offline):
    shipped = site.root / "downloads" / "nnbook-offline.zip"
    assert shipped.read_bytes() == offline.zip.read_bytes()
    assert 'href="downloads/nnbook-offline.zip"' in site.page("")
    assert 'href="../downloads/nnbook-offline.zip"' in site.page("en/")


def test_offline_edition_does_not_contain_itself(offline):
    with zipfile.ZipFile(offline.root / "downloads" / "nnbook-offline.zip") as note:
        assert note.namelist() == ["README.txt"]
        assert "offline edition" in note.read("README.txt").decode()


def test_without_the_zip_the_link_gets_a_note_or_the_build_fails(tmp_path,
                                                                 monkeypatch):
    from booksite.hooks import offline as hook
    # What File.generated and the hook read of a MkDocs config; no plugin
    # is the offline plugin, so this is an online build.
    plugins = SimpleNamespace(values=lambda: [], _current_plugin=None)
    config = SimpleNamespace(site_dir=str(tmp_path / "site"),
                             use_directory_urls=True, plugins=plugins)
    monkeypatch.setenv("NNBOOK_OFFLINE_ZIP", str(tmp_path / "missing.zip"))
    monkeypatch.delenv("NNBOOK_REQUIRE_OFFLINE_ZIP", raising=False)
    file = hook._download_file(config)
    assert file.dest_uri == "downloads/nnbook-offline.zip"
    with zipfile.ZipFile(io.BytesIO(file.content_bytes)) as note:
        assert note.namelist() == ["README.txt"]
        text = note.read("README.txt").decode()
    assert "no offline edition" in text and "make offline" in text
    monkeypatch.setenv("NNBOOK_REQUIRE_OFFLINE_ZIP", "1")
    with pytest.raises(PluginError, match="make offline"):
        hook._download_file(config)


# ------------------------------------------------------ in the browser

class FileVisit:
    """A browser context on the unpacked folder that records every request."""

    def __init__(self, browser, root):
        self.base = root.as_uri() + "/"
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           accept_downloads=True)
        self.requests, self.errors = [], []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path):
        self.page.goto(self.base + path)
        return self.ready()

    def ready(self):
        self.page.wait_for_load_state("load")
        self.page.wait_for_selector("html[data-nnbook-math=rendered]",
                                    state="attached")
        return self.page

    def path(self):
        """The page's path inside the folder ('en/index.html')."""
        assert self.page.url.startswith(self.base), self.page.url
        return urlsplit(self.page.url).path[len(urlsplit(self.base).path):]

    def not_file(self):
        return [url for url in self.requests
                if not url.startswith(("file:", "data:", "blob:", "about:"))]


@pytest.fixture
def visit(browser, offline):  # noqa: F811  (browser is the imported fixture)
    visits = []

    def start():
        visits.append(FileVisit(browser, offline.root))
        return visits[-1]

    yield start
    for v in visits:
        v.context.close()


def _search_paths(v, query):
    """Result paths inside the folder, from test_browser's search helper."""
    base = urlsplit(v.base).path
    paths = _search(v, query)
    assert all(p.startswith(base) for p in paths), paths
    return [p[len(base):] for p in paths]


def test_preface_and_navigation_to_a_chapter(visit):
    v = visit()
    page = v.open("index.html")
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert HANGUL.search(page.inner_text("h1"))
    assert len(HANGUL.findall(page.inner_text("article"))) > 200
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "offline-ko-preface.png"))
    page.locator(f'nav.md-nav--primary a.md-nav__link[href="{CHAPTER}"]').click()
    v.ready()
    assert v.path() == CHAPTER
    assert HANGUL.search(page.inner_text("h1"))
    # The logo leads home, to a file.
    page.locator("a.md-header__button.md-logo").click()
    v.ready()
    assert v.path() == "index.html"
    assert v.errors == [] and v.not_file() == [], (v.errors, v.not_file())


def test_math_renders_with_katex_fonts(visit):
    v = visit()
    page = v.open(CHAPTER)
    assert page.locator(".arithmatex .katex").count() >= 5
    assert page.locator(".katex-error").count() == 0
    leftovers = page.eval_on_selector_all(
        ".arithmatex", "els => els.filter(e => !e.querySelector('.katex')).length")
    assert leftovers == 0
    page.evaluate("document.fonts.ready.then(() => true)")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.startsWith('KaTeX')"
        " && f.status === 'loaded').map(f => f.family)")
    assert "KaTeX_Main" in loaded, loaded        # the woff2 files load from file://
    assert v.errors == [] and v.not_file() == [], (v.errors, v.not_file())


def test_search_finds_each_language_in_its_own_edition(visit):
    v = visit()
    v.open(CHAPTER)
    korean = _search_paths(v, "손실")
    assert korean, "a Korean term finds nothing offline"
    assert not [p for p in korean if p.startswith("en/")], korean
    assert all(p.endswith(".html") for p in korean), korean

    v.open("en/" + CHAPTER)
    english = _search_paths(v, "loss")
    assert english, "an English term finds nothing offline"
    assert all(p.startswith("en/") and p.endswith(".html") for p in english), english
    korean_on_english = _search_paths(v, "손실")     # the glossary lists both
    assert all(p.startswith("en/") for p in korean_on_english), korean_on_english
    # A result opens its page.
    _search_paths(v, "loss")
    v.page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    v.ready()
    assert v.path().startswith("en/") and v.path().endswith(".html")
    assert v.errors == [] and v.not_file() == [], (v.errors, v.not_file())


def test_search_rewrites_queries_offline_too(visit):
    """booksite/hooks/search.py's query script runs in the iframe-worker shim as well:
    a compound typed without its space, a particle, inflected English."""
    from test_search import search

    v = visit()
    for start, query, chapter in (
            (CHAPTER, "교차엔트로피", "04-losses/"),
            (CHAPTER, "역전파를", "05-why-backprop/"),
            ("en/" + CHAPTER, "overfitting", "en/08-generalisation/")):
        v.open(start)
        base = urlsplit(v.base).path
        top = list(dict.fromkeys(p[len(base):] for p in search(v, query)))[:3]
        assert any(p.startswith(chapter) for p in top), (query, top)
    assert v.errors == [] and v.not_file() == [], (v.errors, v.not_file())


@pytest.mark.parametrize("path", [CHAPTER, NOTEBOOK, "index.html"])
def test_language_switch_goes_to_the_twin_and_back(visit, path):
    v = visit()
    v.open(path)
    for target, lang in (("en/" + path, "en"), (path, "ko")):
        v.page.locator(".md-header__option .md-select").hover()
        v.page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
        v.ready()
        assert v.path() == target
        assert v.page.evaluate("document.documentElement.lang") == lang
    # Material first looks for sitemap.xml, which a file:// page cannot read
    # (a console message, not a page error); it then follows the link.
    assert v.errors == [] and v.not_file() == [], (v.errors, v.not_file())


def test_notebook_page_renders_and_downloads_its_notebook(visit, offline):
    v = visit()
    page = v.open("en/" + NOTEBOOK)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator(".jupyter-wrapper .jp-Cell").count() > 5
    assert page.locator(".jupyter-wrapper .jp-OutputArea-output").count() > 0
    assert page.locator(".jp-MarkdownOutput .katex").count() >= 3
    download = page.locator("a[data-nnbook=download]")
    assert download.inner_text().strip() == "Download the notebook (.ipynb)"
    with page.expect_download() as info:
        download.click()
    assert info.value.suggested_filename == "notebook.en.ipynb"
    saved = Path(info.value.path()).read_bytes()
    assert saved == (offline.root / "en" / "04-losses" / "notebook.en.ipynb").read_bytes()
    assert json.loads(saved)["cells"]
    page.screenshot(path=str(SHOTS / "offline-en-notebook.png"))

    page = v.open(NOTEBOOK)
    assert HANGUL.search(page.inner_text("h1"))
    assert v.errors == [] and v.not_file() == [], (v.errors, v.not_file())
