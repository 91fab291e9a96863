"""Print which ganviz package imports which: the design's dependency graph, read from the source.

    python tools/import_graph.py            # one line per package: what it imports, in ganviz and outside
    python tools/import_graph.py --modules  # the same per module

Read with ``ast`` (nothing is imported or run). ``tests/test_layout.py`` checks the
rules that docs/architecture.md states against the same graph.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path = ROOT) -> set[str]:
    """The absolute names of every module ``path`` imports (relative imports resolved; top-level and in functions).

    Imports under ``if TYPE_CHECKING:`` are left out: they name types for annotations and run nothing.
    """
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text(), str(path))
    typing_only = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.If) and _is_type_checking(node.test)
                   for stmt in node.body for inner in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.add(target)
            # ``from . import x`` or ``from ganviz.views import figure1``: x may be a module
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def modules(root: Path = ROOT) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted((root / "ganviz").rglob("*.py"))}


def package_of(name: str) -> str:
    """``ganviz.core.trainer`` -> ``core``; a module at the top (``ganviz.__init__``) -> ``ganviz``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in PACKAGES) else "ganviz"


PACKAGES = ("core", "remedies", "measure", "frames", "views", "lessons", "files", "sweep", "cli", "mnist", "i18n", "ui")


def graph(root: Path = ROOT, by_package: bool = True) -> dict[str, dict[str, set[str]]]:
    """{node: {"ganviz": nodes it imports inside ganviz, "outside": top-level third-party names}}."""
    known = modules(root)
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"ganviz": set(), "outside": set()})
    for name, path in known.items():
        node = package_of(name) if by_package else name
        out[node]
        for target in imports_of(path, root):
            if target.split(".")[0] == "ganviz":
                if target not in known:
                    continue  # a name imported from a module, not a module
                other = package_of(target) if by_package else target
                if other != node:
                    out[node]["ganviz"].add(other)
            elif target.split(".")[0] not in sys.stdlib_module_names:
                out[node]["outside"].add(target.split(".")[0])
    return dict(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", action="store_true", help="one line per module instead of per package")
    args = parser.parse_args()
    for node, deps in sorted(graph(by_package=not args.modules).items()):
        inside = ", ".join(sorted(deps["ganviz"])) or "-"
        outside = ", ".join(sorted(deps["outside"])) or "-"
        print(f"{node:<12} -> {inside}   [{outside}]")


if __name__ == "__main__":
    main()
