"""Where exactly, and who in the wider world: the RDF of places and of shared identifiers.

Places
------
A district, town or village that placed an event is an ``ag:Place`` (an ``ag:District`` or
``ag:Town``, both ``geo:Feature``\\ s) of its own, ``geo:sfWithin`` its ``ag:Province``, and
the event reaches it by ``ag:occurredAt`` (beside ``ag:locatedIn`` its province). A GeoNames
town has ``ag:geonamesId``, W3C Basic Geo ``wgs:lat`` / ``wgs:long`` and a GeoSPARQL
geometry ``geo:hasGeometry [ geo:asWKT "POINT(lon lat)"^^geo:wktLiteral ]`` (the geometry
is an IRI, ``<place>/geometry``, so that the same graph always gives the same triples).

Shared identifiers
------------------
A province, organisation or person of the curated data that other datasets know is linked
to them with ``owl:sameAs``: the Wikidata entity (``wd:Q34490``) and, for places, the
GeoNames feature (``<https://sws.geonames.org/1140043/>``); the ids come from
``data/identifiers.toml``, where each has the source it was read from. ``owl:sameAs``
rather than ``schema:sameAs``: the object is the other dataset's IRI *of the thing itself*
(``schema:sameAs`` points at a web page about it), it is the link Linked Data tools and
reasoners follow to join graphs (Wikidata's and GeoNames' own RDF use it), and the ids are
curated and verified, never guessed by the resolver. A person is linked only when the graph
affiliates them with the organisation whose leader the identifier file names.

>>> point_wkt(32.07275, 64.8359)
'POINT(64.8359 32.07275)'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rdflib.namespace import OWL, RDF, RDFS, XSD

from actorgraph.gazetteers.identifiers import IdentifierDirectory, Identifiers, load_identifiers
from actorgraph.ontology import (
    AG,
    AGR,
    GEO,
    GEONAMES,
    PLACE_CLASS,
    WD,
    WGS,
    EntityType,
    PlaceKind,
    Relation,
)

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph
    from actorgraph.model.graph import Node, PlaceNode

#: subject, predicate, object, datatype IRI ("" for an IRI object), as in graph.rdf
_Statement = tuple[str, str, str, str]
_IRI = ""
_TYPE, _LABEL, _SAME_AS = str(RDF.type), str(RDFS.label), str(OWL.sameAs)
_STRING, _DECIMAL = str(XSD.string), str(XSD.decimal)
_GEONAMES_ID, _OCCURRED_AT = str(AG.geonamesId), str(AG.occurredAt)
_WITHIN, _HAS_GEOMETRY, _AS_WKT = str(GEO.sfWithin), str(GEO.hasGeometry), str(GEO.asWKT)
_GEOMETRY, _WKT = str(GEO.Geometry), str(GEO.wktLiteral)
_LAT, _LONG, _MENTIONED_IN = str(WGS.lat), str(WGS.long), str(AG.mentionedIn)


def geonames_iri(geonames_id: int) -> str:
    """The GeoNames feature IRI of an id.

    >>> geonames_iri(1140043)
    'https://sws.geonames.org/1140043/'
    """
    return f"{GEONAMES}{geonames_id}/"


def wikidata_iri(qid: str) -> str:
    """The Wikidata entity IRI of a QID (as ``wd:`` names it in Wikidata's SPARQL service).

    >>> wikidata_iri("Q34490")
    'http://www.wikidata.org/entity/Q34490'
    """
    return str(WD[qid])


def point_wkt(latitude: float, longitude: float) -> str:
    """A WKT point: longitude first, as WKT (and GeoJSON) order the axes of WGS 84."""
    return f"POINT({_coordinate(longitude)} {_coordinate(latitude)})"


def _coordinate(value: float) -> str:
    return repr(round(float(value), 5))


def place_statements(kg: Graph, articles: dict[str, str]) -> Iterator[_Statement]:
    """The triples of the graph's places and of each event's ``ag:occurredAt``."""
    for place in kg.places.values():
        yield from _place(place, articles)
    for event in kg.events.values():
        for place_id in event.places:
            yield (str(AGR) + event.id, _OCCURRED_AT, str(AGR) + place_id, _IRI)


def _place(place: PlaceNode, articles: dict[str, str]) -> Iterator[_Statement]:
    subject = str(AGR) + place.id
    yield (subject, _TYPE, str(PLACE_CLASS), _IRI)
    yield (subject, _TYPE, str(PlaceKind(place.kind).iri), _IRI)
    yield (subject, _LABEL, place.name, _STRING)
    yield (subject, _WITHIN, str(AGR) + place.province, _IRI)
    for article_id in place.articles:
        yield (subject, _MENTIONED_IN, articles[article_id], _IRI)
    if place.geonames is not None:
        yield (subject, _GEONAMES_ID, str(place.geonames), _STRING)
        yield (subject, _SAME_AS, geonames_iri(place.geonames), _IRI)
    if place.latitude is not None and place.longitude is not None:
        geometry = f"{subject}/geometry"
        yield (subject, _LAT, _coordinate(place.latitude), _DECIMAL)
        yield (subject, _LONG, _coordinate(place.longitude), _DECIMAL)
        yield (subject, _HAS_GEOMETRY, geometry, _IRI)
        yield (geometry, _TYPE, _GEOMETRY, _IRI)
        yield (geometry, _AS_WKT, point_wkt(place.latitude, place.longitude), _WKT)


def identifier_statements(kg: Graph) -> Iterator[_Statement]:
    """``owl:sameAs`` (and ``ag:geonamesId``) for the nodes the identifier file knows."""
    directory = load_identifiers()
    for node in kg.nodes.values():
        found = node_identifiers(kg, node, directory)
        if found is None:
            continue
        subject = str(AGR) + node.id
        if found.wikidata:
            yield (subject, _SAME_AS, wikidata_iri(found.wikidata), _IRI)
        if found.geonames is not None:
            yield (subject, _GEONAMES_ID, str(found.geonames), _STRING)
            yield (subject, _SAME_AS, geonames_iri(found.geonames), _IRI)


def node_identifiers(
    kg: Graph, node: Node, directory: IdentifierDirectory | None = None
) -> Identifiers | None:
    """The shared identifiers of a graph node, if the curated data has them."""
    directory = directory or load_identifiers()
    if node.type is EntityType.PROVINCE and node.iso3166_2:
        return directory.province(node.iso3166_2)
    if node.type is EntityType.ORGANISATION and node.known_as:
        return directory.organisation(node.known_as)
    if node.type is EntityType.PERSON:
        person = directory.person(node.name)
        if person is not None and _affiliated_with(kg, node.id, person.organisation):
            return person
    return None


def _affiliated_with(kg: Graph, person_id: str, key: str | None) -> bool:
    """Whether the graph says the person belongs to the curated organisation ``key``."""
    return any(
        edge.subject == person_id
        and edge.predicate is Relation.AFFILIATED_WITH
        and kg.nodes.get(edge.object) is not None
        and kg.nodes[edge.object].known_as == key
        for edge in kg.edges.values()
    )
