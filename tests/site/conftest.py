"""Fixtures of the site tests: two builds per session, shared by all.

Both are `mkdocs build --strict` of both languages into temporary folders
(the working tree's site/ and .cache/ are left alone), with the block and
notebook caches in a fresh folder of this test session
(benchmarks/build_site.py's cache_environment):

1. the offline edition (booksite/offline.py), built first and clean: every
   page block and every notebook is executed, every claim checked; it is
   packed as a zip and unzipped as a reader would;
2. the online site, from the caches the first build wrote (as a rebuild
   after a prose edit is), shipping that zip as downloads/nnbook-offline.zip
   as the published site does (NNBOOK_REQUIRE_OFFLINE_ZIP=1: no
   placeholder). tests/site/test_blockcache.py checks that its pages say
   what the clean build's pages say.

Both times are reported at the end of the test run, with the number of code
fences that ran.
"""

import importlib.util
import os
import zipfile
from contextlib import contextmanager

import pytest

from sitesource import REPORT, ROOT

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("MPLBACKEND", "Agg")

def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuiltSite:
    def __init__(self, root, returncode, seconds, log):
        self.root, self.returncode, self.seconds, self.log = (
            root, returncode, seconds, log)

    def page(self, url):
        """The HTML of site path `url` ('', 'en/', '04-losses/notebook/')."""
        path = self.root / url / "index.html"
        return path.read_text(encoding="utf-8")


class OfflineEdition:
    def __init__(self, zip_path, root, seconds, log):
        self.zip, self.root, self.seconds, self.log = zip_path, root, seconds, log


@contextmanager
def _environment(**values):
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="session")
def caches(tmp_path_factory):
    """The build caches of this test session: empty until the first build."""
    bench = _load(ROOT / "benchmarks" / "build_site.py", "nnbook_build_site")
    return bench.cache_environment(tmp_path_factory.mktemp("caches"))


@pytest.fixture(scope="session")
def offline(tmp_path_factory, caches):
    """The offline edition, built clean: zipped, and unzipped as a reader would."""
    from booksite import offline as tool
    base = tmp_path_factory.mktemp("offline")
    with _environment(**caches):
        returncode, seconds, log = tool.build(base / "built")
    REPORT["offline"] = (seconds, returncode)
    if returncode != 0:
        pytest.fail(f"offline build failed ({returncode}):\n{log[-6000:]}")
    zip_path = base / "nnbook-offline.zip"
    tool.pack(base / "built", zip_path)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(base / "unzipped")
    return OfflineEdition(zip_path, base / "unzipped" / tool.TOP, seconds, log)


@pytest.fixture(scope="session")
def site(tmp_path_factory, offline, caches):
    """The online site, built from the caches the offline edition wrote."""
    from booksite.sitebuild import mkdocs_build

    root = tmp_path_factory.mktemp("built") / "site"
    with _environment(NNBOOK_OFFLINE_ZIP=str(offline.zip),
                      NNBOOK_REQUIRE_OFFLINE_ZIP="1", **caches):
        returncode, seconds, log = mkdocs_build(root)
    REPORT["build"] = (seconds, returncode)
    built = BuiltSite(root, returncode, seconds, log)
    if returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({returncode}):\n{log[-6000:]}")
    return built


BUILT = {"site", "offline"}


def pytest_collection_modifyitems(items):
    """Mark every test that needs a built site (the `site` or `offline`
    fixture, directly or through another fixture) as `built`, so that
    `pytest -m "not built"` runs the rest in seconds and builds nothing."""
    for item in items:
        if BUILT & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.built)


def pytest_terminal_summary(terminalreporter):
    if not REPORT:
        return
    write = terminalreporter.write_line
    terminalreporter.section("nnbook site")
    if "offline" in REPORT:
        seconds, returncode = REPORT["offline"]
        write(f"clean bilingual build (offline edition; every page block and "
              f"notebook executed): {seconds:.1f} s (target < 30 s on 2 cores; "
              f"status {returncode}); benchmark: python benchmarks/build_site.py")
    if "build" in REPORT:
        seconds, returncode = REPORT["build"]
        write(f"rebuild from its caches (online site; blocks and notebooks "
              f"replayed): {seconds:.1f} s (status {returncode})")
    if "fences" in REPORT:
        ran, opted_out, at_build = REPORT["fences"]
        write(f"Python code fences in docs/: {ran} ran here, {at_build} left to the "
              f"build (run at build time without a session), {len(opted_out)} opted out")
        for where, reason in opted_out:
            write(f"  opted out: {where}: {reason}")
