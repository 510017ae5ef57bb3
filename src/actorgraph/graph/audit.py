"""The merge audit: which nodes the graph has, and why each name and article is in one.

:func:`entity_rows` lists the entity nodes; :func:`matching_nodes` finds the nodes a
name designates; :func:`explanation_rows` groups a node's merge reasons by surface
form, rule and key, with the articles behind each.

>>> from actorgraph.graph import Graph
>>> entity_rows(Graph())
[]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from actorgraph.graph.merge import RULES
from actorgraph.ontology import EntityType
from actorgraph.text import normalise_name

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph
    from actorgraph.model.graph import Node


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One node of the graph as the entity list shows it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "articles": self.articles,
        }


@dataclass(frozen=True, slots=True)
class ExplanationRow:
    """A surface form merged into a node by one rule on one key, and the articles saying it."""

    surface: str
    rule: str
    key: str
    articles: tuple[str, ...]

    @property
    def meaning(self) -> str:
        return RULES.get(self.rule, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "surface": self.surface,
            "rule": self.rule,
            "key": self.key,
            "meaning": self.meaning,
            "articles": list(self.articles),
        }


def parse_type(name: str | None) -> EntityType | None:
    """An entity type from a name in any case ("person", "ORGANISATION"); None for None.

    >>> parse_type("organization")
    <EntityType.ORGANISATION: 'Organisation'>
    """
    if name is None:
        return None
    wanted = name.strip().lower().replace("organization", "organisation")
    for entity_type in EntityType:
        if entity_type.value.lower() == wanted:
            return entity_type
    known = ", ".join(t.value for t in EntityType)
    raise ValueError(f"unknown entity type {name!r} (known: {known})")


def entity_rows(kg: Graph, entity_type: EntityType | None = None) -> list[EntityRow]:
    """The entity nodes, most articles first, then by name and id."""
    rows = [
        EntityRow(
            node.id, node.name, node.type.value, tuple(sorted(node.aliases)), len(node.articles)
        )
        for node in kg.nodes.values()
        if entity_type is None or node.type is entity_type
    ]
    return sorted(rows, key=lambda row: (-row.articles, row.name, row.id))


def matching_nodes(
    kg: Graph, name: str, entity_type: EntityType | None = None
) -> list[Node]:
    """Nodes named ``name`` (or with it as an alias, or as id); else those containing it."""
    wanted = normalise_name(name)
    nodes = sorted(
        (n for n in kg.nodes.values() if entity_type is None or n.type is entity_type),
        key=lambda n: (-len(n.articles), n.id),
    )
    exact = [
        node
        for node in nodes
        if name == node.id or wanted in {normalise_name(n) for n in (node.name, *node.aliases)}
    ]
    if exact or not wanted:
        return exact
    return [
        node
        for node in nodes
        if any(wanted in normalise_name(n) for n in (node.name, *node.aliases))
    ]


def explanation_rows(node: Node) -> list[ExplanationRow]:
    """The node's merge reasons grouped by surface form, rule and key."""
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for reason in node.reasons:
        grouped[(reason.surface, reason.rule, reason.key)].append(reason.article)
    rows = [
        ExplanationRow(surface, rule, key, tuple(sorted(set(articles))))
        for (surface, rule, key), articles in grouped.items()
    ]
    return sorted(rows, key=lambda row: (-len(row.articles), row.surface, row.rule, row.key))
