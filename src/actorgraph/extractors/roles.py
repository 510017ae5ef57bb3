"""Who does what to whom: the slot a party fills around an action word.

An action word — a verb ("attacked"), an event noun ("offensive", "ambush") or a
relational noun ("rival") — has three kinds of slot:

* the **agent**, who acts: the subject ("X attacked"), "by X", "X's offensive",
  "an X raid", the subject of a light or control verb ("X launched an attack",
  "X vowed to fight"), the noun a relative clause describes ("X, which attacked ...");
* the **patient**, who is acted upon or is the other side: the object, the passive
  subject, "on / against X", "with X" after a reciprocal action ("clashed with X"),
  "a rival of X";
* the **companion**, who acts beside the agent: "alongside X", "together with X",
  "with X" when the action has another patient ("fought with X against Y").

A party is also in the slot of the phrase it belongs to: "Taliban fighters", "a convoy of
the army", "militants loyal to X", "X and Y". It is not in the slot of another party
named by its relation to it: "the Taliban's allies" are not the Taliban.

Both the alliance polarity (which side each organisation is on) and the event roles
(perpetrator and target) read these slots.

>>> Slot.AGENT.value, Slot.PATIENT.value
('agent', 'patient')
"""

from __future__ import annotations

from enum import StrEnum

from spacy.tokens import Token

from actorgraph.extractors.lexicon import (
    ATTRIBUTED_PREPS,
    ATTRIBUTION_VERBS,
    COMPANION_PREPS,
    CONTROL_VERBS,
    COPULAS,
    JOINT_FRAMES,
    JOINT_NOUNS,
    JOINT_WORDS,
    LIGHT_VERBS,
    MEMBERSHIP_LINKS,
    OTHER_PARTY_NOUNS,
    PATIENT_PREPS,
    RECIPROCAL_ACTIONS,
    RELATIONAL_NOUNS,
    RESPONSIBILITY_NOUNS,
    TAKING_VERBS,
    WORK_VERBS,
)
from actorgraph.extractors.syntax import dependency_path


class Slot(StrEnum):
    AGENT = "agent"
    PATIENT = "patient"
    COMPANION = "companion"


#: Dependencies inside a noun phrase: a party named there shares the phrase's slot.
PHRASE_DEPS = frozenset({"compound", "poss", "appos", "conj", "nmod", "amod", "nummod", "pobj"})
#: Prepositions inside a noun phrase that keep the slot: "fighters of X", "men from X".
PHRASE_PREPS = frozenset({"of", "from"})
#: Prepositions under a membership word: "loyal to X", "affiliated with X".
MEMBERSHIP_PREPS = frozenset({"to", "with"})
#: Relative pronouns, whose function in the clause gives the described noun its slot.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Prepositions by which an action noun hangs under a verb: "are at war", "locked in battle".
STATE_PREPS = frozenset({"at", "in", "into"})
_EQUAL_FOOTING = RECIPROCAL_ACTIONS | RELATIONAL_NOUNS


def slot_of(action: Token, party: Token) -> Slot | None:
    """The slot that ``party`` (the head of a name) fills around ``action``, if any.

    ``None`` when the parse does not say: the party is elsewhere in the sentence, or
    is the instrument, the place, the speaker, or someone else's ally.
    """
    path = dependency_path(action, party)
    if len(path) < 2:
        return None
    top = _top_index(path)
    if top == 0:
        return _slot_below(action, path[1:])
    return _slot_above(path, top)


def is_reciprocal(action: Token) -> bool:
    """ "clash", "fight", "war", "rival": both sides act on an equal footing."""
    return action.lemma_.lower() in _EQUAL_FOOTING or action.lower_ in _EQUAL_FOOTING


def is_relational(action: Token) -> bool:
    return action.lemma_.lower() in RELATIONAL_NOUNS or action.lower_ in RELATIONAL_NOUNS


def phrase_head(token: Token) -> Token:
    """The head of the noun phrase a name sits in: "fighters" for "Hezbollah fighters".

    In "Hezbollah fighters and Syrian Army soldiers" the two phrases are the conjuncts.
    """
    while token.dep_ in ("compound", "poss") and token.head.i != token.i:
        token = token.head
    return token


