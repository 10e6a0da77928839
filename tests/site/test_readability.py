"""Reading without good eyes: code colours with enough contrast, math a
screen reader can read.

* Every Pygments token colour Material uses (`--md-code-hl-*-color`, and
  the plain code colour) against the code background, in both colour
  schemes, as the browser resolves the CSS variables (alpha composited):
  4.5:1 or better, WCAG AA for text. docs/assets/stylesheets/nnbook.css
  lifts three slate colours that measured 4.45 to 4.56.
* KaTeX renders each formula twice: HTML for the eye (aria-hidden) and
  MathML for screen readers (`.katex-mathml`, KaTeX's default output
  htmlAndMathml). Both must be there, on chapter and notebook pages.
"""

import pytest

from test_browser import browser, server, visit  # noqa: F401  (fixtures)

AA = 4.5
TOKENS = ("number", "special", "function", "constant", "keyword", "string",
          "name", "operator", "punctuation", "comment", "generic", "variable")

# WCAG's arithmetic, shared by both measurements: alpha compositing and
# relative luminance.
COLOUR_MATH = """
  const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
  const luminance = c => {
    const [r, g, b] = c.map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };"""

# name -> contrast ratio of each colour against the code background.
CONTRAST = """tokens => {
  const canvas = document.createElement("canvas").getContext("2d");
  const probe = document.createElement("span");
  document.querySelector(".md-typeset").appendChild(probe);
  const rgba = value => {           // any CSS colour -> [r, g, b, alpha]
    probe.style.color = value;
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = getComputedStyle(probe).color;
    canvas.fillRect(0, 0, 1, 1);
    const d = canvas.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  ${COLOUR_MATH}
  const style = getComputedStyle(document.querySelector(".md-typeset"));
  const value = name => style.getPropertyValue(name).trim();
  const background = over(rgba(value("--md-code-bg-color")), rgba(value("--md-default-bg-color")));
  const names = ["--md-code-fg-color"].concat(tokens.map(t => `--md-code-hl-${t}-color`));
  const ratios = {};
  for (const name of names) {
    const [a, b] = [luminance(over(rgba(value(name)), background)), luminance(background)]
      .sort((x, y) => y - x);
    ratios[name] = Math.round((a + 0.05) / (b + 0.05) * 100) / 100;
  }
  probe.remove();
  return ratios;
}""".replace("${COLOUR_MATH}", COLOUR_MATH)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_colours_have_aa_contrast(visit, scheme):
    v = visit(scheme)
    page = v.open("07-training/")
    ratios = page.evaluate(CONTRAST, list(TOKENS))
    assert len(ratios) == len(TOKENS) + 1
    low = {name: ratio for name, ratio in ratios.items() if ratio < AA}
    assert not low, f"{scheme}: under {AA}:1 against the code background: {low}"


@pytest.mark.parametrize("path", ["04-losses/cross-entropy/", "en/07-training/",
                                  "04-losses/notebook/"])
def test_math_carries_mathml_for_screen_readers(visit, path):
    v = visit()
    page = v.open(path)
    formulas = page.evaluate("""() => [...document.querySelectorAll('article .katex')]
      .map(k => ({mathml: !!k.querySelector(':scope > .katex-mathml > math annotation'),
                  hidden: k.querySelector(':scope > .katex-html')
                           ?.getAttribute('aria-hidden') === 'true'}))""")
    assert len(formulas) >= 3
    assert all(f["mathml"] for f in formulas), "a formula without MathML"
    assert all(f["hidden"] for f in formulas), "a formula read twice (HTML not aria-hidden)"


# Every coloured token span of a notebook's code cells: its colour against
# the cell's background, as drawn.
NOTEBOOK_TOKENS = """() => {
  const canvas = document.createElement("canvas").getContext("2d");
  const rgba = value => {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = value;
    canvas.fillRect(0, 0, 1, 1);
    const d = canvas.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  ${COLOUR_MATH}
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const worst = {};
  for (const block of document.querySelectorAll(".jp-CodeCell .highlight-ipynb")) {
    const background = over(rgba(getComputedStyle(block).backgroundColor), page);
    for (const span of block.querySelectorAll("span[class]")) {
      if (!span.textContent.trim()) continue;
      const [a, b] = [luminance(over(rgba(getComputedStyle(span).color), background)),
                      luminance(background)].sort((x, y) => y - x);
      const ratio = Math.round((a + 0.05) / (b + 0.05) * 100) / 100;
      const name = span.className;
      if (!(name in worst) || ratio < worst[name]) worst[name] = ratio;
    }
  }
  return worst;
}""".replace("${COLOUR_MATH}", COLOUR_MATH)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_notebook_code_colours_have_aa_contrast(visit, scheme):
    v = visit(scheme)
    page = v.open("02-activations/notebook/")
    worst = page.evaluate(NOTEBOOK_TOKENS)
    assert {"k", "o", "mf", "c1", "s2"} <= set(worst), worst
    low = {name: ratio for name, ratio in worst.items() if ratio < AA}
    assert not low, f"{scheme}: notebook tokens under {AA}:1: {low}"
