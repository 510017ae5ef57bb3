"""The curated directory of organisations that news about armed conflict names.

The data live in a versioned TOML file shipped with the package
(``actorgraph/data/organisations.toml``): armed groups and their branches, state forces,
police, governments, ministries, agencies, international bodies, coalitions, parties and
the news media that conflict reporting cites. Each organisation has a stable ``key``, a
canonical English ``name``, a ``kind``, ``aliases`` and, optionally, a ``country`` (ISO
3166-1 alpha-2) and a ``parent``: the organisation it is a structural part of (a branch,
province, wing, unit, front or declared affiliate; the file's header explains the rule).

Names are compared by :func:`actorgraph.text.normalise_name`, so "Al-Qaeda", "al Qaeda",
"the Taliban" and "Taliban's" all find their organisation, and the loader refuses a file in
which one alias would belong to two organisations.

The spaCy component that finds these organisations in text, ``actorgraph_organisations``,
lives in :mod:`actorgraph.nlp.gazetteer`, which also states the matching rules (case,
abbreviations, hyphens and apostrophes, ``exact_case``, ``modifiers``, "IS" and "WHO").
This module does not import spaCy.

Nothing is read at import time: :func:`load_organisations` reads the packaged file on
first use and caches it.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph.resources import data_file
from actorgraph.text import normalise_name

__all__ = [
    "KINDS",
    "KnownOrganisation",
    "OrganisationDataError",
    "OrganisationDirectory",
    "load_organisations",
]

#: The kinds an organisation may have.
KINDS = frozenset(
    {
        "armed_group",
        "state_force",
        "police",
        "government",
        "ministry",
        "international",
        "coalition",
        "party",
        "media",
        "agency",
        "other",
    }
)

LABEL = "ORG"

_REQUIRED_FIELDS = ("key", "name", "kind", "aliases")
_OPTIONAL_FIELDS = ("country", "parent", "note", "exact_case", "modifiers")
_TOP_LEVEL_FIELDS = ("version", "organisation", "withheld")
_LISTS = ("exact_case", "modifiers")

_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_VERSION = re.compile(r"^\d{4}\.(?:0[1-9]|1[0-2])\.\d+$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class OrganisationDataError(ValueError):
    """The organisation file is malformed or gives one alias to two organisations."""


@dataclass(frozen=True, slots=True)
class KnownOrganisation:
    """One organisation of the curated directory."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None = None
    parent: str | None = None

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)


class OrganisationDirectory:
    """Organisations by key and by normalised surface form."""

    version: str

    def __init__(
        self,
        version: str,
        organisations: Iterable[KnownOrganisation],
        *,
        exact_case: Mapping[str, Iterable[str]] | None = None,
        modifiers: Mapping[str, Iterable[str]] | None = None,
        withheld: Mapping[str, str] | None = None,
    ) -> None:
        """Index and check the organisations; raise OrganisationDataError when inconsistent.

        ``exact_case`` maps a key to those of its surface forms whose capitalised words
        must all be capitalised in text; ``modifiers`` maps a key to words that name it
        only as a modifier of a noun (pattern-only, not lookup aliases); ``withheld`` maps
        surface forms that no organisation may use as an alias to the reason why.
        """
        self.version = version
        self._by_key = _index_keys(organisations)
        _check_parents(self._by_key)
        self._exact_case = _check_exact_case(self._by_key, exact_case or {})
        withheld = withheld or {}
        self._withheld = {normalise_name(alias): reason for alias, reason in withheld.items()}
        self._by_surface = _index_surfaces(self._by_key.values(), self._withheld)
        self._modifiers = _check_modifiers(self._by_key, self._by_surface, modifiers or {})

    def lookup(self, surface: str) -> KnownOrganisation | None:
        """The organisation a surface form names, compared by normalise_name; else None."""
        return self._by_surface.get(normalise_name(surface))

    def get(self, key: str) -> KnownOrganisation:
        """The organisation with this key; KeyError when there is none."""
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"no organisation with key {key!r}") from None

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[KnownOrganisation]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def __repr__(self) -> str:
        return f"OrganisationDirectory(version={self.version!r}, organisations={len(self)})"

    def children(self, key: str) -> list[KnownOrganisation]:
        """The organisations whose parent is ``key``."""
        return [org for org in self._by_key.values() if org.parent == key]

    def ancestors(self, key: str) -> list[KnownOrganisation]:
        """The parent, its parent and so on, nearest first."""
        chain: list[KnownOrganisation] = []
        parent = self.get(key).parent
        while parent is not None:
            chain.append(self._by_key[parent])
            parent = self._by_key[parent].parent
        return chain

    def modifiers(self, key: str) -> tuple[str, ...]:
        """Words that name the organisation only when they modify a noun ("Haqqani")."""
        self.get(key)
        return self._modifiers.get(key, ())

    def exact_case(self, key: str) -> frozenset[str]:
        """Surface forms whose capitalised words must all be capitalised in text to match."""
        self.get(key)
        return self._exact_case.get(key, frozenset())


