"""Fast, deterministic RDF serialisation: Turtle, N-Triples and JSON-LD.

rdflib's Turtle writer is slow on large graphs (rdflib#2135) and, like its other
writers, orders triples by the hash-based layout of its store. Here the graph's
triples (:meth:`Graph.statements`: already sorted by subject, ``rdf:type``
first, predicate and object) go to pyoxigraph's serialisers, which group each
subject's triples with ``;`` and ``,`` and declare exactly actorgraph's fixed prefixes
(:data:`actorgraph.ontology.PREFIXES` — never an invented ``ns1:``, rdflib#2779,
#1168). The same graph always gives the same bytes.

JSON-LD is written here directly: one ``@context`` with the same prefixes and one
node object per subject, in the same order.

>>> label = "http://www.w3.org/2000/01/rdf-schema#label"
>>> print(turtle_bytes([(AGR_X, label, "X", str(XSD.string))]).decode())
@prefix ag: <https://w3id.org/actorgraph/ontology#> .
...
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<BLANKLINE>
agr:x rdfs:label "X" .
<BLANKLINE>
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Sequence
from itertools import groupby, islice
from typing import Any, BinaryIO

import pyoxigraph
from rdflib.namespace import RDF, XSD

from actorgraph.graph.rdf import IRI, Statement
from actorgraph.ontology import PREFIXES

AGR_X = "https://w3id.org/actorgraph/resource/x"  # for the example above

_TYPE, _STRING = str(RDF.type), str(XSD.string)
#: Prefix → namespace IRI, longest namespace first (for compacting IRIs).
_NAMESPACES = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda i: -len(i[1]))


def prefixes() -> dict[str, str]:
    """actorgraph's fixed prefixes as plain strings, in their declared order."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def turtle_bytes(statements: Iterable[Statement]) -> bytes:
    """Turtle with the fixed prefixes, triples in the given order, a blank line per subject.

    pyoxigraph abbreviates the IRIs; the prefix block is written here, in the declared
    order, since pyoxigraph's own follows a hash map.
    """
    # Parsed from N-Triples, the triples are made by pyoxigraph itself: faster than here.
    return turtle_from_ntriples(ntriples_bytes(statements))


def turtle_from_ntriples(ntriples: bytes) -> bytes:
    """:func:`turtle_bytes` of the statements that :func:`ntriples_bytes` wrote as ``ntriples``
    (a build that writes both, and a store, makes the N-Triples once)."""
    out = io.BytesIO()
    write_turtle_from_ntriples(ntriples, out)
    return out.getvalue()


def write_turtle_from_ntriples(ntriples: bytes | str | os.PathLike[str], stream: BinaryIO) -> None:
    """Write :func:`turtle_from_ntriples` of N-Triples bytes, or of an N-Triples file, into
    ``stream`` as it is made: a large graph's Turtle is never held whole."""
    nt = pyoxigraph.RdfFormat.N_TRIPLES
    triples = (
        pyoxigraph.parse(ntriples, format=nt)
        if isinstance(ntriples, bytes)
        else pyoxigraph.parse(path=ntriples, format=nt)
    )
    header = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in prefixes().items())
    stream.write(header.encode("utf-8"))
    subjects = _SubjectsApart(stream)
    pyoxigraph.serialize(triples, subjects, format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes())
    subjects.close()


