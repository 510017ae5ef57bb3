"""What one article's extraction says, read by entity name: shared by the rule tests."""

from __future__ import annotations

from actorgraph.extractors.article import extract_article
from actorgraph.model import Article, ArticleExtraction


def extraction(nlp, text: str) -> ArticleExtraction:
    return extract_article(Article("a", text), nlp(text))


def entity_names(nlp, text: str, entity_type: str | None = None) -> set[str]:
    """The names of the article's entities, of ``entity_type`` ("Person", ...) if given."""
    found = extraction(nlp, text).entities
    return {e.name for e in found if entity_type in (None, e.type.value)}


def facts(nlp, text: str, predicate: str) -> set[tuple[str, str]]:
    """(subject, object) names of the article's ``predicate`` facts between entities."""
    extracted = extraction(nlp, text)
    names = {entity.id: entity.name for entity in extracted.entities}
    return {
        (names[f.subject], names[f.object])
        for f in extracted.facts
        if f.predicate.value == predicate and f.subject in names and f.object in names
    }


def pairs(nlp, text: str, predicate: str) -> set[frozenset[str]]:
    return {frozenset(found) for found in facts(nlp, text, predicate)}


def has_pair_named(found: set[frozenset[str]], first: str, second: str) -> bool:
    """Whether one of the ``pairs`` joins names containing (or contained in) both."""
    return any(
        any(first in n or n in first for n in pair)
        and any(second in n or n in second for n in pair)
        for pair in found
    )


def linked(nlp, text: str, predicate: str, first: str, second: str) -> bool:
    """Whether a fact joins entities written ``first`` and ``second`` (any name or alias)."""
    extracted = extraction(nlp, text)
    written = {e.id: {e.name, *e.aliases} for e in extracted.entities}
    return any(
        f.predicate.value == predicate
        and {first, second} <= written.get(f.subject, set()) | written.get(f.object, set())
        and (first in written.get(f.subject, set())) != (first in written.get(f.object, set()))
        for f in extracted.facts
    )
