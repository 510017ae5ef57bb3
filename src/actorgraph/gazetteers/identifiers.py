"""Shared identifiers: the GeoNames ids and Wikidata QIDs of curated provinces, organisations
and people (``data/identifiers.toml``), each with the source it was read from.

A wrong identifier is worse than none, so the loader refuses an identifier without its
source and a QID or GeoNames id that is not well formed; the file records only what its
named sources show (see the file's header).

>>> ids = load_identifiers()
>>> ids.province("AF-HEL").geonames
1140043
>>> ids.organisation("al-qaeda").wikidata
'Q34490'
>>> ids.organisation("no-such-group") is None
True
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph.resources import data_file

IDENTIFIERS_FILE = data_file("identifiers.toml")

#: A Wikidata item id.
QID = re.compile(r"^Q[1-9][0-9]*$")


class IdentifierDataError(ValueError):
    """The identifier file is malformed, or an identifier lacks its source."""


@dataclass(frozen=True, slots=True)
class Identifiers:
    """What other datasets call one curated entity, and where that was read."""

    wikidata: str | None = None
    wikidata_source: str | None = None
    geonames: int | None = None
    geonames_source: str | None = None
    #: for a person: the key of the organisation the graph must affiliate them with
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class IdentifierDirectory:
    """The identifiers of provinces (by ISO 3166-2 code), organisations (by curated key) and
    people (by name as leaders.toml writes it)."""

    version: str
    provinces: Mapping[str, Identifiers]
    organisations: Mapping[str, Identifiers]
    people: Mapping[str, Identifiers]

    def province(self, code: str) -> Identifiers | None:
        return self.provinces.get(code.upper())

    def organisation(self, key: str) -> Identifiers | None:
        return self.organisations.get(key)

    def person(self, name: str) -> Identifiers | None:
        return self.people.get(name)


@functools.lru_cache(maxsize=4)
def load_identifiers(path: Path | None = None) -> IdentifierDirectory:
    """The identifier directory (the packaged one unless ``path`` is given), loaded once."""
    source = Path(path) if path is not None else IDENTIFIERS_FILE
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise IdentifierDataError(f"{source}: {error}") from None
    return IdentifierDirectory(
        version=str(data.get("version", "")),
        provinces=_section(data, "province", str(source)),
        organisations=_section(data, "organisation", str(source)),
        people=_section(data, "person", str(source)),
    )


def _section(data: Mapping[str, Any], name: str, source: str) -> dict[str, Identifiers]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise IdentifierDataError(f"{source}: [{name}] must be a table")
    return {key: _entry(entry, f"{source}: [{name}.{key}]", name) for key, entry in table.items()}


def _entry(entry: Any, where: str, section: str) -> Identifiers:
    if not isinstance(entry, dict):
        raise IdentifierDataError(f"{where} must be a table")
    wikidata, geonames = entry.get("wikidata"), entry.get("geonames")
    if wikidata is not None and not (isinstance(wikidata, str) and QID.match(wikidata)):
        raise IdentifierDataError(f"{where}: wikidata must look like Q123, got {wikidata!r}")
    if geonames is not None and not (isinstance(geonames, int) and geonames > 0):
        raise IdentifierDataError(f"{where}: geonames must be a positive integer")
    for field, value in (("wikidata", wikidata), ("geonames", geonames)):
        if value is not None and not _is_source(entry.get(f"{field}_source")):
            raise IdentifierDataError(f"{where}: {field} without a {field}_source")
    organisation = entry.get("organisation")
    if section == "person" and not isinstance(organisation, str):
        raise IdentifierDataError(f"{where}: a person needs the organisation they lead")
    return Identifiers(
        wikidata=wikidata,
        wikidata_source=entry.get("wikidata_source"),
        geonames=geonames,
        geonames_source=entry.get("geonames_source"),
        organisation=organisation,
    )


def _is_source(value: Any) -> bool:
    """A URL of a stored public file or ``package:<name>:<path>``."""
    return isinstance(value, str) and (
        value.startswith(("https://", "http://")) or value.startswith("package:")
    )
