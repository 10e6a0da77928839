"""The book on a phone: 390 x 844 CSS pixels, in Chromium.

Every page of the book (chapters, notebooks, preface, essay, glossary,
reference, about), in both languages, is opened at phone size, several
at a time (tests/site/sweep.py), so none is left out. On each:

* the page itself does not scroll sideways, and everything wider than the
  screen sits in a box that scrolls on its own: code (pre/code), math
  (.arithmatex, .katex-display), a table's wrapper, a notebook cell's code
  or output; a formula's box never scrolls vertically;
* no copy button covers code text (docs/assets/stylesheets/nnbook.css moves
  Material's into a listing's title bar, or starts the code below it).

Notebook pages also: no "In [n]:" column on a phone (the code box gets the
width), the Colab install cell collapsed after the title instead of above
it, and copy buttons that speak the page's language (booksite/hooks/notebooks.py).
"""

from urllib.parse import urlsplit

import pytest

import sweep
from sitesource import HANGUL, ROOT
from test_browser import ARGS, ALL_PAGES, _chromium, browser, server, visit  # noqa: F401  (fixtures)

PHONE = (390, 844)
SHOTS = ROOT / "tests" / "screenshots"
NOTEBOOK = "04-losses/notebook/"

# Boxes allowed to be narrower than their content: they scroll inside.
SCROLL_BOXES = ("pre, code, .arithmatex, .katex-display, .katex-mathml, "
                ".md-typeset__scrollwrap, .highlight-ipynb, .jp-OutputArea-output")

# Elements of the article that stick out of the screen. Fine inside a
# clipping ancestor that fits on the screen and either is one of
# SCROLL_BOXES or hides the rest (an SVG, KaTeX's stretchy arrows); a
# table clips its cells but is itself wider, so the walk goes on up.
OVERFLOW = """boxes => {
  const fits = r => r.left >= -1 && r.right <= innerWidth + 1;
  const name = e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
      ? "." + String(e.className).trim().split(/\\s+/).join(".") : "");
  const article = document.querySelector("article.md-content__inner");
  const wide = [];
  for (const el of article.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || fits(r)) continue;
    // Only boxes in the article count: <html> hides what sticks out, it
    // does not let the reader scroll to it.
    let box = el.parentElement;
    while (box !== article && (getComputedStyle(box).overflowX === "visible"
                               || !fits(box.getBoundingClientRect()))) box = box.parentElement;
    if (box !== article && (box.matches(boxes)
                || ["hidden", "clip"].includes(getComputedStyle(box).overflowX))) continue;
    wide.push(`${name(el)} (${Math.round(r.left)}..${Math.round(r.right)}) in ${name(box)}`);
  }
  // A formula's box scrolls sideways only, never up and down.
  for (const math of article.querySelectorAll("div.arithmatex, .katex-display"))
    if (math.scrollHeight > math.clientHeight + 1) wide.push(`${name(math)} scrolls vertically`);
  return {page: document.scrollingElement.scrollWidth, screen: innerWidth, wide: wide.slice(0, 8)};
}"""

# Lines of code under a copy button: [line text, button] pairs.
COVERED = """() => {
  const overlap = (a, b) => a.left < b.right && b.left < a.right
                            && a.top < b.bottom && b.top < a.bottom;
  const covered = [];
  const buttons = document.querySelectorAll(
      "article .md-code__nav, article .zeroclipboard-container");
  for (const button of buttons) {
    const b = button.getBoundingClientRect();
    if (b.width === 0) continue;                    // in a closed tab or <details>
    const block = button.closest(".highlight, .jp-InputArea-editor");
    const code = block.querySelector("code, pre");
    const visible = code.getBoundingClientRect();
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.right <= visible.left || r.left >= visible.right) continue;  // scrolled away
        if (overlap(r, b)) covered.push([node.textContent.trim().slice(0, 40), block.className]);
      }
    }
  }
  return covered.slice(0, 5);
}"""


def _phone(visit, scheme="light"):
    return visit(scheme, viewport=PHONE)


