"""Build folders: incremental, crash-safe ``actorgraph build`` output, and reading one back.

:func:`build_folder` turns articles into a folder holding

* the requested formats (``graph.ttl``, ``graph.json``, ``graph.html`` by default; see
  :data:`actorgraph.export.formats.FORMATS`);
* ``extractions.jsonl``: every article's extraction record, sorted by article id — what
  the graph is merged from, and what :func:`read_extractions` (and
  :meth:`actorgraph.KnowledgeGraph.open`) read back;
* ``store/``: an on-disk Oxigraph SPARQL store of the graph;
* ``manifest.json``: pipeline fingerprint, counts, formats and files;
* ``.cache/``: the per-article extraction cache (:class:`ExtractionCache`).

Run again on a grown or changed corpus, it extracts only the articles whose content or
pipeline changed, drops removed articles, re-merges, and rewrites the outputs. Every
article goes through its JSON record before merging, cached or not, so the result is
byte for byte the folder a fresh build writes. Every file is written atomically and
the store is swapped in by one rename, so a build killed at any moment leaves a
folder that the next build completes.

>>> result = build_folder(articles, "out/", nlp=pipeline())     # doctest: +SKIP
>>> result.extracted, result.reused                             # doctest: +SKIP
(3, 352)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.buildfolder.cache import ExtractionCache
from actorgraph.export.formats import DEFAULT_FORMATS, FORMATS, get_format
from actorgraph.files import write_atomic
from actorgraph.graph.core import Graph
from actorgraph.graph.rdfio import ntriples_bytes
from actorgraph.maps import render_html, view_notes
from actorgraph.model import Article, ArticleExtraction
from actorgraph.store.oxigraph import remove_store, write_store

if TYPE_CHECKING:
    from spacy.language import Language

EXTRACTIONS_FILE = "extractions.jsonl"
MANIFEST_FILE = "manifest.json"
CACHE_DIR = ".cache"

#: Called as ``progress(done, total)`` while articles are being extracted.
Progress = Callable[[int, int], None]


class NotABuildError(FileNotFoundError):
    """A folder that ``actorgraph build`` did not write."""


@dataclass(slots=True)
class BuildResult:
    """What a build did: the graph, the files written and where the time went."""

    graph: Graph
    outdir: Path
    extracted: int
    reused: int
    files: list[Path] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    triples: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    #: What the map leaves out of the graph ("showing the 1,000 highest-PageRank nodes").
    map_notes: list[str] = field(default_factory=list)


def build_folder(
    articles: Iterable[Article],
    outdir: str | Path,
    *,
    nlp: Language,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_confidence: float = 0.0,
    batch_size: int = 32,
    store: bool = True,
    progress: Progress | None = None,
    map_options: Mapping[str, Any] | None = None,
    graph_type: type[Graph] = Graph,
) -> BuildResult:
    """Extract (what changed), merge and write the build folder ``outdir``.

    ``map_options`` go to the map (:func:`actorgraph.maps.render_html`): ``max_nodes``,
    ``focus``, ``depth``, ``min_support``, ``rank``, ``title``.
    """

    # spaCy is imported only when something is built, so opening a folder stays light.
    from actorgraph.extractors.article import extract_articles
    from actorgraph.extractors.pipeline import pipeline_fingerprint

    outdir = Path(outdir)
    chosen = [get_format(name).name for name in dict.fromkeys(formats)]
    outdir.mkdir(parents=True, exist_ok=True)
    _remove_temporary_files(outdir)
    timer = _Timer()
    cache = ExtractionCache(
        outdir / CACHE_DIR, f"{pipeline_fingerprint(nlp)}|min-confidence-{min_confidence!r}"
    )
    unique, duplicates = _unique_articles(articles, cache)
    keys = {article.id: cache.key(article) for article in unique}
    records: dict[str, dict[str, Any]] = {}
    missing = []
    for article in unique:
        record = cache.get(keys[article.id])
        if record is None or record.get("article") != article.id:
            missing.append(article)
        else:
            records[article.id] = record
    if progress:
        progress(0, len(missing))
    for done, extraction in enumerate(
        extract_articles(missing, nlp, batch_size=batch_size, min_confidence=min_confidence),
        start=1,
    ):
        record = json.loads(json.dumps(extraction.to_record(), ensure_ascii=False))
        cache.put(keys[extraction.article.id], record)
        records[extraction.article.id] = record
        if progress:
            progress(done, len(missing))
    timer.lap("extract")
    kg = graph_type.from_extractions(
        ArticleExtraction.from_record(records[article_id]) for article_id in sorted(records)
    )
    kg.statements()
    timer.lap("merge")
    files = _write_outputs(kg, outdir, chosen, records, map_options or {})
    timer.lap("export")
    statements = kg.statements()
    if store:
        write_store(outdir, ntriples_bytes(statements))
        timer.lap("store")
    else:
        remove_store(outdir)  # a store left by an earlier build would be out of date
    manifest = _manifest(kg, cache.fingerprint, chosen, files, len(statements), store)
    files.append(_write_if_changed(outdir / MANIFEST_FILE, manifest))
    cache.prune(set(keys.values()))
    return BuildResult(
        graph=kg,
        outdir=outdir,
        extracted=len(missing),
        reused=len(unique) - len(missing),
        files=files,
        duplicates=duplicates,
        triples=len(statements),
        seconds=timer.laps,
        map_notes=view_notes(kg, **(map_options or {})) if "html" in chosen else [],
    )


def read_extractions(outdir: str | Path) -> list[dict[str, Any]]:
    """The extraction records a build folder holds."""
    path = Path(outdir) / EXTRACTIONS_FILE
    if not path.is_file():
        raise NotABuildError(
            f"{outdir} is not an actorgraph build folder (no {EXTRACTIONS_FILE}); "
            "run `actorgraph build ARTICLES -o FOLDER` first"
        )
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


# -- steps ---------------------------------------------------------------------------------


def _unique_articles(
    articles: Iterable[Article], cache: ExtractionCache
) -> tuple[list[Article], list[str]]:
    """One article per id, sorted by id; of two different ones the lower key wins."""
    by_id: dict[str, Article] = {}
    duplicates: set[str] = set()
    for article in articles:
        kept = by_id.get(article.id)
        if kept is None:
            by_id[article.id] = article
        elif cache.key(article) != cache.key(kept):
            duplicates.add(article.id)
            if cache.key(article) < cache.key(kept):
                by_id[article.id] = article
    return [by_id[key] for key in sorted(by_id)], sorted(duplicates)


def _write_outputs(
    kg: Graph,
    outdir: Path,
    chosen: list[str],
    records: dict[str, dict[str, Any]],
    map_options: Mapping[str, Any],
) -> list[Path]:
    lines = "".join(
        json.dumps(records[article_id], ensure_ascii=False) + "\n" for article_id in sorted(records)
    )
    files = [_write_if_changed(outdir / EXTRACTIONS_FILE, lines.encode("utf-8"))]
    for name in chosen:
        chosen_format = FORMATS[name]
        if name == "html":
            data = render_html(kg, **map_options).encode("utf-8")
        else:
            data = chosen_format.render(kg)
        files.append(_write_if_changed(outdir / chosen_format.filename, data))
    for name, other in FORMATS.items():
        if name not in chosen:
            (outdir / other.filename).unlink(missing_ok=True)
    return files


def _write_if_changed(path: Path, data: bytes) -> Path:
    """Write atomically, unless the file already holds exactly these bytes."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return path
    except OSError:
        pass
    write_atomic(path, data)
    return path


def _manifest(
    kg: Graph,
    fingerprint: str,
    formats: list[str],
    files: list[Path],
    triples: int,
    store: bool,
) -> bytes:
    from actorgraph.version import __version__

    manifest = {
        "actorgraph": __version__,
        "fingerprint": fingerprint,
        **kg.stats(),
        "triples": triples,
        "formats": formats,
        "files": sorted(path.name for path in files),
        "store": "store" if store else None,
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _remove_temporary_files(outdir: Path) -> None:
    """Temporary files a killed build left behind (the cache cleans its own)."""
    for path in outdir.glob(".*.tmp"):
        path.unlink(missing_ok=True)


class _Timer:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now
