"""Regression guards: extraction quality on the gold sets and fixed benchmark slices.

Floors sit a little under the measured scores, so a change that makes extraction
worse fails here; the full figures come from ``benchmarks/accuracy.py``.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from actorgraph.api import extract
from actorgraph.evaluation import score_conll04, score_gold, score_isaf
from actorgraph.evaluation.bands import confidence_bands, keep_band
from actorgraph.model import ArticleExtraction

CONLL04_SLICE = 120
ISAF_SLICE = 100


def records(path: Path) -> list[dict]:
    return [extraction.to_record() for extraction in extract([path])]


def first_lines(source: Path, target: Path, count: int) -> Path:
    with source.open(encoding="utf-8") as stream:
        target.write_text("".join(islice(stream, count)), encoding="utf-8")
    return target


@pytest.mark.slow
def test_seed_gold(shared_dir: Path, nlp) -> None:
    report = score_gold(shared_dir / "gold" / "seed", records(shared_dir / "corpus" / "seed"))
    assert report.micro.f1 >= 0.95
    assert report.notes["negatives_found"] == 0


@pytest.mark.slow
def test_dev_gold(shared_dir: Path, nlp) -> None:
    report = score_gold(shared_dir / "gold" / "dev", records(shared_dir / "corpus" / "dev"))
    assert report.micro.f1 >= 0.90
    assert report.notes["negatives_found"] == 0


@pytest.mark.slow
def test_conll04_slice(shared_dir: Path, tmp_path: Path, nlp) -> None:
    part = first_lines(
        shared_dir / "benchmarks" / "conll04" / "dev.jsonl", tmp_path / "c.jsonl", CONLL04_SLICE
    )
    report = score_conll04(part, records(part))
    assert report.scores["affiliatedWith"].precision >= 0.5
    assert report.scores["affiliatedWith"].f1 >= 0.5


@pytest.mark.slow
def test_isaf_slice(shared_dir: Path, tmp_path: Path, nlp) -> None:
    part = first_lines(
        shared_dir / "benchmarks" / "isaf" / "dev.jsonl", tmp_path / "i.jsonl", ISAF_SLICE
    )
    report = score_isaf(part, records(part))
    assert report.scores["province"].f1 >= 0.92
    assert report.scores["group"].f1 >= 0.92
    assert report.scores["kind"].f1 >= 0.80


def test_band_keeps_only_its_relations() -> None:
    record = {
        "article": "a",
        "entities": [],
        "events": [],
        "relations": [
            {"subject": "t1", "predicate": "alliedWith", "object": "t2", "confidence": c}
            for c in (0.2, 0.6, 0.9, 1.0)
        ],
    }
    assert [r["confidence"] for r in keep_band(record, 0.5, 0.7)["relations"]] == [0.6]
    assert [r["confidence"] for r in keep_band(record, 0.85, 1.0)["relations"]] == [0.9, 1.0]


def test_band_keeps_the_facts_of_an_article_extraction() -> None:
    evidence = {"sentence": "A and B.", "start": 0, "end": 8}
    extraction = ArticleExtraction.from_record(
        {
            "article": "a",
            "entities": [{"id": f"t{n}", "type": "Organisation", "name": f"O{n}"} for n in (1, 2)],
            "relations": [
                {
                    "subject": "t1",
                    "predicate": "alliedWith",
                    "object": "t2",
                    "confidence": c,
                    "evidence": evidence,
                }
                for c in (0.2, 0.6, 0.9, 1.0)
            ],
        }
    )
    kept = keep_band(extraction, 0.85, 1.0)
    assert [fact.confidence for fact in kept.facts] == [0.9, 1.0]
    assert len(extraction.facts) == 4  # the input is left as it was
    assert kept.entities == extraction.entities


@pytest.mark.slow
def test_confidence_bands_cover_every_fact(shared_dir: Path, nlp) -> None:
    gold = shared_dir / "gold" / "dev"
    found = records(shared_dir / "corpus" / "dev")
    bands = confidence_bands([(lambda r: score_gold(gold, r), found)])
    assert (
        sum(band["facts"] for band in bands)
        == score_gold(gold, found).micro.tp + score_gold(gold, found).micro.fp
    )
