"""The book as a PDF per language, offered on the site as downloads/.

booksite/pdf.py prints the PDFs from a built site (`make pdf`, and the deploy
after its build), so a build cannot contain the ones made from itself.
Here the site gets `downloads/nnbook-ko.pdf` and `downloads/nnbook-en.pdf`
as files, so the preface's links resolve in every build: the PDFs
booksite/pdf.py last wrote into build/pdf/ (NNBOOK_PDF_DIR) when they exist,
else a one-page PDF saying how to make them. The deploy prints the real
ones from the site it just built and copies them over these.
"""

import os
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ko", "en")
DOWNLOAD = "downloads/nnbook-{lang}.pdf"

_NOTE = ("This build of nnbook has no PDF. Make it from a clone of the "
         "repository: make pdf (build/pdf/nnbook-{lang}.pdf).")


def placeholder_pdf(text):
    """A valid one-page PDF holding one line of ASCII text."""
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 11 Tf 56 780 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _pdf_dir():
    return Path(os.environ.get("NNBOOK_PDF_DIR") or ROOT / "build" / "pdf")


@event_priority(-200)           # after static-i18n rebuilt the file list (-100)
def on_files(files, config):
    for lang in LANGUAGES:
        path = DOWNLOAD.format(lang=lang)
        if files.get_file_from_path(path) is not None:
            continue
        built = _pdf_dir() / f"nnbook-{lang}.pdf"
        if built.is_file():
            files.append(File.generated(config, path, abs_src_path=str(built)))
        else:
            files.append(File.generated(
                config, path, content=placeholder_pdf(_NOTE.format(lang=lang))))
    return files
