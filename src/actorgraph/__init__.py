"""actorgraph: a sourced knowledge graph of armed-conflict actors, built from news articles.

Everything the ``actorgraph`` command does is a function here (see :mod:`actorgraph.api`):

>>> import actorgraph                                                  # doctest: +SKIP
>>> result = actorgraph.build_folder("articles/", "out/")              # doctest: +SKIP
>>> kg = actorgraph.open("out/")                                       # doctest: +SKIP
>>> kg.to_turtle(); kg.to_networkx(); kg.to_html("map.html")           # doctest: +SKIP
>>> actorgraph.query(kg, "ASK { ?p a ag:Person }").boolean             # doctest: +SKIP

Importing it loads neither spaCy nor a model: the pipeline is loaded on first use.
"""

from actorgraph.api import (
    DEFAULT_MODEL,
    BuildResult,
    Credentials,
    EntityRow,
    Explanation,
    NoArticlesError,
    PushResult,
    QueryResult,
    build,
    build_folder,
    entities,
    evaluate,
    explain,
    extract,
    extract_texts,
    open,
    pipeline,
    push,
    query,
    sample_articles,
    validate,
)
from actorgraph.buildfolder import NotABuildError
from actorgraph.evaluation import Report
from actorgraph.export import DEFAULT_FORMATS, FORMATS, UnknownFormatError
from actorgraph.files import write_atomic
from actorgraph.graph.shacl import RdfParseError, ShaclReport, Violation
from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.model import (
    Article,
    ArticleExtraction,
    Entity,
    Event,
    Evidence,
    Fact,
    RecordError,
)
from actorgraph.nlp.models import ModelNotFoundError
from actorgraph.ontology import EntityType, EventKind, Relation
from actorgraph.reading import ArticleExtractionError, ArticleReadError, read_articles
from actorgraph.store import QueryError
from actorgraph.store.remote import RemoteStoreError, redact_url
from actorgraph.version import __version__

__all__ = [
    "DEFAULT_FORMATS",
    "DEFAULT_MODEL",
    "FORMATS",
    "Article",
    "ArticleExtraction",
    "ArticleExtractionError",
    "ArticleReadError",
    "BuildResult",
    "Credentials",
    "Entity",
    "EntityRow",
    "EntityType",
    "Event",
    "EventKind",
    "Evidence",
    "Explanation",
    "Fact",
    "KnowledgeGraph",
    "ModelNotFoundError",
    "NoArticlesError",
    "NotABuildError",
    "PushResult",
    "QueryError",
    "QueryResult",
    "RdfParseError",
    "RecordError",
    "Relation",
    "RemoteStoreError",
    "Report",
    "ShaclReport",
    "UnknownFormatError",
    "Violation",
    "__version__",
    "build",
    "build_folder",
    "entities",
    "evaluate",
    "explain",
    "extract",
    "extract_texts",
    "open",
    "pipeline",
    "push",
    "query",
    "read_articles",
    "redact_url",
    "sample_articles",
    "validate",
    "write_atomic",
]
