"""People who left their organisation, and headlines that end where a dateline starts.

Variations and negatives written for these tests: a verb of leaving (desert, defect,
quit, resign, be expelled, surrender) or an "ex-" prefix ends the affiliation; "former"
alone, leaving a place, or giving up weapons does not.
"""

from __future__ import annotations

import pytest

from actorgraph.extractors.article import extract_article
from actorgraph.model import Article
from actorgraph.nlp.sentences import DATELINE_START


def affiliations(nlp, text: str) -> set[tuple[str, str]]:
    extraction = extract_article(Article("a", text), nlp(text))
    names = {entity.id: entity.name for entity in extraction.entities}
    return {
        (names[f.subject], names[f.object])
        for f in extraction.facts
        if f.predicate.value == "affiliatedWith"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Mustapha Bulama, a former ISWAP commander who surrendered to the military last year, "
        "said the group was recruiting.",
        "Carlos Marín, a former ELN commander who deserted the group in 2023, told reporters "
        "the guerrillas wanted the coca routes.",
        "Ahmed Ali, a senior al-Shabaab commander, defected from the group in 2019.",
        "Ex-Taliban commander Mullah Salam spoke to reporters.",
        "Hassan Nur, an al-Shabaab fighter who quit the movement in 2020, lives in Baidoa.",
    ],
)
def test_who_left_is_no_longer_affiliated(nlp, text: str) -> None:
    assert affiliations(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe, the UN envoy, left Kabul on Monday.", ("Jane Doe", "United Nations")),
        (
            "Ahmed Shah, a Taliban commander, surrendered his weapons to police.",
            ("Ahmed Shah", "Taliban"),
        ),
        (
            "Ali Khan, the Taliban's former governor of Kunar, was arrested.",
            ("Ali Khan", "Taliban"),
        ),
    ],
)
def test_leaving_a_place_or_former_alone_keeps_the_affiliation(nlp, text, expected) -> None:
    assert expected in affiliations(nlp, text)


# -- a headline line ends where a dateline line begins -----------------------------------


@pytest.mark.parametrize(
    "line", ["PORT SUDAN — The", "PATTANI, Thailand — A", "KABUL (Reuters) - A", "MOGADISHU, May 4"]
)
def test_dateline_starts(line: str) -> None:
    assert DATELINE_START.match(line)


@pytest.mark.parametrize("line", ["Taliban leaders met", "NATO said", "US forces attacked"])
def test_no_dateline(line: str) -> None:
    assert not DATELINE_START.match(line)


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [("PORT SUDAN", "SD-DN"), ("KHARTOUM", "SD-DN"), ("NYALA, Sudan", "SD-DN")],
)
def test_a_long_headline_does_not_swallow_the_dateline(nlp, dateline: str, expected: str) -> None:
    text = (
        "RSF shells displacement camp as army-allied fighters hold the line in the city\n"
        f"{dateline} — The Rapid Support Forces shelled a displacement camp on the edge of "
        "El Fasher on Monday, killing at least 14 civilians."
    )
    extraction = extract_article(Article("a", text), nlp(text))
    names = {entity.id: entity for entity in extraction.entities}
    provinces = {
        names[f.object].iso3166_2 for f in extraction.facts if f.predicate.value == "locatedIn"
    }
    assert provinces == {expected}
