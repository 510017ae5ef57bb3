"""Extraction records as the scorers read them: ArticleExtraction, indexed by id and article.

Every scorer takes an iterable of records, each an :class:`~actorgraph.model.ArticleExtraction`
or its JSON object (a line of ``actorgraph extract``, the spec's *Extraction output*). A JSON
object is read by the one reader of that format, :meth:`ArticleExtraction.from_record`, so a
malformed record raises the same :class:`~actorgraph.model.RecordError` whichever scorer
meets it. On top of the model, scoring only needs each article's entities and events by id
(:class:`IndexedExtraction`) and the records of an article by its name (:class:`RecordIndex`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from actorgraph.model import ArticleExtraction, Entity, Event, Fact, RecordError
from actorgraph.ontology import Relation

#: What a scorer accepts as one record: the model object or its JSON object.
Record = ArticleExtraction | Mapping[str, Any]

_Item = TypeVar("_Item", Entity, Event)


def as_extraction(record: Record) -> ArticleExtraction:
    """The record as an ArticleExtraction; a JSON object is read by ``from_record``.

    A malformed record raises RecordError naming its article and what is missing.

    >>> as_extraction({"article": "a.txt"}).article.id
    'a.txt'
    >>> try:
    ...     as_extraction({"article": "a.txt", "events": [{"id": "v1"}]})
    ... except RecordError as error:
    ...     print(error)
    extraction record 'a.txt': not an extraction record: missing key 'kind'
    """
    if isinstance(record, ArticleExtraction):
        return record
    # from_record wants a dict; any other mapping is copied rather than refused.
    data = dict(record) if isinstance(record, Mapping) else record
    try:
        return ArticleExtraction.from_record(data)
    except RecordError as error:
        if not isinstance(record, Mapping) or "article" not in record:
            raise
        raise RecordError(f"extraction record {record['article']!r}: {error}") from None


def entity_names(entity: Entity) -> tuple[str, ...]:
    """The entity's name followed by its aliases, each a name a scorer may match.

    >>> from actorgraph.ontology import EntityType
    >>> entity_names(Entity("t1", EntityType.PERSON, "Sohail Shaheen", ["Shaheen"]))
    ('Sohail Shaheen', 'Shaheen')
    """
    return (entity.name, *entity.aliases)


@dataclass(frozen=True)
class IndexedExtraction:
    """One ArticleExtraction with its entities and events looked up by id.

    Building it checks what scoring relies on and the reader does not: ids are unique
    and every fact joins ids of its own article.

    >>> from actorgraph.model import Article
    >>> view = IndexedExtraction.of(ArticleExtraction(Article("a.txt", "")))
    >>> view.article, view.entities, view.events
    ('a.txt', {}, {})
    """

    extraction: ArticleExtraction
    entities: dict[str, Entity]
    events: dict[str, Event]

    @classmethod
    def of(cls, extraction: ArticleExtraction) -> IndexedExtraction:
        """Index and check an extraction; RecordError names the article and the problem."""
        where = f"extraction record {extraction.article.id!r}"
        indexed = cls(
            extraction,
            _index_by_id(extraction.entities, where),
            _index_by_id(extraction.events, where),
        )
        indexed._check_references(where)
        return indexed

    @property
    def article(self) -> str:
        return self.extraction.article.id

    @property
    def facts(self) -> list[Fact]:
        return self.extraction.facts

    def facts_with(self, predicate: Relation) -> Iterator[Fact]:
        return (fact for fact in self.facts if fact.predicate == predicate)

    def display(self, node_id: str) -> str:
        """A readable name for an entity or event id ("Airstrike v1" for an event)."""
        if node_id in self.entities:
            return self.entities[node_id].name
        return f"{self.events[node_id].kind} {node_id}"

    def sentence_of(self, fact: Fact) -> str | None:
        """The fact's evidence sentence, else the sentence of its subject event."""
        if fact.evidence.sentence:
            return fact.evidence.sentence
        event = self.events.get(fact.subject)
        return event.sentence if event else None

    def _check_references(self, where: str) -> None:
        known = self.entities.keys() | self.events.keys()
        for fact in self.facts:
            for node_id in (fact.subject, fact.object):
                if node_id not in known:
                    raise RecordError(
                        f"{where}: relation {fact.predicate} refers to unknown {node_id!r}"
                    )


def _index_by_id(items: Iterable[_Item], where: str) -> dict[str, _Item]:
    indexed: dict[str, _Item] = {}
    for item in items:
        if item.id in indexed:
            raise RecordError(f"{where}: id {item.id!r} is used twice")
        indexed[item.id] = item
    return indexed


def article_matches(record_article: str, name: str) -> bool:
    """A record belongs to an article when its id is the name or a path ending in it.

    >>> article_matches("corpus/dev/a1.txt", "a1.txt"), article_matches("xa1.txt", "a1.txt")
    (True, False)
    """
    if record_article == name:
        return True
    return record_article.replace("\\", "/").endswith("/" + name)


class RecordIndex:
    """Extraction records grouped by article; several records of one article are united.

    >>> index = RecordIndex([{"article": "corpus/a1.txt"}, {"article": "b.txt"}])
    >>> [view.article for view in index.for_article("a1.txt")], index.unclaimed()
    (['corpus/a1.txt'], ['b.txt'])
    """

    def __init__(self, records: Iterable[Record]) -> None:
        self._by_article: dict[str, list[IndexedExtraction]] = {}
        for record in records:
            indexed = IndexedExtraction.of(as_extraction(record))
            self._by_article.setdefault(indexed.article, []).append(indexed)
        self._by_file_name: dict[str, list[str]] = {}
        for article in self._by_article:
            file_name = article.replace("\\", "/").rsplit("/", 1)[-1]
            self._by_file_name.setdefault(file_name, []).append(article)
        self._claimed: set[str] = set()

    def for_article(self, name: str) -> list[IndexedExtraction]:
        """Every record of the article ``name`` (exact id or a path ending in it)."""
        paths = "/" in name
        candidates = list(self._by_article) if paths else self._by_file_name.get(name, [])
        found: list[IndexedExtraction] = []
        for article in candidates:
            if article_matches(article, name):
                found.extend(self._by_article[article])
                self._claimed.add(article)
        return found

    def unclaimed(self) -> list[str]:
        """Record articles that no :meth:`for_article` call has asked for."""
        return sorted(self._by_article.keys() - self._claimed)


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Read extraction records from a JSON Lines file (blank lines are skipped).

    The records stay JSON objects, which every scorer accepts and reads with
    ``from_record``; the confidence bands (:mod:`~actorgraph.evaluation.bands`) filter them
    as they are.
    """
    path = Path(path)
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not valid JSON: {error}") from error
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: each line must be a JSON object")
            records.append(record)
    return records
