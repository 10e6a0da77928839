"""Korean particles after computed values: "1.049였고", not "1.049이었고".

A Korean particle has two forms, chosen by how the word before it ends when
read aloud: after a final consonant "이, 은, 을, 과, 으로", after a vowel
"가, 는, 를, 와, 로" (and "로" after ㄹ). A page that prints a number and
then a particle cannot know the number when the sentence is written, so it
asks here:

    from korean import josa
    print(f"검증 손실은 {josa(f'{loss:.3f}', '이었고')} ...")

Numbers are read as Korean readers read them: 0.967 as 영 점 구 육 칠 (ends
칠, ㄹ), 300 as 삼백 (ㄱ), 10000 as 만 (ㄴ), 5% as 오 퍼센트 (a vowel), and
1e-12 by its exponent, 일 이 마이너스 십이 (a vowel).
tests/site/test_particles.py checks this module and every number followed by
a particle on the built Korean pages.
"""

import re

# (after a final consonant, after a vowel); "으로/로" is special below.
PAIRS = [("이었", "였"), ("이에요", "예요"), ("이라", "라"), ("이나", "나"),
         ("이며", "며"), ("이고", "고"), ("이면", "면"), ("이랑", "랑"),
         ("으로", "로"), ("이", "가"), ("은", "는"), ("을", "를"), ("과", "와")]

# How each digit's name ends: None for a vowel, else the final consonant.
DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": None, "3": "ㅁ", "4": None,
               "5": None, "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": None}
# The place word that ends an integer with k trailing zeros: 십, 백, 천,
# then 만 (k = 4-7), 억 (8-11), 조 (12-15), 경 (16-19).
PLACE_FINAL = {1: "ㅂ", 2: "ㄱ", 3: "ㄴ", 4: "ㄴ", 8: "ㄱ", 12: None, 16: "ㅇ"}
FINALS = [None, "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ",
          "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ",
          "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
# After a vowel the copula's 이 may stay or go ("0.9이고" and "0.9고" are
# both right), so these keep the form the writer gave; only 이었 → 였 and
# 이에요 → 예요 are required.
OPTIONAL = {"이라", "이나", "이며", "이고", "이면", "이랑"}
NUMBER = re.compile(r"[-+−]?(\d[\d,]*)(?:\.(\d+))?(?:[eE][-+−]?\d+)?(%?)")


def final_sound(text):
    """The final consonant of `text` read aloud ("ㄹ", "ㅇ", ...) or None.

    Args:
        text: A number as printed ("0.967", "1,200", "5%", "3.2e-07") or a
            word ending in a Hangul syllable.

    Raises:
        ValueError: when the reading of `text` is not known here (a Latin
            word, an empty string).
    """
    text = text.strip()
    if text and "\uac00" <= text[-1] <= "\ud7a3":
        return FINALS[(ord(text[-1]) - 0xAC00) % 28]
    number = NUMBER.fullmatch(text)
    if number is None:
        raise ValueError(f"josa: cannot tell how {text!r} ends when read "
                         "aloud; give a number or a Hangul word")
    whole, decimals, percent = number.groups()
    if percent:
        return None                       # 퍼센트
    exponent = re.search(r"[eE][-+−]?(\d+)$", text)
    if exponent:                          # 1e-12: 일 이 마이너스 십이
        return final_sound(str(int(exponent.group(1))))
    if decimals:
        return DIGIT_FINAL[decimals[-1]]  # read digit by digit: 영 점 구 육 칠
    whole = whole.replace(",", "")
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros == 0 or whole.strip("0") == "":
        return DIGIT_FINAL[whole[-1]]
    if zeros >= 4:
        zeros = min(zeros - zeros % 4, 16)
    return PLACE_FINAL[zeros]


def josa(text, particle):
    """`text` followed by the form of `particle` that fits how it ends.

    Args:
        text: What comes before the particle (see `final_sound`).
        particle: A particle in either form, with any ending after it:
            "이", "가", "은", "를", "과", "으로", "이었고", "였다".

    Raises:
        ValueError: when `particle` starts with no known two-form particle.
    """
    for consonant_form, vowel_form in PAIRS:
        for form in (consonant_form, vowel_form):
            if particle.startswith(form):
                rest = particle[len(form):]
                final = final_sound(text)
                if consonant_form == "으로":
                    chosen = vowel_form if final in (None, "ㄹ") else "으로"
                elif final is None and consonant_form in OPTIONAL:
                    chosen = form
                else:
                    chosen = vowel_form if final is None else consonant_form
                return f"{text}{chosen}{rest}"
    raise ValueError(f"josa: {particle!r} does not start with a particle "
                     "that has two forms (이/가, 은/는, 을/를, 과/와, 으로/로, ...)")
