"""The typed data model: articles, entities, events and facts with their evidence.

An :class:`ArticleExtraction` is what one article yields before any cross-article
merging; :meth:`ArticleExtraction.to_record` writes it as one JSON object, the line that
``actorgraph extract`` prints and a build folder's ``extractions.jsonl`` keeps (its fields
are described in the README, *Extraction records*), and :meth:`ArticleExtraction.from_record`
is the one reader of that format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from actorgraph.ontology import EntityType, EventKind, Relation
from actorgraph.text import without_surrogates


class RecordError(ValueError):
    """An extraction record (JSON) that does not have the fields an extraction needs."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk: its text exactly as the offsets count it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the article, the sentence and its character offsets."""

    article: str
    sentence: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Period:
    """When one sentence says a relation began (``since``) or ended (``until``), as ISO
    dates of the precision the text gives: ``"2012"``, ``"2015-03"``, ``"2016-05-04"``.

    A relation the text says is over is its own predicate (``formerlyAlliedWith``, see
    :attr:`actorgraph.ontology.Relation.ended`), dated by ``until`` when the text dates it.

    >>> Period(since="2012").to_record(), bool(Period())
    ({'since': '2012'}, False)
    """

    since: str | None = None
    until: str | None = None

    def __bool__(self) -> bool:
        return bool(self.since or self.until)

    def to_record(self) -> dict[str, str]:
        record = {}
        if self.since:
            record["since"] = self.since
        if self.until:
            record["until"] = self.until
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Period:
        return cls(record.get("since"), record.get("until"))


