"""The country of a wire's dateline city.

Wires open with the city they are filed from ("OUAGADOUGOU, June 3 (AFP) -"), and a
capital or a large city is as plain a statement of the country as its name would be. It
decides where the report's towns are looked up, so a report from Bamako that quotes
Russian and French officials still places its villages in Mali. A dateline that names its
country too ("TRIPOLI, Lebanon") is read by that name, and a city of a name that several
countries share says nothing.
"""

from __future__ import annotations

import pytest
from tests.test_event_places import located

from actorgraph.gazetteers.places import load_gazetteer


@pytest.mark.parametrize(
    ("city", "country"),
    [
        ("OUAGADOUGOU", "BF"),
        ("Bamako", "ML"),
        ("N'DJAMENA", "TD"),
        ("Addis Ababa", "ET"),
        ("MAIDUGURI", "NG"),  # no capital, but far larger than any namesake
        ("Goma", "CD"),
    ],
)
def test_a_capital_or_a_large_city_names_its_country(city, country):
    assert load_gazetteer().dateline_country(city) == country


@pytest.mark.parametrize("city", ["Pattani", "Gao", "Barsalogho", "Reuters", ""])
def test_a_small_or_unknown_city_names_no_country(city):
    assert load_gazetteer().dateline_country(city) is None


def country_hint(nlp, text: str) -> str | None:
    return nlp.get_pipe("actorgraph_events").places.country_hint(nlp(text))


FOREIGN_VOICES = [
    pytest.param(
        "BAMAKO, March 4 (Reuters) - Gunmen attacked a checkpoint near Boni on Sunday, a "
        "Russian military blogger said. France's foreign ministry condemned the attack, and "
        "Russian instructors visited the area.",
        "ML",
        id="Bamako, Russia and France quoted",
    ),
    pytest.param(
        "OUAGADOUGOU, June 3 (AFP) - Jihadists overran an army post outside Djibo on Sunday. "
        "The junta has deepened its ties with Russia's Africa Corps, and Russian advisers "
        "trained militia units in Kaya, a Russian diplomat said.",
        "BF",
        id="Ouagadougou, Russia named twice",
    ),
    pytest.param(
        "NIAMEY (AFP) - Soldiers repelled an attack near Torodi, the army said. Officials "
        "in Algeria and Algerian diplomats said the border stayed open; an Algerian "
        "minister travelled to the frontier.",
        "NE",
        id="Niamey without a date, Algeria named thrice",
    ),
]


@pytest.mark.parametrize(("text", "country"), FOREIGN_VOICES)
def test_the_dateline_city_outvotes_countries_quoted_in_the_story(nlp, text, country):
    assert country_hint(nlp, text) == country


def test_a_dateline_naming_its_country_is_read_by_that_name(nlp):
    # Tripoli is Libya's capital; this one is Lebanon's second city
    text = (
        "TRIPOLI, Lebanon, May 2 (Reuters) - Gunmen clashed in Bab al-Tabbaneh overnight, "
        "a security source said."
    )
    assert country_hint(nlp, text) == "LB"


def test_a_city_opening_an_ordinary_sentence_is_no_dateline(nlp):
    text = (
        "Paris hosted talks on Mali's crisis on Monday, where officials from Mali met "
        "envoys of the junta. Mali's foreign minister said the talks went well."
    )
    assert country_hint(nlp, text) == "ML"


def test_towns_of_a_report_filed_from_a_capital_are_placed_in_its_country(nlp):
    text = (
        "OUAGADOUGOU, June 3 (AFP) - A fuel convoy struck a roadside bomb near Barsalogho, "
        "in Sanmatenga province, on Saturday, wounding seven people. Russia's Africa Corps "
        "has trained militia units in Kaya, and Russian advisers visit them often."
    )
    assert "BF-05" in located(nlp, text)
