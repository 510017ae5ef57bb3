"""The public API: everything the command line does, as plain functions a notebook calls.

Each command of ``actorgraph`` is one function here, and the CLI only parses options,
calls it and prints what it returns:

=====================  ==========================================================
``extract``            :func:`extract` (files) and :func:`extract_texts` (strings)
``build``              :func:`build_folder` (a build folder); :func:`build` (in memory)
``entities``           :func:`entities` and :func:`explain`
``validate``           :func:`validate`
``query``              :func:`query`
``push``               :func:`push`
``evaluate``           :func:`evaluate`
=====================  ==========================================================

>>> import actorgraph                                               # doctest: +SKIP
>>> result = actorgraph.build_folder(actorgraph.sample_articles(), "out/")   # doctest: +SKIP
>>> kg = actorgraph.open("out/")                                    # doctest: +SKIP
>>> actorgraph.query("out/", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows  # doctest: +SKIP
[{'n': 1234}]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from actorgraph.buildfolder import (
    EXTRACTIONS_FILE,
    MANIFEST_FILE,
    BuildResult,
    ExtractionProgress,
    NoArticlesError,
    check_folder,
)
from actorgraph.buildfolder import build_folder as _build_folder
from actorgraph.buildfolder.runners import (
    DaskCluster,
    InProcess,
    Processes,
    Runner,
    default_processes,
)
from actorgraph.evaluation import (
    Report,
    cooccurrence_record,
    load_records,
    score_conll04,
    score_gold,
    score_isaf,
)
from actorgraph.evaluation.realworld import BENCHMARKS as REALWORLD_BENCHMARKS
from actorgraph.evaluation.realworld import realworld_articles, score_realworld
from actorgraph.export import DEFAULT_FORMATS, get_format
from actorgraph.graph.audit import (
    EntityRow,
    ExplanationRow,
    entity_rows,
    explanation_rows,
    matching_nodes,
    parse_type,
)
from actorgraph.graph.rdfio import turtle_bytes
from actorgraph.graph.shacl import ShaclReport, validate_file
from actorgraph.knowledge_graph import KnowledgeGraph
from actorgraph.maps import MapOptions
from actorgraph.model import Article, ArticleExtraction, Node
from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.reading import (
    ArticleExtractionError,
    ArticleReadError,
    clean_article,
    read_articles,
)
from actorgraph.resources import samples_dir
from actorgraph.store import QueryResult, StoreNotFoundError, open_store, run_query
from actorgraph.store.remote import (
    Credentials,
    PushResult,
    push_rdf,
    query_endpoint,
    rdf_file_to_push,
)

if TYPE_CHECKING:
    import pyoxigraph
    from spacy.language import Language

PathLike = str | Path
#: Where articles come from: a path, several paths, or :class:`Article` objects.
Source = PathLike | Iterable[PathLike | Article]
#: Called with an :class:`ExtractionProgress` while articles are being extracted.
Progress = Callable[[ExtractionProgress], None]
Benchmark = Literal["gold", "conll04", "isaf", "ucdp", "geovirus"]

__all__ = [
    "DEFAULT_MODEL",
    "BuildResult",
    "Credentials",
    "EntityRow",
    "Explanation",
    "ExtractionProgress",
    "NoArticlesError",
    "PushResult",
    "QueryResult",
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
    "sample_articles",
    "validate",
]


@lru_cache(maxsize=4)
def pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The actorgraph pipeline for ``model``, loaded on first use and then reused."""
    from actorgraph.extractors.pipeline import load_pipeline  # spaCy loads only when asked for

    return load_pipeline(model)


def sample_articles() -> Path:
    """The folder of sample articles bundled with actorgraph."""
    return samples_dir()


# -- extract --------------------------------------------------------------------------------


