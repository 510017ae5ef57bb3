"""Score extraction records on CoNLL04 ``Work_For``, read as ``affiliatedWith``.

The rules are those of ``shared/benchmarks/conll04/README.md``: records are matched to
documents by ``article`` == the JSON Lines ``id``; a predicted Person -> Organisation
``affiliatedWith`` is a hit when the gold person's text matches the subject's name or an
alias and the gold organisation's text matches the object's name or an alias
(:func:`conll_name_key`). Each gold pair counts once, and every distinct predicted pair
(by the normalised names of its two entities) counts towards precision: predictions are
paired one-to-one with gold pairs, so two predictions that can only claim the same gold
pair give one hit and one false alarm.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph.evaluation.calibration import Judged
from actorgraph.evaluation.records import IndexedExtraction, Record, RecordIndex, entity_names
from actorgraph.evaluation.report import ErrorCase, Report, Score
from actorgraph.model import Entity
from actorgraph.ontology import EntityType, Relation
from actorgraph.text import collapse_spaces

#: The CoNLL04 relation label that the benchmark reads as ``affiliatedWith``.
WORK_FOR = "Work_For"

_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_TRAILING_POSSESSIVE = re.compile(r"\s*(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+")


def conll_name_key(name: str) -> str:
    """Case-folded, whitespace-collapsed, no leading "the", possessive or edge punctuation.

    >>> conll_name_key("The Reagan administration 's ,")
    'reagan administration'
    """
    key = collapse_spaces(name.casefold())
    key = _EDGE_PUNCTUATION.sub("", key) if _has_word(key) else key
    key = _TRAILING_POSSESSIVE.sub("", key)
    key = _LEADING_THE.sub("", key)
    key = _EDGE_PUNCTUATION.sub("", key) if _has_word(key) else key
    return collapse_spaces(key)


def _has_word(text: str) -> bool:
    """Names made only of punctuation keep it, rather than vanishing into ''."""
    return any(character.isalnum() for character in text)


@dataclass(frozen=True)
class WorkForPair:
    """One gold Work_For pair, as the document writes the two names."""

    person: str
    organisation: str

    @property
    def key(self) -> tuple[str, str]:
        return conll_name_key(self.person), conll_name_key(self.organisation)


@dataclass(frozen=True)
class ConllDocument:
    id: str
    text: str
    pairs: tuple[WorkForPair, ...]


def load_conll04(path: str | Path) -> dict[str, ConllDocument]:
    """Read a CoNLL04 JSON Lines file: each document's Work_For pairs, once each."""
    path = Path(path)
    documents: dict[str, ConllDocument] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                document = _parse_document(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError, IndexError) as error:
                raise ValueError(f"{path}:{number}: malformed CoNLL04 line: {error!r}") from error
            documents[document.id] = _merge_documents(documents.get(document.id), document)
    return documents


def _parse_document(data: Mapping[str, Any]) -> ConllDocument:
    entities = data["entities"]
    pairs: list[WorkForPair] = []
    for relation in data.get("relations", []):
        if relation["type"] != WORK_FOR:
            continue
        head, tail = int(relation["head"]), int(relation["tail"])
        if not (0 <= head < len(entities) and 0 <= tail < len(entities)):
            raise IndexError(f"Work_For {head}->{tail} points outside the entity list")
        pairs.append(WorkForPair(str(entities[head]["text"]), str(entities[tail]["text"])))
    return ConllDocument(id=str(data["id"]), text=str(data["text"]), pairs=_distinct(pairs))


def _distinct(pairs: Iterable[WorkForPair]) -> tuple[WorkForPair, ...]:
    seen: dict[tuple[str, str], WorkForPair] = {}
    for pair in pairs:
        seen.setdefault(pair.key, pair)
    return tuple(seen.values())


def _merge_documents(old: ConllDocument | None, new: ConllDocument) -> ConllDocument:
    if old is None:
        return new
    return ConllDocument(old.id, old.text, _distinct([*old.pairs, *new.pairs]))


@dataclass(frozen=True)
class _Prediction:
    """A distinct predicted affiliation and every name key each side answers to."""

    subject: str
    object: str
    subject_keys: frozenset[str]
    object_keys: frozenset[str]
    sentence: str | None
    #: The highest confidence of the facts that state this pair.
    confidence: float = 0.0

    def claims(self, pair: WorkForPair) -> bool:
        person, organisation = pair.key
        return person in self.subject_keys and organisation in self.object_keys


