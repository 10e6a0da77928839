"""The book as one PDF per language, printed by Chromium from the built site.

    python -m booksite.pdf                       # build the site, then build/pdf/nnbook-{ko,en}.pdf
    python -m booksite.pdf --site site           # from a site already built (make pdf)
    python -m booksite.pdf --site site --out site/downloads

Why Chromium: the pages' math is typeset by KaTeX in the browser and the
Korean text needs a CJK font; Chromium's print (Playwright's `page.pdf`)
renders both, as the site shows them. WeasyPrint runs no JavaScript, so the
math stays raw TeX, and mkdocs-print-site-plugin makes one English page
under mkdocs-static-i18n (shared/notes/toolchain.md).

How: the built site is served on 127.0.0.1 by a thread. For each language
(the home page's language links) Chromium opens every page of that
language's navigation, in order, waits until KaTeX has rendered, and takes
its `<article>`. Notebook pages and the API reference are left out (the
chapters carry the notebooks' content; the reference is for the screen);
they are recognised by their markup, not by name, and reported. The
articles go into one HTML document after a cover (title, edition from the
footer, language) and a contents list, with the site's own stylesheets and
a print stylesheet (PRINT_CSS) on top, and Chromium prints it to A4 with a
page number in the footer (CSS page-margin boxes, so the cover has none).

The contents shows page numbers when poppler-utils is installed: the
document is printed twice, and the second print writes in the pages where
the first put each chapter's and section's anchor (`pdfinfo -dests`). The
number column has a fixed width, so the numbers move nothing. Without
`pdfinfo` the contents has no numbers and a warning says so.

Links between chapters become links inside the PDF; links to pages left out
point at the published site when the build knew its address (site_url, as
the deploy sets it) and become plain text otherwise.
"""

import argparse
import concurrent.futures
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from contextlib import contextmanager
from functools import partial
from importlib import metadata
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "pdf"
BROWSER_ARGS = ["--no-sandbox", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]
PRINT_URL = "__nnbook_print__.html"      # the assembled document's address
PAGE_TIMEOUT_MS = 60_000
NOT_LOADED = ["**/search/search_index.json", "**/assets/javascripts/workers/**",
              "**/sitemap.xml*"]
SHORT_LINES = 20        # a code block this long or shorter is not split

# The few words the PDF adds around the book's own text, per language
# (anything else falls back to English).
LABELS = {
    "ko": {
        "edition": "한국어판",
        "contents": "차례",
        "left_out": "노트북과 API 레퍼런스는 이 PDF에 싣지 않았습니다. "
                    "사이트에서 볼 수 있습니다.",
    },
    "en": {
        "edition": "English edition",
        "contents": "Contents",
        "left_out": "The notebooks and the API reference are not in this "
                    "PDF; they are on the site.",
    },
}

