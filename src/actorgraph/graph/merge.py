"""Merging: article extractions in, one graph out — entities, events and facts.

:func:`merge_extractions` looks at all the articles at once, so the graph does not
depend on the order they come in. Entities are resolved across articles by
:mod:`actorgraph.resolve.entities` (each node records why every surface form of every
article joined it). Events are one node per article event, except that events of the
same kind in the same province on the same date are one event however many articles
report it. Facts keep every piece of evidence (the best confidence per sentence); their
support and confidence follow from it (see :class:`actorgraph.model.graph.Edge`).

>>> merged = merge_extractions([])
>>> merged.nodes, merged.events, merged.edges
({}, {}, {})
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from actorgraph.model import ArticleExtraction, Event, Evidence
from actorgraph.model.graph import ArticleInfo, Edge, EventNode, Node
from actorgraph.model.ids import short_hash
from actorgraph.ontology import Relation
from actorgraph.resolve.entities import RULES, MergeReason, resolve_entities

__all__ = ["RULES", "MergeReason", "MergedGraph", "merge_extractions"]


@dataclass(slots=True)
class MergedGraph:
    """The result of merging: nodes, events, facts and articles, keyed by id."""

    nodes: dict[str, Node] = field(default_factory=dict)
    events: dict[str, EventNode] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    articles: dict[str, ArticleInfo] = field(default_factory=dict)


def merge_extractions(extractions: Iterable[ArticleExtraction]) -> MergedGraph:
    """Merge article extractions into one graph (the order of the articles does not matter)."""
    ordered = sorted(extractions, key=lambda extraction: extraction.article.id)
    merged = MergedGraph()
    for extraction in ordered:
        article = extraction.article
        merged.articles[article.id] = ArticleInfo(
            id=article.id,
            title=article.title,
            url=article.url,
            date=article.date.isoformat() if article.date else None,
            source=article.source,
        )
    nodes, node_of = resolve_entities(ordered)
    merged.nodes = {node.id: node for node in nodes}
    _merge_facts(merged, ordered, node_of)
    return merged


# -- events and facts --------------------------------------------------------------------------


#: Per fact (subject, predicate, object): each evidence and its best confidence.
_FactEvidence = dict[tuple[str, str, str], dict[Evidence, float]]


def _merge_facts(
    merged: MergedGraph, extractions: list[ArticleExtraction], node_of: dict[tuple[str, str], str]
) -> None:
    facts: _FactEvidence = defaultdict(dict)
    for extraction in extractions:
        _merge_article(merged, facts, extraction, node_of)
    for key in sorted(facts):
        subject, predicate, obj = key
        found = facts[key]
        merged.edges[key] = Edge(
            subject,
            Relation(predicate),
            obj,
            [(evidence, found[evidence]) for evidence in sorted(found, key=_evidence_order)],
        )
    for event in merged.events.values():
        event.mentions = sorted(set(event.mentions), key=_evidence_order)


def _evidence_order(evidence: Evidence) -> tuple[str, int, int, str]:
    return (evidence.article, evidence.start, evidence.end, evidence.sentence)


def _merge_article(
    merged: MergedGraph,
    facts: _FactEvidence,
    extraction: ArticleExtraction,
    node_of: dict[tuple[str, str], str],
) -> None:
    article = extraction.article.id
    local = {entity.id: node_of[(article, entity.id)] for entity in extraction.entities}
    provinces: dict[str, str] = {}
    for fact in extraction.facts:
        target = local.get(fact.object)
        if fact.predicate is Relation.LOCATED_IN and target is not None:
            provinces[fact.subject] = min(target, provinces.get(fact.subject, target))
    for event in extraction.events:
        local[event.id] = _merge_event(merged, event, article, provinces.get(event.id))
    for fact in extraction.facts:
        subject, obj = local.get(fact.subject), local.get(fact.object)
        if subject is None or obj is None or subject == obj:
            continue
        if fact.predicate.symmetric and obj < subject:
            subject, obj = obj, subject
        found = facts[(subject, fact.predicate.value, obj)]
        found[fact.evidence] = max(fact.confidence, found.get(fact.evidence, 0.0))


def _merge_event(merged: MergedGraph, event: Event, article: str, province: str | None) -> str:
    if event.date and province:
        key = f"{event.kind.value}|{province}|{event.date}"
        node_id = f"event/{event.kind.value.lower()}-{event.date}-{short_hash(key)}"
    else:
        node_id = f"event/{event.kind.value.lower()}-{short_hash(article + '#' + event.id)}"
    node = merged.events.get(node_id)
    if node is None:
        node = merged.events[node_id] = EventNode(
            id=node_id, kind=event.kind, date=event.date, province=province
        )
    node.triggers.add(event.trigger)
    node.articles.add(article)
    node.mentions.append(Evidence(article, event.sentence, event.start, event.end))
    return node_id
