"""The knowledge graph as a networkx ``MultiDiGraph``.

Nodes carry ``type`` (Person, Organisation, Province, Event), ``label``, ``aliases``,
``articles`` and, where they apply, ``iso3166_2``, ``known_as``, ``kind`` and ``date``;
entity nodes also carry ``merged``: why each surface form of each article was merged
into them (``{"article", "surface", "rule", "key"}``, see :mod:`actorgraph.graph.merge`).
Each fact is one edge keyed by its predicate, with ``predicate``, ``confidence``,
``support``, ``articles`` and ``evidence`` (a list of ``{"article", "title", "url",
"sentence", "start", "end", "confidence"}``), and where known ``first_reported`` and
``last_reported`` (article dates) and ``since`` / ``until`` (when the texts say it began or
ended).

>>> from actorgraph.graph import Graph
>>> to_networkx(Graph()).number_of_nodes()
0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph
    from actorgraph.model import Edge


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    for node_id in sorted(graph.nodes):
        node = graph.nodes[node_id]
        attributes: dict[str, Any] = {
            "type": node.type.value,
            "label": node.name,
            "aliases": sorted(node.aliases),
            "articles": sorted(node.articles),
            "merged": [reason.to_record() for reason in node.reasons],
        }
        if node.iso3166_2:
            attributes["iso3166_2"] = node.iso3166_2
        if node.known_as:
            attributes["known_as"] = node.known_as
        result.add_node(node_id, **attributes)
    for event_id in sorted(graph.events):
        event = graph.events[event_id]
        result.add_node(
            event_id,
            type="Event",
            kind=event.kind.value,
            label=event.label,
            date=event.date,
            triggers=sorted(event.triggers),
            articles=sorted(event.articles),
            sentences=[evidence.sentence for evidence in event.mentions],
        )
        if event.province:
            result.nodes[event_id]["province"] = event.province
    for edge in graph.facts():
        result.add_edge(
            edge.subject,
            edge.object,
            key=edge.predicate.value,
            predicate=edge.predicate.value,
            confidence=edge.confidence,
            support=edge.support,
            articles=edge.articles,
            evidence=evidence_records(graph, edge),
            **_time_attributes(edge),
        )
    return result


def _time_attributes(edge: Edge) -> dict[str, str]:
    """``first_reported``, ``last_reported``, ``since`` and ``until``, where known."""
    values = {
        "first_reported": edge.first_reported,
        "last_reported": edge.last_reported,
        "since": edge.since,
        "until": edge.until,
    }
    return {name: value for name, value in values.items() if value}


def evidence_records(graph: Graph, edge: Edge) -> list[dict[str, Any]]:
    """The evidence of an edge as plain dicts, sorted by article and offset."""
    records = []
    for evidence, confidence in sorted(
        edge.evidence, key=lambda pair: (pair[0].article, pair[0].start)
    ):
        article = graph.articles.get(evidence.article)
        records.append(
            {
                "article": evidence.article,
                "title": article.title if article else None,
                "url": article.url if article else None,
                "sentence": evidence.sentence,
                "start": evidence.start,
                "end": evidence.end,
                "confidence": confidence,
            }
        )
    return records
