"""The built site in a real browser: Debian's chromium, driven by Playwright.

The site built for this session is served on 127.0.0.1; every request the
browser makes is recorded and must stay on that address. Screenshots of
each page, both languages, light and dark, go to tests/screenshots/ (look at
them). Without chromium (installing it needs root: `apt-get install chromium
fonts-noto-cjk`) these tests skip, and fail instead when CI=true.
"""

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import sweep
from sitesource import HANGUL, ROOT, language_of, page_url, pages

SHOTS = ROOT / "tests" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
PAGES = {                       # name -> Korean site path
    "preface": "",
    "cross-entropy": "04-losses/cross-entropy/",
    "notebook": "04-losses/notebook/",
    "reference": "reference/",
}


def _chromium():
    for candidate in (os.environ.get("NNBOOK_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _unavailable():
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[docs]')"
    if _chromium() is None:
        return ("chromium is not installed; installing it needs root: "
                "apt-get install chromium fonts-noto-cjk")
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _unavailable()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser test cannot run under CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=_chromium(), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(site):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", str(site.root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("http.server did not start")
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=10)


class Visit:
    """A browser context that records requests and page errors."""

    def __init__(self, browser, base, scheme="light", viewport=(1280, 900)):
        self.base = base
        width, height = viewport
        self.context = browser.new_context(viewport={"width": width, "height": height},
                                           color_scheme=scheme)
        self.requests, self.errors = [], []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path):
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        # docs/assets/javascripts/math.js marks the page once KaTeX ran.
        self.page.wait_for_selector("html[data-nnbook-math=rendered]", state="attached")
        return self.page

    def path(self):
        return urlsplit(self.page.url).path

    def third_party(self):
        host = urlsplit(self.base).netloc
        return [url for url in self.requests
                if not url.startswith(("data:", "blob:", "about:"))
                and urlsplit(url).netloc != host]

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    visits = []

    def start(scheme="light", viewport=(1280, 900)):
        visits.append(Visit(browser, server, scheme, viewport))
        return visits[-1]

    yield start
    for v in visits:
        v.close()


def _search(visit, query):
    """Type `query` in Material's search box; return the result paths.

    The box is emptied first and the placeholder awaited, which also means
    the index has loaded (it is fetched when the box takes focus,
    docs/assets/javascripts/search-on-demand.js; until then the result line
    says "initializing"); then the answer to this query is awaited, so no
    result of an earlier one is read as its own."""
    page = visit.page
    page.keyboard.press("Escape")
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.dispatch_event("keyup")
    page.wait_for_function(
        "p => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() === p; }", arg=placeholder,
        timeout=15000)
    box.fill(query)
    box.dispatch_event("keyup")                  # Material searches on keyup
    page.wait_for_function(
        "p => { const m = document.querySelector('.md-search-result__meta');"
        " const t = m && m.textContent.trim(); return t && t !== p; }",
        arg=placeholder, timeout=15000)
    links = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link",
        "links => links.map(a => a.href)")
    return [urlsplit(link).path for link in links]


# Every page of the book, by its Korean site path, for the screenshots.
ALL_PAGES = {(page_url(p, "ko").strip("/").replace("/", "-") or "preface"):
             page_url(p, "ko")
             for p in pages(".md") + pages(".ipynb") if language_of(p) == "ko"}


def test_every_page_both_languages_light_and_dark(browser, server):
    """Every page in both languages and both themes: its language, its
    colour scheme, no script error and no request to another host.
    Screenshots of the pages a change can have moved (tests/site/sweep.py)."""
    SHOTS.mkdir(exist_ok=True)
    shots = sweep.screenshot_pages(ALL_PAGES.values())
    names = {path: name for name, path in ALL_PAGES.items()}

    async def check(scheme, path, page):
        found = {"lang": await page.evaluate("document.documentElement.lang"),
                 "scheme": await page.evaluate(
                     "document.body.getAttribute('data-md-color-scheme')")}
        korean = path.removeprefix("en/")
        if korean in shots:
            language = "en" if path.startswith("en/") else "ko"
            await page.screenshot(full_page=True, path=str(
                SHOTS / f"{language}-{names[korean]}-{scheme}.png"))
        return found

    paths = [prefix + path for path in ALL_PAGES.values() for prefix in ("", "en/")]
    kinds = {"light": ("light", (1280, 900)), "dark": ("dark", (1280, 900))}
    results, requests, errors = sweep.visit_all(server, _chromium(), ARGS, kinds,
                                                paths, check)
    host = urlsplit(server).netloc
    for scheme, expected in (("light", "default"), ("dark", "slate")):
        seen = {path: r for (kind, path), r in results.items() if kind == scheme}
        assert len(seen) == len(paths), (scheme, len(seen))
        wrong = {path: r for path, r in seen.items()
                 if r["lang"] != ("en" if path.startswith("en/") else "ko")
                 or r["scheme"] != expected}
        assert not wrong, wrong
        assert errors[scheme] == [], errors[scheme]
        elsewhere = [url for url in requests[scheme]
                     if not url.startswith(("data:", "blob:", "about:"))
                     and urlsplit(url).netloc != host]
        assert elsewhere == [], elsewhere


