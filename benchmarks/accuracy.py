"""The README's accuracy table: every gold set and benchmark, actorgraph beside the baseline.

Runs, in one go, the project's gold files (seed and dev), CoNLL04 dev (Work_For as
affiliatedWith) and the ISAF press releases (province, armed group, event kind), each
for actorgraph and for the sentence co-occurrence baseline, with the same scoring code
as ``actorgraph evaluate``. Also prints the precision of actorgraph's facts per
confidence band on the gold sets and CoNLL04, and event → province on real-world and
incident reports (UCDP GED headlines and GeoVirus passages from ``shared/realworld``, the
project's own incident reports in ``tests/data/incidents``; ``--sealed`` adds the sealed
ones in ``tests/sealed/incidents``) beside the first-province-name baseline. ``--json``
prints everything as JSON.

    python benchmarks/accuracy.py [--shared ../shared] [--model NAME] [--sealed] [--json]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from actorgraph.api import evaluate, extract, pipeline
from actorgraph.evaluation import (
    Report,
    cooccurrence_record,
    score_conll04,
    score_gold,
    score_isaf,
)
from actorgraph.evaluation.bands import confidence_bands
from actorgraph.nlp.models import DEFAULT_MODEL
from actorgraph.reading import read_articles

REPO = Path(__file__).resolve().parents[1]
BANDS_KEY = "confidence bands (seed, dev, CoNLL04)"
REPORTS_KEY = "event -> province on reports"


def actorgraph_records(path: Path, model: str) -> list[dict[str, Any]]:
    return [extraction.to_record() for extraction in extract([path], model=model)]


def baseline_records(path: Path, model: str) -> list[dict[str, Any]]:
    articles = list(read_articles([path]))
    docs = pipeline(model).pipe(article.text for article in articles)
    return [cooccurrence_record(a.id, doc) for a, doc in zip(articles, docs, strict=True)]


def datasets(shared: Path) -> list[tuple[str, Path, Callable[[list[dict]], Report]]]:
    gold, bench = shared / "gold", shared / "benchmarks"
    return [
        ("seed", shared / "corpus" / "seed", lambda r: score_gold(gold / "seed", r)),
        ("dev (8 countries)", shared / "corpus" / "dev", lambda r: score_gold(gold / "dev", r)),
        (
            "CoNLL04 dev",
            bench / "conll04" / "dev.jsonl",
            lambda r: score_conll04(bench / "conll04" / "dev.jsonl", r),
        ),
        (
            "ISAF",
            bench / "isaf" / "dev.jsonl",
            lambda r: score_isaf(bench / "isaf" / "dev.jsonl", r),
        ),
    ]


def report_sets(shared: Path, sealed: bool) -> list[tuple[str, str, Path]]:
    """(name, scorer, file) of the real-world and incident-report sets that exist here."""
    realworld = shared / "realworld"
    sets = [
        ("UCDP GED headlines", "ucdp", realworld / "ucdp_ged_headlines" / "ged_headlines.jsonl"),
        (
            "GeoVirus passages",
            "geovirus",
            realworld / "geovirus_toponyms" / "geovirus_toponyms.jsonl",
        ),
        ("incident reports (dev)", "ucdp", REPO / "tests" / "data" / "incidents" / "dev.jsonl"),
    ]
    if sealed:
        sets.append(
            (
                "incident reports (sealed)",
                "ucdp",
                REPO / "tests" / "sealed" / "incidents" / "sealed.jsonl",
            )
        )
    return [(name, scorer, path) for name, scorer, path in sets if path.is_file()]


def report_scores(shared: Path, model: str, sealed: bool) -> dict[str, Any]:
    """Per set and half: actorgraph's event → province beside the first-province baseline."""
    table: dict[str, Any] = {}
    for name, scorer, path in report_sets(shared, sealed):
        notes = evaluate(scorer, path, model=model).notes
        halves = ("dev", "heldout", "all") if scorer == "ucdp" and "GED" in name else ("all",)
        table[name] = {half: notes[half] for half in halves}
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sealed", action="store_true", help="also score the sealed reports")
    parser.add_argument("--reports-only", action="store_true", help="only the report sets")
    args = parser.parse_args()

    results: dict[str, Any] = {}
    bands_input = []
    for name, path, score in [] if args.reports_only else datasets(args.shared):
        ours = actorgraph_records(path, args.model)
        theirs = baseline_records(path, args.model)
        results[name] = {"actorgraph": score(ours).to_dict(), "baseline": score(theirs).to_dict()}
        if name != "ISAF":  # ISAF scores releases, not facts
            bands_input.append((score, ours))
    results[BANDS_KEY] = confidence_bands(bands_input)
    results[REPORTS_KEY] = report_scores(args.shared, args.model, args.sealed)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(markdown_table(results))


def markdown_table(results: dict[str, Any]) -> str:
    lines = [
        "| data | measure | actorgraph P | R | F1 | baseline P | R | F1 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, result in results.items():
        if "actorgraph" not in result:
            continue
        ours, theirs = result["actorgraph"], result["baseline"]
        for measure in [*ours["scores"], "micro"]:
            a = ours["micro"] if measure == "micro" else ours["scores"][measure]
            b = theirs["micro"] if measure == "micro" else theirs["scores"].get(measure, {})
            lines.append(
                f"| {name} | {measure} | {a['precision']:.2f} | {a['recall']:.2f} | "
                f"**{a['f1']:.2f}** | {b.get('precision', 0):.2f} | {b.get('recall', 0):.2f} | "
                f"{b.get('f1', 0):.2f} |"
            )
    lines += ["", "| confidence band | facts | precision |", "| --- | ---: | ---: |"]
    for band in results[BANDS_KEY]:
        lines.append(f"| {band['band']} | {band['facts']} | {band['precision']:.2f} |")
    lines += [
        "",
        "| reports | half | n | located | actorgraph P | R | F1 | first province P | R | F1 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, halves in results[REPORTS_KEY].items():
        for half, tally in halves.items():
            a, b = tally["province"], tally["first_province_name"]
            lines.append(
                f"| {name} | {half} | {tally['reports']} | {tally['located_share']:.2f} | "
                f"{a['precision']:.2f} | {a['recall']:.2f} | **{a['f1']:.2f}** | "
                f"{b['precision']:.2f} | {b['recall']:.2f} | {b['f1']:.2f} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
