"""alliedWith: two organisations cooperate (symmetric).

A pair of organisations in one sentence is allied when the dependency path between
them (or the words that modify it) carries a cooperation cue: allied with, ally,
alongside, "in conjunction with", close relations, ties, trained / armed / funded /
sheltered / backed, pledged allegiance, affiliate, branch, offshoot, wing, aligned.
Two organisations joined by "and" count when their shared verb is a cooperation
verb or is modified by "together", "jointly" or "alongside".

Rejected (the negative cases): hostile or neutral links on the path (attacked,
fought against, clashed, negotiated with, talks, deal), one organisation reporting
on or speaking to the other (a news organisation, or a speaker in "X said"), and
**denied or hypothetical claims** ("denies ties", "could ally", "may join forces"):
these are not asserted at all.
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.alliance.lexicon import (
    COOPERATION_CUES,
    COOPERATIVE_MODIFIERS,
    DENIAL_VERBS,
    MODIFIER_DEPS,
    SPEAKER_DEPS,
    STATE_KINDS,
)
from actorgraph.extractors.lexicon import HOSTILE_CUES, HYPOTHETICAL_AUX, REPORTING_VERBS
from actorgraph.extractors.mentions import Mention, MentionRelation
from actorgraph.extractors.syntax import dependency_path
from actorgraph.ontology import Relation

MAX_PATH = 9


BRANCH_CONFIDENCE = 0.75


CUE_ON_PATH_CONFIDENCE = 0.85


CUE_BESIDE_PATH_CONFIDENCE = 0.7


ANAPHOR_FACTOR = 0.9


def alliance(first: Mention, second: Mention) -> MentionRelation | None:
    """The cooperation that the sentence states between two organisations, if any."""
    if _same_organisation(first, second) or first.is_media or second.is_media:
        return None
    path = dependency_path(first.head, second.head)
    if len(path) < 2 or len(path) > MAX_PATH:
        return None
    if _overlaps(first, second) or _is_reported_by_one_side(path, first, second):
        return None
    if any(token.ent_type_ == "PERSON" for token in path[1:-1]):
        # "forces alongside Taliban commander Ali": the cue reaches a person, not the group.
        return None
    context = _context(path, first, second)
    if _is_hostile(path) or any(_is_denied_or_hypothetical(token) for token in path):
        return None
    on_path = [t for t in path[1:-1] if _is_cue(t)]
    beside = [t for t in context if _is_cue(t)]
    if on_path:
        confidence, cue = CUE_ON_PATH_CONFIDENCE, on_path[0]
    elif beside:
        confidence, cue = CUE_BESIDE_PATH_CONFIDENCE, beside[0]
    elif _is_branch_of(path, first, second):
        confidence, cue = BRANCH_CONFIDENCE, path[1] if len(path) > 2 else path[0]
    else:
        return None
    if first.antecedent is not None or second.antecedent is not None:
        confidence *= ANAPHOR_FACTOR
    return MentionRelation(
        first, Relation.ALLIED_WITH, second, round(confidence, 3), first.span.sent, cue.text
    )


def _is_branch_of(path: list[Token], first: Mention, second: Mention) -> bool:
    """ "Hezbollah's Radwan Force", "its elite unit", "the armed wing of Hamas".

    A branch acting with its parent counts as allied; the units of a state's own forces
    ("the Afghan Army's 215 Maiwand corps") are part of one organisation and do not.
    """
    if {first.referent.kind, second.referent.kind} & STATE_KINDS:
        return False
    if len(path) == 2:
        child = path[0] if path[0].head.i == path[1].i else path[1]
        return child.dep_ == "poss"
    if len(path) == 3 and path[1].lower_ == "of" and path[1].dep_ == "prep":
        return path[2].head.i == path[1].i and path[1].head.i == path[0].i
    return False


def _same_organisation(first: Mention, second: Mention) -> bool:
    a, b = first.referent, second.referent
    if a is b:
        return True
    if a.known_as and a.known_as == b.known_as:
        return True
    return a.name.casefold() == b.name.casefold()


def _overlaps(first: Mention, second: Mention) -> bool:
    return first.span.start < second.span.end and second.span.start < first.span.end


def _is_cue(token: Token) -> bool:
    return (
        token.lemma_.lower() in COOPERATION_CUES
        or token.lower_ in COOPERATION_CUES
        or any(part in COOPERATION_CUES for part in token.lower_.split("-")[1:])
    )


def _context(path: list[Token], first: Mention, second: Mention) -> list[Token]:
    """Words on the path plus their modifiers; for "X and Y", the verb they share."""
    tokens = list(path)
    if _conjoined(first.head, second.head):
        anchor = first.head if first.head.i < second.head.i else second.head
        tokens.append(anchor.head)
        tokens.extend(anchor.head.children)
    for token in list(tokens):
        tokens.extend(c for c in token.children if c.dep_ in MODIFIER_DEPS)
    return tokens


def _conjoined(a: Token, b: Token) -> bool:
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i)


def _is_hostile(path: list[Token]) -> bool:
    for token in path[1:-1]:
        word = token.lemma_.lower()
        hostile = word in HOSTILE_CUES or token.lower_ in HOSTILE_CUES
        if hostile and not any(c.lower_ in COOPERATIVE_MODIFIERS for c in token.children):
            return True
    return False


def _is_reported_by_one_side(path: list[Token], first: Mention, second: Mention) -> bool:
    """ "X said ... Y", "reported by X", "X told Y": one side is the speaker or the listener."""
    for token in path[1:-1]:
        if token.lemma_.lower() not in REPORTING_VERBS:
            continue
        ends = {first.head.i, second.head.i}
        for child in token.children:
            if child.dep_ in SPEAKER_DEPS and any(t.i in ends for t in child.subtree):
                return True
    return False


def _is_denied_or_hypothetical(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    if any(child.dep_ == "neg" for child in token.children):
        return True
    if any(child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX for child in token.children):
        return True
    return any(ancestor.lemma_.lower() in DENIAL_VERBS for ancestor in token.ancestors)
