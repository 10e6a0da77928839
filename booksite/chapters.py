"""The chapters at a glance: one row per chapter, derived from the sources.

CONTRIBUTING.md and CONTRIBUTING.ko.md show a table of the teaching
chapters: each chapter's pages, the code it shows, the tests that prove that
code and the exercises. A table kept by hand drifts as chapters grow, so
this module derives every row from the repository and writes it between
the markers `<!-- chapter-table:start -->` and `<!-- chapter-table:end -->`:

    python -m booksite.chapters            # print the English table
    python -m booksite.chapters --write    # rewrite it in both guides
    python -m booksite.chapters --check    # exit 1 if a guide is stale

A chapter is a folder docs/NN-slug/ (NN two digits). Its row holds:

* the title: the first `# ` heading of index.en.md (index.ko.md in Korean);
* its pages: the .ko.md names without the language suffix, in the order of
  mkdocs.yml's `nav:`, and whether it has a notebook;
* the code it shows: the pymdownx.snippets includes of its Korean pages
  that come from src/nnbook, as `module.py` and section names, in the order
  a reader meets them; the English pages must include the same, or this
  module raises;
* its tests: tests/test_<module>.py and tests/test_<module>_keras.py for
  each module shown (those that exist), the tests named after what they
  prove rather than a module (PROVES: the module, and the sections if not
  all, whose code they test), and tests/test_exercise_checkers_<slug>.py
  (hyphens as underscores). A test of tests/ that lands in no row must be
  in BOOK_WIDE (tests/test_contributing.py checks it);
* its exercises: the files in exercises/NN-slug/ (solutions and their
  starters) and the module of nnbook.exercises that checks them.

Only the standard library and PyYAML: it runs from the repository root
with `python -m`, before anything else is installed.
"""

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PACKAGE = ROOT / "src" / "nnbook"
TESTS = ROOT / "tests"
EXERCISES = ROOT / "exercises"
GUIDES = {"en": ROOT / "CONTRIBUTING.md", "ko": ROOT / "CONTRIBUTING.ko.md"}
START, END = "<!-- chapter-table:start -->", "<!-- chapter-table:end -->"
CHAPTER_FOLDER = re.compile(r"(?P<number>[0-9]{2})-(?P<slug>[a-z-]+)")


# ------------------------------------------------------------ mkdocs.yml

class _Loader(yaml.SafeLoader):
    """A safe loader that reads `!ENV [...]` and `!relative x` as plain values."""


def _tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    return loader.construct_sequence(node)


_Loader.add_multi_constructor("!", _tag)


def mkdocs_config():
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                     Loader=_Loader)


def nav_order(config):
    """Page sources ('04-losses/index.md', ...) in the order of `nav:`."""
    order = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                order.append(value)
    walk(config["nav"])
    return order


def snippets_base(config):
    """The folder snippet include paths are relative to (the repository)."""
    for item in config["markdown_extensions"]:
        if isinstance(item, dict) and "pymdownx.snippets" in item:
            base = (item["pymdownx.snippets"] or {}).get("base_path", ["."])
            base = base if isinstance(base, list) else [base]
            if len(base) != 1:
                raise ValueError(f"mkdocs.yml: one snippets base_path, not {base}")
            # `!relative $config_dir`: the folder of mkdocs.yml.
            return ROOT if base[0] == "$config_dir" else ROOT / base[0]
    raise ValueError("mkdocs.yml: pymdownx.snippets is not configured")


# ------------------------------------------------------------- the pages

def title(page):
    """The first `# ` heading of a page, outside front matter and fences."""
    text = re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"),
                  flags=re.S)
    fence = None
    for line in text.splitlines():
        marker = re.match(r"^\s*(`{3,}|~{3,})", line)
        if marker:
            if fence is None:
                fence = marker.group(1)
            elif marker.group(1).startswith(fence):
                fence = None
            continue
        if fence is None and line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    raise ValueError(f"{page.relative_to(ROOT)} has no '# ' title")


# pymdownx.snippets includes: `--8<-- "file:section"` on its own line, or a
# block of targets between two bare `--8<--` lines (`;` comments one out).
INCLUDE = re.compile(r"""^[ \t]*-{1,}8<-{1,}[ \t]+(["'])(?P<target>.+?)\1\s*$""")
BLOCK_MARKER = re.compile(r"^[ \t]*-{1,}8<-{1,}\s*$")


def includes(text):
    """Every snippet target of a page ('src/nnbook/node.py:Layer'), in order."""
    found = []
    in_block = False
    for line in text.split("\n"):
        if BLOCK_MARKER.match(line):
            in_block = not in_block
        elif in_block:
            if line.strip() and not line.strip().startswith(";"):
                found.append(line.strip())
        elif match := INCLUDE.match(line):
            found.append(match.group("target"))
    return found


