"""The hand-written development sets as regression guards.

``tests/data/owndev2`` (14 articles), ``owndev3`` (18), ``owndev4`` (16, written in
session 22), ``owndev5`` (14, session 24), ``owndev6`` (14, session 25) and ``owndev7`` (14,
session 27), each first scored before any change of its session, were written by helpers who
did not read or run the extractors. Unlike the sealed sets, they are read while developing;
these floors sit a little under the scores measured when they were set, so a change that
loses ground on them fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph import evaluate

DATA = Path(__file__).parent / "data"

#: Micro F1 measured when set (session 22): owndev2 0.838, owndev3 0.781, owndev4 0.716;
#: (session 24) owndev5 0.715 before the session's changes, 0.720 after; (session 25)
#: owndev6 0.700, the same before and after that session's first four rules; (session 27)
#: owndev7 0.759 before the session's changes, 0.782 after.
FLOORS = {
    "owndev2": 0.82,
    "owndev3": 0.76,
    "owndev4": 0.70,
    "owndev5": 0.70,
    "owndev6": 0.68,
    "owndev7": 0.74,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_development_set_stays_above_its_floor(name: str) -> None:
    report = evaluate("gold", DATA / name / "gold", DATA / name / "corpus")
    assert report.micro.f1 >= FLOORS[name]
