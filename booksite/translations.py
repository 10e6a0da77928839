"""Translation freshness: a translated page remembers what it was translated from.

Every page of the book exists twice, `name.ko.md` and `name.en.md` (or
`notebook.ko.ipynb` and `notebook.en.ipynb`). One of the two is the source,
the other its translation. The translation records the source's hash:

* a Markdown page in its front matter::

      ---
      translated_from:
        page: index.ko.md
        sha256: 3f1c0e9a7b2d
      ---

* a notebook in its metadata: `metadata.nnbook.translated_from`, same keys.

The hash covers what a reader reads: a Markdown page without its front
matter; a notebook's cell types and sources (not outputs or metadata). When
the source changes, the recorded hash no longer matches and
tests/site/test_translations.py fails, naming the page.

    python -m booksite.translations status            # every pair: fresh or stale
    python -m booksite.translations diff PAGE         # what changed in PAGE's source
    python -m booksite.translations stamp PAGE...     # PAGE is up to date again
    python -m booksite.translations stamp --new PAGE  # first record (PAGE's twin is the source)

`diff` looks through the source's git history for the version whose hash
was recorded and shows `git diff` from there: the part to translate.
"""

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("ko", "en")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>ko|en)\.(?P<ext>md|ipynb)$")


class TranslationError(ValueError):
    """A page whose translation record is missing, malformed or stale."""


# ------------------------------------------------------------- the hash
def content_hash(path, text=None):
    """12 hex digits of SHA-256 over what a reader of `path` reads."""
    text = path.read_text("utf-8") if text is None else text
    if path.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        body = json.dumps([[c["cell_type"], "".join(c["source"])] for c in cells],
                          ensure_ascii=False)
    else:
        body = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"), count=1)
        body = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


# ------------------------------------------------------- the record
def record(path):
    """The page's `translated_from` record as a dict, or None."""
    text = path.read_text("utf-8")
    if path.suffix == ".ipynb":
        meta = json.loads(text).get("metadata", {}).get("nnbook", {})
        return meta.get("translated_from")
    found = _FRONT_MATTER.match(text)
    if not found:
        return None
    import yaml
    return (yaml.safe_load(found.group(1)) or {}).get("translated_from")


def write_record(path, source):
    """Record `source`'s current hash in the translation `path`."""
    entry = {"page": source.name, "sha256": content_hash(source)}
    text = path.read_text("utf-8")
    if path.suffix == ".ipynb":
        notebook = json.loads(text)
        notebook.setdefault("metadata", {}).setdefault("nnbook", {})[
            "translated_from"] = entry
        # nbformat's own layout: one-space indent, UTF-8 as is.
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False)
                        + "\n", "utf-8")
        return entry
    block = (f"---\ntranslated_from:\n  page: {entry['page']}\n"
             f"  sha256: {entry['sha256']}\n---\n")
    found = _FRONT_MATTER.match(text)
    if found:
        if not re.fullmatch(r"translated_from:\n  page: .*\n  sha256: .*",
                            found.group(1)):
            raise TranslationError(
                f"{path}: front matter holds more than translated_from; "
                "edit it by hand")
        text = text[found.end():]
    path.write_text(block + text, "utf-8")
    return entry


# ------------------------------------------------------------ the pairs
def _rel(path):
    try:
        return path.relative_to(ROOT)
    except ValueError:
        return path


def twin(path):
    m = _NAME.match(path.name)
    if not m:
        raise TranslationError(f"{path}: not a name.<ko|en>.<md|ipynb> page")
    other = "en" if m["lang"] == "ko" else "ko"
    return path.with_name(f"{m['stem']}.{other}.{m['ext']}")


def pairs(docs=DOCS):
    """(ko page, en page) for every page of the book."""
    for ko in sorted(docs.rglob("*.ko.*")):
        if _NAME.match(ko.name):
            yield ko, twin(ko)


def status(ko, en):
    """(translation, source, problem or None) for one pair of twins."""
    if not en.exists():
        return None, ko, f"{_rel(en)} is missing"
    records = {p: record(p) for p in (ko, en)}
    stamped = [p for p, r in records.items() if r]
    if len(stamped) != 1:
        which = "neither" if not stamped else "both"
        return None, None, (f"{_rel(ko)} / {en.name}: {which} "
                            "carries translated_from; exactly one must")
    translation = stamped[0]
    source = twin(translation)
    entry = records[translation]
    if entry.get("page") != source.name:
        return translation, source, (
            f"{_rel(translation)}: translated_from.page is "
            f"{entry.get('page')!r}, expected {source.name!r}")
    if entry.get("sha256") != content_hash(source):
        return translation, source, (
            f"{_rel(translation)} is stale: "
            f"{_rel(source)} changed since it was translated. "
            f"See `python -m booksite.translations diff {_rel(translation)}`, "
            "update the translation, then `python -m booksite.translations stamp "
            f"{_rel(translation)}`")
    return translation, source, None


def source_diff(translation):
    """`git diff` of the source since the version whose hash was recorded."""
    source = twin(translation)
    wanted = (record(translation) or {}).get("sha256")
    rel = source.relative_to(ROOT).as_posix()
    commits = subprocess.run(
        ["git", "log", "--format=%H", "--", rel], cwd=ROOT,
        capture_output=True, text=True, check=True).stdout.split()
    for commit in commits:
        old = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=ROOT,
                             capture_output=True, text=True)
        if old.returncode == 0 and content_hash(source, old.stdout) == wanted:
            return subprocess.run(
                ["git", "diff", commit, "--", rel], cwd=ROOT,
                capture_output=True, text=True, check=True).stdout
    raise TranslationError(
        f"no committed version of {rel} has hash {wanted}; compare by hand")


# ------------------------------------------------------------- command
def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="list every pair and whether it is fresh")
    diff = sub.add_parser("diff", help="show what changed in PAGE's source")
    diff.add_argument("page", type=Path)
    stamp = sub.add_parser("stamp", help="record the source's current hash")
    stamp.add_argument("pages", type=Path, nargs="+")
    stamp.add_argument("--new", action="store_true",
                       help="PAGE has no record yet: its twin is the source")
    args = parser.parse_args(argv)

    if args.command == "status":
        problems = 0
        for ko, en in pairs():
            translation, _, problem = status(ko, en)
            name = (translation or ko).relative_to(ROOT)
            print(f"{'STALE' if problem else 'fresh':5}  {problem or name}")
            problems += bool(problem)
        return 1 if problems else 0
    if args.command == "diff":
        print(source_diff(args.page.resolve()), end="")
        return 0
    for page in args.pages:
        page = page.resolve()
        if record(page) is None and not args.new:
            raise SystemExit(f"{page}: no translated_from record; if its twin "
                             "is the source, use `stamp --new`")
        entry = write_record(page, twin(page))
        print(f"{_rel(page)}: translated from {entry['page']} "
              f"@ {entry['sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
