"""The elements of the merged graph: articles, entity nodes, event nodes and facts.

>>> from actorgraph.model.records import Evidence
>>> edge = Edge("person/a", Relation.AFFILIATED_WITH, "organisation/b")
>>> edge.evidence.append((Evidence("x.txt", "A of B.", 0, 7), 0.8))
>>> edge.evidence.append((Evidence("y.txt", "A, B.", 0, 5), 0.5))
>>> edge.support, edge.confidence
(2, 0.9)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.model.records import Evidence, Period
from actorgraph.ontology import EntityType, EventKind, Relation


@dataclass(frozen=True, slots=True, order=True)
class MergeReason:
    """Why one surface form that one article used belongs to a node.

    >>> MergeReason("a.txt", "Taliban", "curated-key", "taliban").rule
    'curated-key'
    """

    article: str
    surface: str
    rule: str
    key: str

    def to_record(self) -> dict[str, str]:
        return {
            "article": self.article,
            "surface": self.surface,
            "rule": self.rule,
            "key": self.key,
        }


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the graph keeps of an article: its id and metadata, not its text."""

    id: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(slots=True)
class Node:
    """An entity of the merged graph: a person, an organisation or a province.

    ``reasons`` says, for every surface form of every article merged into the node,
    which rule put it there and on which key (see :mod:`actorgraph.graph.merge`).
    """

    id: str
    type: EntityType
    name: str
    aliases: set[str] = field(default_factory=set)
    iso3166_2: str | None = None
    known_as: str | None = None
    articles: set[str] = field(default_factory=set)
    reasons: list[MergeReason] = field(default_factory=list)

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
    #: The :class:`PlaceNode` ids of the districts, towns and villages that placed it.
    places: set[str] = field(default_factory=set)

    @property
    def type(self) -> str:
        return "Event"

    @property
    def label(self) -> str:
        return f"{self.kind.value} ({self.date})" if self.date else self.kind.value


@dataclass(slots=True)
class PlaceNode:
    """A district, town or village that placed events in a province (``ag:Place``).

    ``province`` is the id of the province node it lies in; a GeoNames town has its
    GeoNames id and WGS 84 coordinates (``None`` for the others).
    """

    id: str
    name: str
    kind: str
    province: str
    iso3166_2: str
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    articles: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        return self.name


@dataclass(slots=True)
class Edge:
    """A fact of the merged graph, with all of its evidence."""

    subject: str
    predicate: Relation
    object: str
    evidence: list[tuple[Evidence, float]] = field(default_factory=list)
    #: The start and end dates that sentences of the evidence give (only those that do).
    periods: dict[Evidence, Period] = field(default_factory=dict)
    #: The first and last article dates among the evidence; ``None`` if no article is dated.
    first_reported: str | None = None
    last_reported: str | None = None

    @property
    def since(self) -> str | None:
        """The earliest start date the texts give (``"2012"``, ``"2015-03"``, ...), if any."""
        return min((p.since for p in self.periods.values() if p.since), default=None)

    @property
    def until(self) -> str | None:
        """The latest end date the texts give, if any."""
        return max((p.until for p in self.periods.values() if p.until), default=None)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate.value, self.object)

    @property
    def articles(self) -> list[str]:
        """The distinct articles that state the fact, sorted."""
        return sorted({evidence.article for evidence, _ in self.evidence})

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
        for confidence in sorted(best.values()):
            doubt *= 1.0 - confidence
        return round(1.0 - doubt, 4)
