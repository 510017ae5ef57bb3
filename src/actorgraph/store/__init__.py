"""SPARQL over the graph: an embedded Oxigraph store, and pushing to remote stores."""

from actorgraph.store.oxigraph import load_store, query_graph, query_store

__all__ = ["load_store", "query_graph", "query_store"]
