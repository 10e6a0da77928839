"""Pages that weigh what they show.

* Notebook pages: mkdocs-jupyter inlines the same Jupyter CSS, about
  0.6 MB, into every notebook page. Each of those <style> blocks becomes one
  file under assets/stylesheets/jupyter/, named by its content, which the
  browser then loads once and caches.
* KaTeX (0.27 MB of CSS, fonts and script) only on pages with math: an
  arithmatex element on a Markdown page, a `$` in a notebook's Markdown
  cells. docs/assets/javascripts/math.js does nothing where KaTeX is absent.
* The search index: the <head> loads search-on-demand.js (through
  overrides/main.html), which fetches it when the reader reaches for search.

tests/site/test_weight.py holds every built page under its limits.
"""

import hashlib
import json
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

STYLE_FOLDER = "assets/stylesheets/jupyter"
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_KATEX = re.compile(r'\s*<(?:link rel="stylesheet" href|script src)='
                    r'"[^"]*assets/katex/[^"]*"[^>]*>(?:</script>)?')
_styles = {}


def _has_math(page, output):
    if page.file.src_uri.endswith(".ipynb"):
        notebook = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
        return any("$" in "".join(cell["source"]) for cell in notebook["cells"]
                   if cell["cell_type"] == "markdown")
    return 'class="arithmatex"' in output


def on_post_page(output, page, config):
    if page.file.src_uri.endswith(".ipynb"):
        def link(match):
            css = match.group(1)
            if len(css) < 500:
                return match.group(0)
            name = hashlib.sha256(css.encode("utf-8")).hexdigest()[:12] + ".css"
            _styles[name] = css
            href = get_relative_url(f"{STYLE_FOLDER}/{name}", page.url)
            return f'<link rel="stylesheet" href="{href}">'

        output = _STYLE.sub(link, output)
    if not _has_math(page, output):
        output = _KATEX.sub("", output)
    return output


def on_post_build(config):
    folder = Path(config.site_dir) / STYLE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, css in _styles.items():
        (folder / name).write_text(css, encoding="utf-8")


def on_post_template(output, template_name, config):
    """404.html is a template, not a page: no math there either."""
    if template_name == "404.html":
        output = _KATEX.sub("", output)
    return output
