"""Point every notebook's Colab install cell at the current edition.

    python -m booksite.notebook_edition          # after a version bump

The first cell of each notebook installs nnbook on Colab at the git tag of
the edition the site shows, "v" + nnbook.__version__ (booksite/hooks/notebooks.py
fails the build when one does not). This rewrites that one line in every
docs/**/notebook.*.ipynb, keeping the files' JSON layout, and refreshes the
English notebooks' translation records: the code cells are the same in
both languages, so nothing needs translating.
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_INSTALL = re.compile(r'(pip install -q "git\+https://github\.com/[\w.-]+/[\w.-]+@)[^"]+(")')


def main():
    from booksite import translations
    from booksite.hooks.notebooks import edition_tag

    tag = edition_tag(ROOT)
    changed = []
    for path in sorted((ROOT / "docs").glob("**/notebook.*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        first = notebook["cells"][0]
        source = "".join(first["source"])
        new, count = _INSTALL.subn(rf"\g<1>{tag}\g<2>", source)
        if count != 1:
            raise SystemExit(f"{path.relative_to(ROOT)}: no install line in the first cell")
        if new != source:
            first["source"] = new.splitlines(keepends=True)
            path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
            changed.append(path)
    for path in changed:
        if path.name == "notebook.en.ipynb":
            translations.write_record(path, path.with_name("notebook.ko.ipynb"))
    print(f"{len(changed)} notebooks now install nnbook@{tag}")


if __name__ == "__main__":
    main()
