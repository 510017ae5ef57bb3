"""The knowledge graph as RDF (rdflib), with provenance reachable in plain SPARQL 1.1.

Modelling: every relation is a **direct triple** (``?person ag:affiliatedWith ?org``)
*and* an ``ag:Assertion`` — an ``rdf:Statement`` naming the same subject, predicate
and object — carrying ``ag:confidence`` and ``ag:support`` and linked by
``prov:wasDerivedFrom`` to one ``ag:Evidence`` per supporting sentence. An evidence
holds ``ag:sentence``, ``ag:startOffset``, ``ag:endOffset``, its own ``ag:confidence``
and ``dcterms:source`` → the ``ag:Article`` (``dcterms:identifier``, ``dcterms:title``,
``schema:url``, ``dcterms:date``). Everything sits in one default graph, so a single
Turtle file holds facts and provenance and any SPARQL 1.1 store can answer
"which articles say so"::

    SELECT ?article ?sentence WHERE {
      ?a rdf:subject ?s ; rdf:predicate ag:affiliatedWith ; rdf:object ?o ;
         prov:wasDerivedFrom ?e .
      ?e ag:sentence ?sentence ; dcterms:source/dcterms:identifier ?article .
    }
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from actorgraph.graph.iris import node_slug, short_hash
from actorgraph.ontology import AG, AGR, PREFIXES, SDO

if TYPE_CHECKING:
    from actorgraph.graph.knowledge_graph import ArticleInfo, Edge, KnowledgeGraph


def node_iri(node_id: str) -> URIRef:
    """The IRI of a graph node id such as ``person/sohail-shaheen``."""
    return AGR[node_id]


def article_iri(article_id: str) -> URIRef:
    return AGR[f"article/{node_slug(article_id)}"]


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_rdf(kg: KnowledgeGraph) -> Graph:
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    for article in kg.articles.values():
        _add_article(graph, article)
    for node in kg.nodes.values():
        subject = node_iri(node.id)
        graph.add((subject, RDF.type, node.type.iri))
        graph.add((subject, RDFS.label, Literal(node.name)))
        for alias in node.aliases:
            graph.add((subject, SKOS.altLabel, Literal(alias)))
        if node.iso3166_2:
            graph.add((subject, AG.iso3166_2, Literal(node.iso3166_2)))
        if node.known_as:
            graph.add((subject, AG.knownAs, Literal(node.known_as)))
        for article_id in node.articles:
            graph.add((subject, AG.mentionedIn, article_iri(article_id)))
    for event in kg.events.values():
        subject = node_iri(event.id)
        graph.add((subject, RDF.type, event.kind.iri))
        graph.add((subject, RDFS.label, Literal(event.label)))
        if event.date:
            graph.add((subject, AG.date, Literal(event.date, datatype=XSD.date)))
        for trigger in event.triggers:
            graph.add((subject, AG.trigger, Literal(trigger)))
        for evidence in event.mentions:
            graph.add((subject, AG.mentionedIn, article_iri(evidence.article)))
            graph.add((subject, AG.sentence, Literal(evidence.sentence)))
    for edge in kg.facts():
        _add_fact(graph, edge)
    return graph


def _add_article(graph: Graph, article: ArticleInfo) -> None:
    subject = article_iri(article.id)
    graph.add((subject, RDF.type, AG.Article))
    graph.add((subject, DCTERMS.identifier, Literal(article.id)))
    if article.title:
        graph.add((subject, DCTERMS.title, Literal(article.title)))
    if article.url:
        graph.add((subject, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.date:
        graph.add((subject, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    if article.source:
        graph.add((subject, DCTERMS.publisher, Literal(article.source)))


def _add_fact(graph: Graph, edge: Edge) -> None:
    subject, obj = node_iri(edge.subject), node_iri(edge.object)
    predicate = edge.predicate.iri
    graph.add((subject, predicate, obj))
    key = "|".join(edge.key)
    assertion = AGR[f"assertion/{short_hash(key, 16)}"]
    graph.add((assertion, RDF.type, AG.Assertion))
    graph.add((assertion, RDF.subject, subject))
    graph.add((assertion, RDF.predicate, predicate))
    graph.add((assertion, RDF.object, obj))
    graph.add((assertion, AG.confidence, Literal(round(edge.confidence, 4), datatype=XSD.decimal)))
    graph.add((assertion, AG.support, Literal(edge.support, datatype=XSD.integer)))
    for evidence, confidence in edge.evidence:
        node = AGR[f"evidence/{short_hash(f'{key}|{evidence.article}|{evidence.start}', 16)}"]
        graph.add((assertion, PROV.wasDerivedFrom, node))
        graph.add((node, RDF.type, AG.Evidence))
        graph.add((node, AG.sentence, Literal(evidence.sentence)))
        graph.add((node, AG.startOffset, Literal(evidence.start, datatype=XSD.integer)))
        graph.add((node, AG.endOffset, Literal(evidence.end, datatype=XSD.integer)))
        graph.add((node, AG.confidence, Literal(round(confidence, 4), datatype=XSD.decimal)))
        graph.add((node, DCTERMS.source, article_iri(evidence.article)))
