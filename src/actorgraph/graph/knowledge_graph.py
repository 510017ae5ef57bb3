"""The knowledge graph: entities, events and facts merged across articles, with provenance.

Merging rules (cross-article entity resolution):

* provinces are one node per ISO 3166-2 code;
* organisations are one node per curated key, else per normalised name, and an
  organisation whose names match exactly one existing node's names joins it;
* people are one node per normalised full name; a single-word name ("Karim", "Ali")
  stays inside its article, since nothing says two bare names are one person;
* events are one node per article event, except that events of the same kind, in the
  same province, on the same date are one event however many articles report it.

Every fact keeps every piece of evidence; its support is the number of distinct
articles and its confidence the noisy-or of the evidence confidences.

>>> kg = KnowledgeGraph()
>>> len(kg)
0
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.graph.iris import node_slug, short_hash
from actorgraph.model import ArticleExtraction, Entity, Event, Evidence
from actorgraph.ontology import EntityType, EventKind, Relation
from actorgraph.text import normalise_name

if TYPE_CHECKING:
    import networkx as nx
    import rdflib


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(slots=True)
class Node:
    """An entity of the merged graph: a person, an organisation or a province."""

    id: str
    type: EntityType
    name: str
    aliases: set[str] = field(default_factory=set)
    iso3166_2: str | None = None
    known_as: str | None = None
    articles: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return self.name


@dataclass(slots=True)
class EventNode:
    """An event of the merged graph."""

    id: str
    kind: EventKind
    date: str | None
    triggers: set[str] = field(default_factory=set)
    mentions: list[Evidence] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    province: str | None = None

    @property
    def type(self) -> str:
        return "Event"

    @property
    def label(self) -> str:
        return f"{self.kind.value} ({self.date})" if self.date else self.kind.value


@dataclass(slots=True)
class Edge:
    """A fact of the merged graph, with all of its evidence."""

    subject: str
    predicate: Relation
    object: str
    evidence: list[tuple[Evidence, float]] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate.value, self.object)

    @property
    def support(self) -> int:
        """How many distinct articles state the fact."""
        return len({evidence.article for evidence, _ in self.evidence})

    @property
    def confidence(self) -> float:
        """Noisy-or over the evidence, taking each article's best confidence once."""
        best: dict[str, float] = {}
        for evidence, confidence in self.evidence:
            best[evidence.article] = max(confidence, best.get(evidence.article, 0.0))
        doubt = 1.0
        for confidence in best.values():
            doubt *= 1.0 - confidence
        return round(1.0 - doubt, 4)


