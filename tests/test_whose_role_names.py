"""The name a "whose <role> is" clause gives is a person's, whatever the NER made of it.

The small model reads some Arabic names as places ("Hadi al-Amiri" as a GPE). When the
clause says the name holds a person's role in the group ("whose secretary-general is",
"whose emir is"), the name is a person and the group's member; a clause that names a
place ("whose headquarters is Baghdad") makes no person.
"""

from __future__ import annotations

import pytest
from tests.extracted import entity_names, facts


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        pytest.param(
            "The Badr Organisation, whose secretary-general is Hadi al-Amiri, denied the claim.",
            "Hadi al-Amiri",
            "Badr Organisation",
            id="secretary-general",
        ),
        pytest.param(
            "Kataib Hezbollah, whose emir is Abu Hussein al-Hamidawi, denied the claim.",
            "Abu Hussein al-Hamidawi",
            "Kata'ib Hezbollah",
            id="emir",
        ),
    ],
)
def test_the_holder_of_a_role_is_a_member(nlp, text, person, group):
    assert (person, group) in facts(nlp, text, "affiliatedWith")


def test_a_place_named_by_whose_is_no_person(nlp):
    text = "The Badr Organisation, whose headquarters is Baghdad, denied the claim."
    assert entity_names(nlp, text, "Person") == set()
