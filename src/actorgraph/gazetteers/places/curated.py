"""The curated place data: province aliases, towns, districts and word lists (TOML)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.gazetteers.places.names import name_key
from actorgraph.resources import data_file

MIN_CITY_POPULATION = 1000
ALIASES_FILE = data_file("province_aliases.toml")


DISTRICTS_FILE = data_file("districts.toml")


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
