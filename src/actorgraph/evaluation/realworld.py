"""Score event places on real-world reports: UCDP GED headlines and GeoVirus passages.

The data live outside the package, in ``shared/realworld/`` (each folder's README gives its
source, licence and the attribution to keep); nothing of it is copied here.

``ucdp`` — ``ucdp_ged_headlines/ged_headlines.jsonl``
    UCDP Georeferenced Event Dataset (GED) Global 23.1, © Uppsala Conflict Data Program,
    CC BY 4.0: the news headline(s) of one event each, with the event's first-level
    province as UCDP coded it (``gold_iso``). One record is one report.

``geovirus`` — ``geovirus_toponyms/geovirus_toponyms.jsonl``
    GeoVirus toponym annotations (Gritta, Pilehvar & Collier, ACL 2018), GNU GPL v3, on
    Wikinews texts (CC BY 2.5): one record per toponym, several per passage. One passage
    (``doc_id``) is one report; its gold is the set of provinces of its toponyms.

How a report is scored (measure ``province``)
---------------------------------------------
A report's *prediction* is the set of ISO 3166-2 codes of the provinces its events are
``locatedIn`` (every event of every record of the report). Its *gold* is one province
(UCDP) or the set of its toponyms' provinces (GeoVirus); a gold province is matched by its
own code or by the top of pycountry's hierarchy above it (``gold_iso_top``: UCDP codes
Philippine provinces, the gazetteer their regions). Then, micro over (report, province):

* a hit (tp) for every gold province some predicted code matches;
* a false alarm (fp) for every predicted code that matches no gold province;
* a miss (fn) for every gold province no predicted code matches — a report with no
  located event misses its whole gold.

Every report falls into one of two halves by a hash of its id (:func:`half_of`): ``dev``,
on which the extractors may be developed, and ``heldout``, which only measures. The
report's scores are ``province_dev`` and ``province_heldout`` (their micro sum is the whole
set). ``notes`` add, per half and overall, the naive baseline ``first_province_name`` —
the first province name in the text (:func:`first_province_name`, the gazetteer's
province names as its EntityRuler matches them: exact case, designator where a name is an
ordinary word), scored the same way — the share of reports with a located event, and
for UCDP the scores split by whether the province's name is literally in the text.

For GeoVirus, ``notes["toponym"]`` scores the gazetteer alone: each annotated toponym
looked up with :meth:`Gazetteer.find_place` in its record's country, the best match's
province against the gold (tp right, fp wrong, fn wrong or nothing).

>>> half_of("ged-133925") in (DEV, HELDOUT)
True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from actorgraph.evaluation.records import IndexedExtraction, Record, RecordIndex
from actorgraph.evaluation.report import ROUNDING, ErrorCase, Report, Score
from actorgraph.gazetteers.places import load_gazetteer
from actorgraph.model import Article
from actorgraph.ontology import Relation

UCDP, GEOVIRUS = "ucdp", "geovirus"
BENCHMARKS = (UCDP, GEOVIRUS)
DEV, HELDOUT = "dev", "heldout"
HALVES = (DEV, HELDOUT)
MEASURE = "province"

#: Attribution kept with every score computed from the data (their licences ask for it).
ATTRIBUTION = {
    UCDP: (
        "Contains data from the UCDP Georeferenced Event Dataset (GED) Global version 23.1, "
        "(c) Uppsala Conflict Data Program, Department of Peace and Conflict Research, Uppsala "
        "University (Sundberg & Melander 2013; Davies, Pettersson & Oberg 2023), CC BY 4.0."
    ),
    GEOVIRUS: (
        "Texts from Wikinews (https://en.wikinews.org), CC BY 2.5. Toponym annotations from "
        "GeoVirus (Gritta, Pilehvar & Collier, ACL 2018), GNU GPL v3. Province codes derived "
        "with GeoNames data (CC BY 4.0) and ISO 3166-2 (pycountry)."
    ),
}


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """A gold province: its ISO 3166-2 code and the top of the hierarchy above it."""

    code: str
    top: str

    def matches(self, predicted: str) -> bool:
        """Whether a predicted code is this province or the top of the hierarchy above it.

        >>> GoldPlace("PH-SLU", "PH-14").matches("ph-14")
        True
        """
        return predicted.upper() in (self.code, self.top)


@dataclass(frozen=True, slots=True)
class Toponym:
    """One annotated place name of a GeoVirus passage."""

    name: str
    country: str
    gold: GoldPlace


@dataclass(frozen=True)
class RealworldReport:
    """One report of a real-world set: its text and where its gold says it happened."""

    id: str
    text: str
    gold: tuple[GoldPlace, ...]
    date: date | None = None
    country: str | None = None
    literal: bool | None = None
    toponyms: tuple[Toponym, ...] = ()

    @property
    def half(self) -> str:
        return half_of(self.id)

    def article(self) -> Article:
        """The report as an article to extract (its id, text and date)."""
        return Article(id=self.id, text=self.text, date=self.date)


def half_of(report_id: str) -> str:
    """The half a report belongs to, fixed by a hash of its id: ``dev`` or ``heldout``.

    >>> [half_of(i) for i in ("ged-1", "ged-2", "ged-3", "ged-4")] == [
    ...     half_of(i) for i in ("ged-1", "ged-2", "ged-3", "ged-4")]
    True
    """
    digest = hashlib.sha256(report_id.encode("utf-8")).digest()
    return DEV if digest[0] % 2 == 0 else HELDOUT


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def _lines(path: str | Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            item = json.loads(line)
            if not isinstance(item, dict) or "id" not in item or "text" not in item:
                raise ValueError(f"{path}:{number}: not a real-world record (id and text)")
            yield item


def _gold_place(item: dict[str, Any]) -> GoldPlace:
    code = str(item["gold_iso"]).upper()
    return GoldPlace(code, str(item.get("gold_iso_top") or code).upper())


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def load_realworld(benchmark: str, path: str | Path) -> dict[str, RealworldReport]:
    """The reports of a real-world file by id, in file order (``benchmark``: ucdp, geovirus).

    >>> load_realworld("ucdp", "ged_headlines.jsonl")["ged-133925"].gold  # doctest: +SKIP
    (GoldPlace(code='AF-KAN', top='AF-KAN'),)
    """
    if benchmark == UCDP:
        return {item["id"]: _ucdp_report(item) for item in _lines(path)}
    if benchmark == GEOVIRUS:
        return _geovirus_reports(_lines(path))
    raise ValueError(f"unknown real-world benchmark {benchmark!r} (known: {', '.join(BENCHMARKS)})")


def _ucdp_report(item: dict[str, Any]) -> RealworldReport:
    return RealworldReport(
        id=str(item["id"]),
        text=str(item["text"]),
        gold=(_gold_place(item),),
        date=_date(item.get("date")),
        country=item.get("country_iso"),
        literal=bool(item.get("province_literal")),
    )


def _geovirus_reports(items: Iterable[dict[str, Any]]) -> dict[str, RealworldReport]:
    texts: dict[str, str] = {}
    toponyms: dict[str, list[Toponym]] = {}
    for item in items:
        doc = str(item.get("doc_id") or item["id"])
        texts.setdefault(doc, str(item["text"]))
        toponyms.setdefault(doc, []).append(
            Toponym(str(item.get("toponym", "")), str(item.get("country", "")), _gold_place(item))
        )
    reports = {}
    for doc, text in texts.items():
        places = tuple(toponyms[doc])
        gold = tuple(dict.fromkeys(t.gold for t in places))
        countries = [t.country for t in places if t.country]
        country = max(set(countries), key=countries.count) if countries else None
        reports[doc] = RealworldReport(doc, text, gold, country=country, toponyms=places)
    return reports


def realworld_articles(benchmark: str, path: str | Path) -> list[Article]:
    """One article per report of a real-world file, to extract and then score.

    >>> len(realworld_articles("geovirus", "geovirus_toponyms.jsonl"))  # doctest: +SKIP
    196
    """
    return [report.article() for report in load_realworld(benchmark, path).values()]


# ---------------------------------------------------------------------------
# The naive baseline: the first province name in the text
# ---------------------------------------------------------------------------

_WORDS = re.compile(r"\w+|[^\w\s]")


@cache
def _province_names() -> tuple[dict[tuple[str, ...], str], int]:
    """Province surface forms as word tuples -> ISO code, and the longest tuple's length."""
    names: dict[tuple[str, ...], str] = {}
    for pattern in load_gazetteer().province_patterns():
        words = tuple(_WORDS.findall(pattern["pattern"]))
        if words:
            names.setdefault(words, pattern["id"])
    return names, max(len(words) for words in names)