def extract(
    source: Source,
    *,
    model: str = DEFAULT_MODEL,
    min_confidence: float = 0.0,
    on_error: Callable[[ArticleReadError], None] | None = None,
    batch_size: int = 32,
    progress: Progress | None = None,
    max_chars: int | None = None,
) -> Iterator[ArticleExtraction]:
    """Extract entities, events and facts from every article of ``source``, one by one.

    A text longer than ``max_chars`` (default 100,000, never more than the model's limit) is
    cut into pieces parsed one by one, its offsets still counted in the whole text. Inputs
    that cannot be read, or whose extraction fails, go to ``on_error`` (an
    :class:`ArticleReadError`, or its :class:`ArticleExtractionError`) and the rest go on;
    without ``on_error`` the first one stops the run.

    >>> [e.article.id for e in extract("samples/")]                 # doctest: +SKIP
    ['chibok-2014.md', 'helmand-2021.txt', ...]
    """
    from actorgraph.extractors.article import extract_articles

    articles = _articles(source, on_error)
    status = ExtractionProgress(total=len(articles))
    if progress:
        progress(status)

    def failed(article: Article, error: Exception) -> None:
        if on_error is None:
            raise error
        on_error(ArticleExtractionError(article.id, f"{type(error).__name__}: {error}"))

    extractions = extract_articles(
        articles,
        pipeline(model),
        batch_size=batch_size,
        min_confidence=min_confidence,
        max_chars=max_chars,
        on_failure=failed,
    )
    for extraction in extractions:
        status.done += 1
        status.words += len(extraction.article.text.split())
        if progress:
            progress(status)
        yield extraction


def extract_texts(
    texts: Iterable[str | Article], *, model: str = DEFAULT_MODEL, min_confidence: float = 0.0
) -> list[ArticleExtraction]:
    """Extract from strings (or :class:`Article` objects) directly: handy in notebooks.

    >>> extract_texts(["Taliban commander Hazrat Ali spoke."])[0].facts   # doctest: +SKIP
    [Fact(subject='t1', predicate=<Relation.AFFILIATED_WITH: 'affiliatedWith'>, ...)]
    """
    from actorgraph.extractors.article import extract_articles

    articles = [
        text if isinstance(text, Article) else Article(id=f"text-{number}", text=text)
        for number, text in enumerate(texts, start=1)
    ]
    return list(extract_articles(articles, pipeline(model), min_confidence=min_confidence))


# -- build ----------------------------------------------------------------------------------


def build(
    source: Source,
    *,
    model: str = DEFAULT_MODEL,
    min_confidence: float = 0.0,
    on_error: Callable[[ArticleReadError], None] | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    undated: bool = False,
) -> KnowledgeGraph:
    """Read, extract and merge every article of ``source`` into one graph, in memory.

    ``since`` and ``until`` (inclusive ISO dates: ``"2021"``, ``"2021-03"``, ``"2021-03-04"``)
    keep what articles of that period say and events dated in it
    (:meth:`KnowledgeGraph.between`); articles without a date are then left out, unless
    ``undated``.

    >>> kg = build(sample_articles())                                # doctest: +SKIP
    >>> kg.stats()["articles"]                                       # doctest: +SKIP
    5
    """
    extractions = extract(source, model=model, min_confidence=min_confidence, on_error=on_error)
    kg = KnowledgeGraph.from_extractions(extractions)
    if since is None and until is None:
        return kg
    return kg.between(since, until, undated=undated)


