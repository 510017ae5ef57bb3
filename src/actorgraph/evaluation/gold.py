"""Score extraction records against the project's hand-made gold files.

The gold format (the README's *Gold files*) is scored by these rules:

* an extracted relation is a hit when its subject and object resolve to gold entities and
  the predicate is the same; names resolve after case-folding, ASCII-folding, dropping a
  leading "the", a trailing "province" and a possessive "'s", with hyphens read as spaces
  (:func:`gold_name_key`); a Province also resolves through its ISO 3166-2 code;
* ``alliedWith`` is compared without order;
* an extracted event resolves to a gold event when the gold evidence of that event and the
  event's sentence (or the ``locatedIn`` evidence sentence) overlap; its ``locatedIn`` is a
  hit only when the province resolves too (:func:`texts_overlap`);
* gold relations marked ``optional`` are neither hits nor false alarms when found, nor
  misses when not; relations listed under ``not`` are false alarms like any other, with
  the gold's reason kept; relations between names the gold does not know are false alarms;
* each gold relation and each distinct false alarm counts once; ``involves`` is not part
  of the gold format and is ignored.

Extraction records are read as :class:`~actorgraph.model.ArticleExtraction` by
:mod:`actorgraph.evaluation.records`, which every scorer of :mod:`actorgraph.evaluation` shares.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

from actorgraph.evaluation.calibration import Judged
from actorgraph.evaluation.records import IndexedExtraction, Record, RecordIndex, entity_names
from actorgraph.evaluation.records import load_records as load_records  # the CLI imports it here
from actorgraph.evaluation.report import ErrorCase, Report, Score
from actorgraph.model import Entity, Fact
from actorgraph.ontology import EntityType, Relation
from actorgraph.text import collapse_spaces, fold_ascii, normalise_name

#: The relations of the gold format, in report order (``involves`` is not one of them).
SCORED_PREDICATES: tuple[Relation, ...] = (
    Relation.AFFILIATED_WITH,
    Relation.ALLIED_WITH,
    Relation.LOCATED_IN,
)
SYMMETRIC_PREDICATES = frozenset(relation for relation in Relation if relation.symmetric)
ENTITY_TYPES = frozenset(EntityType)

#: A partial overlap between a gold evidence and a sentence must be at least this long
#: and cover at least half of the gold evidence (for evidence cut by a sentence splitter).
#: Shorter runs are too often stock phrases such as "in Paktika province on Monday".
MIN_PARTIAL_OVERLAP = 40

_TRAILING_PROVINCE = re.compile(r"\s+province$")

RelationKey = tuple[str, ...]


# ---------------------------------------------------------------------------
# Names and sentences
# ---------------------------------------------------------------------------


def gold_name_key(name: str) -> str:
    """The comparison key of a name under the gold rules (adds "province" to normalise_name).

    >>> gold_name_key("The Helmand Province")
    'helmand'
    """
    return _TRAILING_PROVINCE.sub("", normalise_name(name))


def normalise_sentence(text: str) -> str:
    """Whitespace-collapsed, ASCII-folded, case-folded text for comparing sentences."""
    return collapse_spaces(fold_ascii(text)).casefold()


def texts_overlap(gold_evidence: str, sentence: str) -> bool:
    """Whether an extracted sentence is where a gold evidence text was read.

    True when one contains the other after :func:`normalise_sentence`, or when they share
    a run of text of at least :data:`MIN_PARTIAL_OVERLAP` characters that covers at least
    half of the gold evidence (evidence straddling a sentence boundary).
    """
    gold, found = normalise_sentence(gold_evidence), normalise_sentence(sentence)
    if not gold or not found:
        return False
    if gold in found or found in gold:
        return True
    matcher = SequenceMatcher(None, gold, found, autojunk=False)
    longest = matcher.find_longest_match(0, len(gold), 0, len(found)).size
    return longest >= max(MIN_PARTIAL_OVERLAP, len(gold) / 2)


def relation_key(predicate: Relation, subject: str, obj: str) -> RelationKey:
    """A hashable identity of a relation; symmetric predicates ignore the order."""
    if predicate in SYMMETRIC_PREDICATES:
        first, second = sorted((subject, obj))
        return (predicate, first, second)
    return (predicate, subject, obj)


# ---------------------------------------------------------------------------
# Gold files
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    iso3166_2: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldEvent:
    id: str
    kind: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: Relation
    object: str
    evidence: tuple[str, ...] = ()
    optional: bool = False

    @property
    def key(self) -> RelationKey:
        return relation_key(self.predicate, self.subject, self.object)


@dataclass(frozen=True)
class GoldNegative:
    """A tempting wrong answer listed under ``not``."""

    subject: str
    predicate: Relation
    object: str
    why: str | None = None

    @property
    def key(self) -> RelationKey:
        return relation_key(self.predicate, self.subject, self.object)


@dataclass
class GoldArticle:
    article: str
    source: Path
    entities: dict[str, GoldEntity]
    events: dict[str, GoldEvent]
    relations: list[GoldRelation]
    negatives: list[GoldNegative]

    @property
    def required(self) -> list[GoldRelation]:
        return [relation for relation in self.relations if not relation.optional]

    def display(self, node_id: str) -> str:
        """A readable name for an entity or event id."""
        if node_id in self.entities:
            return self.entities[node_id].name
        event = self.events[node_id]
        return f"{event.kind} {event.id}"

    def event_evidence(self, event_id: str) -> tuple[str, ...]:
        """The event's own evidence, then that of the relations it is the subject of."""
        texts = list(self.events[event_id].evidence)
        for relation in self.relations:
            if relation.subject == event_id:
                texts.extend(relation.evidence)
        return tuple(texts)