class KnowledgeGraph:
    """Entities, events and facts from many articles, merged, each fact with its evidence."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.events: dict[str, EventNode] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}
        self.articles: dict[str, ArticleInfo] = {}
        self._name_index: dict[tuple[EntityType, str], set[str]] = {}

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_extractions(cls, extractions: Iterable[ArticleExtraction]) -> KnowledgeGraph:
        graph = cls()
        for extraction in extractions:
            graph.add(extraction)
        return graph

    def add(self, extraction: ArticleExtraction) -> None:
        """Merge one article's extraction into the graph."""
        article = extraction.article
        self.articles[article.id] = ArticleInfo(
            id=article.id,
            title=article.title,
            url=article.url,
            date=article.date.isoformat() if article.date else None,
            source=article.source,
        )
        local: dict[str, str] = {}
        for entity in extraction.entities:
            local[entity.id] = self._merge_entity(entity, article.id)
        provinces = {
            fact.subject: local.get(fact.object)
            for fact in extraction.facts
            if fact.predicate is Relation.LOCATED_IN
        }
        for event in extraction.events:
            local[event.id] = self._merge_event(event, article.id, provinces.get(event.id))
        for fact in extraction.facts:
            subject, obj = local.get(fact.subject), local.get(fact.object)
            if subject is None or obj is None or subject == obj:
                continue
            if fact.predicate.symmetric and obj < subject:
                subject, obj = obj, subject
            key = (subject, fact.predicate.value, obj)
            edge = self.edges.setdefault(key, Edge(subject, fact.predicate, obj))
            if all(existing != fact.evidence for existing, _ in edge.evidence):
                edge.evidence.append((fact.evidence, fact.confidence))

    def _merge_entity(self, entity: Entity, article_id: str) -> str:
        node_id = self._find_node(entity) or self._new_node_id(entity, article_id)
        node = self.nodes.get(node_id)
        if node is None:
            node = self.nodes[node_id] = Node(
                id=node_id,
                type=entity.type,
                name=entity.name,
                iso3166_2=entity.iso3166_2,
                known_as=entity.known_as,
            )
        node.aliases.update(alias for alias in (entity.name, *entity.aliases) if alias != node.name)
        node.articles.add(article_id)
        for name in (entity.name, *entity.aliases):
            self._name_index.setdefault((entity.type, normalise_name(name)), set()).add(node_id)
        return node_id

    def _find_node(self, entity: Entity) -> str | None:
        if entity.type is EntityType.PROVINCE or entity.known_as:
            candidate = self._new_node_id(entity, "")
            return candidate if candidate in self.nodes else None
        if entity.type is EntityType.PERSON:
            candidate = self._new_node_id(entity, "")
            return candidate if candidate in self.nodes else None
        matches: set[str] = set()
        for name in (entity.name, *entity.aliases):
            matches |= self._name_index.get((entity.type, normalise_name(name)), set())
        return next(iter(matches)) if len(matches) == 1 else None

    @staticmethod
    def _new_node_id(entity: Entity, article_id: str) -> str:
        prefix = entity.type.value.lower()
        if entity.type is EntityType.PROVINCE and entity.iso3166_2:
            return f"{prefix}/{entity.iso3166_2}"
        if entity.known_as:
            return f"{prefix}/{node_slug(entity.known_as)}"
        key = normalise_name(entity.name).replace(" ", "-")
        if entity.type is EntityType.PERSON and "-" not in key and article_id:
            # A bare single name is only known to be one person within its own article.
            return f"{prefix}/{node_slug(key)}-{short_hash(article_id, 6)}"
        return f"{prefix}/{node_slug(key)}"

    def _merge_event(self, event: Event, article_id: str, province: str | None) -> str:
        if event.date and province:
            key = f"{event.kind.value}|{province}|{event.date}"
            node_id = f"event/{event.kind.value.lower()}-{event.date}-{short_hash(key)}"
        else:
            node_id = f"event/{event.kind.value.lower()}-{short_hash(article_id + '#' + event.id)}"
        node = self.events.setdefault(
            node_id, EventNode(id=node_id, kind=event.kind, date=event.date, province=province)
        )
        node.triggers.add(event.trigger)
        node.articles.add(article_id)
        evidence = Evidence(article_id, event.sentence, event.start, event.end)
        if evidence not in node.mentions:
            node.mentions.append(evidence)
        return node_id

    # -- reading --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.nodes) + len(self.events)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {len(self.articles)} articles, {len(self.nodes)} entities, "
            f"{len(self.events)} events, {len(self.edges)} facts>"
        )

    def facts(self, predicate: Relation | str | None = None) -> Iterator[Edge]:
        wanted = Relation(predicate) if predicate else None
        for key in sorted(self.edges):
            edge = self.edges[key]
            if wanted is None or edge.predicate is wanted:
                yield edge

    def label_of(self, node_id: str) -> str:
        if node_id in self.nodes:
            return self.nodes[node_id].name
        return self.events[node_id].label

    def find(self, name: str) -> list[Node]:
        """Nodes whose name or an alias matches ``name`` after normalisation."""
        wanted = normalise_name(name)
        return [
            node
            for node in self.nodes.values()
            if wanted in {normalise_name(n) for n in (node.name, *node.aliases)}
        ]

    def stats(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "entities": len(self.nodes),
            "events": len(self.events),
            "facts": len(self.edges),
        }

    # -- conversions (each lives in its own module) ------------------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        from actorgraph.graph.nxgraph import to_networkx

        return to_networkx(self)

    def to_rdf(self) -> rdflib.Graph:
        from actorgraph.graph.rdf import to_rdf

        return to_rdf(self)

    def to_turtle(self) -> str:
        from actorgraph.export.formats import serialize

        return serialize(self, "turtle")

    def to_html(self, path: str | Path | None = None, **options: Any) -> str:
        """Render the interactive map; write it to ``path`` when given. Returns the HTML."""
        from actorgraph.maps import render_html

        return render_html(self, path, **options)

    def show(self, **options: Any) -> Any:
        """Display the map inline in Jupyter (an isolated iframe, so it works in VS Code too)."""
        from actorgraph.maps import notebook_view

        return notebook_view(self, **options)

    def _repr_html_(self) -> str:
        from actorgraph.maps import notebook_html

        return notebook_html(self)

    def query(self, sparql: str) -> Any:
        """Run SPARQL over the graph; a pandas DataFrame where pandas is installed, else rows."""
        from actorgraph.store import query_graph

        return query_graph(self, sparql)
