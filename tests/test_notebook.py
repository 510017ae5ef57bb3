"""notebooks/explore.ipynb runs top to bottom in a real Jupyter kernel and shows what it says.

The notebook is executed with nbclient, exactly as "Run All" would, on the bundled
samples; any cell that raises fails the test (nbclient's ``CellExecutionError``). The
checks find cells by their ids ("map", "sparql-affiliations", "shortest-path", ...),
which Jupyter keeps when the notebook is edited and saved.

The kernel is always this interpreter. The test registers its own ``python3`` kernelspec
(``sys.executable -m ipykernel_launcher``) in a temporary directory that ``JUPYTER_PATH``
puts first, so it works from the venv with no kernel registered anywhere, and a
``python3`` kernel registered for another Python (say in ~/.local/share/jupyter) cannot
hijack it. ``IPYTHONDIR`` is temporary too, so no personal startup script runs.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NOTEBOOK = NOTEBOOKS / "explore.ipynb"
KERNEL = "python3"


def _kernel_path(root: Path) -> Path:
    """A JUPYTER_PATH directory whose only kernel is ``python3`` on this interpreter."""
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (actorgraph tests)",
        "language": "python",
        "metadata": {"debugger": False},
    }
    (spec / "kernel.json").write_text(json.dumps(kernel, indent=1), encoding="utf-8")
    return root


@dataclass(frozen=True)
class Run:
    cells: dict[str, Any]  # cell id → the cell, with its outputs
    seconds: float

    def __getitem__(self, cell_id: str) -> Any:
        return self.cells[cell_id]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The notebook after running every cell in a fresh kernel, and how long that took."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    root = tmp_path_factory.mktemp("jupyter")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JUPYTER_PATH", str(_kernel_path(root / "data")))
        env.setenv("IPYTHONDIR", str(root / "ipython"))
        env.setenv("JUPYTER_RUNTIME_DIR", str(root / "runtime"))
        spec = KernelSpecManager().get_kernel_spec(KERNEL)
        assert spec.argv[0] == sys.executable, f"the kernel would run {spec.argv[0]}"
        client = NotebookClient(
            notebook,
            timeout=600,
            kernel_name=KERNEL,
            resources={"metadata": {"path": str(NOTEBOOKS)}},
        )
        started = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - started
    return Run({cell.id: cell for cell in notebook.cells}, seconds)


def text_of(cell: Any) -> str:
    """Everything a cell printed or displayed, as text (HTML included as its source)."""
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(output["text"])
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/"):
                parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def html_of(cell: Any) -> str:
    return "\n".join(
        output["data"]["text/html"]
        for output in cell.get("outputs", [])
        if "text/html" in output.get("data", {})
    )


def test_committed_notebook_is_valid_and_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook has no code cells"
    for cell in code:
        assert cell.outputs == [], f"cell {cell.id!r} has stored outputs: clear them"
        assert cell.execution_count is None, f"cell {cell.id!r} has an execution count"
    assert notebook.metadata["kernelspec"]["name"] == KERNEL
    assert NOTEBOOK.stat().st_size < 64_000


@pytest.mark.slow
def test_every_cell_runs_cleanly(executed: Run) -> None:
    code = [cell for cell in executed.cells.values() if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "some code cells did not run"
    for cell in code:
        errors = [out for out in cell.outputs if out["output_type"] == "error"]
        stderr = [
            out["text"]
            for out in cell.outputs
            if out["output_type"] == "stream" and out["name"] == "stderr"
        ]
        assert not errors, f"cell {cell.id!r} raised: {errors}"
        assert not stderr, f"cell {cell.id!r} wrote to stderr (a warning?): {stderr}"
    assert executed.seconds < 300


@pytest.mark.slow
def test_build_cell_reports_the_graph(executed: Run) -> None:
    assert "<KnowledgeGraph: 5 articles" in text_of(executed["build"])


@pytest.mark.slow
def test_map_cells_display_the_map_in_an_iframe(executed: Run) -> None:
    for cell_id in ("map", "show"):
        cell = executed[cell_id]
        results = [out for out in cell.outputs if out["output_type"] == "execute_result"]
        assert results, f"cell {cell_id!r} displayed nothing"
        page = html_of(cell)
        assert page.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;'), page[:200]
        assert 'sandbox="allow-scripts"' in page
        assert "vis-network" in page, "the map's script is not inlined"
    assert "Within two hops of" in html_of(executed["show"])


@pytest.mark.slow
def test_facts_are_listed_with_their_evidence(executed: Run) -> None:
    table = text_of(executed["facts-table"])
    assert "affiliatedWith" in table
    assert "confidence" in table
    evidence = text_of(executed["evidence"])
    assert "—affiliatedWith→" in evidence
    assert "[helmand-2021.txt]" in evidence
    assert "the chief spokesman of the Taliban" in evidence


@pytest.mark.slow
def test_sparql_cells_answer_who_and_which_articles(executed: Run) -> None:
    affiliations = html_of(executed["sparql-affiliations"])
    assert "Zabihullah Mujahid" in affiliations
    assert "Taliban" in affiliations
    provenance = html_of(executed["sparql-provenance"])
    for column in ("article", "person", "organisation", "sentence"):
        assert f"<th>{column}</th>" in provenance
    assert "helmand-2021.txt" in provenance
    assert "Abubakar Shekau" in provenance


@pytest.mark.slow
def test_network_analysis_ranks_and_groups_actors(executed: Run) -> None:
    actors = text_of(executed["actors"])
    assert re.search(r"Graph with \d+ nodes and [1-9]\d* edges", actors), actors
    assert "MultiDiGraph" in actors and "'activeIn'" in actors, "folded by kg.actor_graph()"
    centrality = html_of(executed["centrality"])
    for column in ("degree", "degree_centrality", "betweenness"):
        assert f"<th>{column}</th>" in centrality
    assert "Taliban" in centrality
    communities = text_of(executed["communities"])
    assert communities.startswith("Community 1 ("), communities
    assert "Modularity:" in communities


@pytest.mark.slow
def test_shortest_path_cell_prints_a_path(executed: Run) -> None:
    output = text_of(executed["shortest-path"])
    found = re.search(r"Shortest path \((\d+) hops?\): (.+)", output)
    assert found, output
    hops, path = int(found.group(1)), found.group(2).split(" → ")
    assert hops >= 1 and len(path) == hops + 1, output
    assert output.count("“") == hops, "every hop should quote its evidence"
    no_path = text_of(executed["no-path"])
    assert no_path.startswith(("Shortest path (", "No path between ")), no_path


def test_notebook_kernel_is_this_interpreter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernelspec trick itself: JUPYTER_PATH wins over any other ``python3``."""
    monkeypatch.setenv("JUPYTER_PATH", str(_kernel_path(tmp_path)))
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    assert spec.argv[:3] == [sys.executable, "-m", "ipykernel_launcher"]
