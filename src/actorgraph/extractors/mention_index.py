"""Mentions by sentence and position: lookups that never rescan the document.

The affiliation and alliance extractors score pairs of mentions of a sentence, and the
affiliation model looks at the mentions around each pair. Scanning ``doc._.ag_mentions``
for every pair makes a document's time grow with the square of its mentions, and
pairing every mention of a sentence with every other one makes a long sentence's time
grow with the square of its length. :class:`MentionIndex` is built once per document
(in linear time) and answers both lookups by bisection; :func:`pairs_within` yields only
the pairs at most :data:`MAX_PAIR_TOKENS` tokens apart.

>>> from types import SimpleNamespace as NS
>>> def mention(start, end):
...     return NS(span=NS(start=start, end=end))
>>> a, b, c = mention(0, 2), mention(5, 6), mention(500, 502)
>>> [(x.span.start, y.span.start) for x, y in pairs_within([a, b, c], max_tokens=100)]
[(0, 5)]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from actorgraph.extractors.mentions import Mention

#: Mentions further apart than this many tokens are never paired. No Work_For pair of
#: CoNLL04 train is more than 67 tokens apart; the rules need a dependency path of at
#: most 8 tokens, and the model calls anything beyond 12 tokens "far".
MAX_PAIR_TOKENS = 100

T = TypeVar("T")


def token_gap(a: Any, b: Any) -> int:
    """Tokens between two mentions (0 when adjacent or overlapping).

    >>> from types import SimpleNamespace as NS
    >>> token_gap(NS(span=NS(start=0, end=2)), NS(span=NS(start=5, end=6)))
    3
    """
    return max(0, max(a.span.start, b.span.start) - min(a.span.end, b.span.end))


class MentionIndex:
    """The mentions of one document grouped by sentence, in document order.

    ``sentence_starts`` are the first token of each sentence, ascending; a mention
    belongs to the sentence its first token lies in (as ``mention.span.sent`` says).
    """

    def __init__(self, mentions: Sequence[Mention], sentence_starts: Sequence[int]) -> None:
        self._starts = list(sentence_starts)
        self._by_sentence: dict[int, list[Mention]] = {}
        self._memo: dict[Hashable, Any] = {}
        for mention in mentions:
            self._by_sentence.setdefault(self.sentence_of(mention.span.start), []).append(mention)

    @classmethod
    def of(cls, doc: Doc) -> MentionIndex:
        """The index of ``doc._.ag_mentions``, built once and reused while they stay the same."""
        mentions = doc._.ag_mentions or []
        cached = _CACHE.get("index")
        if cached is not None and cached[0] is mentions and cached[1] == len(mentions):
            return cached[2]
        index = cls(mentions, [sentence.start for sentence in doc.sents] if mentions else [0])
        # One entry: the extractors work through one document at a time, and holding the
        # list keeps its id from being reused by another document's list.
        _CACHE["index"] = (mentions, len(mentions), index)
        return index

    def sentence_of(self, token_index: int) -> int:
        """The start token of the sentence that holds ``token_index``."""
        position = bisect_right(self._starts, token_index) - 1
        return self._starts[position] if position >= 0 else 0

    def in_sentence(self, sentence_start: int) -> list[Mention]:
        """The mentions of the sentence starting at ``sentence_start``, in document order."""
        return self._by_sentence.get(sentence_start, [])

    def sentences(self) -> Iterator[list[Mention]]:
        """The mentions of each sentence that has any, sentence by sentence."""
        return iter(self._by_sentence.values())

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per document for ``key`` (mentions hash by identity).

        For what every pair of a mention would otherwise recompute: which organisations
        the rules link a person to is the same whichever organisation it is paired with.
        """
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


_CACHE: dict[str, tuple[list[Any], int, MentionIndex]] = {}


def pairs_within(
    mentions: Sequence[Mention], max_tokens: int = MAX_PAIR_TOKENS
) -> Iterator[tuple[Mention, Mention]]:
    """The pairs of ``mentions`` at most ``max_tokens`` tokens apart, in the order of
    ``itertools.combinations``, without looking at the pairs further apart."""
    near = _Neighbours(mentions, max_tokens)
    for i, first in enumerate(mentions):
        for j in near.of(first):
            if j > i:
                yield first, mentions[j]


def cross_pairs_within(
    firsts: Sequence[Mention], seconds: Sequence[Mention], max_tokens: int = MAX_PAIR_TOKENS
) -> Iterator[tuple[Mention, Mention]]:
    """Each ``(a, b)`` of ``firsts`` × ``seconds`` at most ``max_tokens`` tokens apart, in
    the order of the nested loop over both lists, without looking at the pairs further apart.

    >>> from types import SimpleNamespace as NS
    >>> def mention(start, end):
    ...     return NS(span=NS(start=start, end=end))
    >>> people, orgs = [mention(0, 2), mention(400, 402)], [mention(3, 4), mention(300, 301)]
    >>> [(p.span.start, o.span.start) for p, o in cross_pairs_within(people, orgs)]
    [(0, 3), (400, 300)]
    """
    near = _Neighbours(seconds, max_tokens)
    for first in firsts:
        for j in near.of(first):
            yield first, seconds[j]


class _Neighbours:
    """Which of some mentions lie at most ``max_tokens`` tokens from a given one."""

    def __init__(self, mentions: Sequence[Mention], max_tokens: int) -> None:
        self._mentions = mentions
        self._max = max_tokens
        self._ordered = sorted(range(len(mentions)), key=lambda i: mentions[i].span.start)
        self._starts = [mentions[i].span.start for i in self._ordered]
        self._longest = max((m.span.end - m.span.start for m in mentions), default=0)

    def of(self, mention: Mention) -> list[int]:
        """The list positions of the mentions near ``mention``, ascending."""
        # A mention near enough starts after (mention's start - max - the longest span)
        # and no later than max tokens after its end.
        low = bisect_left(self._starts, mention.span.start - self._max - self._longest)
        high = bisect_right(self._starts, mention.span.end + self._max)
        candidates = sorted(self._ordered[p] for p in range(low, high))
        return [j for j in candidates if token_gap(mention, self._mentions[j]) <= self._max]
