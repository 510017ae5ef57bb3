"""The public records of the place gazetteer: a province and a place match."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str
    country: str
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place a name may stand for: a district, a GeoNames town or a province.

    A GeoNames town carries its GeoNames id and WGS 84 coordinates; districts, curated towns
    that GeoNames lacks and provinces have none (``None``).
    """

    name: str
    province: Province
    kind: str
    population: int
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
