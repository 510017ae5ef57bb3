"""An embedded SPARQL store (pyoxigraph) holding a knowledge graph, in memory or on disk.

``actorgraph build`` keeps an on-disk store in ``OUTDIR/store``: :func:`write_store`
loads the graph into a fresh folder beside it and then points ``store`` at that folder
with one atomic rename (``store`` is a symbolic link), so a reader — or a build killed
half-way — only ever finds a complete store. :func:`open_store` opens it read-only.

Query results come back as Python values: IRIs and strings as ``str``, ``xsd:integer``
as ``int``, ``xsd:decimal``/``double``/``float`` as ``float``, ``xsd:boolean`` as
``bool``; rows as dicts, or a pandas DataFrame where pandas is installed.

>>> from actorgraph.graph import Graph
>>> query_graph(Graph(), "SELECT ?s WHERE { ?s ?p ?o }", as_dataframe=False)
[]
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph
from rdflib.namespace import XSD

from actorgraph.files import default_permissions
from actorgraph.graph.rdfio import ntriples_bytes
from actorgraph.ontology import PREFIXES

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph

#: The folder name of a build's store inside OUTDIR.
STORE_NAME = "store"
#: The N-Triples a store folder holds, beside its database: what the next build patches.
TRIPLES_FILE = "triples.nt"
_STORE_VERSION_PREFIX = ".store-"

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
#: The predeclared prefixes as the parser's defaults: a query's own declarations win, and
#: error positions count the lines and columns of the query as the user wrote it.
_PREFIX_MAP = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
#: The first keyword of a SPARQL Update request (after its PREFIX / BASE declarations).
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)

_INTEGERS = {
    str(XSD[name])
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_FLOATS = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_BOOLEAN = str(XSD.boolean)


class QueryError(ValueError):
    """A SPARQL query that the store rejected."""


class StoreNotFoundError(FileNotFoundError):
    """A build folder without a SPARQL store."""


@dataclass(slots=True)
class QueryResult:
    """What a SPARQL query returned: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT).

    ``graph`` holds CONSTRUCT/DESCRIBE results as Turtle bytes.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    boolean: bool | None = None
    graph: bytes | None = None


# -- stores -----------------------------------------------------------------------------------


def load_store(
    data: str | bytes, path: Path | None = None, *, format: str = "turtle"
) -> pyoxigraph.Store:
    """A store holding the given RDF (Turtle or N-Triples): in memory, or on disk at ``path``."""
    store = pyoxigraph.Store(str(path)) if path else pyoxigraph.Store()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    rdf_format = (
        pyoxigraph.RdfFormat.N_TRIPLES if format == "ntriples" else pyoxigraph.RdfFormat.TURTLE
    )
    store.bulk_load(payload, format=rdf_format)
    return store


def memory_store(kg: Graph) -> pyoxigraph.Store:
    """An in-memory store holding the graph."""
    return load_store(ntriples_bytes(kg.statements()), format="ntriples")


def write_store(outdir: Path, ntriples: bytes | Path) -> Path:
    """Put an on-disk store of ``ntriples`` (N-Triples bytes, or an N-Triples file) at
    ``outdir/store``, atomically; returns its path.

    The store is built in a new folder named by the data's hash and ``store`` is then
    re-pointed at it; when it already holds the same data nothing is rebuilt. When the
    previous store differs by a small part of its triples, the new one is a copy of it
    (hard links: Oxigraph's backup) with only those triples removed and added; each store
    folder keeps the N-Triples it holds (``triples.nt``) to tell. Stores of earlier builds,
    and folders of builds that were killed, are removed afterwards. A file is read as a
    stream: a large graph's N-Triples are never held in memory here.
    """
    outdir = Path(outdir)
    link = outdir / STORE_NAME
    version = _STORE_VERSION_PREFIX + _sha256(ntriples)[:16]
    if not (link.is_symlink() and os.readlink(link) == version and (outdir / version).is_dir()):
        building = Path(tempfile.mkdtemp(prefix=".store-building-", dir=outdir))
        os.chmod(building, default_permissions(directory=True))
        triples = building / TRIPLES_FILE
        _place_triples(ntriples, triples)
        previous = outdir / (store_version(outdir) or STORE_NAME)
        if not _patch_copy(previous, building, triples):
            store = pyoxigraph.Store(str(building / "data"))
            bulk_load_file(store, triples)
            store.flush()
            del store
        target = outdir / version
        if target.exists():
            shutil.rmtree(target)
        os.replace(building, target)
        _point(link, version)
    _remove_stale_stores(outdir, keep=version)
    return link


