"""The actor map in a real headless Chromium: the ISAF releases and a big synthetic build.

The default view of a graph where events outnumber actors draws the actors, with events
folded into edges; the Events control draws them again; search still focuses an actor;
every folded edge's details list its events; the time range hides facts outside it.
Screenshots go to /tmp/actorgraph-shots/ (and test-output/actor-map/).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks.event_heavy import event_heavy_graph

from actorgraph import KnowledgeGraph
from actorgraph.maps import render_html

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 900}
READY = "() => window.actorgraph !== undefined && window.actorgraph.stabilised === true"
SHOTS = Path("/tmp/actorgraph-shots")
SHOWN = """() => {
  const shown = actorgraph.views.nodes.get();
  const ends = new Set();
  for (const edge of actorgraph.views.edges.get()) { ends.add(edge.from); ends.add(edge.to); }
  return {
    nodes: shown.length,
    events: shown.filter((node) => node.type === "Event").length,
    isolated: shown.filter((node) => !ends.has(node.id)).length,
    edges: actorgraph.views.edges.length,
  };
}"""
EVERY_FOLDED_PANEL = """() => {
  const problems = [];
  const folded = actorgraph.edges.get({filter: (edge) => edge.layer === "folded"});
  for (const edge of folded) {
    actorgraph.showEdge(edge.id);
    const body = document.getElementById("ag-details-body");
    const listed = body.querySelectorAll("li.ag-event").length;
    const text = body.textContent;
    const sentences = edge.events.every((event) => event.sentences.every((s) => text.includes(s)));
    const sources = body.querySelectorAll("li.ag-event .ag-source").length;
    if (listed !== edge.events.length || listed === 0 || !sentences || sources < listed) {
      problems.push(edge.id);
    }
  }
  return {checked: folded.length, problems};
}"""



@pytest.fixture
def open_map(browser: Any) -> Iterator[Callable[[Path], Any]]:
    """Open a map file offline, fail on any page or console error, wait until it is ready."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_(path: Path) -> Any:
        context = browser.new_context(viewport=VIEWPORT, offline=True)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(path.resolve().as_uri())
        page.wait_for_function(READY, timeout=120_000)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == []


@pytest.fixture(scope="session")
def shots(output_dir: Path) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture(scope="session")
def isaf_graph(shared_dir: Path, nlp) -> KnowledgeGraph:
    """The 352 shared ISAF releases built by the real pipeline, once per session."""
    import actorgraph

    releases = shared_dir / "benchmarks" / "isaf" / "dev.jsonl"
    if not releases.is_file():
        pytest.skip(f"{releases} is absent")
    return actorgraph.build(releases)


