"""Every Python code fence in docs/ runs as a reader would copy it.

Fences are taken from both languages, with their snippet includes expanded,
and each runs on its own in a fresh namespace (markdown-exec's `session="x"`
shares one namespace between the fences of a page that name the same
session, as at build time). A fence may opt out only with a visible reason:
its first line is the comment `# not run: <reason>`, which readers see on
the page. The count of fences that ran and opted out is printed at the end
of the test run.

A fence markdown-exec runs at build time with no session is left to the
build: there it runs on its own in a fresh namespace too, from the same
expanded code, and a strict build fails on its error (tests/site/conftest.py
builds the site clean). Those are most of the expensive hidden blocks
(figures, timings); running them here as well doubled their cost. One
whose bookruns.once result a fence that runs here takes
(`once(key, None)`) still runs here. They are counted apart in the report.

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


ONCE = re.compile(r"""\bonce\(\s*["']([^"']+)["']""")
TAKEN = re.compile(r"""\bonce\(\s*["']([^"']+)["']\s*,\s*None\s*\)""")


def _left_to_the_build(found):
    """Indexes of the fences the build alone runs: executed at build time,
    no session, and no fence that does run here takes a result of theirs
    through bookruns.once (`once(key, None)`). Decided from the last fence
    back, so a chain of such fences is left whole."""
    left, taken = set(), set()
    for index in reversed(range(len(found))):
        fence = found[index]
        if not fence.is_python:
            continue
        computes = set(ONCE.findall(fence.code)) - set(TAKEN.findall(fence.code))
        if (fence.executed_at_build and not fence.attributes.get("session")
                and not computes & taken):
            left.add(index)
        else:
            taken |= set(TAKEN.findall(fence.code))
    return left


PAGES = pages(".md")
_ran = {}
_opted_out = {}
_at_build = {}


def _id(path):
    return path.relative_to(DOCS).as_posix()


def run_fences(text, name, at_build=None):
    """Run the Python fences of one page; return (ran, [(line, reason)]).
    Fences the build runs on their own are appended to `at_build` (a list)
    instead, when it is given."""
    ran, opted_out, sessions = 0, [], {}
    found = fences(text)
    left = _left_to_the_build(found) if at_build is not None else set()
    for index, fence in enumerate(found):
        if not fence.is_python:
            continue
        reason = fence.opt_out_reason
        if reason is not None:
            opted_out.append((fence.line, reason))
            continue
        code = expand_snippets(fence.code)
        assert "--8<--" not in code, f"{name}:{fence.line}: include not expanded"
        session = fence.attributes.get("session")
        if index in left:
            at_build.append(fence.line)
            continue
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
    at_build = []
    ran, opted_out = run_fences(page.read_text(encoding="utf-8"), _id(page), at_build)
    _ran[page] = ran
    _opted_out[page] = opted_out
    _at_build[page] = len(at_build)
    REPORT["fences"] = (sum(_ran.values()),
                        [(f"{_id(p)}:{line}", reason)
                         for p, items in _opted_out.items() for line, reason in items],
                        sum(_at_build.values()))


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


def test_a_build_time_fence_without_a_session_is_left_to_the_build():
    page = ('```python exec="on"\nraise RuntimeError("the build reports this")\n```\n\n'
            '```python exec="on" session="s"\nvalue = 2\n```\n\n'
            '```python\nprint("shown")\n```\n')
    at_build = []
    assert run_fences(page, "example", at_build) == (2, [])
    assert at_build == [1]
    with pytest.raises(AssertionError, match="RuntimeError"):
        run_fences(page, "example")             # without at_build: every fence


def test_a_build_time_fence_runs_when_a_fence_that_runs_takes_its_result():
    page = ('```python exec="on"\nfrom bookruns import once\n'
            'once("fences-test-feeds", lambda: 3)\n```\n\n'
            '```python exec="on"\nfrom bookruns import once\n'
            'assert once("fences-test-feeds", None) == 3\n```\n')
    at_build = []
    assert run_fences(page, "example", at_build) == (0, []) and at_build == [1, 6]
    shown = page.replace('exec="on"\nfrom bookruns import once\nassert',
                         'exec="on" session="s"\nfrom bookruns import once\nassert')
    at_build = []
    assert run_fences(shown, "example", at_build) == (2, []) and at_build == []