def load_organisations(path: Path | None = None) -> OrganisationDirectory:
    """Read an organisation file; without a path, the packaged one (read once, then cached)."""
    if path is None:
        return _load_packaged()
    path = Path(path)
    return _parse_document(_read_toml(path.read_text(encoding="utf-8"), str(path)), str(path))


@functools.cache
def _load_packaged() -> OrganisationDirectory:
    resource = data_file("organisations.toml")
    source = "actorgraph/data/organisations.toml"
    return _parse_document(_read_toml(resource.read_text(encoding="utf-8"), source), source)


# --- reading and checking the file --------------------------------------------------------


def _read_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise OrganisationDataError(f"{source}: not valid TOML: {error}") from error


def _parse_document(data: Mapping[str, Any], source: str) -> OrganisationDirectory:
    unknown = sorted(set(data) - set(_TOP_LEVEL_FIELDS))
    if unknown:
        raise OrganisationDataError(f"{source}: unknown top-level field(s) {unknown}")
    version = data.get("version")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise OrganisationDataError(
            f'{source}: top-level "version" must be a string "YYYY.MM.N", got {version!r}'
        )
    tables = data.get("organisation")
    if not isinstance(tables, list) or not tables:
        raise OrganisationDataError(f"{source}: no [[organisation]] tables")
    entries = [_parse_entry(table, index, source) for index, table in enumerate(tables, 1)]
    try:
        return OrganisationDirectory(
            version,
            (org for org, _ in entries),
            exact_case={org.key: extra["exact_case"] for org, extra in entries},
            modifiers={org.key: extra["modifiers"] for org, extra in entries},
            withheld=_parse_withheld(data.get("withheld", []), source),
        )
    except OrganisationDataError as error:
        raise OrganisationDataError(f"{source}: {error}") from None


def _parse_entry(
    table: Any, index: int, source: str
) -> tuple[KnownOrganisation, dict[str, tuple[str, ...]]]:
    """The organisation of one [[organisation]] table and its pattern-only lists."""
    where = f"{source}: organisation #{index}"
    if not isinstance(table, dict):
        raise OrganisationDataError(f"{where} is not a table")
    if isinstance(table.get("key"), str):
        where = f"{where} ({table['key']!r})"
    missing = [field for field in _REQUIRED_FIELDS if field not in table]
    if missing:
        raise OrganisationDataError(f"{where}: missing field(s) {missing}")
    unknown = sorted(set(table) - set(_REQUIRED_FIELDS) - set(_OPTIONAL_FIELDS))
    if unknown:
        allowed = [*_REQUIRED_FIELDS, *_OPTIONAL_FIELDS]
        raise OrganisationDataError(f"{where}: unknown field(s) {unknown}; allowed: {allowed}")
    organisation = KnownOrganisation(
        key=_text(table, "key", where),
        name=_text(table, "name", where),
        kind=_text(table, "kind", where),
        aliases=_texts(table, "aliases", where),
        country=_text(table, "country", where) if "country" in table else None,
        parent=_text(table, "parent", where) if "parent" in table else None,
    )
    if "note" in table:
        _text(table, "note", where)
    _check_fields(organisation, where)
    extra = {field: _texts(table, field, where) if field in table else () for field in _LISTS}
    return organisation, extra


def _text(table: Mapping[str, Any], field: str, where: str) -> str:
    value = table[field]
    if not isinstance(value, str) or not value.strip():
        raise OrganisationDataError(f'{where}: "{field}" must be a non-empty string, got {value!r}')
    if value != value.strip():
        raise OrganisationDataError(f'{where}: "{field}" has stray spaces: {value!r}')
    return value


def _texts(table: Mapping[str, Any], field: str, where: str) -> tuple[str, ...]:
    values = table[field]
    if not isinstance(values, list):
        raise OrganisationDataError(f'{where}: "{field}" must be a list of strings')
    return tuple(_text({field: value}, field, where) for value in values)


