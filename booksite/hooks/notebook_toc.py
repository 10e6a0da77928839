"""Notebook pages: make the table of contents point at the headings.

mkdocs-jupyter builds a notebook page's table of contents from a Markdown
copy of the notebook (Python-Markdown's toc: unique ids such as `1`, `1_1`,
`_1`), while nbconvert gives the rendered headings ids of its own (ASCII
slugs, not unique, empty for a Korean-only heading). The two disagree, so
most entries of the right-hand contents and of the page's own `¶` links
jumped nowhere; and the toc copy drops inline code from a title
("2. and" for "2. `evaluate` and `predict`").

Here, once the page is rendered, the headings of the notebook (those with
nbconvert's `anchor-link`) are matched to the toc entries in document order:
each heading takes the toc entry's id (its `¶` link follows), and each toc
entry takes the heading's text as its title. A different number of headings
and entries fails the build instead of guessing.
tests/site/test_links.py checks every anchor of the built site.
"""

import html
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<body>.*?)'
    r'<a class="anchor-link" href="#[^"]*">(?P<mark>.*?)</a></h(?P=level)>',
    re.S)
_TAG = re.compile(r"<[^>]+>")


def _flatten(items):
    for item in items:
        yield item
        yield from _flatten(item.children)


@event_priority(-100)
def on_page_content(content, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    entries = list(_flatten(page.toc))
    headings = list(_HEADING.finditer(content))
    if len(entries) != len(headings):
        raise PluginError(
            f"{page.file.src_uri}: {len(headings)} notebook headings but "
            f"{len(entries)} table-of-contents entries; "
            "booksite/hooks/notebook_toc.py cannot pair them")
    pieces, end = [], 0
    for entry, heading in zip(entries, headings):
        if int(heading["level"]) != entry.level:
            raise PluginError(
                f"{page.file.src_uri}: heading {heading['body']!r} is h{heading['level']}, "
                f"its table-of-contents entry {entry.title!r} is level {entry.level}")
        text = html.unescape(_TAG.sub("", heading["body"])).strip()
        entry.title = html.escape(text, quote=False)   # a title is HTML
        anchor = html.escape(entry.id, quote=True)
        pieces.append(content[end:heading.start()])
        pieces.append(
            f'<h{heading["level"]} id="{anchor}">{heading["body"]}'
            f'<a class="anchor-link" href="#{anchor}">{heading["mark"]}</a>'
            f'</h{heading["level"]}>')
        end = heading.end()
    pieces.append(content[end:])
    return "".join(pieces)
