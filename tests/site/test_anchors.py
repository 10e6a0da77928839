"""Every section heading has a readable id, the same on both twins.

Python-Markdown's toc slugify drops Hangul, so a Korean heading would get an
id like `#_1`; the English twin would get an English slug, and a link could
not be shared across languages nor the language switch keep the reader's
place. So each heading of levels 2-6 carries an explicit attr_list id, the
same on the Korean heading and on its English twin:

    ## 가중치 초기화 {#initialisation}        (index.ko.md)
    ## Weight initialisation {#initialisation}  (index.en.md)

The sources are rendered here with the site's Markdown extensions but
without `toc`, so only explicit ids appear, and headings inside admonitions
or content tabs count as MkDocs counts them. Notebooks are not checked.
booksite/new_chapter.py's page templates follow the same rule, and one test
over the built site checks the ids a reader gets, including headings
printed by build-time blocks (the about page's changelog) and the API
reference's.
"""

import html
import re
from html.parser import HTMLParser

import markdown
import pytest

from sitesource import DOCS, language_of, mkdocs_config, page_url, pages, twin_of

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
KOREAN = [p for p in pages(".md") if language_of(p) == "ko"]
HEADING = {"h2", "h3", "h4", "h5", "h6"}


def _rel(path):
    return path.relative_to(DOCS).as_posix()


class _Headings(HTMLParser):
    """(level, id or None, text, classes) of every h2-h6, in order."""

    def __init__(self, inside=None):
        super().__init__(convert_charrefs=True)
        self.found, self._open, self._depth = [], None, 0
        self._inside = inside          # only within this tag (article)
        self._active = inside is None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == self._inside:
            self._active = True
        if self._active and tag in HEADING:
            self._open = [int(tag[1]), attrs.get("id"), "",
                          (attrs.get("class") or "").split()]

    def handle_endtag(self, tag):
        if tag == self._inside:
            self._active = False
        if self._open and tag in HEADING:
            self._open[2] = " ".join(self._open[2].replace("¶", "").split())
            self.found.append(tuple(self._open))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[2] += data


def _any_options(language, inputs, options, attrs, md):
    options.update(inputs)          # exec="on", source=..., title=...
    return True


def _as_code(source, language, class_name, options, md, **kwargs):
    return f"<pre><code>{html.escape(source)}</code></pre>"


def _extensions():
    """mkdocs.yml's Markdown extensions without toc (explicit ids only).

    markdown-exec's fences (`python exec="on" ...`) are a plugin's custom
    fences, not in mkdocs.yml: every fence is accepted as plain code here,
    whatever its options, so that no fence swallows the headings after it.
    """
    names, configs = [], {}
    for item in mkdocs_config()["markdown_extensions"]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name in ("toc", "pymdownx.snippets"):
            continue
        names.append(name)
        if config:
            configs[name] = config
    configs.setdefault("pymdownx.superfences", {})["custom_fences"] = [
        {"name": "*", "class": "", "validator": _any_options, "format": _as_code}]
    return names, configs


def headings(text):
    """(level, explicit id or None, text) of a Markdown page's h2-h6."""
    names, configs = _extensions()
    rendered = markdown.Markdown(extensions=names, extension_configs=configs).convert(
        FRONT_MATTER.sub("", text.replace("\r\n", "\n"), count=1))
    parser = _Headings()
    parser.feed(rendered)
    parser.close()
    return [found[:3] for found in parser.found]


def problems(name_ko, text_ko, name_en, text_en):
    """What is wrong with the headings of one pair of twins, as sentences."""
    found = {"ko": headings(text_ko), "en": headings(text_en)}
    names = {"ko": name_ko, "en": name_en}
    wrong = []
    for language, items in found.items():
        seen = {}
        for number, (level, anchor, text) in enumerate(items, start=1):
            where = f"{names[language]}: heading {number} (h{level}) {text!r}"
            if anchor is None:
                wrong.append(f"{where} has no id: end the line with "
                             "{#some-id}, the same on both twins")
            elif not ID.fullmatch(anchor):
                wrong.append(f"{where}: id {anchor!r} is not lowercase ASCII "
                             "words joined by '-'")
            elif anchor in seen:
                wrong.append(f"{where}: id {anchor!r} is already used by "
                             f"heading {seen[anchor]}")
            else:
                seen[anchor] = number
    ko, en = found["ko"], found["en"]
    if len(ko) != len(en):
        wrong.append(f"{name_ko} has {len(ko)} headings (h2-h6), {name_en} "
                     f"{len(en)}: the twins' sections must correspond one to one")
    for number, (a, b) in enumerate(zip(ko, en), start=1):
        if a[1] != b[1] or a[0] != b[0]:
            wrong.append(f"{name_ko} / {name_en}: heading {number} is "
                         f"h{a[0]} {a[2]!r} {{#{a[1]}}} in Korean but h{b[0]} "
                         f"{b[2]!r} {{#{b[1]}}} in English")
            break               # the rest would only repeat the shift
    return wrong


