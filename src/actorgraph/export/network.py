"""Graph formats for network tools: node-link JSON, GraphML, GEXF (Gephi) and a CSV edge list.

GraphML and GEXF hold only scalar attributes, so :func:`flat_graph` turns every list of
names into one ``"; "``-separated string and every list of records (evidence, merge
reasons) into a JSON string; characters XML 1.0 cannot carry (control characters other
than tab and line breaks) become U+FFFD. Output is deterministic: nodes and edges are sorted, and
the GEXF "last modified" date that networkx stamps on every file is left out.

>>> from actorgraph.graph import Graph
>>> csv_bytes(Graph()).decode().splitlines()
['subject,predicate,object,subject_label,object_label,confidence,support,articles']
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING, Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

if TYPE_CHECKING:
    from actorgraph.graph.core import Graph

CSV_COLUMNS = (
    "subject",
    "predicate",
    "object",
    "subject_label",
    "object_label",
    "confidence",
    "support",
    "articles",
)
LIST_SEPARATOR = "; "
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def node_link_bytes(kg: Graph) -> bytes:
    """networkx node-link JSON, keys sorted (nodes keep their merge reasons), one node or
    edge per line: readable and diffable, and written by the C encoder (an indented dump
    runs in pure Python, several times slower on a large graph).
    """
    data = nx.node_link_data(kg.networkx_view(), edges="edges")
    # Written piece by piece: one string of the whole file would be several times its size.
    out = io.BytesIO()
    out.write(b"{\n")
    for number, key in enumerate(sorted(data)):
        value = data[key]
        if number:
            out.write(b",\n")
        out.write(json.dumps(key).encode() + b": ")
        if not isinstance(value, list):
            out.write(_compact(value).encode("utf-8"))
        elif not value:
            out.write(b"[]")
        else:
            out.write(b"[\n")
            for position, item in enumerate(value):
                if position:
                    out.write(b",\n")
                out.write(_compact(item).encode("utf-8"))
            out.write(b"\n]")
    out.write(b"\n}\n")
    return out.getvalue()


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_value(value: Any) -> str | int | float | bool | None:
    """A scalar for GraphML/GEXF: names joined with "; ", records as JSON, None kept None.

    >>> flat_value(["Taliban", "the Taliban"]), flat_value([{"a": 1}]), flat_value("a\x07b")
    ('Taliban; the Taliban', '[{"a": 1}]', 'a\ufffdb')
    """
    if value is None or isinstance(value, int | float | bool):
        return value
    if isinstance(value, str):
        return _NOT_XML.sub("\ufffd", value)
    items = list(value) if isinstance(value, list | tuple | set | frozenset) else None
    if items is not None and all(isinstance(item, str) for item in items):
        return _NOT_XML.sub("\ufffd", LIST_SEPARATOR.join(items))
    return _NOT_XML.sub("\ufffd", json.dumps(value, ensure_ascii=False, sort_keys=True))


def flat_graph(kg: Graph) -> nx.MultiDiGraph:
    """The networkx form with scalar attributes only (None values dropped)."""
    graph = kg.to_networkx()
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_flat_attributes(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_flat_attributes(data))
    return flat


def _flat_attributes(data: dict[str, Any]) -> dict[str, Any]:
    flat = {name: flat_value(value) for name, value in data.items()}
    return {name: value for name, value in flat.items() if value is not None}


def graphml_bytes(kg: Graph) -> bytes:
    """GraphML, attributes flattened, typed keys."""
    buffer = io.BytesIO()
    nx.write_graphml_xml(flat_graph(kg), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def gexf_bytes(kg: Graph) -> bytes:
    """GEXF 1.2 for Gephi, attributes flattened, without networkx's date stamp."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(flat_graph(kg))
    return f"<?xml version='1.0' encoding='utf-8'?>\n{writer}\n".encode()


def csv_bytes(kg: Graph) -> bytes:
    """The facts as a CSV edge list, one row per fact, sorted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for edge in kg.facts():
        writer.writerow(
            [
                edge.subject,
                edge.predicate.value,
                edge.object,
                kg.label_of(edge.subject),
                kg.label_of(edge.object),
                edge.confidence,
                edge.support,
                LIST_SEPARATOR.join(edge.articles),
            ]
        )
    return buffer.getvalue().encode("utf-8")
