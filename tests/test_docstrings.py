"""The API reference documents every argument (Google-style docstrings).

mkdocs.yml asks mkdocstrings for Google-style docstrings. Every public
function and class of the modules on the reference page, every name in
nnbook.__all__ and every public method of their classes therefore has its
summary line first, an `Args:` entry for each parameter (a class documents
its __init__'s) and, where it returns something, `Returns:`. A method that
keeps the contract of its base class may share the base's docstring.
"""

import ast
import importlib
import inspect
import logging
import pathlib
import re
import textwrap

import pytest

import nnbook

# The modules of docs/reference: `::: nnbook.<module>`.
MODULES = ["activations", "data", "encoding", "layers", "losses", "metrics",
           "model", "node", "optimizers", "recipes", "exercises"]
SECTIONS = ("Args:", "Returns:", "Yields:", "Raises:")


def _public_objects():
    objects = {}
    for name in nnbook.__all__:
        obj = getattr(nnbook, name)
        objects[f"{obj.__module__}.{obj.__qualname__}"] = obj
    for module_name in MODULES:
        module = importlib.import_module(f"nnbook.{module_name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or not (inspect.isfunction(obj)
                                            or inspect.isclass(obj)):
                continue
            if obj.__module__ == module.__name__:
                objects[f"{module.__name__}.{obj.__qualname__}"] = obj
    for key, obj in list(objects.items()):
        if not inspect.isclass(obj):
            continue
        for cls in obj.__mro__:
            if not cls.__module__.startswith("nnbook"):
                continue
            for name, member in vars(cls).items():
                public = not name.startswith("_") or name == "__call__"
                if public and inspect.isfunction(member):
                    objects.setdefault(f"{key}.{name}", getattr(obj, name))
    return objects


OBJECTS = _public_objects()


def _parameters(obj):
    signature = inspect.signature(obj)
    return [("*" if p.kind is p.VAR_POSITIONAL else
             "**" if p.kind is p.VAR_KEYWORD else "") + name
            for name, p in signature.parameters.items() if name != "self"]


def _section(doc, header):
    """The entry names of one Google-style section (top-level lines only)."""
    lines = doc.splitlines()
    if header not in lines:
        return None
    names = []
    for line in lines[lines.index(header) + 1:]:
        if line and not line.startswith(" "):
            break                               # the next section
        match = re.match(r"^    (\*{0,2}\w+)\s*(\([^)]*\))?:", line)
        if match:
            names.append(match.group(1))
    return names


def _has_section(doc, header):
    """A header line followed by at least one indented entry."""
    lines = doc.splitlines()
    if header not in lines:
        return False
    following = lines[lines.index(header) + 1:]
    return bool(following) and following[0].startswith("    ") and \
        bool(following[0].strip())


def _returns_something(function):
    """True if the function's own body returns or yields a value."""
    try:
        source = inspect.getsource(inspect.unwrap(function))
    except (OSError, TypeError):
        return False
    tree = ast.parse(textwrap.dedent(source))
    definition = tree.body[0]
    todo = list(definition.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                             ast.Lambda, ast.ClassDef)):
            continue                            # a nested function's returns
        if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)) and \
                node.value is not None and not (
                    isinstance(node.value, ast.Constant)
                    and node.value.value is None):
            return True
        todo.extend(ast.iter_child_nodes(node))
    return False


def test_there_is_something_to_check():
    assert len(OBJECTS) > 80
    assert "nnbook.model.Sequential.fit" in OBJECTS
    assert "nnbook.optimizers.InverseTimeDecay.__call__" in OBJECTS


@pytest.mark.parametrize("name", OBJECTS)
def test_summary_line_first(name):
    doc = inspect.getdoc(OBJECTS[name])
    assert doc, f"{name} has no docstring"
    first = doc.splitlines()[0]
    assert first.strip() and first not in SECTIONS, name


@pytest.mark.parametrize("name", OBJECTS)
def test_every_parameter_has_an_args_entry(name):
    obj = OBJECTS[name]
    parameters = _parameters(obj)
    doc = inspect.getdoc(obj) or ""
    documented = _section(doc, "Args:")
    if not parameters:
        assert documented in (None, []), f"{name}: Args: but no parameters"
        return
    assert documented is not None, f"{name}: no Args: for {parameters}"
    assert documented == parameters, (
        f"{name}: Args: lists {documented}, the signature {parameters}")


@pytest.mark.parametrize("name", [n for n, obj in OBJECTS.items()
                                  if not inspect.isclass(obj)])
def test_returns_where_it_returns_something(name):
    obj = OBJECTS[name]
    doc = inspect.getdoc(obj) or ""
    if _returns_something(obj):
        assert _has_section(doc, "Returns:") or _has_section(doc, "Yields:"), \
            f"{name} returns a value: no Returns:"


def test_griffe_reads_every_docstring_without_a_warning():
    """mkdocs build --strict would fail on any warning of the google parser."""
    griffe = pytest.importorskip("griffe")
    warnings = []

    class Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    handler, logger = Collect(), logging.getLogger("griffe")
    logger.addHandler(handler)
    try:
        package = griffe.load(
            "nnbook", search_paths=[str(pathlib.Path(nnbook.__file__).parents[1])],
            docstring_parser="google")

        def walk(obj):
            if obj.docstring:
                obj.docstring.parse("google")
            for member in obj.members.values():
                if not member.is_alias:
                    walk(member)

        walk(package)
    finally:
        logger.removeHandler(handler)
    assert warnings == []
