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

ONTOLOGY_VERSION = "0.1.0"

AG = Namespace("https://w3id.org/actorgraph/ontology#")
AGR = Namespace("https://w3id.org/actorgraph/resource/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SDO = Namespace("https://schema.org/")

#: The fixed prefixes of every RDF output (no generated ``ns1:``).
PREFIXES: dict[str, Namespace] = {
    "ag": AG,
    "agr": AGR,
    "org": ORG,
    "sem": SEM,
    "schema": SDO,
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

    ``opposes`` is the hostile counterpart of ``alliedWith``; ``perpetrator`` (who carried
    an event out) and ``target`` (whom it was aimed at) are the two roles that refine
    ``involves``, and RDF writes ``involves`` beside each of them.

    >>> Relation.OPPOSES.symmetric, Relation.TARGET.refines
    (True, <Relation.INVOLVES: 'involves'>)
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

    @property
    def iri(self) -> URIRef:
        return AG[self.value]

    @property
    def symmetric(self) -> bool:
        return self in (Relation.ALLIED_WITH, Relation.OPPOSES)

    @property
    def refines(self) -> Relation | None:
        """The relation this one is a sub-property of, in the ontology; ``None`` if none."""
        if self in (Relation.PERPETRATOR, Relation.TARGET):
            return Relation.INVOLVES
        return None


#: An event's participants, whatever their role: ``involves`` and the roles that refine it.
PARTICIPANT_RELATIONS = frozenset({Relation.INVOLVES, Relation.PERPETRATOR, Relation.TARGET})


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