class _MalformedGold(ValueError):
    """A gold file breaks the format; load_gold_file adds the file name."""


def load_gold(gold_dir: str | Path) -> dict[str, GoldArticle]:
    """Read every ``*.json`` gold file of a folder, keyed by the article it annotates."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise ValueError(f"gold folder not found: {folder}")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise ValueError(f"no gold files (*.json) in {folder}")
    articles: dict[str, GoldArticle] = {}
    for path in files:
        article = load_gold_file(path)
        if article.article in articles:
            other = articles[article.article].source
            raise ValueError(f"{path}: article {article.article!r} is already annotated in {other}")
        articles[article.article] = article
    return articles


def load_gold_file(path: str | Path) -> GoldArticle:
    """Read and check one gold file; a ValueError names the file and the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: cannot read gold file: {error}") from error
    try:
        return _parse_gold_article(data, path)
    except _MalformedGold as error:
        raise ValueError(f"{path}: malformed gold file: {error}") from None


def _parse_gold_article(data: Any, path: Path) -> GoldArticle:
    if not isinstance(data, dict):
        raise _MalformedGold("the top level must be a JSON object")
    article = _text_field(data, "article", "the file")
    entities = {
        entity_id: _parse_gold_entity(entity_id, item)
        for entity_id, item in _object_field(data, "entities").items()
    }
    events = {
        event_id: _parse_gold_event(event_id, item)
        for event_id, item in _object_field(data, "events", required=False).items()
    }
    relations = [_parse_gold_relation(item) for item in _list_field(data, "relations")]
    negatives = [_parse_gold_negative(item) for item in _list_field(data, "not", required=False)]
    parsed = GoldArticle(article, path, entities, events, relations, negatives)
    _check_references(parsed)
    _check_event_evidence(parsed)
    return parsed


def _parse_gold_entity(entity_id: str, item: Any) -> GoldEntity:
    where = f"entity {entity_id!r}"
    if not isinstance(item, dict):
        raise _MalformedGold(f"{where} must be an object")
    entity_type = _text_field(item, "type", where)
    if entity_type not in ENTITY_TYPES:
        raise _MalformedGold(f"{where} has unknown type {entity_type!r}")
    iso = item.get("iso3166_2")
    if iso is not None and not isinstance(iso, str):
        raise _MalformedGold(f"{where}: iso3166_2 must be a string")
    return GoldEntity(
        id=entity_id,
        type=EntityType(entity_type),
        name=_text_field(item, "name", where),
        aliases=_texts(item.get("aliases", []), f"{where} aliases"),
        iso3166_2=iso,
    )


def _parse_gold_event(event_id: str, item: Any) -> GoldEvent:
    where = f"event {event_id!r}"
    if not isinstance(item, dict):
        raise _MalformedGold(f"{where} must be an object")
    return GoldEvent(
        id=event_id,
        kind=_text_field(item, "kind", where),
        evidence=_texts(item.get("evidence", []), f"{where} evidence"),
    )


def _parse_gold_relation(item: Any) -> GoldRelation:
    subject, predicate, obj = _triple(item, "relation")
    optional = item.get("optional", False)
    if not isinstance(optional, bool):
        raise _MalformedGold(f"relation {subject} {predicate} {obj}: optional must be true/false")
    evidence = _texts(item.get("evidence", []), f"relation {subject} {predicate} {obj} evidence")
    return GoldRelation(subject, predicate, obj, evidence, optional)


