"""The knowledge graph as RDF, with provenance reachable in plain SPARQL 1.1.

Modelling: every relation is a **direct triple** (``?person ag:affiliatedWith ?org``)
*and* an ``ag:Assertion`` — an ``rdf:Statement`` naming the same subject, predicate
and object — carrying ``ag:confidence`` and ``ag:support`` and linked by
``prov:wasDerivedFrom`` to one ``ag:Evidence`` per supporting sentence. An evidence
holds ``ag:sentence``, ``ag:startOffset``, ``ag:endOffset``, its own ``ag:confidence``
and ``dcterms:source`` → the ``ag:Article`` (``dcterms:identifier``, ``dcterms:title``,
``schema:url``, ``dcterms:date``). Everything sits in one default graph — no named
graphs — so a single Turtle file holds facts and provenance and any SPARQL 1.1 store
can answer "which articles say so" for every edge in one query::

    SELECT ?s ?p ?o ?article ?sentence WHERE {
      ?s ?p ?o .
      ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?e .
      ?e ag:sentence ?sentence ; dcterms:source/dcterms:identifier ?article .
    }

An event's participant with a known role is an ``ag:perpetrator`` or ``ag:target`` fact
(sub-properties of ``ag:involves``); its direct triple is written **with** the matching
``ag:involves`` triple, so ``?event ag:involves ?actor`` finds every participant without
inference, while the assertion and its evidence name the role.

The triples are made once, as sorted plain tuples (:data:`Statement`), by
:func:`rdf_statements`; :func:`to_rdf` turns them into an rdflib graph and
:func:`oxigraph_triples` into pyoxigraph triples, which the exporters serialise. The
same graph therefore always gives the same triples in the same order.

>>> from actorgraph.graph import Graph
>>> rdf_statements(Graph())
[]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from actorgraph.graph.dating import assertion_time, evidence_time
from actorgraph.graph.geo import identifier_statements, place_statements
from actorgraph.model.ids import node_slug, short_hash
from actorgraph.ontology import AG, AGR, PREFIXES, SDO

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph
    from actorgraph.model import Evidence
    from actorgraph.model.graph import ArticleInfo, Edge

#: One triple as plain strings: subject IRI, predicate IRI, object, and the object's
#: datatype IRI — or ``""`` when the object is an IRI.
Statement = tuple[str, str, str, str]
IRI = ""

_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_ISO, _KNOWN_AS, _MENTIONED_IN = str(AG.iso3166_2), str(AG.knownAs), str(AG.mentionedIn)
_EVENT_DATE, _TRIGGER, _SENTENCE = str(AG.date), str(AG.trigger), str(AG.sentence)
_START, _END, _CONFIDENCE = str(AG.startOffset), str(AG.endOffset), str(AG.confidence)
_SUPPORT, _DERIVED_FROM = str(AG.support), str(PROV.wasDerivedFrom)
_ARTICLE, _ASSERTION, _EVIDENCE = str(AG.Article), str(AG.Assertion), str(AG.Evidence)
_IDENTIFIER, _TITLE, _DATE_OF = str(DCTERMS.identifier), str(DCTERMS.title), str(DCTERMS.date)
_PUBLISHER, _SOURCE, _URL = str(DCTERMS.publisher), str(DCTERMS.source), str(SDO.url)
_RESOURCE = str(AGR)
_STRING, _INTEGER, _DECIMAL = str(XSD.string), str(XSD.integer), str(XSD.decimal)
_DATE, _ANY_URI = str(XSD.date), str(XSD.anyURI)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def node_iri(node_id: str) -> URIRef:
    """The IRI of a graph node id such as ``person/sohail-shaheen``.

    >>> str(node_iri("person/sohail-shaheen"))
    'https://w3id.org/actorgraph/resource/person/sohail-shaheen'
    """
    return AGR[node_id]


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article: a slug of its id, hashed whenever the slug loses anything."""
    return AGR[f"article/{node_slug(article_id)}"]