def build_folder(
    source: Source,
    outdir: PathLike,
    *,
    model: str = DEFAULT_MODEL,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_confidence: float = 0.0,
    batch_size: int = 32,
    store: bool = True,
    map_options: Mapping[str, Any] | None = None,
    processes: int | None = 1,
    dask: str | None = None,
    on_error: Callable[[ArticleReadError], None] | None = None,
    progress: Progress | None = None,
    nlp: Language | None = None,
    max_chars: int | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    undated: bool = False,
) -> BuildResult:
    """Build the graph of ``source`` into the folder ``outdir``, extracting only what changed.

    Writes the chosen ``formats`` (see :data:`actorgraph.export.FORMATS`),
    ``extractions.jsonl``, ``manifest.json`` and a SPARQL store, each atomically, the
    manifest last; run again on a grown or edited corpus, only new or changed articles are
    extracted and the result equals a fresh build. Articles are streamed: read, parsed in
    batches, extracted and cached as they go. ``map_options`` are those of
    :class:`actorgraph.maps.MapOptions` (``max_nodes``, ``rank``, ``focus``, ``depth``,
    ``min_support``); the result's ``map_notes`` say how the map's view was reduced.

    Extraction runs in ``processes`` worker processes (``None``: one per core), or on the
    Dask cluster at ``dask`` (a scheduler address, or ``local:N`` for N local workers; needs
    ``pip install actorgraph[dask]``); each worker loads the model once, and none starts
    when every article is cached. So this process, which merges and writes, never holds the
    model. All give the same bytes. ``nlp`` overrides ``model`` with a pipeline already
    loaded, and then ``processes=1`` extracts in this process. ``max_chars`` is
    that of :func:`extract`, on every worker. ``since``, ``until`` and ``undated`` are those of
    :func:`build`: the folder's graph (and its ``extractions.jsonl``) holds the period only,
    while the cache keeps every article, so another period extracts nothing again.

    >>> result = build_folder(sample_articles(), "out/", processes=None)   # doctest: +SKIP
    >>> result.extracted, result.reused, result.graph.stats()["facts"]   # doctest: +SKIP
    (5, 0, 61)
    """
    chosen = [get_format(name).name for name in dict.fromkeys(formats)]
    options = dict(map_options or {})
    MapOptions(**options)  # unknown options fail before anything is read or written
    if processes is not None and processes < 1:
        raise ValueError(f"processes must be at least 1, not {processes}")
    articles = _article_stream(source, on_error)
    from actorgraph.extractors.long_texts import checked_max_chars, max_chars_set  # no model
    from actorgraph.extractors.pipeline import model_fingerprint

    settings: dict[str, Any] = {
        "formats": chosen,
        "min_confidence": min_confidence,
        "batch_size": batch_size,
        "store": store,
        "progress": progress,
        "map_options": options,
        "graph_type": KnowledgeGraph,
        "on_error": on_error,
        "since": since,
        "until": until,
        "undated": undated,
    }
    if nlp is None:
        # The workers load the model; this process only merges, and loads nothing when
        # every article is cached.
        return _build_folder(
            articles,
            outdir,
            runner=_runner(None, model, processes, dask, batch_size, min_confidence, max_chars),
            fingerprint=model_fingerprint(model, checked_max_chars(max_chars)),
            **settings,
        )
    # The pipeline carries the limit to the extraction step and into the cache's fingerprint.
    with max_chars_set(nlp, max_chars):
        return _build_folder(
            articles,
            outdir,
            nlp=nlp,
            runner=_runner(nlp, model, processes, dask, batch_size, min_confidence, max_chars),
            **settings,
        )


def open(outdir: PathLike) -> KnowledgeGraph:
    """The graph of a build folder, its SPARQL store attached.

    >>> kg = open("out/")                                            # doctest: +SKIP
    >>> kg.query("SELECT ?name WHERE { ?p a ag:Person ; rdfs:label ?name }")  # doctest: +SKIP
    """
    return KnowledgeGraph.open(outdir)


# -- entities -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Explanation:
    """One node and why each of its surface forms was merged into it."""

    node: Node
    rows: list[ExplanationRow]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.node.id,
            "name": self.node.name,
            "type": self.node.type.value,
            "aliases": sorted(self.node.aliases),
            "articles": sorted(self.node.articles),
            "merged": [row.to_dict() for row in self.rows],
        }


def entities(graph: KnowledgeGraph | PathLike, entity_type: str | None = None) -> list[EntityRow]:
    """The entities of a graph or build folder, most articles first.

    ``entity_type`` is Person, Organisation or Province, in any case.

    >>> [row.name for row in entities("out/", "organisation")][:2]   # doctest: +SKIP
    ['Taliban', 'Al-Qaeda']
    """
    return entity_rows(_graph(graph), parse_type(entity_type))


def explain(
    graph: KnowledgeGraph | PathLike, name: str, entity_type: str | None = None
) -> list[Explanation]:
    """The nodes named ``name`` (else containing it), each with the reasons for its merges.

    >>> explain("out/", "Sadat")[0].rows[0].rule                      # doctest: +SKIP
    'same-name'
    """
    nodes = matching_nodes(_graph(graph), name, parse_type(entity_type))
    return [Explanation(node, explanation_rows(node)) for node in nodes]


# -- validate, query, push -------------------------------------------------------------------


def validate(path: PathLike, shapes: PathLike | None = None) -> ShaclReport:
    """Check an RDF file or a build folder against actorgraph's SHACL shapes (or ``shapes``).

    >>> validate("out/graph.ttl").conforms                          # doctest: +SKIP
    True
    """
    return validate_file(path, Path(shapes) if shapes else None)


