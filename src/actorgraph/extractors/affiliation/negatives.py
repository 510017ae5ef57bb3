"""Affiliations that are over: a person who was, but is no longer, with the organisation.

"Mustapha Bulama, a former ISWAP commander who surrendered to the military", "Carlos
Marín, a former ELN commander who deserted the group", "ex-Taliban commander Mullah
Salam", "X, who defected from Y": the rules may read a role in these; the person has left,
so no current ``affiliatedWith``.

>>> from actorgraph.extractors.affiliation.lexicon import LEAVING_VERBS
>>> {"defect", "desert", "quit"} <= LEAVING_VERBS
True
"""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extractors.affiliation.lexicon import LEAVING_VERBS
from actorgraph.extractors.lexicon import ORGANISATION_NAME_WORDS
from actorgraph.extractors.mentions import Mention


def is_former(person: Mention, organisation: Mention) -> bool:
    """The sentence says the person left the organisation: "X, who defected from Y",
    "X, a former Y commander who deserted the group", "ex-Y commander X".

    "Former" alone does not settle it ("a former National Security Council aide" is, in
    CoNLL04's reading, someone who worked for the council), so it needs a verb of leaving.
    """
    if _prefixed_ex(organisation) or _prefixed_ex(person):
        return True
    return _left(person, organisation)


def _prefixed_ex(mention: Mention) -> bool:
    """ "ex-Taliban commander", "Ex-FARC fighter" (tokenised "ex", "-", "Taliban")."""
    doc, start = mention.span.doc, mention.span.start
    if mention.span.text.lower() in ("ex-", "ex"):
        return True
    words = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return words[-2:] == ["ex", "-"] or words[-1:] == ["ex-"]


def _left(person: Mention, organisation: Mention) -> bool:
    """A verb of leaving, done by the person or by the role noun describing them, whose
    object or "from" names the organisation (or "the group")."""
    for token in person.span.sent:
        if token.lemma_.lower() not in LEAVING_VERBS or token.pos_ != "VERB":
            continue
        doer = _doer(token)
        if doer is None or not _describes(doer, person):
            continue
        gave_up = token.lemma_.lower() == "surrender" and not _objects(token)
        if gave_up or _leaves_the_group(token, organisation):
            return True
        if _former_member_of(doer, person, organisation) or _left_it(token, organisation):
            return True
    return False


def _former_member_of(doer: Token, person: Mention, organisation: Mention) -> bool:
    """ "Abu Aqla Kayka, a former RSF commander who defected to the army": a former role
    in the organisation, held by whoever left (wherever they went)."""
    role = doer if doer.i != person.head.i else None
    if role is None or not any(c.lower_ in ("former", "ex") for c in role.children):
        return False
    inside = range(organisation.span.start, organisation.span.end)
    return any(c.i in inside and c.dep_ in ("compound", "poss", "nmod") for c in role.children)


def _left_it(verb: Token, organisation: Mention) -> bool:
    """ "X founded the Azov battalion in 2014 but left it two years later": "it" is the
    organisation that the verb joined to the leaving one took as its object."""
    if verb.dep_ != "conj" or not any(o.lower_ in ("it", "them") for o in _objects(verb)):
        return False
    first = verb.head
    named = organisation.head
    while named.dep_ in ("compound", "poss", "amod") and named.head.i != named.i:
        named = named.head
    return named.dep_ == "dobj" and named.head.i == first.i


def _leaves_the_group(verb: Token, organisation: Mention) -> bool:
    """ "deserted the group", "defected from al-Shabaab", "was expelled from the ANC"; not
    "left Kabul"."""
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return False  # "dismissed both groups as a handful of rebels": scorn, not leaving
    inside = range(organisation.span.start, organisation.span.end)
    return any(o.i in inside or _the_group(o) for o in _objects(verb))


def _the_group(token: Token) -> bool:
    """ "the group", "its party": one organisation named by a common noun, not "both groups"."""
    if token.lemma_.lower() not in ORGANISATION_NAME_WORDS or token.tag_ == "NNS":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ != "both" for c in token.children)


def _objects(verb: Token) -> list[Token]:
    """The verb's direct object and what it goes "from"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects + [
        o for p in verb.children if p.lower_ == "from" for o in p.children if o.dep_ == "pobj"
    ]


def _doer(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        return verb.head  # "X, a former commander who deserted": the noun described
    if subjects:
        return subjects[0]
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _doer(verb.head)  # "founded X in 2014 but left it": the first verb's subject
    return verb.head if verb.dep_ in ("relcl", "acl") else None


def _describes(token: Token, person: Mention) -> bool:
    """The token is the person, or a noun in apposition to the person."""
    head = person.head
    if token.i == head.i or person.span.start <= token.i < person.span.end:
        return True
    return (token.dep_ == "appos" and token.head.i == head.i) or (
        head.dep_ == "appos" and head.head.i == token.i
    )
