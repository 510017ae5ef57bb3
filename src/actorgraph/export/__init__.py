"""Exports: RDF serialisations, network formats and build folders, written atomically."""

from actorgraph.export.formats import (
    DEFAULT_FORMATS,
    FORMATS,
    Format,
    UnknownFormatError,
    get_format,
    render,
    serialize,
    write_atomic,
    write_format,
)
from actorgraph.export.outdir import BuildResult, NotABuildError, build_outdir, open_build

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "BuildResult",
    "Format",
    "NotABuildError",
    "UnknownFormatError",
    "build_outdir",
    "get_format",
    "open_build",
    "render",
    "serialize",
    "write_atomic",
    "write_format",
]
