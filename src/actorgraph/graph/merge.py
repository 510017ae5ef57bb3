"""Merging: article extractions in, one graph out — entities, events and facts.

:func:`merge_extractions` looks at all the articles at once, so the graph does not
depend on the order they come in. Entities are resolved across articles by
:mod:`actorgraph.resolve.entities` (each node records why every surface form of every
article joined it). Events are one node per article event, except that events of the
same kind in the same province on the same date are one event however many articles
report it. Facts keep every piece of evidence (the best confidence per sentence); their
support and confidence follow from it (see :class:`actorgraph.model.graph.Edge`), and they
are dated by their articles (first and last reported) and by what the sentences say of
their start and end. An alliance that the last word on it says is over
(``formerlyAlliedWith`` later than every report of it) is one ``formerlyAlliedWith`` fact,
the reports of the alliance included; one reported again after it ended stays current.

>>> merged = merge_extractions([])
>>> merged.nodes, merged.events, merged.edges
({}, {}, {})
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from actorgraph.model import ArticleExtraction, Event, Evidence, Period, Place
from actorgraph.model.graph import ArticleInfo, Edge, EventNode, Node, PlaceNode
from actorgraph.model.ids import node_slug, short_hash
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
    places: dict[str, PlaceNode] = field(default_factory=dict)


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
#: Per fact: the periods its sentences give.
_FactPeriods = dict[tuple[str, str, str], dict[Evidence, Period]]


def _merge_facts(
    merged: MergedGraph, extractions: list[ArticleExtraction], node_of: dict[tuple[str, str], str]
) -> None:
    facts: _FactEvidence = defaultdict(dict)
    periods: _FactPeriods = defaultdict(dict)
    for extraction in extractions:
        _merge_article(merged, facts, periods, extraction, node_of)
    dates = {article.id: article.date for article in merged.articles.values()}
    _fold_ended(facts, periods, dates)
    for key in sorted(facts):
        subject, predicate, obj = key
        found = facts[key]
        reported = sorted(d for e in found if (d := dates.get(e.article)))
        merged.edges[key] = Edge(
            subject,
            Relation(predicate),
            obj,
            [(evidence, found[evidence]) for evidence in sorted(found, key=_evidence_order)],
            {e: periods[key][e] for e in sorted(periods.get(key, {}), key=_evidence_order)},
            reported[0] if reported else None,
            reported[-1] if reported else None,
        )
    for event in merged.events.values():
        event.mentions = sorted(set(event.mentions), key=_evidence_order)


def _evidence_order(evidence: Evidence) -> tuple[str, int, int, str]:
    return (evidence.article, evidence.start, evidence.end, evidence.sentence)


def _merge_article(
    merged: MergedGraph,
    facts: _FactEvidence,
    periods: _FactPeriods,
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
        province = provinces.get(event.id)
        local[event.id] = _merge_event(merged, event, article, province)
        if event.place is not None and province is not None:
            place_id = _merge_place(merged, event.place, province, article)
            merged.events[local[event.id]].places.add(place_id)
    for fact in extraction.facts:
        subject, obj = local.get(fact.subject), local.get(fact.object)
        if subject is None or obj is None or subject == obj:
            continue
        if fact.predicate.symmetric and obj < subject:
            subject, obj = obj, subject
        key = (subject, fact.predicate.value, obj)
        found = facts[key]
        found[fact.evidence] = max(fact.confidence, found.get(fact.evidence, 0.0))
        if fact.period:
            periods[key][fact.evidence] = fact.period


def _fold_ended(facts: _FactEvidence, periods: _FactPeriods, dates: dict[str, str | None]) -> None:
    """Fold each alliance whose last word is its end into its ``formerlyAlliedWith`` fact."""
    for relation in Relation:
        if relation.ended is None:
            continue
        for key in [key for key in facts if key[1] == relation.value]:
            ended = (key[0], relation.ended.value, key[2])
            if ended not in facts or not _is_over(facts[key], facts[ended], periods, ended, dates):
                continue
            for evidence, confidence in facts.pop(key).items():
                facts[ended][evidence] = max(confidence, facts[ended].get(evidence, 0.0))
            periods[ended].update(periods.pop(key, {}))


def _is_over(
    reports: dict[Evidence, float],
    endings: dict[Evidence, float],
    periods: _FactPeriods,
    ended: tuple[str, str, str],
    dates: dict[str, str | None],
) -> bool:
    """Whether no report of the relation comes after the latest date it is said to end.

    An ending is dated by its text ("in 2016") or else by its article; a report by its
    article. Reports that cannot be ordered (undated articles, or the same year as a
    year-only end) do not outlast the end, except that an ending with no date at all does
    not end a relation that dated articles report.
    """
    stated = periods.get(ended, {})
    ends = [(stated.get(e) or Period()).until or dates.get(e.article) for e in endings]
    known = [end for end in ends if end]
    reported = [dates.get(e.article) for e in reports]
    if not known:
        return not any(reported)
    last = max(known)
    return not any(when and when > last and not when.startswith(last) for when in reported)


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


def place_id(place: Place) -> str:
    """The node id of a place: its province, kind and gazetteer name (one per town or
    district, however the articles spell it, since the name is the gazetteer's).

    >>> place_id(Place("Sangin", "city", "AF-HEL"))
    'place/af-hel-city-sangin'
    """
    return f"place/{node_slug(f'{place.province}-{place.kind}-{place.name}'.lower())}"


def _merge_place(merged: MergedGraph, place: Place, province: str, article: str) -> str:
    node_id = place_id(place)
    node = merged.places.get(node_id)
    if node is None:
        node = merged.places[node_id] = PlaceNode(
            id=node_id,
            name=place.name,
            kind=place.kind,
            province=province,
            iso3166_2=place.province,
            geonames=place.geonames,
            latitude=place.latitude,
            longitude=place.longitude,
        )
    node.articles.add(article)
    return node_id
