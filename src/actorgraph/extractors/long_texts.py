"""Texts too long for one pass of the pipeline: cut into pieces, extracted, put back together.

spaCy refuses a text longer than ``nlp.max_length`` (its error E088), and several steps
of a parse cost more than linear time in the length of a document or of a sentence. So
a text longer than ``max_chars`` is cut into pieces of at most that many characters —
at a paragraph break where there is one, else at a sentence end, else after a comma,
else at a space — and a run of more than :data:`MAX_RUN_CHARS` characters without a
sentence end (a "sentence" no writer writes: a list of thousands of names) is cut into
pieces of its own the same way. Each piece is extracted on its own; :func:`join_pieces`
shifts every offset back to the whole text and merges the entities the pieces share.

>>> split_text("One. Two.\\n\\nThree.", max_chars=12)
[(0, 11), (11, 17)]
>>> split_text("Short text.", max_chars=100)
[(0, 11)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from actorgraph.model import Article, ArticleExtraction, Entity, Fact
from actorgraph.text import normalise_name

if TYPE_CHECKING:
    from spacy.language import Language

#: Texts longer than this are cut into pieces (``--max-chars``); never more than the model's
#: own ``nlp.max_length``. Parse time per character grows past ~100,000 characters, and so
#: does memory (about 0.3 GB more per 100,000 characters with en_core_web_sm).
DEFAULT_MAX_CHARS = 100_000
#: A stretch this long without ``.``, ``!``, ``?`` or a line break is cut into pieces. The
#: longest such stretch in CoNLL04, the ISAF releases and the gold corpora is 640 characters.
MAX_RUN_CHARS = 2_000

#: Where a pipeline carries a ``max_chars`` other than the default (see :func:`max_chars_set`).
MAX_CHARS_ATTRIBUTE = "actorgraph_max_chars"

_SENTENCE_END = re.compile(r"[.!?\n]")
#: Cut points, best first: after a blank line, after a sentence end, after a comma (or
#: semicolon, colon), after any space. Each pattern matches the whitespace a piece ends with.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*"),
    re.compile(r"[,;:]\s+"),
    re.compile(r"\s+"),
)


def max_chars_for(nlp: Language) -> int:
    """The longest text ``nlp`` parses in one piece: its set ``max_chars``, else the default
    (never more than the model's own ``nlp.max_length``)."""
    chosen = getattr(nlp, MAX_CHARS_ATTRIBUTE, None) or DEFAULT_MAX_CHARS
    return min(chosen, nlp.max_length)


def custom_max_chars(nlp: Language) -> int | None:
    """The ``max_chars`` set on ``nlp`` when it is not the default, else None (for caches)."""
    return custom_limit(getattr(nlp, MAX_CHARS_ATTRIBUTE, None))


def custom_limit(max_chars: int | None) -> int | None:
    """``max_chars`` when it is not the default, else None (for caches)."""
    return max_chars if max_chars not in (None, DEFAULT_MAX_CHARS) else None


@contextmanager
def max_chars_set(nlp: Language, max_chars: int | None) -> Iterator[Language]:
    """``nlp`` cutting texts longer than ``max_chars`` while the block runs (None: the default).

    For code that is handed a pipeline rather than options, such as a build folder.
    """
    before = getattr(nlp, MAX_CHARS_ATTRIBUTE, None)
    set_max_chars(nlp, max_chars)
    try:
        yield nlp
    finally:
        setattr(nlp, MAX_CHARS_ATTRIBUTE, before)


def set_max_chars(nlp: Language, max_chars: int | None) -> Language:
    """``nlp`` cutting texts longer than ``max_chars`` from now on (None: the default), as a
    worker that loads its own pipeline needs it."""
    setattr(nlp, MAX_CHARS_ATTRIBUTE, checked_max_chars(max_chars))
    return nlp


def checked_max_chars(max_chars: int | None) -> int | None:
    """``max_chars`` itself; :class:`ValueError` when it is below 1."""
    if max_chars is not None and max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    return max_chars


def split_text(
    text: str, max_chars: int = DEFAULT_MAX_CHARS, max_run: int = MAX_RUN_CHARS
) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each piece of ``text``: consecutive, covering all of it.

    One piece when the text is at most ``max_chars`` long and has no run longer than
    ``max_run`` characters without a sentence end.

    >>> text = "a, " * 5 + "end."
    >>> [text[s:e] for s, e in split_text(text, max_chars=100, max_run=8)]
    ['a, a, ', 'a, a, ', 'a, end.']
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    max_run = min(max_run, max_chars)
    runs = _runaway_runs(text, max_run)
    if len(text) <= max_chars and not runs:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    position = 0
    for run_start, run_end in runs:
        pieces.extend(_cut(text, position, run_start, max_chars))
        pieces.extend(_cut(text, run_start, run_end, max_run))
        position = run_end
    pieces.extend(_cut(text, position, len(text), max_chars))
    return pieces


def _runaway_runs(text: str, max_run: int) -> list[tuple[int, int]]:
    """Stretches longer than ``max_run`` characters without a sentence end."""
    runs = []
    previous = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() - previous > max_run:
            runs.append((previous, match.end()))
        previous = match.end()
    if len(text) - previous > max_run:
        runs.append((previous, len(text)))
    return runs


def _cut(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``limit`` characters, at the best cuts."""
    pieces = []
    while end - start > limit:
        cut = _best_cut(text, start, start + limit)
        pieces.append((start, cut))
        start = cut
    if end > start:
        pieces.append((start, end))
    return pieces


def _best_cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at ``start``: after the last cut of the best kind
    within ``text[start:limit]`` (a piece ends with the space after its last word); else
    at ``limit`` itself."""
    window = text[start:limit]
    for pattern in _CUTS:
        cut = max((m.end() for m in pattern.finditer(window) if m.start() > 0), default=0)
        if cut:
            return start + cut
    return limit


def piece_article(article: Article, start: int, end: int) -> Article:
    """The article with only the text of one piece (same id, title, date, ...)."""
    return replace(article, text=article.text[start:end])


def join_pieces(
    article: Article, parts: Sequence[tuple[int, ArticleExtraction]]
) -> ArticleExtraction:
    """One extraction of ``article`` from the extractions of its pieces (each with its start).

    Offsets are shifted to count from the start of the whole text; an entity that several
    pieces name (same type and curated key, province code or normalised name) becomes one,
    with the aliases of all; entities are numbered ``t1``… and events ``v1``… in order.
    """
    joined = ArticleExtraction(article=article)
    entity_ids: dict[tuple[str, str], str] = {}
    for offset, part in parts:
        ids = _join_entities(joined.entities, entity_ids, part.entities)
        for event in part.events:
            new_id = f"v{len(joined.events) + 1}"
            ids[event.id] = new_id
            joined.events.append(
                replace(event, id=new_id, start=event.start + offset, end=event.end + offset)
            )
        seen = {_fact_key(fact) for fact in joined.facts}
        for fact in part.facts:
            evidence = replace(
                fact.evidence,
                article=article.id,
                start=fact.evidence.start + offset,
                end=fact.evidence.end + offset,
            )
            moved = replace(
                fact,
                subject=ids.get(fact.subject, fact.subject),
                object=ids.get(fact.object, fact.object),
                evidence=evidence,
            )
            if _fact_key(moved) not in seen:
                seen.add(_fact_key(moved))
                joined.facts.append(moved)
    return joined


def _join_entities(
    joined: list[Entity], entity_ids: dict[tuple[str, str], str], entities: Iterable[Entity]
) -> dict[str, str]:
    """Add a piece's entities to ``joined``; returns the piece's ids mapped to the joined ones."""
    ids: dict[str, str] = {}
    by_id = {entity.id: entity for entity in joined}
    for entity in entities:
        key = _entity_key(entity)
        if key in entity_ids:
            kept = by_id[entity_ids[key]]
            kept.aliases = sorted({*kept.aliases, *entity.aliases, entity.name} - {kept.name})
        else:
            entity_ids[key] = f"t{len(joined) + 1}"
            kept = replace(entity, id=entity_ids[key], aliases=list(entity.aliases))
            joined.append(kept)
            by_id[kept.id] = kept
        ids[entity.id] = entity_ids[key]
    return ids


def _entity_key(entity: Entity) -> tuple[str, str]:
    if entity.known_as:
        return (entity.type.value, f"known:{entity.known_as}")
    if entity.iso3166_2:
        return (entity.type.value, f"iso:{entity.iso3166_2}")
    return (entity.type.value, f"name:{normalise_name(entity.name) or entity.name}")


def _fact_key(fact: Fact) -> tuple[str, str, str, int]:
    return (fact.subject, fact.predicate.value, fact.object, fact.evidence.start)
