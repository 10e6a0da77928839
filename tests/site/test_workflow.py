"""The publishing workflow and Dependabot: schemas, permissions, pins.

Schemas: check-jsonschema with its bundled (vendored) GitHub workflow and
Dependabot schemas; `--builtin-schema` reads them from the package, so this
runs offline (checked with the network unshared). The rest reads the YAML:

* the token is read-only everywhere except three jobs: `deploy` gets
  exactly `pages: write` and `id-token: write`, `release` exactly
  `contents: write`, `pypi` exactly `id-token: write`; `deploy` and `pypi`
  run no repository code;
* every action is pinned to a full commit SHA with its release in a comment,
  or to an exact vX.Y.Z tag; never a branch or a moving major tag;
* the test job runs README's `make test`; Pages deploys only from main,
  after the tests; Zensical's try cannot fail the run;
* the build job prints a PDF per language from the site it built
  (booksite/pdf.py) and publishes them in downloads/, beside the offline zip;
* a pushed tag v* runs the tests, then `release` (tag = v + __version__,
  wheel and sdist by a pinned `build`, `twine check --strict`, the wheel
  holds nnbook only, a GitHub release with the CHANGELOG section), then,
  if the repository opts in, `pypi` (trusted publishing); a tag never
  deploys Pages. The release job's own scripts (the tag check, the wheel
  check, the notes) are run here on small inputs.
"""

import os
import re
import subprocess
import sys
import tomllib
import zipfile

import pytest
import yaml

from sitesource import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
BOOK = ROOT / ".github" / "workflows" / "book.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
TAG_PIN = re.compile(r"^[\w.-]+/[\w./-]+@v\d+\.\d+\.\d+$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\b")


def _load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def pin_problem(uses, line):
    """Why `uses` (on source line `line`) is not an acceptable pin, or None."""
    if SHA_PIN.match(uses):
        if not VERSION_COMMENT.search(line):
            return "SHA pin without a '# vX.Y.Z' comment"
        return None
    if TAG_PIN.match(uses):
        return None
    return "not pinned to a commit SHA or an exact vX.Y.Z tag"


def test_there_is_a_workflow():
    assert BOOK in WORKFLOWS