# ------------------------------------------------------------- the rows

@dataclass
class Chapter:
    """One row of the table."""
    folder: str                    # '04-losses'
    number: int                    # 4
    titles: dict                   # {'en': 'Chapter 4. ...', 'ko': '4장. ...'}
    pages: list                    # ['index', 'cross-entropy', ...]
    notebook: bool
    shows: dict = field(default_factory=dict)    # {'losses.py': ['Loss', ...]}
    tests: list = field(default_factory=list)    # ['test_losses.py', ...]
    solutions: list = field(default_factory=list)   # ['ex1_....py', ...]
    starters: list = field(default_factory=list)    # ['ex1_..._starter.py']
    other_files: list = field(default_factory=list)
    checker: str = None            # 'nnbook.exercises.losses'

    @property
    def slug(self):
        return self.folder[3:]


def _targets(folder, language, base, order):
    """The include targets of a chapter's pages in one language, nav order."""
    def position(page):
        source = f"{folder.name}/{page.name.replace(f'.{language}.md', '.md')}"
        return order.index(source) if source in order else len(order)
    pages = sorted(folder.glob(f"*.{language}.md"), key=position)
    targets = [t for page in pages for t in includes(page.read_text("utf-8"))]
    for target in targets:
        if not (base / target.split(":", 1)[0]).is_file():
            raise ValueError(f"{folder.name} ({language}) includes {target!r}: "
                             "no such file")
    return pages, targets


def _shows(targets, base):
    """{'node.py': ['Layer', 'Loss'], ...} for the targets under src/nnbook."""
    shows = {}
    for target in targets:
        file, _, section = target.partition(":")
        path = (base / file).resolve()
        if not path.is_relative_to(PACKAGE):
            continue                 # exercise solutions: their own column
        sections = shows.setdefault(path.relative_to(PACKAGE).as_posix(), [])
        if section and section not in sections:
            sections.append(section)
    return shows


# Tests named after what they prove: {file: [(module, sections or None)]}.
PROVES = {
    "test_training.py": [("model.py", None)],
    "test_network_keras.py": [("model.py", None)],
    "test_machines.py": [("recipes.py", ["spiral_model"])],
    "test_digits_keras.py": [("recipes.py", ["digits_model"])],
}
# Tests of the whole book, in no chapter's row.
BOOK_WIDE = ("test_bad_input.py", "test_docstrings.py", "test_exercises.py",
             "test_contributing.py")


def _proven_by(shows):
    """The PROVES tests whose modules and sections `shows` includes."""
    return [name for name, targets in PROVES.items()
            if any(module in shows and (sections is None
                                        or set(sections) & set(shows[module]))
                   for module, sections in targets)]


def chapter(folder, config=None):
    """The row of one chapter folder, docs/NN-slug/."""
    config = config or mkdocs_config()
    match = CHAPTER_FOLDER.fullmatch(folder.name)
    if not match:
        raise ValueError(f"{folder.name} is not a chapter folder (NN-slug)")
    base, order = snippets_base(config), nav_order(config)

    pages, korean = _targets(folder, "ko", base, order)
    _, english = _targets(folder, "en", base, order)
    if sorted(set(korean)) != sorted(set(english)):
        only_ko = sorted(set(korean) - set(english))
        only_en = sorted(set(english) - set(korean))
        raise ValueError(f"{folder.name}: the English pages include other "
                         f"snippets than the Korean ones: only Korean "
                         f"{only_ko}, only English {only_en}")

    row = Chapter(
        folder=folder.name,
        number=int(match.group("number")),
        titles={language: title(folder / f"index.{language}.md")
                for language in ("en", "ko")},
        pages=[page.name.removesuffix(".ko.md") for page in pages],
        notebook=(folder / "notebook.ko.ipynb").is_file(),
        shows=_shows(korean, base),
    )

    for module in row.shows:
        stem = Path(module).stem
        row.tests += [name for name in (f"test_{stem}.py", f"test_{stem}_keras.py")
                      if (TESTS / name).is_file()]
    row.tests += [name for name in _proven_by(row.shows) if name not in row.tests]
    underscored = row.slug.replace("-", "_")
    if (TESTS / f"test_exercise_checkers_{underscored}.py").is_file():
        row.tests.append(f"test_exercise_checkers_{underscored}.py")

    files = sorted(p.name for p in (EXERCISES / folder.name).glob("*")
                   if p.is_file()) if (EXERCISES / folder.name).is_dir() else []
    row.starters = [f for f in files if re.fullmatch(r"ex\d+_\w+_starter\.py", f)]
    row.solutions = [f for f in files if re.fullmatch(r"ex\d+_\w+\.py", f)
                     and f not in row.starters]
    row.other_files = [f for f in files
                       if f not in row.starters and f not in row.solutions]
    if (PACKAGE / "exercises" / f"{underscored}.py").is_file():
        row.checker = f"nnbook.exercises.{underscored}"
    return row


