"""The design, as the import graph shows it (docs/architecture.md): who may import whom.

Read from the source with ``tools/import_graph.py`` (``ast``, nothing imported). Each rule below
is one sentence of the architecture doc; a change that breaks one should change the doc too.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from import_graph import PACKAGES, graph, imports_of, modules, package_of  # noqa: E402

# package -> the ganviz packages it may import. Data flows one way: config -> trainer -> snapshot -> figure.
ALLOWED = {
    "i18n": set(),
    "core": {"remedies"},  # the Trainer builds the remedies' networks and G step
    "remedies": {"core", "i18n"},  # remedies build on core's networks; their catalogue names methods
    "measure": {"core"},
    "frames": {"core", "measure", "i18n"},
    "views": {"frames", "measure", "i18n"},  # figures read snapshots, never a Trainer
    "lessons": {"core", "remedies", "measure", "frames", "i18n", "mnist"},  # the VAE beside the MNIST GAN
    "files": {"core", "frames", "measure"},
    "mnist": {"core", "i18n"},
    "sweep": {"core", "remedies", "lessons"},  # runs lessons' run_once over grids and seeds
    "cli": {"core", "remedies", "measure", "frames", "views", "lessons", "files", "mnist", "sweep", "i18n"},
    "ui": {"core", "remedies", "measure", "frames", "views", "lessons", "files", "mnist", "sweep", "i18n"},
    "ganviz": {"core", "measure", "frames", "cli"},  # the public API and ``python -m ganviz``
}


def test_every_package_is_named_in_the_rules():
    assert set(graph()) == set(ALLOWED), "a new package needs its line in ALLOWED and in docs/architecture.md"
    assert set(PACKAGES) | {"ganviz"} == set(ALLOWED)


# One palette for every page: a leaf (colours only, it imports nothing of ganviz) that any package may read.
LEAVES = {"ganviz.views.palette"}


def test_packages_import_only_what_the_design_allows():
    known = modules()
    wrong = {}
    for name, path in known.items():
        pkg = package_of(name)
        for target in imports_of(path):
            if target in known and target not in LEAVES and package_of(target) not in ALLOWED[pkg] | {pkg}:
                wrong.setdefault(pkg, set()).add(target)
    assert not wrong, f"imports against the layering: {wrong}"


def test_the_leaves_import_nothing_of_ganviz():
    known = modules()
    for leaf in LEAVES:
        assert not [t for t in imports_of(known[leaf]) if t.startswith("ganviz")], leaf


def test_only_the_ui_imports_streamlit():
    users = sorted(name for name, path in modules().items()
                   if any(target.split(".")[0] == "streamlit" for target in imports_of(path))
                   and not name.startswith("ganviz.ui"))
    assert users == []


def test_no_import_cycle_between_modules():
    edges = {name: deps["ganviz"] for name, deps in graph(by_package=False).items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
