"""involves: the people and organisations that took part in an event.

They are looked for in the event's clause, its sentence and the sentences that follow.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.events.items import EventMention, Participant
from actorgraph.extractors.events.triggers import anchor_token
from actorgraph.extractors.lexicon import GROUP_KINDS, ORGANISATION_NAME_WORDS
from actorgraph.extractors.mentions import Mention
from actorgraph.ontology import EntityType

CLAUSE_PARTICIPANT_CONFIDENCE = 0.75


SENTENCE_PARTICIPANT_CONFIDENCE = 0.6


DISCOURSE_PARTICIPANT_CONFIDENCE = 0.45


def participants(
    cluster: list[Token], sentence: Span, mentions: list[Mention]
) -> list[Participant]:
    """People and organisations of the event's sentence: who acted and who was targeted.

    Those in the clause of the event's words are surer than the rest of the sentence
    ("... while searching for a Taliban leader").
    """
    anchor = anchor_token(cluster)
    clause = anchor
    for ancestor in anchor.ancestors:
        if clause.pos_ in ("VERB", "AUX"):
            break
        clause = ancestor
    inside = {t.i for t in clause.subtree}
    found = []
    for mention in mentions:
        if mention.type is EntityType.PROVINCE or mention.is_media:
            continue
        if mention.type is EntityType.ORGANISATION and not looks_like_organisation(mention):
            continue
        in_clause = mention.head.i in inside
        confidence = CLAUSE_PARTICIPANT_CONFIDENCE if in_clause else SENTENCE_PARTICIPANT_CONFIDENCE
        found.append(Participant(mention, confidence))
    return found


def attach_group_mentions(
    events: list[EventMention], doc: Doc, by_sentence: dict[int, list[Mention]]
) -> None:
    """Armed groups named in sentences that report no event take part in the nearest event.

    Follow-up sentences name the target of the operation just reported ("The Taliban
    facilitator prepares weapons ..."), so each joins the closest earlier event (or,
    before the first event, the first one).
    """
    if not events:
        return
    with_events = {event.sentence.start for event in events}
    for start, mentions in by_sentence.items():
        if start in with_events:
            continue
        groups = [m for m in mentions if m.referent.kind in GROUP_KINDS or _unknown_group(m)]
        if not groups:
            continue
        earlier = [e for e in events if e.sentence.start < start]
        event = earlier[-1] if earlier else events[0]
        known = {id(p.mention) for p in event.participants}
        event.participants.extend(
            Participant(m, DISCOURSE_PARTICIPANT_CONFIDENCE, m.span.sent)
            for m in groups
            if id(m) not in known
        )


def _unknown_group(mention: Mention) -> bool:
    """An organisation the curated list does not know, named like a group or network."""
    referent = mention.referent
    words = {t.lower_ for t in referent.span}
    return (
        referent.type is EntityType.ORGANISATION
        and referent.kind is None
        and bool(words & {"network", "group", "front", "brigade", "militia", "movement"})
    )


def looks_like_organisation(mention: Mention) -> bool:
    """Curated, or named with a word that organisations are named with ("... Network").

    The NER also labels villages, people and weapons (RPG, PKM) as organisations; as
    an event's participant only a name that says it is an organisation is trusted.
    """
    referent = mention.referent
    if referent.kind is not None:
        return True
    return any(t.lemma_.lower() in ORGANISATION_NAME_WORDS for t in referent.span)
