"""booksite/hooks/blockcache.py: a page's blocks replayed from the cache say what they
said when they ran.

The site fixtures build the offline edition clean (every block runs) and then
the online site from the caches that build wrote: the pages of the two must
say the same, block output for block output. The hook itself is tested on a
small page of blocks, through the markdown-exec function it wraps.
"""

import importlib.util
import inspect
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>',
                     re.S)
# The offline edition links to .html files and names the notebook download.
LINKS = re.compile(r'\b(href|src|download)(="[^"]*")?(?=[\s>])')


def _load_hook():
    """A fresh copy of the hook: its per-build state starts empty."""
    return importlib.reload(importlib.import_module("booksite.hooks.blockcache"))


def _article(path):
    found = ARTICLE.search(path.read_text("utf-8"))
    assert found, f"{path}: no <article>"
    return LINKS.sub(r"\1", found.group(1))


def _offline_twin(offline_root, url):
    """The offline edition's file for online page `url` ('09-digits/')."""
    if not url:
        return offline_root / "index.html"
    candidate = offline_root / (url.rstrip("/") + ".html")
    return candidate if candidate.is_file() else offline_root / url / "index.html"


# ----------------------------------------------------------- the wrapped API

def test_the_markdown_exec_function_the_cache_wraps_is_there():
    """If markdown-exec renames or reshapes _run_python, say so here."""
    from markdown_exec._internal.formatters import python as formatter

    assert hasattr(formatter, "_run_python"), (
        "markdown-exec no longer has formatters.python._run_python: "
        "booksite/hooks/blockcache.py must follow it (or drop the cache)")
    original = getattr(formatter, "_nnbook_original_run_python",
                       formatter._run_python)
    assert list(inspect.signature(original).parameters)[:4] == [
        "code", "returncode", "session", "id"], (
        "markdown-exec changed _run_python's parameters: "
        "booksite/hooks/blockcache.py passes code, returncode, session, id")
    assert "_run_python" in formatter._format_python.__code__.co_names, (
        "markdown-exec's _format_python no longer looks _run_python up "
        "at call time, so the cache's wrapper would never run")


# ---------------------------------------------------------- the hook alone

class _Page:
    def __init__(self, uri):
        self.file = SimpleNamespace(src_uri=uri)


class _Build:
    """Drives the hook as MkDocs does, for one page of blocks."""

    def __init__(self, hook, monkeypatch, folder):
        monkeypatch.setenv("NNBOOK_BLOCK_CACHE_DIR", str(folder))
        monkeypatch.setenv("NNBOOK_BLOCK_CACHE", "true")
        import bookclaims
        self.claims = bookclaims
        self.hook = hook
        self.config = SimpleNamespace(plugins={})
        hook.on_config(self.config)
        from markdown_exec._internal.formatters import python as formatter
        self.run_python = formatter._run_python

    def page(self, uri, blocks):
        """Run `blocks` [(code, session)] as page `uri`; return the outputs."""
        self.hook.on_pre_build(self.config)
        self.claims.checked.clear()
        page = _Page(uri)
        self.hook.on_page_markdown("", page, self.config, None)
        self.claims.page = uri
        outputs = [self.run_python(code, session=session)
                   for code, session in blocks]
        self.claims.page = None
        self.hook.on_page_content("", page, self.config, None)
        self.hook.on_post_build(self.config)
        return outputs


RUNS = "nnbook_blockcache_runs"        # a module the blocks count runs in


@pytest.fixture
def build(tmp_path, monkeypatch):
    module = type(sys)(RUNS)
    module.count = []
    monkeypatch.setitem(sys.modules, RUNS, module)
    return _Build(_load_hook(), monkeypatch, tmp_path / "blocks"), module


def _block(name, extra=""):
    return (f"import {RUNS}\n{RUNS}.count.append({name!r})\n"
            f"from bookclaims import claim\nclaim({name!r}, True)\n"
            f"{extra}print({name!r}, state)\n")


PAGE = [("state = 41", "s"), (_block("one", "state += 1\n"), "s"),
        (_block("two"), "s")]