def _parse_gold_negative(item: Any) -> GoldNegative:
    subject, predicate, obj = _triple(item, "'not' entry")
    why = item.get("why")
    return GoldNegative(subject, predicate, obj, why if isinstance(why, str) else None)


def _triple(item: Any, what: str) -> tuple[str, Relation, str]:
    if not isinstance(item, dict):
        raise _MalformedGold(f"each {what} must be an object")
    subject = _text_field(item, "subject", what)
    predicate = _text_field(item, "predicate", what)
    obj = _text_field(item, "object", what)
    if predicate not in SCORED_PREDICATES:
        raise _MalformedGold(f"{what} {subject} {predicate} {obj}: unknown predicate")
    return subject, Relation(predicate), obj


def _check_references(article: GoldArticle) -> None:
    """Every relation must join ids the file defines, events only through locatedIn."""
    for triple in [*article.relations, *article.negatives]:
        label = f"{triple.subject} {triple.predicate} {triple.object}"
        if triple.object not in article.entities:
            raise _MalformedGold(f"{label}: object {triple.object!r} is not an entity")
        if triple.predicate == Relation.LOCATED_IN:
            if triple.subject not in article.events:
                raise _MalformedGold(f"{label}: subject {triple.subject!r} is not an event")
        elif triple.subject not in article.entities:
            raise _MalformedGold(f"{label}: subject {triple.subject!r} is not an entity")


def _check_event_evidence(article: GoldArticle) -> None:
    """An event is matched by its sentence, so each located event needs evidence text."""
    for triple in [*article.relations, *article.negatives]:
        if triple.predicate == Relation.LOCATED_IN and not article.event_evidence(triple.subject):
            raise _MalformedGold(f"event {triple.subject!r} has no evidence text to match")