def test_nothing_but_code_math_and_tables_scrolls_sideways(browser, server):
    async def check(kind, path, page):
        return (await page.evaluate(OVERFLOW, SCROLL_BOXES),
                await page.evaluate(COVERED))

    paths = [prefix + path for path in ALL_PAGES.values() for prefix in ("", "en/")]
    results, requests, errors = sweep.visit_all(
        server, _chromium(), ARGS, {"phone": ("light", PHONE)}, paths, check)
    assert len(results) == len(paths)
    problems = {}
    for (_, path), (found, covered) in results.items():
        if found["page"] > found["screen"] or found["wide"]:
            problems[path] = found
        if covered:
            problems[path + " (copy button over code)"] = covered
    assert not problems, problems
    host = urlsplit(server).netloc
    assert errors["phone"] == [], errors["phone"]
    assert [u for u in requests["phone"] if not u.startswith(("data:", "blob:", "about:"))
            and urlsplit(u).netloc != host] == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_notebook_cells_use_the_width_and_the_install_cell_waits(visit, prefix):
    v = _phone(visit)
    page = v.open(prefix + NOTEBOOK)
    # No prompt column: the code box is about as wide as the text column,
    # and so is the notebook (no float beside it narrows it).
    assert page.locator(".jp-InputPrompt:visible, .jp-OutputPrompt:visible").count() == 0
    widths = page.evaluate("""() => {
      const width = s => document.querySelector(s).getBoundingClientRect().width;
      return {text: width('article.md-content__inner'), notebook: width('.jp-Notebook'),
              code: [...document.querySelectorAll('.highlight-ipynb')]
                      .find(e => e.checkVisibility()).getBoundingClientRect().width};
    }""")
    assert widths["notebook"] >= widths["text"] - 1, widths
    assert widths["code"] > 0.9 * widths["text"], widths
    # The install cell: still in the page, collapsed, below the title.
    install = page.evaluate("""() => {
      const d = document.querySelector('details.nnbook-install-cell');
      const h1 = document.querySelector('article h1');
      const first = document.querySelector('.jp-CodeCell');
      return d && {open: d.open, label: d.querySelector('summary').textContent.trim(),
                   colab: d.textContent.includes('"google.colab" in sys.modules'),
                   firstCodeCellInside: d.contains(first),
                   belowTitle: d.getBoundingClientRect().top >= h1.getBoundingClientRect().bottom};
    }""")
    assert install, "no collapsed install cell"
    assert install["open"] is False and install["colab"] and install["firstCodeCellInside"]
    assert install["belowTitle"], "the install cell sits above the title"
    assert bool(HANGUL.search(install["label"])) == (prefix == ""), install["label"]
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{prefix[:2] or 'ko'}-notebook-phone-light.png"))
    assert v.errors == [] and v.third_party() == []


def test_notebook_keeps_its_prompts_on_a_wide_screen(visit):
    v = visit()
    page = v.open(NOTEBOOK)
    assert page.locator(".jp-InputPrompt:visible", has_text="In [2]:").count() == 1


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_notebook_copy_tooltip_speaks_the_page_language(visit, server, prefix):
    v = _phone(visit)
    v.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = v.open(prefix + NOTEBOOK)
    words = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                          ".translations")
    assert bool(HANGUL.search(words["clipboard.copied"])) == (prefix == "")
    button = page.locator(".jp-CodeCell clipboard-copy:visible").first
    assert button.get_attribute("aria-label") == words["clipboard.copy"]
    button.click()
    notice = button.locator(".notice")
    notice.wait_for(state="visible", timeout=3000)
    assert notice.inner_text().strip() == words["clipboard.copied"]
    assert "Copied!" not in page.content()
    assert v.errors == [] and v.third_party() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_screenshots_of_a_chapter(visit, scheme):
    """For looking at: chapter 7 (Adam's wide formula, listings, output)."""
    v = _phone(visit, scheme)
    SHOTS.mkdir(exist_ok=True)
    for prefix in ("", "en/"):
        page = v.open(prefix + "07-training/")
        page.evaluate("[...document.querySelectorAll('div.arithmatex')]"
                      ".sort((a, b) => b.scrollWidth - a.scrollWidth)[0]"
                      ".scrollIntoView({block: 'center'})")
        page.screenshot(path=str(SHOTS / f"{prefix[:2] or 'ko'}-07-training-phone-{scheme}.png"))
    assert v.errors == [] and v.third_party() == []
