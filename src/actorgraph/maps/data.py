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
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from actorgraph.maps.layout import layout_positions
from actorgraph.maps.style import (
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
        }


def build_map_data(
    graph: nx.MultiDiGraph, *, physics_threshold: int = 300, seed: int = 7, layout: str = "auto"
) -> MapData:
    """vis-network data for ``graph``; positions are precomputed above ``physics_threshold``.

    ``layout`` is "auto", "physics" (always lay out in the browser) or "precomputed".
    """
    physics = _use_physics(graph.number_of_nodes(), physics_threshold, layout)
    positions: dict[Any, tuple[int, int]] = {}
    notes: list[str] = []
    if not physics:
        radii = {node: node_size(degree) for node, degree in graph.degree()}
        positions, method = layout_positions(graph, seed=seed, radii=radii)
        notes.append(f"positions precomputed with a {method} ({graph.number_of_nodes():,} nodes)")
    net = _pyvis_network(graph, positions)
    nodes, edges, *_, pyvis_options = net.get_network_data()
    return MapData(
        nodes=nodes,
        edges=edges,
        options=vis_options(json.loads(pyvis_options), physics=physics, seed=seed),
        physics=physics,
        type_counts=_type_counts(graph),
        relation_counts=_relation_counts(graph),
        max_support=max((e["support"] for e in edges), default=1),
        notes=notes,
    )


def _use_physics(node_count: int, threshold: int, layout: str) -> bool:
    if layout not in {"auto", "physics", "precomputed"}:
        raise ValueError(f"layout must be 'auto', 'physics' or 'precomputed', not {layout!r}")
    if layout == "auto":
        return node_count <= threshold
    return layout == "physics"


def _pyvis_network(graph: nx.MultiDiGraph, positions: dict[Any, tuple[int, int]]) -> Any:
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%")
    ids = {node: str(node) for node in graph}
    for node in sorted(graph, key=str):
        net.add_node(ids[node], **node_record(graph, node, positions.get(node)))
    for number, (u, v, data) in enumerate(_sorted_edges(graph)):
        net.add_edge(ids[u], ids[v], **edge_record(number, data))
    _separate_parallel_edges(net.edges)
    return net


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


def _relation_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    counts = Counter(str(p) for *_, p in graph.edges(data="predicate", default="related"))
    return {name: counts.get(name, 0) for name in ordered(set(counts), list(RELATION_STYLES))}


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
