"""Exports: the graph as RDF, network formats, a CSV edge list and the map, from one table."""

from actorgraph.export.formats import (
    DEFAULT_FORMATS,
    FORMATS,
    Format,
    UnknownFormatError,
    get_format,
    render,
    serialize,
    write_format,
)

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "Format",
    "UnknownFormatError",
    "get_format",
    "render",
    "serialize",
    "write_format",
]
