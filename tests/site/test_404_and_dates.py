"""The 404 page, no failing requests, and where each page comes from.

* 404.html: GitHub Pages serves the root one for any missing address, in
  either language, so it greets Korean readers, then English ones, each
  part with its `lang` and a link to its home page, below site_url's path
  when there is one. Here a small server behaves like Pages (the site below
  that path, 404.html with status 404 for anything missing); screenshots at
  desktop and phone width go to tests/screenshots/.
* No request fails while reading and switching languages: Material fetched
  `sitemap.xml` beside each language link of a page's <head>, two 404s per
  page load, until booksite/hooks/languages.py removed those links.
* Every page links its own source for editing (the Korean page its
  `.ko.md`, the English one its `.en.md`, a notebook page its `.ipynb`) and
  shows the day that file last changed, in the page's language
  (booksite/hooks/pagesource.py).

Like the rest of tests/site, these read the session's build; run with
NNBOOK_SITE_URL set, they check the published form (404 links, sitemap).
"""

import functools
import importlib.util
import os
import re
import subprocess
import threading
from datetime import date, datetime, timedelta, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.dates import format_date

from sitesource import DOCS, HANGUL, ROOT, language_of, mkdocs_config, page_url, pages
from test_browser import SHOTS, browser  # noqa: F401  (a pytest fixture)

SITE_URL = os.environ.get("NNBOOK_SITE_URL") or None
BASE = urlsplit(SITE_URL or "/").path          # "/" or "/<repo>/"
SOURCES = pages(".md") + pages(".ipynb")


def _load_hook(name):
    return importlib.import_module(f"booksite.hooks.{name}")


# ------------------------------------------------------------- the 404 page