def test_korean_page_shows_hangul_and_rendered_math(visit):
    v = visit()
    page = v.open(PAGES["cross-entropy"])
    assert HANGUL.search(page.inner_text("h1"))
    assert page.locator(".arithmatex .katex").count() >= 5
    assert page.locator(".katex-error").count() == 0
    leftovers = page.eval_on_selector_all(
        ".arithmatex", "els => els.filter(e => !e.querySelector('.katex')).length")
    assert leftovers == 0
    # Korean prose wraps between words; English keeps the default.
    rule = "document.querySelector('.md-typeset p').computedStyleMap().get('word-break').toString()"
    assert page.evaluate(rule) == "keep-all"
    page = v.open("en/" + PAGES["cross-entropy"])
    assert page.evaluate(rule) == "normal"
    # Notebook Markdown cells: $...$ rendered by the same KaTeX.
    page = v.open(PAGES["notebook"])
    assert page.locator(".jp-MarkdownOutput .katex").count() >= 3
    assert page.locator(".katex-error").count() == 0
    assert v.errors == [] and v.third_party() == []


def test_figure_sits_on_a_light_card_in_dark_mode(visit):
    v = visit("dark")
    page = v.open(PAGES["cross-entropy"])
    figure = page.locator(".nnbook-figure img")
    assert figure.count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.nnbook-figure img'))"
                         ".backgroundColor") == "rgb(255, 255, 255)"
    alt = figure.get_attribute("alt")
    assert HANGUL.search(alt)
    # Figures load lazily (booksite/hooks/figures.py): scroll to it, then it loads.
    figure.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 300",
                           arg=figure.element_handle(), timeout=15000)


@pytest.mark.parametrize("name", ["cross-entropy", "notebook", "preface"])
def test_language_switch_goes_to_the_twin_and_back(visit, name):
    v = visit()
    korean = "/" + PAGES[name]
    v.open(PAGES[name])
    for target, lang in (("/en" + korean, "en"), (korean, "ko")):
        v.page.locator(".md-header__option .md-select").hover()
        v.page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
        v.page.wait_for_load_state("load")
        assert v.path() == target
        assert v.page.evaluate("document.documentElement.lang") == lang
    assert v.errors == [] and v.third_party() == []


def test_search_finds_each_language_in_its_own_site(visit):
    v = visit()
    v.open(PAGES["cross-entropy"])
    korean_hits = _search(v, "손실")
    assert korean_hits, "a Korean term finds nothing on the Korean site"
    assert not [p for p in korean_hits if p.startswith("/en/")], korean_hits
    english_on_korean = _search(v, "Keras")
    assert english_on_korean and not [p for p in english_on_korean
                                      if p.startswith("/en/")], english_on_korean

    v.open("en/" + PAGES["cross-entropy"])
    english_hits = _search(v, "loss")
    assert english_hits, "an English term finds nothing on the English site"
    assert all(p.startswith("/en/") for p in english_hits), english_hits
    # Korean words find only English pages there (the glossary lists both).
    korean_on_english = _search(v, "손실")
    assert all(p.startswith("/en/") for p in korean_on_english), korean_on_english
    assert v.errors == [] and v.third_party() == []


