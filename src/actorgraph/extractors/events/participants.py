"""Who took part in an event, and in which role: who carried it out, who was its target.

Participants are looked for in the event's clause, its sentence and the sentences that
follow. Each gets a role (:data:`~actorgraph.ontology.Relation`) from the slot it fills
around the event's words (see :mod:`actorgraph.extractors.roles`):

* ``perpetrator`` — who carried the event out: "X militants attacked", "were attacked
  by X", "an X raid", "X launched an offensive", "X claimed responsibility for the
  attack"; named in a later sentence, the one who claims it or whom it is laid on:
  "X claimed responsibility", "officials blamed X", "officials suspected X",
  "the attackers were presumed X militants";
* ``target`` — whom it was aimed at: "attacked a Y convoy", "killed four Y militants",
  "Y fighters were killed", "an attack on Y";
* ``involves`` — taking part with no role said: both sides of a clash ("X clashed with
  Y"), a bystander of the sentence, or a claim taken back ("X denied carrying out the
  attack").

RDF writes ``ag:involves`` beside every role triple (see :mod:`actorgraph.graph.rdf`), so
plain ``involves`` queries still find every participant.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from actorgraph.extractors.events.items import EventMention, Participant
from actorgraph.extractors.events.triggers import (
    DEFINITE_DETERMINERS,
    anchor_token,
    is_trigger_word,
    tells_of_a_war,
)
from actorgraph.extractors.lexicon import (
    ATTRIBUTED_PREPS,
    ATTRIBUTION_VERBS,
    DENIAL_VERBS,
    GROUP_KINDS,
    ORGANISATION_NAME_WORDS,
    RESPONSIBILITY_NOUNS,
)
from actorgraph.extractors.mentions import Mention
from actorgraph.extractors.roles import Slot, is_reciprocal, phrase_head, slot_of
from actorgraph.extractors.syntax import dependency_path
from actorgraph.ontology import EntityType, Relation

CLAUSE_PARTICIPANT_CONFIDENCE = 0.75


SENTENCE_PARTICIPANT_CONFIDENCE = 0.6


DISCOURSE_PARTICIPANT_CONFIDENCE = 0.45


#: The role each slot around the event's words gives: a companion acts with the agent.
SLOT_ROLES = {
    Slot.AGENT: Relation.PERPETRATOR,
    Slot.COMPANION: Relation.PERPETRATOR,
    Slot.PATIENT: Relation.TARGET,
}

#: Nouns for whoever carried an attack out: "the attackers were X militants".
PERPETRATOR_NOUNS = frozenset(
    "attacker assailant gunman gunmen perpetrator bomber culprit kidnapper abductor".split()
)

#: What "claimed" must have as object to claim an event: "claimed responsibility",
#: "claimed it", or an event word ("claimed the bombing").
CLAIMED_PRONOUNS = frozenset({"it", "this", "that"})


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
        found.append(Participant(mention, confidence, role=event_role(cluster, mention)))
    return agree_roles(found)


def event_role(cluster: list[Token], mention: Mention) -> Relation:
    """``perpetrator``, ``target`` or plain ``involves``: the role the sentence gives.

    The event's words that name one-sided actions (attack, kill, capture, raid, ...)
    are read; a clash puts both sides alike. When two words disagree, no role is given.
    """
    roles = set()
    for trigger in cluster:
        if is_reciprocal(trigger):
            continue
        slot = slot_of(trigger, mention.head)
        if slot is None or _is_taken_back(dependency_path(trigger, mention.head)):
            continue
        roles.add(SLOT_ROLES[slot])
    return roles.pop() if len(roles) == 1 else Relation.INVOLVES


def agree_roles(found: list[Participant]) -> list[Participant]:
    """Mentions of one organisation share the role that one of them has.

    "Taliban fighters attacked the post, the Taliban said": both mentions are one
    perpetrator, not a perpetrator and a bystander. Conflicting roles stay as they are.
    """
    roles: dict[str, set[Relation]] = defaultdict(set)
    for participant in found:
        if participant.role is not Relation.INVOLVES:
            roles[_referent_key(participant.mention)].add(participant.role)
    agreed = []
    for participant in found:
        known = roles.get(_referent_key(participant.mention), set())
        if participant.role is Relation.INVOLVES and len(known) == 1:
            participant = replace(participant, role=next(iter(known)))
        agreed.append(participant)
    return agreed


def claimed_or_blamed(mention: Mention) -> bool:
    """The sentence lays an event at the mention's door, without naming it again.

    "X claimed responsibility", "X claimed it", "officials blamed X", "officials
    suspected X", "X was blamed", "it was blamed on X", "attributed to X", "X was
    behind the attack", "the attackers were presumed X militants". Not when negated or
    denied ("X denied responsibility", "officials did not blame X").
    """
    head = _phrase_top(mention.head)
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ in ATTRIBUTED_PREPS:
        return _attributes(governor.head) and not _is_taken_back([governor.head])
    if head.dep_ in ("dobj", "nsubjpass") and _attributes(governor):
        return not _is_taken_back([governor])
    if head.dep_ == "nsubj" and (_claims_event(governor) or _is_behind_event(governor)):
        return not _is_taken_back([governor])
    return _named_as_perpetrator(head)


def attach_group_mentions(
    events: list[EventMention], doc: Doc, by_sentence: dict[int, list[Mention]]
) -> None:
    """Armed groups named in sentences that report no event take part in the nearest event.

    Follow-up sentences name the target of the operation just reported ("The Taliban
    facilitator prepares weapons ..."), or who claimed it or was blamed for it ("The
    Taliban claimed responsibility"); each group joins the closest earlier event (or,
    before the first event, the first one), as its perpetrator when the sentence lays the
    event at its door.
    """
    if not events:
        return
    with_events = {event.sentence.start for event in events}
    for start, mentions in by_sentence.items():
        if start in with_events:
            continue
        groups = [m for m in mentions if m.referent.kind in GROUP_KINDS or _unknown_group(m)]
        if not groups or _tells_of_a_war(groups[0].span.sent):
            continue
        earlier = [e for e in events if e.sentence.start < start]
        event = earlier[-1] if earlier else events[0]
        known = {id(p.mention) for p in event.participants}
        event.participants.extend(
            Participant(
                m,
                DISCOURSE_PARTICIPANT_CONFIDENCE,
                m.span.sent,
                Relation.PERPETRATOR if claimed_or_blamed(m) else Relation.INVOLVES,
            )
            for m in groups
            if id(m) not in known
        )


def _tells_of_a_war(sentence: Span) -> bool:
    """ "The army fights the ADF in North Kivu": the sides of a war going on, not of the
    event reported before."""
    return any(tells_of_a_war(token) for token in sentence)


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


# -- helpers ------------------------------------------------------------------------------------


def _referent_key(mention: Mention) -> str:
    referent = mention.referent
    return referent.known_as or referent.name.casefold()


def _is_taken_back(tokens: list[Token]) -> bool:
    """A negated word or a denial on the way: "X denied carrying out the attack"."""
    return any(
        token.lemma_.lower() in DENIAL_VERBS or any(c.dep_ == "neg" for c in token.children)
        for token in tokens
    )


def _phrase_top(token: Token) -> Token:
    """The noun phrase a name sits in, up through "of": "fighters of X" for X."""
    token = phrase_head(token)
    while (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.pos_
        in (
            "NOUN",
            "PROPN",
        )
    ):
        token = phrase_head(token.head.head)
    return token


def _attributes(verb: Token) -> bool:
    """ "blamed", "suspected", "accused", "attributed", "held (responsible)" — the event itself.

    Blame for something else ("blamed X for several attacks", "suspected of past
    bombings") is no attribution of the event at hand.
    """
    word = verb.lemma_.lower()
    if word == "hold" and not any(c.lower_ == "responsible" for c in verb.children):
        return False
    if word not in ATTRIBUTION_VERBS and word != "hold":
        return False
    named = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("for", "of")
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]
    named += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and is_trigger_word(c)]
    return all(_refers_to_the_event(noun) for noun in named)


def _claims_event(verb: Token) -> bool:
    """ "claimed responsibility", "claimed the bombing", "claimed it"; not "claimed that ..."
    nor "claimed several attacks" (others than the one reported)."""
    if verb.lemma_.lower() not in ("claim", "take"):
        return False
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        if child.lemma_.lower() in RESPONSIBILITY_NOUNS:
            return all(
                _refers_to_the_event(g)
                for c in child.children
                if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children
                if g.dep_ == "pobj"
            )
        if verb.lemma_.lower() == "claim" and (
            child.lower_ in CLAIMED_PRONOUNS or is_trigger_word(child)
        ):
            return _refers_to_the_event(child)
    return False


def _is_behind_event(verb: Token) -> bool:
    """ "X was behind the attack", "X is believed to be behind the bombing"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "behind":
            return any(
                (is_trigger_word(g) or g.lower_ in CLAIMED_PRONOUNS) and _refers_to_the_event(g)
                for g in child.children
            )
        if child.dep_ == "xcomp" and _is_behind_event(child):
            return True
    return False


def _refers_to_the_event(noun: Token) -> bool:
    """ "it", "the attack", "this bombing", "Sunday's blast": the event just reported.

    Not "several attacks", "attacks in the region": other events. For a verb ("accused
    of carrying out the attack") its object is what must refer back.
    """
    if noun.lower_ in CLAIMED_PRONOUNS:
        return True
    if noun.pos_ in ("VERB", "AUX"):
        objects = [c for c in noun.children if c.dep_ == "dobj"]
        return all(_refers_to_the_event(o) for o in objects)
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss"
        for c in noun.children
    )


def _named_as_perpetrator(head: Token) -> bool:
    """ "The attackers were (presumed) X militants", "the gunmen, X fighters, ...",
    "the attackers were believed to be X militants"."""
    if head.dep_ == "appos":
        return _is_perpetrator_noun(head.head)
    if head.dep_ not in ("attr", "oprd"):
        return False
    verb = head.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_is_perpetrator_noun(subject) for subject in subjects)


def _is_perpetrator_noun(token: Token) -> bool:
    return token.lemma_.lower() in PERPETRATOR_NOUNS or token.lower_ in PERPETRATOR_NOUNS
