"""The actor graph (events folded into edges between actors) and the actor view of the map.

Graphs are hand-made extractions (no spaCy); the page itself is tested in a real browser
in test_actor_map.py.
"""

from __future__ import annotations

import json
import math
import re
import statistics

import networkx as nx
import pytest
from benchmarks.event_heavy import event_heavy_extractions, event_heavy_graph
from benchmarks.synthetic import synthetic_graph

from actorgraph import KnowledgeGraph
from actorgraph.graph import actor_graph, fold_events
from actorgraph.graph.nxgraph import to_networkx
from actorgraph.maps import render_html
from actorgraph.maps.layout import cluster_layout
from actorgraph.maps.views import choose_view
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.ontology import DerivedRelation, EntityType, EventKind, Relation

AMBUSH = "Al-Shabaab militants ambushed a police patrol in Mogadishu."
BLAST = "A bomb hit the market; Al-Shabaab and Hassan Ali were blamed."


def _fact(subject: str, relation: Relation, obj: str, article: str, sentence: str) -> Fact:
    return Fact(subject, relation, obj, 0.8, Evidence(article, sentence, 0, len(sentence)))


def role_graph() -> KnowledgeGraph:
    """Two events in one province: an ambush (perpetrator → target) and a bombing that
    involves a group and a person (who also belongs to it in a third, undated article)."""
    entities = [
        Entity("o1", EntityType.ORGANISATION, "Al-Shabaab"),
        Entity("o2", EntityType.ORGANISATION, "Somali Police Force"),
        Entity("g1", EntityType.PROVINCE, "Banaadir", iso3166_2="SO-BN"),
    ]
    first = ArticleExtraction(
        Article("a1", "", title="Ambush", url="https://news.example.org/a1"),
        entities=entities,
        events=[Event("v1", EventKind.ATTACK, AMBUSH, 0, len(AMBUSH), "ambushed", "2020-03-01")],
        facts=[
            _fact("v1", Relation.LOCATED_IN, "g1", "a1", AMBUSH),
            _fact("v1", Relation.PERPETRATOR, "o1", "a1", AMBUSH),
            _fact("v1", Relation.INVOLVES, "o1", "a1", AMBUSH),
            _fact("v1", Relation.TARGET, "o2", "a1", AMBUSH),
            _fact("v1", Relation.INVOLVES, "o2", "a1", AMBUSH),
        ],
    )
    second = ArticleExtraction(
        Article("a2", "", title="Blast", date=None),
        entities=[*entities[:1], entities[2], Entity("p1", EntityType.PERSON, "Hassan Ali")],
        events=[Event("v2", EventKind.BOMBING, BLAST, 0, len(BLAST), "bomb", "2020-06-09")],
        facts=[
            _fact("v2", Relation.LOCATED_IN, "g1", "a2", BLAST),
            _fact("v2", Relation.INVOLVES, "o1", "a2", BLAST),
            _fact("v2", Relation.INVOLVES, "p1", "a2", BLAST),
        ],
    )
    return KnowledgeGraph.from_extractions([first, second])


def folded(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict]:
    return {(u, d["predicate"], v): d for u, v, d in graph.edges(data=True) if d.get("derived")}


def test_events_fold_into_typed_weighted_edges() -> None:
    graph = actor_graph(role_graph())
    assert sorted(graph) == [
        "organisation/al-shabaab",
        "organisation/somali-police-force",
        "person/hassan-ali",
        "province/SO-BN",
    ]
    edges = folded(graph)
    active = edges[("organisation/al-shabaab", "activeIn", "province/SO-BN")]
    assert active["weight"] == 2 and active["kinds"] == {"Attack": 1, "Bombing": 1}
    assert (active["first"], active["last"]) == ("2020-03-01", "2020-06-09")
    assert [event["sentences"] for event in active["events"]] == [[AMBUSH], [BLAST]]
    assert active["events"][0]["articles"] == [
        {"article": "a1", "title": "Ambush", "url": "https://news.example.org/a1"}
    ]
    attacked = edges[("organisation/al-shabaab", "attacked", "organisation/somali-police-force")]
    assert attacked["weight"] == 1 and attacked["support"] == 1
    co = {key for key in edges if key[1] == DerivedRelation.CO_INVOLVED_WITH.value}
    assert co == {("organisation/al-shabaab", "coInvolvedWith", "person/hassan-ali")}, (
        "the ambush's two sides are 'attacked', not also co-involved"
    )
    assert graph.nodes["province/SO-BN"]["events"] == 2
    assert not any(kind == "Event" for _, kind in graph.nodes(data="type"))


def test_a_fact_between_two_actors_outranks_co_involvement() -> None:
    kg = role_graph()
    joined = ArticleExtraction(
        Article("a3", "", title="Profile"),
        entities=[
            Entity("p1", EntityType.PERSON, "Hassan Ali"),
            Entity("o1", EntityType.ORGANISATION, "Al-Shabaab"),
        ],
        facts=[_fact("p1", Relation.AFFILIATED_WITH, "o1", "a3", "Hassan Ali of Al-Shabaab.")],
    )
    kg.add(joined)
    edges = {(u, d["predicate"], v) for u, v, d in kg.actor_graph().edges(data=True)}
    assert ("person/hassan-ali", "affiliatedWith", "organisation/al-shabaab") in edges
    assert not any(predicate == "coInvolvedWith" for _, predicate, _ in edges)


