"""Two organisations listed as the doers of one act are on one side ("soldiers of X and Y
arrested ...", "X fighters and units of Y attacked ..."), unless the act has two sides,
the list is distributive, the list is acted on, or the act is denied or only possible.
Sentences written for these tests: other names, other orders, and negatives.
"""

from __future__ import annotations

import pytest

from extracted import has_pair_named, linked, pairs


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Fighters of the Kurdistan Workers' Party and members of the Sinjar Resistance "
            "Units attacked a checkpoint near Sinjar on Monday.",
            "Kurdistan Workers' Party",
            "Sinjar Resistance Units",
        ),
        (
            "The Somali National Army and the Jubaland Security Forces recaptured the town "
            "of Bardhere on Friday.",
            "Somali National Army",
            "Jubaland Security Forces",
        ),
        (
            "On Sunday, Afghan National Army soldiers and Afghan National Police officers "
            "repelled an assault on a checkpoint in Kandahar.",
            "Afghan National Army",
            "Afghan National Police",
        ),
        (
            "Kenyan Army troops and agents of the National Intelligence Service detained "
            "three suspects in Garissa.",
            "Kenya Defence Forces",
            "National Intelligence Service",
        ),
        (
            "The Iraqi Counter-Terrorism Service and the Peshmerga conducted an offensive "
            "against Islamic State hideouts near Makhmour.",
            "Counter-Terrorism Service",
            "Peshmerga",
        ),
        (
            "Soldiers of the Ugandan army and the South Sudan People's Defence Forces "
            "ambushed a rebel column near Yei.",
            "Uganda People's Defence Force",
            "South Sudan People's Defence Forces",
        ),
    ],
)
def test_two_doers_of_one_act_are_allies(nlp, text: str, first: str, second: str) -> None:
    found = pairs(nlp, text, "alliedWith")
    assert has_pair_named(found, first, second), found


@pytest.mark.parametrize(
    "text",
    [
        # two sides of their own
        "The Kachin Independence Army and the Arakan Army clashed near Paletwa on Monday.",
        "The Kachin Independence Army and the Arakan Army fought each other near Paletwa.",
        # distributive
        "The Kachin Independence Army and the Arakan Army have both attacked police posts.",
        "Both the Kachin Independence Army and the Arakan Army attacked police posts.",
        "The Kachin Independence Army and the Arakan Army carried out separate attacks.",
        # acted on, not acting
        "The Kachin Independence Army and the Arakan Army were attacked by military jets.",
        "Officials accused the Kachin Independence Army and the Arakan Army of attacking "
        "police posts.",
        # no act of violence or of an operation
        "The Kachin Independence Army and the Arakan Army said on Monday that talks failed.",
        # only possible, or denied
        "The Kachin Independence Army and the Arakan Army could attack police posts soon.",
        "The Kachin Independence Army and the Arakan Army did not attack the police posts.",
    ],
)
def test_no_alliance_when_the_doers_did_not_act_together(nlp, text: str) -> None:
    assert not linked(nlp, text, "alliedWith", "Kachin Independence Army", "Arakan Army")


def test_a_state_force_and_insurgents_listed_as_killers_are_no_allies(nlp) -> None:
    text = (
        "Government troops of the Sudanese Armed Forces and fighters of the Sudan "
        "Liberation Army killed dozens of civilians in Darfur last year."
    )
    assert not linked(nlp, text, "alliedWith", "Sudanese Armed Forces", "Sudan Liberation Army")


def test_a_third_party_the_list_attacks_is_no_ally(nlp) -> None:
    text = "Fighters of the Kurdistan Workers' Party and members of the Sinjar Resistance Units attacked the Islamic State near Sinjar."
    found = pairs(nlp, text, "alliedWith")
    assert not any("Islamic State" in pair for pair in found), found
