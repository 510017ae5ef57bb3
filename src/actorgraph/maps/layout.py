"""Node positions computed in Python, for maps too big to lay out in the browser.

vis-network's physics needs many seconds to settle a graph of a thousand nodes, and
the page is frozen meanwhile (vis-network#1016). Above a threshold the map is laid out
here instead, with a fixed seed so the same graph always gets the same picture, and
the browser draws it with physics off. A short final pass pushes apart nodes that the
force layout left on top of each other, so every node stays visible and clickable.

>>> import networkx as nx
>>> positions, method = layout_positions(nx.path_graph(3), seed=1)
>>> sorted(positions), method
([0, 1, 2], 'spring layout')
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np

from actorgraph.maps.structure import weighted_simple_graph

#: Pixels per node along the side of the drawing area, so density stays the same.
SPREAD = 45.0
#: Space kept between the rims of two nodes, in pixels.
GAP = 8.0
DEFAULT_RADIUS = 10.0


def layout_positions(
    graph: nx.Graph, *, seed: int = 7, radii: Mapping[Any, float] | None = None
) -> tuple[dict[Any, tuple[int, int]], str]:
    """Whole-pixel ``(x, y)`` per node, and the name of the layout used.

    ``nx.spring_layout`` when it can run: networkx needs SciPy for it above 500 nodes,
    and actorgraph does not require SciPy, so without it bigger graphs use networkx's
    ForceAtlas2 (numpy only), or a circle on a networkx too old to have it. ``radii``
    (pixels per node) keep nodes from overlapping.
    """
    if graph.number_of_nodes() == 0:
        return {}, "no layout"
    simple = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else nx.Graph(graph)
    sizes = np.array([float((radii or {}).get(node, DEFAULT_RADIUS)) for node in simple])
    raw, method = _raw_layout(simple, seed, dict(zip(simple, sizes / SPREAD, strict=True)))
    scaled = nx.rescale_layout_dict(raw, scale=SPREAD * math.sqrt(simple.number_of_nodes()))
    points = np.array([scaled[node] for node in simple], dtype=float)
    points = separate(np.nan_to_num(points, nan=0.0, posinf=0.0, neginf=0.0), sizes)
    positions = {
        node: (round(float(x)), round(float(y)))
        for node, (x, y) in zip(simple, points, strict=True)
    }
    return positions, method


def _raw_layout(graph: nx.Graph, seed: int, sizes: dict[Any, float]) -> tuple[dict[Any, Any], str]:
    try:
        return nx.spring_layout(graph, seed=seed, iterations=50), "spring layout"
    except ImportError:
        pass
    if hasattr(nx, "forceatlas2_layout"):
        layout = nx.forceatlas2_layout(
            graph, seed=seed, max_iter=60, scaling_ratio=10.0, node_size=sizes
        )
        return layout, "ForceAtlas2 layout"
    return nx.circular_layout(graph), "circular layout"


def separate(
    points: np.ndarray, radii: np.ndarray, *, iterations: int = 10, chunk: int = 512
) -> np.ndarray:
    """``points`` moved so that discs of ``radii`` (plus a gap) overlap less, or not at all.

    Each round pushes every overlapping pair apart along the line between them, by a
    share of the overlap; rows are processed in chunks to bound memory on big graphs.
    """
    points = points.copy()
    for _ in range(iterations):
        moves = np.zeros_like(points)
        overlapping = 0
        for start in range(0, len(points), chunk):
            push, count = _push(points, radii, start, min(start + chunk, len(points)))
            moves[start : start + len(push)] = push
            overlapping += count
        if overlapping == 0:
            break
        points += moves
    return points


def _push(points: np.ndarray, radii: np.ndarray, start: int, stop: int) -> tuple[np.ndarray, int]:
    difference = points[start:stop, None, :] - points[None, :, :]
    distance = np.sqrt((difference**2).sum(axis=-1))
    rows = np.arange(stop - start)
    distance[rows, rows + start] = np.inf
    overlap = np.clip(radii[start:stop, None] + radii[None, :] + GAP - distance, 0.0, None)
    share = overlap / 4.0 / np.where(distance > 1e-9, distance, 1.0)
    return (share[..., None] * difference).sum(axis=1), int(np.count_nonzero(overlap))


#: ForceAtlas2 rounds for the actor layout; its speed control has settled by then.
FA2_ITERATIONS = 100
#: Pixels per node along the side of the actor drawing: clusters need room to stand apart.
CLUSTER_SPREAD = 70.0


def cluster_layout(
    graph: nx.Graph,
    *,
    seed: int = 7,
    radii: Mapping[Any, float] | None = None,
    centre: Any = None,
) -> dict[Any, tuple[int, int]]:
    """Whole-pixel positions that keep clusters apart: networkx's ForceAtlas2 (LinLog mode).

    Every node starts where a hash of its id puts it, so a graph that barely changed
    between two builds starts, and ends, almost where it was. Nodes without an edge are
    set out in rows under the drawing, and ``centre`` (a node), if given, is put at (0, 0).
    """
    radii = radii or {}
    simple = weighted_simple_graph(graph)
    linked = sorted((node for node in simple if simple.degree(node)), key=str)
    alone = sorted((node for node in simple if not simple.degree(node)), key=str)
    points = _linked_points(simple.subgraph(linked), linked, seed, radii)
    points.update(_rows_below(alone, points, radii))
    if centre is not None and centre in points:
        cx, cy = points[centre]
        points = {node: (x - cx, y - cy) for node, (x, y) in points.items()}
    return {node: (round(x), round(y)) for node, (x, y) in points.items()}


def _linked_points(
    graph: nx.Graph, order: list[Any], seed: int, radii: Mapping[Any, float]
) -> dict[Any, tuple[float, float]]:
    if not order:
        return {}
    start = {node: np.array(_hashed_point(node)) for node in order}
    weights = {(u, v): max(1.0, float(w)) for u, v, w in graph.edges(data="weight", default=1)}
    weighted = nx.Graph()
    weighted.add_nodes_from(order)
    weighted.add_edges_from((u, v, {"weight": math.log2(1 + w)}) for (u, v), w in weights.items())
    sizes = np.array([float(radii.get(node, DEFAULT_RADIUS)) for node in order])
    with np.errstate(divide="ignore", invalid="ignore"):  # LinLog divides by 0 on the diagonal
        raw = _forceatlas2(weighted, start, seed)
    scaled = nx.rescale_layout_dict(raw, scale=CLUSTER_SPREAD * math.sqrt(len(order)))
    points = np.array([scaled[node] for node in order], dtype=float)
    points = separate(np.nan_to_num(points, nan=0.0, posinf=0.0, neginf=0.0), sizes, iterations=30)
    return {node: (float(x), float(y)) for node, (x, y) in zip(order, points, strict=True)}


def _forceatlas2(graph: nx.Graph, start: dict[Any, Any], seed: int) -> dict[Any, Any]:
    return nx.forceatlas2_layout(
        graph,
        pos=start,
        max_iter=FA2_ITERATIONS,
        scaling_ratio=2.0,
        gravity=1.0,
        linlog=True,
        weight="weight",
        seed=seed,
    )


def _hashed_point(node: Any) -> tuple[float, float]:
    """A start position in the unit square that depends only on the node's id."""
    digest = hashlib.sha256(str(node).encode("utf-8")).digest()
    return (
        int.from_bytes(digest[:4], "big") / 2**32 * 2 - 1,
        int.from_bytes(digest[4:8], "big") / 2**32 * 2 - 1,
    )


