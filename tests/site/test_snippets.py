"""Listings come from src/nnbook through closed, named snippet sections."""

import os
import subprocess
import sys

import pytest
import yaml

from sitesource import (ROOT, expand_snippets, extension_config, fences,
                        includes, pages, sections)

PAGES = pages(".md")
SOURCES = sorted((ROOT / "src" / "nnbook").rglob("*.py")) + sorted(
    (ROOT / "exercises").rglob("*.py"))


def _id(path):
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_every_include_names_a_closed_section(page):
    for include in includes(page.read_text(encoding="utf-8")):
        where = f"{_id(page)}:{include.line}: {include.target!r}"
        assert include.section, f"{where}: include a named section (file.py:name)"
        # Listings come from the package; exercise solutions from exercises/.
        assert include.file.startswith(("src/nnbook/", "exercises/")), where
        path = ROOT / include.file
        assert path.is_file(), f"{where}: no such file"
        section = sections(path).get(include.section)
        assert section is not None, f"{where}: no [start:{include.section}]"
        assert section.starts == 1 and section.ends == 1, (
            f"{where}: needs exactly one start and one end marker")
        assert section.start < section.end, f"{where}: end before start"


@pytest.mark.parametrize("source", SOURCES, ids=_id)
def test_every_section_in_the_package_is_closed(source):
    """An unclosed [start:x] silently includes the rest of the file."""
    for name, section in sections(source).items():
        assert section.starts == 1 and section.ends == 1, (
            f"{_id(source)}: section {name!r} has {section.starts} start and "
            f"{section.ends} end markers")
        assert section.start < section.end, f"{_id(source)}: {name!r}"


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_listings_are_titled_with_their_source_file(page):
    for fence in fences(page.read_text(encoding="utf-8")):
        targets = includes(fence.code)
        if not targets:
            continue
        files = {t.file for t in targets}
        assert len(files) == 1, f"{_id(page)}:{fence.line}: one file per listing"
        assert fence.attributes.get("title") == files.pop(), (
            f'{_id(page)}:{fence.line}: title the listing with its file, '
            f'title="{targets[0].file}"')


def method_listings_without_example(text):
    """Listed methods whose class no shown, runnable fence of the page uses."""
    missing = []
    runnable = [f.code for f in fences(text)
                if f.is_python and f.shown and not includes(f.code)
                and f.opt_out_reason is None]
    for fence in fences(text):
        for include in includes(fence.code):
            section = sections(ROOT / include.file).get(include.section)
            cls = section.enclosing_class if section else None
            if cls and not any(f"{cls}(" in code for code in runnable):
                missing.append((include.target, cls))
    return missing


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_method_listings_come_with_an_example_of_their_class(page):
    assert method_listings_without_example(page.read_text(encoding="utf-8")) == []


def test_method_listing_rule_catches_a_bare_method():
    page = ('```python title="src/nnbook/layers.py"\n'
            '--8<-- "src/nnbook/layers.py:forward"\n```\n')
    assert method_listings_without_example(page) == [
        ("src/nnbook/layers.py:forward", "Dense")]
    example = page + ('\n```python\nfrom nnbook.layers import Dense\n'
                      'print(Dense(2, 3, seed=0).forward([[1.0, 2.0]]))\n```\n')
    assert method_listings_without_example(example) == []


def test_method_sections_are_dedented():
    listing = expand_snippets('--8<-- "src/nnbook/layers.py:forward"')
    assert listing.startswith(
        "@checked\ndef forward(self, inputs, training=False):")


def _mini_build(tmp_path, include):
    """mkdocs build of one page with mkdocs.yml's snippets settings."""
    snippets = extension_config("pymdownx.snippets")
    snippets["base_path"] = [str(ROOT)]
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text(
        f'# Test\n\n```python\n--8<-- "{include}"\n```\n', encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "snippets check",
        "markdown_extensions": [{"pymdownx.snippets": snippets},
                                "pymdownx.superfences"],
    }), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def test_an_existing_section_builds(tmp_path):
    result = _mini_build(tmp_path, "src/nnbook/losses.py:categorical_crossentropy")
    assert result.returncode == 0, result.stdout
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Categorical cross-entropy: -sum_k y_k log p_k" in html


@pytest.mark.parametrize("include", [
    "src/nnbook/losses.py:no_such_section",
    "src/nnbook/no_such_module.py:categorical_crossentropy",
])
def test_a_missing_section_or_file_fails_the_build(tmp_path, include):
    result = _mini_build(tmp_path, include)
    assert result.returncode != 0
    assert "SnippetMissingError" in result.stdout or "not found" in result.stdout.lower()


def test_every_section_of_the_package_is_included_by_some_page():
    """No orphan listings: each named section under src/nnbook is on a page."""
    used = {inc.target for page in PAGES
            for inc in includes(page.read_text(encoding="utf-8"))}
    orphans = [f"{_id(source)}:{name}"
               for source in sorted((ROOT / "src" / "nnbook").rglob("*.py"))
               for name in sections(source)
               if f"{_id(source)}:{name}" not in used]
    assert orphans == []


def _code_without_docstrings(text):
    """The AST of `text` with every docstring emptied: its code alone."""
    import ast
    import textwrap
    tree = ast.parse(textwrap.dedent(text))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(getattr(body[0], "value", None), ast.Constant) \
                and isinstance(body[0].value.value, str):
            body[0].value.value = ""
    return ast.dump(tree)


@pytest.mark.parametrize("source", sorted((ROOT / "src" / "nnbook").glob("*.py")),
                         ids=_id)
def test_listings_drop_only_the_argument_tables(source):
    """booksite/hooks/listings.py removes Args/Returns/Raises from listed docstrings.

    Every line of code stays; the summary stays; no Args: is left.
    """
    from booksite.hooks.listings import strip_reference_sections
    lines = source.read_text(encoding="utf-8").splitlines()
    for name, section in sections(source).items():
        body = lines[section.start:section.end - 1]
        body = [line for line in body if "--8<--" not in line]
        stripped = strip_reference_sections(body)
        text, shown = "\n".join(body), "\n".join(stripped)
        if text.lstrip().startswith(("def ", "class ", "@")):
            assert _code_without_docstrings(shown) == \
                _code_without_docstrings(text), f"{_id(source)}:{name}"
        assert not any(l.strip() in ("Args:", "Returns:", "Raises:")
                       for l in stripped), f"{_id(source)}:{name}"
        summaries = [l for l in body if l.strip().startswith('"""')]
        assert all(any(line.startswith(s) for line in stripped)
                   for s in summaries), f"{_id(source)}:{name}"
