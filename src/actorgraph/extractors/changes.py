"""Relations that start and end: the date a sentence gives to a change of allegiance.

A date expression (spaCy's DATE entities, read by :mod:`actorgraph.extractors.dates`)
dates a relation when it hangs off a word between the two sides — a verb of the
dependency path that links them, or the verb that governs it ("cut *its ties with* X"):

* "since 2014", "from 2014" — the relation holds since then (``since``);
* "until 2016", "till 2016", "up to 2016" — it held until then (``until``: it is over);
* any other date ("in 2012", "in March 2015", "last year", "two years ago") dates the
  change itself: the end of a bond the sentence says is over ("split from X in 2019",
  "cut its ties with X in 2016"), or the start of one a verb of joining begins ("joined X
  in 2012", "pledged allegiance to X in 2015", "merged with X last year").

A date elsewhere in the sentence ("X, which attacked Kabul in 2019, is allied with Y")
dates nothing; denied and hypothetical claims never get this far (they are not asserted).

>>> from actorgraph.ontology import Relation
>>> sorted(word for word in START_WORDS if word.startswith("j"))
['join']
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from actorgraph.extractors.dates import parse_expression
from actorgraph.extractors.mentions import MentionRelation
from actorgraph.extractors.syntax import dependency_path
from actorgraph.model import Period
from actorgraph.ontology import Relation

#: The relations a change can date.
DATED_RELATIONS = frozenset(
    {Relation.ALLIED_WITH, Relation.AFFILIATED_WITH, Relation.FORMERLY_ALLIED_WITH}
)

#: Words whose date is the start of the relation: "joined X in 2012", "a 2014 merger".
START_WORDS = frozenset(
    """
    join rejoin pledge swear allegiance oath merge merger ally align unite affiliate enlist
    sign form found become appoint name
    """.split()
)
#: Prepositions of a date from which a relation holds, and of one up to which it held.
SINCE_PREPOSITIONS = frozenset({"since", "from"})
UNTIL_PREPOSITIONS = frozenset({"until", "till", "til", "to", "through", "before"})

#: Dependencies climbed from a date up to the word it modifies.
_CLIMB = frozenset(
    {
        "pobj",
        "prep",
        "npadvmod",
        "advmod",
        "pcomp",
        "nummod",
        "quantmod",
        "amod",
        "compound",
        "npmod",
        "tmod",
        "nmod",
        "appos",
        "conj",
        "cc",
    }
)
_DATE_LABELS = frozenset({"DATE"})


def relation_period(relation: MentionRelation, article_date: date | None) -> Period:
    """The start and end dates the sentence gives to ``relation`` (empty if it gives none).

    A relation that ``ended`` (``formerlyAlliedWith``) takes a plain date as its end.
    """
    if relation.predicate not in DATED_RELATIONS:
        return Period()
    anchors = _anchors(relation.subject.head, relation.object.head)
    if not anchors:
        return Period()
    ended = relation.predicate is Relation.FORMERLY_ALLIED_WITH
    starts = any(_is_start_word(token) for token in anchors.values())
    since = until = None
    for entity in _dates(relation.sentence):
        governor, preposition = _governor(entity, anchors)
        if governor is None:
            continue
        when = parse_expression(entity.text, article_date)
        if when is None:
            continue
        if preposition in SINCE_PREPOSITIONS:
            since = since or when
        elif preposition in UNTIL_PREPOSITIONS or ended:
            until = until or when
        elif starts or _is_start_word(governor):
            since = since or when
    return Period(since, until)


def _anchors(first: Token, second: Token) -> dict[int, Token]:
    """The words a date may hang off to date the relation between ``first`` and ``second``."""
    path = dependency_path(first, second)
    if len(path) < 2:
        return {}
    inner = [token for token in path if token.i not in (first.i, second.i)]
    top = min(path, key=lambda token: sum(1 for _ in token.ancestors))
    words = {token.i: token for token in inner}
    # "its ties with X" under "cut", "a member of X" under "became": the governing verb
    governor = top
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
        words[governor.i] = governor
    if top.pos_ not in ("VERB", "AUX") and governor.pos_ in ("VERB", "AUX"):
        words[governor.i] = governor
    return words


def _dates(sentence: Span) -> list[Span]:
    return [entity for entity in sentence.ents if entity.label_ in _DATE_LABELS]


def _governor(entity: Span, anchors: dict[int, Token]) -> tuple[Token | None, str | None]:
    """The anchor that the date hangs off, and the preposition that introduces the date."""
    token, preposition = entity.root, None
    for _ in range(6):
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return None, None
        if token.dep_ == "prep" and preposition is None:
            preposition = token.lower_
        token = token.head
        if token.i in anchors:
            return token, preposition
        if token.pos_ in ("VERB", "AUX"):
            return None, None
    return None, None


def _is_start_word(token: Token) -> bool:
    return token.lemma_.lower() in START_WORDS or token.lower_ in START_WORDS
