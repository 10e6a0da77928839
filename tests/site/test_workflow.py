"""The publishing workflow and Dependabot: schemas, permissions, pins.

Schemas: check-jsonschema with its bundled (vendored) GitHub workflow and
Dependabot schemas; `--builtin-schema` reads them from the package, so this
runs offline (checked with the network unshared). The rest reads the YAML:

* the token is read-only everywhere except the `deploy` job, which gets
  exactly `pages: write` and `id-token: write` and runs no repository code;
* every action is pinned to a full commit SHA with its release in a comment,
  or to an exact vX.Y.Z tag; never a branch or a moving major tag;
* the test job runs README's `make test`; Pages deploys only from main,
  after the tests; Zensical's try cannot fail the run;
* the build job prints a PDF per language from the site it built
  (tools/pdf.py) and publishes them in downloads/, beside the offline zip.
"""

import re
import subprocess
import sys
import tomllib

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
    jobs = workflow["jobs"]
    assert any(s.get("run", "").strip() == "make test" for s in jobs["test"]["steps"])
    # The browser the test job names is the one test_browser.py reads.
    browser_env = jobs["test"].get("env", {})
    if "NNBOOK_CHROMIUM" in browser_env:
        assert "NNBOOK_CHROMIUM" in (ROOT / "tests/site/test_browser.py").read_text("utf-8")
    # Pages: only from a push to main, only after the tests passed.
    build = jobs["build"]
    assert build["needs"] == "test"
    assert "github.event_name == 'push'" in build["if"]
    assert "refs/heads/main" in build["if"]
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
    """After the online build and before the upload, tools/pdf.py prints both
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
    printed = index(lambda s: "tools/pdf.py --site site" in s.get("run", ""))
    upload = index(lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact"))
    packages = index(lambda s: "poppler-utils" in s.get("run", "")
                     and "fonts-noto-cjk" in s.get("run", ""))
    assert online < printed < upload and packages < printed
    run = steps[printed]["run"]
    for name in ("nnbook-ko.pdf", "nnbook-en.pdf"):
        assert re.search(rf"cp .*\b{re.escape(name)}\b.* site/downloads/", run), run
    assert steps[printed]["env"]["NNBOOK_CHROMIUM"] == jobs["test"]["env"]["NNBOOK_CHROMIUM"]
    assert "NNBOOK_CHROMIUM" in (ROOT / "tools/pdf.py").read_text("utf-8")
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
