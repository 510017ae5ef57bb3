"""Opposition: when the sentence puts two organisations on opposite sides.

Hostility is read from who fills which slot of a hostile word (see
:mod:`actorgraph.extractors.roles`), never from the word alone:

* one organisation is the agent (or the agent's companion) and the other the patient:
  "X attacked Y", "Y was ambushed by X", "X fights Y alongside Z" (X and Z against Y),
  "X launched an offensive against Y", "X, which attacked Y", "X is at war with Y",
  "X, a rival of Y";
* both are conjuncts of a reciprocal action: "X and Y clashed", "clashes between X and
  Y", "X and Y are rivals", "X and Y fought each other".

An agent and its companion ("X fought with Y against Z", "X attacked Z alongside Y")
fight on the same side: they cooperate. Two agents of one hostile action ("X and Y
attacked Z") are not enemies of each other; whether they cooperate is left to the
cooperation rules.
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.alliance.lexicon import (
    AGAINST_HEADS,
    OPPOSITION_CUES,
    RECIPROCAL_OBJECTS,
)
from actorgraph.extractors.alliance.polarity import Finding, Polarity
from actorgraph.extractors.alliance.rules import conjoined, conjunct_root
from actorgraph.extractors.lexicon import COMPANION_PREPS, RECIPROCAL_ACTIONS
from actorgraph.extractors.mentions import Mention
from actorgraph.extractors.roles import STATE_PREPS, Slot, is_reciprocal, phrase_head, slot_of

#: The hostile word is where the two sides' paths meet: "X attacked Y".
PIVOT_AT_TOP_CONFIDENCE = 0.85


#: The hostile word hangs below where they meet: "X launched an attack on Y".
PIVOT_BELOW_TOP_CONFIDENCE = 0.8


#: Conjuncts of a reciprocal action: "X and Y clashed".
RECIPROCAL_CONJUNCTS_CONFIDENCE = 0.75


#: An agent and its companion in one hostile action: "X fought with Y against Z".
SAME_SIDE_CONFIDENCE = 0.8


#: Pairs of slots on opposite sides of one hostile action.
OPPOSITE_SLOTS = (
    frozenset({Slot.AGENT, Slot.PATIENT}),
    frozenset({Slot.COMPANION, Slot.PATIENT}),
)
#: The slots of two who act on the same side: "X fought alongside Y".
SAME_SIDE_SLOTS = frozenset({Slot.AGENT, Slot.COMPANION})

#: "X and Y fought" may be side by side: only these verbs make bare conjuncts enemies.
AMBIGUOUS_RECIPROCAL_VERBS = frozenset({"fight", "battle", "combat"})


def opposition(path: list[Token], first: Mention, second: Mention) -> Finding | None:
    """The hostility that ``path`` (from ``first`` to ``second``) states, if any."""
    if conjoined(first.head, second.head):
        return _reciprocal_conjuncts(path, first.head)
    misread = _companion_of_the_patient(path)
    if misread is not None:
        return Finding(Polarity.OPPOSING, misread, PIVOT_BELOW_TOP_CONFIDENCE, tuple(path))
    beside = _companion_of_the_agent(first.head, second.head)
    if beside is not None:
        return Finding(Polarity.COOPERATING, beside, SAME_SIDE_CONFIDENCE, tuple(path))
    top = _top(path)
    for pivot in _pivots(path, top):
        slots = {slot_of(pivot, first.head), slot_of(pivot, second.head)}
        if None in slots or len(slots) < 2:
            continue
        if frozenset(slots) in OPPOSITE_SLOTS:
            confidence = PIVOT_AT_TOP_CONFIDENCE if pivot.i == top.i else PIVOT_BELOW_TOP_CONFIDENCE
            return Finding(Polarity.OPPOSING, pivot, confidence, tuple(path))
        if slots == SAME_SIDE_SLOTS:
            return Finding(Polarity.COOPERATING, pivot, SAME_SIDE_CONFIDENCE, tuple(path))
        return None  # both placed, but neither against nor beside each other
    return None


def _companion_of_the_patient(path: list[Token]) -> Token | None:
    """ "A, fighting B alongside C": the parse hangs "alongside C" on B, but C fights beside
    A, against B. The hostile verb when ``path`` runs from B to C (or back) that way."""
    for patient, companion in ((path[0], path[-1]), (path[-1], path[0])):
        prep = companion.head if companion.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in COMPANION_PREPS:
            continue
        chain = _patient_phrase(patient)
        # "fought al-Qaeda in the Arabian Peninsula alongside C": inside the patient's name
        inside = {t.i for t in patient.subtree} if patient.dep_ == "dobj" else set()
        if prep.head.i not in {t.i for t in chain} | inside:
            continue
        for phrase in chain:
            verb = phrase.head
            # "fought al-Qaeda in the Arabian Peninsula (AQAP)" may hang the "in" on the verb
            if phrase.dep_ in ("dobj", "pobj", "prep") and is_opposition_word(verb):
                return verb
    return None


def _companion_of_the_agent(first: Token, second: Token) -> Token | None:
    """ "A fought B alongside C", the parse hanging "alongside C" inside B's phrase: C is
    still A's companion. The companion preposition, when one of the two is the subject of
    the hostile verb and the other that misplaced companion."""
    for agent, companion in ((first, second), (second, first)):
        prep = companion.head if companion.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in COMPANION_PREPS:
            continue
        subject = phrase_head(agent)
        verb = subject.head
        if subject.dep_ != "nsubj" or not is_opposition_word(verb):
            continue
        if prep.head.i == verb.i:
            continue  # hung on the verb: the ordinary reading sees it
        chain = _patient_phrase(prep.head)
        if any(t.head.i == verb.i and t.dep_ in ("dobj", "pobj", "prep") for t in chain):
            return prep
    return None


def _patient_phrase(patient: Token) -> list[Token]:
    """The words from the patient's name up to its phrase's head: "AQAP" in "fought
    al-Qaeda in the Arabian Peninsula (AQAP)" climbs through "Peninsula", "in", "Qaeda"."""
    chain = [patient]
    token = patient
    while token.dep_ in ("compound", "poss", "appos", "pobj", "prep") and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ not in ("in", "of"):
            break
        if token.dep_ == "pobj" and token.head.lower_ not in ("in", "of"):
            break
        token = token.head
        chain.append(token)
    return chain