# On top of the site's stylesheets, for print only. Material already hides
# its header, sidebars, footer, copy buttons and permalinks in print and
# shows every content tab; this adds the page, the cover and contents, and
# keeps wide things on the paper.
PRINT_CSS = """
@page {
  size: A4;
  margin: 18mm 17mm 20mm;
  @bottom-center {
    content: counter(page);
    font-family: "Noto Sans CJK KR", "Noto Sans", sans-serif;
    font-size: 9pt;
    color: #555;
  }
}
@page :first { @bottom-center { content: none; } }

html { background: #fff; }
body { background: #fff; color: #000; }
/* Light colours whatever the reader's system prefers. */
:root, [data-md-color-scheme] { color-scheme: light; }

.nnbook-page { break-before: page; margin: 0; }
.md-typeset h1, .md-typeset h2, .md-typeset h3, .md-typeset h4 {
  break-after: avoid;
}

/* Code wraps instead of running off the page (Material wraps the text;
   this also breaks long names and keeps the block's own box). */
.md-typeset pre > code {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  overflow: visible;
  max-height: none;
}
.md-typeset .highlight .filename { break-after: avoid; }
.md-typeset .nnbook-short { break-inside: avoid; }

/* Tables fit the width: smaller type, no minimum column width (Material
   gives every header 5rem). */
.md-typeset .md-typeset__scrollwrap,
.md-typeset .md-typeset__table { overflow: visible; margin: 1em 0; }
.md-typeset table:not([class]) {
  font-size: 0.6rem;
  max-width: 100%;
  break-inside: auto;
}
.md-typeset table:not([class]) td, .md-typeset table:not([class]) th {
  min-width: 0;
  overflow-wrap: break-word;
  padding: 0.5em 0.8em;
}
.md-typeset table:not([class]) tr { break-inside: avoid; }

/* Display math: no scroll bar on paper. Nor the shadows that show, on
   screen, that wide code, math or a table scrolls (nnbook.css). */
.md-typeset .katex-display { overflow: visible; }
.nnbook-page pre > code, .nnbook-page div.arithmatex,
.nnbook-page .md-typeset__scrollwrap { background-image: none !important; }

/* Boxes may break across pages (Material keeps each whole, which moves a
   long exercise solution to the next page and leaves a gap). Collapsed
   blocks (exercise solutions) are printed open, without their arrow. */
.md-typeset .admonition, .md-typeset details { break-inside: auto; }
.md-typeset .admonition-title, .md-typeset summary { break-after: avoid; }
.md-typeset details > summary::after { display: none; }

/* Figures stay whole and on one page. */
.md-typeset .nnbook-figure { break-inside: avoid; }
.md-typeset .nnbook-figure img {
  box-shadow: none;
  border: 1px solid #ddd;
  max-height: 190mm;
}

/* The cover. */
.nnbook-cover {
  display: flex;
  flex-direction: column;
  justify-content: center;
  min-height: 240mm;
  text-align: center;
}
.nnbook-cover .nnbook-title {
  font-size: 3.2rem;
  font-weight: 700;
  margin: 0 0 0.8rem;
  color: var(--md-primary-fg-color);
}
.nnbook-cover .nnbook-subtitle { font-size: 1.1rem; margin: 0 auto 3rem; max-width: 30rem; }
.nnbook-cover .nnbook-edition { font-size: 0.95rem; margin: 0 0 0.4rem; }
.nnbook-cover .nnbook-small { font-size: 0.65rem; color: #555; margin: 0.3rem 0; }

/* The contents: titles, dotted leaders, page numbers in a fixed column. */
.nnbook-contents { break-before: page; }
.nnbook-contents ol { list-style: none; margin: 0; padding: 0; }
.md-typeset .nnbook-contents li { margin: 0; padding: 0; break-inside: avoid; }
.nnbook-contents a {
  display: flex;
  align-items: baseline;
  color: inherit;
  text-decoration: none;
}
.nnbook-contents .nnbook-level-1 { font-weight: 700; margin-top: 0.7em; }
.nnbook-contents .nnbook-level-2 { padding-left: 1.5em; }
.nnbook-contents .nnbook-level-3 { padding-left: 3em; font-size: 0.95em; }
.nnbook-contents .nnbook-leader {
  flex: 1;
  border-bottom: 1px dotted #999;
  margin: 0 0.4em;
  min-width: 1.5em;
}
.nnbook-contents .nnbook-number { width: 2.5em; text-align: right; }
"""

# Pages left out, by what their HTML holds: (pattern, reason). Read from the
# page as served, before Chromium spends a second on it.
LEFT_OUT = [
    (re.compile(r'class="[^"]*\bjupyter-wrapper\b'), "notebook"),      # mkdocs-jupyter
    (re.compile(r'class="[^"]*\bdoc-object\b'), "API reference"),     # mkdocstrings
]