def first_province_name(text: str) -> str | None:
    """The ISO code of the first province named in ``text`` (exact case), else None.

    >>> first_province_name("Rockets hit Jalalabad and Kabul; fighting in Nangarhar")
    'AF-KAB'
    >>> first_province_name("Ten killed in a market") is None
    True
    """
    names, longest = _province_names()
    words = _WORDS.findall(text)
    for start in range(len(words)):
        for size in range(min(longest, len(words) - start), 0, -1):
            code = names.get(tuple(words[start : start + size]))
            if code is not None:
                return code
    return None


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


@dataclass
class _Tally:
    """Scores of one group of reports: the pipeline, the baseline and how many it located."""

    pipeline: Score = field(default_factory=Score)
    baseline: Score = field(default_factory=Score)
    reports: int = 0
    located: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "located_share": round(self.located / self.reports, ROUNDING) if self.reports else 0.0,
            MEASURE: self.pipeline.to_dict(),
            "first_province_name": self.baseline.to_dict(),
        }


def _count(gold: tuple[GoldPlace, ...], predicted: Iterable[str], score: Score) -> list[str]:
    """Add one report's hits, false alarms and misses to ``score``; return the false alarms."""
    codes = sorted({code.upper() for code in predicted})
    score.tp += sum(1 for place in gold if any(place.matches(c) for c in codes))
    score.fn += sum(1 for place in gold if not any(place.matches(c) for c in codes))
    wrong = [c for c in codes if not any(place.matches(c) for place in gold)]
    score.fp += len(wrong)
    return wrong


