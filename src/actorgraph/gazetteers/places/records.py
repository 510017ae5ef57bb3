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
    name: str
    province: Province
    kind: str
    population: int
