"""Is a fact's confidence the chance that it is right? Reliability tables and the ECE.

Every scorer records, beside its counts, one :class:`Judged` per distinct fact it scored:
the fact's confidence and whether the gold confirms it (optional gold relations are not
judged). Grouped into equal-width confidence bins, the facts of a bin should be right as
often as their mean confidence says: facts at about 0.8 right about 8 times in 10. The
*expected calibration error* is the average gap between the two, weighted by the facts
in each bin:

    ECE = sum over bins b of  n_b / N * | accuracy_b - mean confidence_b |

>>> judged = [Judged("affiliatedWith", 0.9, True)] * 9 + [Judged("affiliatedWith", 0.9, False)]
>>> round(expected_calibration_error(judged), 6)
0.0
>>> rows = reliability_table(judged, bins=5)
>>> [(row.count, row.accuracy) for row in rows if row.count]
[(10, 0.9)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.table import Table

#: Equal-width bins over [0, 1] of the reliability table and the ECE.
DEFAULT_BINS = 10


@dataclass(frozen=True, slots=True)
class Judged:
    """One distinct scored fact: its predicate, its confidence, and whether it was right."""

    predicate: str
    confidence: float
    correct: bool


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """The facts whose confidence is in [low, high) (the last bin includes 1.0)."""

    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float

    @property
    def gap(self) -> float:
        """How far the bin's accuracy is from its mean confidence (0 when empty)."""
        return abs(self.accuracy - self.mean_confidence) if self.count else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "low": round(self.low, 4),
            "high": round(self.high, 4),
            "count": self.count,
            "mean_confidence": round(self.mean_confidence, 4),
            "accuracy": round(self.accuracy, 4),
        }


def bin_index(confidence: float, bins: int = DEFAULT_BINS) -> int:
    """The bin of a confidence: ``floor(confidence * bins)``, with 1.0 in the last bin.

    >>> bin_index(0.0), bin_index(0.79), bin_index(0.8), bin_index(1.0)
    (0, 7, 8, 9)
    """
    clipped = min(max(confidence, 0.0), 1.0)
    return min(int(clipped * bins), bins - 1)


def reliability_table(judged: Iterable[Judged], bins: int = DEFAULT_BINS) -> list[ReliabilityBin]:
    """Count, mean confidence and accuracy per equal-width confidence bin, empty ones too."""
    if bins < 1:
        raise ValueError("a reliability table needs at least one bin")
    members: list[list[Judged]] = [[] for _ in range(bins)]
    for fact in judged:
        members[bin_index(fact.confidence, bins)].append(fact)
    rows = []
    for number, facts in enumerate(members):
        count = len(facts)
        rows.append(
            ReliabilityBin(
                low=number / bins,
                high=(number + 1) / bins,
                count=count,
                mean_confidence=sum(f.confidence for f in facts) / count if count else 0.0,
                accuracy=sum(f.correct for f in facts) / count if count else 0.0,
            )
        )
    return rows


def expected_calibration_error(judged: Iterable[Judged], bins: int = DEFAULT_BINS) -> float:
    """The count-weighted mean gap between accuracy and confidence over the bins (0 if none).

    >>> expected_calibration_error([Judged("x", 1.0, False), Judged("x", 0.0, False)])
    0.5
    """
    rows = reliability_table(judged, bins)
    total = sum(row.count for row in rows)
    if not total:
        return 0.0
    return sum(row.count * row.gap for row in rows) / total


def by_predicate(judged: Sequence[Judged]) -> dict[str, list[Judged]]:
    """The judged facts of each predicate, in first-seen order."""
    grouped: dict[str, list[Judged]] = {}
    for fact in judged:
        grouped.setdefault(str(fact.predicate), []).append(fact)
    return grouped


def calibration_summary(judged: Sequence[Judged], bins: int = DEFAULT_BINS) -> dict[str, Any]:
    """The JSON form: the ECE overall and per predicate, and the reliability table."""
    return {
        "facts": len(judged),
        "ece": round(expected_calibration_error(judged, bins), 4),
        "ece_by_predicate": {
            predicate: round(expected_calibration_error(facts, bins), 4)
            for predicate, facts in by_predicate(judged).items()
        },
        "reliability": [row.to_dict() for row in reliability_table(judged, bins)],
    }


def reliability_rich_table(judged: Sequence[Judged], bins: int = DEFAULT_BINS) -> Table:
    """The reliability table for the terminal, with the ECE in its caption."""
    table = Table(title="Calibration: are facts at confidence c right c of the time?")
    for column in ("confidence", "facts", "mean conf.", "right"):
        table.add_column(column, justify="right")
    for row in reliability_table(judged, bins):
        if not row.count:
            continue
        closing = "]" if row.high >= 1.0 else ")"
        table.add_row(
            f"[{row.low:.1f}, {row.high:.1f}{closing}",
            str(row.count),
            f"{row.mean_confidence:.3f}",
            f"{row.accuracy:.3f}",
        )
    per_predicate = ", ".join(
        f"{predicate} {expected_calibration_error(facts, bins):.3f}"
        for predicate, facts in by_predicate(judged).items()
    )
    table.caption = f"ECE {expected_calibration_error(judged, bins):.3f} ({per_predicate})"
    return table
