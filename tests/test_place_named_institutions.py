"""Universities, colleges and hospitals named after their city: "Addis Ababa University".

The province matcher takes "Addis Ababa" and leaves "University" behind, so a
researcher's institution was lost. A place's name followed by one of these words names
the institution (as it does "Kharkiv Regional Military Administration"); the place still
counts for an event that happens there.
"""

from __future__ import annotations

import pytest
from tests.extracted import facts
from tests.test_event_places import located


@pytest.mark.parametrize(
    ("text", "person", "institution"),
    [
        pytest.param(
            "Selamawit Haile, a political scientist at Addis Ababa University, said the "
            "talks had failed.",
            "Selamawit Haile",
            "Addis Ababa University",
            id="university after a two-word city",
        ),
        pytest.param(
            "Ahmad Wali, a professor at Kabul University, said the talks had failed.",
            "Ahmad Wali",
            "Kabul University",
            id="university after a one-word city",
        ),
        pytest.param(
            "Dr Jean Pierre, a surgeon at the Mirebalais University Hospital, said two nurses "
            "had been kidnapped.",
            "Jean Pierre",
            "Mirebalais University Hospital",
            id="university hospital",
        ),
    ],
)
def test_a_place_named_institution_is_the_person_s(nlp, text, person, institution):
    assert (person, institution) in facts(nlp, text, "affiliatedWith")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Gunmen attacked the Kunduz Hospital on Sunday, killing four.", "AF-KDZ"),
        ("Militants stormed Kabul University on Monday, killing 22 students.", "AF-KAB"),
    ],
)
def test_an_attack_on_the_institution_is_still_placed_in_its_province(nlp, text, code):
    assert code in located(nlp, text)
