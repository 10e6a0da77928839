"""The build side of booksite/pages/bookclaims.py: which page is running, and twin checks.

markdown-exec runs a page's blocks while MkDocs renders that page, after
`on_page_markdown`; this hook names the page there, so a failing claim can
say where it is. After the build, every claim that failed is listed (a
failed block is also a strict-mode warning) and the Korean and English pages
of one source must have checked the same ids: a claim kept in one language
only would leave the other language's sentence unguarded.
"""

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


def _claims():
    # booksite/pages/ is on sys.path from environment.py's on_config on, and the
    # pages' blocks import the same module object from there.
    import bookclaims
    return bookclaims

_LANGUAGE = re.compile(r"\.(ko|en)(?=\.md$)")


def _inner_build(config):
    """True inside static-i18n's build of a second language."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


_dirty = {"on": False}


def on_startup(command, dirty):
    _dirty["on"] = dirty


def on_pre_build(config):
    if _inner_build(config):
        return
    _claims().checked.clear()
    _claims().failed.clear()


def on_page_markdown(markdown, page, config, files):
    _claims().page = page.file.src_uri
    return markdown


def on_page_content(html, page, config, files):
    _claims().page = None
    return html


def twin_differences(checked, rendered_pairs_only=False):
    """["page: only in ko: ids"], comparing each ko page with its en twin.
    `rendered_pairs_only`: a dirty build renders the edited page, not its
    twin, so only pairs it rendered both of are compared (quickbuild.py)."""
    pages = {}
    for uri, ids in checked.items():
        found = _LANGUAGE.search(uri)
        if found:
            key = _LANGUAGE.sub("", uri)
            pages.setdefault(key, {})[found.group(1)] = set(ids)
    problems = []
    for key, by_language in sorted(pages.items()):
        if rendered_pairs_only and len(by_language) < 2:
            continue
        ko, en = by_language.get("ko", set()), by_language.get("en", set())
        for language, only in (("ko", ko - en), ("en", en - ko)):
            if only:
                problems.append(f"{key}: claims only in {language}: "
                                f"{', '.join(sorted(only))}")
    return problems


@event_priority(-200)          # after static-i18n has built every language
def on_post_build(config):
    if _inner_build(config):
        return
    claims = _claims()
    problems = list(claims.failed) + twin_differences(claims.checked, _dirty["on"])
    if problems:
        raise PluginError("claims of the book that do not hold:\n  "
                          + "\n  ".join(problems))
