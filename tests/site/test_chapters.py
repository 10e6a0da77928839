"""The teaching chapters: length, and exercises with hidden solutions.

(Terms: tests/site/test_terms.py.)

A chapter is a folder docs/NN-name/ (NN = two digits). Its Korean and English
pages are read as prose: fenced code, inline code and math are removed
before counting.
"""

import re
from pathlib import Path

import pytest

from booksite import chapters
from sitesource import DOCS, ROOT, includes, mkdocs_config

CHAPTERS = sorted(p for p in DOCS.iterdir()
                  if p.is_dir() and re.fullmatch(r"[0-9]{2}-[a-z-]+", p.name))
MIN_ENGLISH_WORDS, MIN_HANGUL_SYLLABLES = 1200, 2500

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2\s*$", re.S | re.M)
INLINE = re.compile(r"`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]*\$", re.S)


def prose(text):
    """Page text without front matter, code fences, inline code, math and headings."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = FENCE.sub("", text)
    text = INLINE.sub("", text)
    return "\n".join(line for line in text.splitlines()
                     if not line.lstrip().startswith("#"))


def nav_order():
    """Page sources ('04-losses/index.md', ...) in the order of mkdocs.yml's nav."""
    return chapters.nav_order(mkdocs_config())


def chapter_text(chapter, language):
    """A chapter's prose in one language, its pages in reading (nav) order."""
    order = nav_order()

    def position(page):
        source = f"{chapter.name}/{page.name.replace(f'.{language}.md', '.md')}"
        return order.index(source) if source in order else len(order)
    return "\n".join(prose(p.read_text("utf-8"))
                     for p in sorted(chapter.glob(f"*.{language}.md"), key=position))


def test_the_first_four_chapters_exist():
    names = [c.name[:2] for c in CHAPTERS]
    assert names[:4] == ["01", "02", "03", "04"], names


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_chapter_is_long_enough_in_both_languages(chapter):
    english = len(re.findall(r"[A-Za-z]+(?:'[a-z]+)?", chapter_text(chapter, "en")))
    hangul = len(re.findall(r"[\uac00-\ud7a3]", chapter_text(chapter, "ko")))
    assert english >= MIN_ENGLISH_WORDS, f"{chapter.name}: {english} English words"
    assert hangul >= MIN_HANGUL_SYLLABLES, f"{chapter.name}: {hangul} Hangul syllables"


# Exercises: exercises/NN-name/exN_*.py, self-checking scripts whose
# `solution` section each twin page includes inside a collapsed ??? block.

EXERCISES = sorted(p for p in (ROOT / "exercises").rglob("ex*.py")
                   if not p.stem.endswith("_starter"))
STARTERS = sorted((ROOT / "exercises").rglob("ex*_starter.py"))


def _enclosing_block(lines, index):
    """The nearest less-indented non-blank line above lines[index]."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    for line in reversed(lines[:index]):
        if line.strip() and len(line) - len(line.lstrip()) < indent \
                and not line.lstrip().startswith(("```", "~~~")):
            return line.strip()
    return ""


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_chapter_has_two_or_three_exercises_hidden_in_both_languages(chapter):
    solutions = [e for e in EXERCISES if e.parent.name == chapter.name]
    assert 2 <= len(solutions) <= 3, f"{chapter.name}: {len(solutions)} solutions"
    for language in ("ko", "en"):
        found = {}
        for page in chapter.glob(f"*.{language}.md"):
            lines = page.read_text("utf-8").splitlines()
            for i, line in enumerate(lines):
                for inc in includes(line):
                    if inc.file.startswith("exercises/"):
                        found[inc.file] = _enclosing_block(lines, i - 1)
        for solution in solutions:
            rel = solution.relative_to(ROOT).as_posix()
            assert rel in found, f"{language}: {rel} is not on the chapter's pages"
            assert found[rel].startswith("??? "), (
                f"{language}: {rel} must sit in a collapsed '??? ' block, "
                f"not {found[rel]!r}")
        for starter in (s for s in STARTERS if s.parent.name == chapter.name):
            rel = starter.relative_to(ROOT).as_posix()
            assert rel in found, f"{language}: {rel} is not on the chapter's pages"
            assert not found[rel].startswith("??? "), (
                f"{language}: {rel} is the part a reader starts from: show it, "
                "outside the collapsed solution")
