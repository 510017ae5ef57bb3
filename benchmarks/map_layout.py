"""Time to a stable actor-map layout (ForceAtlas2, as the map computes it) by graph size.

For each size, builds an event-heavy synthetic graph (``benchmarks/event_heavy.py``),
folds its events into the actor graph and times :func:`actorgraph.maps.layout.cluster_layout`
on it. "Stable" is checked, not assumed: the layout is computed again from a graph with one
more article, and the median move of a node is printed as a share of the drawing's width.

Usage: ``.venv/bin/python benchmarks/map_layout.py [--actors 300 1000 3000]``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time

from event_heavy import event_heavy_extractions

from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.maps.layout import FA2_ITERATIONS, cluster_layout
from actorgraph.maps.structure import graph_structure


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, nargs="+", default=[300, 1000, 3000])
    return parser.parse_args()


def measure(actors: int) -> None:
    extractions = event_heavy_extractions(actors)
    graph = KnowledgeGraph.from_extractions(extractions).actor_graph()
    smaller = KnowledgeGraph.from_extractions(extractions[:-1]).actor_graph()
    started = time.perf_counter()
    structure = graph_structure(graph)
    structure_s = time.perf_counter() - started
    radii = {node: structure.size(node) for node in graph}
    started = time.perf_counter()
    positions = cluster_layout(graph, radii=radii)
    layout_s = time.perf_counter() - started
    before = cluster_layout(smaller, radii=radii)
    xs = [x for x, _ in positions.values()]
    width = max(xs) - min(xs) or 1
    moves = [math.dist(before[node], positions[node]) for node in positions if node in before]
    print(
        f"{graph.number_of_nodes():>6,} actors {graph.number_of_edges():>7,} edges  "
        f"layout {layout_s:7.2f} s ({FA2_ITERATIONS} ForceAtlas2 rounds + separation)  "
        f"PageRank+Louvain {structure_s:5.2f} s  "
        f"median move after one more article {statistics.median(moves) / width:.2%} of width"
    )


def main() -> None:
    for actors in parse_arguments().actors:
        measure(actors)


if __name__ == "__main__":
    main()
