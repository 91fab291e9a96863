"""No module of ganviz reaches into another module's private (underscore) names.

A helper that two modules need is public in one of them (or in a module of its
own, as ``ganviz.views.plot``); a leading underscore means "this module only".
The scan reads every source file with ``ast``: ``from X import _name`` and
``module._name`` on a module imported from ganviz both fail.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ganviz"


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(source: str, module: str) -> list[str]:
    """Where ``source`` (the text of ganviz module ``module``, dotted) uses another module's private names."""
    tree = ast.parse(source)
    package = module.rsplit(".", 1)[0]
    found, modules = [], set()  # modules: local names bound to a ganviz module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source_module = node.module or ""
            if node.level:  # relative: resolve against this module's package
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                source_module = ".".join(base + ([source_module] if source_module else []))
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"line {node.lineno}: from {source_module} import {alias.name}")
                elif source_module.startswith("ganviz"):
                    modules.add(alias.asname or alias.name)  # may be a module (from . import palette)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("ganviz"):
                    modules.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and _private(node.attr) and isinstance(node.value, ast.Name)
                and node.value.id in modules):
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return found


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


@pytest.mark.parametrize("module, path", list(modules()), ids=lambda v: v if isinstance(v, str) else "")
def test_no_module_imports_another_modules_private_names(module, path):
    assert private_uses(path.read_text(encoding="utf-8"), module if path.name != "__init__.py" else module + ".x") == []


def test_the_scan_finds_what_it_forbids():
    assert private_uses("from .figure1 import _rounded, line\n", "ganviz.views.figure2d") == [
        "line 1: from ganviz.views.figure1 import _rounded"]
    assert private_uses("from ..measure.metrics import _xlogy\n", "ganviz.measure.theory") == [
        "line 1: from ganviz.measure.metrics import _xlogy"]
    assert private_uses("from . import metrics\nmetrics._normalised(1, 2)\n", "ganviz.measure.theory") == [
        "line 2: metrics._normalised"]
    assert private_uses("import ganviz.views.figure1 as f\nf._rounded([1])\n", "ganviz.views.x") == ["line 2: f._rounded"]
    # Its own private names, dunders and other packages' names are no concern of this test.
    assert private_uses("def _a():\n    pass\n_a()\nfrom __future__ import annotations\n", "ganviz.x.y") == []
    assert private_uses("import numpy as np\nnp._NoValue\n", "ganviz.x.y") == []