def _predictions(extracted: Iterable[IndexedExtraction]) -> tuple[list[_Prediction], int]:
    """Distinct Person -> Organisation affiliations, and how many others were skipped."""
    found: dict[tuple[str, str], _Prediction] = {}
    skipped = 0
    for record in extracted:
        for relation in record.facts_with(Relation.AFFILIATED_WITH):
            subject = record.entities.get(relation.subject)
            obj = record.entities.get(relation.object)
            if not (
                _is_type(subject, EntityType.PERSON) and _is_type(obj, EntityType.ORGANISATION)
            ):
                skipped += 1
                continue
            assert subject is not None and obj is not None
            identity = (conll_name_key(subject.name), conll_name_key(obj.name))
            prediction = _Prediction(
                subject=subject.name,
                object=obj.name,
                subject_keys=frozenset(conll_name_key(name) for name in entity_names(subject)),
                object_keys=frozenset(conll_name_key(name) for name in entity_names(obj)),
                sentence=record.sentence_of(relation),
                confidence=relation.confidence,
            )
            found[identity] = _merge_predictions(found.get(identity), prediction)
    return list(found.values()), skipped


def _is_type(entity: Entity | None, entity_type: EntityType) -> bool:
    return entity is not None and entity.type == entity_type


def _merge_predictions(old: _Prediction | None, new: _Prediction) -> _Prediction:
    if old is None:
        return new
    return _Prediction(
        old.subject,
        old.object,
        old.subject_keys | new.subject_keys,
        old.object_keys | new.object_keys,
        old.sentence,
        max(old.confidence, new.confidence),
    )


def match_one_to_one(candidates: list[list[int]]) -> dict[int, int]:
    """A maximum matching of left items to right items (augmenting paths).

    ``candidates[i]`` lists the right items that left item ``i`` may take; the result maps
    each matched left item to its right item.
    """
    owner_of: dict[int, int] = {}

    def assign(left: int, visited: set[int]) -> bool:
        for right in candidates[left]:
            if right in visited:
                continue
            visited.add(right)
            if right not in owner_of or assign(owner_of[right], visited):
                owner_of[right] = left
                return True
        return False

    for left in range(len(candidates)):
        assign(left, set())
    return {left: right for right, left in owner_of.items()}


def _score_document(
    document: ConllDocument,
    extracted: list[IndexedExtraction],
    score: Score,
    judged: list[Judged] | None = None,
) -> tuple[list[ErrorCase], int]:
    predictions, skipped = _predictions(extracted)
    candidates = [
        [index for index, pair in enumerate(document.pairs) if prediction.claims(pair)]
        for prediction in predictions
    ]
    matched = match_one_to_one(candidates)
    score.tp += len(matched)
    score.fp += len(predictions) - len(matched)
    score.fn += len(document.pairs) - len(matched)
    if judged is not None:
        judged.extend(
            Judged(Relation.AFFILIATED_WITH, prediction.confidence, index in matched)
            for index, prediction in enumerate(predictions)
        )
    errors = [
        ErrorCase(
            "miss",
            document.id,
            Relation.AFFILIATED_WITH,
            pair.person,
            pair.organisation,
            document.text,
        )
        for index, pair in enumerate(document.pairs)
        if index not in matched.values()
    ]
    errors.extend(
        ErrorCase(
            "false_alarm",
            document.id,
            Relation.AFFILIATED_WITH,
            prediction.subject,
            prediction.object,
            prediction.sentence or document.text,
            "its gold pair is already claimed" if candidates[index] else "not a gold Work_For",
        )
        for index, prediction in enumerate(predictions)
        if index not in matched
    )
    return errors, skipped


def score_conll04(path: str | Path, records: Iterable[Record]) -> Report:
    """Score records on a CoNLL04 file; documents without a record count as all misses.

    ``records`` are ArticleExtraction objects or their JSON objects (read with
    ``from_record``; a malformed one raises RecordError).

    >>> score_conll04("conll04/dev.jsonl", []).scores["affiliatedWith"].recall  # doctest: +SKIP
    0.0
    """
    documents = load_conll04(path)
    index = RecordIndex(records)
    score = Score()
    errors: list[ErrorCase] = []
    judged: list[Judged] = []
    without_record = skipped = 0
    for document_id, document in documents.items():
        extracted = index.for_article(document_id)
        without_record += not extracted
        document_errors, document_skipped = _score_document(document, extracted, score, judged)
        errors.extend(document_errors)
        skipped += document_skipped
    notes = {
        "file": str(path),
        "documents": len(documents),
        "gold_pairs": sum(len(document.pairs) for document in documents.values()),
        "documents_without_record": without_record,
        "records_without_document": index.unclaimed(),
        "skipped_not_person_to_organisation": skipped,
    }
    scores: dict[str, Score] = {Relation.AFFILIATED_WITH: score}
    return Report(name="conll04", scores=scores, errors=errors, notes=notes, judged=judged)