def test_an_unchanged_page_is_replayed_without_running(build):
    cache, runs = build
    first = cache.page("demo.ko.md", PAGE)
    assert runs.count == ["one", "two"]
    assert first[1:] == ["one 42\n", "two 42\n"]
    assert cache.claims.checked["demo.ko.md"] == ["one", "two"]
    again = cache.page("demo.ko.md", PAGE)
    assert again == first
    assert runs.count == ["one", "two"], "a replayed block ran again"
    assert cache.claims.checked["demo.ko.md"] == ["one", "two"], (
        "replayed claims must count for the twin check")


def test_a_changed_block_runs_after_the_blocks_before_it(build):
    cache, runs = build
    cache.page("demo.ko.md", PAGE)
    changed = PAGE[:2] + [(_block("two", "state *= 2\n"), "s")]
    outputs = cache.page("demo.ko.md", changed)
    # "one" ran again, silently, so the session holds state = 42 for "two".
    assert runs.count == ["one", "two", "one", "two"]
    assert outputs[2] == "two 84\n"
    assert cache.claims.checked["demo.ko.md"] == ["one", "two"], (
        "the blocks rerun to restore the session must not count twice")
    runs.count.clear()
    assert cache.page("demo.ko.md", changed) == outputs and runs.count == []


def test_a_page_whose_block_fails_is_not_cached(build, tmp_path):
    cache, runs = build
    failing = PAGE[:2] + [("raise ValueError('no')", "s")]
    with pytest.raises(Exception, match="no"):
        cache.page("demo.ko.md", failing)
    cache.hook.on_page_content("", _Page("demo.ko.md"), cache.config, None)
    assert not list((tmp_path / "blocks").glob("*.json"))


def test_the_key_follows_the_package_and_the_arithmetic(build, monkeypatch):
    cache, _ = build
    before = cache.hook.fingerprint()
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Sandybridge")
    assert cache.hook.fingerprint() != before
    monkeypatch.delenv("OPENBLAS_CORETYPE")
    assert cache.hook.fingerprint() == before
    import scipy.linalg  # noqa: F401  (loads SciPy's own OpenBLAS)
    assert cache.hook.fingerprint() == before, (
        "the key changed within one process: `mkdocs serve` would rerun "
        "every page on every save")
    monkeypatch.setattr(cache.hook, "INPUTS", cache.hook.INPUTS[1:])
    assert cache.hook.fingerprint() != before, "src/nnbook is not in the key"


def test_switched_off_every_block_runs(build, monkeypatch, tmp_path):
    cache, runs = build
    monkeypatch.setenv("NNBOOK_BLOCK_CACHE", "false")
    cache.page("demo.ko.md", PAGE)
    cache.page("demo.ko.md", PAGE)
    assert runs.count == ["one", "two", "one", "two"]
    assert not (tmp_path / "blocks").exists()


# ------------------------------------------------------- the two builds

def test_the_online_build_replayed_every_block_of_the_clean_build(site, offline):
    clean = re.search(r"nnbook block cache \(.*?\): (\d+) blocks replayed, "
                      r"(\d+) run", offline.log)
    cached = re.search(r"nnbook block cache \(.*?\): (\d+) blocks replayed, "
                       r"(\d+) run", site.log)
    assert clean and cached, "the builds did not report the block cache"
    assert clean.group(1) == "0", "the clean build found a cache"
    assert int(clean.group(2)) > 400
    assert cached.groups() == (clean.group(2), "0")


def test_replayed_pages_say_what_the_clean_build_said(site, offline):
    pages = sorted(site.root.rglob("index.html"))
    different = []
    for path in pages:
        url = path.parent.relative_to(site.root).as_posix()
        url = "" if url == "." else url + "/"
        if url.startswith("assets/") or url == "search/":
            continue
        if _article(path) != _article(_offline_twin(offline.root, url)):
            different.append(url or "/")
    assert len(pages) > 50
    assert different == [], f"pages that differ from the clean build: {different}"
