"""Taking ground is fighting: "seized the town of X", "retook Kupiansk".

"Seize" and "capture" were read only for people ("seized two suspects"), so a town taken
was no event at all. Their objects now decide: people make a capture, ground (a town, a
base, a place the NER names) makes a clash, and things ("seized weapons") make nothing.
"""

from __future__ import annotations

import pytest
from tests.test_event_places import kinds, located


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(
            "Last week, Fano fighters briefly seized the town of Debre Tabor, in Amhara, "
            "residents said.",
            "ET-AM",
            id="seized the town of",
        ),
        pytest.param(
            "Troops recaptured Kupiansk in Kharkiv region on Monday, the army said.",
            "UA-63",
            id="recaptured a named town",
        ),
        pytest.param(
            "The army said it had retaken three villages in Borno state on Sunday.",
            "NG-BO",
            id="retaken villages",
        ),
        pytest.param(
            "JNIM fighters captured an army base near Boni, in Mopti region, on Sunday.",
            "ML-5",
            id="captured a base",
        ),
    ],
)
def test_ground_taken_is_a_clash_where_it_lies(nlp, text, code):
    assert code in located(nlp, text)
    assert "Clash" in kinds(nlp, text)


def test_people_seized_are_still_a_capture(nlp):
    text = "Police seized two suspects in Kano state on Monday, a spokesman said."
    assert kinds(nlp, text) == {"Capture"}


def test_things_seized_are_no_event(nlp):
    text = "Police seized weapons and ammunition in Kano state on Monday, a spokesman said."
    assert kinds(nlp, text) == set()
