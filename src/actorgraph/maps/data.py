"""The map's data: vis-network nodes, edges and options, built with pyvis.

pyvis's :class:`~pyvis.network.Network` collects the node and edge records (colour,
shape, size, label, arrows, width); the page template around them is actorgraph's
own (see :mod:`actorgraph.maps.html`). Besides what vis-network draws, each record
carries the raw facts that the page turns into tooltips and the details panel —
names, aliases, evidence sentences and their articles — as plain data, never as HTML.

Everything is sorted and rounded, so the same graph always yields the same data.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from actorgraph.graph.actors import EVENT_TYPE
from actorgraph.maps.folded import Dating, folded_edge_record
from actorgraph.maps.layout import cluster_layout, layout_positions, place_beside
from actorgraph.maps.structure import Community, Structure, graph_structure
from actorgraph.maps.style import (
    DERIVED_STYLES,
    RELATION_STYLES,
    SYMMETRIC_RELATIONS,
    TYPE_STYLES,
    edge_width,
    node_size,
    ordered,
    relation_style,
    short_label,
    type_style,
)
from actorgraph.maps.views import LAYERED_VIEWS, MapView

#: Evidence records kept per edge in the page; the count of the rest is kept too.
MAX_EVIDENCE = 25
#: Event sentences kept per event node.
MAX_SENTENCES = 10


@dataclass(slots=True)
class MapData:
    """What the page needs: vis records, vis options and the facts for the legend."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    physics: bool
    type_counts: dict[str, int] = field(default_factory=dict)
    relation_counts: dict[str, int] = field(default_factory=dict)
    max_support: int = 1
    notes: list[str] = field(default_factory=list)
    view: str = "all"
    events_shown: bool = True
    communities: list[Community] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)

    @property
    def layered(self) -> bool:
        return self.view in LAYERED_VIEWS

    @property
    def dates(self) -> list[str]:
        return sorted({date for edge in self.edges for date in edge["dates"]})

    @property
    def undated_facts(self) -> int:
        return sum(1 for edge in self.edges if not edge["dates"])

    def payload(self, title: str) -> dict[str, Any]:
        """The JSON document embedded in the page."""
        return {
            "title": title,
            "nodes": self.nodes,
            "edges": self.edges,
            "options": self.options,
            "physics": self.physics,
            "types": list(self.type_counts),
            "relations": list(self.relation_counts),
            "maxSupport": self.max_support,
            "notes": self.notes,
            "view": self.view,
            "layered": self.layered,
            "eventsShown": self.events_shown,
            "dates": self.dates,
            "focus": self.focus,
        }


def build_map_data(
    graph: nx.MultiDiGraph | MapView,
    *,
    physics_threshold: int = 300,
    seed: int = 7,
    layout: str = "auto",
    article_dates: Mapping[str, str | None] | None = None,
) -> MapData:
    """vis-network data for ``graph`` (or a :class:`MapView`); positions precomputed above
    ``physics_threshold`` nodes, and always for the actor views.

    ``layout`` is "auto", "physics" (always lay out in the browser) or "precomputed".
    ``article_dates`` (article id → ISO date) date the facts for the page's time range.
    """
    view = graph if isinstance(graph, MapView) else MapView("all", graph)
    dating = Dating(article_dates or {})
    if view.layered:
        data = _layered_data(view, seed=seed, layout=layout, dating=dating)
    else:
        data = _plain_data(view.graph, physics_threshold, seed, layout, dating)
    data.focus = [str(node) for node in view.focus]
    return data