def test_404_page_greets_korean_then_english_readers(site):
    html = (site.root / "404.html").read_text("utf-8")
    assert re.search(r'<html lang="ko"', html)
    korean = re.search(r'<section lang="ko"[^>]*>(.*?)</section>', html, re.S)
    english = re.search(r'<section lang="en"[^>]*>(.*?)</section>', html, re.S)
    assert korean and english and korean.start() < english.start()
    assert HANGUL.search(korean.group(1)) and not HANGUL.search(english.group(1))
    assert "Page not found" in english.group(1)
    # Each part links its home page, below site_url's path (the server
    # returns this page at any depth, so the links cannot be relative).
    assert re.search(rf'href="{BASE}"\s+hreflang="ko"', korean.group(1))
    assert re.search(rf'href="{BASE}en/"\s+hreflang="en"', english.group(1))
    # The header's language switch: the two home pages too.
    switch = re.findall(
        r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link"', html)
    assert switch == [(BASE, "ko"), (f"{BASE}en/", "en")], switch
    # Written once, by the Korean build; Pages would never serve en/404.html.
    assert not (site.root / "en" / "404.html").exists()


class _PagesHandler(SimpleHTTPRequestHandler):
    """As GitHub Pages serves: the site below BASE; anything missing gets
    the root 404.html with status 404."""

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(BASE):
            return ""                               # no such file
        return super().translate_path("/" + path[len(BASE):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def pages_server(site):
    handler = functools.partial(_PagesHandler, directory=str(site.root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{BASE}"
    httpd.shutdown()
    httpd.server_close()


def _context(browser, width):
    """A browser context that records every response: [(status, url)]."""
    height = 844 if width < 500 else 900
    context = browser.new_context(viewport={"width": width, "height": height})
    responses, errors = [], []
    context.on("response", lambda r: responses.append((r.status, r.url)))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, responses, errors


@pytest.mark.parametrize("width,name", [(1280, "desktop"), (390, "phone")])
def test_404_page_in_a_browser(browser, pages_server, width, name):
    context, page, responses, errors = _context(browser, width)
    missing = [pages_server + path for path in ("no/such/page/", "en/04-losses/gone/")]
    try:
        for url in missing:
            answer = page.goto(url)
            page.wait_for_load_state("load")
            assert answer.status == 404
            assert page.evaluate("document.documentElement.lang") == "ko"
            for lang in ("ko", "en"):
                assert page.locator(f'section[lang="{lang}"] a.md-button').is_visible()
            # Nothing but the page itself failed: styles and scripts load
            # from site_url's path at any depth.
            failed = [(s, u) for s, u in responses if s >= 400 and u not in missing]
            assert failed == [], failed
            # Nothing scrolls sideways on a phone.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"404-{name}.png"), full_page=True)
        with page.expect_navigation():
            page.locator('section[lang="en"] a.md-button').click()
        assert urlsplit(page.url).path == f"{BASE}en/"
        assert page.evaluate("document.documentElement.lang") == "en"
        assert errors == [], errors
    finally:
        context.close()


# ------------------------------------------------- no failing requests

READING = ["", "04-losses/cross-entropy/", "04-losses/notebook/", "reference/"]


def test_no_failing_request_while_reading_and_switching(browser, pages_server):
    context, page, responses, errors = _context(browser, 1280)
    try:
        for path in READING:
            for prefix in ("", "en/"):
                page.goto(pages_server + prefix + path)
                page.wait_for_load_state("load")
        page.goto(pages_server + READING[1])
        for lang in ("en", "ko"):
            page.locator(".md-header__option .md-select").hover()
            with page.expect_navigation():
                page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
            assert page.evaluate("document.documentElement.lang") == lang
        page.wait_for_timeout(500)          # late requests (Material's XHRs)
        assert len(responses) > 50, len(responses)
        failed = [(s, u) for s, u in responses if s >= 400]
        assert failed == [], failed
        assert not [u for _, u in responses if "sitemap.xml" in u]
        assert errors == [], errors
    finally:
        context.close()


def test_pages_carry_no_head_language_links(site):
    """What made Material fetch <twin page>/sitemap.xml (booksite/hooks/languages.py)."""
    for path in [site.root / "404.html", *site.root.rglob("index.html")]:
        html = path.read_text("utf-8")
        assert not re.search(r'<link rel="alternate" href="[^"]*" hreflang=', html), path


def test_sitemap_only_when_published(site):
    sitemap = site.root / "sitemap.xml"
    if SITE_URL is None:
        assert not sitemap.exists()      # it would list "None/..." addresses
        return
    xml = sitemap.read_text("utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", xml)
    assert locations and all(loc.startswith(SITE_URL) for loc in locations)
    assert f"<loc>{SITE_URL}en/04-losses/cross-entropy/</loc>" in xml
    # Search engines get each page's language pairs here.
    assert re.search(r'hreflang="en" href="' + re.escape(SITE_URL) + "en/", xml)


# ---------------------------------------------- where each page comes from

def _built(site, source):
    language = language_of(source)
    html = (site.root / page_url(source, language) / "index.html").read_text("utf-8")
    return language, html


def test_every_page_links_its_own_source_for_editing(site):
    repo = mkdocs_config()["extra"]["book_repo"]
    assert "repo_url" not in mkdocs_config()          # no GitHub API calls
    titles = {"ko": "이 페이지를 편집", "en": "Edit this page"}
    for source in SOURCES:
        language, html = _built(site, source)
        links = re.findall(r'<a href="([^"]*)" title="([^"]*)" '
                           r'class="md-content__button md-icon" rel="edit">', html)
        rel = source.relative_to(ROOT).as_posix()
        expected = f"https://github.com/{repo['slug']}/edit/{repo['branch']}/{rel}"
        assert links == [(expected, titles[language])], (rel, links)
        assert 'data-md-component="source"' not in html


def _committed(source):
    """The day `source` last changed in git (the author's), or None."""
    command = ["git", "log", "-1", "--format=%ad", "--date=short", "--", str(source)]
    try:
        out = subprocess.run(command, cwd=ROOT, capture_output=True, text=True).stdout
    except OSError:
        return None
    return date.fromisoformat(out.strip()) if out.strip() else None


def test_every_page_shows_its_last_update_in_its_language(site):
    forms = {"ko": r"\d{4}년 \d{1,2}월 \d{1,2}일", "en": r"[A-Z][a-z]+ \d{1,2}, \d{4}"}
    today = datetime.now(timezone.utc).date()
    for source in SOURCES:
        language, html = _built(site, source)
        rel = source.relative_to(DOCS).as_posix()
        aside = re.search(r'<aside class="md-source-file">(.*?)</aside>', html, re.S)
        assert aside, rel
        found = re.findall(r'<time datetime="([\d-]+)">([^<]+)</time>', aside.group(1))
        assert len(found) == 1, (rel, found)
        day, text = date.fromisoformat(found[0][0]), found[0][1]
        assert re.fullmatch(forms[language], text), (rel, text)
        assert text == format_date(day, "long", locale=language), (rel, text)
        # The file's last commit; the build date for one not committed yet.
        committed = _committed(source)
        if committed is not None:
            assert day == committed, (rel, day, committed)
        else:
            assert today - timedelta(days=1) <= day <= today, (rel, day)


def test_last_changes_reads_one_log_and_needs_no_git(tmp_path):
    pagesource = _load_hook("pagesource")
    assert pagesource.last_changes(tmp_path) == ({}, False)     # no repository
    docs = tmp_path / "docs"
    docs.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)

    def commit(name, text, when):
        (docs / name).write_text(text, encoding="utf-8")
        subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
        subprocess.run([*git, "commit", "-q", "-m", name, "--date", when], cwd=tmp_path,
                       check=True, env=dict(os.environ, GIT_COMMITTER_DATE=when))

    commit("a.ko.md", "a", "2024-03-01T10:00:00+09:00")
    commit("b.en.md", "b", "2025-05-02T23:30:00+09:00")
    commit("a.ko.md", "a, edited", "2025-06-03T08:00:00+09:00")
    (docs / "draft.md").write_text("not committed", encoding="utf-8")
    changed, shallow = pagesource.last_changes(docs)
    # The author's own day (KST here), not UTC's.
    assert changed == {"a.ko.md": date(2025, 6, 3), "b.en.md": date(2025, 5, 2)}
    assert shallow is False
