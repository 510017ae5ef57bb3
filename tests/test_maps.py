"""Unit tests of the map renderer: escaping, offline assets, legend, reduction, iframe.

The graphs are built from hand-made extractions (no spaCy); the browser side of the
same pages is tested in test_browser.py.
"""

from __future__ import annotations

import html
import json
import math
import re
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
from benchmarks.synthetic import synthetic_graph

from actorgraph import KnowledgeGraph
from actorgraph.maps import notebook_html, notebook_view, reduce_view, render_html
from actorgraph.maps.assets import inline_script, load_assets
from actorgraph.maps.html import json_for_script
from actorgraph.maps.layout import layout_positions
from actorgraph.maps.style import RELATION_STYLES, TYPE_STYLES, edge_width, node_size
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.ontology import EntityType, EventKind, Relation

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_TITLE = "Report </script><script>alert(2)</script>"
ATTACK = "An attack hit Lashkar Gah."
HOSTILE_SENTENCE = "He said </script><!-- <script>alert(3)</script>\u2028 & left."


def _fact(subject: str, relation: Relation, obj: str, article: str, sentence: str) -> Fact:
    return Fact(subject, relation, obj, 0.8, Evidence(article, sentence, 0, len(sentence)))


def hostile_graph() -> KnowledgeGraph:
    """Six nodes, five facts; names, titles, sentences and a link that try to break out."""
    first = ArticleExtraction(
        Article("a1", "", title=HOSTILE_TITLE, url="https://news.example.org/a1"),
        entities=[
            Entity("p1", EntityType.PERSON, "Ahmad Karimi", aliases=["Commander Karimi"]),
            Entity("p2", EntityType.PERSON, HOSTILE_NAME),
            Entity("o1", EntityType.ORGANISATION, "Taliban", aliases=["Islamic Emirate & co"]),
            Entity("o2", EntityType.ORGANISATION, "Haqqani Network"),
            Entity("g1", EntityType.PROVINCE, "Helmand", iso3166_2="AF-HEL"),
        ],
        events=[Event("v1", EventKind.ATTACK, ATTACK, 0, len(ATTACK), "attack", "2021-05-02")],
        facts=[
            _fact("p1", Relation.AFFILIATED_WITH, "o1", "a1", "Karimi, a Taliban commander, said."),
            _fact("p2", Relation.AFFILIATED_WITH, "o2", "a1", HOSTILE_SENTENCE),
            _fact("o2", Relation.ALLIED_WITH, "o1", "a1", "The Haqqanis fight beside the Taliban."),
            _fact("v1", Relation.LOCATED_IN, "g1", "a1", ATTACK),
            _fact("v1", Relation.INVOLVES, "o1", "a1", "The Taliban claimed the attack."),
        ],
    )
    second = ArticleExtraction(
        Article("a2", "", title="Second report", url="javascript:alert(4)"),
        entities=[
            Entity("p1", EntityType.PERSON, "Ahmad Karimi"),
            Entity("o1", EntityType.ORGANISATION, "Taliban"),
        ],
        facts=[_fact("p1", Relation.AFFILIATED_WITH, "o1", "a2", "Karimi leads Taliban fighters.")],
    )
    return KnowledgeGraph.from_extractions([first, second])


def page_data(page: str) -> dict:
    """The JSON document of a rendered page, read back as the browser's JSON.parse would."""
    match = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S)
    assert match, "no JSON data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_html(hostile_graph(), title="Test <map> & co")


# -- offline, self-contained -------------------------------------------------------------


def test_page_is_standalone_html(hostile_page: str) -> None:
    assert hostile_page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", hostile_page, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", hostile_page, re.I)
    assert "<link" not in hostile_page
    assert "@import" not in hostile_page


def test_vis_network_is_inlined_from_the_installed_pyvis(hostile_page: str) -> None:
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    script = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    stylesheet = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    assert load_assets().vis_version == "9.1.2"
    assert inline_script(script) in hostile_page
    assert stylesheet in hostile_page


