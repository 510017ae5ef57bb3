"""Score extraction records on the ISAF press releases: province, target group, event kind.

Records are matched to releases by ``article`` == the JSON Lines ``id``; several records
of one release are united. Each measure is micro precision/recall/F1 over
(release, label) pairs; a release without a record counts all its labels as misses.

``province``
    The ISO 3166-2 code of every Province that an event of the release is ``locatedIn``.
    A located Province without a code cannot match and counts as a false alarm.

``group``
    The organisations that the release's events ``involve``, as target-group labels
    (a ``perpetrator`` or ``target`` fact is an ``involves`` one with its role known, and
    counts the same).
    A name (or alias) of a target group (:func:`target_group_names`: the curated
    organisations of :data:`TARGET_GROUP_KEYS` with their directory names, plus
    :data:`EXTRA_TARGET_GROUP_NAMES`) gives that code; retrying without a generic last
    word ("network", "group", "fighters", ...) is allowed. A name outside the table is
    its own label (its normalised name), which is how gold groups coded by name
    ("shirafat attack network") are matched. Security forces (by their kind in the
    curated directory, else :data:`SECURITY_FORCE_NAMES` and "Afghan/coalition/U.S. ...
    army/police/forces" names) carry out the operations and are never targets: they are
    left out unless ``exclude_security_forces=False``.

``kind``
    The release's event kinds mapped to ISAF event types (:func:`isaf_event_types`):

    * Capture -> ``detention``; Killing -> ``insurgentskilled``;
      Capture and Killing in one release -> ``captureandkill`` (only);
    * Airstrike -> ``airstrike``, and it absorbs the release's Killing events (the coder
      writes an airstrike that killed insurgents as ``airstrike``); a Capture next to it
      still gives ``detention``;
    * ``civiliancasualty`` from a Killing/Airstrike/Attack/Bombing/Clash/Raid event whose
      sentence says civilians were accidentally, inadvertently, mistakenly or
      unintentionally harmed; such an event gives no other type. :func:`event_class` also
      reads a kind that names it (``CivilianCasualty``), but records only carry kinds of
      the ontology, which has no such kind yet;
    * Clash -> ``exchangeoffire`` only when nothing above applies (the coder records the
      outcome of a firefight, not the firefight);
    * Attack, Bombing, Raid, Kidnapping, Protest and Event give no ISAF type.

    ``notes["kind_exact_match"]`` is the share of releases whose predicted type set equals
    the gold set exactly (gold ``[""]`` is the empty set).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from actorgraph.evaluation.gold import gold_name_key
from actorgraph.evaluation.records import IndexedExtraction, Record, RecordIndex, entity_names
from actorgraph.evaluation.report import ErrorCase, Report, Score
from actorgraph.gazetteers.organisations import load_organisations
from actorgraph.model import Entity
from actorgraph.ontology import PARTICIPANT_RELATIONS, EntityType, EventKind, Relation

PROVINCE, GROUP, KIND = "province", "group", "kind"
MEASURES = (PROVINCE, GROUP, KIND)

#: Target-group codes of the ISAF coding and the keys of the curated organisations
#: (``actorgraph/data/organisations.toml``) each stands for. Only the organisations listed,
#: not their branches: the coder gives the Haqqani network its own code although the
#: directory files it under the Taliban, and codes al-Qaeda's regional branches not at all.
TARGET_GROUP_KEYS: dict[str, tuple[str, ...]] = {
    "taliban": ("taliban", "quetta-shura"),
    "haqqani": ("haqqani-network",),
    "imu": ("islamic-movement-of-uzbekistan",),
    "hig": ("hezb-e-islami",),
    "aq": ("al-qaeda",),
    "let": ("lashkar-e-taiba",),
    "ttp": ("tehrik-i-taliban-pakistan",),
}

#: Names of target groups that the directory cannot supply. "criminal" is a class of
#: target, not an organisation, so the directory has no entry for it. The others are
#: spellings that the directory does not list; they stay here rather than going there
#: because the extractor's gazetteer reads the same file, so adding them would change
#: what is extracted, not only how it is scored.
EXTRA_TARGET_GROUP_NAMES: dict[str, tuple[str, ...]] = {
    "haqqani": ("haqqani taliban network", "hqn"),
    "hig": ("hezbi islami", "hekmatyar group"),
    "aq": ("alqaeda", "al qaeda in afghanistan"),
    "criminal": (
        "criminals",
        "criminal network",
        "criminal group",
        "criminal gang",
        "criminal organisation",
        "criminal organization",
        "drug trafficking network",
        "narcotics network",
        "narcotics trafficking network",
    ),
}

#: Last words that may be dropped before looking a name up among the target-group names.
GENERIC_GROUP_WORDS = frozenset(
    {"network", "networks", "group", "groups", "fighters", "insurgents", "militants", "cell"}
)

#: Forces that conduct the operations (normalised names); never a target group. Only
#: read for an organisation that its record does not tie to the curated directory (no
#: ``known_as``, as in every record of the co-occurrence baseline); one that it does is
#: judged by its kind there (STATE_KINDS). The names the directory also knows are kept
#: rather than replaced by a lookup of its state organisations: those also cover names
#: that neither this list nor the pattern below do ("United Nations", "Afghan military"),
#: so the lookup would change which of the baseline's organisations count as targets,
#: and with it the baseline's scores.
SECURITY_FORCE_NAMES = frozenset(
    {
        "isaf",
        "international security assistance force",
        "isaf joint command",
        "ijc",
        "coalition",
        "nato",
        "ana",
        "anp",
        "ansf",
        "ancop",
        "alp",
        "abp",
        "nds",
        "sof",
        "giroa",
        "national directorate of security",
        "special operations forces",
        "government of the islamic republic of afghanistan",
        "afghan government",
        "ministry of interior",
        "ministry of defense",
        "ministry of defence",
    }
)
#: Kinds of curated organisation that conduct operations rather than being their target.
STATE_KINDS = frozenset(
    {"state_force", "police", "government", "ministry", "agency", "international", "coalition"}
)
_SECURITY_FORCE_PATTERN = re.compile(
    r"^(?:afghan|afghanistan|coalition|isaf|international|nato|u\.?s\.?|us|american|british|combined|"
    r"partnered|joint)\b.*\b(?:army|police|forces?|commandos?|soldiers|troops|marines|"
    r"team|teams|command|units?|corps|kandaks?|air force)$"
    r"|^.*\b(?:regiment|battalion|brigade|company|division|squadron|platoon|assistance force)$"
)


def _kind_class(kind: str) -> str:
    """An event kind compared without case, spaces, hyphens or underscores.

    >>> _kind_class("Air strike"), _kind_class(EventKind.AIRSTRIKE)
    ('airstrike', 'airstrike')
    """
    return re.sub(r"[\s_\-]+", "", kind.casefold())


#: The ISAF-relevant class of the ontology's event kinds that have one.
_CLASS_OF_KIND: dict[EventKind, str] = {
    EventKind.CAPTURE: "capture",
    EventKind.KILLING: "killing",
    EventKind.AIRSTRIKE: "airstrike",
    EventKind.CLASH: "clash",
}
#: Kinds outside the ontology that event_class also reads (already normalised): other
#: names for its kinds, and the civilian-harm kinds the ontology does not have yet.
_CLASS_OF_OTHER_KIND = {
    "arrest": "capture",
    "detention": "capture",
    "firefight": "clash",
    "battle": "clash",
    "civiliancasualty": "civilian",
    "civiliancasualties": "civilian",
    "civilianharm": "civilian",
}
#: Normalised kind -> class.
_KIND_CLASSES = {
    **{_kind_class(kind): name for kind, name in _CLASS_OF_KIND.items()},
    **_CLASS_OF_OTHER_KIND,
}
#: Kinds whose sentence may turn them into a civilian casualty (normalised).
_HARMFUL_KINDS = frozenset(
    _kind_class(kind)
    for kind in (
        EventKind.KILLING,
        EventKind.AIRSTRIKE,
        EventKind.ATTACK,
        EventKind.BOMBING,
        EventKind.CLASH,
        EventKind.RAID,
    )
)
_ACCIDENT = r"(?:accidentally|inadvertently|mistakenly|unintentionally)"
_HARM = r"(?:killed|killing|died|wounded|wounding|injured|injuring|harmed|hurt)"
_ACCIDENTAL_CIVILIAN_HARM = re.compile(
    rf"\bcivilians?\b[^.]{{0,80}}\b{_ACCIDENT}\b[^.]{{0,40}}\b{_HARM}\b"
    rf"|\b{_ACCIDENT}\b[^.]{{0,40}}\b{_HARM}\b[^.]{{0,80}}\bcivilians?\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------


@cache
def target_group_names() -> Mapping[str, tuple[str, ...]]:
    """Every target-group code with the names that stand for it.

    A code's names are the code itself, the name, aliases and modifier words ("Haqqani")
    of its organisations in the curated directory, then its extra names.

    >>> names = target_group_names()
    >>> "Haqqani Network" in names["haqqani"], "hqn" in names["haqqani"], names["criminal"][0]
    (True, True, 'criminal')
    """
    directory = load_organisations()
    names: dict[str, tuple[str, ...]] = {}
    for code in {**TARGET_GROUP_KEYS, **EXTRA_TARGET_GROUP_NAMES}:
        found = [code]
        for key in TARGET_GROUP_KEYS.get(code, ()):
            found.extend((*directory.get(key).surface_forms, *directory.modifiers(key)))
        found.extend(EXTRA_TARGET_GROUP_NAMES.get(code, ()))
        names[code] = tuple(found)
    return names


@cache
def _group_code_by_key() -> dict[str, str]:
    return {
        gold_name_key(name): code for code, names in target_group_names().items() for name in names
    }


def group_code(name: str) -> str | None:
    """The target-group code a name stands for, if the table knows it.

    >>> group_code("the Haqqani Network"), group_code("Taliban fighters"), group_code("ISAF")
    ('haqqani', 'taliban', None)
    """
    key = gold_name_key(name)
    codes = _group_code_by_key()
    if key in codes:
        return codes[key]
    words = key.split()
    if len(words) > 1 and words[-1] in GENERIC_GROUP_WORDS:
        return codes.get(" ".join(words[:-1]))
    return None


def group_label(name: str) -> str:
    """A gold target group as a label: its code when known, else its normalised name."""
    return group_code(name) or gold_name_key(name)


def is_security_force(entity: Entity) -> bool:
    """Whether an organisation is one of the forces conducting the operations.

    By its kind in the curated organisation list when the record names it
    (``known_as``): states' forces, governments and international bodies; else by name.

    >>> is_security_force(Entity("t1", EntityType.ORGANISATION, "Afghan Border Police"))
    True
    """
    kind = _curated_kind(entity.known_as) if entity.known_as else None
    if kind is not None:
        return kind in STATE_KINDS
    keys = [gold_name_key(name) for name in entity_names(entity)]
    return any(key in SECURITY_FORCE_NAMES or _SECURITY_FORCE_PATTERN.match(key) for key in keys)


def _curated_kind(key: str) -> str | None:
    directory = load_organisations()
    return directory.get(key).kind if key in directory else None


def _entity_group_label(entity: Entity, gold_labels: frozenset[str]) -> str:
    """One label per involved organisation, preferring one the gold release uses."""
    names = entity_names(entity)
    codes = sorted({code for name in names if (code := group_code(name))})
    keys = codes or [gold_name_key(name) for name in names]
    return next((key for key in keys if key in gold_labels), keys[0])


def event_class(kind: str, sentence: str = "") -> str | None:
    """The ISAF-relevant class of one event: capture, killing, airstrike, clash, civilian.

    >>> event_class(EventKind.CAPTURE), event_class("air strike"), event_class(EventKind.RAID)
    ('capture', 'airstrike', None)
    """
    normalised = _kind_class(kind)
    if normalised in _HARMFUL_KINDS and _ACCIDENTAL_CIVILIAN_HARM.search(sentence or ""):
        return "civilian"
    return _KIND_CLASSES.get(normalised)


def isaf_event_types(classes: Iterable[str | None]) -> set[str]:
    """The ISAF event types of a release from the classes of its events (module doc)."""
    present = {name for name in classes if name}
    types: set[str] = set()
    if "civilian" in present:
        types.add("civiliancasualty")
    if "airstrike" in present:
        types.add("airstrike")
    killed = "killing" in present and "airstrike" not in present
    captured = "capture" in present
    if killed and captured:
        types.add("captureandkill")
    elif killed:
        types.add("insurgentskilled")
    elif captured:
        types.add("detention")
    if "clash" in present and not types:
        types.add("exchangeoffire")
    return types


# ---------------------------------------------------------------------------
# Gold releases
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IsafRelease:
    id: str
    title: str
    provinces: frozenset[str]
    groups: frozenset[str]
    kinds: frozenset[str]

    def gold(self, measure: str) -> frozenset[str]:
        return {PROVINCE: self.provinces, GROUP: self.groups, KIND: self.kinds}[measure]


def _split_codes(values: Any) -> list[str]:
    """Codes from a list whose items may join two with ';'; "" means none."""
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise TypeError(f"expected a list of codes, got {values!r}")
    return [part.strip() for value in values for part in str(value).split(";") if part.strip()]


def _parse_release(data: Mapping[str, Any]) -> IsafRelease:
    return IsafRelease(
        id=str(data["id"]),
        title=str(data.get("title") or ""),
        provinces=frozenset(code.upper() for code in _split_codes(data.get("provinces", []))),
        groups=frozenset(group_label(code) for code in _split_codes(data.get("target_groups", []))),
        kinds=frozenset(code.casefold() for code in _split_codes(data.get("event_types", []))),
    )


def load_isaf(path: str | Path) -> dict[str, IsafRelease]:
    """Read the ISAF JSON Lines file; lines sharing an id are united."""
    path = Path(path)
    releases: dict[str, IsafRelease] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                release = _parse_release(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                raise ValueError(f"{path}:{number}: malformed ISAF line: {error!r}") from error
            releases[release.id] = _unite(releases.get(release.id), release)
    return releases


def _unite(old: IsafRelease | None, new: IsafRelease) -> IsafRelease:
    if old is None:
        return new
    return IsafRelease(
        old.id,
        old.title or new.title,
        old.provinces | new.provinces,
        old.groups | new.groups,
        old.kinds | new.kinds,
    )


# ---------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------


@dataclass
class _Found:
    """A predicted label with where it came from, for the error listing."""

    label: str
    source: str
    sentence: str | None


@dataclass
class _ReleasePrediction:
    labels: dict[str, dict[str, _Found]] = field(
        default_factory=lambda: {measure: {} for measure in MEASURES}
    )
    excluded_forces: int = 0

    def add(self, measure: str, found: _Found) -> None:
        self.labels[measure].setdefault(found.label, found)


def _predict_release(
    release: IsafRelease, extracted: list[IndexedExtraction], exclude_security_forces: bool
) -> _ReleasePrediction:
    prediction = _ReleasePrediction()
    classes: list[str | None] = []
    kinds: list[str] = []
    for record in extracted:
        _add_provinces(record, prediction)
        _add_groups(record, release, prediction, exclude_security_forces)
        for event in record.events.values():
            classes.append(event_class(event.kind, event.sentence))
            kinds.append(event.kind)
    source = "from events: " + ", ".join(sorted(set(kinds)))
    for label in sorted(isaf_event_types(classes)):
        prediction.add(KIND, _Found(label, source, None))
    return prediction


def _add_provinces(record: IndexedExtraction, prediction: _ReleasePrediction) -> None:
    for relation in record.facts_with(Relation.LOCATED_IN):
        province = record.entities.get(relation.object)
        if relation.subject not in record.events or province is None:
            continue
        if province.iso3166_2:
            label, source = province.iso3166_2.upper(), f"located in {province.name!r}"
        else:
            label = "?" + gold_name_key(province.name)
            source = f"located in {province.name!r}, which has no ISO 3166-2 code"
        prediction.add(PROVINCE, _Found(label, source, record.sentence_of(relation)))


def _add_groups(
    record: IndexedExtraction,
    release: IsafRelease,
    prediction: _ReleasePrediction,
    exclude_security_forces: bool,
) -> None:
    participants = (f for f in record.facts if f.predicate in PARTICIPANT_RELATIONS)
    for relation in participants:
        entity = record.entities.get(relation.object)
        if relation.subject not in record.events or entity is None:
            continue
        if entity.type != EntityType.ORGANISATION:
            continue
        if exclude_security_forces and is_security_force(entity):
            prediction.excluded_forces += 1
            continue
        label = _entity_group_label(entity, release.groups)
        source = f"involves {entity.name!r}"
        prediction.add(GROUP, _Found(label, source, record.sentence_of(relation)))


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


def _compare(
    release: IsafRelease, measure: str, found: dict[str, _Found], score: Score
) -> list[ErrorCase]:
    gold = release.gold(measure)
    score.tp += len(gold & found.keys())
    score.fp += len(found.keys() - gold)
    score.fn += len(gold - found.keys())
    errors = [
        ErrorCase("miss", release.id, measure, release.title or release.id, label)
        for label in sorted(gold - found.keys())
    ]
    errors.extend(
        ErrorCase(
            "false_alarm",
            release.id,
            measure,
            release.title or release.id,
            label,
            found[label].sentence,
            found[label].source,
        )
        for label in sorted(found.keys() - gold)
    )
    return errors


def score_isaf(
    path: str | Path,
    records: Iterable[Record],
    *,
    exclude_security_forces: bool = True,
) -> Report:
    """Score records on the ISAF file: ``province``, ``group`` and ``kind`` (module doc).

    ``records`` are ArticleExtraction objects or their JSON objects (read with
    ``from_record``; a malformed one raises RecordError).

    >>> score_isaf("isaf/dev.jsonl", []).scores["group"].recall  # doctest: +SKIP
    0.0
    """
    releases = load_isaf(path)
    index = RecordIndex(records)
    scores = {measure: Score() for measure in MEASURES}
    errors: list[ErrorCase] = []
    exact_kinds = without_record = excluded = 0
    for release in releases.values():
        extracted = index.for_article(release.id)
        without_record += not extracted
        prediction = _predict_release(release, extracted, exclude_security_forces)
        excluded += prediction.excluded_forces
        for measure in MEASURES:
            errors.extend(_compare(release, measure, prediction.labels[measure], scores[measure]))
        exact_kinds += prediction.labels[KIND].keys() == release.kinds
    known_codes = set(target_group_names())
    notes = {
        "file": str(path),
        "releases": len(releases),
        "releases_without_record": without_record,
        "records_without_release": index.unclaimed(),
        "kind_exact_match": round(exact_kinds / len(releases), 4) if releases else 0.0,
        "kind_exact_match_count": exact_kinds,
        "security_forces_excluded": excluded,
        "gold_groups_matched_by_name": sorted(
            {group for release in releases.values() for group in release.groups} - known_codes
        ),
    }
    return Report(name="isaf", scores=scores, errors=errors, notes=notes)
