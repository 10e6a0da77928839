"""Build-time output is labelled as output (booksite/hooks/outputs.py).

Every exec fence with a `result` prints into a block of its own. In the built
pages that block, and only that block, carries the class `nnbook-output`, the
label of the page's language (출력 / Output) and Material's `no-copy`; in the
browser it has no copy button and does not look like code, while the source
blocks keep their copy buttons.
"""

import re

import pytest

from sitesource import (DOCS, HANGUL, expand_snippets, fences, language_of,
                        mkdocs_config, page_url, pages)
from test_browser import browser, server, visit  # noqa: F401  (fixtures)

CHAPTER = "04-losses/cross-entropy/"
OUTPUT = re.compile(r'<div class="language-(\w+) highlight nnbook-output no-copy">'
                    r'<span class="nnbook-output__label">([^<]*)</span>')


def _labels():
    config = mkdocs_config()
    english = next(plugin["i18n"] for plugin in config["plugins"]
                   if isinstance(plugin, dict) and "i18n" in plugin)
    english = next(lang for lang in english["languages"] if lang["locale"] == "en")
    return {"ko": config["extra"]["labels"]["output"],
            "en": english["extra"]["labels"]["output"]}


def _result_fences(source):
    text = expand_snippets(source.read_text(encoding="utf-8"))
    return [f for f in fences(text) if f.executed_at_build and f.attributes.get("result")
            and f.attributes.get("html", "off") not in ("on", "true", "1", "yes")]


def test_labels_exist_in_both_languages():
    labels = _labels()
    assert HANGUL.search(labels["ko"]) and not HANGUL.search(labels["en"]), labels


@pytest.mark.parametrize("source", pages(".md"), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_result_block_and_nothing_else_is_labelled(site, source):
    language = language_of(source)
    html = site.page(page_url(source, language))
    marked = OUTPUT.findall(html)
    expected = _result_fences(source)
    # One labelled block per fence that prints a result (every one here does).
    assert len(marked) == len(expected), (len(marked), len(expected))
    assert {label for _, label in marked} <= {_labels()[language]}
    assert [lang for lang, _ in marked] == [f.attributes["result"] for f in expected]


def test_a_text_block_that_is_not_output_stays_code(site):
    """The API reference shows a docstring's usage example as a text block."""
    html = site.page("reference/")
    assert 'class="language-text highlight"' in html
    assert not OUTPUT.search(html)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_output_has_a_label_and_no_copy_button_source_keeps_its_own(visit, prefix):
    v = visit()
    page = v.open(prefix + CHAPTER)
    blocks = page.evaluate("""() => [...document.querySelectorAll('article .highlight')]
      .filter(b => b.checkVisibility())        // not in a hidden tab or closed <details>
      .map(b => ({output: b.classList.contains('nnbook-output'),
                  copy: !!b.querySelector('button[data-md-type=copy]'),
                  label: b.querySelector('.nnbook-output__label')?.innerText.trim(),
                  border: parseFloat(getComputedStyle(b).borderLeftWidth),
                  background: getComputedStyle(b.querySelector('code')).backgroundColor}))""")
    outputs = [b for b in blocks if b["output"]]
    sources = [b for b in blocks if not b["output"]]
    assert len(outputs) >= 5 and len(sources) >= 5
    assert not [b for b in outputs if b["copy"]], "an output block has a copy button"
    assert all(b["copy"] for b in sources), "a source block lost its copy button"
    label = _labels()["en" if prefix else "ko"]
    # Material's text-transform may show it in capitals; the text is the label.
    assert {b["label"].lower() for b in outputs} == {label.lower()}
    # Visibly not code: a rule on the left, not the code background.
    assert all(b["border"] > 0 for b in outputs)
    assert {b["background"] for b in outputs}.isdisjoint({b["background"] for b in sources})
    assert v.errors == [] and v.third_party() == []
