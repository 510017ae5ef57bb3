"""Small helpers over spaCy dependency parses, shared by the extractors."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

_Value = TypeVar("_Value")

#: Per name, the last doc asked about and what was worked out for it.
_LAST_DOC: dict[str, tuple[Doc, Any]] = {}


def once_per_doc(doc: Doc, name: str, make: Callable[[], _Value]) -> _Value:
    """``make()``, worked out once per doc and kept until another doc is asked about under
    ``name``: for what several tests of one doc read again and again (its entities, which
    of its lines are headlines).

    >>> import spacy
    >>> doc = spacy.blank("en")("a b")
    >>> once_per_doc(doc, "example", lambda: [1]) is once_per_doc(doc, "example", list)
    True
    """
    kept = _LAST_DOC.get(name)
    if kept is None or kept[0] is not doc:
        kept = _LAST_DOC[name] = (doc, make())
    return kept[1]


def dependency_path(a: Token, b: Token) -> list[Token]:
    """Tokens on the path from ``a`` up to the lowest common ancestor and down to ``b``.

    Both ends are included. Tokens in different sentences have no path: ``[]``.

    Both ends climb towards the root one step at a time, in turn, and the first token
    one of them reaches that the other has passed is the lowest common ancestor: the
    cost is the length of the path, not the depth of the tree or the sentence's length.
    """
    if a.i == b.i:
        return [a]
    climbs: tuple[list[Token], list[Token]] = ([a], [b])
    passed: tuple[dict[int, int], dict[int, int]] = ({a.i: 0}, {b.i: 0})
    for _ in range(2 * len(a.doc)):  # a malformed parse with a cycle still ends
        moved = False
        for side in (0, 1):
            top = climbs[side][-1]
            if top.head.i == top.i:  # the root of its sentence
                continue
            step = top.head
            climbs[side].append(step)
            passed[side][step.i] = len(climbs[side]) - 1
            moved = True
            if step.i in passed[1 - side]:
                up, down = climbs[0], climbs[1]
                return up[: passed[0][step.i] + 1] + list(reversed(down[: passed[1][step.i]]))
        if not moved:
            break
    return []  # two roots: the tokens lie in different sentences


def path_edges(path: list[Token]) -> list[tuple[Token, str, Token]]:
    """Each step of a path as (from, dependency label, to), the label of the child token."""
    edges = []
    for first, second in itertools.pairwise(path):
        child = first if first.head.i == second.i and first.i != second.i else second
        edges.append((first, child.dep_, second))
    return edges


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def tokens_written(doc: Doc, words: Iterable[str], *, lower: bool = False) -> list[Token]:
    """The tokens written as one of ``words`` (lower-cased first if ``lower``), found on the
    Doc's arrays rather than by making every token: these checks run on every Doc.

    >>> import spacy
    >>> doc = spacy.blank("en")("The Army and the army (FACT) met.")
    >>> [t.i for t in tokens_written(doc, ["army"], lower=True)]
    [1, 4]
    >>> [t.i for t in tokens_written(doc, ["("])]
    [5]
    """
    if not len(doc):
        return []
    wanted = _hashes(doc.vocab.strings, frozenset(words))  # a frozenset is passed as is
    columns = once_per_doc(doc, "orth and lower", lambda: doc.to_array([ORTH, LOWER]))
    values = columns[:, 1 if lower else 0]
    return [doc[int(i)] for i in np.flatnonzero(np.isin(values, wanted))]


@functools.lru_cache(maxsize=64)
def _hashes(strings: StringStore, words: frozenset[str]) -> np.ndarray:
    return np.array([strings.add(word) for word in sorted(words)], dtype="uint64")
