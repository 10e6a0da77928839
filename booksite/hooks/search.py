"""Search that finds what readers type, in Korean and in English.

Material's search (lunr) splits Korean text at spaces only, so "손실을" and
"손실" are different words to it, and a compound typed without its space
("교차엔트로피") finds nothing. Its bundled lunr.ko trims and drops stop
words; it has no morphological analysis. And Material appends "*" to every
query term, which makes lunr skip stemming for it, so on the English site
"overfitting" missed the stem "overfit" in the index.

Two halves, one vocabulary:

* here, at build time, Kiwi (kiwipiepy, a maintained Korean morphological
  analyser) reads every word of the Korean index once and each Korean entry
  gets a `morphs` field: the base forms and compound parts of its words
  ("손실을" -> 손실; "손실함수" -> 손실, 함수, 손실함수; "활성화" -> 활성,
  활성화), and the forms of the glossary's terms that the book does not use
  (과적합 where it says 과대적합). Results still show the entry's own title
  and text;
* in the browser, docs/assets/javascripts/search-terms.js, appended to the
  lunr-languages script that Material's worker loads, rewrites each query
  term against the index's own vocabulary: particles dropped, compounds
  split, English stemmed as the index is (its header says how).

Kiwi's analyses are cached per word under .cache/nnbook-search/, so a
rebuild does not load its model (about 1 s) unless new words appear.
Runs after booksite/hooks/languages.py has split the index per language (-200) and
before booksite/hooks/offline.py copies the indexes into scripts (-300).
"""

import hashlib
import json
import logging
import os
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search")

ROOT = Path(__file__).resolve().parents[2]
QUERY_SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "search-terms.js"
WORKER_SCRIPT = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.multi.min.js"
MARKER = "\n/* nnbook: search-terms.js */\n"
CACHE = Path(os.environ.get("NNBOOK_SEARCH_CACHE_DIR",
                            ROOT / ".cache" / "nnbook-search"))

# Content morphemes: common and proper nouns, numerals, roots, Chinese
# characters. A noun suffix (XSN: 화, 성, 도, 률 ...) joins the noun before it
# ("활성" + "화"), except the plural 들.
_NOUNS = {"NNG", "NNP", "NR", "XR", "SH"}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_TAG = re.compile(r"<[^>]+>")


def _words(index):
    separator = re.compile(index["config"]["separator"])
    for doc in index["docs"]:
        text = _TAG.sub(" ", doc.get("title", "") + " " + doc.get("text", ""))
        yield doc, {w.lower() for w in separator.split(text) if _HANGUL.search(w)}


def _parts(word, tokens):
    """Base forms and compound parts of `word`, from Kiwi's tokens."""
    parts, run = set(), []
    for token in tokens:
        if token.tag in _NOUNS:
            run.append(token.form)
        elif token.tag == "XSN" and run and token.form != "들":
            run[-1] += token.form
        else:
            if len(run) > 1:
                parts.add("".join(run))
            parts.update(run)
            run = []
    if len(run) > 1:
        parts.add("".join(run))
    parts.update(run)
    # A one-syllable part is mostly a misreading ("무작위" as 무 + 작위), so
    # it counts only as a whole word before its particles ("층을" -> 층).
    whole = (len(tokens) > 0 and tokens[0].tag in _NOUNS
             and word.startswith(tokens[0].form)
             and all(t.tag.startswith(("J", "VCP", "E")) for t in tokens[1:]))
    return {part.lower() for part in parts
            if _HANGUL.search(part) and (len(part) > 1 or whole)}


def _analyse(words):
    """{word: [parts]} for every word, from the cache or from Kiwi."""
    from importlib.metadata import version

    key = hashlib.sha256(f"kiwipiepy {version('kiwipiepy')} "
                         f"model {version('kiwipiepy_model')} "
                         f"{sorted(_NOUNS)}".encode()).hexdigest()[:16]
    path = CACHE / f"parts-{key}-4.json"
    known = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    missing = sorted(w for w in words if w not in known)
    if missing:
        kiwi = _kiwi()
        # One word at a time: a word's analysis then never depends on which
        # words happen to stand beside it in this build's list.
        for word in missing:
            known[word] = sorted(_parts(word, kiwi.tokenize(word)))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    return known, len(missing)


def _kiwi():
    """One analyser per process: its model takes seconds to load, and under
    `make serve` every save with a new Korean word would load it again."""
    if "kiwi" not in _KIWI:
        from kiwipiepy import Kiwi

        _KIWI["kiwi"] = Kiwi()
    return _KIWI["kiwi"]


_KIWI = {}


def _other_forms():
    """{the book's Korean term: the forms it does not use}, from the
    glossary's `ko_wrong` lists: a reader who types 과적합 wants the pages
    that say 과대적합."""
    import yaml

    terms = yaml.safe_load((ROOT / "docs" / "glossary" / "terms.yml")
                           .read_text(encoding="utf-8"))
    return {term["ko"]: ["".join(form.split()).lower()
                         for form in term.get("ko_wrong", [])]
            for term in terms if term.get("ko_wrong")}


def add_morphs(index):
    """Give each entry of a Korean index a `morphs` field; return the count
    of words Kiwi had to analyse."""
    docs = list(_words(index))
    known, analysed = _analyse(set().union(*(words for _, words in docs)))
    other_forms = _other_forms()
    for doc, words in docs:
        parts = set()
        for word in words:
            parts.update(known[word])
        text = doc.get("title", "") + " " + doc.get("text", "")
        for term, forms in other_forms.items():
            if term in text:
                parts.update(forms)
        if parts:
            doc["morphs"] = " ".join(sorted(parts))
    index["config"]["fields"]["morphs"] = {"boost": 1.0}
    return analysed


@event_priority(-250)       # after booksite/hooks/languages.py (-200), before offline (-300)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return              # an inner, single-language build
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    analysed = add_morphs(index)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    # Idempotent: a rebuild that did not copy Material's file again (a dirty
    # build) must not append the script twice.
    worker = site / WORKER_SCRIPT
    original = worker.read_text(encoding="utf-8").split(MARKER)[0]
    worker.write_text(original + MARKER + QUERY_SCRIPT.read_text(encoding="utf-8"),
                      encoding="utf-8")
    log.info("Korean search: base forms and compound parts for %d entries "
             "(%d new words analysed)", len(index["docs"]), analysed)
