"""booksite/hooks/quickbuild.py: a dirty rebuild writes what a full build writes.

In a copy of the repository, with copies of this session's build caches
(so every block and notebook replays): a first `mkdocs build --dirty`
(every page, as the first build of `make serve` is), a prose edit of one
Korean page, a second dirty build (that page only), then a full build of
the same sources into another folder. Every file of the two sites must be
the same, byte for byte, but the dirty build's own record.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from booksite.hooks import quickbuild
from booksite.sitebuild import copy_repository

PAGE = "docs/03-why-a-loss/index.ko.md"
SENTENCE = "(빠른 빌드가 고친 문장)"


def _build(root, site_dir, env, *args):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args, "-d", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-5000:]
    return result.stderr


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in site.rglob("*") if p.is_file() and p.name != quickbuild.RECORD}


@pytest.fixture(scope="module")
def sites(site, caches, tmp_path_factory):
    base = tmp_path_factory.mktemp("quickbuild")
    root = base / "book"
    copy_repository(root)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")]))
    for name in ("NNBOOK_BLOCK_CACHE_DIR", "NNBOOK_NOTEBOOK_CACHE_DIR"):
        env[name] = str(base / name)
        shutil.copytree(caches[name], base / name)
    env["NNBOOK_BLOCK_CACHE"] = env["NNBOOK_NOTEBOOK_CACHE"] = "true"
    dirty, full = base / "dirty", base / "full"
    _build(root, dirty, env, "--dirty")
    page = root / PAGE
    lines = page.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    first = next(i for i in range(title + 1, len(lines)) if lines[i].strip()
                 and not lines[i].startswith(("#", "!", "`", "<", "-", "|")))
    lines[first] += f" {SENTENCE}"                 # prose only: same title, same code
    page.write_text("\n".join(lines), encoding="utf-8")
    log = _build(root, dirty, env, "--dirty")
    _build(root, full, env)
    return dirty, full, log


def test_the_second_dirty_build_rendered_the_edited_page_only(sites):
    dirty, full, log = sites
    assert re.search(r"block cache \(.*\): \d+ blocks replayed, 0 run, on 1 pages", log), log
    assert "A 'dirty' build is being performed" not in log
    assert SENTENCE in (dirty / "03-why-a-loss" / "index.html").read_text("utf-8")


def test_the_dirty_site_is_the_full_site(sites):
    dirty, full, _ = sites
    a, b = _files(dirty), _files(full)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    index = json.loads(a["search/search_index.json"])
    assert any(SENTENCE in doc["text"] for doc in index["docs"])


def test_merged_index_keeps_each_page_in_its_place():
    old = {"config": {}, "docs": [{"location": "a/"}, {"location": "a/#x"},
                                  {"location": "b/", "v": 1}, {"location": "c/"}]}
    new = {"config": {"lang": ["ko"]}, "docs": [{"location": "b/", "v": 2},
                                                {"location": "b/#y"}]}
    merged = quickbuild._merged_index(old, new, {"b/"})
    assert merged["config"] == {"lang": ["ko"]}
    assert [d["location"] for d in merged["docs"]] == ["a/", "a/#x", "b/", "b/#y", "c/"]
    assert merged["docs"][2]["v"] == 2


def test_a_title_is_read_as_mkdocs_reads_it(tmp_path):
    page = tmp_path / "index.ko.md"
    page.write_text("---\ntranslated_from: x\n---\n\n# 3장. 손실 {#top}\n\n## 둘째 {#b}\n",
                    encoding="utf-8")
    notebook = tmp_path / "notebook.ko.ipynb"
    notebook.write_text(json.dumps({"cells": [
        {"cell_type": "code", "source": ["# not a title\n"]},
        {"cell_type": "markdown", "source": ["# 노트북 제목\n", "text"]}]}), encoding="utf-8")

    class File:
        def __init__(self, path):
            self.abs_src_path, self.src_uri = str(path), path.name

    assert quickbuild._peek_title(File(page)) == "3장. 손실"
    assert quickbuild._peek_title(File(notebook)) == "노트북 제목"


def test_a_change_outside_the_pages_renders_every_page(tmp_path, monkeypatch):
    """src/nnbook, booksite/, overrides/, mkdocs.yml ...: any page may show it."""
    from types import SimpleNamespace

    config = SimpleNamespace(plugins={}, site_dir=str(tmp_path))
    record = {"titles": {}, "index": None, "nav": {}, "inventory": None,
              "inputs": quickbuild.shared_inputs()}
    (tmp_path / quickbuild.RECORD).write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.setitem(quickbuild._state, "dirty", True)
    quickbuild.on_pre_build(config)
    assert quickbuild.dirty_build()                  # nothing changed: pages only
    changed = {**record["inputs"], "src/nnbook/model.py": [0, 0]}
    (tmp_path / quickbuild.RECORD).write_text(json.dumps({**record, "inputs": changed}),
                                             encoding="utf-8")
    quickbuild.on_pre_build(config)
    assert not quickbuild.dirty_build()
    monkeypatch.setitem(quickbuild._state, "dirty", False)
