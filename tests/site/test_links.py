"""Every internal link and anchor of the built site resolves, in both languages.

Each HTML page of the session's build is parsed (stdlib html.parser). Every
relative URL in `a[href]`, `link[href]`, `img[src|srcset]`, `script[src]`,
`source[src|srcset]`, `iframe[src]` must name a file of the built site (a
URL ending in `/` names its `index.html`), and every `#fragment`, on the
same page or on another one, must be an `id` (or an `a[name]`) of the page
it points to. All broken links are reported at once, with their page.

What is not resolved as a file, and why (nothing else is skipped):

* `#` alone: the top of the same page (Material's logo and "back to top").
* `data:` URIs (Material inlines small SVG icons) and `javascript:` URLs
  name no file.
* external http(s)/mailto URLs are never fetched, only collected; they may
  appear only in `<a href>`: a stylesheet, script, image or frame from
  another host would be a third-party request (the browser test checks the
  requests themselves).
* root-relative URLs (`/x/`) are errors: the site is published under a
  sub-path on GitHub Pages (/<repo>/), where they would miss. The exception
  is 404.html, which the server returns at any depth, so MkDocs writes its
  links from the path of `site_url`: there they must start with that path.
  Absolute URLs under `site_url` itself (canonical links, the 404 page's)
  are checked like relative ones. `site_url` is unset locally; the deploy
  sets it through NNBOOK_SITE_URL (mkdocs.yml), and so can a test run.

The offline edition (the `offline` fixture: booksite/offline.py's zip, unpacked)
is checked the same way, plus one rule of file://: a link to a folder
(`x/`, `.`) shows a directory listing there, not its index.html.
"""

import os
import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

# Attributes that hold a URL, per tag.
URL_ATTRIBUTES = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "iframe": ("src",),
}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.urls = []          # (tag, value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for attribute in URL_ATTRIBUTES.get(tag, ()):
            value = attrs.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                self.urls += [(tag, c.split()[0]) for c in value.split(",") if c.strip()]
            else:
                self.urls.append((tag, value.strip()))

    handle_startendtag = handle_starttag


def _parse(path):
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


class _Site:
    """The parsed pages of a built site, keyed by path relative to its root."""

    def __init__(self, root, site_url=None, file_urls=False):
        self.root, self.file_urls = root, file_urls
        self.site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
        self.site_path = urlsplit(self.site_url or "/").path or "/"
        self.pages = {p.relative_to(root).as_posix(): _parse(p)
                      for p in sorted(root.rglob("*.html"))}

    def _file(self, page, path):
        """Site-relative file that `path` (relative to `page`) names, or None."""
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))
        if joined == "." or path.endswith("/"):
            joined = posixpath.join("" if joined == "." else joined, "index.html")
        if joined == ".." or joined.startswith("../"):
            return None                                  # leaves the site
        return joined if (self.root / joined).is_file() else None

    def _problem(self, page, tag, url):
        """What is wrong with `url` on `page` (None if fine, "external")."""
        if self.site_url and url.startswith(self.site_url):
            if self.file_urls:
                return "external"       # the offline edition names the online one
            page, url = "index.html", url[len(self.site_url):] or "./"
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "mailto"):
            if tag != "a":
                return f"<{tag}> loads from a third-party host"
            return "external" if (parts.hostname or parts.scheme == "mailto") else "no host"
        if parts.scheme in ("data", "javascript"):
            return None
        if parts.scheme or parts.netloc:
            return f"unexpected scheme {parts.scheme!r}"
        path = parts.path
        if path.startswith("/"):
            if page != "404.html":
                return "root-relative: breaks under the Pages sub-path"
            if not path.startswith(self.site_path):
                return f"404.html link outside site_url's path {self.site_path}"
            page, path = "index.html", path[len(self.site_path):] or "./"
        if self.file_urls and path and (path.endswith("/") or path in (".", "..")):
            return "folder link: file:// shows no index.html"
        target = self._file(page, path) if path else page
        if target is None:
            return "no such file in the site"
        fragment = unquote(parts.fragment)
        if not fragment:
            return None
        if target not in self.pages:
            return "fragment on a non-HTML file"
        if fragment not in self.pages[target].ids:
            return f"no id {fragment!r} in {target}"
        return None

    def check(self):
        """(broken, external): [(page, tag, url, problem)], [(page, url)]."""
        broken, external = [], []
        for page, parsed in self.pages.items():
            for tag, url in parsed.urls:
                problem = self._problem(page, tag, url)
                if problem == "external":
                    external.append((page, url))
                elif problem is not None:
                    broken.append((page, tag, url, problem))
        return broken, external


