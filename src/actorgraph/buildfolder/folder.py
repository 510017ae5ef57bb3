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

import gc
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import fcntl
except ImportError:  # Windows: builds into one folder are not locked against each other
    fcntl = None  # type: ignore[assignment]

from actorgraph.buildfolder.cache import ExtractionCache
from actorgraph.buildfolder.runners import FAILED, InProcess, Runner
from actorgraph.export.formats import DEFAULT_FORMATS, FORMATS, get_format
from actorgraph.files import default_permissions, write_atomic
from actorgraph.graph.core import Graph
from actorgraph.graph.period import Bound, iso_bound, restrict
from actorgraph.graph.rdf import iter_statements
from actorgraph.graph.rdfio import write_ntriples, write_turtle_from_ntriples
from actorgraph.maps import render_map
from actorgraph.model import Article, ArticleExtraction, RecordError
from actorgraph.reading import ArticleExtractionError, ArticleReadError
from actorgraph.store.oxigraph import STORE_NAME, remove_store, store_version, write_store

if TYPE_CHECKING:
    from spacy.language import Language

EXTRACTIONS_FILE = "extractions.jsonl"
MANIFEST_FILE = "manifest.json"
CACHE_DIR = ".cache"
LOCK_FILE = ".lock"

#: Called as ``progress(status)`` while articles are being read and extracted.
Progress = Callable[["ExtractionProgress"], None]


