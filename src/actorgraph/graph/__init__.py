"""The core graph: articles merged into one graph, its audit, its networkx and RDF forms,
and its actor graph (events folded into edges between actors)."""

from actorgraph.graph.actors import actor_graph, fold_events
from actorgraph.graph.core import Graph
from actorgraph.graph.merge import RULES, merge_extractions
from actorgraph.graph.nxgraph import to_networkx
from actorgraph.graph.rdf import node_iri, to_rdf
from actorgraph.model.graph import ArticleInfo, Edge, EventNode, MergeReason, Node

__all__ = [
    "RULES",
    "ArticleInfo",
    "Edge",
    "EventNode",
    "Graph",
    "MergeReason",
    "Node",
    "actor_graph",
    "fold_events",
    "merge_extractions",
    "node_iri",
    "to_networkx",
    "to_rdf",
]
