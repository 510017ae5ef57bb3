"""The graph layer: merged knowledge graph, and its networkx and RDF forms."""

from actorgraph.graph.knowledge_graph import ArticleInfo, Edge, EventNode, KnowledgeGraph, Node

__all__ = ["ArticleInfo", "Edge", "EventNode", "KnowledgeGraph", "Node"]
