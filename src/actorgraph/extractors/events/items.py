"""An event as the extractor finds it in a document: its triggers, kind, place and participants."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from actorgraph.extractors.events.triggers import rank_or_lowest
from actorgraph.extractors.mentions import Mention
from actorgraph.gazetteers.places import PlaceMatch, Province
from actorgraph.ontology import EventKind, Relation


@dataclass(frozen=True, slots=True)
class Participant:
    mention: Mention
    confidence: float
    #: Where the participant is named, when not in the event's own sentence.
    sentence: Span | None = None
    #: ``perpetrator`` or ``target`` when the text says which; else plain ``involves``.
    role: Relation = Relation.INVOLVES


@dataclass(eq=False, slots=True)
class EventMention:
    """An event read off one sentence, with its place and participants."""

    triggers: list[Token]
    kind: EventKind
    sentence: Span
    province: Province | None = None
    #: the district, city or village that placed the event in its province, if one did
    place: PlaceMatch | None = None
    location_confidence: float = 0.0
    participants: list[Participant] = field(default_factory=list)
    date: str | None = None

    @property
    def trigger(self) -> Token:
        # a report's casualty word ("casualties", "wounded") stands for an event of no kind
        return max(self.triggers, key=rank_or_lowest)
