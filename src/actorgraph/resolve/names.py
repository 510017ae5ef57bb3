"""Name tests for cross-article entity resolution: acronyms and person-name variants.

Two person names are *variants* when they have the same number of words (two or more),
at least one word is identical, and every other word is the same name written
differently: one a prefix of the other ("Siraj" / "Sirajuddin") or the same consonant
skeleton ("Mohammad" / "Muhammad" / "Mohammed"). Short words (under four letters) and
words that are not all letters must match exactly, so "Ali Khan" is never a variant of
"Alim Khan". Being a variant is not
enough to merge two people; :mod:`actorgraph.graph.merge` also asks for a shared
affiliation.

>>> names_are_variants("siraj haqqani", "sirajuddin haqqani")
True
>>> names_are_variants("mohammad umar", "muhammad umar")
True
>>> names_are_variants("ali khan", "alim khan")
False
>>> names_are_variants("abdul rahman", "abdul rahim")
False
>>> acronym_of("S.D.F."), acronym_of("Syrian Democratic Forces")
('SDF', None)
"""

from __future__ import annotations

import re

#: Words shorter than this must be identical to count as the same name.
MIN_VARIANT_WORD = 4

_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


def acronym_of(name: str) -> str | None:
    """The acronym a name consists of ("SDF", "S.D.F.", "M23", "AT&T"), else None.

    Wider than the within-article test of :mod:`actorgraph.extractors.mentions.resolution`,
    which takes letters only because it folds an acronym into the name its initials spell:
    here any acronym-shaped name counts, since it marks names too ambiguous to identify or
    name a node, whose groups join only an organisation some article spelled out with them.

    >>> acronym_of("IED"), acronym_of("Taliban")
    ('IED', None)
    """
    letters = name.replace(".", "").strip()
    return letters if _ACRONYM.match(letters) else None


def skeleton(word: str) -> str:
    """The first letter and the following consonants, doubled letters once.

    One word of a person's name at a time, keeping its first letter ("omar" and "umar"
    differ). Stricter on purpose than :func:`actorgraph.gazetteers.places.skeleton`, which
    folds whole transliterated place names (ezafe, "al-", a final "-ah", any first vowel):
    a spelling variant is one of the two clues that merge two people across articles.

    >>> skeleton("mohammad"), skeleton("muhammad"), skeleton("mohammed")
    ('mhmd', 'mhmd', 'mhmd')
    """
    if not word:
        return word
    return _REPEATS.sub(r"\1", word[0] + _VOWELS.sub("", word[1:]))


def words_are_variants(left: str, right: str) -> bool:
    """Whether two (normalised) words may spell the same name.

    >>> words_are_variants("siraj", "sirajuddin"), words_are_variants("ali", "alim")
    (True, False)
    >>> words_are_variants("0011", "0001")  # numbers are not spellings
    False
    """
    if left == right:
        return True
    short, long = sorted((left, right), key=len)
    if len(short) < MIN_VARIANT_WORD or not (left.isalpha() and right.isalpha()):
        return False
    return long.startswith(short) or skeleton(left) == skeleton(right)


def names_are_variants(left: str, right: str) -> bool:
    """Whether two different normalised person names are spelling variants of one name."""
    left_words, right_words = left.split(), right.split()
    if left == right or len(left_words) != len(right_words) or len(left_words) < 2:
        return False
    pairs = list(zip(left_words, right_words, strict=True))
    return any(a == b for a, b in pairs) and all(words_are_variants(a, b) for a, b in pairs)