@dataclass(slots=True)
class Entity:
    """A person, organisation or province as one article names it."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    iso3166_2: str | None = None
    #: Key in the curated organisation list, when the organisation is a known one.
    known_as: str | None = None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "type": self.type.value,
            "name": self.name,
            "aliases": sorted(self.aliases),
        }
        if self.iso3166_2:
            record["iso3166_2"] = self.iso3166_2
        if self.known_as:
            record["known_as"] = self.known_as
        return record


@dataclass(frozen=True, slots=True)
class Place:
    """The district, city or village that placed an event in its province.

    ``kind`` is ``district`` (a curated district or second-level unit) or ``city`` (a
    town or village); a GeoNames town has its GeoNames id and WGS 84 coordinates.

    >>> Place("Sangin", "city", "AF-HEL", 1127547, 32.07275, 64.8359).to_record()["geonames"]
    1127547
    >>> Place.from_record({"name": "Marjah", "kind": "district", "province": "AF-HEL"}).latitude
    """

    name: str
    kind: str
    province: str
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"name": self.name, "kind": self.kind, "province": self.province}
        if self.geonames is not None:
            record["geonames"] = self.geonames
        if self.latitude is not None and self.longitude is not None:
            record["lat"], record["lon"] = self.latitude, self.longitude
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Place:
        geonames, lat, lon = record.get("geonames"), record.get("lat"), record.get("lon")
        return cls(
            name=record["name"],
            kind=record["kind"],
            province=record["province"],
            geonames=int(geonames) if geonames is not None else None,
            latitude=float(lat) if lat is not None and lon is not None else None,
            longitude=float(lon) if lat is not None and lon is not None else None,
        )


@dataclass(slots=True)
class Event:
    """Something that happened, anchored to the sentence that reports it."""

    id: str
    kind: EventKind
    sentence: str
    start: int
    end: int
    trigger: str
    date: str | None = None
    #: The district, city or village that placed the event in its province, if one did.
    place: Place | None = None

    def to_record(self) -> dict[str, Any]:
        record = {
            "id": self.id,
            "kind": self.kind.value,
            "trigger": self.trigger,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "date": self.date,
        }
        if self.place is not None:
            record["place"] = self.place.to_record()
        return record


@dataclass(frozen=True, slots=True)
class Fact:
    """A typed relation between two ids of the same article, with its evidence."""

    subject: str
    predicate: Relation
    object: str
    confidence: float
    evidence: Evidence
    #: When the sentence says the relation began or ended; empty when it does not say.
    period: Period = Period()

    def to_record(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "predicate": self.predicate.value,
            "object": self.object,
            "confidence": round(self.confidence, 4),
            **self.period.to_record(),
            "evidence": self.evidence.to_record(),
        }


@dataclass(slots=True)
class ArticleExtraction:
    """Everything one article yields: its entities, events and facts."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"article": self.article.id}
        for key in ("title", "url", "source"):
            value = getattr(self.article, key)
            if value:
                record[key] = value
        if self.article.date:
            record["date"] = self.article.date.isoformat()
        record["entities"] = [entity.to_record() for entity in self.entities]
        record["events"] = [event.to_record() for event in self.events]
        record["relations"] = [fact.to_record() for fact in self.facts]
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any], text: str = "") -> ArticleExtraction:
        """Rebuild an extraction from its JSON record; :class:`RecordError` if it is malformed.

        >>> ArticleExtraction.from_record({"article": "a.txt"}).article.id
        'a.txt'
        """
        try:
            return cls._from_record(_with_valid_code_points(record), text)
        except RecordError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            what = f"missing key {error}" if isinstance(error, KeyError) else str(error)
            raise RecordError(f"not an extraction record: {what}") from None

    @classmethod
    def _from_record(cls, record: dict[str, Any], text: str) -> ArticleExtraction:
        if not isinstance(record, dict):
            raise RecordError(f"not an extraction record: a JSON {type(record).__name__}")
        article = Article(
            id=record["article"],
            text=text,
            title=record.get("title"),
            url=record.get("url"),
            date=date.fromisoformat(record["date"]) if record.get("date") else None,
            source=record.get("source"),
        )
        entities = [
            Entity(
                id=item["id"],
                type=_member(EntityType, item["type"]),
                name=item["name"],
                aliases=list(item.get("aliases", [])),
                iso3166_2=item.get("iso3166_2"),
                known_as=item.get("known_as"),
            )
            for item in record.get("entities", [])
        ]
        events = [
            Event(
                id=item["id"],
                kind=EventKind.from_name(item["kind"]),
                sentence=item["sentence"],
                start=item["start"],
                end=item["end"],
                trigger=item.get("trigger", ""),
                date=item.get("date"),
                place=Place.from_record(item["place"]) if item.get("place") else None,
            )
            for item in record.get("events", [])
        ]
        facts = [
            Fact(
                subject=item["subject"],
                predicate=_member(Relation, item["predicate"]),
                object=item["object"],
                confidence=float(item["confidence"]),
                evidence=Evidence(
                    article=article.id,
                    sentence=item["evidence"]["sentence"],
                    start=item["evidence"]["start"],
                    end=item["evidence"]["end"],
                ),
                period=Period.from_record(item),
            )
            for item in record.get("relations", [])
        ]
        return cls(article=article, entities=entities, events=events, facts=facts)


_Member = TypeVar("_Member", EntityType, Relation)


def _member(enumeration: type[_Member], value: Any) -> _Member:
    """``enumeration(value)`` by a dictionary lookup (a large build reads a million of
    them); anything unknown still goes through the enumeration, for its error."""
    member = enumeration._value2member_map_.get(value) if isinstance(value, str) else None
    return member if member is not None else enumeration(value)  # type: ignore[return-value]


def _with_valid_code_points(record: Any) -> Any:
    """The record itself when it holds no lone surrogate (one pass of the C encoder, the
    common case), else a copy with each replaced (:func:`_valid_code_points`)."""
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError, RecursionError):
        return _valid_code_points(record)
    return record


def _valid_code_points(value: Any) -> Any:
    """A JSON value with lone surrogates (from ``\\ud800`` escapes) replaced in every string:
    no record can then stop an export with a codec error."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, list):
        return [_valid_code_points(item) for item in value]
    if isinstance(value, dict):
        return {_valid_code_points(k): _valid_code_points(v) for k, v in value.items()}
    return value
