"""SPARQL over the graph: an embedded Oxigraph store, and pushing to remote stores."""

from actorgraph.store.oxigraph import (
    QueryError,
    QueryResult,
    StoreNotFoundError,
    load_store,
    memory_store,
    open_store,
    query_graph,
    query_store,
    run_query,
)

__all__ = [
    "QueryError",
    "QueryResult",
    "StoreNotFoundError",
    "load_store",
    "memory_store",
    "open_store",
    "query_graph",
    "query_store",
    "run_query",
]