@pytest.mark.parametrize("source", KOREAN, ids=_rel)
def test_twins_share_explicit_readable_heading_ids(source):
    english = twin_of(source, "en")
    wrong = problems(_rel(source), source.read_text("utf-8"),
                     _rel(english), english.read_text("utf-8"))
    assert not wrong, "\n".join(wrong)


def test_pages_with_sections_were_checked():
    counts = [len(headings(p.read_text("utf-8"))) for p in KOREAN]
    assert len(KOREAN) >= 15 and sum(counts) > 100, counts


def test_the_checker_names_the_page_the_heading_and_the_problem():
    ko = "# 제목\n\n## 하나 {#one}\n\n!!! note\n\n    ### 상자 안\n\n## 둘 {#One}\n\n## 셋 {#one}\n"
    en = "# Title\n\n## One {#one}\n\n!!! note\n\n    ### In a box {#box}\n\n## Two {#two}\n"
    wrong = problems("x.ko.md", ko, "x.en.md", en)
    assert wrong == [
        "x.ko.md: heading 2 (h3) '상자 안' has no id: end the line with "
        "{#some-id}, the same on both twins",
        "x.ko.md: heading 3 (h2) '둘': id 'One' is not lowercase ASCII words "
        "joined by '-'",
        "x.ko.md: heading 4 (h2) '셋': id 'one' is already used by heading 1",
        "x.ko.md has 4 headings (h2-h6), x.en.md 3: the twins' sections must "
        "correspond one to one",
        "x.ko.md / x.en.md: heading 2 is h3 '상자 안' {#None} in Korean but "
        "h3 'In a box' {#box} in English",
    ]


def test_new_chapter_pages_have_shared_heading_ids():
    from booksite import new_chapter

    fields = dict(number=42, slug="scaffold-check", module="scaffold_check",
                  ko="뼈대 점검", en="Scaffold check", folder="42-scaffold-check",
                  function="first_step")
    ko = new_chapter.PAGE_KO.format(**fields)
    en = new_chapter.PAGE_EN.format(**fields)
    assert len(headings(ko)) >= 5
    wrong = problems("booksite/new_chapter.py PAGE_KO", ko,
                     "booksite/new_chapter.py PAGE_EN", en)
    assert not wrong, "\n".join(wrong)


def test_built_headings_have_the_same_readable_ids_in_both_languages(site):
    """What a reader gets: build-time and API reference headings included.

    mkdocstrings names an API heading by its object's path
    (`nnbook.losses.CategoricalCrossentropy`): readable and the same in
    both languages, so those keep their form.
    """
    wrong = []
    for source in KOREAN:
        built = {}
        for language in ("ko", "en"):
            built_page = (site.root / page_url(source, language) / "index.html"
                          ).read_text("utf-8")
            parser = _Headings(inside="article")
            parser.feed(built_page)
            found = parser.found
            every_id = re.findall(r'\sid="([^"]*)"', built_page)
            for level, anchor, text, classes in found:
                api = "doc-heading" in classes
                if anchor is None or not (api or ID.fullmatch(anchor)):
                    wrong.append(f"{page_url(source, language)}: h{level} "
                                 f"{text!r} has id {anchor!r}")
                elif every_id.count(anchor) != 1:
                    wrong.append(f"{page_url(source, language)}: id {anchor!r} "
                                 f"of h{level} {text!r} is not unique on the page")
            built[language] = [(level, anchor) for level, anchor, _, _ in found]
        if built["ko"] != built["en"]:
            wrong.append(f"{page_url(source, 'ko')}: heading ids differ between "
                         f"the languages:\n  ko {built['ko']}\n  en {built['en']}")
    assert not wrong, "\n".join(wrong)
