"""Companion notebooks: make mkdocs-jupyter and mkdocs-static-i18n work together.

What this hook does, and why:

1. mkdocs-static-i18n re-creates every file object in its `on_files` (priority
   -100), after mkdocs-jupyter has wrapped the notebooks (priority 0). The
   notebooks then look like plain assets: they would be copied as raw .ipynb
   files and the build would still pass (ultrabug/mkdocs-static-i18n#198).
   At priority -200 we turn the current language's notebook back into a page,
   at the same URL scheme as Markdown pages (`en/` prefix for English), and
   give it the alternates the language switcher needs.
2. mkdocs-jupyter's output cache is keyed on the notebook's bytes only; we add
   src/nnbook and the versions of the libraries the notebooks print, so a
   change to the package re-executes the notebooks. It also evicts "unused"
   cache files after each single-language build, i.e. the other language's:
   eviction is moved to the end of the whole build.
3. Every notebook's first cell must install nnbook on Colab from the
   repository in `extra.book_repo`, the same setting the Open-in-Colab links
   are built from, at the tag of the edition the site shows (`v` + the
   version in CHANGELOG.md, which booksite/hooks/edition.py checks against the
   package): so a notebook opened from this edition runs this edition's
   code, not whatever main holds by then. The Colab links open the
   notebook at that tag too. A mismatch fails the build;
   `python -m booksite.notebook_edition` rewrites the cells after a version
   bump.
4. nbconvert's template loads MathJax and mermaid from CDNs. The site renders
   math with the self-hosted KaTeX, so those tags are removed.
5. mkdocs-jupyter runs each notebook when it reaches the page, one after the
   other, while the main process waits. Here every notebook that needs to run
   is started at the beginning of the build, one at a time in a background
   thread (its kernel is a separate process, so it uses the second core while
   MkDocs renders the Markdown pages on the first); mkdocs-jupyter then gets
   the executed notebook. A failing cell still fails the build.
   A Korean notebook and its English twin have the same code cells (only
   the prose differs; tests/site/test_twins.py checks it), so the code
   runs once and the twin gets the outputs cell by cell.
6. The page as readers see it. The install cell (3.) stays the notebook's
   first cell, but on the page it would sit above the title: it is moved
   after the first Markdown cell (the `# heading` and its introduction,
   which says what the first cell does) and shown collapsed, in a
   <details> labelled `extra.labels.install_cell`. mkdocs-jupyter's own
   copy buttons say "Copy to Clipboard" / "Copied!" on every page: they
   take Material's words for the page's language instead (`clipboard.copy`,
   `clipboard.copied` from the page's __config). The narrow-screen layout
   is CSS (docs/assets/stylesheets/nnbook.css); tests/site/test_phone.py
   checks all three.
"""

import concurrent.futures
import hashlib
import html
import json
import posixpath
import re
import tempfile
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = ROOT / "src" / "nnbook"
COLAB = "https://colab.research.google.com/github/{slug}/blob/{tag}/{path}"
INSTALL_SPEC = "git+https://github.com/{slug}@{tag}"
_VERSION = re.compile(r'^__version__ = "([^"]+)"', re.M)


def edition_tag(root=None):
    """The git tag of the edition: "v" + nnbook.__version__ (read, not
    imported: the build must not need the package importable to say it)."""
    root = Path(root) if root else Path(__file__).resolve().parents[2]
    init = (root / "src" / "nnbook" / "__init__.py").read_text(encoding="utf-8")
    return "v" + _VERSION.search(init).group(1)


# ---------------------------------------------------------------- settings

def book_repo(config):
    """(slug, branch) from mkdocs.yml `extra.book_repo`."""
    repo = config.extra.get("book_repo") or {}
    slug, branch = repo.get("slug"), repo.get("branch")
    if not slug or not re.fullmatch(r"[\w.-]+/[\w.-]+", slug) or not branch:
        raise PluginError(
            "mkdocs.yml: extra.book_repo needs `slug: owner/name` and "
            f"`branch: ...`; got {repo!r}"
        )
    return slug, branch


def _docs_relative(config, abs_path):
    return Path(abs_path).resolve().relative_to(ROOT).as_posix()


# ------------------------------------------------------- 2. the cache key

def _package_fingerprint():
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    for dist in ("numpy", "keras", "tensorflow-cpu", "tensorflow"):
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()


