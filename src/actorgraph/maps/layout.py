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

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np

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
