"""Scaffold a new chapter in both languages: the starting point, not the chapter.

    python -m booksite.new_chapter 11 convolution \\
        --module convolution --ko "합성곱" --en "Convolution"
    make chapter NUMBER=11 SLUG=convolution MODULE=convolution \\
        KO="합성곱" EN="Convolution"

Creates (and refuses to overwrite):

* src/nnbook/<module>.py   one snippet section, a function that raises
                           NotImplementedError until you write it;
* tests/test_<module>.py   a test that fails until the function works;
* docs/NN-<slug>/index.{ko,en}.md        the twin pages, with the book's
                                         sections (problem, code, proof,
                                         notebook, summary, exercises);
* docs/NN-<slug>/notebook.{ko,en}.ipynb  the companion notebooks, with the
                                         Colab install cell the build checks;
* exercises/NN-<slug>/ex1_first.py       the first self-checking exercise;

and adds the chapter to mkdocs.yml's nav (after the last chapter) and to the
English nav_translations. The English page and notebook are stamped as
translations of the Korean ones (booksite/translations.py).

Everything that is not yet written fails a test on purpose: the function,
its test, the exercise, the chapter's length and its 2-3 exercises
(tests/site/test_chapters.py). CONTRIBUTING.md walks through the rest.
"""

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from booksite import translations  # noqa: E402


# ---------------------------------------------------------------- templates
MODULE = '''"""{en}: the code of chapter {number}.

Say in two or three sentences what this module is for and why the book
needs it. One idea per module; names read as the book's words.
"""

import numpy as np

from . import checks


# --8<-- [start:{function}]
def {function}(x):
    """What it computes, and why.

    Replace this docstring and the body; the chapter's pages include this
    section, so what you write here is what the reader sees.
    """
    x = checks.as_array(x)
    raise NotImplementedError("nnbook.{module}.{function}: write me "
                              "(chapter {number}, docs/{folder}/)")
# --8<-- [end:{function}]
'''

TEST = '''"""Tests of nnbook.{module} (chapter {number}).

Replace this first test with real ones: expected values worked out by hand,
Keras parity where Keras has the same piece (see tests/test_losses_keras.py),
a gradient check for anything with a backward pass (tests/gradcheck.py), and
the bad inputs it must refuse (tests/test_bad_input.py).
"""

import numpy as np

from nnbook.{module} import {function}


def test_{function}_is_written():
    out = {function}(np.zeros((2, 3)))
    assert np.all(np.isfinite(out))
'''

EXERCISE = '''"""Exercise {number}.1: state the task here, as the page states it.

The `solution` section is what the chapter's pages show inside a collapsed
block; the lines after it check the solution (tests/test_exercises.py runs
every exercise file).
"""

# --8<-- [start:solution]
import numpy as np

from nnbook.{module} import {function}

result = {function}(np.array([[1.0, 2.0]]))
print(result)
# --8<-- [end:solution]

# Self-check: replace with what a correct solution must satisfy.
assert np.all(np.isfinite(result))
'''