@dataclass(slots=True)
class ExtractionProgress:
    """How far extraction is: articles and words done, of how many, since when."""

    done: int = 0
    total: int | None = None
    words: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def articles_per_second(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far; None until there is a rate and a total."""
        if self.total is None or not self.done:
            return None
        return (self.total - self.done) / self.articles_per_second


class NoArticlesError(ValueError):
    """None of the given inputs could be read as an article."""


class BuildLockedError(RuntimeError):
    """Another build is writing the same folder."""


class IncompleteBuildError(RuntimeError):
    """A build folder whose files are not all from one build (a build was interrupted)."""


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
    #: Articles and words extracted, and how fast.
    extraction: ExtractionProgress | None = None


def build_folder(
    articles: Iterable[Article] | Callable[[], Iterable[Article]],
    outdir: str | Path,
    *,
    nlp: Language | None = None,
    runner: Runner | None = None,
    fingerprint: str | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    min_confidence: float = 0.0,
    batch_size: int = 32,
    store: bool = True,
    progress: Progress | None = None,
    map_options: Mapping[str, Any] | None = None,
    graph_type: type[Graph] = Graph,
    since: Bound = None,
    until: Bound = None,
    undated: bool = False,
    on_error: Callable[[ArticleReadError], None] | None = None,
) -> BuildResult:
    """Extract (what changed), merge and write the build folder ``outdir``.

    ``articles`` is an iterable, or a function returning a fresh one: then the articles are
    read twice, first to count what needs extracting (for the progress and its ETA), then
    to extract it; nothing of an article is kept once its record is in the cache.
    ``runner`` says where extraction runs (:mod:`actorgraph.buildfolder.runners`; by
    default in this process, with ``nlp``). ``fingerprint`` names what the extractions
    depend on, for the cache (by default :func:`pipeline_fingerprint` of ``nlp``; a runner
    whose workers load the model takes :func:`model_fingerprint` of it, and then no
    ``nlp`` is needed here). ``map_options`` go to the map
    (:func:`actorgraph.maps.render_html`). An article whose extraction fails is left out
    of this build (and not cached, so the next build tries it again) and passed to
    ``on_error`` as an :class:`~actorgraph.reading.ArticleExtractionError`; without
    ``on_error`` the build stops with that error.
    """
    if nlp is not None:
        from actorgraph.extractors.pipeline import pipeline_fingerprint  # spaCy: building

        fingerprint = fingerprint or pipeline_fingerprint(nlp)
        runner = runner or InProcess(nlp, batch_size=batch_size, min_confidence=min_confidence)
    if runner is None or fingerprint is None:
        raise ValueError("build_folder needs nlp, or both a runner and a fingerprint")
    outdir = Path(outdir)
    since, until = iso_bound(since), iso_bound(until)  # a bad date fails before any write
    chosen = [get_format(name).name for name in dict.fromkeys(formats)]
    options = dict(map_options or {})
    cache = ExtractionCache(outdir / CACHE_DIR, f"{fingerprint}|min-confidence-{min_confidence!r}")
    inventory = _Inventory(cache)
    status = ExtractionProgress()
    if callable(articles):
        seen, status.total = inventory.count_missing(articles())
        if not seen:
            raise NoArticlesError("no readable articles in the given paths")
        articles = articles()
    outdir.mkdir(parents=True, exist_ok=True)
    with build_lock(outdir):
        remove_leftovers(outdir)
        timer = _Timer()
        extracted = _extract_missing(articles, inventory, runner, status, progress, on_error)
        if not inventory.winners:
            raise NoArticlesError("no readable articles in the given paths")
        timer.lap("extract")
        with _collection_paused(), ExitStack() as frozen:
            with _StreamedFile(outdir / EXTRACTIONS_FILE) as lines:
                kg = graph_type.from_extractions(
                    ArticleExtraction.from_record(lines.write_record(record))
                    for record in _in_period(inventory.records(), since, until, undated)
                )
                kg.stats()  # merged now, for the timer
                timer.lap("merge")
                frozen.enter_context(_frozen_for_collection())
                # The map comes first: an option that cannot be met fails before any file
                # changes, extractions.jsonl included.
                page, notes = render_map(kg, **options) if "html" in chosen else (None, [])
            gc.collect()  # the map's networkx graphs: cyclic, and the graph's size
            with _Triples(kg, outdir) as triples:
                files = [lines.path, *_write_outputs(kg, outdir, chosen, page, triples)]
                del page
                timer.lap("export")
                if store:
                    files.append(write_store(outdir, triples.path()))
                    timer.lap("store")
                else:
                    remove_store(outdir)  # a store left by an earlier build would be out of date
                triple_count = triples.count()
            kg.release_views()  # made again if the caller asks for them
        manifest = _manifest(kg, outdir, cache.fingerprint, chosen, files, triple_count)
        if since is not None or until is not None:
            manifest = _with_period(manifest, since, until, undated)
        write_atomic(outdir / MANIFEST_FILE, manifest)  # last: it vouches for the files above
        files.append(outdir / MANIFEST_FILE)
        cache.prune(set(inventory.winners.values()))
    return BuildResult(
        graph=kg,
        outdir=outdir,
        extracted=extracted,
        reused=len(inventory.winners) - extracted,
        files=[path for path in files if path.name != STORE_NAME],
        duplicates=sorted(inventory.duplicates),
        triples=triple_count,
        seconds=timer.laps,
        map_notes=notes,
        extraction=status,
    )


def check_folder(outdir: str | Path) -> dict[str, Any]:
    """The manifest of a complete build folder; :class:`IncompleteBuildError` if it is a mix.

    Every file the manifest lists must have the hash it records, and the store must be the
    one it names: a build interrupted between two files leaves a folder this refuses.
    """
    outdir = Path(outdir)
    try:
        manifest = json.loads((outdir / MANIFEST_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotABuildError(f"{outdir} has no {MANIFEST_FILE}: not a complete build") from None
    except ValueError as error:
        raise IncompleteBuildError(f"{outdir / MANIFEST_FILE}: unreadable ({error})") from None
    for name, digest in (manifest.get("sha256") or {}).items():
        if _file_digest(outdir / name) != digest:
            raise IncompleteBuildError(
                f"{outdir} is not one complete build: {name} does not match {MANIFEST_FILE} "
                "(a build was interrupted); run the build again"
            )
    version = manifest.get("store_version")
    if version and store_version(outdir) != version:
        raise IncompleteBuildError(
            f"{outdir} is not one complete build: its store is not the one {MANIFEST_FILE} "
            "names; run the build again"
        )
    return manifest


def read_extractions(outdir: str | Path) -> list[dict[str, Any]]:
    """The extraction records a build folder holds, each checked as
    :meth:`ArticleExtraction.from_record` reads it.

    A damaged line raises :class:`~actorgraph.model.RecordError` as ``FILE:LINE: reason``.
    """
    path = Path(outdir) / EXTRACTIONS_FILE
    if not path.is_file():
        raise NotABuildError(
            f"{outdir} is not an actorgraph build folder (no {EXTRACTIONS_FILE}); "
            "run `actorgraph build ARTICLES -o FOLDER` first"
        )
    records = []
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if raw.strip():
                records.append(_checked_record(raw, f"{path}:{number}"))
    return records


def _checked_record(raw: bytes, where: str) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RecordError(f"{where}: not UTF-8 text") from None
    except RecursionError:
        raise RecordError(f"{where}: invalid JSON (nested too deeply)") from None
    except ValueError as error:
        raise RecordError(f"{where}: invalid JSON ({error})") from None
    problem = _record_problem(record)
    if problem is not None:
        raise RecordError(f"{where}: not an extraction record: {problem}")
    try:
        ArticleExtraction.from_record(record)
    except RecordError as error:
        raise RecordError(f"{where}: {error}") from None
    except RecursionError:
        raise RecordError(f"{where}: not an extraction record (nested too deeply)") from None
    return record


#: The JSON types each field of a record must have (the README's "Extraction records").
_TEXT, _OPTIONAL_TEXT, _OFFSET = (str,), (str, type(None)), (int,)
_RECORD_FIELDS = {
    "article": _TEXT,
    "title": _OPTIONAL_TEXT,
    "url": _OPTIONAL_TEXT,
    "source": _OPTIONAL_TEXT,
    "date": _OPTIONAL_TEXT,
}
_ITEM_FIELDS = {
    "entities": {
        "id": _TEXT,
        "type": _TEXT,
        "name": _TEXT,
        "iso3166_2": _OPTIONAL_TEXT,
        "known_as": _OPTIONAL_TEXT,
    },
    "events": {
        "id": _TEXT,
        "kind": _TEXT,
        "sentence": _TEXT,
        "start": _OFFSET,
        "end": _OFFSET,
        "trigger": _OPTIONAL_TEXT,
        "date": _OPTIONAL_TEXT,
    },
    "relations": {
        "subject": _TEXT,
        "predicate": _TEXT,
        "object": _TEXT,
        "confidence": (int, float),
        "since": _OPTIONAL_TEXT,
        "until": _OPTIONAL_TEXT,
    },
}
_EVIDENCE_FIELDS = {"sentence": _TEXT, "start": _OFFSET, "end": _OFFSET}


def _record_problem(record: Any) -> str | None:
    """What makes ``record`` unusable as an extraction record, or None (types only: the
    fields themselves are read by :meth:`ArticleExtraction.from_record`)."""
    if not isinstance(record, dict):
        return f"a JSON {type(record).__name__}, not an object"
    problem = _fields_problem(record, _RECORD_FIELDS, "")
    for key, fields in _ITEM_FIELDS.items():
        items = record.get(key, [])
        if problem is None and not isinstance(items, list):
            problem = f"{key} must be a list"
        for number, item in enumerate(items if problem is None else []):
            where = f"{key}[{number}]"
            problem = problem or (
                f"{where} must be an object"
                if not isinstance(item, dict)
                else _fields_problem(item, fields, where) or _item_problem(key, item, where)
            )
    return problem


def _item_problem(key: str, item: dict[str, Any], where: str) -> str | None:
    if key == "entities":
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            return f"{where}.aliases must be a list of strings"
    if key == "relations":
        evidence = item.get("evidence")
        if not isinstance(evidence, dict):
            return f"{where}.evidence must be an object"
        return _fields_problem(evidence, _EVIDENCE_FIELDS, f"{where}.evidence")
    return None


def _fields_problem(
    item: dict[str, Any], fields: dict[str, tuple[type, ...]], where: str
) -> str | None:
    for name, types in fields.items():
        value = item.get(name)
        if name not in item and type(None) in types:
            continue
        if name not in item:
            return f"{where + ': ' if where else ''}missing key {name!r}"
        if isinstance(value, bool) or not isinstance(value, types):
            shown = f"{where}.{name}" if where else name
            return f"{shown} must be {_type_names(types)}, not a JSON {type(value).__name__}"
    return None


def _type_names(types: tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", type(None): "null"}
    return " or ".join(dict.fromkeys(names[t] for t in types))


# -- steps ---------------------------------------------------------------------------------


class _Inventory:
    """Which record stands for each article id: one cache key per id, the lowest if several."""

    def __init__(self, cache: ExtractionCache) -> None:
        self.cache = cache
        self.winners: dict[str, str] = {}
        self.duplicates: set[str] = set()

    def add(self, article: Article) -> str:
        """Note the article; returns its cache key."""
        key = self.cache.key(article)
        kept = self.winners.get(article.id)
        if kept is None or key < kept:
            self.winners[article.id] = key
        if kept is not None and kept != key:
            self.duplicates.add(article.id)
        return key

    def forget(self, article_id: str, key: str) -> None:
        """Leave the article out of this build (its extraction failed)."""
        if self.winners.get(article_id) == key:
            del self.winners[article_id]
            self.duplicates.discard(article_id)

    def is_cached(self, key: str) -> bool:
        """Whether a readable record is cached under ``key`` (a damaged one is extracted again).

        Keys hash the article id with its content, so an entry under the key is that article's.
        """
        return self.cache.get(key) is not None

    def count_missing(self, articles: Iterable[Article]) -> tuple[int, int]:
        """How many articles there are, and how many distinct ones need extracting.

        A reading pass only: nothing of the articles is kept.
        """
        seen, missing = 0, set()
        for article in articles:
            seen += 1
            key = self.cache.key(article)
            if key not in missing and not self.cache.has(key):
                missing.add(key)
        return seen, len(missing)

    def records(self) -> Iterator[dict[str, Any]]:
        """The winning record of every article, sorted by article id, read one at a time."""
        for article_id in sorted(self.winners):
            record = self.cache.get(self.winners[article_id])
            if record is None:
                raise OSError(f"the cached extraction of {article_id!r} vanished during the build")
            yield record


def _extract_missing(
    articles: Iterable[Article],
    inventory: _Inventory,
    runner: Runner,
    status: ExtractionProgress,
    progress: Progress | None,
    on_error: Callable[[ArticleReadError], None] | None,
) -> int:
    """Extract every article whose record is not cached yet, caching each as it comes."""
    queued: set[str] = set()
    words: dict[str, int] = {}

    def missing() -> Iterator[tuple[str, Article]]:
        for article in articles:
            key = inventory.add(article)
            if key in queued or inventory.is_cached(key):
                continue
            queued.add(key)
            words[key] = len(article.text.split())
            yield key, article

    status.started = time.perf_counter()
    if progress:
        progress(status)
    waiting = missing()
    first = next(waiting, None)
    if first is None:
        return 0  # nothing to extract: no worker, cluster or model is started
    failures = 0
    records = runner(chain([first], waiting))
    try:
        for key, record in records:
            if FAILED in record:
                _report_failure(inventory, key, record[FAILED], on_error)
                failures += 1
            else:
                # Through JSON, as a cached record comes back: fresh and cached builds
                # merge alike.
                inventory.cache.put(key, json.loads(json.dumps(record, ensure_ascii=False)))
            status.done += 1
            status.words += words.pop(key, 0)
            if progress:
                progress(status)
    finally:
        # Stopped here (an error, Ctrl-C, SIGTERM): the runner ends its workers now, not
        # when the interpreter exits.
        close = getattr(records, "close", None)
        if close is not None:
            close()
    return len(queued) - failures


def _report_failure(
    inventory: _Inventory,
    key: str,
    failure: dict[str, str],
    on_error: Callable[[ArticleReadError], None] | None,
) -> None:
    error = ArticleExtractionError(failure["article"], failure["reason"])
    if on_error is None:
        raise error
    inventory.forget(failure["article"], key)
    on_error(error)


class _Triples:
    """The graph's N-Triples, streamed once into a scratch file of the build folder: the
    store's data, the ``ntriples`` format and what Turtle is written from. Never held in
    memory whole; the file goes when the build leaves the block (or a later build's
    :func:`remove_leftovers` removes it)."""

    def __init__(self, kg: Graph, outdir: Path) -> None:
        self._kg = kg
        self._outdir = outdir
        self._path: Path | None = None
        self._count = 0

    def __enter__(self) -> _Triples:
        return self

    def path(self) -> Path:
        """The N-Triples file, written on first use."""
        if self._path is None:
            handle, name = tempfile.mkstemp(prefix=".triples.", suffix=".tmp", dir=self._outdir)
            self._path = Path(name)
            os.chmod(name, default_permissions())  # graph.nt may be a link to it
            with os.fdopen(handle, "wb") as stream:
                self._count = write_ntriples(iter_statements(self._kg), stream)
                stream.flush()
                os.fsync(stream.fileno())
        return self._path

    def count(self) -> int:
        """How many triples the graph has."""
        if self._path is None:  # no RDF file was asked for: count them as they are made
            return sum(1 for _ in iter_statements(self._kg))
        return self._count

    def __exit__(self, *exception: object) -> None:
        if self._path is not None:
            self._path.unlink(missing_ok=True)


def _write_outputs(
    kg: Graph, outdir: Path, chosen: list[str], page: str | None, triples: _Triples
) -> list[Path]:
    files = []
    for name in chosen:
        chosen_format = FORMATS[name]
        path = outdir / chosen_format.filename
        if name == "ntriples":
            _link_if_changed(triples.path(), path)
        elif name == "turtle":
            with _StreamedFile(path) as stream:
                write_turtle_from_ntriples(triples.path(), stream)
        elif name == "html" and page is not None:
            _write_if_changed(path, page.encode("utf-8"))
        else:
            _write_if_changed(path, chosen_format.render(kg))
        files.append(path)
    for name, other in FORMATS.items():
        if name not in chosen:
            (outdir / other.filename).unlink(missing_ok=True)
    return files


def _write_if_changed(path: Path, data: bytes) -> Path:
    """Write atomically, unless the file already holds exactly these bytes."""
    try:
        unchanged = path.stat().st_size == len(data) and _file_digest(path) == _digest(data)
    except OSError:
        unchanged = False
    if not unchanged:
        write_atomic(path, data)
    return path


def _link_if_changed(source: Path, path: Path) -> None:
    """Put the finished file ``source`` at ``path`` too (a hard link, else a copy), atomically,
    unless ``path`` already holds the same bytes."""
    if _file_digest(path) == _file_digest(source):
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        try:
            os.link(source, temporary)
        except OSError:  # another file system, or no hard links here
            shutil.copyfile(source, temporary)
        os.chmod(temporary, default_permissions())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _StreamedFile:
    """A file written piece by piece into a temporary file, put in place only on success.

    It replaces the file only when its bytes differ, so an unchanged build leaves it alone;
    on any error (or an interrupt) the temporary file goes and the old file stays.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._digest = hashlib.sha256()

    def __enter__(self) -> _StreamedFile:
        handle, self._temporary = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        self._stream = os.fdopen(handle, "wb")
        return self

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def write_record(self, record: dict[str, Any]) -> dict[str, Any]:
        self.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        return record

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        temporary = Path(self._temporary)
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
        finally:
            self._stream.close()
        if kind is not None or _file_digest(self.path) == self._digest.hexdigest():
            temporary.unlink(missing_ok=True)
            return
        os.chmod(temporary, default_permissions())
        os.replace(temporary, self.path)


def _file_digest(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _in_period(
    records: Iterable[dict[str, Any]], since: Bound, until: Bound, undated: bool
) -> Iterator[dict[str, Any]]:
    """The records as far as the period holds them (all of them without bounds).

    ``extractions.jsonl`` then holds what the graph is merged from, so that reading the
    folder back gives the same graph; the cache keeps every article, whatever the period.
    """
    if since is None and until is None:
        yield from records
        return
    for record in records:
        extraction = ArticleExtraction.from_record(record)
        kept = restrict(extraction, since, until, undated=undated)
        if kept is extraction:
            yield record
        elif kept is not None:
            yield kept.to_record()


def _with_period(manifest: bytes, since: Bound, until: Bound, undated: bool) -> bytes:
    data = json.loads(manifest)
    data["period"] = {"since": iso_bound(since), "until": iso_bound(until), "undated": undated}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _manifest(
    kg: Graph, outdir: Path, fingerprint: str, formats: list[str], files: list[Path], triples: int
) -> bytes:
    from actorgraph.version import __version__

    written = sorted((path for path in files if path.name != STORE_NAME), key=lambda p: p.name)
    manifest = {
        "actorgraph": __version__,
        "fingerprint": fingerprint,
        **kg.stats(),
        "triples": triples,
        "formats": formats,
        "files": [path.name for path in written],
        "store": STORE_NAME if store_version(outdir) else None,
        "store_version": store_version(outdir),
        "sha256": {path.name: _file_digest(path) for path in written},
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@contextmanager
def build_lock(outdir: Path) -> Iterator[None]:
    """Hold the folder's lock for one build; :class:`BuildLockedError` if another holds it."""
    path = outdir / LOCK_FILE
    with path.open("a+") as stream:
        if fcntl is not None:
            try:
                # A POSIX record lock, not flock: worker processes forked during the build do
                # not inherit it, so a killed build never leaves its folder locked.
                fcntl.lockf(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB, 0, 0, os.SEEK_SET)
            except OSError:
                stream.seek(0)
                holder = stream.read().strip() or "another process"
                raise BuildLockedError(
                    f"another build is writing {outdir} ({holder}); wait for it to finish"
                ) from None
        stream.seek(0)
        stream.truncate()
        stream.write(f"pid {os.getpid()}\n")
        stream.flush()
        try:
            yield
        finally:
            stream.truncate(0)


def remove_leftovers(outdir: Path) -> None:
    """Temporary files and half-built stores a killed build left behind."""
    for path in outdir.glob(".*.tmp"):
        path.unlink(missing_ok=True)
    for path in outdir.glob(".store-building-*"):
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the graph is merged and rendered.

    Those steps make millions of objects that live on, and each full collection walks all
    of them again: pausing it takes about a quarter off a large build's merge. What they
    make holds no reference cycles worth collecting before the build ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _frozen_for_collection() -> Iterator[None]:
    """Every object made so far (the merged graph, the caller's) left out of garbage
    collections until the block ends (:func:`gc.freeze`), so that a collection walks only
    what the block makes.

    The collector is paused, but the map makes networkx graphs, which are cyclic (their
    cached views point back at them): without one collection after it they would stay
    until the build ends, and the outputs after it would pile up on top of them.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _Timer:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now
