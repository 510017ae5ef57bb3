"""The graph layer: merged knowledge graph, merge audit, and its networkx and RDF forms."""

from actorgraph.graph.elements import ArticleInfo, Edge, EventNode, Node
from actorgraph.graph.knowledge_graph import KnowledgeGraph
from actorgraph.graph.merge import RULES, MergeReason, merge_extractions
from actorgraph.graph.nxgraph import to_networkx
from actorgraph.graph.rdf import node_iri, to_rdf

__all__ = [
    "RULES",
    "ArticleInfo",
    "Edge",
    "EventNode",
    "KnowledgeGraph",
    "MergeReason",
    "Node",
    "merge_extractions",
    "node_iri",
    "to_networkx",
    "to_rdf",
]
