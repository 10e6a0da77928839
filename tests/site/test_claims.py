"""Claims checked at build: booksite/pages/bookclaims.py, booksite/hooks/claims.py, the pages.

A sentence that states a computed fact has a `claim(id, condition)` in the
executed block beside it (booksite/pages/bookclaims.py). Here: the helper itself, a
small build in which a false claim fails, and the pages: the Korean and
English twins of a page check the same ids.
"""

import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import bookclaims
from bookclaims import ClaimFailed, claim
from sitesource import DOCS, ROOT

from booksite.hooks.claims import twin_differences

CLAIM_ID = re.compile(r"""\bclaim\(\s*(?:f?)["']([^"']+)["']""")


@pytest.fixture
def fresh_record(monkeypatch):
    monkeypatch.setattr(bookclaims, "page", "ch/index.ko.md")
    monkeypatch.setattr(bookclaims, "checked", {})
    monkeypatch.setattr(bookclaims, "failed", [])
    return bookclaims


def test_a_claim_that_holds_is_recorded(fresh_record):
    claim("loss-falls", True)
    claim("accuracy-high", np.float64(0.97) > 0.95)
    assert fresh_record.checked == {"ch/index.ko.md": ["loss-falls", "accuracy-high"]}
    assert fresh_record.failed == []


def test_a_claim_that_fails_names_the_page_the_id_and_the_measure(fresh_record):
    with pytest.raises(ClaimFailed, match=re.escape(
            "ch/index.ko.md: claim 'all-train-right' does not hold "
            "(training accuracy 0.967)")):
        claim("all-train-right", 0.967 == 1.0, "training accuracy 0.967")
    assert fresh_record.failed == [
        "ch/index.ko.md: claim 'all-train-right' does not hold "
        "(training accuracy 0.967)"]


@pytest.mark.parametrize("id, holds, error, message", [
    ("All Right", True, ValueError, "lower-case words joined by hyphens"),
    ("", True, ValueError, "lower-case words"),
    (3, True, ValueError, "got 3"),
    ("gap-small", np.array([True, False]), TypeError, "one truth value, got ndarray"),
    ("gap-small", 1, TypeError, "one truth value, got int"),
    ("gap-small", None, TypeError, "got NoneType"),
])
def test_a_malformed_claim_is_refused_before_it_is_recorded(
        fresh_record, id, holds, error, message):
    with pytest.raises(error, match=re.escape(message)):
        claim(id, holds)
    assert fresh_record.checked == {}


def test_twin_differences_name_the_page_and_the_missing_ids():
    assert twin_differences({"a/index.ko.md": ["x", "y"],
                             "a/index.en.md": ["y", "x", "x"]}) == []
    assert twin_differences({"a/index.ko.md": ["x", "y"],
                             "a/index.en.md": ["x", "z"]}) == [
        "a/index.md: claims only in ko: y", "a/index.md: claims only in en: z"]
    assert twin_differences({"b/index.ko.md": ["x"]}) == [
        "b/index.md: claims only in ko: x"]


SMALL_SITE = """
site_name: claims
hooks:
  - {root}/booksite/hooks/environment.py
  - {root}/booksite/hooks/claims.py
markdown_extensions:
  - pymdownx.superfences
plugins:
  - markdown-exec:
      languages: [python]
"""

PAGE = '''# A page

```python exec="on"
from bookclaims import claim
accuracy = 0.967
claim("{id}", {condition}, f"training accuracy {{accuracy}}")
print(f"accuracy {{accuracy}}")
```
'''


@pytest.mark.parametrize("condition, fails", [("accuracy == 1.0", True),
                                              ("accuracy > 0.95", False)])
def test_a_false_claim_fails_a_small_build_and_says_where(
        tmp_path, condition, fails):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(SMALL_SITE.format(root=ROOT))
    (tmp_path / "docs" / "index.md").write_text(
        PAGE.format(id="all-train-right", condition=condition))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                         cwd=tmp_path, capture_output=True, text=True)
    log = run.stdout + run.stderr
    if fails:
        assert run.returncode != 0, log
        assert ("index.md: claim 'all-train-right' does not hold "
                "(training accuracy 0.967)") in log, log
    else:
        assert run.returncode == 0, log
        assert "accuracy 0.967" in (tmp_path / "site" / "index.html").read_text()


def page_claims(path):
    """The claim ids a page's executed blocks name, in order."""
    return CLAIM_ID.findall(path.read_text("utf-8"))


TWINS = sorted(p for p in DOCS.rglob("*.ko.md"))


@pytest.mark.parametrize("korean", TWINS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_both_languages_of_a_page_check_the_same_claims(korean):
    english = korean.with_name(korean.name.replace(".ko.md", ".en.md"))
    ko, en = page_claims(korean), page_claims(english)
    assert sorted(set(ko)) == sorted(set(en)), (
        f"only in ko: {sorted(set(ko) - set(en))}, "
        f"only in en: {sorted(set(en) - set(ko))}")
    assert len(ko) == len(set(ko)), f"an id is used twice: {ko}"


CHAPTERS = sorted(p for p in DOCS.glob("[0-9][0-9]-*/*.ko.md"))


def test_every_chapter_checks_its_sentences():
    counts = {p.parent.name: 0 for p in CHAPTERS}
    for page in CHAPTERS:
        counts[page.parent.name] += len(page_claims(page))
    assert all(n > 0 for n in counts.values()), counts
