"""Which graph the map draws: the actors with events folded into edges, or every event too.

* ``"all"`` — every entity and event, each fact an edge: the map as the graph is.
* ``"actors"`` — people, organisations and provinces; each event is folded into edges
  between the actors it joins (:func:`actorgraph.graph.fold_events`). The page also holds
  the events of the actors shown, hidden until its "Events" control is ticked.
* ``"events"`` — the same page as ``"actors"``, with the events shown from the start.
* ``"auto"`` (the default) — ``"actors"`` when events outnumber actors, else ``"all"``.

>>> from actorgraph.graph import Graph
>>> choose_view("auto", Graph().to_networkx())
'all'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from actorgraph.graph.actors import EVENT_TYPE, fold_events
from actorgraph.maps.reduce import reduce_view

VIEWS = ("auto", "actors", "events", "all")
#: How many nodes a map shows by default (``max_nodes="auto"``): actors in the actor views,
#: where 300 keep communities and labels readable and lay out in about a second, and nodes
#: of the whole graph otherwise.
DEFAULT_ACTORS, DEFAULT_NODES = 300, 1000
LAYERED_VIEWS = frozenset({"actors", "events"})

_PLURALS = {"Person": "people", "Organisation": "organisations", "Province": "provinces"}


@dataclass(slots=True)
class MapView:
    """What one page draws: the main graph, and for the actor views the events beside it.

    ``graph`` is laid out and drawn by default; ``events`` (actor views only) holds the
    event nodes joined to the actors shown and the facts that join them.
    """

    view: str
    graph: nx.MultiDiGraph
    events: nx.MultiDiGraph | None = None
    focus: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def layered(self) -> bool:
        return self.view in LAYERED_VIEWS


def choose_view(view: str, full: nx.Graph) -> str:
    """``view`` itself, or for ``"auto"``: ``"actors"`` when events outnumber actors."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}, not {view!r}")
    if view != "auto":
        return view
    events = sum(1 for _, kind in full.nodes(data="type") if kind == EVENT_TYPE)
    return "actors" if events > full.number_of_nodes() - events else "all"


#: How many of a folded edge's articles the map keeps (its support counts them all).
MAX_FOLDED_ARTICLES = 10


def map_view(
    full: nx.MultiDiGraph,
    view: str,
    article_dates: Mapping[str, str | None],
    *,
    max_nodes: int | str | None,
    focus: str | Iterable[str] | None,
    depth: int,
    min_support: int,
    rank: str,
) -> MapView:
    """The graph a page of ``view`` draws, reduced as :func:`reduce_view` says, with notes.

    ``max_nodes="auto"`` is :data:`DEFAULT_ACTORS` actors in the actor views, else
    :data:`DEFAULT_NODES` nodes; ``None`` keeps everything.
    """
    chosen = choose_view(view, full)
    limit, event_limit = _limits(max_nodes, chosen)
    reduce = {"max_nodes": limit, "focus": focus, "depth": depth, "rank": rank}
    if chosen not in LAYERED_VIEWS:
        graph, notes = reduce_view(full, min_support=min_support, **reduce)
        return MapView(chosen, graph, focus=_focus_ids(graph, focus), notes=notes)
    # The page shows each folded edge's support and a few of its events, never its list of
    # articles: a long one on every edge would cost more memory than the rest of the map.
    actors = fold_events(full, article_dates, max_articles=MAX_FOLDED_ARTICLES)
    graph, notes = reduce_view(actors, min_support=min_support, **reduce)
    notes = [_actor_words(note) for note in notes]
    left_out = _left_out(actors, graph)
    if left_out:
        notes.append(f"left out: {left_out}")
    events, event_notes = _events_of(full, graph, event_limit, min_support)
    return MapView(chosen, graph, events, _focus_ids(graph, focus), notes + event_notes)


def _limits(max_nodes: int | str | None, view: str) -> tuple[int | None, int | None]:
    """How many nodes the view shows, and how many events its Events control draws."""
    if max_nodes == "auto":
        return (DEFAULT_ACTORS if view in LAYERED_VIEWS else DEFAULT_NODES), DEFAULT_NODES
    if isinstance(max_nodes, str):
        raise ValueError(f"max_nodes must be a number, 'auto' or None, not {max_nodes!r}")
    return max_nodes, max_nodes


def _actor_words(note: str) -> str:
    return note.replace(" nodes", " actors")


def _left_out(whole: nx.Graph, kept: nx.Graph) -> str:
    counts = Counter(str(whole.nodes[node].get("type")) for node in set(whole) - set(kept))
    return ", ".join(
        f"{count:,} {_PLURALS.get(kind, kind.lower() + 's') if count != 1 else kind.lower()}"
        for kind, count in sorted(counts.items())
    )


def _focus_ids(graph: nx.Graph, focus: str | Iterable[str] | None) -> list[Any]:
    if focus is None:
        return []
    from actorgraph.maps.reduce import resolve_focus

    return sorted(resolve_focus(graph, focus), key=str)


def _events_of(
    full: nx.MultiDiGraph, actors: nx.Graph, max_nodes: int | None, min_support: int
) -> tuple[nx.MultiDiGraph, list[str]]:
    """The events joined to the actors shown (the most connected first), and their facts."""
    joined: Counter[Any] = Counter()
    for actor in actors:
        for event in full.predecessors(actor):
            if full.nodes[event].get("type") == EVENT_TYPE:
                joined[event] += 1
    ranked = sorted(joined, key=lambda event: (-joined[event], str(event)))
    notes = []
    if max_nodes is not None and len(ranked) > max_nodes:
        notes.append(f"the events control shows {max_nodes:,} of the {len(ranked):,} events")
        ranked = ranked[:max_nodes]
    total = sum(1 for _, kind in full.nodes(data="type") if kind == EVENT_TYPE)
    if total:
        notes.insert(
            0, f"{total:,} events folded into edges between actors; tick Events to draw them"
        )
    layer = nx.MultiDiGraph()
    layer.add_nodes_from((event, full.nodes[event]) for event in sorted(ranked, key=str))
    for event in ranked:
        for _, actor, key, data in full.out_edges(event, keys=True, data=True):
            if actor in actors and int(data.get("support", 1) or 1) >= min_support:
                layer.add_edge(event, actor, key=key, **data)
    return layer, notes