@pytest.mark.parametrize(("path", "schema"), [
    *[(p, "vendor.github-workflows") for p in WORKFLOWS],
    (DEPENDABOT, "vendor.dependabot"),
], ids=lambda v: getattr(v, "name", v))
def test_schema(path, schema):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_can_fail(tmp_path):
    """The schema check is not a no-op: a job without runs-on and with a
    made-up permission level is rejected."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    permissions:\n      pages: maybe\n"
                   "    steps: []\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-workflows", str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_permissions(path):
    workflow = _load(path)
    assert workflow.get("permissions") == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions", {})
        assert permissions not in ("write-all", "read-all"), name
        writes = {scope for scope, level in permissions.items() if level == "write"}
        if name == "deploy":
            assert permissions == {"pages": "write", "id-token": "write"}
            # It deploys the artifact the build job made, and nothing else.
            steps = job["steps"]
            assert [s.get("uses", "").split("@")[0] for s in steps] == ["actions/deploy-pages"]
            assert not any("run" in s for s in steps)
        elif name == "release":
            # The GitHub release; no OIDC token.
            assert permissions == {"contents": "write"}
        elif name == "pypi":
            # Trusted publishing: an OIDC token and nothing else, not even
            # contents: read; it uploads the release job's files.
            assert permissions == {"id-token": "write"}
            steps = job["steps"]
            assert [s.get("uses", "").split("@")[0] for s in steps] == [
                "actions/download-artifact", "pypa/gh-action-pypi-publish"]
            assert not any("run" in s for s in steps)
        else:
            assert not writes, f"job {name} may write: {sorted(writes)}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    found, problems = 0, []
    for number, line in enumerate(lines, 1):
        match = re.match(r"^\s*(?:-\s+)?uses:\s*([^\s#]+)", line)
        if match:
            found += 1
            problem = pin_problem(match.group(1), line)
            if problem:
                problems.append(f"{path.name}:{number}: {match.group(1)}: {problem}")
    # Every `uses:` of the parsed file was seen by the line scan.
    assert found == sum(1 for _, s in _steps(_load(path)) if "uses" in s)
    assert not problems, "\n".join(problems)


def test_pin_rules():
    sha = "de0fac2e4500dabe0009e67214ff5f5447ce83dd"
    assert pin_problem(f"actions/checkout@{sha}", f"uses: actions/checkout@{sha} # v6.0.2") is None
    assert pin_problem("actions/checkout@v6.0.2", "uses: actions/checkout@v6.0.2") is None
    assert pin_problem(f"actions/checkout@{sha}", f"uses: actions/checkout@{sha}")
    for floating in ("actions/checkout@v6", "actions/checkout@main",
                     "actions/checkout@de0fac2", "actions/checkout@v6.0"):
        assert pin_problem(floating, f"uses: {floating} # v6.0.2"), floating


def test_jobs_do_what_the_book_needs():
    workflow = _load(BOOK)
    assert {"push", "pull_request", "workflow_dispatch"} <= set(workflow["on"])
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["on"]["push"]["tags"] == ["v*"]
    jobs = workflow["jobs"]
    assert any(s.get("run", "").strip() == "make test" for s in jobs["test"]["steps"])
    # The browser the test job names is the one test_browser.py reads.
    browser_env = jobs["test"].get("env", {})
    if "NNBOOK_CHROMIUM" in browser_env:
        assert "NNBOOK_CHROMIUM" in (ROOT / "tests/site/test_browser.py").read_text("utf-8")
    # The uploaded screenshots are of every page, not only the changed ones.
    assert browser_env.get("NNBOOK_SCREENSHOTS") == "all"
    assert "NNBOOK_SCREENSHOTS" in (ROOT / "tests/site/sweep.py").read_text("utf-8")
    # Pages: only from a push to main, only after the tests passed.
    build = jobs["build"]
    assert build["needs"] == "test"
    assert "github.event_name == 'push'" in build["if"]
    assert "refs/heads/main" in build["if"]
    # A tag push does not deploy: main's push publishes the same commit, and
    # a tag on an older commit would roll the site back.
    assert "refs/tags" not in build["if"] and "||" not in build["if"]
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["deploy"]["concurrency"]["cancel-in-progress"] is False
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert "actions/upload-pages-artifact" in uses
    # The published build dates pages by their last commit: whole history.
    checkout = [s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout")]
    assert checkout and checkout[0]["with"]["fetch-depth"] == 0
    # An edition is published once its tag exists (the notebooks install it).
    assert any("refs/tags/$tag" in s.get("run", "") and "__version__" in s.get("run", "")
               for s in build["steps"])
    # The published build knows its address (404.html, sitemap).
    online = [s for s in build["steps"] if "NNBOOK_SITE_URL" in s.get("env", {})]
    assert online and "!ENV [NNBOOK_SITE_URL" in (ROOT / "mkdocs.yml").read_text("utf-8")
    # Zensical is informational.
    assert jobs["zensical"]["continue-on-error"] is True
    assert any(s.get("run", "").strip() == "make zensical" for s in jobs["zensical"]["steps"])


def test_deploy_publishes_the_pdfs():
    """After the online build and before the upload, booksite/pdf.py prints both
    PDFs from site/ and they are copied into site/downloads/; the Korean
    fonts and poppler-utils are installed first, the runner's Chrome named.
    The test job installs poppler-utils for tests/site/test_pdf.py, as .ci/run does."""
    jobs = _load(BOOK)["jobs"]
    steps = jobs["build"]["steps"]

    def index(found):
        where = [i for i, step in enumerate(steps) if found(step)]
        assert len(where) == 1, where
        return where[0]

    online = index(lambda s: "NNBOOK_SITE_URL" in s.get("env", {}))
    printed = index(lambda s: "booksite.pdf --site site" in s.get("run", ""))
    upload = index(lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact"))
    packages = index(lambda s: "poppler-utils" in s.get("run", "")
                     and "fonts-noto-cjk" in s.get("run", ""))
    assert online < printed < upload and packages < printed
    run = steps[printed]["run"]
    for name in ("nnbook-ko.pdf", "nnbook-en.pdf"):
        assert re.search(rf"cp .*\b{re.escape(name)}\b.* site/downloads/", run), run
    assert steps[printed]["env"]["NNBOOK_CHROMIUM"] == jobs["test"]["env"]["NNBOOK_CHROMIUM"]
    assert "NNBOOK_CHROMIUM" in (ROOT / "booksite/pdf.py").read_text("utf-8")
    assert any("poppler-utils" in s.get("run", "") for s in jobs["test"]["steps"])
    assert "poppler-utils" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_python_version_is_the_oldest_supported():
    """CI runs the lowest Python that pyproject.toml accepts."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["requires-python"]
    minimum = re.fullmatch(r">=\s*(\d+\.\d+)", requires.strip()).group(1)
    assert _load(BOOK)["env"]["PYTHON_VERSION"] == minimum


