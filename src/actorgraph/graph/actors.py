"""The actor graph: people, organisations and provinces, with events folded into edges.

The event graph puts every event between the actors it joins, so that a few hundred
reports draw mostly events. :func:`actor_graph` keeps the actors and turns each event
into weighted, typed edges between them (view relations of
:class:`~actorgraph.ontology.DerivedRelation`, never exported):

* ``activeIn``: a participant → the province the event is ``locatedIn``;
* ``attacked``: the event's ``perpetrator`` → its ``target``;
* ``coInvolvedWith``: two participants of one event that no fact and no ``attacked`` join
  (symmetric; stored once, from the smaller id to the larger).

Facts between actors (``affiliatedWith``, ``alliedWith``, ``opposes``) stay as they are.
A folded edge carries ``weight`` (its number of events), ``support`` (distinct articles),
``confidence`` (noisy-or over its events, each as strong as its weakest fact), ``kinds``
(events per kind), ``first`` / ``last`` (its date range), ``dates`` and ``events``: each
event with its kind, label, date, sentences and articles. An event's date is its own,
else the earliest date of the articles reporting it.

Everything is sorted, so the same graph always gives the same actor graph; centrality
and community detection run on it as on any networkx graph:

>>> from actorgraph.graph import Graph
>>> actor_graph(Graph()).number_of_nodes()
0
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

import networkx as nx

from actorgraph.ontology import PARTICIPANT_RELATIONS, DerivedRelation, EntityType, Relation

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph

__all__ = ["EVENT_TYPE", "actor_graph", "fold_events"]

EVENT_TYPE = "Event"
_PARTICIPANTS = frozenset(relation.value for relation in PARTICIPANT_RELATIONS)
_ACTOR_TYPES = frozenset({EntityType.PERSON.value, EntityType.ORGANISATION.value})


def actor_graph(graph: Graph) -> nx.MultiDiGraph:
    """The actors of ``graph`` as a ``MultiDiGraph``, its events folded into edges.

    Nodes have the attributes of :func:`actorgraph.graph.to_networkx` plus ``events``
    (how many events they take part in, or for a province, are located in).
    """
    from actorgraph.graph.nxgraph import to_networkx

    dates = {article_id: info.date for article_id, info in graph.articles.items()}
    return fold_events(to_networkx(graph), dates)


def fold_events(
    full: nx.MultiDiGraph,
    article_dates: Mapping[str, str | None] | None = None,
    *,
    max_articles: int | None = None,
) -> nx.MultiDiGraph:
    """:func:`actor_graph` of a graph in its networkx form (``article_dates``: id → date).

    ``max_articles`` keeps only the first (by id) of each folded edge's ``articles``, its
    ``support`` still counting them all: in a large corpus the busiest pairs are reported
    by most of its articles, and a full list on every edge grows with edges × articles
    (beyond 12 GB at 100,000 articles). None keeps every list whole.
    """
    dates = dict(article_dates or {})
    events = sorted(node for node, kind in full.nodes(data="type") if kind == EVENT_TYPE)
    result = nx.MultiDiGraph()
    for node in sorted(set(full) - set(events), key=str):
        result.add_node(node, **full.nodes[node], events=0)
    for u, v, key, data in full.edges(keys=True, data=True):
        if u in result and v in result:
            result.add_edge(u, v, key=key, **data)
    folds = _Folds()
    for event in events:
        _fold_event(full, event, dates, folds, result)
    folds.drop_weaker_co_involvement(result)
    for (u, predicate, v), fold in sorted(folds.edges.items(), key=lambda item: str(item[0])):
        result.add_edge(u, v, key=predicate, **fold.attributes(predicate, max_articles))
    return result


@dataclass(slots=True)
class _Fold:
    """The events behind one folded edge, with the confidence each gives it."""

    events: list[dict[str, Any]] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)

    def attributes(self, predicate: str, max_articles: int | None = None) -> dict[str, Any]:
        events = sorted(self.events, key=lambda event: (event["date"] or "", event["id"]))
        dated = sorted({event["date"] for event in events if event["date"]})
        reporting = {item["article"] for event in events for item in event["articles"]}
        support = len(reporting)
        if max_articles is None:
            articles = sorted(reporting)
        else:
            articles = heapq.nsmallest(max_articles, reporting)
        return {
            "predicate": predicate,
            "derived": True,
            "weight": len(events),
            "support": support,
            "confidence": _noisy_or(self.confidences),
            "articles": articles,
            "kinds": dict(sorted(Counter(event["kind"] for event in events).items())),
            "first": dated[0] if dated else None,
            "last": dated[-1] if dated else None,
            "dates": dated,
            "events": events,
        }


@dataclass(slots=True)
class _Folds:
    edges: dict[tuple[Any, str, Any], _Fold] = field(default_factory=lambda: defaultdict(_Fold))

    def add(self, u: Any, predicate: DerivedRelation, v: Any, event: dict[str, Any], c: float):
        if predicate.symmetric and str(v) < str(u):
            u, v = v, u
        fold = self.edges[(u, predicate.value, v)]
        fold.events.append(event)
        fold.confidences.append(c)

    def drop_weaker_co_involvement(self, graph: nx.MultiDiGraph) -> None:
        """Co-involvement only where neither a fact nor ``attacked`` joins the two."""
        joined = {frozenset((u, v)) for u, v in graph.edges()}
        joined |= {
            frozenset((u, v))
            for u, predicate, v in self.edges
            if predicate == DerivedRelation.ATTACKED.value
        }
        co = DerivedRelation.CO_INVOLVED_WITH.value
        for u, predicate, v in list(self.edges):
            if predicate == co and frozenset((u, v)) in joined:
                del self.edges[(u, predicate, v)]


def _fold_event(
    full: nx.MultiDiGraph,
    event: Any,
    dates: dict[str, str | None],
    folds: _Folds,
    result: nx.MultiDiGraph,
) -> None:
    roles: dict[Any, dict[str, float]] = defaultdict(dict)
    places: dict[Any, float] = {}
    for _, other, data in full.out_edges(event, data=True):
        predicate, confidence = str(data.get("predicate")), float(data.get("confidence") or 0)
        if predicate == Relation.LOCATED_IN.value and other in result:
            places[other] = max(confidence, places.get(other, 0.0))
        elif predicate in _PARTICIPANTS and full.nodes[other].get("type") in _ACTOR_TYPES:
            roles[other][predicate] = max(confidence, roles[other].get(predicate, 0.0))
    record = _event_record(full, event, dates)
    for node in {*roles, *places}:
        result.nodes[node]["events"] += 1
    for actor, place in ((a, p) for a in sorted(roles, key=str) for p in sorted(places, key=str)):
        confidence = min(max(roles[actor].values()), places[place])
        folds.add(actor, DerivedRelation.ACTIVE_IN, place, record, confidence)
    _fold_participants(roles, record, folds)


def _fold_participants(
    roles: dict[Any, dict[str, float]], record: dict[str, Any], folds: _Folds
) -> None:
    perpetrator, target = Relation.PERPETRATOR.value, Relation.TARGET.value
    for a, b in combinations(sorted(roles, key=str), 2):
        for u, v in ((a, b), (b, a)):
            if perpetrator in roles[u] and target in roles[v]:
                confidence = min(roles[u][perpetrator], roles[v][target])
                folds.add(u, DerivedRelation.ATTACKED, v, record, confidence)
        confidence = min(max(roles[a].values()), max(roles[b].values()))
        folds.add(a, DerivedRelation.CO_INVOLVED_WITH, b, record, confidence)


def _event_record(
    full: nx.MultiDiGraph, event: Any, dates: dict[str, str | None]
) -> dict[str, Any]:
    """One event as a folded edge lists it: kind, label, date, sentences and articles."""
    data = full.nodes[event]
    articles = _articles(full, event)
    article_dates = sorted(d for item in articles if (d := dates.get(item["article"])))
    return {
        "id": str(event),
        "kind": str(data.get("kind") or EVENT_TYPE),
        "label": str(data.get("label") or event),
        "date": data.get("date") or (article_dates[0] if article_dates else None),
        "sentences": [str(sentence) for sentence in data.get("sentences", ())],
        "articles": articles,
    }


def _articles(full: nx.MultiDiGraph, event: Any) -> list[dict[str, Any]]:
    """The articles reporting ``event``, with the title and address its facts' evidence has."""
    found: dict[str, dict[str, Any]] = {
        str(article): {"article": str(article)} for article in full.nodes[event].get("articles", ())
    }
    for _, _, evidence in full.out_edges(event, data="evidence", default=()):
        for item in _as_list(evidence):
            article = str(item.get("article") or "")
            if article in found:
                found[article].update({key: item[key] for key in ("title", "url") if item.get(key)})
    return [found[key] for key in sorted(found)]


def _as_list(value: Iterable[Any] | None) -> list[Any]:
    return list(value or ())


def _noisy_or(confidences: list[float]) -> float:
    doubt = 1.0
    for confidence in sorted(confidences):
        doubt *= 1.0 - min(max(confidence, 0.0), 1.0)
    return round(1.0 - doubt, 4)