def on_config(config):
    import mkdocs_jupyter.plugin as jupyter_plugin

    book_repo(config)  # fail early on a malformed setting
    _run_notebooks_in_background(jupyter_plugin)
    original = getattr(jupyter_plugin, "_nnbook_original_cache_key", None)
    if original is None:
        original = jupyter_plugin._compute_cache_key
        jupyter_plugin._nnbook_original_cache_key = original

    # Arguments passed through as they come: mkdocs-jupyter 0.27 added one,
    # which broke a wrapper that named exactly three.
    def cache_key(*args, **kwargs):
        key = original(*args, **kwargs)
        return hashlib.sha256(
            f"{key}:{_package_fingerprint()}".encode()
        ).hexdigest()

    jupyter_plugin._compute_cache_key = cache_key
    return config


class _KeepEvery(set):
    """The set of cache files used by this build, for mkdocs-jupyter.

    mkdocs-jupyter deletes every cache file not in its set at the end of each
    build, and static-i18n runs one build per language: each language would
    delete the other's. To mkdocs-jupyter's check every file is in use; the
    real eviction happens in on_post_build once all languages are built.
    """

    def __contains__(self, item):
        return True

    def really_contains(self, item):
        return set.__contains__(self, item)


_used_cache_paths = _KeepEvery()


@event_priority(-200)          # after mkdocs-jupyter reset its set
def on_pre_build(config):
    global _used_cache_paths
    if not _i18n(config).building:       # the whole build starts
        _used_cache_paths = _KeepEvery()
        _start_notebooks(config)
    config.plugins["mkdocs-jupyter"]._used_cache_paths = _used_cache_paths


# ------------------------------------ 5. notebooks run beside the pages

_pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
_running = {}        # resolved notebook path -> Future of the executed notebook


def _execute(path, kernel_name, allow_errors):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, kernel_name=kernel_name, allow_errors=allow_errors,
                   resources={"metadata": {"path": str(Path(path).parent)}}
                   ).execute()
    return notebook


def _code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def code_digest(path):
    """A digest of a notebook's code cells: twins with the same one run once."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    digest = hashlib.sha256()
    for cell in _code_cells(notebook):
        digest.update(cell.source.encode() + b"\0")
    return digest.hexdigest()


def _with_outputs_of(executed_future, path):
    """Notebook `path`, given the outputs of its twin's run, cell by cell."""
    import nbformat

    executed = executed_future.result()   # re-raises the twin's failure
    notebook = nbformat.read(path, as_version=4)
    cells, ran = _code_cells(notebook), _code_cells(executed)
    if [c.source for c in cells] != [c.source for c in ran]:
        raise PluginError(f"{path}: its code cells differ from its twin's, "
                          "so it cannot take the twin's outputs")
    for cell, twin in zip(cells, ran):
        cell.outputs = twin.outputs
        cell.execution_count = twin.execution_count
    for key in ("language_info", "kernelspec"):
        if key in executed.metadata:
            notebook.metadata[key] = executed.metadata[key]
    return notebook


def _start_notebooks(config):
    """Start every notebook the build will execute (cache misses only)."""
    import mkdocs_jupyter.plugin as jupyter_plugin

    jupyter = config.plugins["mkdocs-jupyter"]
    _running.clear()
    if not jupyter.config["execute"]:
        return
    default = _i18n(config).default_language
    notebooks = sorted(Path(config.docs_dir).rglob("*.ipynb"),
                       key=lambda p: (f".{default}." not in p.name, str(p)))
    first_run = {}                       # code digest -> Future of its run
    for path in notebooks:
        if jupyter.config["cache"]:
            key = jupyter_plugin._compute_cache_key(str(path), jupyter.config,
                                                    True)
            if jupyter_plugin._get_cache_path(jupyter.config["cache_dir"],
                                              key).exists():
                continue
        digest = code_digest(path)
        if digest in first_run:          # its twin's code already runs
            future = _pool.submit(_with_outputs_of, first_run[digest], path)
        else:
            future = first_run[digest] = _pool.submit(
                _execute, str(path), jupyter.config["kernel_name"] or "python3",
                jupyter.config["allow_errors"])
        _running[str(path.resolve())] = future