_CHUNK = 1 << 20
#: Triples per bulk load: Oxigraph's bulk loader holds a whole batch (up to a million
#: quads) in memory, so a large graph is handed to it in parts of this many lines.
BULK_LOAD_LINES = 100_000


def bulk_load_file(store: pyoxigraph.Store, path: Path, lines: int = BULK_LOAD_LINES) -> None:
    """Load an N-Triples file into ``store`` ``lines`` triples at a time, then compact it.

    Memory stays near what one part needs (about 200 MB for 100,000 triples) instead of
    growing with the file (1.4 GB for 1.7 million triples in one load). A file with blank
    nodes is loaded in one go: a blank node's label means the same node only within one
    document, so splitting it would split the node.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.nt").write_bytes(b'<x:a> <x:p> "1" .\\n<x:b> <x:p> "2" .\\n')
    >>> store = pyoxigraph.Store()
    >>> bulk_load_file(store, folder / "g.nt", lines=1)
    >>> len(store)
    2
    """
    with Path(path).open("rb") as stream:
        while part := b"".join(itertools.islice(stream, lines)):
            if _may_hold_blank_nodes(part):
                store.clear()  # the parts loaded so far are loaded again, with the rest
                store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
                break
            store.bulk_load(part, format=pyoxigraph.RdfFormat.N_TRIPLES)
    # Each part lands as its own files; compacting them keeps queries as fast as one load.
    store.optimize()


def _may_hold_blank_nodes(ntriples: bytes) -> bool:
    """Whether N-Triples may hold a blank node (a literal that merely contains ``_:`` also
    counts: the answer only decides how the file is loaded)."""
    return ntriples.startswith(b"_:") or b"\n_:" in ntriples or b" _:" in ntriples


def _sha256(ntriples: bytes | Path) -> str:
    if isinstance(ntriples, bytes):
        return hashlib.sha256(ntriples).hexdigest()
    digest = hashlib.sha256()
    with Path(ntriples).open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _place_triples(ntriples: bytes | Path, destination: Path) -> None:
    """The store folder's own ``triples.nt``: a copy, never a link, so that a file edited
    in place (``graph.nt``, say) cannot change what the next build takes the store to hold."""
    if isinstance(ntriples, bytes):
        destination.write_bytes(ntriples)
    else:
        shutil.copyfile(ntriples, destination)


def _patch_copy(previous: Path, building: Path, triples: Path) -> bool:
    """Copy the store at ``previous`` into ``building`` and change it to hold the N-Triples
    file ``triples``; False, with nothing done, when it has no N-Triples to compare or
    differs too much."""
    try:
        before = (previous / TRIPLES_FILE).open("rb")
    except OSError:
        return False
    with before, triples.open("rb") as after:
        try:
            removed, added = ntriples_difference(before, after)
        except ValueError:  # not N-Triples this module wrote, subject by subject
            return False
    if len(removed) + len(added) > _line_count(triples) // 4:
        return False  # loading afresh is faster than a large patch
    try:
        pyoxigraph.Store.read_only(str(previous / "data")).backup(str(building / "data"))
        store = pyoxigraph.Store(str(building / "data"))
        for quad in _quads(removed):
            store.remove(quad)
        store.extend(_quads(added))
        store.flush()
        del store
    except OSError:  # a damaged or vanished previous store: load afresh instead
        shutil.rmtree(building / "data", ignore_errors=True)
        return False
    return True


