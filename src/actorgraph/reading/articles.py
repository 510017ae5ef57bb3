"""Turn paths on disk into :class:`~actorgraph.model.Article` objects.

Supported inputs:

* ``.txt`` and ``.md`` files: the whole file is the text; a short first line is the headline;
* ``.html`` / ``.htm`` files: the main text only (trafilatura drops scripts, menus and
  boilerplate);
* ``.jsonl`` files: one article per line with a required ``text`` and optional ``id``,
  ``title``, ``url``, ``date`` and ``source``;
* folders, read recursively in sorted order.

Article ids are stable: the JSONL ``id``, else the path relative to the input root
(``line N`` is appended for JSONL lines without an id). A file that cannot be read
becomes an :class:`ArticleReadError` handed to ``on_error``, and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from actorgraph.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: A first line at most this long, followed by more text, is taken as the headline.
HEADLINE_MAX_CHARS = 200


class ArticleReadError(ValueError):
    """An input that is not a readable article; ``source`` says which file (and line)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


ErrorHandler = Callable[[ArticleReadError], None]


def _raise(error: ArticleReadError) -> None:
    raise error


def read_articles(
    paths: Iterable[str | Path], on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield every article under ``paths``; unreadable inputs go to ``on_error``.

    Without ``on_error`` the first unreadable input raises :class:`ArticleReadError`.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\nBody text.")
    >>> [(a.id, a.title) for a in read_articles([folder])]
    [('a.txt', 'Headline')]
    """
    handle = on_error or _raise
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for path in _article_files(root):
                yield from _read_guarded(path, root, handle)
        elif root.is_file():
            yield from _read_guarded(root, root.parent, handle)
        else:
            handle(ArticleReadError(str(given), "no such file or folder"))


def read_file(path: Path, root: Path | None = None) -> list[Article]:
    """Read one file; raises :class:`ArticleReadError` when it is not a readable article."""
    root = root or path.parent
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        raise ArticleReadError(
            str(path), "JSON Lines files are read line by line: use read_articles"
        )
    if suffix in HTML_SUFFIXES:
        return [_read_html(path, _relative_id(path, root))]
    if suffix in TEXT_SUFFIXES:
        return [_read_text(path, _relative_id(path, root))]
    raise ArticleReadError(str(path), f"unsupported file type {suffix or '(none)'!r}")


def _article_files(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )


def _read_guarded(path: Path, root: Path, handle: ErrorHandler) -> Iterator[Article]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, root, handle)
        return
    try:
        yield from read_file(path, root)
    except ArticleReadError as error:
        handle(error)
    except OSError as error:
        handle(ArticleReadError(str(path), error.strerror or str(error)))


def _relative_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ArticleReadError(source, "not a text file (undecodable bytes)") from None
        return str(best)


def _read_text(path: Path, article_id: str) -> Article:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ArticleReadError(str(path), "not a text file (binary content)")
    text = _decode(data, str(path))
    if not text.strip():
        raise ArticleReadError(str(path), "the file holds no text")
    return Article(id=article_id, text=text, title=headline_of(text))


def headline_of(text: str) -> str | None:
    """The first non-empty line when it is short and more text follows it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or len(lines[0]) > HEADLINE_MAX_CHARS:
        return None
    return lines[0].lstrip("#").strip() or None


def _read_html(path: Path, article_id: str) -> Article:
    import trafilatura

    html = _decode(path.read_bytes(), str(path))
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_recall=True
    )
    if not text or not text.strip():
        raise ArticleReadError(str(path), "no article text found in the HTML")
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata else None) or headline_of(text)
    published = _parse_date(metadata.date) if metadata and metadata.date else None
    url = metadata.url if metadata else None
    source = metadata.sitename if metadata else None
    return Article(id=article_id, text=text, title=title, url=url, date=published, source=source)


def _read_jsonl(path: Path, root: Path, handle: ErrorHandler) -> Iterator[Article]:
    base_id = _relative_id(path, root)
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.strip():
                    continue
                try:
                    yield _article_from_json(raw, f"{base_id} line {number}")
                except ArticleReadError as error:
                    handle(error)
    except OSError as error:
        handle(ArticleReadError(str(path), error.strerror or str(error)))


def _article_from_json(raw: bytes, fallback_id: str) -> Article:
    try:
        item: Any = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ArticleReadError(fallback_id, f"invalid JSON ({error})") from None
    if not isinstance(item, dict):
        raise ArticleReadError(fallback_id, "each line must be a JSON object")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleReadError(fallback_id, "missing or empty 'text'")
    article_id = str(item["id"]) if item.get("id") not in (None, "") else fallback_id
    title = item.get("title") or headline_of(text)
    return Article(
        id=article_id,
        text=text,
        title=str(title) if title else None,
        url=_optional_str(item.get("url")),
        date=_parse_date(item.get("date")),
        source=_optional_str(item.get("source")),
    )


def _optional_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _parse_date(value: Any) -> date | None:
    """ISO dates and timestamps; anything else is dropped rather than guessed."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None
