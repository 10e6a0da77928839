"""CONTRIBUTING in Korean and English: same structure, and nothing it names is made up.

A guide that sends a contributor to a make target, a file or a test that
does not exist is worse than none; these checks keep it true as the
repository changes.
"""

import re
from pathlib import Path

import pytest

from booksite import chapters as chapter_table

ROOT = Path(__file__).resolve().parent.parent
GUIDES = {"en": ROOT / "CONTRIBUTING.md", "ko": ROOT / "CONTRIBUTING.ko.md"}
TEXT = {lang: path.read_text("utf-8") for lang, path in GUIDES.items()}
SCAFFOLDED = ("convolution", "11-convolution", "<module>", "NN-name",
              "<page>", "convolve")


def headings(text):
    return [len(m.group(1)) for m in re.finditer(r"^(#{2,3}) ", text, re.M)]


def test_both_languages_have_the_same_outline():
    assert headings(TEXT["ko"]) == headings(TEXT["en"])
    assert len(headings(TEXT["en"])) >= 12


@pytest.mark.parametrize("lang", GUIDES)
def test_no_placeholder_is_left(lang):
    assert not re.findall(r"\b[A-Z]+_FINDINGS\b|\bTODO\b|\bTBD\b", TEXT[lang])


@pytest.mark.parametrize("lang", GUIDES)
def test_every_make_target_exists(lang):
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    named = set(re.findall(r"(?:^|`)make ([a-z-]+)", TEXT[lang], re.M))
    assert named and named <= targets, named - targets


@pytest.mark.parametrize("lang", GUIDES)
def test_every_file_it_names_exists(lang):
    paths = set(re.findall(
        r"`((?:src|tests|booksite|tools|docs|exercises|benchmarks|\.github)/[^`\s:]+)`",
        TEXT[lang]))
    paths |= set(re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", TEXT[lang]))
    missing = [p for p in paths
               if not any(s in p for s in SCAFFOLDED) and not (ROOT / p).exists()]
    assert len(paths) >= 10 and not missing, missing


@pytest.mark.parametrize("lang", GUIDES)
def test_every_test_it_names_exists(lang):
    tests = "\n".join(p.read_text("utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    for name in re.findall(r"`(test_[a-z_]+)`", TEXT[lang]):
        assert f"def {name}(" in tests, name


def test_the_anchor_into_the_author_guide_exists():
    guide = (ROOT / "docs" / "README.md").read_text("utf-8")
    slugs = {re.sub(r"[^a-z0-9 -]", "", h.lower()).strip().replace(" ", "-")
             for h in re.findall(r"^#+ (.+)$", guide, re.M)}
    for lang in GUIDES:
        for anchor in re.findall(r"docs/README\.md#([a-z0-9-]+)", TEXT[lang]):
            assert anchor in slugs, (lang, anchor, slugs)


def test_the_chapter_table_is_current():
    stale = [path.name for path in chapter_table.check()]
    assert not stale, f"{stale}: run python -m booksite.chapters --write"


def test_the_chapter_rows_say_what_the_chapters_hold():
    """Two chapters checked by hand against docs/, tests/ and exercises/."""
    rows = {row.number: row for row in chapter_table.chapters()}
    losses, backprop, training = rows[4], rows[6], rows[7]
    # Three pages, in nav order (not the alphabetical order of the files).
    assert losses.pages == ["index", "cross-entropy", "binary-crossentropy"]
    assert losses.titles == {"en": "Chapter 4. Implementing loss functions",
                             "ko": "4장. 손실 함수 구현"}
    # Only src/nnbook listings; the exercise solutions have their own column.
    assert list(losses.shows) == ["encoding.py", "losses.py"]
    assert losses.shows["encoding.py"] == ["one_hot", "to_indices"]
    assert {"test_losses.py", "test_losses_keras.py",
            "test_exercise_checkers_losses.py"} <= set(losses.tests)
    assert losses.solutions == ["ex1_label_smoothing.py", "ex2_weighted_bce.py"]
    assert losses.starters == ["ex1_label_smoothing_starter.py",
                               "ex2_weighted_bce_starter.py"]
    assert training.notebook and training.titles["en"].startswith("Chapter 7.")
    assert training.shows["optimizers.py"][:2] == ["SGD", "Adam"]
    assert "test_optimizers.py" in training.tests
    assert "test_exercise_checkers_training.py" in training.tests
    assert training.checker == "nnbook.exercises.training"
    # Chapter 6's slug is "backprop": chapter 5's why_backprop checkers are not its.
    assert not [t for t in backprop.tests if "exercise_checkers" in t]


def test_every_checker_test_belongs_to_one_chapter():
    named = sorted(test for row in chapter_table.chapters() for test in row.tests
                   if test.startswith("test_exercise_checkers_"))
    files = sorted(p.name for p in (ROOT / "tests").glob("test_exercise_checkers_*.py"))
    assert named == files


def test_every_test_file_is_in_a_chapter_row_or_book_wide():
    listed = {name for row in chapter_table.chapters() for name in row.tests}
    files = {p.name for p in (ROOT / "tests").glob("test_*.py")}
    assert files - listed - set(chapter_table.BOOK_WIDE) == set()
    assert set(chapter_table.PROVES) <= files and set(chapter_table.BOOK_WIDE) <= files