def query(
    target: KnowledgeGraph | PathLike,
    sparql: str,
    *,
    credentials: Credentials | None = None,
    allow_service: bool = False,
    bindings: Mapping[str, Any] | None = None,
) -> QueryResult:
    """Run SPARQL on a graph, a build folder's store, or an ``http(s)://`` query endpoint.

    The usual prefixes (``ag:``, ``agr:``, ``rdfs:``, ``prov:`` ...) are predeclared. On a
    graph or a build folder, ``SERVICE`` (requests to other servers) is refused unless
    ``allow_service``, and so is SPARQL Update. ``bindings`` give variables their values as
    RDF terms (a value is never read as SPARQL); with an endpoint they go in a ``VALUES``
    clause, each value serialised as a term.

    >>> query("out/", "ASK { ?s a ag:Person }").boolean              # doctest: +SKIP
    True
    >>> who = "SELECT ?p WHERE { ?p rdfs:label ?name }"
    >>> query("out/", who, bindings={"name": "Taliban"}).rows       # doctest: +SKIP
    [{'p': 'https://w3id.org/actorgraph/resource/org/taliban'}]
    """
    if isinstance(target, KnowledgeGraph):
        return run_query(target.store(), sparql, allow_service=allow_service, bindings=bindings)
    if isinstance(target, str) and target.startswith(("http://", "https://")):
        return query_endpoint(target, sparql, credentials=credentials, bindings=bindings)
    store = _folder_store(Path(target))
    return run_query(store, sparql, allow_service=allow_service, bindings=bindings)


def push(
    source: KnowledgeGraph | PathLike,
    endpoint: str,
    *,
    graph: str | None = None,
    replace: bool = True,
    protocol: str = "gsp",
    credentials: Credentials | None = None,
    timeout: float = 120.0,
) -> PushResult:
    """Load a graph, a build folder or a Turtle / N-Triples file into a SPARQL 1.1 store.

    ``protocol`` is ``gsp`` (Graph Store HTTP Protocol) or ``update`` (SPARQL Update).

    >>> push("out/", "http://localhost:7878/store")                 # doctest: +SKIP
    PushResult(protocol='gsp', url='http://localhost:7878/store?default', requests=1, ...)
    """
    data, media_type = _rdf_to_push(source)
    return push_rdf(
        data,
        endpoint,
        graph=graph,
        media_type=media_type,
        replace=replace,
        protocol=protocol,
        credentials=credentials,
        timeout=timeout,
    )


# -- evaluate -------------------------------------------------------------------------------


def evaluate(
    benchmark: Benchmark,
    path: PathLike,
    articles: PathLike | None = None,
    *,
    model: str = DEFAULT_MODEL,
    min_confidence: float = 0.0,
    baseline: bool = False,
    records: PathLike | None = None,
) -> Report:
    """Score the extractors on a benchmark: precision, recall and F1 against gold.

    * ``"gold"``: ``path`` is a folder of gold JSON files, ``articles`` the articles;
    * ``"conll04"``: ``path`` is a CoNLL04 JSON Lines file (Work_For as affiliatedWith);
    * ``"isaf"``: ``path`` is the ISAF press releases file (province, group, event kind);
    * ``"ucdp"``, ``"geovirus"``: ``path`` is a real-world file of ``shared/realworld/`` (UCDP
      GED headlines, GeoVirus passages): event province per report, by half (dev / held-out),
      with the first-province-name baseline (:mod:`actorgraph.evaluation.realworld`).

    ``records`` scores saved ``actorgraph extract`` output instead of extracting;
    ``baseline`` scores the sentence co-occurrence baseline instead of the extractors.

    >>> evaluate("conll04", "conll04/dev.jsonl").scores["affiliatedWith"].f1   # doctest: +SKIP
    0.66
    """
    scorers: dict[str, Callable[..., Report]] = {
        "gold": score_gold,
        "conll04": score_conll04,
        "isaf": score_isaf,
        **{name: partial(score_realworld, name) for name in REALWORLD_BENCHMARKS},
    }
    if benchmark not in scorers:
        raise ValueError(f"unknown benchmark {benchmark!r} (known: {', '.join(scorers)})")
    if benchmark == "gold" and articles is None:
        raise ValueError("scoring gold files needs the folder of the articles they annotate")
    inputs: Path | list[Article] = (
        Path(articles) if benchmark == "gold" and articles is not None else Path(path)
    )
    if benchmark in REALWORLD_BENCHMARKS:
        inputs = realworld_articles(benchmark, path)  # one article per report, gold left out
    found = _evaluation_records(
        inputs, model=model, baseline=baseline, records=records, min_confidence=min_confidence
    )
    return scorers[benchmark](path, found)


