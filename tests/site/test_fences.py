"""Every Python code fence in docs/ runs as a reader would copy it.

Fences are taken from both languages, with their snippet includes expanded,
and each runs on its own in a fresh namespace (markdown-exec's `session="x"`
shares one namespace between the fences of a page that name the same
session, as at build time). A fence may opt out only with a visible reason:
its first line is the comment `# not run: <reason>`, which readers see on
the page. The count of fences that ran and opted out is printed at the end
of the test run.

A fence that is nothing but an include of one src/nnbook module is an
excerpt of that module (a class that extends a base class defined above it,
say): it runs in a copy of that module's namespace, as it does in the
package.
"""

import contextlib
import importlib
import io
import re

import pytest

from sitesource import DOCS, REPORT, expand_snippets, fences, pages

LISTING = re.compile(r'^\s*--8<--\s+"src/nnbook/(\w+)\.py:[\w-]+"\s*$')


def _listing_module(code):
    """'nnbook.x' if every line of the fence includes from src/nnbook/x.py."""
    lines = [line for line in code.splitlines() if line.strip()]
    modules = {m.group(1) for m in map(LISTING.match, lines) if m}
    if lines and len(modules) == 1 and all(LISTING.match(l) for l in lines):
        return "nnbook." + modules.pop()
    return None


PAGES = pages(".md")
_ran = {}
_opted_out = {}


def _id(path):
    return path.relative_to(DOCS).as_posix()


def run_fences(text, name):
    """Run the Python fences of one page; return (ran, [(line, reason)])."""
    ran, opted_out, sessions = 0, [], {}
    for fence in fences(text):
        if not fence.is_python:
            continue
        reason = fence.opt_out_reason
        if reason is not None:
            opted_out.append((fence.line, reason))
            continue
        code = expand_snippets(fence.code)
        assert "--8<--" not in code, f"{name}:{fence.line}: include not expanded"
        session = fence.attributes.get("session")
        module = _listing_module(fence.code)
        if module:
            namespace = dict(vars(importlib.import_module(module)))
        else:
            namespace = sessions.setdefault(session, {}) if session else {}
        namespace.setdefault("__name__", "__main__")
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, f"{name}:{fence.line}", "exec"), namespace)
        except Exception as error:
            raise AssertionError(
                f"{name}:{fence.line}: the fence raised {error!r}\n{code}") from error
        ran += 1
    return ran, opted_out


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_python_fences_run(page):
    ran, opted_out = run_fences(page.read_text(encoding="utf-8"), _id(page))
    _ran[page] = ran
    _opted_out[page] = opted_out
    REPORT["fences"] = (sum(_ran.values()),
                        [(f"{_id(p)}:{line}", reason)
                         for p, items in _opted_out.items() for line, reason in items])


def test_fences_were_found_in_both_languages():
    ko = [p for p in PAGES if p.name.endswith(".ko.md")]
    en = [p for p in PAGES if p.name.endswith(".en.md")]
    count = {lang: sum(1 for p in group for f in fences(p.read_text()) if f.is_python)
             for lang, group in (("ko", ko), ("en", en))}
    assert count["ko"] >= 10 and count["ko"] == count["en"], count


def test_opt_out_needs_a_reason_and_is_counted():
    page = ("```python\n# not run: needs a GPU\nimport cupy\n```\n\n"
            "```python\n# not run:\nraise RuntimeError('ran')\n```\n\n"
            "```python\nx = 1\n```\n")
    with pytest.raises(AssertionError, match="RuntimeError"):
        run_fences(page, "example")
    ran, opted_out = run_fences(page.replace("# not run:\n", "# not run: demo\n"),
                                "example")
    assert ran == 1 and [reason for _, reason in opted_out] == ["needs a GPU", "demo"]


def test_a_listing_runs_in_its_module_namespace():
    page = ('```python title="src/nnbook/optimizers.py"\n'
            '--8<-- "src/nnbook/optimizers.py:SGD"\n```\n')
    assert run_fences(page, "example") == (1, [])


def test_a_failing_fence_fails():
    with pytest.raises(AssertionError, match="ZeroDivisionError"):
        run_fences("```python\n1 / 0\n```\n", "example")


def test_indented_fences_are_collected():
    page = ('!!! note\n\n    ```python exec="on" source="above"\n'
            '    value = 2\n    assert value == 2\n    ```\n\n'
            '=== "Tab"\n\n    ```py\n    print("tab")\n    ```\n')
    found = [f for f in fences(page) if f.is_python]
    assert [f.code for f in found] == ["value = 2\nassert value == 2", 'print("tab")']
    assert run_fences(page, "example") == (2, [])