def test_dependabot_keeps_actions_current():
    config = _load(DEPENDABOT)
    ecosystems = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert ("github-actions", "/") in ecosystems


TAG_PUSH = "github.event_name == 'push' && startsWith(github.ref, 'refs/tags/v')"


def _step(job, name):
    found = [s for s in job["steps"] if s.get("name") == name]
    assert len(found) == 1, (name, [s.get("name") for s in job["steps"]])
    return found[0]


def _run_step(step, cwd, tmp_path, **env):
    """Run a step's script as Actions does (bash -eo pipefail), with `python`
    being this interpreter and the step's outputs written to a file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    output = tmp_path / "github_output"
    output.touch()
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
                   "GITHUB_OUTPUT": str(output), "RUNNER_TEMP": str(tmp_path), **env}
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                             step["run"]], cwd=cwd, env=environment,
                            capture_output=True, text=True, timeout=60)
    outputs = dict(line.split("=", 1) for line in output.read_text("utf-8").splitlines())
    return result, outputs


def _version():
    init = (ROOT / "src" / "nnbook" / "__init__.py").read_text("utf-8")
    return re.search(r'^__version__ = "([^"]+)"', init, re.M).group(1)


def test_release_job():
    """On a version tag only, after the tests: the tag is checked against
    __version__, pinned build and twine make and check the files, they are
    kept as the `dist` artifact and attached to a GitHub release made with
    gh (no third-party release action), titled for the edition, with the
    CHANGELOG section as its notes."""
    workflow = _load(BOOK)
    job = workflow["jobs"]["release"]
    assert job["if"] == TAG_PUSH
    assert job["needs"] == "test"
    assert "id-token" not in job["permissions"]
    uses = [s["uses"].split("@")[0] for s in job["steps"] if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "${{ env.PYTHON_VERSION }}"
    # The same pinned actions as the other jobs.
    for action in ("actions/checkout", "actions/setup-python", "actions/upload-artifact"):
        pins = {s["uses"] for _, s in _steps(workflow) if s.get("uses", "").startswith(action + "@")}
        assert len(pins) == 1, pins

    tag = _step(job, "The tag is v + nnbook.__version__")
    assert tag["env"]["TAG"] == "${{ github.ref_name }}"
    assert "__version__" in tag["run"] and "exit 1" in tag["run"]

    built = _step(job, "Wheel and sdist (dist/), checked by twine")["run"]
    pins = dict(re.findall(r"\b(build|twine)==(\d+(?:\.\d+)+)\b", built))
    assert set(pins) == {"build", "twine"}, built
    assert "python -m build\n" in built
    assert "twine check --strict dist/*" in built
    assert 'dist/nnbook-$VERSION-py3-none-any.whl' in built
    assert 'dist/nnbook-$VERSION.tar.gz' in built

    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["name"] == "dist" and upload["with"]["path"] == "dist/"
    assert upload["with"]["if-no-files-found"] == "error"

    release = _step(job, "GitHub release with the wheel and the sdist")
    assert release["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert re.search(r'gh release create "\$TAG" dist/\*', release["run"])
    assert '--title "$TITLE"' in release["run"]
    assert '--notes-file "$RUNNER_TEMP/notes.md"' in release["run"]
    assert release["env"]["TITLE"] == "${{ steps.notes.outputs.title }}"


def test_pypi_job():
    """After the release, on a version tag, only where the repository opts
    in (vars.PYPI_PUBLISH): the release's files to PyPI by trusted
    publishing, in the `pypi` environment, by a SHA-pinned action."""
    lines = BOOK.read_text(encoding="utf-8").splitlines()
    jobs = _load(BOOK)["jobs"]
    job = jobs["pypi"]
    assert job["needs"] == "release"
    assert TAG_PUSH in job["if"] and "vars.PYPI_PUBLISH == 'true'" in job["if"]
    assert job["environment"] == {"name": "pypi", "url": "https://pypi.org/p/nnbook"}
    download, publish = job["steps"]
    upload = next(s for s in jobs["release"]["steps"]
                  if s.get("uses", "").startswith("actions/upload-artifact"))
    assert download["with"]["name"] == upload["with"]["name"]
    assert publish["with"] == {"packages-dir": download["with"]["path"]}
    # A full SHA with its release, not a tag: this job holds the OIDC token.
    line = next(l for l in lines if "uses: pypa/gh-action-pypi-publish@" in l)
    assert SHA_PIN.match(publish["uses"]) and VERSION_COMMENT.search(line), line
    assert "secrets." not in BOOK.read_text(encoding="utf-8")


def test_release_checks_the_tag(tmp_path):
    """The tag check passes for v<__version__> and fails for anything else."""
    step = _step(_load(BOOK)["jobs"]["release"], "The tag is v + nnbook.__version__")
    version = _version()
    result, outputs = _run_step(step, ROOT, tmp_path, TAG=f"v{version}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert outputs == {"version": version}
    for wrong in (version, f"v{version}.1", "v0.0.0"):
        (tmp_path / "github_output").write_text("", encoding="utf-8")
        result, _ = _run_step(step, ROOT, tmp_path, TAG=wrong)
        assert result.returncode == 1, wrong
        assert "::error::tag" in result.stdout, result.stdout


def _wheel(path, names):
    with zipfile.ZipFile(path, "w") as wheel:
        for name in names:
            wheel.writestr(name, "")


def test_release_checks_the_wheel(tmp_path):
    """The workflow's wheel check accepts nnbook/ and its .dist-info and
    rejects anything beside them (tests, hooks, tools, docs, a stray
    module); the package as pyproject.toml finds it is nnbook alone."""
    step = _step(_load(BOOK)["jobs"]["release"],
                 "The wheel holds the nnbook package and nothing else")
    dist_info = f"nnbook-{_version()}.dist-info"
    good = ["nnbook/__init__.py", "nnbook/exercises/__init__.py",
            f"{dist_info}/METADATA", f"{dist_info}/RECORD"]
    cases = {"good": (good, 0), "tests": (good + ["tests/test_layers.py"], 1),
             "hooks": (good + ["hooks/edition.py"], 1), "tools": (good + ["tools/pdf.py"], 1),
             "docs": (good + ["docs/index.md"], 1), "booksite": (good + ["booksite/pdf.py"], 1),
             "module": (good + ["conftest.py"], 1), "empty": ([f"{dist_info}/METADATA"], 1)}
    for case, (names, expected) in cases.items():
        work = tmp_path / case
        (work / "dist").mkdir(parents=True)
        _wheel(work / "dist" / f"nnbook-{_version()}-py3-none-any.whl", names)
        result, _ = _run_step(step, work, tmp_path)
        assert result.returncode == expected, (case, result.stdout + result.stderr)
        if expected:
            assert "::error::" in result.stdout, (case, result.stdout)
    # What the build puts in the wheel: the packages found under src/.
    import setuptools

    find = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert find == {"packages": {"find": {"where": ["src"]}}}
    packages = setuptools.find_packages(where=str(ROOT / "src"))
    assert packages and all(p == "nnbook" or p.startswith("nnbook.") for p in packages), packages


def test_release_notes_are_the_changelog_section(tmp_path):
    """The notes are this version's CHANGELOG section (up to the next
    heading), the title "nnbook <version>"; a heading naming its edition
    adds the name."""
    step = _step(_load(BOOK)["jobs"]["release"], "Release notes from CHANGELOG.md")
    version = _version()
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    work = tmp_path / "real"
    work.mkdir()
    (work / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    result, outputs = _run_step(step, work, tmp_path, VERSION=version)
    assert result.returncode == 0, result.stdout + result.stderr
    assert outputs == {"title": f"nnbook {version}"}
    notes = (tmp_path / "notes.md").read_text("utf-8")
    section = changelog.split(f"\n## {version} — ", 1)[1].split("\n## ", 1)[0]
    assert notes.strip() == section.split("\n", 1)[1].strip()
    assert "\n## " not in notes and "### " in notes

    named = tmp_path / "named"
    named.mkdir()
    (named / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 9.9.9 — 2030-01-01 — Convolutions\n\nNew.\n\n"
        "## 9.9.8 — 2029-01-01\n\nOld.\n", encoding="utf-8")
    (tmp_path / "github_output").write_text("", encoding="utf-8")
    result, outputs = _run_step(step, named, tmp_path, VERSION="9.9.9")
    assert result.returncode == 0, result.stdout + result.stderr
    assert outputs == {"title": "nnbook 9.9.9 — Convolutions"}
    assert (tmp_path / "notes.md").read_text("utf-8") == "New.\n"
    (tmp_path / "github_output").write_text("", encoding="utf-8")
    result, _ = _run_step(step, named, tmp_path, VERSION="1.0.0")
    assert result.returncode == 1 and "::error::CHANGELOG.md" in result.stdout
