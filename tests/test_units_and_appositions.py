"""A unit said in words to be part of its state's forces is in them ("X, which is part of
the armed forces", "X, a unit within Y", "X forms part of Y", "X serves under Y"); a
group's unit named by its parent ("X, a JNIM unit"); an apposition the parse hung on the
verb ("blamed X, the armed wing of Y, for ..."); and a cue whose clause the path leaves by
"and" ("pledged allegiance to X and is known as Y"). Sentences written for these tests:
other names, other orders, and negatives.
"""

from __future__ import annotations

import pytest

from extracted import has_pair_named, linked, pairs


@pytest.mark.parametrize(
    ("text", "unit", "parent"),
    [
        (
            "The Special Operations Group, which is part of the Jammu and Kashmir Police, "
            "raided a house in Sopore.",
            "Special Operations Group",
            "Jammu and Kashmir Police",
        ),
        (
            "The Border Guard Police, an elite unit within the Myanmar Police Force, "
            "guarded the bridge.",
            "Border Guard Police",
            "Myanmar Police Force",
        ),
        (
            "The Rapid Deployment Unit forms part of the Kenya Police Service.",
            "Rapid Deployment Unit",
            "Kenya Police Service",
        ),
        (
            "The Afghan Local Police is part of the Ministry of Interior.",
            "Afghan Local Police",
            "Ministry of Interior",
        ),
    ],
)
def test_a_unit_said_to_be_in_its_states_forces_is_their_ally(
    nlp, text: str, unit: str, parent: str
) -> None:
    found = pairs(nlp, text, "alliedWith")
    assert has_pair_named(found, unit, parent), found


@pytest.mark.parametrize(
    "text",
    [
        "The Special Operations Group took part in a raid with the Jammu and Kashmir Police.",
        "The Special Operations Group of the Jammu and Kashmir Police raided a house.",
    ],
)
def test_taking_part_or_a_name_of_is_no_membership(nlp, text: str) -> None:
    assert not pairs(nlp, text, "alliedWith")


@pytest.mark.parametrize(
    ("text", "unit", "parent"),
    [
        ("Katiba Hanifa, a JNIM unit, attacked the convoy.", "Katiba Hanifa", "Nusrat"),
        (
            "The Hamza Division, a Syrian National Army faction, shelled the village.",
            "Hamza Division",
            "Syrian National Army",
        ),
    ],
)
def test_a_unit_named_by_its_parent_is_its_ally(nlp, text: str, unit: str, parent: str) -> None:
    found = pairs(nlp, text, "alliedWith")
    assert has_pair_named(found, unit, parent), found


@pytest.mark.parametrize(
    ("text", "wing", "parent"),
    [
        (
            "Officials blamed the Izz ad-Din al-Qassam Brigades, the armed wing of Hamas, for "
            "the rocket fire.",
            "Izz ad-Din al-Qassam Brigades",
            "Hamas",
        ),
        (
            "Security forces blamed the People's Liberation Guerrilla Army (PLGA), the armed "
            "wing of the CPI (Maoist), for Sunday's blast.",
            "People's Liberation Guerrilla Army",
            "Communist Party of India (Maoist)",
        ),
        (
            "Police accused the Ambazonia Defence Forces (ADF), the armed wing of the "
            "Ambazonia Governing Council, of the kidnapping.",
            "Ambazonia Defence Forces",
            "Ambazonia Governing Council",
        ),
    ],
)
def test_an_apposition_hung_on_the_verb_still_describes_the_name(
    nlp, text: str, wing: str, parent: str
) -> None:
    assert linked(nlp, text, "alliedWith", wing, parent)


def test_a_second_object_that_is_no_apposition_is_no_branch(nlp) -> None:
    text = "Officials blamed the Izz ad-Din al-Qassam Brigades for the attack and the armed wing of Hamas for the rockets."
    # no comma right after the first name: two objects, said apart
    assert not linked(nlp, text, "alliedWith", "Izz ad-Din al-Qassam Brigades", "Hamas")


def test_a_pledge_says_nothing_of_the_name_the_group_is_known_by(nlp) -> None:
    text = (
        "Troops attacked fighters of Jamaat Ansar al-Sunna, a group that pledged allegiance "
        "to the Islamic State and is known locally as the Ansar Group."
    )
    found = pairs(nlp, text, "alliedWith")
    assert not any("Ansar Group" in " ".join(pair) for pair in found), found
