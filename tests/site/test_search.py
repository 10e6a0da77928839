"""Search finds what readers type (booksite/hooks/search.py and
docs/assets/javascripts/search-terms.js).

In a real browser on the built site: Korean queries with particles
("손실을"), compounds typed without their spaces ("교차엔트로피"), forms the
book does not use ("과적합" for 과대적합), and inflected English
("overfitting" against the stem "overfit") each list the right chapter among
their first three results. Beside that, the index itself: the Korean one
carries base forms and compound parts, the English one stems, and the query
script is in the worker once.
"""

import json
import re

import pytest

from sitesource import ROOT
from test_browser import _search, browser, server, visit  # noqa: F401  (fixtures)

# (what a reader types, the chapter folder that should come up in the top 3)
KOREAN = [
    ("손실을", "03-why-a-loss"),                # particle
    ("역전파를", "05-why-backprop"),
    ("소프트맥스의", "02-activations"),
    ("옵티마이저는", "07-training"),
    ("드롭아웃을", "10-regularisation"),
    ("시그모이드는", "02-activations"),
    ("학습률을", "07-training"),
    ("교차엔트로피", "04-losses"),              # compounds without the space
    ("이진교차엔트로피", "04-losses"),
    ("경사하강법", "07-training"),
    ("손실함수", "03-why-a-loss"),
    ("활성화함수", "02-activations"),
    ("손글씨숫자", "09-digits"),
    ("검증세트", "08-generalisation"),
    ("원핫인코딩", "04-losses"),
    ("연쇄법칙", "05-why-backprop"),
    ("가중치초기화", "01-neurons-layers"),
    ("조기종료", "10-regularisation"),
    ("계산그래프", "05-why-backprop"),
    ("혼동행렬", "09-digits"),
    ("과적합이", "08-generalisation"),          # forms the book does not use
    ("에폭", "07-training"),
    ("드랍아웃", "10-regularisation"),
]
ENGLISH = [
    ("overfitting", "08-generalisation"),
    ("gradients", "05-why-backprop"),
    ("activations", "02-activations"),
    ("generalisation", "08-generalisation"),
    ("optimisers", "07-training"),
    ("losses", "04-losses"),
    ("neurons", "01-neurons-layers"),
    ("regularisation", "10-regularisation"),
    ("digits", "09-digits"),
    ("stopping early", "10-regularisation"),
    ("initialisation", "01-neurons-layers"),
    ("categorical cross-entropy", "04-losses"),
    ("backpropagation", "05-why-backprop"),
    ("saturating", "02-activations"),
    ("dropped", "10-regularisation"),
    ("penalties", "10-regularisation"),
    ("learning rates", "07-training"),
    ("handwritten", "09-digits"),
    ("sigmoids", "02-activations"),
]


def search(v, query):
    """The result paths for `query`, as test_browser's helper types it."""
    return _search(v, query)


def _top3(paths):
    return list(dict.fromkeys(paths))[:3]


@pytest.mark.parametrize("language, queries", [("ko", KOREAN), ("en", ENGLISH)])
def test_reader_queries_find_their_chapter(visit, language, queries):
    assert len(queries) >= 15
    v = visit()
    v.open("" if language == "ko" else "en/")
    misses = []
    for query, chapter in queries:
        top = _top3(search(v, query))
        if not any(f"/{chapter}/" in path for path in top):
            misses.append(f"{query!r}: wanted {chapter}, got {top}")
        if language == "ko":
            assert not [p for p in top if p.startswith("/en/")], (query, top)
        else:
            assert all(p.startswith("/en/") for p in top), (query, top)
    assert not misses, "\n".join(misses)
    assert v.errors == [] and v.third_party() == []


def test_korean_index_carries_base_forms_and_parts(site):
    korean = json.loads((site.root / "search" / "search_index.json").read_text())
    english = json.loads((site.root / "en" / "search" / "search_index.json")
                         .read_text())
    assert "morphs" in korean["config"]["fields"]
    assert "morphs" not in english["config"]["fields"]
    assert not any("morphs" in doc for doc in english["docs"])
    assert "stemmer" in english["config"]["pipeline"]
    # Both list two languages, so that the worker loads lunr.multi.
    assert len(korean["config"]["lang"]) == len(english["config"]["lang"]) == 2
    def parts(page):
        """The morphs of every entry (sections too) of one page."""
        return {part for doc in korean["docs"]
                if doc["location"].split("#")[0] == page
                for part in doc.get("morphs", "").split()}

    ch4 = parts("04-losses/cross-entropy/")
    assert {"교차", "엔트로피", "손실"} <= ch4, sorted(ch4)
    # The glossary's forms the book does not use point at its own term.
    ch8 = parts("08-generalisation/")
    assert {"과적합", "오버피팅"} <= ch8, sorted(ch8)


def test_query_script_is_in_the_worker_once(site):
    worker = (site.root / "assets" / "javascripts" / "lunr" / "min"
              / "lunr.multi.min.js").read_text(encoding="utf-8")
    assert worker.count("nnbookTerms = terms") == 1
    assert worker.startswith("!function")          # lunr-languages' own code first


def test_word_parts_from_kiwi():

    from kiwipiepy import Kiwi

    from booksite.hooks import search as search_hook
    kiwi = Kiwi()

    def parts(word):
        return search_hook._parts(word, kiwi.tokenize(word))

    assert parts("손실함수를") == {"손실", "함수", "손실함수"}
    assert "활성화" in parts("활성화")              # noun + suffix stays one
    assert parts("층을") == {"층"}                  # one syllable, a whole word
    assert "무" not in parts("무작위로")             # one syllable, a misreading
    assert parts("를") == set()                     # a particle is no part


def test_query_script_states_its_rules():
    """The script the worker gets is the one in docs/, with its particle list."""
    source = (ROOT / "docs" / "assets" / "javascripts" / "search-terms.js").read_text()
    particles = re.search(r"var PARTICLES = \[(.*?)\];", source, re.S).group(1)
    assert all(p in particles for p in ('"을"', '"를"', '"에서"', '"으로"'))
