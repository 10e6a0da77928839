"""booksite/new_chapter.py: a scaffolded chapter builds, in both languages.

The scaffold runs in a copy of the repository (the files git would commit),
and a site of the new chapter alone is built there with mkdocs.yml's
plugins, hooks and extensions (`mkdocs build --strict`), notebooks
executed. The copy's src/ comes first on PYTHONPATH so the build and the
notebooks import the copy's nnbook, new module included.
"""

import json
import os
import subprocess
import sys

import pytest

from booksite import new_chapter, translations
from booksite.sitebuild import copy_repository

ARGS = ["42", "scaffold-check", "--module", "scaffold_check",
        "--ko", "뼈대 점검", "--en", "Scaffold check"]


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("scaffold") / "book"
    copy_repository(root)
    result = subprocess.run(
        [sys.executable, "-m", "booksite.new_chapter", *ARGS],
        cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def _env(root):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NNBOOK_NOTEBOOK_CACHE="false",
               PYTHONPATH=os.pathsep.join(
                   [str(root / "src"), os.environ.get("PYTHONPATH", "")]))
    return env


def test_scaffold_writes_both_languages_and_the_nav(copy):
    folder = copy / "docs" / "42-scaffold-check"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["index.en.md", "index.ko.md",
                     "notebook.en.ipynb", "notebook.ko.ipynb"]
    config = (copy / "mkdocs.yml").read_text("utf-8")
    assert "  - 42장. 뼈대 점검:\n      - 42-scaffold-check/index.md\n" in config
    assert '42장. 뼈대 점검: "Chapter 42. Scaffold check"' in config
    for ko, en in translations.pairs(copy / "docs"):
        if "42-" in str(ko):
            assert translations.status(ko, en)[2] is None


def test_scaffold_refuses_to_overwrite(copy):
    with pytest.raises(SystemExit, match="would overwrite"):
        new_chapter.scaffold(copy, 42, "scaffold-check", "scaffold_check",
                             "뼈대 점검", "Scaffold check")


def test_scaffolded_test_fails_until_the_code_is_written(copy):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_scaffold_check.py"],
        cwd=copy, env=_env(copy), capture_output=True, text=True)
    assert result.returncode == 1, result.stdout
    assert "NotImplementedError" in result.stdout


# The smallest site that proves the scaffold builds: mkdocs.yml itself
# (every plugin, hook and extension), with the new chapter as its only
# chapter, beside the home page and the about page every footer links to.
# Its nav entry in mkdocs.yml is checked above; the other chapters build in
# the session's own site.
SMALL_SITE = """INHERIT: mkdocs.yml
nav:
  - 머리말: index.md
  - 42장. 뼈대 점검:
      - 42-scaffold-check/index.md
      - 42-scaffold-check/notebook.ipynb
  - 이 책에 대하여: about/index.md
exclude_docs: |
  README.md
  /*/
  !/42-scaffold-check/
  !/about/
  !/assets/
  !/downloads/
"""


def test_site_builds_with_the_scaffolded_chapter(copy):
    out = copy / "site-out"
    (copy / "mkdocs-scaffold.yml").write_text(SMALL_SITE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs-scaffold.yml",
         "-d", str(out)],
        cwd=copy, env=_env(copy), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-5000:]
    for prefix, title in [("", "42장. 뼈대 점검"), ("en/", "Chapter 42. Scaffold check")]:
        page = (out / prefix / "42-scaffold-check" / "index.html").read_text("utf-8")
        assert title in page
        assert '<span class="nf">first_step</span>' in page   # the listing
        notebook = out / prefix / "42-scaffold-check" / "notebook" / "index.html"
        assert "nnbook" in notebook.read_text("utf-8")
    nb = json.loads((copy / "docs" / "42-scaffold-check" / "notebook.en.ipynb")
                    .read_text("utf-8"))
    assert nb["metadata"]["nnbook"]["translated_from"]["page"] == "notebook.ko.ipynb"
