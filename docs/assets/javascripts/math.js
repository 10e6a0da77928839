// Math with the self-hosted KaTeX (docs/assets/katex): no CDN.
// Markdown pages: pymdownx.arithmatex (generic mode) leaves \( \) and \[ \]
// inside elements of class "arithmatex". Notebook pages: nbconvert leaves
// $...$ and $$...$$ in the Markdown cells.
(function () {
  "use strict";
  var tex = [
    { left: "\\[", right: "\\]", display: true },
    { left: "\\(", right: "\\)", display: false }
  ];
  var dollars = [
    { left: "$$", right: "$$", display: true },
    { left: "$", right: "$", display: false }
  ].concat(tex);

  function render(root, delimiters) {
    window.renderMathInElement(root, {
      delimiters: delimiters,
      throwOnError: false
    });
  }

  function renderAll() {
    // booksite/hooks/lightpages.py leaves KaTeX out of pages without math.
    if (!window.renderMathInElement) {
      document.documentElement.setAttribute("data-nnbook-math", "rendered");
      return;
    }
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      render(el, tex);
    });
    document.querySelectorAll(".jupyter-wrapper .jp-MarkdownOutput")
      .forEach(function (el) { render(el, dollars); });
    document.documentElement.setAttribute("data-nnbook-math", "rendered");
  }

  if (window.document$) {            // Material's page observable
    window.document$.subscribe(renderAll);
  } else {
    document.addEventListener("DOMContentLoaded", renderAll);
  }
})();
