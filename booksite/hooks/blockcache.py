"""A cache of the pages' executed blocks, so an unchanged page does not rerun.

markdown-exec runs every `exec="on"` block of every page on every build:
about 40 s of training runs, Keras comparisons and figures for both
languages. A prose edit changes none of their results, so each page's
results are kept under .cache/nnbook-blocks/ and replayed while the page's
code is unchanged.

What a page's entry is keyed on (a change to any of them reruns the page):
the page; every block's code as markdown-exec receives it (snippets
included) and its session, compared block by block in order; the files the
blocks can read (src/nnbook, booksite/pages/, exercises/, docs/**/*.yml,
CHANGELOG.md, pyproject.toml, constraints.txt); the versions of Python and of the
libraries the blocks use; and the machine's arithmetic (CPU architecture,
the OpenBLAS kernel in use, NumPy's CPU features and the environment
variables that change them), because the BLAS kernel changes the last digits.

Replaying: block k of a page is served from the entry while blocks 0..k of
the entry have the same code and session as blocks 0..k of the page now.
At the first block that differs, the entry's earlier blocks are executed
(silently: their output is already on the page) so the session holds the
state the new block expects, and the page runs live from there on. An entry
is written only for a page whose blocks all ran without error; the claims
each block checked (booksite/pages/bookclaims.py) are stored with it and counted
again when it is replayed, so the twin check of booksite/hooks/claims.py still sees
them. A claim that failed never reaches the cache: its build failed.

Switches: NNBOOK_BLOCK_CACHE=false runs every block (no reads, no writes);
NNBOOK_BLOCK_CACHE_DIR puts the cache elsewhere (the site tests and
`make bench-site` use a fresh folder, so their first build runs everything).
After a complete build, entries this build did not use are deleted (not
after a dirty one, booksite/hooks/quickbuild.py, which renders few pages).

This wraps markdown-exec's private `_run_python` (markdown-exec 1.12;
pyproject.toml bounds the version, tests/site/test_blockcache.py fails
clearly if the function goes away). Upstream has no cache of its own:
markdown-exec's sessions are in-memory only.
"""

import hashlib
import json
import logging
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = ROOT / ".cache" / "nnbook-blocks"
FORMAT = 1

# Files a block can read, directly or through an import.
INPUTS = ("src/nnbook/**/*.py", "booksite/pages/**/*.py", "exercises/**/*.py",
          "docs/**/*.yml", "CHANGELOG.md", "pyproject.toml", "constraints.txt")
LIBRARIES = ("numpy", "scipy", "matplotlib", "keras", "tensorflow",
             "tensorflow-cpu", "scikit-learn", "markdown-exec", "pyyaml")
ARITHMETIC_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS",
                        "OMP_NUM_THREADS", "NPY_DISABLE_CPU_FEATURES",
                        "NPY_ENABLE_CPU_FEATURES", "TF_ENABLE_ONEDNN_OPTS")


def enabled():
    return os.environ.get("NNBOOK_BLOCK_CACHE", "true").lower() not in (
        "0", "false", "no", "off")


def cache_dir():
    return Path(os.environ.get("NNBOOK_BLOCK_CACHE_DIR") or DEFAULT_DIR)


def _blas_kernel():
    """The BLAS library and kernel NumPy uses, e.g. 'openblas SkylakeX'.

    Only NumPy's own: other libraries loaded later in the process (SciPy's,
    TensorFlow's) must not change the key between two builds of one
    `mkdocs serve`.
    """
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown"
    import numpy  # noqa: F401  (loads NumPy's BLAS, so threadpoolctl sees it)

    def numpys(info):            # numpy.libs/ (wheels) or numpy/.libs/
        parts = Path(info.get("filepath", "")).parts
        return info.get("user_api") == "blas" and (
            "numpy.libs" in parts or "numpy" in parts)

    return ";".join(sorted(
        f"{i.get('internal_api')} {i.get('architecture')} {i.get('version')}"
        for i in threadpool_info() if numpys(i)))


