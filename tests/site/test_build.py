"""The built site: strict build, both languages, mechanisms, nothing third-party."""

import re
from html.parser import HTMLParser

import pytest

from sitesource import (DOCS, HANGUL, ROOT, SITE_LANGUAGES, extension_config,
                        language_of, mkdocs_config, page_url, pages,
                        plugin_config)

SOURCES = pages(".md") + pages(".ipynb")


class Tags(HTMLParser):
    """Start tags with their attributes, and the text of <article>."""

    def __init__(self):
        super().__init__()
        self.tags, self.article, self._depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "article" or self._depth:
            self._depth += 1

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.article.append(data)


def parse(html):
    parser = Tags()
    parser.feed(html)
    return parser


def test_strict_build_passed_without_warnings(site):
    assert site.returncode == 0
    # Each problem with what follows it: a bare "ERROR" line says nothing.
    problems = [site.log[m.start():m.start() + 800]
                for m in re.finditer(r"^(?:WARNING|ERROR)\b", site.log, re.M)]
    assert not problems, "\n---\n".join(problems)


def test_korean_at_root_english_under_en(site):
    assert (site.root / "index.html").is_file()
    assert (site.root / "en" / "index.html").is_file()
    for source in SOURCES:
        language = language_of(source)
        html = site.page(page_url(source, language))
        assert f'<html lang="{language}"' in html, source
        article = "".join(parse(html).article)
        hangul = len(HANGUL.findall(article))
        if language == "ko":
            assert hangul > 50, f"{source}: Korean page with {hangul} Hangul"
        elif "glossary" not in source.parts:     # the glossary pairs terms
            assert hangul == 0, f"{source}: English page shows Hangul"


def test_config_keeps_the_required_settings():
    config = mkdocs_config()
    assert config["theme"]["font"] is False            # no Google Fonts
    assert "repo_url" not in config                      # no GitHub API call
    assert extension_config("pymdownx.snippets")["check_paths"] is True
    assert plugin_config("mkdocs-jupyter")["allow_errors"] is False
    assert plugin_config("mkdocs-jupyter")["execute"] is True
    assert plugin_config("i18n")["fallback_to_default"] is False
    assert "content.code.copy" in config["theme"]["features"]
    schemes = {p["scheme"] for p in config["theme"]["palette"]}
    assert schemes == {"default", "slate"}                 # light/dark toggle


def test_chapter_page_uses_every_mechanism(site):
    for language in SITE_LANGUAGES:
        html = site.page(page_url(DOCS / "04-losses" / f"cross-entropy.{language}.md",
                                  language))
        tags = parse(html).tags
        # Listings titled with their source file.
        titles = re.findall(r'<span class="filename">([^<]+)</span>', html)
        assert "src/nnbook/losses.py" in titles and "src/nnbook/encoding.py" in titles
        # Content tabs nnbook | Keras, admonitions, math, a figure.
        assert re.search(r'<div class="tabbed-set tabbed-alternate"', html)
        assert re.search(r'<label for="__tabbed_\d+_2">Keras</label>', html)
        assert html.count('class="admonition') >= 3
        assert html.count('class="arithmatex"') >= 5
        figures = [attrs for tag, attrs in tags if tag == "img"
                   and "assets/figures/" in attrs.get("src", "")]
        assert len(figures) == 1
        assert figures[0].get("loading") == "lazy"
        alt = figures[0].get("alt", "")
        assert len(alt) > 40
        assert bool(HANGUL.search(alt)) == (language == "ko"), alt
        # The build-time comparison with Keras came out equal.
        assert 'class="admonition success"' in html
        # Outputs were produced at build: the loss of the example is printed.
        assert "1.056695220232923" in html and "16.11809565095832" in html


def test_korean_figure_labels_are_hangul(site):
    """Labels are SVG text in the page's language (booksite/pages/bookfig.py)."""
    import html as html_module
    import posixpath

    for language in SITE_LANGUAGES:
        url = page_url(DOCS / "04-losses" / f"cross-entropy.{language}.md", language)
        src = re.search(r'<img src="([^"]*assets/figures/[^"]+\.svg)"',
                        site.page(url)).group(1)
        svg = (site.root / posixpath.normpath(posixpath.join(url, src))).read_text(
            encoding="utf-8")
        labels = [html_module.unescape(t).strip()
                  for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
        hangul_labels = [label for label in labels if HANGUL.search(label)]
        if language == "ko":
            assert "정답 클래스에 준 확률 p" in labels, labels
            assert len(hangul_labels) >= 4
        else:
            assert labels and not hangul_labels
        assert "Malgun Gothic" in svg and "<path" in svg


def test_api_reference_from_docstrings(site):
    for language in SITE_LANGUAGES:
        html = site.page(page_url(DOCS / "reference" / f"index.{language}.md",
                                  language))
        assert 'id="nnbook.losses.categorical_crossentropy"' in html
        assert "Categorical cross-entropy: -sum_k y_k log p_k" in html
        intro = html.split('class="doc doc-object', 1)[0]
        article_intro = "".join(parse(intro).article)
        assert bool(HANGUL.search(article_intro)) == (language == "ko")


LOCAL = re.compile(r"^(?!(?:[a-z][a-z0-9+.-]*:)?//)(?!https?:)")
EXTERNAL_OK_IN = {"a"}      # links may point elsewhere; nothing is fetched


@pytest.mark.parametrize("attribute", ["src", "href", "srcset", "poster", "data"])
def test_no_third_party_resources_in_html(site, attribute):
    offenders = []
    for path in site.root.rglob("*.html"):
        for tag, attrs in parse(path.read_text(encoding="utf-8")).tags:
            value = attrs.get(attribute)
            if value is None or tag in EXTERNAL_OK_IN:
                continue
            if value.startswith("data:") or LOCAL.match(value):
                continue
            offenders.append((path.relative_to(site.root).as_posix(), tag, value))
    assert not offenders


def test_no_third_party_urls_in_styles_and_scripts(site):
    pattern = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]|import\(\s*['"])(?:https?:)?//""")
    offenders = []
    for path in list(site.root.rglob("*.css")) + list(site.root.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [(path.relative_to(site.root).as_posix(), m.group(0))
                      for m in pattern.finditer(text)]
    assert not offenders
    for path in site.root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "mathjax" not in text.lower()


def test_katex_is_self_hosted():
    katex = ROOT / "docs" / "assets" / "katex"
    css = (katex / "katex.min.css").read_text(encoding="utf-8")
    woff2 = set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css))
    assert woff2, "KaTeX CSS lists no woff2 fonts"
    assert all((katex / font).is_file() for font in woff2)
    assert (katex / "LICENSE").is_file() and (katex / "katex.min.js").is_file()


def test_korean_prose_wraps_by_words():
    css = (ROOT / "docs" / "assets" / "stylesheets" / "nnbook.css").read_text()
    rule = re.search(r'html\[lang="ko"\] \.md-typeset\s*\{([^}]*)\}', css)
    assert rule and "word-break: keep-all" in rule.group(1)
