"""Time the contributor's loop: save a prose edit, see the page change.

    python benchmarks/serve_edit.py            # make bench-serve
    python benchmarks/serve_edit.py --edits 5 --page docs/07-training/index.ko.md
    python benchmarks/serve_edit.py --serve-args ""   # every save rebuilds all

In a copy of the repository (the files git would commit, and the build
caches of .cache/ so the first build replays what the working tree already
ran), `mkdocs serve` starts with the arguments `make serve` gives it. Once
it serves, the benchmark appends a marked sentence to the first paragraph of
a Korean page, saves it and polls the served page until the sentence is
there: that is what a contributor waits for between saving and the
browser's reload (livereload fetches the page the moment the build ends).
The sentence has Korean words the search index has not seen, so the first
edit also loads the Korean analyser, as a contributor's first edit does.
It does so `--edits` times and prints each wait and their median against the
target of 3 s. The working tree is only read.
"""

import argparse
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from booksite import sitebuild  # noqa: E402

TARGET_SECONDS = 3.0
NUMBERS = ["열", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]


def serve_arguments():
    """The arguments `make serve` passes to `mkdocs serve`."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(r"mkdocs serve(.*)$", makefile, re.M).group(1).split()


def copy_repository(target):
    sitebuild.copy_repository(target)
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", target / ".cache")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url, text=None, timeout=600, poll=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and (text is None or text in page):
            return True
        time.sleep(poll)
    return False


def page_url(base, page):
    rel = Path(page).relative_to("docs")
    stem = rel.name.split(".")[0]
    parts = list(rel.parent.parts) + ([] if stem == "index" else [stem])
    return base + ("/".join(parts) + "/" if parts else "")


def add_sentence(path, marker):
    """Append `marker` to the first paragraph (after the title) of `path`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    first = next(i for i in range(title + 1, len(lines))
                 if lines[i].strip() and not lines[i].startswith(("#", "!", "`", "<", "-", "|")))
    lines[first] += f" {marker}"
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--page", default="docs/03-why-a-loss/index.ko.md")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--serve-args", help="instead of make serve's, e.g. '' for a "
                        "full rebuild on every save")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="nnbook-serve-"))
    server = None
    try:
        copy_repository(work)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        extra = serve_arguments() if args.serve_args is None else args.serve_args.split()
        command = [sys.executable, "-m", "mkdocs", "serve", *extra,
                   "--dev-addr", f"127.0.0.1:{port}"]
        print("in a copy:", " ".join(command[2:]), flush=True)
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=work, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.STDOUT)
        url = page_url(base, args.page)
        if not wait_for(url):
            raise SystemExit("mkdocs serve did not serve the page within 10 minutes")
        print(f"first build served after {time.perf_counter() - started:.1f} s", flush=True)
        waits = []
        for n in range(1, args.edits + 1):
            # Korean words the index has not seen: the search hook analyses
            # them (Kiwi), as it does for a contributor's real sentence.
            marker = f"(시험 삼아 고친 {NUMBERS[n % len(NUMBERS)]}번째 문장 {n})"
            saved = time.perf_counter()
            add_sentence(work / args.page, marker)
            if not wait_for(url, marker, timeout=300):
                raise SystemExit(f"edit {n} never reached the served page")
            waits.append(time.perf_counter() - saved)
            print(f"edit {n}: saved to served in {waits[-1]:.2f} s", flush=True)
            time.sleep(1.0)            # let the server settle before the next save
        median = statistics.median(waits)
        print(f"edit to reload: median {median:.2f} s over {len(waits)} edits "
              f"({median / TARGET_SECONDS:.1f}x the {TARGET_SECONDS:.0f} s target)")
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
