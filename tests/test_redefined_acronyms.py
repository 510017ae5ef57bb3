"""A curated acronym that the article defines as another organisation's name.

The curated list gives each ambiguous acronym to the group it most often means in
conflict news ("ISF" to Iraq's security forces, "RSF" to Sudan's paramilitary, "ADF" to
the Congolese-Ugandan rebels). A text that writes "the Internal Security Forces (ISF)" has
said what its ISF is: the bracket and every later use of the acronym are that name, not
the curated group, which would otherwise appear in a Lebanese story as an ally.
"""

from __future__ import annotations

import pytest
from tests.extracted import extraction


def organisations(nlp, text: str) -> dict[str, list[str]]:
    """The article's organisations: name -> aliases."""
    found = extraction(nlp, text).entities
    return {e.name: e.aliases for e in found if e.type.value == "Organisation"}


REDEFINED = [
    pytest.param(
        "A patrol of the Lebanese Army, acting in coordination with the Internal Security "
        "Forces (ISF), arrested three suspects. The ISF said the men were smugglers.",
        "Internal Security Forces",
        "Iraqi Security Forces",
        id="Lebanon's ISF, an uncurated name",
    ),
    pytest.param(
        "Reporters Without Borders (RSF) said two journalists were detained in Khartoum. "
        "RSF called for their release.",
        "Reporters Without Borders",
        "Rapid Support Forces",
        id="RSF, a curated name of another organisation",
    ),
    pytest.param(
        "Fighters of the Ambazonia Defence Forces (ADF) attacked a gendarmerie post in "
        "Bamenda. The ADF said it had killed three gendarmes.",
        "Ambazonia Defence Forces",
        "Allied Democratic Forces",
        id="Cameroon's ADF",
    ),
]


@pytest.mark.parametrize(("text", "defined", "curated"), REDEFINED)
def test_the_text_s_definition_of_an_acronym_wins(nlp, text, defined, curated):
    found = organisations(nlp, text)
    assert curated not in found
    assert found[defined] == [found[defined][0]] and found[defined][0].isupper()


KEPT = [
    pytest.param(
        "The Iraqi Security Forces (ISF) attacked an IS hideout near Mosul. The ISF said "
        "12 militants were killed.",
        "Iraqi Security Forces",
        id="the curated group's own name",
    ),
    pytest.param(
        "Sudan's Rapid Support Forces (RSF) shelled El Fasher overnight. The RSF denied it.",
        "Rapid Support Forces",
        id="a curated name's other spelling",
    ),
    pytest.param(
        "The ISF said the men were smugglers and had fled towards Mosul.",
        "Iraqi Security Forces",
        id="no definition at all",
    ),
]


@pytest.mark.parametrize(("text", "curated"), KEPT)
def test_an_acronym_the_text_does_not_redefine_stays_curated(nlp, text, curated):
    assert curated in organisations(nlp, text)
