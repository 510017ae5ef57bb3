"""Towns abroad, and names that are no place at all.

When the article's country has no town of a name, a known town of another country may be
where it happened ("Russian troops shelled Nikopol"). GeoNames lists many spellings of big
cities, though, and a small town's name is often one of them: "Mambasa", a town of Ituri
too small for the gazetteer, is also a spelling of Kenya's Mombasa. A town abroad now
counts when it is spelled as written or lies in a country the article names. And a place
entity wholly in lower case is the NER's slip ("canton" in "the Simón Bolívar canton"),
never a place: GeoNames knows "Canton" as Guangzhou.
"""

from __future__ import annotations

import pytest
from tests.test_event_places import located

from actorgraph.extractors.events.places import _place_entities


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Lieutenant Colonel Jules Ngongo, the FARDC spokesman in Ituri, said troops had "
            "arrested six suspected ADF collaborators in Mambasa.",
            id="arrests in Mambasa",
        ),
        pytest.param(
            "ADF fighters killed nine farmers near Mambasa on Sunday, Congolese officials "
            "said, and the FARDC sent reinforcements.",
            id="killings near Mambasa",
        ),
    ],
)
def test_a_foreign_city_s_other_spelling_is_not_taken_for_a_local_town(nlp, text):
    assert "KE-28" not in located(nlp, text)


def test_a_town_abroad_spelled_as_written_still_counts(nlp):
    text = "Russian troops shelled Nikopol overnight, Russian military bloggers said."
    assert "UA-12" in located(nlp, text)


def test_a_foreign_spelling_counts_in_a_country_the_article_names(nlp):
    text = (
        "Russian artillery shelled Kiev overnight, killing two people, Ukraine's emergency "
        "service said. Russian officials denied it."
    )
    assert located(nlp, text) & {"UA-30", "UA-32"}


def test_a_lower_case_place_entity_is_no_place(nlp):
    doc = nlp.make_doc("Soldiers raided a hideout in the Simon Bolivar canton on Saturday.")
    canton = doc.char_span(doc.text.index("canton"), doc.text.index("canton") + 6, "GPE")
    bolivar = doc.char_span(doc.text.index("Simon"), doc.text.index(" canton"), "GPE")
    doc.ents = [bolivar, canton]
    assert [e.text for e in _place_entities(doc)] == ["Simon Bolivar"]
