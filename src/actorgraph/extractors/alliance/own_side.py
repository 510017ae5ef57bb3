"""The speaker's own side: "PNH spokesman X said officers fought alongside the FAd'H".

Spokespeople speak of their own forces by common nouns: "our troops", "the soldiers",
"his men", "the raid". When such a noun fights or works beside an organisation
("alongside Y", "jointly with Y", "in coordination with Y", "in a joint operation with Y")
in what a speaker says, the speaker's organisation is the one beside Y. The speaker is an
organisation that says it ("the army said"), or a person the sentence affiliates with one
("KDF spokeswoman Colonel Esther Wanjiru said").

Only these shapes: the own-side noun is the subject of the verb the frame hangs on (or the
noun a participle describes: "officers fighting alongside Y"), names
no organisation of its own ("Kenyan troops", "soldiers of Y" are someone's), and the
verb is inside what the speaker said.

>>> sorted(OWN_SIDE_NOUNS)[:3]
['fighters', 'forces', 'men']
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.extractors.alliance.reading import same_organisation
from actorgraph.extractors.lexicon import JOINT_NOUNS, JOINT_WORDS, SAYING_VERBS
from actorgraph.extractors.mentions import Mention, MentionRelation
from actorgraph.ontology import EntityType, Relation

#: Common nouns by which a speaker names their own forces or their action.
OWN_SIDE_NOUNS = frozenset(
    """
    troops soldiers officers men forces fighters units personnel policemen raid operation
    patrol offensive
    """.split()
)
#: Less sure than a cue between two names: the side is the speaker's, not written.
OWN_SIDE_CONFIDENCE = 0.6


def own_side_alliances(
    sentence: Span, mentions: list[Mention], relations: list[MentionRelation]
) -> list[MentionRelation]:
    """``alliedWith`` between the speaker's organisation and the one its own forces work
    beside, in one sentence."""
    speaker = _speakers_organisation(sentence, mentions, relations)
    if speaker is None or speaker.antecedent is not None:
        # "the group's commander said his men ...": which group is a guess, and a wrong
        # guess here would make allies of enemies
        return []
    found = []
    for other in mentions:
        if other.type is not EntityType.ORGANISATION or same_organisation(other, speaker):
            continue
        cue = _beside_the_own_side(other, sentence)
        if cue is not None:
            found.append(
                MentionRelation(
                    speaker, Relation.ALLIED_WITH, other, OWN_SIDE_CONFIDENCE, sentence, cue.text
                )
            )
    return found[:1]


def _speakers_organisation(
    sentence: Span, mentions: list[Mention], relations: list[MentionRelation]
) -> Mention | None:
    root = sentence.root
    if root.lemma_.lower() not in SAYING_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    inside = {t.i for t in subject.subtree}
    for mention in mentions:
        if mention.head.i not in inside:
            continue
        if mention.type is EntityType.ORGANISATION:
            return mention
        if mention.type is EntityType.PERSON:
            for relation in relations:
                if relation.predicate is Relation.AFFILIATED_WITH and relation.subject is mention:
                    return relation.object
    return None


def _beside_the_own_side(other: Mention, sentence: Span) -> Token | None:
    """The frame word when ``other`` is the one an own-side noun acts beside or with."""
    token = other.head
    while token.dep_ in ("compound", "appos", "poss") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        token = token.head.head  # "soldiers of the Armed Forces of Haiti"
    preposition = token.head if token.dep_ == "pobj" else None
    if preposition is None or preposition.lower_ not in ("alongside", "with"):
        return None
    verb = _frame_verb(preposition)
    if verb is None or verb.i == sentence.root.i:
        return None
    if not any(verb.i == t.i for t in sentence.root.subtree):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "acl" and not subjects:
        subjects = [verb.head]  # "officers fighting alongside Y had retaken the station"
    if len(subjects) != 1 or not _is_own_side(subjects[0]):
        return None
    return preposition


def _frame_verb(preposition: Token) -> Token | None:
    """The verb of "fought alongside Y", "carried out jointly with Y", "in coordination with
    Y", "in a joint operation with Y"; None for a plain "with"."""
    head = preposition.head
    if preposition.lower_ == "alongside":
        return head if head.pos_ == "VERB" else None
    if head.pos_ == "VERB":
        jointly = any(c.lower_ in ("jointly", "together") for c in head.children)
        return head if jointly else None
    if head.pos_ == "ADV" and head.lower_ in ("jointly", "together"):
        return head.head if head.head.pos_ == "VERB" else None
    joint = head.lower_ in JOINT_NOUNS or any(c.lower_ in JOINT_WORDS for c in head.children)
    frame = head.head
    if joint and frame.dep_ == "prep" and frame.head.pos_ in ("VERB", "AUX"):
        return frame.head
    return None


def _is_own_side(noun: Token) -> bool:
    if noun.lower_ not in OWN_SIDE_NOUNS:
        return False
    # "Kenyan troops", "Hezbollah fighters", "soldiers of Y": someone's named forces
    return not any(
        c.dep_ in ("compound", "amod", "nmod", "prep") and (c.ent_type_ or c.pos_ == "PROPN")
        for c in noun.children
    ) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
