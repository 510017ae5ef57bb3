"""Name keys: how place names are folded, keyed and compared across spellings."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from actorgraph.text import collapse_spaces, fold_ascii, normalise_name

_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
        "ħ": "h",
        "ə": "a",
        "Ə": "A",
        "ǝ": "e",
        "ɛ": "e",
        "Ɛ": "E",
        "ɔ": "o",
        "Ɔ": "O",
        "ŋ": "ng",
        "Ŋ": "Ng",
        "ɖ": "d",
        "ƒ": "f",
        "ʻ": "",
        "ʿ": "",
        "ʾ": "",
        "ʼ": "'",
        "`": "'",
        "´": "'",
    }
)


_DROPPED = re.compile(r"['’‘.]")


_SEPARATORS = re.compile(r"[/,()\[\]]")


_VOWELS = "aeiouy"


_ARTICLES = frozenset(
    {"al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ath", "adh", "ed", "es", "ez"}
)


#: Words that join the parts of a name and that sources drop or spell differently: Persian
#: ezafe, Arabic "wa", and the Romance "de"/"del" that Philippine and Latin American reports
#: leave out ("Agusan Norte" for Agusan del Norte).
_LINKERS = frozenset(
    {"e", "i", "ye", "y", "o", "wa", "va", "u", "and", "de", "del", "di", "da", "do", "du"}
)


_MIN_FUZZY_SKELETON = 4


_ASCII_SPACES = re.compile(r"\s+")


_ASCII_POSSESSIVE = re.compile(r"(?:'s|')$")


_ASCII_ARTICLE = re.compile(r"^the\s+")


_ASCII_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


_AFTER_VOWEL_W = re.compile(r"(?<=[aeiou])w")


_AFTER_VOWEL_Y = re.compile(r"(?<=[aeiou])y")


_INNER_VOWELS = re.compile(r"[aeiouy]")


_DOUBLED = re.compile(r"(.)\1+")


_MIN_SIMILARITY = 0.75


def prepare(text: str) -> str:
    """Replace letters that Unicode decomposition does not fold (ı, ł, ø, ß...)."""
    return text.translate(_SPECIAL_LETTERS).replace("&", " and ")


def fold(text: str) -> str:
    """ASCII-fold a display name, keeping case: "Paktīkā" -> "Paktika"."""
    return collapse_spaces(fold_ascii(prepare(text)))


def name_key(text: str) -> str:
    """The lookup key of a place name: folded, lower case, no punctuation, hyphens as spaces."""
    text = _SEPARATORS.sub(" ", prepare(text))
    key = _ascii_normalise(text) if text.isascii() else normalise_name(text)
    return collapse_spaces(_DROPPED.sub("", key))


def _ascii_normalise(text: str) -> str:
    """``normalise_name`` for ASCII text without the Unicode folding (the bulk of GeoNames)."""
    key = _ASCII_SPACES.sub(" ", text.lower().replace("-", " ")).strip()
    key = _ASCII_EDGES.sub("", _ASCII_ARTICLE.sub("", _ASCII_POSSESSIVE.sub("", key)))
    return _ASCII_SPACES.sub(" ", key).strip()


def skeleton(key: str) -> str:
    """A spelling-tolerant key: no ezafe/article words, spaces, inner vowels or doubled letters.

    "nahr e saraj", "nahri sarraj" and "nahr e seraj" share "nhrsrj"; "marjah"/"marjeh"/"marja"
    share "mrj".

    Looser on purpose than :func:`actorgraph.resolve.names.skeleton`, which compares person
    names word by word: this one only picks the gazetteer entries to try when no exact key
    matched, and :func:`similar` must confirm each of them.
    """
    words = [w for w in key.split() if w not in _LINKERS]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    words = [w[:-1] if len(w) > 3 and w.endswith("h") and w[-2] in _VOWELS else w for w in words]
    joined = "".join(words).replace("q", "k").replace("ck", "k")
    if not joined:
        return ""
    joined = _AFTER_VOWEL_Y.sub("i", _AFTER_VOWEL_W.sub("u", joined))
    head = "a" if joined[0] in _VOWELS else joined[0]
    return _DOUBLED.sub(r"\1", head + _INNER_VOWELS.sub("", joined[1:]))


def similar(key: str, other: str) -> bool:
    """Whether two keys are close spellings (compared without spaces, articles and ezafe)."""
    first, second = _joined(key), _joined(other)
    return SequenceMatcher(None, first, second).ratio() >= _MIN_SIMILARITY


def _joined(key: str) -> str:
    words = [w for w in key.split() if w not in _LINKERS]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(words)


def _strip_article(key: str) -> str:
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        return " ".join(words[1:])
    return key


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        item = collapse_spaces(item)
        if item and item not in seen:
            seen[item] = None
    return list(seen)
