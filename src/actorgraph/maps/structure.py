"""Structure at a glance: PageRank and Louvain communities of the graph a map draws.

Both run on the undirected, weighted form of the graph (an edge's ``weight`` is its
number of events for a folded edge, else its support), with networkx's own algorithms;
Louvain is seeded, so the same graph always gets the same communities. A community is
named after its most central member.

>>> import networkx as nx
>>> graph = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("x", "y")])
>>> structure = graph_structure(graph, seed=1)
>>> [len(c.members) for c in structure.communities], structure.rank["b"]
([3, 2], 0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

#: Community colours: Tableau 10, then grey for every smaller community.
PALETTE = (
    "#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2",
    "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#79706E",
)  # fmt: skip
SMALL_COMMUNITY = "#BAB0AC"
MIN_SIZE, MAX_SIZE = 10.0, 42.0


@dataclass(frozen=True, slots=True)
class Community:
    number: int
    name: str
    colour: str
    members: frozenset[Any]


@dataclass(slots=True)
class Structure:
    """PageRank per node, its rank (0 = most central), and the communities, biggest first."""

    pagerank: dict[Any, float] = field(default_factory=dict)
    rank: dict[Any, int] = field(default_factory=dict)
    communities: list[Community] = field(default_factory=list)
    community_of: dict[Any, Community] = field(default_factory=dict)

    def size(self, node: Any) -> float:
        """Node radius in pixels: grows with the square root of PageRank, within 10..42."""
        top = max(self.pagerank.values(), default=0.0)
        share = self.pagerank.get(node, 0.0) / top if top > 0 else 0.0
        return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(share), 2)


def weighted_simple_graph(graph: nx.Graph) -> nx.Graph:
    """``graph`` as a simple undirected graph whose edge weights add up its parallel edges."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph, key=str))
    for u, v, data in sorted(graph.edges(data=True), key=lambda edge: (str(edge[0]), str(edge[1]))):
        if u == v:
            continue
        weight = float(data.get("weight") or data.get("support") or 1)
        previous = simple.edges[u, v]["weight"] if simple.has_edge(u, v) else 0.0
        simple.add_edge(u, v, weight=previous + weight)
    return simple


def graph_structure(graph: nx.Graph, *, seed: int = 7, colours: int = len(PALETTE)) -> Structure:
    """PageRank, ranks and seeded Louvain communities of ``graph`` (any networkx graph)."""
    simple = weighted_simple_graph(graph)
    if simple.number_of_nodes() == 0:
        return Structure()
    pagerank = {node: round(score, 8) for node, score in _pagerank(simple).items()}
    order = sorted(simple, key=lambda node: (-pagerank[node], str(node)))
    rank = {node: index for index, node in enumerate(order)}
    groups = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    groups = sorted(groups, key=lambda group: (-len(group), min(rank[node] for node in group)))
    structure = Structure(pagerank, rank)
    for number, members in enumerate(groups):
        central = min(members, key=lambda node: rank[node])
        name = str(graph.nodes[central].get("label", central))
        colour = PALETTE[number] if number < colours and len(members) > 1 else SMALL_COMMUNITY
        community = Community(number, name, colour, frozenset(members))
        structure.communities.append(community)
        structure.community_of.update(dict.fromkeys(members, community))
    return structure


def _pagerank(graph: nx.Graph) -> dict[Any, float]:
    """networkx's PageRank; its pure-Python power iteration where SciPy is not installed."""
    try:
        return nx.pagerank(graph, weight="weight")
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(graph, weight="weight")