def _run_notebooks_in_background(jupyter_plugin):
    """Let mkdocs-jupyter take the notebook executed in the background."""
    convert = jupyter_plugin.convert
    original = getattr(convert, "_nnbook_original_nb2html", None)
    if original is None:
        original = convert._nnbook_original_nb2html = convert.nb2html

    def nb2html(nb_path, execute=False, **kwargs):
        future = _running.pop(str(Path(nb_path).resolve()), None)
        if not execute or future is None:
            return original(nb_path, execute=execute, **kwargs)
        import nbformat

        executed = future.result()       # re-raises a failing cell's error
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / Path(nb_path).name
            nbformat.write(executed, str(copy))
            return original(str(copy), execute=False, **kwargs)

    convert.nb2html = nb2html


_dirty = {"on": False}


def on_startup(command, dirty):
    _dirty["on"] = dirty


@event_priority(-200)          # after static-i18n built every language
def on_post_build(config):
    jupyter = config.plugins["mkdocs-jupyter"]
    if _i18n(config).building or not jupyter.config["cache"] or _dirty["on"]:
        return                  # a dirty build renders few notebooks: keep the rest
    for cache_file in Path(jupyter.config["cache_dir"]).glob("*.json"):
        if not _used_cache_paths.really_contains(cache_file):
            cache_file.unlink()


# ------------------------------------------------ 1. notebooks as pages

class NotebookPageFile(File):
    """A .ipynb source that MkDocs treats as a page (rendered by mkdocs-jupyter)."""

    def is_documentation_page(self):
        return True


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("booksite/hooks/notebooks.py expects the i18n plugin")
    return plugin


def _language_of(src_uri, languages, default):
    """'04-losses/notebook.en.ipynb' -> 'en' (no suffix: default language)."""
    suffixes = Path(src_uri).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in languages:
        return suffixes[-2][1:]
    return default


def _notebook_file(src_uri, language, config, i18n):
    """The page File for notebook `src_uri` built for `language`."""
    file = NotebookPageFile(src_uri, config.docs_dir, config.site_dir,
                            config.use_directory_urls)
    stem = Path(src_uri).name.split(".")[0]          # notebook.ko.ipynb
    parent = posixpath.dirname(src_uri)
    if config.use_directory_urls:
        dest = posixpath.join(parent, stem, "index.html")
    else:
        dest = posixpath.join(parent, stem + ".html")
    prefix = "" if language == i18n.default_language else language
    file.name = stem
    file.dest_uri = posixpath.join(prefix, dest) if prefix else dest
    file.abs_dest_path = str(Path(config.site_dir) / file.dest_uri)
    file.url = file._get_url(config.use_directory_urls)
    file.locale = language
    file.localization = language
    file.locale_alternate_of = i18n.current_language
    file.norm_src_uri = src_uri.replace(f".{language}.", ".", 1)
    file.alternates = {}
    return file


@event_priority(-200)          # after mkdocs-static-i18n (-100)
def on_files(files, config):
    i18n = _i18n(config)
    languages = i18n.build_languages
    current = i18n.current_language
    docs = Path(config.docs_dir)
    notebooks = [f for f in files if f.src_uri.endswith(".ipynb")
                 and f.abs_src_path and Path(f.abs_src_path).is_relative_to(
                     docs.resolve())]
    for old in notebooks:
        language = _language_of(old.src_uri, languages, i18n.default_language)
        if language != current:
            # static-i18n only keeps the current language's assets; be safe.
            files.remove(old)
            continue
        page_file = _notebook_file(old.src_uri, language, config, i18n)
        _check_install_cell(page_file.abs_src_path, config)
        for other in languages:
            twin = old.src_uri.replace(f".{language}.", f".{other}.", 1)
            if (docs / twin).is_file():
                page_file.alternates[other] = (
                    page_file if other == language
                    else _notebook_file(twin, other, config, i18n))
        files.remove(old)
        files.append(page_file)
    # The sitemap (and our tests) read the per-language page lists.
    i18n.i18n_files_per_language[current] = files.documentation_pages()
    return files


# ------------------------------------------------- 3. the install cell

def _check_install_cell(path, config):
    slug, _ = book_repo(config)
    expected = INSTALL_SPEC.format(slug=slug, tag=edition_tag())
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = notebook.get("cells", [])
    first = "".join(cells[0]["source"]) if cells else ""
    problem = None
    if not cells or cells[0]["cell_type"] != "code":
        problem = "the first cell must be a code cell"
    elif '"google.colab" in sys.modules' not in first:
        problem = 'it must install only on Colab (`"google.colab" in sys.modules`)'
    elif f'pip install -q "{expected}"' not in first:
        problem = f'it must run `pip install -q "{expected}"`'
    if problem:
        raise PluginError(
            f"{_docs_relative(config, path)}: first cell: {problem} "
            "(extra.book_repo in mkdocs.yml and the edition's version; after "
            "a version bump, `python -m booksite.notebook_edition` rewrites it)"
        )