def _text_field(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _MalformedGold(f"{where}: {key!r} must be a non-empty string")
    return value


def _object_field(data: Mapping[str, Any], key: str, required: bool = True) -> dict[str, Any]:
    if key not in data and not required:
        return {}
    value = data.get(key)
    if not isinstance(value, dict):
        raise _MalformedGold(f"{key!r} must be an object keyed by id")
    return value


def _list_field(data: Mapping[str, Any], key: str, required: bool = True) -> list[Any]:
    if key not in data and not required:
        return []
    value = data.get(key)
    if not isinstance(value, list):
        raise _MalformedGold(f"{key!r} must be a list")
    return value


def _texts(value: Any, where: str) -> tuple[str, ...]:
    """A string or a list of strings, as a tuple."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(text, str) for text in value):
        return tuple(value)
    raise _MalformedGold(f"{where} must be a string or a list of strings")


# ---------------------------------------------------------------------------
# Scoring against gold
# ---------------------------------------------------------------------------


VerdictKind = Literal["hit", "optional", "false_alarm"]


@dataclass(frozen=True)
class _Verdict:
    kind: VerdictKind
    key: RelationKey
    why: str | None = None
    listed_as_wrong: bool = False


class _GoldLookup:
    """Resolves extracted names and sentences to the ids of one gold article."""

    def __init__(self, gold: GoldArticle) -> None:
        self.gold = gold
        self.by_name: dict[str, set[str]] = {}
        self.by_code: dict[str, set[str]] = {}
        for entity in gold.entities.values():
            for name in entity.names:
                self.by_name.setdefault(gold_name_key(name), set()).add(entity.id)
            if entity.iso3166_2:
                self.by_code.setdefault(entity.iso3166_2.upper(), set()).add(entity.id)
        self.required = {relation.key: relation for relation in gold.required}
        self.optional = {r.key: r for r in gold.relations if r.optional}
        self.negatives = {negative.key: negative for negative in gold.negatives}

    def entity_ids(self, entity: Entity) -> set[str]:
        ids: set[str] = set()
        for name in entity_names(entity):
            ids |= self.by_name.get(gold_name_key(name), set())
        if entity.iso3166_2:
            ids |= self.by_code.get(entity.iso3166_2.upper(), set())
        return ids

    def event_ids(self, sentences: Iterable[str | None]) -> set[str]:
        texts = [sentence for sentence in sentences if sentence]
        return {
            event_id
            for event_id in self.gold.events
            if any(
                texts_overlap(evidence, text)
                for evidence in self.gold.event_evidence(event_id)
                for text in texts
            )
        }


def _judge_relation(lookup: _GoldLookup, extracted: IndexedExtraction, relation: Fact) -> _Verdict:
    """Hit, optional or false alarm, with the key that deduplicates it."""
    subjects, subject_problem = _resolve_subject(lookup, extracted, relation)
    objects, object_problem = _resolve_object(lookup, extracted, relation)
    problem = subject_problem or object_problem
    if problem:
        return _Verdict("false_alarm", _unresolved_key(extracted, relation), problem)
    keys = sorted(
        relation_key(relation.predicate, subject, obj)
        for subject in subjects
        for obj in objects
        if subject != obj
    )
    for key in keys:
        if key in lookup.required:
            return _Verdict("hit", key)
    for key in keys:
        if key in lookup.optional:
            return _Verdict("optional", key)
    for key in keys:
        if key in lookup.negatives:
            why = lookup.negatives[key].why or "listed as wrong in the gold"
            return _Verdict("false_alarm", key, f"gold says not: {why}", listed_as_wrong=True)
    if not keys:
        return _Verdict(
            "false_alarm", _unresolved_key(extracted, relation), "relates a node to itself"
        )
    return _Verdict("false_alarm", keys[0], "no such relation in the gold")


def _resolve_subject(
    lookup: _GoldLookup, extracted: IndexedExtraction, relation: Fact
) -> tuple[set[str], str | None]:
    if relation.predicate == Relation.LOCATED_IN:
        event = extracted.events.get(relation.subject)
        if event is None:
            return set(), "subject is not an event"
        ids = lookup.event_ids((event.sentence, relation.evidence.sentence))
        return ids, None if ids else "its sentence holds no gold event"
    entity = extracted.entities.get(relation.subject)
    if entity is None:
        return set(), "subject is an event, not an entity"
    ids = lookup.entity_ids(entity)
    return ids, None if ids else f"{entity.name!r} is not a gold entity"


def _resolve_object(
    lookup: _GoldLookup, extracted: IndexedExtraction, relation: Fact
) -> tuple[set[str], str | None]:
    entity = extracted.entities.get(relation.object)
    if entity is None:
        return set(), "object is an event, not an entity"
    ids = lookup.entity_ids(entity)
    return ids, None if ids else f"{entity.name!r} is not a gold entity"


def _unresolved_key(extracted: IndexedExtraction, relation: Fact) -> RelationKey:
    """Deduplication key of a false alarm the gold cannot name: normalised surface names."""
    subject = _surface_key(extracted, relation.subject, relation)
    obj = _surface_key(extracted, relation.object, relation)
    return ("?", *relation_key(relation.predicate, subject, obj))


def _surface_key(extracted: IndexedExtraction, node_id: str, relation: Fact) -> str:
    if node_id in extracted.entities:
        return gold_name_key(extracted.entities[node_id].name)
    sentence = extracted.events[node_id].sentence or relation.evidence.sentence or node_id
    return "event:" + normalise_sentence(sentence)


@dataclass
class _ArticleOutcome:
    hits: set[RelationKey] = field(default_factory=set)
    optional_found: set[RelationKey] = field(default_factory=set)
    false_alarms: dict[RelationKey, ErrorCase] = field(default_factory=dict)
    listed_as_wrong: set[RelationKey] = field(default_factory=set)
    misses: list[ErrorCase] = field(default_factory=list)
    #: The highest confidence among the facts behind each hit or false alarm.
    confidence: dict[RelationKey, tuple[Relation, float]] = field(default_factory=dict)

    def judged(self) -> list[Judged]:
        """Each distinct hit and false alarm with its confidence (optional ones are neither)."""
        return [
            Judged(predicate, confidence, key in self.hits)
            for key, (predicate, confidence) in self.confidence.items()
        ]


def _judge_article(gold: GoldArticle, extracted: list[IndexedExtraction]) -> _ArticleOutcome:
    """Compare every scored relation of an article's records with its gold file."""
    lookup = _GoldLookup(gold)
    outcome = _ArticleOutcome()
    for record in extracted:
        for relation in record.facts:
            if relation.predicate not in SCORED_PREDICATES:
                continue  # involves and anything else the gold format does not hold
            verdict = _judge_relation(lookup, record, relation)
            if verdict.kind != "optional":
                _, best = outcome.confidence.get(verdict.key, (relation.predicate, 0.0))
                outcome.confidence[verdict.key] = (
                    relation.predicate,
                    max(best, relation.confidence),
                )
            if verdict.kind == "hit":
                outcome.hits.add(verdict.key)
            elif verdict.kind == "optional":
                outcome.optional_found.add(verdict.key)
            elif verdict.key not in outcome.false_alarms:
                if verdict.listed_as_wrong:
                    outcome.listed_as_wrong.add(verdict.key)
                outcome.false_alarms[verdict.key] = ErrorCase(
                    kind="false_alarm",
                    article=gold.article,
                    predicate=relation.predicate,
                    subject=record.display(relation.subject),
                    object=record.display(relation.object),
                    sentence=record.sentence_of(relation),
                    why=verdict.why,
                )
    outcome.misses = [
        _miss(gold, relation) for relation in gold.required if relation.key not in outcome.hits
    ]
    return outcome


def _miss(gold: GoldArticle, relation: GoldRelation) -> ErrorCase:
    evidence = relation.evidence
    if not evidence and relation.predicate == Relation.LOCATED_IN:
        evidence = gold.event_evidence(relation.subject)
    return ErrorCase(
        kind="miss",
        article=gold.article,
        predicate=relation.predicate,
        subject=gold.display(relation.subject),
        object=gold.display(relation.object),
        sentence=evidence[0] if evidence else None,
    )


def score_gold(gold_dir: str | Path, records: Iterable[Record]) -> Report:
    """Score extraction records against every gold file of ``gold_dir``.

    ``records`` are ArticleExtraction objects or their JSON objects (read with
    ``from_record``; a malformed one raises RecordError). Articles of the gold folder
    without a record count all their relations as misses.

    >>> score_gold("../shared/gold/dev", []).micro.recall  # doctest: +SKIP
    0.0
    """
    gold = load_gold(gold_dir)
    index = RecordIndex(records)
    scores: dict[str, Score] = {predicate: Score() for predicate in SCORED_PREDICATES}
    errors: list[ErrorCase] = []
    judged: list[Judged] = []
    without_record: list[str] = []
    optional_found = negatives_found = 0
    for name in sorted(gold):
        extracted = index.for_article(name)
        if not extracted:
            without_record.append(name)
        outcome = _judge_article(gold[name], extracted)
        _add_outcome(scores, outcome)
        errors.extend(outcome.misses)
        errors.extend(outcome.false_alarms.values())
        judged.extend(outcome.judged())
        optional_found += len(outcome.optional_found)
        negatives_found += len(outcome.listed_as_wrong)
    notes = {
        "gold_dir": str(gold_dir),
        "articles": len(gold),
        "articles_without_record": without_record,
        "records_without_gold": index.unclaimed(),
        "optional_found": optional_found,
        "negatives_found": negatives_found,
    }
    return Report(
        name=f"gold:{Path(gold_dir).name}",
        scores=scores,
        errors=errors,
        notes=notes,
        judged=judged,
    )


def _add_outcome(scores: dict[str, Score], outcome: _ArticleOutcome) -> None:
    for key in outcome.hits:
        scores[key[0]].tp += 1
    for error in outcome.false_alarms.values():
        scores[error.predicate].fp += 1
    for error in outcome.misses:
        scores[error.predicate].fn += 1


def record_from_gold(gold: GoldArticle) -> dict[str, Any]:
    """An extraction record that states exactly the gold (required and optional relations).

    It scores F1 = 1 against its own gold file: a check of the gold and of the scorer.
    """
    entities = [_entity_record(entity) for entity in gold.entities.values()]
    events = [
        {
            "id": event.id,
            "kind": event.kind,
            "sentence": (gold.event_evidence(event.id) or ("",))[0],
            "start": 0,
            "end": 0,
            "date": None,
        }
        for event in gold.events.values()
    ]
    relations = [
        {
            "subject": relation.subject,
            "predicate": relation.predicate.value,
            "object": relation.object,
            "confidence": 1.0,
            "evidence": {"sentence": _gold_evidence(gold, relation), "start": 0, "end": 0},
        }
        for relation in gold.relations
    ]
    return {"article": gold.article, "entities": entities, "events": events, "relations": relations}


def _entity_record(entity: GoldEntity) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": entity.id,
        "type": entity.type.value,
        "name": entity.name,
        "aliases": list(entity.aliases),
    }
    if entity.iso3166_2:
        record["iso3166_2"] = entity.iso3166_2
    return record


def _gold_evidence(gold: GoldArticle, relation: GoldRelation) -> str:
    if relation.evidence:
        return relation.evidence[0]
    if relation.predicate == Relation.LOCATED_IN:
        return (gold.event_evidence(relation.subject) or ("",))[0]
    return ""