# -- the party below the action -----------------------------------------------------------


def _top_index(path: list[Token]) -> int:
    """The index of the lowest common ancestor: the path climbs to it, then descends."""
    index = 0
    while index + 1 < len(path) and path[index].head.i == path[index + 1].i:
        if path[index].head.i == path[index].i:
            break
        index += 1
    return index


def _slot_below(action: Token, branch: list[Token]) -> Slot | None:
    """``branch`` descends from ``action`` to the party: its first step gives the slot."""
    child = branch[0]
    if _is_subjectless_participle(child) and len(branch) > 1:
        # "X, fighting alongside Y, recaptured the town": Y acts beside X in both
        inner = _slot_below(child, branch[1:])
        if inner is None and works_with(child, branch[1]):
            inner = Slot.COMPANION  # "X, working with Y, detained 14 suspects"
        return Slot.COMPANION if inner is Slot.COMPANION else None
    slot, consumed = _direct_slot(action, child, branch)
    if slot is None:
        return None
    return slot if _within_phrase(branch[consumed - 1 :]) else None


def works_with(verb: Token, preposition: Token) -> bool:
    """ "working with X", "operates in concert with X": the verb's "with" is a partner."""
    return (
        (verb.lemma_.lower() in WORK_VERBS or acts_jointly(verb))
        and preposition.head.i == verb.i
        and preposition.lower_ in ("with", "alongside")
    )


def _is_subjectless_participle(token: Token) -> bool:
    """ "fighting alongside Y" hung on the main verb: it shares the main verb's subject."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
    )


def _direct_slot(action: Token, child: Token, branch: list[Token]) -> tuple[Slot | None, int]:
    """The slot of ``action``'s child, and how many branch tokens the slot word takes."""
    dep = child.dep_
    if dep in ("nsubj", "csubj"):
        return (Slot.PATIENT if _reads_as_passive(action) else Slot.AGENT), 1
    if dep == "dobj" and _companion_on_object(child, branch):
        # "fighting the RSF alongside Y": the parse hangs "alongside Y" on the object,
        # but Y fights beside the subject
        return Slot.COMPANION, 3
    if dep in ("nsubjpass", "dobj"):
        return Slot.PATIENT, 1
    if dep == "agent":
        return Slot.AGENT, 2
    if dep in ("poss", "compound") and action.pos_ in ("NOUN", "PROPN"):
        # "X's offensive", "a Taliban attack"; but "X's rival Y": X is the other side.
        return (Slot.PATIENT if is_relational(action) else Slot.AGENT), 1
    if dep == "appos" and is_relational(action):
        return Slot.AGENT, 1  # "X's rival, Y": Y is the rival
    if dep == "advmod" and child.lower_ in ("together", "jointly") and len(branch) > 2:
        return (Slot.COMPANION, 3) if branch[1].lower_ == "with" else (None, 0)
    if dep == "prep" and _is_joint_frame(child, branch):
        return Slot.COMPANION, 4  # "seized arms in a joint operation with Y"
    if dep == "prep":
        return _preposition_slot(action, child), 2
    return None, 0


def _is_joint_frame(preposition: Token, branch: list[Token]) -> bool:
    """``branch`` runs "in a joint operation / during a combined raid / in coordination
    with" to the party."""
    if len(branch) < 4 or preposition.lower_ not in JOINT_FRAMES:
        return False
    act, with_ = branch[1], branch[2]
    return (
        act.head.i == preposition.i
        and is_joint_act(act)
        and with_.lower_ == "with"
        and with_.head.i == act.i
        and branch[3].head.i == with_.i
    )


def _companion_on_object(obj: Token, branch: list[Token]) -> bool:
    """``branch`` runs from the object through "alongside" / "beside" to the party."""
    if len(branch) < 3:
        return False
    preposition = branch[1]
    return (
        preposition.dep_ == "prep"
        and preposition.lower_ in COMPANION_PREPS
        and preposition.head.i == obj.i
        and branch[2].head.i == preposition.i
    )