def _check_fields(org: KnownOrganisation, where: str) -> None:
    if not _KEY.match(org.key):
        raise OrganisationDataError(f"{where}: key must be a lower-case slug like 'al-qaeda'")
    if org.kind not in KINDS:
        raise OrganisationDataError(f"{where}: kind {org.kind!r} is not one of {sorted(KINDS)}")
    if org.country is not None and not _COUNTRY.match(org.country):
        raise OrganisationDataError(
            f"{where}: country {org.country!r} is not an ISO 3166-1 alpha-2 code"
        )
    if org.parent == org.key:
        raise OrganisationDataError(f"{where}: an organisation cannot be its own parent")


def _parse_withheld(tables: Any, source: str) -> dict[str, str]:
    if not isinstance(tables, list):
        raise OrganisationDataError(f"{source}: [[withheld]] must be an array of tables")
    withheld: dict[str, str] = {}
    for index, table in enumerate(tables, 1):
        where = f"{source}: withheld #{index}"
        if not isinstance(table, dict) or set(table) != {"alias", "reason"}:
            raise OrganisationDataError(f'{where}: needs exactly "alias" and "reason"')
        withheld[_text(table, "alias", where)] = _text(table, "reason", where)
    return withheld


def _index_keys(organisations: Iterable[KnownOrganisation]) -> dict[str, KnownOrganisation]:
    by_key: dict[str, KnownOrganisation] = {}
    for org in organisations:
        if org.key in by_key:
            raise OrganisationDataError(f"key {org.key!r} is used by two organisations")
        by_key[org.key] = org
    return by_key


def _check_parents(by_key: Mapping[str, KnownOrganisation]) -> None:
    for org in by_key.values():
        if org.parent is not None and org.parent not in by_key:
            raise OrganisationDataError(
                f"{org.key!r} names parent {org.parent!r}, which is not an organisation key"
            )
    for org in by_key.values():
        seen = {org.key}
        parent = org.parent
        while parent is not None:
            if parent in seen:
                raise OrganisationDataError(f"parent chain of {org.key!r} loops back on itself")
            seen.add(parent)
            parent = by_key[parent].parent


def _check_exact_case(
    by_key: Mapping[str, KnownOrganisation], exact_case: Mapping[str, Iterable[str]]
) -> dict[str, frozenset[str]]:
    checked: dict[str, frozenset[str]] = {}
    for key, surfaces in exact_case.items():
        if key not in by_key:
            raise OrganisationDataError(f"exact_case names unknown organisation {key!r}")
        surfaces = frozenset(surfaces)
        if not surfaces:
            continue
        strays = sorted(surfaces - set(by_key[key].surface_forms))
        if strays:
            raise OrganisationDataError(
                f"{key!r}: exact_case lists {strays}, which are not its name or aliases"
            )
        checked[key] = surfaces
    return checked


def _check_modifiers(
    by_key: Mapping[str, KnownOrganisation],
    by_surface: Mapping[str, KnownOrganisation],
    modifiers: Mapping[str, Iterable[str]],
) -> dict[str, tuple[str, ...]]:
    checked: dict[str, tuple[str, ...]] = {}
    owners: dict[str, str] = {}
    for key, words in modifiers.items():
        if key not in by_key:
            raise OrganisationDataError(f"modifiers name unknown organisation {key!r}")
        for word in words:
            normal = normalise_name(word)
            other = by_surface[normal].key if normal in by_surface else owners.get(normal, key)
            if not normal or other != key:
                raise OrganisationDataError(
                    f"{key!r}: modifier {word!r} is empty or already names {other!r}"
                )
            owners[normal] = key
        if words:
            checked[key] = tuple(words)
    return checked


def _index_surfaces(
    organisations: Iterable[KnownOrganisation], withheld: Mapping[str, str]
) -> dict[str, KnownOrganisation]:
    by_surface: dict[str, KnownOrganisation] = {}
    first_spelling: dict[str, str] = {}
    for org in organisations:
        for surface in org.surface_forms:
            normal = normalise_name(surface)
            if not normal:
                raise OrganisationDataError(f"{org.key!r}: alias {surface!r} normalises to ''")
            if normal in withheld:
                raise OrganisationDataError(
                    f"{org.key!r}: alias {surface!r} is withheld ({withheld[normal]})"
                )
            other = by_surface.setdefault(normal, org)
            if other.key != org.key:
                raise OrganisationDataError(
                    f"alias {surface!r} of {org.key!r} and alias {first_spelling[normal]!r} of "
                    f"{other.key!r} both normalise to {normal!r}: an alias must name exactly "
                    "one organisation"
                )
            first_spelling.setdefault(normal, surface)
    return by_surface