# Run in each printed page of the site, once KaTeX has rendered: the
# article's HTML, title and sections. URLs are made absolute here, where the
# page's own address resolves them; collapsed blocks (exercise solutions)
# are opened, as a reader of paper cannot click them.
EXTRACT_JS = """
(shortLines) => {
  const article = document.querySelector("article.md-content__inner");
  if (!article) return {skip: "no article"};
  article.querySelectorAll(
    ".headerlink, .md-clipboard, .md-code__nav, .md-content__button, " +
    "a[id^='__codelineno']"
  ).forEach(e => e.remove());
  article.querySelectorAll("a[href]").forEach(a => a.setAttribute("href", a.href));
  article.querySelectorAll("img").forEach(img => {
    img.setAttribute("src", img.currentSrc || img.src);
    img.removeAttribute("srcset");
    img.removeAttribute("loading");
  });
  article.querySelectorAll("details").forEach(d => d.setAttribute("open", ""));
  // Short listings and outputs stay on one page (PRINT_CSS); long ones break.
  article.querySelectorAll(".highlight").forEach(block => {
    const code = block.querySelector("code");
    if (code && code.textContent.split("\\n").length <= shortLines)
      block.classList.add("nnbook-short");
  });
  const h1 = article.querySelector("h1");
  const text = e => e.textContent.replace(/\\s+/g, " ").trim();
  return {
    stylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map(l => l.href),
    title: h1 ? text(h1) : document.title,
    sections: [...article.querySelectorAll("h2[id]")].map(h => [h.id, text(h)]),
    html: article.innerHTML,
  };
}
"""

MATH_DONE_JS = """
() => [...document.querySelectorAll(".arithmatex")]
        .every(e => e.querySelector(".katex, .katex-error"))
"""

# The language's navigation in order: the primary nav's page links (not
# the in-page table of contents), with the section each one sits in.
NAV_JS = """
() => [...document.querySelectorAll("nav.md-nav--primary a.md-nav__link")]
  .filter(a => !a.closest(".md-nav--secondary"))
  .map(a => {
    const section = a.closest("li.md-nav__item--nested");
    const label = section && section.querySelector(":scope > label .md-ellipsis");
    return {url: a.href, section: label ? label.textContent.trim() : null};
  })
"""

# Run in the assembled document. Every id inside a page gets the page's
# prefix (two pages may both have an "#_1"), and each link follows: to a
# printed page (or a place in one) it becomes a link inside the PDF; to a
# page left out or another file of the site, a link to the published site,
# or plain text when the address is unknown; an external link stays.
LINK_JS = """
([pages, published]) => {
  const key = url => url.pathname.replace(/index\\.html$/, "");
  document.querySelectorAll("article.nnbook-page").forEach(article => {
    const p = article.id;
    article.querySelectorAll("[id]").forEach(e => { e.id = p + "-" + e.id; });
    article.querySelectorAll("a[name]").forEach(a => a.removeAttribute("name"));
  });
  document.querySelectorAll("article.nnbook-page a[href]").forEach(a => {
    let url;
    try { url = new URL(a.getAttribute("href")); } catch (e) { return; }
    if (url.origin !== location.origin) return;             // external
    const target = pages[key(url)];
    if (target) {
      const fragment = decodeURIComponent(url.hash.slice(1));
      a.setAttribute("href", "#" + target + (fragment ? "-" + fragment : ""));
    } else if (published) {
      a.setAttribute("href", published + key(url).slice(1) + url.hash);
    } else {
      a.replaceWith(...a.childNodes);                        // plain text
    }
  });
}
"""

