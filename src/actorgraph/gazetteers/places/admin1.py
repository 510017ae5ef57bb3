"""GeoNames admin1 codes mapped to ISO 3166-2 provinces, country by country, by votes."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from actorgraph.gazetteers.places.names import _joined

_ANCHOR_WEIGHT = 10.0


_VOTERS_PER_GROUP = 3


_DOMINANT_SHARE = 0.75


_NAMED_VOTER_SHARE = 0.1


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
