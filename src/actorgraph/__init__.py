"""actorgraph: a sourced knowledge graph of armed-conflict actors, built from news articles.

>>> import actorgraph                                          # doctest: +SKIP
>>> kg = actorgraph.build("articles/")                         # doctest: +SKIP
>>> kg.to_turtle(); kg.to_networkx(); kg.to_html("map.html")   # doctest: +SKIP
"""

from actorgraph.api import (
    DEFAULT_MODEL,
    build,
    extract,
    extract_texts,
    pipeline,
    sample_articles,
)
from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.model import Article, ArticleExtraction, Entity, Event, Evidence, Fact
from actorgraph.ontology import EntityType, EventKind, Relation
from actorgraph.reading import ArticleReadError, read_articles
from actorgraph.version import __version__

__all__ = [
    "DEFAULT_MODEL",
    "Article",
    "ArticleExtraction",
    "ArticleReadError",
    "Entity",
    "EntityType",
    "Event",
    "EventKind",
    "Evidence",
    "Fact",
    "KnowledgeGraph",
    "Relation",
    "__version__",
    "build",
    "extract",
    "extract_texts",
    "pipeline",
    "read_articles",
    "sample_articles",
]
