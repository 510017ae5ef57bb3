"""The core graph: entities, events and facts merged across articles, with provenance.

A :class:`Graph` holds the extraction of every article (one per article id)
and merges them on demand (:func:`actorgraph.graph.merge.merge_extractions`): the same
actor across articles is one node, events reported alike are one event, and every fact
keeps every piece of evidence; its support is the number of distinct articles and its
confidence the noisy-or of the evidence confidences. Merging looks at all the articles
at once, so the graph does not depend on the order they were added in, and adding or
replacing an article (:meth:`Graph.add`) or removing one
(:meth:`Graph.remove`) gives exactly the graph a fresh merge would.

Each node records why every surface form of every article was merged into it
(:attr:`Node.reasons`); :meth:`Graph.explain` reads them back.

Exports, maps and stores take a :class:`Graph`; :class:`actorgraph.KnowledgeGraph` is the
same graph with those conversions as methods.

>>> graph = Graph()
>>> len(graph), graph.stats()["facts"]
(0, 0)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Self

from actorgraph.graph.merge import MergedGraph, merge_extractions
from actorgraph.model import ArticleExtraction, MergeReason
from actorgraph.model.graph import ArticleInfo, Edge, EventNode, Node, PlaceNode
from actorgraph.ontology import Relation
from actorgraph.text import normalise_name

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

    from actorgraph.graph.period import Bound
    from actorgraph.graph.rdf import Statement

__all__ = ["ArticleInfo", "Edge", "EventNode", "Graph", "MergeReason", "Node", "PlaceNode"]


class Graph:
    """Entities, events and facts from many articles, merged, each fact with its evidence."""

    def __init__(self) -> None:
        self._extractions: dict[str, ArticleExtraction] = {}
        self._merged: MergedGraph | None = MergedGraph()
        self._statements: list[Statement] | None = None
        self._networkx: nx.MultiDiGraph | None = None

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_extractions(cls, extractions: Iterable[ArticleExtraction]) -> Self:
        """The merged graph of ``extractions`` (a later extraction of an article id wins)."""
        graph = cls()
        for extraction in extractions:
            graph._extractions[extraction.article.id] = extraction
        graph._changed()
        return graph

    def add(self, extraction: ArticleExtraction) -> None:
        """Merge one article's extraction into the graph, replacing an earlier one of its id."""
        self._extractions[extraction.article.id] = extraction
        self._changed()

    def remove(self, article_id: str) -> None:
        """Take an article, and everything only it said, out of the graph (KeyError if absent)."""
        del self._extractions[article_id]
        self._changed()

    def between(self, since: Bound = None, until: Bound = None, *, undated: bool = False) -> Self:
        """A new graph of what the period holds: the facts of articles dated in it, and the
        events dated in it (see :mod:`actorgraph.graph.period`). Bounds are inclusive ISO
        dates of any precision, or ``None`` for an open end; undated articles are left out
        unless ``undated``.

        >>> Graph().between("2021", "2021").stats()["articles"]
        0
        """
        from actorgraph.graph.period import restrict

        kept = (restrict(e, since, until, undated=undated) for e in self.extractions())
        return type(self).from_extractions(e for e in kept if e is not None)

    def extractions(self) -> list[ArticleExtraction]:
        """The article extractions the graph is merged from, sorted by article id."""
        return [self._extractions[key] for key in sorted(self._extractions)]

    def _changed(self) -> None:
        self._merged = None
        self._statements = None
        self._networkx = None

    def _view(self) -> MergedGraph:
        if self._merged is None:
            self._merged = merge_extractions(self._extractions.values())
        return self._merged

    @property
    def nodes(self) -> dict[str, Node]:
        """Entity nodes (people, organisations, provinces) by id."""
        return self._view().nodes

    @property
    def events(self) -> dict[str, EventNode]:
        """Event nodes by id."""
        return self._view().events

    @property
    def edges(self) -> dict[tuple[str, str, str], Edge]:
        """Facts by (subject id, predicate, object id)."""
        return self._view().edges

    @property
    def places(self) -> dict[str, PlaceNode]:
        """Districts, towns and villages that placed events, by id (``place/...``)."""
        return self._view().places

    @property
    def articles(self) -> dict[str, ArticleInfo]:
        """The articles of the graph by id."""
        return self._view().articles

    # -- reading --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.nodes) + len(self.events)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__}: {len(self.articles)} articles, {len(self.nodes)} entities, "
            f"{len(self.events)} events, {len(self.edges)} facts>"
        )

    def facts(self, predicate: Relation | str | None = None) -> Iterator[Edge]:
        """The facts, sorted by (subject, predicate, object); only ``predicate``'s if given."""
        wanted = Relation(predicate) if predicate else None
        for key in sorted(self.edges):
            edge = self.edges[key]
            if wanted is None or edge.predicate is wanted:
                yield edge

    def label_of(self, node_id: str) -> str:
        if node_id in self.nodes:
            return self.nodes[node_id].name
        return self.events[node_id].label

    def find(self, name: str) -> list[Node]:
        """Nodes whose name or an alias matches ``name`` after normalisation, sorted by id."""
        wanted = normalise_name(name)
        return [
            self.nodes[node_id]
            for node_id in sorted(self.nodes)
            if wanted
            in {normalise_name(n) for n in (self.nodes[node_id].name, *self.nodes[node_id].aliases)}
        ]

    def explain(self, name: str) -> list[Node]:
        """The nodes matching ``name`` (see :meth:`find`, else by substring), with their reasons.

        Every node's :attr:`Node.reasons` lists each surface form of each article merged
        into it, with the rule and the key that merged it.
        """
        from actorgraph.graph.audit import matching_nodes

        return matching_nodes(self, name)

    def stats(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "entities": len(self.nodes),
            "events": len(self.events),
            "facts": len(self.edges),
        }

    # -- conversions (each lives in its own module) ------------------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        """A new networkx ``MultiDiGraph`` of the graph, the caller's to change."""
        from actorgraph.graph.nxgraph import to_networkx

        return to_networkx(self)

    def networkx_view(self) -> nx.MultiDiGraph:
        """The networkx form made once and frozen (adding or removing raises), for code that
        only reads it: a build's map and node-link JSON share one instead of making two.

        >>> Graph().networkx_view().number_of_nodes()
        0
        """
        import networkx as nx

        if self._networkx is None:
            self._networkx = nx.freeze(self.to_networkx())
        return self._networkx

    def release_views(self) -> None:
        """Drop the networkx form and the RDF triples kept for reuse (each is as large as
        the graph); they are made again when next asked for.

        >>> graph = Graph()
        >>> graph.statements(); graph.release_views(); graph.statements()
        []
        []
        """
        self._statements = None
        self._networkx = None

    def statements(self) -> list[Statement]:
        """The graph's RDF triples as sorted plain tuples (computed once, then reused)."""
        from actorgraph.graph.rdf import rdf_statements

        if self._statements is None:
            self._statements = rdf_statements(self)
        return self._statements

    def to_rdf(self) -> rdflib.Graph:
        from actorgraph.graph.rdf import to_rdf

        return to_rdf(self)
