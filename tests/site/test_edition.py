"""The edition on every page: version and date, licences, report a problem.

booksite/hooks/edition.py reads the newest CHANGELOG.md release and refuses to build
when it disagrees with pyproject.toml or nnbook.__version__.
"""

import re
import shutil
from urllib.parse import parse_qs, urlparse

import pytest
from mkdocs.exceptions import PluginError

import nnbook
from sitesource import ROOT, mkdocs_config

from booksite.hooks import edition


def test_changelog_pyproject_and_package_agree():
    version, date = edition.edition()
    assert version == nnbook.__version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)


@pytest.fixture
def fake_root(tmp_path):
    (tmp_path / "src" / "nnbook").mkdir(parents=True)
    for rel in ["CHANGELOG.md", "pyproject.toml", "src/nnbook/__init__.py"]:
        shutil.copy(ROOT / rel, tmp_path / rel)
    return tmp_path


def test_a_release_without_a_version_bump_fails_the_build(fake_root):
    changelog = fake_root / "CHANGELOG.md"
    text = changelog.read_text("utf-8")
    changelog.write_text(text.replace("\n## ", "\n## 9.9.9 — 2099-01-01\n\n## ", 1),
                         "utf-8")
    with pytest.raises(PluginError, match="version mismatch.*9.9.9"):
        edition.edition(fake_root)


def test_a_changelog_without_releases_fails_the_build(fake_root):
    (fake_root / "CHANGELOG.md").write_text("# Changelog\n", "utf-8")
    with pytest.raises(PluginError, match="no release heading"):
        edition.edition(fake_root)


def _pages(site):
    pages = [p for p in site.root.rglob("index.html")
             if "assets" not in p.parts]
    assert len(pages) >= 40
    return pages


def test_every_page_shows_the_edition_and_links_to_about_and_report(site):
    version, date = edition.edition()
    slug = mkdocs_config()["extra"]["book_repo"]["slug"]
    for path in _pages(site):
        html = path.read_text("utf-8")
        rel = path.relative_to(site.root).as_posix()
        assert f"nnbook {version} · {date}" in html, rel
        about = re.search(r'href="([^"]*)" data-nnbook="about"', html)
        assert about, rel
        target = (path.parent / about.group(1) / "index.html").resolve()
        english = rel.startswith("en/")
        expected = site.root / ("en/about" if english else "about") / "index.html"
        assert target == expected.resolve(), (rel, about.group(1))
        report = re.search(r'href="([^"]*)" target="_blank" rel="noopener"\s+'
                           r'data-nnbook="report"', html)
        assert report, rel
        url = urlparse(report.group(1).replace("&amp;", "&"))
        assert (url.netloc, url.path) == ("github.com", f"/{slug}/issues/new")
        title = parse_qs(url.query)["title"][0]
        assert re.fullmatch(r"\[[\w/.-]+\.(ko|en)\.(md|ipynb)\] ", title), title
        assert (".en." in title) == english, (rel, title)


def test_the_404_page_shows_the_edition(site):
    html = (site.root / "404.html").read_text("utf-8")
    assert f"nnbook {nnbook.__version__}" in html
