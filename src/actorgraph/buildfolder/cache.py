"""The per-article extraction cache of a build folder (``OUTDIR/.cache/``).

One JSON file per article, named by a hash of everything the article's extraction
depends on: the article (id, text, title, URL, date, source) and the pipeline
fingerprint (:func:`actorgraph.extractors.pipeline.pipeline_fingerprint`: model name and
version, pipeline, ontology and organisation-data versions, plus the build's own
settings). A changed article or pipeline therefore misses the cache; an unchanged one
is read back with :meth:`ArticleExtraction.from_record`. Entries are written
atomically, so a build killed at any moment leaves only whole entries, and a damaged
entry simply counts as a miss.

>>> import tempfile
>>> from actorgraph.model import Article
>>> cache = ExtractionCache(Path(tempfile.mkdtemp()), "model-1|pipeline-1")
>>> key = cache.key(Article(id="a.txt", text="Text."))
>>> cache.get(key) is None
True
>>> cache.put(key, {"article": "a.txt", "entities": [], "events": [], "relations": []})
>>> cache.get(key)["article"]
'a.txt'
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from actorgraph.files import write_atomic
from actorgraph.model import Article

#: Bumped when the layout of cache entries changes.
CACHE_FORMAT = 1


class ExtractionCache:
    """Extraction records on disk, one file per article, keyed by content and pipeline."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = Path(folder)
        self.fingerprint = fingerprint

    def key(self, article: Article) -> str:
        """The cache key of an article under this cache's pipeline fingerprint."""
        content = {
            "cache": CACHE_FORMAT,
            "fingerprint": self.fingerprint,
            "id": article.id,
            "text": article.text,
            "title": article.title,
            "url": article.url,
            "date": article.date.isoformat() if article.date else None,
            "source": article.source,
        }
        encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached extraction record, or None when absent or unreadable."""
        try:
            entry = json.loads(self.path(key).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        record = entry.get("record")
        return record if isinstance(record, dict) else None

    def has(self, key: str) -> bool:
        """Whether an entry exists under ``key``: a stat, not a read (for counting)."""
        return self.path(key).is_file()

    def put(self, key: str, record: dict[str, Any]) -> None:
        """Store a record under ``key`` (atomically)."""
        entry = {"key": key, "fingerprint": self.fingerprint, "record": record}
        write_atomic(self.path(key), json.dumps(entry, ensure_ascii=False))

    def prune(self, keep: set[str]) -> int:
        """Delete every entry (and leftover temporary file) not in ``keep``; returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*"):
            if path.is_file() and (path.suffix == ".tmp" or path.stem not in keep):
                path.unlink(missing_ok=True)
                removed += 1
        for folder in self.folder.iterdir():
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return removed
