"""tests/site/sweep.py's choice of screenshots (no browser, no build)."""

import pytest

import sweep

PAGES = ["", "04-losses/cross-entropy/", "07-training/", "about/"]


@pytest.mark.parametrize("changed, expected", [
    ({"docs/07-training/index.en.md"}, {"07-training/"}),             # one twin: the page
    ({"docs/04-losses/cross-entropy.ko.md", "tests/site/test_phone.py"},
     {"04-losses/cross-entropy/"}),
    ({"CHANGELOG.md"}, {"about/"}),
    ({"README.md", "CONTRIBUTING.ko.md", "docs/README.md"}, set()),   # no page moves
    ({"docs/assets/stylesheets/nnbook.css"}, set(PAGES)),              # every page moves
    ({"src/nnbook/model.py"}, set(PAGES)),
    ({"booksite/hooks/figures.py"}, set(PAGES)),
    (None, set(PAGES)),                                                # git cannot say
])
def test_changed_pages_get_screenshots(monkeypatch, changed, expected):
    monkeypatch.setenv("NNBOOK_SCREENSHOTS", "changed")
    monkeypatch.setattr(sweep, "changed_files", lambda: changed)
    assert sweep.screenshot_pages(PAGES) == expected


def test_the_switch(monkeypatch):
    monkeypatch.setattr(sweep, "changed_files", lambda: set())
    monkeypatch.setenv("NNBOOK_SCREENSHOTS", "all")
    assert sweep.screenshot_pages(PAGES) == set(PAGES)
    monkeypatch.setenv("NNBOOK_SCREENSHOTS", "none")
    assert sweep.screenshot_pages(PAGES) == set()
    monkeypatch.setenv("NNBOOK_SCREENSHOTS", "some")
    with pytest.raises(ValueError, match="NNBOOK_SCREENSHOTS='some'"):
        sweep.screenshot_pages(PAGES)


def test_git_can_say_what_changed_in_this_checkout(tmp_path):
    changed = sweep.changed_files()
    assert changed is not None and all(not name.startswith("/") for name in changed)
