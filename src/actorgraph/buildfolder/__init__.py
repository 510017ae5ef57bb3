"""Build folders: the incremental, crash-safe output of ``actorgraph build`` and its cache."""

from actorgraph.buildfolder.folder import (
    EXTRACTIONS_FILE,
    MANIFEST_FILE,
    BuildLockedError,
    BuildResult,
    ExtractionProgress,
    IncompleteBuildError,
    NoArticlesError,
    NotABuildError,
    build_folder,
    check_folder,
    read_extractions,
)

__all__ = [
    "EXTRACTIONS_FILE",
    "MANIFEST_FILE",
    "BuildLockedError",
    "BuildResult",
    "ExtractionProgress",
    "IncompleteBuildError",
    "NoArticlesError",
    "NotABuildError",
    "build_folder",
    "check_folder",
    "read_extractions",
]