# ------------------------------- page links: download, Colab, switcher

def on_page_context(context, page, config, nav):
    if not page.file.src_uri.endswith(".ipynb"):
        return context
    slug, _ = book_repo(config)
    source_name = Path(page.file.src_uri).name
    page.nnbook_notebook = {
        # mkdocs-jupyter (include_source) copies the source beside the page.
        "download": source_name,
        "colab": COLAB.format(
            slug=slug, tag=edition_tag(),
            path=_docs_relative(config, page.file.abs_src_path)),
    }
    return context


# --------------------------------------------------- 4. no CDN scripts

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>\s*", re.S | re.I)
_MATHJAX_COMMENTS = re.compile(
    r"<!-- (Load mathjax|MathJax configuration|End of mathjax configuration) -->\s*")


def _third_party(match):
    """True for nbconvert's MathJax and mermaid loaders (they fetch from CDNs)."""
    attributes, body = match.group(1), match.group(2)
    src = re.search(r"\bsrc=\"([^\"]*)\"", attributes)
    if src is not None:
        # An external URL, or the empty src="" nbconvert writes for MathJax
        # when no URL is configured.
        return src.group(1) == "" or re.match(r"(https?:)?//", src.group(1))
    return ("text/x-mathjax-config" in attributes
            or re.search(r"https?://cdn", body) is not None)


@event_priority(-100)
def on_post_page(output, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    output = _SCRIPT.sub(lambda m: "" if _third_party(m) else m.group(0),
                         output)
    output = _MATHJAX_COMMENTS.sub("", output)
    output = _install_cell_after_title(output, config.extra["labels"]["install_cell"])
    return _copy_button_words(output)


# ------------------------------------------- 6. the page as readers see it

_NOTEBOOK = re.compile(r'<div class="jp-Notebook"[^>]*>')
_DIV = re.compile(r"<(/?)div\b[^>]*>", re.I)


def _top_level_cells(text, start):
    """(begin, end) of each <div> directly inside the element opened before `start`.

    nbconvert writes well-formed HTML and escapes the code it shows, so
    counting <div> and </div> finds the cells (a cell is one outer <div>).
    """
    cells, depth, begin = [], 0, None
    for tag in _DIV.finditer(text, start):
        if not tag.group(1):
            if depth == 0:
                begin = tag.start()
            depth += 1
        elif depth == 0:                 # the notebook's own </div>
            break
        else:
            depth -= 1
            if depth == 0:
                cells.append((begin, tag.end()))
    return cells


def _install_cell_after_title(output, label):
    notebook = _NOTEBOOK.search(output)
    if notebook is None:
        raise PluginError("booksite/hooks/notebooks.py: no jp-Notebook in a notebook page "
                          "(has mkdocs-jupyter's template changed?)")
    cells = _top_level_cells(output, notebook.end())
    markdown = [i for i, (begin, _) in enumerate(cells)
                if "jp-MarkdownCell" in output[begin:output.index(">", begin)]]
    first_begin, first_end = cells[0]
    if "jp-CodeCell" not in output[first_begin:output.index(">", first_begin)]:
        raise PluginError("booksite/hooks/notebooks.py: the page's first cell is not the "
                          "install cell")
    after = cells[markdown[0]][1] if markdown else first_end
    collapsed = (f'<details class="nnbook-install-cell"><summary>'
                 f'{html.escape(label)}</summary>\n'
                 f'{output[first_begin:first_end]}\n</details>')
    return (output[:first_begin] + output[first_end:after] + "\n" + collapsed
            + output[after:])


_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>',
                     re.S)


def _copy_button_words(output):
    words = json.loads(_CONFIG.search(output).group(1))["translations"]
    output = output.replace('<span class="notice" hidden="">Copied!</span>',
                            f'<span class="notice" hidden="">'
                            f'{html.escape(words["clipboard.copied"])}</span>')
    # mkdocs-jupyter's template also writes a stray `,=""` attribute here.
    return re.sub(r'<clipboard-copy (?:,="" )?aria-label="Copy to Clipboard"',
                  f'<clipboard-copy aria-label="{html.escape(words["clipboard.copy"])}" '
                  f'title="{html.escape(words["clipboard.copy"])}"', output)