# What is wrong with the assembled document, once its images and fonts
# are in: images that did not load, math without KaTeX's stylesheet (its
# hidden MathML copy would print beside every formula).
PROBLEMS_JS = """
async () => {
  await document.fonts.ready;
  await Promise.all([...document.images].map(i => i.decode().catch(() => null)));
  const problems = [...document.images].filter(i => !i.naturalWidth)
    .map(i => "image did not load: " + i.src.slice(0, 100));
  const mathml = document.querySelector(".katex-mathml");
  if (mathml && getComputedStyle(mathml).position !== "absolute")
    problems.push("KaTeX's stylesheet is not applied");
  return problems;
}
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser drops requests it no longer needs (a page left before
        # its search index arrived): not an error of the print.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(root):
    """Serve the folder `root` on 127.0.0.1 in a thread; yield its base URL."""
    server = _Server(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium():
    """The browser to print with: $NNBOOK_CHROMIUM (as the browser test), or
    Debian's chromium, or Google Chrome; None if there is none."""
    for candidate in (os.environ.get("NNBOOK_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser"),
                      shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def open_page(page, url):
    """Load `url` and wait until every formula on it is typeset."""
    page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function(MATH_DONE_JS, timeout=PAGE_TIMEOUT_MS)


def left_out(url):
    """Why the page at `url` is not printed (LEFT_OUT), or None."""
    with urllib.request.urlopen(url, timeout=30) as response:
        text = response.read().decode("utf-8")
    return next((reason for pattern, reason in LEFT_OUT if pattern.search(text)), None)


def languages(page, base):
    """{language: home URL} from the home page's language links."""
    open_page(page, base)
    links = page.eval_on_selector_all(
        "a.md-select__link[hreflang]", "as => as.map(a => [a.hreflang, a.href])")
    return dict(links) or {page.evaluate("document.documentElement.lang"): base}


def collect(page, home):
    """The printed pages of one language, in nav order, and the cover's facts."""
    open_page(page, home)
    facts = page.evaluate("""() => {
      const text = s => { const e = document.querySelector(s);
                          return e ? e.textContent.replace(/\\s+/g, " ").trim() : ""; };
      const meta = document.querySelector('meta[name="description"]');
      const canonical = document.querySelector('link[rel="canonical"]');
      return {
        lang: document.documentElement.lang,
        title: text(".md-header__topic .md-ellipsis") || document.title,
        description: meta ? meta.content : "",
        edition: text('[data-nnbook="edition"]'),
        copyright: text(".md-copyright__highlight"),
        canonical: canonical ? canonical.href : "",
        body: {dir: document.body.dir || "ltr",
               primary: document.body.dataset.mdColorPrimary || "indigo",
               accent: document.body.dataset.mdColorAccent || "indigo"},
      };
    }""")
    if not facts["edition"]:        # the footer lost its edition line
        facts["edition"] = f"nnbook {metadata.version('nnbook')}"
    nav = page.evaluate(NAV_JS)
    pages, skipped, seen = [], [], set()
    for entry in nav:
        url = entry["url"].split("#")[0]
        if url in seen:
            continue
        seen.add(url)
        reason = left_out(url)
        if reason:
            skipped.append((url, reason))
            continue
        open_page(page, url)
        got = page.evaluate(EXTRACT_JS, SHORT_LINES)
        if "skip" in got:
            skipped.append((url, got["skip"]))
            continue
        pages.append(dict(got, url=url, section=entry["section"], id=f"p{len(pages) + 1}"))
    # Every stylesheet any printed page links (KaTeX's, for one, comes only
    # with pages that have math), in the order of the page that links most.
    lists = [printed["stylesheets"] for printed in pages]
    facts["stylesheets"] = list(dict.fromkeys(
        max(lists, key=len) + [href for hrefs in lists for href in hrefs]))
    return facts, pages, skipped


def contents_entries(pages):
    """(level, anchor, title) lines of the contents: a page (level 1, or 2
    under a section of several pages whose title is not its own), and its
    second-level headings one level deeper."""
    entries, shown = [], set()
    for page in pages:
        section = page["section"]
        level = 1
        if section and section != page["title"]:
            level = 2
            if section not in shown:
                entries.append((1, page["id"], section))
        shown.add(section)
        entries.append((level, page["id"], page["title"]))
        entries += [(level + 1, f"{page['id']}-{anchor}", title)
                    for anchor, title in page["sections"]]
    return entries


def assemble(facts, pages, numbers=None):
    """The whole book of one language as one HTML document; `numbers` maps
    the contents' anchors to their pages."""
    language = facts["lang"]
    labels = LABELS.get(language, LABELS["en"])
    escape = html.escape
    links = "\n".join(f'<link rel="stylesheet" href="{escape(href)}">'
                      for href in facts["stylesheets"])
    site = facts.get("published") or ""
    note = (f'<p class="nnbook-small">{escape(labels["left_out"])}'
            f'{" " + escape(site) if site else ""}</p>') if facts["left_out"] else ""
    cover = f"""
<section class="nnbook-cover md-typeset">
  <p class="nnbook-title">{escape(facts["title"])}</p>
  <p class="nnbook-subtitle">{escape(facts["description"])}</p>
  <p class="nnbook-edition">{escape(labels["edition"])} · {escape(facts["edition"])}</p>
  {note}
  <p class="nnbook-small">{escape(facts["copyright"])}</p>
</section>"""
    lines = []
    for level, anchor, title in contents_entries(pages):
        number = (numbers or {}).get(anchor, "")
        lines.append(
            f'<li class="nnbook-level-{min(level, 3)}"><a href="#{escape(anchor)}">'
            f'<span class="nnbook-entry">{escape(title)}</span>'
            f'<span class="nnbook-leader"></span>'
            f'<span class="nnbook-number">{number}</span></a></li>')
    contents = (f'<nav class="nnbook-contents md-typeset"><h1>{escape(labels["contents"])}</h1>'
                f'<ol>{"".join(lines)}</ol></nav>')
    articles = "\n".join(
        f'<article class="md-content__inner md-typeset nnbook-page" id="{p["id"]}" '
        f'data-url="{escape(p["url"])}">{p["html"]}</article>' for p in pages)
    body = facts["body"]
    return f"""<!doctype html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<title>{escape(facts["edition"])} · {escape(labels["edition"])}</title>
{links}
<style>{PRINT_CSS}</style>
</head>
<body dir="{escape(body["dir"])}" data-md-color-scheme="default"
      data-md-color-primary="{escape(body["primary"])}"
      data-md-color-accent="{escape(body["accent"])}">
{cover}
{contents}
<div class="md-content">
{articles}
</div>
</body>
</html>"""


def _path_key(url):
    """The server path of a page URL, as LINK_JS computes it."""
    path = re.sub(r"^https?://[^/]+", "", url.split("#")[0])
    return re.sub(r"index\.html$", "", path)


def print_pdf(page, base, document, pages, published, path):
    """Load the assembled `document` under the local server's address and
    print it to `path`."""
    url = base + PRINT_URL
    page.route(url, lambda route: route.fulfill(
        body=document, content_type="text/html; charset=utf-8"))
    try:
        page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_MS)
        keys = {_path_key(p["url"]): p["id"] for p in pages}
        page.evaluate(LINK_JS, [keys, published])
        problems = page.evaluate(PROBLEMS_JS)
        if problems:
            raise SystemExit(f"{path.name}: " + "; ".join(problems[:10]))
        partial_path = path.with_name(path.name + ".partial")
        # outline: bookmarks from the headings. tagged: a structure tree with
        # the figures' alt text and reading order, for screen readers (it
        # makes the file about three times larger).
        page.pdf(path=str(partial_path), print_background=True, outline=True,
                 tagged=True, prefer_css_page_size=True)
        partial_path.replace(path)
    finally:
        page.unroute(url)