def test_csp_allows_exactly_the_inline_scripts(hostile_page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', hostile_page)
    assert csp and "default-src 'none'" in csp.group(1)
    assert "unsafe-inline" not in csp.group(1).split("script-src")[1].split(";")[0]
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", csp.group(1))) == 2


def test_render_is_deterministic() -> None:
    kg = synthetic_graph(60)
    assert render_html(kg) == render_html(kg)
    precomputed = render_html(kg, layout="precomputed")
    assert precomputed == render_html(kg, layout="precomputed")
    assert '"x":' in precomputed


def test_render_writes_the_file_atomically(tmp_path: Path) -> None:
    path = tmp_path / "maps" / "graph.html"
    page = render_html(hostile_graph(), path)
    assert path.read_text(encoding="utf-8") == page
    assert [p.name for p in path.parent.iterdir()] == ["graph.html"]


def test_knowledge_graph_to_html_uses_the_renderer(tmp_path: Path) -> None:
    kg = hostile_graph()
    assert kg.to_html(tmp_path / "g.html", title="x") == render_html(kg, title="x")


def test_unknown_option_is_an_error() -> None:
    with pytest.raises(TypeError):
        render_html(hostile_graph(), colour_scheme="dark")


def test_empty_graph_renders() -> None:
    data = page_data(render_html(KnowledgeGraph()))
    assert data["nodes"] == [] and data["edges"] == []


# -- escaping ----------------------------------------------------------------------------


def test_article_text_never_appears_raw(hostile_page: str) -> None:
    assert HOSTILE_NAME not in hostile_page
    assert "alert(2)</script>" not in hostile_page
    assert "<!-- <script>" not in hostile_page
    assert "\u2028" not in hostile_page
    assert "<map>" not in hostile_page and "Test &lt;map&gt; &amp; co" in hostile_page


def test_only_the_page_scripts_close(hostile_page: str) -> None:
    assert len(re.findall(r"^<script", hostile_page, re.M)) == 3
    assert len(re.findall(r"</script", hostile_page, re.I)) == 3


def test_json_block_reads_back_the_exact_text(hostile_page: str) -> None:
    data = page_data(hostile_page)
    names = {node["name"] for node in data["nodes"]}
    assert HOSTILE_NAME in names
    sentences = [r["sentence"] for e in data["edges"] for r in e["evidence"]]
    assert HOSTILE_SENTENCE in sentences
    titles = {r["title"] for e in data["edges"] for r in e["evidence"]}
    assert HOSTILE_TITLE in titles


def test_json_for_script_escapes_breakout_characters() -> None:
    value = {"text": "</script><b>&amp;\u2028\u2029"}
    text = json_for_script(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


def test_only_http_addresses_become_links(hostile_page: str) -> None:
    records = [r for e in page_data(hostile_page)["edges"] for r in e["evidence"]]
    urls = {r["article"]: r.get("url") for r in records}
    assert urls == {"a1": "https://news.example.org/a1", "a2": None}


def test_page_script_builds_text_never_html() -> None:
    script = load_assets().map_js
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "outerHTML" not in script and "document.write" not in script


# -- what is drawn -----------------------------------------------------------------------


def test_nodes_and_edges_carry_style_and_provenance(hostile_page: str) -> None:
    data = page_data(hostile_page)
    kg = hostile_graph()
    assert len(data["nodes"]) == len(kg) and len(data["edges"]) == len(kg.edges)
    for node in data["nodes"]:
        style = TYPE_STYLES[node["type"]]
        assert (node["color"], node["shape"]) == (style.colour, style.shape)
    karimi = next(n for n in data["nodes"] if n["name"] == "Ahmad Karimi")
    assert karimi["aliases"] == ["Commander Karimi"] and karimi["articles"] == 2
    edge = next(e for e in data["edges"] if e["support"] == 2)
    assert edge["label"] == "affiliatedWith" and edge["arrows"] == "to"
    assert edge["width"] == edge_width(2) > edge_width(1)
    allied = next(e for e in data["edges"] if e["predicate"] == "alliedWith")
    assert allied["arrows"] == "to, from"


def test_sizes_grow_with_degree_and_support() -> None:
    assert node_size(0) < node_size(1) < node_size(9) <= 42
    assert edge_width(1) < edge_width(2) < edge_width(10) <= 8


def test_legend_lists_every_type_and_relation(hostile_page: str) -> None:
    for name, style in TYPE_STYLES.items():
        row = re.search(
            rf'<input type="checkbox" data-ag-type="{name}"[^>]*>(.*?)</li>', hostile_page
        )
        assert row, name
        assert f'fill="{style.colour}"' in row.group(1)
    for name, style in RELATION_STYLES.items():
        assert f'data-ag-relation="{name}"' in hostile_page
        assert f'stroke="{style.colour}"' in hostile_page
    assert re.search(r'data-ag-type="Person"[^>]*>.*?<span class="ag-count">2</span>', hostile_page)


def test_parallel_edges_are_curved_apart() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", type="Organisation", label="A")
    graph.add_node("b", type="Organisation", label="B")
    graph.add_edge("a", "b", key="alliedWith", predicate="alliedWith", support=1)
    graph.add_edge("b", "a", key="affiliatedWith", predicate="affiliatedWith", support=1)
    edges = page_data(render_html(graph))["edges"]
    assert sorted(e["smooth"]["roundness"] for e in edges) == [0.15, 0.35]


def test_layout_is_precomputed_above_the_threshold() -> None:
    kg = synthetic_graph(40)
    small = page_data(render_html(kg))
    assert small["physics"] is True and "x" not in small["nodes"][0]
    assert small["options"]["physics"]["stabilization"]["enabled"] is True
    big = page_data(render_html(kg, physics_threshold=30))
    assert big["physics"] is False and big["options"]["physics"] == {"enabled": False}
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in big["nodes"])
    assert any("positions precomputed" in note for note in big["notes"])


# -- reduction ---------------------------------------------------------------------------


def test_reduce_view_keeps_the_top_pagerank_nodes() -> None:
    kg = synthetic_graph(60)
    view, notes = reduce_view(kg, max_nodes=20)
    assert view.number_of_nodes() == 20
    assert notes == ["showing the 20 highest-PageRank nodes of 60"]
    organisations = [n for n, t in view.nodes(data="type") if t == "Organisation"]
    assert len(organisations) == 6, "every group is central, so every group stays"


def test_reduce_view_by_degree_and_large_numbers() -> None:
    view, notes = reduce_view(synthetic_graph(1200), max_nodes=1000, rank="degree")
    assert view.number_of_nodes() == 1000
    assert notes == ["showing the 1,000 best-connected nodes (by degree) of 1,200"]


def test_reduce_view_focus_is_an_ego_graph() -> None:
    kg = hostile_graph()
    view, notes = reduce_view(kg, focus="Commander Karimi", depth=1)
    assert set(view) == {"person/ahmad-karimi", "organisation/taliban"}
    assert notes == ["showing 2 of 6 nodes within 1 hop of Ahmad Karimi"]
    expected = nx.ego_graph(kg.to_networkx().to_undirected(), "organisation/taliban", radius=2)
    assert set(reduce_view(kg, focus="organisation/taliban")[0]) == set(expected)


def test_reduce_view_unknown_focus_is_an_error() -> None:
    with pytest.raises(ValueError, match="no node"):
        reduce_view(hostile_graph(), focus="Nobody At All")


def test_reduce_view_min_support_drops_weak_facts() -> None:
    view, notes = reduce_view(hostile_graph(), min_support=2)
    assert view.number_of_edges() == 1
    assert notes == ["hiding 4 of 5 facts stated by fewer than 2 articles"]


def test_reduce_view_leaves_its_input_alone() -> None:
    graph = hostile_graph().to_networkx()
    before = (graph.number_of_nodes(), graph.number_of_edges())
    view, notes = reduce_view(graph, max_nodes=2, min_support=2)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == before
    assert view.number_of_nodes() == 2 and len(notes) == 2


def test_reduce_view_small_graph_is_untouched() -> None:
    view, notes = reduce_view(hostile_graph())
    assert view.number_of_nodes() == 6 and notes == []


@pytest.mark.parametrize(
    "arguments", [{"max_nodes": 0}, {"depth": -1}, {"min_support": 0}, {"rank": "betweenness"}]
)
def test_reduce_view_rejects_bad_arguments(arguments: dict) -> None:
    with pytest.raises(ValueError):
        reduce_view(hostile_graph(), **arguments)


def test_render_reduces_big_graphs_and_says_so() -> None:
    page = render_html(synthetic_graph(80), max_nodes=30)
    data = page_data(page)
    assert len(data["nodes"]) == 30
    assert data["notes"][0] == "showing the 30 highest-PageRank nodes of 80"
    assert '<ul id="ag-notes"><li>showing the 30 highest-PageRank nodes of 80</li>' in page


# -- notebooks ---------------------------------------------------------------------------


def test_notebook_html_is_a_sandboxed_srcdoc_iframe() -> None:
    kg = hostile_graph()
    frame = notebook_html(kg, height=500)
    match = re.fullmatch(r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts" (.*)></iframe>', frame)
    assert match, frame[:200]
    assert html.unescape(match.group(1)) == render_html(kg)
    assert "height: 500px" in match.group(2)
    assert frame.count("<") == 2, "the page travels escaped inside the attribute"


def test_notebook_view_and_repr_html() -> None:
    pytest.importorskip("IPython")
    kg = hostile_graph()
    assert notebook_view(kg).data == notebook_html(kg)
    assert kg._repr_html_() == notebook_html(kg)


def test_precomputed_layout_is_stable_and_keeps_nodes_apart() -> None:
    graph = synthetic_graph(150).to_networkx()
    positions, method = layout_positions(graph, seed=3)
    assert positions == layout_positions(graph, seed=3)[0]
    assert method in {"spring layout", "ForceAtlas2 layout"}
    points = sorted(positions.values())
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 :])
    assert closest >= 20, "no two nodes drawn on top of each other"
