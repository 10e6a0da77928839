"""Build-time output looks like output, not like code to copy.

markdown-exec prints a block's result as a second code block
(`result="text"`): in the HTML it is a `language-text highlight` block like
any other, with Material's copy button, and only its place under the
source says it is output. A `text` block can also be something else (the
API reference shows a docstring's usage example as one), so the HTML alone
cannot tell; markdown-exec can, when it formats the fence.

This hook wraps the fence formatter that markdown-exec registers with
pymdownx.superfences. When a fence asks for a result, the result's block
gets the class `nnbook-output`, Material's `no-copy` (no copy button), and a
label in the page's language (`extra.labels.output` in mkdocs.yml:
출력 / Output). docs/assets/stylesheets/nnbook.css styles it apart from
code; tests/site/test_output_blocks.py checks the pages.

The wrapper only reads the fence's documented options (`result`, `source`,
`html`) and edits the HTML the formatter returns, so the block cache
(booksite/hooks/blockcache.py, which replays the code's printed output) is
unaffected.
"""

import html
import re

from markupsafe import Markup

_label = {"text": "Output"}      # this page's label, set per page below


def _mark_result(markup, result, source):
    """`markup` with the result block of one exec fence marked as output."""
    text = str(markup)      # plain text: Markup + str would escape the str
    opening = f'<div class="language-{result} highlight">'
    found = [m.start() for m in re.finditer(re.escape(opening), text)]
    if not found:                       # nothing printed: no result block
        return markup
    # The result comes after its source ("above", or no source shown),
    # or before it ("below").
    at = found[0] if source == "below" else found[-1]
    label = html.escape(_label["text"])
    marked = (f'<div class="language-{result} highlight nnbook-output no-copy">'
              f'<span class="nnbook-output__label">{label}</span>')
    return Markup(text[:at] + marked + text[at + len(opening):])


def _output_marking(format_fence):
    def format_with_output(source, language, css_class, options, md, **kwargs):
        markup = format_fence(source, language, css_class, options, md, **kwargs)
        result = options.get("result")
        # html="on" injects the output as HTML and "console" merges it into
        # the source block: neither has a result block of its own.
        if result and not options.get("html") and options.get("source") in (
                "", "above", "below"):
            markup = _mark_result(markup, result, options.get("source"))
        return markup

    format_with_output.nnbook_marks_output = True
    return format_with_output


def on_config(config):
    # Runs after markdown-exec's on_config (hooks come after plugins), which
    # registered its formatter for each language it executes.
    superfences = config.mdx_configs.get("pymdownx.superfences", {})
    for fence in superfences.get("custom_fences", []):
        fmt = fence.get("format")
        if (getattr(fmt, "__module__", "").startswith("markdown_exec")
                and not getattr(fmt, "nnbook_marks_output", False)):
            fence["format"] = _output_marking(fmt)
    return config


def on_page_markdown(markdown, page, config, files):
    # static-i18n gives each language its own `extra`, hence per page.
    _label["text"] = config.extra["labels"]["output"]
    return markdown
