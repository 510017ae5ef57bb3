"""How the map draws things: colour and shape per node type, colour per relation, sizes.

One table serves both the vis-network data and the legend, so they cannot disagree.
Colours are from the Tableau 10 palette, which stays distinguishable for the common
forms of colour blindness; shapes differ too, so colour is never the only cue.

>>> TYPE_STYLES["Organisation"].shape
'square'
>>> relation_style("opposes").dashed, relation_style("alliedWith").dashed
(True, False)
>>> edge_width(1), edge_width(4)
(1.0, 4.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from actorgraph.ontology import DerivedRelation, EntityType, Relation


@dataclass(frozen=True, slots=True)
class TypeStyle:
    """The look of one node type."""

    colour: str
    shape: str
    description: str


@dataclass(frozen=True, slots=True)
class RelationStyle:
    """The look of one relation: a dashed line marks hostility, so colour is not the only cue."""

    colour: str
    description: str
    dashed: bool = False


EVENT_TYPE = "Event"

TYPE_STYLES: dict[str, TypeStyle] = {
    EntityType.PERSON.value: TypeStyle("#4E79A7", "dot", "a named person"),
    EntityType.ORGANISATION.value: TypeStyle("#F28E2B", "square", "an armed group, force or body"),
    EntityType.PROVINCE.value: TypeStyle("#59A14F", "triangle", "a province (ISO 3166-2)"),
    EVENT_TYPE: TypeStyle("#E15759", "diamond", "an attack, clash, arrest, ..."),
}
OTHER_TYPE = TypeStyle("#9D9D9D", "dot", "another kind of node")

RELATION_STYLES: dict[str, RelationStyle] = {
    Relation.AFFILIATED_WITH.value: RelationStyle("#4E79A7", "a person belongs to a group"),
    Relation.ALLIED_WITH.value: RelationStyle("#B07AA1", "two groups fight on the same side"),
    Relation.LOCATED_IN.value: RelationStyle("#59A14F", "an event happened in a province"),
    Relation.INVOLVES.value: RelationStyle("#E15759", "an actor took part in an event"),
    Relation.OPPOSES.value: RelationStyle("#9C755F", "two groups fight each other", dashed=True),
    Relation.PERPETRATOR.value: RelationStyle("#76B7B2", "an actor carried an event out"),
    Relation.TARGET.value: RelationStyle("#FF9DA7", "an actor was an event's target"),
}
OTHER_RELATION = RelationStyle("#79706E", "another relation")

#: The view relations of the actor map: events folded into edges between actors.
DERIVED_STYLES: dict[str, RelationStyle] = {
    DerivedRelation.ACTIVE_IN.value: RelationStyle(
        "#8CD17D", "took part in events in a province (folded events)"
    ),
    DerivedRelation.ATTACKED.value: RelationStyle(
        "#D37295", "carried out events aimed at the other (folded events)", dashed=True
    ),
    DerivedRelation.CO_INVOLVED_WITH.value: RelationStyle(
        "#A0A0C8", "took part in the same events (folded events)"
    ),
}

#: Relations drawn with an arrow at both ends, since they read the same both ways.
SYMMETRIC_RELATIONS = frozenset(
    relation.value for relation in (*Relation, *DerivedRelation) if relation.symmetric
)

MAX_LABEL = 40


def type_style(node_type: str) -> TypeStyle:
    return TYPE_STYLES.get(node_type, OTHER_TYPE)


def relation_style(predicate: str) -> RelationStyle:
    return RELATION_STYLES.get(predicate) or DERIVED_STYLES.get(predicate, OTHER_RELATION)


def node_size(degree: int) -> float:
    """Node radius in pixels: grows with the square root of the degree, within 10..42."""
    return round(min(42.0, 10.0 + 4.0 * math.sqrt(max(degree, 0))), 2)


def edge_width(support: int) -> float:
    """Edge width in pixels: one per article at first, then logarithmic, at most 8."""
    return round(min(8.0, 1.0 + 1.5 * math.log2(max(support, 1))), 2)


def short_label(text: str) -> str:
    """A label short enough to draw on the canvas; the full text stays in the tooltip."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def ordered(present: set[str], standard: list[str]) -> list[str]:
    """The standard names first, in their order, then any others present, sorted."""
    return standard + sorted(present - set(standard))
