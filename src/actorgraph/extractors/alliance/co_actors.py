"""Co-actors: two organisations listed as the doers of one act did it together.

"Soldiers of the Mexican Army and the National Guard arrested 11 gunmen", "fighters of
the KIA and units of the PDF attacked an outpost", "KDF soldiers and police officers
repulsed an attack": the two are conjuncts of one list, and the list is the subject of one
violent or operational verb. So they acted on the same side.

Not when the act has two sides of its own ("X and Y clashed", "fought each other"), when
the list is distributive ("both X and Y have shelled ...", "in separate attacks",
"respectively"), or when the list is acted on rather than acting (a passive verb, or an
object: "accused X and Y of attacking"). Denials and modals are read afterwards, as for
every finding (:mod:`~actorgraph.extractors.alliance.modality`).
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.alliance.lexicon import PERSONNEL_NOUNS, STATE_KINDS
from actorgraph.extractors.events.triggers import rank_or_lowest, trigger_kind
from actorgraph.extractors.lexicon import LIGHT_VERBS
from actorgraph.extractors.mentions import Mention
from actorgraph.extractors.roles import is_reciprocal, phrase_head
from actorgraph.ontology import EventKind

#: Acts of security operations that the trigger vocabulary leaves out, because they are
#: no event of their own: "X and Y repulsed an attack", "secured the villages".
OPERATION_VERBS = frozenset(
    """
    repel repulse secure clear patrol search rescue free liberate recapture retake destroy
    dismantle neutralise neutralize pursue track hunt intercept foil thwart target hit
    encircle surround evacuate push drive expel rout
    """.split()
)

#: What the light verb of a joint act may carry out: "carried out joint strikes".
OPERATION_NOUNS = frozenset({"operation", "offensive", "patrol", "mission", "sweep", "strike"})

#: Words that make a list distributive: each member acted apart.
DISTRIBUTIVE_WORDS = frozenset(
    """
    both each either neither separate separately respective respectively independently
    alike individually
    """.split()
)

#: Objects that turn a two-sided verb back on its subjects: "fought each other".
RECIPROCAL_PRONOUNS = frozenset({"other", "another"})


def acted_together(first: Mention, second: Mention) -> Token | None:
    """The verb of which the two organisations are conjoined doers, if any."""
    if _state_and_insurgent(first, second):
        return None  # "troops and rebels killed 50 civilians" tells of a war, not a pact
    if not _listed_apart(first, second):
        return None  # "the Group of the Jammu and Kashmir Police": an "and" inside a name
    a, b = _member(first.head), _member(second.head)
    if a.i == b.i:
        return None
    root_a, root_b = _list_root(a), _list_root(b)
    if root_a.i != root_b.i:
        return None
    subject = _personnel_above(root_a)
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.i == subject.i or not _is_an_act(verb):
        return None
    if _distributive(subject, verb) or _two_sided(verb):
        return None
    return verb


def _listed_apart(first: Mention, second: Mention) -> bool:
    """An "and" (or a list's comma) stands between the two names, outside both."""
    earlier, later = sorted((first.span, second.span), key=lambda span: span.start)
    return any(t.lower_ in ("and", ",") for t in earlier.doc[earlier.end : later.start])


def _state_and_insurgent(first: Mention, second: Mention) -> bool:
    kinds = {first.referent.kind, second.referent.kind}
    return "armed_group" in kinds and bool(kinds & STATE_KINDS)


def _member(head: Token) -> Token:
    """The list member a name stands for: the name's phrase, or the personnel noun it
    qualifies ("soldiers of the Mexican Army", "KDF soldiers")."""
    token = _phrase(head)
    while token.dep_ == "appos" and token.head.i != token.i:
        token = _phrase(token.head)  # "the NUG's armed wing" stands by its name
    return _personnel_above(token)


def _personnel_above(token: Token) -> Token:
    """ "soldiers" for "Army" in "soldiers of the Army": climb "of" / "from" under a
    personnel noun, as often as it goes ("a team of KDF soldiers")."""
    while token.dep_ == "pobj" and token.head.lower_ in ("of", "from"):
        preposition = token.head
        noun = _nearest_conjunct(preposition.head, preposition)
        if noun.lemma_.lower() not in PERSONNEL_NOUNS and noun.lower_ not in PERSONNEL_NOUNS:
            break
        token = _phrase(noun)
    return token


def _nearest_conjunct(noun: Token, preposition: Token) -> Token:
    """ "X troops and operatives of Y": the parse may hang "of Y" on "troops"; it belongs
    to the conjunct just before it."""
    between = [c for c in noun.children if c.dep_ == "conj" and noun.i < c.i < preposition.i]
    return between[-1] if between else noun


def _phrase(token: Token) -> Token:
    """The head of a name's phrase, through a name the parse made a modifier
    ("Kenya Defence Forces (KDF) soldiers")."""
    token = phrase_head(token)
    while token.dep_ == "nmod" and token.head.i != token.i and token.head.pos_ == "NOUN":
        token = phrase_head(token.head)
    return token


def _list_root(token: Token) -> Token:
    """The first conjunct of the list ``token`` is a member of."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = _phrase(token.head)
        token = _personnel_above(token) if token.dep_ == "pobj" else token
    return token


def _is_an_act(verb: Token) -> bool:
    """A violent or operational verb, or a light verb carrying such an act out."""
    if verb.pos_ != "VERB":
        return False
    if _is_violence(verb) or verb.lemma_.lower() in OPERATION_VERBS:
        return True
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return False
    acts = [c for c in verb.children if c.dep_ == "dobj"]
    return any(_is_violence(act) or act.lemma_.lower() in OPERATION_NOUNS for act in acts)


def _is_violence(token: Token) -> bool:
    if rank_or_lowest(token) < 0:
        return False
    return trigger_kind(token)[0] is not EventKind.PROTEST


def _distributive(subject: Token, verb: Token) -> bool:
    """ "both X and Y", "X and Y each", "in separate attacks", "respectively"."""
    words = [*subject.subtree, *verb.children]
    for child in verb.children:
        if child.dep_ in ("prep", "dobj", "npadvmod"):
            words.extend(child.subtree)
    return any(word.lower_ in DISTRIBUTIVE_WORDS for word in words)


def _two_sided(verb: Token) -> bool:
    """A verb of two sides (clash, fight) with no third party for the list to face."""
    if not is_reciprocal(verb):
        return False
    faced = [c for c in verb.children if c.dep_ == "dobj"]
    faced += [
        grandchild
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ in ("against", "with")
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]
    return not faced or any(t.lower_ in RECIPROCAL_PRONOUNS for t in faced)
