"""Calibration: the reliability table and ECE on hand-made facts, and the shipped maps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from actorgraph.evaluation import Report, Score
from actorgraph.evaluation.calibration import (
    Judged,
    bin_index,
    calibration_summary,
    expected_calibration_error,
    reliability_table,
)
from actorgraph.extractors.confidence import CALIBRATION_VERSION, Calibration
from actorgraph.ontology import Relation


def facts(confidence: float, right: int, wrong: int, predicate: str = "affiliatedWith"):
    return [Judged(predicate, confidence, True)] * right + [Judged(predicate, confidence, False)] * wrong


# -- reliability table and ECE --------------------------------------------------------------


def test_bins_are_equal_width_and_close_on_one() -> None:
    assert [bin_index(c, 10) for c in (0.0, 0.05, 0.1, 0.5, 0.999, 1.0)] == [0, 0, 1, 5, 9, 9]
    assert [bin_index(c, 4) for c in (0.24, 0.25, 0.75, 1.0)] == [0, 1, 3, 3]
    assert bin_index(-0.2) == 0 and bin_index(1.7) == 9  # out of range: clipped


def test_reliability_table_counts_means_and_accuracy() -> None:
    judged = facts(0.85, 8, 2) + facts(0.55, 1, 3) + [Judged("alliedWith", 0.95, True)]
    rows = reliability_table(judged, bins=10)
    assert len(rows) == 10 and sum(row.count for row in rows) == 15
    by_low = {round(row.low, 1): row for row in rows if row.count}
    assert set(by_low) == {0.5, 0.8, 0.9}
    assert by_low[0.8].count == 10 and by_low[0.8].accuracy == pytest.approx(0.8)
    assert by_low[0.8].mean_confidence == pytest.approx(0.85)
    assert by_low[0.5].accuracy == pytest.approx(0.25)
    assert by_low[0.9].accuracy == 1.0
    assert rows[0].count == 0 and rows[0].accuracy == 0.0 and rows[0].gap == 0.0


def test_ece_of_perfectly_calibrated_facts_is_zero() -> None:
    judged = facts(0.8, 8, 2) + facts(0.3, 3, 7) + facts(1.0, 5, 0)
    assert expected_calibration_error(judged, bins=10) == pytest.approx(0.0)


def test_ece_weights_each_bin_by_its_facts() -> None:
    # bin [0.9, 1.0]: 10 facts at 0.9, 5 right -> gap 0.4; bin [0.5, 0.6): 30 at 0.5, 15 right
    judged = facts(0.9, 5, 5) + facts(0.5, 15, 15)
    assert expected_calibration_error(judged, bins=10) == pytest.approx(10 / 40 * 0.4)


def test_ece_of_overconfident_facts() -> None:
    assert expected_calibration_error(facts(1.0, 0, 4)) == pytest.approx(1.0)
    assert expected_calibration_error([]) == 0.0
    with pytest.raises(ValueError):
        reliability_table([], bins=0)


def test_summary_per_predicate() -> None:
    judged = facts(0.9, 9, 1) + facts(0.9, 0, 2, predicate="alliedWith")
    summary = calibration_summary(judged, bins=10)
    assert summary["facts"] == 12
    assert summary["ece_by_predicate"]["affiliatedWith"] == pytest.approx(0.0)
    assert summary["ece_by_predicate"]["alliedWith"] == pytest.approx(0.9)
    assert len(summary["reliability"]) == 10


def test_report_shows_the_reliability_table_and_ece() -> None:
    report = Report("x", {"affiliatedWith": Score(9, 1, 0)}, judged=facts(0.9, 9, 1))
    assert report.to_dict()["calibration"]["ece"] == pytest.approx(0.0)
    console = Console(record=True, width=120)
    report.render(console)
    text = console.export_text()
    assert "ECE 0.000" in text and "[0.9, 1.0]" in text
    assert "calibration" not in Report("y").to_dict()


def test_scorers_judge_each_distinct_fact(tmp_path: Path) -> None:
    from actorgraph.evaluation import score_conll04

    conll = tmp_path / "conll.jsonl"
    conll.write_text(
        json.dumps(
            {
                "id": "d1",
                "text": "Jim Smith of NASA and Ann Lee of ESA spoke .",
                "entities": [
                    {"start": 0, "end": 9, "type": "Peop", "text": "Jim Smith"},
                    {"start": 13, "end": 17, "type": "Org", "text": "NASA"},
                    {"start": 22, "end": 29, "type": "Peop", "text": "Ann Lee"},
                    {"start": 33, "end": 36, "type": "Org", "text": "ESA"},
                ],
                "relations": [{"type": "Work_For", "head": 0, "tail": 1}],
            }
        )
        + "\n"
    )
    record = {
        "article": "d1",
        "entities": [
            {"id": "t1", "type": "Person", "name": "Jim Smith", "aliases": []},
            {"id": "t2", "type": "Organisation", "name": "NASA", "aliases": []},
            {"id": "t3", "type": "Person", "name": "Ann Lee", "aliases": []},
            {"id": "t4", "type": "Organisation", "name": "ESA", "aliases": []},
        ],
        "events": [],
        "relations": [
            _relation("t1", "t2", 0.7),
            _relation("t1", "t2", 0.9),  # the same pair twice: judged once, at its best
            _relation("t3", "t2", 0.4),
        ],
    }
    report = score_conll04(conll, [record])
    assert sorted((j.confidence, j.correct) for j in report.judged) == [(0.4, False), (0.9, True)]


def _relation(subject: str, obj: str, confidence: float) -> dict:
    return {
        "subject": subject,
        "predicate": "affiliatedWith",
        "object": obj,
        "confidence": confidence,
        "evidence": {"sentence": "s", "start": 0, "end": 1},
    }


# -- the map applied at extraction time -----------------------------------------------------


def test_piecewise_linear_map() -> None:
    calibration = Calibration({"affiliatedWith": ([0.2, 0.6, 0.9], [0.1, 0.5, 0.8])})
    apply = calibration.apply
    assert apply("affiliatedWith", 0.4) == pytest.approx(0.3)
    assert apply("affiliatedWith", 0.0) == pytest.approx(0.1)  # below the first point
    assert apply("affiliatedWith", 0.99) == pytest.approx(0.8)  # above the last point
    assert apply("locatedIn", 0.77) == 0.77  # no map: the raw score stands


def test_calibrated_values_stay_inside_the_unit_interval() -> None:
    calibration = Calibration({"alliedWith": ([0.1, 0.9], [0.0, 1.0])})
    assert 0.0 < calibration.apply("alliedWith", 0.0) < calibration.apply("alliedWith", 1.0) < 1.0


def test_map_file_round_trips_and_is_checked(tmp_path: Path) -> None:
    calibration = Calibration({"affiliatedWith": ([0.1, 0.5], [0.2, 0.4])}, {"fitted_on": "x"})
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(calibration.to_dict()))
    assert Calibration.load(path) == calibration
    path.write_text(json.dumps({"version": CALIBRATION_VERSION + 1, "maps": {}}))
    with pytest.raises(ValueError, match="refit"):
        Calibration.load(path)
    bad = {"version": CALIBRATION_VERSION, "maps": {"x": {"x": [0.5, 0.1], "y": [0.1, 0.2]}}}
    path.write_text(json.dumps(bad))
    with pytest.raises(ValueError, match="increasing"):
        Calibration.load(path)


def test_shipped_maps_are_monotone_and_cover_the_gold_relations() -> None:
    calibration = Calibration.load()
    for relation in (Relation.AFFILIATED_WITH, Relation.ALLIED_WITH, Relation.LOCATED_IN):
        xs, ys = calibration.maps[relation]
        assert list(xs) == sorted(xs) and list(ys) == sorted(ys)
        values = [calibration.apply(relation, c / 20) for c in range(21)]
        assert values == sorted(values)
    assert "tests/sealed" not in json.dumps(calibration.metadata)
