"""The actorgraph vocabulary: namespaces, entity types, relations and event kinds.

Every stage names types and relations through these terms, never through loose
strings, so the JSON output, the RDF and the ontology file cannot drift apart.
The OWL ontology itself lives in ``ontology/actorgraph.ttl``.

>>> Relation.AFFILIATED_WITH.iri
rdflib.term.URIRef('https://w3id.org/actorgraph/ontology#affiliatedWith')
>>> EventKind.from_name("Airstrike") is EventKind.AIRSTRIKE
True
"""

from __future__ import annotations

from enum import StrEnum

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

ONTOLOGY_VERSION = "0.2.0"

AG = Namespace("https://w3id.org/actorgraph/ontology#")
AGR = Namespace("https://w3id.org/actorgraph/resource/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SDO = Namespace("https://schema.org/")
#: OGC GeoSPARQL 1.1: ``geo:Feature``, ``geo:hasGeometry``, ``geo:asWKT``, ``geo:sfWithin``.
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
#: W3C Basic Geo (WGS84 lat/long): ``wgs:lat``, ``wgs:long`` (rdflib's WGS has https, wrongly).
WGS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
#: Wikidata entities (``wd:Q34490``), as Wikidata's own SPARQL service names them.
WD = Namespace("http://www.wikidata.org/entity/")
#: GeoNames features (``https://sws.geonames.org/1138957/``), the form Wikidata's
#: GeoNames ID (P1566) gives as the RDF resource of an id.
GEONAMES = Namespace("https://sws.geonames.org/")

#: The fixed prefixes of every RDF output (no generated ``ns1:``).
PREFIXES: dict[str, Namespace] = {
    "ag": AG,
    "agr": AGR,
    "org": ORG,
    "sem": SEM,
    "schema": SDO,
    "geo": GEO,
    "wgs": WGS,
    "wd": WD,
    "prov": PROV,
    "skos": SKOS,
    "foaf": FOAF,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


class EntityType(StrEnum):
    PERSON = "Person"
    ORGANISATION = "Organisation"
    PROVINCE = "Province"

    @property
    def iri(self) -> URIRef:
        return AG[self.value]


class Relation(StrEnum):
    """The relations of the graph.

    ``opposes`` is the hostile counterpart of ``alliedWith``, and ``formerlyAlliedWith`` an
    alliance the texts say is over ("cut its ties with X in 2016"); ``perpetrator`` (who carried
    an event out) and ``target`` (whom it was aimed at) are the two roles that refine
    ``involves``, and RDF writes ``involves`` beside each of them.

    >>> Relation.OPPOSES.symmetric, Relation.TARGET.refines
    (True, <Relation.INVOLVES: 'involves'>)
    >>> Relation.ALLIED_WITH.ended
    <Relation.FORMERLY_ALLIED_WITH: 'formerlyAlliedWith'>
    >>> sorted(relation.value for relation in PARTICIPANT_RELATIONS)
    ['involves', 'perpetrator', 'target']
    """

    AFFILIATED_WITH = "affiliatedWith"
    ALLIED_WITH = "alliedWith"
    LOCATED_IN = "locatedIn"
    INVOLVES = "involves"
    OPPOSES = "opposes"
    PERPETRATOR = "perpetrator"
    TARGET = "target"
    FORMERLY_ALLIED_WITH = "formerlyAlliedWith"

    @property
    def iri(self) -> URIRef:
        return AG[self.value]

    @property
    def symmetric(self) -> bool:
        return self in (Relation.ALLIED_WITH, Relation.OPPOSES, Relation.FORMERLY_ALLIED_WITH)

    @property
    def ended(self) -> Relation | None:
        """The relation that says this one is over; ``None`` if the graph has none."""
        return Relation.FORMERLY_ALLIED_WITH if self is Relation.ALLIED_WITH else None

    @property
    def refines(self) -> Relation | None:
        """The relation this one is a sub-property of, in the ontology; ``None`` if none."""
        if self in (Relation.PERPETRATOR, Relation.TARGET):
            return Relation.INVOLVES
        return None


#: An event's participants, whatever their role: ``involves`` and the roles that refine it.
PARTICIPANT_RELATIONS = frozenset({Relation.INVOLVES, Relation.PERPETRATOR, Relation.TARGET})


class DerivedRelation(StrEnum):
    """View relations between actors, folded from events; never part of the exported graph.

    The actor map and :func:`actorgraph.graph.actor_graph` draw an event as edges between
    the actors it joins: ``activeIn`` (a person or organisation took part in events located
    in a province), ``attacked`` (the perpetrator of events whose target was the other
    actor) and ``coInvolvedWith`` (took part in the same events, where no fact or
    ``attacked`` joins the two). They are declared in the ontology as derived relations
    so that their names are terms, but the Turtle export holds only the facts they
    summarise.

    >>> DerivedRelation.ACTIVE_IN.iri
    rdflib.term.URIRef('https://w3id.org/actorgraph/ontology#activeIn')
    >>> DerivedRelation.CO_INVOLVED_WITH.symmetric, DerivedRelation.ATTACKED.symmetric
    (True, False)
    """

    ACTIVE_IN = "activeIn"
    ATTACKED = "attacked"
    CO_INVOLVED_WITH = "coInvolvedWith"

    @property
    def iri(self) -> URIRef:
        return AG[self.value]

    @property
    def symmetric(self) -> bool:
        return self is DerivedRelation.CO_INVOLVED_WITH


class EventKind(StrEnum):
    """Event classes of the ontology; each is a subclass of ``ag:Event``."""

    EVENT = "Event"
    AIRSTRIKE = "Airstrike"
    ATTACK = "Attack"
    BOMBING = "Bombing"
    KILLING = "Killing"
    CAPTURE = "Capture"
    CLASH = "Clash"
    KIDNAPPING = "Kidnapping"
    RAID = "Raid"
    PROTEST = "Protest"

    @property
    def iri(self) -> URIRef:
        return AG[self.value]

    @classmethod
    def from_name(cls, name: str) -> EventKind:
        try:
            return cls(name)
        except ValueError as error:
            known = ", ".join(kind.value for kind in cls)
            raise ValueError(f"unknown event kind {name!r} (known: {known})") from error


class PlaceKind(StrEnum):
    """The places below a province that put an event there, each a subclass of ``ag:Place``.

    >>> PlaceKind("city").iri
    rdflib.term.URIRef('https://w3id.org/actorgraph/ontology#Town')
    """

    DISTRICT = "district"
    CITY = "city"

    @property
    def iri(self) -> URIRef:
        return AG["District" if self is PlaceKind.DISTRICT else "Town"]


#: The class of every place below a province (a ``geo:Feature``).
PLACE_CLASS = AG.Place