def test_listing_title_copy_button_tabs_and_theme_toggle(visit):
    v = visit()
    page = v.open(PAGES["cross-entropy"])
    titles = page.locator(".highlight .filename").all_inner_texts()
    assert "src/nnbook/losses.py" in titles
    # Material 9.8's copy button (data-md-type="copy"), on every code block.
    listing = page.locator(".highlight", has=page.locator(".filename",
                                                          has_text="losses.py"))
    assert listing.first.locator("button[data-md-type=copy]").count() == 1
    assert page.locator(".highlight button[data-md-type=copy]").count() >= 10
    keras_tab = page.locator(".tabbed-labels label", has_text="Keras").first
    keras_tab.click()
    block = page.locator(".tabbed-block").filter(has_text="keras.losses").first
    assert block.is_visible()
    SHOTS.mkdir(exist_ok=True)
    page.locator(".tabbed-set").first.screenshot(path=str(SHOTS / "ko-keras-tab-light.png"))
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert v.errors == [] and v.third_party() == []


def test_notebook_page_buttons(visit):
    v = visit()
    page = v.open("en/" + PAGES["notebook"])
    download = page.locator("a[data-nnbook=download]")
    assert download.inner_text().strip() == "Download the notebook (.ipynb)"
    with page.expect_download() as info:
        download.click()
    assert info.value.suggested_filename == "notebook.en.ipynb"
    colab = page.locator("a[data-nnbook=colab]").get_attribute("href")
    assert re.fullmatch(r"https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+"
                        r"/blob/[\w.-]+/docs/04-losses/notebook\.en\.ipynb", colab)
    assert v.errors == [] and v.third_party() == []


# ----------------------------------------- the switch keeps the reader's place
# A section has the same id in both languages (tests/site/test_anchors.py);
# docs/assets/javascripts/language-switch.js carries it across the switch.
ANCHOR_PAGE = "04-losses/cross-entropy/"
ANCHOR = "sparse"            # "정수 레이블 그대로: ..." / "Integer labels as they are: ..."


def _switch_language(page, lang):
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_load_state("load")
    page.wait_for_selector("html[data-nnbook-math=rendered]", state="attached")


def _heading_top(page, anchor):
    """Where the heading `anchor` sits, in px from the top of the viewport."""
    return page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")


def test_language_switch_keeps_the_section_anchor(visit):
    v = visit()
    page = v.open(ANCHOR_PAGE + "#" + ANCHOR)
    assert 0 <= _heading_top(page, ANCHOR) < 200
    for target, lang in (("/en/" + ANCHOR_PAGE, "en"), ("/" + ANCHOR_PAGE, "ko")):
        _switch_language(page, lang)
        assert (v.path(), urlsplit(page.url).fragment) == (target, ANCHOR)
        assert page.evaluate("document.documentElement.lang") == lang
        # Landed on the section, not at the top of the page.
        assert 0 <= _heading_top(page, ANCHOR) < 200, _heading_top(page, ANCHOR)
        assert page.evaluate("window.scrollY") > 1000
    assert v.errors == [] and v.third_party() == []


def test_language_switch_keeps_the_section_being_read_without_anchor(visit):
    v = visit()
    page = v.open(ANCHOR_PAGE)
    page.evaluate(f"window.scrollTo(0, document.getElementById('{ANCHOR}')"
                  ".getBoundingClientRect().top + window.scrollY + 150)")
    _switch_language(page, "en")
    assert (v.path(), urlsplit(page.url).fragment) == ("/en/" + ANCHOR_PAGE, ANCHOR)
    # At the top of a page there is no section to keep.
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate("history.replaceState(null, '', location.pathname)")
    _switch_language(page, "ko")
    assert (v.path(), urlsplit(page.url).fragment) == ("/" + ANCHOR_PAGE, "")
    assert v.errors == [] and v.third_party() == []


def test_offline_edition_language_switch_keeps_the_section_anchor(browser, offline):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    errors = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        chapter = ANCHOR_PAGE.rstrip("/") + ".html"
        page.goto(f"{offline.root.as_uri()}/{chapter}#{ANCHOR}")
        page.wait_for_selector("html[data-nnbook-math=rendered]", state="attached")
        for target, lang in (("en/" + chapter, "en"), (chapter, "ko")):
            _switch_language(page, lang)
            assert page.url == f"{offline.root.as_uri()}/{target}#{ANCHOR}"
            assert 0 <= _heading_top(page, ANCHOR) < 200
        assert errors == [], errors
    finally:
        context.close()
