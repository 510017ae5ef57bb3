"""What every scorer returns: counts per measure, the errors behind them, and how to show them.

A :class:`Report` holds one :class:`Score` (true positives, false positives, false
negatives) per measure - a relation such as ``affiliatedWith`` or a benchmark measure
such as ``province`` - together with every miss and false alarm as an
:class:`ErrorCase`, so that a low number can be traced to the sentences behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from rich.table import Table

from actorgraph.evaluation.calibration import Judged, calibration_summary, reliability_rich_table

if TYPE_CHECKING:
    from rich.console import Console

ErrorKind = Literal["miss", "false_alarm"]

#: Number of decimals kept for precision, recall and F1 in JSON output.
ROUNDING = 4


def _ratio(numerator: float, denominator: float) -> float:
    """A ratio that is 0 when it is undefined (nothing predicted, nothing to find)."""
    return numerator / denominator if denominator else 0.0


@dataclass
class Score:
    """Counts of one measure: hits (tp), false alarms (fp) and misses (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return _ratio(2 * precision * recall, precision + recall)

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, ROUNDING),
            "recall": round(self.recall, ROUNDING),
            "f1": round(self.f1, ROUNDING),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class ErrorCase:
    """One miss (gold not found) or false alarm (found, not gold), with its sentence."""

    kind: ErrorKind
    article: str
    predicate: str
    subject: str
    object: str
    sentence: str | None = None
    why: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "article": self.article,
            "predicate": self.predicate,
            "subject": self.subject,
            "object": self.object,
            "sentence": self.sentence,
            "why": self.why,
        }


@dataclass
class Report:
    """The result of one evaluation: a score per measure, the errors, and free-form notes.

    ``judged`` holds each distinct scored fact with its confidence and verdict, from which
    :meth:`render` and :meth:`to_dict` show how well confidence is calibrated.
    """

    name: str
    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[ErrorCase] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)
    judged: list[Judged] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        """The sum of all measures' counts (micro-averaging)."""
        total = Score()
        for score in self.scores.values():
            total = total + score
        return total

    @property
    def misses(self) -> list[ErrorCase]:
        return [error for error in self.errors if error.kind == "miss"]

    @property
    def false_alarms(self) -> list[ErrorCase]:
        return [error for error in self.errors if error.kind == "false_alarm"]

    def to_dict(self, include_errors: bool = False) -> dict[str, Any]:
        """A JSON-ready summary; ``include_errors`` adds every error case."""
        summary: dict[str, Any] = {
            "name": self.name,
            "scores": {measure: score.to_dict() for measure, score in self.scores.items()},
            "micro": self.micro.to_dict(),
            "counts": {
                "misses": len(self.misses),
                "false_alarms": len(self.false_alarms),
            },
            "notes": self.notes,
        }
        if self.judged:
            summary["calibration"] = calibration_summary(self.judged)
        if include_errors:
            summary["errors"] = [error.to_dict() for error in self.errors]
        return summary

    def render(self, console: Console, show_errors: bool = False) -> None:
        """Print the score table and, with ``show_errors``, every miss and false alarm."""
        console.print(self._score_table())
        if self.judged:
            console.print(reliability_rich_table(self.judged))
        if show_errors:
            self._render_errors(console)

    def _score_table(self) -> Table:
        table = Table(title=f"Evaluation: {self.name}")
        table.add_column("measure")
        for column in ("P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(column, justify="right")
        for measure, score in self.scores.items():
            table.add_row(measure, *_score_cells(score))
        table.add_row("micro", *_score_cells(self.micro), style="bold")
        return table

    def _render_errors(self, console: Console) -> None:
        for title, cases in (("Misses", self.misses), ("False alarms", self.false_alarms)):
            console.print(f"[bold]{title}[/bold] ({len(cases)})")
            for case in cases:
                console.print(_describe_error(case), markup=False, highlight=False)


def _score_cells(score: Score) -> list[str]:
    return [
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
        str(score.tp),
        str(score.fp),
        str(score.fn),
    ]


def _describe_error(case: ErrorCase) -> str:
    line = f"  [{case.article}] {case.subject} --{case.predicate}--> {case.object}"
    if case.why:
        line += f"  ({case.why})"
    if case.sentence:
        line += f"\n      \u201c{case.sentence}\u201d"
    return line
