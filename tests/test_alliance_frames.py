"""Sides read through the frames wire copy puts around a pair: a dateline before the story,
a participle clause ("X, fighting alongside Y, retook ..."), a joint operation, the members
of a coalition listed after it. Each rule comes with variations and a negative written for
these tests, not taken from a gold set.
"""

from __future__ import annotations

import pytest
from tests.test_alliance_sides import pair, pairs

# -- a dateline is no part of the story's first sentence ----------------------------------


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("Headline\nQAMISHLI, Syria — The SDF raided a hideout.", "The SDF raided a hideout."),
        ("MOSUL, Iraq – Iraqi forces killed four militants.", "Iraqi forces killed four militants."),
        ("KABUL, Afghanistan (Jan. 25) - ISAF forces detained a leader.", "ISAF forces detained a leader."),
        ("PORT SUDAN (AFP) — The army said it held the city.", "The army said it held the city."),
    ],
)
def test_a_datelines_dash_starts_the_story(nlp, text: str, story: str) -> None:
    assert story in [sentence.text for sentence in nlp(text).sents]


@pytest.mark.parametrize(
    "text",
    [
        "Guanajuato: gunmen killed five people in Celaya on Sunday.",
        "KUNDUZ-BASED militants - the police said - attacked a checkpoint.",
    ],
)
def test_a_topic_label_or_a_dash_inside_the_story_is_no_dateline(nlp, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


def test_the_story_after_a_dateline_keeps_its_subject(nlp) -> None:
    text = (
        "QAMISHLI, Syria — The Syrian Democratic Forces, in a joint operation with the "
        "US-led coalition, raided an Islamic State hideout on Wednesday."
    )
    assert pair("Syrian Democratic Forces", "Global Coalition to Defeat ISIS") in pairs(
        nlp, text, "alliedWith"
    )


# -- "A, fighting alongside C, retook the town from B" -----------------------------------

PARTICIPLE_COMPANIONS = [
    (
        "Somali National Army troops, fighting alongside Macawisley militias, recaptured "
        "three villages from al-Shabaab on Tuesday.",
        "Somali National Army",
        "Macawisley",
        "Al-Shabaab",
    ),
    (
        "Hezbollah, fighting alongside the Syrian Arab Army, retook Qusayr from the Free "
        "Syrian Army in 2013.",
        "Hezbollah",
        "Syrian Arab Army",
        "Free Syrian Army",
    ),
    (
        "The Nigerian Army, battling beside the Civilian Joint Task Force, drove Boko Haram "
        "out of two villages.",
        "Nigerian Army",
        "Civilian Joint Task Force",
        "Boko Haram",
    ),
]


@pytest.mark.parametrize(("text", "actor", "companion", "enemy"), PARTICIPLE_COMPANIONS)
def test_a_companion_in_a_participle_clause_shares_the_actors_side(
    nlp, text: str, actor: str, companion: str, enemy: str
) -> None:
    allied = pairs(nlp, text, "alliedWith")
    assert pair(actor, companion) in allied
    assert pair(companion, enemy) not in allied


def test_a_participle_companion_fights_the_actors_enemy(nlp) -> None:
    text, _actor, companion, enemy = PARTICIPLE_COMPANIONS[0]
    assert pair(companion, enemy) in pairs(nlp, text, "opposes")


def test_a_participle_without_a_companion_makes_no_ally(nlp) -> None:
    text = "Somali National Army troops, fighting al-Shabaab, recaptured three villages."
    assert not pairs(nlp, text, "alliedWith")


# -- "A, fighting B alongside C": the parse hangs "alongside C" on B ---------------------


@pytest.mark.parametrize(
    ("text", "actor", "companion"),
    [
        (
            "The Sudanese Armed Forces, who are fighting the Rapid Support Forces alongside "
            "the Sudan Liberation Movement, held the city.",
            "Sudanese Armed Forces",
            "Sudan Liberation Movement",
        ),
        (
            "The Taliban attacked the Afghan National Army alongside the Haqqani Network.",
            "Taliban",
            "Haqqani network",
        ),
    ],
)
def test_alongside_hung_on_the_enemy_still_joins_the_actor(
    nlp, text: str, actor: str, companion: str
) -> None:
    assert pair(actor, companion) in pairs(nlp, text, "alliedWith")


# -- joint operations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "The Nigerian Army, in a joint operation with the Civilian Joint Task Force, killed "
            "12 Boko Haram fighters near Bama.",
            ("Nigerian Army", "Civilian Joint Task Force"),
        ),
        (
            "The Kenya Defence Forces, during a combined raid with the Somali National Army, "
            "seized an al-Shabaab base.",
            ("Kenya Defence Forces", "Somali National Army"),
        ),
        (
            "Ukraine's military intelligence agency (GUR) said that, in a joint operation with "
            "the Security Service of Ukraine, it had hit an ammunition depot.",
            ("Defence Intelligence of Ukraine", "Security Service of Ukraine"),
        ),
    ],
)
def test_a_joint_operation_hung_on_the_actor_is_an_alliance(nlp, text: str, partners) -> None:
    assert pair(*partners) in pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    ("text", "acted_on", "partner"),
    [
        (
            "Kenyan police seized arms from al-Shabaab in a joint operation with the Somali "
            "National Army.",
            "Al-Shabaab",
            "Somali National Army",
        ),
        (
            "The Iraqi Army captured weapons from the Islamic State in a joint operation with "
            "the Peshmerga.",
            "Islamic State",
            "Peshmerga",
        ),
    ],
)
def test_who_a_joint_operation_acts_on_opposes_the_partner(
    nlp, text: str, acted_on: str, partner: str
) -> None:
    assert pair(acted_on, partner) not in pairs(nlp, text, "alliedWith")
    assert pair(acted_on, partner) in pairs(nlp, text, "opposes")


def test_seized_arms_are_no_arming(nlp) -> None:
    text = "Kenyan police seized arms from al-Shabaab near Lamu."
    assert not pairs(nlp, text, "alliedWith")


# -- the members of a coalition -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "umbrella", "members"),
    [
        (
            "The Joint Forces, a coalition of the Sudan Liberation Movement, the Justice and "
            "Equality Movement and the Sudan Liberation Army, defended El Fasher.",
            "Joint Forces",
            ["Sudan Liberation Movement", "Justice and Equality Movement"],
        ),
        (
            "The Azawad Liberation Front (FLA), a coalition of Tuareg-led movements that "
            "includes the National Movement for the Liberation of Azawad (MNLA), attacked a base.",
            "Azawad Liberation Front",
            ["National Movement for the Liberation of Azawad"],
        ),
    ],
)
def test_every_member_a_coalition_lists_is_in_it(
    nlp, text: str, umbrella: str, members: list[str]
) -> None:
    allied = pairs(nlp, text, "alliedWith")
    for member in members:
        assert pair(umbrella, member) in allied


def test_an_enemy_named_after_a_coalition_is_no_member(nlp) -> None:
    text = (
        "The Joint Forces, a coalition of the Sudan Liberation Movement, attacked the Rapid "
        "Support Forces and the Sudanese Armed Forces."
    )
    allied = pairs(nlp, text, "alliedWith")
    assert pair("Joint Forces", "Rapid Support Forces") not in allied
    assert pair("Sudan Liberation Movement", "Rapid Support Forces") not in allied
