"""Province names from pycountry (ISO 3166-2): official names and their variants."""

from __future__ import annotations

import re
from typing import Any

from actorgraph.gazetteers.places.names import _ARTICLES, _unique, name_key
from actorgraph.text import collapse_spaces

_GENERIC_AFFIXES = frozenset(
    {
        "sheng",
        "shi",
        "zizhiqu",
        "zhuangzu",
        "uygur",
        "huizu",
        "sar",
        "oblast",
        "kray",
        "krai",
        "avtonomnyy",
        "okrug",
        "avtonomnaya",
        "respublika",
        "province",
        "region",
        "state",
        "governorate",
        "department",
        "county",
        "prefecture",
        "city",
        "of",
        "ville",
        "de",
    }
)


def _official_variants(name: str) -> list[str]:
    """Surface forms derived from a pycountry name: split on " / ", no brackets, no type words."""
    variants: list[str] = []
    for part in re.split(r"\s+/\s+", name):
        part = re.sub(r"\[.*?\]", "", part)
        acronyms = [p for p in re.findall(r"\((.*?)\)", part) if re.fullmatch(r"[A-Z]{3,}", p)]
        base = collapse_spaces(re.sub(r"\(.*?\)", "", part))
        variants += _comma_variants(base) + acronyms
        if "/" in base:
            variants.append(base.replace("/", "-"))
    derived = [_strip_generic(v) for v in variants]
    return _unique(variants + derived + [_strip_article_surface(v) for v in variants + derived])


def _comma_variants(base: str) -> list[str]:
    if ", " not in base:
        return [base]
    head, tail = base.split(", ", 1)
    if name_key(tail) in _GENERIC_AFFIXES:
        return [base, head, f"{tail} {head}"]
    return [base]


def _strip_generic(surface: str) -> str:
    words = surface.split()
    while len(words) > 1 and name_key(words[-1]) in _GENERIC_AFFIXES:
        words.pop()
    while len(words) > 1 and name_key(words[0]) in _GENERIC_AFFIXES:
        words.pop(0)
    return " ".join(words)


def _strip_article_surface(surface: str) -> str:
    match = re.match(r"^(\w+)[\s\-‐]+(.+)$", surface)
    if match and name_key(match.group(1)) in _ARTICLES:
        return match.group(2)
    return surface


def _subdivisions() -> list[Any]:
    import pycountry

    return list(pycountry.subdivisions)


def _root_code(sub: Any, by_code: dict[str, Any]) -> str:
    while sub.parent_code:
        parent = by_code.get(sub.parent_code)
        if parent is None:
            break
        sub = parent
    return sub.code
