"""Try Zensical on the book's mkdocs.yml and say what carries over.

    make zensical        # creates .venv-zensical/ and runs this; never fails

Informational only: the book is built by MkDocs (mkdocs.yml). Zensical, the
successor of Material for MkDocs, reads mkdocs.yml too; zensical-i18n reads
the settings of mkdocs-static-i18n (the `i18n` plugin) and runs one Zensical
build per language. Run with the Python of .venv-zensical/ (both pinned in
the Makefile, plus the book's own extras so that markdown-exec, mkdocstrings
and the page code can run).

Everything is written to a copy, build/zensical-try/ (mkdocs.yml, docs/,
overrides/, src/), which holds Zensical's cache, zensical-i18n's work folder
and the site; the repository is only read.

1. `zensical build -f mkdocs.yml`, exactly as the configuration stands.
2. `zensical-i18n build` on a copy of the configuration with only what stops
   it adapted, each adaptation listed in the output. The site it writes,
   build/zensical-try/site/, is then inspected for each feature the book
   relies on, a line per feature saying whether it carried over.

Always exits 0; the findings are the output.
"""

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "zensical-try"
SITE = WORK / "site"
TRY_CONFIG = "zensical-try.yml"
# The modules the pages' hidden blocks import (bookfig, bookruns, ...), put
# on sys.path by booksite/hooks/environment.py under MkDocs.
PAGES = ROOT / "booksite" / "pages"
# TensorFlow segfaults when markdown-exec first runs it in one of Zensical's
# worker threads (zensical 0.0.73): a sitecustomize.py on PYTHONPATH imports
# it in the main thread of every Python started here, zensical-i18n's
# per-language processes included.
STARTUP = "try:\n    import tensorflow  # noqa: F401\nexcept ImportError:\n    pass\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Tagged:
    """A YAML tag such as !ENV, kept as written in the adapted copy."""

    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class Loader(yaml.SafeLoader):
    pass


class Dumper(yaml.SafeDumper):
    pass


Loader.add_multi_constructor("!", lambda loader, suffix, node: Tagged(
    node.tag, loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
    else loader.construct_scalar(node)))
Dumper.add_representer(Tagged, lambda dumper, data: (
    dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, list) else dumper.represent_scalar(data.tag, data.value)))


