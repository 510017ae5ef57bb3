"""What a sentence says about a pair of organisations: the polarity of their bond.

Every pair of organisations of a sentence is read before anything is asserted, as one
of:

========================  =====================================================  ==============
polarity                  example                                                asserted as
========================  =====================================================  ==============
``cooperating``           "X fought alongside Y", "X is part of Y"               ``alliedWith``
``opposing``              "X fights Y", "X clashed with Y", "X, a rival of Y"    ``opposes``
``ended``                 "X cut its ties with Y", "X, a former ally of Y"       nothing
``denied``                "X denies ties to Y", "X did not attack Y"             nothing
``hypothetical``          "X could ally with Y", "if X joined Y"                 nothing
``unrelated``             merely named in one sentence, or a neutral dealing     nothing
========================  =====================================================  ==============

An ended alliance is kept (on the document, see
:class:`~actorgraph.extractors.alliance.component.AllianceExtractor`) so that a later step
can date it, but it is never asserted as a current alliance.

>>> Polarity.ENDED.asserted is None, Polarity.OPPOSING.asserted
(True, <Relation.OPPOSES: 'opposes'>)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Span, Token

from actorgraph.extractors.mentions import Mention, MentionRelation
from actorgraph.ontology import Relation


class Polarity(StrEnum):
    COOPERATING = "cooperating"
    OPPOSING = "opposing"
    ENDED = "ended"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    UNRELATED = "unrelated"

    @property
    def asserted(self) -> Relation | None:
        """The relation a pair of this polarity becomes; ``None``: it is not asserted."""
        if self is Polarity.COOPERATING:
            return Relation.ALLIED_WITH
        if self is Polarity.OPPOSING:
            return Relation.OPPOSES
        return None


@dataclass(frozen=True, slots=True)
class Finding:
    """One reading of a pair: its polarity, the word that decided it, and how sure it is.

    ``clause`` holds the tokens whose negation, modal or condition would take the claim
    back ("did not attack", "could ally", "if ... joined").
    """

    polarity: Polarity
    cue: Token
    confidence: float
    clause: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class PairReading:
    """The polarity of one pair of organisation mentions in one sentence."""

    first: Mention
    second: Mention
    polarity: Polarity
    confidence: float
    sentence: Span
    #: The word that decided the polarity ("alongside", "clashed", "severed"); "" if none.
    cue: str = ""

    def relation(self) -> MentionRelation | None:
        """The relation to assert: ``alliedWith``, ``opposes``, or none for the other polarities."""
        predicate = self.polarity.asserted
        if predicate is None:
            return None
        return MentionRelation(
            self.first, predicate, self.second, self.confidence, self.sentence, self.cue
        )