@pytest.fixture(scope="module")
def isaf_map(isaf_graph: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("isaf") / "graph.html"
    isaf_graph.to_html(path, title="ISAF press releases")
    return path


@pytest.fixture(scope="module")
def big_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "graph.html"
    render_html(event_heavy_graph(1200), path, title="Synthetic build")  # default limits
    return path


def _assert_readable_default(page: Any) -> dict[str, int]:
    shown = page.evaluate(SHOWN)
    assert 0 < shown["nodes"] <= 300
    assert shown["events"] <= 0.1 * shown["nodes"]
    assert shown["isolated"] == 0
    return shown


def test_isaf_default_view_draws_the_actors(isaf_graph, isaf_map, open_map, shots) -> None:
    assert len(isaf_graph.events) > len(isaf_graph.nodes), "the case the actor view is for"
    page = open_map(isaf_map)
    assert page.evaluate("() => actorgraph.view") == "actors"
    shown = _assert_readable_default(page)
    assert "hiding" in page.text_content("#ag-notes")
    assert page.locator("#ag-communities li").count() >= 3
    labelled = page.evaluate("() => actorgraph.labelled().length")
    assert 0 < labelled <= shown["nodes"]
    page.screenshot(path=shots / "isaf-default.png")

    page.check("#ag-events")
    with_events = page.evaluate(SHOWN)
    assert with_events["events"] > 0.5 * len(isaf_graph.events)
    assert with_events["nodes"] > shown["nodes"]
    page.screenshot(path=shots / "isaf-events-on.png")
    page.uncheck("#ag-events")
    assert page.evaluate(SHOWN) == shown


def test_isaf_search_focuses_an_actor(isaf_map, open_map) -> None:
    page = open_map(isaf_map)
    page.fill("#ag-search", "taliban")
    page.press("#ag-search", "Enter")
    page.wait_for_function("() => actorgraph.network.getSelectedNodes().length === 1")
    assert page.evaluate("() => actorgraph.network.getSelectedNodes()") == ["organisation/taliban"]
    assert "Taliban" in page.text_content("#ag-details-body")


def test_isaf_every_folded_edge_lists_its_events(isaf_map, open_map, shots) -> None:
    page = open_map(isaf_map)
    result = page.evaluate(EVERY_FOLDED_PANEL)
    assert result["checked"] > 50 and result["problems"] == []
    # and one by a real click on the heaviest folded edge
    edge = page.evaluate(
        """() => actorgraph.views.edges.get({filter: (e) => e.layer === "folded"})
             .sort((a, b) => b.weight - a.weight)[0]"""
    )
    page.evaluate("(id) => actorgraph.network.fit({nodes: [id], animation: false})", edge["from"])
    page.evaluate("(e) => actorgraph.network.selectEdges([e.id])", edge)
    page.evaluate("(id) => actorgraph.showEdge(id)", edge["id"])
    body = page.text_content("#ag-details-body")
    assert f"{edge['eventCount']} event" in body
    page.screenshot(path=shots / "isaf-edge-details.png")


def test_isaf_time_range_hides_facts_outside_it(isaf_map, open_map, shots) -> None:
    page = open_map(isaf_map)
    dates = page.evaluate("() => actorgraph.dates")
    assert len(dates) > 10
    before = page.evaluate(SHOWN)
    middle = dates[len(dates) // 2]
    page.evaluate("([a, b]) => actorgraph.setTimeRange(a, b)", [dates[0], middle])
    inside = page.evaluate(
        """(end) => actorgraph.views.edges.get().every(
             (e) => !e.dates.length || e.dates.some((d) => d <= end))""",
        middle,
    )
    after = page.evaluate(SHOWN)
    assert inside and after["edges"] < before["edges"] and after["isolated"] == 0
    assert page.input_value("#ag-to") == str(len(dates) // 2)
    page.screenshot(path=shots / "isaf-time-range.png")
    # the slider itself, moved as a user would
    page.fill("#ag-from", "0")
    page.fill("#ag-to", str(len(dates) - 1))
    assert page.evaluate(SHOWN) == before


def test_big_synthetic_build_is_reduced_to_readable_actors(big_map, open_map, shots) -> None:
    page = open_map(big_map)
    shown = _assert_readable_default(page)
    assert shown["nodes"] == 300
    notes = page.text_content("#ag-notes")
    assert "showing the 300 highest-PageRank actors" in notes and "left out:" in notes
    page.screenshot(path=shots / "synthetic-default.png")
    page.check("#ag-events")
    assert page.evaluate(SHOWN)["events"] == 1000  # the Events control draws at most 1,000
    assert "the events control shows 1,000 of the" in notes
    page.uncheck("#ag-events")
    page.fill("#ag-search", "Front 010")
    page.press("#ag-search", "Enter")
    page.wait_for_function("() => actorgraph.network.getSelectedNodes().length === 1")
    assert page.evaluate("() => actorgraph.network.getSelectedNodes()") == [
        "organisation/front-010"
    ]
    result = page.evaluate(EVERY_FOLDED_PANEL)
    assert result["checked"] > 300 and result["problems"] == []
    overview = page.evaluate("() => actorgraph.labelled().length")
    assert 0 < overview < 300, "only the most central nodes are labelled at overview zoom"
    page.evaluate("() => actorgraph.network.moveTo({scale: 2})")
    page.evaluate("() => actorgraph.applyLabels()")
    assert page.evaluate("() => actorgraph.labelled().length") == page.evaluate(SHOWN)["nodes"]


def test_samples_and_seed_keep_the_map_of_everything(
    samples_dir, shared_dir, nlp, open_map, tmp_path, shots
) -> None:
    import actorgraph

    for name, source in (("samples", samples_dir), ("seed", shared_dir / "corpus" / "seed")):
        kg = actorgraph.build(source)
        path = tmp_path / f"{name}.html"
        kg.to_html(path)
        page = open_map(path)
        assert page.evaluate("() => actorgraph.view") == "all"
        assert page.evaluate("() => actorgraph.nodes.length") == len(kg)
        assert page.locator("#ag-events").count() == 0
        page.screenshot(path=shots / f"{name}-map.png")
