"""Ended alliances: the sentence says a bond between two organisations is over.

* a break verb toward the other side: "broke with X", "split from X", "broke away from
  X", "defected from X", "distanced itself from X", "parted ways with X";
* a verb that ends a bond named as its object: "severed ties with X", "cut off support
  to X", "ended its alliance with X", "renounced its allegiance to X";
* leaving the other side: "left X", "quit X", "disowned X", "expelled X";
* a bond put in the past: "a former ally of X", "X's erstwhile partner", "once allied
  with X", "no longer supports X" (:func:`in_the_past`, applied to the cue that the
  cooperation rules find).

Such a pair is recorded as ``ended`` and never asserted as a current alliance.
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.alliance.lexicon import (
    BREAK_PARTICLES,
    BREAK_VERBS,
    FORMER_WORDS,
    LEAVE_VERBS,
    PARTNER_NOUNS,
    SEVER_VERBS,
)
from actorgraph.extractors.alliance.polarity import Finding, Polarity
from actorgraph.extractors.alliance.rules import is_cue
from actorgraph.extractors.mentions import Mention
from actorgraph.extractors.roles import Slot, phrase_head, slot_of

#: The sentence says outright that the bond is over.
ENDED_CONFIDENCE = 0.8


def ending(path: list[Token], first: Mention, second: Mention) -> Finding | None:
    """The verb by which ``path`` (from ``first`` to ``second``) ends a bond, if any.

    The verb must be done by one of the two ("ISWAP, which broke away from Boko Haram,
    attacked the army" ends no bond between Boko Haram and the army).
    """
    ends = {first.head.i, second.head.i}
    on_path = {token.i for token in path}
    for token in path:
        if token.i in ends or not _ends_bond(token, ends, on_path):
            continue
        if Slot.AGENT in (slot_of(token, first.head), slot_of(token, second.head)):
            return Finding(Polarity.ENDED, token, ENDED_CONFIDENCE, tuple(path))
    for token in path[1:-1]:
        if is_cue(token) and _is_severed(token) and _bond_with_an_end(token, ends):
            # "As Jabhat al-Nusra, it had severed relations with al-Qaeda": whoever "it"
            # is, the bond with al-Qaeda that the clause names is over
            return Finding(Polarity.ENDED, token.head, ENDED_CONFIDENCE, tuple(path))
    top = min(path, key=lambda token: sum(1 for _ in token.ancestors))
    if is_cue(top) and _is_severed(top):
        # "its ties with X" below "cut": the verb is off the path from "its" to X
        return Finding(Polarity.ENDED, top.head, ENDED_CONFIDENCE, (*path, top.head))
    return None


def in_the_past(token: Token) -> bool:
    """ "former ally", "erstwhile partners", "ex-ally", "once allied", "no longer backs"."""
    if token.lower_.startswith("ex-"):
        return True
    modifiers = list(token.children)
    if token.dep_ in ("attr", "acomp") and token.head.lemma_.lower() in ("be", "become"):
        modifiers += token.head.children  # "was once al-Qaeda's branch"
    for child in modifiers:
        if child.dep_ in ("amod", "advmod") and child.lower_ in FORMER_WORDS:
            return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    return False


def _ends_bond(token: Token, ends: set[int], on_path: set[int]) -> bool:
    word = token.lemma_.lower()
    if word in BREAK_VERBS and _breaks_toward(token, ends, on_path):
        return True
    if word in SEVER_VERBS and _object_is_bond(token):
        return True
    return word in LEAVE_VERBS and any(
        c.dep_ == "dobj" and (c.i in ends or is_cue(c)) for c in token.children
    )


def _breaks_toward(token: Token, ends: set[int], on_path: set[int]) -> bool:
    """ "broke with X", "broke away from X": the particle leads to the other side itself.

    Not "withdrew from X-held areas": the place is what is left, not the organisation.
    """
    for child in token.children:
        if child.i not in on_path or child.lower_ not in BREAK_PARTICLES:
            continue
        for target in (child, *child.children):
            if target.dep_ == "pobj" and (target.i in ends or is_cue(target)):
                return True
            for grandchild in target.children:
                if grandchild.dep_ == "pobj" and (grandchild.i in ends or is_cue(grandchild)):
                    return True
    return False


def _object_is_bond(token: Token) -> bool:
    """ "severed ties", "cut off support", "stopped supporting", "ended its alliance"."""
    for child in token.children:
        if child.dep_ in ("dobj", "xcomp", "nsubjpass") and is_cue(child):
            return True
    return False


def _bond_with_an_end(bond: Token, ends: set[int]) -> bool:
    """ "relations with X", "ties to X": the bond names one of the pair as its other side."""
    return any(
        prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.i in ends for o in prep.children)
        for prep in bond.children
    )


def _is_severed(bond: Token) -> bool:
    return bond.dep_ in ("dobj", "xcomp", "nsubjpass") and bond.head.lemma_.lower() in SEVER_VERBS


def breaks_with_partners(mention: Mention) -> bool:
    """The organisation ends its bonds without naming the other side: "The MNDAA has since
    broken with its partners", "X quit the alliance", "X severed all its ties".

    Its alliances stated elsewhere in the article are then over, not current.
    """
    phrase = phrase_head(mention.head)
    if phrase.dep_ not in ("nsubj", "nsubjpass") or phrase.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = phrase.head
    word = verb.lemma_.lower()
    if word in BREAK_VERBS:
        return any(
            particle.lower_ in BREAK_PARTICLES and _names_partners(particle)
            for particle in verb.children
        )
    if word in LEAVE_VERBS:
        return any(c.dep_ == "dobj" and _is_partner(c) for c in verb.children)
    if word in SEVER_VERBS:
        return any(
            c.dep_ == "dobj" and is_cue(c) and not any(g.dep_ == "prep" for g in c.children)
            for c in verb.children
        )
    return False


def _names_partners(particle: Token) -> bool:
    for target in (particle, *particle.children):
        for child in target.children:
            if child.dep_ == "pobj" and _is_partner(child):
                return True
    return False


def _is_partner(token: Token) -> bool:
    return token.lemma_.lower() in PARTNER_NOUNS and not token.ent_type_
