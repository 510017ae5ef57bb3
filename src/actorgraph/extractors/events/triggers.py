"""Event triggers: the nouns and verbs news uses for violence, mapped to ontology kinds.

Also what makes a mention background rather than an event of the day.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.extractors.lexicon import IRREALIS_AUX
from actorgraph.ontology import EventKind

#: lemma → (kind, rank); among joined triggers the highest rank names the event.
TRIGGERS: dict[str, tuple[EventKind, int]] = {
    **dict.fromkeys(
        ["airstrike", "air-strike", "bombardment", "airstrikes"], (EventKind.AIRSTRIKE, 9)
    ),
    **dict.fromkeys(
        ["bombing", "bomb", "ied", "explosion", "blast", "explode", "detonate", "bomber"],
        (EventKind.BOMBING, 8),
    ),
    **dict.fromkeys(
        ["kidnap", "kidnapping", "abduct", "abduction", "kidnapped", "abducted"],
        (EventKind.KIDNAPPING, 7),
    ),
    **dict.fromkeys(["raid", "incursion"], (EventKind.RAID, 6)),
    **dict.fromkeys(
        [
            "clash",
            "gunfight",
            "firefight",
            "battle",
            "skirmish",
            "shootout",
            "gunbattle",
            "engage",
            "fight",
        ],
        (EventKind.CLASH, 5),
    ),
    **dict.fromkeys(
        ["attack", "ambush", "assault", "shelling", "shell", "shooting", "offensive", "storm"],
        (EventKind.ATTACK, 4),
    ),
    **dict.fromkeys(
        ["capture", "arrest", "detain", "detention", "apprehend", "seize"], (EventKind.CAPTURE, 3)
    ),
    **dict.fromkeys(
        ["kill", "killing", "assassinate", "assassination", "execute", "behead", "murder"],
        (EventKind.KILLING, 2),
    ),
    **dict.fromkeys(["protest", "demonstration"], (EventKind.PROTEST, 1)),
    "operation": (EventKind.RAID, 0),
}


AIR_WORDS = frozenset(
    {
        "drone",
        "air",
        "aerial",
        "missile",
        "warplane",
        "jet",
        "aircraft",
        "helicopter",
        "plane",
        "airstrike",
    }
)


BOMB_WORDS = frozenset(
    {"bomb", "ied", "explosive", "car", "roadside", "suicide", "mine", "grenade"}
)


#: Actions governed by these words did not (yet) happen, or are a person's background
#: ("planning attacks", "responsible for IED attacks", "linked to the bombing").
BACKGROUND_GOVERNORS = frozenset(
    """
    plan prepare plot threaten vow intend want seek aim warn prevent avoid stop right reserve
    continue promise threat capability responsible deny foil thwart involve link connect
    associate suspect accuse blame facilitate coordinate direct orchestrate mastermind organise
    organize
    """.split()
)


GOVERNOR_STEPS = 4


#: Clause edges that events are not joined across, and that mark a description of a noun.
CLAUSE_EDGES = frozenset({"acl", "relcl", "ccomp", "csubj"})


#: "seize" counts only for people: "seized weapons" is no capture.
PEOPLE_OBJECT_ONLY = frozenset({"seize", "capture", "execute"})


DURATION_NOUNS = frozenset({"year", "decade", "month", "week", "day"})


SEQUENCE_PREPS = frozenset({"after", "before", "following", "since", "ahead"})


DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def anchor_token(cluster: list[Token]) -> Token:
    return min(cluster, key=lambda t: len(list(t.ancestors)))


def refers_back(cluster: list[Token]) -> bool:
    """ "the strike", "this operation": a definite mention of an event already reported."""
    anchor = anchor_token(cluster)
    return anchor.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in anchor.children
    )


def reports_one_event(cluster: list[Token]) -> bool:
    """A verb or a singular noun: not "attacks on villages", which are many and unplaced."""
    anchor = anchor_token(cluster)
    return anchor.pos_ != "NOUN" or anchor.tag_ != "NNS"


def is_headline(sentence: Span) -> bool:
    """The article's first line when it has no final full stop: a headline, not a sentence."""
    doc = sentence.doc
    words = [t for t in sentence if not t.is_space]
    first = next((t for t in doc if not t.is_space), None)
    if not words or first is None or words[0].i != first.i:
        return False
    last = words[-1]
    end = last.idx + len(last.text)
    followed_by_break = last.i == len(doc) - 1 or "\n" in doc.text[end : end + 4]
    return followed_by_break and last.text not in (".", "!", "?", '"', "”")


