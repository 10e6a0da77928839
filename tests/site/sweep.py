"""Every page of the built site, both languages, in one Chromium, several at a time.

test_browser.py and test_phone.py check every page as a desktop reader
sees it (light and dark) and as a phone reader does. Opened one after the
other that was 336 page loads, about two and a half minutes; here they run
`NNBOOK_BROWSER_PAGES` at a time (default 4) in one browser, each kind of
reader in its own context (its own colour scheme and screen size), and
each check gets the loaded page.

Full-page screenshots are slow and only there to be looked at, so they are
taken for the pages a change can have moved (`NNBOOK_SCREENSHOTS`):

* `changed` (the default): pages whose source, in either language, differs
  from where this branch left origin/main (or from HEAD, without an
  origin/main), uncommitted changes included; every page when a change
  touches anything else the site is built from (CSS, a template, a hook,
  src/nnbook, mkdocs.yml; not tests or the contributor docs);
* `all`: every page (the GitHub workflow, which uploads them);
* `none`.
"""

import asyncio
import concurrent.futures
import os
import subprocess

from sitesource import DOCS, ROOT, language_of, page_url

# Changed files that move no page's pixels.
NO_PAGE = ("tests/", "benchmarks/", ".github/", ".ci/", "README.md",
           "CONTRIBUTING.md", "CONTRIBUTING.ko.md", "docs/README.md",
           "booksite/README.md", "LICENSE", ".gitignore")


def screenshot_pages(all_pages):
    """The Korean site paths of `all_pages` whose screenshots to take."""
    mode = os.environ.get("NNBOOK_SCREENSHOTS", "changed").lower()
    if mode == "all":
        return set(all_pages)
    if mode == "none":
        return set()
    if mode != "changed":
        raise ValueError(f"NNBOOK_SCREENSHOTS={mode!r}: use all, changed or none")
    changed = changed_files()
    if changed is None:
        return set(all_pages)
    paths = set()
    for name in changed:
        path = ROOT / name
        if name.startswith("docs/") and language_of(path) in ("ko", "en"):
            paths.add(page_url(path, "ko"))           # one page, both languages
        elif name == "CHANGELOG.md":
            paths.add("about/")
        elif not name.startswith(NO_PAGE):
            return set(all_pages)                     # CSS, a hook, the package...
    return paths & set(all_pages)


def changed_files():
    """Files that differ from the branch point (None: git cannot say)."""
    def git(*args):
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return result.stdout.split() if result.returncode == 0 else None

    base = git("merge-base", "HEAD", "origin/main") or ["HEAD"]
    changed = git("diff", "--name-only", base[0])
    untracked = git("ls-files", "--others", "--exclude-standard", "--", str(DOCS))
    if changed is None or untracked is None:
        return None
    return set(changed) | set(untracked)


def visit_all(base, executable, args, kinds, paths, check):
    """Open every path of `paths` for every kind of `kinds` and run
    `check(kind, path, page)` (a coroutine) on it once it has loaded.

    `kinds` maps a name to (colour scheme, (width, height)). Returns
    (results by (kind, path), requests by kind, page errors by kind).
    """
    # In a thread of its own: the tests' sync Playwright runs an event loop
    # in this one, and asyncio.run cannot start inside it.
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _visit_all(
            base, executable, args, kinds, paths, check)).result()


async def _visit_all(base, executable, args, kinds, paths, check):
    from playwright.async_api import async_playwright

    results, requests, errors = {}, {kind: [] for kind in kinds}, {kind: [] for kind in kinds}
    limit = asyncio.Semaphore(int(os.environ.get("NNBOOK_BROWSER_PAGES", "4")))
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=args)
        contexts = {}
        for kind, (scheme, (width, height)) in kinds.items():
            context = await browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme)
            context.on("request", lambda request, kind=kind: requests[kind].append(request.url))
            contexts[kind] = context

        async def one(kind, path):
            async with limit:
                page = await contexts[kind].new_page()
                page.on("pageerror", lambda error: errors[kind].append(f"{path}: {error}"))
                await page.goto(base + path)
                await page.wait_for_load_state("load")
                # docs/assets/javascripts/math.js marks the page once KaTeX ran.
                await page.wait_for_selector("html[data-nnbook-math=rendered]",
                                             state="attached")
                results[kind, path] = await check(kind, path, page)
                await page.close()

        await asyncio.gather(*(one(kind, path) for kind in kinds for path in paths))
        await browser.close()
    return results, requests, errors