def acts_jointly(verb: Token) -> bool:
    """ "operates in concert with", "fights in tandem with": the parse hangs "in concert"
    and "with X" side by side on the verb."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(o.dep_ == "pobj" and o.lower_ in JOINT_NOUNS for o in c.children)
        for c in verb.children
    )


def is_joint_act(noun: Token) -> bool:
    """ "a joint operation", "a combined raid", or "coordination", "concert", "tandem"."""
    return noun.lower_ in JOINT_NOUNS or any(c.lower_ in JOINT_WORDS for c in noun.children)


def _reads_as_passive(verb: Token) -> bool:
    """ "Taliban Commander Captured by Coalition Force": a headline's passive without "was".

    The parser makes the commander the subject; a participle with no auxiliary, or a
    verb with a "by" agent, says the subject is the one acted upon.
    """
    if verb.pos_ != "VERB":
        return False
    if any(child.dep_ == "agent" for child in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _preposition_slot(action: Token, preposition: Token) -> Slot | None:
    word = preposition.lower_
    if word == "by":
        return Slot.AGENT
    if word in COMPANION_PREPS:
        return Slot.COMPANION
    if word in PATIENT_PREPS:
        return Slot.PATIENT
    if word == "of" and action.pos_ in ("NOUN", "PROPN"):
        return Slot.PATIENT  # "a rival of X", "the killing of X", "the siege of X"
    if word == "with":
        return _with_slot(action, preposition)
    if word == "from" and (action.lemma_.lower() in TAKING_VERBS or action.lower_ in TAKING_VERBS):
        return Slot.PATIENT  # "retook the town from X"
    return None


def _with_slot(action: Token, preposition: Token) -> Slot | None:
    """ "clashed with X" is the other side; "fought with X against Y" is a companion."""
    others = [
        c
        for c in action.children
        if c.i != preposition.i
        and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in PATIENT_PREPS))
        and not _names_a_time(c)
    ]
    if others or acts_jointly(action):
        return Slot.COMPANION  # "fought with X against Y", "fights in concert with X"
    if is_reciprocal(action) and action.lemma_.lower() != "fight":
        return Slot.PATIENT
    return None  # "fought with X" says nothing of the side; "attacked with X" is a tool


def _names_a_time(phrase: Token) -> bool:
    """ "on Friday", "at dawn", "on 3 May": a time, not a second party acted on."""
    objects = [phrase]
    if phrase.dep_ == "prep":
        objects = [c for c in phrase.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _within_phrase(tokens: list[Token]) -> bool:
    """Each step from the slot word down to the party stays inside one noun phrase.

    ``tokens`` starts at the slot word (or its preposition's object) and ends at the party.
    """
    for index, token in enumerate(tokens):
        is_last = index == len(tokens) - 1
        if not is_last and _names_another_party(token):
            return False
        if index == 0:
            continue
        if not _phrase_step(tokens[index - 1], token):
            return False
    return True


def _phrase_step(parent: Token, token: Token) -> bool:
    if token.dep_ in PHRASE_DEPS:
        return token.dep_ != "pobj" or _keeps_phrase(parent)
    if token.dep_ == "prep":
        return token.lower_ in PHRASE_PREPS or (
            token.lower_ in MEMBERSHIP_PREPS and parent.lower_ in MEMBERSHIP_LINKS
        )
    return token.dep_ == "acl" and token.lower_ in MEMBERSHIP_LINKS


def _keeps_phrase(preposition: Token) -> bool:
    return preposition.lower_ in PHRASE_PREPS or preposition.lower_ in MEMBERSHIP_PREPS


def _names_another_party(token: Token) -> bool:
    return token.lemma_.lower() in OTHER_PARTY_NOUNS or token.lower_ in OTHER_PARTY_NOUNS


# -- the party above the action -------------------------------------------------------------


def _slot_above(path: list[Token], top: int) -> Slot | None:
    """The party is outside the action's phrase: climb to where it is named."""
    if _is_attributed(path, top):
        return Slot.AGENT
    climbed = _climb(path[: top + 1])
    if climbed is None:
        return None
    slot, head_is_party_phrase, shares_subject = climbed
    down = path[top:]
    if head_is_party_phrase:
        # "X, which attacked ...": X is the described noun, or inside its phrase.
        return slot if len(down) == 1 or _within_phrase(down) else None
    first = down[1] if len(down) > 1 else None
    subjects = ("nsubj", "csubj", "nsubjpass") if shares_subject else ("nsubj", "csubj")
    if first is None or first.dep_ not in subjects:
        return None
    return slot if _within_phrase(down[1:]) else None


def _is_attributed(path: list[Token], top: int) -> bool:
    """ "blamed X for the attack", "the attack was blamed on X", "accused X of attacking".

    The action hangs below an attribution verb, and the party is the one it is laid on:
    the verb's object, its passive subject, or "on / to X".
    """
    verb = path[top]
    if verb.lemma_.lower() not in ATTRIBUTION_VERBS or top == len(path) - 1:
        return False
    branch = path[top + 1 :]
    first = branch[0]
    if first.dep_ in ("dobj", "nsubjpass"):
        return _within_phrase(branch)
    if first.dep_ == "prep" and first.lower_ in ATTRIBUTED_PREPS and len(branch) > 1:
        return _within_phrase(branch[1:])
    return False


def _climb(steps: list[Token]) -> tuple[Slot, bool, bool] | None:
    """From the action up to the common ancestor: what the party up there is to the action.

    Returns the slot; whether the top is the party's own phrase (a relative clause or an
    apposition describes it) rather than a verb whose subject the party is; and whether
    the action only shares that verb's subject, as a coordinated verb does ("X entered
    the town and attacked", "the leader resisted and was detained": then the voice of
    the action, not of the verb, says whether the subject acts or is acted upon).
    """
    slot, shares_subject = Slot.AGENT, True
    for index, token in enumerate(steps[:-1]):
        head = steps[index + 1]
        is_last_step = index + 1 == len(steps) - 1
        described = _described_noun_slot(token)
        if described is not None:
            return (described, True, False) if is_last_step else None
        if not _passes_subject_up(token, head):
            return None
        if token.dep_ == "conj" and index == 0:
            slot = Slot.PATIENT if _is_passive(token) else Slot.AGENT
        else:
            shares_subject = False
    return slot, False, shares_subject


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def _described_noun_slot(token: Token) -> Slot | None:
    """ "X, which attacked Y" (agent), "X, attacked by Y" (patient), "X, a rival of Y"."""
    if token.dep_ == "relcl":
        for child in token.children:
            if child.lower_ not in RELATIVE_PRONOUNS:
                continue
            if child.dep_ in ("nsubj", "csubj"):
                return Slot.AGENT
            if child.dep_ in ("dobj", "nsubjpass"):
                return Slot.PATIENT
        return None
    if token.dep_ == "acl":
        if token.tag_ == "VBG":
            return Slot.AGENT
        if token.tag_ == "VBN":
            return Slot.PATIENT
        return None
    if token.dep_ == "appos" and is_relational(token):
        return Slot.AGENT
    return None


def _passes_subject_up(token: Token, head: Token) -> bool:
    """Whether the subject of ``head`` is also the one who carries out ``token``."""
    dep, word = token.dep_, head.lemma_.lower()
    if dep == "xcomp":
        # "vowed to fight" (not "helped Y fight": then Y fights)
        return word in CONTROL_VERBS and not any(c.dep_ == "dobj" for c in head.children)
    if dep == "conj":
        # "entered the town and attacked": the verbs share the subject
        return token.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children
        )
    if dep == "advcl":
        return token.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in token.children)
    if dep == "dobj":
        return word in LIGHT_VERBS or head.lower_ in LIGHT_VERBS
    if dep in ("attr", "acomp"):
        return word in COPULAS
    if dep == "pobj":
        return head.lower_ in STATE_PREPS or (
            head.lower_ == "for" and head.head.lemma_.lower() in RESPONSIBILITY_NOUNS
        )
    if dep == "prep":
        # the preposition of "at war", "in a battle", "responsibility for"
        if token.lower_ in STATE_PREPS:
            return word in COPULAS or word in LIGHT_VERBS
        return token.lower_ == "for" and word in RESPONSIBILITY_NOUNS
    return False
