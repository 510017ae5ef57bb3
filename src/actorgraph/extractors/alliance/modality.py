"""Whether a stated bond is taken back: denied ("denies ties", "did not attack") or
hypothetical ("could ally", "may join forces", "if X joined Y").

Only the hypothetical modals count ("could", "might", "may"): "will cooperate" and "would
keep standing by its ally" (reported speech) still state a bond.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from actorgraph.extractors.alliance.lexicon import CONDITIONAL_MARKS
from actorgraph.extractors.alliance.polarity import Polarity
from actorgraph.extractors.lexicon import DENIAL_VERBS, HYPOTHETICAL_AUX


def taken_back(clause: Iterable[Token]) -> Polarity | None:
    """``DENIED`` or ``HYPOTHETICAL`` when a word of the clause takes the claim back."""
    tokens = list(clause)
    if any(_is_denied(token) for token in tokens) or _denied_afterwards(tokens):
        return Polarity.DENIED
    if any(_is_hypothetical(token) for token in tokens):
        return Polarity.HYPOTHETICAL
    return None


def _is_denied(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    if any(_negates(child) for child in token.children):
        return True
    return any(_denies(verb) for verb in _governors(token))


def _denies(verb: Token) -> bool:
    """ "denied", "rejected"; "ruled out any pact with Y"."""
    word = verb.lemma_.lower()
    if word == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return word in DENIAL_VERBS


def _negates(child: Token) -> bool:
    """ "did not back", "has no links with", "never supported"."""
    return child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no")


#: Nouns by which a sentence sums up what it just reported: "..., a link X denies".
CLAIM_NOUNS = frozenset({"link", "tie", "claim", "allegation", "accusation", "charge", "report"})


def _denied_afterwards(tokens: list[Token]) -> bool:
    """ "UN experts described cooperation between X and Y, a link the government denies",
    "... a claim the group rejected": a noun summing up the report, in apposition, that a
    relative clause denies."""
    if not tokens:
        return False
    top = min(tokens, key=lambda t: sum(1 for _ in t.ancestors))
    # what the noun sums up holds the pair: it hangs on the pair's words, or above them
    # with the pair in what the verb says rather than in its subject ("X, backed by Y, was
    # accused of Z, a charge it denies" denies Z, not the backing)
    above = [*tokens, *_heads_above_outside_subjects(top)]
    first = min(t.i for t in tokens)
    for head in above:
        for token in head.children:
            if token.dep_ not in ("appos", "npadvmod") or token.i < first:
                continue
            if token.lemma_.lower() not in CLAIM_NOUNS:
                continue
            if any(c.dep_ == "relcl" and c.lemma_.lower() in DENIAL_VERBS for c in token.children):
                return True
    return False


def _heads_above_outside_subjects(token: Token) -> list[Token]:
    """The token's ancestors up to the first one it reaches as (part of) a subject."""
    found = []
    while token.head.i != token.i and token.dep_ not in ("nsubj", "nsubjpass"):
        token = token.head
        found.append(token)
    return found


def _governors(token: Token) -> list[Token]:
    """The token's ancestors, up to the verb whose subject it belongs to: the one who
    denies is not what is denied ("X, an umbrella that includes Y, denied the report")."""
    found = []
    while token.head.i != token.i:
        arriving = token
        token = token.head
        if arriving.dep_ in ("nsubj", "nsubjpass"):
            break
        found.append(token)
    return found


def _is_hypothetical(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX", "NOUN") and any(
        child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUX for child in token.children
    ):
        return True
    return any(_is_condition(node) for node in (token, *token.ancestors))


def _is_condition(token: Token) -> bool:
    """ "if X joined Y ...", or a clause that holds only "... if Z asked"."""
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            return True
        if child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS for g in child.children
        ):
            return True
    return False
