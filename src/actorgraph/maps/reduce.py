"""Cut a graph down to what a map can show: weak facts, a neighbourhood, the top nodes.

:func:`reduce_view` works on the networkx form of the graph and never changes its
input. It returns the reduced graph and plain-English notes saying what it did, which
the map prints in its header so that nobody mistakes a partial view for the whole.

>>> import networkx as nx
>>> star = nx.MultiDiGraph([(0, leaf) for leaf in range(1, 60)])
>>> view, notes = reduce_view(star, max_nodes=20, rank="degree")
>>> view.number_of_nodes(), notes
(20, ['showing the 20 best-connected nodes (by degree) of 60'])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from actorgraph.text import normalise_name

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph

RANKS = ("pagerank", "degree")


def as_networkx(graph: Graph | nx.Graph) -> nx.MultiDiGraph:
    """A fresh ``MultiDiGraph`` of ``graph`` that the caller may change freely."""
    if isinstance(graph, nx.Graph):
        return nx.MultiDiGraph(graph)
    return graph.to_networkx()


def read_only_networkx(graph: Graph | nx.Graph) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` of ``graph`` for reading only: a :class:`Graph`'s shared frozen
    one (:meth:`Graph.networkx_view`), or a copy of a networkx graph."""
    return as_networkx(graph) if isinstance(graph, nx.Graph) else graph.networkx_view()


def reduce_view(
    kg_or_nx: Graph | nx.Graph,
    *,
    max_nodes: int | None = 1000,
    focus: str | Iterable[str] | None = None,
    depth: int = 2,
    min_support: int = 1,
    rank: str = "pagerank",
) -> tuple[nx.MultiDiGraph, list[str]]:
    """The part of the graph worth drawing, and notes on what was left out.

    In order: facts stated by fewer than ``min_support`` articles are dropped; with
    ``focus`` (node ids or names) only nodes within ``depth`` hops of it are kept; then,
    if more than ``max_nodes`` remain, the ``max_nodes`` best by ``rank`` ("pagerank" or
    "degree") are kept. ``max_nodes=None`` keeps every node.
    """
    _check_arguments(max_nodes, depth, min_support, rank)
    graph = as_networkx(kg_or_nx)
    notes: list[str] = []
    if min_support > 1:
        graph, note = _drop_weak_facts(graph, min_support)
        notes.append(note)
    if focus is not None:
        graph, note = _neighbourhood(graph, focus, depth)
        notes.append(note)
    if max_nodes is not None and graph.number_of_nodes() > max_nodes:
        graph, note = _top_nodes(graph, max_nodes, rank)
        notes.append(note)
    return graph, notes


def _check_arguments(max_nodes: int | None, depth: int, min_support: int, rank: str) -> None:
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1 (or None for no limit), not {max_nodes}")
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    if min_support < 1:
        raise ValueError(f"min_support must be at least 1, not {min_support}")
    if rank not in RANKS:
        raise ValueError(f"rank must be one of {', '.join(RANKS)}, not {rank!r}")


def _drop_weak_facts(graph: nx.MultiDiGraph, min_support: int) -> tuple[nx.MultiDiGraph, str]:
    weak = [
        (u, v, key)
        for u, v, key, support in graph.edges(keys=True, data="support", default=1)
        if support < min_support
    ]
    graph.remove_edges_from(weak)
    return graph, (
        f"hiding {len(weak):,} of {len(weak) + graph.number_of_edges():,} facts "
        f"stated by fewer than {min_support} articles"
    )


def _neighbourhood(
    graph: nx.MultiDiGraph, focus: str | Iterable[str], depth: int
) -> tuple[nx.MultiDiGraph, str]:
    centres = resolve_focus(graph, focus)
    undirected = graph.to_undirected(as_view=True)
    keep: set[Any] = set()
    for centre in centres:
        keep |= set(nx.ego_graph(undirected, centre, radius=depth))
    names = _list_names([_label(graph, centre) for centre in centres])
    hops = "hop" if depth == 1 else "hops"
    total = graph.number_of_nodes()
    note = f"showing {len(keep):,} of {total:,} nodes within {depth} {hops} of {names}"
    return graph.subgraph(keep).copy(), note


def resolve_focus(graph: nx.Graph, focus: str | Iterable[str]) -> list[Any]:
    """Node ids for ``focus``: each item is a node id, or a name or alias of one or more nodes."""
    items = [focus] if isinstance(focus, str) else list(focus)
    if not items:
        raise ValueError("focus is empty: give a node id or a name")
    centres: list[Any] = []
    for item in items:
        found = _find_nodes(graph, item)
        if not found:
            raise ValueError(f"no node has the id, name or alias {item!r}")
        centres.extend(node for node in found if node not in centres)
    return centres


def _find_nodes(graph: nx.Graph, item: str) -> list[Any]:
    if item in graph:
        return [item]
    wanted = normalise_name(item)
    return [
        node
        for node, data in graph.nodes(data=True)
        if wanted in {normalise_name(name) for name in _names(node, data)}
    ]


def _names(node: Any, data: dict[str, Any]) -> list[str]:
    return [str(data.get("label", node)), *map(str, data.get("aliases", ()))]


def _label(graph: nx.Graph, node: Any) -> str:
    return str(graph.nodes[node].get("label", node))


def _list_names(names: list[str]) -> str:
    if len(names) <= 3:
        return ", ".join(names)
    return f"{', '.join(names[:3])} and {len(names) - 3:,} more"


def _top_nodes(graph: nx.MultiDiGraph, max_nodes: int, rank: str) -> tuple[nx.MultiDiGraph, str]:
    scores = _pagerank(graph) if rank == "pagerank" else dict(graph.degree())
    best = sorted(graph, key=lambda node: (-scores[node], str(node)))[:max_nodes]
    what = "highest-PageRank nodes" if rank == "pagerank" else "best-connected nodes (by degree)"
    note = f"showing the {max_nodes:,} {what} of {graph.number_of_nodes():,}"
    return graph.subgraph(best).copy(), note


def _pagerank(graph: nx.MultiDiGraph) -> dict[Any, float]:
    """PageRank over the undirected graph, weighted by support.

    Undirected, because the relations all point one way (people to groups, events to
    actors and places): directed PageRank would rank every event and person last.
    networkx's default implementation needs SciPy, which actorgraph does not require;
    without it networkx's pure-Python power iteration gives the same ranking.
    """
    undirected = nx.MultiGraph(graph.to_undirected(as_view=True))
    try:
        return nx.pagerank(undirected, weight="support")
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(undirected, weight="support")