def _plain_data(
    graph: nx.MultiDiGraph, threshold: int, seed: int, layout: str, dating: Dating
) -> MapData:
    """Every node and fact of ``graph``, coloured by type: the map of the graph as it is."""
    physics = _use_physics(graph.number_of_nodes(), threshold, layout)
    positions: dict[Any, tuple[int, int]] = {}
    notes: list[str] = []
    if not physics:
        radii = {node: node_size(degree) for node, degree in graph.degree()}
        positions, method = layout_positions(graph, seed=seed, radii=radii)
        notes.append(f"positions precomputed with a {method} ({graph.number_of_nodes():,} nodes)")
    ranks = graph_structure(graph, seed=seed, colours=0).rank if graph.number_of_nodes() else {}
    nodes = [
        (
            node,
            {
                **node_record(graph, node, positions.get(node)),
                "rank": ranks.get(node, 0),
                "layer": _node_layer(graph, node),
            },
        )
        for node in sorted(graph, key=str)
    ]
    edges = [
        (
            u,
            v,
            {
                **edge_record(number, data),
                "layer": _edge_layer(graph, u, v),
                "dates": dating.of_fact(graph, u, data),
            },
        )
        for number, (u, v, data) in enumerate(_sorted_edges(graph))
    ]
    notes.extend(_isolated_notes(graph.nodes(), graph))
    return _assemble(nodes, edges, physics, seed, notes, _type_counts(graph), _relations(edges))


def _layered_data(view: MapView, *, seed: int, layout: str, dating: Dating) -> MapData:
    """The actors, coloured by community and sized by PageRank, with their events beside."""
    actors, events = view.graph, view.events if view.events is not None else nx.MultiDiGraph()
    structure = graph_structure(actors, seed=seed)
    physics = layout == "physics"
    positions: dict[Any, tuple[int, int]] = {}
    notes: list[str] = []
    event_ids = sorted((n for n, t in events.nodes(data="type") if t == EVENT_TYPE), key=str)
    if not physics:
        radii = {node: structure.size(node) for node in actors}
        positions = cluster_layout(
            actors, seed=seed, radii=radii, centre=view.focus[0] if view.focus else None
        )
        positions.update(
            place_beside({e: list(events.successors(e)) for e in event_ids}, positions)
        )
        notes.append(
            f"positions precomputed with ForceAtlas2 ({actors.number_of_nodes():,} actors)"
        )
    nodes = [
        (node, actor_record(actors, node, positions.get(node), structure))
        for node in sorted(actors, key=str)
    ]
    nodes += [
        (
            event,
            {
                **node_record(events, event, positions.get(event)),
                "layer": "event",
                "rank": len(nodes) + index,
            },
        )
        for index, event in enumerate(event_ids)
    ]
    edges = _layered_edges(actors, events, dating)
    shown_events = view.view == "events"
    lonely = [
        node
        for node in actors
        if not actors.degree(node)
        and not (shown_events and events.has_node(node) and events.degree(node))
    ]
    notes.extend(_isolated_notes(lonely, None))
    type_counts = _type_counts(nx.compose(actors, events.subgraph(event_ids)))
    data = _assemble(nodes, edges, physics, seed, notes, type_counts, _relations(edges, True))
    data.view, data.events_shown, data.communities = view.view, shown_events, structure.communities
    return data


def _layered_edges(
    actors: nx.MultiDiGraph, events: nx.MultiDiGraph, dating: Dating
) -> list[tuple[Any, Any, dict[str, Any]]]:
    edges = []
    ordered_edges = [(u, v, d, "actor") for u, v, d in _sorted_edges(actors)]
    ordered_edges += [(u, v, d, "event") for u, v, d in _sorted_edges(events)]
    for number, (u, v, data, graph_name) in enumerate(ordered_edges):
        if data.get("derived"):
            record = folded_edge_record(number, data)
        else:
            graph = actors if graph_name == "actor" else events
            record = {
                **edge_record(number, data),
                "layer": "event" if graph_name == "event" else "fact",
                "dates": dating.of_fact(graph, u, data),
            }
        edges.append((u, v, record))
    return edges


