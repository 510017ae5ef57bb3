"""A place that names an agreement or a meeting places nothing: "the Pretoria peace
agreement", "the Doha talks", "the Minsk accords". A place that modifies where something
is ("the Kandahar airport", "the Mosul dam") still does."""

from __future__ import annotations

import pytest
from tests.test_event_places import located


@pytest.mark.parametrize(
    ("text", "abroad"),
    [
        pytest.param(
            "Ethiopian officials said fighting with Fano resumed on Sunday, months after "
            "the Pretoria peace agreement, and killed 12 people.",
            "ZA-GP",
            id="peace agreement",
        ),
        pytest.param(
            "Malian officials said rebels attacked an army convoy on Sunday, days after the "
            "Algiers talks broke down, killing four soldiers.",
            "DZ-16",
            id="talks",
        ),
        pytest.param(
            "Somali officials said al-Shabaab attacked a base on Sunday, a week after the "
            "Nairobi conference on security, killing four soldiers.",
            "KE-30",
            id="conference",
        ),
    ],
)
def test_a_place_naming_an_accord_places_no_event(nlp, text, abroad):
    assert abroad not in located(nlp, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Rebels attacked the Kandahar airport on Sunday.", "AF-KAN"),
        ("Gunmen attacked the Mosul dam on Sunday.", "IQ-NI"),
    ],
)
def test_a_place_naming_where_something_is_still_places(nlp, text, code):
    assert code in located(nlp, text)
