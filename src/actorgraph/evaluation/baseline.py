"""The sentence co-occurrence baseline, written as extraction records.

It claims every relation that two named things in one sentence could have, so its
precision shows what a real extractor must filter out and its recall shows the ceiling
that the named-entity recogniser sets. Being plain records, it is scored by the same
code as the pipeline.

Entities come from ``doc.ents``: PERSON -> Person, ORG -> Organisation, and PROVINCE
(the label of the pipeline's province EntityRuler, whose ``ent_id_`` is the ISO 3166-2
code; a span without one gives a Province without a code) -> Province; every other
label, GPE included, is ignored. Within each sentence:

* every Person x Organisation pair -> ``affiliatedWith``;
* every unordered pair of distinct Organisations -> ``alliedWith``;
* every Province -> one event of kind ``Event`` on that sentence, ``locatedIn`` the
  province and ``involves`` every organisation of the sentence.

Every relation has confidence 0.5. One surface name (per type) is one entity in the
article; a Province is one entity per ISO code, its other surface names being aliases.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import TYPE_CHECKING, Any

from actorgraph.ontology import EntityType, EventKind, Relation
from actorgraph.text import collapse_spaces

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

BASELINE_CONFIDENCE = 0.5
PROVINCE_LABEL = "PROVINCE"
_TYPE_OF_LABEL = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANISATION,
    PROVINCE_LABEL: EntityType.PROVINCE,
}


class _EntityTable:
    """Gives one id per entity of the article and keeps its record."""

    def __init__(self) -> None:
        self.records: dict[tuple[EntityType, str], dict[str, Any]] = {}

    def entity_id(self, ent: Span) -> str:
        entity_type = _TYPE_OF_LABEL[ent.label_]
        name = collapse_spaces(ent.text)
        code = ent.ent_id_ if entity_type == EntityType.PROVINCE else ""
        key = (entity_type, code or name)
        record = self.records.get(key)
        if record is None:
            record = {"id": f"t{len(self.records) + 1}", "type": entity_type.value, "name": name}
            record["aliases"] = []
            if code:
                record["iso3166_2"] = code
            self.records[key] = record
        elif name != record["name"] and name not in record["aliases"]:
            record["aliases"].append(name)
        return record["id"]


def _sentences(doc: Doc) -> Iterator[Span]:
    """The doc's sentences, or the whole doc as one when it has no sentence boundaries."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        yield from doc.sents
    else:
        yield doc[:]


def _evidence(sentence: Span) -> dict[str, Any]:
    return {"sentence": sentence.text, "start": sentence.start_char, "end": sentence.end_char}


def _relation(subject: str, predicate: Relation, obj: str, sentence: Span) -> dict[str, Any]:
    return {
        "subject": subject,
        "predicate": predicate.value,
        "object": obj,
        "confidence": BASELINE_CONFIDENCE,
        "evidence": _evidence(sentence),
    }


def _ids_by_type(sentence: Span, table: _EntityTable) -> dict[EntityType, list[str]]:
    """The distinct entity ids of a sentence per type, in reading order."""
    found: dict[EntityType, list[str]] = {entity_type: [] for entity_type in EntityType}
    for ent in sentence.ents:
        if ent.label_ not in _TYPE_OF_LABEL:
            continue
        entity_id = table.entity_id(ent)
        ids = found[_TYPE_OF_LABEL[ent.label_]]
        if entity_id not in ids:
            ids.append(entity_id)
    return found


def cooccurrence_record(article_id: str, doc: Doc) -> dict[str, Any]:
    """The baseline's extraction record of one article (see the module doc).

    The record is a JSON object like a line of ``actorgraph extract``, which every
    scorer reads with ``ArticleExtraction.from_record``.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ali of the Taliban.")
    >>> doc.ents = [doc.char_span(0, 3, "PERSON"), doc.char_span(11, 18, "ORG")]
    >>> [r["predicate"] for r in cooccurrence_record("a.txt", doc)["relations"]]
    ['affiliatedWith']
    """
    table = _EntityTable()
    events: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for sentence in _sentences(doc):
        ids = _ids_by_type(sentence, table)
        people, organisations = ids[EntityType.PERSON], ids[EntityType.ORGANISATION]
        for person in people:
            for organisation in organisations:
                relations.append(
                    _relation(person, Relation.AFFILIATED_WITH, organisation, sentence)
                )
        for first, second in combinations(organisations, 2):
            relations.append(_relation(first, Relation.ALLIED_WITH, second, sentence))
        for province in ids[EntityType.PROVINCE]:
            event_id = f"v{len(events) + 1}"
            events.append(_event(event_id, sentence))
            relations.append(_relation(event_id, Relation.LOCATED_IN, province, sentence))
            for organisation in organisations:
                relations.append(_relation(event_id, Relation.INVOLVES, organisation, sentence))
    return {
        "article": article_id,
        "entities": list(table.records.values()),
        "events": events,
        "relations": relations,
    }


def _event(event_id: str, sentence: Span) -> dict[str, Any]:
    return {
        "id": event_id,
        "kind": EventKind.EVENT.value,
        "sentence": sentence.text,
        "start": sentence.start_char,
        "end": sentence.end_char,
        "date": None,
    }
