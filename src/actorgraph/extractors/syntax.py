"""Small helpers over spaCy dependency parses, shared by the extractors."""

from __future__ import annotations

import itertools

from spacy.tokens import Token


def dependency_path(a: Token, b: Token) -> list[Token]:
    """Tokens on the path from ``a`` up to the lowest common ancestor and down to ``b``.

    Both ends are included. Tokens in different sentences have no path: ``[]``.
    """
    if a.sent.start != b.sent.start:
        return []
    up_from_a = [a, *a.ancestors]
    position = {token.i: index for index, token in enumerate(up_from_a)}
    down_to_b: list[Token] = []
    for token in (b, *b.ancestors):
        down_to_b.append(token)
        if token.i in position:
            return up_from_a[: position[token.i] + 1] + list(reversed(down_to_b[:-1]))
    return []


def path_edges(path: list[Token]) -> list[tuple[Token, str, Token]]:
    """Each step of a path as (from, dependency label, to), the label of the child token."""
    edges = []
    for first, second in itertools.pairwise(path):
        child = first if first.head.i == second.i and first.i != second.i else second
        edges.append((first, child.dep_, second))
    return edges


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)
