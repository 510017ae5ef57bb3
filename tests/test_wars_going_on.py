"""A war going on is no event of the day.

News tells the day's fighting in the past ("fought", "clashed"), and who is at war with
whom in the simple present or the present perfect ("the army fights the ADF", "JNIM has
clashed with the ISSP"). Those sentences say who the enemies are, not where something
happened that day, so they place no event; a headline's present, a past perfect in
reported speech and a perfect dated to a day still report the news.
"""

from __future__ import annotations

import pytest
from tests.test_event_places import located

from actorgraph.extractors.article import extract_article
from actorgraph.model import Article

A_WAR_GOING_ON = [
    pytest.param(
        "Gunmen killed four soldiers in Ituri province on Sunday, the army said. The army "
        "fights the ADF in North Kivu with the help of Ugandan troops.",
        "CD-NK",
        id="simple present, singular",
    ),
    pytest.param(
        "Al-Shabaab fighters attacked a base in Lower Shabelle on Monday, officials said. "
        "Kenyan troops fight the group in Gedo alongside Somali soldiers.",
        "SO-GE",
        id="simple present, plural",
    ),
    pytest.param(
        "Jihadists attacked an army post near Boni, in Mopti region, on Sunday. JNIM has "
        "also clashed with the Islamic State in Gao region over grazing land.",
        "ML-7",
        id="present perfect of clash",
    ),
    pytest.param(
        "A roadside bomb killed two guards in Hasakah province on Tuesday. Kurdish-led forces "
        "have battled Islamic State cells in Deir ez-Zor province for control of oil fields.",
        "SY-DY",
        id="present perfect of battle",
    ),
]


@pytest.mark.parametrize(("text", "not_there"), A_WAR_GOING_ON)
def test_a_war_told_in_the_present_or_perfect_places_no_event(nlp, text, not_there):
    assert not_there not in located(nlp, text)
    assert located(nlp, text)  # the day's own event is still placed


THE_DAY_S_FIGHTING = [
    pytest.param(
        "Troops fought ADF militants in North Kivu on Sunday, killing nine, the army said.",
        "CD-NK",
        id="simple past",
    ),
    pytest.param(
        "The rebels said on Friday that their fighters had clashed with the army near Zouar "
        "in Tibesti province, killing four soldiers.",
        "TD-TI",
        id="past perfect in reported speech",
    ),
    pytest.param(
        "Nigerian troops have clashed with jihadists in Borno state overnight, killing 12 of "
        "them, the army said.",
        "NG-BO",
        id="perfect dated to the night",
    ),
    pytest.param(
        "Troops Fight Taliban In Kunduz\n\nOfficials said the fighting would go on.",
        "AF-KDZ",
        id="a headline's present",
    ),
]


@pytest.mark.parametrize(("text", "code"), THE_DAY_S_FIGHTING)
def test_the_day_s_fighting_is_still_placed(nlp, text, code):
    assert code in located(nlp, text)


def involved(nlp, text: str) -> set[str]:
    """The names of those who take part in the report's events, in any role."""
    extraction = extract_article(Article("report", text), nlp(text))
    by_id = {entity.id: entity for entity in extraction.entities}
    roles = ("involves", "perpetrator", "target")
    return {by_id[f.object].name for f in extraction.facts if f.predicate.value in roles}


def test_the_sides_of_a_war_going_on_take_no_part_in_the_day_s_event(nlp):
    text = (
        "Gunmen killed four soldiers in Ituri province on Sunday, the army said. Kenyan "
        "troops fight al-Shabaab in Somalia. JNIM has also clashed with the Islamic State "
        "in Mali."
    )
    names = involved(nlp, text)
    assert not names & {"al-Shabaab", "Jama'at Nusrat al-Islam wal-Muslimin", "Islamic State"}


def test_a_group_named_after_the_event_still_takes_part_in_it(nlp):
    text = (
        "Gunmen killed four soldiers in Ituri province on Sunday, the army said. The army "
        "blamed the Allied Democratic Forces for the ambush."
    )
    assert "Allied Democratic Forces" in involved(nlp, text)
