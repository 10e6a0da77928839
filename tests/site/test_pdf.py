"""The book as one PDF per language (booksite/pdf.py, `make pdf`).

Both PDFs are printed once for this module from the session's online site
(the `site` fixture: no further build) into a temporary folder and read
back with poppler-utils (pdfinfo, pdftotext), as a reader's viewer shows
them:

* a sane page count: between 100 and 500 pages each (edition 0.3.1 prints
  about 210 pages in Korean and 225 in English); a print that lost its
  chapters falls far below, a layout gone wrong (a page per line) above;
* the cover names the edition (`nnbook.__version__`);
* the chapter titles of mkdocs.yml's nav, in Korean in the Korean PDF and
  in English (its nav_translations) in the English one, each listed in the
  contents with the page it starts on; Hangul throughout the Korean PDF;
* no raw TeX in either: no `$$`, `\\(`, `\\[` or TeX command
  (`\\frac`, `\\sum`, `\\mathbf`, ...) in the text, and rendered math
  symbols present; no HTML tags shown as text either;
* page numbers: every page after the cover ends with its own number, and
  the cover has none;
* no API reference (mkdocstrings' "Parameters:" sections) and no notebook
  (their titles, read from the built site, and their install cell).

Without poppler-utils the test fails and says how to install it; without
Chromium it skips (fails under CI=true), as tests/site/test_browser.py does.
"""

import importlib.util
import os
import re
import shutil
import subprocess

import pytest

from sitesource import HANGUL, ROOT, mkdocs_config, plugin_config

PAGES = (100, 500)
CHAPTER = re.compile(r"^\d+장\. ")
RAW_TEX = re.compile(r"\$\$|\\[()\[\]]|\\[A-Za-z]{2,}")
# "\n" and friends are code, not TeX; a TeX command has two letters or more.
RAW_HTML = re.compile(r'<[a-z]+ class="')       # markup a page printed as text


def _load_tool():
    from booksite import pdf
    return pdf


@pytest.fixture(scope="module")
def pdfs(site, tmp_path_factory):
    """{language: (path, [text of each page], [layout text of each page])}."""
    missing = [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: the PDF test reads the PDFs with "
                    f"poppler-utils (apt-get install poppler-utils; .ci/run does)")
    tool = _load_tool()
    reason = None
    if importlib.util.find_spec("playwright") is None:
        reason = "playwright is not installed (pip install -e '.[docs]')"
    elif tool.chromium() is None:
        reason = "chromium is not installed: apt-get install chromium fonts-noto-cjk"
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the PDF test cannot run under CI: {reason}")
        pytest.skip(reason)
    written = tool.make_pdfs(site.root, tmp_path_factory.mktemp("pdf"))
    assert sorted(written) == ["en", "ko"], written
    return {language: (path, _pages(path), _pages(path, "-layout"))
            for language, path in written.items()}


def _pages(path, *options):
    text = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]          # every page ends with a form feed


def _flat(text):
    return re.sub(r"\s+", " ", text).strip()


def chapter_titles(language):
    """The chapter sections of mkdocs.yml's nav, in `language`."""
    korean = [next(iter(item)) for item in mkdocs_config()["nav"]
              if CHAPTER.match(next(iter(item)))]
    if language == "ko":
        return korean
    english = next(entry for entry in plugin_config("i18n")["languages"]
                   if entry["locale"] == language)["nav_translations"]
    return [english[title] for title in korean]


def _pdfinfo_pages(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


@pytest.mark.parametrize("language", ["ko", "en"])
def test_page_count_and_cover(pdfs, language):
    path, pages, _ = pdfs[language]
    count = _pdfinfo_pages(path)
    print(f"{path.name}: {count} pages, {path.stat().st_size / 1e6:.1f} MB")
    assert PAGES[0] <= count <= PAGES[1], count
    assert len(pages) == count
    init = (ROOT / "src" / "nnbook" / "__init__.py").read_text("utf-8")
    version = re.search(r'^__version__ = "([^"]+)"', init, re.M).group(1)
    assert f"nnbook {version}" in _flat(pages[0])


@pytest.mark.parametrize("language", ["ko", "en"])
def test_chapters_in_order_with_their_pages_in_the_contents(pdfs, language):
    path, pages, layout = pdfs[language]
    titles = chapter_titles(language)
    assert len(titles) >= 10
    # The contents: the pages before the first chapter's.
    starts = []
    for title in titles:
        words = r"\s+".join(map(re.escape, title.split()))
        listed = [int(m.group(1)) for page in layout[1:8]
                  for m in re.finditer(rf"^\s*{words}\s+(\d+)\s*$", page, re.M)]
        assert listed, f"{title!r} not in the contents of {path.name}"
        number = listed[0]
        assert _flat(pages[number - 1]).startswith(title), (
            f"the contents says {title!r} starts on page {number}, which begins "
            f"{_flat(pages[number - 1])[:80]!r}")
        starts.append(number)
    assert starts == sorted(starts), starts


def test_each_language_in_its_own_pdf(pdfs):
    korean = "".join(pdfs["ko"][1])
    english = "".join(pdfs["en"][1])
    assert len(HANGUL.findall(korean)) > 20_000
    for title in chapter_titles("ko"):
        assert title not in _flat(english)
    for title in chapter_titles("en"):
        assert title not in _flat(korean)
    # English pages are English: Hangul is at most a quoted term here and there.
    assert len(HANGUL.findall(english)) < len(HANGUL.findall(korean)) / 20


@pytest.mark.parametrize("language", ["ko", "en"])
def test_math_is_rendered_and_no_markup_is_raw(pdfs, language):
    path, pages, _ = pdfs[language]
    raw = [(number, match.group(0)) for number, page in enumerate(pages, 1)
           for match in RAW_TEX.finditer(page)]
    assert raw == [], f"raw TeX in {path.name} (page, text): {raw[:10]}"
    markup = [(number, match.group(0)) for number, page in enumerate(pages, 1)
              for match in RAW_HTML.finditer(page)]
    assert markup == [], f"HTML shown as text in {path.name} (page, text): {markup[:10]}"
    text = "".join(pages)
    for symbol in "∑∂η←":
        assert symbol in text, f"no rendered {symbol} in {path.name}"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_page_numbers_in_the_footer(pdfs, language):
    path, _, layout = pdfs[language]
    last_lines = [next((line.strip() for line in reversed(page.splitlines())
                        if line.strip()), "") for page in layout]
    assert last_lines[0] != "1", "the cover has a page number"
    wrong = [(number, line) for number, line in enumerate(last_lines[1:], 2)
             if line != str(number)]
    assert wrong == [], f"pages of {path.name} not ending with their number: {wrong[:10]}"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_api_reference_and_no_notebooks(pdfs, site, language):
    path, pages, _ = pdfs[language]
    text = _flat("".join(pages))
    assert "Parameters:" not in text           # mkdocstrings' sections
    assert "google.colab" not in text          # every notebook's install cell
    prefix = "" if language == "ko" else f"{language}/"
    notebooks = sorted((site.root / prefix).glob("*/notebook/index.html"))
    assert len(notebooks) >= 10
    for notebook in notebooks:
        title = re.search(r"<h1[^>]*>(.*?)<", notebook.read_text("utf-8"), re.S).group(1)
        assert _flat(title) not in text, f"{path.name} holds the notebook {title!r}"