def fingerprint():
    """A digest of everything besides the page's code that a result depends on."""
    import numpy

    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for pattern in INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(sys.version.encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            pass
    digest.update(platform.machine().encode())
    digest.update(_blas_kernel().encode())
    features = getattr(numpy._core._multiarray_umath, "__cpu_features__", {})
    digest.update(repr(sorted(k for k, v in features.items() if v)).encode())
    for name in ARITHMETIC_VARIABLES:
        digest.update(f"{name}={os.environ.get(name)}\n".encode())
    return digest.hexdigest()


class PageRun:
    """The blocks of the page being built: replayed from its entry, or live."""

    def __init__(self, uri, path):
        self.uri, self.path = uri, path
        self.old = []                 # the entry's blocks, if any
        if path.is_file():
            try:
                self.old = json.loads(path.read_text("utf-8"))["blocks"]
            except (ValueError, KeyError):
                self.old = []
        self.blocks = []              # this build's blocks, in order
        self.live = False             # True from the first block that differs
        self.failed = False
        self.replayed = 0

    def matches(self, index, code, session):
        if self.live or index >= len(self.old):
            return False
        old = self.old[index]
        return old["code"] == code and old["session"] == session

    def entry(self):
        return {"format": FORMAT, "page": self.uri, "blocks": self.blocks}


_state = {"fingerprint": None, "page": None, "used": set(), "stats": None}


def _claims():
    import bookclaims       # booksite/pages/ is on sys.path (environment.py)
    return bookclaims


def _install():
    """Wrap markdown-exec's _run_python once per process."""
    from markdown_exec._internal.formatters import python as formatter

    original = getattr(formatter, "_nnbook_original_run_python", None)
    if original is None:
        original = formatter._run_python
        formatter._nnbook_original_run_python = original

    def run_python(code, returncode=None, session=None, id=None, **extra):
        page = _state["page"]
        if page is None:             # not inside a page (or cache off)
            return original(code, returncode, session, id, **extra)
        index = len(page.blocks)
        if page.matches(index, code, session):
            block = page.old[index]
            page.blocks.append(block)
            page.replayed += 1
            claims = _claims()
            claims.checked.setdefault(claims.page or "<no page>", []).extend(
                block["claims"])
            return block["output"]
        claims = _claims()
        where = claims.page or "<no page>"
        try:
            if not page.live:
                page.live = True
                _catch_up(original, page)
            before = len(claims.checked.get(where, []))
            output = original(code, returncode, session, id, **extra)
        except BaseException:
            page.failed = True
            raise
        page.blocks.append({"code": code, "session": session,
                            "claims": claims.checked.get(where, [])[before:],
                            "output": output})
        return output

    formatter._run_python = run_python
    return original


def _catch_up(original, page):
    """Run the replayed blocks' code again, so that their sessions (and
    bookruns.once's results) hold the state the next block expects."""
    claims = _claims()
    saved = {key: list(ids) for key, ids in claims.checked.items()}
    try:
        for block in page.blocks:
            original(block["code"], None, block["session"], None)
    finally:
        claims.checked.clear()
        claims.checked.update(saved)


def _inner_build(config):
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def on_startup(command, dirty):
    # A dirty build (quickbuild.py) renders the edited pages only: the
    # entries of the others stay, unused but not stale.
    _state["dirty"] = dirty


def on_config(config):
    _install()
    return config


def on_pre_build(config):
    if _inner_build(config):
        return
    _state["used"] = set()
    _state["stats"] = {"pages": 0, "replayed": 0, "run": 0}
    _state["fingerprint"] = fingerprint() if enabled() else None


@event_priority(50)            # before booksite/hooks/claims.py names the page
def on_page_markdown(markdown, page, config, files):
    if _state["fingerprint"] is None:
        _state["page"] = None
        return markdown
    uri = page.file.src_uri
    name = hashlib.sha256(f"{uri}\n{_state['fingerprint']}".encode()).hexdigest()
    _state["page"] = PageRun(uri, cache_dir() / f"{name}.json")
    return markdown


def on_page_content(html, page, config, files):
    run, _state["page"] = _state["page"], None
    if run is None:
        return html
    _state["used"].add(run.path.name)
    stats = _state["stats"]
    stats["pages"] += 1
    stats["replayed"] += run.replayed
    stats["run"] += len(run.blocks) - run.replayed
    if run.failed:
        return html
    if not run.blocks:
        return html
    if run.live or len(run.blocks) != len(run.old):
        run.path.parent.mkdir(parents=True, exist_ok=True)
        partial = run.path.with_suffix(".partial")
        partial.write_text(json.dumps(run.entry(), ensure_ascii=False), "utf-8")
        partial.replace(run.path)
    return html


@event_priority(-200)          # after static-i18n has built every language
def on_post_build(config):
    if _inner_build(config) or _state["fingerprint"] is None:
        return
    folder = cache_dir()
    if folder.is_dir() and not _state.get("dirty"):
        for path in folder.glob("*.json"):
            if path.name not in _state["used"]:
                path.unlink()
    stats = _state["stats"]
    logging.getLogger("mkdocs.hooks.blockcache").info(f"nnbook block cache ({folder}): {stats['replayed']} blocks "
             f"replayed, {stats['run']} run, on {stats['pages']} pages")
