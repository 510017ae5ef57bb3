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

Bytes are decoded by detection: a byte-order mark first (UTF-8, UTF-16, UTF-32), then
UTF-8, then charset-normalizer (preferring Windows-1252, the usual legacy encoding of
English text, when it reads the bytes as well as the detected one). An encoding other
than UTF-8 is reported on the ``actorgraph.reading`` logger, and so are replaced bytes.
Invalid code points (a lone surrogate from a JSON ``\\ud800``) become U+FFFD, one for one.
Named pipes, sockets and devices are never opened: each is reported with what it is.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from actorgraph.model import Article
from actorgraph.text import without_surrogates

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: A first line at most this long, followed by more text, is taken as the headline.
HEADLINE_MAX_CHARS = 200
#: NUL bytes in this many leading bytes (without a UTF-16/32 byte-order mark) mean binary.
BINARY_PROBE_BYTES = 4096

logger = logging.getLogger(__name__)

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Letters that Windows-1252 gives Turkish (and other) bytes but that English text lacks.
_UNLIKELY_IN_1252 = re.compile("[þÞðÐ]")
#: A Latin-1 symbol (¹ ³ ¾ ¿ » ...) between two letters: another code page's letter.
_SYMBOL_IN_WORD = re.compile("[^\\W\\d_][\u00a0-\u00bf\u00d7\u00f7][^\\W\\d_]")
#: At most this share of the letters of Western text read as Windows-1252 are accented.
WESTERN_ACCENTED_SHARE = 0.3
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class ArticleReadError(ValueError):
    """An input that is not a readable article; ``source`` says which file (and line)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ArticleExtractionError(ArticleReadError):
    """An article that was read but whose extraction failed; the batch went on without it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, f"extraction failed ({reason})")


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
        kind = _kind_of(root)
        if kind == "folder":
            for path in _article_files(root, handle):
                yield from _read_guarded(path, root, handle)
        elif kind == "file":
            yield from _read_guarded(root, root.parent, handle)
        else:
            handle(ArticleReadError(str(given), kind))


