"""Translation freshness (booksite/translations.py).

Each page's translation records a hash of the source it was translated
from; the test fails as soon as the source changes without the translation
being updated and re-stamped. The tool itself is tested on copies in a
temporary folder, so a broken tool cannot make every page look fresh.
"""

import json
import shutil
import subprocess
import sys

import pytest

from booksite import translations
from sitesource import DOCS

PAIRS = list(translations.pairs())


def test_every_page_of_the_book_is_paired():
    assert len(PAIRS) >= 20, PAIRS
    names = {ko.relative_to(DOCS).as_posix() for ko, _ in PAIRS}
    assert {"index.ko.md", "04-losses/notebook.ko.ipynb"} <= names


@pytest.mark.parametrize("ko,en", PAIRS,
                         ids=[ko.relative_to(DOCS).as_posix() for ko, _ in PAIRS])
def test_translation_is_fresh(ko, en):
    translation, source, problem = translations.status(ko, en)
    assert problem is None, problem


# ------------------------------------------------------- the tool itself
@pytest.fixture
def book(tmp_path):
    """A copy of one Markdown pair and one notebook pair, already stamped."""
    for name in ["index.ko.md", "index.en.md"]:
        shutil.copy(DOCS / "03-why-a-loss" / name, tmp_path / name)
    for name in ["notebook.ko.ipynb", "notebook.en.ipynb"]:
        shutil.copy(DOCS / "03-why-a-loss" / name, tmp_path / name)
    return tmp_path


def test_a_changed_source_makes_its_translation_stale(book):
    ko, en = book / "index.ko.md", book / "index.en.md"
    assert translations.status(ko, en)[2] is None
    ko.write_text(ko.read_text("utf-8") + "\n새 문단입니다.\n", "utf-8")
    problem = translations.status(ko, en)[2]
    assert problem and "stale" in problem and "stamp" in problem
    translations.write_record(en, ko)
    assert translations.status(ko, en)[2] is None
    # Re-stamping replaces the record; it does not stack front matter.
    assert en.read_text("utf-8").count("translated_from:") == 1


def test_whitespace_at_line_ends_does_not_count(book):
    ko, en = book / "index.ko.md", book / "index.en.md"
    text = ko.read_text("utf-8")
    ko.write_text(text.replace("\n", "  \n"), "utf-8")
    assert translations.status(ko, en)[2] is None


def test_a_notebook_goes_stale_on_source_not_on_outputs(book):
    ko, en = book / "notebook.ko.ipynb", book / "notebook.en.ipynb"
    assert translations.status(ko, en)[2] is None
    notebook = json.loads(ko.read_text("utf-8"))
    code = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    ko.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), "utf-8")
    assert translations.status(ko, en)[2] is None
    markdown = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    markdown["source"] = ["바뀐 설명"]
    ko.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), "utf-8")
    assert "stale" in translations.status(ko, en)[2]


def test_a_pair_needs_exactly_one_record(book):
    ko, en = book / "index.ko.md", book / "index.en.md"
    translations.write_record(ko, en)          # now both carry one
    assert "both" in translations.status(ko, en)[2]
    en.write_text(translations._FRONT_MATTER.sub("", en.read_text("utf-8")), "utf-8")
    ko.write_text(translations._FRONT_MATTER.sub("", ko.read_text("utf-8")), "utf-8")
    assert "neither" in translations.status(ko, en)[2]


def test_the_source_can_be_english(tmp_path):
    """Whichever language was written first is the source."""
    (tmp_path / "page.en.md").write_text("# Written in English first\n", "utf-8")
    (tmp_path / "page.ko.md").write_text("# 영어에서 옮긴 페이지\n", "utf-8")
    translations.write_record(tmp_path / "page.ko.md", tmp_path / "page.en.md")
    translation, source, problem = translations.status(
        tmp_path / "page.ko.md", tmp_path / "page.en.md")
    assert (translation.name, source.name, problem) == (
        "page.ko.md", "page.en.md", None)


def test_status_command_finds_every_pair_fresh():
    result = subprocess.run(
        [sys.executable, "-m", "booksite.translations", "status"],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "STALE" not in result.stdout


def test_records_do_not_reach_the_reader(site):
    page = site.page("en/")
    assert "translated_from" not in page and "sha256" not in page


def test_diff_shows_what_changed_in_the_source_since_the_record(tmp_path, monkeypatch):
    """`diff` finds the committed source version with the recorded hash."""
    ko, en = tmp_path / "page.ko.md", tmp_path / "page.en.md"
    ko.write_text("# 제목\n\n첫 문단입니다.\n", "utf-8")
    en.write_text("# Title\n\nThe first paragraph.\n", "utf-8")
    translations.write_record(en, ko)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(tmp_path)]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "pages"], check=True)
    ko.write_text(ko.read_text("utf-8") + "\n둘째 문단입니다.\n", "utf-8")
    subprocess.run([*git, "commit", "-qam", "source grows"], check=True)
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    diff = translations.source_diff(en)
    assert "+둘째 문단입니다." in diff and "-첫 문단입니다." not in diff