def _line_count(path: Path) -> int:
    count = 0
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            count += chunk.count(b"\n")
    return count


def ntriples_difference(
    before: bytes | BinaryIO, after: bytes | BinaryIO
) -> tuple[set[bytes], set[bytes]]:
    """The lines only ``before`` has and the lines only ``after`` has, of two N-Triples
    documents (bytes, or binary files read as streams) whose triples come subject by
    subject, subjects in order (as actorgraph writes them). Subjects are walked side by
    side and only those whose lines differ are compared line by line, so a small change
    costs one pass and no set of every triple. :class:`ValueError` if the subjects are
    out of order.

    >>> a = b'<x:a> <x:p> "1" .\\n<x:b> <x:p> "2" .\\n'
    >>> ntriples_difference(a, a.replace(b'"2"', b'"3"'))
    ({b'<x:b> <x:p> "2" .'}, {b'<x:b> <x:p> "3" .'})
    """
    removed: set[bytes] = set()
    added: set[bytes] = set()
    old, new = _subject_blocks(before), _subject_blocks(after)
    left, right = next(old, None), next(new, None)
    while left is not None or right is not None:
        if right is None or (left is not None and left[0] < right[0]):
            removed.update(left[1])  # type: ignore[index]
            left = next(old, None)
        elif left is None or right[0] < left[0]:
            added.update(right[1])
            right = next(new, None)
        else:
            if left[1] != right[1]:
                was, now = set(left[1]), set(right[1])
                removed |= was - now
                added |= now - was
            left, right = next(old, None), next(new, None)
    return removed, added


