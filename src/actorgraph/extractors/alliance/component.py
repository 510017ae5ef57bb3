"""The ``actorgraph_alliance`` spaCy component: every pair of organisations of a sentence.

Each pair is read for its polarity (:func:`~actorgraph.extractors.alliance.reading.read_pair`);
cooperating pairs become ``alliedWith`` and opposing pairs ``opposes`` relations on
``doc._.ag_relations``; so do the speaker's organisation and the one its own forces
fight beside (:mod:`~actorgraph.extractors.alliance.own_side`). Every reading — ended,
denied and hypothetical ones too — is kept on ``doc._.ag_pair_readings``, so that a later
step can, say, date an ended alliance.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from actorgraph.extractors.alliance.ending import breaks_with_partners
from actorgraph.extractors.alliance.own_side import own_side_alliances
from actorgraph.extractors.alliance.polarity import Polarity
from actorgraph.extractors.alliance.reading import read_pair
from actorgraph.extractors.mention_index import MentionIndex, pairs_within
from actorgraph.extractors.mentions import register_extensions
from actorgraph.ontology import EntityType

#: The ``Doc`` extension that holds every pair reading of the document.
READINGS_EXTENSION = "ag_pair_readings"


@Language.factory("actorgraph_alliance")
def make_alliance_extractor(nlp: Language, name: str) -> AllianceExtractor:
    """Add ``alliedWith`` and ``opposes`` relations between pairs of organisation mentions."""
    register_extensions()
    if not Doc.has_extension(READINGS_EXTENSION):
        Doc.set_extension(READINGS_EXTENSION, default=None)
    return AllianceExtractor()


class AllianceExtractor:
    def __call__(self, doc: Doc) -> Doc:
        relations = list(doc._.ag_relations or [])
        readings = []
        index = MentionIndex.of(doc)
        # an organisation that "broke with its partners" has no current alliance here
        broken = {
            m.organisation_key
            for mentions in index.sentences()
            for m in mentions
            if m.type is EntityType.ORGANISATION and breaks_with_partners(m)
        }
        # Pairs further apart than MAX_PAIR_TOKENS are never read: a long sentence full of
        # names costs time in proportion to its length, not to its length squared.
        for mentions in index.sentences():
            organisations = [m for m in mentions if m.type is EntityType.ORGANISATION]
            for first, second in pairs_within(organisations):
                reading = read_pair(first, second)
                if reading is None:
                    continue
                if reading.polarity is Polarity.COOPERATING and (
                    first.organisation_key in broken or second.organisation_key in broken
                ):
                    reading = replace(reading, polarity=Polarity.ENDED)
                readings.append(reading)
                relation = reading.relation()
                if relation is not None:
                    relations.append(relation)
            if mentions:
                # "PNH spokesman X said officers fought alongside the FAd'H"
                relations.extend(own_side_alliances(mentions[0].span.sent, mentions, relations))
        doc._.ag_relations = relations
        doc._.set(READINGS_EXTENSION, readings)
        return doc