def _assemble(
    nodes: list[tuple[Any, dict[str, Any]]],
    edges: list[tuple[Any, Any, dict[str, Any]]],
    physics: bool,
    seed: int,
    notes: list[str],
    type_counts: dict[str, int],
    relation_counts: dict[str, int],
) -> MapData:
    net = _pyvis_network(nodes, edges)
    vis_nodes, vis_edges, *_, pyvis_options = net.get_network_data()
    return MapData(
        nodes=vis_nodes,
        edges=vis_edges,
        options=vis_options(json.loads(pyvis_options), physics=physics, seed=seed),
        physics=physics,
        type_counts=type_counts,
        relation_counts=relation_counts,
        max_support=max((e["support"] for e in vis_edges), default=1),
        notes=notes,
    )


def _isolated_notes(nodes: Iterable[Any], graph: nx.Graph | None) -> list[str]:
    lonely = [node for node in nodes if graph is None or not graph.degree(node)]
    if not lonely:
        return []
    word = "node" if len(lonely) == 1 else "nodes"
    return [f"hiding {len(lonely):,} {word} without any fact (tick “Nodes without facts”)"]


def _node_layer(graph: nx.Graph, node: Any) -> str:
    return "event" if graph.nodes[node].get("type") == EVENT_TYPE else "actor"


def _edge_layer(graph: nx.Graph, u: Any, v: Any) -> str:
    return "event" if "event" in {_node_layer(graph, u), _node_layer(graph, v)} else "fact"


def _use_physics(node_count: int, threshold: int, layout: str) -> bool:
    if layout not in {"auto", "physics", "precomputed"}:
        raise ValueError(f"layout must be 'auto', 'physics' or 'precomputed', not {layout!r}")
    if layout == "auto":
        return node_count <= threshold
    return layout == "physics"


def _pyvis_network(
    nodes: list[tuple[Any, dict[str, Any]]], edges: list[tuple[Any, Any, dict[str, Any]]]
) -> Any:
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%")
    for node, record in nodes:
        net.add_node(str(node), **record)
    for u, v, record in edges:
        net.add_edge(str(u), str(v), **record)
    _separate_parallel_edges(net.edges)
    return net


def actor_record(
    graph: nx.MultiDiGraph, node: Any, position: tuple[int, int] | None, structure: Structure
) -> dict[str, Any]:
    """A node of the actor views: coloured by its community, sized by its PageRank."""
    record = node_record(graph, node, position)
    community = structure.community_of.get(node)
    record.update(
        {
            "size": structure.size(node),
            "rank": structure.rank.get(node, 0),
            "layer": "actor",
            "events": int(graph.nodes[node].get("events", 0) or 0),
        }
    )
    if community is not None:
        record["color"] = community.colour
        record["community"] = community.number
        record["communityName"] = community.name
    return record


def node_record(
    graph: nx.MultiDiGraph, node: Any, position: tuple[int, int] | None
) -> dict[str, Any]:
    """The keyword arguments of ``Network.add_node`` for one node (all but its id)."""
    data = graph.nodes[node]
    node_type = str(data.get("type", "Other"))
    style = type_style(node_type)
    name = str(data.get("label", node))
    record: dict[str, Any] = {
        "label": short_label(name) or str(node),
        "shape": style.shape,
        "color": style.colour,
        "size": node_size(graph.degree(node)),
        "type": node_type,
        "name": name,
        "aliases": sorted(str(alias) for alias in data.get("aliases", ())),
        "articles": len(data.get("articles", ())),
    }
    record.update(_optional_node_fields(data))
    if position is not None:
        record["x"], record["y"] = position
    return record


def _optional_node_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for source, target in (("iso3166_2", "iso"), ("kind", "kind"), ("date", "date")):
        if data.get(source):
            fields[target] = str(data[source])
    sentences = [str(sentence) for sentence in data.get("sentences", ())]
    if sentences:
        fields["sentences"] = sentences[:MAX_SENTENCES]
        fields["sentenceCount"] = len(sentences)
    return fields


def _sorted_edges(graph: nx.MultiDiGraph) -> list[tuple[Any, Any, dict[str, Any]]]:
    edges = graph.edges(keys=True, data=True)
    ordered_edges = sorted(edges, key=lambda edge: (str(edge[0]), str(edge[2]), str(edge[1])))
    return [(u, v, data) for u, v, _, data in ordered_edges]


