"""Figures for the book's pages, drawn at build time.

The pages' hidden `exec="on"` blocks (run by markdown-exec while MkDocs
builds) compute their data with nnbook, draw on a `Figure`, and print
`figure.html(alt=..., caption=...)`: an <img> of an SVG file with alt text
in the page's language.

* Files, not inline data: the SVG is written once, named by its content,
  into the figure folder beside the block cache (booksite/hooks/figures.py copies the
  ones a page uses into the site's assets/figures/ and points the <img> at
  them). The page stays small and the browser loads a figure lazily, when
  the reader scrolls to it.
* Text stays text (svg.fonttype "none"): labels are <text> elements a
  reader can select and a screen reader can read, in a stack of Korean
  system fonts; drawing them as outlines made each figure several times
  larger. Layout is measured with Noto Sans CJK (Debian: fonts-noto-cjk);
  if the font is missing, or a label needs a glyph it lacks, building the
  figure raises an error instead of drawing boxes.
* Dark mode: the figure is drawn on white and the page's CSS
  (.nnbook-figure) sets it on a light card in both colour schemes.
"""

import hashlib
import html
import io
import os
import re
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

CJK_FONT_FILE = "NotoSansCJK-Regular.ttc"
CJK_FONT_DIRS = (
    "/usr/share/fonts/opentype/noto",      # Debian / Ubuntu
    "/usr/share/fonts/noto-cjk",           # Arch, Fedora
    "/usr/share/fonts/google-noto-cjk",
    "/Library/Fonts",
)

# Colours that read well on the white card: Material's indigo and a
# contrasting orange for highlights.
INK = "#1f2937"
LINE = "#3f51b5"
ACCENT = "#e65100"
GRID = "#d0d4dc"

# The fonts a reader's system draws the labels with: Korean system fonts on
# every platform, then the one the layout was measured with.
FONT_STACK = ("'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', "
              "'Malgun Gothic', 'Noto Sans CJK JP', 'DejaVu Sans', sans-serif")
ROOT = Path(__file__).resolve().parents[2]
# booksite/hooks/figures.py turns this prefix into the file's link on the site.
SOURCE_PREFIX = "nnbook-figure:"


def figure_dir():
    """Where figures are written: <block cache>/figures, so that a block
    replayed from booksite/hooks/blockcache.py's cache still finds its figure."""
    blocks = os.environ.get("NNBOOK_BLOCK_CACHE_DIR") or ROOT / ".cache" / "nnbook-blocks"
    return Path(blocks) / "figures"


def cjk_font_path():
    """Path of Noto Sans CJK, or an error that says how to install it."""
    for folder in CJK_FONT_DIRS:
        path = Path(folder) / CJK_FONT_FILE
        if path.is_file():
            return path
    for found in font_manager.findSystemFonts():
        if Path(found).name == CJK_FONT_FILE:
            return Path(found)
    raise RuntimeError(
        f"{CJK_FONT_FILE} not found: the book's figures need Noto Sans CJK "
        "for Korean labels. Install it with `apt-get install fonts-noto-cjk` "
        "(Debian/Ubuntu) or your system's Noto CJK package."
    )


def _use_cjk_font():
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    plt.rcParams.update({
        "font.family": [family],
        "axes.unicode_minus": True,
        "svg.fonttype": "none",
        "svg.hashsalt": "nnbook",          # stable ids: reproducible SVG
        "axes.edgecolor": INK,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "text.color": INK,
        "axes.grid": True,
        "grid.color": GRID,
        "grid.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    return family


class Figure:
    """A matplotlib figure sized for the page.

    `axes` is the single Axes (ncols=1) or a tuple of `ncols` Axes side by
    side; `fig` is the matplotlib Figure.
    """

    def __init__(self, width=6.4, height=3.6, *, ncols=1):
        _use_cjk_font()
        self.fig, axes = plt.subplots(1, ncols, figsize=(width, height),
                                      layout="constrained")
        self.axes = axes if ncols == 1 else tuple(axes)
        self.fig.patch.set_facecolor("white")

    def _check_glyphs(self):
        """Every character of every label is in Noto Sans CJK or, for the
        few symbols it lacks (subscripts such as ₁), in DejaVu Sans, which
        matplotlib ships and readers' systems carry under some name: an
        error, not a box."""
        from matplotlib.ft2font import FT2Font
        from matplotlib.text import Text

        charmap = set(FT2Font(str(cjk_font_path())).get_charmap())
        charmap |= set(FT2Font(font_manager.findfont("DejaVu Sans")).get_charmap())
        for text in self.fig.findobj(Text):
            missing = sorted({c for c in text.get_text()
                              if not c.isspace() and ord(c) not in charmap})
            if missing:
                raise ValueError(f"label {text.get_text()!r}: no glyph for "
                                 f"{''.join(missing)!r} in {CJK_FONT_FILE} "
                                 "or DejaVu Sans")

    def svg(self):
        """The figure as SVG text, labels as <text> in FONT_STACK."""
        self._check_glyphs()
        buffer = io.StringIO()
        with warnings.catch_warnings():
            # Checked above: a symbol Noto Sans CJK lacks is in DejaVu Sans,
            # which the reader's browser falls back to.
            warnings.filterwarnings("ignore", message=".*missing from font")
            self.fig.savefig(buffer, format="svg", metadata={"Date": None},
                             facecolor="white")
        plt.close(self.fig)
        return re.sub(r"font-family: '[^']*'", f"font-family: {FONT_STACK}",
                      buffer.getvalue())

    def html(self, *, alt, caption=None):
        """An HTML <figure> whose <img> names the SVG file by its content."""
        if not alt or not alt.strip():
            raise ValueError("a figure needs alt text in the page's language")
        svg = self.svg()
        name = hashlib.sha256(svg.encode("utf-8")).hexdigest()[:16] + ".svg"
        folder = figure_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / name).is_file():
            tmp = folder / (name + ".tmp")
            tmp.write_text(svg, encoding="utf-8")
            tmp.replace(folder / name)
        width, height = (round(float(v)) for v in re.search(
            r'<svg[^>]*width="([\d.]+)pt"[^>]*height="([\d.]+)pt"', svg).groups())
        # pt to CSS px: the width and height the page reserves before loading.
        width, height = round(width * 4 / 3), round(height * 4 / 3)
        parts = [
            '<figure class="nnbook-figure">',
            f'<img src="{SOURCE_PREFIX}{name}" width="{width}" height="{height}" '
            f'loading="lazy" decoding="async" alt="{html.escape(alt, quote=True)}">',
        ]
        if caption:
            parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
        parts.append("</figure>")
        return "".join(parts)
