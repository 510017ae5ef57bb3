"""The ``actorgraph_affiliation`` spaCy component.

Every person-organisation pair of a sentence, at most
:data:`~actorgraph.extractors.mention_index.MAX_PAIR_TOKENS` tokens apart, is linked by the
rules and revised by the model.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from actorgraph.extractors.affiliation.model import apply_model
from actorgraph.extractors.affiliation.negatives import is_former
from actorgraph.extractors.affiliation.rules import affiliation
from actorgraph.extractors.mention_index import MentionIndex, cross_pairs_within
from actorgraph.extractors.mentions import register_extensions
from actorgraph.ontology import EntityType


@Language.factory("actorgraph_affiliation")
def make_affiliation_extractor(nlp: Language, name: str) -> AffiliationExtractor:
    """Add ``affiliatedWith`` relations between person and organisation mentions."""
    register_extensions()
    return AffiliationExtractor()


class AffiliationExtractor:
    def __call__(self, doc: Doc) -> Doc:
        relations = list(doc._.ag_relations or [])
        # Pairs further apart than MAX_PAIR_TOKENS are never read: a long sentence full of
        # names costs time in proportion to its length, not to its length squared.
        for mentions in MentionIndex.of(doc).sentences():
            people = [m for m in mentions if m.type is EntityType.PERSON]
            organisations = [m for m in mentions if m.type is EntityType.ORGANISATION]
            for person, organisation in cross_pairs_within(people, organisations):
                relation = apply_model(affiliation(person, organisation), person, organisation)
                if relation is not None and not is_former(person, organisation):
                    relations.append(relation)
        doc._.ag_relations = relations
        return doc