def chapters():
    """Every teaching chapter's row, in folder (= book) order."""
    config = mkdocs_config()
    return [chapter(folder, config) for folder in sorted(DOCS.iterdir())
            if folder.is_dir() and CHAPTER_FOLDER.fullmatch(folder.name)]


# ------------------------------------------------------------- the table

HEADERS = {
    "en": ("Chapter", "Pages", "Code it shows", "Tests", "Exercises"),
    "ko": ("장", "페이지", "보여 주는 코드", "테스트", "연습 문제"),
}
WORDS = {
    "en": {"notebook": "notebook", "no notebook": "no notebook",
           "solutions": "solutions {}",
           "paired": "solutions {}, each with its starter (`_starter.py`)",
           "starters": "starters {}", "checker": "checked by {}",
           "also": "also {}"},
    "ko": {"notebook": "노트북", "no notebook": "노트북 없음",
           # Every name ends in .py, read 파이: so 와, not 과.
           "solutions": "풀이 {}",
           "paired": "풀이 {}와 각각의 시작 코드(`_starter.py`)",
           "starters": "시작 코드 {}", "checker": "검사 모듈 {}",
           "also": "그 밖의 파일 {}"},
}


def _code(names):
    return ", ".join(f"`{name}`" for name in names)


def _exercises(row, language):
    words = WORDS[language]
    parts = []
    paired = row.solutions and sorted(row.starters) == sorted(
        s.removesuffix(".py") + "_starter.py" for s in row.solutions)
    if paired:
        parts.append(words["paired"].format(_code(row.solutions)))
    else:
        if row.solutions:
            parts.append(words["solutions"].format(_code(row.solutions)))
        if row.starters:
            parts.append(words["starters"].format(_code(row.starters)))
    if row.other_files:
        parts.append(words["also"].format(_code(row.other_files)))
    if row.checker:
        parts.append(words["checker"].format(f"`{row.checker}`"))
    return "; ".join(parts) or "—"


def cells(row, language):
    """The five cells of a row, in `language` ('en' or 'ko')."""
    words = WORDS[language]
    link = f"docs/{row.folder}/index.{language}.md"
    pages = _code(row.pages) + (f", {words['notebook']}" if row.notebook
                                else f" ({words['no notebook']})")
    shows = "; ".join(f"`{module}`: {', '.join(sections)}" if sections
                      else f"`{module}`" for module, sections in row.shows.items())
    return (f"[{row.titles[language]}]({link}) (`{row.folder}/`)",
            pages, shows or "—", _code(row.tests) or "—",
            _exercises(row, language))


def table(language="en", rows=None):
    """The chapter table as Markdown, headers and cells in `language`."""
    if language not in HEADERS:
        raise ValueError(f"language must be one of {sorted(HEADERS)}, "
                         f"not {language!r}")
    rows = chapters() if rows is None else rows
    lines = ["| " + " | ".join(HEADERS[language]) + " |",
             "|" + "---|" * len(HEADERS[language])]
    lines += ["| " + " | ".join(cells(row, language)) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------- the guides

def with_table(text, table_text, name="the guide"):
    """`text` with `table_text` between the chapter-table markers."""
    if text.count(START) != 1 or text.count(END) != 1 \
            or text.index(START) > text.index(END):
        raise ValueError(f"{name} needs one {START} and, after it, one {END}")
    before, rest = text.split(START)
    _, after = rest.split(END)
    return f"{before}{START}\n{table_text}{END}{after}"


def check(rows=None):
    """The guides whose chapter table is out of date (an empty list if none)."""
    rows = chapters() if rows is None else rows
    stale = []
    for language, path in GUIDES.items():
        text = path.read_text(encoding="utf-8")
        if with_table(text, table(language, rows), path.name) != text:
            stale.append(path)
    return stale


def write(rows=None):
    """Rewrite the table in both guides; return the files that changed."""
    rows = chapters() if rows is None else rows
    changed = []
    for language, path in GUIDES.items():
        text = path.read_text(encoding="utf-8")
        new = with_table(text, table(language, rows), path.name)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m booksite.chapters",
        description="The chapter table of CONTRIBUTING.md and CONTRIBUTING.ko.md.")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true",
                        help="rewrite the table between the markers of both guides")
    action.add_argument("--check", action="store_true",
                        help="exit 1 if either guide's table is out of date")
    args = parser.parse_args(argv)
    if args.write:
        for path in write():
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if args.check:
        stale = check()
        for path in stale:
            print(f"{path.relative_to(ROOT)}: the chapter table is out of date; "
                  "run python -m booksite.chapters --write", file=sys.stderr)
        return 1 if stale else 0
    sys.stdout.write(table("en"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
