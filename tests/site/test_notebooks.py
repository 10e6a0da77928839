"""Companion notebooks: executed at build from the current package, offered
for download and on Colab, all derived from one repository setting."""

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from sitesource import (DOCS, ROOT, mkdocs_config, notebook_cells, page_url,
                        pages, plugin_config, language_of)

NOTEBOOKS = pages(".ipynb")


def _id(path):
    return path.relative_to(DOCS).as_posix()


def _repo():
    """(slug, the edition's tag): v + nnbook.__version__."""
    import nnbook

    return mkdocs_config()["extra"]["book_repo"]["slug"], f"v{nnbook.__version__}"


def test_there_is_a_notebook_per_language():
    assert {language_of(p) for p in NOTEBOOKS} == {"ko", "en"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_sources_are_committed_without_outputs(notebook):
    """Outputs come from the build, never from a stale committed run."""
    for cell in notebook_cells(notebook):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_notebook_is_valid_without_warnings(notebook):
    """nbformat 4.5 wants an id on every cell; without one, every run warns
    (MissingIDFieldWarning) and a later nbformat will refuse the file."""
    import warnings

    import nbformat

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nbformat.validate(nbformat.read(notebook, as_version=4))
    ids = [cell.get("id") for cell in notebook_cells(notebook)]
    assert all(ids) and len(set(ids)) == len(ids), ids


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_first_cell_installs_nnbook_from_the_repository_on_colab_only(notebook):
    slug, branch = _repo()
    first = notebook_cells(notebook)[0]
    source = "".join(first["source"])
    assert first["cell_type"] == "code"
    assert 'if "google.colab" in sys.modules:' in source
    installs = re.findall(r'pip install -q "git\+https://github\.com/([^"@]+)@([^"]+)"',
                          source)
    assert installs == [(slug, branch)], (
        "the install cell must install extra.book_repo (mkdocs.yml) at the "
        "edition's tag: run booksite/notebook_edition.py")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_built_notebook_ran_top_to_bottom(site, notebook):
    html = site.page(page_url(notebook, language_of(notebook)))
    code_cells = sum(1 for c in notebook_cells(notebook) if c["cell_type"] == "code")
    prompts = [int(n) for n in re.findall(r"In(?:&nbsp;|\s)\[(\d+)\]:", html)]
    assert prompts == list(range(1, code_cells + 1))
    assert "Traceback" not in html
    assert not re.search(r'<div[^>]*data-mime-type="application/vnd.jupyter.stderr"', html)
    if notebook.parent.name == "04-losses":
        # Outputs of the current package: the loss values of the chapter.
        assert "1.056695220232923" in html and "16.11809565095832" in html


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_notebook_page_offers_download_and_colab(site, notebook):
    slug, branch = _repo()
    url = page_url(notebook, language_of(notebook))
    html = site.page(url)
    download = re.search(r'<a class="[^"]*" href="([^"]+)"\s+download data-nnbook="download"',
                         html)
    assert download and download.group(1) == notebook.name
    copy = site.root / url / download.group(1)
    assert copy.read_bytes() == notebook.read_bytes()
    colab = re.search(r'href="([^"]+)"\s+target="_blank" rel="noopener" data-nnbook="colab"',
                      html)
    path = notebook.relative_to(ROOT).as_posix()
    assert colab and colab.group(1) == (
        f"https://colab.research.google.com/github/{slug}/blob/{branch}/{path}")


def _notebooks_hook():
    from booksite.hooks import notebooks
    return notebooks


def test_the_mkdocs_jupyter_internals_the_hook_wraps_are_there():
    """booksite/hooks/notebooks.py wraps private functions of mkdocs-jupyter (bounded
    in pyproject.toml); if an upgrade renames or drops one, say which."""
    import inspect

    import mkdocs_jupyter.plugin as jupyter_plugin
    from mkdocs_jupyter import convert

    for module, name in ((jupyter_plugin, "_compute_cache_key"),
                         (jupyter_plugin, "_get_cache_path"),
                         (convert, "nb2html")):
        assert callable(getattr(module, name, None)), (
            f"mkdocs-jupyter no longer has {module.__name__}.{name}: "
            "booksite/hooks/notebooks.py wraps it; adapt the hook to the new version")
    original = getattr(jupyter_plugin, "_nnbook_original_cache_key",
                       jupyter_plugin._compute_cache_key)
    assert list(inspect.signature(original).parameters)[:3] == [
        "nb_path", "config", "exec_nb"], (
        "mkdocs-jupyter's _compute_cache_key takes other arguments now: "
        "check booksite/hooks/notebooks.py's background runs, which call it")


def test_cache_key_changes_with_the_package(tmp_path, monkeypatch):
    import mkdocs_jupyter.plugin as jupyter_plugin

    hook = _notebooks_hook()
    package = tmp_path / "src" / "nnbook"
    package.mkdir(parents=True)
    (package / "losses.py").write_text("EPSILON = 1e-7\n")
    monkeypatch.setattr(hook, "ROOT", tmp_path)
    monkeypatch.setattr(hook, "PACKAGE_DIR", package)
    monkeypatch.setattr(jupyter_plugin, "_compute_cache_key",
                        jupyter_plugin._compute_cache_key)

    class Config:
        extra = {"book_repo": {"slug": "nnbook/nnbook", "branch": "main"}}

    hook.on_config(Config())
    options = {key: "" for key in ("kernel_name", "theme", "allow_errors",
                                   "show_input", "no_input", "no_prompt",
                                   "remove_tag_config", "highlight_extra_classes",
                                   "include_requirejs", "custom_mathjax_url",
                                   "toc_depth")}
    notebook = NOTEBOOKS[0]
    before = jupyter_plugin._compute_cache_key(notebook, options, True)
    assert jupyter_plugin._compute_cache_key(notebook, options, True) == before
    (package / "losses.py").write_text("EPSILON = 1e-8\n")
    assert jupyter_plugin._compute_cache_key(notebook, options, True) != before


def test_a_failing_cell_fails_the_build(tmp_path):
    """mkdocs-jupyter with mkdocs.yml's settings, on a notebook that raises."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Test\n")
    (docs / "broken.ipynb").write_text(json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "a",
                   "metadata": {}, "outputs": [],
                   "source": ["raise ValueError('this cell fails')"]}],
        "metadata": {"kernelspec": {"name": "python3", "language": "python",
                                    "display_name": "Python 3"}},
        "nbformat": 4, "nbformat_minor": 5}))
    settings = plugin_config("mkdocs-jupyter")
    settings["cache"] = False
    settings.pop("cache_dir", None)       # an !ENV tag, read here as a list
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "failing notebook", "plugins": [{"mkdocs-jupyter": settings}],
    }))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert result.returncode != 0
    assert "this cell fails" in result.stdout