def test_actor_graph_is_deterministic_and_ready_for_networkx() -> None:
    kg = event_heavy_graph(60)
    first, second = kg.actor_graph(), actor_graph(kg)
    assert nx.utils.graphs_equal(first, second)
    assert list(first.edges(keys=True)) == list(second.edges(keys=True))
    communities = nx.community.louvain_communities(first.to_undirected(), seed=1)
    assert sum(len(c) for c in communities) == first.number_of_nodes()


def test_derived_relations_are_declared_but_never_exported() -> None:
    turtle = role_graph().to_turtle()
    for relation in DerivedRelation:
        assert f"ag:{relation.value}" not in turtle
        assert relation.iri.startswith("https://w3id.org/actorgraph/ontology#")


def test_auto_view_is_actors_when_events_outnumber_actors() -> None:
    assert choose_view("auto", event_heavy_graph(60).to_networkx()) == "actors"
    assert choose_view("auto", synthetic_graph(60).to_networkx()) == "all"
    assert choose_view("events", synthetic_graph(60).to_networkx()) == "events"
    with pytest.raises(ValueError, match="view must be one of"):
        choose_view("timeline", synthetic_graph(60).to_networkx())


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_actor_page_holds_actors_folded_edges_and_hidden_events() -> None:
    kg = event_heavy_graph(120)
    page = render_html(kg)
    assert page == render_html(kg), "deterministic"
    data = page_data(page)
    assert data["view"] == "actors" and data["layered"] and not data["eventsShown"]
    layers = {node["layer"] for node in data["nodes"]}
    assert layers == {"actor", "event"}
    folded_edges = [edge for edge in data["edges"] if edge["layer"] == "folded"]
    assert folded_edges and all(edge["events"] for edge in folded_edges)
    assert all(isinstance(n["x"], int) for n in data["nodes"]), "positions precomputed"
    assert any("events folded into edges" in note for note in data["notes"])
    assert 'id="ag-events"' in page and 'id="ag-communities"' in page
    communities = {node.get("community") for node in data["nodes"] if node["layer"] == "actor"}
    assert len(communities) > 1


def test_small_graphs_keep_the_map_of_all_nodes() -> None:
    data = page_data(render_html(synthetic_graph(60)))
    assert data["view"] == "all" and not data["layered"]
    assert {edge["layer"] for edge in data["edges"]} == {"fact", "event"}
    assert len(data["dates"]) > 1


def test_reduction_keeps_the_top_actors_and_says_what_it_left_out() -> None:
    data = page_data(render_html(event_heavy_graph(300), max_nodes=100))
    actors = [node for node in data["nodes"] if node["layer"] == "actor"]
    assert len(actors) == 100
    assert re.fullmatch(r"showing the 100 highest-PageRank actors of 2\d\d", data["notes"][0])
    assert data["notes"][1].startswith("left out: ")
    kept = {node["id"] for node in actors}
    assert all(
        e["from"] in kept and e["to"] in kept for e in data["edges"] if e["layer"] != "event"
    )


def test_focus_is_put_at_the_centre() -> None:
    data = page_data(render_html(event_heavy_graph(120), focus="Front 003", depth=1))
    centre = next(node for node in data["nodes"] if node["name"] == "Front 003")
    assert (centre["x"], centre["y"]) == (0, 0)
    assert data["focus"] == [centre["id"]]


def test_nothing_dated_means_no_time_range() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", type="Organisation", label="A")
    graph.add_node("b", type="Organisation", label="B")
    graph.add_edge("a", "b", key="alliedWith", predicate="alliedWith", support=1)
    page = render_html(graph)
    assert page_data(page)["dates"] == []
    assert re.search(r'<input id="ag-from" type="range"[^>]* disabled>', page)
    assert "Nothing on the map is dated" in page


def test_layout_barely_moves_when_the_graph_barely_changes() -> None:
    extractions = event_heavy_extractions(150)
    before = KnowledgeGraph.from_extractions(extractions[:-1]).actor_graph()
    after = KnowledgeGraph.from_extractions(extractions).actor_graph()
    old, new = cluster_layout(before, seed=7), cluster_layout(after, seed=7)
    extent = max(math.dist(a, b) for a in old.values() for b in list(old.values())[:20])
    moves = [math.dist(old[node], new[node]) for node in old if node in new]
    assert statistics.median(moves) < 0.1 * extent, (statistics.median(moves), extent)
    assert cluster_layout(after, seed=7) == new


def test_a_folded_edge_can_keep_a_few_articles_and_still_count_them_all() -> None:
    full = role_graph()
    whole = folded(fold_events(to_networkx(full)))
    capped = folded(fold_events(to_networkx(full), max_articles=1))
    active = ("organisation/al-shabaab", "activeIn", "province/SO-BN")
    assert len(whole[active]["articles"]) == whole[active]["support"] == 2
    assert capped[active]["articles"] == whole[active]["articles"][:1]
    assert capped[active]["support"] == 2
    assert {k: v for k, v in capped[active].items() if k != "articles"} == {
        k: v for k, v in whole[active].items() if k != "articles"
    }
