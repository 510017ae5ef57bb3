"""The page records of folded edges, and the dates of every edge for the time range.

A fact's dates are those of the articles stating it; an event's facts take the event's
own date where it is known. A folded edge (see :func:`actorgraph.graph.fold_events`)
takes the dates of its events. An edge without any date stays on the map whatever the
time range says.

>>> Dating({"a": "2021-05-02", "b": None}).of_articles(["a", "b"])
['2021-05-02']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from actorgraph.graph.actors import EVENT_TYPE
from actorgraph.maps.style import SYMMETRIC_RELATIONS, edge_width, relation_style

#: Events listed per folded edge in the page; the count of the rest is kept too.
MAX_EVENTS = 50
#: Sentences kept per listed event.
MAX_EVENT_SENTENCES = 3
#: Source articles kept per listed event: one event reported by hundreds of articles
#: would otherwise make the page hundreds of megabytes.
MAX_EVENT_ARTICLES = 5


@dataclass(frozen=True, slots=True)
class Dating:
    """Article id → ISO date (or ``None``), to date the facts the articles state."""

    article_dates: Mapping[str, str | None]

    def of_articles(self, articles: Iterable[str]) -> list[str]:
        return sorted({date for article in articles if (date := self.article_dates.get(article))})

    def of_fact(self, graph: nx.Graph, subject: Any, data: Mapping[str, Any]) -> list[str]:
        """The dates of one fact: its event's own date, else its articles' dates."""
        node = graph.nodes[subject] if subject in graph else {}
        if node.get("type") == EVENT_TYPE and node.get("date"):
            return [str(node["date"])]
        articles = [str(item.get("article")) for item in data.get("evidence", ())]
        return self.of_articles([*articles, *map(str, data.get("articles", ()))])


def folded_edge_record(number: int, data: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments of ``Network.add_edge`` for one folded edge (all but its ends)."""
    predicate = str(data.get("predicate"))
    style = relation_style(predicate)
    events = list(data.get("events", ()))
    weight = int(data.get("weight", len(events)) or 1)
    return {
        "id": f"e{number}",
        "label": "",
        "arrows": "to, from" if predicate in SYMMETRIC_RELATIONS else "to",
        "color": style.colour,
        "dashes": style.dashed,
        "width": edge_width(weight),
        "predicate": predicate,
        "layer": "folded",
        "support": int(data.get("support", 1) or 1),
        "weight": weight,
        "confidence": round(float(data.get("confidence") or 0.0), 3),
        "kinds": dict(data.get("kinds", {})),
        "first": data.get("first"),
        "last": data.get("last"),
        "dates": list(data.get("dates", ())),
        "events": [_event_item(event) for event in events[:MAX_EVENTS]],
        "eventCount": len(events),
        "evidence": [],
        "evidenceCount": 0,
    }


def _event_item(event: Mapping[str, Any]) -> dict[str, Any]:
    sentences = [str(sentence) for sentence in event.get("sentences", ())]
    articles = list(event.get("articles", ()))
    return {
        "id": str(event.get("id")),
        "label": str(event.get("label") or event.get("kind") or "Event"),
        "kind": str(event.get("kind") or "Event"),
        "date": event.get("date"),
        "sentences": sentences[:MAX_EVENT_SENTENCES],
        "sentenceCount": len(sentences),
        "articles": [_article(item) for item in articles[:MAX_EVENT_ARTICLES]],
        "articleCount": len(articles),
    }


def _article(item: Mapping[str, Any]) -> dict[str, Any]:
    url = str(item.get("url") or "")
    record = {"article": str(item.get("article") or ""), "title": str(item.get("title") or "")}
    if url.lower().startswith(("https://", "http://")):
        record["url"] = url
    return record