# Each heading carries an id shared by both languages, `{#id}`
# (tests/site/test_anchors.py): give a new heading the same id on both.
PAGE_KO = '''# {number}장. {ko}

이 장이 풀려는 문제를 먼저 씁니다. 앞 장까지 만든 것으로는 무엇이 안 되는지, 독자가 그 한계를 직접 보게 하는 작은 실험 하나로 시작하세요. 용어는 처음 나올 때 "손실 함수(loss function)"처럼 영어를 괄호에 함께 적습니다.

## 무엇이 문제인가 {{#problem}}

문제를 보여 주는 실행 결과는 손으로 적지 말고 빌드 때 실행되는 코드 블록으로 만드세요(`python exec="on"`).

## 코드 {{#code}}

코드는 `src/nnbook`에서 이름 붙인 구역(section)으로 가져옵니다. 페이지와 코드가 어긋나지 않는 유일한 방법입니다.

```python title="src/nnbook/{module}.py"
--8<-- "src/nnbook/{module}.py:{function}"
```

## 맞는지 확인하기 {{#checking}}

Keras와 같은 입력을 넣어 같은 답이 나오는지, 기울기 검사가 통과하는지, 그림으로 어떻게 보이는지를 보여 주세요. 숫자는 모두 빌드 때 계산된 것이어야 합니다.

## 노트북에서 직접 해 보기 {{#notebook}}

[이 장의 노트북](notebook.ipynb)에서 이 장의 계산을 한 셀씩 다시 실행해 볼 수 있습니다.

## 정리 {{#summary}}

- 이 장에서 배운 것을 세 줄에서 다섯 줄로 정리합니다.

## 연습 문제 {{#exercises}}

풀이는 저장소의 `exercises/{folder}/` 폴더에 있고, 테스트가 매번 실행해 확인합니다. 먼저 직접 풀어 본 뒤 펼쳐 보세요.

1. 첫 번째 연습 문제를 여기에 씁니다.

    ??? success "풀이 (exercises/{folder}/ex1_first.py)"

        ```python title="exercises/{folder}/ex1_first.py"
        --8<-- "exercises/{folder}/ex1_first.py:solution"
        ```
'''

PAGE_EN = '''# Chapter {number}. {en}

Start from the problem this chapter solves. Show what the previous chapters
cannot do yet, with one small experiment the reader can see fail.

## The problem {{#problem}}

Results that show the problem come from a block run at build time
(`python exec="on"`), never typed by hand.

## The code {{#code}}

Code comes from `src/nnbook` through named sections: the only way the page
and the code cannot drift apart.

```python title="src/nnbook/{module}.py"
--8<-- "src/nnbook/{module}.py:{function}"
```

## Checking it {{#checking}}

Show that Keras gives the same answer on the same input, that a gradient
check passes, and what it looks like in a figure. Every number is computed
at build time.

## Try it in the notebook {{#notebook}}

[This chapter's notebook](notebook.ipynb) lets you re-run the chapter's
computations one cell at a time.

## Summary {{#summary}}

- Three to five lines on what the chapter taught.

## Exercises {{#exercises}}

The solutions live in the repository under `exercises/{folder}/`, and the
tests run them every time. Try each one before you open its solution.

1. State the first exercise here.

    ??? success "Solution (exercises/{folder}/ex1_first.py)"

        ```python title="exercises/{folder}/ex1_first.py"
        --8<-- "exercises/{folder}/ex1_first.py:solution"
        ```
'''

NOTEBOOK_TITLE = {
    "ko": "# {number}장 노트북: {ko}\n\n본문 {number}장의 계산을 한 셀씩 따라갑니다. "
          "첫 셀은 Colab에서만 nnbook을 설치하고, 다른 곳에서는 아무 일도 하지 않습니다.",
    "en": "# Chapter {number} notebook: {en}\n\nThe computations of chapter "
          "{number}, one cell at a time. The first cell installs nnbook on "
          "Colab only and does nothing elsewhere.",
}
NOTEBOOK_CODE = ('import numpy as np\n\nimport nnbook\nimport nnbook.{module}\n\n'
                 'print("nnbook", nnbook.__version__, "| NumPy", np.__version__)')


