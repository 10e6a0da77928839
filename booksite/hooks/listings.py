"""Listings show the idea; the API reference shows the arguments.

Every public name in src/nnbook has a Google-style docstring with `Args:`,
`Returns:` and `Raises:` sections, which mkdocstrings turns into the
parameter tables of the API reference page. Inside a chapter's listing
those sections would double its length and push the code off the screen.
So, after pymdownx.snippets has pasted a listing into a page, this hook
drops those sections from the docstrings of fences titled
`src/nnbook/...`, and only there. The summary and the prose of each
docstring stay, and so does every line of code: the listing still runs
(tests/site/test_fences.py) and is still the package's own text, minus the
argument tables the reader finds one click away in the reference.

pymdownx.snippets has no option to filter what it includes, hence this
small preprocessor, which runs right after it (priority 32 -> 31.5) and
before superfences reads the fences (25).
"""

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r'^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})python\b'
                    r'[^\n]*title="src/nnbook/')
_SECTION = re.compile(r"^\s*(Args|Arguments|Returns|Raises|Yields):\s*$")


def strip_reference_sections(lines):
    """Lines of one listing without the Args/Returns/Raises docstring blocks.

    A docstring left with its summary alone closes on the summary's line.
    """
    out, in_docstring, skipping, opening = [], False, False, None
    for line in lines:
        quotes = line.count('"""')
        if skipping:
            if quotes:                   # the docstring's closing line
                skipping = in_docstring = False
                while out and not out[-1].strip():
                    out.pop()            # no blank line before the quotes
                one_line = out[-1] + '"""'
                if line.strip() == '"""' and len(out) - 1 == opening \
                        and len(one_line) <= 79:
                    out[-1] = one_line
                else:
                    out.append(line)
            continue
        if in_docstring and _SECTION.match(line):
            skipping = True
            continue
        out.append(line)
        if quotes % 2 == 1:
            in_docstring = not in_docstring
            opening = len(out) - 1 if in_docstring else None
    return out


class _Listings(Preprocessor):
    def run(self, lines):
        out, i = [], 0
        while i < len(lines):
            match = _FENCE.match(lines[i])
            if not match:
                out.append(lines[i])
                i += 1
                continue
            closing = match["indent"] + match["fence"]
            end = i + 1
            while end < len(lines) and lines[end].rstrip() != closing:
                end += 1
            out.append(lines[i])
            out.extend(strip_reference_sections(lines[i + 1:end]))
            i = end
        return out


class ListingsExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_Listings(md), "nnbook_listings", 31.5)


def on_config(config):
    config.markdown_extensions.append(ListingsExtension())
    return config