# -- helpers --------------------------------------------------------------------------------


def _articles(source: Source, on_error: Callable[[ArticleReadError], None] | None) -> list[Article]:
    items = [source] if isinstance(source, str | Path) else list(source)
    given = [clean_article(item) for item in items if isinstance(item, Article)]
    paths = [item for item in items if not isinstance(item, Article)]
    found = given + (list(read_articles(paths, on_error=on_error)) if paths else [])
    if not found:
        raise NoArticlesError("no readable articles in the given paths")
    return found


def _article_stream(
    source: Source, on_error: Callable[[ArticleReadError], None] | None
) -> Callable[[], Iterator[Article]]:
    """A function giving the articles afresh on each call; read errors are reported once."""
    items = [source] if isinstance(source, str | Path) else list(source)
    # invalid code points replaced: a lone surrogate cannot be hashed or written as UTF-8
    given = [clean_article(item) for item in items if isinstance(item, Article)]
    paths = [item for item in items if not isinstance(item, Article)]
    calls = 0

    def articles() -> Iterator[Article]:
        nonlocal calls
        calls += 1
        yield from given
        if paths:
            report = on_error if calls == 1 else _ignore
            yield from read_articles(paths, on_error=report)

    return articles


def _ignore(error: ArticleReadError) -> None:
    """Read errors of a second reading pass, already reported by the first."""


def _runner(
    nlp: Language | None,
    model: str,
    processes: int | None,
    dask: str | None,
    batch_size: int,
    min_confidence: float,
    max_chars: int | None,
) -> Runner:
    settings = {"batch_size": batch_size, "min_confidence": min_confidence}
    if dask is not None:
        return DaskCluster(dask, model, max_chars=max_chars, **settings)
    workers = default_processes() if processes is None else processes
    if workers > 1 or nlp is None:
        return Processes(nlp, workers, model, max_chars=max_chars, **settings)
    return InProcess(nlp, **settings)


def _graph(graph: KnowledgeGraph | PathLike) -> KnowledgeGraph:
    return graph if isinstance(graph, KnowledgeGraph) else KnowledgeGraph.open(graph)


def _folder_store(outdir: Path) -> pyoxigraph.Store:
    """A build folder's on-disk store; for a build made without one, one made in memory."""
    if (outdir / MANIFEST_FILE).is_file():
        check_folder(outdir)
    try:
        return open_store(outdir)
    except StoreNotFoundError:
        if not (outdir / EXTRACTIONS_FILE).is_file():
            raise
        return KnowledgeGraph.open(outdir).store()


def _rdf_to_push(source: KnowledgeGraph | PathLike) -> tuple[bytes, str]:
    """The RDF to push: a graph's Turtle, a build folder's exported file, or an RDF file."""
    if isinstance(source, KnowledgeGraph):
        return turtle_bytes(source.statements()), "text/turtle"
    path = Path(source)
    if not path.is_dir():
        return rdf_file_to_push(path)
    for name, media_type in (("graph.ttl", "text/turtle"), ("graph.nt", "application/n-triples")):
        if (path / name).is_file():
            return (path / name).read_bytes(), media_type
    return turtle_bytes(KnowledgeGraph.open(path).statements()), "text/turtle"


def _evaluation_records(
    inputs: Path | list[Article],
    *,
    model: str,
    baseline: bool,
    records: PathLike | None,
    min_confidence: float,
) -> list[dict[str, Any]]:
    """Extraction records for scoring: read from a file, or extracted now (or the baseline)."""
    if records is not None:
        return load_records(records)
    if baseline:
        articles = list(read_articles([inputs])) if isinstance(inputs, Path) else inputs
        docs = pipeline(model).pipe(article.text for article in articles)
        return [cooccurrence_record(a.id, doc) for a, doc in zip(articles, docs, strict=True)]
    return [e.to_record() for e in extract(inputs, model=model, min_confidence=min_confidence)]