def _kind_of(path: Path) -> str:
    """``"file"``, ``"folder"``, or why the path is neither (never opening it).

    >>> _kind_of(Path("/nonexistent/x.txt"))
    'no such file or folder'
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    for is_kind, name in _SPECIAL_FILES:
        if is_kind(mode):
            return f"{name}, not a file: not read"
    return "not a regular file: not read"


def clean_article(article: Article) -> Article:
    """The article with invalid code points (lone surrogates) replaced in its text and fields.

    One character for one, so offsets into the text stay what they were.
    """
    fields = {}
    for name in ("id", "text", "title", "url", "source"):
        value = getattr(article, name)
        if isinstance(value, str) and (cleaned := without_surrogates(value)) != value:
            fields[name] = cleaned
    return replace(article, **fields) if fields else article


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


def _article_files(root: Path, handle: ErrorHandler) -> list[Path]:
    """The article files under ``root``, sorted; folders that cannot be listed and special
    files with an article's suffix go to ``handle``. Hidden files and folders are skipped,
    and so are symbolic links to folders (as ``Path.rglob`` does), so no loop is followed."""
    found = []

    def unlistable(error: OSError) -> None:
        handle(ArticleReadError(str(error.filename or root), f"folder not read ({error.strerror})"))

    for folder, folders, files in os.walk(root, onerror=unlistable):
        base = Path(folder)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in files:
            path = base / name
            if name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            kind = _kind_of(path)
            if kind == "file":
                found.append(path)
            elif kind != "folder":  # a symbolic link to a folder is not followed
                handle(ArticleReadError(str(path), kind))
    return sorted(found)


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
    except MemoryError:
        handle(ArticleReadError(str(path), "too large to read into memory"))


def _relative_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def decode_bytes(data: bytes, source: str) -> str:
    """The text of ``data``: by its byte-order mark, else UTF-8, else detected.

    Raises :class:`ArticleReadError` for binary content. An encoding other than UTF-8,
    and bytes that had to be replaced, are reported on the ``actorgraph.reading`` logger.

    >>> decode_bytes("Café".encode("utf-16"), "a.txt")
    'Café'
    >>> decode_bytes("Señor García".encode("latin-1"), "b.txt")
    'Señor García'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _noted(data[len(bom) :].decode(encoding, errors="replace"), source, encoding)
    if b"\x00" in data[:BINARY_PROBE_BYTES]:
        encoding = _utf16_without_bom(data[:BINARY_PROBE_BYTES])
        if encoding is None:
            raise ArticleReadError(source, "not a text file (binary content)")
        return _noted(data.decode(encoding, errors="replace"), source, encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        logger.info("%s: invalid UTF-8 bytes replaced by U+FFFD", source)
        return data.decode("utf-8", errors="replace")
    encoding = _detected_encoding(data)
    if encoding is None:
        raise ArticleReadError(source, "not a text file (undecodable bytes)")
    return _noted(data.decode(encoding, errors="replace"), source, encoding)


def _noted(text: str, source: str, encoding: str) -> str:
    if encoding != "utf-8":
        logger.info("%s: decoded as %s", source, encoding)
    return text


def _utf16_without_bom(probe: bytes) -> str | None:
    """UTF-16 without a byte-order mark: Latin text is NUL every other byte, and printable
    ASCII in between (binary data with NULs is not)."""
    pairs = len(probe) // 2
    if pairs < 4:
        return None
    even, odd = probe[0 : 2 * pairs : 2], probe[1 : 2 * pairs : 2]
    for zeros, text, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * pairs and _printable_share(text) >= 0.9:
            return encoding
    return None


def _printable_share(data: bytes) -> float:
    printable = sum(1 for byte in data if 0x20 <= byte < 0x7F or byte in (0x09, 0x0A, 0x0D))
    return printable / len(data) if data else 0.0


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes: more valid multi-byte characters than invalid bytes."""
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_SURROGATES.findall(text))
    valid = sum(1 for character in text if ord(character) > 0x7F) - invalid
    return valid > invalid


def _detected_encoding(data: bytes) -> str | None:
    """Windows-1252 when the bytes read as Western text in it, else charset-normalizer's guess.

    On a short text the detector often answers a Central European or Baltic code page for
    Western text ("Señor" read as "Seńor", "€40" as "Ć40"); English news is far likelier to
    be in Windows-1252 (a superset of Latin-1's letters), and text in another script or
    language does not read as Western in it (see :func:`_reads_as_western`).
    """
    try:
        if _reads_as_western(data.decode("cp1252")):
            return "cp1252"
    except UnicodeDecodeError:  # bytes that Windows-1252 leaves undefined
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best else None


def _reads_as_western(text: str) -> bool:
    """Whether ``text`` (bytes read as Windows-1252) looks like a Western European language:
    few accented letters, no Icelandic letters (Turkish "ş" reads as "þ"), and no symbol
    inside a word (Polish "ł" reads as "³" in "Nag³ówek"; Russian has no ASCII letters).

    >>> _reads_as_western("Señor García"), _reads_as_western("Nag³ówek"), _reads_as_western("Çàãîë")
    (True, False, False)
    """
    letters = [character for character in text if character.isalpha()]
    accented = sum(1 for character in letters if ord(character) > 0x7F)
    if not letters or accented > WESTERN_ACCENTED_SHARE * len(letters):
        return False
    return not (_UNLIKELY_IN_1252.search(text) or _SYMBOL_IN_WORD.search(text))


def _read_text(path: Path, article_id: str) -> Article:
    text = decode_bytes(path.read_bytes(), str(path))
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

    html = decode_bytes(path.read_bytes(), str(path))
    try:
        text = trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_recall=True
        )
        # Dates from the page's markup only: htmldate's extensive search would take a year
        # the text mentions ("in 2012") for the date of publication.
        dating = {"extensive_search": False, "original_date": True}
        has_text = bool(text and text.strip())
        metadata = trafilatura.extract_metadata(html, date_config=dating) if has_text else None
    except (ValueError, TypeError, RecursionError, MemoryError) as error:
        # lxml gives up on some broken pages (too deep, too large): one file, not the batch
        raise ArticleReadError(str(path), f"the HTML could not be parsed ({error})") from None
    if not text or not text.strip():
        raise ArticleReadError(str(path), "no article text found in the HTML")
    text = without_surrogates(text)
    title = (metadata.title if metadata else None) or headline_of(text)
    published = _parse_date(metadata.date) if metadata and metadata.date else None
    url = metadata.url if metadata else None
    source = metadata.sitename if metadata else None
    return Article(id=article_id, text=text, title=title, url=url, date=published, source=source)


def _read_jsonl(path: Path, root: Path, handle: ErrorHandler) -> Iterator[Article]:
    base_id = _relative_id(path, root)
    empty = True
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(_jsonl_lines(path, stream), start=1):
                if not raw.strip():
                    continue
                empty = False
                try:
                    yield _article_from_json(raw, f"{base_id} line {number}")
                except ArticleReadError as error:
                    handle(error)
    except OSError as error:
        handle(ArticleReadError(str(path), error.strerror or str(error)))
        return
    if empty:
        handle(ArticleReadError(str(path), "the file holds no text"))


def _jsonl_lines(path: Path, stream: Any) -> Iterable[bytes | str]:
    """The lines of a JSON Lines file: bytes, or text when a UTF-16/32 mark says so."""
    head = stream.read(4)
    stream.seek(0)
    for bom, encoding in _BOMS:
        if head.startswith(bom) and encoding != "utf-8":
            text = stream.read()[len(bom) :].decode(encoding, errors="replace")
            logger.info("%s: decoded as %s", path, encoding)
            return text.split("\n")
    return stream


def _article_from_json(raw: bytes | str, fallback_id: str) -> Article:
    item = _parse_json_line(raw, fallback_id)
    if not isinstance(item, dict):
        raise ArticleReadError(fallback_id, "each line must be a JSON object")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleReadError(fallback_id, "missing or empty 'text'")
    text = without_surrogates(text)
    article_id = _optional_str(item.get("id")) or fallback_id
    title = _optional_str(item.get("title")) or headline_of(text)
    return Article(
        id=article_id,
        text=text,
        title=title,
        url=_optional_str(item.get("url")),
        date=_parse_date(item.get("date")),
        source=_optional_str(item.get("source")),
    )


def _parse_json_line(raw: bytes | str, where: str) -> Any:
    """One JSON value; every way a line can fail is an :class:`ArticleReadError` for it."""
    if isinstance(raw, bytes):
        raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            logger.info("%s: invalid UTF-8 bytes replaced by U+FFFD", where)
            raw = raw.decode("utf-8", errors="replace")
    try:
        return json.loads(raw)
    except RecursionError:
        raise ArticleReadError(where, "invalid JSON (nested too deeply)") from None
    except ValueError as error:  # also numbers too long to convert
        raise ArticleReadError(where, f"invalid JSON ({error})") from None


def _optional_str(value: Any) -> str | None:
    """A JSON scalar as text (invalid code points replaced); None for nothing or a container."""
    if value in (None, "") or isinstance(value, dict | list):
        return None
    return without_surrogates(str(value))


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