def _predicted(records: list[IndexedExtraction]) -> dict[str, str | None]:
    """Every province code the report's events are located in, with its evidence sentence."""
    found: dict[str, str | None] = {}
    for record in records:
        for fact in record.facts_with(Relation.LOCATED_IN):
            entity = record.entities.get(fact.object)
            if fact.subject in record.events and entity is not None and entity.iso3166_2:
                found.setdefault(entity.iso3166_2.upper(), record.sentence_of(fact))
    return found


def _errors(report: RealworldReport, found: dict[str, str | None]) -> list[ErrorCase]:
    label = report.text.splitlines()[0][:120] if report.text else report.id
    errors = [
        ErrorCase("miss", report.id, MEASURE, label, place.code, report.text)
        for place in report.gold
        if not any(place.matches(code) for code in found)
    ]
    errors += [
        ErrorCase("false_alarm", report.id, MEASURE, label, code, found[code], "located event")
        for code in sorted(found)
        if not any(place.matches(code) for place in report.gold)
    ]
    return errors


def score_realworld(benchmark: str, path: str | Path, records: Iterable[Record]) -> Report:
    """Score records on a real-world file, per half, with the naive baseline (module doc).

    ``records`` are ArticleExtraction objects or their JSON objects, one (or more) per
    report, matched by ``article`` == the report id (the GeoVirus ``doc_id``).

    >>> score_realworld("ucdp", "ged_headlines.jsonl", []).notes["all"]["reports"]  # doctest: +SKIP
    460
    """
    reports = load_realworld(benchmark, path)
    index = RecordIndex(records)
    tallies = {name: _Tally() for name in (*HALVES, "all")}
    literal = {flag: _Tally() for flag in ("literal", "not_literal")}
    errors: list[ErrorCase] = []
    without_record = 0
    for report in reports.values():
        extracted = index.for_article(report.id)
        without_record += not extracted
        found = _predicted(extracted)
        first = first_province_name(report.text)
        groups = [tallies[report.half], tallies["all"]]
        if report.literal is not None:
            groups.append(literal["literal" if report.literal else "not_literal"])
        for tally in groups:
            tally.reports += 1
            tally.located += bool(found)
            _count(report.gold, found, tally.pipeline)
            _count(report.gold, [first] if first else [], tally.baseline)
        errors.extend(_errors(report, found))
    notes: dict[str, Any] = {
        "file": str(path),
        "attribution": ATTRIBUTION[benchmark],
        **{name: tally.to_dict() for name, tally in tallies.items()},
        "reports_without_record": without_record,
        "records_without_report": index.unclaimed(),
    }
    if benchmark == UCDP:
        notes["by_literal_province"] = {flag: t.to_dict() for flag, t in literal.items()}
    if benchmark == GEOVIRUS:
        notes["toponym"] = _toponym_scores(reports.values())
    scores = {f"{MEASURE}_{half}": tallies[half].pipeline for half in HALVES}
    return Report(name=benchmark, scores=scores, errors=errors, notes=notes)


def _toponym_scores(reports: Iterable[RealworldReport]) -> dict[str, Any]:
    """The gazetteer alone: each toponym's best place match in its country, per half."""
    gazetteer = load_gazetteer()
    scores = {half: Score() for half in HALVES}
    for report in reports:
        score = scores[report.half]
        for toponym in report.toponyms:
            matches = gazetteer.find_place(toponym.name, toponym.country or None)
            if matches and toponym.gold.matches(matches[0].province.code):
                score.tp += 1
            else:
                score.fp += bool(matches)
                score.fn += 1
    return {half: score.to_dict() for half, score in scores.items()}