def _rows_below(
    nodes: list[Any], placed: Mapping[Any, tuple[float, float]], radii: Mapping[Any, float]
) -> dict[Any, tuple[float, float]]:
    if not nodes:
        return {}
    xs = [x for x, _ in placed.values()] or [0.0]
    ys = [y for _, y in placed.values()] or [0.0]
    step = 2 * max(float(radii.get(node, DEFAULT_RADIUS)) for node in nodes) + 3 * GAP
    per_row = max(1, int((max(xs) - min(xs)) // step) + 1)
    top = max(ys) + 3 * step
    return {
        node: (min(xs) + (index % per_row) * step, top + (index // per_row) * step)
        for index, node in enumerate(nodes)
    }


def place_beside(
    nodes: Mapping[Any, list[Any]], anchors: Mapping[Any, tuple[int, int]], *, distance: float = 40
) -> dict[Any, tuple[int, int]]:
    """Each of ``nodes`` (node → its neighbours) beside the mean of its placed neighbours.

    The offset's angle comes from a hash of the node's id, so the same graph always
    gets the same picture and nodes joined to the same actors spread around them.
    """
    placed: dict[Any, tuple[int, int]] = {}
    for node in sorted(nodes, key=str):
        ends = [anchors[other] for other in nodes[node] if other in anchors]
        if not ends:
            continue
        x = sum(point[0] for point in ends) / len(ends)
        y = sum(point[1] for point in ends) / len(ends)
        a, b = _hashed_point(node)
        angle, reach = math.pi * a, distance * (1.0 + 0.75 * abs(b))
        placed[node] = (round(x + reach * math.cos(angle)), round(y + reach * math.sin(angle)))
    return placed
