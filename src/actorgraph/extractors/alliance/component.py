"""The ``actorgraph_alliance`` spaCy component: every pair of organisations of a sentence."""

from __future__ import annotations

from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc

from actorgraph.extractors.alliance.rules import alliance
from actorgraph.extractors.mentions import (
    register_extensions,
    sentence_mentions,
)
from actorgraph.ontology import EntityType


@Language.factory("actorgraph_alliance")
def make_alliance_extractor(nlp: Language, name: str) -> AllianceExtractor:
    """Add ``alliedWith`` relations between pairs of organisation mentions."""
    register_extensions()
    return AllianceExtractor()


class AllianceExtractor:
    def __call__(self, doc: Doc) -> Doc:
        relations = list(doc._.ag_relations or [])
        for mentions in sentence_mentions(doc).values():
            organisations = [m for m in mentions if m.type is EntityType.ORGANISATION]
            for first, second in combinations(organisations, 2):
                relation = alliance(first, second)
                if relation is not None:
                    relations.append(relation)
        doc._.ag_relations = relations
        return doc
