"""The sealed sets as regression guards: scored, never read while developing.

``tests/sealed/`` (16 own-words articles), ``tests/sealed/incidents/`` (100 incident
reports), ``tests/sealed2/`` (14 own-words articles, written in session 19 and scored only
at its end) and ``tests/sealed3/`` (14 more, written in session 22, scored at its start and
its end) were written by someone who did not tune the extractors. These tests only score
them, against floors a little under the scores measured when the floors were set, so a
change that loses ground on unseen text fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph import evaluate

SEALED = Path(__file__).parent / "sealed"
SEALED2 = Path(__file__).parent / "sealed2"
SEALED3 = Path(__file__).parent / "sealed3"

#: Measured when set: micro F1 0.73 (P 0.77, R 0.69); 0.75 (P 0.79, R 0.72) in session 19;
#: 0.77 (P 0.81, R 0.74) in session 22.
ARTICLES_MICRO_F1_FLOOR = 0.74
#: Measured when set: micro F1 0.73 (P 0.77, R 0.69; alliedWith P 0.83); 0.74 in session 22.
SECOND_ARTICLES_MICRO_F1_FLOOR = 0.72
#: Written in session 22 and scored before that session's changes (0.69) and after (0.74).
THIRD_ARTICLES_MICRO_F1_FLOOR = 0.72
#: The alliance precision that the second set measured (0.83): enemies read as allies cost it.
SECOND_ARTICLES_ALLIED_PRECISION_FLOOR = 0.75
#: Measured when set: F1 0.93 (P 0.96, R 0.90); the first-province-name baseline 0.62.
INCIDENTS_F1_FLOOR = 0.90


@pytest.mark.slow
def test_sealed_articles_stay_above_their_floor() -> None:
    report = evaluate("gold", SEALED / "gold", SEALED / "corpus")
    assert report.micro.f1 >= ARTICLES_MICRO_F1_FLOOR


@pytest.mark.slow
def test_second_sealed_articles_stay_above_their_floors() -> None:
    report = evaluate("gold", SEALED2 / "gold", SEALED2 / "corpus")
    assert report.micro.f1 >= SECOND_ARTICLES_MICRO_F1_FLOOR
    assert report.scores["alliedWith"].precision >= SECOND_ARTICLES_ALLIED_PRECISION_FLOOR


@pytest.mark.slow
def test_third_sealed_articles_stay_above_their_floor() -> None:
    report = evaluate("gold", SEALED3 / "gold", SEALED3 / "corpus")
    assert report.micro.f1 >= THIRD_ARTICLES_MICRO_F1_FLOOR


@pytest.mark.slow
def test_sealed_incident_reports_stay_above_their_floor_and_the_baseline() -> None:
    notes = evaluate("ucdp", SEALED / "incidents" / "sealed.jsonl").notes["all"]
    assert notes["province"]["f1"] >= INCIDENTS_F1_FLOOR
    assert notes["province"]["f1"] > notes["first_province_name"]["f1"] + 0.2
