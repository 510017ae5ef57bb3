"""SHACL validation of exported graphs against ``ontology/shapes.ttl`` (pySHACL).

The shapes say what valid actorgraph data looks like: one label per entity and event,
ISO 3166-2 codes on provinces, relations between the right kinds of node, and every
``ag:Assertion`` complete (subject, predicate, object, confidence in [0, 1], support
equal to its number of articles, evidence with a sentence and a source article). The
ontology is mixed in while validating, so event kinds count as ``ag:Event``.

>>> from actorgraph.graph import Graph
>>> validate_graph(Graph().to_rdf()).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rdflib
from rdflib.namespace import RDF, SH
from rdflib.util import guess_format

from actorgraph.resources import ontology_dir

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph

#: File names ``validate_file`` looks for inside a build folder, in order.
BUILD_RDF_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")


class RdfParseError(ValueError):
    """A file that is not readable RDF."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: the node, the property path, what is wrong and where it came from."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None = None
    value: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "focus": self.focus,
            "path": self.path,
            "message": self.message,
            "severity": self.severity,
            "shape": self.shape,
            "value": self.value,
        }


@dataclass(slots=True)
class ShaclReport:
    """Whether the data conforms, and every violation (sorted by focus node and path)."""

    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON data."""
        return {
            "conforms": self.conforms,
            "triples": self.triples,
            "violations": [violation.to_dict() for violation in self.violations],
        }


def shapes_path() -> Path:
    """The packaged SHACL shapes file."""
    return ontology_dir() / "shapes.ttl"


@lru_cache(maxsize=1)
def _shapes() -> tuple[rdflib.Graph, rdflib.Graph]:
    shapes = rdflib.Graph().parse(shapes_path(), format="turtle")
    ontology = rdflib.Graph().parse(ontology_dir() / "actorgraph.ttl", format="turtle")
    return shapes, ontology


def validate_graph(data: rdflib.Graph, shapes: Path | None = None) -> ShaclReport:
    """Validate an rdflib graph against actorgraph's shapes (or the shapes file given)."""
    import pyshacl

    shape_graph, ontology = _shapes()
    if shapes is not None:
        shape_graph = rdflib.Graph().parse(shapes, format=guess_format(str(shapes)) or "turtle")
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=shape_graph,
        ont_graph=ontology,
        inference="none",
        advanced=True,
        abort_on_first=False,
        allow_warnings=True,
    )
    return ShaclReport(bool(conforms), len(data), _violations(results, data))


def validate_kg(kg: Graph) -> ShaclReport:
    """Validate a knowledge graph's RDF form."""
    return validate_graph(kg.to_rdf())


def validate_file(path: str | Path, shapes: Path | None = None) -> ShaclReport:
    """Validate an RDF file (Turtle, N-Triples, JSON-LD, RDF/XML), or a build folder's graph."""
    return validate_graph(parse_rdf_file(path), shapes)


def parse_rdf_file(path: str | Path) -> rdflib.Graph:
    """Parse an RDF file, its format guessed from its extension; a build folder: its graph."""
    path = Path(path)
    if path.is_dir():
        found = next((path / name for name in BUILD_RDF_FILES if (path / name).is_file()), None)
        if found is None:
            raise FileNotFoundError(f"{path} holds no graph.ttl, graph.nt or graph.jsonld")
        path = found
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    rdf_format = guess_format(str(path)) or "turtle"
    try:
        return rdflib.Graph().parse(path, format=rdf_format)
    except Exception as error:  # rdflib raises many kinds for bad input
        detail = " ".join(str(error).split())
        detail = detail if len(detail) <= 200 else detail[:197] + "..."
        raise RdfParseError(f"{path} is not valid {rdf_format}: {detail}") from error


def _violations(results: rdflib.Graph, data: rdflib.Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        value = results.value(result, SH.value)
        found.append(
            Violation(
                focus=_show(focus, data),
                path=_show(path, data) if path is not None else None,
                message=str(message) if message is not None else "violates a shape",
                severity=_show(severity, data).removeprefix("sh:"),
                shape=_show(shape, data) if isinstance(shape, rdflib.URIRef) else None,
                value=_show(value, data) if value is not None else None,
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))


def _show(term: rdflib.term.Node | None, data: rdflib.Graph) -> str:
    from actorgraph.graph.rdfio import compact_iri

    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        return compact_iri(str(term)).replace("http://www.w3.org/ns/shacl#", "sh:")
    if isinstance(term, rdflib.Literal):
        return repr(str(term)) if len(str(term)) < 80 else repr(str(term)[:77] + "...")
    return term.n3()