def trigger_kind(token: Token) -> tuple[EventKind, int]:
    word = token.lemma_.lower()
    if word == "strike" or token.lower_ in ("strike", "strikes", "struck"):
        related = {t.lemma_.lower() for t in token.children} | {t.lower_ for t in token.children}
        if token.pos_ == "VERB":
            related |= {
                t.lemma_.lower() for c in token.children if c.dep_ == "nsubj" for t in c.subtree
            }
        if related & AIR_WORDS:
            return EventKind.AIRSTRIKE, 9
        if related & BOMB_WORDS:
            return EventKind.BOMBING, 8
        return EventKind.ATTACK, 4
    if word not in TRIGGERS and token.lower_ in TRIGGERS:
        word = token.lower_
    return TRIGGERS[word]


def trigger_rank(token: Token) -> int:
    return trigger_kind(token)[1]


def is_trigger(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "VERB", "PROPN"):
        return False
    word = token.lemma_.lower()
    if word not in TRIGGERS and token.lower_ not in TRIGGERS and word != "strike":
        return False
    if word in PEOPLE_OBJECT_ONLY and token.pos_ == "VERB" and not _has_human_object(token):
        return False
    if token.pos_ == "NOUN" and (_is_modifier_noun(token) or _is_habitual_plural(token)):
        return False
    return not _is_background(token)


def _is_modifier_noun(token: Token) -> bool:
    """ "attack cells", "bomb-making material": the trigger word only describes another noun."""
    return token.dep_ == "compound" and not is_trigger_word(token.head)


def _is_habitual_plural(token: Token) -> bool:
    """ "attacks on villages", "IED attacks against forces": many events, none in particular."""
    if token.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "nummod", "poss") for c in token.children)


def is_trigger_word(token: Token) -> bool:
    return token.lemma_.lower() in TRIGGERS or token.lower_ in TRIGGERS


def _has_human_object(token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return not objects or any(
        o.ent_type_ in ("PERSON", "ORG", "NORP") or o.lemma_.lower() in HUMAN_NOUNS for o in objects
    )


HUMAN_NOUNS = frozenset(
    {
        "insurgent",
        "militant",
        "fighter",
        "leader",
        "commander",
        "member",
        "suspect",
        "man",
        "men",
        "people",
        "soldier",
        "officer",
        "civilian",
        "facilitator",
        "individual",
        "person",
        "terrorist",
    }
)


def _is_background(token: Token) -> bool:
    """Negated, hypothetical, planned, or part of a description of someone's past."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.pos_ == "VERB" and any(
        c.dep_ == "aux" and (c.lower_ in IRREALIS_AUX or c.tag_ == "TO") for c in token.children
    ):
        return True  # "could attack", "an operation to capture a leader"
    if token.pos_ == "VERB" and _lasts(token):
        return True  # "has fought the jihadists since 2015": a state of affairs, not an event
    node = token
    for steps, ancestor in enumerate(token.ancestors):
        if steps < GOVERNOR_STEPS and ancestor.lemma_.lower() in BACKGROUND_GOVERNORS:
            return True
        if node.dep_ in ("acl", "relcl") and _is_person_noun(ancestor):
            # "a leader who planned attacks", "a facilitator suspected of the bombing"
            return True
        node = ancestor
    return False


def _lasts(verb: Token) -> bool:
    """ "since 2015", "for years": the clause describes something ongoing."""
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ == "since":
            return True
        if child.lower_ == "for" and any(
            t.ent_type_ == "DATE" or t.lemma_ in DURATION_NOUNS for t in child.subtree
        ):
            return True
    return False


def describes_a_person(span: Span) -> bool:
    """ "a leader who operates in Spin Boldak district", "the shadow governor for Logar"."""
    node = span.root
    for ancestor in node.ancestors:
        if node.dep_ in ("acl", "relcl") and _is_person_noun(ancestor):
            return True
        if node.dep_ == "prep" and node.lower_ in ("for", "of") and _is_person_noun(ancestor):
            return True
        node = ancestor
    return False


def _is_person_noun(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in HUMAN_NOUNS


def trigger_clusters(sentence: Span) -> list[list[Token]]:
    """Triggers of a sentence grouped into events: joined in the parse unless coordinated."""
    triggers = [t for t in sentence if is_trigger(t)]
    if not triggers:
        return []
    owner = {t.i: t.i for t in triggers}
    for trigger in triggers:
        node = trigger
        for ancestor in trigger.ancestors:
            if node.dep_ == "conj" or node.dep_ in CLAUSE_EDGES:
                break
            if node.dep_ == "prep" and node.lower_ in SEQUENCE_PREPS:
                break  # "arrested two men after the blast": another, earlier event
            if ancestor.i in owner:
                owner[trigger.i] = _root(owner, ancestor.i)
                break
            node = ancestor
    clusters: dict[int, list[Token]] = {}
    for trigger in triggers:
        clusters.setdefault(_root(owner, trigger.i), []).append(trigger)
    return list(clusters.values())


def _root(owner: dict[int, int], index: int) -> int:
    while owner[index] != index:
        index = owner[index]
    return index
