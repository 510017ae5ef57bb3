"""The Python API: the same functions the command line calls.

>>> import actorgraph                                       # doctest: +SKIP
>>> kg = actorgraph.build(actorgraph.sample_articles())     # doctest: +SKIP
>>> kg.to_turtle()[:40]                                     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.model import Article, ArticleExtraction
from actorgraph.reading import ArticleReadError, read_articles

if TYPE_CHECKING:
    from spacy.language import Language

from actorgraph.nlp.models import DEFAULT_MODEL

PathLike = str | Path


@lru_cache(maxsize=4)
def pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The actorgraph pipeline for ``model``, loaded on first use and then reused."""
    from actorgraph.extract.pipeline import load_pipeline

    return load_pipeline(model)


def sample_articles() -> Path:
    """The folder of sample articles bundled with actorgraph."""
    packaged = resources.files("actorgraph").joinpath("_samples")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "samples"


def extract(
    paths: PathLike | Iterable[PathLike],
    *,
    model: str = DEFAULT_MODEL,
    min_confidence: float = 0.0,
    on_error: Callable[[ArticleReadError], None] | None = None,
    batch_size: int = 32,
) -> Iterator[ArticleExtraction]:
    """Extract entities, events and facts from every article under ``paths``, one by one."""
    from actorgraph.extract.article import extract_articles

    articles = read_articles(_as_list(paths), on_error=on_error)
    yield from extract_articles(
        articles, pipeline(model), batch_size=batch_size, min_confidence=min_confidence
    )


def extract_texts(
    texts: Iterable[str | Article], *, model: str = DEFAULT_MODEL, min_confidence: float = 0.0
) -> list[ArticleExtraction]:
    """Extract from strings (or :class:`Article` objects) directly: handy in notebooks."""
    from actorgraph.extract.article import extract_articles

    articles = [
        text if isinstance(text, Article) else Article(id=f"text-{number}", text=text)
        for number, text in enumerate(texts, start=1)
    ]
    return list(extract_articles(articles, pipeline(model), min_confidence=min_confidence))


def build(
    paths: PathLike | Iterable[PathLike],
    *,
    model: str = DEFAULT_MODEL,
    min_confidence: float = 0.0,
    on_error: Callable[[ArticleReadError], None] | None = None,
) -> KnowledgeGraph:
    """Read, extract and merge every article under ``paths`` into one knowledge graph."""
    extractions = extract(paths, model=model, min_confidence=min_confidence, on_error=on_error)
    return KnowledgeGraph.from_extractions(extractions)


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[PathLike]:
    if isinstance(paths, str | Path):
        return [paths]
    return list(paths)