def assertion_iri(edge: Edge) -> URIRef:
    """The IRI of the ``ag:Assertion`` describing a fact."""
    return AGR[f"assertion/{short_hash('|'.join(edge.key), 16)}"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind actorgraph's fixed prefixes (and only those) to an rdflib graph."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def decimal(value: float) -> str:
    """A confidence as an ``xsd:decimal`` lexical form, four places at most.

    >>> decimal(0.92), decimal(1.0), decimal(1e-05), decimal(0.33333)
    ('0.92', '1.0', '0.0', '0.3333')
    """
    text = f"{round(value, 4):.4f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def rdf_statements(kg: Graph) -> list[Statement]:
    """Every triple of the graph once, sorted by subject (``rdf:type`` first), predicate, object.

    The list of :func:`iter_statements`.
    """
    return list(iter_statements(kg))


def iter_statements(kg: Graph) -> Iterator[Statement]:
    """:func:`rdf_statements` one subject at a time, without holding every triple.

    The facts' triples, most of a graph's, are made only when their subject's turn comes:
    what is held meanwhile is one entry per subject, and the few triples of the nodes,
    events, articles and places. Sorted subject by subject (the subjects once, then each
    subject's few triples), which costs far less than one sort of every triple and gives
    exactly its order.
    """
    articles = {article_id: str(article_iri(article_id)) for article_id in kg.articles}
    held: dict[str, set[Statement]] = defaultdict(set)
    for statement in _entity_statements(kg, articles):
        held[statement[0]].add(statement)
    parts: dict[str, list[_FactPart]] = defaultdict(list)
    for edge in kg.edges.values():
        for subject, part in _fact_parts(edge):
            parts[subject].append(part)
    for subject in sorted(held.keys() | parts.keys()):
        found = held.pop(subject, set())
        for part in parts.pop(subject, ()):
            found.update(_fact_part(subject, part, articles, kg.articles))
        yield from sorted(found, key=_sort_key)


def _sort_key(statement: Statement) -> str:
    """One string that sorts as (subject, not rdf:type, predicate, object, datatype) does.

    A single string compares several times faster than a tuple of strings. Fields are
    joined by two NULs and a NUL inside a literal is written NUL + U+0001, so the string
    is unique to its statement and orders exactly as the tuple.
    """
    subject, predicate, obj, datatype = statement
    if "\x00" in obj:
        obj = obj.replace("\x00", "\x00\x01")
    kind = "0" if predicate == _TYPE else "1"
    return f"{subject}\x00\x00{kind}{predicate}\x00\x00{obj}\x00\x00{datatype}"


def _entity_statements(kg: Graph, articles: dict[str, str]) -> Iterator[Statement]:
    """The triples of everything but the facts: articles, nodes, events and places."""
    for article in kg.articles.values():
        yield from _article(article, articles[article.id])
    for node in kg.nodes.values():
        subject = _RESOURCE + node.id
        yield (subject, _TYPE, str(node.type.iri), IRI)
        yield (subject, _LABEL, node.name, _STRING)
        for alias in node.aliases:
            yield (subject, _ALT, alias, _STRING)
        if node.iso3166_2:
            yield (subject, _ISO, node.iso3166_2, _STRING)
        if node.known_as:
            yield (subject, _KNOWN_AS, node.known_as, _STRING)
        for article_id in node.articles:
            yield (subject, _MENTIONED_IN, articles[article_id], IRI)
    for event in kg.events.values():
        subject = _RESOURCE + event.id
        yield (subject, _TYPE, str(event.kind.iri), IRI)
        yield (subject, _LABEL, event.label, _STRING)
        if event.date:
            yield (subject, _EVENT_DATE, event.date, _date_type(event.date))
        for trigger in event.triggers:
            yield (subject, _TRIGGER, trigger, _STRING)
        for evidence in event.mentions:
            yield (subject, _MENTIONED_IN, articles[evidence.article], IRI)
            yield (subject, _SENTENCE, evidence.sentence, _STRING)
    yield from place_statements(kg, articles)
    yield from identifier_statements(kg)


def _date_type(value: str) -> str:
    return _DATE if _ISO_DATE.match(value) else _STRING


def _article(article: ArticleInfo, subject: str) -> Iterator[Statement]:
    yield (subject, _TYPE, _ARTICLE, IRI)
    yield (subject, _IDENTIFIER, article.id, _STRING)
    if article.title:
        yield (subject, _TITLE, article.title, _STRING)
    if article.url:
        yield (subject, _URL, article.url, _ANY_URI)
    if article.date:
        yield (subject, _DATE_OF, article.date, _date_type(article.date))
    if article.source:
        yield (subject, _PUBLISHER, article.source, _STRING)


#: One subject's share of a fact's triples: the fact, and which share —
#: :data:`_DIRECT` (its direct triple), :data:`_ASSERTION_PART`, or an evidence's index.
_FactPart = tuple["Edge", int]
_DIRECT, _ASSERTION_PART = -2, -1


def _fact_parts(edge: Edge) -> Iterator[tuple[str, _FactPart]]:
    """The subjects of a fact's triples, each with the share of them it is the subject of."""
    yield _RESOURCE + edge.subject, (edge, _DIRECT)
    yield str(assertion_iri(edge)), (edge, _ASSERTION_PART)
    key = "|".join(edge.key)
    for index, (evidence, _) in enumerate(edge.evidence):
        yield _evidence_iri(key, evidence), (edge, index)


def _evidence_iri(key: str, evidence: Evidence) -> str:
    where = f"{key}|{evidence.article}|{evidence.start}|{evidence.end}"
    return f"{_RESOURCE}evidence/{short_hash(where, 16)}"


def _fact_part(
    iri: str, part: _FactPart, articles: dict[str, str], infos: dict[str, ArticleInfo]
) -> Iterator[Statement]:
    """The triples of one share of a fact, whose subject is ``iri`` (see :func:`_fact_parts`)."""
    edge, which = part
    subject, obj = _RESOURCE + edge.subject, _RESOURCE + edge.object
    predicate = str(edge.predicate.iri)
    if which == _DIRECT:
        yield (subject, predicate, obj, IRI)
        if edge.predicate.refines is not None:
            # A role (ag:perpetrator, ag:target) is also its ag:involves triple, so that
            # "?event ag:involves ?actor" finds every participant in a store without inference.
            yield (subject, str(edge.predicate.refines.iri), obj, IRI)
        return
    if which == _ASSERTION_PART:
        assertion, key = iri, "|".join(edge.key)
        yield (assertion, _TYPE, _ASSERTION, IRI)
        yield (assertion, _SUBJECT, subject, IRI)
        yield (assertion, _PREDICATE, predicate, IRI)
        yield (assertion, _OBJECT, obj, IRI)
        yield (assertion, _CONFIDENCE, decimal(edge.confidence), _DECIMAL)
        yield (assertion, _SUPPORT, str(edge.support), _INTEGER)
        yield from assertion_time(edge, assertion)
        for evidence, _ in edge.evidence:
            yield (assertion, _DERIVED_FROM, _evidence_iri(key, evidence), IRI)
        return
    evidence, confidence = edge.evidence[which]
    node = iri
    yield (node, _TYPE, _EVIDENCE, IRI)
    yield (node, _SENTENCE, evidence.sentence, _STRING)
    yield (node, _START, str(evidence.start), _INTEGER)
    yield (node, _END, str(evidence.end), _INTEGER)
    yield (node, _CONFIDENCE, decimal(confidence), _DECIMAL)
    yield (node, _SOURCE, articles[evidence.article], IRI)
    yield from evidence_time(node, infos.get(evidence.article), edge.periods.get(evidence))


# -- the same triples for rdflib and pyoxigraph ------------------------------------------------


def to_rdf(kg: Graph) -> Graph:
    """The graph as an rdflib ``Graph`` with actorgraph's fixed prefixes bound."""
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    for subject, predicate, obj, datatype in kg.statements():
        graph.add((URIRef(subject), URIRef(predicate), _rdflib_object(obj, datatype)))
    return graph


def _rdflib_object(value: str, datatype: str) -> URIRef | Literal:
    if datatype == IRI:
        return URIRef(value)
    if datatype == _STRING:
        return Literal(value)
    return Literal(value, datatype=URIRef(datatype))


def oxigraph_triples(statements: Iterable[Statement]) -> Iterator[pyoxigraph.Triple]:
    """pyoxigraph triples of the statements, in the same order."""
    named: dict[str, pyoxigraph.NamedNode] = {}

    def iri(value: str) -> pyoxigraph.NamedNode:
        node = named.get(value)
        if node is None:
            node = named[value] = pyoxigraph.NamedNode(value)
        return node

    for s, p, o, datatype in statements:
        if datatype == IRI:
            obj = iri(o)
        elif datatype == _STRING:
            obj = pyoxigraph.Literal(o)
        else:
            obj = pyoxigraph.Literal(o, datatype=iri(datatype))
        yield pyoxigraph.Triple(iri(s), iri(p), obj)
