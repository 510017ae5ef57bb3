"""A person's name whose last word is also a group's name: "Abdulmalik al-Houthi".

The NER may end a person's name on "al-" and leave the word written onto it to the
curated list, which knows "Houthi" as the Houthis. A word joined to a name's particle by
a hyphen, with no space on either side, belongs to the name; a group written with its
own "al-" and no person before it is still the group.
"""

from __future__ import annotations

import pytest
from tests.extracted import entity_names, facts


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis, whose leader is Abdulmalik al-Houthi, have received missiles from Iran.",
        "The Houthis, whose supreme leader is Abdulmalik al-Houthi, fired drones at ships.",
    ],
)
def test_a_leader_named_after_his_group_is_its_member(nlp, text):
    assert ("Abdulmalik al-Houthi", "Houthis") in facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    "text",
    [
        "Abdulmalik al-Houthi, the Houthi leader, gave a speech on Thursday.",
        "Yahya al-Houthi, a brother of the group's leader, said talks had failed.",
    ],
)
def test_the_whole_name_is_one_person(nlp, text):
    people = entity_names(nlp, text, "Person")
    assert any(name.endswith("al-Houthi") for name in people)


def test_a_group_written_with_its_own_al_is_still_the_group(nlp):
    text = "Fighters of al-Shabaab attacked a base near Mogadishu on Sunday."
    names = entity_names(nlp, text)
    assert "Al-Shabaab" in names
