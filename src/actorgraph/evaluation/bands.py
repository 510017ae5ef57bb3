"""Precision per confidence band: does a fact's confidence mean something?

Each band keeps only the relations whose confidence falls in it and scores them
against the gold, so a band's precision is the share of its facts that the gold
confirms (optional relations count neither way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, overload

from actorgraph.evaluation.records import Record
from actorgraph.evaluation.report import Report
from actorgraph.model import ArticleExtraction

Scorer = Callable[[list[Record]], Report]

BANDS: tuple[tuple[float, float], ...] = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))


def in_band(confidence: float, low: float, high: float) -> bool:
    return low <= confidence < high or (high == 1.0 and confidence == 1.0)


@overload
def keep_band(record: ArticleExtraction, low: float, high: float) -> ArticleExtraction: ...
@overload
def keep_band(record: Mapping[str, Any], low: float, high: float) -> dict[str, Any]: ...
def keep_band(record: Record, low: float, high: float) -> ArticleExtraction | dict[str, Any]:
    """The record, in the form it came in, with only the relations whose confidence is in band.

    >>> record = {"article": "a", "relations": [{"confidence": 0.6}, {"confidence": 0.9}]}
    >>> keep_band(record, 0.5, 0.7)["relations"]
    [{'confidence': 0.6}]
    """
    if isinstance(record, ArticleExtraction):
        facts = [fact for fact in record.facts if in_band(fact.confidence, low, high)]
        return replace(record, facts=facts)
    relations = [r for r in record["relations"] if in_band(float(r["confidence"]), low, high)]
    return {**record, "relations": relations}


def confidence_bands(
    sets: Iterable[tuple[Scorer, Sequence[Record]]],
) -> list[dict[str, Any]]:
    """Facts and precision per band, over several (scorer, records) pairs.

    A scorer is any of the evaluation functions with its gold bound, e.g.
    ``lambda records: score_gold(gold_dir, records)``; records are ArticleExtraction
    objects or their JSON objects, as the scorers take them.
    """
    sets = list(sets)
    rows = []
    for low, high in BANDS:
        hits = false_alarms = 0
        for score, records in sets:
            micro = score([keep_band(r, low, high) for r in records]).micro
            hits += micro.tp
            false_alarms += micro.fp
        facts = hits + false_alarms
        rows.append(
            {
                "band": f"[{low:.2f}, {high:.2f}{']' if high == 1.0 else ')'}",
                "facts": facts,
                "precision": hits / facts if facts else 0.0,
            }
        )
    return rows
