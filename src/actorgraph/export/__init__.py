"""Exports: RDF serialisations and graph formats, written atomically."""

from actorgraph.export.formats import FORMATS, serialize, write_atomic, write_format

__all__ = ["FORMATS", "serialize", "write_atomic", "write_format"]