def is_opposition_word(token: Token) -> bool:
    return token.lemma_.lower() in OPPOSITION_CUES or token.lower_ in OPPOSITION_CUES


def _top(path: list[Token]) -> Token:
    return min(path, key=lambda token: sum(1 for _ in token.ancestors))


def _pivots(path: list[Token], top: Token) -> list[Token]:
    """Hostile words of the path, the one where the sides meet first.

    The head of an "against" counts as one when it is a word of joint action or
    hostility: "allied with X against Y", "a campaign against Y".
    """
    found = [t for t in path[1:-1] if is_opposition_word(t)]
    on_path = {t.i for t in path}
    for token in path:
        if token.lower_ == "against" and token.head.i in on_path:
            head = token.head
            if head.lemma_.lower() in AGAINST_HEADS or head.lower_ in AGAINST_HEADS:
                found.append(head)
    unique = {t.i: t for t in found}
    depth = {t.i: abs(sum(1 for _ in t.ancestors) - sum(1 for _ in top.ancestors)) for t in found}
    return sorted(unique.values(), key=lambda t: (depth[t.i], t.i))


def _reciprocal_conjuncts(path: list[Token], member: Token) -> Finding | None:
    """ "X and Y clashed", "fighting between X and Y", "X and Y are rivals"."""
    anchor = conjunct_root(member)
    head = anchor.head
    cue = None
    if anchor.dep_ == "pobj" and head.lower_ in ("between", "among"):
        cue = _between_owner(head)
    elif anchor.dep_ in ("nsubj", "nsubjpass"):
        cue = _shared_reciprocal(head)
    if cue is None:
        return None
    clause = (*path, head, cue)
    return Finding(Polarity.OPPOSING, cue, RECIPROCAL_CONJUNCTS_CONFIDENCE, clause)


def _between_owner(between: Token) -> Token | None:
    """ "clashes between X and Y" or "fighting broke out between X and Y"."""
    owner = between.head
    if is_opposition_word(owner) and is_reciprocal(owner):
        return owner
    for child in owner.children:
        if child.dep_ in ("nsubj", "nsubjpass") and is_reciprocal(child):
            return child
    return None


def _shared_reciprocal(verb: Token) -> Token | None:
    """The reciprocal word that conjoined subjects share, when no third side is named."""
    word = verb.lemma_.lower()
    if _has_third_side(verb):
        return None
    if any(c.dep_ == "dobj" and c.lower_ in RECIPROCAL_OBJECTS for c in verb.children):
        return verb  # "fought each other"
    if word in RECIPROCAL_ACTIONS and word not in AMBIGUOUS_RECIPROCAL_VERBS:
        return verb  # "clashed", "skirmished"
    for child in verb.children:
        if child.dep_ in ("attr", "acomp") and is_reciprocal(child) and not _names_a_third(child):
            return child  # "are rivals", not "are rivals of Z"
        if child.dep_ == "prep" and child.lower_ in STATE_PREPS:
            for grandchild in child.children:
                if grandchild.dep_ != "pobj" or not is_reciprocal(grandchild):
                    continue
                if not _has_third_side(grandchild):
                    return grandchild  # "are at war", "locked in a conflict"
    return None


def _names_a_third(noun: Token) -> bool:
    """ "rivals of Z", "hostile to Z"."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in noun.children)


def _has_third_side(token: Token) -> bool:
    """ "X and Y attacked Z", "clashed with Z", "at war with Z": Z is the other side."""
    for child in token.children:
        if child.dep_ == "dobj" and child.lower_ not in RECIPROCAL_OBJECTS:
            return True
        reciprocal = any(g.lower_ in RECIPROCAL_OBJECTS for g in child.subtree)
        if child.dep_ == "prep" and child.lower_ in ("with", "against", "on") and not reciprocal:
            return True
    return False