# ------------------------------------------------------------------ helpers
def _cell(kind, source):
    cell = {"cell_type": kind, "metadata": {}, "source": source.splitlines(True)}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def notebook(language, fields, install_cell):
    return {
        "cells": [install_cell,
                  _cell("markdown", NOTEBOOK_TITLE[language].format(**fields)),
                  _cell("code", NOTEBOOK_CODE.format(**fields))],
        "metadata": {"kernelspec": {"display_name": "Python 3",
                                    "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def install_cell(root):
    """The first cell of an existing notebook: the Colab install cell."""
    existing = sorted((root / "docs").glob("[0-9][0-9]-*/notebook.ko.ipynb"))
    if not existing:
        raise SystemExit("no existing notebook to take the install cell from")
    cell = json.loads(existing[0].read_text("utf-8"))["cells"][0]
    return _cell("code", "".join(cell["source"]))


def add_to_nav(text, fields):
    """mkdocs.yml with the chapter after the last one, in nav and translations."""
    lines = text.splitlines(True)
    section = re.compile(r"^  - (\d+)장\. .*:\s*$")
    chapters = [i for i, line in enumerate(lines) if section.match(line)]
    if not chapters:
        raise SystemExit("mkdocs.yml: no '  - N장. ...:' section in nav")
    end = chapters[-1] + 1
    while end < len(lines) and lines[end].startswith("      - "):
        end += 1
    folder = fields["folder"]
    lines[end:end] = [f"  - {fields['number']}장. {fields['ko']}:\n",
                      f"      - {folder}/index.md\n",
                      f"      - {folder}/notebook.ipynb\n"]
    translation = re.compile(r"^( +)(\d+)장\. .*: .*Chapter \d+\..*$")
    found = [i for i, line in enumerate(lines) if translation.match(line)]
    if not found:
        raise SystemExit("mkdocs.yml: no 'N장. ...: \"Chapter N. ...\"' "
                         "line in nav_translations")
    indent = translation.match(lines[found[-1]]).group(1)
    lines.insert(found[-1] + 1,
                 f'{indent}{fields["number"]}장. {fields["ko"]}: '
                 f'"Chapter {fields["number"]}. {fields["en"]}"\n')
    return "".join(lines)


# ------------------------------------------------------------------- main
def scaffold(root, number, slug, module, ko, en):
    if not re.fullmatch(r"[a-z][a-z-]*", slug):
        raise SystemExit(f"slug {slug!r}: lowercase words joined by '-'")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", module):
        raise SystemExit(f"module {module!r}: a Python module name")
    if not 1 <= number <= 99:
        raise SystemExit(f"number {number}: 1..99")
    folder = f"{number:02d}-{slug}"
    fields = dict(number=number, slug=slug, module=module, ko=ko, en=en,
                  folder=folder, function="first_step")
    files = {
        root / "src" / "nnbook" / f"{module}.py": MODULE,
        root / "tests" / f"test_{module}.py": TEST,
        root / "exercises" / folder / "ex1_first.py": EXERCISE,
        root / "docs" / folder / "index.ko.md": PAGE_KO,
        root / "docs" / folder / "index.en.md": PAGE_EN,
    }
    notebooks = {root / "docs" / folder / f"notebook.{lang}.ipynb": lang
                 for lang in ("ko", "en")}
    taken = [p for p in [*files, *notebooks] if p.exists()]
    if taken or any((root / "docs").glob(f"{number:02d}-*")):
        raise SystemExit("would overwrite: "
                         + ", ".join(str(p.relative_to(root)) for p in taken)
                         + f" (or docs/{number:02d}-* exists)")
    cell = install_cell(root)
    config = root / "mkdocs.yml"
    new_config = add_to_nav(config.read_text("utf-8"), fields)

    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**fields), "utf-8")
    for path, lang in notebooks.items():
        path.write_text(json.dumps(notebook(lang, fields, cell), indent=1,
                                   ensure_ascii=False) + "\n", "utf-8")
    config.write_text(new_config, "utf-8")
    page = root / "docs" / folder
    translations.write_record(page / "index.en.md", page / "index.ko.md")
    translations.write_record(page / "notebook.en.ipynb", page / "notebook.ko.ipynb")
    return [*files, *notebooks, config]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("number", type=int, help="chapter number, e.g. 9")
    parser.add_argument("slug", help="folder name after the number, e.g. convolution")
    parser.add_argument("--module", required=True, help="new module in src/nnbook")
    parser.add_argument("--ko", required=True, help="Korean title, e.g. 합성곱")
    parser.add_argument("--en", required=True, help="English title")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    created = scaffold(args.root.resolve(), args.number, args.slug,
                       args.module, args.ko, args.en)
    for path in created:
        print("wrote", path.relative_to(args.root.resolve()))
    print("Next: CONTRIBUTING.md, 'Adding a chapter'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
