"""Every page and notebook exists in Korean and English, as true twins.

static-i18n would quietly serve a Korean page under /en/ when the English one
is missing (fallback_to_default is off in mkdocs.yml, and these tests check
the sources and the built site directly).
"""

import posixpath
import re

import pytest

from sitesource import (DOCS, SITE_LANGUAGES, fences, includes, language_of,
                        notebook_cells, page_url, pages, twin_of)

SOURCES = pages(".md") + pages(".ipynb")
KOREAN = [p for p in SOURCES if language_of(p) == "ko"]


def _id(path):
    return path.relative_to(DOCS).as_posix()


def test_there_are_pages_and_notebooks():
    assert any(p.suffix == ".md" for p in KOREAN)
    assert any(p.suffix == ".ipynb" for p in KOREAN)


@pytest.mark.parametrize("source", SOURCES, ids=_id)
def test_every_source_names_its_language_and_has_a_twin(source):
    language = language_of(source)
    assert language in SITE_LANGUAGES, (
        f"{_id(source)}: name pages page.ko.md / page.en.md (or .ipynb)")
    for other in SITE_LANGUAGES:
        assert twin_of(source, other).is_file(), (
            f"{_id(source)} has no {other} twin {_id(twin_of(source, other))}")


@pytest.mark.parametrize("source", [p for p in KOREAN if p.suffix == ".md"], ids=_id)
def test_twins_include_the_same_sections_and_show_the_same_code(source):
    english = twin_of(source, "en")
    ko_text = source.read_text(encoding="utf-8")
    en_text = english.read_text(encoding="utf-8")
    assert [i.target for i in includes(ko_text)] == \
        [i.target for i in includes(en_text)]
    # Code a reader sees is English and identical in both editions; only
    # hidden build-time blocks (figure labels, messages) may differ.
    shown = [[f.code for f in fences(text) if f.shown]
             for text in (ko_text, en_text)]
    assert shown[0] == shown[1]
    # Same number of build-time blocks (figures, checks) in both.
    assert len(fences(ko_text)) == len(fences(en_text))


@pytest.mark.parametrize("source", [p for p in KOREAN if p.suffix == ".ipynb"], ids=_id)
def test_notebook_twins_have_identical_code_cells(source):
    code = [[c["source"] for c in notebook_cells(path) if c["cell_type"] == "code"]
            for path in (source, twin_of(source, "en"))]
    assert code[0] == code[1]
    kinds = [[c["cell_type"] for c in notebook_cells(path)]
             for path in (source, twin_of(source, "en"))]
    assert kinds[0] == kinds[1]


@pytest.mark.parametrize("source", KOREAN, ids=_id)
def test_built_twins_link_to_each_other(site, source):
    ko_url, en_url = page_url(source, "ko"), page_url(source, "en")
    for url, twin_url, lang in ((ko_url, en_url, "en"), (en_url, ko_url, "ko")):
        html = site.page(url)
        links = re.findall(rf'<a href="([^"]*)" hreflang="{lang}" class="md-select__link"', html)
        assert len(links) == 1, f"{url}: no switcher link to {lang}"
        target = posixpath.normpath(posixpath.join("/" + url, links[0]))
        assert target.rstrip("/") == ("/" + twin_url).rstrip("/"), (url, links[0])


def test_english_pages_are_built_from_english_sources(site):
    """No fallback: /en/ pages carry the English H1 of their own source."""
    for source in KOREAN:
        english = twin_of(source, "en")
        if english.suffix == ".md":
            h1 = re.search(r"^# (.+)$", english.read_text(encoding="utf-8"), re.M).group(1)
        else:
            first_md = next(c for c in notebook_cells(english) if c["cell_type"] == "markdown")
            h1 = re.search(r"^# (.+)$", "".join(first_md["source"]), re.M).group(1)
        html = site.page(page_url(english, "en"))
        assert h1.split(":")[0] in html, (_id(english), h1)

