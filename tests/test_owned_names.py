"""Leaders written as owners: "Riek Machar's SPLM-IO", and "ORG, a NOUN whose ROLE is X".

A person who owns an organisation's name leads or belongs to it, whatever its head word:
an acronym or a proper name as well as "group", "party" or "movement". A relative clause
on a noun in apposition to the name ("an umbrella group whose chairman is X") names the
holder as one on the name does. Variations and negatives are written for these tests.
"""

from __future__ import annotations

import pytest
from tests.extracted import linked


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "The SPLA-IO, the armed wing of First Vice-President Riek Machar's SPLM-IO, "
            "denied any links with the White Army.",
            "Riek Machar",
            "SPLM-IO",
        ),
        ("Khalifa Haftar's LNA shelled the airport on Sunday.", "Khalifa Haftar", "LNA"),
        (
            "Analysts expect Yoweri Museveni's National Resistance Movement to win the vote.",
            "Yoweri Museveni",
            "National Resistance Movement",
        ),
        ("Fighters of Joseph Kony's LRA raided the village.", "Joseph Kony", "LRA"),
        (
            "Fighters of Mokhtar Belmokhtar's Al-Mourabitoun ambushed the convoy near Gao.",
            "Mokhtar Belmokhtar",
            "Al-Mourabitoun",
        ),
    ],
)
def test_a_person_s_organisation_is_theirs(nlp, text: str, person: str, organisation: str) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Reporters asked about Ahmed Shah's Reuters interview.",
            "Ahmed Shah",
            "Reuters",
        ),
        (
            "Haftar's rival, the Government of National Unity, rejected the plan.",
            "Haftar",
            "Government of National Unity",
        ),
    ],
)
def test_an_owner_of_something_else_is_no_member(nlp, text, person, organisation) -> None:
    assert not linked(nlp, text, "affiliatedWith", person, organisation)


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "Fighters of Jaish al-Adl, a Sunni militant group whose founder is Abdolmalek "
            "Rigi, attacked a border post.",
            "Abdolmalek Rigi",
            "Jaish al-Adl",
        ),
        (
            "The attack was claimed by the Mujahideen Shura Council, an alliance whose "
            "spokesman is Abu Bakr Hassan.",
            "Abu Bakr Hassan",
            "Mujahideen Shura Council",
        ),
        (
            "Police arrested members of Los Lobos, a criminal gang whose leader is Carlos "
            "Andrade.",
            "Carlos Andrade",
            "Los Lobos",
        ),
    ],
)
def test_whose_role_is_on_a_noun_in_apposition(nlp, text, person, organisation) -> None:
    assert linked(nlp, text, "affiliatedWith", person, organisation)


def test_whose_victim_is_on_a_noun_in_apposition_is_no_member(nlp) -> None:
    text = (
        "Police arrested members of Los Lobos, a criminal gang whose latest victim is "
        "Carlos Andrade."
    )
    assert not linked(nlp, text, "affiliatedWith", "Carlos Andrade", "Los Lobos")
