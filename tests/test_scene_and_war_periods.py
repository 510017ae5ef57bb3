"""Two things that must not place an event: a place named as an opponent, and a war.

A place after "against" ("join forces with Fano against Addis Ababa") stands for the
government seated there; it sets no scene that later events of the story inherit. And
a fight "during the 2020-22 war" is history, like one "throughout the war"; a fight
"during the night" is the news.
"""

from __future__ import annotations

import pytest
from tests.test_event_places import located


def test_a_place_named_as_an_opponent_sets_no_scene(nlp):
    text = (
        "In Oromia, the OLA has waged an insurgency since 2018. Its commander said the OLA "
        "could join forces with Fano against Addis Ababa. On Tuesday, gunmen abducted a "
        "dozen students from a bus near Dembi Dollo, and officials blamed the OLA."
    )
    assert "ET-AA" not in located(nlp, text)


def test_a_place_the_story_is_set_in_still_sets_the_scene(nlp):
    text = (
        "Fighting spread in Addis Ababa's outskirts on Monday, residents said. On Tuesday, "
        "gunmen abducted a dozen students from a bus, and officials blamed the OLA."
    )
    assert "ET-AA" in located(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Police said two men were killed in Gondar on Monday. During the 2020-22 war, Fano "
        "militias fought the TPLF in Tigray alongside the army.",
        "Police said two men were killed in Gondar on Monday. During the conflict, rebels "
        "attacked Mekelle in Tigray several times.",
    ],
)
def test_fighting_during_a_war_is_history(nlp, text):
    assert "ET-TI" not in located(nlp, text)


def test_fighting_during_the_night_is_the_news(nlp):
    text = "During the night, rebels attacked an army post near Mekelle in Tigray, killing four."
    assert "ET-TI" in located(nlp, text)
