"""Serialise a knowledge graph to files: RDF, network formats, a CSV edge list and the map.

=============  ==================  ========================================================
format         file                what
=============  ==================  ========================================================
``turtle``     ``graph.ttl``       RDF Turtle: facts, assertions, evidence, articles
``ntriples``   ``graph.nt``        the same triples as canonical N-Triples
``jsonld``     ``graph.jsonld``    the same triples as JSON-LD 1.1
``json``       ``graph.json``      networkx node-link JSON, with every node's merge reasons
``graphml``    ``graph.graphml``   GraphML (attributes flattened to scalars)
``gexf``       ``graph.gexf``      GEXF for Gephi (attributes flattened to scalars)
``csv``        ``edges.csv``       one row per fact: ends, labels, confidence, support,
                                   articles
``html``       ``graph.html``      the interactive relationship map
``geojson``    ``events.geojson``  the events as a GeoJSON FeatureCollection (RFC 7946):
                                   points at their towns, for QGIS or geojson.io
=============  ==================  ========================================================

There is no TriG or N-Quads: the provenance model keeps everything in the default
graph (see :mod:`actorgraph.graph.rdf`), so they would say nothing N-Triples does not.

All outputs are deterministic — the same graph gives the same bytes — and every file is
written atomically (a temporary file in the same folder, then a rename), so a reader
never sees half a file and a crash leaves the previous one intact.

>>> from actorgraph.graph import Graph
>>> serialize(Graph(), "csv")
'subject,predicate,object,subject_label,object_label,confidence,support,articles\\n'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.export import geojson, network
from actorgraph.files import write_atomic
from actorgraph.graph import rdfio
from actorgraph.maps import render_html

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph


@dataclass(frozen=True, slots=True)
class Format:
    """An output format: its file name, media type and renderer."""

    name: str
    filename: str
    media_type: str
    render: Callable[[Graph], bytes]


def _html(kg: Graph) -> bytes:
    return render_html(kg).encode("utf-8")


#: Every format actorgraph writes, by name.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "turtle", "graph.ttl", "text/turtle", lambda kg: rdfio.turtle_bytes(kg.statements())
        ),
        Format(
            "ntriples",
            "graph.nt",
            "application/n-triples",
            lambda kg: rdfio.ntriples_bytes(kg.statements()),
        ),
        Format(
            "jsonld",
            "graph.jsonld",
            "application/ld+json",
            lambda kg: rdfio.jsonld_bytes(kg.statements()),
        ),
        Format("json", "graph.json", "application/json", network.node_link_bytes),
        Format("graphml", "graph.graphml", "application/graphml+xml", network.graphml_bytes),
        Format("gexf", "graph.gexf", "application/gexf+xml", network.gexf_bytes),
        Format("csv", "edges.csv", "text/csv", network.csv_bytes),
        Format("html", "graph.html", "text/html", _html),
        Format("geojson", "events.geojson", "application/geo+json", geojson.geojson_bytes),
    )
}
#: What ``actorgraph build`` writes unless told otherwise.
DEFAULT_FORMATS = ("turtle", "json", "html")
#: Other names people use for the formats.
FORMAT_ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "json-ld": "jsonld"}


class UnknownFormatError(ValueError):
    """A format name that actorgraph does not write."""


def get_format(name: str) -> Format:
    """The format called ``name`` (or one of its aliases); UnknownFormatError otherwise."""
    key = FORMAT_ALIASES.get(name.lower(), name.lower())
    try:
        return FORMATS[key]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UnknownFormatError(f"unknown format {name!r} (known: {known})") from None


def render(kg: Graph, format_name: str) -> bytes:
    """The graph in one format, as bytes."""
    return get_format(format_name).render(kg)


def serialize(kg: Graph, format_name: str) -> str:
    """The graph in one format, as text."""
    return render(kg, format_name).decode("utf-8")


def write_format(kg: Graph, format_name: str, outdir: Path) -> Path:
    """Write one format into ``outdir`` under its usual file name; returns the path."""
    chosen = get_format(format_name)
    path = Path(outdir) / chosen.filename
    write_atomic(path, chosen.render(kg))
    return path