def destinations(path):
    """{anchor: page number} of a PDF's named destinations (pdfinfo -dests)."""
    result = subprocess.run(["pdfinfo", "-dests", str(path)], capture_output=True,
                            text=True, check=True)
    found = {}
    for line in result.stdout.splitlines():
        match = re.match(r'\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$', line)
        if match:
            found[match.group(2)] = int(match.group(1))
    return found


def page_count(path):
    """The number of pages of a PDF (pdfinfo)."""
    result = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", result.stdout, re.M).group(1))


def build_language(page, base, home, path):
    """Print one language's book to `path`; return a line saying what it did."""
    facts, pages, skipped = collect(page, home)
    if not pages:
        raise SystemExit(f"{home}: no page to print")
    # The published address of the site root, from the home page's
    # canonical link (only when the build had a site_url).
    home_path = _path_key(home).lstrip("/")
    canonical = facts["canonical"]
    published = canonical[:len(canonical) - len(home_path)] if (
        canonical and canonical.endswith(home_path)) else ""
    facts["published"] = published
    facts["left_out"] = bool(skipped)
    with_numbers = shutil.which("pdfinfo") is not None
    print_pdf(page, base, assemble(facts, pages), pages, published, path)
    note = ""
    if with_numbers:
        numbers = destinations(path)
        print_pdf(page, base, assemble(facts, pages, numbers), pages, published, path)
        if destinations(path) != numbers:
            note = "; warning: the page numbers moved in the second print"
    else:
        note = "; warning: no pdfinfo (poppler-utils), so the contents has no page numbers"
    pages_note = f"{page_count(path)} pages, " if with_numbers else ""
    kinds = Counter(why for _, why in skipped)
    left = ", ".join(f"{why} ×{count}" for why, count in kinds.items())
    return (f"{path} ({facts['lang']}): {len(pages)} site pages, {pages_note}"
            f"{path.stat().st_size / 1e6:.1f} MB; left out: {left or 'nothing'}{note}")