def run(*args, env):
    result = subprocess.run([sys.executable, "-m", *args], cwd=WORK, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.returncode, ANSI.sub("", result.stdout)


def adapt(config):
    """Change in place what stops zensical-i18n before it builds; the notes."""
    notes = []
    for extension in config.get("markdown_extensions", []):
        snippets = isinstance(extension, dict) and extension.get("pymdownx.snippets")
        if snippets and any(isinstance(path, Tagged) for path in snippets.get("base_path", [])):
            snippets["base_path"] = [str(ROOT)]
            notes.append("`!relative $config_dir` (pymdownx.snippets base_path) -> the "
                         "repository's path: Zensical's YAML loader knows !ENV, not !relative")
    if config.get("theme", {}).pop("custom_dir", None):
        notes.append("theme.custom_dir dropped: overrides/ use values that the hooks "
                     "set, and with them the footer fails on an undefined value")
    for plugin in config.get("plugins", []):
        i18n = isinstance(plugin, dict) and plugin.get("i18n")
        for language in (i18n or {}).get("languages", []):
            palette = language.get("theme", {}).get("palette")
            if palette:
                language["theme"]["palette"] = [
                    {**base, **own, "toggle": {**base.get("toggle", {}), **own.get("toggle", {})}}
                    for base, own in zip(config["theme"]["palette"], palette)]
                notes.append(f"{language['locale']}: theme.palette given in full: "
                             "zensical-i18n replaces a language's lists where "
                             "mkdocs-static-i18n merges them item by item")
    return notes


def count(path, needle):
    try:
        return path.read_text(encoding="utf-8").count(needle)
    except FileNotFoundError:
        return 0


def inspect(config, log):
    """One (feature, carried_over, detail) per thing the book relies on."""
    found = []

    def add(feature, ok, detail):
        found.append((feature, ok, detail))

    english = SITE / "en" / "index.html"
    add("two languages (i18n plugin)", bool(count(english, "md-i18n")),
        "Korean at /, English at /en/, with zensical-i18n's language selector; "
        "each language is a Zensical build of its own")
    add("English nav titles and UI language (nav_translations)",
        bool(count(english, "Chapter 1. Neurons")) and bool(count(english, '<html lang="en"')),
        "translated, under <html lang=\"en\">")
    issues = [int(n or 0) for n in re.findall(r"(?m)^(?:No|(\d+)) issues? found", log)]
    clean = bool(issues) and not any(issues)
    add("nav and links between pages, and --strict", clean,
        "no issues in either language, which --strict requires" if clean
        else f"issues per language: {issues or 'no count printed'}")
    pages = list(SITE.rglob("notebook/index.html"))
    ipynb = list(SITE.rglob("*.ipynb"))
    add("notebook pages (mkdocs-jupyter)", bool(pages),
        f"{len(pages)} pages; {len(ipynb)} .ipynb files copied as downloads, "
        "which the nav links to")
    page = SITE / "04-losses" / "cross-entropy" / "index.html"
    add("listings from src/nnbook (pymdownx.snippets)",
        bool(count(page, "categorical_crossentropy</span>")) and not count(page, "--8&lt;--"),
        "sections included (with base_path adapted)")
    failed = [p for p in SITE.rglob("*.html") if count(p, "Traceback (most recent call last)")]
    add("build-time output (markdown-exec)",
        bool(count(page, 'class="language-text')) and not failed,
        f"exec blocks ran (their helpers put on PYTHONPATH here); {len(failed)} "
        "pages show a traceback")
    unresolved = [p for p in SITE.rglob("*.html") if count(p, 'src="nnbook-figure:')]
    add("figures (bookfig)", not unresolved,
        f"{len(unresolved)} pages keep <img src=\"nnbook-figure:...\">: a hook "
        "(figures.py) turns those into files" if unresolved else "all written")
    reference = SITE / "en" / "reference" / "index.html"
    add("API reference (mkdocstrings)", bool(count(reference, "doc-heading")),
        "rendered in both languages")
    add("self-hosted KaTeX (extra_javascript/extra_css, arithmatex)",
        bool(count(page, "katex.min.js")) and (SITE / "assets" / "katex").is_dir(),
        "scripts, styles and fonts copied")
    add("per-language search index",
        (SITE / "search.json").is_file() and (SITE / "en" / "search.json").is_file(),
        "one search.json per language; search.lang [ko, en] is dropped, and "
        "the Korean word forms that a hook (search.py) adds are missing")
    hooks = ", ".join(Path(h).stem for h in config.get("hooks", []))
    add("MkDocs hooks", False, f"not run, without a word: {hooks}")
    return found


def main():
    pythonpath = [str(WORK / "startup"), str(PAGES), os.environ.get("PYTHONPATH")]
    env = dict(os.environ, NO_COLOR="1", TF_CPP_MIN_LOG_LEVEL="3",
               TF_ENABLE_ONEDNN_OPTS="0", MPLBACKEND="Agg",
               # bookfig writes figures there, not in the repository's .cache/
               NNBOOK_BLOCK_CACHE_DIR=str(WORK / "blocks"),
               PYTHONPATH=os.pathsep.join(filter(None, pythonpath)))
    versions = []
    for name in ("zensical", "zensical-i18n"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    print(f"== {', '.join(versions)} on mkdocs.yml "
          "(informational; the book is built by MkDocs)")

    shutil.rmtree(WORK, ignore_errors=True)
    for name in ("docs", "overrides", "src"):
        shutil.copytree(ROOT / name, WORK / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", WORK / "mkdocs.yml")
    (WORK / "startup").mkdir()
    (WORK / "startup" / "sitecustomize.py").write_text(STARTUP, encoding="utf-8")

    code, log = run("zensical", "build", "-f", "mkdocs.yml", env=env)
    print(f"\n1. as is: `zensical build -f mkdocs.yml` exited {code}")
    for line in [line for line in log.splitlines() if line.strip()][-3:]:
        print(f"   | {line}")

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml.load(file, Loader=Loader)
    notes = adapt(config)
    (WORK / TRY_CONFIG).write_text(
        yaml.dump(config, Dumper=Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    print(f"\n2. `zensical-i18n build` on an adapted copy ({TRY_CONFIG}):")
    for note in notes:
        print(f"   - {note}")
    code, log = run("zensical_i18n", "build", "--clean", "-f", TRY_CONFIG, env=env)
    summary = [line for line in log.splitlines()
               if re.match(r"(Building|Build finished|No issues|\d+ issues? found|Error)", line)]
    print(f"   exited {code}: {'; '.join(summary) or '(no summary line)'}")
    if code or not SITE.is_dir():
        print("   no site was written")
        for line in [line for line in log.splitlines() if not line.startswith("findfont:")][-10:]:
            print(f"   | {line}")
        return 0
    print(f"   {len(list(SITE.rglob('*.html')))} HTML pages in {SITE.relative_to(ROOT)}/\n")
    for feature, ok, detail in inspect(config, log):
        print(f"   [{'carries over' if ok else 'DOES NOT   '}] {feature}: {detail}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:      # informational: report, never fail
        print(f"zensical try stopped: {type(error).__name__}: {error}")
        sys.exit(0)
