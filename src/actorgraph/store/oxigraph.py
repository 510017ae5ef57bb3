"""An embedded SPARQL store (pyoxigraph) holding a knowledge graph.

>>> from actorgraph.graph import KnowledgeGraph
>>> query_graph(KnowledgeGraph(), "SELECT ?s WHERE { ?s ?p ?o }", as_dataframe=False)
[]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph

if TYPE_CHECKING:
    from actorgraph.graph.knowledge_graph import KnowledgeGraph

SPARQL_PREFIXES = """\
PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX agr: <https://w3id.org/actorgraph/resource/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


class QueryError(ValueError):
    """A SPARQL query that the store rejected."""


def load_store(turtle: str | bytes, path: Path | None = None) -> pyoxigraph.Store:
    """A store holding the given Turtle: in memory, or on disk at ``path``."""
    store = pyoxigraph.Store(str(path)) if path else pyoxigraph.Store()
    data = turtle.encode("utf-8") if isinstance(turtle, str) else turtle
    store.bulk_load(data, format=pyoxigraph.RdfFormat.TURTLE)
    return store


def query_graph(kg: KnowledgeGraph, sparql: str, *, as_dataframe: bool = True) -> Any:
    """Run a SPARQL SELECT/ASK over ``kg`` (the common prefixes are predeclared)."""
    return query_store(load_store(kg.to_turtle()), sparql, as_dataframe=as_dataframe)


def query_store(store: pyoxigraph.Store, sparql: str, *, as_dataframe: bool = True) -> Any:
    """Rows of a SELECT as dicts of strings (a DataFrame where pandas exists); ASK: a bool."""
    try:
        result = store.query(with_prefixes(sparql))
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {error}") from error
    if isinstance(result, (bool, pyoxigraph.QueryBoolean)):
        return bool(result)
    if not isinstance(result, pyoxigraph.QuerySolutions):
        raise QueryError("only SELECT and ASK queries return rows; use CONSTRUCT via pyoxigraph")
    variables = [variable.value for variable in result.variables]
    rows = [{name: _plain(solution[name]) for name in variables} for solution in result]
    if as_dataframe:
        try:
            import pandas
        except ImportError:
            return rows
        return pandas.DataFrame(rows, columns=variables)
    return rows


def with_prefixes(sparql: str) -> str:
    """Prepend the usual prefixes; a query's own declarations come later and win."""
    return SPARQL_PREFIXES + sparql


def _plain(term: Any) -> str | None:
    if term is None:
        return None
    return str(term.value)
