"""Figures for the book's pages, drawn at build time.

The pages' hidden `exec="on"` blocks (run by markdown-exec while MkDocs
builds) compute their data with nnbook, draw on a `Figure`, and print
`figure.html(alt=..., caption=...)`: an <img> holding the figure as an inline
SVG data URI (no file to commit, no request to another host), with alt text in
the page's language.

* Fonts: labels are drawn with Noto Sans CJK (Debian: fonts-noto-cjk), so
  Korean labels come out as Hangul, not as empty boxes. If the font is
  missing, or if any label needs a glyph the font lacks, building the figure
  raises an error instead of drawing boxes.
* Text is converted to outlines in the SVG, so readers need no font; the
  label strings stay in the SVG as XML comments.
* Dark mode: the figure is drawn on white and the page's CSS
  (.nnbook-figure) sets it on a light card in both colour schemes.
"""

import base64
import html
import io
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
        "svg.fonttype": "path",
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

    def svg(self):
        """The figure as SVG text; an error if a glyph is missing."""
        buffer = io.StringIO()
        with warnings.catch_warnings():
            # "Glyph ... missing from font(s)" would otherwise be drawn as a box.
            warnings.filterwarnings("error", message=".*missing from font")
            self.fig.savefig(buffer, format="svg", metadata={"Date": None},
                             facecolor="white")
        plt.close(self.fig)
        return buffer.getvalue()

    def html(self, *, alt, caption=None):
        """An HTML <figure> with the SVG inline as a data URI."""
        if not alt or not alt.strip():
            raise ValueError("a figure needs alt text in the page's language")
        data = base64.b64encode(self.svg().encode("utf-8")).decode("ascii")
        parts = [
            '<figure class="nnbook-figure">',
            f'<img src="data:image/svg+xml;base64,{data}" '
            f'alt="{html.escape(alt, quote=True)}">',
        ]
        if caption:
            parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
        parts.append("</figure>")
        return "".join(parts)
