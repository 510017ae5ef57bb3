"""Well-known leaders of curated organisations, for "<leader>'s group" readings.

>>> book = load_leaders()
>>> book.organisation_led_by("Osama Bin Laden")
'al-qaeda'
>>> book.organisation_led_by("Bin Laden") is None     # a surname alone is not enough
True
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from actorgraph.resources import data_file
from actorgraph.text import normalise_name

#: Articles that surnames often carry in one spelling and not in another.
_PARTICLES = ("al ", "el ")


class LeaderBook:
    """Leader names (normalised, with and without "al-") → organisation key."""

    def __init__(self, leaders: dict[str, list[str]]) -> None:
        self._by_name: dict[str, str] = {}
        for key, names in leaders.items():
            for name in names:
                for variant in _variants(normalise_name(name)):
                    self._by_name[variant] = key

    def organisation_led_by(self, name: str) -> str | None:
        """The key of the organisation a full name leads, if the book knows it."""
        return self._by_name.get(normalise_name(name))


def _variants(name: str) -> set[str]:
    variants = {name}
    for particle in _PARTICLES:
        variants.add(name.replace(particle, ""))
    return variants


@lru_cache(maxsize=1)
def load_leaders(path: Path | None = None) -> LeaderBook:
    """The packaged leader list (or the TOML file at ``path``), read once."""
    data = data_file("leaders.toml").read_bytes() if path is None else path.read_bytes()
    table = tomllib.loads(data.decode("utf-8"))
    return LeaderBook({key: list(names) for key, names in table["leaders"].items()})
