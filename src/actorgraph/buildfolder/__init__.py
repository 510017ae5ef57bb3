"""Build folders: the incremental, crash-safe output of ``actorgraph build`` and its cache."""

from actorgraph.buildfolder.folder import (
    EXTRACTIONS_FILE,
    MANIFEST_FILE,
    BuildResult,
    NotABuildError,
    build_folder,
    read_extractions,
)

__all__ = [
    "EXTRACTIONS_FILE",
    "MANIFEST_FILE",
    "BuildResult",
    "NotABuildError",
    "build_folder",
    "read_extractions",
]
