"""The book's terms (docs/glossary/terms.yml): English at first use, one Korean form.

* A chapter's Korean text gives a term's English in parentheses the first
  time it uses the term: "손실 함수(loss function)".
* No Korean page, notebook or contributor guide uses a form the list marks
  wrong for a term (`ko_wrong`): "중심 차분" where the book says "중앙 차분".
"""

import json
import re

import pytest
import yaml

from sitesource import DOCS, ROOT
from test_chapters import CHAPTERS, chapter_text, prose

TERMS = yaml.safe_load((DOCS / "glossary" / "terms.yml").read_text("utf-8"))


def first_uses(text):
    """{term: the text right after its first use} for each glossary term.

    Uses inside a longer term ("손실" inside "손실 함수") do not count.
    """
    spans = []
    for term in TERMS:
        for m in re.finditer(re.escape(term["ko"]), text):
            spans.append((m.start(), m.end(), term))
    kept = [s for s in spans
            if not any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0]
                       for o in spans)]
    first = {}
    for start, end, term in sorted(kept, key=lambda s: s[0]):
        first.setdefault(term["ko"], (term, text[end:end + 60]))
    return first


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_korean_terms_carry_their_english_at_first_use(chapter):
    missing = []
    for ko, (term, after) in first_uses(chapter_text(chapter, "ko")).items():
        if not after.lower().startswith("(" + term["en"].lower()):
            missing.append(f"{ko}({term['en']}) but found {ko}{after[:25]!r}")
    assert not missing, f"{chapter.name}: " + "; ".join(missing)


def test_first_use_rule_catches_a_bare_term():
    found = first_uses("우리는 손실 함수를 줄입니다. 손실 함수(loss function)")
    term, after = found["손실 함수"]
    assert not after.lower().startswith("(" + term["en"])



def korean_sources():
    """Every Korean text a reader or contributor reads, as (name, prose)."""
    for page in sorted(DOCS.rglob("*.ko.md")):
        yield page.relative_to(DOCS).as_posix(), prose(page.read_text("utf-8"))
    for notebook in sorted(DOCS.rglob("*.ko.ipynb")):
        cells = json.loads(notebook.read_text("utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells
                         if c["cell_type"] == "markdown")
        yield notebook.relative_to(DOCS).as_posix(), prose(text)
    yield "CONTRIBUTING.ko.md", prose((ROOT / "CONTRIBUTING.ko.md").read_text("utf-8"))


def test_every_term_has_one_korean_form_across_the_book():
    wrong = [(form, term["ko"]) for term in TERMS for form in term.get("ko_wrong", [])]
    assert len(wrong) >= 20
    found = []
    for name, text in korean_sources():
        for form, right in wrong:
            for m in re.finditer(re.escape(form), text):
                found.append(f"{name}: {form!r} (the book says {right!r}): "
                             f"...{text[max(0, m.start() - 15):m.end() + 15]}...")
    assert not found, "\n".join(found)


def test_terms_are_listed_once_and_not_as_each_others_wrong_forms():
    names = [t["ko"] for t in TERMS]
    assert len(names) == len(set(names))
    for term in TERMS:
        assert not set(term.get("ko_wrong", [])) & set(names), term["ko"]