class _SubjectsApart:
    """A writer between pyoxigraph's Turtle and ``stream`` that drops pyoxigraph's prefix
    lines (they follow a hash map's order; the fixed block is written before) and puts a
    blank line before every subject.

    Literals never hold a raw line break (pyoxigraph escapes it), so " .\n" ends a subject.
    """

    _PREFIX, _END = b"@prefix ", b" .\n"

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._pending = bytearray()  # the start of a subject not ended yet
        self._in_body = False

    def write(self, data: bytes) -> int:
        seen = len(self._pending)
        self._pending += data
        if not self._in_body:
            if not self._skip_prefixes():
                return len(data)
            seen = 0
        # Only the new bytes are searched, so a subject of many lines costs its length once.
        last = self._pending.rfind(self._END, max(seen - len(self._END) + 1, 0))
        if last >= 0:
            cut = last + len(self._END)
            blocks = bytes(self._pending[:cut]).split(self._END)[:-1]
            del self._pending[:cut]
            self._stream.write(b"".join(b"\n" + block + self._END for block in blocks))
        return len(data)

    def _skip_prefixes(self) -> bool:
        """Drop the prefix lines at the start; whether the subjects have begun."""
        while self._pending.startswith(self._PREFIX):
            line_end = self._pending.find(b"\n")
            if line_end < 0:
                return False
            del self._pending[: line_end + 1]
        if self._PREFIX.startswith(self._pending):  # too short yet to tell
            return False
        self._in_body = True
        return True

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        """Write what is left (nothing, for Turtle that ends its last subject)."""
        if not self._in_body and not self._skip_prefixes():
            self._pending.clear()
        rest = bytes(self._pending).rstrip(b"\n")
        if rest:
            self._stream.write(b"\n" + rest + b"\n")
        self._pending.clear()


def ntriples_bytes(statements: Iterable[Statement]) -> bytes:
    """Canonical N-Triples, one triple per line, in the given order.

    Written here rather than through pyoxigraph objects, which cost more to make than to
    serialise; the bytes are pyoxigraph's own (``tests/test_large_outputs.py`` compares them).
    """
    out = io.BytesIO()
    write_ntriples(statements, out)
    return out.getvalue()


def write_ntriples(statements: Iterable[Statement], stream: BinaryIO) -> int:
    """Write :func:`ntriples_bytes` of ``statements`` into ``stream``; the number of triples."""
    # Encoded a slice at a time: one string of every line of a large graph would take two or
    # four bytes a character as soon as one literal held a character outside Latin-1.
    count = 0
    lines = iter(statements)
    while chunk := list(islice(lines, _LINES_AT_A_TIME)):
        stream.write("".join(map(_ntriples_line, chunk)).encode("utf-8"))
        count += len(chunk)
    return count


_LINES_AT_A_TIME = 20_000


def _ntriples_line(statement: Statement) -> str:
    subject, predicate, obj, datatype = statement
    if datatype == IRI:
        return f"<{subject}> <{predicate}> <{obj}> .\n"
    text = obj.translate(_LITERAL_ESCAPES)
    if datatype == _STRING:
        return f'<{subject}> <{predicate}> "{text}" .\n'
    return f'<{subject}> <{predicate}> "{text}"^^<{datatype}> .\n'


#: How canonical N-Triples (and pyoxigraph) escape a literal's characters.
_LITERAL_ESCAPES = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}


def compact_iri(iri: str) -> str:
    """``prefix:rest`` for an IRI in one of the fixed namespaces, else the IRI itself.

    >>> compact_iri("https://w3id.org/actorgraph/ontology#Person")
    'ag:Person'
    """
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and not iri[len(namespace) :].startswith("//"):
            return prefix + ":" + iri[len(namespace) :]
    return iri


def jsonld_bytes(statements: Sequence[Statement]) -> bytes:
    """JSON-LD 1.1: the fixed prefixes as ``@context``, one object per subject."""
    graph: list[dict[str, Any]] = []
    for subject, triples in groupby(statements, key=lambda triple: triple[0]):
        node: dict[str, Any] = {"@id": compact_iri(subject)}
        for predicate, values in groupby(triples, key=lambda triple: triple[1]):
            if predicate == _TYPE:
                node["@type"] = [compact_iri(obj) for _, _, obj, _ in values]
            else:
                node[compact_iri(predicate)] = [_jsonld_value(o, d) for _, _, o, d in values]
        graph.append(node)
    document = {"@context": prefixes(), "@graph": graph}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _jsonld_value(value: str, datatype: str) -> Any:
    if datatype == IRI:
        return {"@id": compact_iri(value)}
    if datatype == _STRING:
        return value
    return {"@value": value, "@type": compact_iri(datatype)}
