"""Reading the book's sources the way MkDocs does, for the site tests.

* `mkdocs_config()`: mkdocs.yml as data (its `!relative`/`!ENV` tags kept
  as plain values).
* `expand_snippets(text)`: a page with its pymdownx.snippets includes
  expanded, using the snippets settings of mkdocs.yml.
* `fences(text)`: the fenced code blocks of a page, also those indented under
  admonitions and content tabs, with their info-string attributes.
* `includes(text)` and `sections(path)`: snippet includes of a page and the
  named sections of a source file.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SITE_LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Filled by the tests, printed by conftest.pytest_terminal_summary.
REPORT = {}


# ------------------------------------------------------------ mkdocs.yml

# The same reading of mkdocs.yml as the chapter table's (`!ENV`/`!relative`
# kept as plain values).
from booksite.chapters import mkdocs_config  # noqa: E402


def extension_config(name):
    """The settings of markdown extension `name` in mkdocs.yml."""
    for item in mkdocs_config()["markdown_extensions"]:
        if isinstance(item, dict) and name in item:
            return dict(item[name] or {})
        if item == name:
            return {}
    raise KeyError(f"{name} is not in mkdocs.yml's markdown_extensions")


def plugin_config(name):
    for item in mkdocs_config()["plugins"]:
        if isinstance(item, dict) and name in item:
            return dict(item[name] or {})
        if item == name:
            return {}
    raise KeyError(f"{name} is not in mkdocs.yml's plugins")


# ------------------------------------------------------------- the pages

def pages(suffix=".md"):
    """Every page source under docs/ (excluding docs/README.md)."""
    return sorted(p for p in DOCS.rglob(f"*{suffix}")
                  if p.relative_to(DOCS).as_posix() != "README.md"
                  and "assets" not in p.relative_to(DOCS).parts)


def language_of(path):
    parts = Path(path).name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in SITE_LANGUAGES else None


def twin_of(path, language):
    """docs/x/page.ko.md -> docs/x/page.en.md for language='en'."""
    path = Path(path)
    parts = path.name.split(".")
    parts[-2] = language
    return path.with_name(".".join(parts))


def page_url(path, language):
    """Site path of a page source: '04-losses/cross-entropy/', 'en/...'."""
    rel = Path(path).relative_to(DOCS)
    stem = rel.name.split(".")[0]
    parts = list(rel.parent.parts) + ([] if stem == "index" else [stem])
    url = "/".join(parts) + "/" if parts else ""
    return url if language == DEFAULT_LANGUAGE else f"{language}/{url}"


def notebook_cells(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))["cells"]


# ---------------------------------------------------------- snippets

def snippets_markdown():
    config = extension_config("pymdownx.snippets")
    # `base_path: [!relative $config_dir]` -> the repository root.
    config["base_path"] = [str(ROOT)]
    return markdown.Markdown(extensions=["pymdownx.snippets"],
                             extension_configs={"pymdownx.snippets": config})


def expand_snippets(text):
    md = snippets_markdown()
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


INCLUDE = re.compile(
    r"""^(?P<indent>[ \t]*)-{1,}8<-{1,}[ \t]+(?P<quote>["'])(?P<target>.+?)(?P=quote)\s*$""")
BLOCK_MARKER = re.compile(r"^[ \t]*-{1,}8<-{1,}\s*$")


@dataclass
class Include:
    line: int
    target: str

    @property
    def file(self):
        return self.target.split(":", 1)[0]

    @property
    def section(self):
        parts = self.target.split(":")
        return parts[1] if len(parts) == 2 else None


def includes(text):
    """Every snippet include of a page (inline and block forms)."""
    found = []
    in_block = False
    for number, line in enumerate(text.split("\n"), start=1):
        if BLOCK_MARKER.match(line):
            in_block = not in_block
            continue
        if in_block and line.strip() and not line.strip().startswith(";"):
            found.append(Include(number, line.strip()))
            continue
        match = INCLUDE.match(line)
        if match:
            found.append(Include(number, match.group("target")))
    return found


SECTION = re.compile(
    r"^(?P<indent>[ \t]*)#\s*-{1,}8<-{1,}\s*\[(?P<kind>start|end):(?P<name>\w+)\]\s*$")


@dataclass
class Section:
    name: str
    start: int = None
    end: int = None
    indent: int = 0
    starts: int = 0
    ends: int = 0
    enclosing_class: str = None


def sections(path):
    """name -> Section for every `# --8<-- [start:name]` marker of a file."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    found = {}
    for number, line in enumerate(lines, start=1):
        match = SECTION.match(line)
        if not match:
            continue
        section = found.setdefault(match.group("name"),
                                   Section(match.group("name")))
        if match.group("kind") == "start":
            section.starts += 1
            section.start = number
            section.indent = len(match.group("indent"))
            section.enclosing_class = _enclosing_class(lines, number,
                                                       section.indent)
        else:
            section.ends += 1
            section.end = number
    return found


def _enclosing_class(lines, number, indent):
    if indent == 0:
        return None
    for line in reversed(lines[:number - 1]):
        match = re.match(r"^(\s*)class\s+(\w+)", line)
        if match and len(match.group(1)) < indent:
            return match.group(2)
    return None


# ------------------------------------------------------------- fences

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
PYTHON = {"python", "py", "python3"}
OPT_OUT = re.compile(r"^#\s*not run:\s*(?P<reason>\S.*)$")


@dataclass
class Fence:
    line: int
    info: str
    code: str
    attributes: dict = field(default_factory=dict)

    @property
    def language(self):
        info = self.info.strip()
        if info.startswith("{"):
            match = re.search(r"\.([\w-]+)", info)
            return match.group(1).lower() if match else ""
        return info.split()[0].lower() if info else ""

    @property
    def is_python(self):
        return self.language in PYTHON

    @property
    def executed_at_build(self):
        return self.attributes.get("exec", "").lower() in {"on", "true", "1", "yes"}

    @property
    def shown(self):
        """Code a reader sees: every fence but markdown-exec's hidden ones."""
        return not self.executed_at_build or "source" in self.attributes

    @property
    def opt_out_reason(self):
        first = next((line for line in self.code.split("\n") if line.strip()), "")
        match = OPT_OUT.match(first.strip())
        return match.group("reason").strip() if match else None


def fences(text):
    """The fenced code blocks of a Markdown text, in order."""
    found = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = FENCE_OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence = match.group("indent"), match.group("fence")
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body = []
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            line = lines[j]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            j += 1
        info = match.group("info")
        found.append(Fence(line=i + 1, info=info, code="\n".join(body),
                           attributes=dict(ATTRIBUTE.findall(info))))
        i = j + 1
    return found
