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

from actorgraph.text import collapse_spaces

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

BASELINE_CONFIDENCE = 0.5
PROVINCE_LABEL = "PROVINCE"
_TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organisation", PROVINCE_LABEL: "Province"}


class _EntityTable:
    """Gives one id per entity of the article and keeps its record."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], dict[str, Any]] = {}

    def entity_id(self, ent: Span) -> str:
        entity_type = _TYPE_OF_LABEL[ent.label_]
        name = collapse_spaces(ent.text)
        code = ent.ent_id_ if entity_type == "Province" else ""
        key = (entity_type, code or name)
        record = self.records.get(key)
        if record is None:
            record = {"id": f"t{len(self.records) + 1}", "type": entity_type, "name": name}
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


def _relation(subject: str, predicate: str, obj: str, sentence: Span) -> dict[str, Any]:
    return {
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "confidence": BASELINE_CONFIDENCE,
        "evidence": _evidence(sentence),
    }


def _ids_by_type(sentence: Span, table: _EntityTable) -> dict[str, list[str]]:
    """The distinct entity ids of a sentence per type, in reading order."""
    found: dict[str, list[str]] = {"Person": [], "Organisation": [], "Province": []}
    for ent in sentence.ents:
        if ent.label_ not in _TYPE_OF_LABEL:
            continue
        entity_id = table.entity_id(ent)
        ids = found[_TYPE_OF_LABEL[ent.label_]]
        if entity_id not in ids:
            ids.append(entity_id)
    return found


def cooccurrence_record(article_id: str, doc: Doc) -> dict[str, Any]:
    """The baseline's extraction record of one article (see the module doc)."""
    table = _EntityTable()
    events: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for sentence in _sentences(doc):
        ids = _ids_by_type(sentence, table)
        people, organisations = ids["Person"], ids["Organisation"]
        for person in people:
            for organisation in organisations:
                relations.append(_relation(person, "affiliatedWith", organisation, sentence))
        for first, second in combinations(organisations, 2):
            relations.append(_relation(first, "alliedWith", second, sentence))
        for province in ids["Province"]:
            event_id = f"v{len(events) + 1}"
            events.append(_event(event_id, sentence))
            relations.append(_relation(event_id, "locatedIn", province, sentence))
            for organisation in organisations:
                relations.append(_relation(event_id, "involves", organisation, sentence))
    return {
        "article": article_id,
        "entities": list(table.records.values()),
        "events": events,
        "relations": relations,
    }


def _event(event_id: str, sentence: Span) -> dict[str, Any]:
    return {
        "id": event_id,
        "kind": "Event",
        "sentence": sentence.text,
        "start": sentence.start_char,
        "end": sentence.end_char,
        "date": None,
    }