@pytest.fixture(scope="module")
def checked(site):
    parsed = _Site(site.root, os.environ.get("NNBOOK_SITE_URL") or None)
    return parsed, *parsed.check()


@pytest.fixture(scope="module")
def checked_offline(offline):
    parsed = _Site(offline.root, os.environ.get("NNBOOK_SITE_URL") or None,
                   file_urls=True)
    return parsed, *parsed.check()


def _report(broken, where=""):
    return (f"{len(broken)} broken link(s){where}:\n"
            + "\n".join(f"  {page}: <{tag}> {url} -- {problem}"
                        for page, tag, url, problem in broken))


def test_every_internal_link_and_anchor_resolves(checked):
    _, broken, _ = checked
    assert broken == [], _report(broken)


def test_offline_edition_links_and_anchors_resolve(checked_offline):
    parsed, broken, _ = checked_offline
    assert len(parsed.pages) >= 30, len(parsed.pages)
    assert broken == [], _report(broken, " in the offline edition")


def test_both_languages_were_checked(checked):
    """Guard against checking nothing: both trees have pages and anchors."""
    parsed, _, external = checked
    english = {p.removeprefix("en/") for p in parsed.pages if p.startswith("en/")}
    korean = {p for p in parsed.pages if not p.startswith("en/")}
    assert len(english) >= 15, sorted(english)
    # The same pages on both sides (404.html exists once, at the root).
    assert english == korean - {"404.html"}
    for language, prefix in (("ko", ""), ("en", "en/")):
        pages = [p for name, p in parsed.pages.items()
                 if (name.startswith("en/")) == (prefix == "en/")]
        fragments = sum(1 for p in pages for _, url in p.urls if urlsplit(url).fragment)
        assert fragments > 100, (language, fragments)
    # Collected, not fetched: the notebook pages link Colab.
    assert any("colab.research.google.com" in url for _, url in external)


def test_checker_catches_broken_links(tmp_path):
    """The checker itself: each kind of broken link is reported, good ones are not."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a name="old"></a><a href="#">top</a>'
        '<a href="#here">ok</a><a href="#old">ok</a><a href="../b/#there">ok</a>'
        '<a href="../">ok</a><img src="../pic.png" srcset="../pic.png 2x">'
        '<link rel="canonical" href="https://o.github.io/r/a/">'
        '<a href="https://github.com/x">ext</a><img src="data:image/png;base64,AA">'
        '<a href="#gone">bad</a><a href="../missing/">bad</a><a href="../pic.png#x">bad</a>'
        '<a href="/b/">bad</a><a href="../b/#nope">bad</a><a href="../../up/">bad</a>'
        '<script src="https://cdn.example/x.js"></script>'
        '<link rel="alternate" href="https://o.github.io/r/gone/">',
        encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<p id="there"></p>', encoding="utf-8")
    (tmp_path / "index.html").write_text("<p></p>", encoding="utf-8")
    (tmp_path / "pic.png").write_bytes(b"")
    # 404.html links from site_url's path: /r/ here.
    (tmp_path / "404.html").write_text(
        '<a href="/r/">ok</a><a href="/r/b/#there">ok</a>'
        '<a href="/b/">bad</a><a href="/r/gone/">bad</a>', encoding="utf-8")
    # As the offline edition: folder links are broken on file://.
    offline = [(page, url) for page, _, url, _ in _Site(tmp_path, file_urls=True).check()[0]]
    assert ("a/index.html", "../") in offline and ("404.html", "/r/") in offline
    broken, external = _Site(tmp_path, "https://o.github.io/r").check()
    assert sorted((page, url) for page, _, url, _ in broken) == [
        ("404.html", "/b/"), ("404.html", "/r/gone/"),
        ("a/index.html", "#gone"), ("a/index.html", "../../up/"),
        ("a/index.html", "../b/#nope"), ("a/index.html", "../missing/"),
        ("a/index.html", "../pic.png#x"), ("a/index.html", "/b/"),
        ("a/index.html", "https://cdn.example/x.js"),
        ("a/index.html", "https://o.github.io/r/gone/")]
    assert external == [("a/index.html", "https://github.com/x")]
