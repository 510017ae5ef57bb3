"""Synthetic graphs where events outnumber actors, as in real news: for the actor map.

Like ``benchmarks/synthetic.py``, built from hand-made extractions merged by
:meth:`KnowledgeGraph.from_extractions` (no spaCy). Organisations belong to regions of a
few provinces each, and fight a rival of another region: events are located in the
perpetrator's region, carried out by it (``perpetrator``) against its rival (``target``),
with one of its members involved. Every event is reported by its own dated article, and
every person's affiliation by another. The same ``actors`` and ``seed`` give the same graph.

>>> kg = event_heavy_graph(60)
>>> len(kg.nodes) <= 60 < len(kg.events)
True
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.ontology import EntityType, EventKind, Relation

START = date(2015, 1, 1)
_KINDS = [EventKind.ATTACK, EventKind.BOMBING, EventKind.CLASH, EventKind.RAID, EventKind.KILLING]
#: Provinces per region; organisations per region follow from the counts.
REGION_SIZE = 3


def _entity(kind: EntityType, number: int) -> Entity:
    if kind is EntityType.PROVINCE:
        return Entity(f"g{number}", kind, f"Province {number:03d}", iso3166_2=f"ZZ-{number:03d}")
    if kind is EntityType.ORGANISATION:
        return Entity(f"o{number}", kind, f"Front {number:03d}")
    return Entity(f"p{number}", kind, f"Commander {number:04d}")


def _fact(subject: str, relation: Relation, obj: str, article: str, sentence: str) -> Fact:
    return Fact(subject, relation, obj, 0.8, Evidence(article, sentence, 0, len(sentence)))


def _article(number: int, day: date) -> Article:
    article_id = f"report-{number:06d}"
    url = f"https://news.example.org/{article_id}"
    return Article(article_id, "", title=f"Report {number}", url=url, date=day)


def event_heavy_extractions(actors: int, seed: int = 1) -> list[ArticleExtraction]:
    """Extractions whose graph has at most ``actors`` actors (``actors`` >= 12; a person
    the random draw never picks is left out) and ``2 * actors`` events."""
    if actors < 12:
        raise ValueError("an event-heavy graph needs at least 12 actors")
    rng = random.Random(seed)
    provinces = max(REGION_SIZE, actors // 12)
    organisations = max(2, actors // 6)
    people = actors - provinces - organisations
    regions = max(1, provinces // REGION_SIZE)
    extractions = []
    for number in range(2 * actors):
        day = START + timedelta(days=number % 1500)
        article = _article(number, day)
        perpetrator = number % organisations
        region = perpetrator % regions
        rival = (perpetrator + rng.choice([1, 2, regions])) % organisations
        province = (region * REGION_SIZE + rng.randrange(REGION_SIZE)) % provinces
        member = perpetrator + organisations * rng.randrange(max(1, people // organisations))
        member %= people
        kind = _KINDS[number % len(_KINDS)]
        sentence = f"Front {perpetrator:03d} carried out a {kind.value.lower()} on {day}."
        event = Event(f"v{number}", kind, sentence, 0, len(sentence), kind.value, day.isoformat())
        entities = [
            _entity(EntityType.ORGANISATION, perpetrator),
            _entity(EntityType.ORGANISATION, rival),
            _entity(EntityType.PROVINCE, province),
            _entity(EntityType.PERSON, member),
        ]
        facts = [
            _fact(event.id, Relation.LOCATED_IN, f"g{province}", article.id, sentence),
            _fact(event.id, Relation.PERPETRATOR, f"o{perpetrator}", article.id, sentence),
            _fact(event.id, Relation.INVOLVES, f"o{perpetrator}", article.id, sentence),
            _fact(event.id, Relation.INVOLVES, f"p{member}", article.id, sentence),
        ]
        if rival != perpetrator:
            facts.append(_fact(event.id, Relation.TARGET, f"o{rival}", article.id, sentence))
            facts.append(_fact(event.id, Relation.INVOLVES, f"o{rival}", article.id, sentence))
        unique = {entity.id: entity for entity in entities}
        extractions.append(ArticleExtraction(article, list(unique.values()), [event], facts))
    for person in range(people):
        article = _article(2 * actors + person, START + timedelta(days=person % 1500))
        home = person % organisations
        sentence = f"Commander {person:04d} leads fighters of Front {home:03d}."
        entities = [_entity(EntityType.PERSON, person), _entity(EntityType.ORGANISATION, home)]
        facts = [_fact(f"p{person}", Relation.AFFILIATED_WITH, f"o{home}", article.id, sentence)]
        extractions.append(ArticleExtraction(article, entities, [], facts))
    return extractions


def event_heavy_graph(actors: int, seed: int = 1) -> KnowledgeGraph:
    """A deterministic graph of (at most) ``actors`` actors and ``2 * actors`` events."""
    return KnowledgeGraph.from_extractions(event_heavy_extractions(actors, seed))
