"""The events as a GeoJSON FeatureCollection (RFC 7946), for QGIS, geojson.io and any GIS.

One feature per event, sorted by event id. An event that a GeoNames town placed has a
``Point`` geometry at the town, ``[longitude, latitude]`` in WGS 84 (RFC 7946 §3.1.1, §4);
one placed only by a district or a province has ``"geometry": null`` (an unlocated
feature, §3.2), so every event is in the file and a GIS draws those it can. Properties:

==================  ======================================================================
``kind``            the event class (``Airstrike``, ``Attack``, ...)
``date``            ISO date when known, else ``null``
``province``        the province's name; ``iso3166_2`` its code
``place``           the district, town or village that placed it (``place_kind``,
                    ``geonames`` id), else ``null``
``precision``       ``town``, ``district``, ``province`` or ``null``: what the point stands for
``actors``          the participants' names, sorted; ``perpetrators`` and ``targets`` too
``confidence``      the confidence of the event's place (its ``locatedIn`` fact), else ``null``
``evidence_count``  the sentences that report the event; ``articles`` how many articles
``id``, ``iri``     the event's node id and its IRI in the Turtle export
==================  ======================================================================

>>> from actorgraph.graph import Graph
>>> geojson_bytes(Graph())
b'{\\n  "type": "FeatureCollection",\\n  "features": []\\n}\\n'
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from actorgraph.ontology import AGR, PARTICIPANT_RELATIONS, Relation

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph
    from actorgraph.model.graph import Edge, EventNode, PlaceNode

#: Decimal places of the coordinates written (GeoNames gives five: about a metre).
COORDINATE_PLACES = 5


def geojson_bytes(kg: Graph) -> bytes:
    """The graph's events as GeoJSON text (UTF-8), the same bytes for the same graph."""
    return (json.dumps(feature_collection(kg), ensure_ascii=False, indent=2) + "\n").encode()


def feature_collection(kg: Graph) -> dict[str, Any]:
    """The events as a GeoJSON ``FeatureCollection`` object."""
    facts: dict[str, list[Edge]] = defaultdict(list)
    for edge in kg.edges.values():
        facts[edge.subject].append(edge)
    features = [_feature(kg, kg.events[key], facts[key]) for key in sorted(kg.events)]
    return {"type": "FeatureCollection", "features": features}


def _feature(kg: Graph, event: EventNode, facts: list[Edge]) -> dict[str, Any]:
    place = _located_place(kg, event)
    province = kg.nodes.get(event.province) if event.province else None
    located = [e for e in facts if e.predicate is Relation.LOCATED_IN]
    properties = {
        "id": event.id,
        "iri": str(AGR[event.id]),
        "kind": event.kind.value,
        "date": event.date,
        "province": province.name if province else None,
        "iso3166_2": province.iso3166_2 if province else None,
        "place": place.name if place else None,
        "place_kind": place.kind if place else None,
        "geonames": place.geonames if place else None,
        "precision": _precision(place, province is not None),
        "actors": _names(kg, facts, PARTICIPANT_RELATIONS),
        "perpetrators": _names(kg, facts, frozenset({Relation.PERPETRATOR})),
        "targets": _names(kg, facts, frozenset({Relation.TARGET})),
        "confidence": max((e.confidence for e in located), default=None),
        "evidence_count": len(event.mentions),
        "articles": len(event.articles),
    }
    return {"type": "Feature", "geometry": _point(place), "properties": properties}


def _located_place(kg: Graph, event: EventNode) -> PlaceNode | None:
    """The event's place: a town with coordinates first, then any, by id."""
    places = [kg.places[i] for i in sorted(event.places) if i in kg.places]
    located = [p for p in places if p.latitude is not None and p.longitude is not None]
    return (located or places or [None])[0]


def _precision(place: PlaceNode | None, has_province: bool) -> str | None:
    if place is not None and place.latitude is not None:
        return "town"
    if place is not None:
        return "district"
    return "province" if has_province else None


def _point(place: PlaceNode | None) -> dict[str, Any] | None:
    if place is None or place.latitude is None or place.longitude is None:
        return None
    longitude = round(place.longitude, COORDINATE_PLACES)
    latitude = round(place.latitude, COORDINATE_PLACES)
    return {"type": "Point", "coordinates": [longitude, latitude]}


def _names(kg: Graph, facts: list[Edge], relations: frozenset[Relation]) -> list[str]:
    return sorted({kg.label_of(e.object) for e in facts if e.predicate in relations})
