"""The ``actorgraph_affiliation`` spaCy component.

Every person-organisation pair of a sentence is linked by the rules and revised by the model.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from actorgraph.extractors.affiliation.model import apply_model
from actorgraph.extractors.affiliation.rules import affiliation
from actorgraph.extractors.mentions import (
    register_extensions,
    sentence_mentions,
)
from actorgraph.ontology import EntityType


@Language.factory("actorgraph_affiliation")
def make_affiliation_extractor(nlp: Language, name: str) -> AffiliationExtractor:
    """Add ``affiliatedWith`` relations between person and organisation mentions."""
    register_extensions()
    return AffiliationExtractor()


class AffiliationExtractor:
    def __call__(self, doc: Doc) -> Doc:
        relations = list(doc._.ag_relations or [])
        for mentions in sentence_mentions(doc).values():
            people = [m for m in mentions if m.type is EntityType.PERSON]
            organisations = [m for m in mentions if m.type is EntityType.ORGANISATION]
            for person in people:
                for organisation in organisations:
                    relation = apply_model(affiliation(person, organisation), person, organisation)
                    if relation is not None:
                        relations.append(relation)
        doc._.ag_relations = relations
        return doc
