"""The essay (docs/essay/): length, parallel structure, and its references.

The essay is prose, so it is measured like the chapters (tests/site/
test_chapters.py's `prose()`: code, inline code, math and headings removed),
but without its front matter and without its references section, which is a
list of titles and addresses rather than essay text.

Bounds: the book asks for 2,500 to 4,000 English words. Korean carries about
two Hangul syllables per English word in this book's chapters; 1.6 per word
leaves room for a terser Korean sentence while still failing a Korean text
that drops whole paragraphs of the argument (a missing section is also
caught by the heading comparison below).
"""

import html
import re
from urllib.parse import urlsplit

import pytest
import yaml

from sitesource import DOCS, HANGUL, mkdocs_config, page_url
from test_chapters import prose

ESSAY = DOCS / "essay"
KOREAN = sorted(ESSAY.glob("*.ko.md"))
ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
REFERENCES = {"ko": "참고 자료", "en": "References"}
HEADING = re.compile(r"^## (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)
URL = re.compile(r"<(https?://[^>\s]+)>")
PLACEHOLDER_HOSTS = re.compile(
    r"(^|\.)(example\.(com|org|net)|localhost|invalid|test)$|^127\.|^0\.0\.0\.0$")
# Document mirrors, content farms and blogs that repost other people's work:
# a reference names the primary source (or the authoritative secondary one
# that was read), never one of these.
MIRROR_HOSTS = (
    "vdocuments.mx", "vdocuments.net", "vdocuments.site", "docslib.org",
    "gluedideas.com", "mreligion.com", "tapesearch.com", "careerplanner.com",
    "terrymcgarty.blogspot.com", "scribd.com", "studylib.net", "coursehero.com",
    "pdfcoffee.com", "dokumen.pub", "dokumen.tips", "documents.pub",
    "fdocuments.net", "fdocuments.in", "pdfslide.net", "vbook.pub",
    "idoc.pub", "docplayer.net", "pdfprof.com", "doczz.net", "docstoc.com",
    "slideshare.net", "academia.edu", "yumpu.com", "issuu.com", "epdf.pub",
    "silo.pub", "kupdf.net", "careersdocbox.com", "123helpme.com",
    "ukessays.com", "bartleby.com", "studymode.com", "ipl.org",
)
# A reference may give a plain-http address only if it says the host has
# nothing else ("http only" / "http만").
HTTP_ONLY = {"ko": "http만", "en": "http only"}


def english(path):
    return path.with_name(path.name.replace(".ko.md", ".en.md"))


def split(path, language):
    """(essay text, references section) of a page, front matter removed."""
    text = FRONT_MATTER.sub("", path.read_text("utf-8"), count=1)
    found = re.search(rf"^## {REFERENCES[language]}\b.*$", text, re.M)
    assert found, f"{path.name}: no '## {REFERENCES[language]}' section"
    return text[:found.start()], text[found.start():]


def english_words():
    return sum(len(ENGLISH_WORD.findall(prose(split(english(p), "en")[0])))
               for p in KOREAN)


def hangul_syllables():
    return sum(len(HANGUL.findall(prose(split(p, "ko")[0]))) for p in KOREAN)


def test_the_essay_has_two_or_three_pages():
    assert 2 <= len(KOREAN) <= 3, KOREAN
    assert all(english(p).is_file() for p in KOREAN)


def test_english_length_is_within_the_brief():
    words = english_words()
    assert 2500 <= words <= 4000, f"{words} English words"


def test_korean_carries_the_same_substance():
    words, syllables = english_words(), hangul_syllables()
    assert syllables >= 1.6 * words, f"{syllables} Hangul syllables for {words} words"


def test_english_essay_has_no_hangul():
    for path in KOREAN:
        assert not HANGUL.search(english(path).read_text("utf-8")), english(path).name


@pytest.mark.parametrize("path", KOREAN, ids=lambda p: p.name)
def test_both_languages_have_the_same_sections(path):
    ko = HEADING.findall(FRONT_MATTER.sub("", path.read_text("utf-8")))
    en = HEADING.findall(FRONT_MATTER.sub("", english(path).read_text("utf-8")))
    assert len(ko) == len(en), (ko, en)
    assert ko[-1] == REFERENCES["ko"] and en[-1] == REFERENCES["en"]


@pytest.mark.parametrize("path", KOREAN, ids=lambda p: p.name)
def test_references_list_the_same_real_addresses(path):
    ko = URL.findall(split(path, "ko")[1])
    en = URL.findall(split(english(path), "en")[1])
    assert ko, f"{path.name}: references list no address"
    assert ko == en, "the two languages cite different sources or orders"
    assert len(set(ko)) == len(ko), "a source is listed twice"
    for url in ko:
        parts = urlsplit(url)
        host = parts.hostname or ""
        assert parts.scheme in ("http", "https") and "." in host.strip("."), url
        assert not PLACEHOLDER_HOSTS.search(host.rstrip(".")), url
        assert not re.search(r"\.\.\.|…|TODO|XXX", url), url


def test_every_address_in_the_text_is_in_the_references():
    """A source named by address anywhere on a page is listed at its end."""
    for path in KOREAN:
        for page, language in ((path, "ko"), (english(path), "en")):
            body, references = split(page, language)
            cited = set(URL.findall(references))
            assert set(URL.findall(body)) <= cited, page.name


def test_essay_is_in_the_navigation_and_the_preface():
    nav = yaml.safe_dump(mkdocs_config()["nav"], allow_unicode=True)
    for path in KOREAN:
        assert f"essay/{path.name.replace('.ko.md', '.md')}" in nav
    translations = next(p["i18n"] for p in mkdocs_config()["plugins"]
                        if isinstance(p, dict) and "i18n" in p)
    english_nav = next(l for l in translations["languages"] if l["locale"] == "en")
    section = next(k for k in english_nav["nav_translations"] if "에세이" in k)
    assert not HANGUL.search(english_nav["nav_translations"][section])
    for preface in (DOCS / "index.ko.md", DOCS / "index.en.md"):
        assert "](essay/index.md)" in preface.read_text("utf-8"), preface.name


def test_built_pages_link_every_reference(site):
    for path in KOREAN:
        for language, page in (("ko", path), ("en", english(path))):
            built = site.page(page_url(page, language))
            for url in URL.findall(split(page, language)[1]):
                assert f'href="{html.escape(url)}"' in built, (page.name, url)


def reference_items(page, language):
    """The list items of a page's references section, one string each."""
    section = split(page, language)[1]
    return [line for line in section.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("path", KOREAN, ids=lambda p: p.name)
def test_references_are_https_or_marked_http_only(path):
    for page, language in ((path, "ko"), (english(path), "en")):
        for item in reference_items(page, language):
            for url in URL.findall(item):
                if urlsplit(url).scheme == "https":
                    continue
                assert HTTP_ONLY[language] in item, (page.name, url)


@pytest.mark.parametrize("path", KOREAN, ids=lambda p: p.name)
def test_no_reference_is_from_a_mirror_host(path):
    for page, language in ((path, "ko"), (english(path), "en")):
        for url in URL.findall(split(page, language)[1]):
            host = (urlsplit(url).hostname or "").lower().rstrip(".")
            for mirror in MIRROR_HOSTS:
                assert host != mirror and not host.endswith("." + mirror), (
                    page.name, url)
