"""A one-word province of another country than the one the article is mostly about.

The article's country is a guess from the names it uses most. A province of another
country counts when its name has several words, or, however short, when the article
names that country too: a report on Russian troops that cites Ukraine's emergency
service places shelling of "Kharkiv" in Ukraine's Kharkiv oblast. With the country not
named, a single word stays too weak to leave the guessed country for.
"""

from __future__ import annotations

import pytest
from tests.test_event_places import located

NAMED_ABROAD = [
    pytest.param(
        "Russian troops pushed west on Tuesday, Russia's defence ministry said. Russian "
        "artillery shelled Kharkiv overnight, killing two people, according to Ukraine's "
        "emergency service. Russian officials said the operation would continue.",
        "UA-63",
        id="Kharkiv, Ukraine named as the source",
    ),
    pytest.param(
        "Sudan's army said its aircraft had bombed RSF positions, and Sudanese officials "
        "accused the RSF of looting. On Sunday, gunmen attacked a refugee camp in Ouaddai, "
        "killing five people, Chad's government said. Sudan's RSF denied any role.",
        "TD-OD",
        id="Ouaddai, Chad named by its government",
    ),
    pytest.param(
        "Russian forces said they had taken a village, and Russia's defence ministry "
        "released a video. The Ukrainian Air Force said a Russian drone had hit a power "
        "station in Zaporizhzhia on Friday. Russian bloggers praised the advance.",
        "UA-23",
        id="Zaporizhzhia, the country in an organisation's demonym",
    ),
]


@pytest.mark.parametrize(("text", "code"), NAMED_ABROAD)
def test_a_short_province_name_counts_when_the_article_names_its_country(nlp, text, code):
    assert code in located(nlp, text)


def test_a_short_foreign_name_is_not_followed_abroad_unless_that_country_is_named(nlp):
    text = (
        "Russian troops pushed west on Tuesday, Russia's defence ministry said. Russian "
        "artillery shelled Kharkiv overnight, killing two people, local officials said. "
        "Russian officials said the operation would continue."
    )
    assert "UA-63" not in located(nlp, text)


def test_the_article_s_own_province_still_wins_over_a_named_country(nlp):
    # Nimroz is Afghan; that Iran is named does not move an Afghan town's attack abroad
    text = (
        "Afghan officials said Iranian border guards had closed a crossing. Gunmen attacked "
        "a police post in Zaranj, the capital of Nimroz, killing three officers, Afghan police "
        "said. Iran's foreign ministry called for calm."
    )
    assert located(nlp, text) == {"AF-NIM"}
