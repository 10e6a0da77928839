"""Try Zensical on the book's mkdocs.yml and say what carries over.

    make zensical        # creates .venv-zensical/ and runs this; never fails

Informational only: the book is built by MkDocs (mkdocs.yml); Zensical, the
successor of Material for MkDocs, reads mkdocs.yml too. Run with the Python
of .venv-zensical/ (zensical pinned in the Makefile, plus the book's own
extras so that markdown-exec, mkdocstrings and the page code can run).

1. `zensical build -f mkdocs.yml`, exactly as the configuration stands.
2. The same configuration with only what stops Zensical before it builds
   adapted, each listed in the output: a Zensical copy of mkdocs.yml at the
   repository root (Zensical wants docs_dir and site_dir inside the
   configuration's folder), building into build/zensical-site/ (the MkDocs
   site/ is left alone). Then the built site is inspected for each feature
   the book relies on and a line per feature says whether it carried over.

Always exits 0; the findings are the output.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRY_CONFIG = ROOT / ".zensical-try.yml"
SITE = ROOT / "build" / "zensical-site"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# TensorFlow segfaults when first imported by markdown-exec inside one of
# Zensical's worker threads (seen with zensical 0.0.73): import it in the
# main thread first, then run Zensical's own command line.
RUN_ZENSICAL = (
    "import sys\n"
    "try:\n"
    "    import tensorflow  # noqa: F401\n"
    "except ImportError:\n"
    "    pass\n"
    "from zensical.main import cli\n"
    "sys.argv = ['zensical'] + sys.argv[1:]\n"
    "sys.exit(cli())\n"
)


def run(*args, env=None):
    result = subprocess.run(
        [sys.executable, "-c", RUN_ZENSICAL, *args], cwd=ROOT, env=env,
        text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.returncode, ANSI.sub("", result.stdout)


def adapted_config(text):
    """mkdocs.yml with what stops Zensical before building changed; (text, notes)."""
    notes = []
    if "!relative" in text:
        text = re.sub(r"\[!relative \$config_dir\]", "[.]", text)
        notes.append("`!relative $config_dir` (pymdownx.snippets base_path) -> `.`: "
                     "Zensical's YAML loader knows !ENV but not MkDocs' !relative")
    text, count = re.subn(r"(?m)^site_dir: .*$", "site_dir: build/zensical-site", text)
    if count:
        notes.append("site_dir -> build/zensical-site (must be inside the project; "
                     "keeps MkDocs' site/ untouched)")
    text, count = re.subn(r"(?m)^(\s*)custom_dir: overrides$",
                          r"\1# custom_dir: overrides", text)
    if count:
        notes.append("theme.custom_dir dropped: overrides/ use variables that "
                     "hooks/*.py set, and Zensical runs no MkDocs hooks")
    return text, notes


def count(path, needle):
    try:
        return path.read_text(encoding="utf-8").count(needle)
    except FileNotFoundError:
        return None


def inspect(log):
    """One (feature, carried_over, detail) per thing the book relies on."""
    html = sorted(SITE.rglob("*.html"))
    pages = [p.relative_to(SITE).as_posix() for p in html]
    found = []

    def add(feature, ok, detail):
        found.append((feature, ok, detail))

    suffixed = [p for p in pages if re.search(r"\.(ko|en)/index\.html$", p)]
    add("two languages (mkdocs-static-i18n)", (SITE / "en").is_dir() and not suffixed,
        f"no en/ tree; page.ko.md and page.en.md become {len(suffixed)} pages at "
        "'<name>.ko/' and '<name>.en/', with no language switcher"
        if suffixed else "en/ tree present")
    english = SITE / "index.en" / "index.html"
    add("English nav titles and UI language (i18n nav_translations)",
        bool(count(english, "Chapter 1. Neurons")) and not count(english, 'lang="ko"'),
        "the English preface shows the Korean nav titles under <html lang=\"ko\">"
        if english.is_file() else "no English preface page")
    warnings = len(re.findall(r"(?m)^Warning: page does not exist", log))
    add("nav and links between pages", warnings == 0,
        f"{warnings} 'page does not exist' warnings: nav entries and links name "
        "'page.md' while the files are 'page.ko.md'/'page.en.md'" if warnings
        else "all resolved")
    notebooks = [p for p in pages if "/notebook" in p]
    ipynb = sorted(SITE.rglob("*.ipynb"))
    add("notebook pages (mkdocs-jupyter)", bool(notebooks),
        f"not rendered: {len(ipynb)} .ipynb files copied as downloads, no pages"
        if not notebooks else f"{len(notebooks)} pages")
    page = SITE / "04-losses" / "cross-entropy.ko" / "index.html"
    add("listings from src/nnbook (pymdownx.snippets)",
        bool(count(page, "categorical_crossentropy</span>")) and not count(page, "--8&lt;--"),
        "sections included (with base_path adapted)")
    add("build-time output (markdown-exec)",
        bool(count(page, 'class="language-text')),
        "exec fences ran; needs tools/ on PYTHONPATH, which hooks/environment.py "
        "adds under MkDocs")
    reference = SITE / "reference" / "index.en" / "index.html"
    add("API reference (mkdocstrings)", bool(count(reference, "doc-heading")),
        "rendered (mkdocstrings installed in the Zensical environment)")
    add("self-hosted KaTeX (extra_javascript/extra_css, arithmatex)",
        bool(count(page, "katex.min.js")) and (SITE / "assets" / "katex").is_dir(),
        "scripts, styles and fonts copied")
    add("hooks/*.py (notebook links, per-language search, offline, edition)", False,
        "not run: Zensical ignores `hooks:` without a word")
    index = SITE / "search.json"
    add("per-language search index", False,
        "one search.json for all pages"
        + (f" ({count(index, chr(34) + 'location' + chr(34))} entries)" if index.is_file() else "")
        + "; search.lang [ko, en] is dropped as unsupported")
    add("--strict", False, "would fail on the warnings above")
    return pages, found


def main():
    env = dict(os.environ, NO_COLOR="1", TF_CPP_MIN_LOG_LEVEL="3",
               TF_ENABLE_ONEDNN_OPTS="0", MPLBACKEND="Agg",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "tools"),
                                                         os.environ.get("PYTHONPATH")])))
    version = subprocess.run([sys.executable, "-m", "pip", "show", "zensical"],
                             text=True, capture_output=True).stdout
    version = re.search(r"(?m)^Version: (.*)$", version)
    print(f"== Zensical {version.group(1) if version else '(not installed)'} "
          "on mkdocs.yml (informational; the book is built by MkDocs)")

    code, log = run("build", "-f", "mkdocs.yml", env=env)
    last = [line for line in log.splitlines() if line.strip()][-3:]
    print(f"\n1. as is: `zensical build -f mkdocs.yml` exited {code}")
    for line in last:
        print(f"   | {line}")

    text, notes = adapted_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    print("\n2. adapted copy of mkdocs.yml (.zensical-try.yml):")
    for note in notes:
        print(f"   - {note}")
    TRY_CONFIG.write_text(text, encoding="utf-8")
    try:
        code, log = run("build", "--clean", "-f", TRY_CONFIG.name, env=env)
    finally:
        TRY_CONFIG.unlink(missing_ok=True)
    summary = [line for line in log.splitlines()
               if re.match(r"(Build finished|\d+ issues? found|Error)", line)]
    print(f"   `zensical build` exited {code}: {'; '.join(summary) or '(no summary line)'}")
    if not SITE.is_dir():
        print("   no site was written")
        for line in log.splitlines()[-10:]:
            print(f"   | {line}")
        return 0
    pages, found = inspect(log)
    print(f"   {len(pages)} HTML pages in {SITE.relative_to(ROOT)}/\n")
    for feature, ok, detail in found:
        print(f"   [{'carries over' if ok else 'DOES NOT   '}] {feature}: {detail}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:      # informational: report, never fail
        print(f"zensical try stopped: {type(error).__name__}: {error}")
        sys.exit(0)