def build_site(site_dir):
    """A strict build of the site into `site_dir` (booksite/sitebuild.py)."""
    from booksite.sitebuild import mkdocs_build

    returncode, seconds, log = mkdocs_build(site_dir)
    if returncode != 0:
        print(log[-6000:], file=sys.stderr)
        raise SystemExit(f"mkdocs build failed with status {returncode}")
    print(f"site built in {seconds:.1f} s")


@contextmanager
def _print_page(executable):
    """A Chromium page for printing, in this thread's own Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=BROWSER_ARGS)
        try:
            context = browser.new_context(color_scheme="light",
                                          viewport={"width": 1280, "height": 900})
            # Search is of no use to a print: its worker and index stay unloaded.
            for pattern in NOT_LOADED:
                context.route(pattern, lambda route: route.abort())
            yield context.new_page()
        finally:
            browser.close()


def make_pdfs(site, out, only=None):
    """One PDF per language of the built site `site`, into `out`:
    {language: path}. The languages print at the same time, each in its
    own browser (a print keeps one core busy for most of a minute)."""
    executable = chromium()
    if executable is None:
        raise SystemExit("no Chromium found: apt-get install chromium fonts-noto-cjk, "
                         "or set NNBOOK_CHROMIUM to a Chromium or Chrome binary")
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        with _print_page(executable) as page:
            homes = {language: home for language, home in languages(page, base).items()
                     if not only or language in only}

        def one(language):
            start = time.perf_counter()
            with _print_page(executable) as page:
                line = build_language(page, base, homes[language],
                                      out / f"nnbook-{language}.pdf")
            print(f"{line} in {time.perf_counter() - start:.1f} s", flush=True)

        # Threads, each with its own Playwright (its sync API is per thread).
        with concurrent.futures.ThreadPoolExecutor(max(1, len(homes))) as pool:
            for done in [pool.submit(one, language) for language in homes]:
                done.result()               # a failed print fails here
    return {language: out / f"nnbook-{language}.pdf" for language in homes}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path,
                        help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="where to write nnbook-<language>.pdf (default: %(default)s)")
    parser.add_argument("--language", action="append",
                        help="only this language (repeatable; default: every one)")
    args = parser.parse_args(argv)
    if args.site is not None:
        if not (args.site / "index.html").is_file():
            parser.error(f"{args.site}: no index.html (not a built site)")
        make_pdfs(args.site, args.out, args.language)
        return 0
    with tempfile.TemporaryDirectory(prefix="nnbook-pdf-") as folder:
        build_site(Path(folder) / "site")
        make_pdfs(Path(folder) / "site", args.out, args.language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
