"""Name normalisation shared by every stage that compares names.

Matching names is the heart of entity resolution and of scoring against gold, so
both use the same rules: ASCII-folding, case-folding, hyphens as spaces, no
leading article and no possessive. Resolution within an article and across articles
also ask the same question of two such names: is one a short form of the other?

>>> normalise_name("The Al-Qaeda's")
'al qaeda'
>>> fold_ascii("Paktīkā")
'Paktika'
>>> is_short_form("sadat", "sami sadat")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_SPACES = re.compile(r"\s+")
_HYPHENS = re.compile(r"[-‐‑‒–—]")


def fold_ascii(text: str) -> str:
    """Drop diacritics and marks such as ʿ, keeping the Latin letters underneath."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    kept = kept.replace("ʿ", "").replace("ʾ", "").replace("‘", "'").replace("’", "'")
    if kept.isascii() or not _is_latin(kept):
        # Non-Latin scripts are kept as they are: folding them to ASCII would erase them.
        return kept
    return kept.encode("ascii", "ignore").decode("ascii")


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (an invalid code point, as a JSON ``\\ud800``
    gives) replaced by U+FFFD: one character for one, so offsets stay what they were.

    >>> without_surrogates("a\\ud800b")
    'a\\ufffdb'
    """
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=1 << 17)
def normalise_name(name: str) -> str:
    """The comparison key of a name: folded, lower case, hyphens as spaces, no article or "'s".

    Cached: a large build compares the same few thousand names hundreds of thousands of times.
    """
    key = fold_ascii(name).casefold()
    key = _HYPHENS.sub(" ", key)
    key = collapse_spaces(key)
    key = _POSSESSIVE.sub("", key)
    key = _LEADING_ARTICLE.sub("", key)
    key = _PUNCT_EDGES.sub("", key)
    return collapse_spaces(key)


def is_short_form(short: str, full: str) -> bool:
    """Whether the normalised name ``short`` is a shorter form of the name ``full``.

    One word must open or end the full name ("ali" of "hazrat ali", never "mir" of "ali mir
    asfandyar"); two or more may be any of its words ("mohammad khan" of "mohammad nabi khan").

    >>> is_short_form("mir", "ali mir asfandyar"), is_short_form("sami sadat", "sadat")
    (False, False)
    """
    short_words, full_words = short.split(), full.split()
    if len(short_words) >= len(full_words):
        return False
    if (
        short_words == full_words[-len(short_words) :]
        or short_words == full_words[: len(short_words)]
    ):
        return True
    return set(short_words) <= set(full_words) and len(short_words) > 1
