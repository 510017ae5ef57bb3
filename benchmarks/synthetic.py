"""Synthetic knowledge graphs of a chosen size, for map tests and benchmarks.

The graph is built the way the pipeline builds one — hand-made
:class:`~actorgraph.model.ArticleExtraction` objects merged by
:meth:`KnowledgeGraph.from_extractions` — but needs no spaCy and no corpus. The same
``size`` and ``seed`` always give the same graph, with exactly ``size`` nodes.

>>> synthetic_graph(40).stats()["entities"] + synthetic_graph(40).stats()["events"]
40
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.ontology import EntityType, EventKind, Relation

_KINDS = [kind for kind in EventKind if kind is not EventKind.EVENT]
_START = date(2021, 1, 1)


@dataclass(frozen=True, slots=True)
class _Counts:
    provinces: int
    organisations: int
    events: int
    people: int

    @classmethod
    def for_size(cls, size: int) -> _Counts:
        provinces = max(1, size // 30)
        organisations = max(1, size // 10)
        events = max(1, size * 3 // 10)
        return cls(provinces, organisations, events, size - provinces - organisations - events)


@dataclass(slots=True)
class _ArticleBuilder:
    """One synthetic article: its entities, events and facts, each with a sentence."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def entity(self, kind: EntityType, number: int) -> str:
        local = f"{kind.value[:3].lower()}{number}"
        if local not in self.entities:
            name, iso = _name(kind, number), None
            if kind is EntityType.PROVINCE:
                iso = f"ZZ-{number:03d}"
            self.entities[local] = Entity(local, kind, name, iso3166_2=iso)
        return local

    def event(self, number: int, kind: EventKind) -> str:
        local = f"v{number}"
        day = (_START + timedelta(days=number)).isoformat()
        sentence = f"A {kind.value.lower()} was reported on {day}."
        self.events.append(Event(local, kind, sentence, 0, len(sentence), kind.value, day))
        return local

    def fact(self, subject: str, relation: Relation, obj: str, confidence: float) -> None:
        sentence = f"{self._label(subject)} {relation.value} {self._label(obj)}."
        evidence = Evidence(self.article.id, sentence, 0, len(sentence))
        self.facts.append(Fact(subject, relation, obj, confidence, evidence))

    def _label(self, local: str) -> str:
        entity = self.entities.get(local)
        return entity.name if entity else "The event"

    def build(self) -> ArticleExtraction:
        entities = list(self.entities.values())
        return ArticleExtraction(self.article, entities, self.events, self.facts)


def _name(kind: EntityType, number: int) -> str:
    if kind is EntityType.PERSON:
        return f"Commander {number:04d}"
    if kind is EntityType.ORGANISATION:
        return f"Front {number:03d}"
    return f"Province {number:03d}"


def _article(number: int) -> _ArticleBuilder:
    article_id = f"synthetic-{number:05d}"
    return _ArticleBuilder(
        Article(
            id=article_id,
            text="",
            title=f"Synthetic report {number}",
            url=f"https://news.example.org/{article_id}",
            date=_START + timedelta(days=number),
        )
    )


def _event_article(number: int, counts: _Counts, rng: random.Random) -> ArticleExtraction:
    """The article reporting event ``number``: where it was, who took part, who is with whom."""
    builder = _article(number)
    event = builder.event(number, _KINDS[number % len(_KINDS)])
    province = builder.entity(EntityType.PROVINCE, number % counts.provinces)
    builder.fact(event, Relation.LOCATED_IN, province, 0.9)
    organisation_number = number % counts.organisations
    organisation = builder.entity(EntityType.ORGANISATION, organisation_number)
    builder.fact(event, Relation.INVOLVES, organisation, 0.8)
    for person_number in range(number, counts.people, counts.events):
        person = builder.entity(EntityType.PERSON, person_number)
        builder.fact(event, Relation.INVOLVES, person, round(rng.uniform(0.5, 0.95), 2))
        home = builder.entity(EntityType.ORGANISATION, person_number % counts.organisations)
        builder.fact(person, Relation.AFFILIATED_WITH, home, round(rng.uniform(0.6, 0.95), 2))
    if counts.organisations > 1 and rng.random() < 0.3:
        ally = builder.entity(EntityType.ORGANISATION, rng.randrange(counts.organisations))
        if ally != organisation:
            builder.fact(organisation, Relation.ALLIED_WITH, ally, 0.7)
    return builder.build()


def _repeat_article(number: int, counts: _Counts, rng: random.Random) -> ArticleExtraction:
    """A later article restating an affiliation, so that some facts have support > 1."""
    builder = _article(number)
    person_number = rng.randrange(counts.people)
    person = builder.entity(EntityType.PERSON, person_number)
    home = builder.entity(EntityType.ORGANISATION, person_number % counts.organisations)
    builder.fact(person, Relation.AFFILIATED_WITH, home, 0.85)
    return builder.build()


def synthetic_extractions(size: int, seed: int = 1) -> list[ArticleExtraction]:
    """Article extractions whose merged graph has exactly ``size`` nodes (``size`` >= 4)."""
    if size < 4:
        raise ValueError("a synthetic graph needs at least 4 nodes (one of each type)")
    counts = _Counts.for_size(size)
    rng = random.Random(seed)
    extractions = [_event_article(n, counts, rng) for n in range(counts.events)]
    repeats = range(counts.events, counts.events + counts.events // 2)
    extractions.extend(_repeat_article(n, counts, rng) for n in repeats)
    return extractions


def synthetic_graph(size: int, seed: int = 1) -> KnowledgeGraph:
    """A deterministic knowledge graph of exactly ``size`` nodes (entities plus events)."""
    return KnowledgeGraph.from_extractions(synthetic_extractions(size, seed))