def _subject_blocks(data: bytes | BinaryIO) -> Iterator[tuple[bytes, list[bytes]]]:
    """(subject IRI, its lines without line ends) of N-Triples, one subject at a time;
    ValueError when a subject is not after the one before it."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    subject: bytes | None = None
    lines: list[bytes] = []
    for raw in stream:
        line = raw.rstrip(b"\n")
        if not line:
            continue
        head = line[1 : line.index(b"> ")]  # "<subject> ..."
        if head != subject:
            if subject is not None:
                if head <= subject:
                    raise ValueError("subjects out of order")
                yield subject, lines
            subject, lines = head, []
        lines.append(line)
    if subject is not None:
        yield subject, lines


def _quads(lines: set[bytes]) -> Iterator[pyoxigraph.Quad]:
    data = b"\n".join(sorted(lines)) + b"\n"
    yield from pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` in one atomic step."""
    temporary = link.with_name(f".{link.name}.link-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary, target_is_directory=True)
    if link.is_dir() and not link.is_symlink():  # a store folder from an older layout
        shutil.rmtree(link)
    os.replace(temporary, link)


def remove_store(outdir: Path) -> None:
    """Remove a build folder's store, if it has one."""
    link = Path(outdir) / STORE_NAME
    if link.is_symlink():
        link.unlink()
    elif link.is_dir():
        shutil.rmtree(link)
    _remove_stale_stores(Path(outdir), keep="")


def _remove_stale_stores(outdir: Path, keep: str) -> None:
    for path in outdir.glob(".store-*"):
        if path.name != keep:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
    for path in outdir.glob(f".{STORE_NAME}.link-*"):
        path.unlink(missing_ok=True)


def store_version(outdir: Path) -> str | None:
    """The name of the store folder ``OUTDIR/store`` points to, or None without a store."""
    try:
        return os.readlink(Path(outdir) / STORE_NAME)
    except OSError:
        return None


def store_path(outdir: Path) -> Path:
    """The on-disk store folder of a build (``OUTDIR/store`` resolved)."""
    link = Path(outdir) / STORE_NAME
    data = link / "data"
    if not data.is_dir():
        raise StoreNotFoundError(
            f"{outdir} has no SPARQL store (expected {link}); run `actorgraph build` into it"
        )
    return data


def open_store(outdir: str | Path) -> pyoxigraph.Store:
    """The SPARQL store of a build folder, opened read-only.

    >>> store = open_store("out/")          # doctest: +SKIP
    >>> query_store(store, "ASK { ?s a ag:Person }")   # doctest: +SKIP
    True
    """
    return pyoxigraph.Store.read_only(str(store_path(Path(outdir))))


# -- queries ----------------------------------------------------------------------------------


def with_prefixes(sparql: str) -> str:
    """Prepend the usual prefixes; a query's own declarations come later and win."""
    return SPARQL_PREFIXES + sparql


def run_query(
    store: pyoxigraph.Store,
    sparql: str,
    *,
    allow_service: bool = False,
    bindings: Mapping[str, Any] | None = None,
) -> QueryResult:
    """Run a SPARQL query (the common prefixes predeclared) and gather its result.

    ``SERVICE`` would have the store send requests to other servers, so it is refused
    unless ``allow_service``. ``bindings`` give variables their values (``{"name":
    "Taliban"}``) as RDF terms, never as query text: a value cannot change the query.
    SPARQL Update is refused (queries only read), and errors give lines and columns of
    ``sparql`` itself (bindings go in a trailing ``VALUES`` clause, after it).

    >>> run_query(pyoxigraph.Store(), "ASK { ?s ?p ?o }").boolean
    False
    >>> run_query(pyoxigraph.Store(), "SELECT ?x WHERE {}", bindings={"x": 1}).rows
    [{'x': 1}]
    """
    check_query(sparql, allow_service=allow_service)
    try:
        result = store.query(sparql + values_clause(bindings), prefixes=_PREFIX_MAP)
        return _gather(result)
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {_one_line(error)}") from None
    except (OSError, RuntimeError, ValueError) as error:
        # a SERVICE that answered nonsense, a store that failed: one line, no traceback
        raise QueryError(f"the query failed: {_one_line(error)}") from None


def _one_line(error: Exception, limit: int = 300) -> str:
    """An error's message on one line, cut short (a server's answer can be a whole page)."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _gather(result: Any) -> QueryResult:
    if isinstance(result, bool | pyoxigraph.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = [variable.value for variable in result.variables]
        rows = [{name: python_value(solution[name]) for name in variables} for solution in result]
        return QueryResult("select", variables=variables, rows=rows)
    triples = list(result)
    graph = pyoxigraph.serialize(
        triples,
        format=pyoxigraph.RdfFormat.TURTLE,
        prefixes={p: str(ns) for p, ns in PREFIXES.items()},
    )
    return QueryResult("graph", graph=graph)


def values_clause(bindings: Mapping[str, Any] | None) -> str:
    """A ``VALUES`` clause binding each variable to one value, every value a serialised term.

    >>> values_clause({"name": 'Ali" } DROP ALL #'})
    '\\nVALUES (?name) { ("Ali\\\\" } DROP ALL #") }'
    """
    if not bindings:
        return ""
    names = " ".join(f"?{pyoxigraph.Variable(name.lstrip('?$')).value}" for name in bindings)
    terms = " ".join(str(rdf_term(value)) for value in bindings.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}"


def rdf_term(value: Any) -> Any:
    """A Python value as an RDF term: terms stay, ``bool``/``int``/``float`` become typed
    literals, anything else a string literal.

    >>> rdf_term("Taliban").value
    'Taliban'
    """
    if isinstance(value, pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal):
        return value
    if isinstance(value, bool):
        return pyoxigraph.Literal(str(value).lower(), datatype=pyoxigraph.NamedNode(_BOOLEAN))
    if isinstance(value, int):
        return pyoxigraph.Literal(str(value), datatype=pyoxigraph.NamedNode(str(XSD.integer)))
    if isinstance(value, float):
        return pyoxigraph.Literal(repr(value), datatype=pyoxigraph.NamedNode(str(XSD.double)))
    return pyoxigraph.Literal(str(value))


# -- what a query asks for, without running it ------------------------------------------------

#: The pieces of SPARQL that can hold a keyword-like word without it being a keyword:
#: comments, strings, IRIs, variables, prefixed names and blank nodes, language tags.
_SPARQL_TOKENS = re.compile(
    r"""(?P<skip>\#[^\n]*
        |'''(?:[^'\\]|\\.|'(?!''))*'''
        |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        |'(?:[^'\\\n]|\\.)*'
        |"(?:[^"\\\n]|\\.)*"
        |<[^<>"{}|^`\\\x00-\x20]*>
        |[?$]\w+
        |[\w.\-]*:[\w.\-:%\\]*
        |@[A-Za-z][A-Za-z0-9\-]*)
      |(?P<word>[A-Za-z_]\w*)""",
    re.VERBOSE,
)
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def sparql_keywords(sparql: str) -> list[tuple[str, int, int]]:
    """The bare words of a query (keywords, in upper case) with their line and column.

    Words inside comments, strings and IRIs, and variables and prefixed names, are not
    keywords. Codepoint escapes (``\\u0053``) are read first, as the SPARQL grammar says.

    >>> sparql_keywords('SELECT ?service WHERE { ?s ag:service "SERVICE" } # SERVICE')
    [('SELECT', 1, 1), ('WHERE', 1, 17)]
    """
    text = _CODEPOINT_ESCAPE.sub(_codepoint, sparql)
    found = []
    for match in _SPARQL_TOKENS.finditer(text):
        if match.lastgroup == "word":
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            found.append((match.group().upper(), line, column))
    return found


def _codepoint(match: re.Match[str]) -> str:
    number = int(match.group(1) or match.group(2), 16)
    return chr(number) if number <= 0x10FFFF else "\ufffd"


def check_query(sparql: str, *, allow_service: bool = False) -> None:
    """Refuse, with a one-line :class:`QueryError`, what a local query must not do.

    >>> try:
    ...     check_query("PREFIX x: <urn:x:>\\nDELETE WHERE { ?s ?p ?o }")
    ... except QueryError as error:
    ...     print(error)
    DELETE at 2:1 is SPARQL Update, and queries only read
    """
    keywords = sparql_keywords(sparql)
    first = next((k for k in keywords if k[0] not in ("PREFIX", "BASE")), None)
    if first is not None and first[0] in UPDATE_KEYWORDS:
        word, line, column = first
        raise QueryError(f"{word} at {line}:{column} is SPARQL Update, and queries only read")
    if not allow_service:
        for word, line, column in keywords:
            if word == "SERVICE":
                raise QueryError(
                    f"SERVICE at {line}:{column} would send requests to another server; "
                    "allow it with allow_service=True (--allow-service)"
                )


def query_graph(kg: Graph, sparql: str, *, as_dataframe: bool = True) -> Any:
    """Run a SPARQL SELECT/ASK over ``kg`` (the common prefixes are predeclared)."""
    return query_store(memory_store(kg), sparql, as_dataframe=as_dataframe)


def query_store(store: pyoxigraph.Store, sparql: str, *, as_dataframe: bool = True) -> Any:
    """Rows of a SELECT as dicts (a DataFrame where pandas exists); ASK: a bool."""
    result = run_query(store, sparql)
    if result.kind == "ask":
        return result.boolean
    if result.kind != "select":
        raise QueryError("only SELECT and ASK queries return rows; use run_query for CONSTRUCT")
    return rows_or_frame(result, as_dataframe=as_dataframe)


def rows_or_frame(result: QueryResult, *, as_dataframe: bool = True) -> Any:
    """A SELECT result as a pandas DataFrame when asked and installed, else a list of dicts."""
    if as_dataframe:
        try:
            import pandas
        except ImportError:
            return result.rows
        return pandas.DataFrame(result.rows, columns=result.variables)
    return result.rows


def python_value(term: Any) -> Any:
    """A query result term as a Python value (None for an unbound variable).

    >>> python_value(pyoxigraph.Literal("3", datatype=pyoxigraph.NamedNode(str(XSD.integer))))
    3
    """
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return str(term.value)
