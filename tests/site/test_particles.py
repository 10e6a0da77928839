"""Korean particles after numbers: booksite/pages/korean.py and the built pages.

A Korean particle's form follows how the word before it ends when read
aloud ("0.967이", "1.049였고", "300을", "5%를"). Numbers printed at build
change, so a page that puts a particle after one asks booksite/pages/korean.py; this
file tests that module and then reads every built Korean page: wherever a
number is followed directly by a particle, the particle must fit it.
"""

import re

import pytest

from korean import final_sound, josa
from sitesource import DOCS, page_url


@pytest.mark.parametrize("text, final", [
    ("0", "ㅇ"), ("1", "ㄹ"), ("2", None), ("3", "ㅁ"), ("4", None),
    ("5", None), ("6", "ㄱ"), ("7", "ㄹ"), ("8", "ㄹ"), ("9", None),
    ("10", "ㅂ"), ("20", "ㅂ"), ("300", "ㄱ"), ("1,000", "ㄴ"), ("1200", "ㄱ"),
    ("10000", "ㄴ"), ("150000", "ㄴ"), ("100000000", "ㄱ"), ("16", "ㄱ"),
    ("0.967", "ㄹ"), ("1.049", None), ("0.10", "ㅇ"), ("0.5", None),
    ("-3", "ㅁ"), ("5%", None), ("97.3%", None), ("3.2e-07", "ㄹ"),
    ("1e-12", None), ("2.5e+03", "ㅁ"), ("1E-10", "ㅂ"),
    ("손실", "ㄹ"), ("모델", "ㄹ"), ("가중치", None), ("값", "ㅄ"),
])
def test_final_sound_reads_numbers_as_korean_readers_do(text, final):
    assert final_sound(text) == final


@pytest.mark.parametrize("text, particle, expected", [
    ("1.049", "이었고", "1.049였고"), ("0.967", "였고", "0.967이었고"),
    ("300", "를", "300을"), ("5%", "을", "5%를"), ("2", "으로", "2로"),
    ("7", "으로", "7로"), ("3", "로", "3으로"), ("10", "와", "10과"),
    ("0.9", "이고", "0.9이고"), ("0.7", "고", "0.7이고"), ("4", "은", "4는"),
    ("손실", "가", "손실이"), ("가중치", "을", "가중치를"),
])
def test_josa_picks_the_form_that_fits(text, particle, expected):
    assert josa(text, particle) == expected


@pytest.mark.parametrize("text, particle, message", [
    ("Keras", "는", "cannot tell how 'Keras' ends"),
    ("", "이", "cannot tell how ''"),
    ("3", "개", "'개' does not start with a particle"),
])
def test_josa_refuses_what_it_cannot_read(text, particle, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        josa(text, particle)


# A number not glued to a Latin word ("float64를" is read another way),
# then a particle and the next character. Words that start like a particle
# but are not one ("3가지", "2이상", "3으로부터" is a particle) are left out.
NUMBER_PARTICLE = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?%?)"
    r"(이었|였|으로|로|이|가|은|는|을|를|과|와)(?=(.?))")
NOT_A_PARTICLE = {"가": ("지", "량"), "이": ("상", "하", "내", "후", "전", "번", "미", "제"),
                  "로": ("그",)}
# After 이, these make it the copula (이고, 이므로, 이지만, ...), right after
# any number: "2.2%이므로" and "2.2%므로" are both Korean.
COPULA = ("고", "며", "면", "라", "나", "랑", "다", "에", "므", "지", "니", "어", "자")


def particle_mistakes(text):
    """[(number, written, expected)] for each number + particle in `text`."""
    mistakes = []
    for found in NUMBER_PARTICLE.finditer(text):
        number, particle, after = found.groups()
        if after in NOT_A_PARTICLE.get(particle, ()):
            continue
        if particle == "이" and after in COPULA:
            continue                      # 이고, 이며: right after any number
        written = number + particle
        expected = josa(number, particle)
        if expected != written:
            mistakes.append((number, written, expected))
    return mistakes


def test_the_scan_finds_wrong_particles_and_passes_right_ones():
    text = ("손실은 1.049이었고 정확도는 0.967이고 0.9이고 300를 보면 3가지 2이상 "
            "5%를 7로 3.7e-09으로 1e-12로 2e-3로 2.2%이므로")
    assert particle_mistakes(text) == [("1.049", "1.049이었", "1.049였"),
                                       ("300", "300를", "300을"),
                                       ("3.7e-09", "3.7e-09으로", "3.7e-09로"),
                                       ("2e-3", "2e-3로", "2e-3으로")]


def visible_text(html):
    """The prose of a built page: code, scripts, math and tags removed."""
    html = re.sub(r"<(script|style|pre|code)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<span class="arithmatex">.*?</span>', " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", "", html)
    return re.sub(r"&[a-z]+;|&#\d+;", " ", html)


def test_no_number_on_a_built_korean_page_has_the_wrong_particle(site):
    pages = sorted(DOCS.rglob("*.ko.md")) + sorted(DOCS.rglob("*.ko.ipynb"))
    assert len(pages) > 20
    found = []
    for source in pages:
        url = page_url(source, "ko")
        for number, written, expected in particle_mistakes(
                visible_text(site.page(url))):
            found.append(f"/{url}: {written!r} should be {expected!r}")
    assert not found, "\n".join(found)