def edge_record(number: int, data: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of ``Network.add_edge`` for one fact (all but its ends)."""
    predicate = str(data.get("predicate", "related"))
    support = int(data.get("support", 1) or 1)
    evidence = list(data.get("evidence", ()))
    style = relation_style(predicate)
    return {
        "id": f"e{number}",
        "label": predicate,
        "arrows": "to, from" if predicate in SYMMETRIC_RELATIONS else "to",
        "color": style.colour,
        "dashes": style.dashed,
        "width": edge_width(support),
        "predicate": predicate,
        "support": support,
        "confidence": _finite(data.get("confidence")),
        "evidence": [evidence_record(item) for item in evidence[:MAX_EVIDENCE]],
        "evidenceCount": len(evidence),
    }


def _finite(value: Any) -> float:
    """``value`` as a float rounded to 3 places; 0 when missing or not a finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return round(number, 3) if math.isfinite(number) else 0.0


def evidence_record(item: dict[str, Any]) -> dict[str, Any]:
    """One evidence sentence and its article; a link only for an http(s) address."""
    url = str(item.get("url") or "")
    record = {
        "article": str(item.get("article") or ""),
        "title": str(item.get("title") or ""),
        "sentence": str(item.get("sentence") or ""),
    }
    if url.lower().startswith(("https://", "http://")):
        record["url"] = url
    return record


def _separate_parallel_edges(edges: list[dict[str, Any]]) -> None:
    """Curve edges that share both ends, each by a different amount, so none hides another."""
    groups: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        groups[frozenset((edge["from"], edge["to"]))].append(edge)
    for group in groups.values():
        if len(group) < 2:
            continue
        for index, edge in enumerate(group):
            roundness = round(0.15 + 0.2 * index, 2)
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": roundness}


def _type_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    counts = Counter(str(data.get("type", "Other")) for _, data in graph.nodes(data=True))
    return {name: counts.get(name, 0) for name in ordered(set(counts), list(TYPE_STYLES))}


def _relations(
    edges: list[tuple[Any, Any, dict[str, Any]]], derived: bool = False
) -> dict[str, int]:
    """Facts per relation, the standard ones first (and the folded ones, in actor views)."""
    counts = Counter(str(record["predicate"]) for *_, record in edges)
    standard = list(RELATION_STYLES) + (list(DERIVED_STYLES) if derived else [])
    return {name: counts.get(name, 0) for name in ordered(set(counts), standard)}


def vis_options(base: dict[str, Any], *, physics: bool, seed: int) -> dict[str, Any]:
    """pyvis's default options with actorgraph's look, interaction and physics over them."""
    options = dict(base)
    options.update(
        {
            "autoResize": True,
            "layout": {"randomSeed": seed, "improvedLayout": physics},
            "nodes": {
                "borderWidth": 1.5,
                "font": {
                    "size": 14,
                    "face": "system-ui, sans-serif",
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
            },
            "edges": {
                "color": {"inherit": False},
                "font": {
                    "size": 11,
                    "align": "middle",
                    "color": "#555555",
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
                "arrows": {"to": {"scaleFactor": 0.6}, "from": {"scaleFactor": 0.6}},
                "smooth": False,
                "selectionWidth": 2,
                "hoverWidth": 1,
            },
            "interaction": {
                "hover": True,
                "tooltipDelay": 150,
                "hideEdgesOnDrag": not physics,
                "hideEdgesOnZoom": not physics,
                "keyboard": {"enabled": True, "bindToWindow": False},
            },
            "physics": _physics_options(physics),
        }
    )
    return options


def _physics_options(enabled: bool) -> dict[str, Any]:
    if not enabled:
        return {"enabled": False}
    return {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -60,
            "centralGravity": 0.01,
            "springLength": 120,
            "springConstant": 0.08,
            "avoidOverlap": 0.3,
        },
        "stabilization": {"enabled": True, "iterations": 500, "updateInterval": 25, "fit": True},
        "minVelocity": 1.0,
        "timestep": 0.5,
    }
