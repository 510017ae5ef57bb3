"""The structure holds: the layering contract is kept and no packages import each other in a circle.

The contract itself (``[tool.importlinter]`` in pyproject.toml) is also run by the test
command as ``lint-imports``; here it runs once more, so a plain ``pytest`` catches it too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def imports() -> grimp.ImportGraph:
    # Imports made only for type annotations are no dependency at run time; the layering
    # contract still counts them, so packages stay layered even in their annotations.
    return grimp.build_graph(
        "actorgraph", include_external_packages=False, exclude_type_checking_imports=True
    )


def package_graph(imports: grimp.ImportGraph, package: str) -> nx.DiGraph:
    """The children of ``package`` as nodes, an edge where one child's modules import another's."""
    children = sorted(imports.find_children(package))
    graph = nx.DiGraph()
    graph.add_nodes_from(children)
    for importer in imports.find_descendants(package) | set(children):
        source = next((c for c in children if importer == c or importer.startswith(c + ".")), None)
        if source is None:
            continue
        for imported in imports.find_modules_directly_imported_by(importer):
            target = next(
                (c for c in children if imported == c or imported.startswith(c + ".")), None
            )
            if target is not None and target != source:
                graph.add_edge(source, target)
    return graph


def packages(imports: grimp.ImportGraph) -> list[str]:
    every = {"actorgraph"} | imports.find_descendants("actorgraph")
    return sorted(module for module in every if imports.find_children(module))


def test_no_package_or_module_imports_its_way_back_to_itself(imports: grimp.ImportGraph) -> None:
    cycles = {}
    for package in packages(imports):
        found = list(nx.simple_cycles(package_graph(imports, package)))
        if found:
            cycles[package] = found
    assert cycles == {}


def test_the_cycle_check_sees_a_cycle() -> None:
    graph = nx.DiGraph([("a.x", "a.y"), ("a.y", "a.x")])
    assert list(nx.simple_cycles(graph))


def test_the_layers_are_where_the_readme_says(imports: grimp.ImportGraph) -> None:
    top = package_graph(imports, "actorgraph")
    assert nx.is_directed_acyclic_graph(top)
    assert not nx.has_path(top, "actorgraph.graph", "actorgraph.export")
    assert not nx.has_path(top, "actorgraph.extractors", "actorgraph.graph")
    assert nx.has_path(top, "actorgraph.cli", "actorgraph.api")


def test_the_cli_uses_only_the_public_api(imports: grimp.ImportGraph) -> None:
    used = imports.find_modules_directly_imported_by("actorgraph.cli")
    assert used <= {"actorgraph", "actorgraph.display"}


def test_importing_actorgraph_loads_no_language_model() -> None:
    code = "import sys, actorgraph; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_layering_contract_is_kept() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint is not None, "import-linter is part of the test extra"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_public_functions_stay_functions_after_the_pipeline_ran() -> None:
    # A sub-package named like a public function would replace it on first import.
    code = (
        "import actorgraph; actorgraph.extract_texts(['Taliban fighters attacked Kabul.']); "
        "print(all(callable(getattr(actorgraph, n)) for n in actorgraph.__all__ "
        "if n[0].islower() and n != '__version__'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
