"""Figures are files of the site (booksite/pages/bookfig.py, booksite/hooks/figures.py)."""

import re

import pytest



def _hook():
    from booksite.hooks import figures
    return figures


def test_hook_and_bookfig_agree(monkeypatch, tmp_path):
    import bookfig

    hook = _hook()
    assert hook.SOURCE_PREFIX == bookfig.SOURCE_PREFIX
    assert hook.figure_dir() == bookfig.figure_dir()
    monkeypatch.setenv("NNBOOK_BLOCK_CACHE_DIR", str(tmp_path))
    assert hook.figure_dir() == bookfig.figure_dir() == tmp_path / "figures"


def test_a_figure_is_a_file_named_by_its_content(monkeypatch, tmp_path):
    import bookfig

    monkeypatch.setenv("NNBOOK_BLOCK_CACHE_DIR", str(tmp_path))
    figure = bookfig.Figure()
    figure.axes.plot([0, 1], [1, 0], label="손실")
    figure.axes.legend()
    html = figure.html(alt="선 하나")
    name = re.search(r'src="nnbook-figure:([0-9a-f]{16}\.svg)"', html).group(1)
    svg = (tmp_path / "figures" / name).read_text(encoding="utf-8")
    assert ">손실</text>" in svg                   # text, not outlines
    assert 'loading="lazy"' in html and 'alt="선 하나"' in html
    assert re.search(r'width="\d+" height="\d+"', html)


def test_a_missing_glyph_is_an_error(monkeypatch, tmp_path):
    import bookfig

    monkeypatch.setenv("NNBOOK_BLOCK_CACHE_DIR", str(tmp_path))
    figure = bookfig.Figure()
    figure.axes.set_title("\U0001F9E0 brain")       # no emoji in Noto Sans CJK
    with pytest.raises(ValueError, match="no glyph for"):
        figure.html(alt="x")


def test_a_figure_without_its_file_fails_the_page(monkeypatch, tmp_path):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("NNBOOK_BLOCK_CACHE_DIR", str(tmp_path))
    hook = _hook()
    page = SimpleNamespace(url="07-training/",
                           file=SimpleNamespace(src_uri="07-training/index.ko.md"))
    with pytest.raises(PluginError, match="delete the block cache"):
        hook.on_page_content('<img src="nnbook-figure:0123456789abcdef.svg">',
                             page, None, None)
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "0123456789abcdef.svg").write_text("<svg/>")
    assert hook.on_page_content('<img src="nnbook-figure:0123456789abcdef.svg">',
                                page, None, None) == \
        '<img src="../assets/figures/0123456789abcdef.svg">'


def test_built_pages_have_no_inline_figures_and_every_figure_file_exists(site):
    import posixpath

    for path in site.root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "data:image/svg+xml;base64" not in text, path
        assert "nnbook-figure:" not in text, path
        for src in re.findall(r'<img src="([^"]*assets/figures/[^"]+)"', text):
            url = path.relative_to(site.root).parent.as_posix()
            assert (site.root / posixpath.normpath(posixpath.join(url, src))).is_file(), (path, src)
    assert len(list((site.root / "assets" / "figures").glob("*.svg"))) >= 2 * 20
