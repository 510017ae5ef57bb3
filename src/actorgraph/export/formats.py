"""Serialise a knowledge graph to files: Turtle, N-Triples, JSON-LD, networkx JSON, ...

Every file is written atomically (a temporary file in the same folder, then a rename),
so a reader never sees half a file and a crash leaves the previous one intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from actorgraph.graph.knowledge_graph import KnowledgeGraph


def _rdf(rdflib_format: str) -> Callable[[KnowledgeGraph], str]:
    def render(kg: KnowledgeGraph) -> str:
        return kg.to_rdf().serialize(format=rdflib_format)

    return render


def _node_link_json(kg: KnowledgeGraph) -> str:
    data = nx.node_link_data(kg.to_networkx(), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


#: format name → (file name, renderer)
FORMATS: dict[str, tuple[str, Callable[[KnowledgeGraph], str]]] = {
    "turtle": ("graph.ttl", _rdf("turtle")),
    "ntriples": ("graph.nt", _rdf("nt")),
    "jsonld": ("graph.jsonld", _rdf("json-ld")),
    "json": ("graph.json", _node_link_json),
}


class UnknownFormatError(ValueError):
    """A format name that actorgraph does not write."""


def serialize(kg: KnowledgeGraph, format_name: str) -> str:
    try:
        _, render = FORMATS[format_name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise UnknownFormatError(f"unknown format {format_name!r} (known: {known})") from None
    return render(kg)


def write_format(kg: KnowledgeGraph, format_name: str, outdir: Path) -> Path:
    """Write one format into ``outdir`` under its usual file name; returns the path."""
    filename, _ = FORMATS.get(format_name, (None, None))
    text = serialize(kg, format_name)
    assert filename is not None
    path = outdir / filename
    write_atomic(path, text)
    return path


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
